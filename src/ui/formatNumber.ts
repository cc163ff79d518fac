// How numbers are written in cells and narration: integers as they are, others to 3 significant digits, a real minus sign.

import { format } from 'd3-format';

const compact = format('.3~r');
const large = format('.3~s');

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const rounded = Math.round(value * 10000) / 10000;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  if (Number.isInteger(rounded) && Math.abs(rounded) < 100000) return String(rounded).replace('-', '\u2212');
  if (Math.abs(rounded) >= 100000) return large(rounded);
  // From 100 up, one decimal (never an exponent: 1234.6, not 1.23e+3); below, three significant digits.
  if (Math.abs(rounded) >= 100) return String(Math.round(rounded * 10) / 10).replace('-', '\u2212');
  return compact(rounded);
}

/** A number as a factor in a written-out product: negatives in parentheses, so "2×(−1)" reads right. */
export function formatFactor(value: number): string {
  const text = formatNumber(value);
  return text.startsWith('\u2212') ? `(${text})` : text;
}

/** A whole number in subscript digits, for indices in running text: RF₃, W₃,₃. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => '₀₁₂₃₄₅₆₇₈₉'[Number(digit)] ?? digit);
}
