// Golden tests: the engine against real PyTorch results stored in test/fixtures/ by scripts/make_fixtures.py.
import { readFileSync } from 'node:fs';
import {
  tensor,
  conv2d,
  convTranspose2d,
  maxPool2d,
  avgPool2d,
  maxPool2dBackward,
  avgPool2dBackward,
  adaptiveAvgPool2d,
  adaptiveMaxPool2d,
  conv3d,
} from '../../src/engine/index.ts';
import { expectTensorClose } from '../helpers/tensorClose.ts';

type Op =
  | 'conv2d'
  | 'convTranspose2d'
  | 'maxPool2d'
  | 'avgPool2d'
  | 'maxPool2dBackward'
  | 'avgPool2dBackward'
  | 'adaptiveAvgPool2d'
  | 'adaptiveMaxPool2d'
  | 'conv3d';

interface TensorJson {
  shape: number[];
  data: number[];
}

interface GoldenCase {
  name: string;
  op: Op;
  input: TensorJson;
  weight?: TensorJson;
  gradOutput?: TensorJson;
  options: Record<string, unknown>;
  expected?: TensorJson;
  error?: boolean;
  argument?: string;
}

interface Fixture {
  generator: string;
  torch: string;
  cases: GoldenCase[];
}

const FILES = [
  'conv2d.json',
  'conv2d_per_side.json',
  'conv_transpose2d.json',
  'max_pool2d.json',
  'avg_pool2d.json',
  'max_pool2d_backward.json',
  'avg_pool2d_backward.json',
  'adaptive_pool2d.json',
  'errors.json',
  'curriculum.json',
  'conv3d.json',
] as const;

function load(file: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as Fixture;
}

function toTensor(t: TensorJson | undefined, what: string) {
  if (!t) throw new Error(`fixture case lacks ${what}`);
  return tensor(t.data, t.shape);
}

type Pair = Parameters<typeof adaptiveAvgPool2d>[1];

/** Calls the engine operation a case describes. */
function run(c: GoldenCase) {
  const input = toTensor(c.input, 'input');
  const o: unknown = c.options; // option names are exactly the engine's (see the fixture generator)
  const outputSize = (c.options as { outputSize?: Pair }).outputSize as Pair;
  switch (c.op) {
    case 'conv2d':
      return conv2d(input, toTensor(c.weight, 'weight'), o as Parameters<typeof conv2d>[2]);
    case 'convTranspose2d':
      return convTranspose2d(input, toTensor(c.weight, 'weight'), o as Parameters<typeof convTranspose2d>[2]);
    case 'maxPool2d':
      return maxPool2d(input, o as Parameters<typeof maxPool2d>[1]);
    case 'avgPool2d':
      return avgPool2d(input, o as Parameters<typeof avgPool2d>[1]);
    case 'maxPool2dBackward':
      return maxPool2dBackward(toTensor(c.gradOutput, 'gradOutput'), input, o as Parameters<typeof maxPool2dBackward>[2]);
    case 'avgPool2dBackward':
      return avgPool2dBackward(toTensor(c.gradOutput, 'gradOutput'), input, o as Parameters<typeof avgPool2dBackward>[2]);
    case 'adaptiveAvgPool2d':
      return adaptiveAvgPool2d(input, outputSize);
    case 'adaptiveMaxPool2d':
      return adaptiveMaxPool2d(input, outputSize);
    case 'conv3d':
      return conv3d(input, toTensor(c.weight, 'weight'), o as Parameters<typeof conv3d>[2]);
    default:
      throw new Error(`unknown op in fixture: ${String((c as { op: unknown }).op)}`);
  }
}

for (const file of FILES) {
  const fixture = load(file);

  describe(`golden ${file} (PyTorch ${fixture.torch})`, () => {
    it('has cases', () => {
      expect(fixture.cases.length).toBeGreaterThan(0);
    });

    for (const c of fixture.cases) {
      if (c.error) {
        it(c.name, () => {
          expect(() => run(c)).toThrow(Error);
          expect(() => run(c)).toThrow(new RegExp(c.argument ?? '.', 'i'));
        });
      } else {
        it(c.name, () => {
          const expected = c.expected;
          if (!expected) throw new Error('fixture case lacks expected');
          expectTensorClose(run(c), expected);
        });
      }
    }
  });
}
