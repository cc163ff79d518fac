// @vitest-environment jsdom
// The Dilation panel over the real engine: the spread kernel and its holes, k' with numbers, and the gridding view.
import { act, fireEvent, screen } from '@testing-library/react';
import { conv2d, tensor } from '../../src/engine/index.ts';
import { useAppStore, selectView } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { patternInput, patternKernel } from '../../src/panels/convLab/convLabConfig.ts';
import { gridValues, renderApp, stepTo, playerReady } from '../helpers/renderApp.tsx';

async function openDilation(url = '?v=1&p=dilation') {
  renderApp({ url });
  await screen.findByRole('heading', { level: 1, name: /Dilation/ });
  await playerReady();
}

describe('Dilation panel', () => {
  it("a 3×3 kernel at d = 2 spreads over 5×5 with 16 holes, and k' = 2·(3 − 1) + 1 = 5", async () => {
    await openDilation();
    const spread = gridValues('grid-spread');
    expect(spread).toHaveLength(5);
    expect(spread.flat().filter((text) => text === '')).toHaveLength(16);
    expect(document.querySelector('.formulas')?.textContent).toContain('5');
  });

  it('the output equals the engine’s dilated convolution', async () => {
    await openDilation();
    stepTo(999);
    const x = patternInput(7, 7);
    const k = patternKernel(3, 3);
    const expected = conv2d(tensor(x.flat(), [1, 7, 7]), tensor(k.flat(), [1, 1, 3, 3]), { dilation: 2 });
    const shown = gridValues('grid-output')
      .flat()
      .map((text) => Number(text.replace('\u2212', '-')));
    expect(shown).toEqual(Array.from(expected.data));
  });

  it('d = 2, 2, 2 leaves holes in the receptive field; d = 1, 2, 3 leaves none', async () => {
    await openDilation();
    expect(screen.getByTestId('gridding-summary')).toHaveTextContent(/never reach the output unit/);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'd = 1, 2, 3' })));
    expect(screen.getByTestId('gridding-summary')).toHaveTextContent(/Every pixel of the 13×13 receptive field/);
    expect(useAppStore.getState().configs.dilation.stack).toEqual([1, 2, 3]);
  });

  it('the stack and per-axis dilation round-trip through the link', async () => {
    const url = '?v=1&p=dilation&dl=1,3&stack=1,2,2,3';
    await openDilation(url);
    expect(useAppStore.getState().configs.dilation.dilation).toEqual([1, 3]);
    expect(useAppStore.getState().configs.dilation.stack).toEqual([1, 2, 2, 3]);
    expect(encodeView(selectView(useAppStore.getState()))).toBe(url);
  });

  it('a stack rate out of range in the link falls back to the default and says so', async () => {
    await openDilation('?v=1&p=dilation&stack=9,9');
    expect(useAppStore.getState().configs.dilation.stack).toEqual([2, 2, 2]);
    expect(screen.getByTestId('link-notice')).toHaveTextContent('stack');
  });
});
