// The Pooling panel's stepped stage: forward (window, max or average with its divisor) or backward (where each output's gradient goes).

import { useMemo, type ReactNode } from 'react';
import {
  avgDivisor,
  axisCoverage,
  clampStep,
  droppedCeilWindow,
  poolBackwardStepTex,
  poolCellTex,
  poolOutputSize,
  poolTapPlace,
  poolTerms,
  type AxisGeometry,
  type PoolBackwardTrace,
  type PoolFrame,
  type PoolTrace,
  type Tensor,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type GridOverhang, type GridPadding, type GridRegion, type HighlightKind } from '../../ui/Grid.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { QUIZ_MESSAGES } from '../../quiz/messages.ts';
import { poolQuizSource } from '../../quiz/quizSources.ts';
import { useQuizHidesSize } from '../../quiz/useQuiz.ts';
import { POOLING_MESSAGES, type PoolingT } from './messages.ts';
import type { PoolingConfig } from './poolingConfig.ts';

const MINUS_INFINITY = '−∞';
/** Three grids share the row in the backward view, so its cells stay a little smaller. */
const BACKWARD_CELL_PX = 46;

/** One channel of a [C, H, W] array as a cell reader. */
function planeReader(data: Float32Array, channel: number, rows: number, cols: number) {
  return (y: number, x: number) => data[(channel * rows + y) * cols + x] ?? 0;
}

/** Everything the input grid shows for one forward frame: padding as the pooling sees it, the ceil-mode overhang and the dropped window. */
function inputGridProps(config: PoolingConfig, trace: PoolTrace, frame: PoolFrame) {
  const { plan } = trace;
  const { height, width } = plan.geometry;
  const dropH = droppedCeilWindow(height, plan.ceilMode);
  const dropW = droppedCeilWindow(width, plan.ceilMode);
  const beyond = (axis: AxisGeometry, drop: { end: number } | null) => Math.max(axis.overhang, drop ? drop.end - (axis.input + axis.padAfter) : 0);
  const overhang: GridOverhang = { bottom: beyond(height, dropH), right: beyond(width, dropW) };
  const paddingLabel = config.kind === 'max' ? MINUS_INFINITY : config.countIncludePad ? '0' : '–';
  const padding: GridPadding = {
    top: height.padBefore,
    bottom: height.padAfter,
    left: width.padBefore,
    right: width.padAfter,
    valueAt: () => 0,
    label: () => paddingLabel,
  };
  const regions: GridRegion[] = [];
  const firstRows = { top: -height.padBefore, bottom: -height.padBefore + height.effectiveKernel };
  const firstCols = { left: -width.padBefore, right: -width.padBefore + width.effectiveKernel };
  if (dropW) regions.push({ ...firstRows, left: dropW.start, right: dropW.end, tone: 'dropped' });
  if (dropH) regions.push({ top: dropH.start, bottom: dropH.end, ...firstCols, tone: 'dropped' });

  const rowsRead = axisCoverage(height);
  const colsRead = axisCoverage(width);
  const unread = (y: number, x: number) => !(rowsRead.read[y - rowsRead.first] ?? true) || !(colsRead.read[x - colsRead.first] ?? true);

  const highlights = new Map<string, HighlightKind>();
  for (const tap of frame.taps) highlights.set(cellKey(tap.y, tap.x), 'window');
  const annotations = new Map<string, string>();
  const best = frame.taps[frame.argmaxTap];
  if (config.kind === 'max' && best) {
    highlights.set(cellKey(best.y, best.x), 'output');
    annotations.set(cellKey(best.y, best.x), 'max');
  }
  return { padding, overhang, regions, unread, highlights, annotations, dropH, dropW };
}

interface InputGridProps {
  label: string;
  config: PoolingConfig;
  input: Tensor;
  trace: PoolTrace;
  frame: PoolFrame;
  maxCellPx?: number;
}

function InputGrid({ label, config, input, trace, frame, maxCellPx }: InputGridProps) {
  const { height, width } = trace.plan.geometry;
  const props = inputGridProps(config, trace, frame);
  return (
    <Grid
      label={label}
      rows={height.input}
      cols={width.input}
      valueAt={planeReader(input.data, frame.channel, height.input, width.input)}
      padding={props.padding}
      overhang={props.overhang}
      regions={props.regions}
      unread={props.unread}
      highlights={props.highlights}
      annotations={props.annotations}
      maxCellPx={maxCellPx}
      testId="grid-input"
    />
  );
}

function channelPrefix(t: PoolingT, channels: number, channel: number): string {
  return channels > 1 ? t('narration.channel', { channel }) : '';
}

/** "Output (0, 1) = max(2, 3, 6, 7) = 7", with what the window's padding, ties and overhang mean. */
function forwardNarration(t: PoolingT, config: PoolingConfig, trace: PoolTrace, frame: PoolFrame): string {
  const { plan } = trace;
  const terms = poolTerms(config.kind, plan, frame).map((term) => (term.value === -Infinity ? MINUS_INFINITY : formatNumber(term.value)));
  const places = frame.taps.map((tap) => poolTapPlace(plan, tap.y, tap.x));
  const paddingCells = places.filter((place) => place === 'padding').length;
  const overhangCells = places.filter((place) => place === 'overhang').length;
  const base = {
    prefix: channelPrefix(t, plan.channels, frame.channel),
    row: frame.outY,
    col: frame.outX,
    value: formatNumber(frame.value),
  };
  const parts: string[] = [];
  if (config.kind === 'max') {
    parts.push(t('narration.max', { ...base, terms: terms.join(', ') }));
    if (paddingCells > 0) parts.push(t('narration.maxPadding'));
    const ties = frame.taps.filter((tap) => tap.value === frame.value).length;
    const best = frame.taps[frame.argmaxTap];
    if (ties > 1 && best) parts.push(t('narration.tie', { count: ties, y: best.y, x: best.x }));
  } else {
    parts.push(t('narration.avg', { ...base, terms: terms.length > 0 ? terms.join(' + ') : '0', divisor: frame.divisor }));
    if (paddingCells > 0) parts.push(t(config.countIncludePad ? 'narration.padCounted' : 'narration.padExcluded', { count: paddingCells }));
  }
  if (overhangCells > 0) parts.push(t('narration.overhang', { count: overhangCells }));
  return parts.join(t('narration.separator'));
}

function backwardNarration(t: PoolingT, config: PoolingConfig, forward: PoolTrace, backward: PoolBackwardTrace, step: number): string {
  const frame = backward.frame(step);
  const window = forward.frame(step);
  const real = window.taps.filter((tap) => tap.value !== null).length;
  const base = { prefix: channelPrefix(t, backward.plan.channels, frame.channel), g: formatNumber(frame.gradient), row: frame.outY, col: frame.outX };
  const parts: string[] = [];
  if (config.kind === 'max') {
    const target = frame.routes[0];
    parts.push(t('narration.backMax', { ...base, y: target?.y ?? 0, x: target?.x ?? 0, others: real - 1 }));
  } else {
    const share = frame.routes[0]?.amount ?? 0;
    parts.push(t('narration.backAvg', { ...base, divisor: frame.divisor, share: formatNumber(share), count: frame.routes.length }));
    if (frame.routes.length < frame.divisor) parts.push(t('narration.backAvgPadding', { count: frame.divisor - frame.routes.length }));
  }
  // Cells that already held gradient from an earlier (overlapping) window of this channel: the sums, as the grid shows them.
  if (step > 0) {
    const before = backward.frame(step - 1).gradInput.data;
    const after = frame.gradInput.data;
    const { height, width } = backward.plan.geometry;
    const sums = frame.routes
      .map((route) => (frame.channel * height.input + route.y) * width.input + route.x)
      .filter((at) => (before[at] ?? 0) !== 0)
      .map((at) => {
        const y = Math.floor((at % (height.input * width.input)) / width.input);
        const x = at % width.input;
        return `(${y}, ${x}) = ${formatNumber(before[at] ?? 0)} + ${formatNumber((after[at] ?? 0) - (before[at] ?? 0))} = ${formatNumber(after[at] ?? 0)}`;
      });
    if (sums.length > 0) parts.push(t('narration.adds', { sums: sums.join(', ') }));
  }
  return parts.join(t('narration.separator'));
}

function RuleNotes({ config, trace, frame, backwardView }: { config: PoolingConfig; trace: PoolTrace; frame: PoolFrame; backwardView: boolean }) {
  const t = usePanelT(POOLING_MESSAGES);
  const { height, width } = trace.plan.geometry;
  const hasPadding = height.padBefore > 0 || width.padBefore > 0;
  const { dropH, dropW } = inputGridProps(config, trace, frame);
  const overlaps = height.stride < height.effectiveKernel || width.stride < width.effectiveKernel;
  const notes: ReactNode[] = [];
  if (config.kind === 'max' && hasPadding) notes.push(t('rule.maxPadding'));
  if (config.kind === 'avg') notes.push(t(config.countIncludePad ? 'rule.countIncludePad' : 'rule.excludePad'));
  if (height.overhang > 0 || width.overhang > 0) notes.push(t('rule.overhang'));
  const drops = [dropH && t('rule.droppedRow', { start: dropH.start }), dropW && t('rule.droppedColumn', { start: dropW.start })].filter(Boolean);
  if (drops.length > 0) notes.push(t('rule.dropped', { where: drops.join(t('rule.droppedAnd')) }));
  if (backwardView && overlaps) notes.push(t('rule.overlap'));
  if (backwardView && config.kind === 'max') notes.push(t('rule.maxBackward'));
  if (backwardView && config.kind === 'avg') notes.push(t('rule.avgBackward'));
  return (
    <div className="pool-rules" data-testid="pool-rules">
      {notes.map((note, index) => (
        <p key={index} className="note">
          {note}
        </p>
      ))}
    </div>
  );
}

function OutputSizeFormulas({ trace }: { trace: PoolTrace }) {
  const t = usePanelT(POOLING_MESSAGES);
  const { height, width } = trace.plan.geometry;
  const size = (axis: AxisGeometry) =>
    poolOutputSize({
      input: axis.input,
      kernel: axis.kernel,
      stride: axis.stride,
      padding: axis.padBefore,
      dilation: axis.dilation,
      ceilMode: trace.plan.ceilMode,
    });
  const h = size(height);
  const w = size(width);
  return (
    <div className="formula-row">
      <span className="formula-label">{t('outputSize')}</span>
      <span className="formula-lines">
        <Formula tex={`h_{out} = ${h.tex}`} />
        <Formula tex={`w_{out} = ${w.tex}`} />
      </span>
    </div>
  );
}

export interface PoolStageProps {
  config: PoolingConfig;
  input: Tensor;
  forward: PoolTrace;
  gradOutput: Tensor;
  backward: PoolBackwardTrace;
}

export function PoolStage({ config, input, forward, gradOutput, backward }: PoolStageProps) {
  const t = usePanelT(POOLING_MESSAGES);
  const qt = usePanelT(QUIZ_MESSAGES);
  const rawStep = useAppStore((s) => s.step);
  const step = clampStep(rawStep, forward.length);
  const isBackward = config.pass === 'backward';
  // The quiz asks forward values only: the backward pass's steps route gradients, there is no single number to predict.
  const quiz = useMemo(() => (isBackward ? undefined : poolQuizSource(forward)), [forward, isBackward]);
  const hidesSize = useQuizHidesSize(quiz, step);
  const frame = forward.frame(step);
  const { plan } = forward;
  const { height, width } = plan.geometry;
  const outPlane = height.output * width.output;
  const channelNote = plan.channels > 1 ? ` · ${t('channelCaption', { channel: frame.channel })}` : '';

  const outputHighlights = new Map<string, HighlightKind>([[cellKey(frame.outY, frame.outX), 'output']]);
  const divisorNotes = new Map<string, string>();
  if (config.kind === 'avg') {
    for (let oy = 0; oy < height.output; oy++) {
      for (let ox = 0; ox < width.output; ox++) {
        if (frame.channel * outPlane + oy * width.output + ox <= step) divisorNotes.set(cellKey(oy, ox), `÷${avgDivisor(plan, oy, ox)}`);
      }
    }
  }

  let grids: ReactNode;
  let narration: string;
  let stepTex: string;
  if (!isBackward) {
    narration = forwardNarration(t, config, forward, frame);
    stepTex = poolCellTex(config.kind, plan, frame);
    grids = (
      <div className="grids">
        <InputGrid label={`${t('grid.input')}${channelNote}`} config={config} input={input} trace={forward} frame={frame} />
        <span className="grid-operator" aria-hidden="true">
          →
        </span>
        {hidesSize ? (
          <div className="quiz-hidden-output" data-testid="grid-output-hidden">
            <span>{`${t(config.kind === 'max' ? 'grid.outputMax' : 'grid.outputAvg')}${channelNote}`}</span>
            <span className="quiz-hidden-size">{qt('hiddenSize')}</span>
            <span className="secondary">{qt('hiddenOutput')}</span>
          </div>
        ) : (
          <Grid
            label={`${t(config.kind === 'max' ? 'grid.outputMax' : 'grid.outputAvg')}${channelNote}`}
            rows={height.output}
            cols={width.output}
            valueAt={planeReader(frame.output.data, frame.channel, height.output, width.output)}
            pending={(y, x) => frame.channel * outPlane + y * width.output + x > step}
            highlights={outputHighlights}
            annotations={divisorNotes}
            testId="grid-output"
          />
        )}
      </div>
    );
  } else {
    const back = backward.frame(step);
    narration = backwardNarration(t, config, forward, backward, step);
    stepTex = poolBackwardStepTex(config.kind, plan, back);
    const gradHighlights = new Map<string, HighlightKind>();
    const gradNotes = new Map<string, string>();
    for (const route of back.routes) {
      gradHighlights.set(cellKey(route.y, route.x), 'output');
      gradNotes.set(cellKey(route.y, route.x), `+${formatNumber(route.amount)}`);
    }
    grids = (
      <div className="grids">
        <Grid
          label={`${t('grid.gradOutput')}${channelNote}`}
          rows={height.output}
          cols={width.output}
          valueAt={planeReader(gradOutput.data, frame.channel, height.output, width.output)}
          highlights={outputHighlights}
          maxCellPx={BACKWARD_CELL_PX}
          testId="grid-grad-output"
        />
        <span className="grid-operator" aria-hidden="true">
          →
        </span>
        <Grid
          label={`${t('grid.gradInput')}${channelNote}`}
          rows={height.input}
          cols={width.input}
          valueAt={planeReader(back.gradInput.data, frame.channel, height.input, width.input)}
          highlights={gradHighlights}
          annotations={gradNotes}
          maxCellPx={BACKWARD_CELL_PX}
          testId="grid-grad-input"
        />
        <InputGrid
          label={`${t('grid.inputWhere')}${channelNote}`}
          config={config}
          input={input}
          trace={forward}
          frame={frame}
          maxCellPx={BACKWARD_CELL_PX}
        />
      </div>
    );
  }

  return (
    <div className="pool-stage">
      <StepPlayer length={forward.length} quiz={quiz} />
      <Narration text={narration} />
      {grids}
      <p className="secondary hint">{t(isBackward ? 'legendBackward' : config.kind === 'max' ? 'legendMax' : 'legendAvg')}</p>
      <RuleNotes config={config} trace={forward} frame={frame} backwardView={isBackward} />
      <section className="formulas" aria-label={t('formulas')}>
        <OutputSizeFormulas trace={forward} />
        <div className="formula-row">
          <span className="formula-label">{t('thisStep')}</span>
          <Formula tex={stepTex} className="formula-current" />
        </div>
      </section>
    </div>
  );
}
