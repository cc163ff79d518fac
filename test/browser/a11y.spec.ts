// axe-core on every panel, in normal and presentation mode, in English and Chinese: no violations.
// axe is injected with page.evaluate (which the page's CSP does not block), since @axe-core/playwright needs Node 22.

import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { test, expect, openApp, PANEL_IDS } from './fixtures.ts';

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  });
}

// One test per panel (one page, four views), so a failure names the panel and the run stays short.
for (const panel of PANEL_IDS) {
  test(`axe: ${panel}, normal and presentation mode, English and Chinese`, async ({ page }) => {
    for (const presentation of [false, true]) {
      for (const lang of ['en', 'zh'] as const) {
        const view = `${panel}${presentation ? ', presentation mode' : ''}, ${lang}`;
        await openApp(page, `?v=1&p=${panel}&lang=${lang}${presentation ? '&pm=1' : ''}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
        expect.soft(await axeViolations(page), `axe violations on ${view}`).toEqual([]);
      }
    }
  });
}

test('axe: Basics mid-trace with the matrix editor open and a bad link notice', async ({ page }) => {
  await openApp(page, '?v=1&s=2&flip=1&b=zzz');
  await expect(page.getByTestId('link-notice')).toBeVisible();
  await page.getByRole('button', { name: 'Edit values: X' }).click();
  await page.getByTestId('input-editor').locator('textarea').fill('1 2\n3');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe: Basics on a phone with the edge preset', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '?v=1');
  await page.getByLabel('Presets').selectOption('edge');
  expect(await axeViolations(page)).toEqual([]);
});

test('axe: formulas while KaTeX is still downloading, and after its download failed', async ({ page, problems }) => {
  problems.allow(/Failed to load resource: net::ERR_FAILED/);
  // The KaTeX chunk is held back, so every formula shows its placeholder box; then it fails, and formulas show their TeX.
  let releaseKatex: (() => void) | undefined;
  const katexHeld = new Promise<void>((resolve) => (releaseKatex = resolve));
  await page.route(/katexModule[^/]*\.js$/, async (route) => {
    await katexHeld;
    await route.abort();
  });
  await openApp(page, '?v=1&p=kernels');
  await expect(page.locator('.formula-pending').first()).toBeVisible();
  expect(await axeViolations(page), 'axe violations while KaTeX loads').toEqual([]);
  releaseKatex?.();
  await expect(page.locator('.formula-fallback').first()).toBeVisible();
  await expect(page.locator('.formula-pending')).toHaveCount(0);
  expect(await axeViolations(page), 'axe violations after KaTeX failed').toEqual([]);
});
