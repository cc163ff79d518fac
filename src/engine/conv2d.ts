// conv2d: PyTorch's F.conv2d on [C, H, W] (cross-correlation by default), with padding modes, 'same', groups and flip.

import {
  checkPaddingMode,
  convAxis,
  outputsInsideInput,
  PADDING_MODES,
  sourceIndex,
  type AxisGeometry,
  type Geometry2d,
  type PaddingMode,
} from './geometry.ts';
import { addConv3x3, type OutputRect } from './kernels/conv3x3.ts';
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

/**
 * The numbers the inner loops of one conv2d call read, copied out of the geometry record once per call.
 * (Plain fields of one object shape keep V8's optimised loops valid from call to call.)
 */
interface ConvJob {
  readonly input: Float32Array;
  readonly output: Float32Array;
  readonly inW: number;
  readonly outW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideY: number;
  readonly strideX: number;
  readonly dilationY: number;
  readonly dilationX: number;
  readonly padTop: number;
  readonly padLeft: number;
  /** Per kernel row (column) k: the outputs [start, end) whose tap k lands inside the input, at [2k, 2k + 1]. */
  readonly rowRanges: Int32Array;
  readonly colRanges: Int32Array;
}

function tapRanges(axis: AxisGeometry): Int32Array {
  const ranges = new Int32Array(axis.kernel * 2);
  for (let k = 0; k < axis.kernel; k++) {
    const [start, end] = outputsInsideInput(axis, k);
    ranges[k * 2] = start;
    ranges[k * 2 + 1] = end;
  }
  return ranges;
}

/** The outputs [start, end) along an axis whose every tap lands inside the input. */
function allTapsInside(axis: AxisGeometry, ranges: Int32Array): [number, number] {
  let start = 0;
  let end = axis.output;
  for (let k = 0; k < axis.kernel; k++) {
    start = Math.max(start, ranges[k * 2] as number);
    end = Math.min(end, ranges[k * 2 + 1] as number);
  }
  start = Math.min(start, axis.output);
  return [start, Math.max(start, end)];
}

/** The (up to four) bands of a plane around an inner rectangle: top, bottom, left, right; empty ones left out. */
function bandsAround(inner: OutputRect, outH: number, outW: number): OutputRect[] {
  const bands: OutputRect[] = [
    { y0: 0, y1: inner.y0, x0: 0, x1: outW },
    { y0: inner.y1, y1: outH, x0: 0, x1: outW },
    { y0: inner.y0, y1: inner.y1, x0: 0, x1: inner.x0 },
    { y0: inner.y0, y1: inner.y1, x0: inner.x1, x1: outW },
  ];
  return bands.filter((b) => b.y0 < b.y1 && b.x0 < b.x1);
}

/** The fast path's condition: a 3×3 kernel at stride 1 and dilation 1 (see kernels/conv3x3.ts). */
function isConv3x3Stride1({ height, width }: Geometry2d): boolean {
  return height.kernel === 3 && width.kernel === 3 && height.stride === 1 && width.stride === 1 && height.dilation === 1 && width.dilation === 1;
}

/** The hot loop: each (output channel, input channel) pair adds one plane; 3×3 kernels take the fast path inside the input. */
function convolveZeroPadded(input: Float32Array, weights: Float32Array, plan: Conv2dPlan, geometry: Geometry2d): Float32Array {
  const { height, width } = geometry;
  const planeOut = height.output * width.output;
  const planeIn = height.input * width.input;
  const output = new Float32Array(plan.outChannels * planeOut);
  const job: ConvJob = {
    input,
    output,
    inW: width.input,
    outW: width.output,
    kH: height.kernel,
    kW: width.kernel,
    strideY: height.stride,
    strideX: width.stride,
    dilationY: height.dilation,
    dilationX: width.dilation,
    padTop: height.padBefore,
    padLeft: width.padBefore,
    rowRanges: tapRanges(height),
    colRanges: tapRanges(width),
  };
  const fast = isConv3x3Stride1(geometry);
  const [y0, y1] = allTapsInside(height, job.rowRanges);
  const [x0, x1] = allTapsInside(width, job.colRanges);
  const inside: OutputRect = { y0, y1, x0, x1 };
  // The fast path leaves only the thin border bands, whose windows reach into the padding, to go cell by cell.
  const border = fast ? bandsAround(inside, height.output, width.output) : [];
  const whole: OutputRect = { y0: 0, y1: height.output, x0: 0, x1: width.output };
  const origin = -height.padBefore * width.input - width.padBefore; // input index read by tap (0, 0) of output (0, 0)
  const kernel = new Float64Array(height.kernel * width.kernel); // the weights of one (output, input) channel pair
  for (let co = 0; co < plan.outChannels; co++) {
    const group = Math.floor(co / plan.outPerGroup);
    const outBase = co * planeOut;
    if (plan.bias) output.fill(plan.bias[co] as number, outBase, outBase + planeOut);
    for (let gi = 0; gi < plan.inPerGroup; gi++) {
      const inBase = (group * plan.inPerGroup + gi) * planeIn;
      for (let ky = 0; ky < height.kernel; ky++) {
        for (let kx = 0; kx < width.kernel; kx++) kernel[ky * width.kernel + kx] = weights[weightIndex(plan, co, gi, ky, kx)] as number;
      }
      if (fast) {
        addConv3x3(input, inBase + origin, width.input, kernel, output, outBase, width.output, inside);
        for (const rect of border) addCellByCell(job, kernel, inBase, outBase, rect);
      } else {
        addTapByTap(job, kernel, inBase, outBase, whole);
      }
    }
  }
  return output;
}

/** The general path: for each weight, one multiply-add sweep over the outputs in `rect` whose tap lands inside the input. */
function addTapByTap(job: ConvJob, kernel: Float64Array, inBase: number, outBase: number, rect: OutputRect): void {
  const { input, output, inW, outW, kW, strideY, strideX, rowRanges, colRanges } = job;
  for (let ky = 0; ky < job.kH; ky++) {
    const oyStart = Math.max(rowRanges[ky * 2] as number, rect.y0);
    const oyEnd = Math.min(rowRanges[ky * 2 + 1] as number, rect.y1);
    const rowOffset = ky * job.dilationY - job.padTop;
    for (let kx = 0; kx < kW; kx++) {
      const w = kernel[ky * kW + kx] as number;
      if (w === 0) continue;
      const oxStart = Math.max(colRanges[kx * 2] as number, rect.x0);
      const oxEnd = Math.min(colRanges[kx * 2 + 1] as number, rect.x1);
      const colOffset = kx * job.dilationX - job.padLeft;
      for (let oy = oyStart; oy < oyEnd; oy++) {
        const inRow = inBase + (oy * strideY + rowOffset) * inW + colOffset;
        const outRow = outBase + oy * outW;
        if (strideX === 1) {
          for (let ox = oxStart; ox < oxEnd; ox++) {
            const at = outRow + ox;
            output[at] = (output[at] as number) + w * (input[inRow + ox] as number);
          }
        } else {
          for (let ox = oxStart; ox < oxEnd; ox++) {
            const at = outRow + ox;
            output[at] = (output[at] as number) + w * (input[inRow + ox * strideX] as number);
          }
        }
      }
    }
  }
}

/** Border cells: each output in `rect` sums those of its taps that land inside the input, checked one by one. */
function addCellByCell(job: ConvJob, kernel: Float64Array, inBase: number, outBase: number, rect: OutputRect): void {
  const { input, output, inW, outW, kH, kW, rowRanges, colRanges } = job;
  for (let oy = rect.y0; oy < rect.y1; oy++) {
    for (let ox = rect.x0; ox < rect.x1; ox++) {
      let sum = 0;
      for (let ky = 0; ky < kH; ky++) {
        if (oy < (rowRanges[ky * 2] as number) || oy >= (rowRanges[ky * 2 + 1] as number)) continue;
        const tapRow = inBase + (oy * job.strideY + ky * job.dilationY - job.padTop) * inW + ox * job.strideX - job.padLeft;
        for (let kx = 0; kx < kW; kx++) {
          if (ox < (colRanges[kx * 2] as number) || ox >= (colRanges[kx * 2 + 1] as number)) continue;
          sum += (kernel[ky * kW + kx] as number) * (input[tapRow + kx * job.dilationX] as number);
        }
      }
      const at = outBase + oy * outW + ox;
      output[at] = (output[at] as number) + sum;
    }
  }
}
