// LinkNotice: names the link's settings that were not valid and fell back to defaults (as text, never HTML).

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { useT } from '../i18n/useT.ts';

export function LinkNotice() {
  const t = useT();
  const { notice, dismissNotice } = useAppStore(useShallow((s) => ({ notice: s.notice, dismissNotice: s.dismissNotice })));
  if (notice.length === 0) return null;
  return (
    <div className="link-notice" role="status" data-testid="link-notice">
      <span>{t('notice.ignored')} </span>
      <span className="link-notice-keys">{notice.map((field) => field.key).join(', ')}</span>
      <button type="button" onClick={dismissNotice}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
