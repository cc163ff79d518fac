// Channels: per-input-channel partial maps, the 1×1 convolution as a matrix product, group wiring, and the cost formulas that compare layers.

import { conv2d, planConv2d, readBias, type Conv2dOptions, type Conv2dPlan } from './conv2d.ts';
import { convCost, denseParameters, type ConvLayerShape } from './cost.ts';
import { texFactor, texNumber, type Formula } from './formulas.ts';
import { readInteger } from './pair.ts';
import { assertRank, formatShape, fromData, sizeOf, type Tensor } from './tensor.ts';

/** Channel c of a [C, H, W] feature map as a [1, H, W] map. */
export function channelOf(input: Tensor, c: number): Tensor {
  assertRank('channelOf', 'input', input, 3, '[C, H, W]');
  const [channels, h, w] = input.shape as [number, number, number];
  if (!Number.isInteger(c) || c < 0 || c >= channels) throw new Error(`channelOf: channel ${c} is outside 0…${channels - 1}`);
  return fromData(input.data.slice(c * h * w, (c + 1) * h * w), [1, h, w]);
}

/** The k_h×k_w slice [o, i] of a [C_out, C_in/groups, k_h, k_w] weight, as a [1, 1, k_h, k_w] weight. */
export function kernelSlice(weight: Tensor, outChannel: number, groupInChannel: number): Tensor {
  assertRank('kernelSlice', 'weight', weight, 4, '[C_out, C_in/groups, kH, kW]');
  const [outs, ins, kh, kw] = weight.shape as [number, number, number, number];
  if (!Number.isInteger(outChannel) || outChannel < 0 || outChannel >= outs)
    throw new Error(`kernelSlice: output channel ${outChannel} is outside 0…${outs - 1}`);
  if (!Number.isInteger(groupInChannel) || groupInChannel < 0 || groupInChannel >= ins) {
    throw new Error(`kernelSlice: input slice ${groupInChannel} is outside 0…${ins - 1}`);
  }
  const start = (outChannel * ins + groupInChannel) * kh * kw;
  return fromData(weight.data.slice(start, start + kh * kw), [1, 1, kh, kw]);
}

/** One input channel's share of one output channel: x[c] ⋆ w[o, i], before the other channels and the bias are added. */
export interface ChannelPartial {
  readonly outChannel: number;
  readonly inChannel: number;
  /** Index of the slice inside the output channel's kernel (c minus the group's first input channel). */
  readonly groupInChannel: number;
  /** [1, H_out, W_out]. */
  readonly map: Tensor;
}

export interface ChannelPartials {
  readonly plan: Conv2dPlan;
  /** partials[o] lists the input channels that output channel o reads, in order. */
  readonly partials: readonly (readonly ChannelPartial[])[];
  /** conv2d's output: Σ partials + bias. */
  readonly output: Tensor;
}

/** Splits a conv2d into its per-channel cross-correlations: each input channel with its own kernel slice (groups respected). */
export function channelPartials(input: Tensor, weight: Tensor, options: Conv2dOptions = {}): ChannelPartials {
  assertRank('channelPartials', 'input', input, 3, '[C, H, W]');
  assertRank('channelPartials', 'weight', weight, 4, '[C_out, C_in/groups, kH, kW]');
  const plan = planConv2d(input.shape, weight.shape, options);
  const single: Conv2dOptions = {
    stride: options.stride,
    padding: options.padding,
    dilation: options.dilation,
    paddingMode: options.paddingMode,
    flip: options.flip,
  };
  const partials: ChannelPartial[][] = [];
  for (let o = 0; o < plan.outChannels; o++) {
    const group = Math.floor(o / plan.outPerGroup);
    const row: ChannelPartial[] = [];
    for (let gi = 0; gi < plan.inPerGroup; gi++) {
      const inChannel = group * plan.inPerGroup + gi;
      row.push({ outChannel: o, inChannel, groupInChannel: gi, map: conv2d(channelOf(input, inChannel), kernelSlice(weight, o, gi), single) });
    }
    partials.push(row);
  }
  return { plan, partials, output: conv2d(input, weight, options) };
}

export interface PointwiseMatrix {
  /** W: [C_out, C_in], row o = the 1×1 weights of output channel o. */
  readonly matrix: Tensor;
  /** X as columns: [C_in, H·W], column p = the channel vector of pixel p (row-major). */
  readonly columns: Tensor;
  /** W·X (+ b in every column): [C_out, H·W]. */
  readonly product: Tensor;
  /** The product reshaped to a feature map [C_out, H, W]. */
  readonly output: Tensor;
}

/** A 1×1 convolution computed as a fully connected layer at every pixel: one matrix product W·X, written out by hand. */
export function pointwiseAsMatrix(input: Tensor, weight: Tensor, bias?: ArrayLike<number>): PointwiseMatrix {
  assertRank('pointwiseAsMatrix', 'input', input, 3, '[C, H, W]');
  assertRank('pointwiseAsMatrix', 'weight', weight, 4, '[C_out, C_in, 1, 1]');
  const [cin, h, w] = input.shape as [number, number, number];
  const [cout, win, kh, kw] = weight.shape as [number, number, number, number];
  if (kh !== 1 || kw !== 1) throw new Error(`pointwiseAsMatrix: weight must be 1×1, got ${kh}×${kw} (shape ${formatShape(weight.shape)})`);
  if (win !== cin) throw new Error(`pointwiseAsMatrix: weight expects ${win} input channels but input has ${cin}`);
  const b = readBias('pointwiseAsMatrix', bias, cout);
  const pixels = h * w;
  const product = new Float32Array(cout * pixels);
  for (let o = 0; o < cout; o++) {
    for (let p = 0; p < pixels; p++) {
      let sum = b ? (b[o] as number) : 0;
      for (let c = 0; c < cin; c++) sum += (weight.data[o * cin + c] as number) * (input.data[c * pixels + p] as number);
      product[o * pixels + p] = sum;
    }
  }
  return {
    matrix: fromData(weight.data.slice(), [cout, cin]),
    columns: fromData(input.data.slice(), [cin, pixels]),
    product: fromData(product, [cout, pixels]),
    output: fromData(product.slice(), [cout, h, w]),
  };
}

/** Largest |a − b| over two tensors of one shape (0 means equal); throws when the shapes differ. */
export function maxAbsDifference(a: Tensor, b: Tensor): number {
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) {
    throw new Error(`maxAbsDifference: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} differ`);
  }
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs((a.data[i] as number) - (b.data[i] as number)));
  return max;
}

/** The groups a layer with these channel counts allows: the common divisors of c_in and c_out, ascending. */
export function validGroups(inChannels: number, outChannels: number): number[] {
  const cin = readInteger('validGroups', 'inChannels', inChannels, 1, 1);
  const cout = readInteger('validGroups', 'outChannels', outChannels, 1, 1);
  const groups: number[] = [];
  for (let g = 1; g <= Math.min(cin, cout); g++) if (cin % g === 0 && cout % g === 0) groups.push(g);
  return groups;
}

export interface GroupLink {
  readonly inChannel: number;
  readonly outChannel: number;
  readonly group: number;
}

/** Which input channel feeds which output channel under `groups`: output o reads the c_in/g inputs of its group. */
export function groupLinks(inChannels: number, outChannels: number, groups: number): GroupLink[] {
  if (!validGroups(inChannels, outChannels).includes(groups)) {
    throw new Error(`groupLinks: groups ${groups} must divide both the input channels ${inChannels} and the output channels ${outChannels}`);
  }
  const inPer = inChannels / groups;
  const outPer = outChannels / groups;
  const links: GroupLink[] = [];
  for (let o = 0; o < outChannels; o++) {
    const group = Math.floor(o / outPer);
    for (let i = 0; i < inPer; i++) links.push({ inChannel: group * inPer + i, outChannel: o, group });
  }
  return links;
}

/** Multiply-adds of a layer: one per weight per output position, k_h·k_w·(c_in/g)·c_out·o_h·o_w. */
export function multiplyAddsFormula(layer: ConvLayerShape): Formula {
  const cost = convCost(layer);
  const groups = layer.groups ?? 1;
  const cin = groups === 1 ? `${layer.inChannels}` : `(${layer.inChannels}/${groups})`;
  return {
    value: cost.multiplyAdds,
    tex: `${layer.kernelH}\\times ${layer.kernelW}\\times ${cin}\\times ${layer.outChannels}\\times ${layer.outH}\\times ${layer.outW} = ${texNumber(cost.multiplyAdds)}`,
  };
}

function shapeProduct(shape: readonly number[]): string {
  return shape.length === 1 ? `${shape[0]}` : `(${shape.join('\\times ')})`;
}

/** A dense layer from every input value to every output value: (C·H·W)·(C'·H'·W') weights (+ one bias per output value). */
export function denseLayerFormula(inputShape: readonly number[], outputShape: readonly number[], bias = true): Formula {
  const inputs = sizeOf(inputShape);
  const outputs = sizeOf(outputShape);
  const value = denseParameters(inputs, outputs, bias);
  const biasTex = bias ? ` + ${shapeProduct(outputShape)}` : '';
  return { value, tex: `${shapeProduct(inputShape)}\\times ${shapeProduct(outputShape)}${biasTex} = ${texNumber(value)}` };
}

export interface SeparableLayerShape {
  inChannels: number;
  /** Channels after the depthwise step (c_in × the depth multiplier); default c_in. */
  middleChannels?: number;
  outChannels: number;
  kernelH: number;
  kernelW: number;
  outH: number;
  outW: number;
  bias?: boolean;
}

export interface SeparableFormulas {
  /** Depthwise (groups = c_in) then pointwise (1×1), each a layer of its own. */
  readonly depthwise: ReturnType<typeof convCost>;
  readonly pointwise: ReturnType<typeof convCost>;
  /** The standard k_h×k_w convolution from c_in to c_out that the pair replaces. */
  readonly standard: ReturnType<typeof convCost>;
  /** k_h·k_w·c_mid (+ c_mid) + c_mid·c_out (+ c_out). */
  readonly parameters: Formula;
  /** k_h·k_w·c_mid·o_h·o_w + c_mid·c_out·o_h·o_w (notes 000's counts of multiplications). */
  readonly multiplyAdds: Formula;
  /** Separable / standard parameters, with 1/c_out + 1/(k_h·k_w) beside it when there are no biases and no multiplier. */
  readonly ratio: Formula;
}

/** Depthwise separable vs standard convolution, each count written out with its numbers (notes 003: 656 vs 4608; 004: 27 + 12 vs 108). */
export function separableFormulas(layer: SeparableLayerShape): SeparableFormulas {
  const bias = layer.bias ?? true;
  const middle = layer.middleChannels ?? layer.inChannels;
  const { inChannels, outChannels, kernelH, kernelW, outH, outW } = layer;
  const depthwise = convCost({ inChannels, outChannels: middle, kernelH, kernelW, outH, outW, groups: inChannels, bias });
  const pointwise = convCost({ inChannels: middle, outChannels, kernelH: 1, kernelW: 1, outH, outW, bias });
  const standard = convCost({ inChannels, outChannels, kernelH, kernelW, outH, outW, bias });
  const dwTex = `${kernelH}\\times ${kernelW}\\times ${middle}`;
  const pwTex = `1\\times 1\\times ${middle}\\times ${outChannels}`;
  const parametersValue = depthwise.parameters + pointwise.parameters;
  const parametersTex = bias ? `(${dwTex} + ${middle}) + (${pwTex} + ${outChannels})` : `${dwTex} + ${pwTex}`;
  const multiplyAddsValue = depthwise.multiplyAdds + pointwise.multiplyAdds;
  const ratioValue = parametersValue / standard.parameters;
  const simple = !bias && middle === inChannels;
  const ratioTex = `\\frac{${parametersValue}}{${standard.parameters}} ${simple ? `= \\frac{1}{${outChannels}} + \\frac{1}{${kernelH * kernelW}}` : ''} \\approx ${texNumber(Math.round(ratioValue * 1000) / 1000)}`;
  return {
    depthwise,
    pointwise,
    standard,
    parameters: { value: parametersValue, tex: `${parametersTex} = ${parametersValue}` },
    multiplyAdds: {
      value: multiplyAddsValue,
      tex: `${dwTex}\\times ${outH}\\times ${outW} + ${middle}\\times ${outChannels}\\times ${outH}\\times ${outW} = ${multiplyAddsValue}`,
    },
    ratio: { value: ratioValue, tex: ratioTex },
  };
}

/** Above this many products in all, channelSumTex writes each channel's bracket as its sum (3 channels of 3×3 still fit). */
export const WRITTEN_OUT_CHANNEL_PRODUCTS = 27;

/** The number of products when channelSumTex writes each channel as its sum (beyond WRITTEN_OUT_CHANNEL_PRODUCTS), else null. */
export function channelSumPerChannel(channels: readonly (readonly unknown[])[]): number | null {
  const products = channels.reduce((count, list) => count + list.length, 0);
  return products > WRITTEN_OUT_CHANNEL_PRODUCTS ? products : null;
}

/**
 * The sum over input channels written out, one bracket per channel (notes 001): "(0\\times 0 + …) + (1\\times 1 + …) = 56", plus
 * the bias. Beyond WRITTEN_OUT_CHANNEL_PRODUCTS products each bracket is replaced by its sum ("19 + 37 = 56"): 8 channels of
 * 3×3 would be 72 products on one line, unreadable, and typesetting them took most of a step.
 */
export function channelSumTex(channels: readonly (readonly { a: number; b: number }[])[], bias: number, total: number): string {
  const perChannel = channelSumPerChannel(channels) !== null;
  const terms = channels.map((products) => {
    if (perChannel) return texFactor(products.reduce((sum, { a, b }) => sum + a * b, 0));
    const inner = products.map(({ a, b }) => `${texFactor(a)}\\times ${texFactor(b)}`).join(' + ') || '0';
    return channels.length > 1 ? `(${inner})` : inner;
  });
  if (bias !== 0) terms.push(texFactor(bias));
  return `${terms.join(' + ')} = ${texNumber(total)}`;
}

/** a / b with the numbers, rounded for reading: "\\frac{76}{8} \\approx 9.5". */
export function ratioFormula(numerator: number, denominator: number): Formula {
  const value = numerator / denominator;
  const shown = value >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
  return { value, tex: `\\frac{${texNumber(numerator)}}{${texNumber(denominator)}} ${shown === value ? '=' : '\\approx'} ${texNumber(shown)}` };
}
