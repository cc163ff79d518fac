// A stack of conv/pool layers: geometry per layer, receptive fields against brute-force propagation through the tap enumerator, parameters.
import fc from 'fast-check';
import {
  convOutputSizeGeneral,
  dependencyCone,
  layerStackGeometry,
  nearestUnit,
  poolOutputSize,
  receptiveSpan,
  sameFieldStacks,
  stackParameters,
  stackReceptiveField,
  strideProductFormula,
  tapTables,
  unitCentre,
  windowTaps,
  type AxisGeometry,
  type StackLayer,
} from '../../src/engine/index.ts';
import { int } from '../helpers/engineArbitraries.ts';

const conv = (kernel: number, stride = 1, padding = 0, dilation = 1): StackLayer => ({ kind: 'conv', kernel, stride, padding, dilation });
const maxPool = (kernel: number, stride = kernel, padding = 0, dilation = 1): StackLayer => ({ kind: 'max', kernel, stride, padding, dilation });

const layerArb: fc.Arbitrary<StackLayer> = fc.oneof(
  fc.record({ kind: fc.constant('conv' as const), kernel: int(1, 5), stride: int(1, 3), padding: int(0, 3), dilation: int(1, 3) }),
  fc.record({
    kind: fc.constantFrom('max' as const, 'avg' as const),
    kernel: int(1, 4),
    stride: int(1, 3),
    padding: int(0, 2),
    dilation: fc.constant(1),
  }),
  fc.record({ kind: fc.constant('max' as const), kernel: int(2, 3), stride: int(1, 2), padding: int(0, 1), dilation: int(1, 3) }),
);

/** A random stack that runs on a random input, with one unit of one layer chosen. */
const validStackArb = fc
  .record({ input: int(1, 40), layers: fc.array(layerArb, { minLength: 1, maxLength: 5 }), layerPick: fc.nat(), unitPick: fc.nat() })
  .filter(({ input, layers }) => layerStackGeometry(input, layers).issue === null)
  .map(({ input, layers, layerPick, unitPick }) => {
    const { axes } = layerStackGeometry(input, layers);
    const layer = layerPick % layers.length;
    const unit = unitPick % (axes[layer] as AxisGeometry).output;
    return { input, layers, axes, layer, unit };
  });

/**
 * The 2-D tap enumerator's answer to "which cells of each row does this unit read?", walking down the diagonal unit (u, u):
 * the columns of the taps of every window in the current set, padding columns kept but not followed further.
 */
function bruteForceCone(axes: readonly AxisGeometry[], layer: number, unit: number): Set<number>[] {
  const rows: Set<number>[] = [new Set([unit])];
  let current = [unit];
  for (let index = layer; index >= 0; index--) {
    const axis = axes[index] as AxisGeometry;
    const tables = tapTables({ height: axis, width: axis });
    const reached = new Set<number>();
    for (const o of current) for (const tap of windowTaps(tables, o, o)) reached.add(tap.x);
    rows.push(reached);
    current = [...reached].filter((x) => x >= 0 && x < axis.input);
  }
  return rows.reverse();
}

function readCoordinates(row: { first: number; read: readonly boolean[] }): Set<number> {
  const found = new Set<number>();
  row.read.forEach((read, i) => read && found.add(row.first + i));
  return found;
}

describe('layer stack geometry', () => {
  it('every layer’s output size is the engine’s conv/pool output-size formula, each layer reading the previous output', () => {
    const layers = [conv(11, 4, 2), maxPool(3, 2), conv(5, 1, 2), maxPool(3, 2), conv(3, 1, 1)];
    const { axes, issue } = layerStackGeometry(224, layers);
    expect(issue).toBeNull();
    expect(axes.map((a) => a.output)).toEqual([55, 27, 27, 13, 13]);
    expect(axes[0] && convOutputSizeGeneral(axes[0]).value).toBe(55);
    expect(poolOutputSize({ input: 55, kernel: 3, stride: 2, padding: 0, dilation: 1, ceilMode: false }).value).toBe(27);
    expect(axes.slice(1).map((a) => a.input)).toEqual(axes.slice(0, -1).map((a) => a.output));
  });

  it('a kernel larger than its padded input names the layer (1-based) and stops there', () => {
    const { axes, issue } = layerStackGeometry(8, [conv(3), conv(3, 2), conv(5)]);
    expect(axes).toHaveLength(2);
    expect(issue?.layer).toBe(2);
    expect(issue?.message).toMatch(/^layer 3: kernel 5 is larger than the padded input 2/);
  });

  it('average pooling has no dilation; pooling padding must be at most half the window; a max window entirely in padding is refused', () => {
    expect(layerStackGeometry(8, [{ kind: 'avg', kernel: 2, stride: 2, padding: 0, dilation: 2 }]).issue?.message).toMatch(/no dilation/);
    expect(layerStackGeometry(8, [maxPool(2, 2, 2)]).issue?.message).toMatch(/at most half the kernel size/);
    // Taps at −1 and 2 of a 2-cell input: both in the padding.
    expect(layerStackGeometry(2, [maxPool(2, 1, 1, 3)]).issue?.message).toMatch(/entirely in the padding/);
    expect(layerStackGeometry(3, [maxPool(2, 1, 1, 3)]).issue).toBeNull();
  });
});

describe('receptive field of a stack', () => {
  it('the notes: three 3×3 layers with strides 1, 2, 1 give 3, 5, 9', () => {
    expect(stackReceptiveField([conv(3, 1), conv(3, 2), conv(3, 1)]).map((e) => e.size)).toEqual([3, 5, 9]);
  });

  it('pooling counts like convolution, and padding and the layer’s own stride do not change its receptive field', () => {
    const base = stackReceptiveField([conv(3), conv(3, 2), conv(3)]);
    expect(stackReceptiveField([conv(3), maxPool(3, 2), conv(3)])).toEqual(base);
    const lastChanged = stackReceptiveField([conv(3), conv(3, 2), conv(3, 4, 2)]);
    expect(lastChanged.map((e) => e.size)).toEqual(base.map((e) => e.size));
  });

  it('dilation uses k′ = d(k − 1) + 1: rates 1, 2, 4, 8, 16 give 3, 7, 15, 31, 63', () => {
    expect(stackReceptiveField([1, 2, 4, 8, 16].map((d) => conv(3, 1, d, d))).map((e) => e.size)).toEqual([3, 7, 15, 31, 63]);
  });

  it('the formula equals brute-force propagation through the 2-D tap enumerator, for random stacks (padding cells lead no further)', () => {
    fc.assert(
      fc.property(validStackArb, ({ layers, axes, layer, unit }) => {
        const cone = dependencyCone(axes, layer, unit);
        const brute = bruteForceCone(axes, layer, unit);
        expect(cone).toHaveLength(layer + 2);
        cone.forEach((row, r) => expect(readCoordinates(row)).toEqual(brute[r]));
        // Every real input cell reached lies inside the formula's span; without padding, the span is exactly what is reached.
        const entry = stackReceptiveField(layers)[layer] as ReturnType<typeof stackReceptiveField>[number];
        const { first, last } = receptiveSpan(entry, unit);
        const reached = [...readCoordinates(cone[0] as (typeof cone)[number])];
        for (const x of reached) expect(x >= first && x <= last).toBe(true);
        if (layers.slice(0, layer + 1).every((l) => l.padding === 0)) {
          expect(Math.min(...reached)).toBe(first);
          expect(Math.max(...reached)).toBe(last);
          expect(last - first + 1).toBe(entry.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the cone’s top row is the unit itself and the padding cells it reads are marked', () => {
    const { axes } = layerStackGeometry(5, [conv(3, 1, 1), conv(3, 1, 1)]);
    const cone = dependencyCone(axes, 1, 0);
    expect(readCoordinates(cone[2] as (typeof cone)[number])).toEqual(new Set([0]));
    expect(readCoordinates(cone[1] as (typeof cone)[number])).toEqual(new Set([-1, 0, 1]));
    expect(readCoordinates(cone[0] as (typeof cone)[number])).toEqual(new Set([-1, 0, 1, 2]));
    expect(() => dependencyCone(axes, 1, 5)).toThrow(/unit 5 is outside 0…4/);
    expect(() => dependencyCone(axes, 2, 0)).toThrow(/layer 2 is not in a stack of 2 layers/);
  });

  it('unit centres, the span and the nearest unit follow start + j·jump', () => {
    const entry = { size: 9, jump: 2, start: 4 };
    expect(unitCentre(entry, 3)).toBe(10);
    expect(receptiveSpan(entry, 3)).toEqual({ first: 6, last: 14 });
    expect(nearestUnit(entry, 5, 10.4)).toBe(3);
    expect(nearestUnit(entry, 5, -50)).toBe(0);
    expect(nearestUnit(entry, 5, 500)).toBe(4);
  });
});

describe('formulas of a stack', () => {
  it('S(i) is the product of the earlier strides, written out (only those ≠ 1 when there are more than six)', () => {
    expect(strideProductFormula([])).toEqual({ value: 1, tex: '1' });
    expect(strideProductFormula([2])).toEqual({ value: 2, tex: '2' });
    expect(strideProductFormula([1, 2, 1])).toEqual({ value: 2, tex: '1\\cdot 2\\cdot 1 = 2' });
    // VGG-16 up to its last layer: thirteen 1s and four 2s; past six factors the 1s are left out.
    expect(strideProductFormula([1, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1])).toEqual({ value: 16, tex: '2\\cdot 2\\cdot 2\\cdot 2 = 16' });
    expect(strideProductFormula([1, 1, 1, 1, 1, 1, 1])).toEqual({ value: 1, tex: '1' });
  });

  it('VGG’s argument at C = 64: two 3×3 = 73 856 vs one 5×5 = 102 464; three 3×3 = 110 784 vs one 7×7 = 200 768 (biases included)', () => {
    expect(stackParameters([conv(3, 1, 1), conv(3, 1, 1)], 64)).toMatchObject({
      value: 73856,
      layers: 2,
      tex: '2\\times(3\\times 3\\times 64\\times 64 + 64) = 73856',
    });
    expect(stackParameters([conv(5, 1, 2)], 64).value).toBe(102464);
    expect(stackParameters([conv(3), conv(3), conv(3)], 64).value).toBe(110784);
    expect(stackParameters([conv(7)], 64).value).toBe(200768);
    expect(stackParameters([conv(3), maxPool(2), conv(5)], 64).tex).toBe(
      '(3\\times 3\\times 64\\times 64 + 64) + (5\\times 5\\times 64\\times 64 + 64) = 139392',
    );
    expect(stackParameters([maxPool(2)], 64)).toMatchObject({ value: 0, layers: 0 });
  });
});

describe('same receptive field, different stacks', () => {
  it('an odd field k is (k − 1)/2 stacked 3×3 layers or one k×k layer; both give k, and an even field has no such pair', () => {
    for (const size of [3, 5, 7, 11]) {
      const pair = sameFieldStacks(size);
      expect(pair?.small).toHaveLength((size - 1) / 2);
      expect(stackReceptiveField(pair?.small ?? []).at(-1)?.size).toBe(size);
      expect(stackReceptiveField(pair?.single ?? []).at(-1)?.size).toBe(size);
    }
    expect(sameFieldStacks(4)).toBeNull();
    expect(sameFieldStacks(1)).toBeNull();
  });
});
