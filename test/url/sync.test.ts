// @vitest-environment jsdom
// URL ↔ store sync: reading the link on load, pushing deliberate changes, replacing drags and steps, restoring on back/forward.
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { BASICS_PRESETS } from '../../src/panels/basics/basicsConfig.ts';
import { selectView, useAppStore } from '../../src/state/store.ts';
import { encodeView } from '../../src/url/codec.ts';
import { loadViewFromLocation, useUrlSync } from '../../src/url/useUrlSync.ts';
import { LinkNotice } from '../../src/ui/LinkNotice.tsx';
import { resetStore, setLocation } from '../helpers/renderApp.tsx';

const EDGE = BASICS_PRESETS.find((preset) => preset.id === 'edge')?.config;
if (!EDGE) throw new Error('edge preset missing');

function openAt(search: string) {
  setLocation(search);
  resetStore();
  loadViewFromLocation();
  return renderHook(() => useUrlSync());
}

const store = () => useAppStore.getState();
const currentUrl = () => encodeView(selectView(store()));

/** Resolves after the next popstate event (history traversal is asynchronous). */
function nextPopState(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loading a link', () => {
  it('loadViewFromLocation puts the link’s view and its ignored fields into the store', () => {
    setLocation('?v=1&lang=zh&pm=1&s=2&flip=1&b=3&x=oops');
    resetStore();
    loadViewFromLocation();
    const state = store();
    expect(state.languageChoice).toBe('zh');
    expect(state.presentation).toBe(true);
    expect(state.step).toBe(2);
    expect(state.configs.basics.flip).toBe(true);
    expect(state.configs.basics.bias).toBe(3);
    expect(state.notice).toEqual([{ key: 'x', reason: 'invalid' }]);
  });

  it('the browser’s language is used when the link has none', () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en']);
    try {
      setLocation('?v=1');
      resetStore();
      loadViewFromLocation();
      expect(store().detectedLanguage).toBe('zh');
      expect(store().languageChoice).toBeNull();
    } finally {
      languages.mockRestore();
    }
  });

  it('a bad link keeps its notice and is not rewritten on load, only once the user changes something', async () => {
    vi.useFakeTimers();
    const bad = '?v=1&s=abc&b=%3Cscript%3E';
    const lengthBefore = window.history.length;
    const { unmount } = openAt(bad);
    expect(store().notice.map((field) => field.key)).toEqual(['s', 'b']);
    render(createElement(LinkNotice));
    expect(screen.getByTestId('link-notice')).toHaveTextContent('s, b');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(window.location.search).toBe(bad);
    expect(window.history.length).toBe(lengthBefore);

    act(() => store().dismissNotice());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    expect(window.location.search).toBe(bad);

    act(() => store().updateConfig('basics', { flip: true }));
    expect(window.location.search).toBe('?v=1&flip=1');
    expect(window.history.length).toBe(lengthBefore + 1);
    unmount();
  });

  it('a canonical link is left exactly as it is on load', async () => {
    vi.useFakeTimers();
    const link = '?v=1&lang=en&s=2&b=1';
    const { unmount } = openAt(link);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(window.location.search).toBe(link);
    expect(store().notice).toEqual([]);
    unmount();
  });
});

describe('writing changes', () => {
  it('a preset change pushes a history entry with the new view', () => {
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    act(() => store().updateConfig('basics', EDGE));
    expect(window.history.length).toBe(before + 1);
    expect(window.location.search).toBe(currentUrl());
    expect(window.location.search).toContain('k=1,-1');
    unmount();
  });

  it('deliberate changes (panel, language, presentation) each push an entry, even in quick succession', () => {
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    act(() => store().setLanguage('zh'));
    act(() => store().setPresentation(true));
    act(() => store().setPanel('pooling'));
    expect(window.history.length).toBe(before + 3);
    expect(window.location.search).toBe('?v=1&p=pooling&lang=zh&pm=1');
    unmount();
  });

  it('slider-like replace changes within 1 s replace the entry instead of adding ones, written once they pause', async () => {
    vi.useFakeTimers();
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    // The first change of a gesture starts a new entry.
    act(() => store().updateConfig('basics', { bias: 1 }, 'replace'));
    expect(window.history.length).toBe(before + 1);
    expect(window.location.search).toBe('?v=1&b=1');
    for (const bias of [2, 3, 4, 5]) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
      act(() => store().updateConfig('basics', { bias }, 'replace'));
    }
    expect(window.history.length).toBe(before + 1);
    // Nothing is written while the changes keep coming…
    expect(window.location.search).toBe('?v=1&b=1');
    // …and the last one once they pause.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(window.location.search).toBe('?v=1&b=5');
    expect(window.history.length).toBe(before + 1);
    unmount();
  });

  it('a replace change after more than 1 s of quiet starts a new entry (a new gesture)', async () => {
    vi.useFakeTimers();
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    act(() => store().updateConfig('basics', { bias: 1 }, 'replace'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    act(() => store().updateConfig('basics', { bias: 7 }, 'replace'));
    expect(window.history.length).toBe(before + 2);
    expect(window.location.search).toBe('?v=1&b=7');
    unmount();
  });

  it('steps never add history entries, however far apart, and land in the URL once stepping pauses', async () => {
    vi.useFakeTimers();
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    for (const step of [1, 2, 3]) {
      act(() => store().setStep(step));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2000);
      });
      expect(window.location.search).toBe(`?v=1&s=${step}`);
    }
    expect(window.history.length).toBe(before);
    unmount();
  });

  it('a pending replace is written when the app unmounts', async () => {
    vi.useFakeTimers();
    const { unmount } = openAt('?v=1');
    act(() => store().updateConfig('basics', { bias: 1 }, 'replace'));
    act(() => store().updateConfig('basics', { bias: 2 }, 'replace'));
    expect(window.location.search).toBe('?v=1&b=1');
    unmount();
    expect(window.location.search).toBe('?v=1&b=2');
  });

  it('changes that do not alter the view (dismissing the notice, speed, play state) write nothing', () => {
    const { unmount } = openAt('?v=1');
    const before = window.history.length;
    act(() => store().setSpeed(2));
    act(() => store().setPlaying(true));
    act(() => store().setPlaying(false));
    act(() => store().dismissNotice());
    expect(window.history.length).toBe(before);
    expect(window.location.search).toBe('?v=1');
    unmount();
  });
});

describe('back and forward', () => {
  it('popstate restores the earlier view', async () => {
    const { unmount } = openAt('?v=1');
    act(() => store().updateConfig('basics', EDGE));
    act(() => store().setLanguage('zh'));
    expect(window.location.search).toBe(currentUrl());

    let popped = nextPopState();
    act(() => window.history.back());
    await act(() => popped);
    await waitFor(() => expect(store().languageChoice).toBeNull());
    expect(store().configs.basics).toEqual(EDGE);

    popped = nextPopState();
    act(() => window.history.back());
    await act(() => popped);
    await waitFor(() =>
      expect(store().configs.basics.kernel).toEqual([
        [0, 1],
        [2, 3],
      ]),
    );
    expect(window.location.search).toBe('?v=1');

    popped = nextPopState();
    act(() => window.history.forward());
    await act(() => popped);
    await waitFor(() => expect(store().configs.basics).toEqual(EDGE));
    unmount();
  });

  it('popstate restores the step and drops a pending replace', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { unmount } = openAt('?v=1');
    act(() => store().setPanel('pooling'));
    act(() => store().setPanel('basics'));
    act(() => store().setStep(3));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(window.location.search).toBe('?v=1&s=3');
    act(() => store().setStep(2)); // pending replace, not yet written
    const popped = nextPopState();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await act(() => popped);
    expect(store().step).toBe(3);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(window.location.search).toBe('?v=1&s=3');
    unmount();
  });

  it('going back to a bad link shows its notice again and keeps the forward entry and the link as they were', async () => {
    const bad = '?v=1&s=abc';
    const { unmount } = openAt(bad);
    act(() => store().updateConfig('basics', EDGE));
    const lengthAfterPush = window.history.length;

    const popped = nextPopState();
    act(() => window.history.back());
    await act(() => popped);
    await waitFor(() =>
      expect(store().configs.basics.kernel).toEqual([
        [0, 1],
        [2, 3],
      ]),
    );
    expect(store().notice.map((field) => field.key)).toEqual(['s']);
    const searchAfterBack = window.location.search;
    expect(window.history.length).toBe(lengthAfterPush);

    // Going back is not a new change: Forward must still lead to the edge preset.
    act(() => window.history.forward());
    await waitFor(() => expect(store().configs.basics).toEqual(EDGE), { timeout: 500 });
    // And, as on first load, the bad link is not rewritten behind the user's back.
    expect(searchAfterBack).toBe(bad);
    unmount();
  });

  it('going back to the bare page (no query string) keeps the forward entry', async () => {
    const { unmount } = openAt('');
    act(() => store().updateConfig('basics', EDGE));

    const popped = nextPopState();
    act(() => window.history.back());
    await act(() => popped);
    await waitFor(() =>
      expect(store().configs.basics.kernel).toEqual([
        [0, 1],
        [2, 3],
      ]),
    );

    act(() => window.history.forward());
    await waitFor(() => expect(store().configs.basics).toEqual(EDGE), { timeout: 500 });
    unmount();
  });

  it('going back to a valid but differently ordered link keeps the forward entry', async () => {
    const link = '?b=2&v=1';
    const { unmount } = openAt(link);
    act(() => store().updateConfig('basics', { flip: true }));

    const popped = nextPopState();
    act(() => window.history.back());
    await act(() => popped);
    await waitFor(() => expect(store().configs.basics.flip).toBe(false));

    act(() => window.history.forward());
    await waitFor(() => expect(store().configs.basics.flip).toBe(true), { timeout: 500 });
    expect(window.location.search).toBe('?v=1&flip=1&b=2');
    unmount();
  });
});
