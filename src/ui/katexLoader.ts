// Loads KaTeX and its core fonts on demand, and tells waiting formulas once they are here (or failed); the first screen never waits.
import type { katex as Katex } from './katexModule.ts';

export type KatexState = { status: 'idle' | 'loading' | 'failed'; katex: null } | { status: 'ready'; katex: typeof Katex };

let state: KatexState = { status: 'idle', katex: null };
let pending: Promise<typeof Katex> | null = null;
const listeners = new Set<() => void>();

function setState(next: KatexState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/** The faces of KaTeX's fonts that nearly every formula here uses: upright digits and signs, italic letters, brackets. */
const CORE_FACES = ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1'];
/** Formulas are shown after this long even if the fonts have not come (a slow or broken connection). */
export const FONT_WAIT_MS = 3000;

/**
 * Waits for KaTeX's core fonts, at most FONT_WAIT_MS. Formulas typeset before their fonts arrive are invisible until then
 * anyway (KaTeX's fonts block), and each font's arrival laid the page out again and moved what is below the formulas
 * (Lighthouse counted the image lab's lens moving three times on load). Without the Font Loading API there is nothing to wait for.
 */
function coreFontsLoaded(): Promise<void> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || typeof fonts.load !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FONT_WAIT_MS);
    void Promise.all(CORE_FACES.map((face) => fonts.load(face).catch(() => []))).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts loading KaTeX once (again after a failure) and its core fonts; resolves with it. */
export function loadKatex(): Promise<typeof Katex> {
  if (pending) return pending;
  setState({ status: 'loading', katex: null });
  pending = import('./katexModule.ts').then(
    async (module) => {
      await coreFontsLoaded();
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
