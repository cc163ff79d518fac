// The built app hosted from a sub-path (/course/week-3/convscope/) by a plain static server, as on GitHub Pages or a course
// platform: every panel's lazy chunk, the fonts and the sample pictures resolve inside that folder, and a shared link reopens there.

import { test, expect, gridSnapshot, narration, stepCount, waitForPanel, PANEL_IDS } from './fixtures.ts';
import { startStaticHost, type StaticHost } from './staticHost.ts';

const PREFIX = '/course/week-3/convscope/';
let host: StaticHost;

test.beforeAll(async () => {
  host = await startStaticHost({ prefix: PREFIX });
});
test.afterAll(async () => {
  await host.close();
});

// The service worker registers here too (its scope is the app's folder); offline.spec.ts tests what it does.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the app opens from a sub-path and every panel loads through the navigation', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${host.origin}${PREFIX}`);
  await waitForPanel(page);
  await expect(narration(page)).toBeVisible();
  const nav = page.getByRole('navigation');
  for (const id of [...PANEL_IDS.slice(1), 'basics' as const]) {
    await nav.locator(`a[href="?v=1${id === 'basics' ? '' : `&p=${id}`}"]`).click();
    await waitForPanel(page);
    await expect(page.locator('main#panel [role=alert]')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`^${host.origin}${PREFIX}\\?v=1${id === 'basics' ? '' : `&p=${id}`}`));
  }
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(failed).toEqual([]);
  // Everything the page asked for came from inside the app's folder: no asset path assumes the site root.
  const outside = host.requests.filter((path) => !path.startsWith(PREFIX));
  expect(outside).toEqual([]);
  expect(host.requests.some((path) => /^\/course\/week-3\/convscope\/assets\/(Pooling|Kernels|Channels)Panel-[\w-]+\.js$/.test(path))).toBe(true);
  expect(host.requests.some((path) => /\/assets\/KaTeX_Main-Regular-[\w-]+\.woff2$/.test(path))).toBe(true);
});

test('the folder without its trailing slash redirects into it and the app still loads', async ({ page }) => {
  await page.goto(`${host.origin}${PREFIX.slice(0, -1)}?v=1&p=stride`);
  await waitForPanel(page);
  await expect(page).toHaveURL(`${host.origin}${PREFIX}?v=1&p=stride`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Stride');
});

test('the Image kernels sample picture loads from the sub-path', async ({ page }) => {
  await page.goto(`${host.origin}${PREFIX}?v=1&p=kernels&img=shapes`);
  await waitForPanel(page);
  await expect(page.getByTestId('canvas-input')).toContainText('192×256');
  await expect(page.getByTestId('canvas-output')).toContainText('192×255');
  await expect(page.getByTestId('lab-status')).toContainText('conv2d took');
  expect(host.requests).toContain(`${PREFIX}samples/shapes.png`);
});

test('the manifest and icons are served from the sub-path with their content types', async ({ request }) => {
  const html = await (await request.get(`${host.origin}${PREFIX}`)).text();
  expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
  const manifestResponse = await request.get(`${host.origin}${PREFIX}manifest.webmanifest`);
  expect(manifestResponse.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await manifestResponse.json()) as { start_url: string; scope: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const response = await request.get(`${host.origin}${PREFIX}${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    const body = await response.body();
    // PNG signature, then the IHDR width and height must match the size the manifest claims.
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
  }
});

test('a link copied at the sub-path reopens the same view there', async ({ page, context }) => {
  await page.goto(`${host.origin}${PREFIX}?v=1&p=padding`);
  await waitForPanel(page);
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < 3; i++) await next.click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const before = { step: await stepCount(page).textContent(), grids: await gridSnapshot(page), narration: await narration(page).textContent() };

  await page.getByRole('button', { name: '复制链接' }).click();
  await expect(page.locator('.copy-status')).toHaveText('链接已复制');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${host.origin}${PREFIX}?v=1`)).toBe(true);

  const reopened = await context.newPage();
  await reopened.goto(link);
  await waitForPanel(reopened);
  expect({
    step: await stepCount(reopened).textContent(),
    grids: await gridSnapshot(reopened),
    narration: await narration(reopened).textContent(),
  }).toEqual(before);
  expect(before.step).toContain('4');
});
