// Visual constants in one place: the diverging colour scale, highlight colours and cell sizes.

import { scaleDiverging } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';

export const CELL_SIZE = 44;

export const COLORS = {
  window: '#f5a623',
  output: '#7b2ff7',
  linked: '#00a37a',
  source: '#d6336c',
  unread: '#c2410c',
  grid: '#5b6475',
  paddingFill: '#eef0f4',
  paddingText: '#5b6475',
  /** Zeros inserted between input cells (transposed convolution): pale amber with dots, unlike padding's grey hatching. */
  insertedFill: '#fdf1d6',
  insertedDot: '#d9a441',
  pendingFill: '#ffffff',
  text: '#111827',
  textOnDark: '#ffffff',
} as const;

/**
 * A colour scale symmetric around zero: negative values blue, positive red, zero white.
 * `maxAbs` is the largest magnitude the scale must show (at least 1, so an all-zero grid stays white).
 */
export function divergingScale(maxAbs: number): (value: number) => string {
  const extent = Math.max(Math.abs(maxAbs), 1e-9) || 1;
  const scale = scaleDiverging<string>((t) => interpolateRdBu(1 - t))
    .domain([-extent, 0, extent])
    .clamp(true);
  return (value: number) => scale(value);
}

/** Whether a value's cell colour is dark enough to need white text. */
export function needsLightText(value: number, maxAbs: number): boolean {
  return maxAbs > 0 && Math.abs(value) / maxAbs > 0.6;
}

export function maxAbsOf(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (Math.abs(v) > max) max = Math.abs(v);
  return max;
}

/** Categorical colours for groups of channels (grouped convolution), dark enough to read as lines on white. */
export const GROUP_COLORS: readonly string[] = ['#1f77b4', '#c2410c', '#2e7d32', '#7b2ff7', '#8c564b', '#c2185b', '#00838f', '#5b6475'];
