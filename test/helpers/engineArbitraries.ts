// fast-check arbitraries that speak the engine's domain: small valid configurations of conv2d, convTranspose2d and pooling.
import fc from 'fast-check';
import {
  effectiveKernel,
  samePadding,
  sizeOf,
  tensor,
  transposedOutputSize,
  PADDING_MODES,
  type AvgPool2dOptions,
  type Conv2dOptions,
  type ConvTranspose2dOptions,
  type MaxPool2dOptions,
  type PaddingMode,
  type Tensor,
} from '../../src/engine/index.ts';

export const int = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });

/** `length` values from −3 to 3 in steps of ½: exact in float32, so sums come out exact too. */
export function valuesArb(length: number): fc.Arbitrary<number[]> {
  return fc.array(int(-6, 6).map((v) => v / 2), { minLength: length, maxLength: length });
}

export function tensorArb(shape: readonly number[]): fc.Arbitrary<Tensor> {
  return valuesArb(sizeOf(shape)).map((values) => tensor(values, shape));
}

/** Swaps the last two axes (H and W) of a 3-D or 4-D tensor. */
export function swapHW(t: Tensor): Tensor {
  const shape = [...t.shape];
  const h = shape[shape.length - 2] as number;
  const w = shape[shape.length - 1] as number;
  const planes = sizeOf(shape) / (h * w);
  const out = new Float32Array(t.data.length);
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) out[p * h * w + x * h + y] = t.data[p * h * w + y * w + x] as number;
    }
  }
  shape[shape.length - 2] = w;
  shape[shape.length - 1] = h;
  return tensor(out, shape);
}

/** Swaps a pair option [height, width] (a number stays as it is). */
export function swapPair<T>(value: T | readonly [T, T] | undefined): T | readonly [T, T] | undefined {
  return Array.isArray(value) ? ([value[1], value[0]] as const) : value;
}

interface ConvAxisDraw {
  kernel: number;
  stride: number;
  dilation: number;
  padding: number;
  /** Cells added to the smallest valid input size. */
  extra: number;
}

const convAxisDraw: fc.Arbitrary<ConvAxisDraw> = fc.record({
  kernel: int(1, 3),
  stride: int(1, 3),
  dilation: int(1, 2),
  padding: int(0, 2),
  extra: int(0, 3),
});

/** The smallest input the kernel fits in and the padding mode can copy from, plus `extra`. */
function inputSizeFor(a: ConvAxisDraw, mode: PaddingMode, padBefore: number, padAfter: number): number {
  let min = Math.max(1, effectiveKernel(a.kernel, a.dilation) - padBefore - padAfter);
  const largest = Math.max(padBefore, padAfter);
  if (mode === 'reflect') min = Math.max(min, largest + 1);
  if (mode === 'circular') min = Math.max(min, largest);
  return min + a.extra;
}

export interface Conv2dCase {
  input: Tensor;
  weight: Tensor;
  options: Conv2dOptions;
}

export interface Conv2dArbOptions {
  /** Padding modes to draw from (default: all four). */
  modes?: readonly PaddingMode[];
  /** Allow padding 'same' and 'valid' (default true). */
  namedPadding?: boolean;
  /** Allow flip (default true). */
  flip?: boolean;
  /** Allow a bias (default true). */
  bias?: boolean;
}

/** A valid conv2d call: every option drawn (per-axis or scalar), channels and groups included. */
export function conv2dCaseArb(settings: Conv2dArbOptions = {}): fc.Arbitrary<Conv2dCase> {
  const modes = settings.modes ?? PADDING_MODES;
  const paddingKinds = settings.namedPadding === false ? (['number', 'pair'] as const) : (['number', 'pair', 'same', 'valid'] as const);
  return fc
    .record({
      mode: fc.constantFrom(...modes),
      paddingKind: fc.constantFrom(...paddingKinds),
      scalarOptions: fc.boolean(),
      h: convAxisDraw,
      w: convAxisDraw,
      groups: int(1, 2),
      inPerGroup: int(1, 2),
      outPerGroup: int(1, 2),
      flip: settings.flip === false ? fc.constant(false) : fc.boolean(),
      bias: settings.bias === false ? fc.constant(false) : fc.boolean(),
    })
    .chain((d) => {
      const h = { ...d.h };
      const w = d.scalarOptions ? { ...d.w, stride: h.stride, dilation: h.dilation, padding: h.padding } : { ...d.w };
      const options: Conv2dOptions = {
        stride: d.scalarOptions ? h.stride : [h.stride, w.stride],
        dilation: d.scalarOptions ? h.dilation : [h.dilation, w.dilation],
        groups: d.groups,
        paddingMode: d.mode,
        flip: d.flip,
      };
      let padH: [number, number];
      let padW: [number, number];
      if (d.paddingKind === 'same') {
        h.stride = 1;
        w.stride = 1;
        options.stride = 1;
        options.padding = 'same';
        padH = samePadding(h.kernel, h.dilation);
        padW = samePadding(w.kernel, w.dilation);
      } else if (d.paddingKind === 'valid') {
        options.padding = 'valid';
        padH = [0, 0];
        padW = [0, 0];
      } else {
        options.padding = d.scalarOptions || d.paddingKind === 'number' ? h.padding : [h.padding, w.padding];
        const pw = typeof options.padding === 'number' ? h.padding : w.padding;
        padH = [h.padding, h.padding];
        padW = [pw, pw];
      }
      const inH = inputSizeFor(h, d.mode, padH[0], padH[1]);
      const inW = inputSizeFor(w, d.mode, padW[0], padW[1]);
      const inChannels = d.groups * d.inPerGroup;
      const outChannels = d.groups * d.outPerGroup;
      return fc
        .tuple(
          tensorArb([inChannels, inH, inW]),
          tensorArb([outChannels, d.inPerGroup, h.kernel, w.kernel]),
          d.bias ? valuesArb(outChannels) : fc.constant(undefined),
        )
        .map(([input, weight, bias]): Conv2dCase => ({ input, weight, options: bias ? { ...options, bias } : options }));
    });
}

export interface TransposedAxisDraw {
  input: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: number;
  outputPadding: number;
}

export function transposedOutput(a: TransposedAxisDraw): number {
  return transposedOutputSize(a.input, a.kernel, a.stride, a.padding, a.outputPadding, a.dilation);
}

/** One valid axis of a transposed convolution: outputPadding < max(stride, dilation), positive output. */
export function transposedAxisArb(opts: { outputPaddingBelowStride?: boolean } = {}): fc.Arbitrary<TransposedAxisDraw> {
  return fc
    .record({ input: int(1, 4), kernel: int(1, 3), stride: int(1, 3), dilation: int(1, 2), padding: int(0, 2), op: int(0, 2) })
    .map(({ op, ...a }) => ({
      ...a,
      outputPadding: op % (opts.outputPaddingBelowStride ? a.stride : Math.max(a.stride, a.dilation)),
    }))
    .filter((a) => transposedOutput(a) >= 1);
}

export interface ConvTranspose2dCase {
  input: Tensor;
  weight: Tensor;
  options: ConvTranspose2dOptions;
  h: TransposedAxisDraw;
  w: TransposedAxisDraw;
}

/** A valid convTranspose2d call with per-axis options, groups, channels and an optional bias. */
export function convTranspose2dCaseArb(
  opts: { outputPaddingBelowStride?: boolean; bias?: boolean; channels?: boolean } = {},
): fc.Arbitrary<ConvTranspose2dCase> {
  const channel = opts.channels === false ? fc.constant(1) : int(1, 2);
  return fc
    .record({
      h: transposedAxisArb(opts),
      w: transposedAxisArb(opts),
      groups: channel,
      inPerGroup: channel,
      outPerGroup: channel,
      bias: opts.bias === false ? fc.constant(false) : fc.boolean(),
    })
    .chain((d) => {
      const inChannels = d.groups * d.inPerGroup;
      const outChannels = d.groups * d.outPerGroup;
      const options: ConvTranspose2dOptions = {
        stride: [d.h.stride, d.w.stride],
        padding: [d.h.padding, d.w.padding],
        outputPadding: [d.h.outputPadding, d.w.outputPadding],
        dilation: [d.h.dilation, d.w.dilation],
        groups: d.groups,
      };
      return fc
        .tuple(
          tensorArb([inChannels, d.h.input, d.w.input]),
          tensorArb([inChannels, d.outPerGroup, d.h.kernel, d.w.kernel]),
          d.bias ? valuesArb(outChannels) : fc.constant(undefined),
        )
        .map(([input, weight, bias]): ConvTranspose2dCase => ({
          input,
          weight,
          options: bias ? { ...options, bias } : options,
          h: d.h,
          w: d.w,
        }));
    });
}

export interface PoolAxisDraw {
  input: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: number;
}

/** PyTorch's pooling_output_shape, written out independently of the engine. */
export function pytorchPoolOutput(a: PoolAxisDraw, ceilMode: boolean): number {
  const span = a.input + 2 * a.padding - a.dilation * (a.kernel - 1) - 1;
  let out = Math.floor((span + (ceilMode ? a.stride - 1 : 0)) / a.stride) + 1;
  if (ceilMode && (out - 1) * a.stride >= a.input + a.padding) out -= 1;
  return out;
}

/** One pooling axis with padding ≤ kernel/2; the input may be smaller than the window (ceil mode allows it). */
function poolAxisArb(dilated: boolean): fc.Arbitrary<PoolAxisDraw> {
  return fc
    .record({ kernel: int(1, 3), stride: int(1, 3), dilation: dilated ? int(1, 2) : fc.constant(1), padding: int(0, 1), extra: int(-2, 3) })
    .map(({ extra, ...a }) => {
      const padding = Math.min(a.padding, Math.floor(a.kernel / 2));
      return { ...a, padding, input: Math.max(1, effectiveKernel(a.kernel, a.dilation) - 2 * padding + extra) };
    });
}

/** Whether every pooling window along the axis has at least one real (non-padding) cell. */
export function everyWindowHasARealCell(a: PoolAxisDraw, output: number): boolean {
  for (let o = 0; o < output; o++) {
    let real = false;
    for (let t = 0; t < a.kernel; t++) {
      const at = o * a.stride - a.padding + t * a.dilation;
      if (at >= 0 && at < a.input) real = true;
    }
    if (!real) return false;
  }
  return true;
}

export interface MaxPoolCase {
  input: Tensor;
  options: MaxPool2dOptions;
  h: PoolAxisDraw;
  w: PoolAxisDraw;
}

export interface AvgPoolCase {
  input: Tensor;
  options: AvgPool2dOptions;
  h: PoolAxisDraw;
  w: PoolAxisDraw;
}

export function maxPoolCaseArb(): fc.Arbitrary<MaxPoolCase> {
  return fc
    .record({ h: poolAxisArb(true), w: poolAxisArb(true), channels: int(1, 2), ceilMode: fc.boolean(), defaultStride: fc.boolean() })
    .map((d) => (d.defaultStride ? { ...d, h: { ...d.h, stride: d.h.kernel }, w: { ...d.w, stride: d.w.kernel } } : d))
    .filter((d) => pytorchPoolOutput(d.h, d.ceilMode) >= 1 && pytorchPoolOutput(d.w, d.ceilMode) >= 1)
    .chain((d) =>
      tensorArb([d.channels, d.h.input, d.w.input]).map((input): MaxPoolCase => {
        const { h, w } = d;
        const options: MaxPool2dOptions = {
          kernelSize: [h.kernel, w.kernel],
          padding: [h.padding, w.padding],
          dilation: [h.dilation, w.dilation],
          ceilMode: d.ceilMode,
        };
        if (!d.defaultStride) options.stride = [h.stride, w.stride];
        return { input, options, h, w };
      }),
    );
}

export function avgPoolCaseArb(): fc.Arbitrary<AvgPoolCase> {
  return fc
    .record({
      h: poolAxisArb(false),
      w: poolAxisArb(false),
      channels: int(1, 2),
      ceilMode: fc.boolean(),
      countIncludePad: fc.boolean(),
      defaultStride: fc.boolean(),
    })
    .map((d) => (d.defaultStride ? { ...d, h: { ...d.h, stride: d.h.kernel }, w: { ...d.w, stride: d.w.kernel } } : d))
    .filter((d) => pytorchPoolOutput(d.h, d.ceilMode) >= 1 && pytorchPoolOutput(d.w, d.ceilMode) >= 1)
    .chain((d) =>
      tensorArb([d.channels, d.h.input, d.w.input]).map((input): AvgPoolCase => {
        const { h, w } = d;
        const options: AvgPool2dOptions = {
          kernelSize: [h.kernel, w.kernel],
          padding: [h.padding, w.padding],
          ceilMode: d.ceilMode,
          countIncludePad: d.countIncludePad,
        };
        if (!d.defaultStride) options.stride = [h.stride, w.stride];
        return { input, options, h, w };
      }),
    );
}

/** Inner product of two flat arrays, in double precision. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
