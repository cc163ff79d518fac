// Pictures for the lab: the samples and the user's own file, decoded in the browser (never uploaded) into a [3, H, W] tensor.
// The decoder is injectable (ImageSourcesContext), so tests can open real files where jsdom has no image decoding.

import { createContext } from 'react';
import { notesEdgeImage, tensor, tensorFromRgba, type Tensor } from '../../engine/index.ts';
import type { SampleId } from './kernelsConfig.ts';

/** Longest side a picture is shrunk to, so that any photo filters quickly and fits in memory. */
export const MAX_IMAGE_SIDE = 1024;
/** Larger files are refused before decoding. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Pictures with more pixels than this are refused, by their header before decoding when it can be read (a decoded 10 000 × 10 000 photo is 400 MB). */
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

/** Why, in a form each language words itself ('text' is the browser's own message, shown as it is). */
export type ImageFileDetail =
  | { kind: 'pixels'; width: number; height: number }
  | { kind: 'megabytes'; megabytes: number }
  | { kind: 'type'; type: string }
  | { kind: 'noType' | 'undecodable' | 'noCanvas' }
  | { kind: 'text'; text: string };

export class ImageFileError extends Error {
  readonly problem: ImageFileProblem;
  readonly detail: ImageFileDetail;
  constructor(problem: ImageFileProblem, detail: ImageFileDetail) {
    // The message is for logs: the browser's own text as it is, otherwise the structured detail (the panel words it, per language).
    super(detail.kind === 'text' ? detail.text : `${problem}: ${JSON.stringify(detail)}`);
    this.problem = problem;
    this.detail = detail;
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
    throw new ImageFileError('unreadable', { kind: 'undecodable' });
  }
  const sourceWidth = bitmap.width;
  const sourceHeight = bitmap.height;
  if (sourceWidth * sourceHeight > MAX_SOURCE_PIXELS) {
    bitmap.close();
    throw new ImageFileError('tooLarge', { kind: 'pixels', width: sourceWidth, height: sourceHeight });
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
    throw new ImageFileError('unreadable', { kind: 'noCanvas' });
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

/**
 * The picture's size read from its header (PNG, GIF, JPEG or WebP), or null when the format is another or the header is cut short.
 * Lets a picture with too many pixels be refused before the browser decodes it (a 50 kB PNG can hold 20 000 × 20 000 pixels).
 */
export function headerSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (at: number, text: string) => at + text.length <= bytes.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (bytes[0] === 0x89 && has(1, 'PNG') && has(12, 'IHDR') && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (has(0, 'GIF8') && bytes.length >= 10) return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (has(0, 'RIFF') && has(8, 'WEBP') && bytes.length >= 31) {
    const u24 = (at: number) => view.getUint16(at, true) + ((bytes[at + 2] as number) << 16);
    if (has(12, 'VP8X')) return { width: 1 + u24(24), height: 1 + u24(27) };
    if (has(12, 'VP8L')) return { width: 1 + (view.getUint16(21, true) & 0x3fff), height: 1 + ((view.getUint32(21, true) >>> 14) & 0x3fff) };
    if (has(12, 'VP8 ')) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    return null;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // JPEG: walk the marker segments up to the frame header (SOF0…SOF15 but DHT C4, JPG C8 and DAC CC), which holds the size.
    let at = 2;
    while (at + 9 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1] as number;
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      at += 2 + view.getUint16(at + 2);
    }
  }
  return null;
}

/** The header size of a file (its first 256 kB, where a JPEG's frame header sits after any Exif block), or null. */
async function fileHeaderSize(file: Blob): Promise<{ width: number; height: number } | null> {
  try {
    return headerSize(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
  } catch {
    return null;
  }
}

let fileCount = 0;

/**
 * Reads the user's file: refuses what is not an image (by its type, before decoding) or too large, decodes and shrinks the rest.
 * Throws ImageFileError with the reason.
 */
export async function readImageFile(file: File, decode: ImageDecoder): Promise<LabImage> {
  if (!file.type.startsWith('image/')) throw new ImageFileError('notImage', file.type ? { kind: 'type', type: file.type } : { kind: 'noType' });
  if (file.size > MAX_FILE_BYTES) throw new ImageFileError('tooLarge', { kind: 'megabytes', megabytes: Math.round(file.size / 1e6) });
  const size = await fileHeaderSize(file);
  if (size && size.width * size.height > MAX_SOURCE_PIXELS)
    throw new ImageFileError('tooLarge', { kind: 'pixels', width: size.width, height: size.height });
  let pixels: DecodedPixels;
  try {
    pixels = await decode(file, MAX_IMAGE_SIDE);
  } catch (error) {
    if (error instanceof ImageFileError) throw error;
    throw new ImageFileError('unreadable', { kind: 'text', text: error instanceof Error ? error.message : String(error) });
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
