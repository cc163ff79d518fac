// Builds the engine trace of a Padding/Stride/Dilation configuration (one input channel, one kernel).

import { conv2dTrace, tensor, type ConvTrace } from '../../engine/index.ts';
import type { Matrix } from '../../url/fields.ts';
import type { ConvLabConfig } from './convLabConfig.ts';

export function matrixTensor(matrix: Matrix, leading: readonly number[]) {
  return tensor(
    matrix.flatMap((row) => [...row]),
    [...leading, matrix.length, matrix[0]?.length ?? 0],
  );
}

export function convLabTrace(config: ConvLabConfig): ConvTrace {
  return conv2dTrace(matrixTensor(config.input, [1]), matrixTensor(config.kernel, [1, 1]), {
    padding: config.padding,
    paddingMode: config.paddingMode,
    stride: config.stride,
    dilation: config.dilation,
  });
}

/** Resizes a matrix, keeping the values that still fit and filling new cells from `fill`. */
export function resizeMatrix(matrix: Matrix, rows: number, cols: number, fill: (r: number, c: number) => number = () => 0): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => matrix[r]?.[c] ?? fill(r, c)));
}
