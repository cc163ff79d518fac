// The one zustand store, built from typed slices: the view (panel, language, presentation, notice), the player and panel configs.

import { create, type StateCreator } from 'zustand';
import { defaultConfigs, PANEL_SPECS, type BuiltPanelId, type PanelConfigs, type PanelId } from '../app/panels.ts';
import type { Language } from '../i18n/messages.ts';
import type { IgnoredField, ViewState } from '../url/codec.ts';

/** How the next URL write should land in history: a new entry for deliberate changes, a replace for drags and steps. */
export type HistoryIntent = 'push' | 'replace';

export interface ViewSlice {
  panel: PanelId;
  /** null until chosen: the browser's language decides. */
  languageChoice: Language | null;
  detectedLanguage: Language;
  presentation: boolean;
  /** Embed mode (`embed=1`): only the stage, for an iframe. */
  embed: boolean;
  /** Predict-then-reveal quiz mode (`quiz=1`). */
  quiz: boolean;
  notice: readonly IgnoredField[];
  historyIntent: HistoryIntent;
  /** Bumped by "reset this panel" so the panel's error boundary remounts it. */
  resetCount: number;
  setPanel(panel: PanelId): void;
  setLanguage(language: Language): void;
  setPresentation(on: boolean): void;
  setQuiz(on: boolean): void;
  dismissNotice(): void;
}

export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlayerSlice {
  step: number;
  /** Number of steps of the trace the visible player plays (0 when no player is on screen); export and quiz read it. */
  stepCount: number;
  playing: boolean;
  /** Steps per second. */
  speed: Speed;
  setStep(step: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  setStepCount(count: number): void;
}

export interface ConfigSlice {
  configs: PanelConfigs;
  /** Changes part of a panel's config; `intent` 'push' for presets and edits, 'replace' for slider drags. */
  updateConfig<P extends BuiltPanelId>(panel: P, patch: Partial<PanelConfigs[P]>, intent?: HistoryIntent): void;
  resetPanel(panel: BuiltPanelId): void;
  /** Replaces the whole view from a decoded URL (first load and back/forward). */
  applyView(view: ViewState, notice: readonly IgnoredField[]): void;
}

export type AppState = ViewSlice & PlayerSlice & ConfigSlice;

const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  panel: 'basics',
  languageChoice: null,
  detectedLanguage: 'en',
  presentation: false,
  embed: false,
  quiz: false,
  notice: [],
  historyIntent: 'replace',
  resetCount: 0,
  setPanel: (panel) => set((s) => (s.panel === panel ? {} : { panel, step: 0, playing: false, historyIntent: 'push' })),
  setLanguage: (language) => set({ languageChoice: language, historyIntent: 'push' }),
  setPresentation: (on) => set({ presentation: on, historyIntent: 'push' }),
  setQuiz: (on) => set({ quiz: on, playing: false, historyIntent: 'push' }),
  dismissNotice: () => set({ notice: [] }),
});

const createPlayerSlice: StateCreator<AppState, [], [], PlayerSlice> = (set) => ({
  step: 0,
  stepCount: 0,
  playing: false,
  speed: 1,
  setStep: (step) => set({ step: Math.max(0, Math.floor(Number.isFinite(step) ? step : 0)), historyIntent: 'replace' }),
  // Unchanged returns the same state, which zustand does not announce: every step key stops the player, mostly already stopped.
  setPlaying: (playing) => set((s) => (s.playing === playing ? s : { playing })),
  setSpeed: (speed) => set({ speed }),
  setStepCount: (count) => set({ stepCount: count }),
});

const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set) => ({
  configs: defaultConfigs(),
  updateConfig: (panel, patch, intent = 'push') =>
    set((s) => ({ configs: { ...s.configs, [panel]: { ...s.configs[panel], ...patch } }, historyIntent: intent, playing: false })),
  resetPanel: (panel) =>
    set((s) => ({
      configs: { ...s.configs, [panel]: PANEL_SPECS[panel].defaults },
      step: 0,
      playing: false,
      resetCount: s.resetCount + 1,
      historyIntent: 'push',
    })),
  applyView: (view, notice) =>
    set((s) => ({
      panel: view.panel,
      languageChoice: view.language,
      presentation: view.presentation,
      embed: view.embed,
      quiz: view.quiz,
      step: view.step,
      playing: false,
      notice,
      configs: view.config && view.panel in s.configs ? { ...s.configs, [view.panel]: view.config } : s.configs,
    })),
});

export const useAppStore = create<AppState>()((...a) => ({
  ...createViewSlice(...a),
  ...createPlayerSlice(...a),
  ...createConfigSlice(...a),
}));

/** The language in force: the user's (or the link's) choice, else the browser's. */
export function selectLanguage(s: AppState): Language {
  return s.languageChoice ?? s.detectedLanguage;
}

/** The visible view as the URL codec sees it. */
export function selectView(s: AppState): ViewState {
  const config = s.panel in s.configs ? s.configs[s.panel as BuiltPanelId] : null;
  return { panel: s.panel, language: s.languageChoice, presentation: s.presentation, embed: s.embed, quiz: s.quiz, step: s.step, config };
}
