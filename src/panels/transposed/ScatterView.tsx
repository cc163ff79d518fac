// The scatter view: every input (small) cell stamps input × kernel into the output (large); overlaps add up, counted in a heatmap.

import { clampStep, stampsLandingOn } from '../../engine/index.ts';
import { useT } from '../../i18n/useT.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { TRANSPOSED_MESSAGES } from './messages.ts';
import type { StepOrder } from './transposedConfig.ts';
import type { TransposedViews } from './transposedTraces.ts';

/** A contribution as it is added: "+2", "−1", "+0". */
function signed(value: number): string {
  const text = formatNumber(value);
  return text.startsWith('\u2212') ? text : `+${text}`;
}

export function ScatterView({ views, order, step }: { views: TransposedViews; order: StepOrder; step: number }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const st = useT();
  const { plan, scatter, input, weight, scatterOutput } = views;
  const { height, width } = plan;
  const inputHighlights = new Map<string, HighlightKind>();
  const kernelHighlights = new Map<string, HighlightKind>();
  const outputHighlights = new Map<string, HighlightKind>();
  const inputNotes = new Map<string, string>();
  const outputNotes = new Map<string, string>();
  let outputValues: Float32Array;
  let pending: ((y: number, x: number) => boolean) | undefined;
  let caption: string;

  if (order === 'input') {
    const frame = scatter.frame(step);
    inputHighlights.set(cellKey(frame.inY, frame.inX), 'window');
    for (const c of frame.contributions) {
      kernelHighlights.set(cellKey(c.kernelY, c.kernelX), 'window');
      if (!c.inside) continue;
      outputHighlights.set(cellKey(c.outY, c.outX), 'output');
      outputNotes.set(cellKey(c.outY, c.outX), signed(c.product));
    }
    outputValues = frame.output.data;
    caption = t('scatter.stepInput', { row: frame.inY, col: frame.inX, value: formatNumber(frame.inputValue) });
  } else {
    const o = clampStep(step, height.output * width.output);
    const outY = Math.floor(o / width.output);
    const outX = o % width.output;
    for (const term of stampsLandingOn(plan, input, weight, outY, outX)) {
      inputHighlights.set(cellKey(term.inY, term.inX), 'window');
      inputNotes.set(cellKey(term.inY, term.inX), `×${formatNumber(term.weightValue)}`);
      kernelHighlights.set(cellKey(term.kernelY, term.kernelX), 'window');
    }
    outputHighlights.set(cellKey(outY, outX), 'output');
    // Cells after this one read as 0, as in the direct view's output, so equal numbers get equal colours.
    outputValues = scatterOutput.data.map((value, index) => (index > o ? 0 : value));
    pending = (y, x) => y * width.output + x > o;
    caption = t('scatter.stepOutput', { row: outY, col: outX });
  }

  const kernel = weight.data;
  const counts = scatter.overlapCounts.data;
  return (
    <section className="tr-view" aria-labelledby="tr-scatter-title">
      <h2 id="tr-scatter-title">{t('scatter.title')}</h2>
      <p className="secondary tr-view-intro">{t('scatter.intro')}</p>
      <p className="tr-view-step">{caption}</p>
      <div className="grids">
        <Grid
          label={t('inputSmall')}
          rows={height.input}
          cols={width.input}
          valueAt={(y, x) => input.data[y * width.input + x] ?? 0}
          highlights={inputHighlights}
          annotations={inputNotes}
          testId="tr-scatter-input"
          showLegend={false}
        />
        <Grid
          label={st('grid.kernel')}
          rows={height.kernel}
          cols={width.kernel}
          valueAt={(y, x) => kernel[y * width.kernel + x] ?? 0}
          highlights={kernelHighlights}
          testId="tr-scatter-kernel"
          showLegend={false}
        />
      </div>
      <div className="grids">
        <Grid
          label={t('outputLarge')}
          rows={height.output}
          cols={width.output}
          valueAt={(y, x) => outputValues[y * width.output + x] ?? 0}
          pending={pending}
          highlights={outputHighlights}
          annotations={outputNotes}
          testId="tr-scatter-output"
        />
        <Grid
          label={t('overlap')}
          rows={height.output}
          cols={width.output}
          valueAt={(y, x) => counts[y * width.output + x] ?? 0}
          highlights={outputHighlights}
          testId="tr-overlap"
        />
      </div>
      <p className="secondary">{t('overlapNote')}</p>
    </section>
  );
}
