// Spatial pyramid pooling: a fixed-length vector for any input size, equal to the adaptive pools concatenated.
import fc from 'fast-check';
import { adaptiveAvgPool2d, adaptiveMaxPool2d, maxPool2d, spatialPyramidPool, tensor } from '../../src/engine/index.ts';
import { int, tensorArb } from '../helpers/engineArbitraries.ts';

describe('spatialPyramidPool', () => {
  it('levels 4, 2, 1 give 21 values per channel whatever the input size', () => {
    fc.assert(
      fc.property(
        int(1, 3).chain((c) => int(1, 9).chain((h) => int(1, 9).chain((w) => tensorArb([c, h, w])))),
        (input) => {
          const pyramid = spatialPyramidPool(input, [4, 2, 1], 'max');
          expect(pyramid.vector.shape).toEqual([21 * (input.shape[0] as number)]);
        },
      ),
    );
  });

  it('is the adaptive pools flattened and concatenated level by level', () => {
    const input = tensor(
      Array.from({ length: 2 * 5 * 7 }, (_, i) => (i * 7 + 3) % 10),
      [2, 5, 7],
    );
    for (const kind of ['max', 'avg'] as const) {
      const pyramid = spatialPyramidPool(input, [3, 2, 1], kind);
      const pool = kind === 'max' ? adaptiveMaxPool2d : adaptiveAvgPool2d;
      const expected = [3, 2, 1].flatMap((o) => Array.from(pool(input, o).data));
      expect(Array.from(pyramid.vector.data)).toEqual(expected);
      expect(pyramid.levels.map((level) => level.offset)).toEqual([0, 18, 26]);
    }
  });

  it('a 4×4 input at level 2 is plain 2×2 max pooling with stride 2', () => {
    const input = tensor(
      Array.from({ length: 16 }, (_, i) => i),
      [1, 4, 4],
    );
    const pyramid = spatialPyramidPool(input, [2], 'max');
    expect(Array.from(pyramid.vector.data)).toEqual(Array.from(maxPool2d(input, { kernelSize: 2 }).data));
    expect(Array.from(pyramid.vector.data)).toEqual([5, 7, 13, 15]);
  });

  it('says which level is wrong', () => {
    const input = tensor([1, 2, 3, 4], [1, 2, 2]);
    expect(() => spatialPyramidPool(input, [], 'avg')).toThrow(/at least one/);
    expect(() => spatialPyramidPool(input, [2, 0], 'avg')).toThrow(/level size 0/);
    expect(() => spatialPyramidPool(tensor([1], [1]), [1], 'avg')).toThrow(/spatialPyramidPool/);
  });
});
