// Animated GIF of a range of steps: the app's own frames (step set, React committed, painted, composed, drawn), one shared palette.

import { useAppStore } from '../state/store.ts';
import { composeSvg, findStage, type ComposedSvg } from './composeSvg.ts';
import { drawSvg, fitScale, pixelSize } from './rasterize.ts';
import { GIF_LIMITS, LAST_FRAME_FACTOR, RECORDING_CLASS, type GifRange } from './gifEncoding.ts';
import { createFrameEncoder, type FrameEncoder } from './frameEncoder.ts';

export {
  DEFAULT_FRAME_MS,
  GIF_LIMITS,
  GifWriter,
  LAST_FRAME_FACTOR,
  RECORDING_CLASS,
  clampGifRange,
  sharedPalette,
  type ClampedRange,
  type GifRange,
} from './gifEncoding.ts';

export interface RecordOptions {
  range: GifRange;
  caption: string;
  /** Chosen scale (1 or 2); lowered when a frame would be larger than GIF_LIMITS.maxSide. */
  scale: number;
  frameMs: number;
  signal?: AbortSignal;
  onProgress?: (frame: number, total: number) => void;
}

export interface RecordedGif {
  blob: Blob;
  frames: number;
  width: number;
  height: number;
  /** The scale used (below the chosen one when the size limit applied). */
  scale: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/** Resolves once React has committed the last store change and the browser has painted it (two animation frames). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => requestAnimationFrame(finish));
    // A hidden tab gets no animation frames; React has committed by then anyway.
    setTimeout(finish, 250);
  });
}

async function showStep(step: number): Promise<Element> {
  useAppStore.getState().setStep(step);
  await nextPaint();
  const stage = findStage();
  if (!stage) throw new Error('the panel’s stage is not on screen');
  return stage;
}

async function framePixels(composed: ComposedSvg, scale: number, size: { width: number; height: number }, canvas: HTMLCanvasElement) {
  await drawSvg(composed.svg, composed, scale, size, canvas);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  return context.getImageData(0, 0, size.width, size.height).data;
}

/**
 * Records the range as a GIF by stepping the app's own player: each frame is what the screen showed at that step.
 * The step and playback are restored afterwards, also on cancel or error.
 */
export async function recordGif(options: RecordOptions): Promise<RecordedGif> {
  const { range, caption, frameMs, signal, onProgress } = options;
  const store = useAppStore.getState();
  const originalStep = store.step;
  const wasPlaying = store.playing;
  const total = range.to - range.from + 1;
  const root = document.documentElement;
  const check = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };
  store.setPlaying(false);
  root.classList.add(RECORDING_CLASS);
  let encoder: FrameEncoder | null = null;
  try {
    // The narration may wrap to more lines at some steps: keep the larger of the first and last frames' for every frame.
    const lastComposed = composeSvg(await showStep(range.to), { caption });
    check();
    const firstNatural = composeSvg(await showStep(range.from), { caption });
    const narrationLines = Math.max(firstNatural.narrationLines, lastComposed.narrationLines);
    const first = composeSvg(findStage() ?? (await showStep(range.from)), { caption, narrationLines });
    const last = composeSvg(await showStep(range.to), { caption, narrationLines });
    const scale = fitScale(first.width, first.height, options.scale, GIF_LIMITS.maxSide);
    const size = pixelSize(first.width, first.height, scale);
    const canvas = document.createElement('canvas');
    const lastPixels = new Uint8ClampedArray(await framePixels(last, scale, size, canvas));
    check();
    const firstPixels = new Uint8ClampedArray(await framePixels(first, scale, size, canvas));
    encoder = createFrameEncoder();
    await encoder.start(size.width, size.height, [firstPixels, lastPixels]);
    const delay = Math.min(Math.max(frameMs, GIF_LIMITS.minFrameMs), GIF_LIMITS.maxFrameMs);
    // One frame is encoded (in the worker) while the next is drawn here.
    let encoding: Promise<void> = Promise.resolve();
    for (let step = range.from; step <= range.to; step++) {
      check();
      onProgress?.(step - range.from + 1, total);
      let pixels: Uint8ClampedArray;
      if (step === range.from) pixels = firstPixels;
      else if (step === range.to) pixels = lastPixels;
      else pixels = await framePixels(composeSvg(await showStep(step), { caption, narrationLines }), scale, size, canvas);
      await encoding;
      encoding = encoder.add(pixels, step === range.to ? delay * LAST_FRAME_FACTOR : delay);
      // Awaited on the next turn; a cancel in between closes the encoder and must not leave an unhandled rejection.
      encoding.catch(() => undefined);
      // Give the page a turn between frames (input, painting), so the tab never freezes.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await encoding;
    check();
    const bytes = await encoder.finish();
    return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' }), frames: total, ...size, scale };
  } finally {
    encoder?.close();
    root.classList.remove(RECORDING_CLASS);
    useAppStore.getState().setStep(originalStep);
    if (wasPlaying) useAppStore.getState().setPlaying(true);
  }
}
