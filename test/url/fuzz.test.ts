// Fuzzing the link parser across every panel: arbitrary, hostile and mutated query strings never throw, always give a valid,
// stable view within the app's limits, and every key whose value was not taken as it stood is named in the notice.
import fc from 'fast-check';
import { PANEL_IDS, PANEL_SPECS, type BuiltPanelId, type PanelConfigs } from '../../src/app/panels.ts';
import { PADDING_MODES } from '../../src/engine/index.ts';
import { LANGUAGES } from '../../src/i18n/messages.ts';
import { BASICS_LIMITS, BASICS_PRESETS } from '../../src/panels/basics/basicsConfig.ts';
import { CHANNELS_LIMITS, CHANNELS_VIEWS, COST_PRESETS, LAYER_PRESETS, VOLUME_PRESETS } from '../../src/panels/channels/channelsConfig.ts';
import { CONV_LAB_LIMITS } from '../../src/panels/convLab/convLabConfig.ts';
import { DILATION_PRESETS, STACK_LIMITS } from '../../src/panels/dilation/dilationConfig.ts';
import { DISPLAY_MODES, KERNELS_LIMITS, LAB_PRESETS, LEARN_PRESETS, PADDING_CHOICES, SAMPLE_IDS } from '../../src/panels/kernels/kernelsConfig.ts';
import { PADDING_PRESETS } from '../../src/panels/padding/paddingConfig.ts';
import { POOL_PRESETS, POOLING_LIMITS } from '../../src/panels/pooling/poolingConfig.ts';
import { RECEPTIVE_LIMITS, RECEPTIVE_PRESETS } from '../../src/panels/receptive/receptiveConfig.ts';
import { STRIDE_PRESETS } from '../../src/panels/stride/strideConfig.ts';
import { STEP_ORDERS, TRANSPOSED_LIMITS, TRANSPOSED_PRESETS } from '../../src/panels/transposed/transposedConfig.ts';
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
import { MAX_VALUE_LENGTH, integerField, type Field, type Matrix, type MatrixLimits } from '../../src/url/fields.ts';
import type { PanelConfigSpec } from '../../src/url/panelSpec.ts';

/** Cases per property; their sum is asserted below, so a later edit cannot quietly shrink the fuzzing. */
const RUNS = { arbitrary: 2000, hostilePerPanel: 700, mutated: 2500, validRoundTrip: 900 } as const;
const BUILT_PANELS = PANEL_IDS.filter((id): id is BuiltPanelId => id in PANEL_SPECS);
const PLANNED_CASES = RUNS.arbitrary + RUNS.hostilePerPanel * BUILT_PANELS.length + RUNS.mutated + RUNS.validRoundTrip;
const MIN_CASES = 10_000;
let executedCases = 0;
/** Property tests that finished; the executed count is checked only when all of them ran (no -t filter). */
let finishedProperties = 0;
const PROPERTY_TESTS = 3 + BUILT_PANELS.length;

type AnySpec = PanelConfigSpec<Record<string, unknown>>;

function specOf(panel: BuiltPanelId): AnySpec {
  return PANEL_SPECS[panel] as unknown as AnySpec;
}

/** The panel's URL fields as [config name, key, field]. */
function urlFields(panel: BuiltPanelId): [string, string, Field<unknown>][] {
  const spec = specOf(panel);
  return Object.entries(spec.url).flatMap(([name, entry]) =>
    entry.key === null ? [] : [[name, entry.key, entry.field] as [string, string, Field<unknown>]],
  );
}

const APP_KEY_LIST: readonly string[] = Object.values(APP_KEYS);
const PANEL_KEYS = Object.fromEntries(BUILT_PANELS.map((panel) => [panel, urlFields(panel).map(([, key]) => key)])) as Record<BuiltPanelId, string[]>;

// ---------------------------------------------------------------------------------------------------------------------
// What every decoded view must satisfy.

function fail(message: string): never {
  throw new Error(message);
}

function checkMatrix(what: string, matrix: Matrix, limits: MatrixLimits): void {
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  if (rows < 1 || rows > limits.maxRows || cols < 1 || cols > limits.maxCols)
    fail(`${what}: ${rows}×${cols} outside 1…${limits.maxRows}×${limits.maxCols}`);
  for (const row of matrix) {
    if (row.length !== cols) fail(`${what}: ragged`);
    for (const value of row)
      if (!Number.isFinite(value) || Math.abs(value) > limits.maxAbs) fail(`${what}: value ${value} outside ±${limits.maxAbs}`);
  }
}

function checkInts(what: string, values: readonly number[], min: number, max: number): void {
  for (const value of values) if (!Number.isInteger(value) || value < min || value > max) fail(`${what}: ${value} outside ${min}…${max}`);
}

/** Each panel's limits, read from its config module: the sizes that bound how much work a link can ask for. */
const LIMIT_CHECKS: { [P in BuiltPanelId]: (config: PanelConfigs[P]) => void } = {
  basics(c) {
    checkMatrix('x', c.input, BASICS_LIMITS.input);
    checkMatrix('k', c.kernel, BASICS_LIMITS.kernel);
    if (!(Math.abs(c.bias) <= BASICS_LIMITS.bias)) fail(`b ${c.bias}`);
  },
  padding: (c) => LIMIT_CHECKS.stride(c),
  stride(c) {
    checkMatrix('x', c.input, CONV_LAB_LIMITS.input);
    checkMatrix('k', c.kernel, CONV_LAB_LIMITS.kernel);
    checkInts('pad', c.padding, 0, CONV_LAB_LIMITS.padding);
    checkInts('st', c.stride, 1, CONV_LAB_LIMITS.stride);
    checkInts('dl', c.dilation, 1, CONV_LAB_LIMITS.dilation);
    if (!PADDING_MODES.includes(c.paddingMode)) fail(`mode ${c.paddingMode}`);
  },
  dilation(c) {
    LIMIT_CHECKS.stride(c);
    if (c.stack.length < STACK_LIMITS.minLayers || c.stack.length > STACK_LIMITS.maxLayers) fail(`stack of ${c.stack.length}`);
    checkInts('stack', c.stack, 1, STACK_LIMITS.maxRate);
  },
  transposed(c) {
    checkMatrix('x', c.input, TRANSPOSED_LIMITS.input);
    checkMatrix('k', c.kernel, TRANSPOSED_LIMITS.kernel);
    checkInts('st', c.stride, 1, TRANSPOSED_LIMITS.stride);
    checkInts('pad', c.padding, 0, TRANSPOSED_LIMITS.padding);
    checkInts('op', c.outputPadding, 0, TRANSPOSED_LIMITS.outputPadding);
    checkInts('dl', c.dilation, 1, TRANSPOSED_LIMITS.dilation);
    checkInts('ly', [c.layers], TRANSPOSED_LIMITS.layers.min, TRANSPOSED_LIMITS.layers.max);
    if (!STEP_ORDERS.includes(c.order)) fail(`by ${c.order}`);
  },
  receptive(c) {
    const L = RECEPTIVE_LIMITS;
    if (c.layers.length < L.minLayers || c.layers.length > L.maxLayers) fail(`${c.layers.length} layers`);
    checkInts('n', [c.inputSize], L.minInput, L.maxInput);
    for (const layer of c.layers) {
      checkInts('layer kernel', [layer.kernel], 1, L.kernel);
      checkInts('layer stride', [layer.stride], 1, L.stride);
      checkInts('layer padding', [layer.padding], 0, L.padding);
      checkInts('layer dilation', [layer.dilation], 1, L.dilation);
    }
    if (c.unit) checkInts('u', c.unit, 0, c.inputSize - 1);
  },
  pooling(c) {
    const L = POOLING_LIMITS;
    if (c.input.length < 1 || c.input.length > L.channels) fail(`${c.input.length} channels`);
    for (const channel of c.input) checkMatrix('x', channel, L.input);
    checkInts('k', c.kernel, 1, L.kernel);
    if (c.stride) checkInts('st', c.stride, 1, L.stride);
    checkInts('pad', c.padding, 0, L.padding);
    checkInts('dl', c.dilation, 1, L.dilation);
    checkInts('gs', [c.gradientSeed], 0, L.seed);
    checkInts('ai', c.regionSize, 1, L.region);
    checkInts('ao', c.adaptiveOutput, 1, L.adaptiveOutput);
    if (c.pyramid.length < L.pyramid.minLevels || c.pyramid.length > L.pyramid.maxLevels) fail(`${c.pyramid.length} levels`);
    checkInts('spp', c.pyramid, 1, L.pyramid.maxSize);
  },
  channels(c) {
    const L = CHANNELS_LIMITS;
    const map = { maxRows: L.size, maxCols: L.size, maxAbs: L.maxAbs };
    const kernel = { maxRows: L.kernel, maxCols: L.kernel, maxAbs: L.maxAbs };
    if (c.input.length < 1 || c.input.length > L.channels) fail(`${c.input.length} input channels`);
    for (const m of c.input) checkMatrix('x', m, map);
    if (c.weight.length < 1 || c.weight.length > L.channels) fail(`${c.weight.length} books`);
    for (const book of c.weight) {
      if (book.length < 1 || book.length > L.channels) fail(`${book.length} slices`);
      for (const m of book) checkMatrix('w', m, kernel);
    }
    if (c.bias.length > L.channels) fail(`${c.bias.length} biases`);
    for (const b of c.bias) if (!(Math.abs(b) <= L.maxAbs)) fail(`bias ${b}`);
    checkInts('g', [c.groups], 1, L.channels);
    checkMatrix('pw', c.pointwise, { maxRows: 8, maxCols: 8, maxAbs: L.maxAbs });
    checkInts('cin/cout', [c.costIn, c.costOut], 1, L.cost.channels);
    checkInts('ck', c.costKernel, 1, L.cost.kernel);
    checkInts('cs', c.costSize, 1, L.cost.size);
    checkInts('cp', c.costPadding, 0, L.cost.padding);
    checkInts('cst', c.costStride, 1, L.cost.stride);
    checkInts('vs depth', [c.volume[0]], 1, L.volume.depth);
    checkInts('vs', c.volume.slice(1), 1, L.volume.size);
    checkInts('vk', c.volumeKernel, 1, L.volume.kernel);
    checkInts('vst', c.volumeStride, 1, L.volume.stride);
    checkInts('vp', c.volumePadding, 0, L.volume.padding);
    checkInts('vc', c.volumeChannels, 1, L.volume.channels);
    if (!CHANNELS_VIEWS.includes(c.view)) fail(`view ${c.view}`);
  },
  kernels(c) {
    const L = KERNELS_LIMITS;
    checkMatrix('k', c.weights, L.weights);
    checkInts('div', [c.divisor], 1, L.divisor);
    checkInts('st', c.stride, 1, L.stride);
    checkInts('dl', c.dilation, 1, L.dilation);
    checkInts('lens', c.lens, 0, L.lens);
    checkInts('ln', [c.learnSteps], 1, L.learnSteps);
    checkInts('seed', [c.learnSeed], 0, L.learnSeed);
    if (!(c.learningRate > 0 && c.learningRate <= L.learningRate)) fail(`lr ${c.learningRate}`);
    if (!SAMPLE_IDS.includes(c.sample) || !PADDING_CHOICES.includes(c.padding) || !DISPLAY_MODES.includes(c.display)) fail('enum');
  },
};

/** A valid view: a known panel, a step in range, and a config the panel can run whose every field its own parser accepts. */
function checkValidView(view: ViewState): void {
  if (!PANEL_IDS.includes(view.panel)) fail(`panel ${String(view.panel)}`);
  if (view.language !== null && !LANGUAGES.includes(view.language)) fail(`language ${String(view.language)}`);
  for (const flag of [view.presentation, view.embed, view.quiz]) if (typeof flag !== 'boolean') fail('flag not boolean');
  checkInts('step', [view.step], 0, MAX_STEP);
  if (!(view.panel in PANEL_SPECS)) {
    if (view.config !== null) fail('config for an unbuilt panel');
    return;
  }
  const panel = view.panel as BuiltPanelId;
  const spec = specOf(panel);
  const config = view.config as unknown as Record<string, unknown> | null;
  if (!config) fail(`no config for ${panel}`);
  const problems = spec.problems(config);
  if (problems.length > 0) fail(`${panel}: problems ${problems.join(', ')}`);
  // Generic limits: every non-default field serializes to a value that fits in a link and its own parser accepts back unchanged.
  for (const [name, key, field] of urlFields(panel)) {
    if (field.equals(config[name], spec.defaults[name])) continue;
    const text = field.serialize(config[name]);
    if (text.length > MAX_VALUE_LENGTH) fail(`${panel}.${key}: ${text.length} characters`);
    const back = field.parse(text);
    if (back === null || !field.equals(back, config[name])) fail(`${panel}.${key}=${text.slice(0, 60)} is not a value its parser accepts`);
  }
  (LIMIT_CHECKS[panel] as (config: unknown) => void)(config);
}

/** The view as plain data, with -0 read as 0 (a link writes both as "0"; some presets and "s=-0" hold -0, which every field's equals accepts). */
function plain(view: ViewState): unknown {
  return JSON.parse(JSON.stringify(view));
}

/** Encoding the view and decoding it again gives the same view, with nothing to report. */
function checkStable(view: ViewState): void {
  const again = decodeView(encodeView(view));
  expect(again.ignored).toEqual([]);
  expect(plain(again.view)).toEqual(plain(view));
}

const stepField = integerField(0, MAX_STEP);

/** Every key whose value was not taken as it stood is in the notice, with a reason that matches; nothing else is. */
function checkNotice(search: string, view: ViewState, ignored: readonly IgnoredField[]): void {
  if (search.length > MAX_QUERY_LENGTH) {
    expect(ignored).toEqual([{ key: '?', reason: 'too-long' }]);
    expect(view).toEqual(defaultView());
    return;
  }
  const params = new URLSearchParams(search);
  const listed = new Map(ignored.map((field) => [field.key, field.reason]));
  if (listed.size !== ignored.length) fail(`a key listed twice: ${JSON.stringify(ignored)}`);
  const panelKeys = view.panel in PANEL_SPECS ? PANEL_KEYS[view.panel as BuiltPanelId] : [];
  for (const key of listed.keys()) if (!APP_KEY_LIST.includes(key) && !panelKeys.includes(key)) fail(`unknown key "${key}" listed`);

  const expectListedUnless = (key: string, acceptedAsIs: (raw: string) => boolean) => {
    const raw = params.get(key);
    if (raw === null) return;
    const ok = raw.length <= MAX_VALUE_LENGTH && acceptedAsIs(raw);
    if (!ok && !listed.has(key)) fail(`${key}=${JSON.stringify(raw.slice(0, 60))} was not used as it stood, yet the notice does not name it`);
    if (listed.get(key) === 'too-long' && raw.length <= MAX_VALUE_LENGTH) fail(`${key} called too long at ${raw.length} characters`);
  };
  expectListedUnless(APP_KEYS.version, (raw) => raw === URL_VERSION);
  expectListedUnless(APP_KEYS.panel, (raw) => raw === view.panel);
  expectListedUnless(APP_KEYS.language, (raw) => raw === view.language);
  expectListedUnless(APP_KEYS.presentation, (raw) => raw === (view.presentation ? '1' : '0'));
  expectListedUnless(APP_KEYS.embed, (raw) => raw === (view.embed ? '1' : '0'));
  expectListedUnless(APP_KEYS.quiz, (raw) => raw === (view.quiz ? '1' : '0'));
  expectListedUnless(APP_KEYS.step, (raw) => stepField.parse(raw) === view.step);
  if (!(view.panel in PANEL_SPECS)) return;
  const panel = view.panel as BuiltPanelId;
  const config = view.config as unknown as Record<string, unknown>;
  const defaults = specOf(panel).defaults;
  for (const [name, key, field] of urlFields(panel)) {
    expectListedUnless(key, (raw) => {
      const parsed = field.parse(raw);
      return parsed !== null && field.equals(parsed, config[name]);
    });
    const raw = params.get(key);
    const reason = listed.get(key);
    if (raw === null || reason === undefined) continue;
    if (reason === 'invalid' && raw.length <= MAX_VALUE_LENGTH && field.parse(raw) !== null)
      fail(`${key}=${raw.slice(0, 60)} called invalid but parses`);
    if (reason === 'conflict' && !field.equals(config[name], defaults[name])) fail(`${key} reset for a conflict but not to its default`);
  }
}

function checkLink(search: string): void {
  executedCases += 1;
  let result: ReturnType<typeof decodeView> | undefined;
  try {
    result = decodeView(search);
  } catch (error) {
    fail(`decodeView threw on ${JSON.stringify(search.slice(0, 200))}: ${String(error)}`);
  }
  checkValidView(result.view);
  checkStable(result.view);
  checkNotice(search, result.view, result.ignored);
}

// ---------------------------------------------------------------------------------------------------------------------
// Generators.

/** Percent-encodes like another tool would; text with lone surrogates (which encodeURIComponent refuses) as a form would. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return new URLSearchParams({ v: text }).toString().slice(2);
  }
}

/** Values a link may hold for any key: markup, script URLs, numbers that are not numbers, broken escapes, odd Unicode. */
const HOSTILE_VALUES: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=__pwned++>",
  'javascript:alert(1)',
  'JaVaScRiPt:__pwned++',
  'data:text/html,<script>alert(1)</script>',
  "import('data:text/javascript,__pwned++')",
  '${alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '1e999',
  '-1e999',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '9'.repeat(40),
  '-1',
  '-0',
  '-5',
  '-99999',
  '4294967296',
  '9007199254740993',
  '0x10',
  '0b11',
  '1e2',
  '1.5',
  '2.',
  '.5',
  '+3',
  '−5',
  ' 3',
  '3 ',
  '00003',
  '１',
  '２,３',
  '１,２;３,４',
  '٣',
  '³',
  '%E0%A4%A',
  '%',
  '%%',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  '%FF%FE',
  '%E2%88%92',
  '%2C%2C',
  '%3B',
  '%26p%3Dpooling',
  '%0A',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '1,\uDC00;2',
  '1,2;3,4_5,6;7,8*9',
  ';;;',
  ',,,',
  '___',
  '***',
  '...',
  'c3..c3',
  '1,,2;;3',
  '[[1,2],[3,4]]',
  '[1;2]',
  '1_2*3_4',
  '1*2*3*4*5*6*7*8*9',
  '1_2_3_4_5_6_7_8_9',
  'c3s1p1d1.'.repeat(21),
  'c99',
  'a3d2',
  'none',
  'none,1',
  '\n',
  '\t1\t',
  '\u0000',
  '1;2;3;4;5;6;7;8;9;10;11;12;13',
  Array.from({ length: 13 }, () => '1').join(','),
];

/** Values too long for one field (2 001 characters) or for the whole link (100 kB). */
const LONG_VALUES: readonly string[] = [`${'1,'.repeat(1000)}1`, 'x'.repeat(MAX_VALUE_LENGTH + 1), '1'.repeat(100_000), `${'1;'.repeat(50_000)}1`];

/** Words some enum field accepts, from the modules that define them. */
const WORDS: readonly string[] = [
  ...PANEL_IDS,
  ...LANGUAGES,
  ...PADDING_MODES,
  ...CHANNELS_VIEWS,
  ...STEP_ORDERS,
  ...SAMPLE_IDS,
  ...DISPLAY_MODES,
  ...PADDING_CHOICES,
  'max',
  'avg',
  'forward',
  'backward',
  'ones',
  'count',
  'seeded',
  'gray',
  'rgb',
  'edge1x2',
  'sobelX',
  'gaussianBlur',
  'lab',
  'noise',
  'image',
];

/** Every preset of a panel, as a full config. */
function presetConfigs(panel: BuiltPanelId): Record<string, unknown>[] {
  const defaults = specOf(panel).defaults;
  const partials: Record<BuiltPanelId, readonly object[]> = {
    basics: BASICS_PRESETS.map((p) => p.config),
    padding: PADDING_PRESETS.map((p) => p.config),
    stride: STRIDE_PRESETS.map((p) => p.config),
    dilation: DILATION_PRESETS.map((p) => p.config),
    transposed: TRANSPOSED_PRESETS.map((p) => p.config),
    receptive: RECEPTIVE_PRESETS.map((p) => p.config),
    pooling: POOL_PRESETS.map((p) => p.settings),
    channels: [...LAYER_PRESETS, ...COST_PRESETS, ...VOLUME_PRESETS].map((p) => ({ ...p.config, ...(p.view ? { view: p.view } : {}) })),
    kernels: [...LAB_PRESETS, ...LEARN_PRESETS].map((p) => p.config),
  };
  return [defaults, ...partials[panel].map((partial) => ({ ...defaults, ...partial }))];
}

/** Valid values of each key of a panel, serialized from its presets. */
function validPool(panel: BuiltPanelId): Record<string, string[]> {
  const pool: Record<string, string[]> = {};
  for (const config of presetConfigs(panel)) {
    for (const [name, key, field] of urlFields(panel)) {
      const text = field.serialize(config[name]);
      if (text !== '') (pool[key] ??= []).push(text);
    }
  }
  return pool;
}

const smallInt = fc.integer({ min: -3, max: 20 }).map(String);
const tuple = fc.array(fc.integer({ min: -1, max: 13 }), { minLength: 1, maxLength: 5 }).map((values) => values.join(','));
const cellText = fc.oneof(
  fc.integer({ min: -9, max: 9 }).map(String),
  fc.integer({ min: -99_999, max: 99_999 }).map((n) => String(n / 100)),
  fc.constantFrom('1e3', '-1e2', '999', '-999', '1000', 'NaN', '.5', '−2', '+1'),
);
const matrixText = fc
  .tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), fc.boolean())
  .chain(([rows, cols, ragged]) =>
    fc.array(fc.array(cellText, { minLength: ragged ? 1 : cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  )
  .map((rows) => rows.map((row) => row.join(',')).join(';'));
/** Channel stacks and kernel banks: matrices joined by '_' and '*'. */
const stackText = fc
  .tuple(fc.array(fc.array(matrixText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
  .map(([books]) => books.map((book) => book.join('_')).join('*'));
const layerText = fc
  .array(
    fc
      .tuple(fc.constantFrom('c', 'm', 'a', 'x'), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 17 }))
      .map(([kind, k, s, p]) => `${kind}${k}s${s}p${p}`),
    { minLength: 1, maxLength: 22 },
  )
  .map((layers) => layers.join('.'));
const percentEscapes = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 255 }).map((n) => `%${n.toString(16).toUpperCase().padStart(2, '0')}`),
      fc.constantFrom('%E0%A4%A', '%', '%G1', '%ED%A0%80', '%F0%9F%98'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Inserts, deletes, duplicates or replaces a piece of a text, `count` times. */
const mutation = fc.tuple(
  fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  fc.nat(),
  fc.integer({ min: 1, max: 6 }),
  fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(',', ';', '_', '*', '.', '&', '=', '?', '#', '%', '-', '9', '0', ' ', '+'), percentEscapes),
);
function mutate(text: string, edits: readonly (typeof mutation extends fc.Arbitrary<infer T> ? T : never)[]): string {
  return edits.reduce((current, [kind, at, length, piece]) => {
    const i = at % (current.length + 1);
    if (kind === 'insert') return current.slice(0, i) + piece + current.slice(i);
    if (kind === 'delete') return current.slice(0, i) + current.slice(i + length);
    if (kind === 'duplicate') return current.slice(0, i + length) + current.slice(i, i + length) + current.slice(i + length);
    return current.slice(0, i) + piece + current.slice(i + length);
  }, text);
}

/** A value for one key of a panel: mostly plausible (its presets' values, numbers, matrices, words), often hostile. */
function valueFor(panel: BuiltPanelId, key: string): fc.Arbitrary<string> {
  const pool = validPool(panel)[key] ?? ['1'];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...pool), fc.array(mutation, { maxLength: 2 })).map(([text, edits]) => mutate(text, edits)) },
    { weight: 2, arbitrary: fc.oneof(smallInt, tuple) },
    { weight: 2, arbitrary: fc.oneof(matrixText, stackText, layerText) },
    { weight: 1, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 1, arbitrary: percentEscapes },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })) },
    { weight: 1, arbitrary: fc.constantFrom(...LONG_VALUES) },
  );
}

const appValue = fc.oneof(
  fc.constantFrom('1', '0', '2', '', ...PANEL_IDS, ...LANGUAGES),
  fc.integer({ min: -5, max: MAX_STEP + 5 }).map(String),
  fc.constantFrom(...HOSTILE_VALUES),
  fc.constantFrom(...LONG_VALUES),
);

/** A query string for a panel: its own keys and the app keys with mostly hostile values, in either raw or encoded form. */
function hostileQuery(panel: BuiltPanelId): fc.Arbitrary<string> {
  const ownKeys = PANEL_KEYS[panel];
  const ownPair = fc.constantFrom(...ownKeys).chain((key) => valueFor(panel, key).map((value) => [key, value] as const));
  const appPair = fc.tuple(fc.constantFrom(...APP_KEY_LIST.filter((key) => key !== APP_KEYS.panel)), appValue);
  const otherPair = fc.tuple(
    fc.oneof(fc.constantFrom(...Object.values(PANEL_KEYS).flat()), fc.string({ maxLength: 6 }), fc.constantFrom('<b>', '__proto__', 'p ', 'P')),
    fc.constantFrom(...HOSTILE_VALUES),
  );
  const pairs = fc.array(fc.oneof({ weight: 6, arbitrary: ownPair }, { weight: 2, arbitrary: appPair }, { weight: 1, arbitrary: otherPair }), {
    minLength: 1,
    maxLength: 12,
  });
  return fc
    .tuple(pairs, fc.constantFrom('raw', 'encoded', 'mixed'), fc.boolean(), fc.integer({ min: 0, max: 12 }))
    .map(([list, form, questionMark, panelAt]) => {
      const all: [string, string][] = list.map(([key, value]) => [key, value]);
      all.splice(panelAt % (all.length + 1), 0, [APP_KEYS.panel, panel]);
      const body = all
        .map(([key, value], i) => (form === 'raw' || (form === 'mixed' && i % 2 === 0) ? `${key}=${value}` : `${enc(key)}=${enc(value)}`))
        .join('&');
      return `${questionMark ? '?' : ''}${body}`;
    });
}

/** A valid link of a panel with many fields away from their defaults: a hostile query decoded, then encoded. */
function validLink(panel: BuiltPanelId): fc.Arbitrary<string> {
  const presets = presetConfigs(panel).map((config) => encodeView({ ...defaultView(), panel, config: config as unknown as ViewState['config'] }));
  return fc.oneof(
    fc.constantFrom(...presets),
    hostileQuery(panel).map((query) => encodeView(decodeView(query).view)),
  );
}

const anyPanel = fc.constantFrom(...BUILT_PANELS);

// ---------------------------------------------------------------------------------------------------------------------

describe('fuzzing the link parser across every panel', () => {
  it('no panel key collides with an app key, and every built panel has keys to fuzz', () => {
    for (const panel of BUILT_PANELS) {
      expect(PANEL_KEYS[panel].length).toBeGreaterThan(0);
      for (const key of PANEL_KEYS[panel]) expect(APP_KEY_LIST).not.toContain(key);
      expect(new Set(PANEL_KEYS[panel]).size).toBe(PANEL_KEYS[panel].length);
    }
  });

  it('every preset of every panel is itself a valid, stable link', () => {
    for (const panel of BUILT_PANELS) {
      for (const config of presetConfigs(panel)) {
        const view: ViewState = { ...defaultView(), panel, config: config as unknown as ViewState['config'] };
        checkValidView(view);
        checkStable(view);
      }
    }
  });

  it('found by this fuzzing: four output channels with the default 1-column pointwise weights no longer give a view that crashes', () => {
    // The default pw=1 fits one output channel; resetting pw alone left the groups view's 1×1 convolution unable to run.
    const x = Array.from({ length: 4 }, () => '1,2,3,4;5,6,7,8;9,0,1,2;3,4,5,6').join('_');
    const w = Array.from({ length: 4 }, () => '0,1;2,3_1,2;3,4').join('*');
    checkLink(`?v=1&p=channels&view=groups&x=${x}&w=${w}&g=2`);
    checkLink(`?v=1&p=channels&w=${w}`);
  });

  it(`${RUNS.arbitrary} arbitrary strings, with or without a panel, decode into a valid view`, () => {
    const arbitrary = fc.tuple(
      fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })),
      fc.option(anyPanel, { nil: undefined }),
    );
    fc.assert(
      fc.property(arbitrary, ([text, panel]) => checkLink(panel ? `?p=${panel}&${text}` : text)),
      { numRuns: RUNS.arbitrary },
    );
    finishedProperties += 1;
  });

  it.each(BUILT_PANELS)(
    `${RUNS.hostilePerPanel} queries of the %s panel's keys with hostile values give a valid view and name every bad key`,
    (panel) => {
      fc.assert(
        fc.property(hostileQuery(panel), (search) => checkLink(search)),
        { numRuns: RUNS.hostilePerPanel },
      );
      finishedProperties += 1;
    },
  );

  it(`${RUNS.mutated} mutated valid links of every panel decode into a valid view and name every bad key`, () => {
    const mutated = anyPanel.chain((panel) =>
      fc.tuple(validLink(panel), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([link, edits]) => mutate(link, edits)),
    );
    fc.assert(
      fc.property(mutated, (search) => checkLink(search)),
      { numRuns: RUNS.mutated },
    );
    finishedProperties += 1;
  });

  it(`${RUNS.validRoundTrip} valid links of every panel decode with nothing to report and encode back to themselves`, () => {
    fc.assert(
      fc.property(
        anyPanel.chain((panel) => validLink(panel)),
        (link) => {
          executedCases += 1;
          const { view, ignored } = decodeView(link);
          expect(ignored).toEqual([]);
          checkValidView(view);
          expect(encodeView(view)).toBe(link);
        },
      ),
      { numRuns: RUNS.validRoundTrip },
    );
    finishedProperties += 1;
  });

  it(`the properties above run at least ${MIN_CASES} cases`, () => {
    expect(PLANNED_CASES).toBeGreaterThanOrEqual(MIN_CASES);
    // When the whole file ran (no -t filter), every planned case really was checked.
    if (finishedProperties === PROPERTY_TESTS) expect(executedCases).toBeGreaterThanOrEqual(PLANNED_CASES);
  });
});
