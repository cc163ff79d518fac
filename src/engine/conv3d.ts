// conv3d: PyTorch's F.conv3d on [C, D, H, W] (cross-correlation, zero padding), with per-axis stride, padding and dilation.

import { effectiveKernel } from './geometry.ts';
import type { Formula } from './formulas.ts';
import { readBias } from './conv2d.ts';
import { describe, readInteger } from './pair.ts';
import { assertRank, fromData, formatShape, type Tensor } from './tensor.ts';

/** A number for all three axes, or [depth, height, width]. */
export type Triple = number | readonly [number, number, number];

export interface Conv3dOptions {
  bias?: ArrayLike<number>;
  stride?: Triple;
  padding?: Triple;
  dilation?: Triple;
}

export type VolumeAxisName = 'depth' | 'height' | 'width';

/** One axis of a 3-D convolution; the same fields as a 2-D axis, so the output-size formulas read it directly. */
export interface VolumeAxis {
  readonly axis: VolumeAxisName;
  readonly input: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
  readonly padAfter: number;
  readonly effectiveKernel: number;
  readonly output: number;
}

export interface Conv3dPlan {
  /** Depth, height, width. */
  readonly axes: readonly [VolumeAxis, VolumeAxis, VolumeAxis];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly bias: Float32Array | null;
  readonly outputShape: readonly [number, number, number, number];
}

const AXES: readonly VolumeAxisName[] = ['depth', 'height', 'width'];

/** Reads a triple option, each entry an integer ≥ `min`; the error names the option and the value. */
export function readTriple(op: string, name: string, value: Triple | undefined, fallback: number, min: number): [number, number, number] {
  if (value === undefined) return [fallback, fallback, fallback];
  const entries = typeof value === 'number' ? [value, value, value] : Array.isArray(value) && value.length === 3 ? value : null;
  if (!entries) throw new Error(`${op}: ${name} must be a number or a [depth, height, width] triple, got ${describe(value)}`);
  return entries.map((entry: unknown) => readInteger(op, name, entry as number, fallback, min)) as [number, number, number];
}

/** Validates shapes and options: input [C_in, D, H, W], weight [C_out, C_in, kD, kH, kW]. */
export function planConv3d(inputShape: readonly number[], weightShape: readonly number[], options: Conv3dOptions = {}): Conv3dPlan {
  const op = 'conv3d';
  if (inputShape.length !== 4) throw new Error(`${op}: input must be 4-D [C, D, H, W], got shape ${formatShape(inputShape)}`);
  if (weightShape.length !== 5) throw new Error(`${op}: weight must be 5-D [C_out, C_in, kD, kH, kW], got shape ${formatShape(weightShape)}`);
  const [inChannels, ...sizes] = inputShape as [number, number, number, number];
  const [outChannels, weightInChannels, ...kernel] = weightShape as [number, number, number, number, number];
  if (inChannels < 1 || sizes.some((n) => n < 1)) throw new Error(`${op}: input shape ${formatShape(inputShape)} has an empty dimension`);
  if (outChannels < 1 || kernel.some((k) => k < 1)) throw new Error(`${op}: weight shape ${formatShape(weightShape)} has an empty dimension`);
  if (weightInChannels !== inChannels) throw new Error(`${op}: weight expects ${weightInChannels} input channels but input has ${inChannels}`);
  const stride = readTriple(op, 'stride', options.stride, 1, 1);
  const padding = readTriple(op, 'padding', options.padding, 0, 0);
  const dilation = readTriple(op, 'dilation', options.dilation, 1, 1);
  const axes = AXES.map((axis, i) => {
    const input = sizes[i] as number;
    const k = kernel[i] as number;
    const effective = effectiveKernel(k, dilation[i] as number);
    const padded = input + 2 * (padding[i] as number);
    if (effective > padded) {
      const dilated = effective !== k ? ` (dilated ${effective})` : '';
      throw new Error(`${op}: kernel ${k}${dilated} is larger than the padded input ${padded} along the ${axis}`);
    }
    const output = Math.floor((padded - effective) / (stride[i] as number)) + 1;
    const p = padding[i] as number;
    return {
      axis,
      input,
      kernel: k,
      stride: stride[i] as number,
      dilation: dilation[i] as number,
      padBefore: p,
      padAfter: p,
      effectiveKernel: effective,
      output,
    };
  }) as unknown as [VolumeAxis, VolumeAxis, VolumeAxis];
  return {
    axes,
    inChannels,
    outChannels,
    bias: readBias(op, options.bias, outChannels),
    outputShape: [outChannels, axes[0].output, axes[1].output, axes[2].output],
  };
}

/** Input coordinate along an axis of tap k of output o (outside [0, input) is zero padding). */
export function volumeTapCoordinate(axis: VolumeAxis, o: number, k: number): number {
  return o * axis.stride - axis.padBefore + k * axis.dilation;
}

/** Straightforward loops: the volumes this app draws are small, and clarity matters more than speed here. */
export function conv3d(input: Tensor, weight: Tensor, options: Conv3dOptions = {}): Tensor {
  assertRank('conv3d', 'input', input, 4, '[C, D, H, W]');
  assertRank('conv3d', 'weight', weight, 5, '[C_out, C_in, kD, kH, kW]');
  const plan = planConv3d(input.shape, weight.shape, options);
  const [depth, height, width] = plan.axes;
  const output = new Float32Array(plan.outputShape.reduce((a, b) => a * b, 1));
  let at = 0;
  for (let co = 0; co < plan.outChannels; co++) {
    for (let oz = 0; oz < depth.output; oz++) {
      for (let oy = 0; oy < height.output; oy++) {
        for (let ox = 0; ox < width.output; ox++) {
          let sum = plan.bias ? (plan.bias[co] as number) : 0;
          for (let ci = 0; ci < plan.inChannels; ci++) {
            for (let kz = 0; kz < depth.kernel; kz++) {
              const z = volumeTapCoordinate(depth, oz, kz);
              if (z < 0 || z >= depth.input) continue;
              for (let ky = 0; ky < height.kernel; ky++) {
                const y = volumeTapCoordinate(height, oy, ky);
                if (y < 0 || y >= height.input) continue;
                for (let kx = 0; kx < width.kernel; kx++) {
                  const x = volumeTapCoordinate(width, ox, kx);
                  if (x < 0 || x >= width.input) continue;
                  const inputValue = input.data[((ci * depth.input + z) * height.input + y) * width.input + x] as number;
                  const weightValue = weight.data[
                    (((co * plan.inChannels + ci) * depth.kernel + kz) * height.kernel + ky) * width.kernel + kx
                  ] as number;
                  sum += inputValue * weightValue;
                }
              }
            }
          }
          output[at++] = sum;
        }
      }
    }
  }
  return fromData(output, plan.outputShape);
}

/** Parameters of a 3-D convolution layer: k_d·k_h·k_w·c_in·c_out (+ c_out biases), with the numbers. */
export function conv3dParameters(kernel: readonly [number, number, number], inChannels: number, outChannels: number, bias = true): Formula {
  const [kd, kh, kw] = kernel.map((k, i) => readInteger('conv3dParameters', `kernel[${i}]`, k, 1, 1)) as [number, number, number];
  const cin = readInteger('conv3dParameters', 'inChannels', inChannels, 1, 1);
  const cout = readInteger('conv3dParameters', 'outChannels', outChannels, 1, 1);
  const weights = kd * kh * kw * cin * cout;
  const value = weights + (bias ? cout : 0);
  return { value, tex: `${kd}\\times ${kh}\\times ${kw}\\times ${cin}\\times ${cout}${bias ? ` + ${cout}` : ''} = ${value}` };
}
