// The open "PyTorch code" section: the panel's config turned into code by the generator, its shapes, and a copy button.

import { useMemo, useRef, useState } from 'react';
import type { BuiltPanelId } from '../app/panels.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { useLanguage } from '../i18n/useT.ts';
import { useAppStore } from '../state/store.ts';
import { CODE_MESSAGES } from './messages.ts';
import { pytorchSnippet, pyTuple, type PytorchSnippet } from './pytorch.ts';

type CopyStatus = 'idle' | 'copied' | 'refused';

export default function CodeBody({ panel }: { panel: BuiltPanelId }) {
  const t = usePanelT(CODE_MESSAGES);
  const language = useLanguage();
  const config = useAppStore((s) => s.configs[panel]);
  const codeRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<{ status: CopyStatus; code: string }>({ status: 'idle', code: '' });
  const made = useMemo((): { snippet: PytorchSnippet } | { error: string } => {
    try {
      return { snippet: pytorchSnippet(panel, config, language) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [panel, config, language]);

  if ('error' in made) {
    return (
      <p className="note" role="alert" data-testid="code-error">
        {t('error', { reason: made.error })}
      </p>
    );
  }
  const { snippet } = made;
  // A status belongs to the code it was about: an edit since then clears it.
  const status = copy.code === snippet.code ? copy.status : 'idle';
  const [main, ...others] = snippet.checks;

  const copyCode = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(snippet.code);
      setCopy({ status: 'copied', code: snippet.code });
    } catch {
      // Selecting the code leaves the user one key press from copying it by hand.
      const selection = window.getSelection();
      if (codeRef.current && selection) selection.selectAllChildren(codeRef.current);
      setCopy({ status: 'refused', code: snippet.code });
    }
  };

  return (
    <div className="code-body">
      <p className="secondary">{t('intro')}</p>
      <div className="code-actions">
        <button type="button" onClick={() => void copyCode()} data-testid="code-copy">
          {t('copy')}
        </button>
        <p className="code-status" role="status" data-testid="code-status">
          {status === 'idle' ? '' : t(status)}
        </p>
      </div>
      <pre className="code-block" tabIndex={0} aria-label={t('codeLabel')}>
        <code ref={codeRef} data-testid="code-text">
          {snippet.code}
        </code>
      </pre>
      {main && (
        <p className="code-shape" data-testid="code-output-shape">
          {main.name === 'y' ? t('outputShape', { shape: pyTuple(main.shape) }) : t('resultShape', { name: main.name, shape: pyTuple(main.shape) })}
        </p>
      )}
      {others.length > 0 && (
        <p className="code-shape secondary" data-testid="code-other-shapes">
          {t('otherShapes', { list: others.map((check) => `${check.name} ${pyTuple(check.shape)}`).join(', ') })}
        </p>
      )}
    </div>
  );
}
