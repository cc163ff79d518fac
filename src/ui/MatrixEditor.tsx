// MatrixEditor: type or paste a matrix (rows per line), or fill it with seeded random values; bad input gets a message, never applied.

import { useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { formatValue, parseMatrixText, type Matrix, type MatrixLimits } from '../url/fields.ts';
import { randomMatrix } from './matrix.ts';

export interface MatrixEditorProps {
  label: string;
  value: Matrix;
  limits: MatrixLimits;
  onChange(value: Matrix): void;
  testId?: string;
}

export function matrixToText(matrix: Matrix): string {
  return matrix.map((row) => row.map(formatValue).join(' ')).join('\n');
}

export function MatrixEditor({ label, value, limits, onChange, testId }: MatrixEditorProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [seed, setSeed] = useState(1);

  const apply = () => {
    const result = parseMatrixText(text, limits);
    if ('matrix' in result) {
      setError(null);
      setOpen(false);
      onChange(result.matrix);
      return;
    }
    switch (result.error) {
      case 'empty':
        setError(t('matrix.errorEmpty'));
        break;
      case 'ragged':
        setError(t('matrix.errorRagged', { row: result.row ?? 0, got: result.got ?? 0, expected: result.expected ?? 0 }));
        break;
      case 'number':
        setError(t('matrix.errorNumber', { token: result.token ?? '', row: result.row ?? 0 }));
        break;
      case 'size':
        setError(t('matrix.errorSize', { rows: limits.maxRows, cols: limits.maxCols, gotRows: result.got ?? 0, gotCols: result.expected ?? 0 }));
        break;
      case 'range':
        setError(t('matrix.errorRange', { max: limits.maxAbs }));
        break;
    }
  };

  return (
    <div className="matrix-editor" data-testid={testId}>
      <div className="matrix-editor-buttons">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => {
            setText(matrixToText(value));
            setError(null);
            setOpen(!open);
          }}
        >
          {t('matrix.edit', { label })}
        </button>
        <button type="button" onClick={() => onChange(randomMatrix(value.length, value[0]?.length ?? 1, seed))}>
          {t('matrix.random', { label })}
        </button>
        <label className="matrix-seed">
          {t('matrix.seed')}
          <input
            type="number"
            min={0}
            max={999999}
            value={seed}
            onChange={(event) => setSeed(Math.abs(Math.floor(Number(event.target.value) || 0)) % 1000000)}
          />
        </label>
      </div>
      {open && (
        <div id={`${id}-panel`} className="matrix-editor-panel">
          <label htmlFor={`${id}-text`} className="secondary">
            {t('matrix.help')}
          </label>
          <textarea
            id={`${id}-text`}
            rows={Math.min(value.length + 1, 10)}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
          />
          {error && (
            <p className="control-message" role="alert">
              {error}
            </p>
          )}
          <div className="matrix-editor-buttons">
            <button type="button" onClick={apply}>
              {t('matrix.apply')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('matrix.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
