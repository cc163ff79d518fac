// Test helper: asserts that a tensor matches an expected {shape, data} exactly in shape and within abs + rel tolerance in value.
import { assert, expect } from 'vitest';

export interface TensorLike {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

export interface Tolerance {
  /** absolute part of the tolerance; default 1e-4 */
  abs?: number;
  /** relative part of the tolerance (times |expected|); default 1e-4 */
  rel?: number;
}

/** Row-major flat index → "[c,h,w]" for messages. */
function coord(index: number, shape: readonly number[]): string {
  const out: number[] = [];
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] ?? 1;
    out.unshift(n > 0 ? rest % n : 0);
    rest = n > 0 ? Math.floor(rest / n) : 0;
  }
  return `[${out.join(',')}]`;
}

/** A number means the same absolute and relative tolerance; an object sets them apart (each defaulting to 1e-4). */
function readTolerance(tol: number | Tolerance): { abs: number; rel: number } {
  if (typeof tol === 'number') return { abs: tol, rel: tol };
  return { abs: tol.abs ?? 1e-4, rel: tol.rel ?? 1e-4 };
}

/**
 * Passes when `actual` has exactly `expected`'s shape and every value satisfies
 * |actual − expected| ≤ abs + rel·|expected| (NaN and ±∞ never pass).
 * On failure, the message lists how many values differ and the first few, with their coordinates.
 */
export function expectTensorClose(actual: TensorLike, expected: TensorLike, tol: number | Tolerance = {}): void {
  const { abs, rel } = readTolerance(tol);
  expect(Array.from(actual.shape), 'shape').toEqual(Array.from(expected.shape));
  expect(actual.data.length, 'number of values').toBe(expected.data.length);
  const shown: string[] = [];
  let bad = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i] as number;
    const e = expected.data[i] as number;
    if (Number.isFinite(a) && Math.abs(a - e) <= abs + rel * Math.abs(e)) continue;
    bad++;
    if (shown.length < 6) shown.push(`${coord(i, expected.shape)}: got ${a}, expected ${e}`);
  }
  if (bad > 0) {
    assert.fail(
      `${bad} of ${expected.data.length} values differ (tolerance ${abs} + ${rel}·|expected|); first: ${shown.join('; ')}`,
    );
  }
}

/** Flat-array version of expectTensorClose: same length, every value within abs + rel·|expected| (NaN and ±∞ never pass). */
export function expectArrayClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number | Tolerance = {}): void {
  expectTensorClose({ shape: [actual.length], data: actual }, { shape: [expected.length], data: expected }, tol);
}
