// Hooks the stages share with the player: whether the quiz runs here, and whether the output size is still to be predicted.

import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';
import type { QuizSource } from './quizSources.ts';
import { useQuizStore } from './quizStore.ts';

/** True when quiz mode is on and this view has questions. */
export function useQuizOn(source: QuizSource | undefined): boolean {
  const quiz = useAppStore((s) => s.quiz);
  return quiz && source !== undefined;
}

/**
 * True while the output size is a question not yet answered: quiz on, at the first step, and the size question neither
 * answered, revealed nor passed by. The stage then draws the output as "?×?" and the page hides what gives the size away.
 */
export function useQuizHidesSize(source: QuizSource | undefined, step: number): boolean {
  const on = useQuizOn(source);
  const id = source?.size?.id;
  const done = useQuizStore((s) => id === undefined || s.sizesDone.has(id));
  return on && id !== undefined && step === 0 && !done;
}

/**
 * Marks the page while the quiz runs (`data-quiz`) and while the size is hidden (`data-quiz-hide-size`), so quiz.css can
 * hide other sections that would show the answer (finished outputs, size formulas).
 */
export function useQuizPageFlags(on: boolean, hidesSize: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-quiz', on);
    root.toggleAttribute('data-quiz-hide-size', on && hidesSize);
    return () => {
      root.removeAttribute('data-quiz');
      root.removeAttribute('data-quiz-hide-size');
    };
  }, [on, hidesSize]);
}
