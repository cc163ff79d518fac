// The Transposed panel's configuration: one single-channel transposed convolution, per-axis options, step order, the notes' presets.

import { maxOutputPadding, transposedOutputSize } from '../../engine/index.ts';
import { enumField, integerField, integerTupleField, matrixField, type Matrix } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';
import { patternInput } from '../convLab/convLabConfig.ts';

export type Pair = readonly [number, number];

/** What one step of the shared player is: an input cell stamping the kernel (scatter), or an output cell (gather). */
export type StepOrder = 'input' | 'output';
export const STEP_ORDERS: readonly StepOrder[] = ['input', 'output'];

export interface TransposedConfig {
  /** The transposed convolution's input: the small side. */
  input: Matrix;
  kernel: Matrix;
  stride: Pair;
  /** Per axis (height, width): the same on both sides, as in PyTorch's ConvTranspose2d. */
  padding: Pair;
  outputPadding: Pair;
  dilation: Pair;
  order: StepOrder;
  /** How many ×2 layers the checkerboard comparison stacks. */
  layers: number;
}

/**
 * Bounds that keep every view drawable: at most a 6×6 input and 5×5 kernel, so the output is at most
 * (6 − 1)·4 + 3·(5 − 1) + 3 + 1 = 36 cells a side and the direct view's padded input at most 48.
 */
export const TRANSPOSED_LIMITS = {
  input: { maxRows: 6, maxCols: 6, maxAbs: 999 },
  kernel: { maxRows: 5, maxCols: 5, maxAbs: 999 },
  stride: 4,
  padding: 4,
  outputPadding: 3,
  dilation: 3,
  layers: { min: 1, max: 3 },
} as const;

export const ONES = (rows: number, cols: number): Matrix => Array.from({ length: rows }, () => new Array<number>(cols).fill(1));

/** A kernel whose 180° rotation is easy to see: its top row differs from its bottom row, its left column from its right. */
export const ASYMMETRIC_KERNEL: Matrix = [
  [1, 2, 1],
  [0, 1, 0],
  [-1, 0, 1],
];

const SMALL_INPUT: Matrix = [
  [1, 2],
  [3, 4],
];

export interface TransposedPreset {
  id: string;
  config: TransposedConfig;
}

const base = { outputPadding: [0, 0], dilation: [1, 1], order: 'input', layers: 2 } as const;

export const TRANSPOSED_PRESETS: readonly TransposedPreset[] = [
  // Notes 003: a 5×5 image, k = 3, s = 2, no padding gives 2×2; the transposed convolution maps 2×2 back to 5×5.
  { id: 'roundTrip', config: { ...base, input: SMALL_INPUT, kernel: ASYMMETRIC_KERNEL, stride: [2, 2], padding: [0, 0] } },
  // 5×5 and 6×6 both give 3×3 at k = 3, s = 2, p = 1: output_padding 1 picks 6×6.
  {
    id: 'outputPadding',
    config: { ...base, input: patternInput(3, 3), kernel: ASYMMETRIC_KERNEL, stride: [2, 2], padding: [1, 1], outputPadding: [1, 1] },
  },
  // All ones: every output value is its overlap count. k = 3 is not a multiple of s = 2: uneven.
  { id: 'uneven', config: { ...base, input: ONES(3, 3), kernel: ONES(3, 3), stride: [2, 2], padding: [0, 0] } },
  // k = 4 is a multiple of s = 2: every inner cell gets the same number of stamps.
  { id: 'even', config: { ...base, input: ONES(3, 3), kernel: ONES(4, 4), stride: [2, 2], padding: [1, 1] } },
  { id: 'stride1', config: { ...base, input: SMALL_INPUT, kernel: ASYMMETRIC_KERNEL, stride: [1, 1], padding: [0, 0] } },
  { id: 'dilated', config: { ...base, input: SMALL_INPUT, kernel: ASYMMETRIC_KERNEL, stride: [2, 2], padding: [0, 0], dilation: [2, 2] } },
  {
    id: 'rect',
    config: {
      ...base,
      input: patternInput(2, 3),
      kernel: [
        [1, -1],
        [2, 0],
        [0, 1],
      ],
      stride: [2, 3],
      padding: [1, 0],
      outputPadding: [1, 0],
    },
  },
];

export const TRANSPOSED_DEFAULTS = (TRANSPOSED_PRESETS[0] as TransposedPreset).config;

function axes(config: TransposedConfig) {
  const sizes = [
    [config.input.length, config.kernel.length],
    [config.input[0]?.length ?? 0, config.kernel[0]?.length ?? 0],
  ] as const;
  return ([0, 1] as const).map((a) => ({
    input: sizes[a][0],
    kernel: sizes[a][1],
    stride: config.stride[a],
    padding: config.padding[a],
    outputPadding: config.outputPadding[a],
    dilation: config.dilation[a],
  }));
}

/** Fields to reset, in order: an output padding not smaller than the stride or the dilation, then a padding that leaves no output. */
export function transposedProblems(config: TransposedConfig): (keyof TransposedConfig)[] {
  const perAxis = axes(config);
  if (perAxis.some((a) => a.outputPadding > maxOutputPadding(a.stride, a.dilation))) return ['outputPadding'];
  if (perAxis.some((a) => transposedOutputSize(a.input, a.kernel, a.stride, a.padding, a.outputPadding, a.dilation) < 1))
    return ['padding', 'input', 'kernel'];
  return [];
}

const pairField = (min: number, max: number) => integerTupleField<Pair>(2, min, max);

export const TRANSPOSED_SPEC: PanelConfigSpec<TransposedConfig> = {
  defaults: TRANSPOSED_DEFAULTS,
  url: {
    input: { key: 'x', field: matrixField(TRANSPOSED_LIMITS.input) },
    kernel: { key: 'k', field: matrixField(TRANSPOSED_LIMITS.kernel) },
    stride: { key: 'st', field: pairField(1, TRANSPOSED_LIMITS.stride) },
    padding: { key: 'pad', field: pairField(0, TRANSPOSED_LIMITS.padding) },
    outputPadding: { key: 'op', field: pairField(0, TRANSPOSED_LIMITS.outputPadding) },
    dilation: { key: 'dl', field: pairField(1, TRANSPOSED_LIMITS.dilation) },
    order: { key: 'by', field: enumField<StepOrder>(STEP_ORDERS) },
    layers: { key: 'ly', field: integerField(TRANSPOSED_LIMITS.layers.min, TRANSPOSED_LIMITS.layers.max) },
  },
  problems: transposedProblems,
};
