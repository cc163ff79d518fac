// Panel configurations for the code generator's tests: each panel's defaults and presets, and fast-check arbitraries of valid configs.
import fc from 'fast-check';
import { PADDING_MODES, type PaddingMode, type PoolKind, type StackLayer } from '../../src/engine/index.ts';
import { PANEL_SPECS, type BuiltPanelId, type PanelConfigs } from '../../src/app/panels.ts';
import type { Matrix } from '../../src/url/fields.ts';
import { BASICS_LIMITS, BASICS_PRESETS, type BasicsConfig } from '../../src/panels/basics/basicsConfig.ts';
import { CONV_LAB_LIMITS, type ConvLabConfig } from '../../src/panels/convLab/convLabConfig.ts';
import { PADDING_PRESETS } from '../../src/panels/padding/paddingConfig.ts';
import { STRIDE_PRESETS } from '../../src/panels/stride/strideConfig.ts';
import { DILATION_PRESETS, STACK_LIMITS, type DilationConfig } from '../../src/panels/dilation/dilationConfig.ts';
import { TRANSPOSED_LIMITS, TRANSPOSED_PRESETS, type TransposedConfig } from '../../src/panels/transposed/transposedConfig.ts';
import {
  POOL_PRESETS,
  POOLING_DEFAULTS,
  POOLING_LIMITS,
  fitPoolingConfig,
  type GradientFill,
  type PoolingConfig,
} from '../../src/panels/pooling/poolingConfig.ts';
import { RECEPTIVE_PRESETS, type ReceptiveConfig } from '../../src/panels/receptive/receptiveConfig.ts';
import {
  CHANNELS_DEFAULTS,
  CHANNELS_LIMITS,
  COST_PRESETS,
  LAYER_PRESETS,
  VOLUME_PRESETS,
  type ChannelsConfig,
  type ChannelsView,
} from '../../src/panels/channels/channelsConfig.ts';
import {
  KERNELS_DEFAULTS,
  KERNELS_LIMITS,
  LAB_PRESETS,
  PADDING_CHOICES,
  SAMPLE_IDS,
  type KernelsConfig,
} from '../../src/panels/kernels/kernelsConfig.ts';
import { int, valuesArb } from '../helpers/engineArbitraries.ts';

export interface PanelCase<P extends BuiltPanelId = BuiltPanelId> {
  /** A readable name: panel and preset. */
  id: string;
  panel: P;
  config: PanelConfigs[P];
}

export type AnyPanelCase = { [P in BuiltPanelId]: PanelCase<P> }[BuiltPanelId];

const valid = <P extends BuiltPanelId>(panel: P, config: PanelConfigs[P]): boolean => PANEL_SPECS[panel].problems(config).length === 0;

/** Every panel's defaults and every preset (pooling's also in its backward pass, the channels panel's in each view). */
export function presetCases(): AnyPanelCase[] {
  const cases: AnyPanelCase[] = [];
  const add = <P extends BuiltPanelId>(panel: P, id: string, config: PanelConfigs[P]) =>
    cases.push({ id: `${panel}: ${id}`, panel, config } as AnyPanelCase);
  for (const panel of Object.keys(PANEL_SPECS) as BuiltPanelId[]) add(panel, 'defaults', PANEL_SPECS[panel].defaults);
  for (const preset of BASICS_PRESETS) add('basics', preset.id, preset.config);
  for (const preset of PADDING_PRESETS) add('padding', preset.id, preset.config);
  for (const preset of STRIDE_PRESETS) add('stride', preset.id, preset.config);
  for (const preset of DILATION_PRESETS) add('dilation', preset.id, preset.config);
  for (const preset of TRANSPOSED_PRESETS) add('transposed', preset.id, preset.config);
  for (const preset of POOL_PRESETS) {
    add('pooling', preset.id, { ...POOLING_DEFAULTS, ...preset.settings });
    add('pooling', `${preset.id}, backward`, { ...POOLING_DEFAULTS, ...preset.settings, pass: 'backward', gradient: 'count' });
  }
  for (const preset of RECEPTIVE_PRESETS) add('receptive', preset.id, preset.config);
  for (const preset of LAYER_PRESETS) add('channels', preset.id, { ...CHANNELS_DEFAULTS, ...preset.config, view: preset.view ?? 'inputs' });
  for (const preset of COST_PRESETS) add('channels', `cost ${preset.id}`, { ...CHANNELS_DEFAULTS, ...preset.config, view: 'cost' });
  for (const preset of VOLUME_PRESETS) add('channels', `volume ${preset.id}`, { ...CHANNELS_DEFAULTS, ...preset.config, view: 'volume' });
  for (const preset of LAB_PRESETS) add('kernels', preset.id, { ...KERNELS_DEFAULTS, ...preset.config });
  for (const c of cases) if (!valid(c.panel, c.config)) throw new Error(`preset case ${c.id} is not a valid configuration`);
  return cases;
}

function matrixArb(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return valuesArb(rows * cols).map((values) => Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols)));
}

/** A matrix of 1…maxRows × 1…maxCols with values −3…3 in steps of ½. */
function sizedMatrixArb(minRows: number, maxRows: number, minCols: number, maxCols: number): fc.Arbitrary<Matrix> {
  return fc.tuple(int(minRows, maxRows), int(minCols, maxCols)).chain(([r, c]) => matrixArb(r, c));
}

const pair = (min: number, max: number) => fc.tuple(int(min, max), int(min, max));
const modeArb: fc.Arbitrary<PaddingMode> = fc.constantFrom(...PADDING_MODES);

export const basicsArb: fc.Arbitrary<BasicsConfig> = sizedMatrixArb(1, BASICS_LIMITS.input.maxRows, 1, BASICS_LIMITS.input.maxCols)
  .chain((input) =>
    fc.record({
      input: fc.constant(input),
      kernel: sizedMatrixArb(
        1,
        Math.min(BASICS_LIMITS.kernel.maxRows, input.length),
        1,
        Math.min(BASICS_LIMITS.kernel.maxCols, input[0]?.length ?? 1),
      ),
      flip: fc.boolean(),
      bias: int(-8, 8).map((v) => v / 4),
    }),
  )
  .filter((config) => valid('basics', config));

const L = CONV_LAB_LIMITS;
export const convLabArb: fc.Arbitrary<ConvLabConfig> = fc
  .record({
    input: sizedMatrixArb(2, L.input.maxRows, 2, L.input.maxCols),
    kernel: sizedMatrixArb(1, 4, 1, 4),
    padding: fc.tuple(int(0, 3), int(0, 3), int(0, 3), int(0, 3)),
    paddingMode: modeArb,
    stride: pair(1, L.stride),
    dilation: pair(1, 3),
  })
  .filter((config) => valid('padding', config));

export const dilationArb: fc.Arbitrary<DilationConfig> = fc
  .tuple(convLabArb, fc.array(int(1, STACK_LIMITS.maxRate), { minLength: STACK_LIMITS.minLayers, maxLength: STACK_LIMITS.maxLayers }))
  .map(([config, stack]) => ({ ...config, stack }));

const T = TRANSPOSED_LIMITS;
export const transposedArb: fc.Arbitrary<TransposedConfig> = fc
  .record({
    input: sizedMatrixArb(1, T.input.maxRows, 1, T.input.maxCols),
    kernel: sizedMatrixArb(1, T.kernel.maxRows, 1, T.kernel.maxCols),
    stride: pair(1, T.stride),
    padding: pair(0, T.padding),
    outputPadding: pair(0, T.outputPadding),
    dilation: pair(1, T.dilation),
    order: fc.constantFrom('input' as const, 'output' as const),
    layers: int(T.layers.min, T.layers.max),
  })
  .filter((config) => valid('transposed', config));

const P = POOLING_LIMITS;
export const poolingArb: fc.Arbitrary<PoolingConfig> = fc
  .tuple(int(1, P.channels), int(1, P.input.maxRows), int(1, P.input.maxCols))
  .chain(([channels, rows, cols]) =>
    fc.record({
      kind: fc.constantFrom<PoolKind>('max', 'avg'),
      input: fc.array(matrixArb(rows, cols), { minLength: channels, maxLength: channels }),
      kernel: pair(1, P.kernel),
      stride: fc.option(pair(1, P.stride), { nil: null }),
      padding: pair(0, P.padding),
      dilation: pair(1, P.dilation),
      ceilMode: fc.boolean(),
      countIncludePad: fc.boolean(),
      pass: fc.constantFrom('forward' as const, 'backward' as const),
      gradient: fc.constantFrom<GradientFill>('ones', 'count', 'seeded'),
      gradientSeed: int(0, P.seed),
      regionSize: pair(1, P.region),
      adaptiveOutput: pair(1, P.adaptiveOutput),
      pyramid: fc.array(int(1, P.pyramid.maxSize), { minLength: P.pyramid.minLevels, maxLength: P.pyramid.maxLevels }),
    }),
  )
  .map((config) => fitPoolingConfig(config))
  .filter((config) => valid('pooling', config));

const stackLayerArb: fc.Arbitrary<StackLayer> = fc
  .record({
    kind: fc.constantFrom('conv' as const, 'max' as const, 'avg' as const),
    kernel: int(1, 5),
    stride: int(1, 3),
    padding: int(0, 2),
    dilation: int(1, 3),
  })
  .map((layer) => (layer.kind === 'avg' ? { ...layer, dilation: 1 } : layer));

export const receptiveArb: fc.Arbitrary<ReceptiveConfig> = fc
  .record({ layers: fc.array(stackLayerArb, { minLength: 1, maxLength: 6 }), inputSize: int(8, 96), unit: fc.constant(null) })
  .filter((config) => valid('receptive', config));

const C = CHANNELS_LIMITS;
const channelsLayerArb = fc
  .record({ groups: int(1, 4), inPer: int(1, 2), outPer: int(1, 2), h: int(1, 5), w: int(1, 5), bias: fc.boolean(), pointwiseRows: int(1, 3) })
  .chain(({ groups, inPer, outPer, h, w, bias, pointwiseRows }) => {
    const cin = groups * inPer;
    const cout = groups * outPer;
    return fc.tuple(int(1, Math.min(C.kernel, h)), int(1, Math.min(C.kernel, w))).chain(([kh, kw]) =>
      fc.record({
        input: fc.array(matrixArb(h, w), { minLength: cin, maxLength: cin }),
        weight: fc.array(fc.array(matrixArb(kh, kw), { minLength: inPer, maxLength: inPer }), { minLength: cout, maxLength: cout }),
        bias: bias ? valuesArb(cout) : fc.constant([]),
        groups: fc.constant(groups),
        pointwise: matrixArb(pointwiseRows, cout),
      }),
    );
  });

export const channelsArb: fc.Arbitrary<ChannelsConfig> = fc
  .record({
    view: fc.constantFrom<ChannelsView>('inputs', 'outputs', 'pointwise', 'groups', 'cost', 'volume'),
    layer: channelsLayerArb,
    costIn: int(1, C.cost.channels),
    costOut: int(1, C.cost.channels),
    costKernel: pair(1, C.cost.kernel),
    costSize: pair(1, C.cost.size),
    costPadding: pair(0, C.cost.padding),
    costStride: pair(1, C.cost.stride),
    costBias: fc.boolean(),
    volume: fc.tuple(int(1, C.volume.depth), int(1, C.volume.size), int(1, C.volume.size)),
    volumeKernel: fc.tuple(int(1, C.volume.kernel), int(1, C.volume.kernel), int(1, C.volume.kernel)),
    volumeStride: fc.tuple(int(1, C.volume.stride), int(1, C.volume.stride), int(1, C.volume.stride)),
    volumePadding: fc.tuple(int(0, C.volume.padding), int(0, C.volume.padding), int(0, C.volume.padding)),
    volumeChannels: pair(1, C.volume.channels),
  })
  .map(({ layer, ...rest }): ChannelsConfig => ({ ...rest, ...layer }))
  .filter((config) => valid('channels', config));

export const kernelsArb: fc.Arbitrary<KernelsConfig> = fc
  .record({
    sample: fc.constantFrom(...SAMPLE_IDS),
    color: fc.constantFrom('gray' as const, 'rgb' as const),
    weights: sizedMatrixArb(1, KERNELS_LIMITS.weights.maxRows, 1, KERNELS_LIMITS.weights.maxCols),
    divisor: int(1, 20),
    padding: fc.constantFrom(...PADDING_CHOICES),
    paddingMode: modeArb,
    stride: pair(1, KERNELS_LIMITS.stride),
    dilation: pair(1, KERNELS_LIMITS.dilation),
  })
  .map((lab): KernelsConfig => ({ ...KERNELS_DEFAULTS, ...lab }))
  .filter((config) => valid('kernels', config));

/** One arbitrary of valid configs per panel, each drawn within its spec's limits. */
export const CONFIG_ARBS: { readonly [P in BuiltPanelId]: fc.Arbitrary<PanelConfigs[P]> } = {
  basics: basicsArb,
  padding: convLabArb,
  stride: convLabArb,
  dilation: dilationArb,
  transposed: transposedArb,
  pooling: poolingArb,
  receptive: receptiveArb,
  channels: channelsArb,
  kernels: kernelsArb,
};
