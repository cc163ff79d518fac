// A stack of convolution and pooling layers along one axis: each layer's geometry, its receptive field, and the units an output depends on.

import { convCost } from './cost.ts';
import { axisTapTable, convAxis, poolAxis, tapCoordinate, type AxisGeometry } from './geometry.ts';
import type { Formula } from './formulas.ts';
import { receptiveField, type ReceptiveFieldEntry } from './receptiveField.ts';

/** conv: a convolution; max / avg: max or average pooling (PyTorch's floor mode). */
export type StackLayerKind = 'conv' | 'max' | 'avg';

export interface StackLayer {
  readonly kind: StackLayerKind;
  readonly kernel: number;
  readonly stride: number;
  /** Padding on each side. */
  readonly padding: number;
  readonly dilation: number;
}

/** Why a stack cannot run on an input: the first layer (0-based) that fails and the engine's reason. */
export interface StackIssue {
  readonly layer: number;
  readonly message: string;
}

export interface LayerStackGeometry {
  /** One axis geometry per layer that runs (all of them when `issue` is null); layer i reads axes[i].input cells. */
  readonly axes: readonly AxisGeometry[];
  readonly issue: StackIssue | null;
}

function layerAxis(layer: StackLayer, index: number, input: number): AxisGeometry {
  const op = `layer ${index + 1}`;
  const { kernel, stride, padding, dilation } = layer;
  if (layer.kind === 'conv') return convAxis(op, { axis: 'width', input, kernel, stride, dilation, padBefore: padding, padAfter: padding });
  if (layer.kind === 'avg' && dilation !== 1) throw new Error(`${op}: average pooling has no dilation (PyTorch's AvgPool2d), got ${dilation}`);
  const axis = poolAxis(op, { axis: 'width', input, kernel, stride, dilation, padding, ceilMode: false });
  if (layer.kind === 'max') {
    // A max-pooling window must hold a real cell (PyTorch would return −∞ there); read it off the tap table.
    const taps = axisTapTable(axis);
    for (let o = 0; o < axis.output; o++) {
      if (taps.subarray(o * kernel, (o + 1) * kernel).every((source) => source < 0)) {
        throw new Error(`${op}: max-pooling window ${o} lies entirely in the padding (dilation ${dilation}, padding ${padding})`);
      }
    }
  }
  return axis;
}

/** Runs the geometry of every layer on an input of `inputSize` cells (per axis) until one does not fit. */
export function layerStackGeometry(inputSize: number, layers: readonly StackLayer[]): LayerStackGeometry {
  const axes: AxisGeometry[] = [];
  let size = inputSize;
  for (let index = 0; index < layers.length; index++) {
    try {
      const axis = layerAxis(layers[index] as StackLayer, index, size);
      axes.push(axis);
      size = axis.output;
    } catch (error) {
      return { axes, issue: { layer: index, message: error instanceof Error ? error.message : String(error) } };
    }
  }
  return { axes, issue: null };
}

/** The stack's receptive field per layer (pooling counts like convolution: only kernel, stride and dilation matter). */
export function stackReceptiveField(layers: readonly StackLayer[]): ReceptiveFieldEntry[] {
  return receptiveField(layers.map(({ kernel, stride, padding, dilation }) => ({ kernelSize: kernel, stride, padding, dilation })));
}

/** The receptive field before any layer: one pixel, one pixel apart, centred on itself. */
export const INPUT_RECEPTIVE_FIELD: ReceptiveFieldEntry = { size: 1, jump: 1, start: 0 };

/** Input coordinate of the centre of unit j's receptive field. */
export function unitCentre(entry: ReceptiveFieldEntry, unit: number): number {
  return entry.start + unit * entry.jump;
}

/** The unit of a layer (with `outputSize` units) whose receptive-field centre lies nearest an input coordinate. */
export function nearestUnit(entry: ReceptiveFieldEntry, outputSize: number, coordinate: number): number {
  const unit = Math.round((coordinate - entry.start) / entry.jump);
  return Math.min(Math.max(unit, 0), outputSize - 1);
}

/** First and last input coordinate (pixel centres) of unit j's receptive field, padding included. */
export function receptiveSpan(entry: ReceptiveFieldEntry, unit: number): { first: number; last: number } {
  const centre = unitCentre(entry, unit);
  return { first: centre - (entry.size - 1) / 2, last: centre + (entry.size - 1) / 2 };
}

/** The units of one row of the stack that an output unit depends on: row r is layer r's input (row 0 the image). */
export interface ConeRow {
  /** Coordinate of read[0]: −padding of the layer that reads this row (negative and ≥ size are padding cells). */
  readonly first: number;
  /** Real cells of this row (the image, or layer r's output). */
  readonly size: number;
  readonly read: readonly boolean[];
}

/**
 * Which cells of every row below unit `unit` of layer `layer` (0-based) it depends on, found by walking the tap enumerator
 * down from that unit: padding cells that are read are marked but, being constants, lead no further.
 * Returns rows 0 … layer + 1; the last row holds just the unit itself.
 */
export function dependencyCone(axes: readonly AxisGeometry[], layer: number, unit: number): ConeRow[] {
  const top = axes[layer];
  if (!top) throw new Error(`dependencyCone: layer ${layer} is not in a stack of ${axes.length} layers`);
  if (!Number.isInteger(unit) || unit < 0 || unit >= top.output) throw new Error(`dependencyCone: unit ${unit} is outside 0…${top.output - 1}`);
  const rows: ConeRow[] = [];
  let current = [unit];
  const topRead = new Array<boolean>(top.output).fill(false);
  topRead[unit] = true;
  rows.push({ first: 0, size: top.output, read: topRead });
  for (let index = layer; index >= 0; index--) {
    const axis = axes[index] as AxisGeometry;
    const first = -axis.padBefore;
    const read = new Array<boolean>(axis.padBefore + axis.input + axis.padAfter + axis.overhang).fill(false);
    for (const o of current) {
      for (let k = 0; k < axis.kernel; k++) read[tapCoordinate(axis, o, k) - first] = true;
    }
    rows.push({ first, size: axis.input, read });
    current = [];
    for (let i = 0; i < axis.input; i++) if (read[i - first]) current.push(i);
  }
  return rows.reverse();
}

/** Longest product written factor by factor; past it the strides of 1 are left out ("2\cdot 2\cdot 2 = 8"). */
const MAX_WRITTEN_FACTORS = 6;

/** S(i), the product of the strides of layers 1 … i (1 before any layer): "1\cdot 2\cdot 1 = 2". */
export function strideProductFormula(strides: readonly number[]): Formula {
  const value = strides.reduce((product, stride) => product * stride, 1);
  const factors = strides.length > MAX_WRITTEN_FACTORS ? strides.filter((stride) => stride !== 1) : strides;
  if (factors.length <= 1) return { value, tex: String(value) };
  return { value, tex: `${factors.join('\\cdot ')} = ${value}` };
}

/** Parameters of the stack's convolutions with `channels` channels in and out, biases included (pooling has none). */
export function stackParameters(layers: readonly StackLayer[], channels: number): Formula & { readonly layers: number } {
  const convs = layers.filter((layer) => layer.kind === 'conv');
  const costs = convs.map((layer) =>
    convCost({ inChannels: channels, outChannels: channels, kernelH: layer.kernel, kernelW: layer.kernel, outH: 1, outW: 1 }),
  );
  const value = costs.reduce((sum, cost) => sum + cost.parameters, 0);
  const term = (kernel: number) => `${kernel}\\times ${kernel}\\times ${channels}\\times ${channels} + ${channels}`;
  const first = convs[0];
  if (!first) return { value: 0, layers: 0, tex: '0' };
  const same = convs.every((layer) => layer.kernel === first.kernel);
  const sum = same
    ? convs.length === 1
      ? term(first.kernel)
      : `${convs.length}\\times(${term(first.kernel)})`
    : convs.map((layer) => `(${term(layer.kernel)})`).join(' + ');
  return { value, layers: convs.length, tex: `${sum} = ${value}` };
}

/**
 * VGG's comparison for an odd receptive field `size` ≥ 3: (size − 1)/2 stacked 3×3 convolutions (stride 1, padding 1)
 * and one size×size convolution see the same size×size patch. Null for an even size.
 */
export function sameFieldStacks(size: number): { small: StackLayer[]; single: StackLayer[] } | null {
  if (!Number.isInteger(size) || size < 3 || size % 2 === 0) return null;
  const small = Array.from({ length: (size - 1) / 2 }, (): StackLayer => ({ kind: 'conv', kernel: 3, stride: 1, padding: 1, dilation: 1 }));
  return { small, single: [{ kind: 'conv', kernel: size, stride: 1, padding: (size - 1) / 2, dilation: 1 }] };
}
