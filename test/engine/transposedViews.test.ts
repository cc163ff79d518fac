// The Transposed panel's engine helpers against the ops and traces they explain: stamps, partial Cᵀ·y, limits, sizes, round trip.
import fc from 'fast-check';
import {
  conv2d,
  convRoundTrip,
  convTranspose2d,
  convTranspose2dScatterTrace,
  forwardSizesMappingTo,
  insertZeros,
  isInsertedZero,
  matrixColumnTerms,
  maxOutputPadding,
  maxTransposedPadding,
  multiplyTransposed,
  multiplyTransposedRows,
  planConvTranspose2d,
  stampFootprint,
  stampsLandingOn,
  tensor,
  transposedConvMatrix,
  zeroInsertedPosition,
} from '../../src/engine/index.ts';
import { convTranspose2dCaseArb } from '../helpers/engineArbitraries.ts';
import { expectArrayClose } from '../helpers/tensorClose.ts';

const singleChannel = () => convTranspose2dCaseArb({ channels: false, bias: false });

describe('stamps landing on one output cell', () => {
  it('their products sum to convTranspose2d at every output cell, for random single-channel configurations', () => {
    fc.assert(
      fc.property(singleChannel(), ({ input, weight, options }) => {
        const plan = planConvTranspose2d(input.shape, weight.shape, options);
        const op = convTranspose2d(input, weight, options);
        const sums = new Float32Array(op.data.length);
        for (let y = 0; y < plan.height.output; y++) {
          for (let x = 0; x < plan.width.output; x++) {
            sums[y * plan.width.output + x] = stampsLandingOn(plan, input, weight, y, x).reduce((acc, term) => acc + term.product, 0);
          }
        }
        expectArrayClose(sums, op.data);
      }),
    );
  });

  it('the stamps of all output cells are exactly the scatter trace’s inside contributions, and the footprint their cells', () => {
    fc.assert(
      fc.property(singleChannel(), ({ input, weight, options }) => {
        const scatter = convTranspose2dScatterTrace(input, weight, options);
        const { plan } = scatter;
        const fromScatter: string[] = [];
        for (let n = 0; n < scatter.length; n++) {
          const frame = scatter.frame(n);
          const inside = frame.contributions.filter((c) => c.inside);
          for (const c of inside) fromScatter.push(`${frame.inY},${frame.inX}>${c.outY},${c.outX}@${c.kernelY},${c.kernelX}`);
          const footprint = stampFootprint(plan, frame.inY, frame.inX).map((c) => `${c.outY},${c.outX}@${c.kernelY},${c.kernelX}`);
          expect(footprint.sort()).toEqual(inside.map((c) => `${c.outY},${c.outX}@${c.kernelY},${c.kernelX}`).sort());
        }
        const fromStamps: string[] = [];
        for (let y = 0; y < plan.height.output; y++) {
          for (let x = 0; x < plan.width.output; x++) {
            for (const s of stampsLandingOn(plan, input, weight, y, x)) fromStamps.push(`${s.inY},${s.inX}>${y},${x}@${s.kernelY},${s.kernelX}`);
          }
        }
        expect(fromStamps.sort()).toEqual(fromScatter.sort());
      }),
    );
  });
});

describe('the matrix view stepped', () => {
  it('Cᵀ·y over the first n + 1 rows equals the scatter trace’s running output after input cell n', () => {
    fc.assert(
      fc.property(singleChannel(), ({ input, weight, options }) => {
        const scatter = convTranspose2dScatterTrace(input, weight, options);
        const matrix = transposedConvMatrix(scatter.plan, weight);
        for (let n = 0; n < scatter.length; n++) expectArrayClose(multiplyTransposedRows(matrix, input.data, n + 1), scatter.frame(n).output.data);
        expectArrayClose(multiplyTransposedRows(matrix, input.data, 999), multiplyTransposed(matrix, input.data));
        expect(Array.from(multiplyTransposedRows(matrix, input.data, 0)).every((v) => v === 0)).toBe(true);
      }),
    );
  });

  it('a column’s non-zero terms sum to that entry of Cᵀ·y', () => {
    fc.assert(
      fc.property(singleChannel(), ({ input, weight, options }) => {
        const plan = planConvTranspose2d(input.shape, weight.shape, options);
        const matrix = transposedConvMatrix(plan, weight);
        const full = multiplyTransposed(matrix, input.data);
        for (let column = 0; column < full.length; column++) {
          const { terms, sum } = matrixColumnTerms(matrix, input.data, column);
          expect(terms.every((term) => term.entry !== 0)).toBe(true);
          expectArrayClose([sum], [full[column] as number]);
        }
      }),
    );
  });
});

describe('zero-insertion positions', () => {
  it('input cell (r, c) sits at (r·s_h, c·s_w); every other cell of the zero-inserted grid is an inserted zero', () => {
    const input = tensor([1, 2, 3, 4, 5, 6], [1, 2, 3]);
    const plan = planConvTranspose2d(input.shape, [1, 1, 2, 2], { stride: [3, 2] });
    const expanded = insertZeros(input, [3, 2]);
    const [, h, w] = expanded.shape as [number, number, number];
    expect([h, w]).toEqual([4, 5]);
    const real = new Set<string>();
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 3; c++) {
        const [y, x] = zeroInsertedPosition(plan, r, c);
        real.add(`${y},${x}`);
        expect(expanded.data[y * w + x]).toBe(input.data[r * 3 + c]);
      }
    }
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) expect(isInsertedZero(plan, y, x)).toBe(!real.has(`${y},${x}`));
  });
});

describe('limits of the options', () => {
  it('output padding max(s, d) − 1 is accepted and one more is refused', () => {
    for (const [s, d] of [
      [1, 1],
      [2, 1],
      [1, 3],
      [3, 2],
    ] as const) {
      const op = maxOutputPadding(s, d);
      expect(() => planConvTranspose2d([1, 3, 3], [1, 1, 3, 3], { stride: s, dilation: d, outputPadding: op })).not.toThrow();
      expect(() => planConvTranspose2d([1, 3, 3], [1, 1, 3, 3], { stride: s, dilation: d, outputPadding: op + 1 })).toThrow(/outputPadding/);
    }
  });

  it('the largest padding leaves an output of at least one cell, one more leaves none', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (i, k, s, d) => {
          const p = maxTransposedPadding(i, k, s, 0, d);
          if (p >= 0)
            expect(planConvTranspose2d([1, i, i], [1, 1, k, k], { stride: s, dilation: d, padding: p }).height.output).toBeGreaterThanOrEqual(1);
          expect(() => planConvTranspose2d([1, i, i], [1, 1, k, k], { stride: s, dilation: d, padding: p + 1 })).toThrow(/padding/);
        },
      ),
    );
  });
});

describe('why output padding: the sizes a convolution maps onto one size', () => {
  it('notes 004: k = 3, s = 2 maps both 5 and 6 onto 2 (p = 0) and onto 3 (p = 1)', () => {
    expect(forwardSizesMappingTo(2, 3, 2, 0, 1)).toEqual([
      { size: 5, outputPadding: 0 },
      { size: 6, outputPadding: 1 },
    ]);
    expect(forwardSizesMappingTo(3, 3, 2, 1, 1).map((entry) => entry.size)).toEqual([5, 6]);
  });

  it('each listed size convolves to the input size, the transposed convolution with its output padding gives it back, and stride 1 lists one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        (i, k, s, p, d) => {
          const sizes = forwardSizesMappingTo(i, k, s, p, d);
          if (sizes.length > 0 && s === 1) expect(sizes).toHaveLength(1);
          for (const { size, outputPadding } of sizes) {
            expect(
              conv2d(tensor(new Array(size * size).fill(1), [1, size, size]), tensor(new Array(k * k).fill(1), [1, 1, k, k]), {
                stride: s,
                padding: p,
                dilation: d,
              }).shape,
            ).toEqual([1, i, i]);
            expect(planConvTranspose2d([1, i, i], [1, 1, k, k], { stride: s, padding: p, dilation: d, outputPadding }).height.output).toBe(size);
          }
        },
      ),
    );
  });
});

describe('the round trip', () => {
  it('notes 003: a 5×5 image, k = 3, s = 2, no padding → 2×2 → back to 5×5, with other values', () => {
    const x = tensor(
      Array.from({ length: 25 }, (_, i) => (i * 7) % 5),
      [1, 5, 5],
    );
    const k = tensor([1, 2, 1, 0, 1, 0, -1, 0, 1], [1, 1, 3, 3]);
    const trip = convRoundTrip(x, k, { stride: 2 });
    expect(trip.forward.shape).toEqual([1, 2, 2]);
    expect(trip.back.shape).toEqual([1, 5, 5]);
    expect(trip.sameShape).toBe(true);
    expect(trip.differing).toBeGreaterThan(0);
    expectArrayClose(trip.back.data, convTranspose2d(conv2d(x, k, { stride: 2 }), k, { stride: 2 }).data);
  });

  it('a 1×1 kernel of 1 at stride 1 gives the values back; without output padding a 6×6 comes back as 5×5', () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2]);
    expect(convRoundTrip(x, tensor([1], [1, 1, 1, 1])).differing).toBe(0);
    const six = tensor(new Array(36).fill(1), [1, 6, 6]);
    const trip = convRoundTrip(six, tensor(new Array(9).fill(1), [1, 1, 3, 3]), { stride: 2, padding: 1 });
    expect(trip.back.shape).toEqual([1, 5, 5]);
    expect(trip.sameShape).toBe(false);
    expect(trip.differing).toBe(-1);
    expect(convRoundTrip(six, tensor(new Array(9).fill(1), [1, 1, 3, 3]), { stride: 2, padding: 1, outputPadding: 1 }).back.shape).toEqual([1, 6, 6]);
  });
});
