// Image kernels: the notes' presets as written, the depthwise weight, and rank-one (separable) factors.
import fc from 'fast-check';
import { depthwiseKernel, IMAGE_KERNELS, imageKernel, outerProductTex, separableFactors, type KernelMatrix } from '../../src/engine/index.ts';
import { int } from '../helpers/engineArbitraries.ts';

const sum = (m: KernelMatrix) => m.flat().reduce((a, b) => a + b, 0);

describe('the presets', () => {
  it('are the notes’ kernels as written: identity, two edge detectors, sharpen, box and Gaussian blur (003), the horizontal edge (000), [1, −1] (001)', () => {
    expect(imageKernel('identity').weights).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(imageKernel('edgeDiagonal').weights).toEqual([
      [1, 0, -1],
      [0, 0, 0],
      [-1, 0, 1],
    ]);
    expect(imageKernel('edgeAll').weights).toEqual([
      [-1, -1, -1],
      [-1, 8, -1],
      [-1, -1, -1],
    ]);
    expect(imageKernel('sharpen').weights).toEqual([
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ]);
    expect(imageKernel('boxBlur').divisor).toBe(9);
    expect(imageKernel('gaussianBlur').divisor).toBe(16);
    expect(imageKernel('horizontalEdge').weights).toEqual([
      [-1, -1, -1],
      [2, 2, 2],
      [1, 1, 1],
    ]);
    expect(imageKernel('edge1x2').weights).toEqual([[1, -1]]);
  });

  it('blurs, sharpen and identity keep brightness (weights sum to the divisor); edge detectors sum to 0', () => {
    for (const id of ['identity', 'sharpen', 'boxBlur', 'gaussianBlur', 'gaussian5'] as const) {
      const kernel = imageKernel(id);
      expect(sum(kernel.weights) / kernel.divisor).toBeCloseTo(1, 10);
    }
    for (const id of ['edgeDiagonal', 'edgeCross', 'edgeAll', 'sobelX', 'sobelY', 'edge1x2'] as const) expect(sum(imageKernel(id).weights)).toBe(0);
  });

  it('have distinct ids and rectangular weights', () => {
    expect(new Set(IMAGE_KERNELS.map((k) => k.id)).size).toBe(IMAGE_KERNELS.length);
    for (const k of IMAGE_KERNELS) for (const row of k.weights) expect(row).toHaveLength(k.weights[0]?.length ?? 0);
  });
});

describe('depthwiseKernel', () => {
  it('repeats weights / divisor once per channel, shaped [C, 1, kH, kW]', () => {
    const weight = depthwiseKernel(imageKernel('gaussianBlur').weights, 16, 3);
    expect(weight.shape).toEqual([3, 1, 3, 3]);
    expect(Array.from(weight.data.subarray(18, 27))).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
  });

  it('rejects a zero divisor and a ragged kernel', () => {
    expect(() => depthwiseKernel([[1]], 0, 1)).toThrow(/divisor/);
    expect(() => depthwiseKernel([[1, 2], [3]], 1, 1)).toThrow(/every kernel row needs 2 values/);
  });
});

describe('separableFactors', () => {
  it('splits Sobel x into [1, 2, 1]ᵀ and [1, 0, −1], as notes 003 write it', () => {
    expect(separableFactors(imageKernel('sobelX').weights)).toEqual({ column: [1, 2, 1], row: [1, 0, -1] });
    expect(outerProductTex({ column: [1, 2, 1], row: [1, 0, -1] })).toBe(
      '\\begin{bmatrix}1 \\\\ 2 \\\\ 1\\end{bmatrix}\\begin{bmatrix}1 & 0 & -1\\end{bmatrix} = \\begin{bmatrix}1 & 0 & -1 \\\\ 2 & 0 & -2 \\\\ 1 & 0 & -1\\end{bmatrix}',
    );
  });

  it.each([
    ['sobelY', [1, 0, -1], [1, 2, 1]],
    ['gaussianBlur', [1, 2, 1], [1, 2, 1]],
    ['boxBlur', [1, 1, 1], [1, 1, 1]],
    ['horizontalEdge', [-1, 2, 1], [1, 1, 1]],
    ['identity', [0, 1, 0], [0, 1, 0]],
    ['edgeDiagonal', [1, 0, -1], [1, 0, -1]],
    ['edge1x2', [1], [1, -1]],
    ['gaussian5', [1, 4, 6, 4, 1], [1, 4, 6, 4, 1]],
  ] as const)('%s = %j ⊗ %j', (id, column, row) => {
    expect(separableFactors(imageKernel(id).weights)).toEqual({ column, row });
  });

  it.each(['sharpen', 'edgeAll', 'edgeCross', 'emboss'] as const)('%s has rank > 1: not separable', (id) => {
    expect(separableFactors(imageKernel(id).weights)).toBeNull();
  });

  it('an all-zero kernel is not separable', () => {
    expect(separableFactors([[0, 0]])).toBeNull();
  });

  it('any outer product of two vectors is recovered up to scale', () => {
    fc.assert(
      fc.property(fc.array(int(-4, 4), { minLength: 1, maxLength: 7 }), fc.array(int(-4, 4), { minLength: 1, maxLength: 7 }), (a, b) => {
        const weights = a.map((x) => b.map((y) => x * y));
        const factors = separableFactors(weights);
        if (weights.flat().every((v) => v === 0)) {
          expect(factors).toBeNull();
          return;
        }
        expect(factors).not.toBeNull();
        const back = factors?.column.map((x) => factors.row.map((y) => x * y)) ?? [];
        back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(weights[i]?.[j] ?? NaN, 6)));
      }),
    );
  });
});
