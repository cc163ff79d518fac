// The geometry record and the tap enumerator: padding-mode copies, 'same' splits, pooling's ceil rule, and every parameter per axis.
import fc from 'fast-check';
import {
  avgPool2d,
  axisTapTable,
  conv2d,
  convAxis,
  convTranspose2d,
  effectiveKernel,
  maxPool2d,
  outputsInsideInput,
  outputsReading,
  planConv2d,
  planConvTranspose2d,
  planMaxPool2d,
  poolAxis,
  samePadding,
  sourceIndex,
  tapCoordinate,
  tapTables,
  tensor,
  transposedOutputSize,
  windowTaps,
  type AxisGeometry,
} from '../../src/engine/index.ts';
import { expectTensorClose } from '../helpers/tensorClose.ts';
import {
  avgPoolCaseArb,
  conv2dCaseArb,
  convTranspose2dCaseArb,
  everyWindowHasARealCell,
  int,
  maxPoolCaseArb,
  pytorchPoolOutput,
  swapHW,
  swapPair,
} from '../helpers/engineArbitraries.ts';

const zeros = (shape: number[]) => tensor(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);

describe('sourceIndex: which real cell a padding cell copies', () => {
  it.each([
    // coordinate, size 4 → reflect, replicate, circular, zeros
    [-3, 3, 0, 1, -1],
    [-2, 2, 0, 2, -1],
    [-1, 1, 0, 3, -1],
    [4, 2, 3, 0, -1],
    [5, 1, 3, 1, -1],
    [6, 0, 3, 2, -1],
  ])('coordinate %i of a 4-cell axis: reflect → %i, replicate → %i, circular → %i, zeros → %i', (coordinate, reflect, replicate, circular, zero) => {
    expect(sourceIndex(coordinate, 4, 'reflect')).toBe(reflect);
    expect(sourceIndex(coordinate, 4, 'replicate')).toBe(replicate);
    expect(sourceIndex(coordinate, 4, 'circular')).toBe(circular);
    expect(sourceIndex(coordinate, 4, 'zeros')).toBe(zero);
  });

  it('reflect of −1 is 1 and of n is n − 2, for any n ≥ 2 (the edge is not repeated)', () => {
    fc.assert(
      fc.property(int(2, 50), (n) => {
        expect(sourceIndex(-1, n, 'reflect')).toBe(1);
        expect(sourceIndex(n, n, 'reflect')).toBe(n - 2);
      }),
    );
  });

  it('replicate clamps to the edge cell and circular wraps by the size', () => {
    fc.assert(
      fc.property(int(1, 20), int(-40, 60), (n, c) => {
        expect(sourceIndex(c, n, 'replicate')).toBe(Math.min(Math.max(c, 0), n - 1));
        expect(sourceIndex(c, n, 'circular')).toBe(((c % n) + n) % n);
      }),
    );
  });

  it('coordinates inside the input map to themselves in every mode', () => {
    for (const mode of ['zeros', 'reflect', 'replicate', 'circular'] as const) {
      expect([0, 1, 2].map((c) => sourceIndex(c, 3, mode))).toEqual([0, 1, 2]);
    }
  });

  it('a 1-cell axis reflects onto its only cell', () => {
    expect(sourceIndex(-1, 1, 'reflect')).toBe(0);
    expect(sourceIndex(1, 1, 'reflect')).toBe(0);
  });

  it("reflect padding in conv2d: [1, 2, 3] padded by 2 reads 3 2 | 1 2 3 | 2 1", () => {
    const out = conv2d(tensor([1, 2, 3], [1, 1, 3]), tensor([1], [1, 1, 1, 1]), { padding: [0, 2], paddingMode: 'reflect' });
    expect(Array.from(out.data)).toEqual([3, 2, 1, 2, 3, 2, 1]);
    const replicate = conv2d(tensor([1, 2, 3], [1, 1, 3]), tensor([1], [1, 1, 1, 1]), { padding: [0, 2], paddingMode: 'replicate' });
    expect(Array.from(replicate.data)).toEqual([1, 1, 1, 2, 3, 3, 3]);
    const circular = conv2d(tensor([1, 2, 3], [1, 1, 3]), tensor([1], [1, 1, 1, 1]), { padding: [0, 2], paddingMode: 'circular' });
    expect(Array.from(circular.data)).toEqual([2, 3, 1, 2, 3, 1, 2]);
  });
});

describe("samePadding: 'same' splits d·(k − 1) with the odd cell after", () => {
  it.each([
    [1, 1, [0, 0]],
    [2, 1, [0, 1]],
    [3, 1, [1, 1]],
    [4, 1, [1, 2]],
    [5, 1, [2, 2]],
    [3, 2, [2, 2]],
    [2, 3, [1, 2]],
  ])('k=%i d=%i → %j', (k, d, split) => {
    expect(samePadding(k, d)).toEqual(split);
  });

  it("an even kernel under 'same' pads bottom/right: [1, 2, 3] with kernel [1, 10] → [21, 32, 3]", () => {
    const out = conv2d(tensor([1, 2, 3], [1, 1, 3]), tensor([1, 10], [1, 1, 1, 2]), { padding: 'same' });
    expect(Array.from(out.data)).toEqual([21, 32, 3]);
    const { geometry } = planConv2d([1, 1, 3], [1, 1, 1, 2], { padding: 'same' });
    expect([geometry.width.padBefore, geometry.width.padAfter]).toEqual([0, 1]);
  });

  it("'same' keeps every size for random kernels and dilations, per axis", () => {
    fc.assert(
      fc.property(int(1, 8), int(1, 8), int(1, 5), int(1, 5), int(1, 3), int(1, 3), (h, w, kh, kw, dh, dw) => {
        expect(conv2d(zeros([1, h, w]), zeros([1, 1, kh, kw]), { padding: 'same', dilation: [dh, dw] }).shape).toEqual([1, h, w]);
      }),
    );
  });
});

describe('poolAxis: PyTorch’s ceil-mode rule', () => {
  it('n=5 k=2 s=2 p=1 ceil → 3: ⌊(5 + 2 − 1 − 1 + 1)/2⌋ + 1 = 4, but window 3 would start at 6 − 1 = 5, inside the right padding, so it is dropped', () => {
    const axis = poolAxis('test', { axis: 'height', input: 5, kernel: 2, stride: 2, dilation: 1, padding: 1, ceilMode: true });
    expect(axis.output).toBe(3);
    expect(axis.overhang).toBe(0);
  });

  it('n=5 k=2 s=2 p=1 floor → 3', () => {
    expect(poolAxis('test', { axis: 'height', input: 5, kernel: 2, stride: 2, dilation: 1, padding: 1, ceilMode: false }).output).toBe(3);
  });

  it('n=5 k=2 s=2 p=0: floor → 2, ceil → 3 with the last window overhanging by 1', () => {
    expect(poolAxis('test', { axis: 'width', input: 5, kernel: 2, stride: 2, dilation: 1, padding: 0, ceilMode: false }).output).toBe(2);
    const ceil = poolAxis('test', { axis: 'width', input: 5, kernel: 2, stride: 2, dilation: 1, padding: 0, ceilMode: true });
    expect(ceil.output).toBe(3);
    expect(ceil.overhang).toBe(1);
  });

  it('ceil mode: avgPool2d over [1..5] with k=2 s=2 gives 1.5, 3.5, 5 (the overhang is not in the divisor)', () => {
    const out = avgPool2d(tensor([1, 2, 3, 4, 5], [1, 1, 5]), { kernelSize: [1, 2], ceilMode: true });
    expect(Array.from(out.data)).toEqual([1.5, 3.5, 5]);
  });

  it('ceil mode lets a window overhang an input smaller than the kernel: n=1 k=2 → 1 output', () => {
    expect(poolAxis('test', { axis: 'height', input: 1, kernel: 2, stride: 2, dilation: 1, padding: 0, ceilMode: true }).output).toBe(1);
    expect(Array.from(maxPool2d(tensor([7], [1, 1, 1]), { kernelSize: 2, ceilMode: true }).data)).toEqual([7]);
    expect(() => poolAxis('test', { axis: 'height', input: 1, kernel: 2, stride: 2, dilation: 1, padding: 0, ceilMode: false })).toThrow(/kernel 2 is larger/);
  });

  it('matches PyTorch’s pooling_output_shape for random axes, in both modes', () => {
    fc.assert(
      fc.property(int(1, 12), int(1, 4), int(1, 4), int(1, 3), int(0, 2), fc.boolean(), (input, kernel, stride, dilation, p, ceilMode) => {
        const padding = Math.min(p, Math.floor(kernel / 2));
        const a = { input, kernel, stride, dilation, padding };
        const expected = pytorchPoolOutput(a, ceilMode);
        if (expected < 1) {
          expect(() => poolAxis('test', { axis: 'height', ...a, ceilMode })).toThrow(/larger than the padded input/);
        } else {
          expect(poolAxis('test', { axis: 'height', ...a, ceilMode }).output).toBe(expected);
        }
      }),
    );
  });
});

describe('convAxis and effectiveKernel', () => {
  it('in=7 k=3 s=2 p=1 d=1 → 4, effective kernel 3', () => {
    const axis = convAxis('test', { axis: 'height', input: 7, kernel: 3, stride: 2, dilation: 1, padBefore: 1, padAfter: 1 });
    expect(axis).toMatchObject({ output: 4, effectiveKernel: 3, overhang: 0 });
  });

  it('in=5×5 k=3 s=2 p=1 → 3×3', () => {
    expect(conv2d(zeros([1, 5, 5]), zeros([1, 1, 3, 3]), { stride: 2, padding: 1 }).shape).toEqual([1, 3, 3]);
  });

  it('the output is floored: in=8 k=3 s=3 → ⌊5/3⌋ + 1 = 2, not 2.67', () => {
    expect(convAxis('test', { axis: 'width', input: 8, kernel: 3, stride: 3, dilation: 1, padBefore: 0, padAfter: 0 }).output).toBe(2);
  });

  it('effective kernel d·(k − 1) + 1: k=3 d=2 → 5, k=3 d=3 → 7, k=1 d=5 → 1', () => {
    expect(effectiveKernel(3, 2)).toBe(5);
    expect(effectiveKernel(3, 3)).toBe(7);
    expect(effectiveKernel(1, 5)).toBe(1);
  });

  it('transposedOutputSize: (i − 1)·s − 2p + d·(k − 1) + output_padding + 1, e.g. 2, k3 s2 → 5; 3, k3 s2 p1 op1 → 6', () => {
    expect(transposedOutputSize(2, 3, 2, 0, 0, 1)).toBe(5);
    expect(transposedOutputSize(3, 3, 2, 1, 1, 1)).toBe(6);
    expect(transposedOutputSize(3, 2, 1, 0, 0, 2)).toBe(5);
  });
});

describe('the tap enumerator', () => {
  const axis = (input: number, kernel: number, stride: number, padding: number, dilation = 1): AxisGeometry =>
    convAxis('test', { axis: 'width', input, kernel, stride, dilation, padBefore: padding, padAfter: padding });

  it('n=4 k=3 s=1 p=1: the tap table reads −1 at the padding (zeros) and mirrors it (reflect)', () => {
    expect(Array.from(axisTapTable(axis(4, 3, 1, 1)))).toEqual([-1, 0, 1, 0, 1, 2, 1, 2, 3, 2, 3, -1]);
    expect(Array.from(axisTapTable(axis(4, 3, 1, 1), 'reflect'))).toEqual([1, 0, 1, 0, 1, 2, 1, 2, 3, 2, 3, 2]);
  });

  it('tap k of window o reads coordinate o·s − p + k·d: n=9 k=3 s=2 p=1 d=2', () => {
    const a = axis(9, 3, 2, 1, 2);
    expect(a.output).toBe(4);
    expect([0, 1, 2].map((k) => tapCoordinate(a, 1, k))).toEqual([1, 3, 5]);
    expect([0, 1, 2].map((k) => tapCoordinate(a, 0, k))).toEqual([-1, 1, 3]);
  });

  it('outputsInsideInput lists exactly the windows whose tap k lands inside the input', () => {
    fc.assert(
      fc.property(int(1, 10), int(1, 4), int(1, 3), int(0, 3), int(1, 3), (input, kernel, stride, padding, dilation) => {
        fc.pre(input + 2 * padding >= effectiveKernel(kernel, dilation));
        const a = axis(input, kernel, stride, padding, dilation);
        for (let k = 0; k < kernel; k++) {
          const [start, end] = outputsInsideInput(a, k);
          for (let o = 0; o < a.output; o++) {
            const c = tapCoordinate(a, o, k);
            expect(o >= start && o < end).toBe(c >= 0 && c < input);
          }
        }
      }),
    );
  });

  it('windowTaps walks the window row-major and outputsReading inverts it', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const plan = planConv2d(input.shape, weight.shape, options);
        const tables = tapTables(plan.geometry, plan.paddingMode);
        const { height, width } = plan.geometry;
        for (let oy = 0; oy < height.output; oy++) {
          for (let ox = 0; ox < width.output; ox++) {
            const taps = windowTaps(tables, oy, ox);
            expect(taps.map((t) => t.kernelY * width.kernel + t.kernelX)).toEqual(taps.map((_, i) => i));
            for (const tap of taps) {
              expect(tap.y).toBe(tapCoordinate(height, oy, tap.kernelY));
              expect(tap.x).toBe(tapCoordinate(width, ox, tap.kernelX));
              expect(tap.inPadding).toBe(tap.y < 0 || tap.y >= height.input || tap.x < 0 || tap.x >= width.input);
              if (!tap.inPadding) expect([tap.sourceY, tap.sourceX]).toEqual([tap.y, tap.x]);
              else if (plan.paddingMode === 'zeros') expect([tap.sourceY, tap.sourceX]).toEqual([-1, -1]);
              else expect([tap.sourceY, tap.sourceX]).toEqual([sourceIndex(tap.y, height.input, plan.paddingMode), sourceIndex(tap.x, width.input, plan.paddingMode)]);
              expect(outputsReading(tables, tap.y, tap.x)).toContainEqual({ outY: oy, outX: ox, kernelY: tap.kernelY, kernelX: tap.kernelX });
            }
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('rectangular everything: each axis reads its own parameters', () => {
  it('conv2d in=7×10 k=3×2 s=(2,3) p=(1,0) d=(1,2) → 4×3, and the plan records each axis', () => {
    const { geometry, outputShape } = planConv2d([1, 7, 10], [1, 1, 3, 2], { stride: [2, 3], padding: [1, 0], dilation: [1, 2] });
    expect(outputShape).toEqual([1, 4, 3]);
    expect(geometry.height).toMatchObject({ input: 7, kernel: 3, stride: 2, dilation: 1, padBefore: 1, padAfter: 1, effectiveKernel: 3, output: 4 });
    expect(geometry.width).toMatchObject({ input: 10, kernel: 2, stride: 3, dilation: 2, padBefore: 0, padAfter: 0, effectiveKernel: 3, output: 3 });
  });

  it('conv2d in=8×8 k=(3,5) p=(0,1) s=(3,4) → 2×2 (the d2l example)', () => {
    expect(conv2d(zeros([1, 8, 8]), zeros([1, 1, 3, 5]), { padding: [0, 1], stride: [3, 4] }).shape).toEqual([1, 2, 2]);
  });

  it('maxPool2d and convTranspose2d plans keep the axes apart', () => {
    const pool = planMaxPool2d([1, 6, 9], { kernelSize: [2, 3], stride: [2, 1], padding: [1, 0], dilation: [1, 2] });
    expect(pool.outputShape).toEqual([1, 4, 5]);
    const transposed = planConvTranspose2d([1, 2, 3], [1, 1, 3, 2], { stride: [2, 3], padding: [1, 0], outputPadding: [1, 2], dilation: [1, 1] });
    expect(transposed.outputShape).toEqual([1, 4, 10]);
  });

  it('swapping height and width commutes with conv2d, for random rectangular configurations', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const swapped = conv2d(swapHW(input), swapHW(weight), {
          ...options,
          stride: swapPair(options.stride),
          dilation: swapPair(options.dilation),
          padding: options.padding === 'same' || options.padding === 'valid' ? options.padding : swapPair(options.padding as number | readonly [number, number] | undefined),
        });
        expectTensorClose(swapHW(swapped), conv2d(input, weight, options));
      }),
    );
  });

  it('swapping height and width commutes with convTranspose2d, for random rectangular configurations', () => {
    fc.assert(
      fc.property(convTranspose2dCaseArb(), ({ input, weight, options }) => {
        const swapped = convTranspose2d(swapHW(input), swapHW(weight), {
          ...options,
          stride: swapPair(options.stride),
          padding: swapPair(options.padding),
          outputPadding: swapPair(options.outputPadding),
          dilation: swapPair(options.dilation),
        });
        expectTensorClose(swapHW(swapped), convTranspose2d(input, weight, options));
      }),
    );
  });

  it('swapping height and width commutes with max and average pooling, for random rectangular configurations', () => {
    fc.assert(
      fc.property(
        maxPoolCaseArb().filter(({ options, h, w }) => {
          const ceil = options.ceilMode ?? false;
          return everyWindowHasARealCell(h, pytorchPoolOutput(h, ceil)) && everyWindowHasARealCell(w, pytorchPoolOutput(w, ceil));
        }),
        avgPoolCaseArb(),
        (max, avg) => {
          const swapMax = { ...max.options, kernelSize: swapPair(max.options.kernelSize) ?? 1, stride: swapPair(max.options.stride), padding: swapPair(max.options.padding), dilation: swapPair(max.options.dilation) };
          expectTensorClose(swapHW(maxPool2d(swapHW(max.input), swapMax)), maxPool2d(max.input, max.options));
          const swapAvg = { ...avg.options, kernelSize: swapPair(avg.options.kernelSize) ?? 1, stride: swapPair(avg.options.stride), padding: swapPair(avg.options.padding) };
          expectTensorClose(swapHW(avgPool2d(swapHW(avg.input), swapAvg)), avgPool2d(avg.input, avg.options));
        },
      ),
    );
  });
});
