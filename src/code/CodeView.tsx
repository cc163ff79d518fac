// The "PyTorch code" section under a panel: a <details> whose body (and the code generator) loads only when it is opened.

import { lazy, Suspense } from 'react';
import type { BuiltPanelId } from '../app/panels.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { LazyDetails } from '../ui/LazyDetails.tsx';
import { CODE_MESSAGES } from './messages.ts';
import './code.css';

const CodeBody = lazy(() => import('./CodeBody.tsx'));

export function CodeView({ panel }: { panel: BuiltPanelId }) {
  const t = usePanelT(CODE_MESSAGES);
  return (
    <LazyDetails className="code-view" testId="code-view" summary={t('title')}>
      <Suspense fallback={<p className="secondary">{t('loading')}</p>}>
        <CodeBody panel={panel} />
      </Suspense>
    </LazyDetails>
  );
}
