// ConvStage: the step player, narration and input ⋆ kernel = output grids of one convolution trace, with padding and linked hover.

import { useMemo, useState, type ReactNode } from 'react';
import { useAppStore } from '../state/store.ts';
import { useT } from '../i18n/useT.ts';
import { axisCoverage, clampStep, outputsReading, sourceIndex, tapTables, type ConvFrame, type ConvTrace } from '../engine/index.ts';
import { Grid, cellKey, type GridInserted, type HighlightKind } from './Grid.tsx';
import { StepPlayer } from './StepPlayer.tsx';
import { Narration } from './Narration.tsx';
import { formatFactor, formatNumber } from './formatNumber.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { QUIZ_MESSAGES } from '../quiz/messages.ts';
import { convQuizSource } from '../quiz/quizSources.ts';
import { useQuizHidesSize } from '../quiz/useQuiz.ts';

export type StageHover = { grid: 'input' | 'output'; y: number; x: number } | null;

export interface StageHighlights {
  input: Map<string, HighlightKind>;
  kernel: Map<string, HighlightKind>;
  output: Map<string, HighlightKind>;
}

/** Input value at a coordinate of channel 0, padding included (a copy under reflect/replicate/circular, else 0). */
export function inputValueAt(trace: ConvTrace, y: number, x: number): number {
  const { height, width } = trace.plan.geometry;
  const sy = sourceIndex(y, height.input, trace.plan.paddingMode);
  const sx = sourceIndex(x, width.input, trace.plan.paddingMode);
  if (sy < 0 || sx < 0) return 0;
  return trace.input.data[sy * width.input + sx] ?? 0;
}

/**
 * Highlights of the three grids: the current step's window, or what a hovered cell links to.
 * Kernel cells are keyed by window position: the kernel grid shows the kernel as it slides (rotated when flipping).
 */
export function stageHighlights(trace: ConvTrace, frame: ConvFrame, hover: StageHover): StageHighlights {
  const input = new Map<string, HighlightKind>();
  const kernel = new Map<string, HighlightKind>();
  const output = new Map<string, HighlightKind>();
  const { height, width } = trace.plan.geometry;
  if (hover?.grid === 'output') {
    const hovered = trace.frame(hover.y * width.output + hover.x);
    for (const tap of hovered.taps) {
      input.set(cellKey(tap.y, tap.x), 'linked');
      kernel.set(cellKey(tap.kernelY, tap.kernelX), 'linked');
    }
    output.set(cellKey(hover.y, hover.x), 'linked');
    return { input, kernel, output };
  }
  if (hover?.grid === 'input') {
    const tables = tapTables(trace.plan.geometry, trace.plan.paddingMode);
    input.set(cellKey(hover.y, hover.x), 'linked');
    // A padding cell under a copying mode also points at the real cell it copies.
    const sy = sourceIndex(hover.y, height.input, trace.plan.paddingMode);
    const sx = sourceIndex(hover.x, width.input, trace.plan.paddingMode);
    if (sy >= 0 && sx >= 0 && (sy !== hover.y || sx !== hover.x)) input.set(cellKey(sy, sx), 'source');
    for (const use of outputsReading(tables, hover.y, hover.x)) {
      output.set(cellKey(use.outY, use.outX), 'linked');
      kernel.set(cellKey(use.kernelY, use.kernelX), 'linked');
    }
    return { input, kernel, output };
  }
  for (const tap of frame.taps) {
    input.set(cellKey(tap.y, tap.x), 'window');
    kernel.set(cellKey(tap.kernelY, tap.kernelX), 'window');
  }
  output.set(cellKey(frame.outY, frame.outX), 'output');
  return { input, kernel, output };
}

/** "Output (r, c) = a×b + … = v", in the language in force. */
export function useConvNarration(frame: ConvFrame): string {
  const t = useT();
  const products = frame.taps.map((tap) => `${formatFactor(tap.inputValue)}×${formatFactor(tap.weightValue)}`).join(' + ');
  const bias = frame.bias !== 0 ? ` + ${formatFactor(frame.bias)}` : '';
  return t(frame.bias !== 0 ? 'stage.narrationBias' : 'stage.narration', {
    row: frame.outY,
    col: frame.outX,
    sum: `${products}${bias} = ${formatNumber(frame.value)}`,
    bias: formatNumber(frame.bias),
  });
}

export interface ConvStageProps {
  trace: ConvTrace;
  /** Sign between input and kernel: ⋆ for cross-correlation, ∗ for true convolution. */
  operator?: string;
  kernelLabel?: string;
  /** Mark input cells that no window ever reads (the floor of the output size, or dilation's holes). */
  showUnread?: boolean;
  /** Extra content under the grids (a note, a legend). */
  children?: ReactNode;
  /** Captions of the input and output grids (default "Input X" and "Output Y"). */
  inputLabel?: string;
  outputLabel?: string;
  /** Input cells that are inserted zeros (the transposed convolution's zero-insertion), drawn apart from real cells and padding. */
  inputInserted?: GridInserted;
  /**
   * False when the panel shows one shared player for several views: no player here, and the sum is plain text
   * (the panel's own narration is the live one). Default true.
   */
  showPlayer?: boolean;
  /** Shows this step instead of the player's (e.g. the finished output while the shared player steps another view). */
  step?: number;
  /** A cell linked as if hovered, while the pointer is on no grid (e.g. the cell another view is at). */
  focus?: StageHover;
}

export function ConvStage({
  trace,
  operator = '⋆',
  kernelLabel,
  showUnread = false,
  children,
  inputLabel,
  outputLabel,
  inputInserted,
  showPlayer = true,
  step: stepOverride,
  focus = null,
}: ConvStageProps) {
  const t = useT();
  const qt = usePanelT(QUIZ_MESSAGES);
  const rawStep = useAppStore((s) => s.step);
  const quiz = useMemo(() => (showPlayer ? convQuizSource(trace) : undefined), [trace, showPlayer]);
  const [pointerHover, setHover] = useState<StageHover>(null);
  const hover = pointerHover ?? focus;
  const step = clampStep(stepOverride ?? rawStep, trace.length);
  const frame = trace.frame(step);
  const { height, width } = trace.plan.geometry;
  const kH = height.kernel;
  const kW = width.kernel;
  const highlights = stageHighlights(trace, frame, hover);
  // Quiz mode at the first step: the output's size is the first question, so the output grid waits as "?×?".
  const hidesSize = useQuizHidesSize(quiz, step);
  const narration = useConvNarration(frame);

  const annotations = new Map<string, string>();
  if (!hover) for (const tap of frame.taps) annotations.set(cellKey(tap.y, tap.x), `×${formatNumber(tap.weightValue)}`);

  const rowsRead = showUnread ? axisCoverage(height) : null;
  const colsRead = showUnread ? axisCoverage(width) : null;
  const unread =
    rowsRead && colsRead
      ? (y: number, x: number) => !(rowsRead.read[y - rowsRead.first] ?? false) || !(colsRead.read[x - colsRead.first] ?? false)
      : undefined;

  const weight = trace.weight.data;
  const kernelAt = (y: number, x: number) => weight[trace.plan.flip ? (kH - 1 - y) * kW + (kW - 1 - x) : y * kW + x] ?? 0;
  const output = frame.output.data;

  return (
    <div className="conv-stage">
      {showPlayer ? (
        <>
          <StepPlayer length={trace.length} quiz={quiz} />
          <Narration text={narration} />
        </>
      ) : (
        !focus && <p className="stage-sum">{narration}</p>
      )}
      <div className="grids" onPointerLeave={() => setHover(null)}>
        <Grid
          label={inputLabel ?? t('grid.input')}
          rows={height.input}
          cols={width.input}
          valueAt={(y, x) => inputValueAt(trace, y, x)}
          padding={{
            top: height.padBefore,
            bottom: height.padAfter,
            left: width.padBefore,
            right: width.padAfter,
            valueAt: (y, x) => inputValueAt(trace, y, x),
          }}
          highlights={highlights.input}
          annotations={annotations}
          unread={unread}
          inserted={inputInserted}
          onCellHover={(cell) => setHover(cell ? { grid: 'input', ...cell } : null)}
          testId="grid-input"
        />
        <span className="grid-operator" aria-hidden="true">
          {operator}
        </span>
        <Grid label={kernelLabel ?? t('grid.kernel')} rows={kH} cols={kW} valueAt={kernelAt} highlights={highlights.kernel} testId="grid-kernel" />
        <span className="grid-operator" aria-hidden="true">
          =
        </span>
        {hidesSize ? (
          <div className="quiz-hidden-output" data-testid="grid-output-hidden">
            <span>{outputLabel ?? t('grid.output')}</span>
            <span className="quiz-hidden-size">{qt('hiddenSize')}</span>
            <span className="secondary">{qt('hiddenOutput')}</span>
          </div>
        ) : (
          <Grid
            label={outputLabel ?? t('grid.output')}
            rows={height.output}
            cols={width.output}
            valueAt={(y, x) => output[y * width.output + x] ?? 0}
            pending={(y, x) => y * width.output + x > step}
            highlights={highlights.output}
            onCellHover={(cell) => setHover(cell ? { grid: 'output', ...cell } : null)}
            testId="grid-output"
          />
        )}
      </div>
      <p className="secondary hint">{t('stage.hoverHint')}</p>
      {!hidesSize && children}
    </div>
  );
}
