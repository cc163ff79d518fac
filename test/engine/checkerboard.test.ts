// Checkerboard artifacts from the engine's ops: stacked ×2 layers on all-ones maps, uneven for k 3 s 2, even for k 4 s 2 and resize-then-convolve.
import { centralRange, conv2d, convTranspose2dScatterTrace, resizeConvOnesStack, tensor, transposedOnesStack } from '../../src/engine/index.ts';
import { expectArrayClose } from '../helpers/tensorClose.ts';

const K3S2 = { kernel: 3, stride: 2, padding: 1, outputPadding: 1 };
const K4S2 = { kernel: 4, stride: 2, padding: 1, outputPadding: 0 };

function ones(shape: number[]) {
  return tensor(new Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape);
}

describe('checkerboard stacks', () => {
  it('every method doubles the size at each layer: 4 → 8 → 16 → 32', () => {
    for (const stack of [transposedOnesStack(4, K3S2, 3), transposedOnesStack(4, K4S2, 3), resizeConvOnesStack(4, 3, 3)]) {
      expect(stack.map((map) => map.shape)).toEqual([
        [1, 8, 8],
        [1, 16, 16],
        [1, 32, 32],
      ]);
    }
  });

  it('one transposed layer on all ones with an all-ones kernel is exactly the scatter trace’s overlap count', () => {
    for (const layer of [K3S2, K4S2]) {
      const [first] = transposedOnesStack(4, layer, 1);
      const trace = convTranspose2dScatterTrace(ones([1, 4, 4]), ones([1, 1, layer.kernel, layer.kernel]), layer);
      expectArrayClose(first?.data ?? [], trace.overlapCounts.data);
    }
  });

  it('k = 3 at s = 2 covers the centre unevenly, more so with every layer; k = 4 at s = 2 and resize-then-convolve evenly', () => {
    const ratios = transposedOnesStack(4, K3S2, 3).map((map) => centralRange(map).ratio);
    expect(ratios[0]).toBeGreaterThan(1);
    expect(ratios[1]).toBeGreaterThan(ratios[0] as number);
    expect(ratios[2]).toBeGreaterThan(ratios[1] as number);
    for (const map of [...transposedOnesStack(4, K4S2, 3), ...resizeConvOnesStack(4, 3, 3)]) expect(centralRange(map).ratio).toBe(1);
  });

  it('resize-then-convolve is nearest-neighbour upsampling (each cell copied into a 2×2 block) followed by a size-keeping 3×3 convolution', () => {
    const [first] = resizeConvOnesStack(3, 3, 1);
    const nearest = ones([1, 6, 6]);
    expectArrayClose(first?.data ?? [], conv2d(nearest, ones([1, 1, 3, 3]), { padding: 1 }).data);
  });

  it('centralRange reads the central half only', () => {
    const map = tensor([9, 9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9, 9, 9, 9], [1, 4, 4]);
    expect(centralRange(map)).toEqual({ min: 1, max: 4, ratio: 4 });
  });
});
