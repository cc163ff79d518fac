// The gridding view's numbers: how many paths lead from each input pixel to one output unit through a stack of dilated 3×3 layers.

import { convTranspose2d, receptiveField, tensor, type Tensor } from '../../engine/index.ts';

const ONES_3X3 = tensor(new Array(9).fill(1), [1, 1, 3, 3]);

/**
 * Sends a 1 back from the centre output unit through each layer (the adjoint of a stride-1, size-keeping
 * convolution with an all-ones 3×3 kernel at that dilation). Each input pixel ends with the number of paths
 * that connect it to the unit: 0 is a hole, the gridding artefact.
 */
export function pathCounts(dilations: readonly number[]): Tensor {
  const size = receptiveFieldSize(dilations);
  const start = new Array(size * size).fill(0);
  start[Math.floor(size / 2) * size + Math.floor(size / 2)] = 1;
  let signal = tensor(start, [1, size, size]);
  for (let layer = dilations.length - 1; layer >= 0; layer--) {
    const d = dilations[layer] as number;
    signal = convTranspose2d(signal, ONES_3X3, { dilation: d, padding: d });
  }
  return signal;
}

/** The stack's receptive field: 1 + Σ 2·d for 3×3 layers at stride 1. */
export function receptiveFieldSize(dilations: readonly number[]): number {
  const layers = receptiveField(dilations.map((d) => ({ kernelSize: 3, dilation: d })));
  return layers[layers.length - 1]?.size ?? 1;
}
