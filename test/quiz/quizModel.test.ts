// The quiz's answer reading and checking: typed forms (minus signs, full-width digits, fractions, sizes), junk, tolerance.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  answerTolerance,
  checkAnswer,
  formatAnswer,
  isRightNumber,
  parseNumberAnswer,
  parseSizeAnswer,
  type SizeQuestion,
  type ValueQuestion,
} from '../../src/quiz/quizModel.ts';
import { formatNumber } from '../../src/ui/formatNumber.ts';

const value = (answer: number): ValueQuestion => ({ id: 'v', kind: 'value', prompt: { key: 'prompt.output' }, answer, working: '' });
const size = (rows: number, cols: number): SizeQuestion => ({
  id: 's',
  kind: 'size',
  prompt: { key: 'prompt.size' },
  answer: [rows, cols],
  working: '',
});

describe('parseNumberAnswer', () => {
  it.each([
    ['25', 25],
    [' 25 ', 25],
    ['-3', -3],
    ['−3', -3],
    ['－３', -3],
    ['+4', 4],
    ['3.50', 3.5],
    ['.5', 0.5],
    ['2.', 2],
    ['３', 3],
    ['１２．５', 12.5],
    ['7/3', 7 / 3],
    ['-1/4', -0.25],
    ['-0', 0],
  ])('reads %j as %d', (typed, expected) => {
    const parsed = parseNumberAnswer(typed);
    expect(parsed).toEqual({ ok: true, value: expected });
  });

  it('says the field is empty when nothing (or only spaces) was typed', () => {
    expect(parseNumberAnswer('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseNumberAnswer('  \u3000')).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['abc', '2+3', '1e3', '0x10', 'NaN', 'Infinity', '3..5', '--3', '1/0', '25 25', '3×3', '½'])('rejects %j as not a number', (typed) => {
    expect(parseNumberAnswer(typed)).toEqual({ ok: false, problem: 'notNumber' });
  });

  it('never throws and, when it accepts, returns a finite number', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const parsed = parseNumberAnswer(typed);
        return !parsed.ok || Number.isFinite(parsed.value);
      }),
    );
  });
});

describe('parseSizeAnswer', () => {
  it.each([
    ['3×3', [3, 3]],
    ['3x3', [3, 3]],
    ['3X4', [3, 4]],
    ['3 x 4', [3, 4]],
    ['3,4', [3, 4]],
    ['3, 4', [3, 4]],
    ['3 4', [3, 4]],
    ['(3, 4)', [3, 4]],
    ['３×４', [3, 4]],
    ['3，4', [3, 4]],
    ['3*4', [3, 4]],
  ])('reads %j as %j', (typed, expected) => {
    expect(parseSizeAnswer(typed)).toEqual({ ok: true, value: expected });
  });

  it.each(['3', '3×', '×3', 'three by three', '3×3×3', '-3×3', '3.5×3'])('rejects %j as not a size', (typed) => {
    expect(parseSizeAnswer(typed)).toEqual({ ok: false, problem: 'notSize' });
  });
});

describe('answer tolerance', () => {
  it('whole answers must be typed exactly: 25 is right, 24.6 and 25.4 are not', () => {
    expect(isRightNumber(25, 25)).toBe(true);
    expect(isRightNumber(24.6, 25)).toBe(false);
    expect(isRightNumber(25.4, 25)).toBe(false);
  });

  it('an answer shown rounded accepts what the grid shows: 7/3 shown as 2.33 accepts 2.33 and 2.333, not 2.3 or 2.34', () => {
    const answer = 7 / 3;
    expect(formatNumber(answer)).toBe('2.33');
    expect(isRightNumber(2.33, answer)).toBe(true);
    expect(isRightNumber(2.333, answer)).toBe(true);
    expect(isRightNumber(2.3, answer)).toBe(false);
    expect(isRightNumber(2.34, answer)).toBe(false);
  });

  it('a float32 value such as 0.1 is right when typed as 0.1', () => {
    const stored = Math.fround(0.1);
    expect(isRightNumber(0.1, stored)).toBe(true);
    expect(isRightNumber(0.14, stored)).toBe(false);
    expect(answerTolerance(stored)).toBeLessThan(0.001);
  });

  it('99.96, which the grid shows as 100, is right when typed as 100', () => {
    expect(formatNumber(99.96)).toBe('100');
    expect(isRightNumber(100, 99.96)).toBe(true);
    expect(isRightNumber(100.2, 99.96)).toBe(false);
  });

  it('−0.2405000001, shown as −0.24 after formatNumber rounds twice (to four decimals, then three digits), is right as −0.24', () => {
    const answer = -0.24050000100000002;
    expect(formatNumber(answer)).toBe('\u22120.24');
    expect(isRightNumber(-0.24, answer)).toBe(true);
    expect(isRightNumber(-0.239, answer)).toBe(false);
    expect(isRightNumber(-0.242, answer)).toBe(false);
  });

  it('3.5 typed as 3.50 is right', () => {
    expect(checkAnswer(value(3.5), '3.50')).toEqual({ ok: true, right: true });
  });

  it('typing exactly what the app writes for the answer is always right', () => {
    // Any double, and doubles a hair from a multiple of 0.00005, where formatNumber's two roundings both fall on a half.
    const nearHalf = fc
      .tuple(fc.integer({ min: -199_980_000, max: 199_980_000 }), fc.double({ min: -1e-9, max: 1e-9, noNaN: true }))
      .map(([k, hair]) => k * 5e-5 + hair);
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -9999, max: 9999, noNaN: true }), nearHalf), (answer) => {
        const shown = formatNumber(answer).replace('\u2212', '-');
        const parsed = parseNumberAnswer(shown);
        return !parsed.ok || isRightNumber(parsed.value, answer);
      }),
    );
  });
});

describe('checkAnswer and formatAnswer', () => {
  it('checks a value question: right, wrong, and junk with its reason', () => {
    expect(checkAnswer(value(-3), '−3')).toEqual({ ok: true, right: true });
    expect(checkAnswer(value(-3), '3')).toEqual({ ok: true, right: false });
    expect(checkAnswer(value(-3), 'minus three')).toEqual({ ok: false, problem: 'notNumber' });
  });

  it('checks a size question in height × width order', () => {
    expect(checkAnswer(size(2, 3), '2x3')).toEqual({ ok: true, right: true });
    expect(checkAnswer(size(2, 3), '3x2')).toEqual({ ok: true, right: false });
    expect(checkAnswer(size(2, 3), '2')).toEqual({ ok: false, problem: 'notSize' });
  });

  it('writes answers as the app does', () => {
    expect(formatAnswer(value(-3))).toBe('−3');
    expect(formatAnswer(size(4, 5))).toBe('4×5');
  });
});
