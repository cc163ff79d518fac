// Back and forward restore earlier views: presets, the operation, the language, presentation mode and panels are history entries.

import { test, expect, gridSnapshot, narration, openApp, stepCount, waitForPanel } from './fixtures.ts';

test('back and forward walk through presets, operation, language and panel', async ({ page }) => {
  await openApp(page, '?v=1');
  const views: { label: string; snapshot: Awaited<ReturnType<typeof gridSnapshot>>; narration: string | null; url: string }[] = [];
  const remember = async (label: string) => {
    views.push({ label, snapshot: await gridSnapshot(page), narration: await narration(page).textContent(), url: page.url() });
  };
  await remember('default');

  await page.getByLabel('Presets').selectOption('edge');
  await expect(page).toHaveURL(/[?&]x=/);
  await remember('edge');

  await page.getByLabel('True convolution (kernel flipped)').check();
  await expect(page).toHaveURL(/[?&]flip=1/);
  await remember('edge, flipped');

  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(stepCount(page)).toHaveText('Step 3 of 42');
  await expect(page).toHaveURL(/[?&]s=2/);
  await remember('edge, flipped, step 3');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveURL(/[?&]lang=zh/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('navigation').getByRole('link', { name: '池化' }).click();
  await expect(page).toHaveURL(/[?&]p=pooling/);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('互相关运算与卷积运算');

  // Back: the panel, then the language, then the step stays with the flipped edge view it was taken in.
  await page.goBack();
  await waitForPanel(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('互相关运算与卷积运算');
  await expect(stepCount(page)).toHaveText('第 3 步，共 42 步');

  await page.goBack();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(stepCount(page)).toHaveText('Step 3 of 42');
  const afterLanguageBack = views[3]!;
  expect(await gridSnapshot(page)).toEqual(afterLanguageBack.snapshot);
  await expect(narration(page)).toHaveText(afterLanguageBack.narration ?? '');

  // Steps replace the current entry rather than adding entries; the next Back undoes the flip.
  await page.goBack();
  await expect(page.getByLabel('Cross-correlation (what PyTorch computes)')).toBeChecked();
  expect(await gridSnapshot(page)).toEqual(views[1]!.snapshot);
  await expect(narration(page)).toHaveText(views[1]!.narration ?? '');

  await page.goBack();
  expect(await gridSnapshot(page)).toEqual(views[0]!.snapshot);
  await expect(narration(page)).toHaveText(views[0]!.narration ?? '');
  await expect(page.getByTestId('grid-input').locator('figcaption')).toContainText('3×3');

  // Forward again, twice: the flipped edge view at the step it had.
  await page.goForward();
  expect(await gridSnapshot(page)).toEqual(views[1]!.snapshot);
  await page.goForward();
  await expect(page.getByLabel('True convolution (kernel flipped)')).toBeChecked();
  await expect(stepCount(page)).toHaveText('Step 3 of 42');
  expect(await gridSnapshot(page)).toEqual(views[3]!.snapshot);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
});

test('back and forward toggle presentation mode', async ({ page }) => {
  await openApp(page, '?v=1');
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).toHaveClass(/presentation/);
  await expect(page).toHaveURL(/[?&]pm=1/);
  await page.goBack();
  await expect(page.locator('html')).not.toHaveClass(/presentation/);
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute('aria-pressed', 'false');
  await page.goForward();
  await expect(page.locator('html')).toHaveClass(/presentation/);
});

test('stepping does not flood the history', async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => history.length);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]s=3/);
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(before + 1);
});

// The usual way in: the bare address, with no query string at all.
test('forward still works after going back to the bare address', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Presets').selectOption('edge');
  await expect(page).toHaveURL(/[?&]x=/);
  await page.goBack();
  await expect(page.getByTestId('grid-input').locator('figcaption')).toContainText('3×3');
  await page.goForward();
  await expect(page.getByTestId('grid-input').locator('figcaption')).toContainText('6×8');
  await expect(page).toHaveURL(/[?&]x=/);
});

test('going back to a link with explicit defaults keeps the forward history', async ({ page }) => {
  await openApp(page, '?v=1&s=0&flip=0&b=0');
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page).toHaveURL(/[?&]pm=1/);
  await page.goBack();
  await expect(page.locator('html')).not.toHaveClass(/presentation/);
  await page.goForward();
  await expect(page.locator('html')).toHaveClass(/presentation/);
});
