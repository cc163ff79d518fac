// The engine's public face: PyTorch-exact convolution, pooling and receptive fields, plus traces, formulas and costs.

export { tensor, zeros, formatShape, sizeOf, at3, type Tensor } from './tensor.ts';
export type { Pair, Axis } from './pair.ts';
export {
  PADDING_MODES,
  axisTapTable,
  convAxis,
  effectiveKernel,
  outputsInsideInput,
  poolAxis,
  presetPadding,
  type PaddingPreset,
  sourceIndex,
  tapCoordinate,
  transposedOutputSize,
  type AxisGeometry,
  type Geometry2d,
  type PaddingMode,
} from './geometry.ts';
export { axisCoverage, tapTables, windowTaps, outputsReading, type TapTables, type WindowTap } from './taps.ts';
export { conv2d, planConv2d, samePadding, weightIndex, type Conv2dOptions, type Conv2dPlan, type PerSidePadding } from './conv2d.ts';
export {
  convTranspose2d,
  planConvTranspose2d,
  scatterCoordinate,
  zeroInsertedAxis,
  zeroInsertedGeometry,
  type ConvTranspose2dOptions,
  type ConvTranspose2dPlan,
  type TransposedAxis,
} from './convTranspose2d.ts';
export {
  avgPool2d,
  avgPool2dBackward,
  avgDivisor,
  avgWindow,
  maxPool2d,
  maxPool2dBackward,
  planAvgPool2d,
  planMaxPool2d,
  type AvgPool2dOptions,
  type MaxPool2dOptions,
  type PoolPlan,
} from './pooling.ts';
export { adaptiveAvgPool2d, adaptiveMaxPool2d, adaptiveBin } from './adaptivePooling.ts';
export { receptiveField, type ReceptiveFieldEntry, type ReceptiveFieldLayer } from './receptiveField.ts';
export { clampStep, type Trace } from './trace.ts';
export { conv2dTrace, traceConvPlan, type ConvFrame, type ConvTap, type ConvTrace } from './convTrace.ts';
export {
  convTranspose2dDirectTrace,
  convTranspose2dScatterTrace,
  insertZeros,
  multiply,
  multiplyTransposed,
  rotatedDirectWeight,
  transposedConvMatrix,
  type DirectTransposedTrace,
  type ScatterContribution,
  type ScatterFrame,
  type ScatterTrace,
} from './transposedTrace.ts';
export {
  pool2dBackwardTrace,
  pool2dTrace,
  type GradientRoute,
  type PoolBackwardFrame,
  type PoolBackwardTrace,
  type PoolFrame,
  type PoolKind,
  type PoolTap,
  type PoolTrace,
} from './poolTrace.ts';
export * from './formulas.ts';
export { convCost, denseParameters, separableCost, type ConvCost, type ConvLayerShape, type SeparableCost } from './cost.ts';
