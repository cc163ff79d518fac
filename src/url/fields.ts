// URL field codecs: each parses a raw query value (null when bad, never throws) and serializes a typed value.

export interface Field<T> {
  /** Parses a raw query value; null means bad input (the caller falls back to the default and says so). */
  parse(raw: string): T | null;
  serialize(value: T): string;
  equals(a: T, b: T): boolean;
}

/** Longest raw value any field will look at; longer ones are rejected before parsing. */
export const MAX_VALUE_LENGTH = 2000;

function same<T>(a: T, b: T): boolean {
  return a === b;
}

export function integerField(min: number, max: number): Field<number> {
  return {
    parse(raw) {
      if (raw.length > 12 || !/^-?\d+$/.test(raw)) return null;
      const value = Number(raw);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
    },
    serialize: (value) => String(value),
    equals: same,
  };
}

/** A decimal number within [−maxAbs, maxAbs], kept to 4 decimals. */
export function numberField(maxAbs: number): Field<number> {
  return {
    parse(raw) {
      if (raw.length > 24 || !/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw)) return null;
      const value = Number(raw);
      return Number.isFinite(value) && Math.abs(value) <= maxAbs ? roundValue(value) : null;
    },
    serialize: (value) => formatValue(value),
    equals: same,
  };
}

export function booleanField(): Field<boolean> {
  return {
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : null),
    serialize: (value) => (value ? '1' : '0'),
    equals: same,
  };
}

export function enumField<T extends string>(values: readonly T[]): Field<T> {
  return {
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : null),
    serialize: (value) => value,
    equals: same,
  };
}

export type Matrix = readonly (readonly number[])[];

export interface MatrixLimits {
  maxRows: number;
  maxCols: number;
  maxAbs: number;
}

export function roundValue(value: number): number {
  const rounded = Math.round(value * 10000) / 10000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function formatValue(value: number): string {
  return String(roundValue(value));
}

/** Parses rows separated by ';' (or new lines) and values by ',' or spaces; null when ragged, too big or not numbers. */
export function parseMatrixText(
  raw: string,
  limits: MatrixLimits,
): { matrix: Matrix } | { error: 'empty' | 'ragged' | 'number' | 'size' | 'range'; row?: number; token?: string; got?: number; expected?: number } {
  // A one-line nested list such as [[0, 1], [2, 3]] (pasted from Python) has its rows between "],[".
  const rows = raw
    .replace(/\]\s*,\s*\[/g, ';')
    .split(/[;\n]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (rows.length === 0) return { error: 'empty' };
  const matrix: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const tokens = (rows[r] as string)
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter((t) => t.length > 0);
    const values: number[] = [];
    for (const token of tokens) {
      const cleaned = token.replace(/[[\]]/g, '').replace(/\u2212/g, '-');
      if (cleaned.length === 0) continue;
      if (cleaned.length > 24 || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned))
        return { error: 'number', row: r + 1, token: token.slice(0, 24) };
      const value = Number(cleaned);
      if (!Number.isFinite(value) || Math.abs(value) > limits.maxAbs) return { error: 'range' };
      values.push(roundValue(value));
    }
    if (values.length === 0) continue;
    if (matrix.length > 0 && values.length !== (matrix[0] as number[]).length) {
      return { error: 'ragged', row: r + 1, got: values.length, expected: (matrix[0] as number[]).length };
    }
    matrix.push(values);
  }
  if (matrix.length === 0) return { error: 'empty' };
  const cols = (matrix[0] as number[]).length;
  if (matrix.length > limits.maxRows || cols > limits.maxCols) return { error: 'size', got: matrix.length, expected: cols };
  return { matrix };
}

export function matrixField(limits: MatrixLimits): Field<Matrix> {
  return {
    parse(raw) {
      if (raw.length > MAX_VALUE_LENGTH) return null;
      const result = parseMatrixText(raw, limits);
      return 'matrix' in result ? result.matrix : null;
    },
    serialize: (matrix) => matrix.map((row) => row.map(formatValue).join(',')).join(';'),
    equals: (a, b) => a.length === b.length && a.every((row, r) => row.length === (b[r]?.length ?? -1) && row.every((v, c) => v === b[r]?.[c])),
  };
}

/**
 * A fixed-length tuple of whole numbers ("2,1" or, when all entries agree, just "2"),
 * for per-axis pairs (height, width) and per-side padding (top, bottom, left, right).
 */
export function integerTupleField<T extends readonly number[]>(length: T['length'], min: number, max: number): Field<T> {
  const entry = integerField(min, max);
  return {
    parse(raw) {
      if (raw.length > 64) return null;
      const parts = raw.split(',');
      if (parts.length !== 1 && parts.length !== length) return null;
      const values = parts.map((part) => entry.parse(part.trim()));
      if (values.some((v) => v === null)) return null;
      return (parts.length === 1 ? Array.from({ length }, () => values[0] as number) : values) as unknown as T;
    },
    serialize: (value) => (value.every((v) => v === value[0]) ? String(value[0]) : value.join(',')),
    equals: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}

/** A list of whole numbers of variable length ("1,2,3"), e.g. the dilation rates of a stack of layers. */
export function integerListField(minLength: number, maxLength: number, min: number, max: number): Field<readonly number[]> {
  const entry = integerField(min, max);
  return {
    parse(raw) {
      if (raw.length > 8 * maxLength) return null;
      const parts = raw.split(',');
      if (parts.length < minLength || parts.length > maxLength) return null;
      const values = parts.map((part) => entry.parse(part.trim()));
      return values.some((v) => v === null) ? null : (values as number[]);
    },
    serialize: (value) => value.join(','),
    equals: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}
