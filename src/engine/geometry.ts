// The geometry record: per-axis sizes, padding, effective kernel and output size that every op, trace and formula reads.

import type { Axis } from './pair.ts';

export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
export const PADDING_MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

export interface AxisGeometry {
  readonly axis: Axis;
  /** Real input cells along this axis. */
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  /** Padding cells before (top/left) and after (bottom/right) the input. */
  readonly padBefore: number;
  readonly padAfter: number;
  /** d·(k − 1) + 1: how many input cells one window spans. */
  readonly effectiveKernel: number;
  readonly output: number;
  /** Cells past the bottom/right padding that the last window reaches (pooling in ceil mode only). */
  readonly overhang: number;
}

export interface Geometry2d {
  readonly height: AxisGeometry;
  readonly width: AxisGeometry;
}

/** Input coordinate (relative to the real input: negative or ≥ input means padding) of tap `k` of window `o`. */
export function tapCoordinate(axis: AxisGeometry, o: number, k: number): number {
  return o * axis.stride - axis.padBefore + k * axis.dilation;
}

export function effectiveKernel(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

function axisLabel(axis: Axis): string {
  return axis === 'height' ? 'height' : 'width';
}

interface AxisParams {
  axis: Axis;
  input: number;
  kernel: number;
  stride: number;
  dilation: number;
  padBefore: number;
  padAfter: number;
}

/** Convolution geometry along one axis: ⌊(n + p_before + p_after − d(k − 1) − 1)/s⌋ + 1. */
export function convAxis(opName: string, params: AxisParams): AxisGeometry {
  const effective = effectiveKernel(params.kernel, params.dilation);
  const padded = params.input + params.padBefore + params.padAfter;
  if (effective > padded) {
    const dilated = params.dilation > 1 ? ` (dilated ${effective})` : '';
    throw new Error(`${opName}: kernel ${params.kernel}${dilated} is larger than the padded input ${padded} along the ${axisLabel(params.axis)}`);
  }
  const output = Math.floor((padded - effective) / params.stride) + 1;
  // An explicit literal, not a spread: every geometry record then shares one hidden class, which keeps V8's hot loops optimised.
  const { axis, input, kernel, stride, dilation, padBefore, padAfter } = params;
  return { axis, input, kernel, stride, dilation, padBefore, padAfter, effectiveKernel: effective, output, overhang: 0 };
}

/**
 * Pooling geometry along one axis, PyTorch's rule: with ceil mode the division rounds up,
 * but a last window that would start inside the right padding is dropped.
 */
export function poolAxis(opName: string, params: Omit<AxisParams, 'padBefore' | 'padAfter'> & { padding: number; ceilMode: boolean }): AxisGeometry {
  const { axis, input, kernel, stride, dilation, padding, ceilMode } = params;
  if (padding * 2 > kernel) {
    throw new Error(`${opName}: padding ${padding} must be at most half the kernel size ${kernel} along the ${axisLabel(axis)}`);
  }
  const effective = effectiveKernel(kernel, dilation);
  const span = input + 2 * padding - effective;
  let output = Math.floor((span + (ceilMode ? stride - 1 : 0)) / stride) + 1;
  if (ceilMode && (output - 1) * stride >= input + padding) output -= 1;
  // Like PyTorch, only an empty output is an error: in ceil mode a kernel may overhang a small input.
  if (output < 1) {
    throw new Error(
      `${opName}: kernel ${kernel}${dilation > 1 ? ` (dilated ${effective})` : ''} is larger than the padded input ${input + 2 * padding} along the ${axisLabel(axis)}`,
    );
  }
  const lastEnd = (output - 1) * stride + effective;
  const overhang = Math.max(0, lastEnd - (input + 2 * padding));
  return { axis, input, kernel, stride, dilation, padBefore: padding, padAfter: padding, effectiveKernel: effective, output, overhang };
}

/** Transposed-convolution output size: (i − 1)·s − 2p + d·(k − 1) + output_padding + 1. */
export function transposedOutputSize(
  input: number,
  kernel: number,
  stride: number,
  padding: number,
  outputPadding: number,
  dilation: number,
): number {
  return (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}

/**
 * Maps a padded coordinate to the real input cell it copies under a padding mode,
 * or −1 when the cell is a zero (or, for pooling, an ignored) padding cell.
 */
export function sourceIndex(coordinate: number, size: number, mode: PaddingMode): number {
  if (coordinate >= 0 && coordinate < size) return coordinate;
  switch (mode) {
    case 'zeros':
      return -1;
    case 'replicate':
      return coordinate < 0 ? 0 : size - 1;
    case 'reflect': {
      if (size === 1) return 0;
      const period = 2 * (size - 1);
      let m = ((coordinate % period) + period) % period;
      if (m >= size) m = period - m;
      return m;
    }
    case 'circular':
      return ((coordinate % size) + size) % size;
  }
}

/**
 * The tap table of one axis: entry [o·k + j] is the real input index read by tap j of window o,
 * or −1 for a zero/ignored padding cell. Every op, trace and highlight walks windows through these tables.
 */
export function axisTapTable(axis: AxisGeometry, mode: PaddingMode = 'zeros'): Int32Array {
  const table = new Int32Array(axis.output * axis.kernel);
  for (let o = 0; o < axis.output; o++) {
    for (let j = 0; j < axis.kernel; j++) {
      table[o * axis.kernel + j] = sourceIndex(tapCoordinate(axis, o, j), axis.input, mode);
    }
  }
  return table;
}

/** Checks that a padding mode's copy is well defined (PyTorch: reflect needs p < n, circular needs p ≤ n). */
export function checkPaddingMode(opName: string, mode: PaddingMode, axis: AxisGeometry): void {
  const largest = Math.max(axis.padBefore, axis.padAfter);
  if (mode === 'reflect' && largest >= axis.input) {
    throw new Error(`${opName}: paddingMode 'reflect' needs padding smaller than the input, got padding ${largest} for ${axis.axis} ${axis.input}`);
  }
  if (mode === 'circular' && largest > axis.input) {
    throw new Error(`${opName}: paddingMode 'circular' needs padding at most the input size, got padding ${largest} for ${axis.axis} ${axis.input}`);
  }
}

/** The outputs [start, end) whose tap `k` lands inside the real input: lets hot loops skip padding without a per-tap test. */
export function outputsInsideInput(axis: AxisGeometry, k: number): [number, number] {
  const offset = k * axis.dilation - axis.padBefore; // coordinate = o·s + offset
  const start = Math.max(0, Math.ceil(-offset / axis.stride));
  const end = Math.min(axis.output, Math.floor((axis.input - 1 - offset) / axis.stride) + 1);
  return [start, Math.max(start, end)];
}

/** The error for a pooling window that holds no input cell (PyTorch would return −∞ there; the engine returns no non-finite value). */
export function allPaddingWindowError(opName: string, outY: number, outX: number, geometry: Geometry2d): Error {
  const { height, width } = geometry;
  return new Error(
    `${opName}: window (${outY}, ${outX}) lies entirely in the padding (dilation ${height.dilation}×${width.dilation}, padding ${height.padBefore}×${width.padBefore}); it has no input cell to take the maximum of`,
  );
}

export type PaddingPreset = 'valid' | 'same' | 'full';

/**
 * Padding [before, after] along one axis for a named preset. valid: none. full: d·(k − 1) on each side, so every
 * partial overlap is computed. same: the output keeps ⌈n/s⌉ cells; the odd extra cell goes after (bottom/right), as
 * PyTorch's padding='same' does (PyTorch allows 'same' only at stride 1; for larger strides this is TensorFlow's rule).
 */
export function presetPadding(preset: PaddingPreset, input: number, kernel: number, stride: number, dilation: number): [number, number] {
  if (preset === 'valid') return [0, 0];
  const span = effectiveKernel(kernel, dilation) - 1;
  if (preset === 'full') return [span, span];
  const output = Math.ceil(input / stride);
  const total = Math.max((output - 1) * stride + span + 1 - input, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}
