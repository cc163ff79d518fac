// @vitest-environment jsdom
// An error inside one panel never blanks the app: the real App with the Pooling panel made to throw (while rendering or in an
// effect) and the Receptive field panel's code failing to load. Header, navigation and the link notice stay; the card says what
// happened and offers "Reset this panel"; other panels still open; reset brings the real panel back.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PANEL_IDS } from '../../src/app/panels.ts';
import { POOLING_DEFAULTS } from '../../src/panels/pooling/poolingConfig.ts';
import { useAppStore } from '../../src/state/store.ts';
import { renderApp } from '../helpers/renderApp.tsx';

/** How the Pooling panel misbehaves: not at all, by throwing while it renders, or by throwing in an effect after it rendered. */
const fault = vi.hoisted(() => ({ mode: 'none' as 'none' | 'render' | 'effect' }));

vi.mock('../../src/panels/pooling/PoolingPanel.tsx', async (importOriginal) => {
  const { useEffect } = await import('react');
  const actual = await importOriginal<typeof import('../../src/panels/pooling/PoolingPanel.tsx')>();
  const RealPoolingPanel = actual.default;
  function FaultyPoolingPanel() {
    if (fault.mode === 'render') throw new Error('maxPool2d: kernel 9×9 is larger than the padded input 4×4');
    useEffect(() => {
      if (fault.mode === 'effect') throw new Error('pooling trace: step 12 of 9');
    });
    return <RealPoolingPanel />;
  }
  return { default: FaultyPoolingPanel };
});

// The Receptive field panel's chunk cannot be loaded while the network is down (as when it drops between the first load and a
// panel switch); once it is back, the next attempt loads the real panel.
const network = vi.hoisted(() => ({ down: true }));
vi.mock('../../src/panels/receptive/ReceptivePanel.tsx', async (importOriginal) => {
  if (network.down) throw new Error('Failed to fetch dynamically imported module: ReceptivePanel.js');
  return importOriginal();
});

const BASICS_TITLE = 'Cross-correlation and convolution';

beforeEach(() => {
  fault.mode = 'none';
  network.down = true;
  // React reports errors caught by a boundary on the console, and the boundary logs a warning; the card is what users see.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The parts of the shell that must survive any panel's crash. */
function expectShellIntact(noticeKeys: string | null) {
  const header = document.querySelector<HTMLElement>('header.app-header');
  if (!header) throw new Error('the app header is gone');
  expect(within(header).getByText('ConvScope')).toBeInTheDocument();
  const nav = screen.getByRole('navigation', { name: 'Panels' });
  expect(within(nav).getAllByRole('link')).toHaveLength(PANEL_IDS.length);
  expect(within(header).getByRole('button', { name: 'Copy link' })).toBeEnabled();
  if (noticeKeys === null) expect(screen.queryByTestId('link-notice')).toBeNull();
  else expect(screen.getByTestId('link-notice')).toHaveTextContent(`replaced by defaults: ${noticeKeys}`);
}

describe('a panel that throws while rendering', () => {
  it('shows the error card in place of the panel, with the header, navigation and link notice intact', async () => {
    fault.mode = 'render';
    renderApp({ url: '?v=1&p=pooling&s=NaN&op=avg' });
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent('This panel ran into a problem');
    expect(card).toHaveTextContent('The rest of ConvScope still works. Resetting puts this panel back to its defaults.');
    // What happened, in the engine's words (as text).
    expect(card).toHaveTextContent('maxPool2d: kernel 9×9 is larger than the padded input 4×4');
    expect(within(card).getByRole('button', { name: 'Reset this panel' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Pooling' })).toBeNull();
    expectShellIntact('s');
    expect(console.warn).toHaveBeenCalledWith('Panel crashed:', 'maxPool2d: kernel 9×9 is larger than the padded input 4×4');
    // The crash did not touch the link's settings: the config the link asked for is still there.
    expect(useAppStore.getState().configs.pooling.kind).toBe('avg');
  });

  it('the header keeps working: the card follows the language, and presentation mode toggles', async () => {
    fault.mode = 'render';
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=pooling' });
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('alert')).toHaveTextContent('这个面板出错了');
    expect(screen.getByRole('button', { name: '重置此面板' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '面板' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '演示模式' }));
    expect(document.documentElement).toHaveClass('presentation');
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('switching to another panel works, and coming back shows the card again while the fault lasts', async () => {
    fault.mode = 'render';
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=pooling' });
    await screen.findByRole('alert');
    await user.click(screen.getByRole('link', { name: /^Basics/ }));
    expect(await screen.findByRole('heading', { level: 1, name: BASICS_TITLE })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(window.location.search).toBe('?v=1');
    // The player of the panel that works answers.
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 2 of 4');
    await user.click(screen.getByRole('link', { name: /^Pooling/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This panel ran into a problem');
    expectShellIntact(null);
  });

  it('"Reset this panel" brings the real panel back with its defaults and a clean link', async () => {
    fault.mode = 'render';
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=pooling&op=avg&k=3' });
    await screen.findByRole('alert');
    expect(useAppStore.getState().configs.pooling.kernel).toEqual([3, 3]);
    // Whatever broke the panel is gone (a reset config no longer triggers it).
    fault.mode = 'none';
    await user.click(screen.getByRole('button', { name: 'Reset this panel' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pooling' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useAppStore.getState().configs.pooling).toEqual(POOLING_DEFAULTS);
    expect(window.location.search).toBe('?v=1&p=pooling');
    expectShellIntact(null);
  });
});

describe('other ways a panel can fail', () => {
  it('an error thrown in an effect after the panel rendered is caught the same way', async () => {
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=pooling' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pooling' })).toBeInTheDocument();
    fault.mode = 'effect';
    // Any re-render runs the effect again: the language switch re-renders every panel.
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('pooling trace: step 12 of 9');
    fault.mode = 'none';
    await user.click(screen.getByRole('button', { name: '重置此面板' }));
    expect(await screen.findByRole('heading', { level: 1, name: '池化' })).toBeInTheDocument();
  });

  it('a panel whose code cannot be loaded shows the card, and the rest of the app still works', async () => {
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=receptive&lang=xx' });
    const card = await screen.findByRole('alert');
    expect(card).toHaveTextContent('This panel ran into a problem');
    // The card says why (vitest words the failed import its own way; a browser says "Failed to fetch dynamically imported module").
    expect(card.querySelector('.error-detail')?.textContent ?? '').not.toBe('');
    expectShellIntact('lang');
    await user.click(screen.getByRole('link', { name: /^Padding/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Padding' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after a failed download, "Reset this panel" tries again: still down it shows the card again, back up it opens the panel', async () => {
    const user = userEvent.setup();
    renderApp({ url: '?v=1&p=receptive' });
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Reset this panel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This panel ran into a problem');
    network.down = false;
    await user.click(screen.getByRole('button', { name: 'Reset this panel' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Receptive field' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a store change that would crash one panel leaves the others usable (the config is the panel’s own)', async () => {
    renderApp({ url: '?v=1&p=pooling' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pooling' })).toBeInTheDocument();
    fault.mode = 'render';
    act(() => useAppStore.getState().updateConfig('pooling', { kernel: [5, 5] }));
    await screen.findByRole('alert');
    act(() => useAppStore.getState().setPanel('stride'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Stride' })).toBeInTheDocument();
    expect(useAppStore.getState().configs.stride).toEqual(useAppStore.getInitialState().configs.stride);
  });
});
