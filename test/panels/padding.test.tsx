// @vitest-environment jsdom
// The Padding panel over the real engine: the notes' presets, per-side padding, the valid/same/full presets, padding modes, URL round trip.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { conv2d, tensor } from '../../src/engine/index.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { cellText, gridCell, gridValues, highlighted, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

async function openPadding(url = '?v=1&p=padding') {
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: 'Padding' });
  await playerReady();
}

function choosePreset(label: RegExp) {
  const select = screen.getByLabelText('Presets');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

const minus = (text: string) => Number(text.replace('\u2212', '-'));

describe('Padding panel', () => {
  it('the notes’ 3×3 input padded to 5×5 with a 2×2 kernel gives 4×4, equal to the engine', async () => {
    await openPadding();
    stepTo(15);
    const shown = gridValues('grid-output').map((row) => row.map(minus));
    const x = tensor([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 3]);
    const k = tensor([0, 1, 2, 3], [1, 1, 2, 2]);
    const expected = Array.from(conv2d(x, k, { padding: 1 }).data);
    expect(shown).toHaveLength(4);
    expect(shown.flat()).toEqual(expected);
    expect(gridValues('grid-input')).toHaveLength(5);
    expect(gridCell('grid-input', -1, -1)).toHaveClass('is-padding');
    expect(screen.getByTestId('grid-input')).toHaveTextContent('→ 5×5 with padding');
  });

  it.each([
    [/8×8, k = 3, p = 1/, 8, 8],
    [/k = \(5, 3\), p = \(2, 1\)/, 8, 8],
  ])('the notes’ preset %s keeps the output %i×%i', async (label, rows, cols) => {
    await openPadding();
    act(() => choosePreset(label));
    stepTo(999);
    const output = gridValues('grid-output');
    expect(output).toHaveLength(rows);
    expect(output[0]).toHaveLength(cols);
  });

  it("'same' on an even 2×2 kernel pads one extra row and column at the bottom/right and says why", async () => {
    await openPadding();
    fireEvent.click(screen.getByRole('button', { name: 'same' }));
    expect(useAppStore.getState().configs.padding.padding).toEqual([0, 1, 0, 1]);
    expect(screen.getByText(/PyTorch puts the extra row or column at the bottom\/right/)).toBeInTheDocument();
    expect(gridValues('grid-output')).toHaveLength(3);
  });

  it("'full' pads d·(k − 1) on every side and 'valid' removes it", async () => {
    await openPadding();
    fireEvent.click(screen.getByRole('button', { name: 'full' }));
    expect(useAppStore.getState().configs.padding.padding).toEqual([1, 1, 1, 1]);
    fireEvent.click(screen.getByRole('button', { name: 'valid' }));
    expect(useAppStore.getState().configs.padding.padding).toEqual([0, 0, 0, 0]);
    expect(gridValues('grid-output')).toHaveLength(2);
  });

  it('a typed per-side value changes only that side', async () => {
    await openPadding();
    const top = within(screen.getByTestId('padding-top')).getByRole('textbox');
    fireEvent.change(top, { target: { value: '3' } });
    fireEvent.blur(top);
    expect(useAppStore.getState().configs.padding.padding).toEqual([3, 1, 1, 1]);
  });

  it('reflect padding shows the copied values, and hovering a padding cell marks the real cell it copies', async () => {
    await openPadding('?v=1&p=padding&mode=reflect');
    // Input 0…8 (3×3), pad 1: the top-left corner reflects to (1, 1), whose value is 4.
    expect(cellText(gridCell('grid-input', -1, -1))).toBe('4');
    expect(cellText(gridCell('grid-input', -1, 0))).toBe('3');
    fireEvent.pointerEnter(gridCell('grid-input', -1, -1));
    expect(highlighted('grid-input', 'source')).toEqual(['1,1']);
  });

  it('every control round-trips through the link', async () => {
    const url = '?v=1&p=padding&pad=1,2,0,3&mode=replicate&st=2,1&dl=1,2';
    await openPadding(url);
    const config = useAppStore.getState().configs.padding;
    expect(config.padding).toEqual([1, 2, 0, 3]);
    expect(config.paddingMode).toBe('replicate');
    expect(config.stride).toEqual([2, 1]);
    expect(config.dilation).toEqual([1, 2]);
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
  });
});
