// convTranspose2d: PyTorch's F.conv_transpose2d on [C, H, W], computed by scattering each input cell times the kernel.

import { transposedOutputSize, type AxisGeometry, type Geometry2d } from './geometry.ts';
import { readPair, type Pair } from './pair.ts';
import { assertRank, fromData, formatShape, type Tensor } from './tensor.ts';
import { readBias, readGroups } from './conv2d.ts';
import { convTransposeStride2, type Stride2Columns } from './kernels/convTransposeStride2.ts';

export interface ConvTranspose2dOptions {
  bias?: ArrayLike<number>;
  stride?: Pair;
  padding?: Pair;
  outputPadding?: Pair;
  dilation?: Pair;
  groups?: number;
}

/** One axis of a transposed convolution, in its own terms (input is the small side). */
export interface TransposedAxis {
  readonly axis: 'height' | 'width';
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly outputPadding: number;
  readonly dilation: number;
  readonly output: number;
}

export interface ConvTranspose2dPlan {
  readonly height: TransposedAxis;
  readonly width: TransposedAxis;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly bias: Float32Array | null;
  readonly outputShape: readonly [number, number, number];
}

function transposedAxis(
  op: string,
  axis: 'height' | 'width',
  input: number,
  kernel: number,
  stride: number,
  padding: number,
  outputPadding: number,
  dilation: number,
): TransposedAxis {
  if (outputPadding >= stride && outputPadding >= dilation) {
    throw new Error(`${op}: outputPadding ${outputPadding} must be smaller than the stride ${stride} or the dilation ${dilation} along the ${axis}`);
  }
  const output = transposedOutputSize(input, kernel, stride, padding, outputPadding, dilation);
  if (output < 1) {
    throw new Error(
      `${op}: padding ${padding} is too large along the ${axis}: the output size (${input} − 1)·${stride} − 2·${padding} + ${dilation}·(${kernel} − 1) + ${outputPadding} + 1 = ${output} is not positive`,
    );
  }
  return { axis, input, kernel, stride, padding, outputPadding, dilation, output };
}

export function planConvTranspose2d(
  inputShape: readonly number[],
  weightShape: readonly number[],
  options: ConvTranspose2dOptions = {},
): ConvTranspose2dPlan {
  const op = 'convTranspose2d';
  if (inputShape.length !== 3) throw new Error(`${op}: input must be 3-D [C, H, W], got shape ${formatShape(inputShape)}`);
  if (weightShape.length !== 4) {
    throw new Error(`${op}: weight must be 4-D [C_in, C_out/groups, kH, kW], got shape ${formatShape(weightShape)}`);
  }
  const [inChannels, inH, inW] = inputShape as [number, number, number];
  const [weightInChannels, outPerGroup, kH, kW] = weightShape as [number, number, number, number];
  if (inChannels < 1 || inH < 1 || inW < 1) throw new Error(`${op}: input shape ${formatShape(inputShape)} has an empty dimension`);
  if (kH < 1 || kW < 1 || outPerGroup < 1) throw new Error(`${op}: weight shape ${formatShape(weightShape)} has an empty dimension`);
  if (weightInChannels !== inChannels) {
    throw new Error(`${op}: weight's first dimension (${weightInChannels}) must equal the input channels ${inChannels}`);
  }
  // C_out = C_out/groups · groups always divides, so only the input channels need checking.
  const groups = readGroups(op, options.groups, inChannels, inChannels);
  const stride = readPair(op, 'stride', options.stride, 1, 1);
  const padding = readPair(op, 'padding', options.padding, 0, 0);
  const outputPadding = readPair(op, 'outputPadding', options.outputPadding, 0, 0);
  const dilation = readPair(op, 'dilation', options.dilation, 1, 1);
  const height = transposedAxis(op, 'height', inH, kH, stride[0], padding[0], outputPadding[0], dilation[0]);
  const width = transposedAxis(op, 'width', inW, kW, stride[1], padding[1], outputPadding[1], dilation[1]);
  const outChannels = outPerGroup * groups;
  return {
    height,
    width,
    inChannels,
    outChannels,
    groups,
    inPerGroup: inChannels / groups,
    outPerGroup,
    bias: readBias(op, options.bias, outChannels),
    outputShape: [outChannels, height.output, width.output],
  };
}

/** Output coordinate that input cell i, kernel tap k lands on: i·s − p + k·d (may fall outside the output). */
export function scatterCoordinate(axis: TransposedAxis, i: number, k: number): number {
  return i * axis.stride - axis.padding + k * axis.dilation;
}

/** Inputs [start, end) whose tap k lands inside the output. */
function inputsLandingInside(axis: TransposedAxis, k: number): [number, number] {
  const offset = k * axis.dilation - axis.padding;
  const start = Math.max(0, Math.ceil(-offset / axis.stride));
  const end = Math.min(axis.input, Math.floor((axis.output - 1 - offset) / axis.stride) + 1);
  return [start, Math.max(start, end)];
}

/**
 * Per output row, the (at most two) kernel rows that land on it and their input rows, from the scatter geometry:
 * entries [o·4 … o·4 + 3] = k₀, i₀, k₁, i₁ (−1 when absent). Null when some output row receives more than two.
 */
function rowTapPairs(axis: TransposedAxis): Int32Array | null {
  const table = new Int32Array(axis.output * 4).fill(-1);
  for (let k = 0; k < axis.kernel; k++) {
    const [start, end] = inputsLandingInside(axis, k);
    for (let i = start; i < end; i++) {
      const entry = scatterCoordinate(axis, i, k) * 4;
      const slot = (table[entry] as number) < 0 ? entry : entry + 2;
      if ((table[slot] as number) >= 0) return null;
      table[slot] = k;
      table[slot + 1] = i;
    }
  }
  return table;
}

/**
 * Along a stride-2 axis, input n's tap k lands on output 2n + c (c = scatterCoordinate of input 0), so output
 * 2n + r (r = c mod 2) reads input n + (r − c)/2 through tap k. Returns that structure when every output reads
 * only inputs n + lo and n + lo + 1 (true for kernels up to 3 wide at dilation 1), else null.
 */
function stride2Columns(axis: TransposedAxis): Stride2Columns | null {
  if (axis.stride !== 2) return null;
  const shifts: number[] = [];
  for (let k = 0; k < axis.kernel; k++) {
    const c = scatterCoordinate(axis, 0, k);
    shifts.push((mod2(c) - c) / 2);
  }
  const lo = Math.min(...shifts);
  const kx = new Int32Array(4).fill(-1);
  for (let k = 0; k < axis.kernel; k++) {
    const j = (shifts[k] as number) - lo;
    if (j > 1) return null;
    kx[mod2(scatterCoordinate(axis, 0, k)) * 2 + j] = k;
  }
  return { lo, kx };
}

function mod2(value: number): number {
  return ((value % 2) + 2) % 2;
}

export function convTranspose2d(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions = {}): Tensor {
  assertRank('convTranspose2d', 'input', input, 3, '[C, H, W]');
  assertRank('convTranspose2d', 'weight', weight, 4, '[C_in, C_out/groups, kH, kW]');
  const plan = planConvTranspose2d(input.shape, weight.shape, options);
  const output = new Float32Array(plan.outChannels * plan.height.output * plan.width.output);
  // ×2 upsampling with small kernels gathers instead (see kernels/convTransposeStride2.ts).
  const columns = stride2Columns(plan.width);
  const rowTaps = columns ? rowTapPairs(plan.height) : null;
  if (columns && rowTaps) convTransposeStride2(input.data, weight.data, plan, rowTaps, columns, output);
  else scatterAll(input.data, weight.data, plan, output);
  return fromData(output, plan.outputShape);
}

/** The general path: every input cell times every weight, added where it lands, one weight's sweep at a time. */
function scatterAll(source: Float32Array, weights: Float32Array, plan: ConvTranspose2dPlan, output: Float32Array): void {
  const { height, width } = plan;
  const outH = height.output;
  const outW = width.output;
  const inPlane = height.input * width.input;
  const outPlane = outH * outW;
  if (plan.bias) {
    for (let co = 0; co < plan.outChannels; co++) output.fill(plan.bias[co] as number, co * outPlane, (co + 1) * outPlane);
  }
  const kH = height.kernel;
  const kW = width.kernel;
  for (let ci = 0; ci < plan.inChannels; ci++) {
    const group = Math.floor(ci / plan.inPerGroup);
    const inBase = ci * inPlane;
    for (let go = 0; go < plan.outPerGroup; go++) {
      const outBase = (group * plan.outPerGroup + go) * outPlane;
      for (let ky = 0; ky < kH; ky++) {
        const [iyStart, iyEnd] = inputsLandingInside(height, ky);
        for (let kx = 0; kx < kW; kx++) {
          const w = weights[((ci * plan.outPerGroup + go) * kH + ky) * kW + kx] as number;
          if (w === 0) continue;
          const [ixStart, ixEnd] = inputsLandingInside(width, kx);
          const colOffset = kx * width.dilation - width.padding;
          const sx = width.stride;
          for (let iy = iyStart; iy < iyEnd; iy++) {
            const outRow = outBase + scatterCoordinate(height, iy, ky) * outW + colOffset;
            const inRow = inBase + iy * width.input;
            for (let ix = ixStart; ix < ixEnd; ix++) {
              const at = outRow + ix * sx;
              output[at] = (output[at] as number) + w * (source[inRow + ix] as number);
            }
          }
        }
      }
    }
  }
}

/**
 * The equivalent direct convolution's geometry along one axis: s − 1 zeros inserted between input cells,
 * d·(k − 1) − p padding before and d·(k − 1) − p + output_padding after (negative = cropped), stride 1.
 */
export function zeroInsertedAxis(axis: TransposedAxis): AxisGeometry {
  const inserted = (axis.input - 1) * axis.stride + 1;
  const border = axis.dilation * (axis.kernel - 1) - axis.padding;
  return {
    axis: axis.axis,
    input: inserted,
    kernel: axis.kernel,
    stride: 1,
    dilation: axis.dilation,
    padBefore: border,
    padAfter: border + axis.outputPadding,
    effectiveKernel: axis.dilation * (axis.kernel - 1) + 1,
    output: axis.output,
    overhang: 0,
  };
}

export function zeroInsertedGeometry(plan: ConvTranspose2dPlan): Geometry2d {
  return { height: zeroInsertedAxis(plan.height), width: zeroInsertedAxis(plan.width) };
}
