// The Basics panel's convolution trace from its config: one channel, the kernel flipped for true convolution, the bias.

import { conv2dTrace, type ConvTrace } from '../../engine/index.ts';
import { matrixTensor } from '../../ui/matrix.ts';
import type { BasicsConfig } from './basicsConfig.ts';

export function basicsTrace(config: BasicsConfig): ConvTrace {
  return conv2dTrace(matrixTensor(config.input, [1]), matrixTensor(config.kernel, [1, 1]), {
    flip: config.flip,
    bias: [config.bias],
  });
}
