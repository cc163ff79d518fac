// @vitest-environment jsdom
// The Stride panel over the real engine: the notes' presets, per-axis strides, never-read cells and both notations.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { conv2d, tensor } from '../../src/engine/index.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { gridValues, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

async function openStride(url = '?v=1&p=stride') {
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: 'Stride' });
  await playerReady();
}

function choosePreset(label: RegExp) {
  const select = screen.getByLabelText('Presets');
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

const numbers = (rows: string[][]) => rows.map((row) => row.map((text) => Number(text.replace('\u2212', '-'))));

describe('Stride panel', () => {
  it('8×8, k = 3, p = 1, s = 2 gives 4×4 and shows the floor ⌊3.5⌋ + 1 = 4', async () => {
    await openStride();
    stepTo(999);
    expect(gridValues('grid-output')).toHaveLength(4);
    expect(gridValues('grid-output')[0]).toHaveLength(4);
    expect(document.querySelector('.formulas')?.textContent).toContain('3.5');
  });

  it('8×8, k = (3, 5), p = (0, 1), s = (3, 4) gives 2×2', async () => {
    await openStride();
    act(() => choosePreset(/s = \(3, 4\)/));
    stepTo(999);
    expect(gridValues('grid-output')).toEqual([expect.any(Array), expect.any(Array)]);
    expect(gridValues('grid-output')[0]).toHaveLength(2);
  });

  it('the notes’ figure: 3×3, p = 1, k = 2, s = (3, 2) gives 0, 8, 6, 8', async () => {
    await openStride();
    act(() => choosePreset(/0, 8, 6, 8/));
    stepTo(999);
    const x = tensor([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 3]);
    const k = tensor([0, 1, 2, 3], [1, 1, 2, 2]);
    const engine = Array.from(conv2d(x, k, { padding: 1, stride: [3, 2] }).data);
    expect(numbers(gridValues('grid-output')).flat()).toEqual(engine);
    expect(engine).toEqual([0, 8, 6, 8]);
  });

  it('the floor preset marks the last row and column as never read', async () => {
    await openStride();
    act(() => choosePreset(/The floor/));
    const unread = [...screen.getByTestId('grid-input').querySelectorAll('.is-unread')].map((cell) => cell.getAttribute('data-cell'));
    expect(unread).toContain('6,0');
    expect(unread).toContain('0,6');
    expect(unread).not.toContain('5,5');
    expect(screen.getByText(/never read by any window/)).toBeInTheDocument();
  });

  it('height and width strides are set separately and round-trip through the link', async () => {
    await openStride();
    const [strideHeight] = within(screen.getByTestId('stride')).getAllByRole('textbox');
    fireEvent.change(strideHeight as HTMLElement, { target: { value: '3' } });
    fireEvent.blur(strideHeight as HTMLElement);
    expect(useAppStore.getState().configs.stride.stride).toEqual([3, 2]);
    const url = encodeView(selectView(useAppStore.getState()));
    expect(url).toContain('st=3,2');
  });
});
