// The Pooling panel's configuration: one pooling layer (max/average, every option per axis), its backward pass, and the adaptive/pyramid views.

import { avgPool2d, maxPool2d, tensor, type AvgPool2dOptions, type MaxPool2dOptions, type PoolKind, type Tensor } from '../../engine/index.ts';
import {
  booleanField,
  enumField,
  integerField,
  integerListField,
  integerTupleField,
  matrixField,
  type Field,
  type Matrix,
  type MatrixLimits,
} from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';

export type PoolPass = 'forward' | 'backward';
/** The output gradient fed to the backward pass: all ones, 1, 2, 3, … (each route tells which output it came from), or seeded random. */
export type GradientFill = 'ones' | 'count' | 'seeded';
export type AxisPair = readonly [number, number];

export interface PoolingConfig {
  kind: PoolKind;
  /** One matrix per channel (1–3), all the same size. */
  input: readonly Matrix[];
  kernel: AxisPair;
  /** null: PyTorch's default, the kernel size. */
  stride: AxisPair | null;
  /** Per axis, on both sides; at most half the kernel (PyTorch's rule). */
  padding: AxisPair;
  /** Max pooling only. */
  dilation: AxisPair;
  ceilMode: boolean;
  /** Average pooling only; PyTorch's default is true. */
  countIncludePad: boolean;
  pass: PoolPass;
  gradient: GradientFill;
  gradientSeed: number;
  /** Size of the single-channel input of the adaptive and pyramid views. */
  regionSize: AxisPair;
  adaptiveOutput: AxisPair;
  /** Grid sizes of the spatial pyramid's levels, e.g. 4, 2, 1. */
  pyramid: readonly number[];
}

export const POOLING_LIMITS = {
  input: { maxRows: 10, maxCols: 10, maxAbs: 999 } satisfies MatrixLimits,
  channels: 3,
  kernel: 5,
  stride: 5,
  dilation: 3,
  /** Half the largest kernel. */
  padding: 2,
  seed: 9999,
  region: 12,
  adaptiveOutput: 6,
  pyramid: { minLevels: 1, maxLevels: 4, maxSize: 6 },
} as const;

/** 0, 1, …, rows·cols − 1: the notes' hand-checkable input. */
export function countingInput(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c));
}

/** A readable input for channel `channel`: small whole numbers that differ cell to cell and channel to channel. */
export function channelPattern(rows: number, cols: number, channel: number): Matrix {
  if (channel === 0) return countingInput(rows, cols);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ((r * cols + c) * (2 * channel + 5) + 3 * channel) % 10));
}

/** The adaptive and pyramid views' input: a bright blob (0 … 9) placed the same way at any size, so every pyramid level shows it coarser. */
export function regionPattern(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const dy = (r + 0.5) / rows - 0.35;
      const dx = (c + 0.5) / cols - 0.6;
      return Math.round(9 * Math.exp(-(dy * dy + dx * dx) / 0.12));
    }),
  );
}

/** Overlapping 3×3 windows at stride 2 all contain the 9 in the centre: max pooling's backward adds four gradients there. */
export const OVERLAP_X: Matrix = [
  [1, 3, 2, 0, 1],
  [4, 2, 6, 1, 3],
  [0, 5, 9, 2, 4],
  [2, 1, 3, 8, 0],
  [3, 0, 2, 1, 2],
];

/** Windows with equal maxima: the first in window order (row by row) wins, in the forward pass and the gradient. */
export const TIES_X: Matrix = [
  [5, 5, 1, 2],
  [3, 5, 2, 2],
  [0, 1, 7, 7],
  [4, 2, 7, 7],
];

const CONSTANT_FOURS: Matrix = Array.from({ length: 4 }, () => [4, 4, 4, 4]);

/** The settings a preset sets: the pooling layer itself (the pass, gradient and the lower views stay as they are). */
export type PoolLayerSettings = Pick<PoolingConfig, 'kind' | 'input' | 'kernel' | 'stride' | 'padding' | 'dilation' | 'ceilMode' | 'countIncludePad'>;

export const LAYER_KEYS: readonly (keyof PoolLayerSettings)[] = [
  'kind',
  'input',
  'kernel',
  'stride',
  'padding',
  'dilation',
  'ceilMode',
  'countIncludePad',
];

export function layerSettings(config: PoolingConfig): PoolLayerSettings {
  return Object.fromEntries(LAYER_KEYS.map((key) => [key, config[key]])) as unknown as PoolLayerSettings;
}

export interface PoolPreset {
  id: string;
  settings: PoolLayerSettings;
}

const layer = (settings: Partial<PoolLayerSettings>): PoolLayerSettings => ({
  kind: 'max',
  input: [countingInput(4, 4)],
  kernel: [2, 2],
  stride: null,
  padding: [0, 0],
  dilation: [1, 1],
  ceilMode: false,
  countIncludePad: true,
  ...settings,
});

export const POOL_PRESETS: readonly PoolPreset[] = [
  { id: 'notesMax', settings: layer({}) },
  { id: 'notesAvg', settings: layer({ kind: 'avg' }) },
  { id: 'overlap', settings: layer({ input: [OVERLAP_X], kernel: [3, 3], stride: [2, 2] }) },
  { id: 'ties', settings: layer({ input: [TIES_X] }) },
  { id: 'ceilOverhang', settings: layer({ kind: 'avg', input: [countingInput(5, 5)], ceilMode: true }) },
  { id: 'ceilDrop', settings: layer({ input: [countingInput(5, 5)], padding: [1, 1], ceilMode: true }) },
  { id: 'countPad', settings: layer({ kind: 'avg', input: [CONSTANT_FOURS], padding: [1, 1], countIncludePad: true }) },
  { id: 'excludePad', settings: layer({ kind: 'avg', input: [CONSTANT_FOURS], padding: [1, 1], countIncludePad: false }) },
  { id: 'channels', settings: layer({ input: [0, 1, 2].map((c) => channelPattern(4, 4, c)) }) },
  { id: 'dilated', settings: layer({ input: [countingInput(5, 5)], stride: [1, 1], dilation: [2, 2] }) },
  { id: 'perAxis', settings: layer({ kind: 'avg', input: [countingInput(4, 6)], kernel: [2, 3], stride: [1, 3], padding: [1, 0] }) },
];

export const POOLING_DEFAULTS: PoolingConfig = {
  ...(POOL_PRESETS[0] as PoolPreset).settings,
  pass: 'forward',
  gradient: 'ones',
  gradientSeed: 1,
  regionSize: [5, 7],
  adaptiveOutput: [3, 3],
  pyramid: [4, 2, 1],
};

/** The channels of the input: up to `maxChannels` matrices of one size, separated by '_' ("0,1;2,3_4,5;6,7"). */
export function channelsField(limits: MatrixLimits, maxChannels: number): Field<readonly Matrix[]> {
  const matrix = matrixField(limits);
  return {
    parse(raw) {
      const parts = raw.split('_');
      if (parts.length > maxChannels) return null;
      const channels = parts.map((part) => matrix.parse(part));
      if (channels.some((c) => c === null)) return null;
      const first = channels[0] as Matrix;
      const sameSize = channels.every((c) => c !== null && c.length === first.length && c[0]?.length === first[0]?.length);
      return sameSize ? (channels as Matrix[]) : null;
    },
    serialize: (channels) => channels.map((c) => matrix.serialize(c)).join('_'),
    equals: (a, b) => a.length === b.length && a.every((c, i) => matrix.equals(c, b[i] as Matrix)),
  };
}

/** A per-axis pair, or null for "the default": the stride that follows the kernel. */
function optionalPairField(min: number, max: number): Field<AxisPair | null> {
  const pair = integerTupleField<AxisPair>(2, min, max);
  return {
    parse: pair.parse,
    serialize: (value) => (value === null ? '' : pair.serialize(value)),
    equals: (a, b) => (a === null || b === null ? a === b : pair.equals(a, b)),
  };
}

export function inputSize(config: Pick<PoolingConfig, 'input'>): AxisPair {
  const first = config.input[0];
  return [first?.length ?? 0, first?.[0]?.length ?? 0];
}

export function effectiveStride(config: Pick<PoolingConfig, 'stride' | 'kernel'>): AxisPair {
  return config.stride ?? config.kernel;
}

/** The input as the engine takes it: [C, H, W]. */
export function poolTensor(config: Pick<PoolingConfig, 'input'>): Tensor {
  const [rows, cols] = inputSize(config);
  return tensor(
    config.input.flatMap((channel) => channel.flat()),
    [config.input.length, rows, cols],
  );
}

/** The engine's options for this layer (dilation only for max pooling, countIncludePad only for average pooling). */
export function poolOptions(config: PoolLayerSettings): MaxPool2dOptions | AvgPool2dOptions {
  const common = {
    kernelSize: [...config.kernel] as [number, number],
    stride: [...effectiveStride(config)] as [number, number],
    padding: [...config.padding] as [number, number],
    ceilMode: config.ceilMode,
  };
  return config.kind === 'max'
    ? { ...common, dilation: [...config.dilation] as [number, number] }
    : { ...common, countIncludePad: config.countIncludePad };
}

/**
 * Fields that are fine alone but not together, in the order to reset them: dilation with average pooling; padding over half
 * the kernel; and whatever else the engine refuses (a window larger than the padded input, a max window holding only padding).
 */
export function poolingProblems(config: PoolingConfig): (keyof PoolingConfig)[] {
  if (config.kind === 'avg' && (config.dilation[0] !== 1 || config.dilation[1] !== 1)) return ['dilation'];
  if (config.padding.some((p, axis) => 2 * p > (config.kernel[axis] as number))) return ['padding', 'kernel'];
  try {
    const input = poolTensor(config);
    if (config.kind === 'max') maxPool2d(input, poolOptions(config) as MaxPool2dOptions);
    else avgPool2d(input, poolOptions(config) as AvgPool2dOptions);
  } catch {
    return ['dilation', 'kernel', 'padding', 'input'];
  }
  return [];
}

/**
 * Makes an edited config valid the way a student would expect: average pooling drops dilation, padding shrinks to half the
 * kernel, and if the window still does not fit, dilation and then the kernel give way.
 */
export function fitPoolingConfig(config: PoolingConfig): PoolingConfig {
  const halfKernel = (c: PoolingConfig): AxisPair => [
    Math.min(c.padding[0], Math.floor(c.kernel[0] / 2)),
    Math.min(c.padding[1], Math.floor(c.kernel[1] / 2)),
  ];
  let fitted: PoolingConfig = config.kind === 'avg' ? { ...config, dilation: [1, 1] } : config;
  fitted = { ...fitted, padding: halfKernel(fitted) };
  if (poolingProblems(fitted).length === 0) return fitted;
  fitted = { ...fitted, dilation: [1, 1] };
  if (poolingProblems(fitted).length === 0) return fitted;
  const [rows, cols] = inputSize(fitted);
  fitted = { ...fitted, kernel: [Math.min(fitted.kernel[0], rows), Math.min(fitted.kernel[1], cols)] };
  return { ...fitted, padding: halfKernel(fitted) };
}

export const POOLING_SPEC: PanelConfigSpec<PoolingConfig> = {
  defaults: POOLING_DEFAULTS,
  url: {
    kind: { key: 'op', field: enumField<PoolKind>(['max', 'avg']) },
    input: { key: 'x', field: channelsField(POOLING_LIMITS.input, POOLING_LIMITS.channels) },
    kernel: { key: 'k', field: integerTupleField<AxisPair>(2, 1, POOLING_LIMITS.kernel) },
    stride: { key: 'st', field: optionalPairField(1, POOLING_LIMITS.stride) },
    padding: { key: 'pad', field: integerTupleField<AxisPair>(2, 0, POOLING_LIMITS.padding) },
    dilation: { key: 'dl', field: integerTupleField<AxisPair>(2, 1, POOLING_LIMITS.dilation) },
    ceilMode: { key: 'ceil', field: booleanField() },
    countIncludePad: { key: 'cip', field: booleanField() },
    pass: { key: 'dir', field: enumField<PoolPass>(['forward', 'backward']) },
    gradient: { key: 'g', field: enumField<GradientFill>(['ones', 'count', 'seeded']) },
    gradientSeed: { key: 'gs', field: integerField(0, POOLING_LIMITS.seed) },
    regionSize: { key: 'ai', field: integerTupleField<AxisPair>(2, 1, POOLING_LIMITS.region) },
    adaptiveOutput: { key: 'ao', field: integerTupleField<AxisPair>(2, 1, POOLING_LIMITS.adaptiveOutput) },
    pyramid: {
      key: 'spp',
      field: integerListField(POOLING_LIMITS.pyramid.minLevels, POOLING_LIMITS.pyramid.maxLevels, 1, POOLING_LIMITS.pyramid.maxSize),
    },
  },
  problems: poolingProblems,
};
