// Max and average pooling, forward and backward, with PyTorch's padding, ceil-mode and divisor rules.

import { allPaddingWindowError, axisTapTable, poolAxis, type AxisGeometry, type Geometry2d } from './geometry.ts';
import { readPair, type Pair } from './pair.ts';
import { assertRank, formatShape, fromData, type Tensor } from './tensor.ts';
import { maxPool2x2 } from './kernels/maxPool2x2.ts';

export interface MaxPool2dOptions {
  kernelSize: Pair;
  /** Defaults to kernelSize. */
  stride?: Pair;
  padding?: Pair;
  dilation?: Pair;
  ceilMode?: boolean;
}

export interface AvgPool2dOptions {
  kernelSize: Pair;
  stride?: Pair;
  padding?: Pair;
  ceilMode?: boolean;
  /** Default true: padded cells count in the divisor (cells past the padding never do). */
  countIncludePad?: boolean;
}

export interface PoolPlan {
  readonly geometry: Geometry2d;
  readonly channels: number;
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;
  readonly outputShape: readonly [number, number, number];
}

function readFlag(op: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new Error(`${op}: ${name} must be true or false, got ${String(value)}`);
  return value;
}

export function planPool2d(
  op: string,
  inputShape: readonly number[],
  options: MaxPool2dOptions & { countIncludePad?: boolean },
  allowDilation: boolean,
): PoolPlan {
  if (!options || typeof options !== 'object') throw new Error(`${op}: options with a kernelSize are required`);
  if (inputShape.length !== 3) throw new Error(`${op}: input must be 3-D [C, H, W], got shape ${formatShape(inputShape)}`);
  const [channels, inH, inW] = inputShape as [number, number, number];
  if (channels < 1 || inH < 1 || inW < 1) throw new Error(`${op}: input shape ${formatShape(inputShape)} has an empty dimension`);
  if (options.kernelSize === undefined) throw new Error(`${op}: kernelSize is required`);
  const kernel = readPair(op, 'kernelSize', options.kernelSize, 1, 1);
  const stride = readPair(op, 'stride', options.stride ?? kernel, 1, 1);
  const padding = readPair(op, 'padding', options.padding, 0, 0);
  if (!allowDilation && options.dilation !== undefined) throw new Error(`${op}: dilation is not an option of average pooling`);
  const dilation = readPair(op, 'dilation', options.dilation, 1, 1);
  const ceilMode = readFlag(op, 'ceilMode', options.ceilMode, false);
  const countIncludePad = readFlag(op, 'countIncludePad', options.countIncludePad, true);
  const height = poolAxis(op, {
    axis: 'height',
    input: inH,
    kernel: kernel[0],
    stride: stride[0],
    dilation: dilation[0],
    padding: padding[0],
    ceilMode,
  });
  const width = poolAxis(op, {
    axis: 'width',
    input: inW,
    kernel: kernel[1],
    stride: stride[1],
    dilation: dilation[1],
    padding: padding[1],
    ceilMode,
  });
  return { geometry: { height, width }, channels, ceilMode, countIncludePad, outputShape: [channels, height.output, width.output] };
}

export function planMaxPool2d(inputShape: readonly number[], options: MaxPool2dOptions): PoolPlan {
  return planPool2d('maxPool2d', inputShape, options, true);
}

export function planAvgPool2d(inputShape: readonly number[], options: AvgPool2dOptions): PoolPlan {
  return planPool2d('avgPool2d', inputShape, options, false);
}

/**
 * For every output cell, the flat in-plane index of the first maximal cell of its window (row-major window order);
 * padding cells are never candidates. Forward and backward share it.
 */
export function maxPoolArgmax(data: Float32Array, plan: PoolPlan, opName = 'maxPool2d'): { values: Float32Array; argmax: Int32Array } {
  const { height, width } = plan.geometry;
  const rows = axisTapTable(height);
  const cols = axisTapTable(width);
  const inPlane = height.input * width.input;
  const outPlane = height.output * width.output;
  const values = new Float32Array(plan.channels * outPlane);
  const argmax = new Int32Array(plan.channels * outPlane);
  const kH = height.kernel;
  const kW = width.kernel;
  for (let c = 0; c < plan.channels; c++) {
    const inBase = c * inPlane;
    for (let oy = 0; oy < height.output; oy++) {
      for (let ox = 0; ox < width.output; ox++) {
        let best = -Infinity;
        let bestIndex = -1;
        for (let ky = 0; ky < kH; ky++) {
          const iy = rows[oy * kH + ky] as number;
          if (iy < 0) continue;
          const rowBase = iy * width.input;
          for (let kx = 0; kx < kW; kx++) {
            const ix = cols[ox * kW + kx] as number;
            if (ix < 0) continue;
            const v = data[inBase + rowBase + ix] as number;
            if (v > best || bestIndex < 0) {
              best = v;
              bestIndex = rowBase + ix;
            }
          }
        }
        if (bestIndex < 0) {
          // PyTorch returns −∞ here; the engine never returns a non-finite value, so it says why instead.
          throw allPaddingWindowError(opName, oy, ox, plan.geometry);
        }
        const o = c * outPlane + oy * width.output + ox;
        values[o] = best;
        argmax[o] = bestIndex;
      }
    }
  }
  return { values, argmax };
}

/** The real cells [start, end) of window o along an axis and its divisor span, as PyTorch's avg_pool2d counts them. */
export function avgWindow(axis: AxisGeometry, o: number): { start: number; end: number; spanWithPad: number } {
  const rawStart = o * axis.stride - axis.padBefore;
  const rawEnd = Math.min(rawStart + axis.kernel, axis.input + axis.padAfter);
  return { start: Math.max(rawStart, 0), end: Math.min(rawEnd, axis.input), spanWithPad: rawEnd - rawStart };
}

/** Average pooling's divisor for output (oy, ox): the window clipped to the padding, or to the real input without countIncludePad. */
export function avgDivisor(plan: PoolPlan, oy: number, ox: number): number {
  const rows = avgWindow(plan.geometry.height, oy);
  const cols = avgWindow(plan.geometry.width, ox);
  return plan.countIncludePad ? rows.spanWithPad * cols.spanWithPad : (rows.end - rows.start) * (cols.end - cols.start);
}

/** The fast path's condition: 2×2 windows, no dilation, and every window inside the input (see kernels/maxPool2x2.ts). */
function is2x2Inside({ height, width }: Geometry2d): boolean {
  const inside = (axis: AxisGeometry) => axis.kernel === 2 && axis.dilation === 1 && axis.padBefore === 0 && axis.overhang === 0;
  return inside(height) && inside(width);
}

export function maxPool2d(input: Tensor, options: MaxPool2dOptions): Tensor {
  assertRank('maxPool2d', 'input', input, 3, '[C, H, W]');
  const plan = planMaxPool2d(input.shape, options);
  const { height, width } = plan.geometry;
  if (is2x2Inside(plan.geometry)) {
    const values = maxPool2x2(input.data, plan.channels, height.input, width.input, height.output, width.output, height.stride, width.stride);
    return fromData(values, plan.outputShape);
  }
  return fromData(maxPoolArgmax(input.data, plan).values, plan.outputShape);
}

export function avgPool2d(input: Tensor, options: AvgPool2dOptions): Tensor {
  assertRank('avgPool2d', 'input', input, 3, '[C, H, W]');
  const plan = planAvgPool2d(input.shape, options);
  const { height, width } = plan.geometry;
  const inPlane = height.input * width.input;
  const outPlane = height.output * width.output;
  const output = new Float32Array(plan.channels * outPlane);
  for (let c = 0; c < plan.channels; c++) {
    for (let oy = 0; oy < height.output; oy++) {
      const rows = avgWindow(height, oy);
      for (let ox = 0; ox < width.output; ox++) {
        const cols = avgWindow(width, ox);
        let sum = 0;
        for (let iy = rows.start; iy < rows.end; iy++) {
          const rowBase = c * inPlane + iy * width.input;
          for (let ix = cols.start; ix < cols.end; ix++) sum += input.data[rowBase + ix] as number;
        }
        output[c * outPlane + oy * width.output + ox] = sum / avgDivisor(plan, oy, ox);
      }
    }
  }
  return fromData(output, plan.outputShape);
}

function checkGradOutput(op: string, gradOutput: unknown, plan: PoolPlan): Tensor {
  const grad = assertRank(op, 'gradOutput', gradOutput, 3, '[C, H_out, W_out]');
  const expected = plan.outputShape;
  if (grad.shape.some((d, i) => d !== expected[i])) {
    throw new Error(`${op}: gradOutput has shape ${formatShape(grad.shape)} but the pooling output is ${formatShape(expected)}`);
  }
  return grad;
}

/** Gradient of max pooling w.r.t. its input: each output's gradient goes to its window's first maximal cell; overlaps add. */
export function maxPool2dBackward(gradOutput: Tensor, input: Tensor, options: MaxPool2dOptions): Tensor {
  assertRank('maxPool2dBackward', 'input', input, 3, '[C, H, W]');
  const plan = planPool2d('maxPool2dBackward', input.shape, options, true);
  const grad = checkGradOutput('maxPool2dBackward', gradOutput, plan);
  const { argmax } = maxPoolArgmax(input.data, plan, 'maxPool2dBackward');
  const inPlane = plan.geometry.height.input * plan.geometry.width.input;
  const outPlane = plan.geometry.height.output * plan.geometry.width.output;
  const gradInput = new Float32Array(input.data.length);
  for (let c = 0; c < plan.channels; c++) {
    for (let o = 0; o < outPlane; o++) {
      const target = argmax[c * outPlane + o] as number;
      if (target >= 0) {
        const at = c * inPlane + target;
        gradInput[at] = (gradInput[at] as number) + (grad.data[c * outPlane + o] as number);
      }
    }
  }
  return fromData(gradInput, input.shape);
}

/** Gradient of average pooling w.r.t. its input: each output's gradient split evenly (÷ divisor) over its window's real cells. */
export function avgPool2dBackward(gradOutput: Tensor, input: Tensor, options: AvgPool2dOptions): Tensor {
  assertRank('avgPool2dBackward', 'input', input, 3, '[C, H, W]');
  const plan = planPool2d('avgPool2dBackward', input.shape, options, false);
  const grad = checkGradOutput('avgPool2dBackward', gradOutput, plan);
  const { height, width } = plan.geometry;
  const inPlane = height.input * width.input;
  const outPlane = height.output * width.output;
  const gradInput = new Float32Array(input.data.length);
  for (let c = 0; c < plan.channels; c++) {
    for (let oy = 0; oy < height.output; oy++) {
      const rows = avgWindow(height, oy);
      for (let ox = 0; ox < width.output; ox++) {
        const cols = avgWindow(width, ox);
        const share = (grad.data[c * outPlane + oy * width.output + ox] as number) / avgDivisor(plan, oy, ox);
        for (let iy = rows.start; iy < rows.end; iy++) {
          for (let ix = cols.start; ix < cols.end; ix++) {
            const at = c * inPlane + iy * width.input + ix;
            gradInput[at] = (gradInput[at] as number) + share;
          }
        }
      }
    }
  }
  return fromData(gradInput, input.shape);
}
