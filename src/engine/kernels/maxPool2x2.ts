// Fast path for max pooling's commonest case: 2×2 windows that lie wholly inside the input (no padding, no dilation).

/**
 * The larger of a and b without a branch: on real data `if (b > a)` goes either way at random and the CPU
 * mispredicts it about every other time; here the comparison becomes a 0/1 multiplier instead.
 * Exact for finite values, which tensor() guarantees (only the sign of a zero maximum may differ from PyTorch's).
 */
function larger(a: number, b: number): number {
  const bWins = Number(b > a);
  return a * (1 - bWins) + b * bWins;
}

/**
 * Forward max pooling of [channels, inH, inW] with 2×2 windows at any stride, when every window lies inside the
 * input. Faster than the general path: no tap tables, no argmax, and each window's maximum is a branch-free
 * tournament (two pairs, then their winners) rather than a chain of mispredicted comparisons.
 */
export function maxPool2x2(
  data: Float32Array,
  channels: number,
  inH: number,
  inW: number,
  outH: number,
  outW: number,
  strideY: number,
  strideX: number,
): Float32Array {
  const values = new Float32Array(channels * outH * outW);
  let o = 0;
  for (let c = 0; c < channels; c++) {
    const plane = c * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      const top = plane + oy * strideY * inW;
      const bottom = top + inW;
      for (let ox = 0; ox < outW; ox++) {
        const x = ox * strideX;
        const upper = larger(data[top + x] as number, data[top + x + 1] as number);
        const lower = larger(data[bottom + x] as number, data[bottom + x + 1] as number);
        values[o++] = larger(upper, lower);
      }
    }
  }
  return values;
}
