// The lab's picture and its filtered output: numbered grids for tiny pictures (the notes' 6×8), canvases for real ones,
// both with the lens's window and output pixel marked and hover/tap to move the lens.

import { useMemo } from 'react';
import { sourceIndex, type LensReading, type Tensor } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { ImageCanvas, type CanvasMark } from './ImageCanvas.tsx';
import { paintTensor } from './imagePaint.ts';
import type { DisplayMode } from './kernelsConfig.ts';
import { KERNELS_MESSAGES } from './messages.ts';

/** Pictures with at most this many pixels are drawn as grids with their numbers. */
export const GRID_PIXELS = 16 * 16;

export interface LabViewsProps {
  /** The filter's input: [1, H, W] grey or [3, H, W] RGB. */
  input: Tensor;
  range: number;
  output: Tensor | null;
  /** The output painted for the display mode (by the worker), ready for the canvas. */
  outputPixels: Uint8ClampedArray<ArrayBuffer> | null;
  display: DisplayMode;
  lens: LensReading | null;
  onLens(pixel: { y: number; x: number }): void;
  stale: boolean;
  /** The output's caption, e.g. "Output Y = X ⋆ K". */
  outputLabel: string;
}

function plane(t: Tensor, channel: number): (y: number, x: number) => number {
  const [, h = 1, w = 1] = t.shape;
  return (y, x) => t.data[(channel * h + y) * w + x] ?? 0;
}

export function LabViews({ input, range, output, outputPixels, display, lens, onLens, stale, outputLabel }: LabViewsProps) {
  const t = usePanelT(KERNELS_MESSAGES);
  const [channels = 1, inH = 1, inW = 1] = input.shape;
  const [, outH = 1, outW = 1] = output?.shape ?? [];
  const small = inH * inW <= GRID_PIXELS;

  const inputPixels = useMemo(() => (small ? null : paintTensor(input, 'picture', { range, maxAbs: range })), [input, range, small]);
  const inputMarks = useMemo<CanvasMark[]>(
    () => (lens ? lens.taps.filter((tap) => !tap.inPadding).map((tap) => ({ y: tap.y, x: tap.x, kind: 'window' as const })) : []),
    [lens],
  );
  const outputMarks = useMemo<CanvasMark[]>(() => (lens ? [{ y: lens.outY, x: lens.outX, kind: 'output' }] : []), [lens]);
  const channel = lens?.channel ?? 0;
  const channelNote = channels === 3 ? ` · ${t('channelShown', { channel: ['R', 'G', 'B'][channel] ?? 'R' })}` : '';

  if (small) {
    const inputHighlights = new Map<string, HighlightKind>(lens?.taps.map((tap) => [cellKey(tap.y, tap.x), 'window']) ?? []);
    const annotations = new Map<string, string>(lens?.taps.map((tap) => [cellKey(tap.y, tap.x), `×${formatNumber(tap.weight)}`]) ?? []);
    const outputHighlights = new Map<string, HighlightKind>(lens ? [[cellKey(lens.outY, lens.outX), 'output']] : []);
    const geometry = lens?.geometry ?? null;
    const paddingMode = lens?.mode ?? 'zeros';
    const inputAt = plane(input, channel);
    return (
      <div className="grids kernels-views" data-testid="lab-views">
        <Grid
          label={`${t('inputLabel')}${channelNote}`}
          rows={inH}
          cols={inW}
          valueAt={inputAt}
          padding={
            geometry
              ? {
                  top: geometry.height.padBefore,
                  bottom: geometry.height.padAfter,
                  left: geometry.width.padBefore,
                  right: geometry.width.padAfter,
                  valueAt: (y, x) => {
                    const sy = sourceIndex(y, inH, paddingMode);
                    const sx = sourceIndex(x, inW, paddingMode);
                    return sy < 0 || sx < 0 ? 0 : inputAt(sy, sx);
                  },
                }
              : undefined
          }
          highlights={inputHighlights}
          annotations={annotations}
          testId="grid-input"
        />
        <span className="grid-operator" aria-hidden="true">
          ⋆
        </span>
        {output ? (
          <Grid
            label={`${outputLabel}${channelNote}`}
            rows={outH}
            cols={outW}
            valueAt={plane(output, channel)}
            highlights={outputHighlights}
            onCellHover={(cell) => cell && onLens(cell)}
            testId="grid-output"
          />
        ) : geometry ? (
          // Until the worker answers, an empty grid of the output's size holds its place, so nothing moves when it arrives.
          <Grid
            label={`${outputLabel} · ${t('computing')}`}
            rows={geometry.height.output}
            cols={geometry.width.output}
            valueAt={() => 0}
            pending={() => true}
            testId="grid-output-pending"
          />
        ) : (
          <p className="secondary">{t('computing')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="kernels-views" data-testid="lab-views">
      <ImageCanvas
        label={t('inputLabel')}
        detail={`${inH}×${inW}`}
        width={inW}
        height={inH}
        pixels={inputPixels}
        marks={inputMarks}
        testId="canvas-input"
      />
      {output ? (
        <ImageCanvas
          label={outputLabel}
          detail={`${outH}×${outW} · ${t(`display.${display}`)}`}
          width={outW}
          height={outH}
          pixels={outputPixels}
          marks={outputMarks}
          onPixel={onLens}
          stale={stale}
          testId="canvas-output"
        />
      ) : (
        <p className="secondary">{t('computing')}</p>
      )}
    </div>
  );
}
