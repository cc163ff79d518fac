// Pooling as step traces: forward (max with its argmax, average with its divisor) and backward (where each gradient goes).

import { allPaddingWindowError } from './geometry.ts';
import { avgDivisor, planAvgPool2d, planMaxPool2d, type AvgPool2dOptions, type MaxPool2dOptions, type PoolPlan } from './pooling.ts';
import { tapTables, windowTaps, type WindowTap } from './taps.ts';
import { assertRank, formatShape, fromData, type Tensor } from './tensor.ts';
import { clampStep, filledPrefix, type Trace } from './trace.ts';

export type PoolKind = 'max' | 'avg';

export interface PoolTap extends WindowTap {
  /** The input value, or null for a padding cell (never a max candidate; a zero in the average's sum). */
  readonly value: number | null;
}

export interface PoolFrame {
  readonly step: number;
  readonly channel: number;
  readonly outY: number;
  readonly outX: number;
  readonly taps: readonly PoolTap[];
  /** Max pooling: the index in `taps` of the first maximal cell; −1 for average pooling. */
  readonly argmaxTap: number;
  /** Average pooling: the sum of the real cells and the divisor; for max pooling sum = value and divisor = 1. */
  readonly sum: number;
  readonly divisor: number;
  readonly value: number;
  readonly output: Tensor;
}

export interface PoolTrace extends Trace<PoolFrame> {
  readonly kind: PoolKind;
  readonly plan: PoolPlan;
}

/** The taps of one pooling window and what it reduces to, from the tap enumerator (padding cells have no value). */
function poolCell(kind: PoolKind, plan: PoolPlan, input: Tensor, tables: ReturnType<typeof tapTables>, step: number) {
  const { height, width } = plan.geometry;
  const outPlane = height.output * width.output;
  const channel = Math.floor(step / outPlane);
  const outY = Math.floor((step % outPlane) / width.output);
  const outX = step % width.output;
  const taps: PoolTap[] = windowTaps(tables, outY, outX).map((tap) => ({
    ...tap,
    value: tap.inPadding ? null : (input.data[(channel * height.input + tap.y) * width.input + tap.x] as number),
  }));
  let argmaxTap = -1;
  let sum = 0;
  taps.forEach((tap, index) => {
    if (tap.value === null) return;
    sum += tap.value;
    if (argmaxTap < 0 || tap.value > (taps[argmaxTap]?.value as number)) argmaxTap = index;
  });
  if (kind === 'max') {
    if (argmaxTap < 0) throw allPaddingWindowError('pool2dTrace', outY, outX, plan.geometry);
    const best = taps[argmaxTap]?.value ?? 0;
    return { channel, outY, outX, taps, argmaxTap, sum: best, divisor: 1, value: best };
  }
  const divisor = avgDivisor(plan, outY, outX);
  return { channel, outY, outX, taps, argmaxTap: -1, sum, divisor, value: sum / divisor };
}

function planFor(kind: PoolKind, input: Tensor, options: MaxPool2dOptions | AvgPool2dOptions): PoolPlan {
  return kind === 'max' ? planMaxPool2d(input.shape, options as MaxPool2dOptions) : planAvgPool2d(input.shape, options as AvgPool2dOptions);
}

export function pool2dTrace(kind: 'max', input: Tensor, options: MaxPool2dOptions): PoolTrace;
export function pool2dTrace(kind: 'avg', input: Tensor, options: AvgPool2dOptions): PoolTrace;
export function pool2dTrace(kind: PoolKind, input: Tensor, options: MaxPool2dOptions | AvgPool2dOptions): PoolTrace {
  assertRank('pool2dTrace', 'input', input, 3, '[C, H, W]');
  const plan = planFor(kind, input, options);
  const tables = tapTables(plan.geometry);
  const length = plan.channels * plan.geometry.height.output * plan.geometry.width.output;
  const values = new Float32Array(length);
  for (let step = 0; step < length; step++) values[step] = poolCell(kind, plan, input, tables, step).value;
  return {
    kind,
    plan,
    length,
    frame(n: number): PoolFrame {
      const step = clampStep(n, length);
      return { step, ...poolCell(kind, plan, input, tables, step), output: fromData(filledPrefix(values, step + 1), plan.outputShape) };
    },
  };
}

export interface GradientRoute {
  readonly y: number;
  readonly x: number;
  /** The share of the output gradient this input cell receives. */
  readonly amount: number;
}

export interface PoolBackwardFrame {
  readonly step: number;
  readonly channel: number;
  readonly outY: number;
  readonly outX: number;
  readonly gradient: number;
  /** Max: one route to the argmax cell. Average: one route per real cell, gradient ÷ divisor each. */
  readonly routes: readonly GradientRoute[];
  readonly divisor: number;
  /** The input gradient after this output's routes are added; overlapping windows add up. */
  readonly gradInput: Tensor;
}

export interface PoolBackwardTrace extends Trace<PoolBackwardFrame> {
  readonly kind: PoolKind;
  readonly plan: PoolPlan;
}

export function pool2dBackwardTrace(kind: 'max', gradOutput: Tensor, input: Tensor, options: MaxPool2dOptions): PoolBackwardTrace;
export function pool2dBackwardTrace(kind: 'avg', gradOutput: Tensor, input: Tensor, options: AvgPool2dOptions): PoolBackwardTrace;
export function pool2dBackwardTrace(
  kind: PoolKind,
  gradOutput: Tensor,
  input: Tensor,
  options: MaxPool2dOptions | AvgPool2dOptions,
): PoolBackwardTrace {
  assertRank('pool2dBackwardTrace', 'input', input, 3, '[C, H, W]');
  assertRank('pool2dBackwardTrace', 'gradOutput', gradOutput, 3, '[C, H_out, W_out]');
  const plan = planFor(kind, input, options);
  if (gradOutput.shape.some((d, i) => d !== plan.outputShape[i])) {
    throw new Error(
      `pool2dBackwardTrace: gradOutput has shape ${formatShape(gradOutput.shape)} but the pooling output is ${formatShape(plan.outputShape)}`,
    );
  }
  const tables = tapTables(plan.geometry);
  const { height, width } = plan.geometry;
  const length = plan.outputShape[0] * height.output * width.output;

  const routesOf = (step: number) => {
    const cell = poolCell(kind, plan, input, tables, step);
    const gradient = gradOutput.data[step] as number;
    const real = cell.taps.filter((tap) => tap.value !== null);
    const routes: GradientRoute[] =
      kind === 'max'
        ? [{ y: (cell.taps[cell.argmaxTap] as PoolTap).y, x: (cell.taps[cell.argmaxTap] as PoolTap).x, amount: gradient }]
        : real.map((tap) => ({ y: tap.y, x: tap.x, amount: gradient / cell.divisor }));
    return { channel: cell.channel, outY: cell.outY, outX: cell.outX, gradient, routes, divisor: cell.divisor };
  };

  const gradInputAfter = (count: number): Float32Array => {
    const grad = new Float32Array(input.data.length);
    for (let step = 0; step < count; step++) {
      const { channel, routes } = routesOf(step);
      for (const route of routes) {
        const at = (channel * height.input + route.y) * width.input + route.x;
        grad[at] = (grad[at] as number) + route.amount;
      }
    }
    return grad;
  };

  return {
    kind,
    plan,
    length,
    frame(n: number): PoolBackwardFrame {
      const step = clampStep(n, length);
      return { step, ...routesOf(step), gradInput: fromData(gradInputAfter(step + 1), input.shape) };
    },
  };
}
