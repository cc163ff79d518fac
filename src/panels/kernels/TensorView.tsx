// TensorView: one [C, H, W] map shown as a numbered grid when it is small, or painted on a canvas when it is a real picture.

import { useMemo } from 'react';
import type { Tensor } from '../../engine/index.ts';
import { Grid } from '../../ui/Grid.tsx';
import { ImageCanvas } from './ImageCanvas.tsx';
import { paintTensor, type PaintMode } from './imagePaint.ts';
import { GRID_PIXELS } from './LabViews.tsx';

export interface TensorViewProps {
  label: string;
  tensor: Tensor;
  mode: PaintMode;
  range: number;
  maxAbs: number;
  /** The channel a grid shows (canvases show all of them). */
  channel?: number;
  testId?: string;
  /** Largest cell of a grid, in CSS pixels. */
  maxCellPx?: number;
  /** Canvas bytes already painted (by the worker); painted here when absent. */
  pixels?: Uint8ClampedArray<ArrayBuffer>;
}

/** Grids with more columns than this show colours only. */
const VALUES_UP_TO_COLUMNS = 8;

export function TensorView({ label, tensor, mode, range, maxAbs, channel = 0, testId, maxCellPx = 40, pixels: painted }: TensorViewProps) {
  const [, h = 1, w = 1] = tensor.shape;
  const small = h * w <= GRID_PIXELS;
  const pixels = useMemo(
    () => (small ? null : (painted ?? paintTensor(tensor, mode, { range, maxAbs }))),
    [small, painted, tensor, mode, range, maxAbs],
  );
  if (small) {
    const c = Math.min(channel, (tensor.shape[0] ?? 1) - 1);
    return (
      <Grid
        label={label}
        rows={h}
        cols={w}
        valueAt={(y, x) => tensor.data[(c * h + y) * w + x] ?? 0}
        scaleMax={mode === 'picture' ? range : maxAbs}
        showValues={w <= VALUES_UP_TO_COLUMNS}
        maxCellPx={maxCellPx}
        testId={testId}
      />
    );
  }
  return <ImageCanvas label={label} detail={`${h}×${w}`} width={w} height={h} pixels={pixels} testId={testId} />;
}
