// The effective receptive field: a gradient of 1 sent back from one output unit through a stack with uniform weights, by the engine's own ops.

import { conv2d } from './conv2d.ts';
import { convTranspose2d } from './convTranspose2d.ts';
import { transposedOutputSize, type AxisGeometry } from './geometry.ts';
import { layerStackGeometry, type StackLayer } from './layerStack.ts';
import { avgPool2dBackward } from './pooling.ts';
import { tensor, zeros, type Tensor } from './tensor.ts';

export interface EffectiveReceptiveField {
  /** [1, n, n]: how much a change of each input pixel moves the unit (its gradient). */
  readonly map: Tensor;
  /** Sum of the map: 1 minus what the padding swallowed. */
  readonly total: number;
  /** The largest value and where it is. */
  readonly peak: { readonly y: number; readonly x: number; readonly value: number };
}

function uniformKernel(kernel: number): Tensor {
  return tensor(new Array(kernel * kernel).fill(1 / (kernel * kernel)), [1, 1, kernel, kernel]);
}

/** Output padding that makes a transposed convolution give back exactly the layer's input size (what the floor dropped). */
function outputPadding(axis: AxisGeometry): number {
  return axis.input - transposedOutputSize(axis.output, axis.kernel, axis.stride, axis.padBefore, 0, axis.dilation);
}

/**
 * One layer's backward pass with uniform weights, from the gradient at its output to the gradient at its input:
 * - convolution: every weight 1/k², so the gradient is the transposed convolution with that kernel;
 * - average pooling: its own backward (PyTorch's default divisor k², padding counted);
 * - max pooling: where the maximum falls depends on the data; over random inputs each real cell of a window is equally likely,
 *   so the expected gradient splits evenly over the window's real cells: average pooling's backward without the padding,
 *   or, for a dilated window (which average pooling lacks), the gradient divided by each window's count of real cells and scattered.
 */
function layerBackward(gradient: Tensor, layer: StackLayer, axis: AxisGeometry): Tensor {
  const { kernel, stride, padding, dilation } = layer;
  const input = zeros([1, axis.input, axis.input]);
  if (layer.kind === 'conv') {
    return convTranspose2d(gradient, uniformKernel(kernel), { stride, padding, dilation, outputPadding: outputPadding(axis) });
  }
  if (layer.kind === 'avg') return avgPool2dBackward(gradient, input, { kernelSize: kernel, stride, padding, countIncludePad: true });
  if (dilation === 1) return avgPool2dBackward(gradient, input, { kernelSize: kernel, stride, padding, countIncludePad: false });
  const ones = tensor(new Array(kernel * kernel).fill(1), [1, 1, kernel, kernel]);
  const realCells = conv2d(tensor(new Array(axis.input * axis.input).fill(1), [1, axis.input, axis.input]), ones, { stride, padding, dilation });
  const shares = tensor(
    gradient.data.map((g, i) => g / (realCells.data[i] as number)),
    gradient.shape,
  );
  return convTranspose2d(shares, ones, { stride, padding, dilation, outputPadding: outputPadding(axis) });
}

/**
 * The effective receptive field of unit (row, col) of layer `depth` (1-based; default the last) in a stack run on an
 * n×n input, with uniform weights: a gradient of 1 at the unit, sent back layer by layer.
 */
export function effectiveReceptiveField(
  inputSize: number,
  layers: readonly StackLayer[],
  unit: readonly [number, number],
  depth: number = layers.length,
): EffectiveReceptiveField {
  const { axes, issue } = layerStackGeometry(inputSize, layers);
  if (issue) throw new Error(`effectiveReceptiveField: ${issue.message}`);
  if (!Number.isInteger(depth) || depth < 1 || depth > layers.length) {
    throw new Error(`effectiveReceptiveField: depth ${depth} must be a layer of the stack, 1…${layers.length}`);
  }
  const top = axes[depth - 1] as AxisGeometry;
  const [row, col] = unit;
  if (![row, col].every((i) => Number.isInteger(i) && i >= 0 && i < top.output)) {
    throw new Error(`effectiveReceptiveField: unit (${row}, ${col}) is outside layer ${depth}'s ${top.output}×${top.output} output`);
  }
  const start = new Float32Array(top.output * top.output);
  start[row * top.output + col] = 1;
  let gradient = tensor(start, [1, top.output, top.output]);
  for (let index = depth - 1; index >= 0; index--) {
    gradient = layerBackward(gradient, layers[index] as StackLayer, axes[index] as AxisGeometry);
  }
  let total = 0;
  let best = 0;
  gradient.data.forEach((value, i) => {
    total += value;
    if (value > (gradient.data[best] as number)) best = i;
  });
  return { map: gradient, total, peak: { y: Math.floor(best / inputSize), x: best % inputSize, value: gradient.data[best] as number } };
}

/** Multiply-adds the backward pass costs at most (each layer: its output cells × its kernel cells), so a caller can refuse huge stacks. */
export function effectiveReceptiveFieldCost(inputSize: number, layers: readonly StackLayer[], depth: number = layers.length): number {
  const { axes } = layerStackGeometry(inputSize, layers);
  return axes.slice(0, depth).reduce((sum, axis) => sum + axis.output * axis.output * axis.kernel * axis.kernel, 0);
}

/** Clamps a coordinate to the nearest pixel of an n-pixel axis. */
function nearestPixel(coordinate: number, size: number): number {
  return Math.min(Math.max(Math.round(coordinate), 0), size - 1);
}

/**
 * Centre against edge of the theoretical field (spans of pixel centres per axis, as from receptiveSpan): on the row through
 * the field's centre pixel, the value there, the value at the field's left edge (or at the image border when the field
 * reaches past it), and how many times larger the centre is.
 */
export function centreToEdge(
  erf: EffectiveReceptiveField,
  rows: { first: number; last: number },
  cols: { first: number; last: number },
): { y: number; centreX: number; edgeX: number; centre: number; edge: number; ratio: number } {
  const size = erf.map.shape[2] as number;
  const y = nearestPixel((rows.first + rows.last) / 2, size);
  const centreX = nearestPixel((cols.first + cols.last) / 2, size);
  const edgeX = Math.min(Math.max(Math.ceil(cols.first), 0), size - 1);
  const centre = erf.map.data[y * size + centreX] as number;
  const edge = erf.map.data[y * size + edgeX] as number;
  return { y, centreX, edgeX, centre, edge, ratio: edge > 0 ? centre / edge : Number.POSITIVE_INFINITY };
}
