// conv3d and its step trace: sizes per axis, agreement with conv2d in the two special cases, the trace against the op, errors.
import fc from 'fast-check';
import { conv2d, conv3d, conv3dParameters, conv3dTrace, planConv3d, sizeOf, tensor, type Conv3dOptions } from '../../src/engine/index.ts';
import { expectArrayClose, expectTensorClose } from '../helpers/tensorClose.ts';
import { int, tensorArb } from '../helpers/engineArbitraries.ts';

interface Conv3dCase {
  input: ReturnType<typeof tensor>;
  weight: ReturnType<typeof tensor>;
  options: Conv3dOptions;
}

/** Small valid conv3d configurations: 1–2 channels each way, per-axis kernel, stride, padding and dilation. */
function conv3dCaseArb(): fc.Arbitrary<Conv3dCase> {
  const axis = fc
    .record({ input: int(1, 5), kernel: int(1, 3), stride: int(1, 2), padding: int(0, 1), dilation: int(1, 2) })
    .filter((a) => a.dilation * (a.kernel - 1) + 1 <= a.input + 2 * a.padding);
  return fc.record({ axes: fc.tuple(axis, axis, axis), cin: int(1, 2), cout: int(1, 2), bias: fc.boolean() }).chain(({ axes, cin, cout, bias }) =>
    fc
      .tuple(
        tensorArb([cin, ...axes.map((a) => a.input)]),
        tensorArb([cout, cin, ...axes.map((a) => a.kernel)]),
        fc.array(int(-4, 4), { minLength: cout, maxLength: cout }),
      )
      .map(([input, weight, b]) => ({
        input,
        weight,
        options: {
          stride: axes.map((a) => a.stride) as [number, number, number],
          padding: axes.map((a) => a.padding) as [number, number, number],
          dilation: axes.map((a) => a.dilation) as [number, number, number],
          ...(bias ? { bias: b } : {}),
        },
      })),
  );
}

describe('conv3d', () => {
  it('a 4×5×5 volume with a 3×3×3 kernel gives a 2×3×3 output; each value sums 27 voxels', () => {
    const volume = tensor(
      Array.from({ length: 100 }, (_, i) => i),
      [1, 4, 5, 5],
    );
    const out = conv3d(volume, tensor(new Array<number>(27).fill(1), [1, 1, 3, 3, 3]));
    expect(out.shape).toEqual([1, 2, 3, 3]);
    // Voxel (0, 0, 0) sums depths 0–2, rows 0–2, columns 0–2 of 0…99 numbered (z·25 + y·5 + x).
    let expected = 0;
    for (let z = 0; z < 3; z++) for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) expected += z * 25 + y * 5 + x;
    expect(out.data[0]).toBe(expected);
  });

  it('every axis has its own size: in 5×6×7, k (3,2,1), s (2,1,3), p (1,0,0), d (1,2,1) → 3×4×3', () => {
    const plan = planConv3d([1, 5, 6, 7], [1, 1, 3, 2, 1], { stride: [2, 1, 3], padding: [1, 0, 0], dilation: [1, 2, 1] });
    expect(plan.axes.map((a) => a.output)).toEqual([3, 4, 3]);
    expect(plan.axes.map((a) => a.axis)).toEqual(['depth', 'height', 'width']);
    expect(plan.axes[1].effectiveKernel).toBe(3);
    expect(plan.outputShape).toEqual([1, 3, 4, 3]);
  });

  it('a kernel of depth 1 convolves every depth slice on its own: each output slice is that slice’s conv2d', () => {
    fc.assert(
      fc.property(int(1, 4), int(2, 5), int(2, 5), int(1, 2), (depth, h, w, k) => {
        const values = Array.from({ length: depth * h * w }, (_, i) => ((i * 7 + 3) % 11) - 5);
        const kernel = Array.from({ length: k * k }, (_, i) => (i % 3) - 1);
        const out = conv3d(tensor(values, [1, depth, h, w]), tensor(kernel, [1, 1, 1, k, k]));
        expect(out.shape).toEqual([1, depth, h - k + 1, w - k + 1]);
        for (let z = 0; z < depth; z++) {
          const slice = conv2d(tensor(values.slice(z * h * w, (z + 1) * h * w), [1, h, w]), tensor(kernel, [1, 1, k, k]));
          const plane = slice.data.length;
          expectArrayClose(out.data.slice(z * plane, (z + 1) * plane), slice.data);
        }
      }),
    );
  });

  it('a kernel as deep as the volume does not slide in depth: it is conv2d with the depth as input channels (notes 000)', () => {
    fc.assert(
      fc.property(tensorArb([1, 3, 4, 5]), tensorArb([2, 1, 3, 2, 3]), (volume, weight) => {
        const out = conv3d(volume, weight, { padding: [0, 1, 0] });
        const asChannels = conv2d(tensor(volume.data, [3, 4, 5]), tensor(weight.data, [2, 3, 2, 3]), { padding: [1, 0] });
        expect(out.shape).toEqual([2, 1, 5, 3]);
        expectArrayClose(out.data, asChannels.data);
      }),
    );
  });

  it('bias adds one value per output channel', () => {
    const volume = tensor(new Array<number>(8).fill(1), [1, 2, 2, 2]);
    const out = conv3d(volume, tensor(new Array<number>(16).fill(1), [2, 1, 2, 2, 2]), { bias: [0.5, -2] });
    expect(Array.from(out.data)).toEqual([8.5, 6]);
  });

  it.each([
    ['a 3-D input', () => conv3d(tensor([1], [1, 1, 1]), tensor([1], [1, 1, 1, 1, 1])), /input must be 4-D \[C, D, H, W\]/],
    ['a 4-D weight', () => conv3d(tensor([1], [1, 1, 1, 1]), tensor([1], [1, 1, 1, 1])), /weight must be 5-D/],
    [
      'channels that disagree',
      () => conv3d(tensor([1, 1], [2, 1, 1, 1]), tensor([1], [1, 1, 1, 1, 1])),
      /weight expects 1 input channels but input has 2/,
    ],
    [
      'a kernel deeper than the padded volume',
      () => conv3d(tensor([1, 1], [1, 2, 1, 1]), tensor([1, 1, 1], [1, 1, 3, 1, 1])),
      /larger than the padded input 2 along the depth/,
    ],
    ['a zero stride', () => conv3d(tensor([1], [1, 1, 1, 1]), tensor([1], [1, 1, 1, 1, 1]), { stride: [1, 0, 1] }), /stride must be at least 1/],
    [
      'a stride pair instead of a triple',
      () => conv3d(tensor([1], [1, 1, 1, 1]), tensor([1], [1, 1, 1, 1, 1]), { stride: [1, 1] as never }),
      /triple/,
    ],
    ['negative padding', () => conv3d(tensor([1], [1, 1, 1, 1]), tensor([1], [1, 1, 1, 1, 1]), { padding: -1 }), /padding must be at least 0/],
    [
      'a bias of the wrong length',
      () => conv3d(tensor([1], [1, 1, 1, 1]), tensor([1], [1, 1, 1, 1, 1]), { bias: [1, 2] }),
      /bias must have one value per output channel/,
    ],
  ])('%s is an error that names the argument', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('conv3dTrace against conv3d', () => {
  it('the last frame equals conv3d, and each frame is its slices’ sums plus the bias, for random configurations', () => {
    fc.assert(
      fc.property(conv3dCaseArb(), ({ input, weight, options }) => {
        const op = conv3d(input, weight, options);
        const trace = conv3dTrace(input, weight, options);
        expect(trace.length).toBe(sizeOf(op.shape));
        expectTensorClose(trace.frame(trace.length - 1).output, op);
        for (let n = 0; n < trace.length; n++) {
          const frame = trace.frame(n);
          expect(frame.value).toBeCloseTo(op.data[n] as number, 4);
          expect(frame.sliceSums.reduce((a, b) => a + b, 0) + frame.bias).toBeCloseTo(frame.value, 4);
          expect(frame.taps).toHaveLength(sizeOf(weight.shape.slice(1)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('frame n is output voxel n in (depth, row, column) order; its kernel slices lie on input depths o·s − p + k·d', () => {
    const volume = tensor(
      Array.from({ length: 4 * 3 * 3 }, (_, i) => i),
      [1, 4, 3, 3],
    );
    const trace = conv3dTrace(volume, tensor(new Array<number>(12).fill(1), [1, 1, 3, 2, 2]), { stride: [2, 1, 1], padding: [1, 0, 0] });
    expect(trace.plan.outputShape).toEqual([1, 2, 2, 2]);
    const frame = trace.frame(5); // depth 1, row 0, column 1
    expect([frame.outZ, frame.outY, frame.outX]).toEqual([1, 0, 1]);
    expect(frame.sliceDepths).toEqual([1, 2, 3]);
    const first = trace.frame(0);
    expect(first.sliceDepths).toEqual([-1, 0, 1]);
    expect(first.sliceSums[0]).toBe(0); // the padding slice adds nothing
    expect(first.taps.filter((tap) => tap.inPadding)).toHaveLength(4);
    expect(trace.frame(-3).step).toBe(0);
    expect(trace.frame(999).step).toBe(7);
  });
});

describe('conv3dParameters', () => {
  it('3×3×3 kernel, 1 → 1 channel, with bias: 3×3×3×1×1 + 1 = 28', () => {
    expect(conv3dParameters([3, 3, 3], 1, 1)).toEqual({ value: 28, tex: '3\\times 3\\times 3\\times 1\\times 1 + 1 = 28' });
  });

  it('MRI with two input channels (T1, T2) and 16 filters, 3×3×3, no bias: 864', () => {
    expect(conv3dParameters([3, 3, 3], 2, 16, false).value).toBe(864);
  });

  it('counts as many weights as conv3d’s weight tensor holds', () => {
    fc.assert(
      fc.property(int(1, 5), int(1, 5), int(1, 5), int(1, 8), int(1, 8), fc.boolean(), (kd, kh, kw, cin, cout, bias) => {
        expect(conv3dParameters([kd, kh, kw], cin, cout, bias).value).toBe(sizeOf([cout, cin, kd, kh, kw]) + (bias ? cout : 0));
      }),
    );
  });
});
