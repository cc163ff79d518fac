// useAfterPaint: a heavy value derived from a step, worked out after the frame that shows the step instead of before it.

import { useEffect, useState } from 'react';

/** The longest the work waits for an idle moment (a held key or autoplay leaves few). */
const IDLE_TIMEOUT_MS = 100;

/**
 * `compute()` for the inputs named by `key`: on the first render at once, and for a new key once the main thread is idle after
 * the next frame, so the step's grids and text are painted first (and a key pressed meanwhile goes first too). The previous
 * result stays on screen until then; `pending` is true until the result for the current key is in.
 */
export function useAfterPaint<T>(key: string, compute: () => T): { value: T; pending: boolean } {
  const [result, setResult] = useState(() => ({ key, value: compute() }));
  const pending = result.key !== key;
  useEffect(() => {
    if (!pending) return;
    const run = () => setResult({ key, value: compute() });
    // An idle callback asked for now runs after the next frame is painted. Without one (Safari, jsdom): a task posted from the
    // next animation frame, which runs once that frame is painted.
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(idle);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(run, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, key, compute]);
  return { value: result.value, pending };
}
