// conv2d: PyTorch's F.conv2d on [C, H, W] (cross-correlation by default), with padding modes, 'same', groups and flip.

import { checkPaddingMode, convAxis, outputsInsideInput, PADDING_MODES, sourceIndex, type Geometry2d, type PaddingMode } from './geometry.ts';
import { readInteger, readPair, describe, type Pair } from './pair.ts';
import { assertRank, fromData, formatShape, type Tensor } from './tensor.ts';

export interface Conv2dOptions {
  bias?: ArrayLike<number>;
  stride?: Pair;
  /** A number, [height, width], or (beyond PyTorch's F.conv2d, as F.pad does) per side [top, bottom, left, right]. */
  padding?: Pair | PerSidePadding | 'valid' | 'same';
  dilation?: Pair;
  groups?: number;
  paddingMode?: PaddingMode;
  /** true = true convolution (kernel rotated 180°); false = cross-correlation, what frameworks compute. */
  flip?: boolean;
}

export type PerSidePadding = readonly [number, number, number, number];

/** A validated conv2d configuration: the geometry record plus channel bookkeeping. */
export interface Conv2dPlan {
  readonly geometry: Geometry2d;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly paddingMode: PaddingMode;
  readonly flip: boolean;
  readonly bias: Float32Array | null;
  readonly outputShape: readonly [number, number, number];
}

/** Splits a total padding the way PyTorch's 'same' does: the odd extra cell goes after (bottom/right). */
export function samePadding(kernel: number, dilation: number): [number, number] {
  const total = dilation * (kernel - 1);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

export function readBias(opName: string, bias: ArrayLike<number> | undefined, channels: number): Float32Array | null {
  if (bias === undefined || bias === null) return null;
  if (typeof bias.length !== 'number' || bias.length !== channels) {
    throw new Error(
      `${opName}: bias must have one value per output channel (${channels}), got ${typeof bias.length === 'number' ? bias.length : describe(bias)}`,
    );
  }
  const values = Float32Array.from(bias);
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`${opName}: bias must be finite numbers`);
  return values;
}

export function readGroups(opName: string, groups: number | undefined, inChannels: number, outChannels: number): number {
  const value = readInteger(opName, 'groups', groups, 1, 1);
  if (inChannels % value !== 0) {
    throw new Error(`${opName}: groups ${value} must divide the input channels ${inChannels}`);
  }
  if (outChannels % value !== 0) {
    throw new Error(`${opName}: groups ${value} must divide the output channels ${outChannels}`);
  }
  return value;
}

/** Validates shapes and options and builds the geometry record; throws an error naming the bad argument. */
export function planConv2d(inputShape: readonly number[], weightShape: readonly number[], options: Conv2dOptions = {}): Conv2dPlan {
  const op = 'conv2d';
  if (inputShape.length !== 3) throw new Error(`${op}: input must be 3-D [C, H, W], got shape ${formatShape(inputShape)}`);
  if (weightShape.length !== 4) {
    throw new Error(`${op}: weight must be 4-D [C_out, C_in/groups, kH, kW], got shape ${formatShape(weightShape)}`);
  }
  const [inChannels, inH, inW] = inputShape as [number, number, number];
  const [outChannels, weightInChannels, kH, kW] = weightShape as [number, number, number, number];
  if (kH < 1 || kW < 1 || outChannels < 1) throw new Error(`${op}: weight shape ${formatShape(weightShape)} has an empty dimension`);
  if (inChannels < 1 || inH < 1 || inW < 1) throw new Error(`${op}: input shape ${formatShape(inputShape)} has an empty dimension`);
  const groups = readGroups(op, options.groups, inChannels, outChannels);
  if (weightInChannels * groups !== inChannels) {
    throw new Error(
      `${op}: weight expects ${weightInChannels * groups} input channels (${weightInChannels} × groups ${groups}) but input has ${inChannels}`,
    );
  }
  const stride = readPair(op, 'stride', options.stride, 1, 1);
  const dilation = readPair(op, 'dilation', options.dilation, 1, 1);
  const paddingMode = options.paddingMode ?? 'zeros';
  if (!PADDING_MODES.includes(paddingMode)) {
    throw new Error(`${op}: paddingMode must be one of ${PADDING_MODES.join(', ')}, got ${describe(paddingMode)}`);
  }
  let padH: [number, number];
  let padW: [number, number];
  if (options.padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new Error(`${op}: padding 'same' needs stride 1, got stride ${describe(options.stride)}`);
    }
    padH = samePadding(kH, dilation[0]);
    padW = samePadding(kW, dilation[1]);
  } else if (options.padding === 'valid') {
    padH = [0, 0];
    padW = [0, 0];
  } else {
    if (typeof options.padding === 'string') {
      throw new Error(`${op}: padding must be a number, a [height, width] pair, 'valid' or 'same', got ${describe(options.padding)}`);
    }
    if (Array.isArray(options.padding) && options.padding.length === 4) {
      // Per-side padding: F.pad(x, (left, right, top, bottom)) followed by an unpadded convolution.
      const [top, bottom] = readPair(op, 'padding', [options.padding[0], options.padding[1]], 0, 0);
      const [left, right] = readPair(op, 'padding', [options.padding[2], options.padding[3]], 0, 0);
      padH = [top, bottom];
      padW = [left, right];
    } else {
      const padding = readPair(op, 'padding', options.padding as Pair | undefined, 0, 0);
      padH = [padding[0], padding[0]];
      padW = [padding[1], padding[1]];
    }
  }
  const height = convAxis(op, {
    axis: 'height',
    input: inH,
    kernel: kH,
    stride: stride[0],
    dilation: dilation[0],
    padBefore: padH[0],
    padAfter: padH[1],
  });
  const width = convAxis(op, {
    axis: 'width',
    input: inW,
    kernel: kW,
    stride: stride[1],
    dilation: dilation[1],
    padBefore: padW[0],
    padAfter: padW[1],
  });
  checkPaddingMode(op, paddingMode, height);
  checkPaddingMode(op, paddingMode, width);
  const bias = readBias(op, options.bias, outChannels);
  if (options.flip !== undefined && typeof options.flip !== 'boolean') throw new Error(`${op}: flip must be true or false`);
  return {
    geometry: { height, width },
    inChannels,
    outChannels,
    groups,
    inPerGroup: inChannels / groups,
    outPerGroup: outChannels / groups,
    paddingMode,
    flip: options.flip ?? false,
    bias,
    outputShape: [outChannels, height.output, width.output],
  };
}

/** Index into a [C_out, C_in/groups, kH, kW] weight of kernel cell (ky, kx), rotated 180° when flipping. */
export function weightIndex(plan: Conv2dPlan, outChannel: number, groupInChannel: number, ky: number, kx: number): number {
  const kH = plan.geometry.height.kernel;
  const kW = plan.geometry.width.kernel;
  const wy = plan.flip ? kH - 1 - ky : ky;
  const wx = plan.flip ? kW - 1 - kx : kx;
  return ((outChannel * plan.inPerGroup + groupInChannel) * kH + wy) * kW + wx;
}

/** Copies the input into a bigger array with the padding filled by a padding mode (what nn.Conv2d does for non-zero modes). */
function padByMode(data: Float32Array, channels: number, geometry: Geometry2d, mode: PaddingMode): { data: Float32Array; h: number; w: number } {
  const { height, width } = geometry;
  const h = height.input + height.padBefore + height.padAfter;
  const w = width.input + width.padBefore + width.padAfter;
  const padded = new Float32Array(channels * h * w);
  const sourceCols = new Int32Array(w);
  for (let x = 0; x < w; x++) sourceCols[x] = sourceIndex(x - width.padBefore, width.input, mode);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < h; y++) {
      const sy = sourceIndex(y - height.padBefore, height.input, mode);
      const from = (c * height.input + sy) * width.input;
      const to = (c * h + y) * w;
      for (let x = 0; x < w; x++) padded[to + x] = data[from + (sourceCols[x] as number)] as number;
    }
  }
  return { data: padded, h, w };
}

export function conv2d(input: Tensor, weight: Tensor, options: Conv2dOptions = {}): Tensor {
  assertRank('conv2d', 'input', input, 3, '[C, H, W]');
  assertRank('conv2d', 'weight', weight, 4, '[C_out, C_in/groups, kH, kW]');
  const plan = planConv2d(input.shape, weight.shape, options);
  let geometry = plan.geometry;
  let source = input.data;
  if (plan.paddingMode !== 'zeros') {
    // Pad once by copying, then convolve without padding: the same order of work as PyTorch.
    const padded = padByMode(input.data, plan.inChannels, geometry, plan.paddingMode);
    source = padded.data;
    geometry = {
      height: { ...geometry.height, input: padded.h, padBefore: 0, padAfter: 0 },
      width: { ...geometry.width, input: padded.w, padBefore: 0, padAfter: 0 },
    };
  }
  return fromData(convolveZeroPadded(source, weight.data, plan, geometry), plan.outputShape);
}

/** The hot loop: for each weight, one multiply-add sweep over the output rows/columns it touches inside the input. */
function convolveZeroPadded(input: Float32Array, weights: Float32Array, plan: Conv2dPlan, geometry: Geometry2d): Float32Array {
  const { height, width } = geometry;
  const outH = height.output;
  const outW = width.output;
  const inH = height.input;
  const inW = width.input;
  const planeOut = outH * outW;
  const output = new Float32Array(plan.outChannels * planeOut);
  const colRanges = new Int32Array(width.kernel * 2);
  for (let kx = 0; kx < width.kernel; kx++) {
    const [start, end] = outputsInsideInput(width, kx);
    colRanges[kx * 2] = start;
    colRanges[kx * 2 + 1] = end;
  }
  const sx = width.stride;
  for (let co = 0; co < plan.outChannels; co++) {
    const group = Math.floor(co / plan.outPerGroup);
    const outBase = co * planeOut;
    if (plan.bias) output.fill(plan.bias[co] as number, outBase, outBase + planeOut);
    for (let gi = 0; gi < plan.inPerGroup; gi++) {
      const inBase = (group * plan.inPerGroup + gi) * inH * inW;
      for (let ky = 0; ky < height.kernel; ky++) {
        const [oyStart, oyEnd] = outputsInsideInput(height, ky);
        const rowOffset = ky * height.dilation - height.padBefore;
        for (let kx = 0; kx < width.kernel; kx++) {
          const w = weights[weightIndex(plan, co, gi, ky, kx)] as number;
          if (w === 0) continue;
          const oxStart = colRanges[kx * 2] as number;
          const oxEnd = colRanges[kx * 2 + 1] as number;
          const colOffset = kx * width.dilation - width.padBefore;
          for (let oy = oyStart; oy < oyEnd; oy++) {
            const inRow = inBase + (oy * height.stride + rowOffset) * inW + colOffset;
            const outRow = outBase + oy * outW;
            if (sx === 1) {
              for (let ox = oxStart; ox < oxEnd; ox++) {
                const at = outRow + ox;
                output[at] = (output[at] as number) + w * (input[inRow + ox] as number);
              }
            } else {
              for (let ox = oxStart; ox < oxEnd; ox++) {
                const at = outRow + ox;
                output[at] = (output[at] as number) + w * (input[inRow + ox * sx] as number);
              }
            }
          }
        }
      }
    }
  }
  return output;
}
