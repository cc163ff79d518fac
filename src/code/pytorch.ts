// The equivalent PyTorch code of each panel's configuration, built from the same functions the panels run, with the engine's shapes and values.

import {
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
  conv2d,
  convCost,
  filterImage,
  imageConvOptions,
  layerStackGeometry,
  luminance,
  notesEdgeImage,
  planConv2d,
  spatialPyramidPool,
  stackParameters,
  stackReceptiveField,
  tensor,
  conv3dParameters,
  separableFormulas,
  type PaddingMode,
  type StackLayer,
  type Tensor,
} from '../engine/index.ts';
import type { Language } from '../i18n/messages.ts';
import type { BuiltPanelId, PanelConfigs } from '../app/panels.ts';
import type { Matrix } from '../url/fields.ts';
import { basicsTrace } from '../panels/basics/basicsTrace.ts';
import type { BasicsConfig } from '../panels/basics/basicsConfig.ts';
import type { ConvLabConfig } from '../panels/convLab/convLabConfig.ts';
import { convLabTrace } from '../panels/convLab/convLabTrace.ts';
import type { DilationConfig } from '../panels/dilation/dilationConfig.ts';
import { pathCounts, receptiveFieldSize } from '../panels/dilation/gridding.ts';
import type { TransposedConfig } from '../panels/transposed/transposedConfig.ts';
import { transposedViews } from '../panels/transposed/transposedTraces.ts';
import { effectiveStride, poolTensor, regionPattern, type PoolingConfig } from '../panels/pooling/poolingConfig.ts';
import { backwardTrace, forwardTrace, gradOutputFor } from '../panels/pooling/poolingTrace.ts';
import { PARAMETER_CHANNELS, type ReceptiveConfig } from '../panels/receptive/receptiveConfig.ts';
import { layerShape, type ChannelsConfig } from '../panels/channels/channelsConfig.ts';
import { blobVolume, layerTensors, layerTrace, pointwiseWeight, volumeTrace } from '../panels/channels/channelsLayer.ts';
import { filterOptions, SAMPLE_SIZES, type KernelsConfig } from '../panels/kernels/kernelsConfig.ts';
import { codeComment, type CodeCommentKey } from './codeComments.ts';

/** One tensor the code prints: its Python name, the engine's shape (batch of 1 in front) and, where the inputs are real, its values. */
export interface SnippetCheck {
  readonly name: string;
  readonly shape: readonly number[];
  /** Row-major values as the engine computes them; null when the code runs on stand-in inputs (zeros, random pixels, meta tensors). */
  readonly values: readonly number[] | null;
}

/** A count the code prints (parameters): the Python expression and the engine's value. */
export interface SnippetCount {
  readonly expression: string;
  readonly value: number;
}

export interface PytorchSnippet {
  /** Runnable Python: imports, tensors, the op, and prints. */
  readonly code: string;
  /** Python name of the panel's result (y, or x.grad for pooling's backward pass). */
  readonly result: string;
  /** The result's shape from the engine, (N, C, H, W) with N = 1. */
  readonly outputShape: readonly number[];
  /** Every tensor the code prints a shape of, in order; the first is the result. */
  readonly checks: readonly SnippetCheck[];
  readonly counts: readonly SnippetCount[];
}

/** Outputs up to this many values are printed in full. */
export const PRINT_LIMIT = 100;

type Nested = readonly (number | Nested)[];

/** A finite number as Python reads it; anything else is refused (configurations are validated, so this never fires in the app). */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`pytorchSnippet: ${String(value)} is not a finite number`);
  return Object.is(value, -0) ? '0' : String(value);
}

function pyInt(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`pytorchSnippet: ${String(value)} is not a whole number`);
  return pyNumber(value);
}

/** A shape as a Python tuple: (1, 1, 3, 3), or (5,) for one entry. */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${pyInt(values[0] as number)},)` : `(${values.map(pyInt).join(', ')})`;
}

/** A per-axis argument as PyTorch takes it: 3 when the axes agree, else (3, 5). */
function pyPair(pair: readonly number[]): string {
  return pair.every((v) => v === pair[0]) ? pyInt(pair[0] as number) : pyTuple(pair);
}

function leaves(value: Nested): number[] {
  return value.flatMap((v) => (typeof v === 'number' ? [v] : leaves(v)));
}

function depthOf(value: Nested): number {
  const first = value[0];
  return first === undefined || typeof first === 'number' ? 1 : 1 + depthOf(first);
}

/** A nested list laid out like NumPy prints arrays: one row per line, numbers right-aligned, a blank line between matrices. */
export function nestedLiteral(value: Nested, column: number): string {
  const width = Math.max(1, ...leaves(value).map((v) => pyNumber(v).length));
  const format = (node: Nested, col: number): string => {
    if (depthOf(node) === 1) return `[${node.map((v) => pyNumber(v as number).padStart(width)).join(', ')}]`;
    const separator = `,\n${depthOf(node) >= 3 ? '\n' : ''}${' '.repeat(col + 1)}`;
    return `[${node.map((child) => format(child as Nested, col + 1)).join(separator)}]`;
  };
  return format(value, column);
}

/** A flat row-major tensor as nested lists of its shape. */
function nest(values: ArrayLike<number>, shape: readonly number[]): Nested {
  const build = (offset: number, dims: readonly number[]): Nested => {
    const [size = 0, ...rest] = dims;
    if (rest.length === 0) return Array.from({ length: size }, (_, i) => values[offset + i] as number);
    const stride = rest.reduce((a, b) => a * b, 1);
    return Array.from({ length: size }, (_, i) => build(offset + i * stride, rest));
  };
  return build(0, shape);
}

const batched = (t: Tensor): number[] => [1, ...t.shape];
const valuesOf = (t: Tensor): number[] => Array.from(t.data);
const matrixSize = (m: Matrix): [number, number] => [m.length, m[0]?.length ?? 0];
const PAD_MODES: Readonly<Record<PaddingMode, string>> = { zeros: 'constant', reflect: 'reflect', replicate: 'replicate', circular: 'circular' };

/** Collects the lines of a script and what it prints. */
class Script {
  private readonly lines: string[] = [];
  readonly checks: SnippetCheck[] = [];
  readonly counts: SnippetCount[] = [];
  constructor(private readonly language: Language) {}

  line(text = ''): this {
    this.lines.push(text);
    return this;
  }
  comment(key: CodeCommentKey, params?: Record<string, string | number>, indent = ''): this {
    return this.line(`${indent}# ${codeComment(this.language, key, params)}`);
  }
  /** `name = torch.tensor([...], dtype=torch.float32)` for values of the given shape. */
  tensor(name: string, values: ArrayLike<number>, shape: readonly number[], extra = ''): this {
    const head = `${name} = torch.tensor(`;
    return this.line(`${head}${nestedLiteral(nest(values, shape), head.length)}, dtype=torch.float32${extra})`);
  }
  /** Prints a tensor's shape (the engine's shape as a comment), and its values when small. */
  print(name: string, shape: readonly number[], values: readonly number[] | null, printValues = values !== null): this {
    this.line(`print(${name}.shape)  # torch.Size([${shape.map(pyInt).join(', ')}])`);
    if (printValues && values !== null && values.length <= PRINT_LIMIT) this.line(`print(${name})`);
    this.checks.push({ name, shape, values });
    return this;
  }
  count(expression: string, value: number, key: CodeCommentKey, params?: Record<string, string | number>): this {
    this.comment(key, params);
    this.line(`print(${expression})  # ${pyInt(value)}`);
    this.counts.push({ expression, value });
    return this;
  }
  finish(): PytorchSnippet {
    const body = this.lines.join('\n');
    const imports = ['import torch'];
    if (/\bnn\./.test(body)) imports.push('import torch.nn as nn');
    if (/\bF\./.test(body)) imports.push('import torch.nn.functional as F');
    const main = this.checks[0];
    if (!main) throw new Error('pytorchSnippet: the script prints no result');
    return { code: `${imports.join('\n')}\n\n${body}\n`, result: main.name, outputShape: main.shape, checks: this.checks, counts: this.counts };
  }
}

function basicsSnippet(config: BasicsConfig, language: Language): PytorchSnippet {
  const trace = basicsTrace(config);
  const output = trace.frame(trace.length - 1).output;
  const s = new Script(language);
  const xShape = [1, 1, ...matrixSize(config.input)];
  const wShape = [1, 1, ...matrixSize(config.kernel)];
  s.comment('input', { shape: pyTuple(xShape) }).tensor('x', config.input.flat(), xShape);
  s.comment('kernel', { shape: pyTuple(wShape) }).tensor('w', config.kernel.flat(), wShape);
  if (config.flip) s.comment('flip').line('w = torch.flip(w, dims=(-2, -1))');
  const biasArg = config.bias !== 0 ? ', bias=b' : '';
  if (config.bias !== 0) s.comment('bias').line(`b = torch.tensor([${pyNumber(config.bias)}], dtype=torch.float32)`);
  s.line();
  if (!config.flip) s.comment('crossCorrelation');
  s.line(`y = F.conv2d(x, w${biasArg})`);
  s.print('y', batched(output), valuesOf(output));
  return s.finish();
}

/** The convolution of the Padding, Stride and Dilation panels: nn.Conv2d, with F.pad first when the sides differ. */
function convLabLines(s: Script, config: ConvLabConfig): void {
  const trace = convLabTrace(config);
  const output = trace.frame(trace.length - 1).output;
  const [top, bottom, left, right] = config.padding;
  const xShape = [1, 1, ...matrixSize(config.input)];
  const wShape = [1, 1, ...matrixSize(config.kernel)];
  s.comment('input', { shape: pyTuple(xShape) }).tensor('x', config.input.flat(), xShape);
  s.comment('kernel', { shape: pyTuple(wShape) }).tensor('w', config.kernel.flat(), wShape);
  s.line();
  const args = `kernel_size=${pyPair(wShape.slice(2))}, stride=${pyPair(config.stride)}`;
  const symmetric = top === bottom && left === right;
  let input = 'x';
  if (symmetric) {
    s.line(
      `conv = nn.Conv2d(1, 1, ${args}, padding=${pyPair([top, left])}, dilation=${pyPair(config.dilation)}, padding_mode='${config.paddingMode}', bias=False)`,
    );
  } else {
    s.comment('perSide', { mode: config.paddingMode });
    s.line(`x_padded = F.pad(x, ${pyTuple([left, right, top, bottom])}, mode='${PAD_MODES[config.paddingMode]}')`);
    s.line(`conv = nn.Conv2d(1, 1, ${args}, padding=0, dilation=${pyPair(config.dilation)}, bias=False)`);
    input = 'x_padded';
  }
  s.line('conv.weight.data = w');
  s.line('with torch.no_grad():').line(`    y = conv(${input})`);
  s.print('y', batched(output), valuesOf(output));
}

function convLabSnippet(config: ConvLabConfig, language: Language): PytorchSnippet {
  const s = new Script(language);
  convLabLines(s, config);
  return s.finish();
}

function dilationSnippet(config: DilationConfig, language: Language): PytorchSnippet {
  const s = new Script(language);
  convLabLines(s, config);
  const counts = pathCounts(config.stack);
  const size = receptiveFieldSize(config.stack);
  const centre = Math.floor(size / 2);
  const rates = config.stack.map(pyInt).join(', ');
  s.line().comment('gridding', { rates });
  s.line(`rates = (${rates}${config.stack.length === 1 ? ',' : ''})`);
  s.line('stack = nn.Sequential(*[nn.Conv2d(1, 1, kernel_size=3, padding=d, dilation=d, bias=False) for d in rates])');
  s.line('for layer in stack:').line('    nn.init.ones_(layer.weight)');
  s.line(`field = torch.zeros(1, 1, ${pyInt(size)}, ${pyInt(size)}, requires_grad=True)`);
  s.line(`stack(field)[0, 0, ${pyInt(centre)}, ${pyInt(centre)}].backward()`);
  s.comment('griddingGrad').line('paths = field.grad');
  s.print('paths', batched(counts), valuesOf(counts), false);
  s.line('print(paths[0, 0].int())');
  return s.finish();
}

function transposedSnippet(config: TransposedConfig, language: Language): PytorchSnippet {
  const output = transposedViews(config).scatterOutput;
  const s = new Script(language);
  const xShape = [1, 1, ...matrixSize(config.input)];
  const wShape = [1, 1, ...matrixSize(config.kernel)];
  s.comment('input', { shape: pyTuple(xShape) }).tensor('x', config.input.flat(), xShape);
  s.comment('kernelTransposed', { shape: pyTuple(wShape) }).tensor('w', config.kernel.flat(), wShape);
  s.line();
  const args = `stride=${pyPair(config.stride)}, padding=${pyPair(config.padding)}, output_padding=${pyPair(config.outputPadding)}, dilation=${pyPair(config.dilation)}`;
  s.line(`deconv = nn.ConvTranspose2d(1, 1, kernel_size=${pyPair(wShape.slice(2))}, ${args}, bias=False)`);
  s.line('deconv.weight.data = w');
  s.line('with torch.no_grad():').line('    y = deconv(x)');
  s.comment('functional').line(`# y = F.conv_transpose2d(x, w, ${args})`);
  s.print('y', batched(output), valuesOf(output));
  return s.finish();
}

function poolingSnippet(config: PoolingConfig, language: Language): PytorchSnippet {
  const input = poolTensor(config);
  const forward = forwardTrace(config, input);
  const output = forward.frame(forward.length - 1).output;
  const s = new Script(language);
  const backward = config.pass === 'backward';
  const xShape = batched(input);
  s.comment('poolInput', { shape: pyTuple(xShape) }).tensor('x', input.data, xShape, backward ? ', requires_grad=True' : '');
  const common = `kernel_size=${pyPair(config.kernel)}, stride=${pyPair(effectiveStride(config))}, padding=${pyPair(config.padding)}`;
  if (config.stride === null) s.comment('strideDefault', { stride: pyPair(config.kernel) });
  s.line(
    config.kind === 'max'
      ? `pool = nn.MaxPool2d(${common}, dilation=${pyPair(config.dilation)}, ceil_mode=${config.ceilMode ? 'True' : 'False'})`
      : `pool = nn.AvgPool2d(${common}, ceil_mode=${config.ceilMode ? 'True' : 'False'}, count_include_pad=${config.countIncludePad ? 'True' : 'False'})`,
  );
  s.line('y = pool(x)');
  if (backward) {
    const gradOutput = gradOutputFor(config, forward.plan.outputShape);
    const trace = backwardTrace(config, input, gradOutput);
    const gradInput = trace.frame(trace.length - 1).gradInput;
    s.comment('gradOutput', { shape: pyTuple(batched(gradOutput)) }).tensor('grad', gradOutput.data, batched(gradOutput));
    s.line('y.backward(grad)');
    s.comment('backward');
    s.print('x.grad', batched(gradInput), valuesOf(gradInput));
  } else {
    s.print('y', batched(output), valuesOf(output));
  }

  const [rows, cols] = config.regionSize;
  const regionValues = regionPattern(rows, cols).flat();
  const region = tensor(regionValues, [1, rows, cols]);
  const adaptive = config.kind === 'max' ? adaptiveMaxPool2d(region, config.adaptiveOutput) : adaptiveAvgPool2d(region, config.adaptiveOutput);
  const pyramid = spatialPyramidPool(region, config.pyramid, config.kind);
  const kindName = config.kind === 'max' ? 'Max' : 'Avg';
  s.line().comment('adaptive', { size: pyTuple(config.adaptiveOutput), input: pyTuple([1, 1, rows, cols]) });
  s.tensor('r', regionValues, [1, 1, rows, cols]);
  s.line(`a = nn.Adaptive${kindName}Pool2d(${pyTuple(config.adaptiveOutput)})(r)`);
  s.print('a', batched(adaptive), valuesOf(adaptive));
  const levels = config.pyramid.map(pyInt).join(', ');
  s.comment('pyramid', { levels });
  s.line(`spp = torch.cat([F.adaptive_${config.kind}_pool2d(r, o).flatten(1) for o in (${levels}${config.pyramid.length === 1 ? ',' : ''})], dim=1)`);
  s.print('spp', batched(pyramid.vector), valuesOf(pyramid.vector), false);
  return s.finish();
}

function stackLayerCode(layer: StackLayer): string {
  const { kernel, stride, padding, dilation } = layer;
  const common = `kernel_size=${pyInt(kernel)}, stride=${pyInt(stride)}, padding=${pyInt(padding)}`;
  if (layer.kind === 'conv') return `nn.Conv2d(C, C, ${common}, dilation=${pyInt(dilation)})`;
  if (layer.kind === 'max') return `nn.MaxPool2d(${common}, dilation=${pyInt(dilation)})`;
  return `nn.AvgPool2d(${common})`;
}

function receptiveSnippet(config: ReceptiveConfig, language: Language): PytorchSnippet {
  const { axes, issue } = layerStackGeometry(config.inputSize, config.layers);
  if (issue) throw new Error(issue.message);
  const fields = stackReceptiveField(config.layers);
  const last = axes[axes.length - 1];
  if (!last) throw new Error('pytorchSnippet: the stack has no layers');
  const s = new Script(language);
  s.comment('stack').line('def make_stack(C):').line('    return nn.Sequential(');
  config.layers.forEach((layer, i) => {
    const note = codeComment(language, 'layerOut', { size: pyInt((axes[i] as { output: number }).output), rf: pyNumber(fields[i]?.size ?? 0) });
    s.line(`        ${stackLayerCode(layer)},  # ${note}`);
  });
  s.line('    )').line();
  s.comment('oneChannel').line('net = make_stack(1)');
  s.line(`y = torch.zeros(1, 1, ${pyInt(config.inputSize)}, ${pyInt(config.inputSize)})`);
  s.line('with torch.no_grad():').line('    for layer in net:').line('        y = layer(y)').line('        print(tuple(y.shape))');
  s.print('y', [1, 1, last.output, last.output], null);
  const parameters = stackParameters(config.layers, PARAMETER_CHANNELS).value;
  s.count(`sum(p.numel() for p in make_stack(${pyInt(PARAMETER_CHANNELS)}).parameters())`, parameters, 'parametersAt', { c: PARAMETER_CHANNELS });
  return s.finish();
}

function channelsLayerSnippet(config: ChannelsConfig, s: Script): void {
  const layer = layerTensors(config);
  const trace = layerTrace(layer);
  const output = trace.frame(trace.length - 1).output;
  const { cin, cout, kh, kw, groups } = layerShape(config);
  const hasBias = layer.bias !== undefined;
  s.comment('inputChannels', { shape: pyTuple(batched(layer.input)) }).tensor('x', layer.input.data, batched(layer.input));
  s.comment('weightGroups', { shape: pyTuple(layer.weight.shape) }).tensor('w', layer.weight.data, layer.weight.shape);
  if (layer.bias) s.comment('bias').line(`b = torch.tensor([${layer.bias.map(pyNumber).join(', ')}], dtype=torch.float32)`);
  s.line();
  s.line(
    `conv = nn.Conv2d(${pyInt(cin)}, ${pyInt(cout)}, kernel_size=${pyPair([kh, kw])}, groups=${pyInt(groups)}, bias=${hasBias ? 'True' : 'False'})`,
  );
  s.line('conv.weight.data = w');
  if (hasBias) s.line('conv.bias.data = b');
  s.line('with torch.no_grad():').line('    y = conv(x)');
  s.print('y', batched(output), valuesOf(output));
  const [, outH = 1, outW = 1] = output.shape;
  const shape = { inChannels: cin, outChannels: cout, kernelH: kh, kernelW: kw, outH, outW, bias: hasBias };
  s.count('sum(p.numel() for p in conv.parameters())', convCost({ ...shape, groups }).parameters, 'parameters');
  if (config.view !== 'groups' || groups !== cin) return;

  const pointwise = pointwiseWeight(config.pointwise);
  const final = conv2d(output, pointwise);
  const outputs = pointwise.shape[0] as number;
  s.line().comment('depthwise');
  s.comment('pointwise', { shape: pyTuple(pointwise.shape) }).tensor('pw', pointwise.data, pointwise.shape);
  s.line(`pointwise = nn.Conv2d(${pyInt(cout)}, ${pyInt(outputs)}, kernel_size=1, bias=False)`);
  s.line('pointwise.weight.data = pw');
  s.line('with torch.no_grad():').line('    z = pointwise(y)');
  s.print('z', batched(final), valuesOf(final));
  const pointwiseCost = convCost({ inChannels: cout, outChannels: outputs, kernelH: 1, kernelW: 1, outH, outW, bias: false });
  s.count('sum(p.numel() for p in pointwise.parameters())', pointwiseCost.parameters, 'pointwiseParameters');
}

function channelsCostSnippet(config: ChannelsConfig, s: Script): void {
  const { costIn: cin, costOut: cout, costKernel: kernel, costSize: size, costPadding: padding, costStride: stride, costBias } = config;
  const options = { padding: [...padding] as [number, number], stride: [...stride] as [number, number] };
  const plan = planConv2d([cin, ...size], [cout, cin, ...kernel], options);
  const depthwisePlan = planConv2d([cin, ...size], [cin, 1, ...kernel], { ...options, groups: cin });
  const pairPlan = planConv2d(depthwisePlan.outputShape, [cout, cin, 1, 1]);
  const [, outH, outW] = plan.outputShape;
  const shape = { inChannels: cin, outChannels: cout, kernelH: kernel[0], kernelW: kernel[1], outH, outW, bias: costBias };
  const cost = convCost(shape);
  const bias = costBias ? 'True' : 'False';
  const args = `kernel_size=${pyPair(kernel)}, stride=${pyPair(stride)}, padding=${pyPair(padding)}`;
  s.comment('meta');
  s.line(`x = torch.zeros(1, ${pyInt(cin)}, ${pyInt(size[0])}, ${pyInt(size[1])}, device='meta')`);
  s.line(`conv = nn.Conv2d(${pyInt(cin)}, ${pyInt(cout)}, ${args}, bias=${bias}, device='meta')`);
  s.line('y = conv(x)');
  s.print('y', [1, ...plan.outputShape], null);
  s.count('sum(p.numel() for p in conv.parameters())', cost.parameters, 'parameters');
  s.comment('multiplyAdds', { n: pyInt(cost.multiplyAdds) });
  s.line().comment('separable');
  s.line(`depthwise = nn.Conv2d(${pyInt(cin)}, ${pyInt(cin)}, ${args}, groups=${pyInt(cin)}, bias=${bias}, device='meta')`);
  s.line(`pointwise = nn.Conv2d(${pyInt(cin)}, ${pyInt(cout)}, kernel_size=1, bias=${bias}, device='meta')`);
  s.line('z = pointwise(depthwise(x))');
  s.print('z', [1, ...pairPlan.outputShape], null);
  s.count('sum(p.numel() for m in (depthwise, pointwise) for p in m.parameters())', separableFormulas(shape).parameters.value, 'separableParameters');
}

function channelsVolumeSnippet(config: ChannelsConfig, s: Script): void {
  const trace = volumeTrace(config);
  const output = trace.frame(trace.length - 1).output;
  const [d, h, w] = config.volume;
  const [cin, cout] = config.volumeChannels;
  const xShape = [1, 1, d, h, w];
  s.comment('volumeInput', { shape: pyTuple(xShape) }).tensor('x', blobVolume(d, h, w), xShape);
  const args = `kernel_size=${pyPair(config.volumeKernel)}, stride=${pyPair(config.volumeStride)}, padding=${pyPair(config.volumePadding)}`;
  s.line(`conv = nn.Conv3d(1, 1, ${args}, bias=False)`);
  s.comment('volumeKernel').line('nn.init.ones_(conv.weight)');
  s.line('with torch.no_grad():').line('    y = conv(x)');
  s.print('y', batched(output), valuesOf(output));
  s.count(
    `sum(p.numel() for p in nn.Conv3d(${pyInt(cin)}, ${pyInt(cout)}, kernel_size=${pyPair(config.volumeKernel)}).parameters())`,
    conv3dParameters(config.volumeKernel, cin, cout).value,
    'volumeParameters',
    { cin, cout },
  );
}

function channelsSnippet(config: ChannelsConfig, language: Language): PytorchSnippet {
  const s = new Script(language);
  if (config.view === 'cost') channelsCostSnippet(config, s);
  else if (config.view === 'volume') channelsVolumeSnippet(config, s);
  else channelsLayerSnippet(config, s);
  return s.finish();
}

function kernelsSnippet(config: KernelsConfig, language: Language): PytorchSnippet {
  const [height, width] = SAMPLE_SIZES[config.sample];
  const [kH, kW] = matrixSize(config.weights);
  const channels = config.color === 'rgb' ? 3 : 1;
  const options = filterOptions(config);
  const conv = imageConvOptions([channels, height, width], kH, kW, options);
  const plan = planConv2d([channels, height, width], [channels, 1, kH, kW], conv);
  let values: number[] | null = null;
  const s = new Script(language);
  if (config.sample === 'edge') {
    const plane = notesEdgeImage();
    const rgb = tensor([...plane.data, ...plane.data, ...plane.data], [3, height, width]);
    values = valuesOf(filterImage(config.color === 'gray' ? luminance(rgb) : rgb, config.weights, config.divisor, options).output);
    s.comment('edgeImage');
    const head = 'x = torch.tensor(';
    s.line(`${head}${nestedLiteral(nest(plane.data, [1, 1, height, width]), head.length)}, dtype=torch.float32).repeat(1, 3, 1, 1)`);
  } else {
    s.comment('sampleImage', { name: config.sample, shape: pyTuple([1, 3, height, width]) });
    s.line('#   from torchvision.io import read_image');
    s.line(`#   x = read_image('${config.sample}.png')[:3].float().unsqueeze(0)`);
    s.comment('standIn').line(`x = torch.rand(1, 3, ${pyInt(height)}, ${pyInt(width)}) * 255`);
  }
  if (config.color === 'gray') s.comment('grey').line('x = F.conv2d(x, torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1))');
  s.line().comment('kernelDivisor');
  const head = 'k = torch.tensor(';
  s.line(
    `${head}${nestedLiteral(nest(config.weights.flat(), [kH, kW]), head.length)}, dtype=torch.float32)${config.divisor !== 1 ? ` / ${pyInt(config.divisor)}` : ''}`,
  );
  s.comment('perChannel', { groups: channels }).line(`w = k.repeat(${channels}, 1, 1, 1)`);
  const [top, bottom, left, right] = conv.padding;
  if (top + bottom + left + right > 0) {
    s.comment('imagePadding', { preset: config.padding, mode: config.paddingMode });
    s.line(`x = F.pad(x, ${pyTuple([left, right, top, bottom])}, mode='${PAD_MODES[config.paddingMode]}')`);
  }
  s.line(`y = F.conv2d(x, w, stride=${pyPair(config.stride)}, dilation=${pyPair(config.dilation)}, groups=${channels})`);
  s.print('y', [1, ...plan.outputShape], values);
  return s.finish();
}

type SnippetMakers = { readonly [P in BuiltPanelId]: (config: PanelConfigs[P], language: Language) => PytorchSnippet };

const MAKERS: SnippetMakers = {
  basics: basicsSnippet,
  padding: convLabSnippet,
  stride: convLabSnippet,
  dilation: dilationSnippet,
  transposed: transposedSnippet,
  pooling: poolingSnippet,
  receptive: receptiveSnippet,
  channels: channelsSnippet,
  kernels: kernelsSnippet,
};

/**
 * The PyTorch code of a panel's configuration and the shapes and values it prints, taken from the engine.
 * Throws (with the engine's message) for a configuration the panel itself could not run.
 */
export function pytorchSnippet<P extends BuiltPanelId>(panel: P, config: PanelConfigs[P], language: Language = 'en'): PytorchSnippet {
  return (MAKERS[panel] as (config: PanelConfigs[P], language: Language) => PytorchSnippet)(config, language);
}
