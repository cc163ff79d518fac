// Shape formulas as data: each returns its value and a TeX string with the current numbers substituted.

import { effectiveKernel, poolAxis, transposedOutputSize, type AxisGeometry } from './geometry.ts';

export interface Formula {
  readonly value: number;
  /** TeX with the numbers in it, ending in "= value". */
  readonly tex: string;
}

/** A number as TeX: integers plainly, others to at most 4 decimals, minus as a proper sign. */
export function texNumber(value: number): string {
  if (!Number.isFinite(value)) return '?';
  const rounded = Math.round(value * 10000) / 10000;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** A number as a factor inside a product: negatives in parentheses, so 3\times(-1) reads right. */
export function texFactor(value: number): string {
  const text = texNumber(value);
  return text.startsWith('-') ? `(${text})` : text;
}

/** Σ of products written out: "0\times 0 + 1\times 1 + 3\times 2 + 4\times 3 = 19" (plus the bias when non-zero). */
export function productSumTex(products: readonly { a: number; b: number }[], bias = 0, total?: number): string {
  const terms = products.map(({ a, b }) => `${texFactor(a)}\\times ${texFactor(b)}`);
  if (bias !== 0) terms.push(texFactor(bias));
  const sum = total ?? products.reduce((acc, { a, b }) => acc + a * b, 0) + bias;
  return `${terms.length > 0 ? terms.join(' + ') : '0'} = ${texNumber(sum)}`;
}

export interface ConvAxisNumbers {
  input: number;
  kernel: number;
  stride: number;
  padBefore: number;
  padAfter: number;
  dilation: number;
}

function axisNumbers(axis: AxisGeometry | ConvAxisNumbers): ConvAxisNumbers {
  return { input: axis.input, kernel: axis.kernel, stride: axis.stride, padBefore: axis.padBefore, padAfter: axis.padAfter, dilation: axis.dilation };
}

function floorFrac(numerator: string, denominator: number): string {
  return denominator === 1 ? `\\left\\lfloor ${numerator} \\right\\rfloor` : `\\left\\lfloor \\frac{${numerator}}{${denominator}} \\right\\rfloor`;
}

/** The general PyTorch form: ⌊(n + p_before + p_after − d(k − 1) − 1)/s⌋ + 1. */
export function convOutputSizeGeneral(axis: AxisGeometry | ConvAxisNumbers): Formula {
  const a = axisNumbers(axis);
  const value = Math.floor((a.input + a.padBefore + a.padAfter - a.dilation * (a.kernel - 1) - 1) / a.stride) + 1;
  const numerator = `${a.input} + ${a.padBefore} + ${a.padAfter} - ${a.dilation}\\cdot(${a.kernel} - 1) - 1`;
  return { value, tex: `${floorFrac(numerator, a.stride)} + 1 = ${value}` };
}

/**
 * The notes' form ⌊(n + 2p − k)/s⌋ + 1 (equal padding on both sides, no dilation: k is the effective kernel otherwise).
 * Returns null when the padding is unequal, where this form does not apply.
 */
export function convOutputSizeNotes(axis: AxisGeometry | ConvAxisNumbers, options: { showFloor?: boolean } = {}): Formula | null {
  const a = axisNumbers(axis);
  if (a.padBefore !== a.padAfter) return null;
  const k = effectiveKernel(a.kernel, a.dilation);
  const value = Math.floor((a.input + 2 * a.padBefore - k) / a.stride) + 1;
  const floored = options.showFloor ? shownFloor((a.input + 2 * a.padBefore - k) / a.stride, ' + 1') : '';
  return { value, tex: `${floorFrac(`${a.input} + 2\\cdot ${a.padBefore} - ${k}`, a.stride)} + 1${floored} = ${value}` };
}

/** " = ⌊3.5⌋ + 1": the quotient before the floor, so a student sees what the floor drops (nothing when it is whole). */
function shownFloor(quotient: number, rest: string): string {
  return Number.isInteger(quotient) ? '' : ` = \\left\\lfloor ${texNumber(quotient)} \\right\\rfloor${rest}`;
}

/** The simplest applicable form: n − k + 1 without padding, stride or dilation, else the general PyTorch form. */
export function convOutputSizeValid(axis: AxisGeometry | ConvAxisNumbers): Formula {
  const a = axisNumbers(axis);
  if (a.padBefore !== 0 || a.padAfter !== 0 || a.stride !== 1 || a.dilation !== 1) return convOutputSizeGeneral(a);
  const value = a.input - a.kernel + 1;
  return { value, tex: `${a.input} - ${a.kernel} + 1 = ${value}` };
}

/** The d2l form with the total padding p_h = p_before + p_after: ⌊(n − k + p_total + s)/s⌋. */
export function convOutputSizeTotalPadding(axis: AxisGeometry | ConvAxisNumbers, options: { showFloor?: boolean } = {}): Formula {
  const a = axisNumbers(axis);
  const k = effectiveKernel(a.kernel, a.dilation);
  const total = a.padBefore + a.padAfter;
  const value = Math.floor((a.input - k + total + a.stride) / a.stride);
  const floored = options.showFloor ? shownFloor((a.input - k + total + a.stride) / a.stride, '') : '';
  return { value, tex: `${floorFrac(`${a.input} - ${k} + ${total} + ${a.stride}`, a.stride)}${floored} = ${value}` };
}

/** Effective (dilated) kernel size d·(k − 1) + 1. */
export function effectiveKernelFormula(kernel: number, dilation: number): Formula {
  const value = effectiveKernel(kernel, dilation);
  return { value, tex: `${dilation}\\cdot(${kernel} - 1) + 1 = ${value}` };
}

export interface PoolAxisNumbers {
  input: number;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
}

/**
 * Pooling output size, PyTorch's rule: floor (or ceil with ceilMode) of (n + 2p − d(k − 1) − 1)/s, plus 1;
 * in ceil mode a last window starting inside the right padding is dropped (the TeX then says so).
 */
export function poolOutputSize(a: PoolAxisNumbers): Formula & { dropped: boolean } {
  const geometry = poolAxis('poolOutputSize', { axis: 'height', ...a });
  const numerator = `${a.input} + 2\\cdot ${a.padding} - ${a.dilation}\\cdot(${a.kernel} - 1) - 1`;
  const span = a.input + 2 * a.padding - a.dilation * (a.kernel - 1) - 1;
  if (!a.ceilMode) return { value: geometry.output, dropped: false, tex: `${floorFrac(numerator, a.stride)} + 1 = ${geometry.output}` };
  const rounded = Math.ceil(span / a.stride) + 1;
  const dropped = rounded !== geometry.output;
  const ceil = a.stride === 1 ? `\\left\\lceil ${numerator} \\right\\rceil` : `\\left\\lceil \\frac{${numerator}}{${a.stride}} \\right\\rceil`;
  const tex = dropped ? `${ceil} + 1 - 1 = ${geometry.output}` : `${ceil} + 1 = ${geometry.output}`;
  return { value: geometry.output, dropped, tex };
}

export interface TransposedAxisNumbers {
  input: number;
  kernel: number;
  stride: number;
  padding: number;
  outputPadding: number;
  dilation: number;
}

/** PyTorch's form: o = (i − 1)·s − 2p + d·(k − 1) + output_padding + 1. */
export function transposedOutputSizePyTorch(a: TransposedAxisNumbers): Formula {
  const value = transposedOutputSize(a.input, a.kernel, a.stride, a.padding, a.outputPadding, a.dilation);
  return {
    value,
    tex: `(${a.input} - 1)\\cdot ${a.stride} - 2\\cdot ${a.padding} + ${a.dilation}\\cdot(${a.kernel} - 1) + ${a.outputPadding} + 1 = ${value}`,
  };
}

/** The notes' form (000): o = (i − 1)·s + k − 2p (no dilation, no output padding; k is the effective kernel otherwise). */
export function transposedOutputSizeNotes(a: TransposedAxisNumbers): Formula {
  const k = effectiveKernel(a.kernel, a.dilation);
  const value = (a.input - 1) * a.stride + k - 2 * a.padding + a.outputPadding;
  const extra = a.outputPadding !== 0 ? ` + ${a.outputPadding}` : '';
  return { value, tex: `(${a.input} - 1)\\cdot ${a.stride} + ${k} - 2\\cdot ${a.padding}${extra} = ${value}` };
}

/** The zero-inserted view's own padding p' = k − 1 − p (with k the effective kernel). */
export function zeroInsertedPadding(kernel: number, padding: number, dilation = 1): Formula {
  const k = effectiveKernel(kernel, dilation);
  const value = k - 1 - padding;
  return { value, tex: `p' = ${k} - 1 - ${padding} = ${value}` };
}

/** The notes' form (004) in p': o = s·(i − 1) + 2p' − k + 2. */
export function transposedOutputSizePrime(a: TransposedAxisNumbers): Formula {
  const k = effectiveKernel(a.kernel, a.dilation);
  const pPrime = k - 1 - a.padding;
  const value = a.stride * (a.input - 1) + 2 * pPrime - k + 2 + a.outputPadding;
  const extra = a.outputPadding !== 0 ? ` + ${a.outputPadding}` : '';
  return { value, tex: `${a.stride}\\cdot(${a.input} - 1) + 2\\cdot ${pPrime} - ${k} + 2${extra} = ${value}` };
}

/** One receptive-field step: RF(i+1) = RF(i) + (k' − 1)·S(i), S(i) the product of the earlier strides. */
export function receptiveFieldStep(previousSize: number, kernel: number, dilation: number, jump: number): Formula {
  const k = effectiveKernel(kernel, dilation);
  const value = previousSize + (k - 1) * jump;
  return { value, tex: `${previousSize} + (${k} - 1)\\cdot ${jump} = ${value}` };
}
