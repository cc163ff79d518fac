// The placeholder of a panel whose issue has not landed yet.

import type { PanelId } from './panels.ts';
import { PANEL_TITLES } from './panels.ts';
import { useAppStore } from '../state/store.ts';
import { useT } from '../i18n/useT.ts';

export function ComingSoon({ panel }: { panel: PanelId }) {
  const t = useT();
  const setPanel = useAppStore((s) => s.setPanel);
  return (
    <section className="coming-soon">
      <h1>{t('soon.title', { panel: t(PANEL_TITLES[panel]) })}</h1>
      <p>{t('soon.body')}</p>
      <button type="button" onClick={() => setPanel('basics')}>
        {t('soon.back')}
      </button>
    </section>
  );
}
