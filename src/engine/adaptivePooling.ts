// Adaptive average and max pooling: a fixed output size, bin i spanning ⌊i·n/o⌋ to ⌈(i+1)·n/o⌉.

import { readPair, type Pair } from './pair.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';

/** The input cells [start, end) pooled into output bin `index` of `outputSize` along an axis of `inputSize` cells. */
export function adaptiveBin(index: number, inputSize: number, outputSize: number): { start: number; end: number } {
  return {
    start: Math.floor((index * inputSize) / outputSize),
    end: Math.ceil(((index + 1) * inputSize) / outputSize),
  };
}

function adaptivePool(op: string, input: Tensor, outputSize: Pair, reduce: 'max' | 'avg'): Tensor {
  assertRank(op, 'input', input, 3, '[C, H, W]');
  const [channels, inH, inW] = input.shape as [number, number, number];
  if (channels < 1 || inH < 1 || inW < 1) throw new Error(`${op}: input has an empty dimension`);
  const [outH, outW] = readPair(op, 'outputSize', outputSize, 1, 1);
  const output = new Float32Array(channels * outH * outW);
  for (let c = 0; c < channels; c++) {
    for (let oy = 0; oy < outH; oy++) {
      const rows = adaptiveBin(oy, inH, outH);
      for (let ox = 0; ox < outW; ox++) {
        const cols = adaptiveBin(ox, inW, outW);
        let result = reduce === 'max' ? -Infinity : 0;
        for (let iy = rows.start; iy < rows.end; iy++) {
          for (let ix = cols.start; ix < cols.end; ix++) {
            const v = input.data[(c * inH + iy) * inW + ix] as number;
            if (reduce === 'max') {
              if (v > result) result = v;
            } else {
              result += v;
            }
          }
        }
        if (reduce === 'avg') result /= (rows.end - rows.start) * (cols.end - cols.start);
        output[(c * outH + oy) * outW + ox] = result;
      }
    }
  }
  return fromData(output, [channels, outH, outW]);
}

export function adaptiveAvgPool2d(input: Tensor, outputSize: Pair): Tensor {
  return adaptivePool('adaptiveAvgPool2d', input, outputSize, 'avg');
}

export function adaptiveMaxPool2d(input: Tensor, outputSize: Pair): Tensor {
  return adaptivePool('adaptiveMaxPool2d', input, outputSize, 'max');
}
