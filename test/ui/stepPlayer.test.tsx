// @vitest-environment jsdom
// StepPlayer: named controls, buttons and scrubber move the store's step, keyboard stepping, and rAF playback that stops at the end.
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAppStore } from '../../src/state/store.ts';
import { StepPlayer } from '../../src/ui/StepPlayer.tsx';
import { resetStore } from '../helpers/renderApp.tsx';

const LENGTH = 4;
const step = () => useAppStore.getState().step;
const playing = () => useAppStore.getState().playing;

function renderPlayer(length = LENGTH) {
  return render(
    <>
      <StepPlayer length={length} />
      <label>
        Notes <input type="text" />
      </label>
      <textarea aria-label="Matrix" />
    </>,
  );
}

beforeEach(() => {
  resetStore();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('StepPlayer controls', () => {
  it('every control has an accessible name', () => {
    renderPlayer();
    const group = screen.getByRole('group', { name: 'Step player' });
    expect(group).toBeInTheDocument();
    for (const name of ['First step', 'Previous step', 'Play', 'Next step', 'Last step']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('slider', { name: 'Step' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeInTheDocument();
    for (const control of [...screen.getAllByRole('button'), ...screen.getAllByRole('slider'), ...screen.getAllByRole('combobox')]) {
      expect(control).toHaveAccessibleName();
    }
  });

  it('Next, Previous, Last and First change the store’s step and disable at the ends', async () => {
    const user = userEvent.setup();
    renderPlayer();
    expect(screen.getByRole('button', { name: 'First step' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous step' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(step()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(step()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(step()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Last step' }));
    expect(step()).toBe(LENGTH - 1);
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Last step' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'First step' }));
    expect(step()).toBe(0);
  });

  it('the scrubber sets the step and tells its position in words', () => {
    renderPlayer();
    const scrubber = screen.getByRole('slider', { name: 'Step' });
    expect(scrubber).toHaveAttribute('max', String(LENGTH - 1));
    fireEvent.change(scrubber, { target: { value: '2' } });
    expect(step()).toBe(2);
    expect(scrubber).toHaveAttribute('aria-valuetext', 'Step 3 of 4');
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 3 of 4');
  });

  it('a step beyond the trace (from a link) is shown as the last step', () => {
    useAppStore.setState({ step: 99 });
    renderPlayer();
    expect(screen.getByTestId('step-count')).toHaveTextContent('Step 4 of 4');
    expect(screen.getByRole('slider', { name: 'Step' })).toHaveValue('3');
  });

  it('the speed select sets the store’s speed', async () => {
    const user = userEvent.setup();
    renderPlayer();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '2');
    expect(useAppStore.getState().speed).toBe(2);
  });

  it('the play button toggles to Pause while playing', async () => {
    const user = userEvent.setup();
    renderPlayer();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(playing()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(playing()).toBe(false);
  });
});

describe('StepPlayer keyboard', () => {
  it('→ and ← step, Home and End jump', async () => {
    const user = userEvent.setup();
    renderPlayer();
    await user.keyboard('{ArrowRight}');
    expect(step()).toBe(1);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(step()).toBe(LENGTH - 1);
    await user.keyboard('{ArrowLeft}');
    expect(step()).toBe(LENGTH - 2);
    await user.keyboard('{Home}');
    expect(step()).toBe(0);
    await user.keyboard('{ArrowLeft}');
    expect(step()).toBe(0);
    await user.keyboard('{End}');
    expect(step()).toBe(LENGTH - 1);
  });

  it('Space plays and pauses; at the end it starts again from the first step', async () => {
    const user = userEvent.setup();
    renderPlayer();
    await user.keyboard(' ');
    expect(playing()).toBe(true);
    await user.keyboard(' ');
    expect(playing()).toBe(false);
    act(() => useAppStore.getState().setStep(LENGTH - 1));
    await user.keyboard(' ');
    expect(step()).toBe(0);
    expect(playing()).toBe(true);
  });

  it('stepping by keyboard stops playback', async () => {
    const user = userEvent.setup();
    renderPlayer();
    act(() => useAppStore.getState().setPlaying(true));
    await user.keyboard('{ArrowRight}');
    expect(playing()).toBe(false);
  });

  it('a step key while stopped changes the store once (the step), not also the play state it already has', async () => {
    const user = userEvent.setup();
    renderPlayer();
    let changes = 0;
    const unsubscribe = useAppStore.subscribe(() => changes++);
    await user.keyboard('{ArrowRight}');
    unsubscribe();
    expect(step()).toBe(1);
    expect(changes).toBe(1);
  });

  it('keys are ignored while typing in a text field or a textarea', async () => {
    const user = userEvent.setup();
    renderPlayer();
    act(() => useAppStore.getState().setStep(1));
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('{ArrowRight}{End} {Home}{ArrowLeft}');
    expect(step()).toBe(1);
    expect(playing()).toBe(false);
    await user.click(screen.getByRole('textbox', { name: 'Matrix' }));
    await user.keyboard('{ArrowRight}{End} ');
    expect(step()).toBe(1);
    expect(playing()).toBe(false);
  });

  it('keys with Ctrl, Alt or Meta are left to the browser', () => {
    renderPlayer();
    fireEvent.keyDown(window, { key: 'ArrowRight', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'End', altKey: true });
    fireEvent.keyDown(window, { key: 'End', metaKey: true });
    expect(step()).toBe(0);
  });

  it('Space on a focused player button clicks it once, not twice', async () => {
    const user = userEvent.setup();
    renderPlayer();
    screen.getByRole('button', { name: 'Play' }).focus();
    await user.keyboard(' ');
    expect(playing()).toBe(true);
  });

  it('the keyboard listener goes away when the player unmounts', () => {
    const { unmount } = renderPlayer();
    unmount();
    fireEvent.keyDown(window, { key: 'End' });
    expect(step()).toBe(0);
  });
});

describe('StepPlayer playback', () => {
  it('play advances one step per interval via requestAnimationFrame and stops at the last step', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout', 'Date'] });
    renderPlayer();
    act(() => useAppStore.getState().setPlaying(true));
    expect(step()).toBe(0);
    // Speed 1: one step per second.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1050);
    });
    expect(step()).toBe(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(step()).toBe(2);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(step()).toBe(LENGTH - 1);
    expect(playing()).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('a faster speed advances more steps in the same time', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout', 'Date'] });
    renderPlayer(20);
    act(() => {
      useAppStore.getState().setSpeed(4);
      useAppStore.getState().setPlaying(true);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1050);
    });
    expect(step()).toBeGreaterThanOrEqual(3);
    expect(step()).toBeLessThanOrEqual(4);
  });

  it('pausing stops the animation frames', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout', 'Date'] });
    renderPlayer(20);
    act(() => useAppStore.getState().setPlaying(true));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1050);
    });
    act(() => useAppStore.getState().setPlaying(false));
    const stopped = step();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(step()).toBe(stopped);
  });

  it('a one-step trace has nothing to play: play stops at once', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout', 'Date'] });
    renderPlayer(1);
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();
    act(() => useAppStore.getState().setPlaying(true));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(step()).toBe(0);
    expect(playing()).toBe(false);
  });
});
