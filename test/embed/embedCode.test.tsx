// @vitest-environment jsdom
// "Embed in a course page": the iframe snippet follows the view (panel, config, step, language), is escaped as HTML, and copies.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { decodeView } from '../../src/url/codec.ts';
import { useAppStore } from '../../src/state/store.ts';
import { embedSnippet, embedUrl, escapeAttribute, EMBED_HEIGHTS } from '../../src/embed/embedSnippet.ts';
import { PANEL_IDS } from '../../src/app/panels.ts';
import { renderApp } from '../helpers/renderApp.tsx';

/** Parses a snippet the way a course page's HTML would. */
function parseSnippet(snippet: string): HTMLIFrameElement {
  const template = document.createElement('template');
  template.innerHTML = snippet;
  const frames = template.content.querySelectorAll('iframe');
  expect(frames).toHaveLength(1);
  return frames[0] as HTMLIFrameElement;
}

async function openTool(): Promise<HTMLElement> {
  const tool = await screen.findByTestId('embed-code', {}, { timeout: 10_000 });
  fireEvent.click(within(tool).getByText(/Embed in a course page|嵌入课程页面/));
  return tool;
}

describe('embedSnippet', () => {
  it('escapes the link and the title for a double-quoted attribute, so the HTML parses back to the same values', () => {
    const src = 'https://example.org/c/?v=1&p=stride&x=1,2;3,4&embed=1';
    const title = 'ConvScope: "Stride" <demo> & more';
    const snippet = embedSnippet(src, title, 640);
    expect(snippet).toContain('&amp;p=stride');
    expect(snippet).not.toMatch(/&p=/);
    const iframe = parseSnippet(snippet);
    expect(iframe.getAttribute('src')).toBe(src);
    expect(iframe.getAttribute('title')).toBe(title);
    expect(iframe.getAttribute('height')).toBe('640');
    expect(iframe.getAttribute('width')).toBe('100%');
    expect(iframe.getAttribute('style')).toBe('border:0');
    expect(iframe.getAttribute('loading')).toBe('lazy');
    expect(iframe.getAttribute('allow')).toBe('clipboard-write; fullscreen');
    expect(escapeAttribute('a"b<c>&d')).toBe('a&quot;b&lt;c&gt;&amp;d');
  });

  it('embeds the view with embed=1 at the page own origin and path, and every panel has a height', () => {
    const { view } = decodeView('?v=1&p=pooling&s=3&lang=zh');
    const url = new URL(embedUrl(view, 'https://school.example', '/course/week-3/convscope/'));
    expect(url.origin + url.pathname).toBe('https://school.example/course/week-3/convscope/');
    const reread = decodeView(url.search);
    expect(reread.ignored).toEqual([]);
    expect(reread.view).toEqual({ ...view, embed: true });
    for (const id of PANEL_IDS) expect(EMBED_HEIGHTS[id]).toBeGreaterThanOrEqual(400);
  });
});

describe('the Embed in a course page tool', () => {
  it('is built only while open: closed, it has no snippet to keep up with every step', async () => {
    renderApp({ url: '?v=1&p=stride' });
    const tool = await screen.findByTestId('embed-code', {}, { timeout: 10_000 });
    expect(tool).not.toHaveAttribute('open');
    expect(within(tool).queryByRole('textbox')).toBeNull();
    const summary = within(tool).getByText('Embed in a course page');
    fireEvent.click(summary);
    expect(tool).toHaveAttribute('open');
    expect(within(tool).getByRole('textbox', { name: 'Embed code' })).toBeInTheDocument();
    fireEvent.click(summary);
    expect(tool).not.toHaveAttribute('open');
    expect(within(tool).queryByRole('textbox')).toBeNull();
  });

  it('shows a snippet of the current view that follows a step and a language change', async () => {
    renderApp({ url: '?v=1&p=stride&st=3' });
    const tool = await openTool();
    const code = within(tool).getByRole('textbox', { name: 'Embed code' }) as HTMLTextAreaElement;
    const first = parseSnippet(code.value);
    expect(first.title).toBe('ConvScope: Stride');
    expect(first.getAttribute('height')).toBe(String(EMBED_HEIGHTS.stride));
    const before = decodeView(new URL(first.src).search).view;
    expect(before).toMatchObject({ panel: 'stride', embed: true, step: 0 });

    act(() => useAppStore.getState().setStep(2));
    act(() => useAppStore.getState().setLanguage('zh'));
    const after = parseSnippet(code.value);
    expect(after.title).toBe('ConvScope：步幅');
    expect(decodeView(new URL(after.src).search).view).toEqual({ ...before, step: 2, language: 'zh' });
    expect(within(tool).getByRole('link', { name: '预览嵌入效果' })).toHaveAttribute('href', after.getAttribute('src'));
  });

  it('copies the snippet and says so; without a clipboard it selects the code and says to copy it by hand', async () => {
    renderApp({ url: '?v=1&p=padding' });
    const tool = await openTool();
    const code = within(tool).getByRole('textbox', { name: 'Embed code' }) as HTMLTextAreaElement;
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    fireEvent.click(within(tool).getByRole('button', { name: 'Copy embed code' }));
    // Wait for the message itself: the status element is there (empty) before the asynchronous copy finishes.
    expect(await within(tool).findByText('Embed code copied')).toHaveAttribute('role', 'status');
    expect(written).toEqual([code.value]);

    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    fireEvent.click(within(tool).getByRole('button', { name: 'Copy embed code' }));
    await screen.findByText('Could not copy: select the code and copy it yourself');
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, code.value.length]);
  });
});
