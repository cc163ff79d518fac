// The 1×1 convolution beside the same weights as a (c_out × c_in) matrix applied to every pixel's channel vector: both computed, shown equal.

import { useCallback, useMemo } from 'react';
import { clampStep, conv2d, maxAbsDifference, pointwiseAsMatrix, productSumTex, type Tensor } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { layerTrace, type LayerTensors } from './channelsLayer.ts';
import { CHANNELS_MESSAGES } from './messages.ts';
import { StackGrids } from './StackGrids.tsx';

/** Differences below this are float rounding, not a different answer. */
const SAME_TOLERANCE = 1e-4;

function MatrixGrid({ tensor, label, testId, column }: { tensor: Tensor; label: string; testId: string; column?: number }) {
  const [rows, cols] = tensor.shape as [number, number];
  const highlights = new Map<string, HighlightKind>();
  if (column !== undefined) for (let r = 0; r < rows; r++) highlights.set(cellKey(r, column), 'window');
  // Stable across steps, so the grid keeps its cell list and only the highlighted column is redrawn.
  const valueAt = useCallback((y: number, x: number) => tensor.data[y * cols + x] ?? 0, [tensor, cols]);
  return <Grid label={label} rows={rows} cols={cols} valueAt={valueAt} highlights={highlights} showLegend={false} maxCellPx={40} testId={testId} />;
}

export function PointwiseView({ layer, onLoadExample }: { layer: LayerTensors; onLoadExample(): void }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const [cout, , kH, kW] = layer.weight.shape as [number, number, number, number];
  const isPointwise = kH === 1 && kW === 1 && layer.groups === 1;
  if (!isPointwise) {
    return (
      <section className="ch-view" aria-labelledby="ch-pointwise-title">
        <h2 id="ch-pointwise-title">{t('pointwise.title')}</h2>
        <p className="note">{t('pointwise.needs1x1', { kh: kH, kw: kW, groups: layer.groups })}</p>
        <button type="button" onClick={onLoadExample}>
          {t('pointwise.loadExample')}
        </button>
      </section>
    );
  }
  return <PointwiseComparison layer={layer} cout={cout} />;
}

function PointwiseComparison({ layer, cout }: { layer: LayerTensors; cout: number }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const rawStep = useAppStore((s) => s.step);
  const trace = useMemo(() => layerTrace(layer), [layer]);
  const viaConv = useMemo(() => conv2d(layer.input, layer.weight, { bias: layer.bias }), [layer]);
  const viaMatrix = useMemo(() => pointwiseAsMatrix(layer.input, layer.weight, layer.bias), [layer]);
  const difference = maxAbsDifference(viaConv, viaMatrix.output);
  const [cin, h, w] = layer.input.shape as [number, number, number];
  const pixels = h * w;
  const p = clampStep(rawStep, pixels);
  const y = Math.floor(p / w);
  const x = p % w;
  const pixel = new Map<string, HighlightKind>([[cellKey(y, x), 'window']]);
  const vector = Array.from({ length: cin }, (_, c) => formatNumber(viaMatrix.columns.data[c * pixels + p] ?? 0)).join(', ');
  const result = Array.from({ length: cout }, (_, o) => formatNumber(viaMatrix.product.data[o * pixels + p] ?? 0)).join(', ');
  // Output channel o at pixel p is frame o·(H·W) + p of the convolution's trace: its taps are the products W[o, c]·x_c.
  const rowsTex = Array.from({ length: cout }, (_, o) => {
    const frame = trace.frame(o * pixels + p);
    return `y_{${o}} = ${productSumTex(
      frame.taps.map((tap) => ({ a: tap.weightValue, b: tap.inputValue })),
      frame.bias,
      frame.value,
    )}`;
  });
  const same = difference <= SAME_TOLERANCE;

  return (
    <section className="ch-view" aria-labelledby="ch-pointwise-title">
      <h2 id="ch-pointwise-title">{t('pointwise.title')}</h2>
      <p className="secondary">{t('pointwise.intro')}</p>
      <StepPlayer length={pixels} />
      <Narration text={t('pointwise.narration', { row: y, col: x, vector, result })} />
      <div className="ch-side-by-side">
        <section className="ch-half" aria-labelledby="ch-conv-side">
          <h3 id="ch-conv-side" className="ch-subtitle">
            {t('pointwise.convSide')}
          </h3>
          <StackGrids
            tensor={layer.input}
            label={(c) => t('grid.inputChannel', { c })}
            testId={(c) => `ch-input-${c}`}
            highlights={() => pixel}
            maxCellPx={40}
          />
          <StackGrids
            tensor={viaConv}
            label={(o) => t('grid.outputChannel', { o })}
            testId={(o) => `ch-conv-out-${o}`}
            highlights={() => pixel}
            maxCellPx={40}
          />
        </section>
        <section className="ch-half" aria-labelledby="ch-matrix-side">
          <h3 id="ch-matrix-side" className="ch-subtitle">
            {t('pointwise.matrixSide')}
          </h3>
          <div className="grids">
            <MatrixGrid tensor={viaMatrix.matrix} label={t('pointwise.weights', { cout, cin })} testId="ch-matrix-w" />
            <span className="grid-operator" aria-hidden="true">
              ·
            </span>
            <MatrixGrid tensor={viaMatrix.columns} label={t('pointwise.columns', { cin, pixels })} testId="ch-matrix-x" column={p} />
          </div>
          <div className="grids">
            <span className="grid-operator" aria-hidden="true">
              =
            </span>
            <MatrixGrid tensor={viaMatrix.product} label={t('pointwise.product', { cout, pixels })} testId="ch-matrix-y" column={p} />
          </div>
          <StackGrids
            tensor={viaMatrix.output}
            label={(o) => t('pointwise.reshaped', { o })}
            testId={(o) => `ch-matrix-out-${o}`}
            highlights={() => pixel}
            maxCellPx={40}
          />
        </section>
      </div>
      <p className={`note ch-verdict${same ? ' is-same' : ''}`} data-testid="pointwise-equal">
        {same ? t('pointwise.same', { difference: formatNumber(difference) }) : t('pointwise.differ', { difference: formatNumber(difference) })}
      </p>
      <section className="formulas" aria-label={t('pointwise.rowsLabel')}>
        <div className="formula-row">
          <span className="formula-label">{t('pointwise.rowsLabel')}</span>
          <Formula tex="y_o(r,c) = \sum_{c_{in}} W_{o,c_{in}}\, x_{c_{in}}(r,c) + b_o" />
        </div>
        {rowsTex.map((tex, o) => (
          <div className="formula-row formula-current" key={o}>
            <Formula tex={tex} />
          </div>
        ))}
      </section>
    </section>
  );
}
