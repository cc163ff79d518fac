// URL field codecs: matrix text parsing (rows, separators, brackets, minus signs, errors) and the scalar fields.
import fc from 'fast-check';
import {
  MAX_VALUE_LENGTH,
  booleanField,
  enumField,
  formatValue,
  integerField,
  integerListField,
  integerTupleField,
  matrixField,
  numberField,
  parseMatrixText,
  roundValue,
  type MatrixLimits,
} from '../../src/url/fields.ts';

const LIMITS: MatrixLimits = { maxRows: 10, maxCols: 10, maxAbs: 999 };

describe('parseMatrixText', () => {
  it('rows split by ";" and values by "," give a matrix', () => {
    expect(parseMatrixText('0,1,2;3,4,5', LIMITS)).toEqual({
      matrix: [
        [0, 1, 2],
        [3, 4, 5],
      ],
    });
  });

  it('rows split by new lines and values by spaces give the same matrix', () => {
    expect(parseMatrixText('0 1 2\n3 4 5', LIMITS)).toEqual({
      matrix: [
        [0, 1, 2],
        [3, 4, 5],
      ],
    });
  });

  it('Windows line endings, tabs and extra spaces are accepted', () => {
    expect(parseMatrixText('  0\t1 ,  2\r\n3,4,5\r\n', LIMITS)).toEqual({
      matrix: [
        [0, 1, 2],
        [3, 4, 5],
      ],
    });
  });

  it('blank lines and a trailing ";" are skipped', () => {
    expect(parseMatrixText('1,2;\n\n;3,4;', LIMITS)).toEqual({
      matrix: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('one bracketed row per line is accepted', () => {
    expect(parseMatrixText('[1, 2]\n[3, 4]', LIMITS)).toEqual({
      matrix: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('a MATLAB-style matrix in brackets with ";" rows is accepted', () => {
    expect(parseMatrixText('[1 2; 3 4]', LIMITS)).toEqual({
      matrix: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('a pasted Python nested list on several lines gives its rows', () => {
    expect(parseMatrixText('[[0, 1],\n [2, 3]]', LIMITS)).toEqual({
      matrix: [
        [0, 1],
        [2, 3],
      ],
    });
  });

  it('a pasted Python nested list on one line gives its rows, not one flattened row', () => {
    // "[[0, 1], [2, 3]]" is how Python prints the notes' kernel K; it is a 2×2 matrix.
    expect(parseMatrixText('[[0, 1], [2, 3]]', LIMITS)).toEqual({
      matrix: [
        [0, 1],
        [2, 3],
      ],
    });
  });

  it('the unicode minus sign (as the grid shows it) reads as a minus', () => {
    expect(parseMatrixText('\u22121, 2; 3, \u22124.5', LIMITS)).toEqual({
      matrix: [
        [-1, 2],
        [3, -4.5],
      ],
    });
  });

  it('decimals, a leading plus, leading/trailing dots and exponents are numbers', () => {
    expect(parseMatrixText('+1 .5 2. 1e2 -2.5E-1', LIMITS)).toEqual({ matrix: [[1, 0.5, 2, 100, -0.25]] });
  });

  it('values are rounded to 4 decimals and -0 becomes 0', () => {
    const result = parseMatrixText('0.123456 -0 -0.00001', LIMITS);
    expect(result).toEqual({ matrix: [[0.1235, 0, 0]] });
    if ('matrix' in result) {
      for (const value of result.matrix[0] ?? []) if (value === 0) expect(Object.is(value, 0)).toBe(true);
    }
  });

  it('a ragged matrix is an error naming the row and the counts', () => {
    expect(parseMatrixText('1,2,3;4,5;6,7,8', LIMITS)).toEqual({ error: 'ragged', row: 2, got: 2, expected: 3 });
  });

  it('a ragged last row is reported with its own row number', () => {
    expect(parseMatrixText('1 2\n3 4\n5', LIMITS)).toEqual({ error: 'ragged', row: 3, got: 1, expected: 2 });
  });

  it('a word is not a number: the error names it and its row', () => {
    expect(parseMatrixText('1,2;3,four', LIMITS)).toEqual({ error: 'number', row: 2, token: 'four' });
  });

  it.each(['NaN', 'Infinity', '0x10', '1,2,3abc', '<script>', '--1', '1e', '½'])('"%s" is not a number', (text) => {
    const result = parseMatrixText(text, LIMITS);
    expect('error' in result && result.error).toBe('number');
  });

  it('a long garbage token is cut to 24 characters in the error', () => {
    const result = parseMatrixText(`1 ${'z'.repeat(500)}`, LIMITS);
    expect(result).toMatchObject({ error: 'number', row: 1 });
    expect('token' in result && result.token?.length).toBe(24);
  });

  it.each(['', '   ', ';;;', '\n\n', '[]', '[ ]; []'])('"%s" is empty', (text) => {
    expect(parseMatrixText(text, LIMITS)).toEqual({ error: 'empty' });
  });

  it('more rows than allowed is a size error', () => {
    const text = Array.from({ length: 11 }, () => '1').join(';');
    expect(parseMatrixText(text, LIMITS)).toMatchObject({ error: 'size' });
  });

  it('more columns than allowed is a size error', () => {
    expect(parseMatrixText('1,2,3', { maxRows: 5, maxCols: 2, maxAbs: 9 })).toMatchObject({ error: 'size' });
  });

  it('exactly the largest allowed size is accepted', () => {
    const text = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => '7').join(',')).join(';');
    const result = parseMatrixText(text, LIMITS);
    expect('matrix' in result && result.matrix.length).toBe(10);
  });

  it('a value beyond maxAbs is a range error, and maxAbs itself is fine', () => {
    expect(parseMatrixText('1000', LIMITS)).toEqual({ error: 'range' });
    expect(parseMatrixText('-999.5', LIMITS)).toEqual({ error: 'range' });
    expect(parseMatrixText('1e999', LIMITS)).toEqual({ error: 'range' });
    expect(parseMatrixText('999 -999', LIMITS)).toEqual({ matrix: [[999, -999]] });
  });

  it('never throws on arbitrary text and any matrix it returns is within the limits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d\s,;.\-−[\]e]{0,60}$/)), (text) => {
        const result = parseMatrixText(text, { maxRows: 4, maxCols: 4, maxAbs: 50 });
        if (!('matrix' in result)) return;
        const cols = result.matrix[0]?.length ?? 0;
        expect(result.matrix.length).toBeGreaterThanOrEqual(1);
        expect(result.matrix.length).toBeLessThanOrEqual(4);
        expect(cols).toBeGreaterThanOrEqual(1);
        expect(cols).toBeLessThanOrEqual(4);
        for (const row of result.matrix) {
          expect(row.length).toBe(cols);
          for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('matrixField', () => {
  const field = matrixField({ maxRows: 5, maxCols: 5, maxAbs: 999 });

  it('serializes rows with ";" and values with ","', () => {
    expect(
      field.serialize([
        [1, -2],
        [0.5, 3],
      ]),
    ).toBe('1,-2;0.5,3');
  });

  it('parses what it serializes', () => {
    const matrix = [
      [1, -2, 0.1234],
      [4, 5, 6],
    ];
    expect(field.parse(field.serialize(matrix))).toEqual(matrix);
  });

  it('a value longer than MAX_VALUE_LENGTH is rejected before parsing', () => {
    expect(field.parse('1,'.repeat(MAX_VALUE_LENGTH))).toBeNull();
  });

  it('equals compares shapes and values', () => {
    expect(field.equals([[1, 2]], [[1, 2]])).toBe(true);
    expect(field.equals([[1, 2]], [[1], [2]])).toBe(false);
    expect(field.equals([[1, 2]], [[1, 3]])).toBe(false);
    expect(field.equals([[1, 2]], [[1, 2, 3]])).toBe(false);
  });
});

describe('scalar fields', () => {
  it('integerField accepts whole numbers in range and nothing else', () => {
    const field = integerField(0, 10);
    expect(field.parse('0')).toBe(0);
    expect(field.parse('10')).toBe(10);
    for (const bad of ['11', '-1', '1.5', '1e1', ' 1', '', 'abc', '0x1', '9'.repeat(13)]) expect(field.parse(bad)).toBeNull();
  });

  it('numberField accepts decimals within ±maxAbs, rounded to 4 places', () => {
    const field = numberField(999);
    expect(field.parse('-2.5')).toBe(-2.5);
    expect(field.parse('.5')).toBe(0.5);
    expect(field.parse('1e2')).toBe(100);
    expect(field.parse('3.14159')).toBe(3.1416);
    for (const bad of ['1000', '-1e3', 'NaN', 'Infinity', '1e999', '', '+', '0x10', '1,5']) expect(field.parse(bad)).toBeNull();
  });

  it('booleanField reads only 1 and 0', () => {
    const field = booleanField();
    expect(field.parse('1')).toBe(true);
    expect(field.parse('0')).toBe(false);
    expect(field.parse('true')).toBeNull();
    expect(field.serialize(true)).toBe('1');
    expect(field.serialize(false)).toBe('0');
  });

  it('enumField reads only its values, not inherited property names', () => {
    const field = enumField(['a', 'b'] as const);
    expect(field.parse('a')).toBe('a');
    expect(field.parse('c')).toBeNull();
    expect(field.parse('length')).toBeNull();
    expect(field.parse('constructor')).toBeNull();
  });

  it('roundValue and formatValue keep 4 decimals and never write -0', () => {
    expect(roundValue(1 / 3)).toBe(0.3333);
    expect(formatValue(-0.00001)).toBe('0');
    expect(formatValue(2.5)).toBe('2.5');
  });
});

describe('integer tuple and list fields', () => {
  const pair = integerTupleField<readonly [number, number]>(2, 1, 5);
  const sides = integerTupleField<readonly [number, number, number, number]>(4, 0, 3);
  const list = integerListField(1, 4, 1, 8);

  it('a tuple reads one value for every entry, or one per entry', () => {
    expect(pair.parse('2')).toEqual([2, 2]);
    expect(pair.parse('2,1')).toEqual([2, 1]);
    expect(sides.parse('0,1,2,3')).toEqual([0, 1, 2, 3]);
    expect(sides.parse('1')).toEqual([1, 1, 1, 1]);
  });

  it('a tuple writes "2" when all entries agree and "2,1" when they do not, and reads it back', () => {
    expect(pair.serialize([2, 2])).toBe('2');
    expect(pair.serialize([2, 1])).toBe('2,1');
    for (const value of [
      [1, 1],
      [5, 3],
    ] as const) {
      expect(pair.parse(pair.serialize(value))).toEqual(value);
    }
  });

  it.each(['', '2,1,1', '0', '6', '2,', ',2', '2;1', 'a,b', '1.5,2', '-1,2', `${'1,'.repeat(40)}1`])('the tuple "%s" is rejected', (raw) => {
    expect(pair.parse(raw)).toBeNull();
  });

  it('a list reads whole numbers within its length and value limits', () => {
    expect(list.parse('1,2,8')).toEqual([1, 2, 8]);
    expect(list.parse('3')).toEqual([3]);
    expect(list.serialize([1, 2, 4])).toBe('1,2,4');
    expect(list.equals([1, 2], [1, 2])).toBe(true);
    expect(list.equals([1, 2], [1, 2, 3])).toBe(false);
  });

  it.each(['', '1,2,3,4,5', '0', '9', '1,,2', 'x', '1.0'])('the list "%s" is rejected', (raw) => {
    expect(list.parse(raw)).toBeNull();
  });

  it('neither field throws on arbitrary text, and what they return is in range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d,\s-]{0,30}$/)), (raw) => {
        const tuple = pair.parse(raw);
        if (tuple) {
          expect(tuple).toHaveLength(2);
          for (const v of tuple) expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
        }
        const values = list.parse(raw);
        if (values) {
          expect(values.length >= 1 && values.length <= 4).toBe(true);
          for (const v of values) expect(v >= 1 && v <= 8 && Number.isInteger(v)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
