// Several output channels: one 3-D kernel ("a book") per output channel; the layer's weights are the 4-D bookcase c_out × c_in × k_h × k_w.

import { useMemo } from 'react';
import { convCost, kernelSlice, type Tensor } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { maxAbsOf } from '../../ui/theme.ts';
import { layerTrace, type LayerTensors } from './channelsLayer.ts';
import { useLayerFrame, windowOf } from './InputChannelsView.tsx';
import { CHANNELS_MESSAGES } from './messages.ts';
import { StackGrids } from './StackGrids.tsx';

/** Cell size of the kernels in the bookcase: small, so a bookcase of 8 books of 8 slices stays on screen. */
const BOOK_CELL_PX = 36;

function Book({ weight, o, current, label }: { weight: Tensor; o: number; current: boolean; label: string }) {
  const [, slices, kH, kW] = weight.shape as [number, number, number, number];
  const scaleMax = maxAbsOf(weight.data);
  return (
    <div className={`ch-book${current ? ' is-current' : ''}`} data-testid={`ch-book-${o}`} aria-current={current ? 'true' : undefined}>
      <span className="ch-book-label">{label}</span>
      <div className="grids">
        {Array.from({ length: slices }, (_, i) => {
          const slice = kernelSlice(weight, o, i);
          return (
            <div key={i} style={{ width: `${Math.max(kW * BOOK_CELL_PX, 48) + 4}px` }}>
              <Grid
                label={`[${o}, ${i}]`}
                rows={kH}
                cols={kW}
                valueAt={(y, x) => slice.data[y * kW + x] ?? 0}
                scaleMax={scaleMax}
                showLegend={false}
                maxCellPx={BOOK_CELL_PX}
                testId={`ch-book-${o}-${i}`}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function OutputChannelsView({ layer, onLoadExample }: { layer: LayerTensors; onLoadExample(): void }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const trace = useMemo(() => layerTrace(layer), [layer]);
  const frame = useLayerFrame(trace);
  const { plan } = trace;
  const { height, width } = plan.geometry;
  const [cout, slices, kH, kW] = layer.weight.shape as [number, number, number, number];
  const plane = height.output * width.output;
  const cost = convCost({
    inChannels: plan.inChannels,
    outChannels: cout,
    kernelH: kH,
    kernelW: kW,
    outH: height.output,
    outW: width.output,
    groups: plan.groups,
    bias: layer.bias !== undefined,
  });
  const narration = t('outputs.narration', {
    o: frame.outChannel,
    row: frame.outY,
    col: frame.outX,
    value: formatNumber(frame.value),
    slices,
    kh: kH,
    kw: kW,
  });
  const current = (o: number) => (o === frame.outChannel ? new Map<string, HighlightKind>([[cellKey(frame.outY, frame.outX), 'output']]) : undefined);

  return (
    <section className="ch-view" aria-labelledby="ch-outputs-title">
      <h2 id="ch-outputs-title">{t('outputs.title')}</h2>
      <p className="secondary">{t('outputs.intro')}</p>
      <StepPlayer length={trace.length} />
      <Narration text={narration} />
      <h3 className="ch-subtitle">{t('outputs.inputs', { cin: plan.inChannels })}</h3>
      <StackGrids
        tensor={layer.input}
        label={(c) => t('grid.inputChannel', { c })}
        testId={(c) => `ch-input-${c}`}
        highlights={(c) => windowOf(frame, c).highlights}
        maxCellPx={40}
      />
      <h3 className="ch-subtitle">{t('outputs.bookcase', { cout, slices, kh: kH, kw: kW })}</h3>
      <div className="ch-bookcase" data-testid="ch-bookcase">
        {Array.from({ length: cout }, (_, o) => (
          <Book key={o} weight={layer.weight} o={o} current={o === frame.outChannel} label={t('outputs.book', { o, slices, kh: kH, kw: kW })} />
        ))}
      </div>
      <p className="note">{t('outputs.bookNote')}</p>
      {cout === 1 && (
        <p>
          {t('outputs.onlyOne')}{' '}
          <button type="button" onClick={onLoadExample}>
            {t('outputs.loadExample')}
          </button>
        </p>
      )}
      <h3 className="ch-subtitle">{t('outputs.outputs', { cout })}</h3>
      <StackGrids
        tensor={frame.output}
        label={(o) => t('grid.outputChannel', { o })}
        testId={(o) => `ch-output-${o}`}
        highlights={current}
        pending={(o, y, x) => o * plane + y * width.output + x > frame.step}
        maxCellPx={48}
      />
      <section className="formulas" aria-label={t('cost.parameters')}>
        <div className="formula-row">
          <span className="formula-label">{t('cost.parameters')}</span>
          <Formula tex={cost.parametersFormula.tex} />
        </div>
      </section>
    </section>
  );
}
