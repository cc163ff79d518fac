// The Channels panel: input channels summed, output channels as a 4-D weight, 1×1 = a matrix per pixel, groups and depthwise separable, cost, 3-D.

import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { CHANNELS_VIEWS, LAYER_PRESETS, exceedsLink, type ChannelsConfig, type ChannelsView } from './channelsConfig.ts';
import { layerTensors } from './channelsLayer.ts';
import { CostControls, LayerControls, VolumeControls, costFields, volumeFields } from './ChannelsControls.tsx';
import { CostView } from './CostView.tsx';
import { GroupsView } from './GroupsView.tsx';
import { InputChannelsView } from './InputChannelsView.tsx';
import { CHANNELS_MESSAGES } from './messages.ts';
import { OutputChannelsView } from './OutputChannelsView.tsx';
import { PointwiseView } from './PointwiseView.tsx';
import { VolumeView } from './VolumeView.tsx';

function ViewSwitcher({ view, onChange }: { view: ChannelsView; onChange(view: ChannelsView): void }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  return (
    <div className="ch-views" role="group" aria-label={t('view.label')}>
      {CHANNELS_VIEWS.map((id) => (
        <button key={id} type="button" aria-pressed={id === view} onClick={() => onChange(id)} data-testid={`view-${id}`}>
          {t(`view.${id}`)}
        </button>
      ))}
    </div>
  );
}

export default function ChannelsPanel() {
  const t = usePanelT(CHANNELS_MESSAGES);
  const { config, updateConfig, setStep } = useAppStore(
    useShallow((s) => ({ config: s.configs.channels, updateConfig: s.updateConfig, setStep: s.setStep })),
  );
  const [linkMessage, setLinkMessage] = useState<string | null>(null);
  const update = (patch: Partial<ChannelsConfig>, intent: HistoryIntent = 'push') => {
    if (exceedsLink({ ...config, ...patch })) {
      setLinkMessage(t('tooLong'));
      return;
    }
    setLinkMessage(null);
    updateConfig('channels', patch, intent);
  };
  const showView = (view: ChannelsView) => {
    updateConfig('channels', { view }, 'push');
    setStep(0);
  };
  const { input, weight, bias, groups } = config;
  const layer = useMemo(() => layerTensors({ input, weight, bias, groups }), [input, weight, bias, groups]);
  const cost = costFields(config);
  const volume = useMemo(() => volumeFields(config), [config]);
  const controlsProps = { config, update, showView };
  const loadPreset = (id: string) => {
    const preset = LAYER_PRESETS.find((p) => p.id === id);
    if (preset) update(preset.config);
  };

  return (
    <PanelFrame
      id="channels"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={t('controls.label')}
      controls={
        <>
          {linkMessage && (
            <p className="control-message" role="status">
              {linkMessage}
            </p>
          )}
          {config.view === 'cost' ? (
            <CostControls {...controlsProps} />
          ) : config.view === 'volume' ? (
            <VolumeControls {...controlsProps} />
          ) : (
            <LayerControls {...controlsProps} />
          )}
        </>
      }
    >
      <ViewSwitcher view={config.view} onChange={showView} />
      {config.view === 'inputs' && <InputChannelsView layer={layer} />}
      {config.view === 'outputs' && <OutputChannelsView layer={layer} onLoadExample={() => loadPreset('threeOut')} />}
      {config.view === 'pointwise' && <PointwiseView layer={layer} onLoadExample={() => loadPreset('oneByOne')} />}
      {config.view === 'groups' && <GroupsView config={config} layer={layer} update={update} />}
      {config.view === 'cost' && <CostView config={cost} />}
      {config.view === 'volume' && <VolumeView config={volume} />}
    </PanelFrame>
  );
}
