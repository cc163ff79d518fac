// Offline after the first visit: the service worker precaches the built app, so with the network cut a reload still renders,
// other panels' lazy chunks, KaTeX's fonts and the sample pictures come from the cache. Served from a sub-path like a real host.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForPanel } from './fixtures.ts';
import { BUILD_DIR, startStaticHost, type StaticHost } from './staticHost.ts';

const PREFIX = '/convscope/';
let host: StaticHost;

test.beforeEach(async () => {
  host = await startStaticHost({ prefix: PREFIX });
});
test.afterEach(async () => {
  await host.close();
});

/** Waits until the service worker is active and controls the page (it claims open pages as soon as it has precached). */
async function waitForServiceWorker(page: Page): Promise<string> {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return scope;
}

/** The font faces of KaTeX that the page has loaded (from the stylesheet's @font-face rules). */
async function loadedKatexFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.family.replace(/"/g, '').startsWith('KaTeX_') && face.status === 'loaded')
      .map((face) => face.family);
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(BUILD_DIR, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

test('the service worker precaches every file the app can load: HTML, chunks, styles, KaTeX woff2, icons, manifest, samples', () => {
  const serviceWorker = readFileSync(join(BUILD_DIR, 'sw.js'), 'utf8');
  const precached = new Set([...serviceWorker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]));
  const needed = filesUnder(BUILD_DIR).filter(
    (file) => /\.(html|js|css|woff2|png|svg|webmanifest)$/.test(file) && file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file),
  );
  expect(needed.filter((file) => file.startsWith('samples/')).length).toBeGreaterThan(0);
  expect(needed.filter((file) => file.endsWith('.woff2')).length).toBeGreaterThan(0);
  expect(needed.filter((file) => !precached.has(file))).toEqual([]);
  // Source maps and the older font formats stay out: the browsers that run service workers read woff2.
  expect([...precached].filter((url) => /\.(map|woff|ttf)$/.test(url ?? ''))).toEqual([]);
});

test('after the first visit the app works with the network cut: reload, another panel, formulas with fonts, a sample picture', async ({
  page,
  context,
}) => {
  await page.goto(`${host.origin}${PREFIX}?v=1`);
  await waitForPanel(page);
  expect(await waitForServiceWorker(page)).toBe(`${host.origin}${PREFIX}`);

  await context.setOffline(true);
  const requestsBefore = host.requests.length;
  // The network really is cut: a page outside the service worker's scope does not load.
  const probe = await context.newPage();
  await expect(probe.goto(`${host.origin}/outside-the-app.txt`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await probe.close();

  await page.reload();
  await waitForPanel(page);
  await expect(page.getByTestId('narration')).toBeVisible();
  await expect(page.getByTestId('grid-output').locator('[data-cell]').first()).toBeVisible();

  // Another panel: its lazy chunk (not loaded before going offline) comes from the cache.
  await page.getByRole('navigation').locator('a[href="?v=1&p=pooling"]').click();
  await waitForPanel(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pooling');
  await expect(page.locator('main#panel [role=alert]')).toHaveCount(0);
  await expect(page.locator('.katex').first()).toBeVisible();
  const fonts = await loadedKatexFonts(page);
  expect(fonts.some((family) => family.includes('KaTeX_Main'))).toBe(true);
  expect(
    await page
      .locator('.katex')
      .first()
      .evaluate((element) => getComputedStyle(element).fontFamily),
  ).toContain('KaTeX_Main');

  // A new navigation while offline (the service worker answers it with the cached page), with a sample PNG.
  await page.goto(`${host.origin}${PREFIX}?v=1&p=kernels&img=shapes`);
  await waitForPanel(page);
  await expect(page.getByTestId('canvas-input')).toContainText('192×256');
  await expect(page.getByTestId('lab-status')).toContainText('conv2d took');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // Nothing of that reached the server. The one request let through is Chromium's own check for a newer service worker
  // script after a navigation: the page does not make it, Playwright's offline emulation does not cover it
  // (microsoft/playwright#2311), and a browser that is really offline fails it quietly. Whether it falls inside this test
  // depends on timing.
  expect(host.requests.slice(requestsBefore).filter((path) => path !== `${PREFIX}sw.js`)).toEqual([]);
});

test('a second visit in Chinese also works offline, and the language follows the link', async ({ page, context }) => {
  await page.goto(`${host.origin}${PREFIX}?v=1&p=stride`);
  await waitForPanel(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(`${host.origin}${PREFIX}?v=1&p=transposed&lang=zh`);
  await waitForPanel(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation').locator('a[aria-current=page]')).toHaveAttribute('href', '?v=1&p=transposed');
  await expect(page.locator('.katex').first()).toBeVisible();
});
