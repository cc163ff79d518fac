// Hostile and garbage links: each opens the app (never a blank page), runs no script, opens no dialog, throws nothing,
// and shows the link notice when a known key was bad. Payloads set window.__pwned, which must stay undefined.

import { test, expect, focusPage, openApp, waitForPanel } from './fixtures.ts';
import type { Page } from '@playwright/test';

interface HostileCase {
  name: string;
  query: string;
  /** A known key was bad, so the notice must be visible. */
  notice: boolean;
}

const enc = encodeURIComponent;
const PWN = 'window.__pwned=1';

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'script tag in the input', query: `?x=${enc(`<script>${PWN}</script>`)}`, notice: true },
  { name: 'img onerror in the input (unescaped)', query: '?x=<img src=x onerror=alert(1)>', notice: true },
  { name: 'img onerror in the kernel', query: `?k=${enc(`<img src=x onerror="${PWN}">`)}`, notice: true },
  { name: 'javascript: URL as the panel', query: `?p=${enc(`javascript:${PWN}`)}`, notice: true },
  { name: 'javascript: URL as the language', query: '?lang=javascript:alert(document.domain)', notice: true },
  { name: 'svg onload as presentation mode', query: `?pm=${enc(`<svg onload="${PWN}">`)}`, notice: true },
  { name: 'huge step', query: '?s=99999999999999999999999', notice: true },
  { name: 'negative step', query: '?s=-3', notice: true },
  { name: 'huge bias', query: '?b=1e308', notice: true },
  { name: 'non-finite values', query: '?x=Infinity,NaN;1,2', notice: true },
  { name: 'negative and zero sizes as keys and a one-row kernel of -1', query: '?h=-3&w=0&k=-1', notice: false },
  { name: 'ragged matrix', query: '?x=1,2,3;4,5', notice: true },
  { name: 'oversized matrix (11×11)', query: `?x=${Array.from({ length: 11 }, () => Array(11).fill(1).join(',')).join(';')}`, notice: true },
  { name: 'kernel larger than the input', query: '?x=1,2;3,4&k=1,2,3;4,5,6;7,8,9', notice: true },
  { name: 'broken UTF-8 percent escape', query: '?p=%E0%A4%A&lang=%E0%A4%A', notice: true },
  { name: 'lone percent signs and nulls', query: '?x=%&k=%00%01&b=%ZZ', notice: true },
  { name: 'unknown panel', query: '?p=nonexistent-panel', notice: true },
  { name: 'unknown version', query: '?v=999', notice: true },
  { name: 'unknown keys only, with markup', query: `?${enc('<b>')}=${enc(`<script>${PWN}</script>`)}&__proto__=1&constructor=x`, notice: false },
  { name: 'prototype keys as values', query: '?p=__proto__&lang=constructor&pm=toString', notice: true },
  { name: 'duplicate keys, first one bad', query: '?s=abc&s=2', notice: true },
  { name: 'a 100 kB value', query: `?x=${'1,'.repeat(50_000)}1`, notice: true },
  { name: 'a 100 kB key', query: `?${'a'.repeat(100_000)}=1`, notice: true },
  { name: 'markup in the hash', query: `?v=1#${enc(`<img src=x onerror="${PWN}">`)}`, notice: false },
];

/** The built index.html, to answer links too long for the preview server's request-line limit (as a static host with a larger limit would). */
let indexHtml: string | null = null;
async function serveLongLinks(page: Page, baseURL: string): Promise<void> {
  await page.route(
    (url) => url.href.length > 4000 && url.pathname === '/',
    async (route) => {
      indexHtml ??= await (await fetch(`${baseURL}/`)).text();
      await route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml });
    },
  );
}

for (const hostile of HOSTILE_CASES) {
  test(`hostile link: ${hostile.name}`, async ({ page, baseURL }) => {
    await serveLongLinks(page, baseURL ?? '');
    await openApp(page, hostile.query);
    // A non-blank page: the header and a panel (Basics, or a placeholder), not the error card.
    await expect(page.getByRole('navigation').getByRole('link')).not.toHaveCount(0);
    await expect(page.locator('main#panel .error-card')).toHaveCount(0);
    expect((await page.locator('main#panel').innerText()).length).toBeGreaterThan(20);
    if (hostile.notice) await expect(page.getByTestId('link-notice')).toBeVisible();
    else await expect(page.getByTestId('link-notice')).toHaveCount(0);
    // Give any injected handler (onerror, onload) time to fire, then check nothing ran.
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Nothing from the link became markup.
    expect(await page.locator('img[src=x], script:not([src]), svg[onload], [onerror]').count()).toBe(0);
    // The app still works: End jumps to the last step.
    if (await page.getByTestId('narration').count()) {
      await focusPage(page);
      await page.keyboard.press('End');
      await expect(page.getByTestId('step-count')).toHaveText(/^Step (\d+) of \1$/);
    }
  });
}

test('the notice names the bad keys as text and can be dismissed', async ({ page }) => {
  await openApp(page, `?v=1&s=-1&x=${enc('<b id=bold>1</b>')}`);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('s');
  await expect(notice).toContainText('x');
  await expect(page.locator('#bold')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('narration')).toContainText('= 19');
});

test('a link whose input is smaller than the default kernel opens without crashing', async ({ page }) => {
  await openApp(page, '?v=1&x=5');
  await expect(page.locator('main#panel .error-card')).toHaveCount(0);
  await expect(page.getByTestId('narration')).toBeVisible();
  await expect(page.getByTestId('grid-output')).toBeVisible();
});

test('a good link after a bad one clears the notice', async ({ page }) => {
  await openApp(page, '?v=1&s=zzz');
  await expect(page.getByTestId('link-notice')).toBeVisible();
  await openApp(page, '?v=1&s=1');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await waitForPanel(page);
});

// Guards the helper itself: the long-link route must answer with the real app.
test('the long-link helper serves the built page', async ({ page, baseURL }) => {
  await serveLongLinks(page, baseURL ?? '');
  await openApp(page, `?v=1&zz=${'y'.repeat(5000)}`);
  await expect(page.getByTestId('narration')).toContainText('= 19');
});
