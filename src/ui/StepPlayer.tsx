// StepPlayer: play/pause, first/previous/next/last, scrubber and speed, keyboard stepping, one requestAnimationFrame driver.

import { useEffect, useId, useLayoutEffect, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS, useAppStore, type Speed } from '../state/store.ts';
import { useT } from '../i18n/useT.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { clampStep } from '../engine/index.ts';
import { QUIZ_MESSAGES } from '../quiz/messages.ts';
import { QuizPrompt } from '../quiz/QuizPrompt.tsx';
import type { QuizSource } from '../quiz/quizSources.ts';
import { useQuizStore } from '../quiz/quizStore.ts';
import { useQuizHidesSize, useQuizOn, useQuizPageFlags } from '../quiz/useQuiz.ts';

export interface StepPlayerProps {
  /** Number of steps of the trace being played. */
  length: number;
  /** Questions for predict-then-reveal mode; without it the player shows no "Predict first" toggle. */
  quiz?: QuizSource;
}

const ARROWS_AND_ENDS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * True when the focused element uses this key itself: text fields and lists take every key, a slider its arrows
 * and Home/End, radio buttons their arrows and Space, buttons and checkboxes Space. Other keys drive the player.
 */
export function focusOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName === 'BUTTON') return key === ' ' || key === 'Enter';
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  if (type === 'range') return ARROWS_AND_ENDS.has(key);
  if (type === 'radio') return key === ' ' || ARROWS_AND_ENDS.has(key);
  if (type === 'checkbox' || type === 'button' || type === 'submit') return key === ' ';
  return true;
}

/** Advances the store's step while playing; stops at the last step. The only animation loop in the app. */
function usePlaybackDriver(length: number) {
  const { playing, speed } = useAppStore(useShallow((s) => ({ playing: s.playing, speed: s.speed })));
  const lastAdvance = useRef(0);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    lastAdvance.current = performance.now();
    const tick = (now: number) => {
      const interval = 1000 / speed;
      if (now - lastAdvance.current >= interval) {
        lastAdvance.current = now;
        const { step, setStep, setPlaying } = useAppStore.getState();
        const current = clampStep(step, length);
        if (current >= length - 1) {
          setPlaying(false);
          return;
        }
        setStep(current + 1);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, length]);
}

/** Player icons as inline SVG, so they render the same with every font. */
function Icon({ name }: { name: 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last' }) {
  const paths: Record<typeof name, string> = {
    first: 'M6 5h2v14H6zM20 5v14L9 12z',
    previous: 'M18 5v14L7 12z',
    play: 'M7 5v14l12-7z',
    pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
    next: 'M6 5v14l11-7z',
    last: 'M16 5h2v14h-2zM4 5v14l11-7z',
  };
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

/** The "Predict first" toggle and the session score beside it. */
function QuizToggle({ on, onToggle }: { on: boolean; onToggle(): void }) {
  const t = usePanelT(QUIZ_MESSAGES);
  const { attempted, right, resetScore } = useQuizStore(useShallow((s) => ({ attempted: s.attempted, right: s.right, resetScore: s.resetScore })));
  return (
    <div className="quiz-toggle" data-testid="quiz-toggle">
      <button type="button" className="quiz-toggle-button" aria-pressed={on} onClick={onToggle} title={t('toggleHint')}>
        <span className="quiz-toggle-box" aria-hidden="true">
          {on ? '✓' : ''}
        </span>
        {t('toggle')}
      </button>
      {(on || attempted > 0) && (
        <span className="quiz-score" data-testid="quiz-score" aria-label={t('scoreLabel', { right, attempted })}>
          {t('score', { right, attempted })}
        </span>
      )}
      {attempted > 0 && (
        <button type="button" className="quiz-reset" onClick={resetScore}>
          {t('resetScore')}
        </button>
      )}
    </div>
  );
}

/**
 * Quiz mode's side of the player: "next" opens the question the next step answers (the output size first, at step 0),
 * an answer moves to that step, and focus comes back to Next so → continues.
 */
function useQuizFlow(source: QuizSource | undefined, step: number, last: number, nextButton: RefObject<HTMLButtonElement | null>) {
  const on = useQuizOn(source);
  const hidesSize = useQuizHidesSize(source, step);
  const { open, verdict } = useQuizStore(useShallow((s) => ({ open: s.open, verdict: s.verdict })));
  const verdictRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  useQuizPageFlags(on, hidesSize);

  // Moving away (Previous, Home, End, the scrubber) closes an open question unscored; leaving quiz mode clears it all.
  useEffect(() => {
    const quiz = useQuizStore.getState();
    if (!on) {
      if (quiz.open || quiz.verdict) useQuizStore.setState({ open: null, verdict: null });
      return;
    }
    if (quiz.open && quiz.open.fromStep !== step) quiz.close();
    // A size not predicted before leaving the first step has been seen: it is not asked (or hidden) again.
    if (step > 0 && source?.size) quiz.markSizeDone(source.size.id);
  }, [on, step, source]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const next = nextButton.current;
    if (next && !next.disabled) next.focus();
    else verdictRef.current?.focus();
  });

  /** Opens the question for what "next" would show; false when there is none (then the player just steps). */
  const askNext = (): boolean => {
    if (!source) return false;
    const quiz = useQuizStore.getState();
    if (quiz.open) {
      document.querySelector<HTMLInputElement>('[data-testid="quiz-field"]')?.focus();
      return true;
    }
    if (step === 0 && source.size && !quiz.sizesDone.has(source.size.id)) {
      quiz.ask({ question: source.size, fromStep: 0, target: null });
      return true;
    }
    if (step >= last) return false;
    const question = source.questionFor(step + 1);
    if (!question) return false;
    quiz.ask({ question, fromStep: step, target: step + 1 });
    return true;
  };

  const onSettled = (target: number | null) => {
    focusPending.current = true;
    const { setPlaying, setStep } = useAppStore.getState();
    setPlaying(false);
    if (target !== null) setStep(target);
  };
  // Closing changed the store (no open question), so the player renders again and the effect above moves focus.
  const onClosed = () => {
    focusPending.current = true;
  };

  const prompt = on ? (
    <QuizPrompt open={open} verdict={verdict?.step === step ? verdict : null} onSettled={onSettled} onClosed={onClosed} verdictRef={verdictRef} />
  ) : null;
  return { on, hidesSize, askNext, prompt };
}

export function StepPlayer({ length, quiz }: StepPlayerProps) {
  const t = useT();
  const qt = usePanelT(QUIZ_MESSAGES);
  const { rawStep, playing, speed, setStep, setPlaying, setSpeed, setQuiz } = useAppStore(
    useShallow((s) => ({
      rawStep: s.step,
      playing: s.playing,
      speed: s.speed,
      setStep: s.setStep,
      setPlaying: s.setPlaying,
      setSpeed: s.setSpeed,
      setQuiz: s.setQuiz,
    })),
  );
  const step = clampStep(rawStep, length);
  const last = Math.max(length - 1, 0);
  const nextButton = useRef<HTMLButtonElement>(null);
  const flow = useQuizFlow(quiz, step, last, nextButton);
  // The keyboard handler is registered once per length; it reads the latest quiz flow through this ref.
  const askNext = useRef(flow.askNext);
  const quizOn = useRef(flow.on);
  const hidesSize = useRef(flow.hidesSize);
  useLayoutEffect(() => {
    askNext.current = flow.askNext;
    quizOn.current = flow.on;
    hidesSize.current = flow.hidesSize;
  });
  usePlaybackDriver(length);
  useEffect(() => {
    useAppStore.getState().setStepCount(length);
    return () => useAppStore.getState().setStepCount(0);
  }, [length]);

  const togglePlay = () => {
    if (playing) setPlaying(false);
    else {
      if (step >= last) setStep(0);
      setPlaying(true);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || focusOwnsKey(event.target, event.key)) return;
      const state = useAppStore.getState();
      const current = clampStep(state.step, length);
      switch (event.key) {
        case ' ':
          event.preventDefault();
          if (quizOn.current) break;
          if (state.playing) state.setPlaying(false);
          else {
            if (current >= length - 1) state.setStep(0);
            state.setPlaying(true);
          }
          break;
        case 'ArrowRight':
          event.preventDefault();
          state.setPlaying(false);
          if (quizOn.current && askNext.current()) break;
          state.setStep(Math.min(current + 1, length - 1));
          break;
        case 'ArrowLeft':
          event.preventDefault();
          state.setPlaying(false);
          state.setStep(Math.max(current - 1, 0));
          break;
        case 'Home':
          event.preventDefault();
          state.setPlaying(false);
          state.setStep(0);
          break;
        case 'End':
          event.preventDefault();
          // The last step would show the whole output, and so the size the quiz is asking for.
          if (hidesSize.current) break;
          state.setPlaying(false);
          state.setStep(length - 1);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [length]);

  const go = (target: number) => {
    setPlaying(false);
    setStep(Math.min(Math.max(target, 0), last));
  };
  const next = () => {
    if (flow.on && flow.askNext()) {
      setPlaying(false);
      return;
    }
    go(step + 1);
  };
  const toggleQuiz = () => {
    const turningOn = !flow.on;
    setQuiz(turningOn);
    // Switched on at the first step: the output size is the first question.
    if (turningOn && quiz?.size && step === 0 && !useQuizStore.getState().sizesDone.has(quiz.size.id)) {
      useQuizStore.getState().ask({ question: quiz.size, fromStep: 0, target: null });
    }
  };
  // With the quiz on, "next" stays enabled at step 0 while the size question is still to come (a one-step trace).
  const nextDisabled = step >= last && !flow.hidesSize;
  // While the quiz asks the output size, the number of steps would give it away (it is the output's cell count).
  const stepText = flow.hidesSize ? t('player.stepOfHidden', { step: step + 1 }) : t('player.stepOf', { step: step + 1, total: length });
  const playOffId = useId();

  return (
    <>
      <div className="player" role="group" aria-label={t('player.label')}>
        <div className="player-buttons">
          <button type="button" onClick={() => go(0)} disabled={step === 0} aria-label={t('player.first')} title={t('player.first')}>
            <Icon name="first" />
          </button>
          <button type="button" onClick={() => go(step - 1)} disabled={step === 0} aria-label={t('player.previous')} title={t('player.previous')}>
            <Icon name="previous" />
          </button>
          <button
            type="button"
            className="player-play"
            onClick={togglePlay}
            disabled={flow.on}
            aria-label={playing ? t('player.pause') : t('player.play')}
            aria-describedby={flow.on ? playOffId : undefined}
            title={flow.on ? qt('playOff') : playing ? t('player.pause') : t('player.play')}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            ref={nextButton}
            type="button"
            onClick={next}
            disabled={nextDisabled}
            aria-label={t('player.next')}
            title={t('player.next')}
            data-testid="player-next"
          >
            <Icon name="next" />
          </button>
          <button
            type="button"
            onClick={() => go(last)}
            disabled={step >= last || flow.hidesSize}
            aria-label={t('player.last')}
            title={t('player.last')}
          >
            <Icon name="last" />
          </button>
        </div>
        <label className="player-scrubber">
          <span className="visually-hidden">{t('player.scrubber')}</span>
          {/* While the size is asked, the scrubber is held at the first step: its end, its maximum and its value text would each
              tell the number of steps. */}
          <input
            type="range"
            min={0}
            max={flow.hidesSize ? step : last}
            step={1}
            value={step}
            disabled={flow.hidesSize}
            aria-valuetext={stepText}
            onChange={(event) => go(Number(event.target.value))}
          />
        </label>
        <span className="player-count" data-testid="step-count">
          {stepText}
        </span>
        <label className="player-speed">
          <span>{t('player.speed')}</span>
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        {quiz && <QuizToggle on={flow.on} onToggle={toggleQuiz} />}
        {flow.on && (
          <p className="quiz-play-off" id={playOffId}>
            {qt('playOff')}
          </p>
        )}
        <p className="player-keys secondary">{t('player.keys')}</p>
      </div>
      {flow.prompt}
    </>
  );
}
