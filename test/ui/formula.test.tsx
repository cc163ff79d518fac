// @vitest-environment jsdom
// Formula: KaTeX markup for valid TeX, plain-text fallback for invalid TeX, and no trusted commands (trust off).
import { render } from '@testing-library/react';
import katex from 'katex';
import { Formula, pendingWidthEm, renderTex } from '../../src/ui/Formula.tsx';

/** Attributes (name=value) anywhere in the markup whose value contains the text; the TeX source inside MathML's annotation is text, not an attribute. */
function attributesMentioning(root: Element, text: string): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.value.toLowerCase().includes(text)).map((a) => `${a.name}=${a.value}`),
  );
}

describe('Formula', () => {
  it('renders KaTeX markup (HTML and MathML) for valid TeX', () => {
    const { container } = render(<Formula tex={'s(r,c) = \\sum_{i}\\sum_{j} x(r+i,\\,c+j)\\,w(i,j)'} />);
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('.katex-html')).not.toBeNull();
    expect(container.querySelector('math')).not.toBeNull();
    expect(container.querySelector('.formula-fallback')).toBeNull();
    expect(container.querySelector('.formula-display')).not.toBeNull();
  });

  it('inline mode renders without the display class', () => {
    const { container } = render(<Formula tex="x^2" display={false} />);
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('.formula-display')).toBeNull();
  });

  it('a label gives the formula the math role and that accessible name', () => {
    const { container } = render(<Formula tex="1+1=2" label="one plus one" />);
    const math = container.querySelector('[role="math"]');
    expect(math).not.toBeNull();
    expect(math).toHaveAttribute('aria-label', 'one plus one');
  });

  it.each(['\\frac{', '\\left(', 'x^', '\\notacommand{1}', '}{'])('invalid TeX %s is shown as plain text, with no error HTML', (tex) => {
    const { container } = render(<Formula tex={tex} />);
    const fallback = container.querySelector('code.formula-fallback');
    expect(fallback).not.toBeNull();
    expect(fallback?.textContent).toBe(tex);
    expect(fallback?.children).toHaveLength(0);
    expect(container.querySelector('.katex, .katex-error')).toBeNull();
    expect(container.innerHTML).not.toMatch(/ParseError/);
  });

  it('invalid TeX containing markup shows it as text and injects no element', () => {
    const tex = '\\frac{<img src=x onerror="alert(1)">';
    const { container } = render(<Formula tex={tex} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(tex);
  });

  it('\\href{javascript:alert(1)}{x} never becomes a javascript: link, because trust is off', () => {
    const { container } = render(<Formula tex={'\\href{javascript:alert(1)}{x}'} />);
    expect(container.querySelector('a, [href]')).toBeNull();
    expect(attributesMentioning(container, 'javascript:')).toEqual([]);
  });

  it.each([
    '\\url{javascript:alert(1)}',
    '\\href{https://example.org}{x}',
    '\\includegraphics{https://example.org/x.png}',
    '\\htmlId{evil}{x}',
    '\\htmlClass{evil}{x}',
    '\\htmlStyle{background:url(javascript:alert(1))}{x}',
    '\\htmlData{foo=bar}{x}',
  ])('the trusted command %s produces no link, image, id, class, style or data attribute of its own', (tex) => {
    const { container } = render(<Formula tex={tex} />);
    expect(container.querySelector('a, img, [href], [src], #evil, .evil, [data-foo]')).toBeNull();
    expect(attributesMentioning(container, 'javascript:')).toEqual([]);
    expect(attributesMentioning(container, 'url(')).toEqual([]);
  });

  it('TeX text with markup in it is escaped, never parsed as HTML', () => {
    const { container } = render(<Formula tex={'\\text{<script>alert(1)</script><b>bold</b>}'} />);
    expect(container.querySelector('script, b')).toBeNull();
  });

  it('huge sizes and macro bombs are refused instead of hanging or growing the page', () => {
    expect(renderTex(katex, '\\def\\a{\\a\\a}\\a', true)).toBeNull();
    const { container } = render(<Formula tex={'\\rule{100000em}{100000em}'} />);
    const sizes = [...container.querySelectorAll('[style]')].flatMap((el) =>
      [...(el.getAttribute('style') ?? '').matchAll(/(-?[\d.]+)em/g)].map((m) => Math.abs(Number(m[1]))),
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
  });

  it('renders once per TeX string: a re-render with the same TeX does not call KaTeX again', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    try {
      const { rerender } = render(<Formula tex="a+b" />);
      const calls = spy.mock.calls.length;
      expect(calls).toBeGreaterThanOrEqual(1);
      rerender(<Formula tex="a+b" />);
      expect(spy.mock.calls.length).toBe(calls);
      rerender(<Formula tex="a+c" />);
      expect(spy.mock.calls.length).toBe(calls + 1);
    } finally {
      spy.mockRestore();
    }
  });

  it('updates its markup when the TeX changes', () => {
    const { container, rerender } = render(<Formula tex="y = 19" />);
    expect(container.textContent).toContain('19');
    rerender(<Formula tex="y = 25" />);
    expect(container.textContent).toContain('25');
    expect(container.textContent).not.toContain('19');
  });

  it('before KaTeX has loaded, keeps an empty box of about its height, starts the load, and typesets when it arrives', async () => {
    // A fresh module registry: KaTeX not loaded yet, as on a first visit (the shared setup loaded it for every other test).
    vi.resetModules();
    const React = await import('react');
    const { createRoot } = await import('react-dom/client');
    const fresh = await import('../../src/ui/Formula.tsx');
    const loader = await import('../../src/ui/katexLoader.ts');
    expect(loader.getKatexState().status).toBe('idle');
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
      React.act(() => root.render(React.createElement(fresh.Formula, { tex: '\\frac{7 - 3}{2} + 1 = 3', label: 'output size' })));
      const pending = host.querySelector('.formula-pending');
      expect(pending).not.toBeNull();
      expect(pending).toHaveClass('is-tall');
      // As wide as the formula will be, about: its visible part is ⌊(7 − 3)/2⌋ + 1 = 3.
      expect(parseFloat((pending as HTMLElement).style.width)).toBeCloseTo(pendingWidthEm('\\frac{7 - 3}{2} + 1 = 3'), 1);
      expect(pending).toHaveAttribute('aria-busy', 'true');
      // axe forbids aria-label on a span without a role; the box is named as the formula will be.
      expect(pending).toHaveAttribute('role', 'math');
      expect(pending).toHaveAttribute('aria-label', 'output size');
      expect(host.querySelector('.katex')).toBeNull();
      expect(loader.getKatexState().status).toBe('loading');
      await React.act(async () => {
        await loader.loadKatex();
      });
      expect(host.querySelector('.formula-pending')).toBeNull();
      expect(host.querySelector('.katex')).not.toBeNull();
      expect(host.textContent).toContain('3');
    } finally {
      React.act(() => root.unmount());
      host.remove();
    }
  });
  it('waits for KaTeX’s core fonts before typesetting, and not longer than FONT_WAIT_MS when they do not come', async () => {
    // A fake Font Loading API: jsdom has none (and the loader then waits for nothing, as in the other tests).
    const requested: string[] = [];
    let arrive: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { load: (face: string) => (requested.push(face), arrived.then(() => [])) },
    });
    try {
      vi.resetModules();
      const loader = await import('../../src/ui/katexLoader.ts');
      const loading = loader.loadKatex();
      await vi.waitFor(() => expect(requested).toHaveLength(3));
      expect(requested).toEqual(['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(loader.getKatexState().status).toBe('loading');
      arrive();
      await loading;
      expect(loader.getKatexState().status).toBe('ready');

      // Fonts that never arrive: KaTeX is ready after FONT_WAIT_MS all the same.
      Object.defineProperty(document, 'fonts', { configurable: true, value: { load: () => new Promise(() => undefined) } });
      vi.resetModules();
      const again = await import('../../src/ui/katexLoader.ts');
      vi.useFakeTimers();
      const slow = again.loadKatex();
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
      expect(again.getKatexState().status).toBe('loading');
      vi.advanceTimersByTime(again.FONT_WAIT_MS);
      vi.useRealTimers();
      await slow;
      expect(again.getKatexState().status).toBe('ready');
    } finally {
      vi.useRealTimers();
      Reflect.deleteProperty(document, 'fonts');
    }
  });
});

describe('pendingWidthEm', () => {
  // Widths of these formulas as KaTeX set them in Chromium (in em of the formula's font size), measured on the panels.
  const MEASURED: [string, number][] = [
    ['h_{out} = 3 - 2 + 1 = 2', 10.6],
    ['h_{out} = \\left\\lfloor 6 + 0 + 0 - 1\\cdot(1 - 1) - 1 \\right\\rfloor + 1 = 6', 22.4],
    ['h_{out} = \\left\\lfloor \\frac{8 + 2\\cdot 1 - 3}{2} \\right\\rfloor + 1 = \\left\\lfloor 3.5 \\right\\rfloor + 1 = 4', 22.1],
    ['y_{0,0} = \\max(0, 1, 4, 5) = 5', 12.8],
    ['3\\times 4\\times 8\\times 1 + 3\\times 4\\times 6\\times 1 = 168', 18.6],
    ['o = (i - 1)\\,s - 2p + d\\,(k - 1) + \\mathit{output\\_padding} + 1', 26.3],
    ['y_{o,r,c} = \\sum_{c_{in}} \\sum_{i}\\sum_{j} x_{c_{in}}(r+i,\\,c+j)\\,w_{o,c_{in}}(i,j) + b_o', 26],
    ['y_{0,0,0} = (0\\times 0 + 1\\times 1 + 3\\times 2 + 4\\times 3) + (1\\times 1 + 2\\times 2 + 4\\times 3 + 5\\times 4) = 56', 40.5],
    ['S_{0} = 1', 3.4],
  ];

  it.each(MEASURED)('comes within a third of the typeset width: %s', (tex, measured) => {
    const estimate = pendingWidthEm(tex);
    expect(estimate).toBeGreaterThan(measured * 0.67);
    expect(estimate).toBeLessThan(measured * 1.33);
  });

  it('grows with the formula, counts a fraction by its longer part, and is never zero', () => {
    expect(pendingWidthEm('1 + 2 + 3 + 4 = 10')).toBeGreaterThan(pendingWidthEm('1 + 2 = 3'));
    expect(pendingWidthEm('\\frac{123456}{2}')).toBeCloseTo(pendingWidthEm('123456'), 5);
    expect(pendingWidthEm('')).toBe(2);
  });
});
