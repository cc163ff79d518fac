// GIF encoding without the DOM: the frame limit, the range clamp, one shared palette and a writer; used by the worker and as its fallback.

import { GIFEncoder, applyPalette, quantize, type Palette } from 'gifenc';

export const GIF_LIMITS = {
  /** Frames per GIF: beyond this a range is clamped, so no export can hold the tab for long. */
  maxFrames: 300,
  /** Longer side of a frame in pixels. */
  maxSide: 1920,
  minFrameMs: 100,
  maxFrameMs: 5000,
} as const;

export const DEFAULT_FRAME_MS = 700;
/** The last frame stays on screen this many times longer, so a loop pauses on the finished result. */
export const LAST_FRAME_FACTOR = 3;

/** Class on <html> while frames are recorded: it turns off the grids' colour transitions, so every frame is a finished one. */
export const RECORDING_CLASS = 'export-recording';

export interface GifRange {
  /** First and last step, 0-based, inclusive. */
  from: number;
  to: number;
}

export interface ClampedRange extends GifRange {
  /** Why the asked range was changed: out of the steps, reversed, or longer than the frame limit. */
  clamped: null | 'range' | 'frames';
}

/** A range inside 0 … stepCount − 1, from ≤ to, and at most GIF_LIMITS.maxFrames frames long (cut at the end). */
export function clampGifRange(from: number, to: number, stepCount: number): ClampedRange {
  const last = Math.max(stepCount - 1, 0);
  const whole = (n: number, fallback: number) => (Number.isFinite(n) ? Math.round(n) : fallback);
  let start = Math.min(Math.max(whole(from, 0), 0), last);
  let end = Math.min(Math.max(whole(to, last), 0), last);
  let clamped: ClampedRange['clamped'] = start !== from || end !== to ? 'range' : null;
  if (end < start) {
    [start, end] = [end, start];
    clamped = 'range';
  }
  if (end - start + 1 > GIF_LIMITS.maxFrames) {
    end = start + GIF_LIMITS.maxFrames - 1;
    clamped = 'frames';
  }
  return { from: start, to: end, clamped };
}

/** One palette for every frame (so colours never flicker between frames), from sample frames' pixels. */
export function sharedPalette(samples: readonly Uint8ClampedArray[]): Palette {
  const total = samples.reduce((sum, s) => sum + s.length, 0);
  const joined = new Uint8ClampedArray(total);
  let offset = 0;
  for (const sample of samples) {
    joined.set(sample, offset);
    offset += sample.length;
  }
  return quantize(joined, 256);
}

/** A GIF being written: a fixed size, one global palette, frames added one at a time. */
export class GifWriter {
  private readonly stream = GIFEncoder();
  private frames = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly palette: Palette,
  ) {}

  get frameCount(): number {
    return this.frames;
  }

  addFrame(rgba: Uint8ClampedArray, delayMs: number): void {
    if (rgba.length !== this.width * this.height * 4) throw new Error(`GIF frame: expected ${this.width}×${this.height} pixels`);
    const index = applyPalette(rgba, this.palette);
    // The first frame carries the global palette and the loop-forever flag; the others reuse it.
    const first = this.frames === 0;
    this.stream.writeFrame(index, this.width, this.height, first ? { palette: this.palette, delay: delayMs, repeat: 0 } : { delay: delayMs });
    this.frames += 1;
  }

  finish(): Uint8Array {
    this.stream.finish();
    return this.stream.bytes();
  }
}
