// Checkerboard artifacts: stamp counts of 1–3 stacked ×2 layers for k 3 s 2, k 4 s 2 and resize-then-convolve, side by side.

import { memo, useMemo } from 'react';
import { centralRange, resizeConvOnesStack, transposedOnesStack, type Tensor } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Grid } from '../../ui/Grid.tsx';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { TRANSPOSED_MESSAGES } from './messages.ts';
import { TRANSPOSED_LIMITS } from './transposedConfig.ts';

/** Side of the all-ones map that every method doubles, layer after layer (4 → 8 → 16 → 32). */
const START_SIZE = 4;

type MethodId = 'uneven' | 'even' | 'resize';

function lastOf(maps: Tensor[]): Tensor {
  return maps[maps.length - 1] as Tensor;
}

export const CheckerboardSection = memo(function CheckerboardSection({
  layers,
  update,
}: {
  layers: number;
  update(patch: { layers: number }, intent?: HistoryIntent): void;
}) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const methods = useMemo(
    (): { id: MethodId; map: Tensor }[] => [
      { id: 'uneven', map: lastOf(transposedOnesStack(START_SIZE, { kernel: 3, stride: 2, padding: 1, outputPadding: 1 }, layers)) },
      { id: 'even', map: lastOf(transposedOnesStack(START_SIZE, { kernel: 4, stride: 2, padding: 1, outputPadding: 0 }, layers)) },
      { id: 'resize', map: lastOf(resizeConvOnesStack(START_SIZE, 3, layers)) },
    ],
    [layers],
  );
  return (
    <section className="tr-lesson" aria-labelledby="tr-checker-title">
      <h2 id="tr-checker-title">{t('checker.title')}</h2>
      <p>{t('checker.intro', { size: START_SIZE })}</p>
      <div className="tr-checker-controls">
        <NumberControl
          label={t('checker.layers')}
          value={layers}
          min={TRANSPOSED_LIMITS.layers.min}
          max={TRANSPOSED_LIMITS.layers.max}
          onChange={(value, intent) => update({ layers: value }, intent)}
          testId="tr-layers"
        />
      </div>
      <div className="tr-checker-grid">
        {methods.map(({ id, map }) => {
          const h = map.shape[1] as number;
          const w = map.shape[2] as number;
          const range = centralRange(map);
          return (
            <div key={id} className="tr-checker-method">
              <Grid
                label={t(`checker.${id}`)}
                rows={h}
                cols={w}
                valueAt={(y, x) => map.data[y * w + x] ?? 0}
                showValues={w <= 8}
                maxCellPx={24}
                testId={`tr-cb-${id}`}
              />
              <p className="tr-checker-range" data-testid={`tr-cb-${id}-range`}>
                {range.max === range.min
                  ? t('checker.evenRange', { value: formatNumber(range.min) })
                  : t('checker.range', { min: formatNumber(range.min), max: formatNumber(range.max), ratio: formatNumber(range.ratio) })}
              </p>
            </div>
          );
        })}
      </div>
      <p className="note">{t('checker.lesson')}</p>
    </section>
  );
});
