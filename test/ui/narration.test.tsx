// @vitest-environment jsdom
// Narration and number formatting: one polite line of words, numbers with a real minus sign.
import { render, screen } from '@testing-library/react';
import { Narration } from '../../src/ui/Narration.tsx';
import { formatFactor, formatNumber } from '../../src/ui/formatNumber.ts';

describe('Narration', () => {
  it('shows its text in a polite, atomic live region', () => {
    render(<Narration text="Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19" />);
    const line = screen.getByTestId('narration');
    expect(line).toHaveTextContent('Output (0, 0) = 0×0 + 1×1 + 3×2 + 4×3 = 19');
    expect(line).toHaveAttribute('aria-live', 'polite');
    expect(line).toHaveAttribute('aria-atomic', 'true');
  });

  it('shows markup in its text as text', () => {
    render(<Narration text="<b>bold</b>" />);
    expect(screen.getByTestId('narration').querySelector('b')).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.00001, '0'],
    [19, '19'],
    [-1, '\u22121'],
    [-12345, '\u221212345'],
    [0.5, '0.5'],
    [-0.25, '\u22120.25'],
    [1 / 3, '0.333'],
    [250000, '250k'],
    [-250000, '\u2212250k'],
    [NaN, '?'],
    [Infinity, '?'],
  ])('%d is written %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([1234.5678, -2500.25, 99999.5, 0.00012])('the non-integer %d is written without exponent notation', (value) => {
    // Cells and narration are read by students: "1.23e+3" is not a legible way to write 1234.6.
    expect(formatNumber(value)).not.toMatch(/e[+-]/i);
  });
});

describe('formatFactor', () => {
  it('puts negative factors in parentheses so a product reads right', () => {
    expect(formatFactor(-1)).toBe('(\u22121)');
    expect(formatFactor(2)).toBe('2');
    expect(formatFactor(0)).toBe('0');
    expect(formatFactor(-0.00001)).toBe('0');
  });
});
