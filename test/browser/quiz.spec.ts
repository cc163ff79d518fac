// Quiz mode in the real browser, keyboard only: → opens a prediction, Enter checks it, the verdict, working and score show,
// the step moves on, and the value being predicted is nowhere on the page before the answer. English and Chinese.

import type { Page } from '@playwright/test';
import { conv2d, stackReceptiveField, tensor, maxPool2d } from '../../src/engine/index.ts';
import { STRIDE_PRESETS } from '../../src/panels/stride/strideConfig.ts';
import { RECEPTIVE_PRESETS } from '../../src/panels/receptive/receptiveConfig.ts';
import { formatNumber } from '../../src/ui/formatNumber.ts';
import { test, expect, focusPage, openApp, stepCount } from './fixtures.ts';

/** The Stride panel's default convolution, computed by the engine's one-shot conv2d (not the trace the page plays). */
function strideDefault() {
  const config = STRIDE_PRESETS[0]?.config;
  if (!config) throw new Error('no stride preset');
  const rows = config.input.length;
  const cols = config.input[0]?.length ?? 0;
  const out = conv2d(
    tensor(config.input.flat(), [1, rows, cols]),
    tensor(config.kernel.flat(), [1, 1, config.kernel.length, config.kernel[0]?.length ?? 0]),
    {
      padding: [...config.padding],
      stride: [...config.stride],
      dilation: [...config.dilation],
    },
  );
  const [, height = 0, width = 0] = out.shape;
  return { height, width, value: (y: number, x: number) => out.data[y * width + x] ?? NaN };
}

const field = (page: Page) => page.getByTestId('quiz-field');
const verdict = (page: Page) => page.getByTestId('quiz-verdict');
const score = (page: Page) => page.getByTestId('quiz-score');
const outputCellText = (page: Page, y: number, x: number) =>
  page
    .getByTestId('grid-output')
    .locator(`[data-cell="${y},${x}"]`)
    .evaluate((cell) => cell.textContent ?? '');

/** Types a prediction with the keyboard (the field has focus) and presses Enter. */
async function predict(page: Page, typed: string) {
  await expect(field(page)).toBeFocused();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
}

test('stride, English: size first, then a wrong and a right value, Escape and the score; keyboard only', async ({ page }) => {
  const expected = strideDefault();
  await openApp(page, '?p=stride&quiz=1');
  await expect(page.getByRole('button', { name: 'Predict first' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  // The size is the first question: no output grid and no size formula on screen yet.
  await expect(page.getByTestId('grid-output')).toHaveCount(0);
  await expect(page.locator('.formulas').first()).toBeHidden();
  // Nor do the tools under the panel (the GIF range ends at the step count; the code prints the output's shape), and the
  // scrubber cannot be dragged to the last step.
  await expect(page.getByTestId('export-tools')).toBeHidden();
  await expect(page.getByTestId('code-view')).toBeHidden();
  await expect(page.locator('.player input[type=range]')).toBeDisabled();
  await focusPage(page);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Predict the output size (height × width)')).toBeVisible();
  await predict(page, `${expected.height}x${expected.width}`);
  await expect(verdict(page)).toContainText(`Right! ${expected.height}×${expected.width}`);
  await expect(page.getByTestId('quiz-working')).toContainText(`= ${expected.height}`);
  await expect(score(page)).toHaveText('Score 1/1');
  await expect(page.getByTestId('player-next')).toBeFocused();
  await expect(stepCount(page)).toContainText('Step 1 of');
  // Export is back once the size is known; the code, which prints every output, stays away for the whole quiz.
  await expect(page.getByTestId('export-tools')).toBeVisible();
  await expect(page.getByTestId('code-view')).toBeHidden();
  await expect(page.locator('.player input[type=range]')).toBeEnabled();

  // Output (0, 1): pending, and its value is in no text on the page while it is asked.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Predict output (0, 1)')).toBeVisible();
  expect(await outputCellText(page, 0, 1)).toBe('');
  const answer = expected.value(0, 1);
  await expect(page.getByTestId('narration')).not.toContainText('(0, 1)');
  await predict(page, String(answer + 1));
  await expect(verdict(page)).toContainText(`Not quite: you said ${answer + 1}, the answer is ${formatNumber(answer)}.`);
  await expect(page.getByTestId('quiz-working')).toContainText(`= ${formatNumber(answer)}`);
  await expect(stepCount(page)).toContainText('Step 2 of');
  expect(await outputCellText(page, 0, 1)).toBe(formatNumber(answer));
  await expect(score(page)).toHaveText('Score 1/2');

  // → continues from where focus came back: output (0, 2), right this time.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Predict output (0, 2)')).toBeVisible();
  await predict(page, String(expected.value(0, 2)));
  await expect(verdict(page)).toContainText('Right!');
  await expect(stepCount(page)).toContainText('Step 3 of');
  await expect(score(page)).toHaveText('Score 2/3');

  // Escape closes without scoring or stepping.
  await page.keyboard.press('ArrowRight');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field(page)).toHaveCount(0);
  await expect(stepCount(page)).toContainText('Step 3 of');
  await expect(score(page)).toHaveText('Score 2/3');

  // The score survives a reload in the same tab; the player's ← still works. (Steps reach the link once they pause: wait for it.)
  await expect(page).toHaveURL(/[?&]s=2(&|$)/);
  await page.reload();
  await expect(score(page)).toHaveText('Score 2/3');
  await focusPage(page);
  await page.keyboard.press('ArrowLeft');
  await expect(stepCount(page)).toContainText('Step 2 of');
});

test('stride, 中文: junk gets a message in Chinese, then a right answer', async ({ page }) => {
  const expected = strideDefault();
  await openApp(page, '?p=stride&quiz=1&lang=zh&s=1');
  await expect(page.getByRole('button', { name: '先预测' })).toHaveAttribute('aria-pressed', 'true');
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('预测输出 (0, 2)')).toBeVisible();
  expect(await outputCellText(page, 0, 2)).toBe('');
  await predict(page, 'abc');
  await expect(page.getByRole('alert').filter({ hasText: '不是数字' })).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(expected.value(0, 2)));
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toContainText(`答对了！${formatNumber(expected.value(0, 2))}`);
  await expect(page.getByTestId('quiz-working')).toContainText('计算过程：');
  await expect(score(page)).toHaveText('得分 1/1');
  await expect(stepCount(page)).toHaveText(/第 3 步/);
});

test('pooling: the next pooled value, with the per-channel strip’s numbers hidden while predicting', async ({ page }) => {
  const input = tensor(
    Array.from({ length: 16 }, (_, i) => i),
    [1, 4, 4],
  );
  const pooled = maxPool2d(input, { kernelSize: 2, stride: 2 });
  await openApp(page, '?p=pooling&quiz=1&s=1');
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Predict pooled output (1, 0)')).toBeVisible();
  expect(await outputCellText(page, 1, 0)).toBe('');
  const strip = page.getByTestId('grid-channel-out-0').locator('text').first();
  await expect(strip).toBeHidden();
  await predict(page, String(pooled.data[2]));
  await expect(verdict(page)).toContainText(`Right! ${formatNumber(pooled.data[2] ?? NaN)}`);
  await expect(page.getByTestId('quiz-working')).toContainText('max(');
  await expect(stepCount(page)).toHaveText('Step 3 of 4');
});

test('receptive field: the next layer’s size, with the later layers’ sizes not on screen before answering', async ({ page }) => {
  const notes = RECEPTIVE_PRESETS.find((preset) => preset.id === 'notes');
  if (!notes) throw new Error('no notes preset');
  const sizes = stackReceptiveField(notes.config.layers).map((entry) => entry.size);
  await openApp(page, '?p=receptive&quiz=1');
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/Predict the receptive field of layer 2/)).toBeVisible();
  // Layer 2's size is in no visible label, table row or preset name.
  await expect(page.getByTestId('layer-table').locator('tbody tr')).toHaveCount(2);
  const visibleTags = await page
    .locator('.stack-rf')
    .evaluateAll((tags) => tags.filter((tag) => getComputedStyle(tag).visibility !== 'hidden').map((tag) => tag.textContent));
  expect(visibleTags).toEqual([`RF ${sizes[0]}`]);
  await expect(page.locator('.controls-column select').first()).not.toContainText('RF');
  await predict(page, String(sizes[1]));
  await expect(verdict(page)).toContainText(`Right! ${sizes[1]}`);
  await expect(stepCount(page)).toHaveText('Step 2 of 3');
  await expect(page.getByTestId('layer-table').locator('tbody tr')).toHaveCount(3);
});

test('presentation mode keeps the toggle and the score', async ({ page }) => {
  await openApp(page, '?quiz=1&pm=1&s=1');
  await expect(page.getByRole('button', { name: 'Predict first' })).toBeVisible();
  await expect(score(page)).toBeVisible();
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(field(page)).toBeFocused();
});
