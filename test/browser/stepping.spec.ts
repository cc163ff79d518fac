// The step player: keyboard (→ ← Space Home End) and buttons move the highlighted window, the output cell and the narration.

import { test, expect, focusPage, highlights, narration, openApp, stepCount } from './fixtures.ts';

const STEP_1 = 'Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19';
const STEP_2 = 'Output (0, 1) = 1×0 + 2×1 + 4×2 + 5×3 = 25';
const STEP_3 = 'Output (1, 0) = 3×0 + 4×1 + 6×2 + 7×3 = 37';
const STEP_4 = 'Output (1, 1) = 4×0 + 5×1 + 7×2 + 8×3 = 43';

/** The window over the input and the output cell of each step of the notes' example (3×3 input, 2×2 kernel). */
const WINDOWS = [
  { input: ['0,0', '0,1', '1,0', '1,1'], output: '0,0' },
  { input: ['0,1', '0,2', '1,1', '1,2'], output: '0,1' },
  { input: ['1,0', '1,1', '2,0', '2,1'], output: '1,0' },
  { input: ['1,1', '1,2', '2,1', '2,2'], output: '1,1' },
];

async function expectStep(page: import('@playwright/test').Page, index: number, text: string) {
  await expect(stepCount(page)).toHaveText(`Step ${index + 1} of 4`);
  await expect(narration(page)).toHaveText(text);
  const window = WINDOWS[index]!;
  await expect.poll(async () => (await highlights(page, 'input')).sort()).toEqual(window.input.map((key) => `${key}:window`).sort());
  await expect.poll(() => highlights(page, 'output')).toEqual([`${window.output}:output`]);
  await expect.poll(async () => (await highlights(page, 'kernel')).sort()).toEqual(['0,0:window', '0,1:window', '1,0:window', '1,1:window']);
}

test("the first step shows the notes' first product sum", async ({ page }) => {
  await openApp(page);
  await expectStep(page, 0, STEP_1);
  // Only computed output cells show a value.
  const outputTexts = await page
    .getByTestId('grid-output')
    .locator('[data-cell]')
    .evaluateAll((nodes) => nodes.map((node) => node.querySelector('text')?.textContent ?? ''));
  expect(outputTexts).toEqual(['19', '', '', '']);
});

test('→ and ← step through the trace, changing highlights and narration', async ({ page }) => {
  await openApp(page);
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1, STEP_2);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2, STEP_3);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3, STEP_4);
  // Past the end stays on the last step.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3, STEP_4);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2, STEP_3);
  await expect(page).toHaveURL(/[?&]s=2(&|$)/);
});

test('the Next and Previous buttons step as well', async ({ page }) => {
  await openApp(page);
  const next = page.getByRole('button', { name: 'Next step' });
  const previous = page.getByRole('button', { name: 'Previous step' });
  await expect(previous).toBeDisabled();
  await next.click();
  await expectStep(page, 1, STEP_2);
  await next.click();
  await expectStep(page, 2, STEP_3);
  await previous.click();
  await expectStep(page, 1, STEP_2);
  await page.getByRole('button', { name: 'Last step' }).click();
  await expectStep(page, 3, STEP_4);
  await expect(next).toBeDisabled();
  await page.getByRole('button', { name: 'First step' }).click();
  await expectStep(page, 0, STEP_1);
});

test('Home and End jump to the first and last steps', async ({ page }) => {
  await openApp(page);
  await focusPage(page);
  await page.keyboard.press('End');
  await expectStep(page, 3, STEP_4);
  await page.keyboard.press('Home');
  await expectStep(page, 0, STEP_1);
  await page.keyboard.press('End');
  await expectStep(page, 3, STEP_4);
});

test('Space plays to the end and pauses; Space again pauses mid-way', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Speed').selectOption('4');
  await focusPage(page);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expectStep(page, 3, STEP_4);
  // At the end, playback stops by itself.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // From the last step, Space restarts from the first; a second Space pauses.
  await page.getByLabel('Speed').selectOption('0.5');
  await focusPage(page);
  await page.keyboard.press('Space');
  await expect(stepCount(page)).toHaveText('Step 2 of 4', { timeout: 6_000 });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await stepCount(page).textContent();
  await page.waitForTimeout(2_500);
  await expect(stepCount(page)).toHaveText(paused ?? '');
});

test('the Play button plays and the scrubber moves with it', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expectStep(page, 3, STEP_4);
  await expect(page.getByRole('slider', { name: 'Step' })).toHaveValue('3');
});

test('a step in the link opens on that step', async ({ page }) => {
  await openApp(page, '?v=1&s=2');
  await expectStep(page, 2, STEP_3);
});

test('a step past the end of the trace shows the last step', async ({ page }) => {
  await openApp(page, '?v=1&s=99');
  await expectStep(page, 3, STEP_4);
});

test('the address bar ends on the step shown after a quick → ←', async ({ page }) => {
  await openApp(page, '?v=1&s=1');
  await expect(page).toHaveURL(/[?&]s=1(&|$)/);
  // → then ← within one task: the view ends where it started, and so must the link.
  await page.evaluate(() => {
    for (const key of ['ArrowRight', 'ArrowLeft']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await expect(stepCount(page)).toHaveText('Step 2 of 4');
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/[?&]s=1(&|$)/);
});
