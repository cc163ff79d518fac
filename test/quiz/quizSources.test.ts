// The quiz's questions equal the engine: each answer is the frame the stage plays, checked against the one-shot ops.
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  conv2d,
  convTranspose2d,
  maxPool2d,
  receptiveField,
  type AvgPool2dOptions,
  type MaxPool2dOptions,
  type Tensor,
} from '../../src/engine/index.ts';
import { basicsTrace } from '../../src/panels/basics/basicsTrace.ts';
import { BASICS_PRESETS } from '../../src/panels/basics/basicsConfig.ts';
import { convLabTrace } from '../../src/panels/convLab/convLabTrace.ts';
import { PADDING_PRESETS } from '../../src/panels/padding/paddingConfig.ts';
import { STRIDE_PRESETS } from '../../src/panels/stride/strideConfig.ts';
import { DILATION_PRESETS } from '../../src/panels/dilation/dilationConfig.ts';
import { POOL_PRESETS, POOLING_DEFAULTS, poolOptions, poolTensor, type PoolingConfig } from '../../src/panels/pooling/poolingConfig.ts';
import { forwardTrace } from '../../src/panels/pooling/poolingTrace.ts';
import { RECEPTIVE_PRESETS } from '../../src/panels/receptive/receptiveConfig.ts';
import { TRANSPOSED_PRESETS } from '../../src/panels/transposed/transposedConfig.ts';
import { transposedViews } from '../../src/panels/transposed/transposedTraces.ts';
import { matrixTensor } from '../../src/ui/matrix.ts';
import { stackReceptiveField } from '../../src/engine/index.ts';
import { checkAnswer } from '../../src/quiz/quizModel.ts';
import { convQuizSource, poolQuizSource, receptiveQuizSource, transposedQuizSource, type QuizSource } from '../../src/quiz/quizSources.ts';
import type { ConvLabConfig } from '../../src/panels/convLab/convLabConfig.ts';

/** Every value question of a source, in step order. */
function answers(source: QuizSource, length: number): number[] {
  return Array.from({ length }, (_, step) => {
    const question = source.questionFor(step);
    if (!question) throw new Error(`no question at step ${step}`);
    return question.answer;
  });
}

function convLabOneShot(config: ConvLabConfig): Tensor {
  return conv2d(matrixTensor(config.input, [1]), matrixTensor(config.kernel, [1, 1]), {
    padding: [...config.padding],
    paddingMode: config.paddingMode,
    stride: [...config.stride],
    dilation: [...config.dilation],
  });
}

describe('convolution questions', () => {
  it('the Basics default (the notes’ X and K) asks 19, 25, 37, 43 and a 2×2 size', () => {
    const config = BASICS_PRESETS[0]?.config;
    if (!config) throw new Error('no preset');
    const trace = basicsTrace(config);
    const source = convQuizSource(trace);
    expect(answers(source, trace.length)).toEqual([19, 25, 37, 43]);
    expect(source.size?.answer).toEqual([2, 2]);
    expect(source.questionFor(1)?.prompt).toEqual({ key: 'prompt.output', params: { row: 0, col: 1, channel: 0 } });
    expect(source.questionFor(1)?.working).toBe('1×0 + 2×1 + 4×2 + 5×3 = 25');
    expect(source.questionFor(trace.length)).toBeNull();
  });

  it('with a bias the working adds it: 19 + 0.5', () => {
    const config = BASICS_PRESETS[0]?.config;
    if (!config) throw new Error('no preset');
    const source = convQuizSource(basicsTrace({ ...config, bias: 0.5 }));
    expect(source.questionFor(0)?.answer).toBe(19.5);
    expect(source.questionFor(0)?.working).toMatch(/ \+ 0\.5 = 19\.5$/);
  });

  const presets = [
    ...PADDING_PRESETS.map((p) => ['padding', p.id, p.config] as const),
    ...STRIDE_PRESETS.map((p) => ['stride', p.id, p.config] as const),
    ...DILATION_PRESETS.map((p) => ['dilation', p.id, p.config] as const),
  ];
  it.each(presets)('%s preset %s: every question is the one-shot conv2d value, the size its shape', (_, __, config) => {
    const trace = convLabTrace(config);
    const source = convQuizSource(trace);
    const expected = convLabOneShot(config);
    const got = answers(source, trace.length);
    expect(got).toHaveLength(expected.data.length);
    got.forEach((answer, i) => expect(answer).toBeCloseTo(expected.data[i] ?? NaN, 4));
    expect(source.size?.answer).toEqual([expected.shape[1], expected.shape[2]]);
    // The size's working ends in the engine's numbers for each axis.
    expect(source.size?.working).toMatch(new RegExp(`^h = .* = ${expected.shape[1]}.*; w = .* = ${expected.shape[2]}`));
  });

  it('a rectangular stride and padding: the size question is h × w, not w × h', () => {
    const config: ConvLabConfig = {
      input: Array.from({ length: 8 }, (_, r) => Array.from({ length: 5 }, (_, c) => r + c)),
      kernel: [[1, 0, -1]],
      padding: [0, 0, 1, 1],
      paddingMode: 'zeros',
      stride: [3, 2],
      dilation: [1, 2],
    };
    const source = convQuizSource(convLabTrace(config));
    const expected = convLabOneShot(config);
    expect(source.size?.answer).toEqual([expected.shape[1], expected.shape[2]]);
    expect(expected.shape[1]).not.toBe(expected.shape[2]);
    expect(source.size?.working).toContain('k′ = 2·(3 − 1) + 1 = 5');
  });

  it('the typed working numbers read back as the answer (the sum after the last "=")', () => {
    const config = STRIDE_PRESETS[0]?.config;
    if (!config) throw new Error('no preset');
    const trace = convLabTrace(config);
    const source = convQuizSource(trace);
    for (let step = 0; step < trace.length; step++) {
      const question = source.questionFor(step);
      if (!question) throw new Error('missing');
      const shown = question.working.split(' = ').at(-1) ?? '';
      expect(checkAnswer(question, shown)).toEqual({ ok: true, right: true });
    }
  });
});

describe('pooling questions', () => {
  const configs: [string, PoolingConfig][] = POOL_PRESETS.map((preset) => [preset.id, { ...POOLING_DEFAULTS, ...preset.settings }]);
  it.each(configs)('preset %s: each question is the one-shot pooled value, the size its shape', (_, config) => {
    const input = poolTensor(config);
    const trace = forwardTrace(config, input);
    const source = poolQuizSource(trace);
    const expected =
      config.kind === 'max' ? maxPool2d(input, poolOptions(config) as MaxPool2dOptions) : avgPool2d(input, poolOptions(config) as AvgPool2dOptions);
    const got = answers(source, trace.length);
    got.forEach((answer, i) => expect(answer).toBeCloseTo(expected.data[i] ?? NaN, 5));
    expect(got).toHaveLength(expected.data.length);
    expect(source.size?.answer).toEqual([expected.shape[1], expected.shape[2]]);
  });

  it('the notes’ max pooling of 0…15 asks 5, 7, 13, 15 with max(…) working', () => {
    const trace = forwardTrace(POOLING_DEFAULTS);
    const source = poolQuizSource(trace);
    expect(answers(source, trace.length)).toEqual([5, 7, 13, 15]);
    expect(source.questionFor(1)?.working).toBe('max(2, 3, 6, 7) = 7');
    expect(source.size?.answer).toEqual([2, 2]);
  });

  it('average pooling shows the sum and the divisor', () => {
    const trace = forwardTrace({ ...POOLING_DEFAULTS, kind: 'avg' });
    expect(poolQuizSource(trace).questionFor(0)?.working).toBe('(0 + 1 + 4 + 5) ÷ 4 = 2.5');
  });
});

describe('receptive-field questions', () => {
  it('the notes’ stack (3×3, strides 1, 2, 1) asks 3, 5, 9', () => {
    const notes = RECEPTIVE_PRESETS.find((p) => p.id === 'notes');
    if (!notes) throw new Error('no preset');
    const { layers } = notes.config;
    const source = receptiveQuizSource(layers, stackReceptiveField(layers));
    expect(answers(source, layers.length)).toEqual([3, 5, 9]);
    expect(source.questionFor(2)?.working).toBe('RF₃ = 5 + (3 − 1)·2 = 9');
    expect(source.questionFor(3)).toBeNull();
    expect(source.size).toBeNull();
  });

  it.each(RECEPTIVE_PRESETS.map((p) => [p.id, p.config.layers] as const))('preset %s: the answers are receptiveField’s sizes', (_, layers) => {
    const source = receptiveQuizSource(layers, stackReceptiveField(layers));
    const expected = receptiveField(layers.map((l) => ({ kernelSize: l.kernel, stride: l.stride, padding: l.padding, dilation: l.dilation })));
    expect(answers(source, layers.length)).toEqual(expected.map((e) => e.size));
    // The working's sum is the same number the answer is.
    layers.forEach((_, i) => expect(source.questionFor(i)?.working.endsWith(`= ${expected[i]?.size}`)).toBe(true));
  });
});

describe('transposed questions', () => {
  it.each(TRANSPOSED_PRESETS.map((p) => [p.id, p.config] as const))(
    'preset %s, output order: the answers are conv_transpose2d’s output',
    (_, config) => {
      const views = transposedViews({ ...config, order: 'output' });
      const source = transposedQuizSource(views, 'output');
      const expected = convTranspose2d(views.input, views.weight, views.options);
      const got = answers(source, views.direct.length);
      expect(got).toHaveLength(expected.data.length);
      got.forEach((answer, i) => expect(answer).toBeCloseTo(expected.data[i] ?? NaN, 4));
    },
  );

  it('input order asks what the next stamp adds: input × kernel weight at the first output cell it reaches', () => {
    const config = TRANSPOSED_PRESETS[0]?.config;
    if (!config) throw new Error('no preset');
    const views = transposedViews({ ...config, order: 'input' });
    const source = transposedQuizSource(views, 'input');
    for (let step = 0; step < views.scatter.length; step++) {
      const frame = views.scatter.frame(step);
      const first = frame.contributions.find((c) => c.inside);
      const question = source.questionFor(step);
      if (!first) {
        expect(question).toBeNull();
        continue;
      }
      expect(question?.answer).toBe(frame.inputValue * first.weightValue);
      // What it adds is the change of that output cell between the frames before and after.
      const before = step === 0 ? 0 : (views.scatter.frame(step - 1).output.data[first.outY * views.plan.width.output + first.outX] ?? 0);
      const after = frame.output.data[first.outY * views.plan.width.output + first.outX] ?? 0;
      const addsUp = frame.contributions.filter((c) => c.inside && c.outY === first.outY && c.outX === first.outX).length === 1;
      if (addsUp) expect(after - before).toBeCloseTo(question?.answer ?? NaN, 5);
    }
  });
});
