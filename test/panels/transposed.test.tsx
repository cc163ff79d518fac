// @vitest-environment jsdom
// The Transposed panel over the real engine: three views that agree on screen, the notes' round trip, output padding, checkerboard, links.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { convTranspose2d, tensor } from '../../src/engine/index.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { formatNumber } from '../../src/ui/formatNumber.ts';
import { TRANSPOSED_PRESETS, type TransposedConfig } from '../../src/panels/transposed/transposedConfig.ts';
import { gridValues, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

const BASE = '?v=1&p=transposed';

/** Opens the panel at a link (unmounting any app a loop opened before). */
async function openTransposed(url = BASE) {
  cleanup();
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: /^(Transposed convolution|转置卷积)$/ });
  await playerReady();
}

function config(): TransposedConfig {
  return useAppStore.getState().configs.transposed;
}

function choosePreset(label: RegExp) {
  const select = screen.getByLabelText('Presets');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  act(() => {
    fireEvent.change(select, { target: { value: option.value } });
  });
}

function chooseOrder(name: RegExp) {
  act(() => {
    fireEvent.click(screen.getByRole('radio', { name }));
  });
}

function slide(name: string, value: number) {
  act(() => {
    fireEvent.change(screen.getByRole('slider', { name }), { target: { value: String(value) } });
  });
}

/** The three views' output (large) grids as shown. */
function outputsOnScreen() {
  return { scatter: gridValues('tr-scatter-output'), direct: gridValues('grid-output'), matrix: gridValues('tr-matrix-output') };
}

/** The engine's one-shot op on the panel's config, formatted as the grids write numbers. */
function engineOutput(c: TransposedConfig): string[][] {
  const input = tensor(c.input.flat(), [1, c.input.length, c.input[0]?.length ?? 0]);
  const weight = tensor(c.kernel.flat(), [1, 1, c.kernel.length, c.kernel[0]?.length ?? 0]);
  const out = convTranspose2d(input, weight, {
    stride: [...c.stride],
    padding: [...c.padding],
    outputPadding: [...c.outputPadding],
    dilation: [...c.dilation],
  });
  const [, h, w] = out.shape as [number, number, number];
  return Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => formatNumber(out.data[y * w + x] as number)));
}

function stepCount(): number {
  return Number(/of (\d+)/.exec(screen.getByTestId('step-count').textContent ?? '')?.[1]);
}

/**
 * In gather order: at each step the three views show the same cells filled with the same numbers, ending at the engine's op.
 * Every step of small outputs; for larger ones the first rows, a middle step and the last ones (jsdom redraws slowly).
 */
function expectViewsAgreeStepByStep() {
  const length = stepCount();
  const steps = length <= 25 ? [...Array(length).keys()] : [0, 1, 2, 3, 4, 5, 6, 7, Math.floor(length / 2), length - 2, length - 1];
  for (const step of steps) {
    stepTo(step);
    const { scatter, direct, matrix } = outputsOnScreen();
    expect(scatter).toEqual(direct);
    expect(matrix).toEqual(direct);
    expect(direct.flat().filter((text) => text !== '')).toHaveLength(step + 1);
  }
  expect(outputsOnScreen().direct).toEqual(engineOutput(config()));
}

describe('Transposed panel', () => {
  it('the notes’ default: input (small) 2×2 → output (large) 5×5 with k = 3, s = 2, p = 0, labelled in every view', async () => {
    await openTransposed();
    expect(screen.getByTestId('tr-sizes')).toHaveTextContent('Input (small) 2×2 → output (large) 5×5');
    for (const id of ['tr-scatter-input', 'grid-input'])
      expect(screen.getByTestId(id).querySelector('figcaption')).toHaveTextContent(/Input \(small\)/);
    for (const id of ['tr-scatter-output', 'grid-output', 'tr-matrix-output']) {
      expect(screen.getByTestId(id).querySelector('figcaption')).toHaveTextContent(/output \(large\)/i);
      expect(gridValues(id)).toHaveLength(5);
    }
    expect(screen.getByTestId('tr-matrix-vector').querySelector('figcaption')).toHaveTextContent(/input \(small\)/);
    expect(screen.getByTestId('tr-matrix-c').querySelector('figcaption')).toHaveTextContent('4 rows (input cells) × 25 columns (output cells)');
    expect(screen.getByTestId('grid-input').querySelector('figcaption')).toHaveTextContent('3×3 → 7×7 with padding');
  });

  it('gather order: the three views show the same numbers step by step, for the presets', { timeout: 60_000 }, async () => {
    await openTransposed();
    chooseOrder(/gather order/);
    for (const preset of [/Notes: 2×2 → 5×5/, /needs output_padding 1/, /uneven overlap/, /Dilation 2/, /per axis/]) {
      choosePreset(preset);
      expectViewsAgreeStepByStep();
    }
  });

  it(
    'gather order: they agree for hand-made links too (per-axis stride and dilation, padding larger than d(k − 1), a 1×1 input)',
    { timeout: 60_000 },
    async () => {
      for (const query of [
        '&x=1,-2,3;0,4,-1&k=2,0,-1;1,3,1&st=1,2&dl=2,1&op=1,0&by=output',
        '&x=1,2,3,4;5,6,7,8;1,2,3,4;5,6,7,8&pad=3&by=output',
        '&x=7&k=1,2;3,4&st=3&by=output',
      ]) {
        await openTransposed(`${BASE}${query}`);
        expect(screen.queryByTestId('link-notice')).toBeNull();
        expectViewsAgreeStepByStep();
      }
    },
  );

  it('scatter order: the scatter and matrix views accumulate the same running sums, and all three agree at the end', async () => {
    await openTransposed(`${BASE}&x=1,2,3;4,5,6;7,8,9&pad=1&op=1`);
    const length = stepCount();
    expect(length).toBe(9);
    for (let step = 0; step < length; step++) {
      stepTo(step);
      expect(gridValues('tr-matrix-output')).toEqual(gridValues('tr-scatter-output'));
    }
    expect(outputsOnScreen().scatter).toEqual(outputsOnScreen().direct);
    expect(outputsOnScreen().direct).toEqual(engineOutput(config()));
  });

  it('scatter order, step 2: input (0, 1) stamps rows 0–2, columns 2–4; the direct view links the same output cells, the matrix row 1', async () => {
    await openTransposed();
    stepTo(1);
    expect(screen.getByTestId('narration')).toHaveTextContent('Input (small) (0, 1) = 2: 2 × K is added into output (large) rows 0–2, columns 2–4.');
    const stamp = ['0,2', '0,3', '0,4', '1,2', '1,3', '1,4', '2,2', '2,3', '2,4'];
    const marked = (id: string, kind: string) =>
      [...screen.getByTestId(id).querySelectorAll(`[data-highlight="${kind}"]`)].map((cell) => cell.getAttribute('data-cell')).sort();
    expect(marked('tr-scatter-output', 'output')).toEqual(stamp);
    expect(marked('grid-output', 'linked')).toEqual(stamp);
    expect(marked('tr-matrix-output', 'output')).toEqual(stamp);
    expect(marked('grid-input', 'linked')).toEqual(['0,2']);
    expect(marked('tr-matrix-c', 'window').every((key) => key?.startsWith('1,'))).toBe(true);
  });

  it('gather order: the narration lists only the stamps that land on the cell', async () => {
    await openTransposed(`${BASE}&by=output`);
    stepTo(12);
    // Output (2, 2) of the notes' default: every input cell's kernel corner lands there.
    expect(screen.getByTestId('narration')).toHaveTextContent(/^Output \(large\) \(2, 2\) = .* = 6: 4 stamps land on this cell\.$/);
    expect(gridValues('grid-output')[2]?.[2]).toBe('6');
  });

  it('the direct view draws inserted zeros apart from real input cells and padding', async () => {
    await openTransposed();
    const input = screen.getByTestId('grid-input');
    expect(input.querySelectorAll('.is-inserted')).toHaveLength(5);
    expect(input.querySelectorAll('.is-padding')).toHaveLength(49 - 9);
    expect(input.querySelector('[data-cell="0,0"]')?.classList.contains('is-inserted')).toBe(false);
    expect(input.querySelector('[data-cell="1,1"]')?.classList.contains('is-inserted')).toBe(true);
    expect(screen.getByText('inserted zero')).toBeInTheDocument();
  });

  it('padding larger than d(k − 1) crops the zero-inserted input and says so', async () => {
    await openTransposed(`${BASE}&x=1,2,3,4;5,6,7,8;1,2,3,4;5,6,7,8&pad=3`);
    expect(screen.getByText(/1 row\(s\) and 1 column\(s\) are cropped/)).toBeInTheDocument();
    expect(screen.getByTestId('grid-input').querySelector('[data-cell="0,0"]')).toBeNull();
  });

  it('the round trip shows x, conv(x) and conv_transpose(conv(x)): 5×5 → 2×2 → 5×5, values not recovered', async () => {
    await openTransposed();
    expect(gridValues('tr-rt-x')).toHaveLength(5);
    expect(gridValues('tr-rt-y')).toHaveLength(2);
    expect(gridValues('tr-rt-y')[0]).toHaveLength(2);
    expect(gridValues('tr-rt-back')).toHaveLength(5);
    expect(gridValues('tr-rt-back')).not.toEqual(gridValues('tr-rt-x'));
    expect(screen.getByTestId('tr-roundtrip-verdict')).toHaveTextContent(
      /of the 25 values differ from x: a transposed convolution is not the inverse/,
    );
  });

  it('output padding: 3×3 at k = 3, s = 2, p = 1 comes from 5×5 or 6×6; the buttons pick 5 or 6', async () => {
    await openTransposed();
    choosePreset(/needs output_padding 1/);
    expect(screen.getByTestId('tr-sizes')).toHaveTextContent('Input (small) 3×3 → output (large) 6×6');
    expect(screen.getByTestId('tr-op-axis')).toHaveTextContent('turns every size in 5, 6 into 3');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'output_padding 0 → 5' }));
    });
    expect(config().outputPadding).toEqual([0, 0]);
    expect(screen.getByTestId('tr-sizes')).toHaveTextContent('output (large) 5×5');
    expect(gridValues('tr-rt-back')).toHaveLength(5);
    expect(gridValues('tr-rt-x')).toHaveLength(5);
    slide('Stride: height', 1);
    expect(config().outputPadding).toEqual([0, 0]);
    expect(screen.getAllByTestId('tr-op-axis')[0]).toHaveTextContent('with stride 1 only one size convolves to 3');
  });

  it('the three notations are labelled and carry the numbers', async () => {
    await openTransposed();
    expect(screen.getByTestId('tr-formula-pytorch')).toHaveTextContent('PyTorch');
    expect(screen.getByTestId('tr-formula-pytorch').textContent).toContain('=5');
    expect(screen.getByTestId('tr-formula-notes000')).toHaveTextContent('Notes 000');
    expect(screen.getByTestId('tr-formula-notes004')).toHaveTextContent('Notes 004');
    // p' = 3 − 1 − 0 = 2 in the notes' 004 form.
    expect(screen.getByTestId('tr-formula-notes004').textContent?.replace(/\s/g, '')).toContain('p′=3−1−0=2');
  });

  it('checkerboard: k 3 s 2 is uneven, k 4 s 2 and resize-then-convolve are even, at 1–3 stacked layers', async () => {
    await openTransposed();
    expect(screen.getByTestId('tr-cb-uneven-range')).toHaveTextContent(/uneven/);
    expect(screen.getByTestId('tr-cb-even-range')).toHaveTextContent(/everywhere: even/);
    expect(screen.getByTestId('tr-cb-resize-range')).toHaveTextContent(/everywhere: even/);
    expect(gridValues('tr-cb-uneven')).toHaveLength(16);
    slide('Stacked ×2 layers', 3);
    expect(config().layers).toBe(3);
    expect(gridValues('tr-cb-even')).toHaveLength(32);
    expect(screen.getByTestId('tr-cb-uneven-range')).toHaveTextContent(/uneven/);
  });

  it('every control changes the config and keeps it valid', async () => {
    await openTransposed();
    slide('Stride: width', 3);
    expect(config().stride).toEqual([2, 3]);
    slide('Output padding: width', 2);
    expect(config().outputPadding).toEqual([0, 2]);
    slide('Stride: width', 1);
    // Output padding 2 is not below stride 1 or dilation 1: it is clamped to 0.
    expect(config().outputPadding).toEqual([0, 0]);
    slide('Dilation: height', 3);
    expect(config().dilation).toEqual([3, 1]);
    slide('Padding p: height', 4);
    expect(config().padding).toEqual([4, 0]);
    slide('Input (small) size: height', 1);
    expect(config().input).toHaveLength(1);
    // (1 − 1)·2 − 2p + 3·2 + 0 + 1 ≥ 1 allows p ≤ 3 now.
    expect(config().padding).toEqual([3, 0]);
    slide('Kernel size: width', 5);
    expect(config().kernel[0]).toHaveLength(5);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Edit values: Input (small)' }));
    });
    act(() => {
      fireEvent.change(screen.getByTestId('tr-input-editor').querySelector('textarea') as HTMLTextAreaElement, { target: { value: '5 -5 1' } });
    });
    act(() => {
      fireEvent.click(within(screen.getByTestId('tr-input-editor')).getByRole('button', { name: 'Apply' }));
    });
    expect(config().input).toEqual([[5, -5, 1]]);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Random: K' }));
    });
    expect(config().kernel).toHaveLength(3);
    expect(config().kernel[0]).toHaveLength(5);
    expect(gridValues('tr-scatter-kernel')[0]).toHaveLength(5);
    chooseOrder(/gather order/);
    expect(stepCount()).toBe(gridValues('grid-output').flat().length);
  });

  it('every field round-trips through the link', async () => {
    const url = `${BASE}&x=1,2;3,-4;0.5,6&k=1,0;2,1&st=2,3&pad=1,0&op=1,2&dl=2,1&by=output&ly=3`;
    await openTransposed(url);
    expect(screen.queryByTestId('link-notice')).toBeNull();
    expect(config()).toEqual({
      input: [
        [1, 2],
        [3, -4],
        [0.5, 6],
      ],
      kernel: [
        [1, 0],
        [2, 1],
      ],
      stride: [2, 3],
      padding: [1, 0],
      outputPadding: [1, 2],
      dilation: [2, 1],
      order: 'output',
      layers: 3,
    });
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
  });

  it('each preset reopens from its own link', { timeout: 30_000 }, async () => {
    for (const preset of TRANSPOSED_PRESETS) {
      await openTransposed();
      act(() => useAppStore.getState().updateConfig('transposed', preset.config));
      const link = encodeView(selectView(useAppStore.getState()));
      await openTransposed(link);
      expect(config()).toEqual(preset.config);
    }
  });

  it('bad link values fall back with the notice: output padding not below stride or dilation, padding that leaves no output, a bad order', async () => {
    await openTransposed(`${BASE}&st=2&op=2`);
    expect(config().outputPadding).toEqual([0, 0]);
    expect(screen.getByTestId('link-notice')).toHaveTextContent('op');
    await openTransposed(`${BASE}&x=1&k=1&pad=2`);
    expect(config().padding).toEqual([0, 0]);
    expect(screen.getByTestId('link-notice')).toHaveTextContent('pad');
    await openTransposed(`${BASE}&by=sideways&ly=9&x=1,2,3,4,5,6,7`);
    expect(config().order).toBe('input');
    expect(config().layers).toBe(2);
    expect(config().input).toEqual(TRANSPOSED_PRESETS[0]?.config.input);
    expect(screen.getByTestId('link-notice')).toHaveTextContent(/by.*ly|ly.*by/);
  });

  it('a matrix too large to draw says so, and Cᵀ·y is still shown', async () => {
    await openTransposed(`${BASE}&x=1,2,3,4,5,6;1,2,3,4,5,6&k=1,1,1;1,1,1;1,1,1&st=4&by=output`);
    expect(screen.getByTestId('tr-matrix-too-large')).toHaveTextContent('12 rows × 161 columns');
    stepTo(9999);
    expect(gridValues('tr-matrix-output')).toEqual(gridValues('grid-output'));
  });

  it('renders in Chinese with input (small) and output (large) labelled', async () => {
    await openTransposed(`${BASE}&lang=zh`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('转置卷积');
    expect(screen.getByTestId('tr-sizes')).toHaveTextContent('输入（小）2×2 → 输出（大）5×5');
    expect(screen.getByTestId('tr-scatter-input').querySelector('figcaption')).toHaveTextContent('输入（小）');
    expect(screen.getByTestId('grid-output').querySelector('figcaption')).toHaveTextContent('输出（大）');
    expect(screen.getByTestId('narration')).toHaveTextContent('输入（小）(0, 0) = 1');
    expect(screen.getByText('插入的零')).toBeInTheDocument();
  });
});
