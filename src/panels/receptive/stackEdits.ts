// Edits of the layer stack (replace, insert, move, remove) and the ranges a control may take so the stack still runs.

import { layerStackGeometry, type StackLayer } from '../../engine/index.ts';
import { finalOutputSize, type ReceptiveConfig } from './receptiveConfig.ts';

export function stackRuns(inputSize: number, layers: readonly StackLayer[]): boolean {
  return layers.length > 0 && layerStackGeometry(inputSize, layers).issue === null;
}

export function replaceLayer(layers: readonly StackLayer[], index: number, layer: StackLayer): StackLayer[] {
  return layers.map((old, i) => (i === index ? layer : old));
}

/** Inserts `layer` right after position `index`. */
export function insertLayer(layers: readonly StackLayer[], index: number, layer: StackLayer): StackLayer[] {
  return [...layers.slice(0, index + 1), layer, ...layers.slice(index + 1)];
}

export function removeLayer(layers: readonly StackLayer[], index: number): StackLayer[] {
  return layers.filter((_, i) => i !== index);
}

/** Swaps layer `index` with its neighbour `index + delta` (delta ±1); the same stack when that neighbour does not exist. */
export function moveLayer(layers: readonly StackLayer[], index: number, delta: -1 | 1): StackLayer[] {
  const target = index + delta;
  if (target < 0 || target >= layers.length) return [...layers];
  const moved = [...layers];
  [moved[index], moved[target]] = [moved[target] as StackLayer, moved[index] as StackLayer];
  return moved;
}

/** The widest run of whole numbers around `current` (within [min, max]) for which `fits` holds: a control's usable range. */
export function validRange(current: number, min: number, max: number, fits: (value: number) => boolean): [number, number] {
  let low = current;
  while (low - 1 >= min && fits(low - 1)) low--;
  let high = current;
  while (high + 1 <= max && fits(high + 1)) high++;
  return [low, high];
}

/** A config change that keeps the selected unit only while it still exists in the new last layer (else the centre unit). */
export function withStack(config: ReceptiveConfig, patch: Pick<ReceptiveConfig, 'layers' | 'inputSize'>): Partial<ReceptiveConfig> {
  const output = finalOutputSize(patch);
  const { unit } = config;
  const keep = unit !== null && output !== null && unit[0] < output && unit[1] < output;
  return { ...patch, unit: keep ? unit : null };
}
