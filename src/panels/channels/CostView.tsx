// The cost of a layer: parameters, multiply-adds and FLOPs with their formulas; standard vs depthwise separable; a dense layer vs this convolution.

import {
  convCost,
  convOutputSizeNotes,
  denseLayerFormula,
  multiplyAddsFormula,
  ratioFormula,
  separableFormulas,
  type Formula as FormulaValue,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useLanguage } from '../../i18n/useT.ts';
import { Formula } from '../../ui/Formula.tsx';
import type { CostFields } from './channelsConfig.ts';
import { CHANNELS_MESSAGES } from './messages.ts';

/** The layer's output size per axis in the notes' form ⌊(n + 2p − k)/s⌋ + 1. */
export function costOutputSize(config: CostFields): [FormulaValue, FormulaValue] {
  const axis = (i: 0 | 1) =>
    convOutputSizeNotes({
      input: config.costSize[i],
      kernel: config.costKernel[i],
      stride: config.costStride[i],
      padBefore: config.costPadding[i],
      padAfter: config.costPadding[i],
      dilation: 1,
    }) as FormulaValue;
  return [axis(0), axis(1)];
}

function Bar({ value, max, label, testId }: { value: number; max: number; label: string; testId: string }) {
  return (
    <div className="ch-bar" data-testid={testId}>
      <span className="ch-bar-label">{label}</span>
      <span className="ch-bar-track" aria-hidden="true">
        <span className="ch-bar-fill" style={{ width: `${Math.max((value / max) * 100, 0.5)}%` }} />
      </span>
    </div>
  );
}

export function CostView({ config }: { config: CostFields }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const language = useLanguage();
  const count = (n: number) => n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');
  const [outH, outW] = costOutputSize(config);
  const shape = {
    inChannels: config.costIn,
    outChannels: config.costOut,
    kernelH: config.costKernel[0],
    kernelW: config.costKernel[1],
    outH: outH.value,
    outW: outW.value,
    bias: config.costBias,
  };
  const cost = convCost(shape);
  const multiplyAdds = multiplyAddsFormula(shape);
  const separable = separableFormulas(shape);
  const dense = denseLayerFormula([config.costIn, ...config.costSize], [config.costOut, outH.value, outW.value], config.costBias);
  const denseRatio = ratioFormula(dense.value, cost.parameters);
  const largest = Math.max(cost.parameters, separable.parameters.value);

  return (
    <section className="ch-view" aria-labelledby="ch-cost-title">
      <h2 id="ch-cost-title">{t('cost.title')}</h2>
      <p className="secondary">{t('cost.intro')}</p>
      <p data-testid="cost-layer">
        {t('cost.layer', {
          cin: config.costIn,
          cout: config.costOut,
          kh: config.costKernel[0],
          kw: config.costKernel[1],
          h: config.costSize[0],
          w: config.costSize[1],
          oh: outH.value,
          ow: outW.value,
        })}
      </p>
      <section className="formulas" aria-label={t('cost.thisLayer')}>
        <h3 className="ch-subtitle">{t('cost.thisLayer')}</h3>
        <div className="formula-row">
          <span className="formula-label">{t('cost.outputSize')}</span>
          <Formula tex={`o_h = ${outH.tex}`} />
          <Formula tex={`o_w = ${outW.tex}`} />
        </div>
        <div className="formula-row" data-testid="cost-parameters">
          <span className="formula-label">{t('cost.parameters')}</span>
          <Formula tex={cost.parametersFormula.tex} />
        </div>
        <div className="formula-row" data-testid="cost-multiply-adds">
          <span className="formula-label">{t('cost.multiplyAdds')}</span>
          <Formula tex={multiplyAdds.tex} />
        </div>
        <div className="formula-row" data-testid="cost-flops">
          <span className="formula-label">{t('cost.flops')}</span>
          <Formula tex={cost.flopsFormula.tex} />
        </div>
        <p className="secondary">{t('cost.flopsNote')}</p>
      </section>

      <section className="formulas" aria-label={t('separable.title')}>
        <h3 className="ch-subtitle">{t('separable.title')}</h3>
        <p className="secondary">{t('separable.costIntro', { cin: config.costIn, cout: config.costOut })}</p>
        <div className="formula-row" data-testid="cost-standard">
          <span className="formula-label">{t('separable.standardShort')}</span>
          <Formula tex={cost.parametersFormula.tex} />
        </div>
        <div className="formula-row" data-testid="cost-separable">
          <span className="formula-label">{t('separable.pair')}</span>
          <Formula tex={separable.parameters.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('separable.ratio')}</span>
          <Formula tex={separable.ratio.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('separable.standardMultiplyAdds')}</span>
          <Formula tex={multiplyAdds.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('separable.pairMultiplyAdds')}</span>
          <Formula tex={separable.multiplyAdds.tex} />
        </div>
        <div className="ch-bars">
          <Bar value={cost.parameters} max={largest} label={t('separable.barStandard', { n: count(cost.parameters) })} testId="bar-standard" />
          <Bar
            value={separable.parameters.value}
            max={largest}
            label={t('separable.barPair', { n: count(separable.parameters.value) })}
            testId="bar-separable"
          />
        </div>
      </section>

      <section className="formulas" aria-label={t('dense.title')}>
        <h3 className="ch-subtitle">{t('dense.title')}</h3>
        <p className="secondary">{t('dense.intro')}</p>
        <div className="formula-row" data-testid="cost-dense">
          <span className="formula-label">{t('dense.dense')}</span>
          <Formula tex={dense.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('dense.conv')}</span>
          <Formula tex={cost.parametersFormula.tex} />
        </div>
        <div className="formula-row" data-testid="cost-dense-ratio">
          <span className="formula-label">{t('dense.ratio')}</span>
          <Formula tex={denseRatio.tex} />
        </div>
        <p data-testid="cost-dense-words">{t('dense.words', { dense: count(dense.value), conv: count(cost.parameters) })}</p>
        <p className="secondary">{t('dense.sharing')}</p>
      </section>
    </section>
  );
}
