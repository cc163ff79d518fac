// Step traces against the one-shot ops: the last frame of every trace is the op's output, and frames say what the panels show.
import fc from 'fast-check';
import {
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dTrace,
  maxPool2d,
  maxPool2dBackward,
  planAvgPool2d,
  planMaxPool2d,
  pool2dBackwardTrace,
  pool2dTrace,
  tensor,
} from '../../src/engine/index.ts';
import { expectArrayClose, expectTensorClose } from '../helpers/tensorClose.ts';
import { avgPoolCaseArb, conv2dCaseArb, everyWindowHasARealCell, maxPoolCaseArb, tensorArb } from '../helpers/engineArbitraries.ts';

const X = tensor([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 3]);
const K = tensor([0, 1, 2, 3], [1, 1, 2, 2]);

describe('conv2dTrace against conv2d', () => {
  it('the last frame equals conv2d for random configurations (padding modes, same/valid, groups, flip, bias, dilation, stride, rectangular)', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const op = conv2d(input, weight, options);
        const trace = conv2dTrace(input, weight, options);
        expect(trace.length).toBe(op.data.length);
        expectTensorClose(trace.frame(trace.length - 1).output, op);
      }),
    );
  });

  it('frame n writes the op’s value into cell n and leaves the later cells empty', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const op = conv2d(input, weight, options);
        const trace = conv2dTrace(input, weight, options);
        for (let n = 0; n < trace.length; n++) {
          const frame = trace.frame(n);
          expect(frame.step).toBe(n);
          expect(frame.filled).toBe(n + 1);
          expect(frame.value).toBeCloseTo(op.data[n] as number, 4);
          const [, h, w] = op.shape as [number, number, number];
          expect(frame.outChannel * h * w + frame.outY * w + frame.outX).toBe(n);
          expectArrayClose(frame.output.data.subarray(0, n + 1), op.data.subarray(0, n + 1));
          expect(Array.from(frame.output.data.subarray(n + 1)).every((v) => v === 0)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the running sum of the last tap plus the bias is the frame’s value', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), fc.nat(), ({ input, weight, options }, pick) => {
        const trace = conv2dTrace(input, weight, options);
        const frame = trace.frame(pick % trace.length);
        const last = frame.taps[frame.taps.length - 1];
        expect(last).toBeDefined();
        expect((last?.runningSum ?? Number.NaN) + frame.bias).toBeCloseTo(frame.value, 4);
        let sum = 0;
        for (const tap of frame.taps) {
          expect(tap.product).toBe(tap.inputValue * tap.weightValue);
          sum += tap.product;
          expect(tap.runningSum).toBeCloseTo(sum, 6);
        }
        // One tap per kernel cell per input channel of the group.
        const [, inPerGroup, kH, kW] = weight.shape as [number, number, number, number];
        expect(frame.taps.length).toBe(inPerGroup * kH * kW);
      }),
    );
  });
});

describe('conv2dTrace frame contents: the Basics example X = [[0,1,2],[3,4,5],[6,7,8]], K = [[0,1],[2,3]]', () => {
  const trace = conv2dTrace(X, K);

  it('has 4 frames, one per output cell', () => {
    expect(trace.length).toBe(4);
  });

  it('frame 0 reads 0, 1, 3, 4 against 0, 1, 2, 3: products 0, 1, 6, 12, running sums 0, 1, 7, 19, value 19', () => {
    const frame = trace.frame(0);
    expect(frame.taps.map((t) => t.inputValue)).toEqual([0, 1, 3, 4]);
    expect(frame.taps.map((t) => t.weightValue)).toEqual([0, 1, 2, 3]);
    expect(frame.taps.map((t) => t.product)).toEqual([0, 1, 6, 12]);
    expect(frame.taps.map((t) => t.runningSum)).toEqual([0, 1, 7, 19]);
    expect(frame.taps.map((t) => [t.y, t.x])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(frame.taps.every((t) => !t.inPadding)).toBe(true);
    expect(frame.value).toBe(19);
    expect(frame.bias).toBe(0);
    expect(Array.from(frame.output.data)).toEqual([19, 0, 0, 0]);
  });

  it('frames 1, 2, 3 give 25, 37, 43', () => {
    expect([1, 2, 3].map((n) => trace.frame(n).value)).toEqual([25, 37, 43]);
    expect(Array.from(trace.frame(3).output.data)).toEqual([19, 25, 37, 43]);
    expect([1, 2, 3].map((n) => [trace.frame(n).outY, trace.frame(n).outX])).toEqual([[0, 1], [1, 0], [1, 1]]);
  });

  it('with flip the kernel is read rotated 180°: 5, 11, 23, 29, and frame 0 multiplies by weights 3, 2, 1, 0', () => {
    const flipped = conv2dTrace(X, K, { flip: true });
    expect(Array.from(flipped.frame(3).output.data)).toEqual([5, 11, 23, 29]);
    const frame = flipped.frame(0);
    expect(frame.taps.map((t) => t.weightValue)).toEqual([3, 2, 1, 0]);
    expect(frame.taps.map((t) => [t.weightY, t.weightX])).toEqual([[1, 1], [1, 0], [0, 1], [0, 0]]);
    expect(frame.taps.map((t) => [t.kernelY, t.kernelX])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });

  it('a bias of 10 is added after the taps: value 29, running sum still 19', () => {
    const frame = conv2dTrace(X, K, { bias: [10] }).frame(0);
    expect(frame.taps[3]?.runningSum).toBe(19);
    expect(frame.bias).toBe(10);
    expect(frame.value).toBe(29);
  });

  it('frame(n) clamps out-of-range n: −5 and NaN → frame 0, 999 → frame 3, 2.7 → frame 2', () => {
    expect(trace.frame(-5).step).toBe(0);
    expect(trace.frame(-5).value).toBe(19);
    expect(trace.frame(Number.NaN).step).toBe(0);
    expect(trace.frame(999).step).toBe(3);
    expect(trace.frame(999).value).toBe(43);
    expect(trace.frame(2.7).step).toBe(2);
  });

  it('frame(n) clamps ±∞ like any out-of-range n: +∞ → the last frame, −∞ → frame 0', () => {
    expect(trace.frame(Number.NEGATIVE_INFINITY).step).toBe(0);
    expect(trace.frame(Number.POSITIVE_INFINITY).step).toBe(3);
  });
});

describe('conv2dTrace padding taps', () => {
  const ones = tensor(new Array(9).fill(1), [1, 1, 3, 3]);

  it('zeros padding: taps outside the input are flagged inPadding, read 0 and have no source cell', () => {
    const frame = conv2dTrace(X, ones, { padding: 1 }).frame(0);
    const corner = frame.taps[0];
    expect(corner).toMatchObject({ y: -1, x: -1, inPadding: true, sourceY: -1, sourceX: -1, inputValue: 0 });
    expect(frame.taps.filter((t) => t.inPadding)).toHaveLength(5);
    expect(frame.taps[4]).toMatchObject({ y: 0, x: 0, inPadding: false, sourceY: 0, sourceX: 0, inputValue: 0 });
    expect(frame.value).toBe(0 + 1 + 3 + 4);
  });

  it.each([
    // Output (0,0), tap (0,0) sits at (−1, −1).
    ['reflect', [1, 1], 4],
    ['replicate', [0, 0], 0],
    ['circular', [2, 2], 8],
  ] as const)('%s padding: the corner tap at (−1, −1) is inPadding and copies cell %j (value %d)', (paddingMode, [sy, sx], value) => {
    const frame = conv2dTrace(X, ones, { padding: 1, paddingMode }).frame(0);
    expect(frame.taps[0]).toMatchObject({ y: -1, x: -1, inPadding: true, sourceY: sy, sourceX: sx, inputValue: value });
    // The value is what conv2d computes.
    expect(frame.value).toBeCloseTo(conv2d(X, ones, { padding: 1, paddingMode }).data[0] as number, 5);
  });

  it.each([
    // Bottom-right window of a 3×3 input padded by 1: its bottom taps sit at y = 3 with x = 1, 2, 3.
    ['reflect', [[1, 1, 4], [1, 2, 5], [1, 1, 4]]],
    ['replicate', [[2, 1, 7], [2, 2, 8], [2, 2, 8]]],
    ['circular', [[0, 1, 1], [0, 2, 2], [0, 0, 0]]],
  ] as const)('%s padding: the bottom taps of the last window copy (sourceY, sourceX, value) %j', (paddingMode, expected) => {
    const trace = conv2dTrace(X, ones, { padding: 1, paddingMode });
    const frame = trace.frame(trace.length - 1);
    const bottom = frame.taps.slice(6);
    expect(bottom.map((t) => [t.y, t.x, t.inPadding])).toEqual([[3, 1, true], [3, 2, true], [3, 3, true]]);
    expect(bottom.map((t) => [t.sourceY, t.sourceX, t.inputValue])).toEqual(expected);
  });
});

describe('pool2dTrace against maxPool2d and avgPool2d', () => {
  it('max: the last frame equals maxPool2d for random configurations (ceilMode, padding, dilation, rectangular)', () => {
    fc.assert(
      fc.property(
        maxPoolCaseArb().filter(({ input, options, h, w }) => {
          const { geometry } = planMaxPool2d(input.shape, options);
          // Windows with no real cell make maxPool2d throw; that case is tested on its own below.
          return everyWindowHasARealCell(h, geometry.height.output) && everyWindowHasARealCell(w, geometry.width.output);
        }),
        ({ input, options }) => {
          const op = maxPool2d(input, options);
          const trace = pool2dTrace('max', input, options);
          expect(trace.length).toBe(op.data.length);
          expectTensorClose(trace.frame(trace.length - 1).output, op);
          for (let n = 0; n < trace.length; n++) {
            const frame = trace.frame(n);
            const best = frame.taps[frame.argmaxTap];
            expect(best?.value).toBe(op.data[n]);
            // The argmax is the first maximal real cell in row-major window order.
            const firstMax = frame.taps.findIndex((t) => t.value === op.data[n]);
            expect(frame.argmaxTap).toBe(firstMax);
          }
        },
      ),
    );
  });

  it('avg: the last frame equals avgPool2d for random configurations (ceilMode, countIncludePad, padding, rectangular)', () => {
    fc.assert(
      fc.property(avgPoolCaseArb(), ({ input, options }) => {
        const op = avgPool2d(input, options);
        const trace = pool2dTrace('avg', input, options);
        expect(trace.length).toBe(op.data.length);
        expectTensorClose(trace.frame(trace.length - 1).output, op);
        for (let n = 0; n < trace.length; n++) {
          const frame = trace.frame(n);
          expect(frame.argmaxTap).toBe(-1);
          expect(frame.sum / frame.divisor).toBeCloseTo(op.data[n] as number, 5);
        }
      }),
    );
  });

  it('a max window entirely in the padding (in=2×2 k=2 p=1 d=3): pool2dTrace throws like maxPool2d instead of showing a value', () => {
    // Along each axis the only window reads coordinates −1 and 2, both padding for an input of size 2.
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    const options = { kernelSize: 2, padding: 1, dilation: 3 };
    expect(() => maxPool2d(input, options)).toThrow(/window \(0, 0\) lies entirely in the padding/);
    // Building the trace or reading its frame must say why, not show the window as 0.
    expect(() => pool2dTrace('max', input, options).frame(0)).toThrow(/window \(0, 0\) lies entirely in the padding/);
  });

  it('a max window entirely in the padding (in=2×2 k=2 p=1 d=3): pool2dBackwardTrace throws like maxPool2dBackward', () => {
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    const options = { kernelSize: 2, padding: 1, dilation: 3 };
    const gradOutput = tensor([1], [1, 1, 1]);
    expect(() => maxPool2dBackward(gradOutput, input, options)).toThrow(/window \(0, 0\) lies entirely in the padding/);
    // Building the trace or reading its frame must say why (not fail with a TypeError on a missing argmax).
    expect(() => pool2dBackwardTrace('max', gradOutput, input, options).frame(0)).toThrow(/window \(0, 0\) lies entirely in the padding/);
  });

  it('4×4 with 2×2 windows, stride 2: max frames pick 6, 8, 14, 16 and average frames divide by 4', () => {
    const input = tensor(Array.from({ length: 16 }, (_, i) => i + 1), [1, 4, 4]);
    const max = pool2dTrace('max', input, { kernelSize: 2 });
    expect(Array.from(max.frame(3).output.data)).toEqual([6, 8, 14, 16]);
    expect(max.frame(0).taps.map((t) => t.value)).toEqual([1, 2, 5, 6]);
    expect(max.frame(0).argmaxTap).toBe(3);
    const avg = pool2dTrace('avg', input, { kernelSize: 2 });
    expect(avg.frame(0)).toMatchObject({ sum: 14, divisor: 4, value: 3.5 });
    expect(Array.from(avg.frame(3).output.data)).toEqual([3.5, 5.5, 11.5, 13.5]);
  });

  it('padding cells have no value in a pooling frame and ties go to the first maximal cell', () => {
    const input = tensor([5, 5, 5, 5], [1, 2, 2]);
    const frame = pool2dTrace('max', input, { kernelSize: 2, stride: 1, padding: 1 }).frame(4);
    // Output (1,1) reads (0,0), (0,1), (1,0), (1,1): all 5, so the first wins.
    expect(frame.taps.map((t) => t.value)).toEqual([5, 5, 5, 5]);
    expect(frame.argmaxTap).toBe(0);
    const corner = pool2dTrace('max', input, { kernelSize: 2, stride: 1, padding: 1 }).frame(0);
    expect(corner.taps.map((t) => t.value)).toEqual([null, null, null, 5]);
    expect(corner.taps.map((t) => t.inPadding)).toEqual([true, true, true, false]);
    expect(corner.argmaxTap).toBe(3);
  });
});

describe('pool2dBackwardTrace against maxPool2dBackward and avgPool2dBackward', () => {
  it('max: the last frame’s gradInput equals maxPool2dBackward for random configurations', () => {
    fc.assert(
      fc.property(
        maxPoolCaseArb()
          .filter(({ input, options, h, w }) => {
            const { geometry } = planMaxPool2d(input.shape, options);
            return everyWindowHasARealCell(h, geometry.height.output) && everyWindowHasARealCell(w, geometry.width.output);
          })
          .chain((c) => tensorArb(planMaxPool2d(c.input.shape, c.options).outputShape).map((gradOutput) => ({ ...c, gradOutput }))),
        ({ input, options, gradOutput }) => {
          const op = maxPool2dBackward(gradOutput, input, options);
          const trace = pool2dBackwardTrace('max', gradOutput, input, options);
          expectTensorClose(trace.frame(trace.length - 1).gradInput, op);
          for (let n = 0; n < trace.length; n++) {
            const frame = trace.frame(n);
            expect(frame.routes).toHaveLength(1);
            expect(frame.routes[0]?.amount).toBe(gradOutput.data[n]);
          }
        },
      ),
    );
  });

  it('avg: the last frame’s gradInput equals avgPool2dBackward for random configurations', () => {
    fc.assert(
      fc.property(
        avgPoolCaseArb().chain((c) => tensorArb(planAvgPool2d(c.input.shape, c.options).outputShape).map((gradOutput) => ({ ...c, gradOutput }))),
        ({ input, options, gradOutput }) => {
          const op = avgPool2dBackward(gradOutput, input, options);
          const trace = pool2dBackwardTrace('avg', gradOutput, input, options);
          expectTensorClose(trace.frame(trace.length - 1).gradInput, op);
          for (let n = 0; n < trace.length; n++) {
            const frame = trace.frame(n);
            for (const route of frame.routes) expect(route.amount).toBeCloseTo(frame.gradient / frame.divisor, 6);
          }
        },
      ),
    );
  });

  it('overlapping max windows add their gradients into the shared argmax cell', () => {
    // 1×3 input [1, 9, 1], windows of 2 at stride 1: both windows pick the 9.
    const input = tensor([1, 9, 1], [1, 1, 3]);
    const options = { kernelSize: [1, 2] as const, stride: 1 };
    const gradOutput = tensor([2, 3], [1, 1, 2]);
    const trace = pool2dBackwardTrace('max', gradOutput, input, options);
    expect(Array.from(trace.frame(0).gradInput.data)).toEqual([0, 2, 0]);
    expect(Array.from(trace.frame(1).gradInput.data)).toEqual([0, 5, 0]);
    expect(Array.from(maxPool2dBackward(gradOutput, input, options).data)).toEqual([0, 5, 0]);
  });

  it('average pooling spreads each gradient evenly: 4 over a 2×2 window gives 1 to each cell', () => {
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    const trace = pool2dBackwardTrace('avg', tensor([4], [1, 1, 1]), input, { kernelSize: 2 });
    expect(trace.frame(0).routes.map((r) => [r.y, r.x, r.amount])).toEqual([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]);
    expect(trace.frame(0).divisor).toBe(4);
  });

  it('backward frame(n) clamps out-of-range n like every trace', () => {
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    const trace = pool2dBackwardTrace('max', tensor([1, 1, 1, 1], [1, 2, 2]), input, { kernelSize: 1 });
    expect(trace.frame(-5).step).toBe(0);
    expect(trace.frame(999).step).toBe(3);
    expect(trace.frame(Number.NaN).step).toBe(0);
  });
});
