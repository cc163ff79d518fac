// TeX formula builders: the value and the numbers substituted into the TeX, in each notation the notes use.
import fc from 'fast-check';
import {
  conv2d,
  convOutputSizeGeneral,
  convOutputSizeNotes,
  convOutputSizeTotalPadding,
  convTranspose2dDirectTrace,
  effectiveKernelFormula,
  planConv2d,
  poolOutputSize,
  productSumTex,
  receptiveField,
  receptiveFieldStep,
  tensor,
  texFactor,
  texNumber,
  transposedOutputSize,
  transposedOutputSizeNotes,
  transposedOutputSizePrime,
  transposedOutputSizePyTorch,
  zeroInsertedPadding,
} from '../../src/engine/index.ts';
import { int } from '../helpers/engineArbitraries.ts';

const zeros = (shape: number[]) => tensor(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);

describe('convolution output size', () => {
  it('in=7 k=3 s=2 p=1 in the notes’ form: ⌊(7 + 2·1 − 3)/2⌋ + 1 = 4, with the numbers in the TeX', () => {
    const formula = convOutputSizeNotes({ input: 7, kernel: 3, stride: 2, padBefore: 1, padAfter: 1, dilation: 1 });
    expect(formula?.tex).toBe('\\left\\lfloor \\frac{7 + 2\\cdot 1 - 3}{2} \\right\\rfloor + 1 = 4');
    expect(formula?.value).toBe(4);
  });

  it('stride 1 drops the fraction: ⌊5 + 2·0 − 2⌋ + 1 = 4', () => {
    const formula = convOutputSizeNotes({ input: 5, kernel: 2, stride: 1, padBefore: 0, padAfter: 0, dilation: 1 });
    expect(formula?.tex).toBe('\\left\\lfloor 5 + 2\\cdot 0 - 2 \\right\\rfloor + 1 = 4');
  });

  it('the notes’ form uses the effective kernel under dilation: in=7 k=3 d=2 → ⌊(7 + 0 − 5)/1⌋ + 1 = 3', () => {
    expect(convOutputSizeNotes({ input: 7, kernel: 3, stride: 1, padBefore: 0, padAfter: 0, dilation: 2 })?.tex).toBe(
      '\\left\\lfloor 7 + 2\\cdot 0 - 5 \\right\\rfloor + 1 = 3',
    );
  });

  it('the notes’ form does not apply to unequal padding (null)', () => {
    expect(convOutputSizeNotes({ input: 4, kernel: 2, stride: 1, padBefore: 0, padAfter: 1, dilation: 1 })).toBeNull();
  });

  it('in=8×8 k=3 p=1 s=2 → 4 in all three notations, and conv2d agrees', () => {
    const axis = { input: 8, kernel: 3, stride: 2, padBefore: 1, padAfter: 1, dilation: 1 };
    expect(convOutputSizeGeneral(axis).value).toBe(4);
    expect(convOutputSizeNotes(axis)?.value).toBe(4);
    expect(convOutputSizeTotalPadding(axis).value).toBe(4);
    expect(convOutputSizeGeneral(axis).tex).toBe('\\left\\lfloor \\frac{8 + 1 + 1 - 1\\cdot(3 - 1) - 1}{2} \\right\\rfloor + 1 = 4');
    expect(convOutputSizeTotalPadding(axis).tex).toBe('\\left\\lfloor \\frac{8 - 3 + 2 + 2}{2} \\right\\rfloor = 4');
    expect(conv2d(zeros([1, 8, 8]), zeros([1, 1, 3, 3]), { padding: 1, stride: 2 }).shape).toEqual([1, 4, 4]);
  });

  it('in=8×8 k=(3,5) p=(0,1) s=(3,4) → 2 and 2, read from the plan’s geometry', () => {
    const { geometry } = planConv2d([1, 8, 8], [1, 1, 3, 5], { padding: [0, 1], stride: [3, 4] });
    expect(convOutputSizeGeneral(geometry.height).value).toBe(2);
    expect(convOutputSizeGeneral(geometry.width).value).toBe(2);
    expect(convOutputSizeTotalPadding(geometry.height).tex).toBe('\\left\\lfloor \\frac{8 - 3 + 0 + 3}{3} \\right\\rfloor = 2');
    expect(convOutputSizeTotalPadding(geometry.width).tex).toBe('\\left\\lfloor \\frac{8 - 5 + 2 + 4}{4} \\right\\rfloor = 2');
  });

  it('in=3×3 padded to 5×5 with a 2×2 kernel → 4×4', () => {
    expect(convOutputSizeNotes({ input: 3, kernel: 2, stride: 1, padBefore: 1, padAfter: 1, dilation: 1 })?.value).toBe(4);
    expect(conv2d(zeros([1, 3, 3]), zeros([1, 1, 2, 2]), { padding: 1 }).shape).toEqual([1, 4, 4]);
  });

  it('the d2l total-padding form ⌊(n − k + p_total + s)/s⌋ agrees with the general form for random axes', () => {
    fc.assert(
      fc.property(
        fc.record({ input: int(1, 20), kernel: int(1, 5), stride: int(1, 4), padBefore: int(0, 3), padAfter: int(0, 3), dilation: int(1, 3) }),
        (axis) => {
          fc.pre(axis.input + axis.padBefore + axis.padAfter >= axis.dilation * (axis.kernel - 1) + 1);
          expect(convOutputSizeTotalPadding(axis).value).toBe(convOutputSizeGeneral(axis).value);
          if (axis.padBefore === axis.padAfter) expect(convOutputSizeNotes(axis)?.value).toBe(convOutputSizeGeneral(axis).value);
        },
      ),
    );
  });

  it('effective kernel: 2·(3 − 1) + 1 = 5, so a 3×3 at dilation 2 covers 5×5', () => {
    expect(effectiveKernelFormula(3, 2)).toEqual({ value: 5, tex: '2\\cdot(3 - 1) + 1 = 5' });
    // Not k + d (a known receptive-field-calculator mistake).
    expect(effectiveKernelFormula(3, 3).value).toBe(7);
  });
});

describe('pooling output size', () => {
  it('n=5 k=2 s=2 p=1 floor mode: ⌊(5 + 2·1 − 1·(2 − 1) − 1)/2⌋ + 1 = 3', () => {
    expect(poolOutputSize({ input: 5, kernel: 2, stride: 2, padding: 1, dilation: 1, ceilMode: false })).toEqual({
      value: 3,
      dropped: false,
      tex: '\\left\\lfloor \\frac{5 + 2\\cdot 1 - 1\\cdot(2 - 1) - 1}{2} \\right\\rfloor + 1 = 3',
    });
  });

  it('n=5 k=2 s=2 p=1 ceil mode: ⌈5/2⌉ + 1 = 4, but the last window would start in the padding, so − 1 = 3', () => {
    expect(poolOutputSize({ input: 5, kernel: 2, stride: 2, padding: 1, dilation: 1, ceilMode: true })).toEqual({
      value: 3,
      dropped: true,
      tex: '\\left\\lceil \\frac{5 + 2\\cdot 1 - 1\\cdot(2 - 1) - 1}{2} \\right\\rceil + 1 - 1 = 3',
    });
  });

  it('n=5 k=2 s=2 p=0 ceil mode keeps the overhanging window: ⌈3/2⌉ + 1 = 3', () => {
    expect(poolOutputSize({ input: 5, kernel: 2, stride: 2, padding: 0, dilation: 1, ceilMode: true })).toEqual({
      value: 3,
      dropped: false,
      tex: '\\left\\lceil \\frac{5 + 2\\cdot 0 - 1\\cdot(2 - 1) - 1}{2} \\right\\rceil + 1 = 3',
    });
  });
});

describe('transposed convolution output size', () => {
  it('in=2 k=3 s=2 p=0 → 5 in all three notations, with the numbers in the TeX', () => {
    const a = { input: 2, kernel: 3, stride: 2, padding: 0, outputPadding: 0, dilation: 1 };
    expect(transposedOutputSizePyTorch(a)).toEqual({ value: 5, tex: '(2 - 1)\\cdot 2 - 2\\cdot 0 + 1\\cdot(3 - 1) + 0 + 1 = 5' });
    expect(transposedOutputSizeNotes(a)).toEqual({ value: 5, tex: '(2 - 1)\\cdot 2 + 3 - 2\\cdot 0 = 5' });
    expect(transposedOutputSizePrime(a)).toEqual({ value: 5, tex: '2\\cdot(2 - 1) + 2\\cdot 2 - 3 + 2 = 5' });
  });

  it("p' = k − 1 − p: k=3 p=0 → 2, k=3 p=1 → 1, k=3 d=2 p=1 → 3", () => {
    expect(zeroInsertedPadding(3, 0)).toEqual({ value: 2, tex: "p' = 3 - 1 - 0 = 2" });
    expect(zeroInsertedPadding(3, 1).value).toBe(1);
    expect(zeroInsertedPadding(3, 1, 2)).toEqual({ value: 3, tex: "p' = 5 - 1 - 1 = 3" });
  });

  it("p' is the padding the direct (zero-insertion) view actually uses", () => {
    fc.assert(
      fc.property(int(1, 3), int(1, 4), int(0, 2), int(1, 3), int(1, 2), (input, kernel, padding, stride, dilation) => {
        fc.pre(transposedOutputSize(input, kernel, stride, padding, 0, dilation) >= 1);
        const trace = convTranspose2dDirectTrace(zeros([1, input, input]), zeros([1, 1, kernel, kernel]), { stride, padding, dilation });
        expect(trace.plan.geometry.height.padBefore).toBe(zeroInsertedPadding(kernel, padding, dilation).value);
      }),
    );
  });

  it('the notes’ two forms agree with PyTorch’s formula when dilation = 1 and outputPadding = 0', () => {
    fc.assert(
      fc.property(int(1, 10), int(1, 6), int(1, 4), int(0, 3), (input, kernel, stride, padding) => {
        const a = { input, kernel, stride, padding, outputPadding: 0, dilation: 1 };
        const pytorch = transposedOutputSizePyTorch(a).value;
        expect(pytorch).toBe((input - 1) * stride - 2 * padding + kernel);
        expect(transposedOutputSizeNotes(a).value).toBe(pytorch);
        expect(transposedOutputSizePrime(a).value).toBe(pytorch);
      }),
    );
  });

  it('with dilation and outputPadding the three forms still agree (k read as the effective kernel)', () => {
    fc.assert(
      fc.property(int(1, 10), int(1, 6), int(1, 4), int(0, 3), int(1, 3), int(0, 2), (input, kernel, stride, padding, dilation, op) => {
        const a = { input, kernel, stride, padding, outputPadding: op % Math.max(stride, dilation), dilation };
        const pytorch = transposedOutputSizePyTorch(a).value;
        expect(pytorch).toBe(transposedOutputSize(input, kernel, stride, padding, a.outputPadding, dilation));
        expect(transposedOutputSizeNotes(a).value).toBe(pytorch);
        expect(transposedOutputSizePrime(a).value).toBe(pytorch);
      }),
    );
  });

  it('outputPadding shows in the notes’ TeX only when it is not 0', () => {
    const a = { input: 2, kernel: 3, stride: 2, padding: 0, outputPadding: 1, dilation: 1 };
    expect(transposedOutputSizeNotes(a).tex).toBe('(2 - 1)\\cdot 2 + 3 - 2\\cdot 0 + 1 = 6');
    expect(transposedOutputSizePrime(a).tex).toBe('2\\cdot(2 - 1) + 2\\cdot 2 - 3 + 2 + 1 = 6');
  });
});

describe('receptive field steps', () => {
  it('RF(i+1) = RF(i) + (k − 1)·S(i): 3 + (3 − 1)·2 = 7', () => {
    expect(receptiveFieldStep(3, 3, 1, 2)).toEqual({ value: 7, tex: '3 + (3 - 1)\\cdot 2 = 7' });
  });

  it('a dilated layer steps by its effective kernel: 1 + (5 − 1)·1 = 5', () => {
    expect(receptiveFieldStep(1, 3, 2, 1)).toEqual({ value: 5, tex: '1 + (5 - 1)\\cdot 1 = 5' });
  });

  it('chaining the steps over k=3 with strides 1, 2, 1 gives receptiveField’s 3, 5, 9', () => {
    const layers = [{ kernelSize: 3, stride: 1 }, { kernelSize: 3, stride: 2 }, { kernelSize: 3, stride: 1 }];
    let size = 1;
    let jump = 1;
    const sizes: number[] = [];
    for (const layer of layers) {
      size = receptiveFieldStep(size, layer.kernelSize, 1, jump).value;
      jump *= layer.stride;
      sizes.push(size);
    }
    expect(sizes).toEqual([3, 5, 9]);
    expect(receptiveField(layers).map((e) => e.size)).toEqual(sizes);
  });
});

describe('products and numbers in TeX', () => {
  it('the Basics example: 0×0 + 1×1 + 3×2 + 4×3 = 19', () => {
    expect(productSumTex([{ a: 0, b: 0 }, { a: 1, b: 1 }, { a: 3, b: 2 }, { a: 4, b: 3 }])).toBe(
      '0\\times 0 + 1\\times 1 + 3\\times 2 + 4\\times 3 = 19',
    );
  });

  it('negative factors go in parentheses: 3×(−1) + (−2)×(−0.5) = −2', () => {
    expect(productSumTex([{ a: 3, b: -1 }, { a: -2, b: -0.5 }])).toBe('3\\times (-1) + (-2)\\times (-0.5) = -2');
  });

  it('a non-zero bias is added as a last term, negative in parentheses', () => {
    expect(productSumTex([{ a: 1, b: 2 }], -1)).toBe('1\\times 2 + (-1) = 1');
    expect(productSumTex([{ a: 1, b: 2 }], 0.5)).toBe('1\\times 2 + 0.5 = 2.5');
  });

  it('an empty product list reads 0, and a given total is used as written', () => {
    expect(productSumTex([])).toBe('0 = 0');
    expect(productSumTex([{ a: 0.1, b: 0.2 }], 0, 0.02)).toBe('0.1\\times 0.2 = 0.02');
  });

  it.each([
    [-0, '0'],
    [0, '0'],
    [12, '12'],
    [-7, '-7'],
    [0.5, '0.5'],
    [-1.25, '-1.25'],
    [1 / 3, '0.3333'],
    [2 / 3, '0.6667'],
    [2.50001, '2.5'],
    [-0.00001, '0'],
    [0.1 + 0.2, '0.3'],
    [Number.NaN, '?'],
    [Number.POSITIVE_INFINITY, '?'],
  ])('texNumber(%s) = %s', (value, text) => {
    expect(texNumber(value)).toBe(text);
  });

  it('texFactor wraps negatives only: −2 → (−2), 3 → 3, −0 → 0', () => {
    expect(texFactor(-2)).toBe('(-2)');
    expect(texFactor(3)).toBe('3');
    expect(texFactor(-0)).toBe('0');
  });
});

describe('the floor made visible (Stride panel)', () => {
  const axis = { input: 8, kernel: 3, stride: 2, padBefore: 1, padAfter: 1, dilation: 1 };

  it('8×8 k=3 p=1 s=2 shows ⌊3.5⌋ + 1 = 4 in the notes’ form and ⌊4.5⌋ = 4 in the d2l form', () => {
    expect(convOutputSizeNotes(axis, { showFloor: true })?.tex).toBe(
      '\\left\\lfloor \\frac{8 + 2\\cdot 1 - 3}{2} \\right\\rfloor + 1 = \\left\\lfloor 3.5 \\right\\rfloor + 1 = 4',
    );
    expect(convOutputSizeTotalPadding(axis, { showFloor: true }).tex).toBe(
      '\\left\\lfloor \\frac{8 - 3 + 2 + 2}{2} \\right\\rfloor = \\left\\lfloor 4.5 \\right\\rfloor = 4',
    );
  });

  it('a whole quotient adds no floor step', () => {
    const whole = { ...axis, input: 9 };
    expect(convOutputSizeNotes(whole, { showFloor: true })?.tex).toBe(convOutputSizeNotes(whole)?.tex);
  });
});
