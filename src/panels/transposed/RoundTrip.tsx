// Round trip (convolve, then transpose-convolve: the size comes back, the values do not) and why output padding exists.

import { Fragment, memo, useMemo } from 'react';
import { convOutputSizeGeneral, convRoundTrip, forwardSizesMappingTo, type TransposedAxis } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid } from '../../ui/Grid.tsx';
import { randomMatrix } from '../../ui/matrix.ts';
import { matrixTensor } from '../../ui/matrix.ts';
import { TRANSPOSED_MESSAGES } from './messages.ts';
import type { TransposedConfig } from './transposedConfig.ts';
import type { TransposedViews } from './transposedTraces.ts';

const MAX_VALUES_SHOWN = 12;
/** The round trip's x: seeded whole numbers in [−4, 4], the same for everyone who opens the same link. */
const ROUND_TRIP_SEED = 5;

function size(shape: readonly number[]): string {
  return `${shape[1]}×${shape[2]}`;
}

export const RoundTripSection = memo(function RoundTripSection({ views }: { views: TransposedViews }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const { plan, weight, options } = views;
  const trip = useMemo(
    () => convRoundTrip(matrixTensor(randomMatrix(plan.height.output, plan.width.output, ROUND_TRIP_SEED), [1]), weight, options),
    [plan, weight, options],
  );
  const grids = [
    { id: 'tr-rt-x', label: t('roundTrip.x'), map: trip.original },
    { id: 'tr-rt-y', label: t('roundTrip.y'), map: trip.forward },
    { id: 'tr-rt-back', label: t('roundTrip.back'), map: trip.back },
  ];
  const total = trip.original.data.length;
  return (
    <section className="tr-lesson" aria-labelledby="tr-roundtrip-title">
      <h2 id="tr-roundtrip-title">{t('roundTrip.title')}</h2>
      <p>{t('roundTrip.intro', { large: size(trip.original.shape), small: size(trip.forward.shape), back: size(trip.back.shape) })}</p>
      <div className="grids tr-roundtrip-grids">
        {grids.map(({ id, label, map }, index) => {
          const h = map.shape[1] as number;
          const w = map.shape[2] as number;
          return (
            <Fragment key={id}>
              {index > 0 && (
                <span className="grid-operator" aria-hidden="true">
                  →
                </span>
              )}
              <Grid
                label={label}
                rows={h}
                cols={w}
                valueAt={(y, x) => map.data[y * w + x] ?? 0}
                showValues={h <= MAX_VALUES_SHOWN && w <= MAX_VALUES_SHOWN}
                maxCellPx={40}
                testId={id}
              />
            </Fragment>
          );
        })}
      </div>
      <p className="note" data-testid="tr-roundtrip-verdict">
        {!trip.sameShape
          ? t('roundTrip.otherShape', { back: size(trip.back.shape), large: size(trip.original.shape) })
          : trip.differing > 0
            ? t('roundTrip.differ', { n: trip.differing, total })
            : t('roundTrip.same')}
      </p>
    </section>
  );
});

function AxisSizes({ axis, label, choose }: { axis: TransposedAxis; label: string; choose(outputPadding: number): void }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const sizes = forwardSizesMappingTo(axis.input, axis.kernel, axis.stride, axis.padding, axis.dilation);
  if (sizes.length < 2) {
    return <p data-testid="tr-op-axis">{t('outputPadding.unique', { axis: label, i: axis.input })}</p>;
  }
  return (
    <div className="tr-op-axis" data-testid="tr-op-axis">
      <p>
        {t('outputPadding.many', {
          axis: label,
          k: axis.kernel,
          s: axis.stride,
          p: axis.padding,
          d: axis.dilation,
          sizes: sizes.map((entry) => entry.size).join(', '),
          i: axis.input,
        })}
      </p>
      {sizes.map((entry) => (
        <div key={entry.size} className="tr-op-formula">
          <Formula
            tex={`n = ${entry.size}:\\; ${
              convOutputSizeGeneral({
                input: entry.size,
                kernel: axis.kernel,
                stride: axis.stride,
                padBefore: axis.padding,
                padAfter: axis.padding,
                dilation: axis.dilation,
              }).tex
            }`}
          />
        </div>
      ))}
      <p>{t('outputPadding.back', { smallest: sizes[0]?.size ?? 0, op: axis.outputPadding, o: axis.output })}</p>
      <div className="preset-buttons" role="group" aria-label={t('outputPadding.choose', { axis: label })}>
        {sizes.map((entry) => (
          <button
            key={entry.size}
            type="button"
            aria-pressed={entry.outputPadding === axis.outputPadding}
            onClick={() => choose(entry.outputPadding)}
          >
            {t('outputPadding.button', { op: entry.outputPadding, size: entry.size })}
          </button>
        ))}
      </div>
    </div>
  );
}

export const OutputPaddingSection = memo(function OutputPaddingSection({
  views,
  config,
  update,
}: {
  views: TransposedViews;
  config: TransposedConfig;
  update(patch: Partial<TransposedConfig>, intent?: HistoryIntent): void;
}) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const { height, width } = views.plan;
  const same =
    height.input === width.input &&
    height.kernel === width.kernel &&
    height.stride === width.stride &&
    height.padding === width.padding &&
    height.dilation === width.dilation &&
    height.outputPadding === width.outputPadding;
  return (
    <section className="tr-lesson" aria-labelledby="tr-op-title">
      <h2 id="tr-op-title">{t('outputPadding.title')}</h2>
      {same ? (
        <AxisSizes axis={height} label={t('axis.both')} choose={(op) => update({ outputPadding: [op, op] })} />
      ) : (
        <>
          <AxisSizes axis={height} label={t('axis.height')} choose={(op) => update({ outputPadding: [op, config.outputPadding[1]] })} />
          <AxisSizes axis={width} label={t('axis.width')} choose={(op) => update({ outputPadding: [config.outputPadding[0], op] })} />
        </>
      )}
      <p className="secondary">{t('outputPadding.rule')}</p>
    </section>
  );
});
