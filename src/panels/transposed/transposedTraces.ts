// Builds the Transposed panel's engine objects from its config (three traces, the matrix C) and keeps edits valid.

import {
  convTranspose2dDirectTrace,
  convTranspose2dScatterTrace,
  maxOutputPadding,
  maxTransposedPadding,
  multiplyTransposed,
  transposedConvMatrix,
  type ConvTranspose2dOptions,
  type DirectTransposedTrace,
  type ScatterTrace,
  type Tensor,
  type ConvTranspose2dPlan,
} from '../../engine/index.ts';
import { matrixTensor } from '../../ui/matrix.ts';
import { TRANSPOSED_LIMITS, type Pair, type TransposedConfig } from './transposedConfig.ts';

/** Largest matrix C drawn cell by cell (rows and columns); larger ones are described in words. */
export const MATRIX_DRAW_LIMIT = 64;

export interface TransposedViews {
  input: Tensor;
  weight: Tensor;
  options: ConvTranspose2dOptions;
  plan: ConvTranspose2dPlan;
  scatter: ScatterTrace;
  direct: DirectTransposedTrace;
  /** C: one row per input (small) cell, one column per output (large) cell. */
  matrix: Tensor;
  /** Cᵀ·y over the whole input: the matrix view's finished output. */
  matrixOutput: Float32Array;
  /** The scatter trace's finished output. */
  scatterOutput: Tensor;
}

export function transposedViews(config: TransposedConfig): TransposedViews {
  const input = matrixTensor(config.input, [1]);
  const weight = matrixTensor(config.kernel, [1, 1]);
  const options: ConvTranspose2dOptions = {
    stride: [...config.stride],
    padding: [...config.padding],
    outputPadding: [...config.outputPadding],
    dilation: [...config.dilation],
  };
  const scatter = convTranspose2dScatterTrace(input, weight, options);
  const direct = convTranspose2dDirectTrace(input, weight, options);
  const matrix = transposedConvMatrix(scatter.plan, weight);
  return {
    input,
    weight,
    options,
    plan: scatter.plan,
    scatter,
    direct,
    matrix,
    matrixOutput: multiplyTransposed(matrix, input.data),
    scatterOutput: scatter.frame(scatter.length - 1).output,
  };
}

/** The largest padding and output padding each axis allows for the rest of the config (also capped by the URL limits). */
export function optionLimits(config: TransposedConfig): { padding: Pair; outputPadding: Pair } {
  const sizes: Pair[] = [
    [config.input.length, config.kernel.length],
    [config.input[0]?.length ?? 1, config.kernel[0]?.length ?? 1],
  ];
  const outputPadding = ([0, 1] as const).map((a) =>
    Math.min(maxOutputPadding(config.stride[a], config.dilation[a]), TRANSPOSED_LIMITS.outputPadding),
  ) as unknown as Pair;
  const padding = ([0, 1] as const).map((a) =>
    Math.min(
      maxTransposedPadding(
        sizes[a]?.[0] ?? 1,
        sizes[a]?.[1] ?? 1,
        config.stride[a],
        Math.min(config.outputPadding[a], outputPadding[a]),
        config.dilation[a],
      ),
      TRANSPOSED_LIMITS.padding,
    ),
  ) as unknown as Pair;
  return { padding, outputPadding };
}

/** Clamps output padding, then padding, into what the rest of the config allows, so an edit never makes the config invalid. */
export function keepValid(config: TransposedConfig): TransposedConfig {
  const limits = optionLimits(config);
  const clamp = (value: Pair, max: Pair): Pair =>
    value[0] <= max[0] && value[1] <= max[1] ? value : [Math.min(value[0], max[0]), Math.min(value[1], max[1])];
  return { ...config, outputPadding: clamp(config.outputPadding, limits.outputPadding), padding: clamp(config.padding, limits.padding) };
}
