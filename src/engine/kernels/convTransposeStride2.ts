// Fast path for transposed convolution's commonest case: ×2 upsampling (stride 2 along the width, small kernels).

import type { ConvTranspose2dPlan } from '../convTranspose2d.ts';

/**
 * The regular column structure of a stride-2 axis: output column 2n + r (r = 0, 1) receives only input columns
 * n + lo and n + lo + 1; `kx[r·2 + j]` is the kernel column that carries input column n + lo + j there (−1: none).
 */
export interface Stride2Columns {
  readonly lo: number;
  readonly kx: Int32Array;
}

/**
 * convTranspose2d computed as a gather, when every output row receives at most two kernel rows (`rowTaps`:
 * entries [oy·4 … oy·4 + 3] = ky₀, iy₀, ky₁, iy₁, −1 when absent) and the columns follow `columns`.
 * An output row is then a sum of "sources": one input row of one channel, with the 2×2 weights
 * [output column parity r][input column j] that carry it there.
 * Faster than scattering weight by weight: one sweep makes each output pair (2n, 2n + 1) from input columns
 * n + lo and n + lo + 1 of two sources at once, 8 products summed in registers, and the row accumulates over
 * all sources in a Float64Array that is stored once.
 */
export function convTransposeStride2(
  source: Float32Array,
  weights: Float32Array,
  plan: ConvTranspose2dPlan,
  rowTaps: Int32Array,
  columns: Stride2Columns,
  output: Float32Array,
): void {
  const { height, width, inPerGroup, outPerGroup } = plan;
  const inW = width.input;
  const outW = width.output;
  const inPlane = height.input * inW;
  const { lo, kx } = columns;
  // Steps n in [nLo, nHi) have both outputs inside the output row and both input columns inside the input row.
  const nLo = Math.max(0, -lo);
  const nHi = Math.max(nLo, Math.min(outW >> 1, inW - lo - 1));
  const row = new Float64Array(outW);
  // The sources of one output row: up to two row taps per input channel of the group.
  const starts = new Int32Array(2 * inPerGroup); // index of the source row's input column lo
  const sourceWeights = new Float64Array(8 * inPerGroup); // 4 per source, at r·2 + j
  for (let co = 0; co < plan.outChannels; co++) {
    const group = Math.floor(co / outPerGroup);
    const go = co - group * outPerGroup;
    const bias = plan.bias ? (plan.bias[co] as number) : 0;
    for (let oy = 0; oy < height.output; oy++) {
      let count = 0;
      for (let tap = 0; tap < 2; tap++) {
        const ky = rowTaps[oy * 4 + tap * 2] as number;
        if (ky < 0) continue;
        const iy = rowTaps[oy * 4 + tap * 2 + 1] as number;
        for (let ci = group * inPerGroup; ci < (group + 1) * inPerGroup; ci++) {
          const kernelRow = ((ci * outPerGroup + go) * height.kernel + ky) * width.kernel;
          for (let i = 0; i < 4; i++) {
            const k = kx[i] as number;
            sourceWeights[count * 4 + i] = k >= 0 ? (weights[kernelRow + k] as number) : 0;
          }
          starts[count++] = ci * inPlane + iy * inW + lo;
        }
      }
      row.fill(bias);
      let s = 0;
      for (; s + 2 <= count; s += 2) addTwoSources(row, source, starts, sourceWeights, s, nLo, nHi);
      if (s < count) addOneSource(row, source, starts, sourceWeights, s, nLo, nHi);
      // The few border columns, whose input columns may fall outside the input: checked one tap at a time.
      for (let ox = 0; ox < outW; ox++) {
        if (ox === 2 * nLo) ox = 2 * nHi; // skip the columns the sweeps made
        if (ox >= outW) break;
        const n = ox >> 1;
        for (let j = 0; j < 2; j++) {
          if (n + lo + j < 0 || n + lo + j >= inW) continue;
          const at = (ox & 1) * 2 + j;
          let sum = 0;
          for (let e = 0; e < count; e++) sum += (sourceWeights[e * 4 + at] as number) * (source[(starts[e] as number) + n + j] as number);
          row[ox] = (row[ox] as number) + sum;
        }
      }
      output.set(row, (co * height.output + oy) * outW);
    }
  }
}

/** Adds sources s and s + 1 to the output pairs (2n, 2n + 1) for n in [nLo, nHi): 2 loads and 8 products a step. */
function addTwoSources(row: Float64Array, source: Float32Array, starts: Int32Array, w: Float64Array, s: number, nLo: number, nHi: number): void {
  if (nLo >= nHi) return;
  const a = starts[s] as number;
  const b = starts[s + 1] as number;
  const a00 = w[s * 4] as number;
  const a01 = w[s * 4 + 1] as number;
  const a10 = w[s * 4 + 2] as number;
  const a11 = w[s * 4 + 3] as number;
  const b00 = w[s * 4 + 4] as number;
  const b01 = w[s * 4 + 5] as number;
  const b10 = w[s * 4 + 6] as number;
  const b11 = w[s * 4 + 7] as number;
  let a0 = source[a + nLo] as number;
  let b0 = source[b + nLo] as number;
  for (let n = nLo; n < nHi; n++) {
    const a1 = source[a + n + 1] as number;
    const b1 = source[b + n + 1] as number;
    row[2 * n] = (row[2 * n] as number) + (a00 * a0 + a01 * a1) + (b00 * b0 + b01 * b1);
    row[2 * n + 1] = (row[2 * n + 1] as number) + (a10 * a0 + a11 * a1) + (b10 * b0 + b11 * b1);
    a0 = a1;
    b0 = b1;
  }
}

/** Adds source s alone (the odd one out). */
function addOneSource(row: Float64Array, source: Float32Array, starts: Int32Array, w: Float64Array, s: number, nLo: number, nHi: number): void {
  if (nLo >= nHi) return;
  const a = starts[s] as number;
  const a00 = w[s * 4] as number;
  const a01 = w[s * 4 + 1] as number;
  const a10 = w[s * 4 + 2] as number;
  const a11 = w[s * 4 + 3] as number;
  let a0 = source[a + nLo] as number;
  for (let n = nLo; n < nHi; n++) {
    const a1 = source[a + n + 1] as number;
    row[2 * n] = (row[2 * n] as number) + (a00 * a0 + a01 * a1);
    row[2 * n + 1] = (row[2 * n + 1] as number) + (a10 * a0 + a11 * a1);
    a0 = a1;
  }
}
