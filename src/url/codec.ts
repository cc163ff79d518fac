// The versioned query-string codec of the whole view: panel, language, presentation mode, step and the panel's config.

import { PANEL_IDS, PANEL_SPECS, isBuilt, type BuiltPanelId, type PanelConfigs, type PanelId } from '../app/panels.ts';
import { LANGUAGES, type Language } from '../i18n/messages.ts';
import { booleanField, enumField, integerField, MAX_VALUE_LENGTH } from './fields.ts';
import type { PanelConfigSpec } from './panelSpec.ts';

export const URL_VERSION = '1';
/** Highest step a URL may ask for; panels clamp it further to their trace length. */
export const MAX_STEP = 100_000;
/** Longest query string the decoder reads; past it the whole link is ignored, so no URL can make the page work hard. */
export const MAX_QUERY_LENGTH = 16_000;

export const APP_KEYS = { version: 'v', panel: 'p', language: 'lang', presentation: 'pm', step: 's', embed: 'embed', quiz: 'quiz' } as const;

const panelField = enumField<PanelId>(PANEL_IDS);
const languageField = enumField<Language>(LANGUAGES);
const flagField = booleanField();
const stepField = integerField(0, MAX_STEP);

export interface ViewState {
  panel: PanelId;
  /** null: not in the link, so the browser's language decides. */
  language: Language | null;
  presentation: boolean;
  /** Only the visualization, its player and its formula, for an iframe in a course page. */
  embed: boolean;
  /** Predict-then-reveal: the student types each next value before it is shown. */
  quiz: boolean;
  step: number;
  /** Config of the visible panel (only built panels have one). */
  config: PanelConfigs[BuiltPanelId] | null;
}

export interface IgnoredField {
  key: string;
  reason: 'invalid' | 'too-long' | 'conflict' | 'version';
}

export function defaultView(): ViewState {
  return { panel: 'basics', language: null, presentation: false, embed: false, quiz: false, step: 0, config: PANEL_SPECS.basics.defaults };
}

/** Shortens a hostile key before it is shown (as text) in the notice. */
function shownKey(key: string): string {
  return key.length > 24 ? `${key.slice(0, 24)}…` : key;
}

function readParams(search: string): URLSearchParams | null {
  try {
    return new URLSearchParams(search);
  } catch {
    return null;
  }
}

function decodeConfig<C extends object>(spec: PanelConfigSpec<C>, params: URLSearchParams, ignored: IgnoredField[]): C {
  const config = { ...spec.defaults };
  for (const name of Object.keys(spec.url) as (keyof C)[]) {
    const entry = spec.url[name];
    if (entry.key === null) continue;
    const raw = params.get(entry.key);
    if (raw === null) continue;
    if (raw.length > MAX_VALUE_LENGTH) {
      ignored.push({ key: entry.key, reason: 'too-long' });
      continue;
    }
    const value = entry.field.parse(raw);
    if (value === null) ignored.push({ key: entry.key, reason: 'invalid' });
    else config[name] = value;
  }
  // Fields that clash: reset them one by one, in the spec's order, until the config is valid; each field at most once.
  const reset = new Set<keyof C>();
  for (;;) {
    const problem = spec.problems(config).find((name) => !reset.has(name));
    if (problem === undefined) break;
    reset.add(problem);
    const entry = spec.url[problem];
    if (entry.key !== null && params.has(entry.key) && !ignored.some((i) => i.key === entry.key)) {
      ignored.push({ key: entry.key, reason: 'conflict' });
    }
    config[problem] = spec.defaults[problem];
  }
  return config;
}

/** Decodes a query string; never throws: bad fields fall back to their defaults and are listed in `ignored`. */
export function decodeView(search: string): { view: ViewState; ignored: IgnoredField[] } {
  const view = defaultView();
  const ignored: IgnoredField[] = [];
  if (search.length > MAX_QUERY_LENGTH) return { view, ignored: [{ key: '?', reason: 'too-long' }] };
  const params = readParams(search);
  if (!params) return { view, ignored: [{ key: '?', reason: 'invalid' }] };

  const version = params.get(APP_KEYS.version);
  if (version !== null && version !== URL_VERSION) ignored.push({ key: APP_KEYS.version, reason: 'version' });

  const read = <T>(key: string, parse: (raw: string) => T | null): T | null => {
    const raw = params.get(key);
    if (raw === null) return null;
    const value = raw.length > MAX_VALUE_LENGTH ? null : parse(raw);
    if (value === null) ignored.push({ key: shownKey(key), reason: raw.length > MAX_VALUE_LENGTH ? 'too-long' : 'invalid' });
    return value;
  };
  view.panel = read(APP_KEYS.panel, panelField.parse) ?? view.panel;
  view.language = read(APP_KEYS.language, languageField.parse);
  view.presentation = read(APP_KEYS.presentation, flagField.parse) ?? false;
  view.embed = read(APP_KEYS.embed, flagField.parse) ?? false;
  view.quiz = read(APP_KEYS.quiz, flagField.parse) ?? false;
  view.step = read(APP_KEYS.step, stepField.parse) ?? 0;
  view.config = isBuilt(view.panel)
    ? (decodeConfig(PANEL_SPECS[view.panel] as PanelConfigSpec<object>, params, ignored) as ViewState['config'])
    : null;
  return { view, ignored };
}

function encodeConfig<C extends object>(spec: PanelConfigSpec<C>, config: C, params: URLSearchParams): void {
  for (const name of Object.keys(spec.url) as (keyof C)[]) {
    const entry = spec.url[name];
    if (entry.key === null) continue;
    if (!entry.field.equals(config[name], spec.defaults[name])) params.set(entry.key, entry.field.serialize(config[name]));
  }
}

/** Encodes a view as a query string (with '?'), leaving defaults out; the version key always leads. */
export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  params.set(APP_KEYS.version, URL_VERSION);
  if (view.panel !== 'basics') params.set(APP_KEYS.panel, view.panel);
  if (view.language !== null) params.set(APP_KEYS.language, view.language);
  if (view.presentation) params.set(APP_KEYS.presentation, '1');
  if (view.embed) params.set(APP_KEYS.embed, '1');
  if (view.quiz) params.set(APP_KEYS.quiz, '1');
  if (view.step !== 0) params.set(APP_KEYS.step, String(view.step));
  if (view.config && isBuilt(view.panel)) encodeConfig(PANEL_SPECS[view.panel] as PanelConfigSpec<object>, view.config, params);
  // Readable links: keep ',' and ';' of matrices unescaped (both are legal in a query string).
  return `?${params.toString().replace(/%2C/gi, ',').replace(/%3B/gi, ';')}`;
}
