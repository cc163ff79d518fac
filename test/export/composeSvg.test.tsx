// @vitest-environment jsdom
// composeSvg on a real panel rendered in jsdom: one well-formed, self-contained SVG with the grids' cells, the narration and the caption.

import { screen } from '@testing-library/react';
import { composeSvg, findStage, wrapText } from '../../src/export/composeSvg.ts';
import { exportCaption } from '../../src/export/caption.ts';
import { useAppStore } from '../../src/state/store.ts';
import { narration, playerReady, renderApp, stepTo } from '../helpers/renderApp.tsx';

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('composeSvg', () => {
  it('the Stride panel at step 3: every grid cell, the step’s narration and the caption, nothing external', async () => {
    renderApp({ url: '?v=1&p=stride' });
    await screen.findByRole('heading', { level: 1, name: 'Stride' });
    await playerReady();
    stepTo(2);
    const stage = findStage();
    if (!stage) throw new Error('no stage');
    const caption = exportCaption('stride', useAppStore.getState().configs.stride);
    const composed = composeSvg(stage, { caption });
    const doc = parse(composed.svg);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(Number(root.getAttribute('width'))).toBe(composed.width);

    // The three grids (input with padding 10×10, kernel 3×3, output 4×4) come over cell for cell.
    const pageCells = stage.querySelectorAll('.grid-bands [data-cell]').length;
    expect(pageCells).toBe(10 * 10 + 3 * 3 + 4 * 4);
    expect(doc.querySelectorAll('[data-cell]').length).toBe(pageCells);
    expect(composed.figureCount).toBe(3);

    // The step's output value, as the page shows it, is in the picture.
    const outputCell = stage.querySelector('[data-testid="grid-output"] [data-highlight="output"] text')?.textContent;
    expect(outputCell).toBeTruthy();
    const highlighted = doc.querySelector('[data-highlight="output"] text')?.textContent;
    expect(highlighted).toBe(outputCell);

    const texts = Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(doc.querySelector('title')?.textContent).toBe(caption);
    expect(texts).toContain(caption);
    expect(texts.join(' ')).toContain(narration().slice(0, 30));
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('Input X'), expect.stringContaining('Kernel K')]));

    // Self-contained: no script, no HTML island, no link that leaves the file; every url(#…) points at a copied pattern.
    expect(doc.querySelector('script, foreignObject')).toBeNull();
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/href$/i.test(attribute.name)) expect(attribute.value).toMatch(/^(#|data:image\/)/);
        if (/^on/i.test(attribute.name)) throw new Error(`event handler ${attribute.name} copied`);
        for (const match of attribute.value.matchAll(/url\(#([^)]+)\)/g)) expect(doc.getElementById(match[1] as string)).not.toBeNull();
      }
    }
    const patterns = doc.querySelectorAll('pattern');
    expect(patterns.length).toBeGreaterThanOrEqual(3);
    expect(new Set(Array.from(patterns).map((p) => p.id)).size).toBe(patterns.length);
  });

  it('does not touch the page', async () => {
    renderApp({ url: '?v=1&p=stride' });
    await screen.findByRole('heading', { level: 1, name: 'Stride' });
    const stage = findStage() as Element;
    const before = stage.innerHTML;
    composeSvg(stage, { caption: 'x' });
    expect(stage.innerHTML).toBe(before);
  });

  it('keeps a GIF frame’s height: a narration longer than the reserved lines is set smaller, not cut', async () => {
    renderApp({ url: '?v=1&p=stride' });
    await screen.findByRole('heading', { level: 1, name: 'Stride' });
    const stage = findStage() as Element;
    const natural = composeSvg(stage, { caption: 'c' });
    expect(natural.narrationLines).toBeGreaterThan(0);
    const reserved = composeSvg(stage, { caption: 'c', narrationLines: natural.narrationLines + 2 });
    expect(reserved.height).toBeGreaterThan(natural.height);
    const squeezed = composeSvg(stage, { caption: 'c', narrationLines: 1 });
    expect(squeezed.height).toBeLessThanOrEqual(natural.height);
    expect(parse(squeezed.svg).documentElement.textContent).toContain('Output');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and keeps every word', () => {
    const text = 'Output (1, 2) = 3×1 + 4×0 + 5×(−1) + 6×1 + 7×0 + 8×(−1) = −4';
    const lines = wrapText(text, 20, 200);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(text);
  });

  it('breaks Chinese between characters', () => {
    const lines = wrapText('输出 (0, 0) 等于窗口内每个元素与卷积核对应元素乘积之和', 20, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toContain('乘积之和');
  });
});
