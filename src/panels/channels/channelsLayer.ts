// The Channels panel's layer as engine tensors and traces, the 3-D view's volume, and resizing that keeps the values that still fit.

import { conv2dTrace, conv3dTrace, tensor, type Conv3dTrace, type ConvTrace, type Tensor } from '../../engine/index.ts';
import { resizeMatrix } from '../../ui/matrix.ts';
import type { Matrix } from '../../url/fields.ts';
import {
  layerShape,
  matrixShape,
  patternKernelSlice,
  patternMap,
  type ChannelStack,
  type KernelBank,
  type LayerFields,
  type VolumeFields,
} from './channelsConfig.ts';

export interface LayerTensors {
  input: Tensor;
  weight: Tensor;
  bias: number[] | undefined;
  groups: number;
}

export function layerTensors(config: Omit<LayerFields, 'pointwise'>): LayerTensors {
  const { cin, cout, slices, h, w, kh, kw } = layerShape(config);
  return {
    input: tensor(config.input.flat(2), [cin, h, w]),
    weight: tensor(config.weight.flat(3), [cout, slices, kh, kw]),
    bias: config.bias.length > 0 ? [...config.bias] : undefined,
    groups: config.groups,
  };
}

/** The layer's step trace: one frame per output cell, output channel by output channel. */
export function layerTrace(layer: LayerTensors): ConvTrace {
  return conv2dTrace(layer.input, layer.weight, { bias: layer.bias, groups: layer.groups });
}

/** The pointwise (1×1) weights after a depthwise layer as a [P, C, 1, 1] tensor. */
export function pointwiseWeight(pointwise: Matrix): Tensor {
  const [rows, cols] = matrixShape(pointwise);
  return tensor(pointwise.flat(), [rows, cols, 1, 1]);
}

function resizeStack(stack: ChannelStack, count: number, rows: number, cols: number, fill: (index: number) => Matrix): ChannelStack {
  return Array.from({ length: count }, (_, i) => {
    const old = stack[i];
    const fresh = fill(i);
    return old ? resizeMatrix(old, rows, cols, (r, c) => fresh[r]?.[c] ?? 0) : fresh;
  });
}

export interface LayerSize {
  cin: number;
  cout: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  groups: number;
}

/** The layer at a new size: values that still fit are kept, new cells get the readable patterns, groups stay valid. */
export function resizeLayer(config: LayerFields, size: Partial<LayerSize>): LayerFields {
  const current = layerShape(config);
  const next = { ...current, ...size };
  next.kh = Math.min(next.kh, next.h);
  next.kw = Math.min(next.kw, next.w);
  let groups = next.groups;
  while (next.cin % groups !== 0 || next.cout % groups !== 0) groups -= 1;
  const slices = next.cin / groups;
  const input = resizeStack(config.input, next.cin, next.h, next.w, (c) => patternMap(next.h, next.w, c));
  const weight: KernelBank = Array.from({ length: next.cout }, (_, o) =>
    resizeStack(config.weight[o] ?? [], slices, next.kh, next.kw, (i) => patternKernelSlice(next.kh, next.kw, o + i)),
  );
  const bias = config.bias.length === 0 ? [] : Array.from({ length: next.cout }, (_, o) => config.bias[o] ?? 0);
  const pointwise = resizeMatrix(config.pointwise, config.pointwise.length, next.cout, (r, c) => (r === c ? 1 : 0));
  return { input, weight, bias, groups, pointwise };
}

/** A bright blob in the middle of the volume, dimmer towards its faces (like an organ in a scan): whole numbers 0–9. */
export function blobVolume(d: number, h: number, w: number): number[] {
  const off = (i: number, n: number) => (n === 1 ? 0 : (2 * i) / (n - 1) - 1);
  const values: number[] = [];
  for (let z = 0; z < d; z++) {
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) values.push(Math.round(9 * Math.exp(-(off(z, d) ** 2 + off(y, h) ** 2 + off(x, w) ** 2))));
  }
  return values;
}

/** The 3-D view's trace: the blob volume and a kernel of ones (each output sums the voxels it covers). */
export function volumeTrace(config: VolumeFields): Conv3dTrace {
  const [d, h, w] = config.volume;
  const [kd, kh, kw] = config.volumeKernel;
  return conv3dTrace(tensor(blobVolume(d, h, w), [1, d, h, w]), tensor(new Array<number>(kd * kh * kw).fill(1), [1, 1, kd, kh, kw]), {
    stride: config.volumeStride,
    padding: config.volumePadding,
  });
}
