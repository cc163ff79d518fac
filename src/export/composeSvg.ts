// Builds one standalone SVG of the visible stage: its figures (grids, charts, pictures) left to right, the narration and a caption line.

/** Presentation properties copied from the page's computed style onto each cloned element, so the file needs no stylesheet. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'vector-effect',
] as const;

/** Properties that are not inherited, with the value that needs no declaration. */
const NOT_INHERITED: Readonly<Record<string, string>> = { opacity: '1', 'vector-effect': 'none' };

/** Elements that never belong in an exported picture (scripts, HTML islands that would taint the canvas, foreign content). */
const DROPPED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'style', 'a']);

const SVG_NS = 'http://www.w3.org/2000/svg';

export const LAYOUT = {
  margin: 24,
  gap: 24,
  /** Content width the figures wrap at (1280 px wide in all at 1×, a slide's width). */
  contentWidth: 1232,
  maxItemHeight: 760,
  figureCaptionSize: 16,
  narrationSize: 20,
  footerSize: 14,
  operatorSize: 32,
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  text: '#111827',
  muted: '#4b5563',
  accent: '#7b2ff7',
} as const;

export interface ComposeOptions {
  /** The configuration line at the foot ("conv2d  in 5×5  k 3  s 2  p 1"). */
  caption: string;
  /** Lines kept for the narration: a GIF's frames keep one height; a longer narration is set smaller to fit. */
  narrationLines?: number;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
  /** Lines the narration takes at its normal size. */
  narrationLines: number;
  /** Figures laid out (0 when the stage shows none: the picture is then only words). */
  figureCount: number;
}

interface Box {
  width: number;
  height: number;
}

/** One thing placed in the picture's flow: a figure (caption over visuals), or an operator sign between figures. */
type FlowItem = ({ kind: 'figure'; caption: string; visuals: Visual[]; box: Box } | { kind: 'operator'; text: string; box: Box }) & {
  /** The page's row of grids the item sits in: a new row on the page starts a new row in the picture. */
  row: Element | null;
};

/** Signs drawn between figures (⋆, =, +, →). */
const OPERATOR_SELECTOR = '.grid-operator, .ch-sum-sign';

/** A cloned SVG or a canvas's pixels, at its offset inside its figure (in the figure's own pixels). */
interface Visual {
  markup: (x: number, y: number, scale: number) => string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** True when the element is rendered (not display:none, not hidden by presentation mode's `.secondary`, not visibility:hidden). */
export function isShown(element: Element): boolean {
  const checkable = element as Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };
  if (typeof checkable.checkVisibility === 'function') return checkable.checkVisibility({ visibilityProperty: true });
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}

let measuringContext: CanvasRenderingContext2D | null | undefined;

/** A 2-D context to measure text with, or null where there is none (jsdom, which has no canvas, says so in its user agent). */
function measurer(): CanvasRenderingContext2D | null {
  if (measuringContext !== undefined) return measuringContext;
  measuringContext = null;
  if (typeof document !== 'undefined' && !/jsdom/i.test(navigator.userAgent)) {
    try {
      measuringContext = document.createElement('canvas').getContext('2d');
    } catch {
      measuringContext = null;
    }
  }
  return measuringContext;
}

/** Width of a line of text in the export's font: measured where the browser can, else estimated per character (CJK a full em). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const context = measurer();
  if (context) {
    context.font = `${bold ? 600 : 400} ${fontSize}px ${LAYOUT.font}`;
    return context.measureText(text).width;
  }
  return estimatedTextWidth(text, fontSize, bold);
}

export function estimatedTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) ems += 1;
    else if (char === ' ') ems += 0.3;
    else if (/[il.,:;'|!()[\]]/.test(char)) ems += 0.32;
    else if (/[mwMW@%]/.test(char)) ems += 0.88;
    else ems += bold ? 0.62 : 0.58;
  }
  return ems * fontSize;
}

/** Greedy line breaking at spaces (and between CJK characters); a word longer than the width is cut. */
export function wrapText(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      // Spaces are kept as written (the caption's fields are set apart by two), except at the start of a line.
      if (line) line += token;
      continue;
    }
    const candidate = line + token;
    if (textWidth(candidate.trimEnd(), fontSize, bold) <= maxWidth || line.trim() === '') {
      line = candidate;
      // A single token wider than the line: cut it character by character.
      while (textWidth(line, fontSize, bold) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), fontSize, bold) > maxWidth) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    } else {
      lines.push(line.trimEnd());
      line = token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A Grid's stack of row bands (src/ui/Grid.tsx): exported as the one SVG it stands for. */
const GRID_BANDS_SELECTOR = '.grid-bands';

function isGridBands(element: Element): boolean {
  return element.matches(GRID_BANDS_SELECTOR);
}

function viewBoxOf(svg: Element): Box | null {
  const raw = isGridBands(svg) ? svg.getAttribute('data-viewbox') : svg.getAttribute('viewBox');
  if (!raw) return null;
  const parts = raw
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , width = 0, height = 0] = parts;
  return parts.length === 4 && width > 0 && height > 0 ? { width, height } : null;
}

function renderedBox(element: Element): Box | null {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 ? { width: rect.width, height: rect.height } : null;
}

function attributeBox(element: Element): Box | null {
  const width = Number.parseFloat(element.getAttribute('width') ?? '');
  const height = Number.parseFloat(element.getAttribute('height') ?? '');
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Copies the computed presentation style of `source` and its descendants onto `clone` (same structure), dropping hidden parts. */
function inlineStyles(source: Element, clone: Element): void {
  const sources = [source, ...Array.from(source.querySelectorAll('*'))];
  const clones = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const removed: Element[] = [];
  sources.forEach((original, index) => {
    const copy = clones[index];
    if (!copy) return;
    const tag = copy.localName.toLowerCase();
    if (DROPPED_ELEMENTS.has(tag)) {
      removed.push(copy);
      return;
    }
    const style = getComputedStyle(original);
    if (style.display === 'none') {
      removed.push(copy);
      return;
    }
    // Inherited values equal to the parent's are left to inheritance: the file stays small.
    const parent = original === source || !original.parentElement ? null : getComputedStyle(original.parentElement);
    const declarations: string[] = [];
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (!value) continue;
      const fallback = NOT_INHERITED[property];
      if (fallback !== undefined ? value === fallback : parent?.getPropertyValue(property) === value) continue;
      declarations.push(`${property}:${value}`);
    }
    if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
    else copy.removeAttribute('style');
    copy.removeAttribute('class');
    for (const attribute of Array.from(copy.attributes)) {
      const name = attribute.name.toLowerCase();
      const isLink = name === 'href' || name === 'xlink:href' || name === 'src';
      if (name.startsWith('on') || (isLink && !attribute.value.startsWith('#') && !attribute.value.startsWith('data:image/')))
        copy.removeAttribute(attribute.name);
    }
  });
  for (const element of removed) element.remove();
}

/** Gives every id inside a clone a prefix (and rewrites its references), so figures from different SVGs never collide. */
function prefixIds(clone: Element, prefix: string): void {
  const ids = new Map<string, string>();
  for (const element of [clone, ...Array.from(clone.querySelectorAll('[id]'))]) {
    const id = element.getAttribute('id');
    if (!id) continue;
    ids.set(id, `${prefix}${id}`);
    element.setAttribute('id', `${prefix}${id}`);
  }
  if (ids.size === 0) return;
  const rewrite = (value: string) =>
    value
      .replace(/url\(\s*(['"]?)#([^'")]+)\1\s*\)/g, (whole, _quote: string, id: string) => (ids.has(id) ? `url(#${ids.get(id) as string})` : whole))
      .replace(/^#(.+)$/, (whole, id: string) => (ids.has(id) ? `#${ids.get(id) as string}` : whole));
  for (const element of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      const next = rewrite(attribute.value);
      if (next !== attribute.value) element.setAttribute(attribute.name, next);
    }
  }
}

let figureCounter = 0;

/** A cloned SVG with its styles inlined, drawn at (x, y) in a box of the given size. */
function svgVisual(svg: SVGSVGElement, box: Box): (x: number, y: number, scale: number) => string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  return svgMarkup(clone, box);
}

/** A styled clone as markup drawn at (x, y) in a box of the given size, its ids made unique to this figure. */
function svgMarkup(clone: SVGSVGElement, box: Box): (x: number, y: number, scale: number) => string {
  figureCounter += 1;
  prefixIds(clone, `f${figureCounter}-`);
  for (const name of ['width', 'height', 'x', 'y', 'role', 'aria-label', 'aria-hidden', 'focusable', 'data-testid']) clone.removeAttribute(name);
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${round(box.width)} ${round(box.height)}`);
  clone.setAttribute('overflow', 'hidden');
  const markup = new XMLSerializer().serializeToString(clone).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '');
  const inner = markup.replace(/^<svg\b/, '').replace(/<\/svg>$|\/>$/, '');
  return (x, y, scale) =>
    `<svg x="${round(x)}" y="${round(y)}" width="${round(box.width * scale)}" height="${round(box.height * scale)}"${inner}</svg>`;
}

/**
 * A Grid's bands and overlay merged back into one SVG: every band draws in the grid's own coordinates (its viewBox is only a
 * window onto them), so their styled clones go side by side into one root with the grid's whole viewBox.
 */
function gridBandsVisual(bands: Element, box: Box): (x: number, y: number, scale: number) => string {
  const merged = document.createElementNS(SVG_NS, 'svg');
  merged.setAttribute('viewBox', bands.getAttribute('data-viewbox') ?? `0 0 ${round(box.width)} ${round(box.height)}`);
  for (const part of Array.from(bands.children)) {
    if (!(part instanceof SVGSVGElement)) continue;
    const clone = part.cloneNode(true) as SVGSVGElement;
    inlineStyles(part, clone);
    // The bands' children leave out what they inherit: the merged root carries it, as each band's root did.
    const inherited = clone.getAttribute('style');
    if (inherited && !merged.hasAttribute('style')) merged.setAttribute('style', inherited);
    merged.append(...Array.from(clone.childNodes));
  }
  return svgMarkup(merged, box);
}

/** A canvas's pixels as a data: image (same-origin pixels only; a canvas the page may not read is left out). */
function canvasVisual(canvas: HTMLCanvasElement, box: Box): ((x: number, y: number, scale: number) => string) | null {
  let url: string;
  try {
    url = canvas.toDataURL('image/png');
  } catch {
    return null;
  }
  if (!url.startsWith('data:image/png')) return null;
  return (x, y, scale) =>
    `<image x="${round(x)}" y="${round(y)}" width="${round(box.width * scale)}" height="${round(box.height * scale)}" preserveAspectRatio="none" href="${url}"/>`;
}

function isInsideControl(element: Element, stage: Element): boolean {
  for (let node = element.parentElement; node && node !== stage; node = node.parentElement) {
    // Controls, and formulas (KaTeX draws its tall brackets as small SVGs that mean nothing on their own).
    if (node.matches('button, .player, label, select, .katex, .formula')) return true;
  }
  return false;
}

/** The visual elements of a figure (or a lone SVG/canvas) as Visuals placed relative to their union, in the figure's pixels. */
function visualsOf(elements: Element[], scaleHint: number): { visuals: Visual[]; box: Box } | null {
  const placed: { element: Element; rect: DOMRect | null; box: Box }[] = [];
  for (const element of elements) {
    const rendered = renderedBox(element);
    const natural = element instanceof SVGSVGElement || isGridBands(element) ? viewBoxOf(element) : null;
    const box =
      rendered ??
      natural ??
      attributeBox(element) ??
      (element instanceof HTMLCanvasElement ? { width: element.width, height: element.height } : { width: 300, height: 150 });
    placed.push({ element, rect: rendered ? element.getBoundingClientRect() : null, box });
  }
  if (placed.length === 0) return null;
  const left = Math.min(...placed.map((p) => p.rect?.left ?? 0));
  const top = Math.min(...placed.map((p) => p.rect?.top ?? 0));
  const visuals: Visual[] = [];
  for (const { element, rect, box } of placed) {
    const scaled = { width: box.width * scaleHint, height: box.height * scaleHint };
    const markup =
      element instanceof HTMLCanvasElement
        ? canvasVisual(element, scaled)
        : isGridBands(element)
          ? gridBandsVisual(element, scaled)
          : svgVisual(element as SVGSVGElement, scaled);
    if (!markup) continue;
    visuals.push({
      markup,
      left: rect ? (rect.left - left) * scaleHint : 0,
      top: rect ? (rect.top - top) * scaleHint : 0,
      width: scaled.width,
      height: scaled.height,
    });
  }
  if (visuals.length === 0) return null;
  return {
    visuals,
    box: { width: Math.max(...visuals.map((v) => v.left + v.width)), height: Math.max(...visuals.map((v) => v.top + v.height)) },
  };
}

/**
 * Grids are drawn at their own cell size (the viewBox's 44 px a cell), whatever the window's width, so the same view exports
 * the same picture on a phone and a projector. Other figures keep their on-screen size.
 */
function figureScale(visuals: Element[]): number {
  const grid = visuals.find((v) => isGridBands(v) || (v instanceof SVGSVGElement && v.classList.contains('grid-svg')));
  if (!grid) return 1;
  const natural = viewBoxOf(grid);
  const rendered = renderedBox(grid);
  return natural && rendered ? natural.width / rendered.width : 1;
}

function collectItems(stage: Element): FlowItem[] {
  const items: FlowItem[] = [];
  const taken = new Set<Element>();
  const candidates = stage.querySelectorAll(`figure, svg, canvas, ${OPERATOR_SELECTOR}`);
  for (const element of Array.from(candidates)) {
    if (Array.from(taken).some((t) => t.contains(element))) continue;
    if (isInsideControl(element, stage) || !isShown(element)) continue;
    const row = element.parentElement?.closest('.grids') ?? null;
    if (element.matches(OPERATOR_SELECTOR)) {
      const text = (element.textContent ?? '').trim();
      if (text)
        items.push({ kind: 'operator', text, row, box: { width: textWidth(text, LAYOUT.operatorSize) + 8, height: LAYOUT.operatorSize * 1.3 } });
      taken.add(element);
      continue;
    }
    let visualElements: Element[];
    let caption = '';
    if (element.localName === 'figure') {
      visualElements = Array.from(element.querySelectorAll(`${GRID_BANDS_SELECTOR}, svg, canvas`)).filter(
        (v) =>
          isShown(v) &&
          !isInsideControl(v, element) &&
          !Array.from(element.querySelectorAll(`${GRID_BANDS_SELECTOR}, svg`)).some((outer) => outer !== v && outer.contains(v)),
      );
      if (visualElements.length === 0) continue;
      caption = (element.querySelector('figcaption')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    } else {
      visualElements = [element];
      // Tiny decorative SVGs (icons) are left out.
      const box = renderedBox(element) ?? (element instanceof SVGSVGElement ? viewBoxOf(element) : null) ?? attributeBox(element);
      if (box && box.width < 32 && box.height < 32) continue;
    }
    taken.add(element);
    const scale = figureScale(visualElements);
    const laid = visualsOf(visualElements, scale);
    if (!laid) continue;
    items.push({ kind: 'figure', caption, visuals: laid.visuals, box: laid.box, row });
  }
  return items;
}

interface PlacedItem {
  item: FlowItem;
  x: number;
  y: number;
  width: number;
  height: number;
  captionLines: string[];
  scale: number;
}

/** Size of an item on the page: figures shrink to the content width and the height cap; captions wrap over their figure. */
function measure(item: FlowItem): { width: number; height: number; captionLines: string[]; scale: number } {
  if (item.kind === 'operator') return { width: item.box.width, height: item.box.height, captionLines: [], scale: 1 };
  const scale = Math.min(1, LAYOUT.contentWidth / item.box.width, LAYOUT.maxItemHeight / item.box.height);
  const visualWidth = item.box.width * scale;
  const captionWidth = item.caption ? Math.min(textWidth(item.caption, LAYOUT.figureCaptionSize, true), LAYOUT.contentWidth) : 0;
  const width = Math.max(visualWidth, captionWidth);
  const captionLines = item.caption ? wrapText(item.caption, LAYOUT.figureCaptionSize, width, true) : [];
  const captionHeight = captionLines.length * LAYOUT.figureCaptionSize * 1.4 + (captionLines.length > 0 ? 6 : 0);
  return { width, height: captionHeight + item.box.height * scale, captionLines, scale };
}

/** Rows of items, left to right, wrapping at the content width; each row's items centred on its middle line. */
function layoutFlow(items: FlowItem[], top: number): { placed: PlacedItem[]; bottom: number; width: number } {
  const placed: PlacedItem[] = [];
  let row: PlacedItem[] = [];
  let x = 0;
  let y = top;
  let widest = 0;
  const flush = () => {
    if (row.length === 0) return;
    const height = Math.max(...row.map((p) => p.height));
    for (const p of row) p.y = y + (height - p.height) / 2;
    placed.push(...row);
    widest = Math.max(widest, x - LAYOUT.gap);
    y += height + LAYOUT.gap;
    row = [];
    x = 0;
  };
  let pageRow: Element | null | undefined;
  for (const item of items) {
    const size = measure(item);
    const newPageRow = pageRow !== undefined && item.row !== pageRow;
    pageRow = item.row;
    if (row.length > 0 && (newPageRow || x + size.width > LAYOUT.contentWidth)) flush();
    const entry: PlacedItem = { item, x: LAYOUT.margin + x, y, ...size };
    row.push(entry);
    x += size.width + LAYOUT.gap;
  }
  flush();
  return { placed, bottom: y, width: widest };
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, fill: string, weight: number): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${round(x)}" y="${round(y + i * lineHeight + size)}" font-size="${size}" font-weight="${weight}" fill="${fill}" xml:space="preserve" style="white-space:pre">${escapeXml(line)}</text>`,
    )
    .join('');
}

function itemMarkup(p: PlacedItem): string {
  const { item } = p;
  if (item.kind === 'operator') {
    const size = LAYOUT.operatorSize;
    return `<text x="${round(p.x + p.width / 2)}" y="${round(p.y + p.height / 2)}" font-size="${size}" text-anchor="middle" dominant-baseline="central" fill="${LAYOUT.muted}">${escapeXml(item.text)}</text>`;
  }
  const captionHeight = p.captionLines.length * LAYOUT.figureCaptionSize * 1.4 + (p.captionLines.length > 0 ? 6 : 0);
  const caption = textLines(p.captionLines, p.x, p.y, LAYOUT.figureCaptionSize, LAYOUT.figureCaptionSize * 1.4, LAYOUT.text, 600);
  const left = p.x + (p.width - item.box.width * p.scale) / 2;
  const top = p.y + captionHeight;
  const visuals = item.visuals.map((v) => v.markup(left + v.left * p.scale, top + v.top * p.scale, p.scale)).join('');
  return `<g class="export-figure">${caption}${visuals}</g>`;
}

/** The texts of the stage's visible narration lines (the step in words). */
export function narrationTexts(stage: Element): string[] {
  return Array.from(stage.querySelectorAll('.narration'))
    .filter((n) => isShown(n))
    .map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
}

/** The visible stage of the panel on screen, or null while none is shown. */
export function findStage(root: ParentNode = document): Element | null {
  return root.querySelector('main#panel .stage');
}

/** Composes the picture of a stage; pure DOM reading, it changes nothing on the page. */
export function composeSvg(stage: Element, options: ComposeOptions): ComposedSvg {
  const items = collectItems(stage);
  const figureCount = items.filter((i) => i.kind === 'figure').length;
  const flow = layoutFlow(items, LAYOUT.margin);
  // At least a readable width for the words, at most the slide's content width.
  const contentWidth = Math.min(Math.max(flow.width, 560), LAYOUT.contentWidth);

  const narrations = narrationTexts(stage);
  const natural = narrations.flatMap((text) => wrapText(text, LAYOUT.narrationSize, contentWidth, true));
  const reservedLines = Math.max(options.narrationLines ?? 0, 0) || natural.length;
  let narrationSize: number = LAYOUT.narrationSize;
  let narrationLines = natural;
  // A frame whose narration needs more than the reserved lines: set it smaller rather than cutting it off.
  while (narrationLines.length * narrationSize > reservedLines * LAYOUT.narrationSize && narrationSize > 9) {
    narrationSize -= 1;
    narrationLines = narrations.flatMap((text) => wrapText(text, narrationSize, contentWidth, true));
  }
  const narrationTop = (items.length > 0 ? flow.bottom : LAYOUT.margin) + 4;
  const narrationHeight = reservedLines * LAYOUT.narrationSize * 1.4;
  const footerLines = wrapText(options.caption, LAYOUT.footerSize, contentWidth);
  const footerTop = narrationTop + narrationHeight + (reservedLines > 0 ? 16 : 0);
  const footerHeight = footerLines.length * LAYOUT.footerSize * 1.4;
  const width = Math.ceil(contentWidth + 2 * LAYOUT.margin);
  const height = Math.ceil(footerTop + footerHeight + LAYOUT.margin);

  const narrationBar =
    reservedLines > 0
      ? `<rect x="${LAYOUT.margin - 12}" y="${round(narrationTop)}" width="4" height="${round(narrationHeight)}" fill="${LAYOUT.accent}"/>`
      : '';
  const narration = textLines(narrationLines, LAYOUT.margin, narrationTop, narrationSize, narrationSize * 1.4, LAYOUT.text, 600);
  const footer = textLines(footerLines, LAYOUT.margin, footerTop, LAYOUT.footerSize, LAYOUT.footerSize * 1.4, LAYOUT.muted, 400);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(LAYOUT.font)}">` +
    `<title>${escapeXml(options.caption)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `${flow.placed.map(itemMarkup).join('')}${narrationBar}${narration}${footer}</svg>`;
  return { svg, width, height, narrationLines: natural.length, figureCount };
}
