// @vitest-environment jsdom
// Quiz mode in the real app: → opens a prediction, Enter checks it, the verdict, working and score show, and the step moves on.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { SCORE_STORAGE_KEY, readStoredScore, useQuizStore } from '../../src/quiz/quizStore.ts';
import { cellText, gridCell, renderApp, stepTo } from '../helpers/renderApp.tsx';

function resetQuiz() {
  sessionStorage.clear();
  useQuizStore.setState({ attempted: 0, right: 0, open: null, verdict: null, sizesDone: new Set() });
}

function press(key: string, target: Element | Window = window) {
  act(() => {
    fireEvent.keyDown(target, { key });
  });
}

/** Types into the open prediction field and presses Enter. */
function answer(text: string) {
  const field = screen.getByTestId('quiz-field');
  expect(document.activeElement).toBe(field);
  act(() => {
    fireEvent.change(field, { target: { value: text } });
  });
  act(() => {
    fireEvent.submit(field.closest('form') as HTMLFormElement);
  });
}

const step = () => useAppStore.getState().step;

/** The quiz toggle, once the panel is up and its effects have run: the player's key handler is attached in one, and a key
 * pressed before it (as could happen on a loaded machine) would be lost. */
async function findToggle(name: string): Promise<HTMLElement> {
  const toggle = await screen.findByRole('button', { name });
  await act(async () => undefined);
  return toggle;
}

beforeEach(resetQuiz);
afterEach(resetQuiz);

describe('quiz mode on the Basics panel (the notes’ X and K)', () => {
  it('asks the size first with the output hidden, then 25 and 37; scores a wrong and a right answer', async () => {
    renderApp({ url: '?v=1&quiz=1' });
    const toggle = await findToggle('Predict first');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    // The size is the first question: the output grid is not drawn yet.
    expect(screen.queryByTestId('grid-output')).toBeNull();
    expect(screen.getByTestId('grid-output-hidden').textContent).toContain('?×?');
    expect(screen.getByRole('button', { name: 'Play' })).toHaveProperty('disabled', true);
    // Nor does the step counter say how many steps (output cells) there are.
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of ?');

    press('ArrowRight');
    expect(screen.getByLabelText(/Predict the output size/)).toBeTruthy();
    answer('2x2');
    expect(screen.getByTestId('quiz-verdict').textContent).toContain('Right! 2×2');
    expect(screen.getByTestId('quiz-working').textContent).toContain('h = ⌊(3 + 0 + 0 − 2) / 1⌋ + 1 = 2');
    expect(step()).toBe(0);
    expect(screen.getByTestId('grid-output')).toBeTruthy();
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of 4');
    expect(document.activeElement).toBe(screen.getByTestId('player-next'));

    // Next: output (0, 1) is still pending while it is asked.
    press('ArrowRight');
    expect(screen.getByLabelText(/Predict output \(0, 1\)/)).toBeTruthy();
    expect(cellText(gridCell('grid-output', 0, 1))).toBe('');
    answer('24');
    const verdict = screen.getByTestId('quiz-verdict');
    expect(verdict.textContent).toContain('Not quite: you said 24, the answer is 25.');
    expect(screen.getByTestId('quiz-working').textContent).toBe('Working: 1×0 + 2×1 + 4×2 + 5×3 = 25');
    expect(step()).toBe(1);
    expect(cellText(gridCell('grid-output', 0, 1))).toBe('25');
    expect(screen.getByTestId('quiz-score').textContent).toBe('Score 1/2');

    // → continues from the Next button: output (1, 0) = 37, typed with full-width digits.
    press('ArrowRight', document.activeElement ?? window);
    answer('３７');
    expect(screen.getByTestId('quiz-verdict').textContent).toContain('Right! 37');
    expect(step()).toBe(2);
    expect(screen.getByTestId('quiz-score').textContent).toBe('Score 2/3');
    expect(readStoredScore()).toEqual({ attempted: 3, right: 2 });
    expect(JSON.parse(sessionStorage.getItem(SCORE_STORAGE_KEY) ?? '{}')).toMatchObject({ v: 1, attempted: 3, right: 2 });
  });

  it('while the size is asked, neither the scrubber nor Last nor End tells the number of steps', async () => {
    renderApp({ url: '?v=1&quiz=1' });
    await findToggle('Predict first');
    const scrubber = () => document.querySelector<HTMLInputElement>('.player input[type=range]') as HTMLInputElement;
    const last = () => screen.getByRole('button', { name: 'Last step' });
    expect(scrubber().disabled).toBe(true);
    expect(scrubber().max).toBe('0');
    expect(scrubber().getAttribute('aria-valuetext')).toBe('Step 1 of ?');
    expect(last()).toHaveProperty('disabled', true);
    press('End');
    expect(step()).toBe(0);
    expect(screen.getByTestId('step-count').textContent).toBe('Step 1 of ?');

    press('ArrowRight');
    answer('2x2');
    expect(scrubber().disabled).toBe(false);
    expect(scrubber().max).toBe('3');
    expect(scrubber().getAttribute('aria-valuetext')).toBe('Step 1 of 4');
    expect(last()).toHaveProperty('disabled', false);
  });

  it('junk gets a clear message and is not scored; Escape closes unscored; Reveal counts as a miss', async () => {
    renderApp({ url: '?v=1&quiz=1&s=1' });
    await findToggle('Predict first');
    press('ArrowRight');
    answer('abc');
    expect(screen.getByRole('alert').textContent).toContain('“abc” is not a number');
    expect(screen.getByTestId('quiz-field').getAttribute('aria-invalid')).toBe('true');
    expect(useQuizStore.getState().attempted).toBe(0);
    expect(step()).toBe(1);

    press('Escape', screen.getByTestId('quiz-field'));
    expect(screen.queryByTestId('quiz-field')).toBeNull();
    expect(step()).toBe(1);
    expect(useQuizStore.getState().attempted).toBe(0);
    expect(cellText(gridCell('grid-output', 1, 0))).toBe('');

    press('ArrowRight');
    act(() => {
      fireEvent.click(screen.getByTestId('quiz-reveal'));
    });
    expect(screen.getByTestId('quiz-verdict').textContent).toContain('Revealed: the answer is 37');
    expect(useQuizStore.getState()).toMatchObject({ attempted: 1, right: 0 });
    expect(step()).toBe(2);

    // Reset score.
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Reset score' }));
    });
    expect(useQuizStore.getState()).toMatchObject({ attempted: 0, right: 0 });
  });

  it('Previous, Home and End still move the player, closing an open question', async () => {
    renderApp({ url: '?v=1&quiz=1&s=2' });
    await findToggle('Predict first');
    press('ArrowRight');
    expect(screen.getByTestId('quiz-field')).toBeTruthy();
    press('ArrowLeft', document.body);
    expect(step()).toBe(1);
    expect(screen.queryByTestId('quiz-field')).toBeNull();
    press('End');
    expect(step()).toBe(3);
    press('Home');
    expect(step()).toBe(0);
    // Space does not start autoplay while the quiz is on.
    press(' ');
    expect(useAppStore.getState().playing).toBe(false);
  });

  it('the toggle switches quiz mode off and on; switched on at step 0 it asks the size at once', async () => {
    renderApp({ url: '?v=1' });
    const toggle = await findToggle('Predict first');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByTestId('quiz-field')).toBeNull();
    act(() => {
      fireEvent.click(toggle);
    });
    expect(useAppStore.getState().quiz).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('quiz-field'));
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Predict first' }));
    });
    expect(useAppStore.getState().quiz).toBe(false);
    expect(screen.queryByTestId('quiz-field')).toBeNull();
  });

  it('speaks Chinese: toggle, prompt, verdict and score', async () => {
    renderApp({ url: '?v=1&lang=zh&quiz=1&s=1' });
    const toggle = await findToggle('先预测');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    press('ArrowRight');
    expect(screen.getByLabelText(/预测输出 \(1, 0\)/)).toBeTruthy();
    answer('3 7');
    expect(screen.getByRole('alert').textContent).toContain('“3 7”不是数字');
    answer('37');
    expect(screen.getByTestId('quiz-verdict').textContent).toContain('答对了！37');
    expect(screen.getByTestId('quiz-working').textContent).toBe('计算过程：3×0 + 4×1 + 6×2 + 7×3 = 37');
    expect(screen.getByTestId('quiz-score').textContent).toBe('得分 1/1');
  });
});

describe('quiz sources on other panels', () => {
  it('pooling asks the pooled value; with max(…) working', async () => {
    renderApp({ url: '?v=1&p=pooling&quiz=1&s=0' });
    await findToggle('Predict first');
    press('ArrowRight');
    expect(screen.getByLabelText(/Predict the output size/)).toBeTruthy();
    answer('2 2');
    press('ArrowRight');
    expect(screen.getByLabelText(/Predict pooled output \(0, 1\)/)).toBeTruthy();
    answer('7');
    expect(screen.getByTestId('quiz-working').textContent).toBe('Working: max(2, 3, 6, 7) = 7');
    expect(step()).toBe(1);
  });

  it('the backward pass has no quiz toggle', async () => {
    renderApp({ url: '?v=1&p=pooling&dir=backward' });
    await screen.findByRole('heading', { level: 1, name: 'Pooling' });
    expect(screen.queryByRole('button', { name: 'Predict first' })).toBeNull();
  });

  it('receptive field asks the next layer’s size, and the table stops at the layer shown', async () => {
    renderApp({ url: '?v=1&p=receptive&quiz=1&s=0' });
    await findToggle('Predict first');
    const table = screen.getByTestId('layer-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header, input, layer 1
    press('ArrowRight');
    expect(screen.getByLabelText(/Predict the receptive field of layer 2/)).toBeTruthy();
    answer('5');
    expect(screen.getByTestId('quiz-working').textContent).toBe('Working: RF₂ = 3 + (3 − 1)·1 = 5');
    expect(step()).toBe(1);
  });

  it('preset names do not give the output size away: stride’s “→ 4×4” and transposed’s “2×2 → 5×5” read “→ ?”', async () => {
    renderApp({ url: '?v=1&p=stride&quiz=1' });
    await findToggle('Predict first');
    const names = () => Array.from(screen.getByLabelText('Presets').querySelectorAll('option')).map((option) => option.textContent ?? '');
    expect(names()).toContain('Notes: 8×8, k = 3, p = 1, s = 2 → ?');
    expect(names().join(' | ')).not.toMatch(/→ (\d|0, 8)/);
    act(() => useAppStore.getState().setQuiz(false));
    expect(names()).toContain('Notes: 8×8, k = 3, p = 1, s = 2 → 4×4');
  });

  it('the channels panel’s player has no toggle', async () => {
    renderApp({ url: '?v=1&p=channels' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Predict first' })).toBeNull();
  });
});

describe('stepTo helper still works with the quiz on', () => {
  it('jumping with the scrubber is allowed', async () => {
    renderApp({ url: '?v=1&quiz=1' });
    await findToggle('Predict first');
    stepTo(3);
    expect(cellText(gridCell('grid-output', 1, 1))).toBe('43');
  });
});
