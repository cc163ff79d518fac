// Pooling explained in numbers: one window's written terms and TeX, a backward step's TeX, ceil mode's dropped window, adaptive bins, GAP and SPP length.

import { adaptiveBin } from './adaptivePooling.ts';
import type { AxisGeometry } from './geometry.ts';
import { texFactor, texNumber, type Formula } from './formulas.ts';
import type { PoolPlan } from './pooling.ts';
import type { PoolBackwardFrame, PoolFrame, PoolKind } from './poolTrace.ts';
import type { Tensor } from './tensor.ts';

/** Where a tap of a window lands: a real input cell, a padding cell, or past the padding (ceil mode's overhang). */
export type PoolTapPlace = 'input' | 'padding' | 'overhang';

function placeOn(axis: AxisGeometry, coordinate: number): PoolTapPlace {
  if (coordinate >= 0 && coordinate < axis.input) return 'input';
  return coordinate >= -axis.padBefore && coordinate < axis.input + axis.padAfter ? 'padding' : 'overhang';
}

/** Where tap (y, x) lands: cells past the padding are not part of any window (PyTorch clips them away). */
export function poolTapPlace(plan: PoolPlan, y: number, x: number): PoolTapPlace {
  const rows = placeOn(plan.geometry.height, y);
  const cols = placeOn(plan.geometry.width, x);
  if (rows === 'overhang' || cols === 'overhang') return 'overhang';
  return rows === 'padding' || cols === 'padding' ? 'padding' : 'input';
}

export interface PoolTerm {
  /** Index of the tap in the frame's window order. */
  readonly tap: number;
  /** The value as written: a real cell's value; −∞ for max pooling's padding; 0 for padding that average pooling counts. */
  readonly value: number;
  readonly padding: boolean;
}

/**
 * The terms of one window as the formula writes them, in window order. Max: real cells and −∞ for padding.
 * Average: real cells, plus a 0 per padding cell when countIncludePad (so the number of terms is the divisor).
 * Cells past the padding never appear.
 */
export function poolTerms(kind: PoolKind, plan: PoolPlan, frame: PoolFrame): PoolTerm[] {
  const terms: PoolTerm[] = [];
  frame.taps.forEach((tap, index) => {
    const place = poolTapPlace(plan, tap.y, tap.x);
    if (place === 'input') terms.push({ tap: index, value: tap.value ?? 0, padding: false });
    else if (place === 'padding' && kind === 'max') terms.push({ tap: index, value: -Infinity, padding: true });
    else if (place === 'padding' && plan.countIncludePad) terms.push({ tap: index, value: 0, padding: true });
  });
  return terms;
}

function termTex(value: number): string {
  return value === -Infinity ? '-\\infty' : texFactor(value);
}

/** y_{i,j} (or y_{c,i,j} with several channels). */
function indexTex(symbol: string, channels: number, channel: number, y: number, x: number): string {
  return channels > 1 ? `${symbol}_{${channel},${y},${x}}` : `${symbol}_{${y},${x}}`;
}

/** One output cell with its numbers: "y_{0,1} = \max(3, 7, 2, 5) = 7" or "y_{0,1} = \frac{3 + 7 + 2 + 5}{4} = 4.25". */
export function poolCellTex(kind: PoolKind, plan: PoolPlan, frame: PoolFrame): string {
  const terms = poolTerms(kind, plan, frame).map((term) => termTex(term.value));
  const target = indexTex('y', plan.channels, frame.channel, frame.outY, frame.outX);
  if (kind === 'max') return `${target} = \\max(${terms.join(', ')}) = ${texNumber(frame.value)}`;
  return `${target} = \\frac{${terms.length > 0 ? terms.join(' + ') : '0'}}{${frame.divisor}} = ${texNumber(frame.value)}`;
}

/** One backward step: max adds the whole gradient at the argmax cell; average adds gradient ÷ divisor at each real cell. */
export function poolBackwardStepTex(kind: PoolKind, plan: PoolPlan, frame: PoolBackwardFrame): string {
  const dy = `\\frac{\\partial L}{\\partial ${indexTex('y', plan.channels, frame.channel, frame.outY, frame.outX)}}`;
  if (kind === 'max') {
    const target = frame.routes[0];
    const dx = target ? `\\frac{\\partial L}{\\partial ${indexTex('x', plan.channels, frame.channel, target.y, target.x)}}` : '';
    return `${dx} \\mathrel{+}= ${dy} = ${texNumber(frame.gradient)}`;
  }
  return `\\frac{\\partial L}{\\partial x_{i,j}} \\mathrel{+}= \\frac{${dy}}{${frame.divisor}} = \\frac{${texNumber(frame.gradient)}}{${frame.divisor}} = ${texNumber(frame.gradient / frame.divisor)}`;
}

/**
 * In ceil mode, the extra window that rounding up would add but PyTorch drops because it would start at or past the end
 * of the input (in the right/bottom padding, or beyond it): its cells [start, end) relative to the real input; null when none is dropped.
 */
export function droppedCeilWindow(axis: AxisGeometry, ceilMode: boolean): { start: number; end: number } | null {
  if (!ceilMode) return null;
  const span = axis.input + axis.padBefore + axis.padAfter - axis.effectiveKernel;
  const roundedUp = Math.ceil(span / axis.stride) + 1;
  if (roundedUp <= axis.output) return null;
  const start = axis.output * axis.stride - axis.padBefore;
  return { start, end: start + axis.effectiveKernel };
}

export interface AdaptiveBinFormula {
  readonly start: number;
  readonly end: number;
  /** "\lfloor 1\cdot 5/3 \rfloor = 1,\ \lceil 2\cdot 5/3 \rceil = 4": the bin rule with the numbers in it. */
  readonly tex: string;
}

/** Adaptive pooling's bin rule for bin `index` of `outputSize` over `inputSize` cells: start ⌊i·n/o⌋, end ⌈(i+1)·n/o⌉ (end excluded). */
export function adaptiveBinFormula(index: number, inputSize: number, outputSize: number): AdaptiveBinFormula {
  const { start, end } = adaptiveBin(index, inputSize, outputSize);
  const tex =
    `\\text{start} = \\left\\lfloor \\frac{${index}\\cdot ${inputSize}}{${outputSize}} \\right\\rfloor = ${start},\\quad ` +
    `\\text{end} = \\left\\lceil \\frac{${index + 1}\\cdot ${inputSize}}{${outputSize}} \\right\\rceil = ${end}`;
  return { start, end, tex };
}

/** Global average pooling of one channel: "\frac{120}{4\cdot 4} = 7.5" (the sum of the channel over its cell count). */
export function globalAveragePoolFormula(input: Tensor, channel: number): Formula {
  const [channels = 0, height = 0, width = 0] = input.shape;
  if (input.shape.length !== 3 || !Number.isInteger(channel) || channel < 0 || channel >= channels) {
    throw new Error(`globalAveragePoolFormula: channel ${channel} is not a channel of an input of shape [${input.shape.join(', ')}]`);
  }
  let sum = 0;
  const plane = height * width;
  for (let i = 0; i < plane; i++) sum += input.data[channel * plane + i] as number;
  const value = sum / plane;
  return { value, tex: `\\frac{${texNumber(sum)}}{${height}\\cdot ${width}} = ${texNumber(value)}` };
}

/** Length of the spatial pyramid's vector: (Σ o²)·C, e.g. "4^2 + 2^2 + 1^2 = 21" for one channel. */
export function pyramidLengthFormula(levels: readonly number[], channels = 1): Formula {
  const perChannel = levels.reduce((total, o) => total + o * o, 0);
  const squares = levels.map((o) => `${o}^2`).join(' + ');
  const value = perChannel * channels;
  const tex = channels === 1 ? `${squares} = ${value}` : `(${squares})\\cdot ${channels} = ${value}`;
  return { value, tex };
}
