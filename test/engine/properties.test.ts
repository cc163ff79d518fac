// Properties over random configurations: output shapes, shifts, the conv/transposed-conv adjoint, flip, receptive fields.
import fc from 'fast-check';
import {
  avgPool2d,
  conv2d,
  convAxis,
  convOutputSizeGeneral,
  convTranspose2d,
  maxPool2d,
  planConv2d,
  poolOutputSize,
  receptiveField,
  samePadding,
  tapCoordinate,
  tensor,
  type ReceptiveFieldLayer,
  type Tensor,
} from '../../src/engine/index.ts';
import { expectArrayClose, expectTensorClose } from '../helpers/tensorClose.ts';
import {
  avgPoolCaseArb,
  conv2dCaseArb,
  dot,
  everyWindowHasARealCell,
  int,
  maxPoolCaseArb,
  pytorchPoolOutput,
  tensorArb,
  valuesArb,
} from '../helpers/engineArbitraries.ts';

describe('conv2d output shape', () => {
  it('always equals [C_out, convOutputSizeGeneral(height), convOutputSizeGeneral(width)] for random valid configurations', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const [, inH, inW] = input.shape as [number, number, number];
        const [outChannels, , kH, kW] = weight.shape as [number, number, number, number];
        const stride = typeof options.stride === 'number' ? [options.stride, options.stride] : (options.stride ?? [1, 1]);
        const dilation = typeof options.dilation === 'number' ? [options.dilation, options.dilation] : (options.dilation ?? [1, 1]);
        let padH: readonly [number, number];
        let padW: readonly [number, number];
        if (options.padding === 'same') {
          padH = samePadding(kH, dilation[0] as number);
          padW = samePadding(kW, dilation[1] as number);
        } else if (options.padding === 'valid' || options.padding === undefined) {
          padH = [0, 0];
          padW = [0, 0];
        } else {
          const p = typeof options.padding === 'number' ? [options.padding, options.padding] : options.padding;
          padH = [p[0] as number, p[0] as number];
          padW = [p[1] as number, p[1] as number];
        }
        const height = convOutputSizeGeneral({ input: inH, kernel: kH, stride: stride[0] as number, padBefore: padH[0], padAfter: padH[1], dilation: dilation[0] as number });
        const width = convOutputSizeGeneral({ input: inW, kernel: kW, stride: stride[1] as number, padBefore: padW[0], padAfter: padW[1], dilation: dilation[1] as number });
        expect(conv2d(input, weight, options).shape).toEqual([outChannels, height.value, width.value]);
        if (options.padding === 'same') expect([height.value, width.value]).toEqual([inH, inW]);
      }),
    );
  });

  it('the plan’s geometry record gives the same sizes as the formula module', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const { geometry, outputShape } = planConv2d(input.shape, weight.shape, options);
        expect(convOutputSizeGeneral(geometry.height).value).toBe(outputShape[1]);
        expect(convOutputSizeGeneral(geometry.width).value).toBe(outputShape[2]);
      }),
    );
  });
});

describe('conv2d by construction', () => {
  it('a one-hot kernel (a single 1 at (a, b)) shifts the input: out[y][x] = in[y·s − p + a·d][x·s − p + b·d]', () => {
    const arb = fc
      .record({
        kH: int(1, 3), kW: int(1, 3), s: fc.tuple(int(1, 2), int(1, 2)), p: fc.tuple(int(0, 2), int(0, 2)), d: fc.tuple(int(1, 2), int(1, 2)),
        extra: fc.tuple(int(0, 3), int(0, 3)), a: fc.nat(), b: fc.nat(),
      })
      .chain((r) => {
        const inH = Math.max(1, r.d[0] * (r.kH - 1) + 1 - 2 * r.p[0]) + r.extra[0];
        const inW = Math.max(1, r.d[1] * (r.kW - 1) + 1 - 2 * r.p[1]) + r.extra[1];
        return tensorArb([1, inH, inW]).map((x) => ({ ...r, x, a: r.a % r.kH, b: r.b % r.kW }));
      });
    fc.assert(
      fc.property(arb, ({ x, kH, kW, s, p, d, a, b }) => {
        const kernel = new Array(kH * kW).fill(0);
        kernel[a * kW + b] = 1;
        const out = conv2d(x, tensor(kernel, [1, 1, kH, kW]), { stride: s, padding: p, dilation: d });
        const [, inH, inW] = x.shape as [number, number, number];
        const [, outH, outW] = out.shape as [number, number, number];
        const expected: number[] = [];
        for (let y = 0; y < outH; y++) {
          for (let xx = 0; xx < outW; xx++) {
            const iy = y * s[0] - p[0] + a * d[0];
            const ix = xx * s[1] - p[1] + b * d[1];
            expected.push(iy >= 0 && iy < inH && ix >= 0 && ix < inW ? (x.data[iy * inW + ix] as number) : 0);
          }
        }
        expect(Array.from(out.data)).toEqual(expected);
      }),
    );
  });

  it('flip=true equals cross-correlation with the kernel rotated 180° by hand', () => {
    fc.assert(
      fc.property(conv2dCaseArb({ flip: false }), ({ input, weight, options }) => {
        const [co, ci, kH, kW] = weight.shape as [number, number, number, number];
        const rotated = new Float32Array(weight.data.length);
        for (let o = 0; o < co * ci; o++) {
          for (let y = 0; y < kH; y++) {
            for (let x = 0; x < kW; x++) rotated[(o * kH + y) * kW + x] = weight.data[(o * kH + (kH - 1 - y)) * kW + (kW - 1 - x)] as number;
          }
        }
        expectTensorClose(conv2d(input, weight, { ...options, flip: true }), conv2d(input, tensor(rotated, weight.shape), options));
      }),
    );
  });

  it('true convolution commutes: full x ∗ k = full k ∗ x', () => {
    const arb = fc
      .record({ xh: int(1, 4), xw: int(1, 4), kh: int(1, 3), kw: int(1, 3) })
      .chain((s) => fc.tuple(tensorArb([1, s.xh, s.xw]), tensorArb([1, 1, s.kh, s.kw])));
    fc.assert(
      fc.property(arb, ([x, k]) => {
        const [, xh, xw] = x.shape as [number, number, number];
        const [, , kh, kw] = k.shape as [number, number, number, number];
        const xAsKernel = tensor(x.data, [1, 1, xh, xw]);
        const kAsInput = tensor(k.data, [1, kh, kw]);
        const xk = conv2d(x, k, { flip: true, padding: [kh - 1, kw - 1] });
        const kx = conv2d(kAsInput, xAsKernel, { flip: true, padding: [xh - 1, xw - 1] });
        expect(xk.shape).toEqual([1, xh + kh - 1, xw + kw - 1]);
        expectTensorClose(kx, xk);
      }),
    );
  });

  it('a 1×1 convolution is a fully connected layer at every pixel: 3 channels → 2 channels is a matrix product', () => {
    const arb = fc.record({ h: int(1, 4), w: int(1, 4) }).chain((s) => fc.tuple(tensorArb([3, s.h, s.w]), tensorArb([2, 3, 1, 1]), valuesArb(2)));
    fc.assert(
      fc.property(arb, ([x, w, bias]) => {
        const out = conv2d(x, w, { bias });
        const [, h, wd] = x.shape as [number, number, number];
        for (let pixel = 0; pixel < h * wd; pixel++) {
          for (let o = 0; o < 2; o++) {
            let sum = bias[o] as number;
            for (let c = 0; c < 3; c++) sum += (w.data[o * 3 + c] as number) * (x.data[c * h * wd + pixel] as number);
            expect(out.data[o * h * wd + pixel]).toBeCloseTo(sum, 5);
          }
        }
      }),
    );
  });
});

describe('conv2d and convTranspose2d are adjoint', () => {
  it('⟨conv2d(x, w), y⟩ = ⟨x, convTranspose2d(y, w)⟩ with the same stride, padding, dilation and groups', () => {
    const arb = conv2dCaseArb({ modes: ['zeros'], namedPadding: false, flip: false, bias: false }).chain((c) =>
      tensorArb(planConv2d(c.input.shape, c.weight.shape, c.options).outputShape).map((y) => ({ ...c, y })),
    );
    fc.assert(
      fc.property(arb, ({ input: x, weight: w, options, y }) => {
        const { geometry } = planConv2d(x.shape, w.shape, options);
        // Choose outputPadding so the transposed output has x's size again (it is the remainder of the floor, < stride).
        const outputPadding = [geometry.height, geometry.width].map(
          (a) => a.input + a.padBefore + a.padAfter - a.effectiveKernel - (a.output - 1) * a.stride,
        ) as [number, number];
        const back = convTranspose2d(y, w, {
          stride: options.stride,
          padding: options.padding as number | readonly [number, number],
          dilation: options.dilation,
          groups: options.groups,
          outputPadding,
        });
        expect(back.shape).toEqual(x.shape);
        const left = dot(conv2d(x, w, options).data, y.data);
        const right = dot(x.data, back.data);
        expect(Math.abs(left - right)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(left)));
      }),
    );
  });
});

/** Brute force: the input coordinates output unit j of the last layer reads, walking back through every layer's taps. */
function reachable(layers: readonly Required<ReceptiveFieldLayer>[], j: number): { min: number; max: number } {
  let coordinates = new Set<number>([j]);
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l] as Required<ReceptiveFieldLayer>;
    // Any input large enough for the windows to fit: tap coordinates do not depend on it.
    const axis = convAxis('receptiveField', {
      axis: 'width', input: 10_000, kernel: layer.kernelSize, stride: layer.stride, dilation: layer.dilation,
      padBefore: layer.padding, padAfter: layer.padding,
    });
    const next = new Set<number>();
    for (const o of coordinates) for (let k = 0; k < layer.kernelSize; k++) next.add(tapCoordinate(axis, o, k));
    coordinates = next;
  }
  return { min: Math.min(...coordinates), max: Math.max(...coordinates) };
}

describe('receptive field', () => {
  it('the formula equals brute-force propagation through the tap coordinates (o·s − p + k·d), for random stacks', () => {
    const layerArb = fc.record({ kernelSize: int(1, 4), stride: int(1, 3), padding: int(0, 2), dilation: int(1, 3) });
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 5 }), int(0, 3), (layers, j) => {
        const entries = receptiveField(layers);
        expect(entries).toHaveLength(layers.length);
        for (let i = 0; i < layers.length; i++) {
          const { min, max } = reachable(layers.slice(0, i + 1), j);
          const entry = entries[i] as (typeof entries)[number];
          expect(entry.size).toBe(max - min + 1);
          expect(entry.start + j * entry.jump).toBe((min + max) / 2);
          expect(entry.jump).toBe(layers.slice(0, i + 1).reduce((acc, l) => acc * l.stride, 1));
        }
      }),
    );
  });

  it('3 layers k=3 with strides 1, 2, 1 → 3, 5, 9', () => {
    expect(receptiveField([{ kernelSize: 3 }, { kernelSize: 3, stride: 2 }, { kernelSize: 3 }]).map((e) => e.size)).toEqual([3, 5, 9]);
  });

  it('two 3×3 layers see 5×5 and three see 7×7 (VGG); a 3×3 at dilation 2 sees 5×5', () => {
    expect(receptiveField([{ kernelSize: 3 }, { kernelSize: 3 }]).at(-1)?.size).toBe(5);
    expect(receptiveField([{ kernelSize: 3 }, { kernelSize: 3 }, { kernelSize: 3 }]).at(-1)?.size).toBe(7);
    expect(receptiveField([{ kernelSize: 3, dilation: 2 }])[0]?.size).toBe(5);
  });

  it('padding moves the centre but not the size; this layer’s stride changes only the jump', () => {
    const plain = receptiveField([{ kernelSize: 3 }])[0];
    const padded = receptiveField([{ kernelSize: 3, padding: 1 }])[0];
    const strided = receptiveField([{ kernelSize: 3, stride: 2 }])[0];
    expect(plain).toEqual({ size: 3, jump: 1, start: 1 });
    expect(padded).toEqual({ size: 3, jump: 1, start: 0 });
    expect(strided).toEqual({ size: 3, jump: 2, start: 1 });
  });
});

describe('pooling output shape', () => {
  it('maxPool2d’s shape equals poolOutputSize per axis, in ceil mode and in floor mode', () => {
    fc.assert(
      fc.property(
        maxPoolCaseArb().filter(({ options, h, w }) => {
          // Windows entirely in the padding make maxPool2d throw (see traces.test.ts); the shape rule is about the others.
          const ceilMode = options.ceilMode ?? false;
          return everyWindowHasARealCell(h, pytorchPoolOutput(h, ceilMode)) && everyWindowHasARealCell(w, pytorchPoolOutput(w, ceilMode));
        }),
        ({ input, options, h, w }) => {
          const ceilMode = options.ceilMode ?? false;
          const shape = [input.shape[0], poolOutputSize({ ...h, ceilMode }).value, poolOutputSize({ ...w, ceilMode }).value];
          expect(maxPool2d(input, options).shape).toEqual(shape);
        },
      ),
    );
  });

  it('avgPool2d’s shape equals poolOutputSize per axis, in ceil mode and in floor mode', () => {
    fc.assert(
      fc.property(avgPoolCaseArb(), ({ input, options, h, w }) => {
        const ceilMode = options.ceilMode ?? false;
        const shape = [input.shape[0], poolOutputSize({ ...h, ceilMode }).value, poolOutputSize({ ...w, ceilMode }).value];
        expect(avgPool2d(input, options).shape).toEqual(shape);
      }),
    );
  });

  it('ceil mode never gives fewer outputs than floor mode, and at most one more', () => {
    fc.assert(
      fc.property(avgPoolCaseArb(), ({ h, w }) => {
        // Only where floor mode has an output at all (ceil mode also accepts a window overhanging a small input).
        for (const a of [h, w].filter((axis) => pytorchPoolOutput(axis, false) >= 1)) {
          const floor = poolOutputSize({ ...a, ceilMode: false }).value;
          const ceil = poolOutputSize({ ...a, ceilMode: true }).value;
          expect(ceil - floor).toBeGreaterThanOrEqual(0);
          expect(ceil - floor).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('translation equivariance', () => {
  it('shifting the input right by one column shifts a valid convolution’s output right by one column', () => {
    const arb = fc.record({ h: int(2, 4), w: int(3, 5), k: int(1, 2) }).chain((s) => fc.tuple(tensorArb([1, s.h, s.w]), tensorArb([1, 1, s.k, s.k])));
    fc.assert(
      fc.property(arb, ([x, k]: [Tensor, Tensor]) => {
        const [, h, w] = x.shape as [number, number, number];
        const shifted = new Float32Array(h * (w + 1));
        for (let y = 0; y < h; y++) for (let c = 0; c < w; c++) shifted[y * (w + 1) + c + 1] = x.data[y * w + c] as number;
        const out = conv2d(x, k);
        const outShifted = conv2d(tensor(shifted, [1, h, w + 1]), k);
        const [, oh, ow] = out.shape as [number, number, number];
        const tail: number[] = [];
        for (let y = 0; y < oh; y++) for (let c = 0; c < ow; c++) tail.push(outShifted.data[y * (ow + 1) + c + 1] as number);
        expectArrayClose(tail, out.data);
      }),
    );
  });
});
