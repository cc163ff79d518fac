// The cost of a convolution layer: parameters, multiply-adds and FLOPs (as notes 004 count them), standard vs separable.

import type { Formula } from './formulas.ts';
import { readInteger } from './pair.ts';

export interface ConvLayerShape {
  inChannels: number;
  outChannels: number;
  kernelH: number;
  kernelW: number;
  /** Output spatial size, for multiply-adds and FLOPs. */
  outH: number;
  outW: number;
  groups?: number;
  bias?: boolean;
}

export interface ConvCost {
  readonly weights: number;
  readonly biases: number;
  readonly parameters: number;
  /** Multiply-adds: one per weight per output position. */
  readonly multiplyAdds: number;
  /** The notes' count: a multiply-add is 2 operations, the bias 1 per output value. */
  readonly flops: number;
  readonly parametersFormula: Formula;
  readonly flopsFormula: Formula;
}

function readShape(op: string, shape: ConvLayerShape) {
  const inChannels = readInteger(op, 'inChannels', shape.inChannels, 1, 1);
  const outChannels = readInteger(op, 'outChannels', shape.outChannels, 1, 1);
  const kernelH = readInteger(op, 'kernelH', shape.kernelH, 1, 1);
  const kernelW = readInteger(op, 'kernelW', shape.kernelW, 1, 1);
  const outH = readInteger(op, 'outH', shape.outH, 1, 1);
  const outW = readInteger(op, 'outW', shape.outW, 1, 1);
  const groups = readInteger(op, 'groups', shape.groups, 1, 1);
  if (inChannels % groups !== 0) throw new Error(`${op}: groups ${groups} must divide the input channels ${inChannels}`);
  if (outChannels % groups !== 0) throw new Error(`${op}: groups ${groups} must divide the output channels ${outChannels}`);
  return { inChannels, outChannels, kernelH, kernelW, outH, outW, groups, bias: shape.bias ?? true };
}

function kernelTex(kernelH: number, kernelW: number): string {
  return `${kernelH}\\times ${kernelW}`;
}

/** Parameters k_h·k_w·(c_in/g)·c_out (+ c_out biases); FLOPs (2·(c_in/g)·k_h·k_w + 1)·o_h·o_w·c_out. */
export function convCost(layer: ConvLayerShape): ConvCost {
  const s = readShape('convCost', layer);
  const inPerGroup = s.inChannels / s.groups;
  const weights = s.kernelH * s.kernelW * inPerGroup * s.outChannels;
  const biases = s.bias ? s.outChannels : 0;
  const positions = s.outH * s.outW;
  const multiplyAdds = weights * positions;
  const flops = (2 * inPerGroup * s.kernelH * s.kernelW + (s.bias ? 1 : 0)) * positions * s.outChannels;
  const cIn = s.groups === 1 ? `${s.inChannels}` : `(${s.inChannels}/${s.groups})`;
  const parametersTex = `${kernelTex(s.kernelH, s.kernelW)}\\times ${cIn}\\times ${s.outChannels}${s.bias ? ` + ${s.outChannels}` : ''} = ${weights + biases}`;
  const flopsTex = `(2\\times ${cIn}\\times ${kernelTex(s.kernelH, s.kernelW)}${s.bias ? ' + 1' : ''})\\times ${s.outH}\\times ${s.outW}\\times ${s.outChannels} = ${flops}`;
  return {
    weights,
    biases,
    parameters: weights + biases,
    multiplyAdds,
    flops,
    parametersFormula: { value: weights + biases, tex: parametersTex },
    flopsFormula: { value: flops, tex: flopsTex },
  };
}

export interface SeparableCost {
  readonly standard: ConvCost;
  /** Depthwise: one k_h×k_w kernel per input channel (groups = c_in). */
  readonly depthwise: ConvCost;
  /** Pointwise: a 1×1 convolution c_in → c_out. */
  readonly pointwise: ConvCost;
  readonly separableParameters: number;
  readonly separableMultiplyAdds: number;
  /** Separable / standard, for parameters and for multiply-adds. */
  readonly parameterRatio: number;
  readonly multiplyAddRatio: number;
}

/** Standard convolution vs depthwise + pointwise on the same shapes (the notes' 4608 vs 656; 108 vs 27 + 12). */
export function separableCost(layer: Omit<ConvLayerShape, 'groups'>): SeparableCost {
  const standard = convCost({ ...layer, groups: 1 });
  const depthwise = convCost({ ...layer, outChannels: layer.inChannels, groups: layer.inChannels });
  const pointwise = convCost({ ...layer, kernelH: 1, kernelW: 1, groups: 1 });
  const separableParameters = depthwise.parameters + pointwise.parameters;
  const separableMultiplyAdds = depthwise.multiplyAdds + pointwise.multiplyAdds;
  return {
    standard,
    depthwise,
    pointwise,
    separableParameters,
    separableMultiplyAdds,
    parameterRatio: separableParameters / standard.parameters,
    multiplyAddRatio: separableMultiplyAdds / standard.multiplyAdds,
  };
}

/** Parameters of a dense (fully connected) layer from `inputs` values to `outputs` values, with or without biases. */
export function denseParameters(inputs: number, outputs: number, bias = true): number {
  return inputs * outputs + (bias ? outputs : 0);
}
