// The Image kernels panel in Chromium: a picture opened from a file (decoded by createImageBitmap, filtered in the Web Worker),
// a dropped one, a large one shrunk, a non-picture refused, the sample PNGs fetched under the CSP, and a drag on a 1024×768 picture.

import { encodePng } from '../../scripts/png.ts';
import { test, expect, openApp } from './fixtures.ts';
import type { Page } from '@playwright/test';

function pattern(width: number, height: number): Buffer {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      rgb[i] = x < width / 2 ? 220 : 30;
      rgb[i + 1] = (y * 255) / height;
      rgb[i + 2] = (x * 7 + y * 3) % 256;
    }
  }
  return Buffer.from(encodePng(width, height, rgb));
}

async function openPicture(page: Page, name: string, width: number, height: number) {
  await page.getByTestId('image-file').setInputFiles({ name, mimeType: 'image/png', buffer: pattern(width, height) });
}

/** The lens check line: "The lens gives A; conv2d wrote B into Y(r, c)." with A and B. */
async function lensNumbers(page: Page): Promise<[string, string]> {
  const text = (await page.getByTestId('lens-check').textContent()) ?? '';
  const match = /The lens gives (.+); conv2d wrote (.+) into/.exec(text);
  return [match?.[1] ?? 'lens?', match?.[2] ?? 'engine?'];
}

test('a picture opened from a file is decoded in the browser, filtered in the worker, and the lens agrees with conv2d', async ({ page }) => {
  await openApp(page, '?v=1&p=kernels&k=1,0,-1;2,0,-2;1,0,-1&pad=same&color=rgb');
  await openPicture(page, 'pattern.png', 300, 200);
  await expect(page.getByTestId('file-message')).toHaveText('“pattern.png” opened: 300×200 pixels.');
  await expect(page.getByTestId('canvas-output')).toContainText('200×300');
  await expect(page.getByTestId('lab-status')).toContainText('in a background worker');
  await expect(page.getByTestId('lens-check')).toContainText('conv2d wrote');
  const [lens, engine] = await lensNumbers(page);
  expect(lens).toBe(engine);
  // Tap the output near its left edge: the lens moves there and still agrees.
  const frame = page.getByTestId('canvas-output').locator('.kernels-canvas-frame');
  const box = await frame.boundingBox();
  if (!box) throw new Error('no output canvas');
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.25);
  await expect(page.getByRole('heading', { name: /Lens: output pixel \(5\d, 15\d\)/ })).toBeVisible();
  await expect(page.getByTestId('lens-check')).toContainText('conv2d wrote');
  const [lensAfter, engineAfter] = await lensNumbers(page);
  expect(lensAfter).toBe(engineAfter);
});

test('a dropped picture opens, and one wider than 1024 pixels is shrunk and says so', async ({ page }) => {
  await openApp(page, '?v=1&p=kernels');
  const bytes = [...pattern(1500, 300)];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'wide.png', { type: 'image/png' }));
    return transfer;
  }, bytes);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('file-message')).toHaveText(
    '“wide.png” was shrunk from 1500×300 to 1024×205 pixels (at most 1024 on the longer side).',
  );
  await expect(page.getByTestId('canvas-input')).toContainText('205×1024');
});

test('a file that is not a picture is refused with a message, and one that only claims to be a PNG too', async ({ page }) => {
  await openApp(page, '?v=1&p=kernels');
  await page.getByTestId('image-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(page.getByTestId('file-message')).toContainText('“notes.txt” is not a picture (text/plain)');
  await page.getByTestId('image-file').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png either') });
  await expect(page.getByTestId('file-message')).toContainText('“fake.png” could not be read as a picture');
  await expect(page.getByTestId('grid-output')).toBeVisible();
});

test('every sample picture loads under the CSP and is filtered', async ({ page }) => {
  for (const [id, size] of [
    ['shapes', '192×256'],
    ['checker', '128×128'],
    ['gradient', '128×256'],
    ['strokes', '128×256'],
  ] as const) {
    await openApp(page, `?v=1&p=kernels&img=${id}&pad=same&k=1,2,1;2,4,2;1,2,1&div=16`);
    await expect(page.getByTestId('canvas-output')).toContainText(size);
    await expect(page.getByTestId('lab-status')).toContainText('conv2d took');
  }
});

test('dragging a weight of a 5×5 kernel on a 1024×768 RGB picture keeps updating the output', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?v=1&p=kernels&color=rgb&k=1,4,6,4,1;4,16,24,16,4;6,24,36,24,6;4,16,24,16,4;1,4,6,4,1&div=256&pad=same');
  await openPicture(page, 'photo.png', 1024, 768);
  await expect(page.getByTestId('canvas-output')).toContainText('768×1024', { timeout: 60_000 });
  await expect(page.getByTestId('lab-status')).toContainText('in a background worker', { timeout: 60_000 });
  await page.getByLabel('Weight row 0, column 0').focus();
  const slider = page.getByTestId('selected-weight').getByRole('slider');
  for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
  await expect(page.getByTestId('selected-weight').getByRole('textbox')).toHaveValue('6');
  await expect(page.getByTestId('lens-check')).toContainText('conv2d wrote', { timeout: 60_000 });
  const [lens, engine] = await lensNumbers(page);
  expect(lens).toBe(engine);
});
