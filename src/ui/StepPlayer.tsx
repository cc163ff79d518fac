// StepPlayer: play/pause, first/previous/next/last, scrubber and speed, keyboard stepping, one requestAnimationFrame driver.

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS, useAppStore, type Speed } from '../state/store.ts';
import { useT } from '../i18n/useT.ts';
import { clampStep } from '../engine/index.ts';

export interface StepPlayerProps {
  /** Number of steps of the trace being played. */
  length: number;
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

export function StepPlayer({ length }: StepPlayerProps) {
  const t = useT();
  const { rawStep, playing, speed, setStep, setPlaying, setSpeed } = useAppStore(
    useShallow((s) => ({ rawStep: s.step, playing: s.playing, speed: s.speed, setStep: s.setStep, setPlaying: s.setPlaying, setSpeed: s.setSpeed })),
  );
  const step = clampStep(rawStep, length);
  const last = Math.max(length - 1, 0);
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
          if (state.playing) state.setPlaying(false);
          else {
            if (current >= length - 1) state.setStep(0);
            state.setPlaying(true);
          }
          break;
        case 'ArrowRight':
          event.preventDefault();
          state.setPlaying(false);
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

  return (
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
          aria-label={playing ? t('player.pause') : t('player.play')}
          title={playing ? t('player.pause') : t('player.play')}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step >= last} aria-label={t('player.next')} title={t('player.next')}>
          <Icon name="next" />
        </button>
        <button type="button" onClick={() => go(last)} disabled={step >= last} aria-label={t('player.last')} title={t('player.last')}>
          <Icon name="last" />
        </button>
      </div>
      <label className="player-scrubber">
        <span className="visually-hidden">{t('player.scrubber')}</span>
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={step}
          aria-valuetext={t('player.stepOf', { step: step + 1, total: length })}
          onChange={(event) => go(Number(event.target.value))}
        />
      </label>
      <span className="player-count" data-testid="step-count">
        {t('player.stepOf', { step: step + 1, total: length })}
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
      <p className="player-keys secondary">{t('player.keys')}</p>
    </div>
  );
}
