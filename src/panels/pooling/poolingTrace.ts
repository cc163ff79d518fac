// The Pooling panel's traces from its config: forward steps, the output gradient it feeds back, and the backward steps.

import {
  pool2dBackwardTrace,
  pool2dTrace,
  tensor,
  type AvgPool2dOptions,
  type MaxPool2dOptions,
  type PoolBackwardTrace,
  type PoolTrace,
  type Tensor,
} from '../../engine/index.ts';
import { randomMatrix } from '../../ui/matrix.ts';
import { poolOptions, poolTensor, type PoolingConfig } from './poolingConfig.ts';

export function forwardTrace(config: PoolingConfig, input: Tensor = poolTensor(config)): PoolTrace {
  return config.kind === 'max'
    ? pool2dTrace('max', input, poolOptions(config) as MaxPool2dOptions)
    : pool2dTrace('avg', input, poolOptions(config) as AvgPool2dOptions);
}

/** ∂L/∂Y of the given [C, H_out, W_out] shape: all ones, 1, 2, 3, … in step order, or whole numbers in [−4, 4] from the seed. */
export function gradOutputFor(config: Pick<PoolingConfig, 'gradient' | 'gradientSeed'>, shape: readonly [number, number, number]): Tensor {
  const [channels, rows, cols] = shape;
  const size = channels * rows * cols;
  if (config.gradient === 'ones') return tensor(new Array(size).fill(1), shape);
  if (config.gradient === 'count')
    return tensor(
      Array.from({ length: size }, (_, i) => i + 1),
      shape,
    );
  const values = Array.from({ length: channels }, (_, c) => randomMatrix(rows, cols, config.gradientSeed + c).flat()).flat();
  return tensor(values, shape);
}

export function backwardTrace(config: PoolingConfig, input: Tensor, gradOutput: Tensor): PoolBackwardTrace {
  return config.kind === 'max'
    ? pool2dBackwardTrace('max', gradOutput, input, poolOptions(config) as MaxPool2dOptions)
    : pool2dBackwardTrace('avg', gradOutput, input, poolOptions(config) as AvgPool2dOptions);
}
