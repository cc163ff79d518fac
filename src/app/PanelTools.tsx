// PanelTools: what sits under every panel for students and instructors: its PyTorch code, export and embed code.

import { lazy, Suspense } from 'react';
import type { BuiltPanelId } from './panels.ts';
import { useT } from '../i18n/useT.ts';
import { CodeView } from '../code/CodeView.tsx';

// Export (GIF encoder, SVG composer) and embed are loaded after the panel, so they never weigh on the first screen.
const ExportTools = lazy(() => import('../export/ExportTools.tsx').then((module) => ({ default: module.ExportTools })));
const EmbedCode = lazy(() => import('../embed/EmbedCode.tsx').then((module) => ({ default: module.EmbedCode })));

export interface PanelToolsProps {
  panel: BuiltPanelId;
}

/** One section per tool, each a <details> so the panel stays the first thing on screen. */
export function PanelTools({ panel }: PanelToolsProps) {
  const t = useT();
  return (
    <section className="panel-tools secondary" aria-label={t('tools.label')} data-panel={panel}>
      <CodeView panel={panel} />
      <Suspense fallback={null}>
        <ExportTools panel={panel} />
        <EmbedCode panel={panel} />
      </Suspense>
    </section>
  );
}
