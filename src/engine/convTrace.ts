// conv2d as a step trace: one frame per output cell, with every tap (input cell, kernel cell, values, product, running sum).

import { planConv2d, weightIndex, type Conv2dOptions, type Conv2dPlan } from './conv2d.ts';
import { tapTables, windowTaps, type WindowTap } from './taps.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';
import { clampStep, filledPrefix, type Trace } from './trace.ts';

export interface ConvTap extends WindowTap {
  /** Input channel the tap reads. */
  readonly channel: number;
  /** Weight cell actually multiplied (differs from kernelY/X when the kernel is flipped). */
  readonly weightY: number;
  readonly weightX: number;
  readonly inputValue: number;
  readonly weightValue: number;
  readonly product: number;
  /** Sum of the products up to and including this tap (bias not included). */
  readonly runningSum: number;
}

export interface ConvFrame {
  readonly step: number;
  readonly outChannel: number;
  readonly outY: number;
  readonly outX: number;
  readonly taps: readonly ConvTap[];
  readonly bias: number;
  /** Σ products + bias: the value written into the output cell. */
  readonly value: number;
  /** The output so far: cells of earlier frames and this one filled, later cells 0. */
  readonly output: Tensor;
  /** How many output cells are filled after this frame (step + 1). */
  readonly filled: number;
}

export interface ConvTrace extends Trace<ConvFrame> {
  readonly plan: Conv2dPlan;
  readonly input: Tensor;
  readonly weight: Tensor;
}

/**
 * Traces a convolution described by a plan over an input and weight (in conv2d's layouts).
 * The values come from the tap enumerator, independently of conv2d's fast loop.
 */
export function traceConvPlan(plan: Conv2dPlan, input: Tensor, weight: Tensor): ConvTrace {
  const tables = tapTables(plan.geometry, plan.paddingMode);
  const { height, width } = plan.geometry;
  const outPlane = height.output * width.output;
  const length = plan.outChannels * outPlane;
  const inH = height.input;
  const inW = width.input;

  const cellTaps = (step: number): { outChannel: number; outY: number; outX: number; taps: ConvTap[]; sum: number } => {
    const outChannel = Math.floor(step / outPlane);
    const outY = Math.floor((step % outPlane) / width.output);
    const outX = step % width.output;
    const group = Math.floor(outChannel / plan.outPerGroup);
    const window = windowTaps(tables, outY, outX);
    const taps: ConvTap[] = [];
    let sum = 0;
    for (let gi = 0; gi < plan.inPerGroup; gi++) {
      const channel = group * plan.inPerGroup + gi;
      for (const tap of window) {
        const inputValue = tap.sourceY >= 0 ? (input.data[(channel * inH + tap.sourceY) * inW + tap.sourceX] as number) : 0;
        const index = weightIndex(plan, outChannel, gi, tap.kernelY, tap.kernelX);
        const weightValue = weight.data[index] as number;
        const product = inputValue * weightValue;
        sum += product;
        const kH = height.kernel;
        const kW = width.kernel;
        taps.push({
          ...tap,
          channel,
          weightY: plan.flip ? kH - 1 - tap.kernelY : tap.kernelY,
          weightX: plan.flip ? kW - 1 - tap.kernelX : tap.kernelX,
          inputValue,
          weightValue,
          product,
          runningSum: sum,
        });
      }
    }
    return { outChannel, outY, outX, taps, sum };
  };

  const values = new Float32Array(length);
  for (let step = 0; step < length; step++) {
    const { outChannel, sum } = cellTaps(step);
    values[step] = sum + (plan.bias ? (plan.bias[outChannel] as number) : 0);
  }

  return {
    plan,
    input,
    weight,
    length,
    frame(n: number): ConvFrame {
      const step = clampStep(n, length);
      const { outChannel, outY, outX, taps } = cellTaps(step);
      return {
        step,
        outChannel,
        outY,
        outX,
        taps,
        bias: plan.bias ? (plan.bias[outChannel] as number) : 0,
        value: values[step] as number,
        output: fromData(filledPrefix(values, step + 1), plan.outputShape),
        filled: step + 1,
      };
    },
  };
}

export function conv2dTrace(input: Tensor, weight: Tensor, options: Conv2dOptions = {}): ConvTrace {
  assertRank('conv2dTrace', 'input', input, 3, '[C, H, W]');
  assertRank('conv2dTrace', 'weight', weight, 4, '[C_out, C_in/groups, kH, kW]');
  return traceConvPlan(planConv2d(input.shape, weight.shape, options), input, weight);
}
