// The notes' table (003) "convolution vs pooling": structure, stability, role and parameters, side by side.

import { usePanelT } from '../../i18n/panelMessages.ts';
import { POOLING_MESSAGES } from './messages.ts';

const ROWS = ['structure', 'stability', 'role', 'parameters'] as const;

export function ComparisonTable() {
  const t = usePanelT(POOLING_MESSAGES);
  return (
    <section className="pool-section" aria-labelledby="pool-compare-title">
      <h2 id="pool-compare-title">{t('compare.title')}</h2>
      <div className="pool-table-wrap">
        <table className="pool-compare" data-testid="pool-compare">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('compare.aspect')}</span>
              </th>
              <th scope="col">{t('compare.conv')}</th>
              <th scope="col">{t('compare.pool')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">{t(`compare.${row}`)}</th>
                <td>{t(`compare.${row}.conv`)}</td>
                <td>{t(`compare.${row}.pool`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="secondary">{t('compare.source')}</p>
    </section>
  );
}
