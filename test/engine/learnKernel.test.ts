// Learning a kernel by gradient descent (notes 001 §1.4): the gradient, the notes' run reproduced, convergence and divergence.
import fc from 'fast-check';
import {
  conv2d,
  followedWeight,
  gradientDescentStep,
  gradientEntryTex,
  largestStableLearningRate,
  learningImage,
  learnKernel,
  lossNumberTex,
  MAX_LEARNING_STEPS,
  noiseImage,
  NOTES_LEARNING,
  NOTES_PRINTED_KERNEL,
  NOTES_PRINTED_LOSSES,
  NOTES_SEED,
  notesEdgeImage,
  squaredErrorGradient,
  tensor,
  updateRuleEntryTex,
  updateRuleTex,
  WRITTEN_OUT_WEIGHTS,
  type Tensor,
} from '../../src/engine/index.ts';
import { expectArrayClose } from '../helpers/tensorClose.ts';
import { tensorArb, int } from '../helpers/engineArbitraries.ts';

const EDGE_KERNEL = tensor([1, -1], [1, 1, 1, 2]);
const SOBEL_X = tensor([1, 0, -1, 2, 0, -2, 1, 0, -1], [1, 1, 3, 3]);
const GAUSSIAN = tensor(
  [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
  [1, 1, 3, 3],
);

function notesRun(seed: number = NOTES_SEED, learningRate: number = NOTES_LEARNING.learningRate, steps: number = NOTES_LEARNING.steps) {
  return learnKernel({ input: notesEdgeImage(), target: EDGE_KERNEL, learningRate, steps, seed });
}

/** L(K) by brute force, for finite differences. */
function loss(input: Tensor, targetOutput: Tensor, kernel: Tensor): number {
  const prediction = conv2d(input, kernel);
  return prediction.data.reduce((sum, v, i) => sum + (v - (targetOutput.data[i] as number)) ** 2, 0);
}

describe('the notes’ data', () => {
  it('X is the 6×8 image of ones with columns 2–5 zero, and X ⋆ [1, −1] is the 6×7 map of 1 and −1 at the two edges', () => {
    const x = notesEdgeImage();
    expect(x.shape).toEqual([1, 6, 8]);
    for (let y = 0; y < 6; y++) expect(Array.from(x.data.subarray(y * 8, y * 8 + 8))).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
    const y = conv2d(x, EDGE_KERNEL);
    expect(y.shape).toEqual([1, 6, 7]);
    for (let r = 0; r < 6; r++) expect(Array.from(y.data.subarray(r * 7, r * 7 + 7))).toEqual([0, 1, 0, 0, 0, -1, 0]);
  });
});

describe('squaredErrorGradient', () => {
  it('the gradient is 2·X ⋆ (Ŷ − Y), equal to finite differences of L = Σ(Ŷ − Y)²', () => {
    fc.assert(
      fc.property(int(1, 3), int(1, 3), int(0, 3), int(0, 3), fc.nat(1000), (kH, kW, extraH, extraW, seed) => {
        const h = kH + extraH;
        const w = kW + extraW;
        const input = noiseImage(Math.max(h, w), seed, 1);
        const cropped = tensor(
          Array.from({ length: h * w }, (_, i) => input.data[Math.floor(i / w) * Math.max(h, w) + (i % w)] as number),
          [1, h, w],
        );
        const kernel = noiseImage(Math.max(kH, kW), seed + 1, 1);
        const k = tensor(
          Array.from({ length: kH * kW }, (_, i) => kernel.data[Math.floor(i / kW) * Math.max(kH, kW) + (i % kW)] as number),
          [1, 1, kH, kW],
        );
        const target = conv2d(
          cropped,
          tensor(
            Array.from({ length: kH * kW }, (_, i) => (i % 3) - 1),
            [1, 1, kH, kW],
          ),
        );
        const { gradient, loss: l } = squaredErrorGradient(cropped, target, k);
        expect(l).toBeCloseTo(loss(cropped, target, k), 3);
        const eps = 1e-2;
        for (let i = 0; i < kH * kW; i++) {
          const plus = tensor(
            Array.from(k.data, (v, j) => (j === i ? v + eps : v)),
            k.shape,
          );
          const minus = tensor(
            Array.from(k.data, (v, j) => (j === i ? v - eps : v)),
            k.shape,
          );
          const numeric = (loss(cropped, target, plus) - loss(cropped, target, minus)) / (2 * eps);
          expect(gradient.data[i]).toBeCloseTo(numeric, 1);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the residual is Ŷ − Y and the loss is its sum of squares', () => {
    fc.assert(
      fc.property(tensorArb([1, 4, 5]), tensorArb([1, 1, 2, 2]), tensorArb([1, 3, 4]), (x, k, y) => {
        const { prediction, residual, loss: l } = squaredErrorGradient(x, y, k);
        expectArrayClose(
          residual.data,
          prediction.data.map((v, i) => v - (y.data[i] as number)),
        );
        expect(l).toBeCloseTo(
          residual.data.reduce((s, r) => s + r * r, 0),
          4,
        );
      }),
    );
  });

  it('a target output of the wrong shape is an error that names both shapes', () => {
    expect(() => squaredErrorGradient(notesEdgeImage(), tensor([0, 0], [1, 1, 2]), EDGE_KERNEL)).toThrow(/prediction is \[1, 6, 7\].*\[1, 1, 2\]/);
  });
});

describe('the notes’ run: X the edge image, Y = X ⋆ [1, −1], 20 steps at η = 0.03', () => {
  it('reproduces the printed losses 4.949, 0.831, 0.140, 0.024, 0.004 (batch i = the loss after i − 1 updates)', () => {
    const run = notesRun();
    for (const { batch, loss: printed } of NOTES_PRINTED_LOSSES) expect(run.losses[batch - 1]).toBeCloseTo(printed, 2);
  });

  it('after 10 updates the kernel is the printed [[0.9895, −0.9874]], so the printout came from a 10-step run', () => {
    expectArrayClose(notesRun().kernels[10] as Float32Array, NOTES_PRINTED_KERNEL, { abs: 1e-3, rel: 0 });
  });

  it('after 20 steps the loss is below 0.01 and the kernel is within 0.01 of [1, −1]; every step lowers the loss', () => {
    const run = notesRun();
    expect(run.length).toBe(21);
    expect(run.divergedAt).toBeNull();
    const last = run.frame(20);
    expect(last.loss).toBeLessThan(0.01);
    expectArrayClose(last.kernel.data, [1, -1], { abs: 0.01, rel: 0 });
    for (let n = 1; n < run.losses.length; n++) expect(run.losses[n]).toBeLessThan(run.losses[n - 1] as number);
  });

  it('converges the same way from any seed', () => {
    fc.assert(
      fc.property(fc.nat(100000), (seed) => {
        const run = notesRun(seed);
        expect(run.losses[20]).toBeLessThan(0.01);
        expect(run.losses[0]).toBeGreaterThan(8);
      }),
      { numRuns: 30 },
    );
  });

  it('the largest stable learning rate is 1/30 (the Hessian 2·[[18, 12], [12, 18]] has λ_max = 60), and above it the loss grows', () => {
    expect(largestStableLearningRate(notesEdgeImage(), 1, 2)).toBeCloseTo(1 / 30, 5);
    const tooLarge = notesRun(NOTES_SEED, 0.04);
    expect(tooLarge.losses[20]).toBeGreaterThan(tooLarge.losses[5] as number);
  });

  it('a run that blows up stops at the step where the loss passes the limit, with every loss finite', () => {
    const run = notesRun(NOTES_SEED, 0.5, 100);
    expect(run.divergedAt).not.toBeNull();
    expect(run.length).toBe(run.divergedAt);
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect(run.frame(1000).step).toBe(run.length - 1);
  });
});

describe('learnKernel', () => {
  it.each([
    ['Sobel x', SOBEL_X],
    ['the Gaussian blur', GAUSSIAN],
  ])('learns %s from the seeded noise image in 20 steps at η = 0.03', (_name, target) => {
    const run = learnKernel({ input: noiseImage(), target, learningRate: 0.03, steps: 20, seed: 1 });
    expect(run.stableLearningRate).toBeGreaterThan(0.03);
    expect(run.losses[20]).toBeLessThan(1e-4);
    expectArrayClose(run.frame(20).kernel.data, target.data, { abs: 1e-3, rel: 0 });
  });

  it('frame n is a pure function of n: the kernel after n updates, its loss, and the next kernel = W − η·∂L/∂W', () => {
    const run = notesRun();
    const a = run.frame(4);
    const b = run.frame(4);
    expect(Array.from(a.kernel.data)).toEqual(Array.from(b.kernel.data));
    expect(a.loss).toBe(run.losses[4]);
    expect(Array.from(a.next?.data ?? [])).toEqual(Array.from(gradientDescentStep(a.kernel, a.gradient, 0.03).data));
    expect(Array.from(a.next?.data ?? [])).toEqual(Array.from(run.frame(5).kernel.data));
    expect(run.frame(20).next).toBeNull();
    expect(run.frame(-3).step).toBe(0);
  });

  it('the update rule is written with this step’s numbers', () => {
    const run = notesRun();
    const tex = updateRuleTex(run.frame(0), 0.03);
    expect(tex).toContain('W \\leftarrow W - \\eta');
    expect(tex).toContain('0.03');
    expect(tex).toContain(String(Math.round((run.frame(1).kernel.data[0] as number) * 10000) / 10000));
  });

  it('a 5×5 kernel’s formulas follow its centre weight, with the numbers a brute-force sum gives', () => {
    const target = tensor(
      Array.from({ length: 25 }, (_, i) => ((i * 7) % 5) - 2),
      [1, 1, 5, 5],
    );
    const input = noiseImage(12, 7);
    const run = learnKernel({ input, target, learningRate: 0.001, steps: 3, seed: 3 });
    const frame = run.frame(1);
    expect(25).toBeGreaterThan(WRITTEN_OUT_WEIGHTS);
    expect(followedWeight(frame)).toEqual([2, 2]);
    // ∂L/∂W₂,₂ = 2 Σ X[i + 2, j + 2] (Ŷ − Y)[i, j], summed here by hand over the 8×8 output.
    let gradient = 0;
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 8; j++) gradient += 2 * (input.data[(i + 2) * 12 + j + 2] as number) * (frame.residual.data[i * 8 + j] as number);
    const rounded = (v: number) => String(Math.round(v * 10000) / 10000);
    const gradientTex = gradientEntryTex(frame, 2, 2);
    expect(gradientTex).toContain('X_{i+2,\\,j+2}');
    expect(gradientTex.endsWith(`= ${rounded(gradient)}`)).toBe(true);
    const update = updateRuleEntryTex(frame, 0.001, 2, 2);
    expect(update).toMatch(/^W_\{2,2\} \\leftarrow W_\{2,2\}/);
    expect(update.endsWith(`= ${rounded(run.frame(2).kernel.data[12] as number)}`)).toBe(true);
    expect(update).toContain(`= ${rounded(frame.kernel.data[12] as number)} - 0.001 \\times `);
  });

  it('a tiny loss is written as a power of ten, not rounded to 0', () => {
    expect(lossNumberTex(4.9512)).toBe('4.9512');
    expect(lossNumberTex(9.02e-7)).toBe('9.02\\times 10^{-7}');
    expect(lossNumberTex(0)).toBe('0');
  });

  it('bad settings are errors that name the setting', () => {
    expect(() => notesRun(1, 0)).toThrow(/learningRate must be a number > 0/);
    expect(() => notesRun(1, 0.03, MAX_LEARNING_STEPS + 1)).toThrow(/steps must be at most/);
    expect(() => learnKernel({ input: notesEdgeImage(), target: tensor([1, 1, 1, 1], [1, 2, 1, 2]), learningRate: 0.03, steps: 2, seed: 1 })).toThrow(
      /one channel/,
    );
  });
});

describe('learningImage', () => {
  it('shrinks a grey image to fit 16×16 (keeping its shape) and scales 0…range to 0…1', () => {
    const gray = tensor(
      Array.from({ length: 64 * 32 }, () => 255),
      [1, 64, 32],
    );
    const small = learningImage(gray, 255);
    expect(small.shape).toEqual([1, 16, 8]);
    expect(Array.from(small.data).every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
    expect(learningImage(notesEdgeImage(), 1).shape).toEqual([1, 6, 8]);
  });
});
