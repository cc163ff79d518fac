// Export in the real browser: GIF frames are the app's own frames (decoded with omggif and compared with the PNG export of the
// same step), the SVG is well-formed with the caption and the step's value, the step is restored, and a view without steps has no GIF.

import { readFile } from 'node:fs/promises';
import { GifReader } from 'omggif';
import type { Download, Page } from '@playwright/test';
import { test, expect, openApp, focusPage, stepCount, grid } from './fixtures.ts';
import { decodePng } from '../helpers/decodePng.ts';

interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** The highlight colour of the output cell (COLORS.output in src/ui/theme.ts). */
const OUTPUT_HIGHLIGHT = [0x7b, 0x2f, 0xf7] as const;

async function openExport(page: Page): Promise<void> {
  const details = page.getByTestId('export-tools');
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}

async function download(page: Page, button: RegExp, timeout = 60_000): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

function decodeGif(bytes: Buffer): { reader: GifReader; frame: (index: number) => Pixels } {
  const reader = new GifReader(new Uint8Array(bytes));
  return {
    reader,
    frame(index) {
      const rgba = new Uint8Array(reader.width * reader.height * 4);
      reader.decodeAndBlitFrameRGBA(index, rgba);
      return { width: reader.width, height: reader.height, rgba };
    },
  };
}

/** Mean absolute difference per colour channel (0–255) of two pictures of one size. */
function meanDifference(a: Pixels, b: Pixels): number {
  let sum = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    for (let c = 0; c < 3; c++) sum += Math.abs((a.rgba[p * 4 + c] as number) - (b.rgba[p * 4 + c] as number));
  }
  return sum / (a.width * a.height * 3);
}

function pixelAt(picture: Pixels, x: number, y: number): number[] {
  const offset = (Math.round(y) * picture.width + Math.round(x)) * 4;
  return Array.from(picture.rgba.subarray(offset, offset + 3));
}

function near(color: readonly number[], expected: readonly number[], tolerance: number): boolean {
  return color.every((v, i) => Math.abs(v - (expected[i] as number)) <= tolerance);
}

/**
 * Where the output cell's highlight outline lies in the exported picture (in SVG pixels at 1×): read from the exported SVG itself,
 * the outlined cell's left edge, half way down.
 */
async function highlightPoint(page: Page, svg: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const cell = doc.querySelector('[data-highlight="output"] rect');
    const figure = cell?.closest('svg:not(:root)');
    if (!cell || !figure) throw new Error('no highlighted output cell in the SVG');
    const [vx = 0, vy = 0, vw = 1] = (figure.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
    const scale = Number(figure.getAttribute('width')) / vw;
    const x = Number(figure.getAttribute('x')) + (Number(cell.getAttribute('x')) + 3 - vx) * scale;
    const y = Number(figure.getAttribute('y')) + (Number(cell.getAttribute('y')) + Number(cell.getAttribute('height')) / 2 - vy) * scale;
    return { x, y };
  }, svg);
}

async function stepTo(page: Page, target: number): Promise<void> {
  await focusPage(page);
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toHaveText(new RegExp(`^Step ${target + 1} of`));
}

test('stride: a GIF of steps 3–7 has 5 frames, each the PNG export of its step, and the step comes back', async ({ page }) => {
  await openApp(page, '?v=1&p=stride&s=1');
  await expect(stepCount(page)).toHaveText('Step 2 of 16');
  await openExport(page);
  await page.getByTestId('export-from').fill('3');
  await page.getByTestId('export-to').fill('7');
  await expect(page.getByTestId('export-range-note')).toHaveText('5 frames, steps 3–7.');

  const gif = await download(page, /animated GIF/);
  expect(gif.file.suggestedFilename()).toBe('convscope-stride-k3-s2-steps-3-7.gif');
  const { reader, frame } = decodeGif(gif.bytes);
  expect(reader.numFrames()).toBe(5);
  expect([0, 1, 2, 3, 4].map((i) => reader.frameInfo(i).delay)).toEqual([70, 70, 70, 70, 210]);
  await expect(page.getByTestId('export-status')).toContainText('5 frames');
  // The player is back where it was.
  await expect(stepCount(page)).toHaveText('Step 2 of 16');

  // Frame 3 of the GIF is step 5: the PNG and SVG exports of step 5 are the same picture.
  await stepTo(page, 4);
  const png = await download(page, /as a PNG/);
  expect(png.file.suggestedFilename()).toBe('convscope-stride-k3-s2.png');
  const still = decodePng(new Uint8Array(png.bytes));
  const moving = frame(2);
  expect([moving.width, moving.height]).toEqual([still.width, still.height]);
  expect(meanDifference(moving, still)).toBeLessThan(2.5);
  // A different step is a different picture: the comparison can tell frames apart.
  expect(meanDifference(frame(0), still)).toBeGreaterThan(meanDifference(moving, still));

  const svg = (await download(page, /as an SVG/)).bytes.toString('utf8');
  const point = await highlightPoint(page, svg);
  expect(near(pixelAt(still, point.x, point.y), OUTPUT_HIGHLIGHT, 24)).toBe(true);
  expect(near(pixelAt(moving, point.x, point.y), OUTPUT_HIGHLIGHT, 40)).toBe(true);
});

test('stride: the SVG export is well-formed, with the caption, the step’s output value and nothing external', async ({ page }) => {
  await openApp(page, '?v=1&p=stride&s=5');
  await openExport(page);
  const value = (await grid(page, 'output').locator('[data-highlight="output"] text').first().textContent())?.trim();
  expect(value).toBeTruthy();
  const { file, bytes } = await download(page, /as an SVG/);
  expect(file.suggestedFilename()).toBe('convscope-stride-k3-s2.svg');
  const svg = bytes.toString('utf8');
  const summary = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const links = Array.from(doc.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /href$/i.test(a.name))
        .map((a) => a.value),
    );
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      scripts: doc.querySelectorAll('script, foreignObject').length,
      external: links.filter((href) => !href.startsWith('#') && !href.startsWith('data:image/')),
      highlighted: doc.querySelector('[data-highlight="output"] text')?.textContent ?? null,
    };
  }, svg);
  expect(summary.error).toBeNull();
  expect(summary.root).toBe('svg');
  expect(summary.texts).toContain('conv2d  in 8×8  k 3  s 2  p 1  d 1  zeros  out 4×4');
  expect(summary.highlighted).toBe(value);
  expect(summary.texts.join(' ')).toContain(`= ${value}`);
  expect(summary.scripts).toBe(0);
  expect(summary.external).toEqual([]);
});

test('pooling: the whole trace as a GIF, its last frame the PNG of the last step', async ({ page }) => {
  await openApp(page, '?v=1&p=pooling');
  await openExport(page);
  await expect(page.getByTestId('export-range-note')).toHaveText('4 frames, steps 1–4.');
  const gif = await download(page, /animated GIF/);
  const { reader, frame } = decodeGif(gif.bytes);
  expect(reader.numFrames()).toBe(4);
  await expect(stepCount(page)).toHaveText('Step 1 of 4');

  await stepTo(page, 3);
  const png = await download(page, /as a PNG/);
  expect(png.file.suggestedFilename()).toBe('convscope-pooling-k2-s2.png');
  const still = decodePng(new Uint8Array(png.bytes));
  const last = frame(3);
  expect([last.width, last.height]).toEqual([still.width, still.height]);
  expect(meanDifference(last, still)).toBeLessThan(2.5);
  const svg = (await download(page, /as an SVG/)).bytes.toString('utf8');
  const point = await highlightPoint(page, svg);
  expect(near(pixelAt(still, point.x, point.y), OUTPUT_HIGHLIGHT, 24)).toBe(true);
  expect(near(pixelAt(last, point.x, point.y), OUTPUT_HIGHLIGHT, 40)).toBe(true);
});

test('pooling at 2× for slides: the PNG is twice the size, the GIF is held to 1920 px on its longer side and says so', async ({ page }) => {
  await openApp(page, '?v=1&p=pooling');
  await openExport(page);
  const normal = decodePng(new Uint8Array((await download(page, /as a PNG/)).bytes));
  await page.getByTestId('export-scale').selectOption('2');
  const { file, bytes } = await download(page, /as a PNG/);
  expect(file.suggestedFilename()).toBe('convscope-pooling-k2-s2@2x.png');
  const sharp = decodePng(new Uint8Array(bytes));
  expect([sharp.width, sharp.height]).toEqual([normal.width * 2, normal.height * 2]);
  expect(sharp.width).toBeGreaterThan(1920);

  await page.getByTestId('export-to').fill('2');
  const { reader } = decodeGif((await download(page, /animated GIF/)).bytes);
  expect(reader.numFrames()).toBe(2);
  expect(Math.max(reader.width, reader.height)).toBe(1920);
  expect(reader.width / reader.height).toBeCloseTo(normal.width / normal.height, 2);
  await expect(page.getByTestId('export-status')).toContainText('at most 1920 px on the longer side');
});

test('a range past the last step is clamped and says so; cancelling stops the GIF and restores the step', async ({ page }) => {
  await openApp(page, '?v=1&p=stride&s=3');
  await openExport(page);
  await page.getByTestId('export-to').fill('999');
  await expect(page.getByTestId('export-range-note')).toHaveText('The range was out of the steps 1–16: steps 1–16 will be exported.');
  await page.getByTestId('export-frame-ms').selectOption('300');
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await page.getByRole('button', { name: /animated GIF/ }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('export-status')).toHaveText('GIF export cancelled.');
  await expect(stepCount(page)).toHaveText('Step 4 of 16');
  expect(downloaded).toBe(false);
});

test('a view without a step player offers PNG and SVG but no GIF, and says why', async ({ page }) => {
  await openApp(page, '?v=1&p=channels&view=cost');
  await openExport(page);
  await expect(page.getByTestId('export-tools')).toContainText('no step player');
  await expect(page.getByRole('button', { name: /animated GIF/ })).toHaveCount(0);
  const png = await download(page, /as a PNG/);
  const picture = decodePng(new Uint8Array(png.bytes));
  expect(picture.width).toBeGreaterThan(500);
});

test('Chinese: the export section speaks Chinese and the PNG export works', async ({ page }) => {
  await openApp(page, '?v=1&p=stride&lang=zh');
  await page.getByTestId('export-tools').locator('summary').click();
  await expect(page.getByTestId('export-tools')).toContainText('GIF 动画');
  const png = await download(page, /PNG 图片/);
  expect(decodePng(new Uint8Array(png.bytes)).width).toBeGreaterThan(500);
  await expect(page.getByTestId('export-status')).toContainText('已保存');
});
