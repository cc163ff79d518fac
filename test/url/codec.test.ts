// The URL codec: every field round-trips, defaults stay out, and no string (arbitrary, mutated or hostile) throws or yields an invalid view.
import fc from 'fast-check';
import { PANEL_IDS, PANEL_SPECS, isBuilt, type PanelId } from '../../src/app/panels.ts';
import { BASICS_DEFAULTS, BASICS_LIMITS, EDGE_INPUT, type BasicsConfig } from '../../src/panels/basics/basicsConfig.ts';
import {
  APP_KEYS,
  MAX_QUERY_LENGTH,
  MAX_STEP,
  URL_VERSION,
  decodeView,
  defaultView,
  encodeView,
  type IgnoredField,
  type ViewState,
} from '../../src/url/codec.ts';
import { MAX_VALUE_LENGTH, type Matrix } from '../../src/url/fields.ts';

const BASICS_KEYS = ['x', 'k', 'flip', 'b'] as const;
const APP_KEY_LIST = Object.values(APP_KEYS);
const KNOWN_KEYS = [...APP_KEY_LIST, ...BASICS_KEYS];

function basicsView(patch: Partial<BasicsConfig> = {}, view: Partial<ViewState> = {}): ViewState {
  return { ...defaultView(), config: { ...BASICS_DEFAULTS, ...patch }, ...view };
}

/** The decoded Basics config (links without p= open Basics). */
function basicsOf(view: ViewState): BasicsConfig | null {
  return view.panel === 'basics' ? (view.config as BasicsConfig) : null;
}

function keysOf(ignored: readonly IgnoredField[]): string[] {
  return ignored.map((field) => field.key);
}

function roundTrip(view: ViewState): ViewState {
  const { view: decoded, ignored } = decodeView(encodeView(view));
  expect(ignored).toEqual([]);
  return decoded;
}

/** The properties every decoded view must have, whatever the link said. */
function expectValidView(view: ViewState): void {
  expect(PANEL_IDS).toContain(view.panel);
  expect(view.language === null || view.language === 'en' || view.language === 'zh').toBe(true);
  expect(typeof view.presentation).toBe('boolean');
  expect(Number.isInteger(view.step)).toBe(true);
  expect(view.step).toBeGreaterThanOrEqual(0);
  expect(view.step).toBeLessThanOrEqual(MAX_STEP);
  if (!isBuilt(view.panel)) {
    expect(view.config).toBeNull();
    return;
  }
  if (view.panel !== 'basics') {
    // Padding, Stride and Dilation: a configuration the engine can run.
    expect(view.config).not.toBeNull();
    expect(PANEL_SPECS[view.panel].problems(view.config as never)).toEqual([]);
    return;
  }
  const config = view.config as BasicsConfig;
  expect(config).not.toBeNull();
  const check = (matrix: Matrix, limits: { maxRows: number; maxCols: number; maxAbs: number }) => {
    expect(matrix.length).toBeGreaterThanOrEqual(1);
    expect(matrix.length).toBeLessThanOrEqual(limits.maxRows);
    const cols = matrix[0]?.length ?? 0;
    expect(cols).toBeGreaterThanOrEqual(1);
    expect(cols).toBeLessThanOrEqual(limits.maxCols);
    for (const row of matrix) {
      expect(row.length).toBe(cols);
      for (const value of row) {
        expect(Number.isFinite(value)).toBe(true);
        expect(Math.abs(value)).toBeLessThanOrEqual(limits.maxAbs);
      }
    }
  };
  check(config.input, BASICS_LIMITS.input);
  check(config.kernel, BASICS_LIMITS.kernel);
  expect(config.kernel.length).toBeLessThanOrEqual(config.input.length);
  expect(config.kernel[0]?.length ?? 0).toBeLessThanOrEqual(config.input[0]?.length ?? 0);
  expect(typeof config.flip).toBe('boolean');
  expect(Number.isFinite(config.bias)).toBe(true);
  expect(Math.abs(config.bias)).toBeLessThanOrEqual(BASICS_LIMITS.bias);
}

describe('round trips', () => {
  it('the default view encodes to ?v=1 and decodes back to the default view', () => {
    expect(encodeView(defaultView())).toBe(`?${APP_KEYS.version}=${URL_VERSION}`);
    expect(encodeView(defaultView())).toBe('?v=1');
    expect(decodeView('?v=1')).toEqual({ view: defaultView(), ignored: [] });
  });

  it('an empty query string decodes to the default view with nothing ignored', () => {
    expect(decodeView('')).toEqual({ view: defaultView(), ignored: [] });
    expect(decodeView('?')).toEqual({ view: defaultView(), ignored: [] });
  });

  it.each(PANEL_IDS.filter((id) => id !== 'basics'))('the panel %s round-trips through p', (panel: PanelId) => {
    const view: ViewState = { ...defaultView(), panel, config: isBuilt(panel) ? PANEL_SPECS[panel].defaults : null };
    expect(encodeView(view)).toBe(`?v=1&p=${panel}`);
    expect(roundTrip(view)).toEqual(view);
  });

  it.each(['en', 'zh'] as const)('the language %s round-trips through lang', (language) => {
    const view = basicsView({}, { language });
    expect(encodeView(view)).toBe(`?v=1&lang=${language}`);
    expect(roundTrip(view)).toEqual(view);
  });

  it('presentation mode round-trips through pm=1', () => {
    const view = basicsView({}, { presentation: true });
    expect(encodeView(view)).toBe('?v=1&pm=1');
    expect(roundTrip(view)).toEqual(view);
  });

  it.each([1, 3, 17, MAX_STEP])('the step %i round-trips through s', (step) => {
    const view = basicsView({}, { step });
    expect(encodeView(view)).toBe(`?v=1&s=${step}`);
    expect(roundTrip(view)).toEqual(view);
  });

  it('an edited input round-trips through x with rows by ";" and values by ","', () => {
    const input: Matrix = [
      [1, -2.5, 3],
      [0.1234, 999, -999],
      [7, 8, 9],
      [0, 0, 1],
    ];
    const view = basicsView({ input });
    expect(encodeView(view)).toBe('?v=1&x=1,-2.5,3;0.1234,999,-999;7,8,9;0,0,1');
    expect(roundTrip(view)).toEqual(view);
  });

  it('the largest input (10×10) round-trips through x', () => {
    const input: Matrix = Array.from({ length: 10 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 - c));
    const view = basicsView({ input });
    expect(roundTrip(view)).toEqual(view);
  });

  it('an edited kernel round-trips through k', () => {
    const kernel: Matrix = [[1, -1]];
    const view = basicsView({ kernel });
    expect(encodeView(view)).toBe('?v=1&k=1,-1');
    expect(roundTrip(view)).toEqual(view);
  });

  it('the edge preset (6×8 input, 1×2 kernel) round-trips through x and k', () => {
    const view = basicsView({ input: EDGE_INPUT, kernel: [[1, -1]] });
    expect(roundTrip(view)).toEqual(view);
  });

  it('true convolution round-trips through flip=1', () => {
    const view = basicsView({ flip: true });
    expect(encodeView(view)).toBe('?v=1&flip=1');
    expect(roundTrip(view)).toEqual(view);
  });

  it.each([1, -3, 0.5, -0.1234, 999, -999])('the bias %d round-trips through b', (bias) => {
    const view = basicsView({ bias });
    expect(encodeView(view)).toBe(`?v=1&b=${bias}`);
    expect(roundTrip(view)).toEqual(view);
  });

  it('every field at once round-trips, with the version key first', () => {
    const view = basicsView(
      {
        input: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        kernel: [[1], [-1]],
        flip: true,
        bias: -2,
      },
      { language: 'zh', presentation: true, step: 4 },
    );
    const encoded = encodeView(view);
    expect(encoded.startsWith('?v=1&')).toBe(true);
    expect(roundTrip(view)).toEqual(view);
  });

  it('fields at their defaults are left out of the link', () => {
    const view = basicsView({
      input: BASICS_DEFAULTS.input.map((row) => [...row]),
      kernel: [
        [0, 1],
        [2, 3],
      ],
      flip: false,
      bias: 0,
    });
    expect(encodeView(view)).toBe('?v=1');
    expect(encodeView({ ...view, language: null, presentation: false, step: 0 })).toBe('?v=1');
  });

  it('a link that spells out the defaults decodes to the default view', () => {
    const { view, ignored } = decodeView('?v=1&p=basics&pm=0&s=0&x=0,1,2;3,4,5;6,7,8&k=0,1;2,3&flip=0&b=0');
    expect(ignored).toEqual([]);
    expect(view).toEqual(defaultView());
  });

  it('another panel writes none of the basics keys, only its own (none at its defaults)', () => {
    const encoded = encodeView({ ...basicsView({ bias: 3 }), panel: 'pooling', config: PANEL_SPECS.pooling.defaults });
    expect(encoded).toBe('?v=1&p=pooling');
  });

  it('a link percent-encoded by another tool (%2C, %3B) decodes the same', () => {
    const { view, ignored } = decodeView('?v=1&x=1%2C2%3B3%2C4&k=1%2C0');
    expect(ignored).toEqual([]);
    expect(basicsOf(view)?.input).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(basicsOf(view)?.kernel).toEqual([[1, 0]]);
  });

  it('a round trip through a real URL object keeps the view', () => {
    const view = basicsView(
      {
        input: [
          [-1, 2],
          [3, -4],
        ],
        kernel: [[0.5]],
        bias: 1.5,
      },
      { step: 2, language: 'en' },
    );
    const url = new URL(`https://example.org/app/${encodeView(view)}`);
    expect(decodeView(url.search)).toEqual({ view, ignored: [] });
  });
});

describe('bad and hostile links', () => {
  it('a bad stride-like step in the URL falls back to 0 and says so', () => {
    const { view, ignored } = decodeView('?v=1&s=abc');
    expect(view.step).toBe(0);
    expect(ignored).toEqual([{ key: 's', reason: 'invalid' }]);
  });

  it.each([
    ['p', '<script>alert(1)</script>'],
    ['p', 'javascript:alert(1)'],
    ['p', 'constructor'],
    ['p', '__proto__'],
    ['lang', 'fr'],
    ['lang', '<img src=x onerror=alert(1)>'],
    ['pm', 'true'],
    ['pm', '2'],
    ['s', '-3'],
    ['s', '1e999'],
    ['s', 'NaN'],
    ['s', '2.5'],
    ['s', String(MAX_STEP + 1)],
    ['s', '99999999999999999999'],
    ['x', '<script>alert(1)</script>'],
    ['x', 'javascript:alert(1)'],
    ['x', '1e999'],
    ['x', 'NaN'],
    ['x', '1,2;3'],
    ['x', '1000'],
    ['x', Array.from({ length: 11 }, () => '1').join(';')],
    ['k', '1,2,3,4,5,6'],
    ['k', 'Infinity'],
    ['flip', 'yes'],
    ['b', '1e999'],
    ['b', '-1000'],
    ['b', 'NaN'],
    ['b', '<script>'],
    ['b', '0x10'],
  ])('%s=%s falls back to its default and is listed', (key, value) => {
    const { view, ignored } = decodeView(`?v=1&${key}=${encodeURIComponent(value)}`);
    expect(ignored).toEqual([{ key, reason: 'invalid' }]);
    const expected = defaultView();
    expect(view).toEqual(expected);
  });

  it('a 100 kB value makes the whole link too long: the default view, named by "?"', () => {
    const huge = 'x'.repeat(100_000);
    const { view, ignored } = decodeView(`?v=1&x=${huge}`);
    expect(view).toEqual(defaultView());
    expect(ignored).toEqual([{ key: '?', reason: 'too-long' }]);
  });

  it.each(KNOWN_KEYS.filter((key) => key !== 'v'))('a value of %s longer than MAX_VALUE_LENGTH is listed as too long', (key) => {
    const long = '1'.repeat(MAX_VALUE_LENGTH + 1);
    const { view, ignored } = decodeView(`?v=1&${key}=${long}`);
    expect(ignored).toEqual([{ key, reason: 'too-long' }]);
    expect(view).toEqual(defaultView());
  });

  it('a query exactly MAX_QUERY_LENGTH long is still read; one character more is not', () => {
    const base = '?v=1&b=2&z=';
    const fits = base + 'a'.repeat(MAX_QUERY_LENGTH - base.length);
    expect(fits.length).toBe(MAX_QUERY_LENGTH);
    expect(basicsOf(decodeView(fits).view)?.bias).toBe(2);
    const over = `${fits}a`;
    expect(decodeView(over)).toEqual({ view: defaultView(), ignored: [{ key: '?', reason: 'too-long' }] });
  });

  it('a wrong version v=2 is reported', () => {
    const { ignored } = decodeView('?v=2&b=3');
    expect(ignored).toContainEqual({ key: 'v', reason: 'version' });
  });

  it('a link without a version is read as the current version, without a notice', () => {
    const { view, ignored } = decodeView('?b=3');
    expect(ignored).toEqual([]);
    expect(basicsOf(view)?.bias).toBe(3);
  });

  it('unknown keys are left alone and not listed', () => {
    const { view, ignored } = decodeView('?v=1&utm_source=mail&%3Cscript%3E=1&b=2');
    expect(ignored).toEqual([]);
    expect(basicsOf(view)?.bias).toBe(2);
  });

  it('only the bad fields fall back; the good ones of the same link are kept', () => {
    const { view, ignored } = decodeView('?v=1&lang=zh&s=NaN&x=1,2,3;4,5,6;7,8,9&k=oops&b=4');
    expect(keysOf(ignored)).toEqual(['s', 'k']);
    expect(view.language).toBe('zh');
    expect(view.step).toBe(0);
    expect(view.config).toEqual({
      ...BASICS_DEFAULTS,
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      bias: 4,
    });
  });

  it('a kernel larger than the input is a conflict: the kernel falls back and is reported', () => {
    const { view, ignored } = decodeView('?v=1&x=1,2,3;4,5,6;7,8,9&k=1,1,1,1;1,1,1,1');
    expect(ignored).toEqual([{ key: 'k', reason: 'conflict' }]);
    expect(basicsOf(view)?.kernel).toEqual(BASICS_DEFAULTS.kernel);
    expect(basicsOf(view)?.input).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('an input smaller than the default kernel gives a valid view and names x', () => {
    // x=1,2 is a fine 1×2 matrix on its own, but the default 2×2 kernel does not fit in it.
    const { view, ignored } = decodeView('?v=1&x=1,2');
    expectValidView(view);
    expect(keysOf(ignored)).toContain('x');
  });

  it('an input and a kernel that both clash give a valid view and name both', () => {
    const { view, ignored } = decodeView('?v=1&x=1,2&k=1,2;3,4');
    expectValidView(view);
    expect(keysOf(ignored)).toEqual(expect.arrayContaining(['x', 'k']));
  });

  it('-0 as a bias or matrix value decodes to plain 0', () => {
    const { view } = decodeView('?v=1&b=-0&x=-0,1;2,3&k=1');
    expect(Object.is(basicsOf(view)?.bias, 0)).toBe(true);
    expect(Object.is(basicsOf(view)?.input[0]?.[0], 0)).toBe(true);
  });

  it('decimals beyond 4 places are rounded to 4', () => {
    expect(basicsOf(decodeView('?v=1&b=0.123456').view)?.bias).toBe(0.1235);
  });
});

describe('property: no link throws or yields an invalid view', () => {
  const knownKey = fc.constantFrom(...KNOWN_KEYS);
  const anyKey = fc.oneof(knownKey, knownKey, knownKey, fc.string({ maxLength: 6 }));
  const numberText = fc.oneof(
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity', '-0', '0x10', '1e308', '9'.repeat(40), '−5', '+3', '.5', '5.', '1e-7'),
  );
  const matrixText = fc
    .array(fc.array(numberText, { minLength: 0, maxLength: 12 }), { minLength: 0, maxLength: 12 })
    .chain((rows) =>
      fc
        .tuple(fc.constantFrom(',', ' ', ', ', '%2C', '，'), fc.constantFrom(';', '\n', '%3B', ';;'))
        .map(([col, row]) => rows.map((r) => r.join(col)).join(row)),
    );
  const percentEscape = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).padStart(2, '0')}`),
    fc.constantFrom('%', '%%', '%zz', '%E2%88%92', '%C0%AF', '%ED%A0%80', '%00', '%26', '%3D', '%23'),
  );
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    numberText,
    matrixText,
    fc.array(percentEscape, { maxLength: 8 }).map((parts) => parts.join('')),
    fc.constantFrom('<script>alert(1)</script>', 'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '__proto__', 'constructor'),
    fc.constantFrom(...PANEL_IDS, 'en', 'zh', '0', '1', '2', 'basics '),
    fc.integer({ min: 0, max: 5000 }).map((n) => '1,'.repeat(n)),
  );
  const queryFromPairs = fc
    .tuple(fc.array(fc.tuple(anyKey, value), { maxLength: 10 }), fc.boolean(), fc.boolean())
    .map(([pairs, viaParams, withQuestionMark]) => {
      const body = viaParams ? new URLSearchParams(pairs).toString() : pairs.map(([k, v]) => `${k}=${v}`).join('&');
      return `${withQuestionMark ? '?' : ''}${body}`;
    });
  const mutatedValid = fc
    .tuple(
      fc.constantFrom('?v=1', '?v=1&x=1,2;3,4&k=1', '?v=1&p=pooling&s=3', '?v=1&lang=zh&pm=1&flip=1&b=2', encodeView(defaultView())),
      fc.array(fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 4 }), percentEscape)), { maxLength: 5 }),
    )
    .map(([base, edits]) =>
      edits.reduce((text, [at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i);
      }, base),
    );

  /** Known keys present in the link whose value the decoder could not have used verbatim must be listed. */
  function expectBadKeysListed(search: string, view: ViewState, ignored: readonly IgnoredField[]): void {
    if (search.length > MAX_QUERY_LENGTH) {
      expect(ignored).toEqual([{ key: '?', reason: 'too-long' }]);
      return;
    }
    const params = new URLSearchParams(search);
    const listed = new Set(keysOf(ignored));
    const expectKept = (key: string, ok: boolean) => {
      if (!params.has(key)) return;
      if (!ok) expect(listed, `bad ${key}=${JSON.stringify(params.get(key)?.slice(0, 40))} not listed`).toContain(key);
    };
    const raw = (key: string) => params.get(key) ?? '';
    expectKept('v', raw('v') === URL_VERSION);
    expectKept('p', (PANEL_IDS as readonly string[]).includes(raw('p')) && view.panel === raw('p'));
    expectKept('lang', raw('lang') === view.language);
    expectKept('pm', (raw('pm') === '1') === view.presentation && (raw('pm') === '1' || raw('pm') === '0'));
    expectKept('embed', (raw('embed') === '1') === view.embed && (raw('embed') === '1' || raw('embed') === '0'));
    expectKept('quiz', (raw('quiz') === '1') === view.quiz && (raw('quiz') === '1' || raw('quiz') === '0'));
    // "-0" is the step 0 written oddly; it may be read as 0 without a notice.
    expectKept('s', /^-?\d+$/.test(raw('s')) && Number(raw('s')) === view.step);
    const basics = basicsOf(view);
    if (basics) {
      expectKept('flip', (raw('flip') === '1' || raw('flip') === '0') && (raw('flip') === '1') === basics.flip);
      const bias = Number(raw('b'));
      expectKept('b', raw('b').trim() !== '' && Number.isFinite(bias) && Math.abs(bias - basics.bias) < 1e-4);
    }
  }

  const check = (search: string) => {
    let result: ReturnType<typeof decodeView> | undefined;
    expect(() => {
      result = decodeView(search);
    }).not.toThrow();
    const { view, ignored } = result as ReturnType<typeof decodeView>;
    expectValidView(view);
    expectBadKeysListed(search, view, ignored);
    for (const field of ignored) {
      expect(typeof field.key).toBe('string');
      expect(field.key.length).toBeLessThanOrEqual(25);
    }
  };

  it('thousands of arbitrary strings decode without a throw into a valid view', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (search) => check(search)),
      { numRuns: 5000 },
    );
  });

  it('thousands of query strings of known keys with arbitrary values decode into a valid view and list every bad known key', () => {
    fc.assert(
      fc.property(queryFromPairs, (search) => check(search)),
      { numRuns: 6000 },
    );
  });

  it('thousands of mutated valid links decode without a throw into a valid view', () => {
    fc.assert(
      fc.property(mutatedValid, (search) => check(search)),
      { numRuns: 5000 },
    );
  });

  it('every encoded valid view decodes back to itself', () => {
    const cell = fc.integer({ min: -9_990_000, max: 9_990_000 }).map((n) => n / 10_000 || 0);
    const matrix = (maxRows: number, maxCols: number) =>
      fc
        .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
        .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    const config = fc.tuple(matrix(10, 10), matrix(5, 5), fc.boolean(), cell).map(([input, kernel, flip, bias]) => ({
      input,
      kernel: kernel.slice(0, input.length).map((row) => row.slice(0, input[0]?.length ?? 1)),
      flip,
      bias,
    }));
    const view = fc.record({
      panel: fc.constant('basics' as PanelId),
      language: fc.constantFrom(null, 'en' as const, 'zh' as const),
      presentation: fc.boolean(),
      embed: fc.boolean(),
      quiz: fc.boolean(),
      step: fc.integer({ min: 0, max: MAX_STEP }),
      config,
    });
    fc.assert(
      fc.property(view, (v) => {
        expect(decodeView(encodeView(v))).toEqual({ view: v, ignored: [] });
      }),
      { numRuns: 2000 },
    );
  });
});
