// The Channels panel's configuration: the multi-channel layer on screen, the cost view's layer shape, the 3-D view's volume; URL table and presets.

import {
  MAX_VALUE_LENGTH,
  booleanField,
  enumField,
  integerField,
  integerTupleField,
  matrixField,
  numberField,
  type Field,
  type Matrix,
  type MatrixLimits,
} from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';

export const CHANNELS_VIEWS = ['inputs', 'outputs', 'pointwise', 'groups', 'cost', 'volume'] as const;
export type ChannelsView = (typeof CHANNELS_VIEWS)[number];

/** Feature maps [C][H][W]. */
export type ChannelStack = readonly Matrix[];
/** A layer's weights [C_out][C_in / groups][k_h][k_w]: one 3-D kernel ("book") per output channel. */
export type KernelBank = readonly ChannelStack[];

export type Pair = readonly [number, number];
export type Triple = readonly [number, number, number];

export interface ChannelsConfig {
  view: ChannelsView;
  /** The layer drawn in the input-channel, output-channel, 1×1 and groups views. */
  input: ChannelStack;
  weight: KernelBank;
  /** One bias per output channel, or none (empty) for a layer without bias. */
  bias: readonly number[];
  groups: number;
  /** The 1×1 layer after a depthwise one: rows = its output channels, columns = the depthwise layer's output channels. */
  pointwise: Matrix;
  /** The cost view's layer, by shape only (so it can be as large as real networks). */
  costIn: number;
  costOut: number;
  costKernel: Pair;
  costSize: Pair;
  costPadding: Pair;
  costStride: Pair;
  costBias: boolean;
  /** The 3-D view: volume (D, H, W), kernel (d, h, w), stride and padding per axis, and channel counts for the parameter count. */
  volume: Triple;
  volumeKernel: Triple;
  volumeStride: Triple;
  volumePadding: Triple;
  volumeChannels: Pair;
}

/** Bounds that keep every view drawable and every link short: at most 8 channels of 8×8, kernels up to 3×3. */
export const CHANNELS_LIMITS = {
  channels: 8,
  size: 8,
  kernel: 3,
  maxAbs: 99,
  cost: { channels: 512, kernel: 11, size: 256, padding: 5, stride: 4 },
  volume: { depth: 6, size: 8, kernel: 3, stride: 3, padding: 2, channels: 64 },
} as const;

const MAP_LIMITS = { maxRows: CHANNELS_LIMITS.size, maxCols: CHANNELS_LIMITS.size, maxAbs: CHANNELS_LIMITS.maxAbs };
const KERNEL_LIMITS = { maxRows: CHANNELS_LIMITS.kernel, maxCols: CHANNELS_LIMITS.kernel, maxAbs: CHANNELS_LIMITS.maxAbs };
export const EDITOR_LIMITS = { map: MAP_LIMITS, kernel: KERNEL_LIMITS, pointwise: { maxRows: 8, maxCols: 8, maxAbs: CHANNELS_LIMITS.maxAbs } };

export function matrixShape(matrix: Matrix | undefined): [number, number] {
  return [matrix?.length ?? 0, matrix?.[0]?.length ?? 0];
}

function sameShape(matrices: readonly Matrix[]): boolean {
  const [rows, cols] = matrixShape(matrices[0]);
  return matrices.every((m) => m.length === rows && m.every((row) => row.length === cols));
}

/** Matrices separated by `separator`, all of one shape, 1 … maxCount of them. */
function stackField(limits: MatrixLimits, maxCount: number, separator: string): Field<ChannelStack> {
  const matrix = matrixField(limits);
  return {
    parse(raw) {
      const parts = raw.split(separator);
      if (parts.length < 1 || parts.length > maxCount) return null;
      const stack = parts.map((part) => matrix.parse(part));
      if (stack.some((m) => m === null)) return null;
      return sameShape(stack as Matrix[]) ? (stack as Matrix[]) : null;
    },
    serialize: (stack) => stack.map((m) => matrix.serialize(m)).join(separator),
    equals: (a, b) => a.length === b.length && a.every((m, i) => matrix.equals(m, b[i] as Matrix)),
  };
}

/** Books separated by `*`, each a stack of kernel slices separated by `_`; every book has the same slices. */
function bankField(): Field<KernelBank> {
  const book = stackField(KERNEL_LIMITS, CHANNELS_LIMITS.channels, '_');
  return {
    parse(raw) {
      const parts = raw.split('*');
      if (parts.length > CHANNELS_LIMITS.channels) return null;
      const books = parts.map((part) => book.parse(part));
      if (books.some((b) => b === null)) return null;
      const bank = books as ChannelStack[];
      return bank.every((b) => b.length === (bank[0] as ChannelStack).length) && sameShape(bank.flat()) ? bank : null;
    },
    serialize: (bank) => bank.map((b) => book.serialize(b)).join('*'),
    equals: (a, b) => a.length === b.length && a.every((m, i) => book.equals(m, b[i] as ChannelStack)),
  };
}

/** "none" for a layer without bias, else one number per output channel. */
function biasField(): Field<readonly number[]> {
  const entry = numberField(CHANNELS_LIMITS.maxAbs);
  return {
    parse(raw) {
      if (raw === 'none') return [];
      const parts = raw.split(',');
      if (parts.length > CHANNELS_LIMITS.channels) return null;
      const values = parts.map((part) => entry.parse(part.trim()));
      return values.some((v) => v === null) ? null : (values as number[]);
    },
    serialize: (bias) => (bias.length === 0 ? 'none' : bias.map((v) => entry.serialize(v)).join(',')),
    equals: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}

/** A readable feature map: small whole numbers that differ from cell to cell and from channel to channel. */
export function patternMap(rows: number, cols: number, channel = 0): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ((r * cols + c) * 7 + 3 + channel * 4) % 10));
}

/** A readable kernel slice: the notes' 0, 1, 2, 3 pattern shifted by its position in the bank. */
export function patternKernelSlice(rows: number, cols: number, shift = 0): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r * cols + c + shift) % 5));
}

/** The notes' two input channels (001 §3.1) and their two kernel slices. */
export const NOTES_X2: ChannelStack = [
  [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7, 8],
  ],
  [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
];
export const NOTES_K2: ChannelStack = [
  [
    [0, 1],
    [2, 3],
  ],
  [
    [1, 2],
    [3, 4],
  ],
];

const plus = (book: ChannelStack, n: number): ChannelStack => book.map((m) => m.map((row) => row.map((v) => v + n)));

export type LayerFields = Pick<ChannelsConfig, 'input' | 'weight' | 'bias' | 'groups' | 'pointwise'>;
export type CostFields = Pick<ChannelsConfig, 'costIn' | 'costOut' | 'costKernel' | 'costSize' | 'costPadding' | 'costStride' | 'costBias'>;
export type VolumeFields = Pick<ChannelsConfig, 'volume' | 'volumeKernel' | 'volumeStride' | 'volumePadding' | 'volumeChannels'>;

export interface Preset<T> {
  id: string;
  config: T;
  /** The view a preset belongs to (choosing it shows that view). */
  view?: ChannelsView;
}

const identityPointwise = (rows: number, cols: number): Matrix =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (r === c ? 1 : (r + c) % 3 === 0 ? -1 : 0)));

export const LAYER_PRESETS: readonly Preset<LayerFields>[] = [
  // 001 §3.1: two input channels → 56, 72, 104, 120.
  { id: 'twoIn', view: 'inputs', config: { input: NOTES_X2, weight: [NOTES_K2], bias: [], groups: 1, pointwise: [[1]] } },
  // 001 §3.2: three output channels from K, K + 1, K + 2.
  {
    id: 'threeOut',
    view: 'outputs',
    config: { input: NOTES_X2, weight: [NOTES_K2, plus(NOTES_K2, 1), plus(NOTES_K2, 2)], bias: [], groups: 1, pointwise: [[1, 0, 0]] },
  },
  // 001 §3.3: a 1×1 convolution from 3 channels to 2.
  {
    id: 'oneByOne',
    view: 'pointwise',
    config: {
      input: [patternMap(3, 3, 0), patternMap(3, 3, 1), patternMap(3, 3, 2)],
      weight: [
        [[[1]], [[0]], [[-1]]],
        [[[2]], [[1]], [[0]]],
      ],
      bias: [],
      groups: 1,
      pointwise: identityPointwise(2, 2),
    },
  },
  // 004: 3 channels, 3×3 depthwise (27 weights), then 1×1 to 4 channels (12 weights), instead of 108.
  {
    id: 'depthwise',
    view: 'groups',
    config: {
      input: [patternMap(5, 5, 0), patternMap(5, 5, 1), patternMap(5, 5, 2)],
      weight: [0, 1, 2].map((o) => [patternKernelSlice(3, 3, o)]),
      bias: [],
      groups: 3,
      pointwise: identityPointwise(4, 3),
    },
  },
  // Two groups: outputs 0–1 read inputs 0–1, outputs 2–3 read inputs 2–3.
  {
    id: 'twoGroups',
    view: 'groups',
    config: {
      input: [0, 1, 2, 3].map((c) => patternMap(4, 4, c)),
      weight: [0, 1, 2, 3].map((o) => [patternKernelSlice(2, 2, o), patternKernelSlice(2, 2, o + 1)]),
      bias: [],
      groups: 2,
      pointwise: identityPointwise(4, 4),
    },
  },
];

export const COST_PRESETS: readonly Preset<CostFields>[] = [
  // 003: 16 → 32 channels, 3×3: 4608 vs 656 parameters.
  {
    id: 'sep16to32',
    config: { costIn: 16, costOut: 32, costKernel: [3, 3], costSize: [8, 8], costPadding: [1, 1], costStride: [1, 1], costBias: false },
  },
  // 004: 3 → 4 channels, 3×3 on a 5×5 input: 108 vs 27 + 12.
  {
    id: 'sep3to4',
    config: { costIn: 3, costOut: 4, costKernel: [3, 3], costSize: [5, 5], costPadding: [0, 0], costStride: [1, 1], costBias: false },
  },
  // A first layer on an ImageNet-sized RGB image: what a dense layer would cost there.
  {
    id: 'rgb224',
    config: { costIn: 3, costOut: 64, costKernel: [3, 3], costSize: [224, 224], costPadding: [1, 1], costStride: [1, 1], costBias: true },
  },
];

export const VOLUME_PRESETS: readonly Preset<VolumeFields>[] = [
  { id: 'cube', config: { volume: [4, 5, 5], volumeKernel: [3, 3, 3], volumeStride: [1, 1, 1], volumePadding: [0, 0, 0], volumeChannels: [1, 1] } },
  {
    id: 'depthStride',
    config: { volume: [6, 4, 4], volumeKernel: [3, 3, 3], volumeStride: [2, 1, 1], volumePadding: [1, 0, 0], volumeChannels: [1, 1] },
  },
  {
    id: 'sliceWise',
    config: { volume: [3, 5, 5], volumeKernel: [1, 3, 3], volumeStride: [1, 1, 1], volumePadding: [0, 0, 0], volumeChannels: [1, 1] },
  },
  {
    id: 'fullDepth',
    config: { volume: [3, 5, 5], volumeKernel: [3, 3, 3], volumeStride: [1, 1, 1], volumePadding: [0, 0, 0], volumeChannels: [1, 1] },
  },
  { id: 'mri', config: { volume: [6, 6, 6], volumeKernel: [3, 3, 3], volumeStride: [1, 1, 1], volumePadding: [1, 1, 1], volumeChannels: [2, 16] } },
];

export const CHANNELS_DEFAULTS: ChannelsConfig = {
  view: 'inputs',
  ...(LAYER_PRESETS[0] as Preset<LayerFields>).config,
  ...(COST_PRESETS[0] as Preset<CostFields>).config,
  ...(VOLUME_PRESETS[0] as Preset<VolumeFields>).config,
};

/** Shape facts of the layer on screen (only meaningful when `layerProblems` finds nothing). */
export function layerShape(config: Pick<LayerFields, 'input' | 'weight' | 'groups'>) {
  const [h, w] = matrixShape(config.input[0]);
  const [kh, kw] = matrixShape(config.weight[0]?.[0]);
  return { cin: config.input.length, cout: config.weight.length, slices: config.weight[0]?.length ?? 0, h, w, kh, kw, groups: config.groups };
}

/** The layer's cross-field problems, each naming the fields to reset, most likely culprit first. */
function layerProblems(config: ChannelsConfig): (keyof ChannelsConfig)[] {
  const { cin, cout, slices, h, w, kh, kw, groups } = layerShape(config);
  const found: (keyof ChannelsConfig)[] = [];
  if (cin % groups !== 0 || cout % groups !== 0) found.push('groups', 'weight', 'input');
  if (slices * groups !== cin || cout < 1) found.push('weight', 'groups', 'input');
  if (kh > h || kw > w) found.push('weight', 'input');
  if (config.bias.length !== 0 && config.bias.length !== cout) found.push('bias');
  // The default pointwise [[1]] fits only one output channel: when it does not fit either, the weights give way too.
  if (matrixShape(config.pointwise)[1] !== cout) found.push('pointwise', 'weight', 'groups', 'input');
  return found;
}

function axesFit(kernel: readonly number[], size: readonly number[], padding: readonly number[]): boolean {
  return kernel.every((k, i) => k <= (size[i] as number) + 2 * (padding[i] as number));
}

/** Every link-sized value must stay within the codec's limit, so whatever is on screen can be shared. */
export function exceedsLink(config: ChannelsConfig): boolean {
  return (
    CHANNELS_SPEC_URL.input.field.serialize(config.input).length > MAX_VALUE_LENGTH ||
    CHANNELS_SPEC_URL.weight.field.serialize(config.weight).length > MAX_VALUE_LENGTH
  );
}

const CHANNELS_SPEC_URL = {
  view: { key: 'view', field: enumField<ChannelsView>(CHANNELS_VIEWS) },
  input: { key: 'x', field: stackField(MAP_LIMITS, CHANNELS_LIMITS.channels, '_') },
  weight: { key: 'w', field: bankField() },
  bias: { key: 'b', field: biasField() },
  groups: { key: 'g', field: integerField(1, CHANNELS_LIMITS.channels) },
  pointwise: { key: 'pw', field: matrixField(EDITOR_LIMITS.pointwise) },
  costIn: { key: 'cin', field: integerField(1, CHANNELS_LIMITS.cost.channels) },
  costOut: { key: 'cout', field: integerField(1, CHANNELS_LIMITS.cost.channels) },
  costKernel: { key: 'ck', field: integerTupleField<Pair>(2, 1, CHANNELS_LIMITS.cost.kernel) },
  costSize: { key: 'cs', field: integerTupleField<Pair>(2, 1, CHANNELS_LIMITS.cost.size) },
  costPadding: { key: 'cp', field: integerTupleField<Pair>(2, 0, CHANNELS_LIMITS.cost.padding) },
  costStride: { key: 'cst', field: integerTupleField<Pair>(2, 1, CHANNELS_LIMITS.cost.stride) },
  costBias: { key: 'cb', field: booleanField() },
  volume: { key: 'vs', field: volumeSizeField() },
  volumeKernel: { key: 'vk', field: integerTupleField<Triple>(3, 1, CHANNELS_LIMITS.volume.kernel) },
  volumeStride: { key: 'vst', field: integerTupleField<Triple>(3, 1, CHANNELS_LIMITS.volume.stride) },
  volumePadding: { key: 'vp', field: integerTupleField<Triple>(3, 0, CHANNELS_LIMITS.volume.padding) },
  volumeChannels: { key: 'vc', field: integerTupleField<Pair>(2, 1, CHANNELS_LIMITS.volume.channels) },
} as const;

/** (D, H, W): depth up to 6, height and width up to 8. */
function volumeSizeField(): Field<Triple> {
  const field = integerTupleField<Triple>(3, 1, CHANNELS_LIMITS.volume.size);
  return { ...field, parse: (raw) => ((v) => (v && v[0] <= CHANNELS_LIMITS.volume.depth ? v : null))(field.parse(raw)) };
}

export const CHANNELS_SPEC: PanelConfigSpec<ChannelsConfig> = {
  defaults: CHANNELS_DEFAULTS,
  url: CHANNELS_SPEC_URL,
  problems(config) {
    const found = layerProblems(config);
    if (!axesFit(config.costKernel, config.costSize, config.costPadding)) found.push('costKernel', 'costPadding', 'costSize');
    if (!axesFit(config.volumeKernel, config.volume, config.volumePadding)) found.push('volumeKernel', 'volumePadding', 'volume');
    return found;
  },
};
