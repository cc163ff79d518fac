// Loads KaTeX on demand and tells waiting formulas when it has arrived (or failed), so the first screen does not wait for it.
import type { katex as Katex } from './katexModule.ts';

export type KatexState = { status: 'idle' | 'loading' | 'failed'; katex: null } | { status: 'ready'; katex: typeof Katex };

let state: KatexState = { status: 'idle', katex: null };
let pending: Promise<typeof Katex> | null = null;
const listeners = new Set<() => void>();

function setState(next: KatexState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/** Starts loading KaTeX once (again after a failure); resolves with it. */
export function loadKatex(): Promise<typeof Katex> {
  if (pending) return pending;
  setState({ status: 'loading', katex: null });
  pending = import('./katexModule.ts').then(
    (module) => {
      setState({ status: 'ready', katex: module.katex });
      return module.katex;
    },
    (error: unknown) => {
      // Offline before the chunk was cached: formulas show their TeX as text, and the next request tries again.
      pending = null;
      setState({ status: 'failed', katex: null });
      throw error;
    },
  );
  return pending;
}

export function getKatexState(): KatexState {
  return state;
}

export function subscribeKatex(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
