// Pooling explained in numbers: a window's written terms and TeX, backward steps, ceil mode's dropped window, adaptive bins, GAP, SPP length.
import fc from 'fast-check';
import {
  adaptiveAvgPool2d,
  adaptiveBin,
  adaptiveBinFormula,
  droppedCeilWindow,
  globalAveragePoolFormula,
  planAvgPool2d,
  planMaxPool2d,
  pool2dBackwardTrace,
  pool2dTrace,
  poolBackwardStepTex,
  poolCellTex,
  poolOutputSize,
  poolTapPlace,
  poolTerms,
  pyramidLengthFormula,
  tensor,
} from '../../src/engine/index.ts';
import { int } from '../helpers/engineArbitraries.ts';

const zeroToFifteen = tensor(
  Array.from({ length: 16 }, (_, i) => i),
  [1, 4, 4],
);
const fours = tensor(new Array(16).fill(4), [1, 4, 4]);

describe('one pooling window written out', () => {
  it('4×4 of 0…15, 2×2 max, stride 2: output (0, 1) = max(2, 3, 6, 7) = 7', () => {
    const trace = pool2dTrace('max', zeroToFifteen, { kernelSize: 2 });
    expect(poolCellTex('max', trace.plan, trace.frame(1))).toBe('y_{0,1} = \\max(2, 3, 6, 7) = 7');
  });

  it('4×4 of 0…15, 2×2 average, stride 2: output (0, 1) = (2 + 3 + 6 + 7)/4 = 4.5', () => {
    const trace = pool2dTrace('avg', zeroToFifteen, { kernelSize: 2 });
    expect(poolCellTex('avg', trace.plan, trace.frame(1))).toBe('y_{0,1} = \\frac{2 + 3 + 6 + 7}{4} = 4.5');
  });

  it('max pooling writes padding as −∞, which is never the maximum', () => {
    const trace = pool2dTrace('max', zeroToFifteen, { kernelSize: 2, padding: 1 });
    const frame = trace.frame(0);
    expect(poolTerms('max', trace.plan, frame).map((t) => t.value)).toEqual([-Infinity, -Infinity, -Infinity, 0]);
    expect(poolCellTex('max', trace.plan, frame)).toBe('y_{0,0} = \\max(-\\infty, -\\infty, -\\infty, 0) = 0');
  });

  it('average pooling of a constant 4 at the corner: counting padding gives (0 + 0 + 0 + 4)/4 = 1, not counting gives 4/1 = 4', () => {
    const counted = pool2dTrace('avg', fours, { kernelSize: 2, padding: 1, countIncludePad: true });
    expect(poolCellTex('avg', counted.plan, counted.frame(0))).toBe('y_{0,0} = \\frac{0 + 0 + 0 + 4}{4} = 1');
    const excluded = pool2dTrace('avg', fours, { kernelSize: 2, padding: 1, countIncludePad: false });
    expect(poolCellTex('avg', excluded.plan, excluded.frame(0))).toBe('y_{0,0} = \\frac{4}{1} = 4');
  });

  it('cells past the padding (ceil mode overhang) are no part of the window: 5×5, k 2, s 2, ceil → the last column window has 2 cells', () => {
    const input = tensor(
      Array.from({ length: 25 }, (_, i) => i),
      [1, 5, 5],
    );
    const trace = pool2dTrace('avg', input, { kernelSize: 2, ceilMode: true });
    const frame = trace.frame(2);
    expect(frame.taps.map((tap) => poolTapPlace(trace.plan, tap.y, tap.x))).toEqual(['input', 'overhang', 'input', 'overhang']);
    expect(poolCellTex('avg', trace.plan, frame)).toBe('y_{0,2} = \\frac{4 + 9}{2} = 6.5');
  });

  it('with several channels the output index names the channel: y_{1,0,0}', () => {
    const input = tensor(
      Array.from({ length: 8 }, (_, i) => i),
      [2, 2, 2],
    );
    const trace = pool2dTrace('max', input, { kernelSize: 2 });
    expect(poolCellTex('max', trace.plan, trace.frame(1))).toBe('y_{1,0,0} = \\max(4, 5, 6, 7) = 7');
  });

  it('for random windows the average’s terms count the divisor and sum to divisor × value', () => {
    fc.assert(
      fc.property(int(1, 6), int(1, 6), int(1, 3), int(1, 3), int(0, 1), fc.boolean(), fc.boolean(), (h, w, k, s, p, ceilMode, countIncludePad) => {
        fc.pre(2 * p <= k && h + 2 * p >= k && w + 2 * p >= k);
        const input = tensor(
          Array.from({ length: h * w }, (_, i) => (i * 7) % 5),
          [1, h, w],
        );
        const trace = pool2dTrace('avg', input, { kernelSize: k, stride: s, padding: p, ceilMode, countIncludePad });
        for (let n = 0; n < trace.length; n++) {
          const frame = trace.frame(n);
          const terms = poolTerms('avg', trace.plan, frame);
          expect(terms).toHaveLength(frame.divisor);
          expect(terms.reduce((sum, t) => sum + t.value, 0)).toBeCloseTo(frame.value * frame.divisor, 4);
        }
      }),
    );
  });
});

describe('one backward step written out', () => {
  it('max: the gradient of output (0, 1) goes whole to x_{1,3}', () => {
    const trace = pool2dBackwardTrace('max', tensor([1, 1, 1, 1], [1, 2, 2]), zeroToFifteen, { kernelSize: 2 });
    expect(poolBackwardStepTex('max', trace.plan, trace.frame(1))).toBe(
      '\\frac{\\partial L}{\\partial x_{1,3}} \\mathrel{+}= \\frac{\\partial L}{\\partial y_{0,1}} = 1',
    );
  });

  it('average: the gradient 2 of output (0, 0) is split ÷ 4 = 0.5', () => {
    const trace = pool2dBackwardTrace('avg', tensor([2, 1, 1, 1], [1, 2, 2]), zeroToFifteen, { kernelSize: 2 });
    expect(poolBackwardStepTex('avg', trace.plan, trace.frame(0))).toBe(
      '\\frac{\\partial L}{\\partial x_{i,j}} \\mathrel{+}= \\frac{\\frac{\\partial L}{\\partial y_{0,0}}}{4} = \\frac{2}{4} = 0.5',
    );
  });
});

describe('ceil mode’s dropped window', () => {
  it('in=5 k=2 s=2 p=1: ceil would give 4 windows; the 4th would start at 5, inside the right padding, so it is dropped', () => {
    const { width } = planMaxPool2d([1, 5, 5], { kernelSize: 2, padding: 1, ceilMode: true }).geometry;
    expect(width.output).toBe(3);
    expect(droppedCeilWindow(width, true)).toEqual({ start: 5, end: 7 });
    expect(poolOutputSize({ input: 5, kernel: 2, stride: 2, padding: 1, dilation: 1, ceilMode: true }).dropped).toBe(true);
  });

  it('in=5 k=2 s=2 p=0: ceil adds a 3rd window that hangs one cell past the edge, and nothing is dropped', () => {
    const { width } = planAvgPool2d([1, 5, 5], { kernelSize: 2, ceilMode: true }).geometry;
    expect(width.output).toBe(3);
    expect(width.overhang).toBe(1);
    expect(droppedCeilWindow(width, true)).toBeNull();
    expect(droppedCeilWindow(width, false)).toBeNull();
  });

  it('agrees with poolOutputSize’s drop rule and always starts at or past the end of the input', () => {
    fc.assert(
      fc.property(int(1, 9), int(1, 4), int(1, 4), int(0, 2), int(1, 2), (n, k, s, p, d) => {
        fc.pre(2 * p <= k && n + 2 * p >= d * (k - 1) + 1);
        const plan = planMaxPool2d([1, 1, n], { kernelSize: [1, k], stride: [1, s], padding: [0, p], dilation: [1, d], ceilMode: true });
        const window = droppedCeilWindow(plan.geometry.width, true);
        const { dropped } = poolOutputSize({ input: n, kernel: k, stride: s, padding: p, dilation: d, ceilMode: true });
        expect(window !== null).toBe(dropped);
        if (window !== null) {
          expect(window.start).toBeGreaterThanOrEqual(n);
          expect(window.start).toBe(plan.geometry.width.output * s - p);
          expect(window.end - window.start).toBe(d * (k - 1) + 1);
        }
      }),
    );
  });
});

describe('adaptive pooling’s bin rule', () => {
  it('5 cells into 3 bins: bin 1 spans ⌊1·5/3⌋ = 1 to ⌈2·5/3⌉ = 4', () => {
    const bin = adaptiveBinFormula(1, 5, 3);
    expect([bin.start, bin.end]).toEqual([1, 4]);
    expect(bin.tex).toBe(
      '\\text{start} = \\left\\lfloor \\frac{1\\cdot 5}{3} \\right\\rfloor = 1,\\quad \\text{end} = \\left\\lceil \\frac{2\\cdot 5}{3} \\right\\rceil = 4',
    );
  });

  it('matches adaptiveBin for every bin of every small size', () => {
    for (let n = 1; n <= 12; n++) {
      for (let o = 1; o <= 8; o++) {
        for (let i = 0; i < o; i++) {
          const { start, end } = adaptiveBinFormula(i, n, o);
          expect({ start, end }).toEqual(adaptiveBin(i, n, o));
        }
      }
    }
  });
});

describe('global average pooling and the pyramid’s length', () => {
  it('a 4×4 channel of 0…15 averages to 120 / (4·4) = 7.5, as adaptiveAvgPool2d to 1×1 gives', () => {
    const formula = globalAveragePoolFormula(zeroToFifteen, 0);
    expect(formula.tex).toBe('\\frac{120}{4\\cdot 4} = 7.5');
    expect(formula.value).toBe(adaptiveAvgPool2d(zeroToFifteen, 1).data[0]);
  });

  it('names a channel that does not exist', () => {
    expect(() => globalAveragePoolFormula(zeroToFifteen, 1)).toThrow(/channel 1/);
  });

  it('levels 4, 2, 1: 4² + 2² + 1² = 21 per channel, 63 for 3 channels', () => {
    expect(pyramidLengthFormula([4, 2, 1])).toEqual({ value: 21, tex: '4^2 + 2^2 + 1^2 = 21' });
    expect(pyramidLengthFormula([4, 2, 1], 3)).toEqual({ value: 63, tex: '(4^2 + 2^2 + 1^2)\\cdot 3 = 63' });
  });
});
