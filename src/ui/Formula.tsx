// Formula: KaTeX rendering of a TeX string built by the engine's typed formatters; trust off, errors shown as plain text.

import katex from 'katex';
import { memo, useMemo } from 'react';

export interface FormulaProps {
  tex: string;
  /** Display (block) or inline math. */
  display?: boolean;
  /** Accessible label; KaTeX also emits MathML for screen readers. */
  label?: string;
  className?: string;
}

/** Renders TeX to KaTeX HTML, or null when KaTeX rejects it (the caller then shows the TeX as text). */
export function renderTex(tex: string, display: boolean): string | null {
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

function FormulaImpl({ tex, display = true, label, className }: FormulaProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  const classes = `formula${display ? ' formula-display' : ''}${className ? ` ${className}` : ''}`;
  if (html === null) {
    return (
      <code className={`${classes} formula-fallback`} aria-label={label}>
        {tex}
      </code>
    );
  }
  // The HTML comes from KaTeX with trust off, over TeX that our own formatters build from numbers.
  // tabIndex: a long formula scrolls sideways on a phone, and a scrolling region must be reachable by keyboard.
  return <span className={classes} aria-label={label} role={label ? 'math' : undefined} tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />;
}

export const Formula = memo(FormulaImpl);
