// Filtering images with conv2d: RGBA pixels as a [3, H, W] tensor, grey as a 1×1 convolution, one kernel per channel,
// the separable two-pass form with its multiply counts, and the lens (one output pixel's window, products and sum).

import { conv2d, planConv2d, type Conv2dOptions, type PerSidePadding } from './conv2d.ts';
import { convCost } from './cost.ts';
import { texFactor, texNumber } from './formulas.ts';
import { presetPadding, type Geometry2d, type PaddingMode, type PaddingPreset } from './geometry.ts';
import { depthwiseKernel, kernelSize, type KernelMatrix, type SeparableFactors } from './imageKernels.ts';
import { readPair, type Pair } from './pair.ts';
import { tapTables, windowTaps, type WindowTap } from './taps.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';

/** ITU-R BT.601 luma weights, the usual RGB → grey mix (what PIL's convert('L') uses). */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

export interface ImageFilterOptions {
  /** valid: no padding; same: the output keeps ⌈n/s⌉ pixels; full: every partial overlap (presetPadding). */
  padding: PaddingPreset;
  paddingMode: PaddingMode;
  stride: Pair;
  dilation: Pair;
}

/** RGBA bytes (canvas ImageData order) as a [3, H, W] tensor of 0…255 values; alpha is dropped. */
export function tensorFromRgba(rgba: ArrayLike<number>, width: number, height: number): Tensor {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`tensorFromRgba: width and height must be whole numbers ≥ 1, got ${width}×${height}`);
  }
  const plane = width * height;
  if (rgba.length !== plane * 4) throw new Error(`tensorFromRgba: ${width}×${height} pixels need ${plane * 4} RGBA values, got ${rgba.length}`);
  const data = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    data[i] = rgba[i * 4] as number;
    data[plane + i] = rgba[i * 4 + 1] as number;
    data[2 * plane + i] = rgba[i * 4 + 2] as number;
  }
  return fromData(data, [3, height, width]);
}

/** Grey from RGB as a 1×1 convolution with the luma weights: [3, H, W] → [1, H, W]. */
export function luminance(rgb: Tensor): Tensor {
  assertRank('luminance', 'rgb', rgb, 3, '[3, H, W]');
  if (rgb.shape[0] !== 3) throw new Error(`luminance: rgb must have 3 channels, got ${rgb.shape[0]}`);
  return conv2d(rgb, fromData(Float32Array.from(LUMA_WEIGHTS), [1, 3, 1, 1]));
}

/** conv2d options with every field resolved: per-side padding, per-axis stride and dilation, groups. */
export interface ResolvedConvOptions extends Conv2dOptions {
  readonly padding: PerSidePadding;
  readonly paddingMode: PaddingMode;
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly groups: number;
}

/** conv2d options for a depthwise image filter: the padding preset resolved per side, groups = channels. */
export function imageConvOptions(inputShape: readonly number[], kernelH: number, kernelW: number, options: ImageFilterOptions): ResolvedConvOptions {
  const [channels = 1, height = 1, width = 1] = inputShape;
  const [strideH, strideW] = readPair('imageConvOptions', 'stride', options.stride, 1, 1);
  const [dilationH, dilationW] = readPair('imageConvOptions', 'dilation', options.dilation, 1, 1);
  const [top, bottom] = presetPadding(options.padding, height, kernelH, strideH, dilationH);
  const [left, right] = presetPadding(options.padding, width, kernelW, strideW, dilationW);
  return {
    padding: [top, bottom, left, right],
    paddingMode: options.paddingMode,
    stride: [strideH, strideW],
    dilation: [dilationH, dilationW],
    groups: channels,
  };
}

export interface ValueRange {
  readonly min: number;
  readonly max: number;
  /** max(|min|, |max|): the half-width of a colour scale symmetric around zero. */
  readonly maxAbs: number;
}

export function valueRange(t: Tensor): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  for (const v of t.data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (t.data.length === 0) return { min: 0, max: 0, maxAbs: 0 };
  return { min, max, maxAbs: Math.max(Math.abs(min), Math.abs(max)) };
}

export interface FilteredImage {
  readonly output: Tensor;
  readonly range: ValueRange;
  readonly geometry: Geometry2d;
}

/** Applies weights / divisor to every channel of a [C, H, W] image on its own (conv2d, groups = C). */
export function filterImage(input: Tensor, weights: KernelMatrix, divisor: number, options: ImageFilterOptions): FilteredImage {
  assertRank('filterImage', 'input', input, 3, '[C, H, W]');
  const [kH, kW] = kernelSize('filterImage', weights);
  const channels = input.shape[0] as number;
  const weight = depthwiseKernel(weights, divisor, channels);
  const convOptions = imageConvOptions(input.shape, kH, kW, options);
  const output = conv2d(input, weight, convOptions);
  return { output, range: valueRange(output), geometry: planConv2d(input.shape, weight.shape, convOptions).geometry };
}

export interface SeparableComparison {
  /** One pass with the full kH×kW kernel. */
  readonly full: Tensor;
  /** The kH×1 column pass, then the 1×kW row pass on its result. */
  readonly separable: Tensor;
  /** Shape of the image between the two passes. */
  readonly intermediateShape: readonly number[];
  /** Largest |full − separable| over all pixels (float rounding only). */
  readonly maxDifference: number;
  readonly fullMultiplies: number;
  readonly separableMultiplies: number;
  /** Weights per channel: kH·kW for the full kernel, kH + kW for the two 1-D kernels (notes 003: 6 instead of 9). */
  readonly fullWeights: number;
  readonly separableWeights: number;
  /** The counts written out: kH·kW·H_out·W_out·C, and kH·H_out·W_mid·C + kW·H_out·W_out·C. */
  readonly fullTex: string;
  readonly separableTex: string;
}

function outerProduct(factors: SeparableFactors): number[][] {
  return factors.column.map((c) => factors.row.map((r) => c * r));
}

/**
 * The full kernel column ⊗ row / divisor against its two 1-D passes (padding, stride and dilation split per axis:
 * the column pass pads and strides the height, the row pass the width), with the multiplications each way.
 */
export function separableComparison(input: Tensor, factors: SeparableFactors, divisor: number, options: ImageFilterOptions): SeparableComparison {
  assertRank('separableComparison', 'input', input, 3, '[C, H, W]');
  const channels = input.shape[0] as number;
  const kH = factors.column.length;
  const kW = factors.row.length;
  const full = conv2d(input, depthwiseKernel(outerProduct(factors), divisor, channels), imageConvOptions(input.shape, kH, kW, options));
  const both = imageConvOptions(input.shape, kH, kW, options);
  const [top, bottom, left, right] = both.padding;
  const [strideH, strideW] = both.stride;
  const [dilationH, dilationW] = both.dilation;
  const common = { paddingMode: options.paddingMode, groups: channels };
  const columnWeight = depthwiseKernel(
    factors.column.map((v) => [v]),
    1,
    channels,
  );
  const rowWeight = depthwiseKernel([factors.row], divisor, channels);
  const intermediate = conv2d(input, columnWeight, { ...common, padding: [top, bottom, 0, 0], stride: [strideH, 1], dilation: [dilationH, 1] });
  const separable = conv2d(intermediate, rowWeight, { ...common, padding: [0, 0, left, right], stride: [1, strideW], dilation: [1, dilationW] });
  let maxDifference = 0;
  for (let i = 0; i < full.data.length; i++) {
    const difference = Math.abs((full.data[i] as number) - (separable.data[i] as number));
    if (difference > maxDifference) maxDifference = difference;
  }
  const [, outH, outW] = full.shape as [number, number, number];
  const midW = intermediate.shape[2] as number;
  const depthwise = { inChannels: channels, outChannels: channels, groups: channels, bias: false };
  const fullMultiplies = convCost({ ...depthwise, kernelH: kH, kernelW: kW, outH, outW }).multiplyAdds;
  const columnMultiplies = convCost({ ...depthwise, kernelH: kH, kernelW: 1, outH, outW: midW }).multiplyAdds;
  const rowMultiplies = convCost({ ...depthwise, kernelH: 1, kernelW: kW, outH, outW }).multiplyAdds;
  return {
    full,
    separable,
    intermediateShape: intermediate.shape,
    maxDifference,
    fullMultiplies,
    separableMultiplies: columnMultiplies + rowMultiplies,
    fullWeights: kH * kW,
    separableWeights: kH + kW,
    fullTex: `${kH}\\times ${kW}\\times ${outH}\\times ${outW}\\times ${channels} = ${fullMultiplies}`,
    separableTex: `${kH}\\times ${outH}\\times ${midW}\\times ${channels} + ${kW}\\times ${outH}\\times ${outW}\\times ${channels} = ${columnMultiplies + rowMultiplies}`,
  };
}

export interface LensTap extends WindowTap {
  /** The pixel value the tap reads (a padding mode's copy, or 0 for zero padding). */
  readonly value: number;
  /** The kernel weight before the divisor. */
  readonly weight: number;
  readonly product: number;
}

export interface LensReading {
  readonly outY: number;
  readonly outX: number;
  readonly channel: number;
  readonly taps: readonly LensTap[];
  /** Σ value × weight (before the divisor). */
  readonly sum: number;
  /** sum / divisor: the output pixel. */
  readonly value: number;
  /** The products written out and summed, e.g. "1\times 1 + 0\times(-1) = 1" (with 1/d in front when the divisor is not 1). */
  readonly tex: string;
  readonly geometry: Geometry2d;
  /** The padding mode the taps' copies follow. */
  readonly mode: PaddingMode;
}

/**
 * How one output pixel of filterImage is computed: the window's taps (from the tap enumerator), each pixel value,
 * weight and product, and the sum. The pixel is clamped into the output, so any pointer position is safe.
 */
export function lensReading(
  input: Tensor,
  weights: KernelMatrix,
  divisor: number,
  options: ImageFilterOptions,
  channel: number,
  outY: number,
  outX: number,
): LensReading {
  assertRank('lensReading', 'input', input, 3, '[C, H, W]');
  const [kH, kW] = kernelSize('lensReading', weights);
  const [channels, inH, inW] = input.shape as [number, number, number];
  const convOptions = imageConvOptions(input.shape, kH, kW, options);
  const { geometry } = planConv2d(input.shape, [channels, 1, kH, kW], convOptions);
  const c = Math.min(Math.max(Math.floor(channel), 0), channels - 1);
  const y = Math.min(Math.max(Math.floor(outY), 0), geometry.height.output - 1);
  const x = Math.min(Math.max(Math.floor(outX), 0), geometry.width.output - 1);
  const tables = tapTables(geometry, options.paddingMode);
  let sum = 0;
  const taps = windowTaps(tables, y, x).map((tap): LensTap => {
    const value = tap.sourceY >= 0 ? (input.data[(c * inH + tap.sourceY) * inW + tap.sourceX] as number) : 0;
    const weight = (weights[tap.kernelY] as readonly number[])[tap.kernelX] as number;
    const product = value * weight;
    sum += product;
    return { ...tap, value, weight, product };
  });
  const value = sum / divisor;
  const terms = taps.map((tap) => `${texFactor(tap.value)}\\times ${texFactor(tap.weight)}`).join(' + ');
  const tex =
    divisor === 1
      ? `${terms} = ${texNumber(sum)}`
      : `\\tfrac{1}{${texNumber(divisor)}}\\left(${terms}\\right) = \\tfrac{${texNumber(sum)}}{${texNumber(divisor)}} = ${texNumber(value)}`;
  return { outY: y, outX: x, channel: c, taps, sum, value, tex, geometry, mode: options.paddingMode };
}
