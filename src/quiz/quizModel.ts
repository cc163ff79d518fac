// The quiz's question model: what a prediction question holds, how typed answers are read, and when an answer counts as right.

import { formatNumber } from '../ui/formatNumber.ts';
import type { QuizKey, QuizPromptKey } from './messages.ts';

/** The words of a question: a key of the quiz's message table and its parameters (filled in the language in force). */
export interface QuizPromptText {
  key: QuizPromptKey;
  params?: Record<string, string | number>;
  /** Parameters that are themselves words of the quiz's table (e.g. the layer kind), translated before they are filled in. */
  wordParams?: Record<string, QuizKey>;
}

interface QuizQuestionBase {
  /** Stable name of the question (kind, step and the numbers it is about), so a changed configuration is a new question. */
  id: string;
  prompt: QuizPromptText;
  /** How the answer is reached, as plain text with the numbers (e.g. "0×1 + 1×2 + 3×3 + 4×4 = 25" or "⌊(3 − 2) / 1⌋ + 1 = 2"). */
  working: string;
}

/** A number to predict: an output value, a pooled value, a receptive-field size. */
export interface ValueQuestion extends QuizQuestionBase {
  kind: 'value';
  answer: number;
}

/** An output size to predict: height × width. */
export interface SizeQuestion extends QuizQuestionBase {
  kind: 'size';
  answer: readonly [number, number];
}

export type QuizQuestion = ValueQuestion | SizeQuestion;

/** Why a typed answer could not be read; the prompt shows the matching message. */
export type ParseProblem = 'empty' | 'notNumber' | 'notSize';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ParseProblem };

/** Full-width digits and signs (from Chinese input methods), the typographic minus and other look-alikes, as plain ASCII. */
export function normalizeTyped(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\u2212\uFF0D\u2012\u2013\u2014\uFE63]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/\uFF0E/g, '.')
    .replace(/\uFF0F/g, '/')
    .replace(/[\uFF0C\u3001]/g, ',')
    .replace(/[\u00D7\u2715\u2716\uFF58\uFF38\uFF0A*]/g, 'x')
    .replace(/[\u3000\u00A0]/g, ' ')
    .trim();
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/** A typed number: "25", "−3", "3.50", ".5", "３", or a fraction "7/3". Anything else (letters, "1e3", "2+3", "") is rejected. */
export function parseNumberAnswer(text: string): Parsed<number> {
  const plain = normalizeTyped(text);
  if (plain === '') return { ok: false, problem: 'empty' };
  if (DECIMAL.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { ok: true, value: Object.is(value, -0) ? 0 : value };
  }
  const fraction = FRACTION.exec(plain);
  if (fraction) {
    const denominator = Number(fraction[2]);
    if (denominator !== 0) return { ok: true, value: Number(fraction[1]) / denominator };
  }
  return { ok: false, problem: 'notNumber' };
}

const SIZE = /^\(?\s*(\d+)\s*(?:x|,|\s)\s*(\d+)\s*\)?$/i;

/** A typed size "height × width": "3×3", "3x3", "3 x 3", "3,3", "3 3", "(3, 3)", "３×３". */
export function parseSizeAnswer(text: string): Parsed<readonly [number, number]> {
  const plain = normalizeTyped(text);
  if (plain === '') return { ok: false, problem: 'empty' };
  const match = SIZE.exec(plain);
  if (!match) return { ok: false, problem: 'notSize' };
  return { ok: true, value: [Number(match[1]), Number(match[2])] };
}

/**
 * Half a unit in the last digit the app shows for the answer (formatNumber: three significant digits below 100, one
 * decimal from 100 up): 7/3, shown as 2.33, accepts 2.325 … 2.335, so typing the value the grid shows is right.
 * formatNumber first rounds to four decimals, so that rounding's half unit is added: −0.2405000001 is shown as −0.24
 * (−0.2405 rounded half to even), 0.0005000001 from the answer. Answers the app shows as whole numbers must be typed
 * exactly (within float noise).
 */
export function answerTolerance(answer: number): number {
  const noise = 1e-4 * Math.max(1, Math.abs(answer));
  const rounded = Math.round(answer * 10000) / 10000;
  if (!Number.isFinite(answer) || Number.isInteger(rounded)) return noise;
  const magnitude = Math.max(Math.abs(answer), Math.abs(rounded));
  const lastDigit = magnitude >= 100 ? 0.1 : 10 ** (Math.floor(Math.log10(magnitude)) - 2);
  return Math.max(noise, 0.5 * lastDigit + 0.5e-4 + 1e-9);
}

export function isRightNumber(typed: number, answer: number): boolean {
  return Math.abs(typed - answer) <= answerTolerance(answer);
}

export function isRightSize(typed: readonly [number, number], answer: readonly [number, number]): boolean {
  return typed[0] === answer[0] && typed[1] === answer[1];
}

export type Checked = { ok: true; right: boolean } | { ok: false; problem: ParseProblem };

/** Reads what was typed for this question and says whether it is right (or why it could not be read). */
export function checkAnswer(question: QuizQuestion, typed: string): Checked {
  if (question.kind === 'size') {
    const parsed = parseSizeAnswer(typed);
    return parsed.ok ? { ok: true, right: isRightSize(parsed.value, question.answer) } : parsed;
  }
  const parsed = parseNumberAnswer(typed);
  return parsed.ok ? { ok: true, right: isRightNumber(parsed.value, question.answer) } : parsed;
}

/** The answer as the app writes it: "25", "−3", "2.33", "3×3". */
export function formatAnswer(question: QuizQuestion): string {
  return question.kind === 'size' ? `${question.answer[0]}×${question.answer[1]}` : formatNumber(question.answer);
}
