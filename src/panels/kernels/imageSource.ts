// Pictures for the lab: the samples and the user's own file, decoded in the browser (never uploaded) into a [3, H, W] tensor.
// The decoder is injectable (ImageSourcesContext), so tests can open real files where jsdom has no image decoding.

import { createContext } from 'react';
import { notesEdgeImage, tensor, tensorFromRgba, type Tensor } from '../../engine/index.ts';
import type { SampleId } from './kernelsConfig.ts';

/** Longest side a picture is shrunk to, so that any photo filters quickly and fits in memory. */
export const MAX_IMAGE_SIDE = 1024;
/** Larger files are refused before decoding. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Pictures with more pixels than this are refused after reading their size (a decoded 10 000 × 10 000 photo is 400 MB). */
export const MAX_SOURCE_PIXELS = 80_000_000;

export interface DecodedPixels {
  width: number;
  height: number;
  /** RGBA bytes, row-major, as canvas ImageData holds them. */
  rgba: ArrayLike<number>;
  /** The picture's size before it was shrunk. */
  sourceWidth: number;
  sourceHeight: number;
}

/** Decodes an image file, shrinking it to fit maxSide × maxSide; rejects with an ImageFileError when it cannot. */
export type ImageDecoder = (file: Blob, maxSide: number) => Promise<DecodedPixels>;

export interface ImageSources {
  decode: ImageDecoder;
  /** Fetches a sample picture's file by its URL (relative to the page). */
  fetchSample(url: string): Promise<Blob>;
}

export type ImageFileProblem = 'notImage' | 'tooLarge' | 'unreadable';

export class ImageFileError extends Error {
  readonly problem: ImageFileProblem;
  constructor(problem: ImageFileProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/** A picture ready for the engine. */
export interface LabImage {
  /** Identifies this picture (for caches and the worker); a new one per file opened. */
  key: string;
  /** Sample id, or the file name of the user's picture. */
  name: string;
  origin: 'sample' | 'file';
  /** [3, H, W]; grey pictures repeat one plane three times. */
  rgb: Tensor;
  /** Largest possible value: 255 for pictures, 1 for the notes' 0/1 image. */
  range: number;
  width: number;
  height: number;
  /** Size before shrinking (equal to width × height when it was small enough). */
  sourceWidth: number;
  sourceHeight: number;
}

/** The size that fits within maxSide × maxSide keeping the aspect ratio (never enlarged, at least 1 pixel). */
export function boundedSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The browser's decoder: createImageBitmap (high-quality shrink), then a canvas to read the pixels. */
export const decodeInBrowser: ImageDecoder = async (file, maxSide) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageFileError('unreadable', 'the browser could not decode it');
  }
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  if (sourceWidth * sourceHeight > MAX_SOURCE_PIXELS) {
    bitmap.close();
    throw new ImageFileError('tooLarge', `${sourceWidth}×${sourceHeight} pixels`);
  }
  const { width, height } = boundedSize(sourceWidth, sourceHeight, maxSide);
  if (width !== sourceWidth || height !== sourceHeight) {
    const shrunk = await createImageBitmap(bitmap, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
    bitmap.close();
    bitmap = shrunk;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) {
    bitmap.close();
    throw new ImageFileError('unreadable', 'no 2-D canvas');
  }
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width, height, rgba: context.getImageData(0, 0, width, height).data, sourceWidth, sourceHeight };
};

export const BROWSER_SOURCES: ImageSources = {
  decode: decodeInBrowser,
  async fetchSample(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.blob();
  },
};

export const ImageSourcesContext = createContext<ImageSources>(BROWSER_SOURCES);

let fileCount = 0;

/**
 * Reads the user's file: refuses what is not an image (by its type, before decoding) or too large, decodes and shrinks the rest.
 * Throws ImageFileError with the reason.
 */
export async function readImageFile(file: File, decode: ImageDecoder): Promise<LabImage> {
  if (!file.type.startsWith('image/')) throw new ImageFileError('notImage', file.type || 'no type');
  if (file.size > MAX_FILE_BYTES) throw new ImageFileError('tooLarge', `${Math.round(file.size / 1e6)} MB`);
  let pixels: DecodedPixels;
  try {
    pixels = await decode(file, MAX_IMAGE_SIDE);
  } catch (error) {
    if (error instanceof ImageFileError) throw error;
    throw new ImageFileError('unreadable', error instanceof Error ? error.message : String(error));
  }
  fileCount += 1;
  return fromPixels(`file:${fileCount}:${file.name}`, file.name, 'file', pixels);
}

function fromPixels(key: string, name: string, origin: LabImage['origin'], pixels: DecodedPixels): LabImage {
  return {
    key,
    name,
    origin,
    rgb: tensorFromRgba(pixels.rgba, pixels.width, pixels.height),
    range: 255,
    width: pixels.width,
    height: pixels.height,
    sourceWidth: pixels.sourceWidth,
    sourceHeight: pixels.sourceHeight,
  };
}

/** The notes' 6×8 edge image as a picture: its 0/1 plane three times. */
const EDGE_SAMPLE: LabImage = (() => {
  const plane = notesEdgeImage();
  const data = new Float32Array(plane.data.length * 3);
  for (let c = 0; c < 3; c++) data.set(plane.data, c * plane.data.length);
  return {
    key: 'sample:edge',
    name: 'edge',
    origin: 'sample',
    rgb: tensor(data, [3, 6, 8]),
    range: 1,
    width: 8,
    height: 6,
    sourceWidth: 8,
    sourceHeight: 6,
  };
})();

export function sampleUrl(id: Exclude<SampleId, 'edge'>): string {
  return `./samples/${id}.png`;
}

/** Decoded samples per source (the browser's, or a test's), so each picture is fetched and decoded once. */
const sampleCache = new WeakMap<ImageSources, Map<SampleId, Promise<LabImage>>>();

/** A sample picture: the notes' edge image at once, the others fetched and decoded once per page. */
export function loadSample(id: SampleId, sources: ImageSources): LabImage | Promise<LabImage> {
  if (id === 'edge') return EDGE_SAMPLE;
  let cache = sampleCache.get(sources);
  if (!cache) {
    cache = new Map();
    sampleCache.set(sources, cache);
  }
  let pending = cache.get(id);
  if (!pending) {
    pending = sources
      .fetchSample(sampleUrl(id))
      .then((blob) => sources.decode(blob, MAX_IMAGE_SIDE))
      .then((pixels) => fromPixels(`sample:${id}`, id, 'sample', pixels));
    cache.set(id, pending);
    // A failed load is tried again next time.
    pending.catch(() => cache.delete(id));
  }
  return pending;
}
