// What the Transposed panel shows beside the traces: stamps landing on one output, partial Cᵀ·y, size limits, the round trip.

import { conv2d } from './conv2d.ts';
import { convTranspose2d, scatterCoordinate, type ConvTranspose2dOptions, type ConvTranspose2dPlan, type TransposedAxis } from './convTranspose2d.ts';
import { effectiveKernel, transposedOutputSize } from './geometry.ts';
import type { Tensor } from './tensor.ts';

/** One input cell's contribution to one output cell: input × the kernel tap that lands there. */
export interface StampTerm {
  readonly inY: number;
  readonly inX: number;
  readonly kernelY: number;
  readonly kernelX: number;
  readonly inputValue: number;
  readonly weightValue: number;
  readonly product: number;
}

/** Kernel taps k along an axis with i·s − p + k·d = o for some input i: [k, i] pairs, in kernel order. */
function axisTapsOnto(axis: TransposedAxis, o: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < axis.kernel; k++) {
    const offset = o + axis.padding - k * axis.dilation;
    if (offset % axis.stride !== 0) continue;
    const i = offset / axis.stride;
    if (i >= 0 && i < axis.input) pairs.push([k, i]);
  }
  return pairs;
}

/**
 * The scatter view read backwards: every (input cell, kernel tap) whose stamp lands on output (outY, outX) of
 * channel 0 from input channel 0, in row-major input order. Their products sum to that output (bias aside).
 */
export function stampsLandingOn(plan: ConvTranspose2dPlan, input: Tensor, weight: Tensor, outY: number, outX: number): StampTerm[] {
  const rows = axisTapsOnto(plan.height, outY);
  const cols = axisTapsOnto(plan.width, outX);
  const kW = plan.width.kernel;
  const terms: StampTerm[] = [];
  for (const [kernelY, inY] of rows) {
    for (const [kernelX, inX] of cols) {
      const inputValue = input.data[inY * plan.width.input + inX] as number;
      const weightValue = weight.data[kernelY * kW + kernelX] as number;
      terms.push({ inY, inX, kernelY, kernelX, inputValue, weightValue, product: inputValue * weightValue });
    }
  }
  return terms.sort((a, b) => a.inY - b.inY || a.inX - b.inX);
}

/** Where input cell (inY, inX) sits in the zero-inserted grid: (inY·s_h, inX·s_w). */
export function zeroInsertedPosition(plan: ConvTranspose2dPlan, inY: number, inX: number): [number, number] {
  return [inY * plan.height.stride, inX * plan.width.stride];
}

/** True for a cell of the zero-inserted grid that is one of the s − 1 inserted zeros, not a real input cell. */
export function isInsertedZero(plan: ConvTranspose2dPlan, y: number, x: number): boolean {
  return y % plan.height.stride !== 0 || x % plan.width.stride !== 0;
}

/** Output cells of channel 0 that input cell (inY, inX) reaches, with the kernel tap that takes it there (cropped ones left out). */
export function stampFootprint(
  plan: ConvTranspose2dPlan,
  inY: number,
  inX: number,
): { outY: number; outX: number; kernelY: number; kernelX: number }[] {
  const cells: { outY: number; outX: number; kernelY: number; kernelX: number }[] = [];
  for (let kernelY = 0; kernelY < plan.height.kernel; kernelY++) {
    const outY = scatterCoordinate(plan.height, inY, kernelY);
    if (outY < 0 || outY >= plan.height.output) continue;
    for (let kernelX = 0; kernelX < plan.width.kernel; kernelX++) {
      const outX = scatterCoordinate(plan.width, inX, kernelX);
      if (outX >= 0 && outX < plan.width.output) cells.push({ outY, outX, kernelY, kernelX });
    }
  }
  return cells;
}

/** Cᵀ·v using only the first `rowCount` entries of v: the scatter order's running result after that many input cells. */
export function multiplyTransposedRows(matrix: Tensor, vector: ArrayLike<number>, rowCount: number): Float32Array {
  const [rows, cols] = matrix.shape as [number, number];
  const out = new Float32Array(cols);
  const last = Math.min(Math.max(rowCount, 0), rows);
  for (let i = 0; i < last; i++) {
    const v = vector[i] as number;
    for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + (matrix.data[i * cols + j] as number) * v;
  }
  return out;
}

/** The non-zero terms of (Cᵀ·v)[column] = Σ_i C[i, column]·v[i], with their sum. */
export function matrixColumnTerms(
  matrix: Tensor,
  vector: ArrayLike<number>,
  column: number,
): { terms: { row: number; entry: number; value: number }[]; sum: number } {
  const [rows, cols] = matrix.shape as [number, number];
  const terms: { row: number; entry: number; value: number }[] = [];
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const entry = matrix.data[i * cols + column] as number;
    if (entry === 0) continue;
    const value = vector[i] as number;
    terms.push({ row: i, entry, value });
    sum += entry * value;
  }
  return { terms, sum };
}

/** Largest valid output padding along an axis: it must be smaller than the stride or the dilation (PyTorch's rule). */
export function maxOutputPadding(stride: number, dilation: number): number {
  return Math.max(stride, dilation) - 1;
}

/** Largest padding that still leaves an output of at least one cell: (i − 1)s − 2p + d(k − 1) + output_padding + 1 ≥ 1. */
export function maxTransposedPadding(input: number, kernel: number, stride: number, outputPadding: number, dilation: number): number {
  return Math.floor((transposedOutputSize(input, kernel, stride, 0, outputPadding, dilation) - 1) / 2);
}

/** A forward size that a convolution maps onto the transposed convolution's input size, and the output padding that recovers it. */
export interface ForwardSize {
  readonly size: number;
  readonly outputPadding: number;
}

/**
 * Every size n that a convolution with this kernel, stride, padding and dilation maps onto `input`
 * (⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1 = input): there are s of them, and the transposed convolution can only give one
 * back; output_padding = n − smallest picks which.
 */
export function forwardSizesMappingTo(input: number, kernel: number, stride: number, padding: number, dilation: number): ForwardSize[] {
  const smallest = transposedOutputSize(input, kernel, stride, padding, 0, dilation);
  const sizes: ForwardSize[] = [];
  for (let extra = 0; extra < stride; extra++) {
    const size = smallest + extra;
    if (size >= 1 && size + 2 * padding >= effectiveKernel(kernel, dilation)) sizes.push({ size, outputPadding: extra });
  }
  return sizes;
}

/** Convolve x, then transpose-convolve the result with the same kernel and settings: the size comes back, the values do not. */
export interface RoundTrip {
  readonly original: Tensor;
  /** conv2d(x): the small map. */
  readonly forward: Tensor;
  /** convTranspose2d(conv2d(x)): the original's size (with the right output padding), other values. */
  readonly back: Tensor;
  readonly sameShape: boolean;
  /** How many cells of the result differ from the original (−1 when the shapes differ). */
  readonly differing: number;
}

export function convRoundTrip(original: Tensor, weight: Tensor, options: Omit<ConvTranspose2dOptions, 'bias' | 'groups'> = {}): RoundTrip {
  const forward = conv2d(original, weight, { stride: options.stride, padding: options.padding, dilation: options.dilation });
  const back = convTranspose2d(forward, weight, options);
  const sameShape = back.shape.length === original.shape.length && back.shape.every((d, i) => d === original.shape[i]);
  let differing = -1;
  if (sameShape) {
    differing = 0;
    for (let i = 0; i < back.data.length; i++) if (Math.abs((back.data[i] as number) - (original.data[i] as number)) > 1e-4) differing++;
  }
  return { original, forward, back, sameShape, differing };
}
