// Checkerboard artifacts: how evenly ×2 upsampling layers cover their output, on an all-ones input through all-ones kernels.

import { conv2d } from './conv2d.ts';
import { convTranspose2d } from './convTranspose2d.ts';
import { tensor, type Tensor } from './tensor.ts';

/** One ×s transposed-convolution layer of a stack (square kernel, the same on both axes). */
export interface UpsampleLayer {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly outputPadding: number;
}

function ones(shape: readonly number[]): Tensor {
  return tensor(new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1), shape);
}

/**
 * Each layer's output for an all-ones size×size input passed through `layers` transposed convolutions with all-ones
 * kernels. With ones everywhere a value counts the overlapping stamps (after one layer, exactly the overlap count):
 * where k is not a multiple of s neighbouring cells get different counts, the checkerboard.
 */
export function transposedOnesStack(size: number, layer: UpsampleLayer, layers: number): Tensor[] {
  const weight = ones([1, 1, layer.kernel, layer.kernel]);
  const outputs: Tensor[] = [];
  let signal = ones([1, size, size]);
  for (let n = 0; n < layers; n++) {
    signal = convTranspose2d(signal, weight, { stride: layer.stride, padding: layer.padding, outputPadding: layer.outputPadding });
    outputs.push(signal);
  }
  return outputs;
}

/**
 * The same for resize-then-convolve: nearest-neighbour ×2 upsampling (a transposed convolution with a 2×2 ones kernel
 * at stride 2 copies each cell into a 2×2 block) followed by a size-keeping convolution with a k×k ones kernel (k odd).
 */
export function resizeConvOnesStack(size: number, kernel: number, layers: number): Tensor[] {
  const copy = ones([1, 1, 2, 2]);
  const smooth = ones([1, 1, kernel, kernel]);
  const outputs: Tensor[] = [];
  let signal = ones([1, size, size]);
  for (let n = 0; n < layers; n++) {
    const upsampled = convTranspose2d(signal, copy, { stride: 2 });
    signal = conv2d(upsampled, smooth, { padding: (kernel - 1) / 2 });
    outputs.push(signal);
  }
  return outputs;
}

/**
 * Smallest and largest value in the central half of a [1, H, W] map (borders see fewer stamps for every method, so
 * they are left out): max/min = 1 means even coverage, larger means a checkerboard.
 */
export function centralRange(map: Tensor): { min: number; max: number; ratio: number } {
  const h = map.shape[1] as number;
  const w = map.shape[2] as number;
  const y0 = Math.floor(h / 4);
  const x0 = Math.floor(w / 4);
  let min = Infinity;
  let max = -Infinity;
  for (let y = y0; y < h - y0; y++) {
    for (let x = x0; x < w - x0; x++) {
      const v = map.data[y * w + x] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max, ratio: min > 0 ? max / min : Infinity };
}
