// The per-layer table: kernel, stride, padding, dilation, k′, output size and the receptive field's size, jump and start, from the engine.

import type { AxisGeometry, ReceptiveFieldEntry, StackLayer } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { formatNumber } from '../../ui/formatNumber.ts';
import { RECEPTIVE_MESSAGES } from './messages.ts';

export interface LayerTableProps {
  layers: readonly StackLayer[];
  axes: readonly AxisGeometry[];
  fields: readonly ReceptiveFieldEntry[];
  inputSize: number;
  /** Layer (0-based) being shown. */
  current: number;
  onSelectLayer(index: number): void;
}

export function LayerTable({ layers, axes, fields, inputSize, current, onSelectLayer }: LayerTableProps) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  return (
    <div className="table-scroll">
      <table className="layer-table" data-testid="layer-table">
        <caption className="secondary">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.layer')}</th>
            <th scope="col">{t('col.type')}</th>
            <th scope="col">k</th>
            <th scope="col">s</th>
            <th scope="col">p</th>
            <th scope="col">d</th>
            <th scope="col">k′</th>
            <th scope="col">{t('col.output')}</th>
            <th scope="col">{t('col.rf')}</th>
            <th scope="col">{t('col.jump')}</th>
            <th scope="col">{t('col.start')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">0</th>
            <td>{t('rowInputLong')}</td>
            <td colSpan={5} />
            <td>{inputSize}</td>
            <td>1</td>
            <td>1</td>
            <td>0</td>
          </tr>
          {layers.map((layer, i) => {
            const axis = axes[i] as AxisGeometry;
            const field = fields[i] as ReceptiveFieldEntry;
            return (
              <tr key={i} className={i === current ? 'is-current' : undefined} aria-current={i === current ? 'step' : undefined} data-layer={i + 1}>
                <th scope="row">
                  <button type="button" className="table-layer-button" onClick={() => onSelectLayer(i)} aria-label={t('showLayer', { n: i + 1 })}>
                    {i + 1}
                  </button>
                </th>
                <td>{t(`kind.${layer.kind}`)}</td>
                <td>{layer.kernel}</td>
                <td>{layer.stride}</td>
                <td>{layer.padding}</td>
                <td>{layer.dilation}</td>
                <td>{axis.effectiveKernel}</td>
                <td>{axis.output}</td>
                <td className="rf-cell">{formatNumber(field.size)}</td>
                <td>{formatNumber(field.jump)}</td>
                <td>{formatNumber(field.start)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
