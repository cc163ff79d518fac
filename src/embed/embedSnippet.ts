// Builds the <iframe> snippet that embeds the current view in a course page (pure: the view, the page's address and the title in).

import type { PanelId } from '../app/panels.ts';
import { encodeView, type ViewState } from '../url/codec.ts';

/**
 * The iframe's height per panel, in CSS pixels: enough for the bar, the player, the grids and the first formulas at a course
 * page's usual column width (600–800 px); taller content scrolls inside the frame.
 */
export const EMBED_HEIGHTS: { readonly [P in PanelId]: number } = {
  basics: 560,
  padding: 660,
  stride: 880,
  dilation: 900,
  transposed: 900,
  receptive: 760,
  pooling: 700,
  channels: 1000,
  kernels: 900,
};

/** The embedded view's address: this page's origin and path (so a sub-path host works) and the view with embed on. */
export function embedUrl(view: ViewState, origin: string, pathname: string): string {
  return `${origin}${pathname}${encodeView({ ...view, embed: true })}`;
}

/** Escapes a value for a double-quoted HTML attribute (the link's `&` included, as HTML wants). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippet(src: string, title: string, height: number): string {
  return [
    `<iframe src="${escapeAttribute(src)}"`,
    `  title="${escapeAttribute(title)}"`,
    `  width="100%" height="${height}" style="border:0"`,
    `  loading="lazy" allow="clipboard-write; fullscreen"></iframe>`,
  ].join('\n');
}
