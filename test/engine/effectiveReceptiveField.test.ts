// The effective receptive field: uniform-weight gradients sent back through conv and pooling layers, against forward passes and the tap enumerator.
import fc from 'fast-check';
import {
  avgPool2d,
  centreToEdge,
  conv2d,
  dependencyCone,
  effectiveReceptiveField,
  effectiveReceptiveFieldCost,
  layerStackGeometry,
  tapTables,
  tensor,
  windowTaps,
  type AxisGeometry,
  type StackLayer,
  type Tensor,
} from '../../src/engine/index.ts';
import { expectArrayClose } from '../helpers/tensorClose.ts';
import { int } from '../helpers/engineArbitraries.ts';

const conv = (kernel: number, stride = 1, padding = 0, dilation = 1): StackLayer => ({ kind: 'conv', kernel, stride, padding, dilation });

/** The stack's forward pass with uniform weights (conv: all 1/k²; avg pooling: itself), on a one-channel n×n input. */
function forward(input: Tensor, layers: readonly StackLayer[]): Tensor {
  return layers.reduce((x, layer) => {
    const { kernel, stride, padding, dilation } = layer;
    if (layer.kind === 'avg') return avgPool2d(x, { kernelSize: kernel, stride, padding });
    const weight = tensor(new Array(kernel * kernel).fill(1 / (kernel * kernel)), [1, 1, kernel, kernel]);
    return conv2d(x, weight, { stride, padding, dilation });
  }, input);
}

/** Row y of an n×n map as numbers. */
function row(map: Tensor, y: number): number[] {
  const n = map.shape[2] as number;
  return Array.from(map.data.slice(y * n, (y + 1) * n));
}

const linearLayerArb: fc.Arbitrary<StackLayer> = fc.oneof(
  fc.record({ kind: fc.constant('conv' as const), kernel: int(1, 4), stride: int(1, 2), padding: int(0, 2), dilation: int(1, 2) }),
  fc.record({ kind: fc.constant('avg' as const), kernel: int(1, 3), stride: int(1, 2), padding: int(0, 1), dilation: fc.constant(1) }),
);

describe('effective receptive field', () => {
  it('one 3×3 convolution: 1/9 on the 3×3 window of the unit, nothing elsewhere, summing to 1', () => {
    const erf = effectiveReceptiveField(5, [conv(3)], [1, 2]);
    expect(erf.map.shape).toEqual([1, 5, 5]);
    for (let y = 0; y < 5; y++) {
      expectArrayClose(
        row(erf.map, y),
        [0, 1, 2, 3, 4].map((x) => (y >= 1 && y <= 3 && x >= 2 && x <= 4 ? 1 / 9 : 0)),
      );
    }
    expect(erf.total).toBeCloseTo(1, 6);
  });

  it('two 3×3 convolutions: the outer product of (1, 2, 3, 2, 1)/9, so the centre counts 9× a corner', () => {
    const erf = effectiveReceptiveField(5, [conv(3), conv(3)], [0, 0]);
    const profile = [1, 2, 3, 2, 1].map((v) => v / 9);
    for (let y = 0; y < 5; y++)
      expectArrayClose(
        row(erf.map, y),
        profile.map((v) => v * (profile[y] as number)),
      );
    expect(erf.peak).toMatchObject({ y: 2, x: 2 });
    expect(erf.peak.value).toBeCloseTo(9 / 81, 6);
  });

  it('for conv and average-pooling stacks, equals the unit’s response to each one-hot input (the forward pass is linear)', () => {
    fc.assert(
      fc.property(int(2, 7), fc.array(linearLayerArb, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (n, layers, a, b) => {
        const { axes, issue } = layerStackGeometry(n, layers);
        fc.pre(issue === null);
        const out = (axes[axes.length - 1] as AxisGeometry).output;
        const unit: [number, number] = [a % out, b % out];
        const erf = effectiveReceptiveField(n, layers, unit);
        const response = Array.from({ length: n * n }, (_, i) => {
          const oneHot = new Array(n * n).fill(0);
          oneHot[i] = 1;
          return forward(tensor(oneHot, [1, n, n]), layers).data[unit[0] * out + unit[1]] as number;
        });
        expectArrayClose(Array.from(erf.map.data), response, 1e-5);
      }),
      { numRuns: 120 },
    );
  });

  it('is non-zero exactly on the real cells of the dependency cone, and sums to 1 when no layer pads', () => {
    const layerArb = fc.oneof(
      linearLayerArb,
      fc.record({ kind: fc.constant('max' as const), kernel: int(2, 3), stride: int(1, 2), padding: int(0, 1), dilation: int(1, 2) }),
    );
    fc.assert(
      fc.property(int(2, 16), fc.array(layerArb, { minLength: 1, maxLength: 4 }), fc.nat(), (n, layers, pick) => {
        const { axes, issue } = layerStackGeometry(n, layers);
        fc.pre(issue === null);
        const out = (axes[axes.length - 1] as AxisGeometry).output;
        const unit = pick % out;
        const erf = effectiveReceptiveField(n, layers, [unit, unit]);
        const bottom = dependencyCone(axes, axes.length - 1, unit)[0] as ReturnType<typeof dependencyCone>[number];
        const inCone = (i: number) => bottom.read[i - bottom.first] === true;
        for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) expect((erf.map.data[y * n + x] as number) > 0).toBe(inCone(y) && inCone(x));
        if (layers.every((l) => l.padding === 0)) expect(erf.total).toBeCloseTo(1, 5);
      }),
      { numRuns: 150 },
    );
  });

  it('max pooling spreads the gradient evenly over each window’s real cells (its expectation over random inputs), dilated or not', () => {
    for (const layer of [
      { kind: 'max', kernel: 3, stride: 2, padding: 1, dilation: 1 },
      { kind: 'max', kernel: 2, stride: 1, padding: 1, dilation: 3 },
    ] as StackLayer[]) {
      const n = 6;
      const { axes } = layerStackGeometry(n, [layer]);
      const axis = axes[0] as AxisGeometry;
      const tables = tapTables({ height: axis, width: axis });
      for (const unit of [
        [0, 0],
        [1, 2],
      ] as [number, number][]) {
        const expected = new Array(n * n).fill(0);
        const real = windowTaps(tables, unit[0], unit[1]).filter((tap) => !tap.inPadding);
        for (const tap of real) expected[tap.y * n + tap.x] += 1 / real.length;
        expectArrayClose(Array.from(effectiveReceptiveField(n, [layer], unit).map.data), expected);
      }
    }
  });

  it('a VGG-style block (3×3, 3×3, pool 2, 3×3, 3×3): the centre counts far more than the edge of the receptive field', () => {
    const layers: StackLayer[] = [
      conv(3, 1, 1),
      conv(3, 1, 1),
      { kind: 'max', kernel: 2, stride: 2, padding: 0, dilation: 1 },
      conv(3, 1, 1),
      conv(3, 1, 1),
    ];
    const erf = effectiveReceptiveField(32, layers, [8, 8]);
    // Receptive field 14 centred at 16.5: pixels 10 … 23 (centres 9.5 … 23.5, so pixel 9 is only half in and gets nothing).
    const span = { first: 10, last: 23 };
    const contrast = centreToEdge(erf, span, span);
    expect(contrast).toMatchObject({ y: 17, centreX: 17, edgeX: 10 });
    expect(contrast.centre).toBe(erf.peak.value);
    expect(contrast.edge).toBeGreaterThan(0);
    expect(contrast.ratio).toBeGreaterThan(20);
    expect(erf.map.data[17 * 32 + 9]).toBe(0);
  });

  it('an intermediate layer’s unit (depth) sends its gradient back through the layers below it only', () => {
    const layers = [conv(3), conv(3), conv(3)];
    expectArrayClose(
      Array.from(effectiveReceptiveField(9, layers, [2, 2], 1).map.data),
      Array.from(effectiveReceptiveField(9, [conv(3)], [2, 2]).map.data),
    );
  });

  it('refuses a stack that does not run, a unit outside the layer and a depth outside the stack, naming them', () => {
    expect(() => effectiveReceptiveField(2, [conv(3)], [0, 0])).toThrow(/effectiveReceptiveField: layer 1: kernel 3 is larger/);
    expect(() => effectiveReceptiveField(5, [conv(3)], [3, 0])).toThrow(/unit \(3, 0\) is outside layer 1's 3×3 output/);
    expect(() => effectiveReceptiveField(5, [conv(3)], [0, 0], 2)).toThrow(/depth 2 must be a layer of the stack, 1…1/);
  });

  it('its cost bound counts each layer’s output cells times its kernel cells', () => {
    expect(effectiveReceptiveFieldCost(8, [conv(3), conv(3)])).toBe(36 * 9 + 16 * 9);
    expect(effectiveReceptiveFieldCost(8, [conv(3), conv(3)], 1)).toBe(36 * 9);
  });
});
