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
export {
  adaptiveBinFormula,
  droppedCeilWindow,
  globalAveragePoolFormula,
  poolBackwardStepTex,
  poolCellTex,
  poolTapPlace,
  poolTerms,
  pyramidLengthFormula,
  type AdaptiveBinFormula,
  type PoolTapPlace,
  type PoolTerm,
} from './poolFormulas.ts';
export { spatialPyramidPool, type PyramidLevel, type SpatialPyramid } from './spatialPyramid.ts';
export {
  convRoundTrip,
  forwardSizesMappingTo,
  isInsertedZero,
  matrixColumnTerms,
  maxOutputPadding,
  maxTransposedPadding,
  multiplyTransposedRows,
  stampFootprint,
  stampsLandingOn,
  zeroInsertedPosition,
  type ForwardSize,
  type RoundTrip,
  type StampTerm,
} from './transposedViews.ts';
export { centralRange, resizeConvOnesStack, transposedOnesStack, type UpsampleLayer } from './checkerboard.ts';
export {
  dependencyCone,
  INPUT_RECEPTIVE_FIELD,
  layerStackGeometry,
  nearestUnit,
  receptiveSpan,
  sameFieldStacks,
  stackParameters,
  stackReceptiveField,
  strideProductFormula,
  unitCentre,
  type ConeRow,
  type LayerStackGeometry,
  type StackIssue,
  type StackLayer,
  type StackLayerKind,
} from './layerStack.ts';
export { centreToEdge, effectiveReceptiveField, effectiveReceptiveFieldCost, type EffectiveReceptiveField } from './effectiveReceptiveField.ts';
export {
  conv3d,
  conv3dParameters,
  planConv3d,
  readTriple,
  volumeTapCoordinate,
  type Conv3dOptions,
  type Conv3dPlan,
  type Triple,
  type VolumeAxis,
  type VolumeAxisName,
} from './conv3d.ts';
export { conv3dTrace, type Conv3dFrame, type Conv3dTap, type Conv3dTrace } from './conv3dTrace.ts';
export {
  channelOf,
  channelPartials,
  channelSumTex,
  WRITTEN_OUT_CHANNEL_PRODUCTS,
  denseLayerFormula,
  groupLinks,
  kernelSlice,
  maxAbsDifference,
  multiplyAddsFormula,
  pointwiseAsMatrix,
  ratioFormula,
  separableFormulas,
  validGroups,
  type ChannelPartial,
  type ChannelPartials,
  type GroupLink,
  type PointwiseMatrix,
  type SeparableFormulas,
  type SeparableLayerShape,
} from './channels.ts';
export { seededRandom, uniformTensor } from './random.ts';
export {
  depthwiseKernel,
  IMAGE_KERNELS,
  imageKernel,
  kernelSize,
  kernelTex,
  matrixTex,
  outerProductTex,
  separableFactors,
  type ImageKernel,
  type ImageKernelId,
  type KernelMatrix,
  type KernelSource,
  type SeparableFactors,
} from './imageKernels.ts';
export {
  filterImage,
  imageConvOptions,
  lensReading,
  LUMA_WEIGHTS,
  luminance,
  separableComparison,
  tensorFromRgba,
  valueRange,
  type FilteredImage,
  type ImageFilterOptions,
  type LensReading,
  type LensTap,
  type ResolvedConvOptions,
  type SeparableComparison,
  type ValueRange,
} from './imageFilter.ts';
export {
  DIVERGED_LOSS,
  followedWeight,
  gradientEntryTex,
  gradientDescentStep,
  gradientTex,
  largestStableLearningRate,
  LEARNING_IMAGE_SIDE,
  learningImage,
  learningImageShape,
  learnKernel,
  lossNumberTex,
  lossTex,
  MAX_LEARNING_STEPS,
  noiseImage,
  NOTES_LEARNING,
  NOTES_PRINTED_KERNEL,
  NOTES_PRINTED_LOSSES,
  NOTES_SEED,
  notesEdgeImage,
  squaredErrorGradient,
  updateRuleEntryTex,
  updateRuleTex,
  WRITTEN_OUT_WEIGHTS,
  type LearnFrame,
  type LearnKernelSetup,
  type LearnKernelTrace,
  type SquaredError,
} from './learnKernel.ts';
