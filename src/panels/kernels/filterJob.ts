// One filtering job of the lab, as the worker (or, without workers, the main thread) runs it: the numbers come from the
// engine, and the result is also painted into canvas bytes here, so the main thread only has to put them on screen.

import {
  filterImage,
  luminance,
  separableComparison,
  valueRange,
  type ImageFilterOptions,
  type KernelMatrix,
  type SeparableFactors,
  type Tensor,
  type ValueRange,
} from '../../engine/index.ts';
import { paintTensor } from './imagePaint.ts';
import type { ColorMode, DisplayMode } from './kernelsConfig.ts';

/** How to paint a result: the display mode and the picture's largest value (255, or 1 for the notes' image). */
export interface PaintSpec {
  display: DisplayMode;
  range: number;
}

export interface FilterRequest {
  kind: 'filter';
  weights: KernelMatrix;
  divisor: number;
  options: ImageFilterOptions;
  color: ColorMode;
  paint: PaintSpec;
}

export interface SeparableRequest {
  kind: 'separable';
  factors: SeparableFactors;
  divisor: number;
  options: ImageFilterOptions;
  color: ColorMode;
  paint: PaintSpec;
}

export type JobRequest = FilterRequest | SeparableRequest;

export interface FilterOutcome {
  kind: 'filter';
  output: Tensor;
  range: ValueRange;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

export interface SeparableOutcome {
  kind: 'separable';
  full: Tensor;
  separable: Tensor;
  range: ValueRange;
  fullPixels: Uint8ClampedArray<ArrayBuffer>;
  separablePixels: Uint8ClampedArray<ArrayBuffer>;
  maxDifference: number;
  fullMultiplies: number;
  separableMultiplies: number;
  fullWeights: number;
  separableWeights: number;
  fullTex: string;
  separableTex: string;
}

export type JobOutcome = FilterOutcome | SeparableOutcome;

/** A finished job: its outcome or the engine's error message, the picture it ran on, and how long the engine took. */
export interface JobResult {
  imageKey: string;
  request: JobRequest;
  outcome: JobOutcome | null;
  error: string | null;
  /** Time of the engine's computation (the last one, when only the painting changed). */
  engineMs: number;
  /** Whether it ran in the Web Worker (false: on the main thread). */
  inWorker: boolean;
}

interface CachedFilter {
  key: string;
  output: Tensor;
  range: ValueRange;
  engineMs: number;
}

/** The picture a job works on, with its grey version (a 1×1 convolution) and the last filter output kept for repainting. */
export class JobImage {
  readonly key: string;
  readonly rgb: Tensor;
  private grayCache: Tensor | null = null;
  private lastFilter: CachedFilter | null = null;
  constructor(key: string, rgb: Tensor) {
    this.key = key;
    this.rgb = rgb;
  }
  input(color: ColorMode): Tensor {
    if (color === 'rgb') return this.rgb;
    this.grayCache ??= luminance(this.rgb);
    return this.grayCache;
  }
  /** The filter output for a request: computed, or the kept one when only the display changed. */
  filter(request: FilterRequest): CachedFilter {
    const key = JSON.stringify([request.weights, request.divisor, request.options, request.color]);
    if (this.lastFilter?.key === key) return this.lastFilter;
    const start = performance.now();
    const { output, range } = filterImage(this.input(request.color), request.weights, request.divisor, request.options);
    this.lastFilter = { key, output, range, engineMs: performance.now() - start };
    return this.lastFilter;
  }
}

function separableOutcome(image: JobImage, request: SeparableRequest): SeparableOutcome {
  const c = separableComparison(image.input(request.color), request.factors, request.divisor, request.options);
  const range = valueRange(c.full);
  const scale = { range: request.paint.range, maxAbs: range.maxAbs };
  return {
    kind: 'separable',
    full: c.full,
    separable: c.separable,
    range,
    fullPixels: paintTensor(c.full, request.paint.display, scale),
    separablePixels: paintTensor(c.separable, request.paint.display, scale),
    maxDifference: c.maxDifference,
    fullMultiplies: c.fullMultiplies,
    separableMultiplies: c.separableMultiplies,
    fullWeights: c.fullWeights,
    separableWeights: c.separableWeights,
    fullTex: c.fullTex,
    separableTex: c.separableTex,
  };
}

export function runJob(image: JobImage, request: JobRequest): JobResult {
  const start = performance.now();
  try {
    if (request.kind === 'filter') {
      const { output, range, engineMs } = image.filter(request);
      const pixels = paintTensor(output, request.paint.display, { range: request.paint.range, maxAbs: range.maxAbs });
      return { imageKey: image.key, request, outcome: { kind: 'filter', output, range, pixels }, error: null, engineMs, inWorker: false };
    }
    const outcome = separableOutcome(image, request);
    return { imageKey: image.key, request, outcome, error: null, engineMs: performance.now() - start, inWorker: false };
  } catch (error) {
    return {
      imageKey: image.key,
      request,
      outcome: null,
      error: error instanceof Error ? error.message : String(error),
      engineMs: performance.now() - start,
      inWorker: false,
    };
  }
}
