// The GIF writer and the frame limit: frames written with one palette decode (with omggif) to the same pixels, delays and count.

import { GifReader } from 'omggif';
import { GIF_LIMITS, GifWriter, clampGifRange, sharedPalette } from '../../src/export/gif.ts';

/** A w×h frame: white, with a coloured square at column `at`, like a highlight moving along a row of cells. */
function frame(width: number, height: number, at: number, color: [number, number, number]): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 2; y < 6; y++) {
    for (let x = at; x < at + 4; x++) rgba.set([...color, 255], (y * width + x) * 4);
  }
  return rgba;
}

describe('GIF writer', () => {
  it('three frames with one shared palette decode to the same pixels, in order, with their delays', () => {
    const [width, height] = [24, 8];
    const frames = [frame(width, height, 0, [245, 166, 35]), frame(width, height, 8, [123, 47, 247]), frame(width, height, 16, [245, 166, 35])];
    const writer = new GifWriter(width, height, sharedPalette([frames[0] as Uint8ClampedArray, frames[1] as Uint8ClampedArray]));
    frames.forEach((f, i) => writer.addFrame(f, i === 2 ? 2100 : 700));
    const reader = new GifReader(writer.finish());
    expect(reader.numFrames()).toBe(3);
    expect([reader.width, reader.height]).toEqual([width, height]);
    expect(reader.loopCount()).toBe(0);
    expect([0, 1, 2].map((i) => reader.frameInfo(i).delay)).toEqual([70, 70, 210]);
    frames.forEach((expected, i) => {
      const pixels = new Uint8Array(width * height * 4);
      reader.decodeAndBlitFrameRGBA(i, pixels);
      expect(Array.from(pixels)).toEqual(Array.from(expected));
    });
  });

  it('refuses a frame of the wrong size', () => {
    const writer = new GifWriter(4, 4, sharedPalette([frame(8, 8, 0, [0, 0, 0])]));
    expect(() => writer.addFrame(new Uint8ClampedArray(8 * 8 * 4), 100)).toThrow(/4×4/);
  });
});

describe('GIF range', () => {
  it('first to last is kept as asked', () => {
    expect(clampGifRange(0, 35, 36)).toEqual({ from: 0, to: 35, clamped: null });
  });

  it('steps outside the trace are brought inside and the change is reported', () => {
    expect(clampGifRange(-3, 99, 16)).toEqual({ from: 0, to: 15, clamped: 'range' });
    expect(clampGifRange(7, 2, 16)).toEqual({ from: 2, to: 7, clamped: 'range' });
    expect(clampGifRange(Number.NaN, Number.NaN, 5)).toEqual({ from: 0, to: 4, clamped: 'range' });
  });

  it(`a range longer than ${GIF_LIMITS.maxFrames} frames is cut to ${GIF_LIMITS.maxFrames}, from its start`, () => {
    const range = clampGifRange(10, 999, 1000);
    expect(range).toEqual({ from: 10, to: 10 + GIF_LIMITS.maxFrames - 1, clamped: 'frames' });
    expect(range.to - range.from + 1).toBe(GIF_LIMITS.maxFrames);
  });
});
