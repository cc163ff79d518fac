// The lens: one output pixel of the lab, its kernel window over the picture, each pixel value, weight and product, and the sum.

import { useShallow } from 'zustand/react/shallow';
import type { LensReading } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey } from '../../ui/Grid.tsx';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { KERNELS_LIMITS } from './kernelsConfig.ts';
import { KERNELS_MESSAGES } from './messages.ts';

export const CHANNEL_NAMES = ['R', 'G', 'B'] as const;

export interface LensProps {
  reading: LensReading;
  /** The output pixel as conv2d computed it (from the worker), or null while it is being computed. */
  engineValue: number | null;
  /** 3 for per-channel RGB, 1 for grey. */
  channels: number;
  onChannel(channel: number): void;
  divisor: number;
}

export function Lens({ reading, engineValue, channels, onChannel, divisor }: LensProps) {
  const t = usePanelT(KERNELS_MESSAGES);
  const updateConfig = useAppStore(useShallow((s) => s.updateConfig));
  const kH = reading.geometry.height.kernel;
  const kW = reading.geometry.width.kernel;
  const tapAt = (y: number, x: number) => reading.taps[y * kW + x];
  const padding = new Map(reading.taps.filter((tap) => tap.inPadding).map((tap) => [cellKey(tap.kernelY, tap.kernelX), t('lensPad')]));
  const channelName = channels === 3 ? CHANNEL_NAMES[reading.channel] : null;
  const cellPx = kW > 5 ? 34 : 44;

  return (
    <section className="kernels-lens" aria-labelledby="kernels-lens-title" data-testid="lens">
      <h2 id="kernels-lens-title">{t('lensTitle', { row: reading.outY, col: reading.outX })}</h2>
      <p className="secondary">{t('lensHint')}</p>
      <div className="panel-controls kernels-lens-controls">
        <NumberControl
          label={t('lensRow')}
          value={reading.outY}
          min={0}
          max={Math.min(reading.geometry.height.output - 1, KERNELS_LIMITS.lens)}
          onChange={(row, intent) => updateConfig('kernels', { lens: [row, reading.outX] }, intent)}
          testId="lens-row"
        />
        <NumberControl
          label={t('lensCol')}
          value={reading.outX}
          min={0}
          max={Math.min(reading.geometry.width.output - 1, KERNELS_LIMITS.lens)}
          onChange={(col, intent) => updateConfig('kernels', { lens: [reading.outY, col] }, intent)}
          testId="lens-col"
        />
        {channels === 3 && (
          <div className="preset-buttons" role="group" aria-label={t('lensChannel')}>
            {CHANNEL_NAMES.map((name, c) => (
              <button key={name} type="button" aria-pressed={reading.channel === c} onClick={() => onChannel(c)}>
                {name}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="grids kernels-lens-grids">
        <Grid
          label={channelName ? t('lensWindowChannel', { channel: channelName }) : t('lensWindow')}
          rows={kH}
          cols={kW}
          valueAt={(y, x) => tapAt(y, x)?.value ?? 0}
          annotations={padding}
          maxCellPx={cellPx}
          showLegend={false}
          testId="lens-window"
        />
        <span className="grid-operator" aria-hidden="true">
          ×
        </span>
        <Grid
          label={divisor === 1 ? t('lensWeights') : t('lensWeightsDivisor', { divisor })}
          rows={kH}
          cols={kW}
          valueAt={(y, x) => tapAt(y, x)?.weight ?? 0}
          maxCellPx={cellPx}
          showLegend={false}
          testId="lens-weights"
        />
        <span className="grid-operator" aria-hidden="true">
          =
        </span>
        <Grid
          label={t('lensProducts')}
          rows={kH}
          cols={kW}
          valueAt={(y, x) => tapAt(y, x)?.product ?? 0}
          maxCellPx={cellPx}
          showLegend={false}
          testId="lens-products"
        />
      </div>
      <div className="formula-row">
        <span className="formula-label">{t('lensSum', { row: reading.outY, col: reading.outX })}</span>
        <Formula tex={`Y_{${reading.outY},${reading.outX}} = ${reading.tex}`} />
      </div>
      <p className="kernels-lens-check" data-testid="lens-check">
        {engineValue === null
          ? t('lensComputing')
          : t('lensCheck', { lens: formatNumber(reading.value), engine: formatNumber(engineValue), row: reading.outY, col: reading.outX })}
      </p>
    </section>
  );
}
