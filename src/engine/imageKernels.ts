// Classic image kernels (notes 000, 001, 003 and the usual table) as integer weights over a divisor, and their rank-one (separable) factors.

import { texNumber } from './formulas.ts';
import { fromData, type Tensor } from './tensor.ts';

export type KernelMatrix = readonly (readonly number[])[];

/** Where a preset comes from: the course notes (file 000, 001 or 003) or the usual table of image kernels. */
export type KernelSource = 'notes000' | 'notes001' | 'notes003' | 'classic';

export interface ImageKernel {
  readonly id: string;
  /** Weights before the divisor, e.g. [[1, 2, 1], [2, 4, 2], [1, 2, 1]] for the Gaussian blur. */
  readonly weights: KernelMatrix;
  /** The kernel is weights / divisor (the notes write "× 1/16"). */
  readonly divisor: number;
  readonly source: KernelSource;
}

export const IMAGE_KERNELS = [
  { id: 'edge1x2', weights: [[1, -1]], divisor: 1, source: 'notes001' },
  {
    id: 'identity',
    weights: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
    divisor: 1,
    source: 'notes003',
  },
  {
    id: 'edgeDiagonal',
    weights: [
      [1, 0, -1],
      [0, 0, 0],
      [-1, 0, 1],
    ],
    divisor: 1,
    source: 'notes003',
  },
  {
    id: 'edgeCross',
    weights: [
      [0, -1, 0],
      [-1, 4, -1],
      [0, -1, 0],
    ],
    divisor: 1,
    source: 'classic',
  },
  {
    id: 'edgeAll',
    weights: [
      [-1, -1, -1],
      [-1, 8, -1],
      [-1, -1, -1],
    ],
    divisor: 1,
    source: 'notes003',
  },
  {
    id: 'sharpen',
    weights: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
    divisor: 1,
    source: 'notes003',
  },
  {
    id: 'boxBlur',
    weights: [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
    divisor: 9,
    source: 'notes003',
  },
  {
    id: 'gaussianBlur',
    weights: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
    divisor: 16,
    source: 'notes003',
  },
  {
    id: 'horizontalEdge',
    weights: [
      [-1, -1, -1],
      [2, 2, 2],
      [1, 1, 1],
    ],
    divisor: 1,
    source: 'notes000',
  },
  {
    id: 'sobelX',
    weights: [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
    ],
    divisor: 1,
    source: 'notes003',
  },
  {
    id: 'sobelY',
    weights: [
      [1, 2, 1],
      [0, 0, 0],
      [-1, -2, -1],
    ],
    divisor: 1,
    source: 'classic',
  },
  {
    id: 'emboss',
    weights: [
      [-2, -1, 0],
      [-1, 1, 1],
      [0, 1, 2],
    ],
    divisor: 1,
    source: 'classic',
  },
  {
    id: 'gaussian5',
    weights: [
      [1, 4, 6, 4, 1],
      [4, 16, 24, 16, 4],
      [6, 24, 36, 24, 6],
      [4, 16, 24, 16, 4],
      [1, 4, 6, 4, 1],
    ],
    divisor: 256,
    source: 'classic',
  },
] as const satisfies readonly ImageKernel[];

export type ImageKernelId = (typeof IMAGE_KERNELS)[number]['id'];

export function imageKernel(id: ImageKernelId): ImageKernel {
  return IMAGE_KERNELS.find((kernel) => kernel.id === id) as ImageKernel;
}

/** Rows and columns of a kernel matrix; throws on an empty or ragged matrix or a non-finite value. */
export function kernelSize(op: string, weights: KernelMatrix): [number, number] {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  if (rows < 1 || cols < 1) throw new Error(`${op}: the kernel is empty`);
  for (const row of weights) {
    if (row.length !== cols) throw new Error(`${op}: every kernel row needs ${cols} values, got a row of ${row.length}`);
    for (const value of row) if (!Number.isFinite(value)) throw new Error(`${op}: kernel values must be finite numbers, got ${value}`);
  }
  return [rows, cols];
}

function checkDivisor(op: string, divisor: number): void {
  if (!Number.isFinite(divisor) || divisor === 0) throw new Error(`${op}: divisor must be a finite non-zero number, got ${divisor}`);
}

/**
 * The depthwise weight that applies weights / divisor to each of `channels` channels on its own:
 * shape [channels, 1, kH, kW], for conv2d with groups = channels (per-channel RGB, or one grey channel).
 */
export function depthwiseKernel(weights: KernelMatrix, divisor: number, channels: number): Tensor {
  const [kH, kW] = kernelSize('depthwiseKernel', weights);
  checkDivisor('depthwiseKernel', divisor);
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`depthwiseKernel: channels must be a whole number ≥ 1, got ${channels}`);
  const data = new Float32Array(channels * kH * kW);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < kH; y++) {
      for (let x = 0; x < kW; x++) data[(c * kH + y) * kW + x] = ((weights[y] as readonly number[])[x] as number) / divisor;
    }
  }
  return fromData(data, [channels, 1, kH, kW]);
}

/** A kernel as a weights-over-divisor matrix: 1/16 · [[1, 2, 1], …] or just the matrix when the divisor is 1. */
export function kernelTex(weights: KernelMatrix, divisor = 1): string {
  kernelSize('kernelTex', weights);
  return `${divisorTex(divisor)}${matrixTex(weights)}`;
}

export function matrixTex(rows: KernelMatrix): string {
  return `\\begin{bmatrix}${rows.map((row) => row.map(texNumber).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

function divisorTex(divisor: number): string {
  return divisor === 1 ? '' : `\\tfrac{1}{${texNumber(divisor)}}`;
}

/** A kernel written as column ⊗ row: weights = column · rowᵀ (before the divisor). */
export interface SeparableFactors {
  /** The vertical 1-D kernel (kH values), applied down the columns. */
  readonly column: readonly number[];
  /** The horizontal 1-D kernel (kW values), applied along the rows. */
  readonly row: readonly number[];
}

/**
 * Rank-one factors of a kernel, or null when it has rank > 1 (or is all zeros) and so is not separable.
 * The column is the pivot's column divided by its smallest non-zero magnitude, so integer kernels give small integer factors:
 * Sobel x → [1, 2, 1]ᵀ and [1, 0, −1] (notes 003); the Gaussian blur → [1, 2, 1]ᵀ and [1, 2, 1].
 */
export function separableFactors(weights: KernelMatrix, tolerance = 1e-6): SeparableFactors | null {
  const [rows, cols] = kernelSize('separableFactors', weights);
  const at = (y: number, x: number) => (weights[y] as readonly number[])[x] as number;
  let pivotY = 0;
  let pivotX = 0;
  let largest = 0;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (Math.abs(at(y, x)) > largest) {
        largest = Math.abs(at(y, x));
        pivotY = y;
        pivotX = x;
      }
    }
  }
  if (largest === 0) return null;
  const pivotColumn = Array.from({ length: rows }, (_, y) => at(y, pivotX));
  let smallest = Infinity;
  for (const v of pivotColumn) if (v !== 0 && Math.abs(v) < smallest) smallest = Math.abs(v);
  const column = pivotColumn.map((v) => v / smallest);
  const scale = smallest / at(pivotY, pivotX);
  const row = Array.from({ length: cols }, (_, x) => at(pivotY, x) * scale);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (Math.abs((column[y] as number) * (row[x] as number) - at(y, x)) > tolerance * Math.max(1, largest)) return null;
    }
  }
  return { column: column.map(clean), row: row.map(clean) };
}

/** Snaps float noise next to a whole number (2.0000000000000004 → 2) and −0 to 0. */
function clean(value: number): number {
  const whole = Math.round(value);
  const snapped = Math.abs(value - whole) < 1e-9 ? whole : value;
  return snapped === 0 ? 0 : snapped;
}

/** The outer product written out: [1, 2, 1]ᵀ [1, 0, −1] = the 3×3 kernel (with the divisor in front when it is not 1). */
export function outerProductTex(factors: SeparableFactors, divisor = 1): string {
  const column = `\\begin{bmatrix}${factors.column.map(texNumber).join(' \\\\ ')}\\end{bmatrix}`;
  const row = `\\begin{bmatrix}${factors.row.map(texNumber).join(' & ')}\\end{bmatrix}`;
  const product = factors.column.map((c) => factors.row.map((r) => clean(c * r)));
  return `${divisorTex(divisor)}${column}${row} = ${divisorTex(divisor)}${matrixTex(product)}`;
}
