// English ↔ 中文: the switch changes every visible text (narration included) and the html lang attribute; the link and the
// browser's language choose the first one.

import { test, expect, comingSoonPanel, narration, openApp, stepCount } from './fixtures.ts';

test('the language switch turns English into Chinese and back', async ({ page }) => {
  await openApp(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cross-correlation and convolution');
  await expect(narration(page)).toHaveText('Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('互相关运算与卷积运算');
  await expect(narration(page)).toHaveText('输出 (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
  await expect(stepCount(page)).toHaveText('第 1 步，共 4 步');
  await expect(page.getByRole('navigation').getByRole('link').first()).toHaveText('基础');
  await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]lang=zh/);
  await expect(page).toHaveTitle(/一步一步看懂卷积/);
  // No English sentence of the panel is left on screen.
  const main = await page.locator('main#panel').innerText();
  expect(main).not.toContain('Cross-correlation');
  expect(main).not.toContain('Output');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cross-correlation and convolution');
  await expect(stepCount(page)).toHaveText('Step 1 of 4');
  await expect(page).toHaveURL(/[?&]lang=en/);
});

test('the language follows the step and the operation', async ({ page }) => {
  await openApp(page, '?v=1&lang=zh&s=1&flip=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('互相关运算与卷积运算');
  await expect(stepCount(page)).toHaveText('第 2 步，共 4 步');
  await expect(narration(page)).toContainText('输出 (0, 1)');
  await expect(page.getByText('旋转 180° 的卷积核 K')).toBeVisible();
  await expect(page.getByRole('radio', { name: '严格的卷积运算（卷积核翻转）' })).toBeChecked();
});

test('a coming-soon panel is translated', async ({ page }) => {
  await openApp(page);
  const soon = await comingSoonPanel(page);
  test.skip(soon === null, 'every panel is built');
  await openApp(page, `?v=1&p=${soon}&lang=zh`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('即将推出');
  await expect(page.getByRole('button', { name: '打开“基础”' })).toBeVisible();
});

test('every panel is translated: no English title left in Chinese', async ({ page }) => {
  await openApp(page, '?v=1&lang=en');
  const english = await page.getByRole('navigation').getByRole('link').allInnerTexts();
  await openApp(page, '?v=1&lang=zh');
  const chinese = await page.getByRole('navigation').getByRole('link').allInnerTexts();
  expect(chinese).toHaveLength(english.length);
  for (let i = 0; i < english.length; i++) expect(chinese[i]).not.toBe(english[i]);
  expect(chinese.join(' ')).toMatch(/基础/);
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the browser language picks Chinese when the link does not say', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('互相关运算与卷积运算');
  });

  test('the link overrides the browser language', async ({ page }) => {
    await openApp(page, '?v=1&lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cross-correlation and convolution');
  });
});
