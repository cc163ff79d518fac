// Adaptive pooling with its bins drawn over the input, and spatial pyramid pooling's fixed-length vector.

import { useMemo, useState } from 'react';
import {
  adaptiveAvgPool2d,
  adaptiveBinFormula,
  adaptiveMaxPool2d,
  pyramidLengthFormula,
  spatialPyramidPool,
  tensor,
  type PoolKind,
  type Tensor,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type GridRegion, type HighlightKind } from '../../ui/Grid.tsx';
import { NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { POOLING_MESSAGES } from './messages.ts';
import { POOLING_LIMITS, regionPattern, type PoolingConfig } from './poolingConfig.ts';

/** Small pyramid levels get larger cells, so every level's figure (and its caption) stays readable. */
const LEVEL_MIN_PX = 100;

const PYRAMID_PRESETS: readonly (readonly number[])[] = [
  [4, 2, 1],
  [3, 2, 1],
  [2, 1],
];

export interface RegionPoolingProps {
  config: PoolingConfig;
  update(patch: Partial<PoolingConfig>, intent?: HistoryIntent): void;
}

function BinList({ label, bins }: { label: string; bins: readonly { start: number; end: number }[] }) {
  return (
    <p className="pool-bins">
      <span className="formula-label">{label}</span> {bins.map((bin) => `[${bin.start}, ${bin.end})`).join('  ')}
    </p>
  );
}

function AdaptiveView({ config, update, region, kind }: RegionPoolingProps & { region: Tensor; kind: PoolKind }) {
  const t = usePanelT(POOLING_MESSAGES);
  const [rows, cols] = config.regionSize;
  const [outH, outW] = config.adaptiveOutput;
  const [picked, setPicked] = useState({ y: 0, x: 0 });
  const selected = { y: Math.min(picked.y, outH - 1), x: Math.min(picked.x, outW - 1) };
  const output = useMemo(
    () => (kind === 'max' ? adaptiveMaxPool2d(region, [outH, outW]) : adaptiveAvgPool2d(region, [outH, outW])),
    [kind, region, outH, outW],
  );
  const rowBins = Array.from({ length: outH }, (_, i) => adaptiveBinFormula(i, rows, outH));
  const colBins = Array.from({ length: outW }, (_, j) => adaptiveBinFormula(j, cols, outW));
  const rowBin = rowBins[selected.y] ?? adaptiveBinFormula(0, rows, outH);
  const colBin = colBins[selected.x] ?? adaptiveBinFormula(0, cols, outW);
  const regions: GridRegion[] = rowBins.flatMap((r, i) =>
    colBins.map((c, j): GridRegion => ({ top: r.start, bottom: r.end, left: c.start, right: c.end, tone: (i + j) % 2 === 0 ? 0 : 1 })),
  );
  regions.push({ top: rowBin.start, bottom: rowBin.end, left: colBin.start, right: colBin.end, tone: 'selected' });
  const outputHighlights = new Map<string, HighlightKind>([[cellKey(selected.y, selected.x), 'output']]);
  const count = outH * outW;
  const index = selected.y * outW + selected.x;
  const pick = (n: number) => setPicked({ y: Math.floor(n / outW), x: n % outW });

  return (
    <>
      <h3>{t('adaptive.title')}</h3>
      <p className="secondary">{t('adaptive.intro')}</p>
      <div className="panel-controls">
        <PairControl
          label={t('adaptive.outputSize')}
          value={config.adaptiveOutput}
          min={1}
          max={[POOLING_LIMITS.adaptiveOutput, POOLING_LIMITS.adaptiveOutput]}
          onChange={(adaptiveOutput, intent) => update({ adaptiveOutput }, intent)}
          testId="adaptive-output"
        />
      </div>
      <div className="grids">
        <Grid
          label={t('region.input')}
          rows={rows}
          cols={cols}
          valueAt={(y, x) => region.data[y * cols + x] ?? 0}
          regions={regions}
          maxCellPx={48}
          testId="grid-adaptive-input"
        />
        <span className="grid-operator" aria-hidden="true">
          →
        </span>
        <Grid
          label={t(kind === 'max' ? 'adaptive.outputMax' : 'adaptive.outputAvg')}
          rows={outH}
          cols={outW}
          valueAt={(y, x) => output.data[y * outW + x] ?? 0}
          highlights={outputHighlights}
          onCellHover={(cell) => cell && setPicked(cell)}
          maxCellPx={48}
          testId="grid-adaptive-output"
        />
      </div>
      <div className="preset-buttons" role="group" aria-label={t('adaptive.pickBin')}>
        <button type="button" onClick={() => pick((index - 1 + count) % count)}>
          {t('adaptive.previousBin')}
        </button>
        <button type="button" onClick={() => pick((index + 1) % count)}>
          {t('adaptive.nextBin')}
        </button>
      </div>
      <p className="narration" data-testid="adaptive-narration">
        {t('adaptive.narration', {
          row: selected.y,
          col: selected.x,
          rows: `${rowBin.start}–${rowBin.end - 1}`,
          cols: `${colBin.start}–${colBin.end - 1}`,
        })}
      </p>
      <section className="formulas" aria-label={t('adaptive.rule')}>
        <div className="formula-row">
          <span className="formula-label">{t('adaptive.rowsOf', { row: selected.y })}</span>
          <Formula tex={rowBin.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('adaptive.colsOf', { col: selected.x })}</span>
          <Formula tex={colBin.tex} />
        </div>
        <BinList label={t('adaptive.rowBins')} bins={rowBins} />
        <BinList label={t('adaptive.colBins')} bins={colBins} />
      </section>
    </>
  );
}

function PyramidView({ config, update, region, kind }: RegionPoolingProps & { region: Tensor; kind: PoolKind }) {
  const t = usePanelT(POOLING_MESSAGES);
  const levels = config.pyramid;
  const pyramid = useMemo(() => spatialPyramidPool(region, levels, kind), [region, levels, kind]);
  const length = pyramidLengthFormula(levels);
  const vector = pyramid.vector.data;
  const limits = POOLING_LIMITS.pyramid;
  return (
    <>
      <h3>{t('spp.title')}</h3>
      <p className="secondary">{t('spp.intro')}</p>
      <div className="panel-controls">
        <fieldset className="stack-controls">
          <legend>{t('spp.levels')}</legend>
          {levels.map((size, index) => (
            <NumberControl
              key={index}
              label={t('spp.level', { n: index + 1 })}
              value={size}
              min={1}
              max={limits.maxSize}
              onChange={(value, intent) => update({ pyramid: levels.map((old, i) => (i === index ? value : old)) }, intent)}
            />
          ))}
          <div className="preset-buttons">
            <button type="button" disabled={levels.length >= limits.maxLevels} onClick={() => update({ pyramid: [...levels, 1] })}>
              {t('spp.addLevel')}
            </button>
            <button type="button" disabled={levels.length <= limits.minLevels} onClick={() => update({ pyramid: levels.slice(0, -1) })}>
              {t('spp.removeLevel')}
            </button>
          </div>
        </fieldset>
        <div className="preset-buttons" role="group" aria-label={t('spp.presets')}>
          {PYRAMID_PRESETS.map((preset) => (
            <button
              key={preset.join(',')}
              type="button"
              aria-pressed={preset.join(',') === levels.join(',')}
              onClick={() => update({ pyramid: preset })}
            >
              {preset.map((o) => `${o}×${o}`).join(', ')}
            </button>
          ))}
        </div>
      </div>
      <div className="pool-pyramid">
        {pyramid.levels.map((level, index) => (
          <Grid
            key={`${index}-${level.size}`}
            label={t('spp.level', { n: index + 1 })}
            rows={level.size}
            cols={level.size}
            valueAt={(y, x) => level.output.data[y * level.size + x] ?? 0}
            maxCellPx={Math.max(36, Math.ceil(LEVEL_MIN_PX / level.size))}
            showLegend={false}
            testId={`grid-spp-level-${index}`}
          />
        ))}
      </div>
      <p>{t('spp.concat')}</p>
      <Grid
        label={t('spp.vector')}
        rows={1}
        cols={vector.length}
        valueAt={(_, x) => vector[x] ?? 0}
        regions={pyramid.levels.map((level, index) => ({
          top: 0,
          bottom: 1,
          left: level.offset,
          right: level.offset + level.output.data.length,
          tone: index % 2 === 0 ? 0 : 1,
        }))}
        maxCellPx={34}
        showLegend={false}
        showValues={vector.length <= 24}
        testId="grid-spp-vector"
      />
      <p className="secondary">
        {pyramid.levels.map((level, index) => t('spp.segment', { n: index + 1, size: level.size, count: level.output.data.length })).join(' · ')}
      </p>
      <div className="formula-row">
        <span className="formula-label">{t('spp.length')}</span>
        <Formula tex={length.tex} />
      </div>
      <p className="note" data-testid="spp-length">
        {t('spp.lengthNote', { length: pyramid.vector.data.length, size: `${config.regionSize[0]}×${config.regionSize[1]}` })}
      </p>
    </>
  );
}

export function RegionPooling({ config, update }: RegionPoolingProps) {
  const t = usePanelT(POOLING_MESSAGES);
  const [rows, cols] = config.regionSize;
  const region = useMemo(() => tensor(regionPattern(rows, cols).flat(), [1, rows, cols]), [rows, cols]);
  return (
    <section className="pool-section" aria-labelledby="pool-region-title">
      <h2 id="pool-region-title">{t('region.title')}</h2>
      <p className="secondary">{t('region.intro')}</p>
      <div className="panel-controls">
        <PairControl
          label={t('region.size')}
          value={config.regionSize}
          min={1}
          max={[POOLING_LIMITS.region, POOLING_LIMITS.region]}
          onChange={(regionSize, intent) => update({ regionSize }, intent)}
          testId="region-size"
        />
      </div>
      <AdaptiveView config={config} update={update} region={region} kind={config.kind} />
      <PyramidView config={config} update={update} region={region} kind={config.kind} />
    </section>
  );
}
