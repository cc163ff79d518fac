// Formula: KaTeX rendering of a TeX string built by the engine's typed formatters; trust off, errors shown as plain text.
// KaTeX is loaded after the first paint (katexLoader); until it arrives the formula keeps a box of about its height.

import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { getKatexState, loadKatex, subscribeKatex } from './katexLoader.ts';
import type { katex as Katex } from './katexModule.ts';

export interface FormulaProps {
  tex: string;
  /** Display (block) or inline math. */
  display?: boolean;
  /** Accessible label; KaTeX also emits MathML for screen readers. */
  label?: string;
  className?: string;
}

/** Renders TeX to KaTeX HTML, or null when KaTeX rejects it (the caller then shows the TeX as text). */
export function renderTex(katex: typeof Katex, tex: string, display: boolean): string | null {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxSize: 50,
      maxExpand: 200,
    });
  } catch {
    return null;
  }
}

/**
 * About how wide `tex` will be once typeset, in em: what stays visible once commands and braces are dropped (a fraction counts its
 * longer part, a subscript most of its characters), at the spacing KaTeX gives digits and operators. Fitted to formulas of every
 * panel measured in Chromium, it comes within about a third of their width: enough for the box kept until KaTeX has arrived to
 * wrap the line as the formula will, so that what follows it does not move when the formula appears.
 */
export function pendingWidthEm(tex: string): number {
  let visible = tex;
  // Innermost fractions first, a few levels deep.
  for (let depth = 0; depth < 4; depth++) {
    const next = visible.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, (_, top: string, bottom: string) => (top.length >= bottom.length ? top : bottom));
    if (next === visible) break;
    visible = next;
  }
  visible = visible
    .replace(/[_^]\{([^{}]*)\}/g, (_, sub: string) => sub.slice(0, Math.ceil(sub.length * 0.7)))
    .replace(/[_^](.)/g, '$1')
    .replace(/\\(?:left|right|mathrel|operatorname|text|mathit|hat)\b/g, '')
    .replace(/\\(?:quad|[,;:])/g, '')
    .replace(/\\_/g, '_')
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}\s]/g, '');
  const operators = (visible.match(/[=+\-×x,]/g) ?? []).length;
  return Math.max(2, 0.64 * visible.length + 0.58 * operators);
}

function FormulaImpl({ tex, display = true, label, className }: FormulaProps) {
  const [katexState, setKatexState] = useState(getKatexState);
  const katex = katexState.katex;
  useEffect(() => {
    // A transition, not useSyncExternalStore: typesetting every formula on the page at once would be one long task;
    // as a transition React renders the formulas in slices and the page stays responsive.
    const follow = () => startTransition(() => setKatexState(getKatexState()));
    const unsubscribe = subscribeKatex(follow);
    follow();
    // Also after a failed load (offline before the chunk was cached): a newly shown formula asks again; loadKatex shares one request.
    if (!getKatexState().katex) loadKatex().catch(() => undefined);
    return unsubscribe;
  }, []);
  // A new step's TeX is typeset in a second, interruptible render: the key press commits the grids and narration first, and
  // holding a key down skips the formulas in between instead of typesetting every one (the heaviest views write eight per step).
  const shownTex = useDeferredValue(tex);
  const html = useMemo(() => (katex ? renderTex(katex, shownTex, display) : null), [katex, shownTex, display]);
  const classes = `formula${display ? ' formula-display' : ''}${className ? ` ${className}` : ''}`;
  // aria-label needs a role that allows it (a bare span or code does not); all three states are the same formula to a reader.
  const role = label ? 'math' : undefined;
  if (!katex && katexState.status !== 'failed') {
    // A fraction or a sum with limits stands about twice as tall as a line; the box keeps what follows from jumping when KaTeX arrives.
    // (\left…\right around one line, such as the output size's floor brackets, stays one line tall.)
    const tall = /\\frac|\\sum/.test(tex);
    return (
      <span
        className={`${classes} formula-pending${tall ? ' is-tall' : ''}`}
        style={{ width: `${pendingWidthEm(tex).toFixed(1)}em` }}
        aria-label={label}
        role={role}
        aria-busy="true"
      />
    );
  }
  if (html === null) {
    return (
      <code className={`${classes} formula-fallback`} aria-label={label} role={role}>
        {shownTex}
      </code>
    );
  }
  // The HTML comes from KaTeX with trust off, over TeX that our own formatters build from numbers.
  // tabIndex: a long formula scrolls sideways on a phone, and a scrolling region must be reachable by keyboard.
  return <span className={classes} aria-label={label} role={role} tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />;
}

export const Formula = memo(FormulaImpl);
