// The largest configuration each panel's link allows (from the panels' own limits), as links, with what shows the stage is drawn.

import { PANEL_SPECS, type BuiltPanelId, type PanelConfigs } from '../../src/app/panels.ts';
import { BASICS_LIMITS } from '../../src/panels/basics/basicsConfig.ts';
import { CHANNELS_DEFAULTS, CHANNELS_LIMITS, patternKernelSlice, patternMap, type ChannelsView } from '../../src/panels/channels/channelsConfig.ts';
import { CONV_LAB_LIMITS, patternInput, patternKernel, type ConvLabConfig } from '../../src/panels/convLab/convLabConfig.ts';
import { DILATION_SPEC, STACK_LIMITS } from '../../src/panels/dilation/dilationConfig.ts';
import { KERNELS_DEFAULTS, KERNELS_LIMITS, LEARNING_RATES, SAMPLE_IDS, SAMPLE_SIZES, type SampleId } from '../../src/panels/kernels/kernelsConfig.ts';
import { channelPattern, POOLING_DEFAULTS, POOLING_LIMITS } from '../../src/panels/pooling/poolingConfig.ts';
import { RECEPTIVE_LIMITS } from '../../src/panels/receptive/receptiveConfig.ts';
import { STRIDE_SPEC } from '../../src/panels/stride/strideConfig.ts';
import { TRANSPOSED_DEFAULTS, TRANSPOSED_LIMITS } from '../../src/panels/transposed/transposedConfig.ts';
import { maxOutputPadding } from '../../src/engine/index.ts';
import { decodeView, encodeView, type ViewState } from '../../src/url/codec.ts';
import type { PanelConfigSpec } from '../../src/url/panelSpec.ts';

/** When the stage counts as drawn: this element is in the DOM (and, for canvases filled by a worker, this performance mark was set). */
export interface StageReady {
  selector: string;
  mark?: string;
}

export interface LargestConfig {
  /** Short name for the tables: the panel id, plus the view when a panel has several. */
  name: string;
  panel: BuiltPanelId;
  /** What makes it the largest, in words. */
  description: string;
  /** The link (query string, with '?'). */
  query: string;
  ready: StageReady;
  /** Whether the view has a step player (ArrowRight steps it). */
  stepped: boolean;
}

function view<P extends BuiltPanelId>(panel: P, config: PanelConfigs[P]): ViewState {
  return { panel, language: 'en', presentation: false, embed: false, quiz: false, step: 0, config };
}

const square = (n: number) => [n, n] as const;

/** Padding, Stride and Dilation: the largest input and kernel the shared lab allows, with the most padding and a readable stride. */
function convLabLargest(stride: number, dilation: number): ConvLabConfig {
  const p = CONV_LAB_LIMITS.padding;
  return {
    input: patternInput(CONV_LAB_LIMITS.input.maxRows, CONV_LAB_LIMITS.input.maxCols),
    kernel: patternKernel(CONV_LAB_LIMITS.kernel.maxRows, CONV_LAB_LIMITS.kernel.maxCols),
    padding: [p, p, p, p],
    paddingMode: 'zeros',
    stride: square(stride),
    dilation: square(dilation),
  };
}

/** The sample picture with the most pixels. */
function largestSample(): SampleId {
  return [...SAMPLE_IDS].sort((a, b) => SAMPLE_SIZES[b][0] * SAMPLE_SIZES[b][1] - SAMPLE_SIZES[a][0] * SAMPLE_SIZES[a][1])[0] as SampleId;
}

function largestViews(): { name: string; description: string; view: ViewState; ready: StageReady; stepped: boolean }[] {
  const basicsIn = BASICS_LIMITS.input;
  const basicsK = BASICS_LIMITS.kernel;
  const t = TRANSPOSED_LIMITS;
  const trStride = t.stride;
  const trDilation = t.dilation;
  const trOutputPadding = Math.min(t.outputPadding, maxOutputPadding(trStride, trDilation));
  const pool = POOLING_LIMITS;
  const rf = RECEPTIVE_LIMITS;
  // Size-keeping layers with the largest kernel (padding (k − 1)/2), so the whole stack runs on the largest input.
  const rfLayer = { kind: 'conv', kernel: rf.kernel, stride: 1, padding: (rf.kernel - 1) / 2, dilation: 1 } as const;
  const ch = CHANNELS_LIMITS;
  const channelsLayer = {
    ...CHANNELS_DEFAULTS,
    input: Array.from({ length: ch.channels }, (_, c) => patternMap(ch.size, ch.size, c)),
    weight: Array.from({ length: ch.channels }, (_, o) =>
      Array.from({ length: ch.channels }, (_, i) => patternKernelSlice(ch.kernel, ch.kernel, o + i)),
    ),
    bias: Array.from({ length: ch.channels }, (_, o) => o - 3.5),
    groups: 1,
    pointwise: Array.from({ length: ch.channels }, (_, r) =>
      Array.from({ length: ch.channels }, (_, c) => (r === c ? 1 : (r + c) % 3 === 0 ? -1 : 0)),
    ),
    costIn: ch.cost.channels,
    costOut: ch.cost.channels,
    costKernel: square(ch.cost.kernel),
    costSize: square(ch.cost.size),
    costPadding: square(ch.cost.padding),
    costStride: square(1),
    costBias: true,
    volume: [ch.volume.depth, ch.volume.size, ch.volume.size] as const,
    volumeKernel: [ch.volume.kernel, ch.volume.kernel, ch.volume.kernel] as const,
    volumeStride: [1, 1, 1] as const,
    volumePadding: [ch.volume.padding, ch.volume.padding, ch.volume.padding] as const,
    volumeChannels: square(ch.volume.channels),
  };
  // The 1×1 view only draws a 1×1 kernel without groups: there the largest layer is 8 → 8 channels of 1×1 weights.
  const pointwiseWeight = Array.from({ length: ch.channels }, (_, o) => Array.from({ length: ch.channels }, (_, i) => [[((o + 2 * i) % 5) - 2]]));
  const channelsView = (v: ChannelsView, ready: string, stepped: boolean) => {
    const kernel = v === 'pointwise' ? 1 : ch.kernel;
    return {
      name: `channels/${v}`,
      description: `${ch.channels} channels of ${ch.size}×${ch.size}, ${ch.channels} kernels of ${ch.channels}×${kernel}×${kernel}, bias, ${ch.channels}×${ch.channels} pointwise; cost ${ch.cost.channels}→${ch.cost.channels} ${ch.cost.kernel}×${ch.cost.kernel} on ${ch.cost.size}²; volume ${ch.volume.depth}×${ch.volume.size}×${ch.volume.size}`,
      view: view('channels', { ...channelsLayer, ...(v === 'pointwise' ? { weight: pointwiseWeight } : {}), view: v }),
      ready: { selector: ready },
      stepped,
    };
  };
  const sample = largestSample();
  const [sampleH, sampleW] = SAMPLE_SIZES[sample];
  const kernelSize = KERNELS_LIMITS.weights.maxRows;
  const kernels = {
    ...KERNELS_DEFAULTS,
    sample,
    color: 'rgb',
    weights: patternKernel(kernelSize, kernelSize),
    divisor: 7,
    padding: 'same',
    paddingMode: 'reflect',
    display: 'signed',
    lens: [Math.floor(sampleH / 2), Math.floor(sampleW / 2)],
    learnTarget: 'lab',
    learnData: 'noise',
    learnSteps: KERNELS_LIMITS.learnSteps,
    // Seeded noise and the smallest offered rate: on the shrunk picture, or at the notes' 0.03, a 7×7 kernel diverges within
    // 2–20 updates and the run stops there, leaving a short trace.
    learningRate: LEARNING_RATES[0],
  } as const;
  return [
    {
      name: 'basics',
      description: `input ${basicsIn.maxRows}×${basicsIn.maxCols}, kernel ${basicsK.maxRows}×${basicsK.maxCols}, true convolution, bias`,
      view: view('basics', {
        input: patternInput(basicsIn.maxRows, basicsIn.maxCols),
        kernel: patternKernel(basicsK.maxRows, basicsK.maxCols),
        flip: true,
        bias: 0.5,
      }),
      ready: { selector: '[data-testid=grid-output]' },
      stepped: true,
    },
    {
      name: 'padding',
      description: 'input 12×12, kernel 7×7, padding 6 on every side (padded 24×24), stride 1',
      view: view('padding', convLabLargest(1, 1)),
      ready: { selector: '[data-testid=grid-output]' },
      stepped: true,
    },
    {
      name: 'stride',
      description: 'input 12×12, kernel 7×7, padding 6 on every side, stride 2',
      view: view('stride', { ...STRIDE_SPEC.defaults, ...convLabLargest(2, 1) }),
      ready: { selector: '[data-testid=grid-output]' },
      stepped: true,
    },
    {
      name: 'dilation',
      description: `input 12×12, kernel 7×7 at dilation 2 (13×13), padding 6, stride 1; gridding stack of ${STACK_LIMITS.maxLayers} layers at rate ${STACK_LIMITS.maxRate}`,
      view: view('dilation', {
        ...DILATION_SPEC.defaults,
        ...convLabLargest(1, 2),
        stack: Array.from({ length: STACK_LIMITS.maxLayers }, () => STACK_LIMITS.maxRate),
      }),
      ready: { selector: '[data-testid=grid-output]' },
      stepped: true,
    },
    {
      name: 'transposed',
      description: `input ${t.input.maxRows}×${t.input.maxCols}, kernel ${t.kernel.maxRows}×${t.kernel.maxCols}, stride ${trStride}, dilation ${trDilation}, output padding ${trOutputPadding} (output 36×36), gather order, ${t.layers.max} checkerboard layers`,
      view: view('transposed', {
        ...TRANSPOSED_DEFAULTS,
        input: patternInput(t.input.maxRows, t.input.maxCols),
        kernel: patternKernel(t.kernel.maxRows, t.kernel.maxCols),
        stride: square(trStride),
        padding: square(0),
        outputPadding: square(trOutputPadding),
        dilation: square(trDilation),
        order: 'output',
        layers: t.layers.max,
      }),
      ready: { selector: '[data-testid=tr-scatter-output]' },
      stepped: true,
    },
    {
      name: 'receptive',
      description: `${rf.maxLayers} layers of ${rf.kernel}×${rf.kernel} convolution (padding ${rfLayer.padding}) on a ${rf.maxInput}×${rf.maxInput} input`,
      view: view('receptive', { layers: Array.from({ length: rf.maxLayers }, () => rfLayer), inputSize: rf.maxInput, unit: null }),
      ready: { selector: '[data-testid=field-theory]' },
      stepped: true,
    },
    {
      name: 'pooling',
      description: `max pooling of ${pool.channels} channels of ${pool.input.maxRows}×${pool.input.maxCols}, window ${pool.kernel}×${pool.kernel}, stride 1, padding ${pool.padding}, backward pass; adaptive ${pool.region}² → ${pool.adaptiveOutput}², pyramid of ${pool.pyramid.maxLevels} levels of ${pool.pyramid.maxSize}`,
      view: view('pooling', {
        ...POOLING_DEFAULTS,
        kind: 'max',
        input: Array.from({ length: pool.channels }, (_, c) => channelPattern(pool.input.maxRows, pool.input.maxCols, c)),
        kernel: square(pool.kernel),
        stride: square(1),
        padding: square(pool.padding),
        dilation: square(1),
        pass: 'backward',
        gradient: 'seeded',
        regionSize: square(pool.region),
        adaptiveOutput: square(pool.adaptiveOutput),
        pyramid: Array.from({ length: pool.pyramid.maxLevels }, () => pool.pyramid.maxSize),
      }),
      ready: { selector: '[data-testid=grid-grad-input]' },
      stepped: true,
    },
    channelsView('inputs', '[data-testid=ch-output]', true),
    channelsView('outputs', '[data-testid=ch-output-7]', true),
    channelsView('pointwise', '[data-testid=ch-matrix-y]', true),
    channelsView('groups', '[data-testid=ch-wiring]', false),
    channelsView('cost', '[data-testid=cost-parameters]', false),
    channelsView('volume', '[data-testid=volume-output-row]', true),
    {
      name: 'kernels',
      description: `the largest sample (${sample}, ${sampleH}×${sampleW}) in RGB, a ${kernelSize}×${kernelSize} kernel with reflect "same" padding; learning a ${kernelSize}×${kernelSize} kernel for ${KERNELS_LIMITS.learnSteps} steps on seeded noise`,
      view: view('kernels', kernels),
      ready: { selector: '[data-testid=canvas-output]', mark: 'convscope:canvas-output' },
      stepped: true,
    },
  ];
}

/** Every panel's largest link; throws when one would not decode exactly (an ignored field, or a value the codec changes). */
export function largestConfigs(): LargestConfig[] {
  return largestViews().map(({ name, description, view: v, ready, stepped }) => {
    const query = encodeView(v);
    const { view: decoded, ignored } = decodeView(query);
    if (ignored.length > 0) throw new Error(`${name}: the link ${query} loses ${ignored.map((i) => `${i.key} (${i.reason})`).join(', ')}`);
    if (encodeView(decoded) !== query) throw new Error(`${name}: the link does not round-trip:\n  ${query}\n  ${encodeView(decoded)}`);
    const spec = PANEL_SPECS[v.panel] as PanelConfigSpec<object>;
    if (spec.problems(decoded.config as object).length > 0) throw new Error(`${name}: the configuration has conflicts`);
    return { name, panel: v.panel as BuiltPanelId, description, query, ready, stepped };
  });
}

// `tsx scripts/perf/largestConfigs.ts [--links]` lists them (and their links).
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const config of largestConfigs()) {
    console.log(`${config.name.padEnd(20)} ${String(config.query.length).padStart(5)} chars  ${config.description}`);
    if (process.argv.includes('--links')) console.log(`  ${config.query}\n`);
  }
}
