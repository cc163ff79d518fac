// NumberControl: a slider and a typed field for one number, clamped to its range with a short message; PairControl for height/width.

import { useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { HistoryIntent } from '../state/store.ts';

export interface NumberControlProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number, intent: HistoryIntent): void;
  testId?: string;
  /** Decimals a typed value may have (the slider still moves in whole steps); 0 = whole numbers only. */
  decimals?: number;
}

/** Reads a typed whole number and clamps it into [min, max]; says what it did when it had to change it. */
export function clampTyped(text: string, min: number, max: number, decimals = 0): { value: number | null; clamped: boolean } {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  const pattern = decimals > 0 ? /^[+-]?(\d{1,9}(\.\d*)?|\.\d+)$/ : /^[+-]?\d{1,9}$/;
  if (!pattern.test(trimmed)) return { value: null, clamped: false };
  const scale = 10 ** decimals;
  const parsed = Math.round(Number(trimmed) * scale) / scale;
  const value = Math.min(Math.max(parsed, min), max);
  return { value, clamped: value !== parsed };
}

export function NumberControl({ label, value, min, max, onChange, testId, decimals = 0 }: NumberControlProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  // When the value changes from outside (a preset, a link), the typed field follows it.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setDraft(String(value));
  }

  const commit = () => {
    // Leaving the field without typing anything changes nothing, even for a value the slider could not show.
    if (draft === String(value)) return;
    const { value: typed, clamped } = clampTyped(draft, min, max, decimals);
    if (typed === null) {
      setMessage(t('control.notNumber', { label, value }));
      setDraft(String(value));
      return;
    }
    setMessage(clamped ? t('control.clamped', { label, min, max, value: typed }) : null);
    setDraft(String(typed));
    if (typed !== value) onChange(typed, 'push');
  };

  return (
    <div className="number-control" data-testid={testId}>
      <label htmlFor={`${id}-field`} className="number-label">
        {label}
      </label>
      <input
        type="range"
        aria-label={label}
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(event) => {
          setMessage(null);
          onChange(Number(event.target.value), 'replace');
        }}
      />
      <input
        id={`${id}-field`}
        className="number-field"
        type="text"
        inputMode={decimals > 0 ? 'decimal' : 'numeric'}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        aria-describedby={message ? `${id}-message` : undefined}
      />
      {message && (
        <span id={`${id}-message`} className="control-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}

export interface PairControlProps {
  label: string;
  value: readonly [number, number];
  min: number;
  max: readonly [number, number];
  onChange(value: [number, number], intent: HistoryIntent): void;
  testId?: string;
}

/** Height and width of one concept, each its own NumberControl. */
export function PairControl({ label, value, min, max, onChange, testId }: PairControlProps) {
  const t = useT();
  return (
    <fieldset className="pair-control" data-testid={testId}>
      <legend>{label}</legend>
      <NumberControl
        label={t('control.height', { label })}
        value={value[0]}
        min={min}
        max={max[0]}
        onChange={(h, intent) => onChange([h, value[1]], intent)}
      />
      <NumberControl
        label={t('control.width', { label })}
        value={value[1]}
        min={min}
        max={max[1]}
        onChange={(w, intent) => onChange([value[0], w], intent)}
      />
    </fieldset>
  );
}
