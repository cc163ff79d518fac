// QuizPrompt: the prediction field for the open question (Enter checks, Esc closes, Reveal skips) and the verdict with its working.

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { usePanelT } from '../i18n/panelMessages.ts';
import { QUIZ_MESSAGES, type QuizKey } from './messages.ts';
import { checkAnswer, formatAnswer, type ParseProblem, type QuizPromptText } from './quizModel.ts';
import { useQuizStore, type OpenQuestion, type QuizVerdict } from './quizStore.ts';
import './quiz.css';

type QuizT = (key: QuizKey, params?: Record<string, string | number>) => string;

/** The question's words in the language in force. */
export function promptText(t: QuizT, prompt: QuizPromptText): string {
  const words = Object.fromEntries(Object.entries(prompt.wordParams ?? {}).map(([name, key]) => [name, t(key)]));
  return t(prompt.key, { ...prompt.params, ...words });
}

export interface QuizPromptProps {
  open: OpenQuestion | null;
  /** The verdict to show (the player passes it only while it stays on the verdict's step). */
  verdict: QuizVerdict | null;
  /** Called after an answer or a reveal was scored, with the step to move to (null: stay). */
  onSettled(target: number | null): void;
  /** Called after Esc or the close button closed the question unscored. */
  onClosed(): void;
  verdictRef: RefObject<HTMLDivElement | null>;
}

function ProblemMessage({ t, problem, typed, id }: { t: QuizT; problem: ParseProblem; typed: string; id: string }) {
  return (
    <p className="quiz-problem" id={id} role="alert">
      {t(`problem.${problem}`, { typed: typed.trim() })}
    </p>
  );
}

function OpenQuestionForm({ open, onSettled, onClosed }: { open: OpenQuestion; onSettled(target: number | null): void; onClosed(): void }) {
  const t = usePanelT(QUIZ_MESSAGES);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<ParseProblem | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const problemId = useId();
  const hintId = useId();
  const { question } = open;

  useEffect(() => {
    field.current?.focus();
  }, [question.id]);

  const submit = () => {
    const checked = checkAnswer(question, typed);
    if (!checked.ok) {
      setProblem(checked.problem);
      field.current?.focus();
      return;
    }
    onSettled(useQuizStore.getState().settle(checked.right ? 'right' : 'wrong', typed.trim()));
  };
  const close = () => {
    useQuizStore.getState().close();
    onClosed();
  };

  return (
    <form
      className="quiz-form"
      data-testid="quiz-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="quiz-question" htmlFor={fieldId}>
        {promptText(t, question.prompt)}
      </label>
      <div className="quiz-row">
        <input
          ref={field}
          id={fieldId}
          className="quiz-field"
          type="text"
          inputMode={question.kind === 'size' ? 'text' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          placeholder={t(question.kind === 'size' ? 'sizePlaceholder' : 'numberPlaceholder')}
          aria-label={`${promptText(t, question.prompt)} — ${t('fieldLabel')}`}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
          data-testid="quiz-field"
        />
        <button type="submit" className="quiz-check">
          {t('check')}
        </button>
        <button type="button" onClick={() => onSettled(useQuizStore.getState().settle('revealed'))} data-testid="quiz-reveal">
          {t('reveal')}
        </button>
        <button type="button" className="quiz-close" onClick={close} aria-label={t('cancel')} title={t('cancel')}>
          ×
        </button>
      </div>
      {problem && <ProblemMessage t={t} problem={problem} typed={typed} id={problemId} />}
      <p className="quiz-keys secondary" id={hintId}>
        {t('keysHint')}
      </p>
    </form>
  );
}

function VerdictView({ verdict, verdictRef }: { verdict: QuizVerdict; verdictRef: RefObject<HTMLDivElement | null> }) {
  const t = usePanelT(QUIZ_MESSAGES);
  const answer = formatAnswer(verdict.question);
  const text =
    verdict.outcome === 'right'
      ? t('right', { answer })
      : verdict.outcome === 'wrong'
        ? t('wrong', { typed: verdict.typed ?? '', answer })
        : t('revealed', { answer });
  return (
    <div ref={verdictRef} className={`quiz-verdict is-${verdict.outcome}`} tabIndex={-1} data-testid="quiz-verdict">
      <p className="quiz-verdict-text">
        <span className="quiz-mark" aria-hidden="true">
          {verdict.outcome === 'right' ? '✓' : '✗'}
        </span>{' '}
        <span className="quiz-question-echo">{promptText(t, verdict.question.prompt)}:</span> {text}
      </p>
      <p className="quiz-working" data-testid="quiz-working">
        {t('working', { working: verdict.question.working })}
      </p>
    </div>
  );
}

export function QuizPrompt({ open, verdict, onSettled, onClosed, verdictRef }: QuizPromptProps) {
  // The live region stays mounted so screen readers announce each verdict as it appears.
  return (
    <div className={`quiz-prompt${open || verdict ? '' : ' is-idle'}`} data-testid="quiz-prompt">
      {open && <OpenQuestionForm key={open.question.id} open={open} onSettled={onSettled} onClosed={onClosed} />}
      <div role="status" aria-live="polite" aria-atomic="true">
        {!open && verdict && <VerdictView verdict={verdict} verdictRef={verdictRef} />}
      </div>
    </div>
  );
}
