// "Copy link": the copied link, opened in a new page (and in a fresh browser context), reproduces the same view and step.

import type { Browser, Page } from '@playwright/test';
import { test, expect, gridSnapshot, narration, openApp, stepCount, waitForPanel, type PageProblems } from './fixtures.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Everything that makes up the view: compared between the page that copied the link and the page that opened it. */
async function viewOf(page: Page) {
  return {
    lang: await page.locator('html').getAttribute('lang'),
    presentation: await page.locator('html').evaluate((html) => html.classList.contains('presentation')),
    title: await page.getByRole('heading', { level: 1 }).textContent(),
    narration: await narration(page).textContent(),
    step: await stepCount(page).textContent(),
    checkedOperation: await page.locator('input[name=basics-op]:checked').evaluate((input) => input.parentElement?.textContent),
    bias: await page.getByTestId('bias-control').locator('input[type=text]').inputValue(),
    grids: await gridSnapshot(page),
  };
}

async function copyLink(page: Page, buttonName: string, copiedText: string): Promise<string> {
  await page.getByRole('button', { name: buttonName }).click();
  await expect(page.locator('.copy-status')).toHaveText(copiedText);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  return link;
}

async function openInFreshContext(browser: Browser, problems: PageProblems, link: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  problems.watchContext(context);
  const page = await context.newPage();
  await page.goto(link);
  await waitForPanel(page);
  return page;
}

test('a copied link reopens the same preset, operation, step, language and presentation mode', async ({ page, context, browser, problems }) => {
  await openApp(page);
  await page.getByLabel('Presets').selectOption('edge');
  await expect(page.getByTestId('grid-input').locator('figcaption')).toContainText('6×8');
  await page.getByLabel('True convolution (kernel flipped)').check();
  const next = page.getByRole('button', { name: 'Next step' });
  for (let i = 0; i < 3; i++) await next.click();
  await expect(stepCount(page)).toHaveText('Step 4 of 42');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '演示模式' }).click();
  await expect(page.locator('html')).toHaveClass(/presentation/);

  const link = await copyLink(page, '复制链接', '链接已复制');
  const url = new URL(link);
  expect(url.searchParams.get('s')).toBe('3');
  expect(url.searchParams.get('lang')).toBe('zh');
  expect(url.searchParams.get('pm')).toBe('1');
  expect(url.searchParams.get('flip')).toBe('1');

  const original = await viewOf(page);
  expect(original.step).toBe('第 4 步，共 42 步');
  expect(original.narration).toContain('输出 (0, 3)');

  // A new page of the same browser context.
  const second = await context.newPage();
  await second.goto(link);
  await waitForPanel(second);
  expect(await viewOf(second)).toEqual(original);
  await expect(second.getByTestId('link-notice')).toHaveCount(0);
  await expect(second.getByRole('button', { name: '演示模式' })).toHaveAttribute('aria-pressed', 'true');
  await expect(second.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');

  // Another browser context (another profile, English browser): the link still decides.
  const third = await openInFreshContext(browser, problems, link);
  expect(await viewOf(third)).toEqual(original);
  await third.context().close();
});

test('a copied link keeps edited values, bias and size', async ({ page, context }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Edit values: X' }).click();
  const editor = page.getByTestId('input-editor').locator('textarea');
  await editor.fill('1 -2 3 0\n4 5.5 -6 1\n-7 8 9 2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('grid-input').locator('figcaption')).toContainText('3×4');
  const bias = page.getByTestId('bias-control').locator('input[type=text]');
  await bias.fill('-3');
  await bias.press('Enter');
  await expect(narration(page)).toContainText('bias −3 included');
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(stepCount(page)).toHaveText('Step 6 of 6');
  const original = await viewOf(page);

  const link = await copyLink(page, 'Copy link', 'Link copied');
  const second = await context.newPage();
  await second.goto(link);
  await waitForPanel(second);
  expect(await viewOf(second)).toEqual(original);
});

test('a link copied right after a step already holds that step', async ({ page, context }) => {
  await openApp(page);
  // Two → presses and a click on "Copy link" in one go, as a quick presenter does (before the app's URL write, which waits for the steps to pause).
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy link');
    button?.click();
  });
  await expect(page.locator('.copy-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await expect(stepCount(page)).toHaveText('Step 3 of 4');
  const original = await viewOf(page);
  const second = await context.newPage();
  await second.goto(link);
  await waitForPanel(second);
  expect(await viewOf(second)).toEqual(original);
});

test('a link to a coming-soon panel in Chinese reopens it', async ({ page, context }) => {
  await openApp(page, '?p=stride');
  await page.getByRole('button', { name: '中文' }).click();
  const link = await copyLink(page, '复制链接', '链接已复制');
  const second = await context.newPage();
  await second.goto(link);
  await waitForPanel(second);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText((await page.getByRole('heading', { level: 1 }).textContent()) ?? 'x');
  await expect(second.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
