// The quiz's own small store: the session score (kept in sessionStorage), the open question and the last verdict.

import { create } from 'zustand';
import type { QuizQuestion } from './quizModel.ts';

export const SCORE_STORAGE_KEY = 'convscope.quiz.score';
const SCORE_VERSION = 1;

export interface QuizScore {
  attempted: number;
  right: number;
}

export type QuizOutcome = 'right' | 'wrong' | 'revealed';

export interface OpenQuestion {
  question: QuizQuestion;
  /** The step the player was on when the question opened; moving away closes it unscored. */
  fromStep: number;
  /** The step that shows the answer, moved to once answered (null for the size question, which moves nowhere). */
  target: number | null;
}

export interface QuizVerdict {
  question: QuizQuestion;
  outcome: QuizOutcome;
  /** What was typed, as typed (absent when revealed). */
  typed?: string;
  /** The step it belongs to: shown while the player stays there. */
  step: number;
}

interface QuizState extends QuizScore {
  open: OpenQuestion | null;
  verdict: QuizVerdict | null;
  /** Size questions answered, revealed or passed by in this session: their sizes are no longer hidden. */
  sizesDone: ReadonlySet<string>;
  ask(open: OpenQuestion): void;
  /** Closes the open question without scoring (Escape, or the player moved away). */
  close(): void;
  /** Scores the open question and keeps its verdict; returns the step to move to, if any. */
  settle(outcome: QuizOutcome, typed?: string): number | null;
  markSizeDone(id: string): void;
  clearVerdict(): void;
  resetScore(): void;
}

/** The score saved in this tab, or zeros when there is none or it is not one we wrote (wrong shape, version, or numbers). */
export function readStoredScore(storage: Pick<Storage, 'getItem'> | null = sessionStorageOrNull()): QuizScore {
  const zero = { attempted: 0, right: 0 };
  try {
    const raw = storage?.getItem(SCORE_STORAGE_KEY);
    if (!raw) return zero;
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return zero;
    const { v, attempted, right } = data as Record<string, unknown>;
    const count = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (v !== SCORE_VERSION || !count(attempted) || !count(right) || (right as number) > (attempted as number)) return zero;
    return { attempted: attempted as number, right: right as number };
  } catch {
    return zero;
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage can be blocked (sandboxed iframes, strict privacy settings): the score then lasts as long as the page.
    return null;
  }
}

function storeScore(score: QuizScore): void {
  try {
    sessionStorageOrNull()?.setItem(SCORE_STORAGE_KEY, JSON.stringify({ v: SCORE_VERSION, ...score }));
  } catch {
    // Full or blocked storage: the score still counts for this page.
  }
}

export const useQuizStore = create<QuizState>()((set, get) => ({
  // Zeros until restoreScore reads the tab's saved score (after the first paint, or at the first answer).
  attempted: 0,
  right: 0,
  open: null,
  verdict: null,
  sizesDone: new Set<string>(),
  ask: (open) => set({ open, verdict: null }),
  close: () => set({ open: null }),
  settle: (outcome, typed) => {
    restoreScore();
    const { open, attempted, right, sizesDone } = get();
    if (!open) return null;
    const score = { attempted: attempted + 1, right: right + (outcome === 'right' ? 1 : 0) };
    storeScore(score);
    const done = open.question.kind === 'size' ? new Set([...sizesDone, open.question.id]) : sizesDone;
    set({
      ...score,
      open: null,
      sizesDone: done,
      verdict: { question: open.question, outcome, typed, step: open.target ?? open.fromStep },
    });
    return open.target;
  },
  markSizeDone: (id) => set((s) => (s.sizesDone.has(id) ? {} : { sizesDone: new Set([...s.sizesDone, id]) })),
  clearVerdict: () => set({ verdict: null }),
  resetScore: () => {
    storeScore({ attempted: 0, right: 0 });
    set({ attempted: 0, right: 0 });
  },
}));

let scoreRestored = false;

/** Puts the score saved in this tab into the store, once. */
function restoreScore(): void {
  if (scoreRestored) return;
  scoreRestored = true;
  useQuizStore.setState(readStoredScore());
}

if (typeof window !== 'undefined') {
  // The first read of sessionStorage can take several milliseconds; it waits until the browser is idle after the first paint.
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
  whenIdle(() => restoreScore());
}
