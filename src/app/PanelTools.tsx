// PanelTools: what sits under every panel for students and instructors: its PyTorch code, export and embed code.

import type { BuiltPanelId } from './panels.ts';
import { useT } from '../i18n/useT.ts';
import { CodeView } from '../code/CodeView.tsx';
import { ExportTools } from '../export/ExportTools.tsx';
import { EmbedCode } from '../embed/EmbedCode.tsx';

export interface PanelToolsProps {
  panel: BuiltPanelId;
}

/** One section per tool, each a <details> so the panel stays the first thing on screen. */
export function PanelTools({ panel }: PanelToolsProps) {
  const t = useT();
  return (
    <section className="panel-tools secondary" aria-label={t('tools.label')} data-panel={panel}>
      <CodeView panel={panel} />
      <ExportTools panel={panel} />
      <EmbedCode panel={panel} />
    </section>
  );
}
