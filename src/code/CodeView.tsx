// The "PyTorch code" section under a panel: a <details> whose body (and the code generator) loads only when it is opened.

import { lazy, Suspense, useState } from 'react';
import type { BuiltPanelId } from '../app/panels.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { CODE_MESSAGES } from './messages.ts';
import './code.css';

const CodeBody = lazy(() => import('./CodeBody.tsx'));

export function CodeView({ panel }: { panel: BuiltPanelId }) {
  const t = usePanelT(CODE_MESSAGES);
  const [open, setOpen] = useState(false);
  return (
    <details className="code-view" open={open} data-testid="code-view">
      {/* Controlled by state (not the browser's own toggle), so the body mounts exactly when the section is open. */}
      <summary
        onClick={(event) => {
          event.preventDefault();
          setOpen(!open);
        }}
      >
        {t('title')}
      </summary>
      {open && (
        <Suspense fallback={<p className="secondary">{t('loading')}</p>}>
          <CodeBody panel={panel} />
        </Suspense>
      )}
    </details>
  );
}
