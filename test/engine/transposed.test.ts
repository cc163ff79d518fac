// Transposed convolution three independent ways (scatter, zero-insertion + direct convolution, the matrix Cᵀ), and the curriculum's numbers.
import fc from 'fast-check';
import {
  conv2d,
  convTranspose2d,
  convTranspose2dDirectTrace,
  convTranspose2dScatterTrace,
  insertZeros,
  multiply,
  multiplyTransposed,
  planConvTranspose2d,
  tensor,
  transposedConvMatrix,
  zeroInsertedPadding,
  type Tensor,
} from '../../src/engine/index.ts';
import { expectArrayClose, expectTensorClose } from '../helpers/tensorClose.ts';
import { convTranspose2dCaseArb, tensorArb } from '../helpers/engineArbitraries.ts';

/** Channel c of a [C, H, W] tensor as a flat array. */
function plane(t: Tensor, c: number): Float32Array {
  const size = (t.shape[1] as number) * (t.shape[2] as number);
  return t.data.slice(c * size, (c + 1) * size);
}

describe('transposed convolution: independent forms agree', () => {
  it('scatter op = last frame of the scatter trace = last frame of the zero-insertion direct trace, for random configurations', () => {
    fc.assert(
      fc.property(convTranspose2dCaseArb(), ({ input, weight, options }) => {
        const op = convTranspose2d(input, weight, options);
        const scatter = convTranspose2dScatterTrace(input, weight, options);
        const direct = convTranspose2dDirectTrace(input, weight, options);
        expectTensorClose(scatter.frame(scatter.length - 1).output, op);
        expectTensorClose(direct.frame(direct.length - 1).output, op);
        expect(scatter.length).toBe(input.data.length);
        expect(direct.length).toBe(op.data.length);
      }),
    );
  });

  it('Cᵀ·y from transposedConvMatrix, summed over the input channels of each group, equals convTranspose2d', () => {
    fc.assert(
      fc.property(convTranspose2dCaseArb({ bias: false }), ({ input, weight, options }) => {
        const plan = planConvTranspose2d(input.shape, weight.shape, options);
        const op = convTranspose2d(input, weight, options);
        for (let co = 0; co < plan.outChannels; co++) {
          const group = Math.floor(co / plan.outPerGroup);
          const go = co % plan.outPerGroup;
          const sum = new Float32Array(plan.height.output * plan.width.output);
          for (let gi = 0; gi < plan.inPerGroup; gi++) {
            const ci = group * plan.inPerGroup + gi;
            const matrix = transposedConvMatrix(plan, weight, ci, go);
            expect(matrix.shape).toEqual([plan.height.input * plan.width.input, plan.height.output * plan.width.output]);
            multiplyTransposed(matrix, plane(input, ci)).forEach((v, j) => { sum[j] = (sum[j] as number) + v; });
          }
          expectArrayClose(sum, plane(op, co));
        }
      }),
    );
  });

  it('Cᵀ·y equals convTranspose2d for one input and one output channel', () => {
    fc.assert(
      fc.property(convTranspose2dCaseArb({ bias: false, channels: false }), ({ input, weight, options }) => {
        const plan = planConvTranspose2d(input.shape, weight.shape, options);
        const matrix = transposedConvMatrix(plan, weight);
        expectArrayClose(multiplyTransposed(matrix, input.data), convTranspose2d(input, weight, options).data);
      }),
    );
  });

  it('C·x from transposedConvMatrix equals conv2d(x) with the same kernel, stride, padding and dilation when outputPadding < stride', () => {
    fc.assert(
      fc.property(
        convTranspose2dCaseArb({ bias: false, outputPaddingBelowStride: true }).chain((c) => {
          const plan = planConvTranspose2d(c.input.shape, c.weight.shape, c.options);
          return tensorArb(plan.outputShape).map((x) => ({ ...c, plan, x }));
        }),
        ({ weight, options, plan, x }) => {
          // The transposed conv's weight [C_in, C_out/g, kH, kW] is, read as a conv2d weight, [C_out', C_in'/g, kH, kW].
          const forward = conv2d(x, weight, { stride: options.stride, padding: options.padding, dilation: options.dilation, groups: options.groups });
          expect(forward.shape).toEqual([plan.inChannels, plan.height.input, plan.width.input]);
          for (let ci = 0; ci < plan.inChannels; ci++) {
            const group = Math.floor(ci / plan.inPerGroup);
            const sum = new Float32Array(plan.height.input * plan.width.input);
            for (let go = 0; go < plan.outPerGroup; go++) {
              const matrix = transposedConvMatrix(plan, weight, ci, go);
              multiply(matrix, plane(x, group * plan.outPerGroup + go)).forEach((v, i) => { sum[i] = (sum[i] as number) + v; });
            }
            expectArrayClose(sum, plane(forward, ci));
          }
        },
      ),
    );
  });

  it('the zero-inserted input has s − 1 zeros between cells: 2×2 at s=(2,3) → 3×4', () => {
    const zeroInserted = insertZeros(tensor([1, 2, 3, 4], [1, 2, 2]), [2, 3]);
    expect(zeroInserted.shape).toEqual([1, 3, 4]);
    expect(Array.from(zeroInserted.data)).toEqual([1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 4]);
  });

  it("the direct view pads the zero-inserted input by p' = k − 1 − p on each side (plus outputPadding after)", () => {
    const trace = convTranspose2dDirectTrace(tensor([1, 2, 3, 4], [1, 2, 2]), tensor(new Array(12).fill(1), [1, 1, 3, 4]), {
      stride: 2,
      padding: [1, 0],
      outputPadding: [1, 0],
    });
    const { height, width } = trace.plan.geometry;
    expect([height.padBefore, height.padAfter]).toEqual([zeroInsertedPadding(3, 1).value, zeroInsertedPadding(3, 1).value + 1]);
    expect([width.padBefore, width.padAfter]).toEqual([3, 3]);
    expect(trace.zeroInserted.shape).toEqual([1, 3, 3]);
  });

  it('every scatter contribution that lands inside the output is counted once in overlapCounts', () => {
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    const trace = convTranspose2dScatterTrace(input, tensor(new Array(9).fill(1), [1, 1, 3, 3]), { stride: 2 });
    // With an all-ones kernel and all-ones input the output is the overlap count itself.
    expectTensorClose(trace.overlapCounts, convTranspose2d(tensor([1, 1, 1, 1], [1, 2, 2]), tensor(new Array(9).fill(1), [1, 1, 3, 3]), { stride: 2 }));
    const inside = Array.from({ length: trace.length }, (_, n) => trace.frame(n).contributions.filter((c) => c.inside).length);
    expect(inside.reduce((a, b) => a + b, 0)).toBe(Array.from(trace.overlapCounts.data).reduce((a, b) => a + b, 0));
  });
});

describe('transposed convolution: the curriculum example', () => {
  const x = tensor(Array.from({ length: 25 }, (_, i) => i), [1, 5, 5]);
  const k = tensor(new Array(9).fill(1), [1, 1, 3, 3]);

  it('in=5×5 k=3 s=2 p=0 → 2×2 by conv2d', () => {
    const y = conv2d(x, k, { stride: 2 });
    expect(y.shape).toEqual([1, 2, 2]);
    // Window sums of 0..24 at the four corners of a stride-2 grid.
    expect(Array.from(y.data)).toEqual([54, 72, 144, 162]);
  });

  it('convTranspose2d maps 2×2 back to 5×5 with k=3 s=2 p=0, overlapping where windows shared cells', () => {
    const back = convTranspose2d(tensor([1, 2, 3, 4], [1, 2, 2]), k, { stride: 2 });
    expect(back.shape).toEqual([1, 5, 5]);
    // prettier-ignore
    expect(Array.from(back.data)).toEqual([
      1, 1, 3, 2, 2,
      1, 1, 3, 2, 2,
      4, 4, 10, 6, 6,
      3, 3, 7, 4, 4,
      3, 3, 7, 4, 4,
    ]);
  });

  it('convTranspose2d(conv2d(x)) has x’s shape but not x’s values: it is not an inverse', () => {
    const roundTrip = convTranspose2d(conv2d(x, k, { stride: 2 }), k, { stride: 2 });
    expect(roundTrip.shape).toEqual(x.shape);
    const differences = Array.from(roundTrip.data).filter((v, i) => Math.abs(v - (x.data[i] as number)) > 1e-3).length;
    expect(differences).toBeGreaterThan(0);
    // Even dividing by the overlap count does not recover x.
    const counts = convTranspose2dScatterTrace(conv2d(x, k, { stride: 2 }), k, { stride: 2 }).overlapCounts;
    const averaged = Array.from(roundTrip.data, (v, i) => v / (counts.data[i] as number));
    expect(averaged.some((v, i) => Math.abs(v - (x.data[i] as number)) > 1e-3)).toBe(true);
  });

  it('for s > 1 the size needs output padding: 6×6 at k=3 s=2 → 2×2 → 5×5, and outputPadding 1 gives 6×6 back', () => {
    const six = tensor(Array.from({ length: 36 }, (_, i) => i % 7), [1, 6, 6]);
    const small = conv2d(six, k, { stride: 2 });
    expect(small.shape).toEqual([1, 2, 2]);
    expect(convTranspose2d(small, k, { stride: 2 }).shape).toEqual([1, 5, 5]);
    expect(convTranspose2d(small, k, { stride: 2, outputPadding: 1 }).shape).toEqual([1, 6, 6]);
  });

  it('in=2×3 k=3×2 s=(2,3) p=(1,0) outputPadding=(1,2) → 4×10, the same by all three forms', () => {
    const input = tensor([1, -2, 3, 0.5, 2, -1], [1, 2, 3]);
    const weight = tensor([1, 2, 3, 4, 5, 6], [1, 1, 3, 2]);
    const options = { stride: [2, 3] as const, padding: [1, 0] as const, outputPadding: [1, 2] as const };
    const op = convTranspose2d(input, weight, options);
    // H: (2 − 1)·2 − 2·1 + 2 + 1 + 1 = 4; W: (3 − 1)·3 − 0 + 1 + 2 + 1 = 10.
    expect(op.shape).toEqual([1, 4, 10]);
    const plan = planConvTranspose2d(input.shape, weight.shape, options);
    expectArrayClose(multiplyTransposed(transposedConvMatrix(plan, weight), input.data), op.data);
    const direct = convTranspose2dDirectTrace(input, weight, options);
    expectTensorClose(direct.frame(direct.length - 1).output, op);
    const scatter = convTranspose2dScatterTrace(input, weight, options);
    expectTensorClose(scatter.frame(scatter.length - 1).output, op);
  });
});
