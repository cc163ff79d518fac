// Test helper: a small PNG decoder (8-bit grey, RGB, grey+alpha or RGBA, non-interlaced) over node:zlib, standing in for the
// browser's image decoding, which jsdom lacks; plus an ImageSources that reads the samples from public/samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { boundedSize, ImageFileError, type DecodedPixels, type ImageDecoder, type ImageSources } from '../../src/panels/kernels/imageSource.ts';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG file's bytes to RGBA; throws on anything it does not understand. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      colorType = data[9] as number;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (!channels || width === 0) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= channels ? (pixels[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] as number) : 0;
      const c = i >= channels && y > 0 ? (pixels[(y - 1) * stride + i - channels] as number) : 0;
      const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels <= 2;
    rgba[p * 4] = pixels[s] as number;
    rgba[p * 4 + 1] = pixels[grey ? s : s + 1] as number;
    rgba[p * 4 + 2] = pixels[grey ? s : s + 2] as number;
    rgba[p * 4 + 3] = channels === 4 ? (pixels[s + 3] as number) : channels === 2 ? (pixels[s + 1] as number) : 255;
  }
  return { width, height, rgba };
}

/** Nearest-pixel shrink to fit maxSide (the browser's decoder resamples properly; the size is what matters here). */
function shrink(image: { width: number; height: number; rgba: Uint8Array }, maxSide: number): DecodedPixels {
  const { width, height } = boundedSize(image.width, image.height, maxSide);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sy = Math.floor((y * image.height) / height);
      const sx = Math.floor((x * image.width) / width);
      rgba.set(image.rgba.subarray((sy * image.width + sx) * 4, (sy * image.width + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, rgba, sourceWidth: image.width, sourceHeight: image.height };
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  // jsdom's Blob has arrayBuffer(); a FileReader would do otherwise.
  return new Uint8Array(await blob.arrayBuffer());
}

/** Decodes PNG blobs like the browser would (no other formats); counts its calls. */
export function pngDecoder(): ImageDecoder & { calls: number } {
  const decode = (async (file: Blob, maxSide: number) => {
    decode.calls += 1;
    let image;
    try {
      image = decodePng(await blobBytes(file));
    } catch (error) {
      throw new ImageFileError('unreadable', { kind: 'text', text: error instanceof Error ? error.message : String(error) });
    }
    return shrink(image, maxSide);
  }) as ImageDecoder & { calls: number };
  decode.calls = 0;
  return decode;
}

/** Image sources for tests: the PNG decoder above, and the sample files read from public/samples. */
export function testImageSources(): ImageSources & { decode: ReturnType<typeof pngDecoder> } {
  return {
    decode: pngDecoder(),
    async fetchSample(url) {
      const bytes = readFileSync(join(import.meta.dirname, '..', '..', 'public', url.replace(/^\.\//, '')));
      return new Blob([bytes], { type: 'image/png' });
    },
  };
}
