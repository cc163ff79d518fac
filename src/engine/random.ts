// Seeded pseudo-random numbers (mulberry32) for reproducible random starts and data: the same seed gives the same numbers everywhere.

import { fromData, type Tensor } from './tensor.ts';
import { readInteger } from './pair.ts';

/** mulberry32: a small, fast PRNG returning numbers in [0, 1); the seed is taken as an unsigned 32-bit integer. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tensor of uniform values in [−scale, scale) drawn from `seed` in row-major order. */
export function uniformTensor(shape: readonly number[], scale: number, seed: number): Tensor {
  for (const dim of shape) readInteger('uniformTensor', 'shape', dim, 0, 0);
  if (!Number.isFinite(scale) || scale < 0) throw new Error(`uniformTensor: scale must be a finite number ≥ 0, got ${scale}`);
  const next = seededRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = (next() * 2 - 1) * scale;
  return fromData(data, shape);
}
