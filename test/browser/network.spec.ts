// What the app sends over the network: after the first load only GETs of its own static files (the service worker's
// precache included), never a request elsewhere, a websocket or a body, and a picture opened from a file never leaves the page.

import { encodePng } from '../../scripts/png.ts';
import { test, expect, focusPage, openApp, stepCount } from './fixtures.ts';
import type { Page, Request } from '@playwright/test';

/** Files the build emits: scripts, styles, pictures, fonts, the manifest and the service worker's files. */
const STATIC_FILE = /\.(?:js|mjs|css|png|jpe?g|gif|webp|svg|ico|woff2?|ttf|otf|webmanifest|json|html|txt|map)$/i;

interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Sent by the service worker rather than the page. */
  fromWorker: boolean;
  body: Buffer | null;
}

/** Records every request of the context (pages, dedicated workers and the service worker) and every websocket. */
function recordRequests(page: Page) {
  const requests: RecordedRequest[] = [];
  const sockets: string[] = [];
  const seen = new WeakSet<Request>();
  const record = (request: Request) => {
    if (seen.has(request)) return;
    seen.add(request);
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      fromWorker: request.serviceWorker() !== null,
      body: request.postDataBuffer(),
    });
  };
  page.context().on('request', record);
  page.on('request', record);
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return { requests, sockets };
}

function describeRequest(request: RecordedRequest): string {
  const body = request.body ? ` body ${request.body.length} bytes` : '';
  return `${request.method} ${request.url.slice(0, 160)} (${request.resourceType}${request.fromWorker ? ', service worker' : ''})${body}`;
}

/** Why a request breaks the rule, or null when it is a GET of one of the app's own static files (or the page itself). */
function problemOf(request: RecordedRequest, origin: string): string | null {
  if (request.url.startsWith('data:') || request.url.startsWith(`blob:${origin}/`)) return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return 'another origin';
  if (request.method !== 'GET') return `method ${request.method}`;
  if (request.body !== null) return 'has a body';
  const isPage = url.pathname === '/' && (request.resourceType === 'document' || request.fromWorker);
  if (!isPage && !STATIC_FILE.test(url.pathname)) return 'not a static file';
  return null;
}

function picture(width: number, height: number): Buffer {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37 + (i >> 7)) % 256;
  return Buffer.from(encodePng(width, height, rgb));
}

test('after load the app requests only its own static files, and an opened picture is never sent', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL ?? '').origin;
  const { requests, sockets } = recordRequests(page);

  // First load; then every panel through the navigation.
  await openApp(page, '?v=1');
  const links = page.getByRole('navigation').getByRole('link');
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    await links.nth(i).click();
    await expect(page.locator('main#panel h1').first()).toBeVisible();
  }

  // Stepping and settings on Basics.
  await links.first().click();
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toHaveText('Step 2 of 4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(stepCount(page)).toHaveText('Step 4 of 4', { timeout: 10_000 });
  await page.getByLabel('Presets').selectOption('blur');
  await page.getByLabel('True convolution (kernel flipped)').check();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: 'English' }).click();

  // The Image kernels lab: open a picture from a file, filter it, learn a kernel on it.
  await links.last().click();
  await page.getByTestId('sample').selectOption('shapes');
  await expect(page.getByTestId('lab-status')).toContainText('in a background worker', { timeout: 20_000 });
  const secretName = 'private-holiday-photo.png';
  const secret = picture(160, 120);
  const sentBefore = requests.length;
  await page.getByTestId('image-file').setInputFiles({ name: secretName, mimeType: 'image/png', buffer: secret });
  await expect(page.getByTestId('file-message')).toHaveText(`“${secretName}” opened: 160×120 pixels.`);
  await expect(page.getByTestId('lab-status')).toContainText(secretName);
  await expect(page.getByTestId('lab-status')).toContainText('in a background worker', { timeout: 20_000 });
  await page.getByTestId('learn-data').selectOption('image');
  await expect(page.getByTestId('learn')).not.toContainText('cannot run');
  await page.getByTestId('learn').scrollIntoViewIfNeeded();
  await focusPage(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Play' }).first().click();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Pause' }).first().click();
  // Let anything the page might send in the background have its chance.
  await page.waitForTimeout(500);

  const listing = requests.map(describeRequest).join('\n');
  test.info().annotations.push({
    type: 'requests',
    description: `${requests.length}: ${requests.filter((r) => r.fromWorker).length} from the service worker`,
  });
  const bad = requests.flatMap((request) => {
    const problem = problemOf(request, origin);
    return problem ? [`${problem}: ${describeRequest(request)}`] : [];
  });
  expect(bad, `requests that break the rule, out of all ${requests.length}:\n${listing}`).toEqual([]);
  expect(sockets, 'websockets opened').toEqual([]);
  // The picture stayed in the page: nothing carried a body (so not its bytes), no URL names it, and opening it fetched nothing.
  expect(requests.filter((request) => request.body !== null).map(describeRequest)).toEqual([]);
  expect(requests.filter((request) => request.url.includes('holiday')).map(describeRequest)).toEqual([]);
  const afterOpen = requests.slice(sentBefore).filter((request) => !STATIC_FILE.test(new URL(request.url, origin).pathname));
  expect(afterOpen.map(describeRequest), `after opening the picture:\n${listing}`).toEqual([]);
  // The recorder saw the app's own files (so the check above is not vacuous).
  expect(requests.some((request) => /\/assets\/.+\.js$/.test(request.url))).toBe(true);
  expect(requests.some((request) => new URL(request.url).pathname === '/samples/shapes.png')).toBe(true);
});
