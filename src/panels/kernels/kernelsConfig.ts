// The Image kernels panel's configuration (the lab and "learn the kernel"), its limits, presets and URL table.

import {
  imageConvOptions,
  imageKernel,
  learningImageShape,
  PADDING_MODES,
  planConv2d,
  NOTES_LEARNING,
  NOTES_SEED,
  type ImageKernelId,
  type KernelMatrix,
  type PaddingMode,
  type PaddingPreset,
} from '../../engine/index.ts';
import { enumField, integerField, integerTupleField, matrixField, numberField, type Matrix } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';

/** 'edge' is the notes' 6×8 image (built by the engine); the others are PNGs in public/samples/ (docs/images.md). */
export const SAMPLE_IDS = ['edge', 'shapes', 'checker', 'gradient', 'strokes'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];

/** Each sample's size [height, width] (a test checks the PNG files against it), so a link can be checked before the picture loads. */
export const SAMPLE_SIZES: { readonly [S in SampleId]: readonly [number, number] } = {
  edge: [6, 8],
  shapes: [192, 256],
  checker: [128, 128],
  gradient: [128, 256],
  strokes: [128, 256],
};

export type ColorMode = 'gray' | 'rgb';
export type DisplayMode = 'signed' | 'magnitude' | 'clipped';
/** Kernels the learner can aim at: the notes' [1, −1], Sobel x, the Gaussian blur, or the lab's current kernel. */
export type LearnTarget = 'edge1x2' | 'sobelX' | 'gaussianBlur' | 'lab';
/** X for learning: the notes' edge image, seeded noise, or the current picture shrunk to 16 pixels. */
export type LearnData = 'edge' | 'noise' | 'image';

export interface KernelsConfig {
  sample: SampleId;
  color: ColorMode;
  /** The kernel is weights / divisor (the notes write the blurs as integer weights × 1/9, × 1/16). */
  weights: Matrix;
  divisor: number;
  padding: PaddingPreset;
  paddingMode: PaddingMode;
  /** Height, width. */
  stride: readonly [number, number];
  dilation: readonly [number, number];
  display: DisplayMode;
  /** The lens's output pixel: row, column. */
  lens: readonly [number, number];
  learnTarget: LearnTarget;
  learnData: LearnData;
  learningRate: number;
  learnSteps: number;
  learnSeed: number;
}

export const KERNELS_LIMITS = {
  weights: { maxRows: 7, maxCols: 7, maxAbs: 999 },
  divisor: 999,
  stride: 4,
  dilation: 4,
  lens: 4095,
  learnSteps: 200,
  learnSeed: 999999,
  learningRate: 1,
} as const;

/** The learning rates offered (the notes' 0.03 among them); a link may hold any rate in (0, 1]. */
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.02, 0.03, 0.04, 0.05, 0.1, 0.2] as const;

export const PADDING_CHOICES: readonly PaddingPreset[] = ['valid', 'same', 'full'];
export const DISPLAY_MODES: readonly DisplayMode[] = ['signed', 'magnitude', 'clipped'];

/** The lab's part of the config: what a lab preset sets. */
export type LabConfig = Omit<KernelsConfig, 'learnTarget' | 'learnData' | 'learningRate' | 'learnSteps' | 'learnSeed'>;

function kernelOf(id: ImageKernelId): { weights: Matrix; divisor: number } {
  const kernel = imageKernel(id);
  return { weights: kernel.weights, divisor: kernel.divisor };
}

const LAB_BASE = { color: 'gray', padding: 'same', paddingMode: 'zeros', stride: [1, 1], dilation: [1, 1], display: 'signed' } as const;

export interface LabPreset {
  id: string;
  config: LabConfig;
}

export const LAB_PRESETS: readonly LabPreset[] = [
  { id: 'notesEdge', config: { ...LAB_BASE, sample: 'edge', ...kernelOf('edge1x2'), padding: 'valid', lens: [0, 1] } },
  { id: 'shapesSobel', config: { ...LAB_BASE, sample: 'shapes', ...kernelOf('sobelX'), lens: [75, 110] } },
  { id: 'checkerHorizontal', config: { ...LAB_BASE, sample: 'checker', ...kernelOf('horizontalEdge'), lens: [16, 8] } },
  {
    id: 'strokesBlur',
    config: { ...LAB_BASE, sample: 'strokes', color: 'rgb', ...kernelOf('gaussian5'), paddingMode: 'reflect', display: 'clipped', lens: [64, 12] },
  },
  {
    id: 'checkerDilated',
    config: { ...LAB_BASE, sample: 'checker', ...kernelOf('edgeAll'), dilation: [4, 4], display: 'magnitude', lens: [20, 20] },
  },
  {
    id: 'shapesStride',
    config: { ...LAB_BASE, sample: 'shapes', color: 'rgb', ...kernelOf('boxBlur'), stride: [4, 4], display: 'clipped', lens: [18, 16] },
  },
];

const LEARN_DEFAULTS = {
  learnTarget: 'edge1x2',
  learnData: 'edge',
  learningRate: NOTES_LEARNING.learningRate,
  learnSteps: NOTES_LEARNING.steps,
  learnSeed: NOTES_SEED,
} as const;

export const KERNELS_DEFAULTS: KernelsConfig = { ...(LAB_PRESETS[0] as LabPreset).config, ...LEARN_DEFAULTS };

export interface LearnPreset {
  id: string;
  config: Pick<KernelsConfig, 'learnTarget' | 'learnData' | 'learningRate' | 'learnSteps'>;
}

export const LEARN_PRESETS: readonly LearnPreset[] = [
  { id: 'notes', config: { learnTarget: 'edge1x2', learnData: 'edge', learningRate: 0.03, learnSteps: 20 } },
  { id: 'sobel', config: { learnTarget: 'sobelX', learnData: 'noise', learningRate: 0.03, learnSteps: 20 } },
  { id: 'blur', config: { learnTarget: 'gaussianBlur', learnData: 'noise', learningRate: 0.03, learnSteps: 20 } },
  { id: 'tooFast', config: { learnTarget: 'edge1x2', learnData: 'edge', learningRate: 0.04, learnSteps: 40 } },
];

/** The lab's image filter settings as the engine takes them. */
export function filterOptions(config: Pick<KernelsConfig, 'padding' | 'paddingMode' | 'stride' | 'dilation'>) {
  return { padding: config.padding, paddingMode: config.paddingMode, stride: config.stride, dilation: config.dilation };
}

/** The weights and divisor the learner aims at. */
export function learnTargetKernel(config: Pick<KernelsConfig, 'learnTarget' | 'weights' | 'divisor'>): { weights: KernelMatrix; divisor: number } {
  return config.learnTarget === 'lab' ? { weights: config.weights, divisor: config.divisor } : kernelOf(config.learnTarget);
}

/** [height, width] of the learning data X for a config (the picture's size for 'image'). */
export function learnDataShape(data: LearnData, imageSize: readonly [number, number]): readonly [number, number] {
  if (data === 'edge') return [6, 8];
  if (data === 'noise') return [12, 12];
  return learningImageShape(imageSize[0], imageSize[1]);
}

/** Whether the lab's filter can run on an image of this size (the engine plans it and says no by throwing). */
export function labFits(config: LabConfig, imageSize: readonly [number, number]): boolean {
  const kH = config.weights.length;
  const kW = config.weights[0]?.length ?? 0;
  try {
    planConv2d([1, imageSize[0], imageSize[1]], [1, 1, kH, kW], imageConvOptions([1, imageSize[0], imageSize[1]], kH, kW, filterOptions(config)));
    return true;
  } catch {
    return false;
  }
}

export function kernelsProblems(config: KernelsConfig): (keyof KernelsConfig)[] {
  const problems: (keyof KernelsConfig)[] = [];
  const size = SAMPLE_SIZES[config.sample];
  if (!labFits(config, size)) problems.push('dilation', 'paddingMode', 'padding', 'weights', 'sample');
  if (!(config.learningRate > 0)) problems.push('learningRate');
  const target = learnTargetKernel(config);
  const [xH, xW] = learnDataShape(config.learnData, size);
  if ((target.weights.length > xH || (target.weights[0]?.length ?? 0) > xW) && !problems.includes('weights'))
    problems.push('learnTarget', 'learnData');
  return problems;
}

export const KERNELS_SPEC: PanelConfigSpec<KernelsConfig> = {
  defaults: KERNELS_DEFAULTS,
  url: {
    sample: { key: 'img', field: enumField<SampleId>(SAMPLE_IDS) },
    color: { key: 'color', field: enumField<ColorMode>(['gray', 'rgb']) },
    weights: { key: 'k', field: matrixField(KERNELS_LIMITS.weights) },
    divisor: { key: 'div', field: integerField(1, KERNELS_LIMITS.divisor) },
    padding: { key: 'pad', field: enumField<PaddingPreset>(PADDING_CHOICES) },
    paddingMode: { key: 'mode', field: enumField<PaddingMode>(PADDING_MODES) },
    stride: { key: 'st', field: integerTupleField<KernelsConfig['stride']>(2, 1, KERNELS_LIMITS.stride) },
    dilation: { key: 'dl', field: integerTupleField<KernelsConfig['dilation']>(2, 1, KERNELS_LIMITS.dilation) },
    display: { key: 'show', field: enumField<DisplayMode>(DISPLAY_MODES) },
    lens: { key: 'lens', field: integerTupleField<KernelsConfig['lens']>(2, 0, KERNELS_LIMITS.lens) },
    learnTarget: { key: 'lt', field: enumField<LearnTarget>(['edge1x2', 'sobelX', 'gaussianBlur', 'lab']) },
    learnData: { key: 'lx', field: enumField<LearnData>(['edge', 'noise', 'image']) },
    learningRate: { key: 'lr', field: numberField(KERNELS_LIMITS.learningRate) },
    learnSteps: { key: 'ln', field: integerField(1, KERNELS_LIMITS.learnSteps) },
    learnSeed: { key: 'seed', field: integerField(0, KERNELS_LIMITS.learnSeed) },
  },
  problems: kernelsProblems,
};
