// The "PyTorch code" section in Chromium: it opens on every panel (its chunk loads under the CSP), shows the engine's
// output shape, copies the exact code to the clipboard, and at 390 px scrolls inside its own box, never the page.

import type { Page } from '@playwright/test';
import { test, expect, openApp, PANEL_IDS } from './fixtures.ts';

async function openCode(page: Page): Promise<void> {
  const section = page.getByTestId('code-view');
  await section.locator('summary').click();
  await expect(page.getByTestId('code-text')).toBeVisible();
}

for (const id of PANEL_IDS) {
  test(`panel "${id}": the code section opens and shows code and an output shape`, async ({ page }) => {
    await openApp(page, `?p=${id}`);
    await openCode(page);
    await expect(page.getByTestId('code-text')).toContainText('import torch');
    await expect(page.getByTestId('code-output-shape')).toHaveText(/^(Output shape|Shape of [\w.]+): \(1(, \d+)+\)$/);
  });
}

test('the copy button puts exactly the shown code on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?p=pooling&op=avg&cip=0&pad=1');
  await openCode(page);
  const code = await page.getByTestId('code-text').textContent();
  expect(code).toContain('count_include_pad=False');
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByTestId('code-status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('at 390 px the code scrolls inside its box and the page never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '?p=transposed&lang=zh');
  await page.getByTestId('code-view').locator('summary').click();
  await expect(page.getByTestId('code-text')).toBeVisible();
  await expect(page.getByTestId('code-output-shape')).toHaveText('输出形状：(1, 1, 5, 5)');
  const widths = await page.evaluate(() => {
    const block = document.querySelector('.code-block') as HTMLElement;
    return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, blockScroll: block.scrollWidth, blockBox: block.clientWidth };
  });
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  expect(widths.blockScroll).toBeGreaterThan(widths.blockBox);
});

test('the section is hidden in presentation mode', async ({ page }) => {
  await openApp(page, '?pm=1');
  await expect(page.getByTestId('code-view')).toBeHidden();
});
