// Files that are not pictures, broken pictures, empty files and pictures with far too many pixels: each gets a clear message,
// the picture already open stays, and the page keeps answering keys (a huge picture is refused from its header, before decoding).

import { deflateSync } from 'node:zlib';
import { encodePng } from '../../scripts/png.ts';
import { headerSize, MAX_SOURCE_PIXELS } from '../../src/panels/kernels/imageSource.ts';
import { test, expect, focusPage, openApp, stepCount } from './fixtures.ts';
import type { Page } from '@playwright/test';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function ihdr(width: number, height: number, bitDepth: number, colorType: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = bitDepth;
  data[9] = colorType;
  return pngChunk('IHDR', data);
}

/** A valid, complete 1-bit grey PNG: a few tens of kB that decode to width × height pixels (20 000² = 400 million). */
function hugePng(width: number, height: number): Buffer {
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height, 1, 0),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header is fine but whose pixel data is not a zlib stream. */
function corruptPng(): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(64, 64, 8, 2),
    pngChunk('IDAT', Buffer.from('this is not deflate data at all')),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A GIF header (logical screen 65 535 × 65 535) with one tiny frame. */
function hugeGif(): Buffer {
  const header = Buffer.from('GIF89a\xff\xff\xff\xff\x00\x00\x00', 'latin1');
  const frame = Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]);
  return Buffer.concat([header, frame]);
}

/** A baseline JPEG's first segments: SOI, an APP0 (JFIF) segment, then a frame header of the given size. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof[9] = 3;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

/** A WebP of each kind (extended, lossless, lossy), header only. */
function webpHeader(kind: 'VP8X' | 'VP8L' | 'VP8 ', width: number, height: number): Buffer {
  const out = Buffer.alloc(40);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(32, 4);
  out.write('WEBP', 8, 'latin1');
  out.write(kind, 12, 'latin1');
  out.writeUInt32LE(20, 16);
  if (kind === 'VP8X') {
    out.writeUIntLE(width - 1, 24, 3);
    out.writeUIntLE(height - 1, 27, 3);
  } else if (kind === 'VP8L') {
    out[20] = 0x2f;
    out.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 21);
  } else {
    out.set([0x9d, 0x01, 0x2a], 23);
    out.writeUInt16LE(width, 26);
    out.writeUInt16LE(height, 28);
  }
  return out;
}

function goodPicture(width: number, height: number): Buffer {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 13) % 256;
  return Buffer.from(encodePng(width, height, rgb));
}

test('the header reader finds the size of PNG, GIF, JPEG and the three kinds of WebP, and nothing in other bytes', () => {
  expect(headerSize(hugePng(20_000, 20_000))).toEqual({ width: 20_000, height: 20_000 });
  expect(headerSize(goodPicture(64, 48))).toEqual({ width: 64, height: 48 });
  expect(headerSize(hugeGif())).toEqual({ width: 65_535, height: 65_535 });
  expect(headerSize(jpegHeader(12_000, 9_000))).toEqual({ width: 12_000, height: 9_000 });
  expect(headerSize(webpHeader('VP8X', 16_000, 16_000))).toEqual({ width: 16_000, height: 16_000 });
  expect(headerSize(webpHeader('VP8L', 10_000, 9_000))).toEqual({ width: 10_000, height: 9_000 });
  expect(headerSize(webpHeader('VP8 ', 640, 480))).toEqual({ width: 640, height: 480 });
  for (const other of [Buffer.alloc(0), Buffer.from('not a picture'), PNG_SIGNATURE, Buffer.from([0xff, 0xd8, 0xff])]) {
    expect(headerSize(other)).toBeNull();
  }
  // The test pictures below are beyond the limit by their header alone.
  expect(20_000 * 20_000).toBeGreaterThan(MAX_SOURCE_PIXELS);
  expect(65_535 * 65_535).toBeGreaterThan(MAX_SOURCE_PIXELS);
});

/** Milliseconds from pressing End until the player shows its last step, measured in the page; -1 if it never did within 5 s. */
async function keyLatency(page: Page): Promise<number> {
  await focusPage(page);
  await page.keyboard.press('Home');
  await expect(stepCount(page)).toHaveText(/^Step 1 of \d+$/);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const counter = document.querySelector('[data-testid=step-count]');
        const start = performance.now();
        const done = () => {
          if (!/^Step (\d+) of \1$/.test(counter?.textContent ?? '')) return false;
          observer.disconnect();
          resolve(performance.now() - start);
          return true;
        };
        const observer = new MutationObserver(done);
        if (counter) observer.observe(counter, { childList: true, subtree: true, characterData: true });
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
        setTimeout(() => {
          if (!done()) resolve(-1);
        }, 5000);
      }),
  );
}

interface BadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  message: RegExp;
}

const BAD_FILES: BadFile[] = [
  { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture'), message: /^“notes\.txt” is not a picture \(text\/plain\)\./ },
  // Playwright hands a file without a type to the page as application/octet-stream.
  { name: 'no-type', mimeType: '', buffer: Buffer.from([1, 2, 3]), message: /^“no-type” is not a picture \((no type|application\/octet-stream)\)\./ },
  { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0), message: /^“empty\.png” could not be read as a picture/ },
  { name: 'corrupt.png', mimeType: 'image/png', buffer: corruptPng(), message: /^“corrupt\.png” could not be read as a picture/ },
  {
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: hugePng(20_000, 20_000),
    message: /^“huge\.png” is too large to open here \(20000×20000 pixels\)\. Try a smaller picture\.$/,
  },
  { name: 'huge.gif', mimeType: 'image/gif', buffer: hugeGif(), message: /^“huge\.gif” is too large to open here \(65535×65535 pixels\)/ },
];

test('bad files get a clear message, the open picture stays, and the page keeps answering keys', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, '?v=1&p=kernels');
  await page.getByTestId('image-file').setInputFiles({ name: 'good.png', mimeType: 'image/png', buffer: goodPicture(64, 48) });
  await expect(page.getByTestId('file-message')).toHaveText('“good.png” opened: 64×48 pixels.');
  await expect(page.getByTestId('canvas-input')).toContainText('48×64');
  const latencies: Record<string, number> = { before: await keyLatency(page) };

  for (const bad of BAD_FILES) {
    const started = Date.now();
    await page.getByTestId('image-file').setInputFiles({ name: bad.name, mimeType: bad.mimeType, buffer: bad.buffer });
    // Answering keys while the file is being read.
    latencies[bad.name] = await keyLatency(page);
    await expect(page.getByTestId('file-message'), bad.name).toHaveText(bad.message);
    const answeredMs = Date.now() - started;
    // The picture that was open stays open and filtered.
    await expect(page.getByTestId('lab-status'), bad.name).toContainText('good.png');
    await expect(page.getByTestId('canvas-input'), bad.name).toContainText('48×64');
    await expect(page.getByTestId('canvas-output'), bad.name).toBeVisible();
    // A picture too large is refused from its header: at once, not after the browser has decoded 400 million pixels.
    if (bad.name.startsWith('huge')) expect(answeredMs, `${bad.name} answered after ${answeredMs} ms`).toBeLessThan(5000);
  }
  test.info().annotations.push({ type: 'key latency (ms)', description: JSON.stringify(latencies) });
  for (const [name, ms] of Object.entries(latencies)) {
    expect(ms, `End took ${ms} ms after ${name}`).toBeGreaterThanOrEqual(0);
    expect(ms, `End took ${ms} ms after ${name}`).toBeLessThan(1000);
  }
});

test('the same messages in Chinese', async ({ page }) => {
  await openApp(page, '?v=1&p=kernels&lang=zh');
  await page.getByTestId('image-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: hugePng(20_000, 20_000) });
  await expect(page.getByTestId('file-message')).toHaveText('“huge.png”太大，无法在这里打开（20000×20000 像素）。请换一张小一些的图片。');
  await page.getByTestId('image-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(page.getByTestId('file-message')).toContainText('“notes.txt”不是图片（text/plain）');
});
