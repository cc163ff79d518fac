// Step traces: the frame-by-frame record that the panels animate and the tests check against the ops.

export interface Trace<Frame> {
  /** Number of frames; frames are numbered 0 … length − 1. */
  readonly length: number;
  /** Frame n, a pure function of n; n is clamped into range, so any step from a URL or a key press is safe. */
  frame(n: number): Frame;
}

export function clampStep(n: number, length: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.min(Math.max(Math.floor(n), 0), Math.max(length - 1, 0));
}

/** The first `count` values of `values` in a zeroed array: an output filled up to the current frame. */
export function filledPrefix(values: Float32Array, count: number): Float32Array {
  const filled = new Float32Array(values.length);
  filled.set(values.subarray(0, count));
  return filled;
}
