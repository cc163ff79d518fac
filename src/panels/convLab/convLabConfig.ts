// The configuration shared by the Padding, Stride and Dilation panels: one convolution with every spatial option, and its URL table.

import { PADDING_MODES, type PaddingMode } from '../../engine/index.ts';
import { enumField, integerTupleField, matrixField, type Matrix } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';

export interface ConvLabConfig {
  input: Matrix;
  kernel: Matrix;
  /** Per side: top, bottom, left, right. */
  padding: readonly [number, number, number, number];
  paddingMode: PaddingMode;
  /** Height, width. */
  stride: readonly [number, number];
  dilation: readonly [number, number];
}

export const CONV_LAB_LIMITS = {
  input: { maxRows: 12, maxCols: 12, maxAbs: 999 },
  kernel: { maxRows: 7, maxCols: 7, maxAbs: 999 },
  padding: 6,
  stride: 5,
  dilation: 5,
} as const;

/** A readable input for a given size: small whole numbers that differ cell to cell, so every product is easy to check. */
export function patternInput(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ((r * cols + c) * 7 + 3) % 10));
}

/** A readable kernel: 1, 0, −1 patterns of the given size (a vertical-edge detector when 3×3). */
export function patternKernel(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, (_, c) => (cols === 1 ? 1 : Math.round(1 - (2 * c) / (cols - 1)))));
}

/** The notes' 3×3 input and 2×2 kernel (d2l): 0…8 and [[0, 1], [2, 3]]. */
export const NOTES_X: Matrix = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
];
export const NOTES_K: Matrix = [
  [0, 1],
  [2, 3],
];

/** Why a config cannot run, or null: each reason names the fields to reset, in order. */
export function convLabProblems(config: ConvLabConfig): (keyof ConvLabConfig)[] {
  const inH = config.input.length;
  const inW = config.input[0]?.length ?? 0;
  const kH = config.kernel.length;
  const kW = config.kernel[0]?.length ?? 0;
  const [top, bottom, left, right] = config.padding;
  const [dh, dw] = config.dilation;
  const fits = dh * (kH - 1) + 1 <= inH + top + bottom && dw * (kW - 1) + 1 <= inW + left + right;
  const copyOk =
    config.paddingMode === 'zeros' ||
    (config.paddingMode === 'reflect' && Math.max(top, bottom) < inH && Math.max(left, right) < inW) ||
    (config.paddingMode !== 'reflect' && Math.max(top, bottom) <= inH && Math.max(left, right) <= inW);
  if (!fits) return ['dilation', 'kernel', 'padding', 'input'];
  if (!copyOk) return ['paddingMode'];
  return [];
}

/** One URL table for all three panels: same keys, each panel with its own defaults. */
export function convLabSpec(defaults: ConvLabConfig): PanelConfigSpec<ConvLabConfig> {
  return {
    defaults,
    url: {
      input: { key: 'x', field: matrixField(CONV_LAB_LIMITS.input) },
      kernel: { key: 'k', field: matrixField(CONV_LAB_LIMITS.kernel) },
      padding: { key: 'pad', field: integerTupleField<ConvLabConfig['padding']>(4, 0, CONV_LAB_LIMITS.padding) },
      paddingMode: { key: 'mode', field: enumField<PaddingMode>(PADDING_MODES) },
      stride: { key: 'st', field: integerTupleField<ConvLabConfig['stride']>(2, 1, CONV_LAB_LIMITS.stride) },
      dilation: { key: 'dl', field: integerTupleField<ConvLabConfig['dilation']>(2, 1, CONV_LAB_LIMITS.dilation) },
    },
    problems: convLabProblems,
  };
}
