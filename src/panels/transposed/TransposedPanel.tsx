// The Transposed panel: scatter, zero-insertion + direct convolution, and Cᵀ·y side by side on one player; sizes, round trip, checkerboard.

import { memo, useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  clampStep,
  isInsertedZero,
  stampsLandingOn,
  transposedOutputSizeNotes,
  transposedOutputSizePrime,
  transposedOutputSizePyTorch,
  zeroInsertedPadding,
  zeroInsertedPosition,
  type TransposedAxis,
} from '../../engine/index.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { useT } from '../../i18n/useT.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { ConvStage } from '../../ui/ConvStage.tsx';
import { Formula } from '../../ui/Formula.tsx';
import type { GridInserted } from '../../ui/Grid.tsx';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { PairControl } from '../../ui/NumberControl.tsx';
import { presetLabel } from '../../quiz/presetLabel.ts';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatFactor, formatNumber } from '../../ui/formatNumber.ts';
import { patternInput } from '../convLab/convLabConfig.ts';
import { resizeMatrix } from '../../ui/matrix.ts';
import { CONV_LAB_MESSAGES } from '../convLab/messages.ts';
import { CheckerboardSection } from './Checkerboard.tsx';
import { MatrixView } from './MatrixView.tsx';
import { TRANSPOSED_MESSAGES, type TransposedKey } from './messages.ts';
import { OutputPaddingSection, RoundTripSection } from './RoundTrip.tsx';
import { ScatterView } from './ScatterView.tsx';
import { STEP_ORDERS, TRANSPOSED_LIMITS, TRANSPOSED_PRESETS, type StepOrder, type TransposedConfig } from './transposedConfig.ts';
import { keepValid, optionLimits, transposedViews, type TransposedViews } from './transposedTraces.ts';
import { transposedQuizSource } from '../../quiz/quizSources.ts';

type PanelT = (key: TransposedKey, params?: Record<string, string | number>) => string;

/** "2", or "1 in height, 2 in width" when the axes differ. */
function pairText(t: PanelT, h: number | string, w: number | string): string {
  return h === w ? t('pair.same', { value: h }) : t('pair.different', { h, w });
}

/** The shared narration: what this step does, in the words of the step order in force. */
function stepNarration(t: PanelT, views: TransposedViews, order: StepOrder, step: number): string {
  const { plan, scatter, input, weight, scatterOutput } = views;
  if (order === 'input') {
    const frame = scatter.frame(step);
    const inside = frame.contributions.filter((c) => c.inside);
    const base = { row: frame.inY, col: frame.inX, value: formatNumber(frame.inputValue) };
    if (inside.length === 0) return t('narr.scatterNone', base);
    const rows = inside.map((c) => c.outY);
    const cols = inside.map((c) => c.outX);
    const span = (values: number[]) => {
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      return lo === hi ? String(lo) : `${lo}–${hi}`;
    };
    const text = t('narr.scatter', { ...base, rows: span(rows), cols: span(cols) });
    const cropped = frame.contributions.length - inside.length;
    return cropped > 0 ? `${text} ${t('narr.cropped', { n: cropped, total: frame.contributions.length })}` : text;
  }
  const o = clampStep(step, plan.height.output * plan.width.output);
  const outY = Math.floor(o / plan.width.output);
  const outX = o % plan.width.output;
  const terms = stampsLandingOn(plan, input, weight, outY, outX);
  const value = formatNumber(scatterOutput.data[o] ?? 0);
  if (terms.length === 0) return t('narr.gatherNone', { row: outY, col: outX });
  const sum = `${terms.map((term) => `${formatFactor(term.inputValue)}×${formatFactor(term.weightValue)}`).join(' + ')} = ${value}`;
  return t(terms.length === 1 ? 'narr.gatherOne' : 'narr.gather', { row: outY, col: outX, sum, count: terms.length });
}

/** One notation: its label, the formula in symbols, then the numbers per axis (one line when both axes agree). */
function NotationRow({ label, symbolic, perAxis, testId }: { label: string; symbolic: string; perAxis: [string, string]; testId: string }) {
  const [h, w] = perAxis;
  return (
    <div className="tr-formula" data-testid={testId}>
      <div className="tr-formula-head">
        <span className="formula-label">{label}</span>
        <Formula tex={symbolic} />
      </div>
      <div className="tr-formula-values">
        {h === w ? (
          <Formula tex={`h_{out} = w_{out} = ${h}`} />
        ) : (
          <>
            <Formula tex={`h_{out} = ${h}`} />
            <Formula tex={`w_{out} = ${w}`} />
          </>
        )}
      </div>
    </div>
  );
}

const FormulaRows = memo(function FormulaRows({ height, width }: { height: TransposedAxis; width: TransposedAxis }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const dilated = height.dilation > 1 || width.dilation > 1;
  const padded = height.outputPadding > 0 || width.outputPadding > 0;
  const both = <T,>(f: (axis: TransposedAxis) => T): [T, T] => [f(height), f(width)];
  const [primeH, primeW] = both((axis) => zeroInsertedPadding(axis.kernel, axis.padding, axis.dilation).tex);
  const [outH, outW] = both((axis) => transposedOutputSizePrime(axis).tex);
  const prime: [string, string] =
    primeH === primeW && outH === outW
      ? [`${outH},\\quad ${primeH}`, `${outW},\\quad ${primeW}`]
      : [`${outH},\\quad ${primeH.replace("p'", "p'_h")}`, `${outW},\\quad ${primeW.replace("p'", "p'_w")}`];
  return (
    <section className="formulas" aria-labelledby="tr-formulas-title">
      <h2 id="tr-formulas-title">{t('formulas.title')}</h2>
      <NotationRow
        label={t('formulas.pytorch')}
        symbolic={String.raw`o = (i - 1)\,s - 2p + d\,(k - 1) + \mathit{output\_padding} + 1`}
        perAxis={both((axis) => transposedOutputSizePyTorch(axis).tex)}
        testId="tr-formula-pytorch"
      />
      <NotationRow
        label={t('formulas.notes000')}
        symbolic={String.raw`o = (i - 1)\,s + k - 2p`}
        perAxis={both((axis) => transposedOutputSizeNotes(axis).tex)}
        testId="tr-formula-notes000"
      />
      <NotationRow
        label={t('formulas.notes004')}
        symbolic={String.raw`o = s\,(i - 1) + 2p' - k + 2,\quad p' = k - 1 - p`}
        perAxis={prime}
        testId="tr-formula-notes004"
      />
      {(dilated || padded) && <p className="secondary">{t('formulas.notesCaveat')}</p>}
      <p className="secondary">{t('formulas.symbols')}</p>
    </section>
  );
});

const OrderControl = memo(function OrderControl({ order, onChange }: { order: StepOrder; onChange(order: StepOrder): void }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  return (
    <fieldset className="tr-order" data-testid="tr-order">
      <legend>{t('order.legend')}</legend>
      {STEP_ORDERS.map((value) => (
        <label key={value}>
          <input type="radio" name="tr-order" value={value} checked={order === value} onChange={() => onChange(value)} />
          {t(value === 'input' ? 'order.input' : 'order.output')}
        </label>
      ))}
    </fieldset>
  );
});

/** The panel's settings: a component of their own, so that stepping (which re-renders the panel) leaves them alone. */
const TransposedControls = memo(function TransposedControls({
  config,
  update,
  setStep,
}: {
  config: TransposedConfig;
  update(patch: Partial<TransposedConfig>, intent?: HistoryIntent): void;
  setStep(step: number): void;
}) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const quiz = useAppStore((s) => s.quiz);
  const limits = optionLimits(config);
  const inH = config.input.length;
  const inW = config.input[0]?.length ?? 0;
  const kH = config.kernel.length;
  const kW = config.kernel[0]?.length ?? 0;
  return (
    <>
      <PresetSelect
        label={lt('presets')}
        presets={TRANSPOSED_PRESETS.map((preset) => ({
          id: preset.id,
          // In quiz mode a name's output size ("2×2 → 5×5") is the answer to the first question.
          label: presetLabel(t(`preset.${preset.id}` as Parameters<typeof t>[0]), quiz),
          config: { ...preset.config, order: config.order, layers: config.layers },
        }))}
        current={config}
        onSelect={(preset) => {
          update(preset);
          setStep(0);
        }}
      />
      <PairControl
        label={lt('stride')}
        value={config.stride}
        min={1}
        max={[TRANSPOSED_LIMITS.stride, TRANSPOSED_LIMITS.stride]}
        onChange={(stride, intent) => update({ stride }, intent)}
        testId="tr-stride"
      />
      <PairControl
        label={t('control.padding')}
        value={config.padding}
        min={0}
        max={limits.padding}
        onChange={(padding, intent) => update({ padding }, intent)}
        testId="tr-padding"
      />
      <PairControl
        label={t('control.outputPadding')}
        value={config.outputPadding}
        min={0}
        max={limits.outputPadding}
        onChange={(outputPadding, intent) => update({ outputPadding }, intent)}
        testId="tr-output-padding"
      />
      <p className="secondary hint">{t('control.outputPaddingRule', { h: limits.outputPadding[0], w: limits.outputPadding[1] })}</p>
      <PairControl
        label={lt('dilation')}
        value={config.dilation}
        min={1}
        max={[TRANSPOSED_LIMITS.dilation, TRANSPOSED_LIMITS.dilation]}
        onChange={(dilation, intent) => update({ dilation }, intent)}
        testId="tr-dilation"
      />
      <div className="secondary-controls panel-controls">
        <PairControl
          label={t('control.inputSize')}
          value={[inH, inW]}
          min={1}
          max={[TRANSPOSED_LIMITS.input.maxRows, TRANSPOSED_LIMITS.input.maxCols]}
          onChange={([rows, cols], intent) =>
            update({ input: resizeMatrix(config.input, rows, cols, (r, c) => patternInput(rows, cols)[r]?.[c] ?? 0) }, intent)
          }
          testId="tr-input-size"
        />
        <PairControl
          label={lt('kernelSize')}
          value={[kH, kW]}
          min={1}
          max={[TRANSPOSED_LIMITS.kernel.maxRows, TRANSPOSED_LIMITS.kernel.maxCols]}
          onChange={([rows, cols], intent) => update({ kernel: resizeMatrix(config.kernel, rows, cols, () => 1) }, intent)}
          testId="tr-kernel-size"
        />
        <MatrixEditor
          label={t('inputSmall')}
          value={config.input}
          limits={TRANSPOSED_LIMITS.input}
          onChange={(input) => update({ input })}
          testId="tr-input-editor"
        />
        <MatrixEditor
          label="K"
          value={config.kernel}
          limits={TRANSPOSED_LIMITS.kernel}
          onChange={(kernel) => update({ kernel })}
          testId="tr-kernel-editor"
        />
      </div>
    </>
  );
});

export default function TransposedPanel() {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const st = useT();
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const { config, updateConfig, rawStep, setStep } = useAppStore(
    useShallow((s) => ({ config: s.configs.transposed, updateConfig: s.updateConfig, rawStep: s.step, setStep: s.setStep })),
  );
  // Stable across steps (it reads the config when called), so the memoised sections below skip re-rendering while the player runs.
  const update = useCallback(
    (patch: Partial<TransposedConfig>, intent: HistoryIntent = 'push') =>
      updateConfig('transposed', keepValid({ ...useAppStore.getState().configs.transposed, ...patch }), intent),
    [updateConfig],
  );
  const chooseOrder = useCallback(
    (next: StepOrder) => {
      update({ order: next });
      setStep(0);
    },
    [update, setStep],
  );
  const views = useMemo(() => transposedViews(config), [config]);
  const { plan, direct } = views;
  const { height, width } = plan;
  const order = config.order;
  const length = order === 'input' ? views.scatter.length : direct.length;
  const quiz = useMemo(() => transposedQuizSource(views, order), [views, order]);
  const step = clampStep(rawStep, length);

  const inserted = useMemo<GridInserted>(() => ({ at: (y, x) => isInsertedZero(plan, y, x), label: t('legend.inserted') }), [plan, t]);
  const inY = Math.floor(step / width.input);
  const inX = step % width.input;
  const [focusY, focusX] = zeroInsertedPosition(plan, inY, inX);
  const directGeometry = direct.plan.geometry;
  const borderH = directGeometry.height.padBefore;
  const borderW = directGeometry.width.padBefore;
  const cropped = borderH < 0 || borderW < 0;

  return (
    <PanelFrame
      id="transposed"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={lt('settings')}
      controls={<TransposedControls config={config} update={update} setStep={setStep} />}
      after={
        <div className="tr-lessons">
          <RoundTripSection views={views} />
          <OutputPaddingSection views={views} config={config} update={update} />
          <CheckerboardSection layers={config.layers} update={update} />
        </div>
      }
    >
      <p className="tr-usage">{t('usage')}</p>
      <p className="tr-sizes" data-testid="tr-sizes">
        {t('sizes', { ih: height.input, iw: width.input, oh: height.output, ow: width.output })}
      </p>
      <OrderControl order={order} onChange={chooseOrder} />
      <StepPlayer length={length} quiz={quiz} />
      <Narration text={stepNarration(t, views, order, step)} />
      <p className="secondary hint">{t(order === 'input' ? 'order.inputNote' : 'order.outputNote')}</p>
      <div className="tr-views">
        <ScatterView views={views} order={order} step={step} />
        <section className="tr-view" aria-labelledby="tr-direct-title">
          <h2 id="tr-direct-title">{t('direct.title')}</h2>
          <p className="secondary tr-view-intro">
            {t('direct.intro', {
              gaps: pairText(t, height.stride - 1, width.stride - 1),
              border: pairText(t, formatNumber(borderH), formatNumber(borderW)),
            })}
          </p>
          <ConvStage
            trace={direct}
            showPlayer={false}
            step={order === 'output' ? step : direct.length - 1}
            focus={order === 'input' ? { grid: 'input', y: focusY, x: focusX } : null}
            inputLabel={cropped ? t('direct.inputCropped') : t('direct.input')}
            outputLabel={t('outputLarge')}
            kernelLabel={st('grid.kernelFlipped')}
            inputInserted={inserted}
          >
            {order === 'input' && <p className="tr-view-focus">{t('direct.focus', { row: inY, col: inX, zy: focusY, zx: focusX })}</p>}
            <p className="secondary">{t('direct.cells')}</p>
            {height.outputPadding + width.outputPadding > 0 && (
              <p className="secondary">{t('direct.outputPadding', { h: height.outputPadding, w: width.outputPadding })}</p>
            )}
            {cropped && <p className="note">{t('direct.cropped', { h: Math.max(0, -borderH), w: Math.max(0, -borderW) })}</p>}
          </ConvStage>
        </section>
        <MatrixView views={views} order={order} step={step} />
      </div>
      <FormulaRows height={height} width={width} />
    </PanelFrame>
  );
}
