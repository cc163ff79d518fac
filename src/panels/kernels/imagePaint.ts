// Turns a [C, H, W] tensor into canvas RGBA bytes: the picture itself, or a filter's output as a signed map on the theme's
// diverging scale (negatives not clipped), as magnitude, or clipped to the picture's range as an image editor would show it.

import type { Tensor } from '../../engine/index.ts';
import { divergingScale } from '../../ui/theme.ts';
import type { DisplayMode } from './kernelsConfig.ts';

export type PaintMode = 'picture' | DisplayMode;

/** Odd, so that zero falls exactly on the middle entry (white). */
const LUT_SIZE = 257;

/** The diverging scale sampled at 257 points from −1 to 1, as RGB bytes (one lookup per pixel instead of a d3 call). */
const DIVERGING_LUT: Uint8Array = (() => {
  const scale = divergingScale(1);
  const lut = new Uint8Array(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r = 0, g = 0, b = 0] = (scale((i / (LUT_SIZE - 1)) * 2 - 1).match(/\d+/g) ?? []).map(Number);
    lut[i * 3] = r;
    lut[i * 3 + 1] = g;
    lut[i * 3 + 2] = b;
  }
  return lut;
})();

/** The same colours packed one pixel per 32-bit word in the platform's byte order, to write a pixel with one store. */
const DIVERGING_WORDS: Uint32Array = (() => {
  const words = new Uint32Array(LUT_SIZE);
  const bytes = new Uint8Array(words.buffer);
  for (let i = 0; i < LUT_SIZE; i++) {
    bytes.set([DIVERGING_LUT[i * 3] as number, DIVERGING_LUT[i * 3 + 1] as number, DIVERGING_LUT[i * 3 + 2] as number, 255], i * 4);
  }
  return words;
})();

export interface PaintScale {
  /** Largest possible picture value (255, or 1 for the notes' image): 'picture' and 'clipped' map 0…range to black…white. */
  range: number;
  /** Half-width of the signed scale and the top of the magnitude scale. */
  maxAbs: number;
}

/**
 * RGBA bytes for a [1, H, W] or [3, H, W] tensor. One channel in 'signed' mode uses the diverging colours
 * (blue negative, white zero, red positive); three channels in 'signed' mode put zero at mid-grey in each channel.
 * One tight loop per case (this runs on every recompute of a picture of up to 1024×768).
 */
export function paintTensor(t: Tensor, mode: PaintMode, scale: PaintScale): Uint8ClampedArray<ArrayBuffer> {
  const [channels = 1, height = 1, width = 1] = t.shape;
  const plane = height * width;
  const out = new Uint8ClampedArray(new ArrayBuffer(plane * 4));
  const data = t.data;
  const maxAbs = scale.maxAbs > 0 ? scale.maxAbs : 1;
  if (channels === 1 && mode === 'signed') {
    const words = new Uint32Array(out.buffer);
    const toIndex = (LUT_SIZE - 1) / (2 * maxAbs);
    const middle = (LUT_SIZE - 1) / 2 + 0.5; // + 0.5 then truncation rounds
    for (let i = 0; i < plane; i++) {
      const position = (data[i] as number) * toIndex + middle;
      const index = position <= 0 ? 0 : position >= LUT_SIZE ? LUT_SIZE - 1 : position | 0;
      words[i] = DIVERGING_WORDS[index] as number;
    }
    return out;
  }
  // Byte = offset + value × gain (Uint8ClampedArray rounds and clips to 0…255 by itself); magnitude takes |value| first.
  const gain = mode === 'picture' || mode === 'clipped' ? 255 / scale.range : mode === 'magnitude' ? 255 / maxAbs : 127.5 / maxAbs;
  const offset = mode === 'signed' ? 127.5 : 0;
  const absolute = mode === 'magnitude';
  const g = channels === 3 ? plane : 0;
  const b = channels === 3 ? 2 * plane : 0;
  for (let i = 0, o = 0; i < plane; i++, o += 4) {
    let r = data[i] as number;
    let gr = data[g + i] as number;
    let bl = data[b + i] as number;
    if (absolute) {
      r = Math.abs(r);
      gr = Math.abs(gr);
      bl = Math.abs(bl);
    }
    out[o] = offset + r * gain;
    out[o + 1] = offset + gr * gain;
    out[o + 2] = offset + bl * gain;
    out[o + 3] = 255;
  }
  return out;
}
