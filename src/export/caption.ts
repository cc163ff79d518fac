// The one-line configuration caption of an export ("conv2d  in 5×5  k 3  s 2  p 1"); output sizes come from the engine's plans.

import {
  imageConvOptions,
  layerStackGeometry,
  planAvgPool2d,
  planConv2d,
  planConv3d,
  planConvTranspose2d,
  planMaxPool2d,
  stackReceptiveField,
} from '../engine/index.ts';
import type { BuiltPanelId, PanelConfigs } from '../app/panels.ts';
import type { ConvLabConfig } from '../panels/convLab/convLabConfig.ts';
import { SAMPLE_SIZES, filterOptions, type KernelsConfig } from '../panels/kernels/kernelsConfig.ts';
import { layerShape, type ChannelsConfig } from '../panels/channels/channelsConfig.ts';
import type { PoolingConfig } from '../panels/pooling/poolingConfig.ts';
import type { TransposedConfig } from '../panels/transposed/transposedConfig.ts';
import type { ReceptiveConfig } from '../panels/receptive/receptiveConfig.ts';
import type { BasicsConfig } from '../panels/basics/basicsConfig.ts';
import type { Matrix } from '../url/fields.ts';

/** Fields of a caption are set apart by two spaces, like a terminal's columns. */
const SEPARATOR = '  ';

function size(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

function matrixSize(matrix: Matrix): [number, number] {
  return [matrix.length, matrix[0]?.length ?? 0];
}

/** A per-axis value: `3` when both axes agree, else PyTorch's tuple `(3, 5)`. */
function pair(values: readonly number[]): string {
  return values.every((v) => v === values[0]) ? String(values[0]) : `(${values.join(', ')})`;
}

/** A kernel size: `3` when square (as in PyTorch's kernel_size=3), else `3×5`. */
function kernelSize(rows: number, cols: number): string {
  return rows === cols ? String(rows) : size(rows, cols);
}

/** Per-side padding [top, bottom, left, right]: one number when all agree, (h, w) when each axis is symmetric, else all four. */
function perSidePadding([top, bottom, left, right]: readonly [number, number, number, number]): string {
  if (top === bottom && left === right) return pair([top, left]);
  return `(${top}, ${bottom}, ${left}, ${right})`;
}

function present(parts: readonly (string | false | null | undefined)[]): string[] {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
}

/** Runs an engine plan; a configuration the engine refuses gives null (the caption then leaves the output out). */
function attempt<T>(plan: () => T): T | null {
  try {
    return plan();
  } catch {
    return null;
  }
}

function basicsCaption(config: BasicsConfig): string[] {
  const [h, w] = matrixSize(config.input);
  const [kh, kw] = matrixSize(config.kernel);
  const plan = attempt(() => planConv2d([1, h, w], [1, 1, kh, kw], { flip: config.flip }));
  return present([
    config.flip ? 'convolution' : 'cross-correlation',
    `in ${size(h, w)}`,
    `k ${size(kh, kw)}`,
    config.bias !== 0 && `bias ${config.bias}`,
    plan && `out ${size(plan.geometry.height.output, plan.geometry.width.output)}`,
  ]);
}

function convLabCaption(config: ConvLabConfig): string[] {
  const [h, w] = matrixSize(config.input);
  const [kh, kw] = matrixSize(config.kernel);
  const plan = attempt(() =>
    planConv2d([1, h, w], [1, 1, kh, kw], {
      padding: config.padding,
      paddingMode: config.paddingMode,
      stride: config.stride,
      dilation: config.dilation,
    }),
  );
  return present([
    'conv2d',
    `in ${size(h, w)}`,
    `k ${kernelSize(kh, kw)}`,
    `s ${pair(config.stride)}`,
    `p ${perSidePadding(config.padding)}`,
    `d ${pair(config.dilation)}`,
    config.paddingMode,
    plan && `out ${size(plan.geometry.height.output, plan.geometry.width.output)}`,
  ]);
}

function transposedCaption(config: TransposedConfig): string[] {
  const [h, w] = matrixSize(config.input);
  const [kh, kw] = matrixSize(config.kernel);
  const plan = attempt(() =>
    planConvTranspose2d([1, h, w], [1, 1, kh, kw], {
      stride: config.stride,
      padding: config.padding,
      outputPadding: config.outputPadding,
      dilation: config.dilation,
    }),
  );
  const hasOutputPadding = config.outputPadding.some((v) => v !== 0);
  const hasDilation = config.dilation.some((v) => v !== 1);
  return present([
    'conv_transpose2d',
    `in ${size(h, w)}`,
    `k ${kernelSize(kh, kw)}`,
    `s ${pair(config.stride)}`,
    `p ${pair(config.padding)}`,
    hasOutputPadding && `op ${pair(config.outputPadding)}`,
    hasDilation && `d ${pair(config.dilation)}`,
    plan && `out ${size(plan.height.output, plan.width.output)}`,
  ]);
}

function poolingCaption(config: PoolingConfig): string[] {
  const channels = config.input.length;
  const [h, w] = matrixSize(config.input[0] ?? []);
  const isMax = config.kind === 'max';
  const stride = config.stride ?? config.kernel;
  const options = { kernelSize: config.kernel, stride, padding: config.padding, ceilMode: config.ceilMode };
  const plan = attempt(() =>
    isMax
      ? planMaxPool2d([channels, h, w], { ...options, dilation: config.dilation })
      : planAvgPool2d([channels, h, w], { ...options, countIncludePad: config.countIncludePad }),
  );
  const shape = (rows: number, cols: number) => (channels > 1 ? `${channels}×${size(rows, cols)}` : size(rows, cols));
  return present([
    isMax ? 'max_pool2d' : 'avg_pool2d',
    `in ${shape(h, w)}`,
    `k ${pair(config.kernel)}`,
    `s ${pair(stride)}`,
    config.padding.some((v) => v !== 0) && `p ${pair(config.padding)}`,
    isMax && config.dilation.some((v) => v !== 1) && `d ${pair(config.dilation)}`,
    config.ceilMode && 'ceil',
    !isMax && !config.countIncludePad && 'exclude pad',
    plan && `out ${shape(plan.geometry.height.output, plan.geometry.width.output)}`,
    config.pass === 'backward' && 'backward',
  ]);
}

function receptiveCaption(config: ReceptiveConfig): string[] {
  const count = config.layers.length;
  const stack = layerStackGeometry(config.inputSize, config.layers);
  const fields = stackReceptiveField(config.layers);
  const last = stack.axes[stack.axes.length - 1];
  return present([
    `${count} ${count === 1 ? 'layer' : 'layers'}`,
    `in ${size(config.inputSize, config.inputSize)}`,
    stack.issue === null && last !== undefined && `out ${size(last.output, last.output)}`,
    stack.issue !== null && `layer ${stack.issue.layer + 1} does not fit`,
    `RF ${fields[fields.length - 1]?.size ?? 1}`,
  ]);
}

function channelsCaption(config: ChannelsConfig): string[] {
  if (config.view === 'cost') {
    const [kh, kw] = config.costKernel;
    const plan = attempt(() =>
      planConv2d([config.costIn, ...config.costSize], [config.costOut, config.costIn, kh, kw], {
        stride: config.costStride,
        padding: config.costPadding,
      }),
    );
    return present([
      'conv2d',
      `in ${config.costIn}×${size(...config.costSize)}`,
      `k ${kernelSize(kh, kw)}`,
      `s ${pair(config.costStride)}`,
      `p ${pair(config.costPadding)}`,
      !config.costBias && 'no bias',
      plan && `out ${plan.outputShape.join('×')}`,
    ]);
  }
  if (config.view === 'volume') {
    const [cin, cout] = config.volumeChannels;
    const plan = attempt(() =>
      planConv3d([1, ...config.volume], [1, 1, ...config.volumeKernel], { stride: config.volumeStride, padding: config.volumePadding }),
    );
    return present([
      'conv3d',
      `in ${config.volume.join('×')}`,
      `k ${config.volumeKernel.join('×')}`,
      `s ${pair(config.volumeStride)}`,
      `p ${pair(config.volumePadding)}`,
      plan && `out ${plan.outputShape.slice(1).join('×')}`,
      `channels ${cin} → ${cout}`,
    ]);
  }
  const { cin, cout, slices, h, w, kh, kw, groups } = layerShape(config);
  const plan = attempt(() => planConv2d([cin, h, w], [cout, slices, kh, kw], { groups }));
  const pointwiseOut = config.pointwise.length;
  return present([
    'conv2d',
    `in ${cin}×${size(h, w)}`,
    `k ${kernelSize(kh, kw)}`,
    groups !== 1 && `groups ${groups}`,
    config.bias.length === 0 && 'no bias',
    plan && `out ${plan.outputShape.join('×')}`,
    config.view === 'pointwise' && `then 1×1 → ${pointwiseOut}`,
  ]);
}

function kernelsCaption(config: KernelsConfig): string[] {
  const [h, w] = SAMPLE_SIZES[config.sample];
  const [kh, kw] = matrixSize(config.weights);
  const channels = config.color === 'rgb' ? 3 : 1;
  const plan = attempt(() => {
    const inputShape = [channels, h, w];
    return planConv2d(inputShape, [channels, 1, kh, kw], imageConvOptions(inputShape, kh, kw, filterOptions(config)));
  });
  return present([
    'conv2d',
    `image ${config.sample} ${size(h, w)}`,
    config.color === 'rgb' ? 'RGB' : 'grey',
    `k ${kernelSize(kh, kw)}${config.divisor !== 1 ? ` ÷ ${config.divisor}` : ''}`,
    config.padding,
    config.paddingMode,
    `s ${pair(config.stride)}`,
    `d ${pair(config.dilation)}`,
    plan && `out ${size(plan.geometry.height.output, plan.geometry.width.output)}`,
  ]);
}

/** The caption's fields, e.g. ["conv2d", "in 5×5", "k 3", "s 2", "p 1", …]. */
export function captionFields<P extends BuiltPanelId>(panel: P, config: PanelConfigs[P]): string[] {
  const configs = { [panel]: config } as Partial<PanelConfigs>;
  switch (panel) {
    case 'basics':
      return basicsCaption(configs.basics as BasicsConfig);
    case 'padding':
    case 'stride':
      return convLabCaption(config as ConvLabConfig);
    case 'dilation':
      return convLabCaption(configs.dilation as ConvLabConfig);
    case 'transposed':
      return transposedCaption(configs.transposed as TransposedConfig);
    case 'pooling':
      return poolingCaption(configs.pooling as PoolingConfig);
    case 'receptive':
      return receptiveCaption(configs.receptive as ReceptiveConfig);
    case 'channels':
      return channelsCaption(configs.channels as ChannelsConfig);
    case 'kernels':
      return kernelsCaption(configs.kernels as KernelsConfig);
    default:
      return [String(panel)];
  }
}

/** One line describing a panel's configuration, for the foot of an exported picture. */
export function exportCaption<P extends BuiltPanelId>(panel: P, config: PanelConfigs[P]): string {
  return captionFields(panel, config).join(SEPARATOR);
}

/** A file name without extension: "convscope-stride-k3-s2" (the panel, then its kernel and stride where it has them). */
export function exportFileStem<P extends BuiltPanelId>(panel: P, config: PanelConfigs[P]): string {
  const parts = captionFields(panel, config)
    .filter((field) => /^[ks] /.test(field))
    .map(
      (field) =>
        `${field[0] as string}${field
          .slice(2)
          .replace(/[^0-9]+/g, 'x')
          .replace(/^x+|x+$/g, '')}`,
    );
  return ['convscope', panel, ...parts].join('-').slice(0, 80);
}
