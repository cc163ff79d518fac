// Bad arguments throw an Error naming the argument and the reason; valid calls never return NaN.
import fc from 'fast-check';
import {
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
  avgPool2d,
  avgPool2dBackward,
  conv2d,
  conv2dTrace,
  convCost,
  convTranspose2d,
  convTranspose2dDirectTrace,
  convTranspose2dScatterTrace,
  maxPool2d,
  maxPool2dBackward,
  planAvgPool2d,
  planMaxPool2d,
  receptiveField,
  tensor,
  type Tensor,
} from '../../src/engine/index.ts';
import {
  avgPoolCaseArb,
  conv2dCaseArb,
  convTranspose2dCaseArb,
  everyWindowHasARealCell,
  int,
  maxPoolCaseArb,
  pytorchPoolOutput,
  tensorArb,
} from '../helpers/engineArbitraries.ts';

const fill = (shape: number[], value = 1): Tensor => tensor(new Array(shape.reduce((a, b) => a * b, 1)).fill(value), shape);
const x5 = fill([1, 5, 5]);
const w3 = fill([1, 1, 3, 3]);

describe('wrong rank', () => {
  it('conv2d with a 2-D input names the input and the [C, H, W] layout', () => {
    expect(() => conv2d(fill([5, 5]), w3)).toThrow(/^conv2d: input must be 3-D \[C, H, W\], got shape \[5, 5\] \(2-D\)$/);
  });

  it('conv2d with a 4-D (batched) input names the input', () => {
    expect(() => conv2d(fill([1, 1, 5, 5]), w3)).toThrow(/conv2d: input must be 3-D .*\[1, 1, 5, 5\] \(4-D\)/);
  });

  it('conv2d with a 3-D weight names the weight and its 4-D layout', () => {
    expect(() => conv2d(x5, fill([1, 3, 3]))).toThrow(/conv2d: weight must be 4-D \[C_out, C_in\/groups, kH, kW\], got shape \[1, 3, 3\]/);
  });

  it('convTranspose2d with a 3-D weight names the transposed layout', () => {
    expect(() => convTranspose2d(x5, fill([1, 3, 3]))).toThrow(/convTranspose2d: weight must be 4-D \[C_in, C_out\/groups, kH, kW\]/);
  });

  it.each([
    ['maxPool2d', () => maxPool2d(fill([5, 5]), { kernelSize: 2 })],
    ['avgPool2d', () => avgPool2d(fill([5, 5]), { kernelSize: 2 })],
    ['adaptiveAvgPool2d', () => adaptiveAvgPool2d(fill([5, 5]), 2)],
    ['adaptiveMaxPool2d', () => adaptiveMaxPool2d(fill([5, 5]), 2)],
    ['convTranspose2d', () => convTranspose2d(fill([3, 3]), w3)],
    ['conv2dTrace', () => conv2dTrace(fill([3, 3]), w3)],
    ['convTranspose2dScatterTrace', () => convTranspose2dScatterTrace(fill([3, 3]), w3)],
    ['convTranspose2dDirectTrace', () => convTranspose2dDirectTrace(fill([3, 3]), w3)],
  ])('%s with a 2-D input names the input and says 3-D', (op, call) => {
    expect(call).toThrow(new RegExp(`^${op}: input must be 3-D`));
  });

  it('a plain object that was not made by tensor() is refused by name', () => {
    expect(() => conv2d({ shape: [1, 1, 1], data: [1] } as unknown as Tensor, w3)).toThrow(/conv2d: input must be a tensor made by tensor\(data, shape\)/);
  });
});

describe('kernel larger than the padded input', () => {
  it('in=7×7 k=7 d=2 p=1: conv2d: kernel 7 (dilated 13) is larger than the padded input 9 along the height', () => {
    expect(() => conv2d(fill([1, 7, 7]), fill([1, 1, 7, 7]), { padding: 1, dilation: 2 })).toThrow(
      'conv2d: kernel 7 (dilated 13) is larger than the padded input 9 along the height',
    );
  });

  it('in=4×5 k=1×6: the width is named when only the width is too small', () => {
    expect(() => conv2d(fill([1, 4, 5]), fill([1, 1, 1, 6]))).toThrow('conv2d: kernel 6 is larger than the padded input 5 along the width');
  });

  it('maxPool2d with kernel 6 on a 5×5 input names the kernel and the height', () => {
    expect(() => maxPool2d(x5, { kernelSize: 6 })).toThrow(/maxPool2d: kernel 6 is larger than the padded input 5 along the height/);
  });

  it('a weight with an empty kernel dimension is refused', () => {
    expect(() => conv2d(x5, tensor([], [1, 1, 0, 3]))).toThrow(/conv2d: weight shape \[1, 1, 0, 3\] has an empty dimension/);
  });
});

describe('groups and channels', () => {
  it('groups 2 on 3 input channels: groups must divide the input channels', () => {
    expect(() => conv2d(fill([3, 3, 3]), fill([2, 1, 3, 3]), { groups: 2 })).toThrow(/conv2d: groups 2 must divide the input channels 3/);
  });

  it('groups 2 with 3 output channels: groups must divide the output channels', () => {
    expect(() => conv2d(fill([2, 3, 3]), fill([3, 1, 3, 3]), { groups: 2 })).toThrow(/conv2d: groups 2 must divide the output channels 3/);
  });

  it('groups 0 and groups 1.5 are refused by name', () => {
    expect(() => conv2d(x5, w3, { groups: 0 })).toThrow(/conv2d: groups must be at least 1, got 0/);
    expect(() => conv2d(x5, w3, { groups: 1.5 })).toThrow(/conv2d: groups must be a whole number, got 1\.5/);
  });

  it('a weight made for 2 input channels on a 3-channel input names the weight and both counts', () => {
    expect(() => conv2d(fill([3, 3, 3]), fill([1, 2, 3, 3]))).toThrow(/conv2d: weight expects 2 input channels .* but input has 3/);
  });

  it('convTranspose2d: groups 2 on 3 input channels, and a weight for the wrong channel count', () => {
    expect(() => convTranspose2d(fill([3, 3, 3]), fill([3, 1, 3, 3]), { groups: 2 })).toThrow(/convTranspose2d: groups 2 must divide the input channels 3/);
    expect(() => convTranspose2d(fill([2, 3, 3]), w3)).toThrow(/convTranspose2d: weight's first dimension \(1\) must equal the input channels 2/);
  });
});

describe("padding 'same'", () => {
  it("'same' with stride 2 names the padding and the stride", () => {
    expect(() => conv2d(x5, w3, { padding: 'same', stride: 2 })).toThrow(/conv2d: padding 'same' needs stride 1, got stride 2/);
  });

  it("'same' with stride (1, 2) is refused too", () => {
    expect(() => conv2d(x5, w3, { padding: 'same', stride: [1, 2] })).toThrow(/conv2d: padding 'same' needs stride 1, got stride \[1, 2\]/);
  });

  it('an unknown padding string is refused with the accepted forms', () => {
    expect(() => conv2d(x5, w3, { padding: 'full' as unknown as 'same' })).toThrow(/conv2d: padding must be .*'valid' or 'same', got "full"/);
  });
});

describe('negative, zero and non-integer sizes', () => {
  it.each([
    ['padding −1', { padding: -1 }, /conv2d: padding must not be negative, got -1/],
    ['padding (0, −2)', { padding: [0, -2] as const }, /conv2d: padding must not be negative, got \[0, -2\]/],
    ['stride 0', { stride: 0 }, /conv2d: stride must be at least 1, got 0/],
    ['stride (1, −1)', { stride: [1, -1] as const }, /conv2d: stride must be at least 1, got \[1, -1\]/],
    ['dilation 0', { dilation: 0 }, /conv2d: dilation must be at least 1, got 0/],
    ['stride 1.5', { stride: 1.5 }, /conv2d: stride must be whole numbers, got 1\.5/],
    ['padding 0.5', { padding: 0.5 }, /conv2d: padding must be whole numbers, got 0\.5/],
    ['dilation NaN', { dilation: Number.NaN }, /conv2d: dilation must be whole numbers, got NaN/],
    ['stride [1, 2, 3]', { stride: [1, 2, 3] as unknown as number }, /conv2d: stride must be a number or a \[height, width\] pair, got \[1, 2, 3\]/],
  ])('conv2d with %s names it', (_name, options, message) => {
    expect(() => conv2d(x5, w3, options)).toThrow(message);
  });

  it('pooling kernelSize 0, stride 0, padding −1 and dilation 0 are refused by name', () => {
    expect(() => maxPool2d(x5, { kernelSize: 0 })).toThrow(/maxPool2d: kernelSize must be at least 1, got 0/);
    expect(() => avgPool2d(x5, { kernelSize: 0 })).toThrow(/avgPool2d: kernelSize must be at least 1, got 0/);
    expect(() => maxPool2d(x5, { kernelSize: 2, stride: 0 })).toThrow(/maxPool2d: stride must be at least 1, got 0/);
    expect(() => avgPool2d(x5, { kernelSize: 3, padding: -1 })).toThrow(/avgPool2d: padding must not be negative, got -1/);
    expect(() => maxPool2d(x5, { kernelSize: 2, dilation: 0 })).toThrow(/maxPool2d: dilation must be at least 1, got 0/);
    expect(() => maxPool2d(x5, { kernelSize: 2.5 })).toThrow(/maxPool2d: kernelSize must be whole numbers, got 2\.5/);
  });

  it('pooling without a kernelSize, average pooling with a dilation and a non-boolean ceilMode are refused', () => {
    expect(() => maxPool2d(x5, {} as unknown as { kernelSize: number })).toThrow(/maxPool2d: kernelSize is required/);
    expect(() => avgPool2d(x5, { kernelSize: 2, dilation: 2 } as unknown as { kernelSize: number })).toThrow(/avgPool2d: dilation is not an option of average pooling/);
    expect(() => maxPool2d(x5, { kernelSize: 2, ceilMode: 'yes' as unknown as boolean })).toThrow(/maxPool2d: ceilMode must be true or false, got yes/);
  });

  it('convTranspose2d with negative padding or stride 0 names it', () => {
    expect(() => convTranspose2d(x5, w3, { padding: -1 })).toThrow(/convTranspose2d: padding must not be negative, got -1/);
    expect(() => convTranspose2d(x5, w3, { stride: 0 })).toThrow(/convTranspose2d: stride must be at least 1, got 0/);
    expect(() => convTranspose2d(x5, w3, { outputPadding: -1 })).toThrow(/convTranspose2d: outputPadding must not be negative, got -1/);
  });

  it('convTranspose2d with padding so large the output is empty names the padding and shows the sum', () => {
    expect(() => convTranspose2d(fill([1, 3, 3]), w3, { padding: 3 })).toThrow(
      /convTranspose2d: padding 3 is too large along the height: the output size .* = -1 is not positive/,
    );
  });

  it('adaptive pooling with output size 0 names outputSize', () => {
    expect(() => adaptiveAvgPool2d(x5, [0, 2])).toThrow(/adaptiveAvgPool2d: outputSize must be at least 1, got \[0, 2\]/);
    expect(() => adaptiveMaxPool2d(x5, [2, -1])).toThrow(/adaptiveMaxPool2d: outputSize must be at least 1, got \[2, -1\]/);
  });

  it('receptiveField names the layer and the field: kernelSize 0, stride 0, padding −1, missing kernelSize', () => {
    expect(() => receptiveField([{ kernelSize: 3 }, { kernelSize: 0 }])).toThrow(/receptiveField: layers\[1\]\.kernelSize must be at least 1, got 0/);
    expect(() => receptiveField([{ kernelSize: 3, stride: 0 }])).toThrow(/receptiveField: layers\[0\]\.stride must be at least 1, got 0/);
    expect(() => receptiveField([{ kernelSize: 3, padding: -1 }])).toThrow(/receptiveField: layers\[0\]\.padding must be at least 0, got -1/);
    expect(() => receptiveField([{ kernelSize: 3, dilation: 1.5 }])).toThrow(/receptiveField: layers\[0\]\.dilation must be a whole number/);
    expect(() => receptiveField([{} as unknown as { kernelSize: number }])).toThrow(/receptiveField: layers\[0\]\.kernelSize is required/);
  });

  it('convCost with groups that do not divide the channels names groups', () => {
    expect(() => convCost({ inChannels: 3, outChannels: 4, kernelH: 3, kernelW: 3, outH: 1, outW: 1, groups: 2 })).toThrow(
      /convCost: groups 2 must divide the input channels 3/,
    );
    expect(() => convCost({ inChannels: 0, outChannels: 4, kernelH: 3, kernelW: 3, outH: 1, outW: 1 })).toThrow(/convCost: inChannels must be at least 1, got 0/);
  });
});

describe('bias', () => {
  it('a bias of length 2 for 1 output channel names the bias and both lengths', () => {
    expect(() => conv2d(x5, w3, { bias: [1, 2] })).toThrow(/conv2d: bias must have one value per output channel \(1\), got 2/);
    expect(() => convTranspose2d(x5, w3, { bias: [1, 2] })).toThrow(/convTranspose2d: bias must have one value per output channel \(1\), got 2/);
  });

  it('a NaN bias is refused', () => {
    expect(() => conv2d(x5, w3, { bias: [Number.NaN] })).toThrow(/conv2d: bias must be finite numbers/);
  });
});

describe('tensor()', () => {
  it('5 values for shape [2, 3] names both counts', () => {
    expect(() => tensor([1, 2, 3, 4, 5], [2, 3])).toThrow(/^tensor: data has 5 values but shape \[2, 3\] needs 6$/);
  });

  it('a shape with a negative or fractional size is refused', () => {
    expect(() => tensor([1, 2], [2, -1])).toThrow(/tensor: shape \[2, -1\] has a size that is not a non-negative integer \(-1\)/);
    expect(() => tensor([1, 2], [2.5])).toThrow(/tensor: shape \[2\.5\] has a size that is not a non-negative integer \(2\.5\)/);
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('a value of %s is refused with its index', (value, text) => {
    expect(() => tensor([1, value, 3], [3])).toThrow(`tensor: data[1] is not a finite number (${text})`);
  });

  it('a value too large for float32 becomes Infinity and is refused', () => {
    expect(() => tensor([1e39], [1])).toThrow(/tensor: data\[0\] is not a finite number/);
  });
});

describe('output padding', () => {
  it('outputPadding 2 with stride 2 and dilation 1 names the output padding, the stride and the dilation', () => {
    expect(() => convTranspose2d(x5, w3, { stride: 2, outputPadding: 2 })).toThrow(
      'convTranspose2d: outputPadding 2 must be smaller than the stride 2 or the dilation 1 along the height',
    );
  });

  it('outputPadding (0, 1) with stride 1 names the width', () => {
    expect(() => convTranspose2d(x5, w3, { outputPadding: [0, 1] })).toThrow(/outputPadding 1 must be smaller than the stride 1 or the dilation 1 along the width/);
  });

  it('outputPadding 2 is allowed with stride 1 when the dilation is 3 (PyTorch: smaller than either)', () => {
    expect(convTranspose2d(x5, w3, { outputPadding: 2, dilation: 3 }).shape).toEqual([1, 13, 13]);
  });

  it('the traces refuse the same outputPadding', () => {
    expect(() => convTranspose2dScatterTrace(x5, w3, { stride: 2, outputPadding: 2 })).toThrow(/outputPadding 2 must be smaller/);
    expect(() => convTranspose2dDirectTrace(x5, w3, { stride: 2, outputPadding: 2 })).toThrow(/outputPadding 2 must be smaller/);
  });
});

describe('pooling padding and gradients', () => {
  it('padding 2 with kernel 3 names the padding, the kernel and the axis', () => {
    expect(() => maxPool2d(x5, { kernelSize: 3, padding: 2 })).toThrow('maxPool2d: padding 2 must be at most half the kernel size 3 along the height');
    expect(() => avgPool2d(x5, { kernelSize: 3, padding: [0, 2] })).toThrow('avgPool2d: padding 2 must be at most half the kernel size 3 along the width');
  });

  it('padding 1 with kernel 2 is exactly half and allowed', () => {
    expect(maxPool2d(x5, { kernelSize: 2, padding: 1 }).shape).toEqual([1, 3, 3]);
  });

  it('a gradOutput of the wrong shape names gradOutput and both shapes', () => {
    expect(() => maxPool2dBackward(fill([1, 1, 3]), x5, { kernelSize: 2 })).toThrow(
      /maxPool2dBackward: gradOutput has shape \[1, 1, 3\] but the pooling output is \[1, 2, 2\]/,
    );
    expect(() => avgPool2dBackward(fill([1, 2, 2]), x5, { kernelSize: 3 })).toThrow(
      /avgPool2dBackward: gradOutput has shape \[1, 2, 2\] but the pooling output is \[1, 1, 1\]/,
    );
  });

  it('a gradOutput of the wrong rank names gradOutput', () => {
    expect(() => maxPool2dBackward(fill([2, 2]), x5, { kernelSize: 2 })).toThrow(/maxPool2dBackward: gradOutput must be 3-D/);
  });
});

describe('padding modes', () => {
  it("reflect padding 5 on a 5×5 input names the mode and the sizes (reflect needs padding < input)", () => {
    expect(() => conv2d(x5, w3, { padding: 5, paddingMode: 'reflect' })).toThrow(
      "conv2d: paddingMode 'reflect' needs padding smaller than the input, got padding 5 for height 5",
    );
  });

  it('reflect padding 4 on a 5×5 input is allowed', () => {
    expect(conv2d(x5, w3, { padding: 4, paddingMode: 'reflect' }).shape).toEqual([1, 11, 11]);
  });

  it("circular padding 6 on a 5×5 input names the mode (circular needs padding ≤ input)", () => {
    expect(() => conv2d(x5, w3, { padding: 6, paddingMode: 'circular' })).toThrow(/conv2d: paddingMode 'circular' needs padding at most the input size, got padding 6/);
    expect(conv2d(x5, w3, { padding: 5, paddingMode: 'circular' }).shape).toEqual([1, 13, 13]);
  });

  it('an unknown padding mode lists the four modes', () => {
    expect(() => conv2d(x5, w3, { padding: 1, paddingMode: 'mirror' as unknown as 'reflect' })).toThrow(
      /conv2d: paddingMode must be one of zeros, reflect, replicate, circular, got "mirror"/,
    );
  });
});

function hasNaN(t: { data: ArrayLike<number> }): boolean {
  return Array.from(t.data).some((v) => Number.isNaN(v));
}

function allFinite(t: { data: ArrayLike<number> }): boolean {
  return Array.from(t.data).every((v) => Number.isFinite(v));
}

describe('never NaN', () => {
  it('conv2d and conv2dTrace results are finite for random valid configurations', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        expect(allFinite(conv2d(input, weight, options))).toBe(true);
        const trace = conv2dTrace(input, weight, options);
        expect(allFinite(trace.frame(0).output)).toBe(true);
      }),
    );
  });

  it('convTranspose2d results are finite for random valid configurations', () => {
    fc.assert(
      fc.property(convTranspose2dCaseArb(), ({ input, weight, options }) => {
        expect(allFinite(convTranspose2d(input, weight, options))).toBe(true);
      }),
    );
  });

  it('max pooling forward and backward are finite, or throw a named error when a window is all padding', () => {
    fc.assert(
      fc.property(
        maxPoolCaseArb().chain((c) => tensorArb([c.input.shape[0] as number, pytorchPoolOutput(c.h, c.options.ceilMode ?? false), pytorchPoolOutput(c.w, c.options.ceilMode ?? false)]).map((g) => ({ ...c, g }))),
        ({ input, options, h, w, g }) => {
          const { geometry } = planMaxPool2d(input.shape, options);
          if (everyWindowHasARealCell(h, geometry.height.output) && everyWindowHasARealCell(w, geometry.width.output)) {
            expect(allFinite(maxPool2d(input, options))).toBe(true);
            expect(allFinite(maxPool2dBackward(g, input, options))).toBe(true);
          } else {
            expect(() => maxPool2d(input, options)).toThrow(/lies entirely in the padding/);
          }
        },
      ),
    );
  });

  it('average pooling forward and backward are finite (the divisor is never 0), with and without countIncludePad', () => {
    fc.assert(
      fc.property(
        avgPoolCaseArb().chain((c) => tensorArb(planAvgPool2d(c.input.shape, c.options).outputShape).map((g) => ({ ...c, g }))),
        ({ input, options, g }) => {
          expect(allFinite(avgPool2d(input, options))).toBe(true);
          expect(allFinite(avgPool2dBackward(g, input, options))).toBe(true);
        },
      ),
    );
  });

  it('adaptive pooling never returns NaN, even with more outputs than inputs', () => {
    const arb = fc.record({ c: int(1, 2), h: int(1, 5), w: int(1, 5), oh: int(1, 7), ow: int(1, 7) }).chain((s) => tensorArb([s.c, s.h, s.w]).map((x) => ({ x, out: [s.oh, s.ow] as const })));
    fc.assert(
      fc.property(arb, ({ x, out }) => {
        expect(hasNaN(adaptiveAvgPool2d(x, out))).toBe(false);
        expect(allFinite(adaptiveMaxPool2d(x, out))).toBe(true);
      }),
    );
  });
});
