// Pooling keeps channels apart: each channel pooled on its own, the count unchanged (unlike convolution), and global average pooling per channel.

import { useMemo } from 'react';
import { adaptiveAvgPool2d, clampStep, formatShape, globalAveragePoolFormula, type PoolTrace, type Tensor } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid } from '../../ui/Grid.tsx';
import { POOLING_MESSAGES } from './messages.ts';
import { channelPattern, inputSize, POOLING_LIMITS, type PoolingConfig } from './poolingConfig.ts';

export interface ChannelsViewProps {
  config: PoolingConfig;
  input: Tensor;
  forward: PoolTrace;
  update(patch: Partial<PoolingConfig>, intent?: HistoryIntent): void;
}

export function ChannelsView({ config, input, forward, update }: ChannelsViewProps) {
  const t = usePanelT(POOLING_MESSAGES);
  const rawStep = useAppStore((s) => s.step);
  const { plan } = forward;
  const { height, width } = plan.geometry;
  const current = forward.frame(clampStep(rawStep, forward.length)).channel;
  const output = useMemo(() => forward.frame(forward.length - 1).output, [forward]);
  const gap = useMemo(() => adaptiveAvgPool2d(input, 1), [input]);
  const channels = plan.channels;
  const [rows, cols] = inputSize(config);
  const setChannels = (count: number) => update({ input: Array.from({ length: count }, (_, c) => config.input[c] ?? channelPattern(rows, cols, c)) });
  const plane = (data: Float32Array, c: number, h: number, w: number) => (y: number, x: number) => data[(c * h + y) * w + x] ?? 0;

  return (
    <section className="pool-section" aria-labelledby="pool-channels-title">
      <h2 id="pool-channels-title">{t('channels.title')}</h2>
      <div className="preset-buttons" role="group" aria-label={t('channels.count')}>
        {Array.from({ length: POOLING_LIMITS.channels }, (_, i) => i + 1).map((count) => (
          <button key={count} type="button" aria-pressed={count === channels} onClick={() => setChannels(count)}>
            {t('channels.option', { count })}
          </button>
        ))}
      </div>
      <div className="pool-channel-strip">
        {Array.from({ length: channels }, (_, c) => (
          <div key={c} className={`grids pool-channel${c === current ? ' is-current' : ''}`} data-testid={`pool-channel-${c}`}>
            <Grid
              label={t('channels.input', { channel: c })}
              rows={height.input}
              cols={width.input}
              valueAt={plane(input.data, c, height.input, width.input)}
              maxCellPx={26}
              showLegend={false}
              testId={`grid-channel-in-${c}`}
            />
            <span className="grid-operator" aria-hidden="true">
              →
            </span>
            <Grid
              label={t('channels.output', { channel: c })}
              rows={height.output}
              cols={width.output}
              valueAt={plane(output.data, c, height.output, width.output)}
              maxCellPx={26}
              showLegend={false}
              testId={`grid-channel-out-${c}`}
            />
          </div>
        ))}
      </div>
      <p data-testid="pool-shapes">
        {t(channels > 1 ? 'channels.shapes' : 'channels.shapesOne', {
          input: formatShape(input.shape),
          output: formatShape(plan.outputShape),
          channels,
        })}
      </p>
      <p className="note">{t('channels.convContrast')}</p>

      <h3>{t('gap.title')}</h3>
      <p className="secondary">{t('gap.intro')}</p>
      <div className="formula-row">
        {Array.from({ length: channels }, (_, c) => (
          <Formula key={c} tex={`\\operatorname{GAP}(X_{${c}}) = ${globalAveragePoolFormula(input, c).tex}`} />
        ))}
      </div>
      <Grid
        label={t('gap.output')}
        rows={1}
        cols={channels}
        valueAt={(_, x) => gap.data[x] ?? 0}
        maxCellPx={Math.max(44, Math.ceil(88 / channels))}
        showLegend={false}
        testId="grid-gap"
      />
    </section>
  );
}
