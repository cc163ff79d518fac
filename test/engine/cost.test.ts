// Layer costs: parameters, multiply-adds and FLOPs of standard, grouped and depthwise-separable convolution, and dense layers.
import fc from 'fast-check';
import { convCost, denseParameters, separableCost } from '../../src/engine/index.ts';
import { int } from '../helpers/engineArbitraries.ts';

describe('depthwise separable convolution', () => {
  it('16 → 32 channels, 3×3, no bias: standard 4608 parameters, separable 656 = 144 + 512', () => {
    const cost = separableCost({ inChannels: 16, outChannels: 32, kernelH: 3, kernelW: 3, outH: 1, outW: 1, bias: false });
    expect(cost.standard.parameters).toBe(4608);
    expect(cost.depthwise.parameters).toBe(144);
    expect(cost.pointwise.parameters).toBe(512);
    expect(cost.separableParameters).toBe(656);
    expect(cost.parameterRatio).toBeCloseTo(656 / 4608, 12);
  });

  it('3 → 4 channels, 3×3, no bias: 3×3×3×4 = 108 vs 27 + 12', () => {
    const cost = separableCost({ inChannels: 3, outChannels: 4, kernelH: 3, kernelW: 3, outH: 5, outW: 5, bias: false });
    expect(cost.standard.parameters).toBe(108);
    expect(cost.depthwise.parameters).toBe(27);
    expect(cost.pointwise.parameters).toBe(12);
    expect(cost.separableParameters).toBe(39);
    expect(cost.separableMultiplyAdds).toBe((27 + 12) * 25);
  });

  it('biases add c_in to the depthwise part and c_out to the pointwise part', () => {
    const cost = separableCost({ inChannels: 3, outChannels: 4, kernelH: 3, kernelW: 3, outH: 1, outW: 1 });
    expect(cost.standard.parameters).toBe(108 + 4);
    expect(cost.depthwise.parameters).toBe(27 + 3);
    expect(cost.pointwise.parameters).toBe(12 + 4);
  });

  it('without biases, separable / standard multiply-adds = 1/c_out + 1/(k_h·k_w)', () => {
    fc.assert(
      fc.property(int(1, 64), int(1, 64), int(1, 7), int(1, 7), int(1, 16), int(1, 16), (cin, cout, kh, kw, oh, ow) => {
        const cost = separableCost({ inChannels: cin, outChannels: cout, kernelH: kh, kernelW: kw, outH: oh, outW: ow, bias: false });
        expect(cost.multiplyAddRatio).toBeCloseTo(1 / cout + 1 / (kh * kw), 10);
        expect(cost.parameterRatio).toBeCloseTo(1 / cout + 1 / (kh * kw), 10);
      }),
    );
  });
});

describe('convCost', () => {
  it('FLOPs = (2·c_in·k² + 1)·o²·c_out with a bias, (2·c_in·k²)·o²·c_out without, for random layers', () => {
    fc.assert(
      fc.property(int(1, 64), int(1, 64), int(1, 7), int(1, 32), fc.boolean(), (cin, cout, k, o, bias) => {
        const cost = convCost({ inChannels: cin, outChannels: cout, kernelH: k, kernelW: k, outH: o, outW: o, bias });
        expect(cost.flops).toBe((2 * cin * k * k + (bias ? 1 : 0)) * o * o * cout);
        expect(cost.weights).toBe(k * k * cin * cout);
        expect(cost.biases).toBe(bias ? cout : 0);
        expect(cost.parameters).toBe(k * k * cin * cout + (bias ? cout : 0));
        expect(cost.multiplyAdds).toBe(k * k * cin * cout * o * o);
        expect(cost.flopsFormula.value).toBe(cost.flops);
        expect(cost.parametersFormula.value).toBe(cost.parameters);
      }),
    );
  });

  it('3 → 4 channels, 3×3, output 2×2, with bias: the formulas carry the numbers', () => {
    const cost = convCost({ inChannels: 3, outChannels: 4, kernelH: 3, kernelW: 3, outH: 2, outW: 2 });
    expect(cost.parametersFormula.tex).toBe('3\\times 3\\times 3\\times 4 + 4 = 112');
    expect(cost.flopsFormula.tex).toBe('(2\\times 3\\times 3\\times 3 + 1)\\times 2\\times 2\\times 4 = 880');
  });

  it('rectangular kernels and outputs count each axis: 2 → 3 channels, 3×5 kernel, 4×6 output', () => {
    const cost = convCost({ inChannels: 2, outChannels: 3, kernelH: 3, kernelW: 5, outH: 4, outW: 6, bias: false });
    expect(cost.weights).toBe(3 * 5 * 2 * 3);
    expect(cost.multiplyAdds).toBe(90 * 24);
    expect(cost.flops).toBe(2 * 2 * 15 * 24 * 3);
    expect(cost.flopsFormula.tex).toBe('(2\\times 2\\times 3\\times 5)\\times 4\\times 6\\times 3 = 4320');
  });

  it('groups divide the input channels each filter sees: 4 → 6 channels, 3×3, groups 2 → 3·3·2·6 weights', () => {
    const cost = convCost({ inChannels: 4, outChannels: 6, kernelH: 3, kernelW: 3, outH: 1, outW: 1, groups: 2, bias: false });
    expect(cost.weights).toBe(108);
    expect(cost.flops).toBe(2 * 2 * 9 * 6);
    expect(cost.parametersFormula.tex).toBe('3\\times 3\\times (4/2)\\times 6 = 108');
  });

  it('groups = c_in = c_out is the depthwise layer inside separableCost', () => {
    const grouped = convCost({ inChannels: 8, outChannels: 8, kernelH: 3, kernelW: 3, outH: 4, outW: 4, groups: 8 });
    const { depthwise } = separableCost({ inChannels: 8, outChannels: 16, kernelH: 3, kernelW: 3, outH: 4, outW: 4 });
    expect(depthwise.parameters).toBe(grouped.parameters);
    expect(depthwise.flops).toBe(grouped.flops);
  });
});

describe('dense layer parameters', () => {
  it('4 inputs → 3 outputs: 15 with biases, 12 without', () => {
    expect(denseParameters(4, 3)).toBe(15);
    expect(denseParameters(4, 3, false)).toBe(12);
  });

  it('a 32×32 image to a 32×32 map: a dense layer needs 1024·1024 + 1024 parameters, a 3×3 conv 10', () => {
    expect(denseParameters(32 * 32, 32 * 32)).toBe(1_049_600);
    expect(convCost({ inChannels: 1, outChannels: 1, kernelH: 3, kernelW: 3, outH: 32, outW: 32 }).parameters).toBe(10);
  });
});
