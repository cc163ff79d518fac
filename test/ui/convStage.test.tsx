// @vitest-environment jsdom
// ConvStage: player, narration and the three grids of one trace; padding cells with their values, linked hover, never-read marks.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { conv2d, conv2dTrace, tensor, type Conv2dOptions } from '../../src/engine/index.ts';
import { useAppStore } from '../../src/state/store.ts';
import { ConvStage, inputValueAt, stageHighlights, useConvNarration } from '../../src/ui/ConvStage.tsx';
import { formatNumber } from '../../src/ui/formatNumber.ts';
import { cellText, gridCell, gridValues, highlighted, narration, resetStore, stepTo } from '../helpers/renderApp.tsx';

const MINUS = '\u2212';
const INPUT_3 = [1, 2, 3, 4, 5, 6, 7, 8, 9];

function trace(input: number[], inShape: [number, number], kernel: number[], kShape: [number, number], options: Conv2dOptions = {}) {
  return conv2dTrace(tensor(input, [1, ...inShape]), tensor(kernel, [1, 1, ...kShape]), options);
}

beforeEach(() => {
  resetStore();
});

describe('ConvStage', () => {
  it('shows the player, the narration and the input ⋆ kernel = output grids', () => {
    render(<ConvStage trace={trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2])} />);
    expect(screen.getByRole('group', { name: 'Step player' })).toBeInTheDocument();
    expect(narration()).toBe('Output (0, 0) = 1×1 + 2×0 + 4×0 + 5×1 = 6');
    expect(screen.getByRole('img', { name: 'Input X, 3×3' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Kernel K, 2×2' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Output Y, 2×2' })).toBeInTheDocument();
    expect(screen.getByText('⋆')).toBeInTheDocument();
  });

  it('follows the store’s step: the window, the output filled so far and the narration', () => {
    const t = trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2]);
    render(<ConvStage trace={t} />);
    stepTo(2);
    expect(narration()).toBe('Output (1, 0) = 4×1 + 5×0 + 7×0 + 8×1 = 12');
    expect(highlighted('grid-input', 'window')).toEqual(['1,0', '1,1', '2,0', '2,1']);
    expect(gridValues('grid-output')).toEqual([
      ['6', '8'],
      ['12', ''],
    ]);
  });

  it('writes negative factors in parentheses with a real minus sign', () => {
    render(<ConvStage trace={trace([1, -2, 3, -4], [2, 2], [-1, 1], [1, 2])} />);
    expect(narration()).toBe(`Output (0, 0) = 1×(${MINUS}1) + (${MINUS}2)×1 = ${MINUS}3`);
  });

  it('zero padding draws padding cells around the input with their 0 values and says the padded size', () => {
    render(<ConvStage trace={trace(INPUT_3, [3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1], [3, 3], { padding: [1, 1] })} />);
    const padding = screen.getByTestId('grid-input').querySelectorAll('.is-padding');
    expect(padding).toHaveLength(5 * 5 - 9);
    for (const cell of padding) expect(cellText(cell)).toBe('0');
    expect(screen.getByTestId('grid-input')).toHaveTextContent('→ 5×5 with padding');
    expect(highlighted('grid-input', 'window')).toEqual(['-1,-1', '-1,0', '-1,1', '0,-1', '0,0', '0,1', '1,-1', '1,0', '1,1']);
    expect(narration()).toMatch(/ = 12$/);
  });

  it('reflect padding shows the copied values in the padding cells, and hovering one points at its source', async () => {
    const user = userEvent.setup();
    const t = trace(INPUT_3, [3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1], [3, 3], { padding: [1, 1], paddingMode: 'reflect' });
    render(<ConvStage trace={t} />);
    // reflect: row −1 copies row 1, column −1 copies column 1.
    expect(cellText(gridCell('grid-input', -1, -1))).toBe('5');
    expect(cellText(gridCell('grid-input', -1, 0))).toBe('4');
    expect(cellText(gridCell('grid-input', 3, 3))).toBe('5');
    expect(inputValueAt(t, -1, 0)).toBe(4);
    await user.hover(gridCell('grid-input', -1, 0));
    expect(highlighted('grid-input', 'source')).toEqual(['1,0']);
    expect(highlighted('grid-input', 'linked')).toEqual(['-1,0']);
  });

  it('the output after the last step equals the engine’s one-shot conv2d', () => {
    const input = [3, -1, 4, 1, -5, 9, 2, -6, 5, 3, 5, -8];
    const kernel = [2, -1, 0, 1, 1, -2];
    const options: Conv2dOptions = { padding: [1, 0], stride: [1, 2], bias: [0.5] };
    const t = trace(input, [3, 4], kernel, [2, 3], options);
    render(<ConvStage trace={t} />);
    stepTo(t.length - 1);
    const out = conv2d(tensor(input, [1, 3, 4]), tensor(kernel, [1, 1, 2, 3]), options);
    const [, outH = 0, outW = 0] = out.shape;
    const expected = Array.from({ length: outH }, (_, y) => Array.from({ length: outW }, (_, x) => formatNumber(out.data[y * outW + x] ?? NaN)));
    expect(gridValues('grid-output')).toEqual(expected);
  });

  it('hovering an output cell links its window and kernel; leaving the grids goes back to the step', async () => {
    const user = userEvent.setup();
    render(<ConvStage trace={trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2])} />);
    await user.hover(gridCell('grid-output', 0, 1));
    expect(highlighted('grid-input', 'linked')).toEqual(['0,1', '0,2', '1,1', '1,2']);
    expect(highlighted('grid-kernel', 'linked')).toEqual(['0,0', '0,1', '1,0', '1,1']);
    // Weight annotations are hidden while hovering.
    expect(screen.getByTestId('grid-input').querySelector('.grid-annotation')).toBeNull();
    await user.unhover(screen.getByRole('img', { name: 'Output Y, 2×2' }));
    expect(highlighted('grid-input', 'window')).toEqual(['0,0', '0,1', '1,0', '1,1']);
  });

  it('with showUnread, input cells no window reads (the floor of a stride) are marked, with a legend entry', () => {
    // 5×5 input, 2×2 kernel, stride 2: rows and columns 0–3 are read, row 4 and column 4 never.
    render(
      <ConvStage
        trace={trace(
          Array.from({ length: 25 }, (_, i) => i),
          [5, 5],
          [1, 1, 1, 1],
          [2, 2],
          { stride: [2, 2] },
        )}
        showUnread
      />,
    );
    const unread = [...screen.getByTestId('grid-input').querySelectorAll('.is-unread')].map((c) => c.getAttribute('data-cell')).sort();
    const expected = [...Array.from({ length: 5 }, (_, i) => `4,${i}`), ...Array.from({ length: 4 }, (_, i) => `${i},4`)].sort();
    expect(unread).toEqual(expected);
    expect(screen.getByTestId('grid-input')).toHaveTextContent('never read');
  });

  it('without showUnread nothing is marked never read', () => {
    render(
      <ConvStage
        trace={trace(
          Array.from({ length: 25 }, (_, i) => i),
          [5, 5],
          [1, 1, 1, 1],
          [2, 2],
          { stride: [2, 2] },
        )}
      />,
    );
    expect(document.querySelector('.is-unread')).toBeNull();
  });

  it('true convolution shows the kernel rotated and the chosen operator', () => {
    render(<ConvStage trace={trace(INPUT_3, [3, 3], [1, 2, 3, 4], [2, 2], { flip: true })} operator="∗" kernelLabel="Kernel K rotated 180°" />);
    expect(gridValues('grid-kernel')).toEqual([
      ['4', '3'],
      ['2', '1'],
    ]);
    expect(screen.getByText('∗')).toBeInTheDocument();
    expect(narration()).toBe('Output (0, 0) = 1×4 + 2×3 + 4×2 + 5×1 = 23');
  });

  it('the narration is in Chinese when the language is Chinese', () => {
    act(() => useAppStore.getState().setLanguage('zh'));
    render(<ConvStage trace={trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2])} />);
    expect(narration()).toBe('输出 (0, 0) = 1×1 + 2×0 + 4×0 + 5×1 = 6');
  });
});

describe('stageHighlights and useConvNarration', () => {
  it('an input cell in the middle links every output that reads it, with the kernel cell it meets', () => {
    const t = trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2]);
    const { output, kernel } = stageHighlights(t, t.frame(0), { grid: 'input', y: 1, x: 1 });
    expect([...output.keys()].sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect([...kernel.keys()].sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
  });

  it('a bias is named in the narration', () => {
    const t = trace(INPUT_3, [3, 3], [1, 0, 0, 1], [2, 2], { bias: [2] });
    let text = '';
    function Probe() {
      text = useConvNarration(t.frame(0));
      return null;
    }
    render(<Probe />);
    expect(text).toBe('Output (0, 0) = 1×1 + 2×0 + 4×0 + 5×1 + 2 = 8 (bias 2 included)');
  });
});
