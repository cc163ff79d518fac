// Quiz questions read off the very traces the stages play: convolution, pooling, receptive field and transposed steps.

import {
  clampStep,
  effectiveKernel,
  poolOutputSize,
  poolTerms,
  receptiveFieldStep,
  stampsLandingOn,
  INPUT_RECEPTIVE_FIELD,
  type AxisGeometry,
  type ConvTrace,
  type PoolTrace,
  type ReceptiveFieldEntry,
  type StackLayer,
} from '../engine/index.ts';
import { formatFactor, formatNumber, subscript } from '../ui/formatNumber.ts';
import type { TransposedViews } from '../panels/transposed/transposedTraces.ts';
import type { SizeQuestion, ValueQuestion } from './quizModel.ts';

/** What a step player can ask: the question that moving to a step reveals, and an output-size question asked first. */
export interface QuizSource {
  /** The question whose answer step `step` shows (null when that step has nothing to predict). */
  questionFor(step: number): ValueQuestion | null;
  /** Asked before the first value, at step 0 (null when the view has no size to predict). */
  size: SizeQuestion | null;
}

/** "a×b + c×d + … = v", the products exactly as the narration writes them. */
function productSum(products: readonly { a: number; b: number }[], bias: number, value: number): string {
  const terms = products.map(({ a, b }) => `${formatFactor(a)}×${formatFactor(b)}`);
  if (bias !== 0) terms.push(formatFactor(bias));
  return `${terms.length > 0 ? terms.join(' + ') : '0'} = ${formatNumber(value)}`;
}

/** One axis of a convolution's output size: "⌊(8 + 1 + 1 − 3) / 2⌋ + 1 = 4", with k′ spelled out when dilated. */
function convAxisWorking(name: string, axis: AxisGeometry): string {
  const dilated = axis.dilation > 1 ? ` (k′ = ${axis.dilation}·(${axis.kernel} − 1) + 1 = ${axis.effectiveKernel})` : '';
  return `${name} = ⌊(${axis.input} + ${axis.padBefore} + ${axis.padAfter} − ${axis.effectiveKernel}) / ${axis.stride}⌋ + 1 = ${axis.output}${dilated}`;
}

function sizeQuestion(id: string, height: AxisGeometry, width: AxisGeometry, working: string): SizeQuestion {
  return {
    id: `${id}:size:${height.input}x${width.input}:${height.output}x${width.output}`,
    kind: 'size',
    prompt: { key: 'prompt.size' },
    answer: [height.output, width.output],
    working,
  };
}

/** Convolution stages (Basics, Padding, Stride, Dilation, the transposed direct view): each next output value, and the output size. */
export function convQuizSource(trace: ConvTrace): QuizSource {
  const { height, width } = trace.plan.geometry;
  return {
    questionFor(step) {
      if (step < 0 || step >= trace.length) return null;
      const frame = trace.frame(step);
      const channel = frame.outChannel > 0;
      return {
        id: `conv:${step}:${frame.outChannel},${frame.outY},${frame.outX}:${frame.value}`,
        kind: 'value',
        prompt: {
          key: channel ? 'prompt.outputChannel' : 'prompt.output',
          params: { row: frame.outY, col: frame.outX, channel: frame.outChannel },
        },
        answer: frame.value,
        working: productSum(
          frame.taps.map((tap) => ({ a: tap.inputValue, b: tap.weightValue })),
          frame.bias,
          frame.value,
        ),
      };
    },
    size: sizeQuestion('conv', height, width, `${convAxisWorking('h', height)}; ${convAxisWorking('w', width)}`),
  };
}

/** One axis of a pooling's output size, floor or ceil mode, with the dropped last window when ceil mode drops one. */
function poolAxisWorking(name: string, axis: AxisGeometry, ceilMode: boolean): string {
  const size = poolOutputSize({
    input: axis.input,
    kernel: axis.kernel,
    stride: axis.stride,
    padding: axis.padBefore,
    dilation: axis.dilation,
    ceilMode,
  });
  const span = `(${axis.input} + 2·${axis.padBefore} − ${axis.dilation}·(${axis.kernel} − 1) − 1) / ${axis.stride}`;
  const rounded = ceilMode ? `⌈${span}⌉` : `⌊${span}⌋`;
  return `${name} = ${rounded} + 1${size.dropped ? ' − 1' : ''} = ${axis.output}`;
}

/** Pooling (forward): each next pooled value, and the output size. */
export function poolQuizSource(trace: PoolTrace): QuizSource {
  const { plan } = trace;
  const { height, width } = plan.geometry;
  return {
    questionFor(step) {
      if (step < 0 || step >= trace.length) return null;
      const frame = trace.frame(step);
      const terms = poolTerms(trace.kind, plan, frame).map((term) => (term.value === -Infinity ? '−∞' : formatNumber(term.value)));
      const working =
        trace.kind === 'max'
          ? `max(${terms.join(', ')}) = ${formatNumber(frame.value)}`
          : `(${terms.length > 0 ? terms.join(' + ') : '0'}) ÷ ${frame.divisor} = ${formatNumber(frame.value)}`;
      const channel = plan.channels > 1;
      return {
        id: `pool:${trace.kind}:${step}:${frame.channel},${frame.outY},${frame.outX}:${frame.value}`,
        kind: 'value',
        prompt: { key: channel ? 'prompt.pooledChannel' : 'prompt.pooled', params: { row: frame.outY, col: frame.outX, channel: frame.channel } },
        answer: frame.value,
        working,
      };
    },
    size: sizeQuestion(
      `pool:${trace.kind}`,
      height,
      width,
      `${poolAxisWorking('h', height, plan.ceilMode)}; ${poolAxisWorking('w', width, plan.ceilMode)}`,
    ),
  };
}

/** Receptive field: step n shows layer n + 1, so moving to step n asks that layer's receptive-field size. */
export function receptiveQuizSource(layers: readonly StackLayer[], fields: readonly ReceptiveFieldEntry[]): QuizSource {
  return {
    questionFor(step) {
      const layer = layers[step];
      const field = fields[step];
      if (!layer || !field) return null;
      const previous = step === 0 ? INPUT_RECEPTIVE_FIELD : (fields[step - 1] as ReceptiveFieldEntry);
      const rule = receptiveFieldStep(previous.size, layer.kernel, layer.dilation, previous.jump);
      const kPrime = effectiveKernel(layer.kernel, layer.dilation);
      return {
        id: `receptive:${step}:${layer.kind},${layer.kernel},${layer.stride},${layer.dilation}:${previous.size},${previous.jump}:${field.size}`,
        kind: 'value',
        prompt: {
          key: 'prompt.receptive',
          params: { layer: step + 1, k: layer.kernel, s: layer.stride },
          wordParams: { kind: `kind.${layer.kind}` },
        },
        answer: field.size,
        working: `RF${subscript(step + 1)} = ${formatNumber(previous.size)} + (${kPrime} − 1)·${formatNumber(previous.jump)} = ${formatNumber(rule.value)}`,
      };
    },
    size: null,
  };
}

/**
 * Transposed convolution in its step order. Output order: each output cell's value (the direct view's frame), worked
 * out as the stamps that land on it. Input order: what the next input cell's stamp adds to the first output cell it reaches.
 */
export function transposedQuizSource(views: TransposedViews, order: 'input' | 'output'): QuizSource {
  const { plan, input, weight, direct, scatter } = views;
  if (order === 'output') {
    return {
      questionFor(step) {
        if (step < 0 || step >= direct.length) return null;
        const frame = direct.frame(step);
        const terms = stampsLandingOn(plan, input, weight, frame.outY, frame.outX);
        return {
          id: `transposed:out:${step}:${frame.outY},${frame.outX}:${frame.value}`,
          kind: 'value',
          prompt: { key: 'prompt.transposedOutput', params: { row: frame.outY, col: frame.outX } },
          answer: frame.value,
          working: productSum(
            terms.map((term) => ({ a: term.inputValue, b: term.weightValue })),
            0,
            frame.value,
          ),
        };
      },
      size: null,
    };
  }
  return {
    questionFor(step) {
      if (step < 0 || step >= scatter.length) return null;
      const frame = scatter.frame(clampStep(step, scatter.length));
      const target = frame.contributions.find((c) => c.inside);
      if (!target) return null;
      return {
        id: `transposed:in:${step}:${target.outY},${target.outX}:${target.product}`,
        kind: 'value',
        prompt: {
          key: 'prompt.scatter',
          params: { row: frame.inY, col: frame.inX, value: formatNumber(frame.inputValue), outY: target.outY, outX: target.outX },
        },
        answer: target.product,
        working: `${formatFactor(frame.inputValue)}×${formatFactor(target.weightValue)} = ${formatNumber(target.product)}`,
      };
    },
    size: null,
  };
}
