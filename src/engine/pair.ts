// Pair options (a number for both axes, or [height, width]) and the integer checks behind them.

export type Pair = number | readonly [number, number];
export type Axis = 'height' | 'width';

/** Reads a pair option, checking each entry is an integer ≥ `min`; the error names the option and the value. */
export function readPair(opName: string, argName: string, value: Pair | undefined, fallback: number, min: number): [number, number] {
  if (value === undefined) return [fallback, fallback];
  let pair: [unknown, unknown];
  if (typeof value === 'number') {
    pair = [value, value];
  } else if (Array.isArray(value) && value.length === 2) {
    pair = [value[0], value[1]];
  } else {
    throw new Error(`${opName}: ${argName} must be a number or a [height, width] pair, got ${describe(value)}`);
  }
  for (const entry of pair) {
    if (typeof entry !== 'number' || !Number.isInteger(entry)) {
      throw new Error(`${opName}: ${argName} must be whole numbers, got ${describe(value)}`);
    }
    if (entry < min) {
      const rule = min === 0 ? 'must not be negative' : `must be at least ${min}`;
      throw new Error(`${opName}: ${argName} ${rule}, got ${describe(value)}`);
    }
  }
  return pair as [number, number];
}

export function readInteger(opName: string, argName: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`${opName}: ${argName} must be a whole number, got ${describe(value)}`);
  }
  if (value < min) throw new Error(`${opName}: ${argName} must be at least ${min}, got ${value}`);
  return value;
}

export function describe(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
