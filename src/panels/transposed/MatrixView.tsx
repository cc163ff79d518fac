// The matrix view: the forward convolution as C (rows = input (small) cells), the transposed convolution as Cᵀ·y, stepped by row or column.

import { clampStep, matrixColumnTerms, multiplyTransposedRows, productSumTex, stampFootprint, texNumber } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { TRANSPOSED_MESSAGES } from './messages.ts';
import type { StepOrder } from './transposedConfig.ts';
import { MATRIX_DRAW_LIMIT, type TransposedViews } from './transposedTraces.ts';

export function MatrixView({ views, order, step }: { views: TransposedViews; order: StepOrder; step: number }) {
  const t = usePanelT(TRANSPOSED_MESSAGES);
  const { plan, matrix, input, matrixOutput } = views;
  const [rows, cols] = matrix.shape as [number, number];
  const outW = plan.width.output;
  const drawable = rows <= MATRIX_DRAW_LIMIT && cols <= MATRIX_DRAW_LIMIT;
  const matrixHighlights = new Map<string, HighlightKind>();
  const vectorHighlights = new Map<string, HighlightKind>();
  const outputHighlights = new Map<string, HighlightKind>();
  let values: Float32Array;
  let pending: ((y: number, x: number) => boolean) | undefined;
  let tex: string;
  let caption: string;

  if (order === 'input') {
    const n = clampStep(step, rows);
    for (let j = 0; j < cols; j++) matrixHighlights.set(cellKey(n, j), 'window');
    vectorHighlights.set(cellKey(0, n), 'window');
    const inY = Math.floor(n / plan.width.input);
    const inX = n % plan.width.input;
    for (const cell of stampFootprint(plan, inY, inX)) outputHighlights.set(cellKey(cell.outY, cell.outX), 'output');
    values = multiplyTransposedRows(matrix, input.data, n + 1);
    tex = `C^\\top y \\mathrel{+}= y_{${n}}\\, C_{${n},:}, \\quad y_{${n}} = ${texNumber(input.data[n] ?? 0)}`;
    caption = t('matrix.stepInput', { n });
  } else {
    const o = clampStep(step, cols);
    for (let i = 0; i < rows; i++) matrixHighlights.set(cellKey(i, o), 'window');
    const { terms, sum } = matrixColumnTerms(matrix, input.data, o);
    for (const term of terms) vectorHighlights.set(cellKey(0, term.row), 'window');
    outputHighlights.set(cellKey(Math.floor(o / outW), o % outW), 'output');
    values = matrixOutput.map((value, index) => (index > o ? 0 : value));
    pending = (y, x) => y * outW + x > o;
    tex = `(C^\\top y)_{${o}} = ${productSumTex(
      terms.map((term) => ({ a: term.entry, b: term.value })),
      0,
      sum,
    )}`;
    caption = t('matrix.stepOutput', { o });
  }

  return (
    <section className="tr-view" aria-labelledby="tr-matrix-title">
      <h2 id="tr-matrix-title">{t('matrix.title')}</h2>
      <p className="secondary tr-view-intro">{t('matrix.intro')}</p>
      <p className="tr-view-step">{caption}</p>
      <div className="grids tr-matrix-grids">
        <Grid
          label={t('matrix.vector', { n: rows })}
          rows={1}
          cols={rows}
          valueAt={(_, x) => input.data[x] ?? 0}
          highlights={vectorHighlights}
          testId="tr-matrix-vector"
          maxCellPx={40}
          showLegend={false}
        />
      </div>
      <div className="grids">
        {drawable ? (
          <Grid
            label={t('matrix.c', { rows, cols })}
            rows={rows}
            cols={cols}
            valueAt={(y, x) => matrix.data[y * cols + x] ?? 0}
            highlights={matrixHighlights}
            showValues={cols <= 12}
            testId="tr-matrix-c"
          />
        ) : (
          <p className="note" data-testid="tr-matrix-too-large">
            {t('matrix.tooLarge', { rows, cols, limit: MATRIX_DRAW_LIMIT })}
          </p>
        )}
      </div>
      <Formula tex={tex} className="tr-matrix-formula" />
      <div className="grids">
        <Grid
          label={t('matrix.output')}
          rows={plan.height.output}
          cols={outW}
          valueAt={(y, x) => values[y * outW + x] ?? 0}
          pending={pending}
          highlights={outputHighlights}
          testId="tr-matrix-output"
        />
      </div>
      <p className="secondary">{t('matrix.notes')}</p>
    </section>
  );
}
