// The Dilation panel: per-axis dilation, the kernel spread with its holes, k' = d(k − 1) + 1, and the gridding problem of stacked dilations.

import { useMemo } from 'react';
import { convOutputSizeGeneral, effectiveKernelFormula, receptiveField } from '../../engine/index.ts';
import { usePanelConfig } from '../../state/usePanelConfig.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { ConvStage } from '../../ui/ConvStage.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { Formula } from '../../ui/Formula.tsx';
import { Grid } from '../../ui/Grid.tsx';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { convLabTrace } from '../convLab/convLabTrace.ts';
import { ConvLabPresetSelect, DilationControl, PaddingControls, SizeControls, StrideControl } from '../convLab/ConvLabControls.tsx';
import { CONV_LAB_MESSAGES } from '../convLab/messages.ts';
import { DILATION_PRESETS, STACK_LIMITS, type DilationConfig } from './dilationConfig.ts';
import { pathCounts } from './gridding.ts';
import { DILATION_MESSAGES } from './messages.ts';

const STACK_PRESETS: readonly (readonly number[])[] = [
  [2, 2, 2],
  [1, 2, 3],
  [2, 2],
  [1, 2, 2, 3],
];

function GriddingView({ stack, update }: { stack: readonly number[]; update(patch: Partial<DilationConfig>, intent?: HistoryIntent): void }) {
  const t = usePanelT(DILATION_MESSAGES);
  const counts = useMemo(() => pathCounts(stack), [stack]);
  const size = counts.shape[1] as number;
  const holes = Array.from(counts.data).filter((v) => v === 0).length;
  const sizes = receptiveField(stack.map((d) => ({ kernelSize: 3, dilation: d }))).map((entry) => entry.size);
  const layersParam = stack.map((d) => `c3s1p${d}d${d}`).join('.');
  return (
    <section className="gridding" aria-labelledby="gridding-title">
      <h2 id="gridding-title">{t('gridding')}</h2>
      <p className="secondary">{t('griddingIntro')}</p>
      <div className="panel-controls">
        <fieldset className="stack-controls">
          <legend>{t('stack')}</legend>
          {stack.map((d, index) => (
            <NumberControl
              key={index}
              label={t('layer', { n: index + 1 })}
              value={d}
              min={1}
              max={STACK_LIMITS.maxRate}
              onChange={(rate, intent) => update({ stack: stack.map((old, i) => (i === index ? rate : old)) }, intent)}
            />
          ))}
          <div className="preset-buttons">
            <button type="button" disabled={stack.length >= STACK_LIMITS.maxLayers} onClick={() => update({ stack: [...stack, 1] })}>
              {t('addLayer')}
            </button>
            <button type="button" disabled={stack.length <= STACK_LIMITS.minLayers} onClick={() => update({ stack: stack.slice(0, -1) })}>
              {t('removeLayer')}
            </button>
          </div>
        </fieldset>
        <div className="preset-buttons" role="group" aria-label={t('stackPresets')}>
          {STACK_PRESETS.map((preset) => (
            <button
              key={preset.join(',')}
              type="button"
              aria-pressed={preset.join(',') === stack.join(',')}
              onClick={() => update({ stack: preset })}
            >
              d = {preset.join(', ')}
            </button>
          ))}
        </div>
      </div>
      <Grid
        label={t('pathsLabel')}
        rows={size}
        cols={size}
        valueAt={(y, x) => counts.data[y * size + x] ?? 0}
        unread={(y, x) => (counts.data[y * size + x] ?? 0) === 0}
        showValues={size <= 15}
        maxCellPx={34}
        testId="grid-gridding"
      />
      <p className="note" data-testid="gridding-summary">
        {holes > 0 ? t('holes', { holes, total: size * size, size }) : t('noHoles', { size })}
      </p>
      <p>
        {t('receptive', { sizes: sizes.join(' → ') })} <a href={`?v=1&p=receptive&layers=${layersParam}`}>{t('openReceptive')}</a>
      </p>
      <p className="secondary">{t('smallObjects')}</p>
    </section>
  );
}

export default function DilationPanel() {
  const t = usePanelT(DILATION_MESSAGES);
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const { config, update } = usePanelConfig('dilation');
  const trace = useMemo(() => convLabTrace(config), [config]);
  const { height, width } = trace.plan.geometry;
  const kernel = trace.weight.data;
  const spreadAt = (y: number, x: number) => kernel[(y / height.dilation) * width.kernel + x / width.dilation] ?? 0;
  const isHole = (y: number, x: number) => y % height.dilation !== 0 || x % width.dilation !== 0;

  return (
    <PanelFrame
      id="dilation"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={lt('settings')}
      controls={
        <>
          <ConvLabPresetSelect
            presets={DILATION_PRESETS}
            labelOf={(id) => t(`preset.${id}` as Parameters<typeof t>[0])}
            config={config}
            update={update}
          />
          <DilationControl config={config} update={update} />
          <div className="secondary-controls panel-controls">
            <PaddingControls config={config} update={update} />
            <StrideControl config={config} update={update} />
            <SizeControls config={config} update={update} />
          </div>
        </>
      }
    >
      <ConvStage trace={trace} showUnread>
        <div className="grids">
          <Grid
            label={t('spread')}
            rows={height.effectiveKernel}
            cols={width.effectiveKernel}
            valueAt={spreadAt}
            pending={isHole}
            testId="grid-spread"
          />
        </div>
        <p className="secondary">{t('spreadNote', { count: height.kernel * width.kernel })}</p>
      </ConvStage>
      <section className="formulas" aria-label={t('effective')}>
        <div className="formula-row">
          <span className="formula-label">{t('effective')}</span>
          <Formula tex={`k'_h = ${effectiveKernelFormula(height.kernel, height.dilation).tex}`} />
          <Formula tex={`k'_w = ${effectiveKernelFormula(width.kernel, width.dilation).tex}`} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{lt('outputSize')}</span>
          <Formula tex={`h_{out} = ${convOutputSizeGeneral(height).tex}`} />
          <Formula tex={`w_{out} = ${convOutputSizeGeneral(width).tex}`} />
        </div>
      </section>
      <GriddingView stack={config.stack} update={update} />
    </PanelFrame>
  );
}
