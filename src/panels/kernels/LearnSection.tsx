// "Learn the kernel" (notes 001 §1.4): X, Y = X ⋆ K_target, gradient descent on the squared error from a seeded random start,
// animated step by step: the loss curve, the weights converging, the prediction and error maps, and the update rule with numbers.

import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  clampStep,
  depthwiseKernel,
  followedWeight,
  gradientEntryTex,
  gradientTex,
  learningImage,
  learnKernel,
  lossTex,
  luminance,
  noiseImage,
  NOTES_PRINTED_LOSSES,
  NOTES_LEARNING,
  notesEdgeImage,
  tensor,
  updateRuleEntryTex,
  updateRuleTex,
  valueRange,
  WRITTEN_OUT_WEIGHTS,
  type KernelMatrix,
  type LearnKernelTrace,
  type Tensor,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatNumber, subscript } from '../../ui/formatNumber.ts';
import type { LabImage } from './imageSource.ts';
import {
  KERNELS_LIMITS,
  LEARN_PRESETS,
  LEARNING_RATES,
  learnTargetKernel,
  type KernelsConfig,
  type LearnData,
  type LearnTarget,
} from './kernelsConfig.ts';
import { LossCurve, WeightPaths } from './LearnCharts.tsx';
import { KERNELS_MESSAGES, type KernelsMessageKey } from './messages.ts';
import { TensorView } from './TensorView.tsx';

/** The learning fields of the config. */
export type LearnConfig = Pick<KernelsConfig, 'learnTarget' | 'learnData' | 'learningRate' | 'learnSteps' | 'learnSeed'>;

export interface LearnSectionProps {
  learn: LearnConfig;
  /** The lab's kernel when it is the target, else null. */
  labKernel: { weights: KernelMatrix; divisor: number } | null;
  update(patch: Partial<KernelsConfig>, intent?: HistoryIntent): void;
  /** The lab's picture, for learning from it ('image' data). */
  image: LabImage | null;
}

const TARGETS: readonly LearnTarget[] = ['edge1x2', 'sobelX', 'gaussianBlur', 'lab'];
const DATA: readonly LearnData[] = ['edge', 'noise', 'image'];

function learningData(data: LearnData, image: LabImage | null): Tensor | null {
  if (data === 'edge') return notesEdgeImage();
  if (data === 'noise') return noiseImage();
  return image ? learningImage(luminance(image.rgb), image.range) : null;
}

/** The run for a config, or the engine's reason it cannot run. */
function useLearningRun(
  learn: LearnConfig,
  labKernel: LearnSectionProps['labKernel'],
  image: LabImage | null,
): { trace: LearnKernelTrace; x: Tensor } | { error: string } | null {
  const { learnTarget, learnData, learningRate, learnSteps, learnSeed } = learn;
  const imageForData = learnData === 'image' ? image : null;
  return useMemo(() => {
    const x = learningData(learnData, imageForData);
    if (!x) return null;
    const target = learnTargetKernel({ learnTarget, weights: labKernel?.weights ?? [[1]], divisor: labKernel?.divisor ?? 1 });
    try {
      const trace = learnKernel({
        input: x,
        target: depthwiseKernel(target.weights, target.divisor, 1),
        learningRate,
        steps: learnSteps,
        seed: learnSeed,
      });
      return { trace, x };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [learnTarget, learnData, learningRate, learnSteps, learnSeed, labKernel, imageForData]);
}

/** A [1, 1, kH, kW] kernel as a one-channel map [1, kH, kW], for drawing. */
function kernelMap(kernel: Tensor): Tensor {
  return tensor(kernel.data, kernel.shape.slice(1));
}

/** A loss in words: as formatNumber down to 0.001, below that in scientific notation (so 9e−7 is not read as 0). */
function formatLoss(loss: number): string {
  return loss !== 0 && Math.abs(loss) < 1e-3 ? loss.toExponential(1).replace(/-/g, '\u2212') : formatNumber(loss);
}

function kernelText(values: ArrayLike<number>): string {
  return `[${Array.from(values, formatNumber).join(', ')}]`;
}

function LearnSectionImpl({ learn: config, labKernel, update, image }: LearnSectionProps) {
  const t = usePanelT(KERNELS_MESSAGES);
  const rawStep = useAppStore(useShallow((s) => s.step));
  const run = useLearningRun(config, labKernel, image);
  const isNotesSetting = config.learnData === 'edge' && config.learnTarget === 'edge1x2' && config.learningRate === NOTES_LEARNING.learningRate;

  // Memoised: the section re-renders on every step, its settings only when the settings change.
  const controls = useMemo(() => {
    const rates = LEARNING_RATES.includes(config.learningRate as (typeof LEARNING_RATES)[number])
      ? LEARNING_RATES
      : [...LEARNING_RATES, config.learningRate];
    return (
      <div className="panel-controls kernels-learn-controls">
        <PresetSelect
          label={t('learnPresets')}
          presets={LEARN_PRESETS.map((preset) => ({
            id: preset.id,
            label: t(`learnPreset.${preset.id}` as KernelsMessageKey),
            config: preset.config,
          }))}
          current={{ learnTarget: config.learnTarget, learnData: config.learnData, learningRate: config.learningRate, learnSteps: config.learnSteps }}
          onSelect={(preset) => {
            update(preset);
            useAppStore.getState().setStep(0);
          }}
        />
        <label className="preset-select">
          <span>{t('learnTarget')}</span>
          <select
            value={config.learnTarget}
            onChange={(event) => update({ learnTarget: event.target.value as LearnTarget })}
            data-testid="learn-target"
          >
            {TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`learnTarget.${target}` as KernelsMessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="preset-select">
          <span>{t('learnData')}</span>
          <select value={config.learnData} onChange={(event) => update({ learnData: event.target.value as LearnData })} data-testid="learn-data">
            {DATA.map((data) => (
              <option key={data} value={data}>
                {t(`learnData.${data}` as KernelsMessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="preset-select">
          <span>{t('learningRate')}</span>
          <select value={config.learningRate} onChange={(event) => update({ learningRate: Number(event.target.value) })} data-testid="learning-rate">
            {rates.map((rate) => (
              <option key={rate} value={rate}>
                {rate}
              </option>
            ))}
          </select>
        </label>
        <NumberControl
          label={t('learnSteps')}
          value={config.learnSteps}
          min={1}
          max={KERNELS_LIMITS.learnSteps}
          onChange={(learnSteps, intent) => update({ learnSteps }, intent)}
          testId="learn-steps"
        />
        <div className="kernels-seed">
          <NumberControl
            label={t('learnSeed')}
            value={config.learnSeed}
            min={0}
            max={KERNELS_LIMITS.learnSeed}
            onChange={(learnSeed, intent) => update({ learnSeed }, intent)}
            testId="learn-seed"
          />
          <button type="button" onClick={() => update({ learnSeed: (config.learnSeed + 1) % (KERNELS_LIMITS.learnSeed + 1) })}>
            {t('newStart')}
          </button>
        </div>
      </div>
    );
  }, [config, update, t]);

  if (!run || 'error' in run) {
    return (
      <section className="kernels-learn" aria-labelledby="kernels-learn-title" data-testid="learn">
        <h2 id="kernels-learn-title">{t('learnTitle')}</h2>
        {controls}
        <p className="control-message" role="status">
          {run ? t('learnError', { error: run.error }) : t('learnNeedsImage')}
        </p>
      </section>
    );
  }

  const { trace, x } = run;
  const step = clampStep(rawStep, trace.length);
  const frame = trace.frame(step);
  const [, , kH = 1, kW = 1] = trace.target.shape;
  const yScale = valueRange(trace.targetOutput).maxAbs;
  const unstable = config.learningRate >= trace.stableLearningRate;
  // A large kernel's formulas follow one weight: four 7×7 matrices of TeX are unreadable, and typesetting them took most of a step.
  const followed = kH * kW > WRITTEN_OUT_WEIGHTS ? followedWeight(frame) : null;

  return (
    <section className="kernels-learn" aria-labelledby="kernels-learn-title" data-testid="learn">
      <h2 id="kernels-learn-title">{t('learnTitle')}</h2>
      <p className="secondary">{t('learnIntro')}</p>
      {controls}
      <StepPlayer length={trace.length} />
      <Narration
        text={t(step === 0 ? 'learnNarrationStart' : 'learnNarration', {
          step,
          loss: formatLoss(frame.loss),
          kernel: kH * kW <= 4 ? `W = ${kernelText(frame.kernel.data)}` : t('learnSeeW'),
        })}
      />
      <div className="kernels-learn-charts">
        <LossCurve
          losses={trace.losses}
          step={step}
          reference={isNotesSetting ? NOTES_PRINTED_LOSSES.map((p) => ({ step: p.batch - 1, loss: p.loss })) : []}
          label={t('lossCurveLabel', { step, loss: formatLoss(frame.loss) })}
          stepLabel={t('axisStep')}
          lossLabel={t('axisLoss')}
          referenceLabel={t('notesPrintout')}
        />
        <WeightPaths
          kernels={trace.kernels}
          target={trace.target.data}
          step={step}
          cols={kW}
          label={t('weightPathsLabel', { step })}
          stepLabel={t('axisStep')}
          valueLabel={t('axisWeight')}
        />
      </div>
      <div className="grids kernels-learn-grids">
        <TensorView
          label={t('learnW', { step })}
          tensor={kernelMap(frame.kernel)}
          mode="signed"
          range={1}
          maxAbs={Math.max(valueRange(trace.target).maxAbs, 1)}
          testId="learn-kernel"
        />
        <TensorView
          label={t('learnK')}
          tensor={kernelMap(trace.target)}
          mode="signed"
          range={1}
          maxAbs={Math.max(valueRange(trace.target).maxAbs, 1)}
          testId="learn-target-kernel"
        />
        <TensorView label={t('learnX')} tensor={x} mode="signed" range={1} maxAbs={1} maxCellPx={34} testId="learn-x" />
        <TensorView label={t('learnY')} tensor={trace.targetOutput} mode="signed" range={1} maxAbs={yScale} maxCellPx={34} testId="learn-y" />
        <TensorView
          label={t('learnPrediction')}
          tensor={frame.prediction}
          mode="signed"
          range={1}
          maxAbs={yScale}
          maxCellPx={34}
          testId="learn-prediction"
        />
        <TensorView
          label={t('learnResidual')}
          tensor={frame.residual}
          mode="signed"
          range={1}
          maxAbs={yScale}
          maxCellPx={34}
          testId="learn-residual"
        />
      </div>
      <section className="formulas" aria-label={t('learnRule')}>
        <div className="formula-row">
          <span className="formula-label">{t('learnLoss')}</span>
          <Formula tex={lossTex(frame)} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('learnGradient')}</span>
          <Formula tex={followed ? gradientEntryTex(frame, ...followed) : gradientTex(frame)} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('learnRule')}</span>
          <Formula tex={followed ? updateRuleEntryTex(frame, config.learningRate, ...followed) : updateRuleTex(frame, config.learningRate)} />
        </div>
        {followed && (
          <p className="secondary" data-testid="learn-followed-weight">
            {t('learnFollowedWeight', { count: kH * kW, index: `${subscript(followed[0])},${subscript(followed[1])}` })}
          </p>
        )}
      </section>
      <p className={unstable ? 'note' : 'secondary'} data-testid="learn-stability">
        {t(unstable ? 'learnUnstable' : 'learnStable', { limit: formatNumber(trace.stableLearningRate), rate: config.learningRate })}
        {trace.divergedAt !== null && ` ${t('learnDiverged', { step: trace.divergedAt })}`}
      </p>
      {isNotesSetting && (
        <p className="note secondary" data-testid="learn-notes">
          {t('learnNotesMatch', { kernel: kernelText(trace.kernels[Math.min(10, trace.kernels.length - 1)] ?? []) })}
        </p>
      )}
    </section>
  );
}

/** Memoised: edits in the lab above re-render it only when its own settings (or, for the 'lab' target, the kernel) change. */
export const LearnSection = memo(LearnSectionImpl);
