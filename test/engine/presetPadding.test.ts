// The valid / same / full padding presets: hand values and the sizes they promise.
import fc from 'fast-check';
import { convOutputSizeGeneral, presetPadding, samePadding } from '../../src/engine/index.ts';

describe('presetPadding', () => {
  it.each([
    ['valid', 8, 3, 1, 1, [0, 0]],
    ['same', 8, 3, 1, 1, [1, 1]],
    ['same', 8, 2, 1, 1, [0, 1]],
    ['same', 8, 4, 1, 1, [1, 2]],
    ['same', 8, 3, 2, 1, [0, 1]],
    ['full', 5, 3, 1, 2, [4, 4]],
  ] as const)('%s: n=%i k=%i s=%i d=%i → %j', (preset, n, k, s, d, expected) => {
    expect(presetPadding(preset, n, k, s, d)).toEqual(expected);
  });

  it("'same' at stride 1 is PyTorch's padding='same' split (extra after)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 }), (n, k, d) => {
        expect(presetPadding('same', n, k, 1, d)).toEqual(samePadding(k, d));
      }),
    );
  });

  it("'same' keeps ⌈n/s⌉ outputs and 'full' gives n + d(k − 1) outputs at stride 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, s, d) => {
          const [padBefore, padAfter] = presetPadding('same', n, k, s, d);
          expect(convOutputSizeGeneral({ input: n, kernel: k, stride: s, padBefore, padAfter, dilation: d }).value).toBe(Math.ceil(n / s));
          const [fullBefore, fullAfter] = presetPadding('full', n, k, 1, d);
          expect(convOutputSizeGeneral({ input: n, kernel: k, stride: 1, padBefore: fullBefore, padAfter: fullAfter, dilation: d }).value).toBe(
            n + d * (k - 1),
          );
        },
      ),
    );
  });
});
