// Builds the engine trace of a Padding/Stride/Dilation configuration (one input channel, one kernel).

import { conv2dTrace, type ConvTrace } from '../../engine/index.ts';
import { matrixTensor } from '../../ui/matrix.ts';
import type { ConvLabConfig } from './convLabConfig.ts';

export function convLabTrace(config: ConvLabConfig): ConvTrace {
  return conv2dTrace(matrixTensor(config.input, [1]), matrixTensor(config.kernel, [1, 1]), {
    padding: config.padding,
    paddingMode: config.paddingMode,
    stride: config.stride,
    dilation: config.dilation,
  });
}
