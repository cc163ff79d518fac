// Learning a kernel from data by gradient descent (notes 001 §1.4): Y = X ⋆ K_target, squared error, no bias, a seeded random start.

import { adaptiveAvgPool2d } from './adaptivePooling.ts';
import { conv2d } from './conv2d.ts';
import { texFactor, texNumber } from './formulas.ts';
import { matrixTex } from './imageKernels.ts';
import { readInteger } from './pair.ts';
import { uniformTensor } from './random.ts';
import { assertRank, fromData, type Tensor } from './tensor.ts';
import { clampStep, type Trace } from './trace.ts';

/** The notes' run: learning rate 3e-2, 20 iterations; the start is uniform in ±0.07, MXNet's default initializer that d2l used. */
export const NOTES_LEARNING = { learningRate: 0.03, steps: 20, initScale: 0.07 } as const;

/** A seed whose random start reproduces the notes' printout (their start was random too; any seed behaves the same way). */
export const NOTES_SEED = 753;

/** The notes' printout (batch i is the loss computed in iteration i, before its update) and final kernel. */
export const NOTES_PRINTED_LOSSES: readonly { batch: number; loss: number }[] = [
  { batch: 2, loss: 4.949 },
  { batch: 4, loss: 0.831 },
  { batch: 6, loss: 0.14 },
  { batch: 8, loss: 0.024 },
  { batch: 10, loss: 0.004 },
];
export const NOTES_PRINTED_KERNEL = [0.9895, -0.9873705] as const;

/** A loss above this (or not finite) counts as diverged: the run stops there instead of overflowing. */
export const DIVERGED_LOSS = 1e12;
export const MAX_LEARNING_STEPS = 500;

/** The notes' 6×8 image: ones, with columns 2–5 zero (X[:, 2:6] = 0), as [1, 6, 8]. */
export function notesEdgeImage(): Tensor {
  const data = new Float32Array(48);
  for (let y = 0; y < 6; y++) for (let x = 0; x < 8; x++) data[y * 8 + x] = x >= 2 && x < 6 ? 0 : 1;
  return fromData(data, [1, 6, 8]);
}

/**
 * Seeded uniform noise in ±amplitude, [1, size, size]: unlike the edge image, it pins down every weight of a 3×3 kernel,
 * and at ±0.7 the notes' learning rate 0.03 stays below the stable limit (about 0.049), so Sobel and blur targets converge.
 */
export function noiseImage(size = 12, seed = 2024, amplitude = 0.7): Tensor {
  return uniformTensor([1, size, size], amplitude, seed);
}

/** Largest side of a picture used as learning data: small enough for every step to be drawn and checked. */
export const LEARNING_IMAGE_SIDE = 16;

/** The [height, width] an image of h×w shrinks to so that it fits maxSide × maxSide (never enlarged). */
export function learningImageShape(h: number, w: number, maxSide = LEARNING_IMAGE_SIDE): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(h, w));
  return [Math.max(1, Math.round(h * scale)), Math.max(1, Math.round(w * scale))];
}

/** A grey image [1, H, W] (values 0…range) shrunk by average pooling to fit maxSide × maxSide, scaled to 0…1. */
export function learningImage(gray: Tensor, range: number, maxSide = LEARNING_IMAGE_SIDE): Tensor {
  assertRank('learningImage', 'gray', gray, 3, '[1, H, W]');
  if (!(range > 0)) throw new Error(`learningImage: range must be > 0, got ${range}`);
  const [, h, w] = gray.shape as [number, number, number];
  const pooled = adaptiveAvgPool2d(gray, learningImageShape(h, w, maxSide));
  return fromData(
    pooled.data.map((v) => v / range),
    pooled.shape,
  );
}

export interface SquaredError {
  /** Ŷ = X ⋆ K. */
  readonly prediction: Tensor;
  /** Ŷ − Y. */
  readonly residual: Tensor;
  /** L = Σ (Ŷ − Y)², summed as the notes' l.sum(). */
  readonly loss: number;
  /** ∂L/∂K = 2 · X ⋆ (Ŷ − Y), shaped like the kernel. */
  readonly gradient: Tensor;
}

/** The loss and its gradient: the gradient is the cross-correlation of X with the residual, times 2 (conv2d both ways). */
export function squaredErrorGradient(input: Tensor, targetOutput: Tensor, kernel: Tensor): SquaredError {
  assertRank('squaredErrorGradient', 'input', input, 3, '[1, H, W]');
  assertRank('squaredErrorGradient', 'kernel', kernel, 4, '[1, 1, kH, kW]');
  const prediction = conv2d(input, kernel);
  if (prediction.shape.join() !== targetOutput.shape.join()) {
    throw new Error(
      `squaredErrorGradient: the prediction is [${prediction.shape.join(', ')}] but the target output is [${targetOutput.shape.join(', ')}]`,
    );
  }
  const residualData = new Float32Array(prediction.data.length);
  let loss = 0;
  for (let i = 0; i < residualData.length; i++) {
    const r = (prediction.data[i] as number) - (targetOutput.data[i] as number);
    residualData[i] = r;
    loss += r * r;
  }
  const [, outH, outW] = prediction.shape as [number, number, number];
  const doubled = fromData(
    residualData.map((r) => 2 * r),
    [1, 1, outH, outW],
  );
  const gradient = conv2d(input, doubled);
  return { prediction, residual: fromData(residualData, prediction.shape), loss, gradient: fromData(gradient.data, kernel.shape) };
}

/** One step of gradient descent: W ← W − η · ∂L/∂W. */
export function gradientDescentStep(kernel: Tensor, gradient: Tensor, learningRate: number): Tensor {
  return fromData(
    kernel.data.map((w, i) => w - learningRate * (gradient.data[i] as number)),
    kernel.shape,
  );
}

/**
 * The largest learning rate for which gradient descent on this X cannot diverge: 2 / λ_max of the loss's Hessian 2·G,
 * where G·v = X ⋆ (X ⋆ v) (power iteration with conv2d). For the notes' edge image and a 1×2 kernel it is 1/30 ≈ 0.0333.
 */
export function largestStableLearningRate(input: Tensor, kernelH: number, kernelW: number): number {
  assertRank('largestStableLearningRate', 'input', input, 3, '[1, H, W]');
  let v = uniformTensor([1, 1, kernelH, kernelW], 0.1, 7);
  v = fromData(
    v.data.map((x) => x + 1),
    v.shape,
  );
  let lambda = 0;
  for (let i = 0; i < 100; i++) {
    const response = conv2d(input, v);
    const [, outH, outW] = response.shape as [number, number, number];
    const gv = conv2d(input, fromData(response.data, [1, 1, outH, outW]));
    let norm = 0;
    let dot = 0;
    for (let j = 0; j < gv.data.length; j++) {
      norm += (gv.data[j] as number) ** 2;
      dot += (gv.data[j] as number) * (v.data[j] as number);
    }
    let vNorm = 0;
    for (const x of v.data) vNorm += x * x;
    lambda = dot / vNorm;
    norm = Math.sqrt(norm);
    if (norm === 0) return Infinity;
    v = fromData(
      gv.data.map((x) => x / norm),
      v.shape,
    );
  }
  return lambda > 0 ? 1 / lambda : Infinity;
}

export interface LearnKernelSetup {
  /** X, [1, H, W]. */
  input: Tensor;
  /** The kernel that made Y = X ⋆ K_target, [1, 1, kH, kW]. */
  target: Tensor;
  learningRate: number;
  /** Iterations (updates); the trace has one frame per kernel, steps + 1 of them unless the run diverges. */
  steps: number;
  seed: number;
  /** Half-width of the uniform random start; default the notes' 0.07. */
  initScale?: number;
}

export interface LearnFrame extends SquaredError {
  /** Updates made so far. */
  readonly step: number;
  /** The kernel after `step` updates. */
  readonly kernel: Tensor;
  /** The kernel after this frame's update, or null on the last frame. */
  readonly next: Tensor | null;
}

export interface LearnKernelTrace extends Trace<LearnFrame> {
  readonly input: Tensor;
  readonly target: Tensor;
  readonly targetOutput: Tensor;
  readonly learningRate: number;
  /** Loss after 0, 1, … updates. */
  readonly losses: readonly number[];
  /** Every kernel of the run, flat (kH·kW values each), frame by frame. */
  readonly kernels: readonly Float32Array[];
  /** The update at which the loss passed DIVERGED_LOSS, or null when the run finished. */
  readonly divergedAt: number | null;
  readonly stableLearningRate: number;
}

/** Runs gradient descent from a seeded random kernel; frame n is the state after n updates (a pure function of n). */
export function learnKernel(setup: LearnKernelSetup): LearnKernelTrace {
  const op = 'learnKernel';
  assertRank(op, 'input', setup.input, 3, '[1, H, W]');
  assertRank(op, 'target', setup.target, 4, '[1, 1, kH, kW]');
  if (setup.input.shape[0] !== 1 || setup.target.shape[0] !== 1 || setup.target.shape[1] !== 1) {
    throw new Error(`${op}: one channel in and out: input [1, H, W] and target [1, 1, kH, kW]`);
  }
  if (!Number.isFinite(setup.learningRate) || setup.learningRate <= 0)
    throw new Error(`${op}: learningRate must be a number > 0, got ${setup.learningRate}`);
  const steps = readInteger(op, 'steps', setup.steps, 20, 0);
  if (steps > MAX_LEARNING_STEPS) throw new Error(`${op}: steps must be at most ${MAX_LEARNING_STEPS}, got ${steps}`);
  const targetOutput = conv2d(setup.input, setup.target);
  const kernels: Tensor[] = [uniformTensor(setup.target.shape, setup.initScale ?? NOTES_LEARNING.initScale, setup.seed)];
  const errors: SquaredError[] = [];
  let divergedAt: number | null = null;
  for (let n = 0; n <= steps; n++) {
    const error = squaredErrorGradient(setup.input, targetOutput, kernels[n] as Tensor);
    if (!Number.isFinite(error.loss) || error.loss > DIVERGED_LOSS || error.gradient.data.some((g) => !Number.isFinite(g))) {
      divergedAt = n;
      kernels.pop();
      break;
    }
    errors.push(error);
    if (n < steps) kernels.push(gradientDescentStep(kernels[n] as Tensor, error.gradient, setup.learningRate));
  }
  const length = errors.length;
  return {
    input: setup.input,
    target: setup.target,
    targetOutput,
    learningRate: setup.learningRate,
    losses: errors.map((e) => e.loss),
    kernels: kernels.map((k) => k.data),
    divergedAt,
    stableLearningRate: largestStableLearningRate(setup.input, setup.target.shape[2] as number, setup.target.shape[3] as number),
    length,
    frame(n: number): LearnFrame {
      const step = clampStep(n, length);
      return {
        step,
        kernel: kernels[step] as Tensor,
        next: step + 1 < length ? (kernels[step + 1] as Tensor) : null,
        ...(errors[step] as SquaredError),
      };
    },
  };
}

function tensorMatrixTex(t: Tensor): string {
  const rows = t.shape[t.shape.length - 2] as number;
  const cols = t.shape[t.shape.length - 1] as number;
  return matrixTex(Array.from({ length: rows }, (_, y) => Array.from(t.data.subarray(y * cols, (y + 1) * cols))));
}

/** A loss as TeX: plainly down to 0.001, below that as a × 10^e, so a tiny loss is not shown as 0. */
export function lossNumberTex(loss: number): string {
  if (loss === 0 || Math.abs(loss) >= 1e-3) return texNumber(loss);
  const [mantissa = '0', exponent = '0'] = loss.toExponential(2).split('e');
  return `${mantissa}\\times 10^{${Number(exponent)}}`;
}

/** L = Σ (Ŷ − Y)² = value. */
export function lossTex(frame: LearnFrame): string {
  return `L = \\sum_{r,c} \\left(\\hat{Y}_{r,c} - Y_{r,c}\\right)^2 = ${lossNumberTex(frame.loss)}`;
}

/** ∂L/∂W = 2 · X ⋆ (Ŷ − Y) = [numbers]. */
export function gradientTex(frame: LearnFrame): string {
  return `\\frac{\\partial L}{\\partial W} = 2\\, X \\star (\\hat{Y} - Y) = ${tensorMatrixTex(frame.gradient)}`;
}

/** Kernels with more weights than this have their gradient and update written for one weight (a 7×7 matrix is unreadable as TeX). */
export const WRITTEN_OUT_WEIGHTS = 9;

/** The weight a large kernel's formulas follow: its centre, [row, column], counted from 0. */
export function followedWeight(frame: LearnFrame): [number, number] {
  const rows = frame.kernel.shape[2] as number;
  const cols = frame.kernel.shape[3] as number;
  return [Math.floor(rows / 2), Math.floor(cols / 2)];
}

/** ∂L/∂W_{r,c} = 2 Σ X_{i+r, j+c} (Ŷ − Y)_{i,j} = value, for one weight. */
export function gradientEntryTex(frame: LearnFrame, row: number, col: number): string {
  const cols = frame.kernel.shape[3] as number;
  const index = `{${row},${col}}`;
  return `\\frac{\\partial L}{\\partial W_${index}} = 2 \\sum_{i,j} X_{i+${row},\\,j+${col}}\\,(\\hat{Y} - Y)_{i,j} = ${texNumber(frame.gradient.data[row * cols + col] as number)}`;
}

/** W_{r,c} ← W_{r,c} − η · ∂L/∂W_{r,c} with this frame's numbers, for one weight. */
export function updateRuleEntryTex(frame: LearnFrame, learningRate: number, row: number, col: number): string {
  const cols = frame.kernel.shape[3] as number;
  const at = row * cols + col;
  const next = (frame.next ?? gradientDescentStep(frame.kernel, frame.gradient, learningRate)).data[at] as number;
  const index = `{${row},${col}}`;
  return `W_${index} \\leftarrow W_${index} - \\eta\\,\\frac{\\partial L}{\\partial W_${index}} = ${texNumber(frame.kernel.data[at] as number)} - ${texNumber(learningRate)} \\times ${texFactor(frame.gradient.data[at] as number)} = ${texNumber(next)}`;
}

/** W ← W − η · ∂L/∂W with this frame's numbers: [W] − η [gradient] = [next W]. */
export function updateRuleTex(frame: LearnFrame, learningRate: number): string {
  const next = frame.next ?? gradientDescentStep(frame.kernel, frame.gradient, learningRate);
  return `W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W} = ${tensorMatrixTex(frame.kernel)} - ${texNumber(learningRate)}\\,${tensorMatrixTex(frame.gradient)} = ${tensorMatrixTex(next)}`;
}
