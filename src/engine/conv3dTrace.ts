// conv3d as a step trace: one frame per output voxel, with every tap (input voxel, kernel voxel, product) and a sum per kernel slice.

import { planConv3d, volumeTapCoordinate, type Conv3dOptions, type Conv3dPlan } from './conv3d.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';
import { clampStep, filledPrefix, type Trace } from './trace.ts';

export interface Conv3dTap {
  readonly channel: number;
  /** Kernel voxel (depth slice, row, column). */
  readonly kernelZ: number;
  readonly kernelY: number;
  readonly kernelX: number;
  /** Input coordinates; outside the input means the tap lands in zero padding. */
  readonly z: number;
  readonly y: number;
  readonly x: number;
  readonly inPadding: boolean;
  readonly inputValue: number;
  readonly weightValue: number;
  readonly product: number;
}

export interface Conv3dFrame {
  readonly step: number;
  readonly outChannel: number;
  readonly outZ: number;
  readonly outY: number;
  readonly outX: number;
  readonly taps: readonly Conv3dTap[];
  /** Σ products of each kernel depth slice (all input channels), in slice order. */
  readonly sliceSums: readonly number[];
  /** The input depth coordinate each kernel slice lies on (may be padding). */
  readonly sliceDepths: readonly number[];
  readonly bias: number;
  /** Σ products + bias: the value written into the output voxel. */
  readonly value: number;
  /** The output so far: voxels of earlier frames and this one filled, later ones 0. */
  readonly output: Tensor;
  readonly filled: number;
}

export interface Conv3dTrace extends Trace<Conv3dFrame> {
  readonly plan: Conv3dPlan;
  readonly input: Tensor;
  readonly weight: Tensor;
}

export function conv3dTrace(input: Tensor, weight: Tensor, options: Conv3dOptions = {}): Conv3dTrace {
  assertRank('conv3dTrace', 'input', input, 4, '[C, D, H, W]');
  assertRank('conv3dTrace', 'weight', weight, 5, '[C_out, C_in, kD, kH, kW]');
  const plan = planConv3d(input.shape, weight.shape, options);
  const [depth, height, width] = plan.axes;
  const volume = depth.output * height.output * width.output;
  const length = plan.outChannels * volume;

  const voxel = (step: number) => {
    const outChannel = Math.floor(step / volume);
    const rest = step % volume;
    const outZ = Math.floor(rest / (height.output * width.output));
    const outY = Math.floor((rest % (height.output * width.output)) / width.output);
    const outX = rest % width.output;
    const taps: Conv3dTap[] = [];
    const sliceSums = new Array<number>(depth.kernel).fill(0);
    const sliceDepths: number[] = [];
    for (let kz = 0; kz < depth.kernel; kz++) sliceDepths.push(volumeTapCoordinate(depth, outZ, kz));
    for (let channel = 0; channel < plan.inChannels; channel++) {
      for (let kz = 0; kz < depth.kernel; kz++) {
        const z = sliceDepths[kz] as number;
        for (let ky = 0; ky < height.kernel; ky++) {
          const y = volumeTapCoordinate(height, outY, ky);
          for (let kx = 0; kx < width.kernel; kx++) {
            const x = volumeTapCoordinate(width, outX, kx);
            const inPadding = z < 0 || z >= depth.input || y < 0 || y >= height.input || x < 0 || x >= width.input;
            const inputValue = inPadding ? 0 : (input.data[((channel * depth.input + z) * height.input + y) * width.input + x] as number);
            const weightIndex = (((outChannel * plan.inChannels + channel) * depth.kernel + kz) * height.kernel + ky) * width.kernel + kx;
            const weightValue = weight.data[weightIndex] as number;
            const product = inputValue * weightValue;
            sliceSums[kz] = (sliceSums[kz] as number) + product;
            taps.push({ channel, kernelZ: kz, kernelY: ky, kernelX: kx, z, y, x, inPadding, inputValue, weightValue, product });
          }
        }
      }
    }
    const bias = plan.bias ? (plan.bias[outChannel] as number) : 0;
    const value = sliceSums.reduce((a, b) => a + b, 0) + bias;
    return { outChannel, outZ, outY, outX, taps, sliceSums, sliceDepths, bias, value };
  };

  const values = new Float32Array(length);
  for (let step = 0; step < length; step++) values[step] = voxel(step).value;

  return {
    plan,
    input,
    weight,
    length,
    frame(n: number): Conv3dFrame {
      const step = clampStep(n, length);
      const cell = voxel(step);
      return { step, ...cell, value: values[step] as number, output: fromData(filledPrefix(values, step + 1), plan.outputShape), filled: step + 1 };
    },
  };
}
