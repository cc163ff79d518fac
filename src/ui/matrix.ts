// Small helpers for the matrices panels edit: as engine tensors, and resized keeping what still fits.

import { seededRandom, tensor, type Tensor } from '../engine/index.ts';
import type { Matrix } from '../url/fields.ts';

/** A row-major matrix as a tensor, with leading dimensions of size 1 such as [1] (a feature map) or [1, 1] (a kernel). */
export function matrixTensor(matrix: Matrix, leading: readonly number[]): Tensor {
  return tensor(
    matrix.flatMap((row) => [...row]),
    [...leading, matrix.length, matrix[0]?.length ?? 0],
  );
}

/** Resizes a matrix, keeping the values that still fit and filling new cells from `fill` (0 by default). */
export function resizeMatrix(matrix: Matrix, rows: number, cols: number, fill: (r: number, c: number) => number = () => 0): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => matrix[r]?.[c] ?? fill(r, c)));
}

/** Whole numbers in [−range, range] from a seed, in the given shape. */
export function randomMatrix(rows: number, cols: number, seed: number, range = 4): Matrix {
  const next = seededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(next() * (2 * range + 1)) - range));
}
