// Channels: per-channel partial maps sum to conv2d, the 1×1 convolution is a matrix product, group wiring, and the cost formulas.
import fc from 'fast-check';
import {
  channelOf,
  channelPartials,
  channelSumTex,
  WRITTEN_OUT_CHANNEL_PRODUCTS,
  conv2d,
  convCost,
  denseLayerFormula,
  groupLinks,
  kernelSlice,
  maxAbsDifference,
  multiplyAddsFormula,
  pointwiseAsMatrix,
  ratioFormula,
  separableFormulas,
  tensor,
  validGroups,
} from '../../src/engine/index.ts';
import { expectArrayClose, expectTensorClose } from '../helpers/tensorClose.ts';
import { conv2dCaseArb, int, tensorArb } from '../helpers/engineArbitraries.ts';

const X2 = tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9], [2, 3, 3]);
const K2 = [0, 1, 2, 3, 1, 2, 3, 4];

describe('channelPartials', () => {
  it('notes 001 §3.1: channel 0 gives 19, 25, 37, 43, channel 1 gives 37, 47, 67, 77; their sum is 56, 72, 104, 120', () => {
    const { partials, output } = channelPartials(X2, tensor(K2, [1, 2, 2, 2]));
    expect(partials).toHaveLength(1);
    expect(Array.from(partials[0]?.[0]?.map.data ?? [])).toEqual([19, 25, 37, 43]);
    expect(Array.from(partials[0]?.[1]?.map.data ?? [])).toEqual([37, 47, 67, 77]);
    expect(Array.from(output.data)).toEqual([56, 72, 104, 120]);
  });

  it('notes 001 §3.2: three output channels from K, K + 1, K + 2', () => {
    const weight = tensor([...K2, ...K2.map((v) => v + 1), ...K2.map((v) => v + 2)], [3, 2, 2, 2]);
    const { partials, output } = channelPartials(X2, weight);
    expect(partials.map((row) => row.map((p) => p.inChannel))).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(Array.from(output.data)).toEqual([56, 72, 104, 120, 76, 100, 148, 172, 96, 128, 192, 224]);
  });

  it('Σ partials + bias = conv2d for random configurations (groups, padding modes, stride, dilation, flip)', () => {
    fc.assert(
      fc.property(conv2dCaseArb(), ({ input, weight, options }) => {
        const { partials, output, plan } = channelPartials(input, weight, options);
        expectTensorClose(output, conv2d(input, weight, options));
        const plane = plan.geometry.height.output * plan.geometry.width.output;
        for (let o = 0; o < plan.outChannels; o++) {
          const row = partials[o] ?? [];
          expect(row).toHaveLength(plan.inPerGroup);
          const sum = new Float32Array(plane).fill(plan.bias ? (plan.bias[o] as number) : 0);
          for (const part of row) part.map.data.forEach((v, i) => (sum[i] = (sum[i] as number) + v));
          expectArrayClose(sum, output.data.subarray(o * plane, (o + 1) * plane));
        }
      }),
    );
  });

  it('under groups, output channel o reads only its group’s input channels', () => {
    const input = tensor(
      Array.from({ length: 4 * 9 }, (_, i) => i % 5),
      [4, 3, 3],
    );
    const { partials } = channelPartials(input, tensor(new Array<number>(6 * 2 * 4).fill(1), [6, 2, 2, 2]), { groups: 2 });
    expect(partials.map((row) => row.map((p) => p.inChannel))).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
  });

  it('slices name the channel when it is out of range', () => {
    expect(() => channelOf(X2, 2)).toThrow(/channel 2 is outside 0…1/);
    expect(() => kernelSlice(tensor(K2, [1, 2, 2, 2]), 0, 2)).toThrow(/input slice 2 is outside 0…1/);
    expect(Array.from(kernelSlice(tensor(K2, [1, 2, 2, 2]), 0, 1).data)).toEqual([1, 2, 3, 4]);
  });
});

describe('the 1×1 convolution as a matrix product', () => {
  it('notes 001 §3.3: 3 input channels → 2 output channels, W·X equals conv2d with a 1×1 kernel', () => {
    const x = tensor(
      Array.from({ length: 27 }, (_, i) => (i * 5) % 7),
      [3, 3, 3],
    );
    const w = tensor([1, 0, -1, 2, 1, 0], [2, 3, 1, 1]);
    const viaMatrix = pointwiseAsMatrix(x, w);
    expect(viaMatrix.matrix.shape).toEqual([2, 3]);
    expect(viaMatrix.columns.shape).toEqual([3, 9]);
    expect(viaMatrix.product.shape).toEqual([2, 9]);
    expect(maxAbsDifference(viaMatrix.output, conv2d(x, w))).toBe(0);
  });

  it('equals conv2d 1×1 (with bias) for random shapes', () => {
    fc.assert(
      fc.property(
        int(1, 4).chain((cin) =>
          int(1, 4).chain((cout) =>
            fc.tuple(tensorArb([cin, 3, 4]), tensorArb([cout, cin, 1, 1]), fc.array(int(-3, 3), { minLength: cout, maxLength: cout })),
          ),
        ),
        ([x, w, bias]) => {
          expectTensorClose(pointwiseAsMatrix(x, w, bias).output, conv2d(x, w, { bias }));
        },
      ),
    );
  });

  it('rejects a kernel that is not 1×1 and shapes that differ', () => {
    expect(() => pointwiseAsMatrix(X2, tensor(K2, [1, 2, 2, 2]))).toThrow(/must be 1×1/);
    expect(() => maxAbsDifference(X2, tensor([1], [1, 1, 1]))).toThrow(/shapes \[2, 3, 3\] and \[1, 1, 1\] differ/);
  });
});

describe('groups', () => {
  it('the allowed groups are the common divisors of c_in and c_out', () => {
    expect(validGroups(4, 4)).toEqual([1, 2, 4]);
    expect(validGroups(4, 6)).toEqual([1, 2]);
    expect(validGroups(6, 3)).toEqual([1, 3]);
    expect(validGroups(8, 8)).toEqual([1, 2, 4, 8]);
  });

  it('groups = 1 links every input to every output; groups = c_in = c_out links input i to output i only (depthwise)', () => {
    expect(groupLinks(3, 2, 1)).toHaveLength(6);
    expect(groupLinks(3, 3, 3).map((l) => [l.inChannel, l.outChannel])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('each output channel has c_in/g links, all inside its group; the layer has c_in·c_out/g links', () => {
    fc.assert(
      fc.property(int(1, 8), int(1, 8), (cin, cout) => {
        for (const g of validGroups(cin, cout)) {
          const links = groupLinks(cin, cout, g);
          expect(links).toHaveLength((cin * cout) / g);
          for (const link of links) {
            expect(Math.floor(link.inChannel / (cin / g))).toBe(link.group);
            expect(Math.floor(link.outChannel / (cout / g))).toBe(link.group);
          }
        }
      }),
    );
  });

  it('groups that do not divide both channel counts are an error', () => {
    expect(() => groupLinks(4, 6, 4)).toThrow(/groups 4 must divide both/);
  });
});

describe('cost formulas', () => {
  it('multiply-adds: 3×3×16×32×32×32 for 16 → 32 channels on a 32×32 output, equal to convCost', () => {
    const layer = { inChannels: 16, outChannels: 32, kernelH: 3, kernelW: 3, outH: 32, outW: 32 };
    const formula = multiplyAddsFormula(layer);
    expect(formula.value).toBe(convCost(layer).multiplyAdds);
    expect(formula.tex).toBe('3\\times 3\\times 16\\times 32\\times 32\\times 32 = 4718592');
    expect(multiplyAddsFormula({ ...layer, groups: 4 }).tex).toBe('3\\times 3\\times (16/4)\\times 32\\times 32\\times 32 = 1179648');
  });

  it('a dense layer on the notes’ 2×3×3 input to a 1×2×2 output: 18 × 4 + 4 = 76 parameters', () => {
    expect(denseLayerFormula([2, 3, 3], [1, 2, 2])).toEqual({
      value: 76,
      tex: '(2\\times 3\\times 3)\\times (1\\times 2\\times 2) + (1\\times 2\\times 2) = 76',
    });
    expect(denseLayerFormula([9], [4], false)).toEqual({ value: 36, tex: '9\\times 4 = 36' });
  });

  it('notes 003: 16 → 32 channels, 3×3, no bias: 3×3×16 + 1×1×16×32 = 656 vs 4608', () => {
    const s = separableFormulas({ inChannels: 16, outChannels: 32, kernelH: 3, kernelW: 3, outH: 8, outW: 8, bias: false });
    expect(s.parameters).toEqual({ value: 656, tex: '3\\times 3\\times 16 + 1\\times 1\\times 16\\times 32 = 656' });
    expect(s.standard.parameters).toBe(4608);
    expect(s.depthwise.parameters).toBe(144);
    expect(s.pointwise.parameters).toBe(512);
    expect(s.ratio.tex).toBe('\\frac{656}{4608} = \\frac{1}{32} + \\frac{1}{9} \\approx 0.142');
    expect(s.multiplyAdds.value).toBe(656 * 64);
  });

  it('notes 004: 3 → 4 channels, 3×3, no bias: 27 + 12 = 39 vs 3×3×3×4 = 108', () => {
    const s = separableFormulas({ inChannels: 3, outChannels: 4, kernelH: 3, kernelW: 3, outH: 3, outW: 3, bias: false });
    expect(s.depthwise.parameters).toBe(27);
    expect(s.pointwise.parameters).toBe(12);
    expect(s.parameters.value).toBe(39);
    expect(s.standard.parametersFormula.tex).toBe('3\\times 3\\times 3\\times 4 = 108');
    expect(s.multiplyAdds.tex).toBe('3\\times 3\\times 3\\times 3\\times 3 + 3\\times 4\\times 3\\times 3 = 351');
  });

  it('with biases and a depth multiplier, the totals are the two layers’ convCost totals', () => {
    fc.assert(
      fc.property(int(1, 8), int(1, 3), int(1, 8), int(1, 5), int(1, 9), fc.boolean(), (cin, multiplier, cout, k, o, bias) => {
        const s = separableFormulas({
          inChannels: cin,
          middleChannels: cin * multiplier,
          outChannels: cout,
          kernelH: k,
          kernelW: k,
          outH: o,
          outW: o,
          bias,
        });
        expect(s.parameters.value).toBe(s.depthwise.parameters + s.pointwise.parameters);
        expect(s.depthwise.weights).toBe(k * k * cin * multiplier);
        expect(s.multiplyAdds.value).toBe(s.depthwise.multiplyAdds + s.pointwise.multiplyAdds);
        expect(s.parameters.tex.endsWith(`= ${s.parameters.value}`)).toBe(true);
      }),
    );
  });
});

describe('written-out sums and ratios', () => {
  it('one bracket per channel, as notes 001 writes the 56; the bias is its own term', () => {
    const c0 = [
      { a: 0, b: 0 },
      { a: 1, b: 1 },
    ];
    const c1 = [{ a: -2, b: 3 }];
    expect(channelSumTex([c0, c1], 0, -5)).toBe('(0\\times 0 + 1\\times 1) + ((-2)\\times 3) = -5');
    expect(channelSumTex([c0], 0.5, 1.5)).toBe('0\\times 0 + 1\\times 1 + 0.5 = 1.5');
  });

  it('beyond 27 products each channel is written as its sum: 4 channels of 3×3 give 4 terms, negatives in parentheses', () => {
    // Channel c's nine products are c × 1, except channel 0's first, which is −9 × 1.
    const channel = (c: number) => Array.from({ length: 9 }, (_, i) => ({ a: i === 0 && c === 0 ? -9 : c, b: 1 }));
    const channels = [0, 1, 2, 3].map(channel);
    expect(channels.flat()).toHaveLength(36);
    // Sums: channel 0 = −9 (one −9, eight 0s), 1 = 9, 2 = 18, 3 = 27; plus the bias 0.5.
    expect(channelSumTex(channels, 0.5, 45.5)).toBe('(-9) + 9 + 18 + 27 + 0.5 = 45.5');
    // Three channels of 3×3 (27 products, the notes' largest case) are still written out in full.
    const written = channelSumTex(channels.slice(1), 0, 54);
    expect(written.match(/\\times/g)).toHaveLength(27);
    expect(WRITTEN_OUT_CHANNEL_PRODUCTS).toBe(27);
  });

  it('a ratio is exact when it divides, else rounded: 4608/656 ≈ 7.024, 76/4 = 19', () => {
    expect(ratioFormula(4608, 656).tex).toBe('\\frac{4608}{656} \\approx 7.024');
    expect(ratioFormula(76, 4)).toEqual({ value: 19, tex: '\\frac{76}{4} = 19' });
    expect(ratioFormula(2097152, 4608).tex).toBe('\\frac{2097152}{4608} \\approx 455');
  });
});
