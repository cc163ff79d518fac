// Image filtering over conv2d: pixels to tensors, grey as a 1×1 convolution, per-channel kernels, the separable identity and the lens.
import fc from 'fast-check';
import {
  conv2d,
  depthwiseKernel,
  filterImage,
  imageConvOptions,
  imageKernel,
  lensReading,
  luminance,
  notesEdgeImage,
  PADDING_MODES,
  separableComparison,
  separableFactors,
  tensor,
  tensorFromRgba,
  uniformTensor,
  valueRange,
  type ImageFilterOptions,
  type PaddingPreset,
} from '../../src/engine/index.ts';
import { expectTensorClose } from '../helpers/tensorClose.ts';
import { int } from '../helpers/engineArbitraries.ts';

const VALID: ImageFilterOptions = { padding: 'valid', paddingMode: 'zeros', stride: 1, dilation: 1 };

const optionsArb: fc.Arbitrary<ImageFilterOptions> = fc.record({
  padding: fc.constantFrom<PaddingPreset>('valid', 'same', 'full'),
  paddingMode: fc.constantFrom(...PADDING_MODES),
  stride: fc.tuple(int(1, 3), int(1, 3)),
  dilation: fc.tuple(int(1, 2), int(1, 2)),
});

/** An image big enough for every option above: 3×3 kernels dilated to 5 with full padding 4 stay below reflect's limit. */
const imageArb = fc
  .record({ channels: fc.constantFrom(1, 3), h: int(9, 14), w: int(9, 14), seed: fc.nat(10000) })
  .map(({ channels, h, w, seed }) => uniformTensor([channels, h, w], 100, seed));

describe('pixels and grey', () => {
  it('tensorFromRgba puts R, G and B in three planes and drops alpha', () => {
    const t = tensorFromRgba([10, 20, 30, 255, 11, 21, 31, 0], 2, 1);
    expect(t.shape).toEqual([3, 1, 2]);
    expect(Array.from(t.data)).toEqual([10, 11, 20, 21, 30, 31]);
    expect(() => tensorFromRgba([1, 2, 3], 1, 1)).toThrow(/need 4 RGBA values/);
  });

  it('grey is the 1×1 convolution 0.299 R + 0.587 G + 0.114 B', () => {
    const gray = luminance(tensorFromRgba([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 100, 100, 100, 255], 4, 1));
    expect(gray.shape).toEqual([1, 1, 4]);
    expect(gray.data[0]).toBeCloseTo(76.245, 3);
    expect(gray.data[1]).toBeCloseTo(149.685, 3);
    expect(gray.data[2]).toBeCloseTo(29.07, 3);
    expect(gray.data[3]).toBeCloseTo(100, 3);
  });
});

describe('filterImage', () => {
  it('the notes’ edge image with [1, −1] (valid) gives the 6×7 map of 1 and −1, signed: −1 is kept, not clipped', () => {
    const { output, range } = filterImage(notesEdgeImage(), [[1, -1]], 1, VALID);
    expect(output.shape).toEqual([1, 6, 7]);
    expect(Array.from(output.data.subarray(0, 7))).toEqual([0, 1, 0, 0, 0, -1, 0]);
    expect(range).toEqual({ min: -1, max: 1, maxAbs: 1 });
  });

  it('RGB is filtered channel by channel: groups = 3 equals three single-channel convolutions', () => {
    fc.assert(
      fc.property(imageArb, optionsArb, (image, options) => {
        const weights = imageKernel('sobelX').weights;
        const { output } = filterImage(image, weights, 1, options);
        const [channels, h, w] = image.shape as [number, number, number];
        for (let c = 0; c < channels; c++) {
          const plane = tensor(image.data.subarray(c * h * w, (c + 1) * h * w), [1, h, w]);
          const single = conv2d(plane, depthwiseKernel(weights, 1, 1), imageConvOptions(plane.shape, 3, 3, options));
          const size = single.data.length;
          expectTensorClose(tensor(output.data.subarray(c * size, (c + 1) * size), single.shape), single);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("'same' keeps ⌈n/s⌉ pixels per axis and 'full' adds d·(k − 1)", () => {
    const image = uniformTensor([1, 10, 9], 1, 3);
    expect(filterImage(image, imageKernel('boxBlur').weights, 9, { ...VALID, padding: 'same', stride: [2, 3] }).output.shape).toEqual([1, 5, 3]);
    expect(filterImage(image, imageKernel('boxBlur').weights, 9, { ...VALID, padding: 'full', dilation: 2 }).output.shape).toEqual([1, 14, 13]);
  });

  it('valueRange reports the smallest, largest and largest magnitude', () => {
    expect(valueRange(tensor([3, -7, 2], [3]))).toEqual({ min: -7, max: 3, maxAbs: 7 });
  });
});

describe('separableComparison', () => {
  it('Sobel as [1, 2, 1]ᵀ then [1, 0, −1] gives the same image under every padding, mode, stride and dilation', () => {
    const factors = separableFactors(imageKernel('sobelX').weights);
    if (!factors) throw new Error('Sobel x is separable');
    fc.assert(
      fc.property(imageArb, optionsArb, (image, options) => {
        const comparison = separableComparison(image, factors, 1, options);
        expectTensorClose(comparison.full, filterImage(image, imageKernel('sobelX').weights, 1, options).output);
        expect(comparison.separable.shape).toEqual(comparison.full.shape);
        expect(comparison.maxDifference).toBeLessThan(1e-3);
      }),
      { numRuns: 60 },
    );
  });

  it('counts 9 multiplies per output pixel against 3 per pixel of each pass', () => {
    const image = uniformTensor([3, 20, 30], 1, 1);
    const c = separableComparison(image, { column: [1, 2, 1], row: [1, 0, -1] }, 1, VALID);
    expect(c.full.shape).toEqual([3, 18, 28]);
    expect(c.intermediateShape).toEqual([3, 18, 30]);
    expect(c.fullMultiplies).toBe(9 * 18 * 28 * 3);
    expect(c.separableMultiplies).toBe(3 * 18 * 30 * 3 + 3 * 18 * 28 * 3);
    expect([c.fullWeights, c.separableWeights]).toEqual([9, 6]);
    expect(c.fullTex).toBe(`3\\times 3\\times 18\\times 28\\times 3 = ${9 * 18 * 28 * 3}`);
  });

  it('a divisor applies once (Gaussian blur = [1, 2, 1]ᵀ [1, 2, 1] / 16)', () => {
    const image = uniformTensor([1, 12, 12], 50, 9);
    const c = separableComparison(image, { column: [1, 2, 1], row: [1, 2, 1] }, 16, { ...VALID, padding: 'same', paddingMode: 'reflect' });
    expectTensorClose(
      c.full,
      filterImage(image, imageKernel('gaussianBlur').weights, 16, { ...VALID, padding: 'same', paddingMode: 'reflect' }).output,
    );
    expect(c.maxDifference).toBeLessThan(1e-3);
  });
});

describe('lensReading', () => {
  it('the lens’s sum is the engine’s output pixel, for every pixel, mode, stride and dilation', () => {
    fc.assert(
      fc.property(imageArb, optionsArb, fc.nat(1000), fc.nat(1000), fc.nat(2), (image, options, py, px, channel) => {
        const { weights, divisor } = imageKernel('gaussianBlur');
        const { output } = filterImage(image, weights, divisor, options);
        const [channels, outH, outW] = output.shape as [number, number, number];
        const lens = lensReading(image, weights, divisor, options, channel, py % outH, px % outW);
        expect(lens.channel).toBe(Math.min(channel, channels - 1));
        expect(lens.value).toBeCloseTo(output.data[(lens.channel * outH + lens.outY) * outW + lens.outX] as number, 3);
        expect(lens.taps).toHaveLength(9);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the products out: the notes’ Y(0, 1) = 1×1 + 0×(−1) = 1', () => {
    const lens = lensReading(notesEdgeImage(), [[1, -1]], 1, VALID, 0, 0, 1);
    expect(lens.tex).toBe('1\\times 1 + 0\\times (-1) = 1');
    expect(lens.taps.map((t) => [t.y, t.x, t.value, t.weight, t.product])).toEqual([
      [0, 1, 1, 1, 1],
      [0, 2, 0, -1, -0],
    ]);
  });

  it('padding taps read 0 under zeros and the copied pixel under reflect; a divisor is written in front', () => {
    const image = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3]);
    const zeros = lensReading(
      image,
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      9,
      { ...VALID, padding: 'same' },
      0,
      0,
      0,
    );
    expect(zeros.taps.filter((t) => t.inPadding).map((t) => t.value)).toEqual([0, 0, 0, 0, 0]);
    expect(zeros.tex).toMatch(/^\\tfrac\{1\}\{9\}\\left\(.*\\right\) = \\tfrac\{12\}\{9\} = 1.3333$/);
    const reflect = lensReading(
      image,
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      9,
      { ...VALID, padding: 'same', paddingMode: 'reflect' },
      0,
      0,
      0,
    );
    expect(reflect.taps[0]?.value).toBe(5);
  });

  it('a pixel outside the output is clamped into it', () => {
    const lens = lensReading(notesEdgeImage(), [[1, -1]], 1, VALID, 5, 99, -4);
    expect([lens.channel, lens.outY, lens.outX]).toEqual([0, 5, 0]);
  });
});
