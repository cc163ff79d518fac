// Transposed convolution three ways, all steppable: scatter, zero-insertion + direct convolution, and the matrix Cᵀ.

import type { Conv2dPlan } from './conv2d.ts';
import {
  planConvTranspose2d,
  scatterCoordinate,
  zeroInsertedGeometry,
  type ConvTranspose2dOptions,
  type ConvTranspose2dPlan,
} from './convTranspose2d.ts';
import { traceConvPlan, type ConvTrace } from './convTrace.ts';
import { assertRank, fromData, zeros, type Tensor } from './tensor.ts';
import { clampStep, type Trace } from './trace.ts';

export interface ScatterContribution {
  readonly outChannel: number;
  readonly outY: number;
  readonly outX: number;
  readonly kernelY: number;
  readonly kernelX: number;
  readonly weightValue: number;
  readonly product: number;
  /** False when the contribution falls outside the output (cropped by the padding). */
  readonly inside: boolean;
}

export interface ScatterFrame {
  readonly step: number;
  readonly inChannel: number;
  readonly inY: number;
  readonly inX: number;
  readonly inputValue: number;
  readonly contributions: readonly ScatterContribution[];
  /** The output after this input cell's contributions are added (bias added up front). */
  readonly output: Tensor;
}

export interface ScatterTrace extends Trace<ScatterFrame> {
  readonly plan: ConvTranspose2dPlan;
  /** How many contributions land on each output cell: where the overlaps (and checkerboard artifacts) come from. */
  readonly overlapCounts: Tensor;
}

function contributionsOf(
  plan: ConvTranspose2dPlan,
  weight: Tensor,
  inChannel: number,
  inY: number,
  inX: number,
  inputValue: number,
): ScatterContribution[] {
  const { height, width } = plan;
  const group = Math.floor(inChannel / plan.inPerGroup);
  const list: ScatterContribution[] = [];
  for (let go = 0; go < plan.outPerGroup; go++) {
    const outChannel = group * plan.outPerGroup + go;
    for (let ky = 0; ky < height.kernel; ky++) {
      const outY = scatterCoordinate(height, inY, ky);
      for (let kx = 0; kx < width.kernel; kx++) {
        const outX = scatterCoordinate(width, inX, kx);
        const weightValue = weight.data[((inChannel * plan.outPerGroup + go) * height.kernel + ky) * width.kernel + kx] as number;
        const inside = outY >= 0 && outY < height.output && outX >= 0 && outX < width.output;
        list.push({ outChannel, outY, outX, kernelY: ky, kernelX: kx, weightValue, product: inputValue * weightValue, inside });
      }
    }
  }
  return list;
}

/** Scatter view: frame n adds input cell n (channel-major, row-major) times the kernel into the output. */
export function convTranspose2dScatterTrace(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions = {}): ScatterTrace {
  assertRank('convTranspose2dScatterTrace', 'input', input, 3, '[C, H, W]');
  assertRank('convTranspose2dScatterTrace', 'weight', weight, 4, '[C_in, C_out/groups, kH, kW]');
  const plan = planConvTranspose2d(input.shape, weight.shape, options);
  const inPlane = plan.height.input * plan.width.input;
  const outPlane = plan.height.output * plan.width.output;
  const length = plan.inChannels * inPlane;
  const outW = plan.width.output;

  const locate = (step: number) => ({
    inChannel: Math.floor(step / inPlane),
    inY: Math.floor((step % inPlane) / plan.width.input),
    inX: step % plan.width.input,
  });

  // Adds the contributions of input cells [0, count) into a fresh output (bias first); `counts` tallies overlaps.
  const accumulate = (count: number, counts?: Float32Array): Float32Array => {
    const output = new Float32Array(plan.outChannels * outPlane);
    if (plan.bias) for (let co = 0; co < plan.outChannels; co++) output.fill(plan.bias[co] as number, co * outPlane, (co + 1) * outPlane);
    for (let step = 0; step < count; step++) {
      const { inChannel, inY, inX } = locate(step);
      for (const c of contributionsOf(plan, weight, inChannel, inY, inX, input.data[step] as number)) {
        if (!c.inside) continue;
        const index = c.outChannel * outPlane + c.outY * outW + c.outX;
        output[index] = (output[index] as number) + c.product;
        if (counts) counts[index] = (counts[index] as number) + 1;
      }
    }
    return output;
  };
  const counts = new Float32Array(plan.outChannels * outPlane);
  accumulate(length, counts);

  return {
    plan,
    length,
    overlapCounts: fromData(counts, plan.outputShape),
    frame(n: number): ScatterFrame {
      const step = clampStep(n, length);
      const { inChannel, inY, inX } = locate(step);
      const inputValue = input.data[step] as number;
      return {
        step,
        inChannel,
        inY,
        inX,
        inputValue,
        contributions: contributionsOf(plan, weight, inChannel, inY, inX, inputValue),
        output: fromData(accumulate(step + 1), plan.outputShape),
      };
    },
  };
}

/** The input with s − 1 zeros inserted between neighbouring cells along each axis: [C, (H − 1)·s_h + 1, (W − 1)·s_w + 1]. */
export function insertZeros(input: Tensor, stride: readonly [number, number]): Tensor {
  const [channels, h, w] = input.shape as [number, number, number];
  const [sh, sw] = stride;
  const expandedH = (h - 1) * sh + 1;
  const expandedW = (w - 1) * sw + 1;
  const expanded = zeros([channels, expandedH, expandedW]);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        expanded.data[(c * expandedH + y * sh) * expandedW + x * sw] = input.data[(c * h + y) * w + x] as number;
      }
    }
  }
  return expanded;
}

/** The transposed weight [C_in, C_out/g, kH, kW] as a direct convolution's [C_out, C_in/g, kH, kW], rotated 180°. */
export function rotatedDirectWeight(weight: Tensor, groups: number): Tensor {
  const [inChannels, outPerGroup, kH, kW] = weight.shape as [number, number, number, number];
  const inPerGroup = inChannels / groups;
  const direct = zeros([outPerGroup * groups, inPerGroup, kH, kW]);
  for (let ci = 0; ci < inChannels; ci++) {
    const group = Math.floor(ci / inPerGroup);
    const gi = ci % inPerGroup;
    for (let go = 0; go < outPerGroup; go++) {
      const co = group * outPerGroup + go;
      for (let ky = 0; ky < kH; ky++) {
        for (let kx = 0; kx < kW; kx++) {
          direct.data[((co * inPerGroup + gi) * kH + (kH - 1 - ky)) * kW + (kW - 1 - kx)] = weight.data[
            ((ci * outPerGroup + go) * kH + ky) * kW + kx
          ] as number;
        }
      }
    }
  }
  return direct;
}

export interface DirectTransposedTrace extends ConvTrace {
  readonly transposedPlan: ConvTranspose2dPlan;
  /** The zero-inserted input the direct convolution slides over (its padding is in the geometry). */
  readonly zeroInserted: Tensor;
}

/**
 * Equivalent direct view: zero-insert the input, pad d·(k − 1) − p around (plus output_padding after;
 * negative padding crops), then a stride-1 convolution with the kernel rotated 180°.
 */
export function convTranspose2dDirectTrace(input: Tensor, weight: Tensor, options: ConvTranspose2dOptions = {}): DirectTransposedTrace {
  assertRank('convTranspose2dDirectTrace', 'input', input, 3, '[C, H, W]');
  assertRank('convTranspose2dDirectTrace', 'weight', weight, 4, '[C_in, C_out/groups, kH, kW]');
  const transposedPlan = planConvTranspose2d(input.shape, weight.shape, options);
  const zeroInserted = insertZeros(input, [transposedPlan.height.stride, transposedPlan.width.stride]);
  const directWeight = rotatedDirectWeight(weight, transposedPlan.groups);
  const plan: Conv2dPlan = {
    geometry: zeroInsertedGeometry(transposedPlan),
    inChannels: transposedPlan.inChannels,
    outChannels: transposedPlan.outChannels,
    groups: transposedPlan.groups,
    inPerGroup: transposedPlan.inPerGroup,
    outPerGroup: transposedPlan.outPerGroup,
    paddingMode: 'zeros',
    flip: false,
    bias: transposedPlan.bias,
    outputShape: transposedPlan.outputShape,
  };
  return { ...traceConvPlan(plan, zeroInserted, directWeight), transposedPlan, zeroInserted };
}

/**
 * The matrix view for one (input channel, output channel) pair: C has one row per cell of the transposed
 * convolution's input (the small side) and one column per cell of its output, so the forward convolution is
 * y = C·x and the transposed convolution is x' = Cᵀ·y. Row-major [rows, cols].
 */
export function transposedConvMatrix(plan: ConvTranspose2dPlan, weight: Tensor, inChannel = 0, outChannelInGroup = 0): Tensor {
  const { height, width } = plan;
  const rows = height.input * width.input;
  const cols = height.output * width.output;
  const matrix = zeros([rows, cols]);
  for (let iy = 0; iy < height.input; iy++) {
    for (let ix = 0; ix < width.input; ix++) {
      const row = iy * width.input + ix;
      for (let ky = 0; ky < height.kernel; ky++) {
        const oy = scatterCoordinate(height, iy, ky);
        if (oy < 0 || oy >= height.output) continue;
        for (let kx = 0; kx < width.kernel; kx++) {
          const ox = scatterCoordinate(width, ix, kx);
          if (ox < 0 || ox >= width.output) continue;
          const at = row * cols + oy * width.output + ox;
          matrix.data[at] =
            (matrix.data[at] as number) +
            (weight.data[((inChannel * plan.outPerGroup + outChannelInGroup) * height.kernel + ky) * width.kernel + kx] as number);
        }
      }
    }
  }
  return matrix;
}

/** Matrix–vector product with the matrix transposed: out[j] = Σ_i M[i, j]·v[i]. */
export function multiplyTransposed(matrix: Tensor, vector: ArrayLike<number>): Float32Array {
  const [rows, cols] = matrix.shape as [number, number];
  const out = new Float32Array(cols);
  for (let i = 0; i < rows; i++) {
    const v = vector[i] as number;
    for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + (matrix.data[i * cols + j] as number) * v;
  }
  return out;
}

/** Matrix–vector product: out[i] = Σ_j M[i, j]·v[j]. */
export function multiply(matrix: Tensor, vector: ArrayLike<number>): Float32Array {
  const [rows, cols] = matrix.shape as [number, number];
  const out = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += (matrix.data[i * cols + j] as number) * (vector[j] as number);
    out[i] = sum;
  }
  return out;
}
