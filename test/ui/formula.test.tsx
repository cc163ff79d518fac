// @vitest-environment jsdom
// Formula: KaTeX markup for valid TeX, plain-text fallback for invalid TeX, and no trusted commands (trust off).
import { render } from '@testing-library/react';
import katex from 'katex';
import { Formula, renderTex } from '../../src/ui/Formula.tsx';

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
});
