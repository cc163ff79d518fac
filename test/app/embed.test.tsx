// @vitest-environment jsdom
// Embed mode (embed=1): no header or tools, a bar with the panel's name and a link that reopens the same view in full.
import { screen } from '@testing-library/react';
import { decodeView } from '../../src/url/codec.ts';
import { renderApp } from '../helpers/renderApp.tsx';

describe('embed mode', () => {
  it('shows the panel without the header, navigation or tools, and marks the document for the embed styles', async () => {
    renderApp({ url: '?v=1&p=stride&embed=1&s=2' });
    await screen.findByRole('heading', { level: 1, name: 'Stride' }, { timeout: 10_000 });
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(document.querySelector('.panel-tools')).toBeNull();
    expect(document.documentElement).toHaveClass('embed');
    expect(screen.getByRole('group', { name: 'Step player' })).toBeInTheDocument();
  });

  it('links to the same view, step and language, without embed', async () => {
    renderApp({ url: '?v=1&p=stride&embed=1&s=2&lang=zh' });
    const link = await screen.findByRole('link', { name: '在 ConvScope 中打开' }, { timeout: 10_000 });
    expect(link).toHaveAttribute('target', '_blank');
    const { view, ignored } = decodeView(new URL(link.getAttribute('href') ?? '', 'http://localhost').search);
    expect(ignored).toEqual([]);
    expect(view).toMatchObject({ panel: 'stride', step: 2, language: 'zh', embed: false });
  });

  it('without embed=1 the header and the tools are there', async () => {
    renderApp({ url: '?v=1&p=stride' });
    await screen.findByRole('heading', { level: 1, name: 'Stride' }, { timeout: 10_000 });
    expect(screen.getByRole('navigation', { name: 'Panels' })).toBeInTheDocument();
    expect(document.querySelector('.panel-tools')).not.toBeNull();
    expect(document.documentElement).not.toHaveClass('embed');
  });
});
