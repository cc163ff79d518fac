// The Receptive field panel's configuration: a stack of conv/pool layers, the input size and the selected output unit; presets and URL table.

import { layerStackGeometry, type AxisGeometry, type StackLayer, type StackLayerKind } from '../../engine/index.ts';
import { integerField, integerTupleField, type Field } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';

export interface ReceptiveConfig {
  layers: readonly StackLayer[];
  /** Input height = width, in pixels. */
  inputSize: number;
  /** Selected unit (row, column) of the last layer's output; null = the centre unit. */
  unit: readonly [number, number] | null;
}

/** Bounds that keep every link and every edit cheap: at most 20 layers on at most 256×256 pixels. */
export const RECEPTIVE_LIMITS = {
  minLayers: 1,
  maxLayers: 20,
  minInput: 1,
  maxInput: 256,
  kernel: 11,
  stride: 4,
  padding: 16,
  dilation: 16,
} as const;

/** Channels in and out of every convolution when counting parameters (VGG's argument). */
export const PARAMETER_CHANNELS = 64;

const conv = (kernel: number, stride = 1, padding = 0, dilation = 1): StackLayer => ({ kind: 'conv', kernel, stride, padding, dilation });
const maxPool = (kernel: number, stride: number, padding = 0): StackLayer => ({ kind: 'max', kernel, stride, padding, dilation: 1 });
const avgPool = (kernel: number, stride: number): StackLayer => ({ kind: 'avg', kernel, stride, padding: 0, dilation: 1 });
const repeat = (count: number, layer: StackLayer): StackLayer[] => Array.from({ length: count }, () => layer);
const same3 = conv(3, 1, 1);

export interface ReceptivePreset {
  id: string;
  config: ReceptiveConfig;
}

const preset = (id: string, inputSize: number, layers: StackLayer[]): ReceptivePreset => ({ id, config: { layers, inputSize, unit: null } });

/**
 * The notes' stacks and the classic networks' conv/pool spines (branches and fully connected layers left out):
 * LeNet-5 as in LeCun et al. 1998 (S2/S4 subsampling as 2×2 average pooling); AlexNet, VGG-16 and ResNet-18 as torchvision
 * builds their `features` / main path (ResNet's 1×1 shortcut convolutions see less, so the spine sets the receptive field).
 */
export const RECEPTIVE_PRESETS: readonly ReceptivePreset[] = [
  preset('notes', 16, [conv(3, 1, 1), conv(3, 2, 1), conv(3, 1, 1)]),
  preset('two3x3', 16, repeat(2, same3)),
  preset('one5x5', 16, [conv(5, 1, 2)]),
  preset('three3x3', 16, repeat(3, same3)),
  preset('one7x7', 16, [conv(7, 1, 3)]),
  preset('lenet5', 32, [conv(5), avgPool(2, 2), conv(5), avgPool(2, 2), conv(5)]),
  preset('alexnet', 224, [conv(11, 4, 2), maxPool(3, 2), conv(5, 1, 2), maxPool(3, 2), ...repeat(3, same3), maxPool(3, 2)]),
  preset('vgg16', 224, [...[2, 2, 3, 3, 3].flatMap((convs) => [...repeat(convs, same3), maxPool(2, 2)])]),
  preset('resnet18', 224, [conv(7, 2, 3), maxPool(3, 2, 1), ...repeat(4, same3), ...[0, 1, 2].flatMap(() => [conv(3, 2, 1), ...repeat(3, same3)])]),
  preset(
    'dilated',
    64,
    [1, 2, 4, 8, 16].map((d) => conv(3, 1, d, d)),
  ),
  preset(
    'hybrid',
    16,
    [1, 2, 3].map((d) => conv(3, 1, d, d)),
  ),
];

export const DEFAULT_RECEPTIVE_CONFIG = (RECEPTIVE_PRESETS[0] as ReceptivePreset).config;

/** The layer added by "add a layer": a 3×3 convolution with padding 1, which keeps the size and so fits after any layer. */
export const NEW_LAYER: StackLayer = same3;

const KIND_LETTERS: Record<StackLayerKind, string> = { conv: 'c', max: 'm', avg: 'a' };
const LETTER_KINDS: Record<string, StackLayerKind> = { c: 'conv', m: 'max', a: 'avg' };
const LAYER_PATTERN = /^([cma])(\d{1,2})(?:s(\d{1,2}))?(?:p(\d{1,2}))?(?:d(\d{1,2}))?$/;

/** One layer as the link writes it: c3s1p2d2 (kind letter, kernel, stride, padding, dilation). */
export function formatLayer(layer: StackLayer): string {
  return `${KIND_LETTERS[layer.kind]}${layer.kernel}s${layer.stride}p${layer.padding}d${layer.dilation}`;
}

/** Reads one layer; s, p and d may be left out (1, 0, 1). Null for anything out of range, and for a dilated average pool. */
export function parseLayer(token: string): StackLayer | null {
  const match = LAYER_PATTERN.exec(token);
  if (!match) return null;
  const kind = LETTER_KINDS[match[1] as string] as StackLayerKind;
  const [kernel, stride, padding, dilation] = [match[2], match[3] ?? '1', match[4] ?? '0', match[5] ?? '1'].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const L = RECEPTIVE_LIMITS;
  if (kernel < 1 || kernel > L.kernel || stride < 1 || stride > L.stride || padding > L.padding || dilation < 1 || dilation > L.dilation) return null;
  if (kind === 'avg' && dilation !== 1) return null;
  return { kind, kernel, stride, padding, dilation };
}

/** The stack as `c3s1p1d1.m2s2p0d1…`: 1 to 20 layers joined by '.'. */
export function layerStackField(): Field<readonly StackLayer[]> {
  return {
    parse(raw) {
      if (raw.length > 16 * RECEPTIVE_LIMITS.maxLayers) return null;
      const tokens = raw.split('.');
      if (tokens.length < RECEPTIVE_LIMITS.minLayers || tokens.length > RECEPTIVE_LIMITS.maxLayers) return null;
      const layers = tokens.map(parseLayer);
      return layers.some((layer) => layer === null) ? null : (layers as StackLayer[]);
    },
    serialize: (layers) => layers.map(formatLayer).join('.'),
    equals: (a, b) => a.length === b.length && a.every((layer, i) => formatLayer(layer) === formatLayer(b[i] as StackLayer)),
  };
}

/** The selected unit as "row,col" (or one number for both); absent = the centre unit. */
export function unitField(): Field<readonly [number, number] | null> {
  const pair = integerTupleField<readonly [number, number]>(2, 0, RECEPTIVE_LIMITS.maxInput - 1);
  return {
    parse: (raw) => pair.parse(raw),
    serialize: (value) => (value === null ? '' : pair.serialize(value)),
    equals: (a, b) => (a === null || b === null ? a === b : pair.equals(a, b)),
  };
}

/** The last layer's output size, or null when the stack does not run on this input. */
export function finalOutputSize(config: Pick<ReceptiveConfig, 'layers' | 'inputSize'>): number | null {
  const { axes, issue } = layerStackGeometry(config.inputSize, config.layers);
  return issue ? null : ((axes[axes.length - 1] as AxisGeometry).output ?? null);
}

/** The selected unit, with null read as the centre unit of an output of `outputSize` units. */
export function selectedUnit(unit: ReceptiveConfig['unit'], outputSize: number): [number, number] {
  const centre = Math.floor((outputSize - 1) / 2);
  if (unit === null) return [centre, centre];
  return [Math.min(unit[0], outputSize - 1), Math.min(unit[1], outputSize - 1)];
}

export function receptiveProblems(config: ReceptiveConfig): (keyof ReceptiveConfig)[] {
  const output = finalOutputSize(config);
  if (output === null) return ['inputSize', 'layers'];
  if (config.unit !== null && (config.unit[0] >= output || config.unit[1] >= output)) return ['unit'];
  return [];
}

export const RECEPTIVE_SPEC: PanelConfigSpec<ReceptiveConfig> = {
  defaults: DEFAULT_RECEPTIVE_CONFIG,
  url: {
    layers: { key: 'layers', field: layerStackField() },
    inputSize: { key: 'n', field: integerField(RECEPTIVE_LIMITS.minInput, RECEPTIVE_LIMITS.maxInput) },
    unit: { key: 'u', field: unitField() },
  },
  problems: receptiveProblems,
};
