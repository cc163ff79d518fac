// @vitest-environment jsdom
// The Basics panel in the real app: the notes' 19, 25, 37, 43, true convolution, presets, bias, language, hover links and the why strip.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { conv2d, tensor } from '../../src/engine/index.ts';
import { PANEL_IDS, PANEL_TITLES, isBuilt } from '../../src/app/panels.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { BASICS_PRESETS, NOTES_INPUT, NOTES_KERNEL } from '../../src/panels/basics/basicsConfig.ts';
import { useAppStore } from '../../src/state/store.ts';
import { formatNumber } from '../../src/ui/formatNumber.ts';
import type { Matrix } from '../../src/url/fields.ts';
import { cellText, gridCell, gridValues, highlighted, narration, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

const TITLE = 'Cross-correlation and convolution';
const MINUS = '\u2212';

async function openBasics(url = '?v=1') {
  const user = userEvent.setup();
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: TITLE }, { timeout: 10_000 });
  return user;
  await playerReady();
}

/** The engine's one-shot result for a Basics config, formatted as the grid writes it. */
function expectedOutput(input: Matrix, kernel: Matrix, options: { flip?: boolean; bias?: number } = {}): string[][] {
  const inH = input.length;
  const inW = input[0]?.length ?? 0;
  const kH = kernel.length;
  const kW = kernel[0]?.length ?? 0;
  const out = conv2d(tensor(input.flat(), [1, inH, inW]), tensor(kernel.flat(), [1, 1, kH, kW]), {
    flip: options.flip ?? false,
    bias: [options.bias ?? 0],
  });
  const [, outH = 0, outW = 0] = out.shape;
  return Array.from({ length: outH }, (_, y) => Array.from({ length: outW }, (_, x) => formatNumber(out.data[y * outW + x] ?? NaN)));
}

describe('the notes’ example (default)', () => {
  it('shows 19 first, with the narration of its four products', async () => {
    await openBasics();
    expect(narration()).toBe('Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
    expect(gridValues('grid-output')).toEqual([
      ['19', ''],
      ['', ''],
    ]);
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 1 of 4');
  });

  it('stepping with Next gives 25, 37 and 43, each with its products', async () => {
    const user = await openBasics();
    const next = screen.getByRole('button', { name: 'Next step' });
    await user.click(next);
    expect(narration()).toBe('Output (0, 1) = 1×0 + 2×1 + 4×2 + 5×3 = 25');
    await user.click(next);
    expect(narration()).toBe('Output (1, 0) = 3×0 + 4×1 + 6×2 + 7×3 = 37');
    await user.click(next);
    expect(narration()).toBe('Output (1, 1) = 4×0 + 5×1 + 7×2 + 8×3 = 43');
    expect(next).toBeDisabled();
  });

  it('after the last step the output grid reads 19 25 37 43', async () => {
    const user = await openBasics();
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    expect(gridValues('grid-output')).toEqual([
      ['19', '25'],
      ['37', '43'],
    ]);
    expect(gridValues('grid-output')).toEqual(expectedOutput(NOTES_INPUT, NOTES_KERNEL));
  });

  it('the window moves with the step: the highlighted input cells are the ones multiplied', async () => {
    await openBasics();
    expect(highlighted('grid-input', 'window')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(highlighted('grid-output', 'output')).toEqual(['0,0']);
    stepTo(3);
    expect(highlighted('grid-input', 'window')).toEqual(['1,1', '1,2', '2,1', '2,2']);
    expect(highlighted('grid-kernel', 'window')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(highlighted('grid-output', 'output')).toEqual(['1,1']);
    // Each input cell of the window carries the weight it is multiplied by.
    expect(gridCell('grid-input', 2, 2).querySelector('.grid-annotation')?.textContent).toBe('×3');
  });

  it('the keyboard steps the panel: → and End', async () => {
    const user = await openBasics();
    await user.keyboard('{ArrowRight}');
    expect(narration()).toContain('= 25');
    await user.keyboard('{End}');
    expect(narration()).toContain('= 43');
    await user.keyboard('{Home}');
    expect(narration()).toContain('= 19');
  });

  it('the current-sum formula updates with the step', async () => {
    await openBasics();
    const current = () => document.querySelector('.formula-current')?.textContent ?? '';
    expect(current()).toContain('19');
    stepTo(1);
    // Typeset once the step's grids are painted: for that frame it still shows the previous sum.
    expect(current()).toContain('19');
    await waitFor(() => expect(current()).toContain('25'));
    expect(document.querySelector('.formula-fallback')).toBeNull();
  });

  it('a link with a step reopens at that step', async () => {
    await openBasics('?v=1&s=2');
    expect(narration()).toBe('Output (1, 0) = 3×0 + 4×1 + 6×2 + 7×3 = 37');
    expect(gridValues('grid-output')).toEqual([
      ['19', '25'],
      ['37', ''],
    ]);
  });

  it('a link with a step past the end shows the last step', async () => {
    await openBasics('?v=1&s=99999');
    expect(narration()).toContain('= 43');
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 4 of 4');
  });
});

describe('true convolution', () => {
  it('shows the kernel rotated 180° and gives the flipped outputs of the engine', async () => {
    const user = await openBasics();
    await user.click(screen.getByRole('radio', { name: 'True convolution (kernel flipped)' }));
    expect(screen.getByRole('img', { name: 'Kernel K rotated 180°, 2×2' })).toBeInTheDocument();
    expect(gridValues('grid-kernel')).toEqual([
      ['3', '2'],
      ['1', '0'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    const expected = expectedOutput(NOTES_INPUT, NOTES_KERNEL, { flip: true });
    expect(gridValues('grid-output')).toEqual(expected);
    expect(expected).not.toEqual(expectedOutput(NOTES_INPUT, NOTES_KERNEL));
    expect(screen.getByText(/True convolution rotates the kernel by 180°/)).toBeInTheDocument();
  });

  it('the flipped narration multiplies by the rotated kernel', async () => {
    await openBasics('?v=1&flip=1');
    const [first = ''] = expectedOutput(NOTES_INPUT, NOTES_KERNEL, { flip: true })[0] ?? [];
    expect(narration()).toBe(`Output (0, 0) = 0×3 + 1×2 + 3×1 + 4×0 = ${first}`);
  });

  it('the asymmetric preset gives the engine’s flipped outputs', async () => {
    const user = await openBasics();
    const preset = BASICS_PRESETS.find((p) => p.id === 'asymmetric')?.config;
    if (!preset) throw new Error('asymmetric preset missing');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presets' }), 'asymmetric');
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    expect(gridValues('grid-output')).toEqual(expectedOutput(preset.input, preset.kernel, { flip: true }));
  });
});

describe('presets, bias and edits', () => {
  it('the edge preset gives a 6×7 output of 1 and −1 at the edges and 0 elsewhere', async () => {
    const user = await openBasics();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presets' }), 'edge');
    expect(screen.getByRole('img', { name: 'Output Y, 6×7' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Input X, 6×8' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    const row = ['0', '1', '0', '0', '0', `${MINUS}1`, '0'];
    expect(gridValues('grid-output')).toEqual(Array.from({ length: 6 }, () => row));
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 42 of 42');
  });

  it('choosing a preset resets the step to a view of that preset', async () => {
    const user = await openBasics('?v=1&s=3');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presets' }), 'identity');
    expect(screen.getByRole('img', { name: 'Kernel K, 3×3' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Presets' })).toHaveValue('identity');
  });

  it('a bias adds to every output and is named in the narration', async () => {
    const user = await openBasics();
    const field = within(screen.getByTestId('bias-control')).getByRole('textbox', { name: 'Bias b' });
    await user.clear(field);
    await user.type(field, '5{Enter}');
    expect(narration()).toBe('Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 + 5 = 24 (bias 5 included)');
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    expect(gridValues('grid-output')).toEqual([
      ['24', '30'],
      ['42', '48'],
    ]);
    expect(gridValues('grid-output')).toEqual(expectedOutput(NOTES_INPUT, NOTES_KERNEL, { bias: 5 }));
  });

  it('a negative bias from the link is written with a real minus sign, in parentheses as a term', async () => {
    await openBasics('?v=1&b=-20&s=3');
    expect(narration()).toBe(`Output (1, 1) = 4×0 + 5×1 + 7×2 + 8×3 + (${MINUS}20) = 23 (bias ${MINUS}20 included)`);
    expect(gridValues('grid-output')).toEqual([
      [`${MINUS}1`, '5'],
      ['17', '23'],
    ]);
  });

  it('a non-integer output in the thousands is written legibly, not in exponent notation', async () => {
    // 4 × 100 × 5 + 0.5 = 2000.5
    await openBasics('?v=1&x=100,100;100,100&k=5,5;5,5&b=0.5');
    expect(narration()).toMatch(/^Output \(0, 0\) = 100×5 \+ 100×5 \+ 100×5 \+ 100×5 \+ 0\.5 = /);
    expect(narration()).not.toMatch(/\de[+-]\d/);
    expect(gridValues('grid-output')[0]?.[0]).not.toMatch(/e[+-]/);
  });

  it('pasted input values through the matrix editor change the output', async () => {
    const user = await openBasics();
    await user.click(screen.getByRole('button', { name: 'Edit values: X' }));
    const area = within(screen.getByTestId('input-editor')).getByRole('textbox');
    await user.clear(area);
    area.focus();
    await user.paste('1 0 0 1\n0 1 1 0\n1 1 1 1\n0 0 0 0');
    await user.click(within(screen.getByTestId('input-editor')).getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('img', { name: 'Output Y, 3×3' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    const input = [
      [1, 0, 0, 1],
      [0, 1, 1, 0],
      [1, 1, 1, 1],
      [0, 0, 0, 0],
    ];
    expect(gridValues('grid-output')).toEqual(expectedOutput(input, NOTES_KERNEL));
  });

  it('shrinking the input below the kernel shrinks the kernel with it', async () => {
    const user = await openBasics();
    const height = within(screen.getByTestId('input-size')).getByRole('textbox', { name: 'Input size: height' });
    await user.clear(height);
    await user.type(height, '1{Enter}');
    expect(screen.getByRole('img', { name: 'Input X, 1×3' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Kernel K, 1×2' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Output Y, 1×2' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a kernel size larger than the input is clamped with a message', async () => {
    const user = await openBasics();
    const width = within(screen.getByTestId('kernel-size')).getByRole('textbox', { name: 'Kernel size: width' });
    await user.clear(width);
    await user.type(width, '9{Enter}');
    expect(screen.getByRole('img', { name: 'Kernel K, 2×3' })).toBeInTheDocument();
    expect(within(screen.getByTestId('kernel-size')).getByRole('status')).toHaveTextContent('must be between 1 and 3; using 3');
  });
});

describe('language and presentation', () => {
  it('the language switch changes the title to 互相关运算与卷积运算 and the narration to Chinese', async () => {
    const user = await openBasics();
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { level: 1, name: '互相关运算与卷积运算' })).toBeInTheDocument();
    expect(narration()).toBe('输出 (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '下一步' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('a link with lang=zh opens in Chinese', async () => {
    renderApp({ url: '?v=1&lang=zh' });
    expect(await screen.findByRole('heading', { level: 1, name: '互相关运算与卷积运算' })).toBeInTheDocument();
    expect(narration()).toBe('输出 (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
  });

  it('the presentation toggle adds the presentation class to <html> and removes it again', async () => {
    const user = await openBasics();
    const toggle = screen.getByRole('button', { name: 'Presentation mode' });
    expect(document.documentElement).not.toHaveClass('presentation');
    await user.click(toggle);
    expect(document.documentElement).toHaveClass('presentation');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(document.documentElement).not.toHaveClass('presentation');
  });

  it('a link with pm=1 opens in presentation mode', async () => {
    await openBasics('?v=1&pm=1');
    expect(document.documentElement).toHaveClass('presentation');
  });
});

// Once every panel is built there is nothing left to test here (an empty it.each would fail the suite).
describe.runIf(PANEL_IDS.some((id) => !isBuilt(id)))('panels not built yet', () => {
  it.each(PANEL_IDS.filter((id) => !isBuilt(id)))('the %s panel shows its coming-soon placeholder with a button back to Basics', async (id) => {
    const user = await openBasics();
    const title = MESSAGES.en[PANEL_TITLES[id]];
    const nav = screen.getByRole('navigation', { name: 'Panels' });
    await user.click(within(nav).getByRole('link', { name: new RegExp(`^${title}`) }));
    expect(screen.getByRole('heading', { level: 1, name: `${title} is coming soon` })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: new RegExp(`^${title}`) })).toHaveAttribute('aria-current', 'page');
    expect(useAppStore.getState().panel).toBe(id);
    await user.click(screen.getByRole('button', { name: 'Open Basics' }));
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
  });
});

describe('hover links', () => {
  it('hovering an output cell highlights exactly the 4 input cells it used', async () => {
    const user = await openBasics();
    await user.hover(gridCell('grid-output', 1, 1));
    expect(highlighted('grid-input', 'linked')).toEqual(['1,1', '1,2', '2,1', '2,2']);
    expect(highlighted('grid-kernel', 'linked')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(highlighted('grid-output', 'linked')).toEqual(['1,1']);
    expect(highlighted('grid-input', 'window')).toEqual([]);
  });

  it('hovering the output cell (0, 1) links the input cells of its window, not the current step’s', async () => {
    const user = await openBasics();
    stepTo(3);
    await user.hover(gridCell('grid-output', 0, 1));
    expect(highlighted('grid-input', 'linked')).toEqual(['0,1', '0,2', '1,1', '1,2']);
  });

  it('hovering the centre input cell highlights all 4 outputs it feeds; a corner only one', async () => {
    const user = await openBasics();
    await user.hover(gridCell('grid-input', 1, 1));
    expect(highlighted('grid-output', 'linked')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    await user.hover(gridCell('grid-input', 0, 0));
    expect(highlighted('grid-output', 'linked')).toEqual(['0,0']);
    expect(highlighted('grid-kernel', 'linked')).toEqual(['0,0']);
  });

  it('leaving the grids goes back to the current step’s window', async () => {
    const user = await openBasics();
    await user.hover(gridCell('grid-output', 1, 1));
    await user.unhover(screen.getByRole('img', { name: 'Output Y, 2×2' }));
    expect(highlighted('grid-input', 'linked')).toEqual([]);
    expect(highlighted('grid-input', 'window')).toEqual(['0,0', '0,1', '1,0', '1,1']);
  });

  it('a tap on an output cell (touch) links its inputs too', async () => {
    const user = await openBasics();
    await user.pointer({ keys: '[TouchA]', target: gridCell('grid-output', 1, 0) });
    expect(highlighted('grid-input', 'linked')).toEqual(['1,0', '1,1', '2,0', '2,1']);
  });

  it('with true convolution the hovered output links the rotated kernel cells in window position', async () => {
    const user = await openBasics('?v=1&flip=1');
    await user.hover(gridCell('grid-output', 0, 0));
    expect(highlighted('grid-input', 'linked')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(highlighted('grid-kernel', 'linked')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(cellText(gridCell('grid-kernel', 0, 0))).toBe('3');
  });
});

describe('why convolution', () => {
  it('the strip shows 36 dense parameters vs 4 for the default', async () => {
    await openBasics();
    const strip = screen.getByRole('region', { name: 'Why convolution?' });
    expect(strip).toHaveTextContent('A dense layer from this 3×3 input to a 2×2 output needs 36 parameters.');
    expect(strip).toHaveTextContent('This 2×2 kernel needs 4 (plus one bias), shared by every position.');
  });

  it('the strip follows the configuration (edge preset: 48×42 vs 2)', async () => {
    const user = await openBasics();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presets' }), 'edge');
    const strip = screen.getByRole('region', { name: 'Why convolution?' });
    expect(strip).toHaveTextContent(`needs ${(48 * 42).toLocaleString()} parameters`);
    expect(strip).toHaveTextContent('This 1×2 kernel needs 2 (plus one bias)');
  });
});

describe('links that need fixing', () => {
  it('a hostile link opens the panel with the defaults and a notice naming the bad keys as text', async () => {
    await openBasics('?v=1&x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&b=javascript:alert(1)&s=-3');
    const notice = screen.getByTestId('link-notice');
    expect(notice.querySelector('.link-notice-keys')?.textContent).toBe('s, x, b');
    expect(document.querySelector('script')).toBeNull();
    expect(narration()).toBe('Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
  });

  it('a link whose input is smaller than the default kernel still opens the panel, with a notice', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      renderApp({ url: '?v=1&x=1,2' });
      // Wait for the lazy panel to settle: either the panel or its error card.
      await waitFor(() => expect(screen.queryByRole('article') ?? screen.queryByRole('alert')).not.toBeNull(), { timeout: 10_000 });
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
      expect(screen.getByTestId('link-notice')).toHaveTextContent('x');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a bias from the link is kept when the bias field is only focused and left', async () => {
    // b=500 is within the link's limit (±999) and is accepted without a notice.
    const user = await openBasics('?v=1&b=500');
    expect(useAppStore.getState().configs.basics.bias).toBe(500);
    const field = within(screen.getByTestId('bias-control')).getByRole('textbox', { name: 'Bias b' });
    await user.click(field);
    await user.tab();
    expect(useAppStore.getState().configs.basics.bias).toBe(500);
  });
});
