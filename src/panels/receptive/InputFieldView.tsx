// The 2-D views: the theoretical receptive field as a square over a sample image (with the jump to the neighbouring unit), and the effective one as a heatmap.

import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { useId, type ReactNode } from 'react';
import {
  adaptiveAvgPool2d,
  adaptiveBin,
  centreToEdge,
  receptiveSpan,
  unitCentre,
  type EffectiveReceptiveField,
  type ReceptiveFieldEntry,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { formatNumber } from '../../ui/formatNumber.ts';
import { COLORS, divergingScale } from '../../ui/theme.ts';
import { PaddingHatch } from '../../ui/Grid.tsx';
import { RECEPTIVE_MESSAGES } from './messages.ts';

/** Above this many pixels per side the heatmap is drawn as blocks (the mean of each), so it never needs more than 48×48 rectangles. */
const MAX_HEATMAP_CELLS = 48;
/** Gradient weights span many orders of magnitude (1e-6 at the edge of VGG's field): three significant digits, exponent when tiny. */
const formatWeight = format('.3~g');

/** How many unit centres to mark on each side of the selected unit. */
const CENTRE_DOTS = 3;

interface Frame {
  inputSize: number;
  padding: number;
  /** View extent in input coordinates (pixel i spans i − ½ … i + ½). */
  low: number;
  high: number;
}

function frameOf(inputSize: number, padding: number): Frame {
  return { inputSize, padding, low: -padding - 0.5, high: inputSize - 1 + padding + 0.5 };
}

function Backdrop({
  frame,
  hatchId,
  children,
  label,
  testId,
}: {
  frame: Frame;
  hatchId: string;
  children: ReactNode;
  label: string;
  testId: string;
}) {
  const width = frame.high - frame.low;
  return (
    <svg className="field-svg" viewBox={`${frame.low} ${frame.low} ${width} ${width}`} role="img" aria-label={label} data-testid={testId}>
      <defs>
        <PaddingHatch id={hatchId} line="#c9ced9" />
      </defs>
      {frame.padding > 0 && <rect x={frame.low} y={frame.low} width={width} height={width} fill={`url(#${hatchId})`} />}
      {children}
    </svg>
  );
}

/** A simple picture in input coordinates (sky, sun, house, tree, ground), so the square reads as a patch of an image at any size. */
function SampleScene({ n }: { n: number }) {
  const at = (f: number) => f * n - 0.5;
  const size = (f: number) => f * n;
  return (
    <g className="field-scene" aria-hidden="true">
      <rect x={at(0)} y={at(0)} width={size(1)} height={size(1)} fill="#dbeafe" />
      <circle cx={at(0.8)} cy={at(0.2)} r={size(0.1)} fill="#fcd34d" />
      <rect x={at(0)} y={at(0.72)} width={size(1)} height={size(0.28)} fill="#bbf7d0" />
      <rect x={at(0.16)} y={at(0.46)} width={size(0.34)} height={size(0.3)} fill="#fecaca" />
      <polygon points={`${at(0.12)},${at(0.47)} ${at(0.33)},${at(0.28)} ${at(0.54)},${at(0.47)}`} fill="#b91c1c" />
      <rect x={at(0.28)} y={at(0.6)} width={size(0.09)} height={size(0.16)} fill="#7c2d12" />
      <rect x={at(0.71)} y={at(0.5)} width={size(0.05)} height={size(0.26)} fill="#92400e" />
      <circle cx={at(0.735)} cy={at(0.46)} r={size(0.11)} fill="#16a34a" />
    </g>
  );
}

/** Pixel grid lines, when pixels are large enough to tell apart. */
function PixelGrid({ n }: { n: number }) {
  if (n > 48) return null;
  const lines = Array.from({ length: n + 1 }, (_, i) => i - 0.5);
  return (
    <g className="field-grid" stroke="#64748b" strokeOpacity={0.35} vectorEffect="non-scaling-stroke">
      {lines.map((v) => (
        <g key={v}>
          <line x1={v} x2={v} y1={-0.5} y2={n - 0.5} strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
          <line y1={v} y2={v} x1={-0.5} x2={n - 0.5} strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
        </g>
      ))}
    </g>
  );
}

function squareOf(entry: ReceptiveFieldEntry, row: number, col: number) {
  const rows = receptiveSpan(entry, row);
  const cols = receptiveSpan(entry, col);
  return { x: cols.first - 0.5, y: rows.first - 0.5, width: cols.last - cols.first + 1, height: rows.last - rows.first + 1 };
}

export interface FieldViewsProps {
  inputSize: number;
  /** The first layer's padding, drawn around the input. */
  padding: number;
  /** Layer (1-based) and its receptive field, output size and selected unit (row, column). */
  layer: number;
  entry: ReceptiveFieldEntry;
  outputSize: number;
  unit: readonly [number, number];
  /** null when the stack is too large to propagate live. */
  erf: EffectiveReceptiveField | null;
  /** The effective field shown is still the previous step's, for the frame before the new one is worked out. */
  erfPending: boolean;
  /** Million multiply-adds the propagation would take (shown when it is refused). */
  erfCostMillions: number;
  hasMaxPool: boolean;
}

export function FieldViews({ inputSize, padding, layer, entry, outputSize, unit, erf, erfPending, erfCostMillions, hasMaxPool }: FieldViewsProps) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const hatchA = `fh-${useId().replace(/:/g, '')}`;
  const hatchB = `fh-${useId().replace(/:/g, '')}`;
  const frame = frameOf(inputSize, padding);
  const extent = frame.high - frame.low;
  const font = extent * 0.05;
  const [row, col] = unit;
  const square = squareOf(entry, row, col);
  const neighbourCol = col + 1 < outputSize ? col + 1 : col - 1;
  const neighbour = neighbourCol >= 0 ? squareOf(entry, row, neighbourCol) : null;
  const centreX = unitCentre(entry, col);
  const centreY = unitCentre(entry, row);
  const beyond = Math.max(frame.low - square.x, square.x + square.width - frame.high, 0);
  const dotIndexes = (around: number) =>
    Array.from({ length: 2 * CENTRE_DOTS + 1 }, (_, i) => around - CENTRE_DOTS + i).filter((j) => j >= 0 && j < outputSize);
  const dotRadius = Math.max(extent * 0.007, 0.12);

  return (
    <section className="field-views" aria-labelledby="field-title">
      <h2 id="field-title">{t('fieldTitle', { layer })}</h2>
      <div className="field-pair">
        <figure className="field-figure">
          <figcaption className="grid-caption">{t('fieldTheory')}</figcaption>
          <Backdrop frame={frame} hatchId={hatchA} label={t('fieldLabel', { n: inputSize, size: formatNumber(entry.size) })} testId="field-theory">
            <SampleScene n={inputSize} />
            <PixelGrid n={inputSize} />
            {neighbour && (
              <rect
                data-testid="field-neighbour"
                x={neighbour.x}
                y={neighbour.y}
                width={neighbour.width}
                height={neighbour.height}
                fill="none"
                stroke={COLORS.linked}
                strokeWidth={2.5}
                strokeDasharray="6 4"
                vectorEffect="non-scaling-stroke"
              />
            )}
            <rect
              data-testid="field-square"
              x={square.x}
              y={square.y}
              width={square.width}
              height={square.height}
              fill={COLORS.output}
              fillOpacity={0.14}
              stroke={COLORS.output}
              strokeWidth={3}
              vectorEffect="non-scaling-stroke"
            />
            {dotIndexes(row).flatMap((r) =>
              dotIndexes(col).map((c) => (
                <circle
                  key={`${r},${c}`}
                  cx={unitCentre(entry, c)}
                  cy={unitCentre(entry, r)}
                  r={r === row && c === col ? dotRadius * 1.8 : dotRadius}
                  fill={r === row && c === col ? COLORS.output : '#1f2937'}
                />
              )),
            )}
            {neighbour && (
              <g className="field-jump" data-testid="field-jump">
                <line
                  x1={centreX}
                  x2={unitCentre(entry, neighbourCol)}
                  y1={centreY}
                  y2={centreY}
                  stroke={COLORS.linked}
                  strokeWidth={3}
                  vectorEffect="non-scaling-stroke"
                />
                <text
                  x={(centreX + unitCentre(entry, neighbourCol)) / 2}
                  y={centreY - font * 0.6}
                  fontSize={font}
                  textAnchor="middle"
                  className="field-jump-label"
                  paintOrder="stroke"
                  stroke="#ffffff"
                  strokeWidth={font * 0.25}
                >
                  {t('jumpTag', { jump: formatNumber(entry.jump) })}
                </text>
              </g>
            )}
          </Backdrop>
          <p className="field-note">{t('fieldCaption', { row, col, layer, size: formatNumber(entry.size), jump: formatNumber(entry.jump) })}</p>
          {beyond > 0 && <p className="field-note secondary">{t('fieldBeyond', { size: formatNumber(entry.size), n: inputSize })}</p>}
        </figure>
        <figure className="field-figure" aria-busy={erfPending}>
          <figcaption className="grid-caption">{t('erfTitle')}</figcaption>
          {erf ? (
            <ErfHeatmap frame={frame} hatchId={hatchB} erf={erf} square={square} label={t('erfLabel', { layer, row, col })} />
          ) : (
            <p className="note" data-testid="erf-too-big">
              {t('erfTooBig', { cost: formatNumber(erfCostMillions) })}
            </p>
          )}
          {erf && <ErfProfile frame={frame} erf={erf} rows={receptiveSpan(entry, row)} cols={receptiveSpan(entry, col)} />}
        </figure>
      </div>
      <p className="secondary">{t('erfIntro')}</p>
      {hasMaxPool && <p className="secondary">{t('erfMaxNote')}</p>}
    </section>
  );
}

function ErfHeatmap({
  frame,
  hatchId,
  erf,
  square,
  label,
}: {
  frame: Frame;
  hatchId: string;
  erf: EffectiveReceptiveField;
  square: { x: number; y: number; width: number; height: number };
  label: string;
}) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const n = frame.inputSize;
  const blocks = Math.min(n, MAX_HEATMAP_CELLS);
  const map = blocks === n ? erf.map : adaptiveAvgPool2d(erf.map, [blocks, blocks]);
  const peak = Math.max(...map.data);
  const color = divergingScale(peak);
  const cells: ReactNode[] = [];
  for (let by = 0; by < blocks; by++) {
    const rows = adaptiveBin(by, n, blocks);
    for (let bx = 0; bx < blocks; bx++) {
      const value = map.data[by * blocks + bx] as number;
      if (value <= 0) continue;
      const cols = adaptiveBin(bx, n, blocks);
      cells.push(
        <rect
          key={`${by},${bx}`}
          x={cols.start - 0.5}
          y={rows.start - 0.5}
          width={cols.end - cols.start}
          height={rows.end - rows.start}
          fill={color(value)}
          data-value={value}
        />,
      );
    }
  }
  return (
    <>
      <Backdrop frame={frame} hatchId={hatchId} label={label} testId="field-erf">
        <rect x={-0.5} y={-0.5} width={n} height={n} fill="#ffffff" />
        <g data-testid="erf-cells">{cells}</g>
        <PixelGrid n={n} />
        <rect
          x={square.x}
          y={square.y}
          width={square.width}
          height={square.height}
          fill="none"
          stroke={COLORS.output}
          strokeWidth={2.5}
          strokeDasharray="6 4"
          vectorEffect="non-scaling-stroke"
        />
      </Backdrop>
      {blocks < n && <p className="field-note secondary">{t('erfBlocks', { block: formatNumber(n / blocks) })}</p>}
    </>
  );
}

type Span = { first: number; last: number };

/** The row of the heatmap through the field's centre, as bars: the centre towers over the edge of the theoretical span. */
function ErfProfile({ frame, erf, rows, cols }: { frame: Frame; erf: EffectiveReceptiveField; rows: Span; cols: Span }) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const n = frame.inputSize;
  const width = 400;
  const height = 110;
  const x = scaleLinear().domain([frame.low, frame.high]).range([0, width]);
  const y = scaleLinear()
    .domain([0, erf.peak.value])
    .range([height - 14, 6]);
  const contrast = centreToEdge(erf, rows, cols);
  const values = erf.map.data.subarray(contrast.y * n, (contrast.y + 1) * n);
  const barWidth = Math.max(x(1) - x(0), 0.5);
  const span = cols;
  return (
    <>
      <svg
        className="profile-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('erfProfile', { row: contrast.y })}
        data-testid="erf-profile"
      >
        <rect
          x={x(span.first - 0.5)}
          y={0}
          width={Math.max(x(span.last + 0.5) - x(span.first - 0.5), 1)}
          height={height - 14}
          fill={COLORS.output}
          opacity={0.08}
        />
        {Array.from(values, (value, i) =>
          value > 0 ? (
            <rect
              key={i}
              x={x(i - 0.5)}
              y={y(value)}
              width={barWidth}
              height={y(0) - y(value)}
              fill={i === contrast.edgeX ? COLORS.linked : i === contrast.centreX ? COLORS.output : COLORS.source}
            />
          ) : null,
        )}
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke={COLORS.grid} />
        <text x={4} y={height - 2} className="profile-label">
          {t('erfProfile', { row: contrast.y })}
        </text>
      </svg>
      <p className="field-note" data-testid="erf-contrast">
        {contrast.edge > 0
          ? t('erfContrast', { centre: formatWeight(contrast.centre), edge: formatWeight(contrast.edge), ratio: formatNumber(contrast.ratio) })
          : t('erfEdgeZero', { centre: formatWeight(contrast.centre) })}{' '}
        <span className="secondary">{t('erfTotal', { total: formatWeight(erf.total) })}</span>
      </p>
    </>
  );
}
