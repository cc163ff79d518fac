// The legend of a grid's diverging colour scale: −max … 0 … +max, and the padding swatch when there is padding.

import { divergingScale } from './theme.ts';
import { formatNumber } from './formatNumber.ts';
import { useT } from '../i18n/useT.ts';

export function ColorLegend({
  maxAbs,
  hasPadding,
  hasUnread = false,
  insertedLabel,
}: {
  maxAbs: number;
  hasPadding: boolean;
  hasUnread?: boolean;
  /** Words for the inserted-zero swatch; no swatch when absent. */
  insertedLabel?: string;
}) {
  const t = useT();
  const color = divergingScale(maxAbs);
  const extent = maxAbs || 1;
  const stops = [-1, -0.5, 0, 0.5, 1].map((f) => color(f * extent));
  return (
    <div className="legend secondary" aria-label={t('legend.title')} role="group">
      <span className="legend-scale">
        <span className="legend-end">{formatNumber(-extent)}</span>
        <span className="legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
        <span className="legend-end">{formatNumber(extent)}</span>
      </span>
      {hasPadding && (
        <span className="legend-padding">
          <span className="legend-swatch" aria-hidden="true" /> {t('legend.padding')}
        </span>
      )}
      {insertedLabel && (
        <span className="legend-padding">
          <span className="legend-swatch legend-inserted" aria-hidden="true" /> {insertedLabel}
        </span>
      )}
      {hasUnread && (
        <span className="legend-padding">
          <span className="legend-swatch legend-unread" aria-hidden="true" /> {t('legend.unread')}
        </span>
      )}
    </div>
  );
}
