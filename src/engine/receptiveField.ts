// Receptive field of a stack of layers as data: size, jump and start of each layer's output units.

import { effectiveKernel } from './geometry.ts';
import { readInteger } from './pair.ts';

export interface ReceptiveFieldLayer {
  kernelSize: number;
  stride?: number;
  padding?: number;
  dilation?: number;
}

export interface ReceptiveFieldEntry {
  /** How many input pixels one output unit of this layer sees. */
  readonly size: number;
  /** Distance, in input pixels, between neighbouring output units. */
  readonly jump: number;
  /** Input coordinate of the centre of the first output unit's receptive field (pixel i has its centre at i). */
  readonly start: number;
}

/** Through a layer with k' = d·(k − 1) + 1: size += (k' − 1)·jump; start += ((k' − 1)/2 − p)·jump; jump *= s. */
export function receptiveField(layers: readonly ReceptiveFieldLayer[]): ReceptiveFieldEntry[] {
  if (!Array.isArray(layers)) throw new Error('receptiveField: layers must be an array of { kernelSize, stride?, padding?, dilation? }');
  let size = 1;
  let jump = 1;
  let start = 0;
  return layers.map((layer, index) => {
    const where = `layers[${index}]`;
    if (!layer || typeof layer !== 'object') throw new Error(`receptiveField: ${where} must be an object with a kernelSize`);
    const kernel = readInteger('receptiveField', `${where}.kernelSize`, layer.kernelSize, Number.NaN, 1);
    if (Number.isNaN(kernel)) throw new Error(`receptiveField: ${where}.kernelSize is required`);
    const stride = readInteger('receptiveField', `${where}.stride`, layer.stride, 1, 1);
    const padding = readInteger('receptiveField', `${where}.padding`, layer.padding, 0, 0);
    const dilation = readInteger('receptiveField', `${where}.dilation`, layer.dilation, 1, 1);
    const k = effectiveKernel(kernel, dilation);
    size += (k - 1) * jump;
    start += ((k - 1) / 2 - padding) * jump;
    jump *= stride;
    return { size, jump, start };
  });
}
