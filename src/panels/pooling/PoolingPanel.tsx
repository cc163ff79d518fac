// The Pooling panel: max and average pooling stepped forward and backward, channels kept apart, global/adaptive/pyramid pooling, conv vs pooling.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { ChannelsView } from './ChannelsView.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { POOLING_MESSAGES } from './messages.ts';
import { PoolingControls } from './PoolingControls.tsx';
import { fitPoolingConfig, poolTensor, type PoolingConfig, type PoolPass } from './poolingConfig.ts';
import { backwardTrace, forwardTrace, gradOutputFor } from './poolingTrace.ts';
import { PoolStage } from './PoolStage.tsx';
import { RegionPooling } from './RegionPooling.tsx';

export default function PoolingPanel() {
  const t = usePanelT(POOLING_MESSAGES);
  const { config, updateConfig } = useAppStore(useShallow((s) => ({ config: s.configs.pooling, updateConfig: s.updateConfig })));
  const update = (patch: Partial<PoolingConfig>, intent: HistoryIntent = 'push') =>
    updateConfig('pooling', fitPoolingConfig({ ...config, ...patch }), intent);
  const input = useMemo(() => poolTensor(config), [config]);
  const forward = useMemo(() => forwardTrace(config, input), [config, input]);
  const gradOutput = useMemo(() => gradOutputFor(config, forward.plan.outputShape), [config, forward]);
  const backward = useMemo(() => backwardTrace(config, input, gradOutput), [config, input, gradOutput]);

  return (
    <PanelFrame
      id="pooling"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={t('settings')}
      controls={<PoolingControls config={config} update={update} />}
    >
      <div className="preset-buttons pool-pass" role="group" aria-label={t('pass')}>
        {(['forward', 'backward'] as const satisfies readonly PoolPass[]).map((pass) => (
          <button key={pass} type="button" aria-pressed={config.pass === pass} onClick={() => update({ pass })}>
            {t(`pass.${pass}`)}
          </button>
        ))}
      </div>
      <PoolStage config={config} input={input} forward={forward} gradOutput={gradOutput} backward={backward} />
      <ChannelsView config={config} input={input} forward={forward} update={update} />
      <RegionPooling config={config} update={update} />
      <ComparisonTable />
    </PanelFrame>
  );
}
