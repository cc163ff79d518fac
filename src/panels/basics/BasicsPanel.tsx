// The Basics panel: cross-correlation vs true convolution, stepped over the engine's trace, with its formulas and why convolution pays.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clampStep, convCost, convOutputSizeValid, denseParameters, productSumTex } from '../../engine/index.ts';
import { useAppStore } from '../../state/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ConvStage } from '../../ui/ConvStage.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { resizeMatrix } from '../../ui/matrix.ts';
import { Formula } from '../../ui/Formula.tsx';
import { useAfterPaint } from '../../ui/useAfterPaint.ts';
import { NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { BASICS_LIMITS, BASICS_PRESETS, type BasicsConfig } from './basicsConfig.ts';
import { basicsTrace } from './basicsTrace.ts';

function WhyConvolution({ config, outH, outW }: { config: BasicsConfig; outH: number; outW: number }) {
  const t = useT();
  const inH = config.input.length;
  const inW = config.input[0]?.length ?? 0;
  const kH = config.kernel.length;
  const kW = config.kernel[0]?.length ?? 0;
  const dense = denseParameters(inH * inW, outH * outW, false);
  const conv = convCost({ inChannels: 1, outChannels: 1, kernelH: kH, kernelW: kW, outH, outW, bias: false }).parameters;
  const denseImage = denseParameters(224 * 224, 224 * 224, false);
  return (
    <section className="why-strip" aria-labelledby="why-title">
      <h2 id="why-title">{t('basics.why.title')}</h2>
      <p>{t('basics.why.dense', { inH, inW, outH, outW, dense: dense.toLocaleString() })}</p>
      <p>{t('basics.why.conv', { kH, kW, conv })}</p>
      <p className="secondary">{t('basics.why.image', { denseImage: denseImage.toLocaleString() })}</p>
      <p className="secondary">{t('basics.why.points')}</p>
    </section>
  );
}

/** The current step's sum with its numbers: the one part of the panel that follows the step, so only it re-renders. */
function CurrentSum({ trace }: { trace: ReturnType<typeof basicsTrace> }) {
  const rawStep = useAppStore((s) => s.step);
  const frame = trace.frame(clampStep(rawStep, trace.length));
  const products = frame.taps.map((tap) => ({ a: tap.inputValue, b: tap.weightValue }));
  const tex = `y_{${frame.outY},${frame.outX}} = ${productSumTex(products, frame.bias, frame.value)}`;
  // Up to 25 products (a 5×5 kernel), the longest formula a step typesets: set once the step's grids are painted.
  const shown = useAfterPaint(tex, () => tex);
  return <Formula tex={shown.value} />;
}

export default function BasicsPanel() {
  const t = useT();
  const { config, updateConfig } = useAppStore(useShallow((s) => ({ config: s.configs.basics, updateConfig: s.updateConfig })));
  const trace = useMemo(() => basicsTrace(config), [config]);
  const { height, width } = trace.plan.geometry;

  const inH = config.input.length;
  const inW = config.input[0]?.length ?? 0;
  const kH = config.kernel.length;
  const kW = config.kernel[0]?.length ?? 0;
  const update = (patch: Partial<BasicsConfig>, intent: 'push' | 'replace' = 'push') => updateConfig('basics', patch, intent);

  const definitionTex = config.flip
    ? 's(r,c) = \\sum_{i}\\sum_{j} x(r+i,\\,c+j)\\,w(k_h-1-i,\\,k_w-1-j)' + (config.bias !== 0 ? ' + b' : '')
    : 's(r,c) = \\sum_{i}\\sum_{j} x(r+i,\\,c+j)\\,w(i,j)' + (config.bias !== 0 ? ' + b' : '');

  return (
    <PanelFrame
      id="basics"
      title={t('basics.title')}
      intro={t('basics.intro')}
      controlsLabel={t('basics.controls')}
      after={<WhyConvolution config={config} outH={height.output} outW={width.output} />}
      controls={
        <>
          <div className="panel-controls">
            <fieldset className="toggle-group">
              <legend>{t('basics.operation')}</legend>
              <label>
                <input type="radio" name="basics-op" checked={!config.flip} onChange={() => update({ flip: false })} />
                {t('basics.crossCorrelation')}
              </label>
              <label>
                <input type="radio" name="basics-op" checked={config.flip} onChange={() => update({ flip: true })} />
                {t('basics.convolution')}
              </label>
            </fieldset>
            <PresetSelect
              label={t('basics.presets')}
              presets={BASICS_PRESETS.map((preset) => ({ id: preset.id, label: t(preset.label), config: preset.config }))}
              current={config}
              onSelect={(preset) => update(preset)}
            />
            <NumberControl
              label={t('basics.bias')}
              value={config.bias}
              min={-BASICS_LIMITS.bias}
              max={BASICS_LIMITS.bias}
              decimals={4}
              onChange={(bias, intent) => update({ bias }, intent)}
              testId="bias-control"
            />
          </div>

          <div className="panel-controls secondary-controls">
            <PairControl
              label={t('basics.inputSize')}
              value={[inH, inW]}
              min={1}
              max={[BASICS_LIMITS.input.maxRows, BASICS_LIMITS.input.maxCols]}
              onChange={([rows, cols], intent) =>
                update(
                  { input: resizeMatrix(config.input, rows, cols), kernel: resizeMatrix(config.kernel, Math.min(kH, rows), Math.min(kW, cols)) },
                  intent,
                )
              }
              testId="input-size"
            />
            <PairControl
              label={t('basics.kernelSize')}
              value={[kH, kW]}
              min={1}
              max={[Math.min(BASICS_LIMITS.kernel.maxRows, inH), Math.min(BASICS_LIMITS.kernel.maxCols, inW)]}
              onChange={([rows, cols], intent) => update({ kernel: resizeMatrix(config.kernel, rows, cols) }, intent)}
              testId="kernel-size"
            />
            <MatrixEditor
              label="X"
              value={config.input}
              limits={BASICS_LIMITS.input}
              onChange={(input) =>
                update({ input, kernel: resizeMatrix(config.kernel, Math.min(kH, input.length), Math.min(kW, input[0]?.length ?? 1)) })
              }
              testId="input-editor"
            />
            <MatrixEditor
              label="K"
              value={config.kernel}
              limits={{
                ...BASICS_LIMITS.kernel,
                maxRows: Math.min(BASICS_LIMITS.kernel.maxRows, inH),
                maxCols: Math.min(BASICS_LIMITS.kernel.maxCols, inW),
              }}
              onChange={(kernel) => update({ kernel })}
              testId="kernel-editor"
            />
          </div>
        </>
      }
    >
      <ConvStage trace={trace} operator={config.flip ? '∗' : '⋆'} kernelLabel={config.flip ? t('grid.kernelFlipped') : t('grid.kernel')} />
      {config.flip && <p className="note">{t('basics.flipNote')}</p>}

      <section className="formulas" aria-label={t('basics.sumFormula')}>
        <h2 className="visually-hidden">{t('basics.sumFormula')}</h2>
        <div className="formula-row">
          <span className="formula-label">{t('basics.sumFormula')}</span>
          <Formula tex={definitionTex} />
        </div>
        <div className="formula-row formula-current">
          <CurrentSum trace={trace} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('basics.sizeFormula')}</span>
          <span className="formula-lines">
            <Formula tex={`h_{out} = ${convOutputSizeValid(height).tex}`} />
            <Formula tex={`w_{out} = ${convOutputSizeValid(width).tex}`} />
          </span>
        </div>
      </section>
    </PanelFrame>
  );
}
