// Keeps the URL and the store in step: reads the link on load and on back/forward, writes changes with pushState or a debounced replaceState.

import { useEffect } from 'react';
import { shallow } from 'zustand/shallow';
import { selectView, useAppStore } from '../state/store.ts';
import { detectLanguage } from '../i18n/messages.ts';
import { decodeView, encodeView } from './codec.ts';

/** A replace-intent change after this long without writes starts a new history entry (a new gesture). */
const NEW_GESTURE_MS = 1000;
/**
 * Replace-intent changes (steps, slider drags) reach the URL once they pause this long. A held arrow key or autoplay then writes
 * nothing until it stops: each replaceState cost the main thread a few milliseconds here (the browser also refetches the tab
 * icon), and it could land in the middle of a step. "Copy link" reads the store, so it is never behind.
 */
const REPLACE_DEBOUNCE_MS = 300;

export function loadViewFromLocation(): void {
  const { view, ignored } = decodeView(window.location.search);
  useAppStore.setState({ detectedLanguage: detectLanguage(navigator.languages ?? [navigator.language]) });
  useAppStore.getState().applyView(view, ignored);
}

export function useUrlSync(): void {
  useEffect(() => {
    let lastWrite = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let pendingUrl: string | null = null;
    // True while back/forward is being applied: the URL is already the one to show, and writing would drop forward history.
    let restoring = false;
    // The link of the store's view as of the last change (encoded once per change, not for both sides of it).
    let lastUrl = encodeView(selectView(useAppStore.getState()));

    const flush = () => {
      if (pending) clearTimeout(pending);
      pending = null;
      if (pendingUrl !== null && pendingUrl !== window.location.search) window.history.replaceState(null, '', pendingUrl);
      pendingUrl = null;
    };

    const unsubscribe = useAppStore.subscribe((state, previous) => {
      // Most changes (the player starting or stopping, a notice, the step count) leave the link as it is.
      if (shallow(selectView(state), selectView(previous))) return;
      const url = encodeView(selectView(state));
      const unchanged = url === lastUrl;
      lastUrl = url;
      if (restoring || unchanged) return;
      if (url === window.location.search) {
        // Back where the address bar already is (a quick → then ←): a pending write would now be wrong.
        if (pending) clearTimeout(pending);
        pending = null;
        pendingUrl = null;
        return;
      }
      const now = Date.now();
      const stepOnly = state.step !== previous.step && state.configs === previous.configs && state.panel === previous.panel;
      const push = state.historyIntent === 'push' || (!stepOnly && now - lastWrite > NEW_GESTURE_MS);
      lastWrite = now;
      if (push) {
        flush();
        window.history.pushState(null, '', url);
        return;
      }
      pendingUrl = url;
      if (pending) clearTimeout(pending);
      pending = setTimeout(flush, REPLACE_DEBOUNCE_MS);
    });

    const onPopState = () => {
      if (pending) clearTimeout(pending);
      pending = null;
      pendingUrl = null;
      const { view, ignored } = decodeView(window.location.search);
      restoring = true;
      try {
        useAppStore.getState().applyView(view, ignored);
      } finally {
        restoring = false;
      }
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
