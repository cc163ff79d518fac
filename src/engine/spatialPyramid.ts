// Spatial pyramid pooling: adaptive pooling to several o×o grids, flattened and concatenated into one fixed-length vector.

import { adaptiveAvgPool2d, adaptiveMaxPool2d } from './adaptivePooling.ts';
import type { PoolKind } from './poolTrace.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';

export interface PyramidLevel {
  /** The level's grid is size × size bins. */
  readonly size: number;
  /** The level's pooled map, [C, size, size]. */
  readonly output: Tensor;
  /** Where this level's C·size² values start in the vector. */
  readonly offset: number;
}

export interface SpatialPyramid {
  readonly levels: readonly PyramidLevel[];
  /** The levels flattened (channel-major within a level) and concatenated in order: length C·Σ size², whatever the input's H×W. */
  readonly vector: Tensor;
}

export function spatialPyramidPool(input: Tensor, levels: readonly number[], kind: PoolKind): SpatialPyramid {
  assertRank('spatialPyramidPool', 'input', input, 3, '[C, H, W]');
  if (!Array.isArray(levels) || levels.length === 0) throw new Error('spatialPyramidPool: levels must list at least one grid size');
  for (const size of levels) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`spatialPyramidPool: level size ${String(size)} must be a whole number ≥ 1`);
  }
  const pool = kind === 'max' ? adaptiveMaxPool2d : adaptiveAvgPool2d;
  let offset = 0;
  const pooled: PyramidLevel[] = levels.map((size) => {
    const output = pool(input, size);
    const level = { size, output, offset };
    offset += output.data.length;
    return level;
  });
  const vector = new Float32Array(offset);
  for (const level of pooled) vector.set(level.output.data, level.offset);
  return { levels: pooled, vector: fromData(vector, [offset]) };
}
