// The layered 1-D view: one row of units per layer, placed at their receptive-field centres, with the cone of units the selected unit depends on.

import { scaleLinear } from 'd3-scale';
import { useId, useMemo } from 'react';
import {
  dependencyCone,
  INPUT_RECEPTIVE_FIELD,
  receptiveSpan,
  tapCoordinate,
  unitCentre,
  type AxisGeometry,
  type ConeRow,
  type ReceptiveFieldEntry,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { formatNumber } from '../../ui/formatNumber.ts';
import { COLORS } from '../../ui/theme.ts';
import { PaddingHatch } from '../../ui/Grid.tsx';
import { RECEPTIVE_MESSAGES } from './messages.ts';

const WIDTH = 760;
const LABEL_WIDTH = 52;
/** Room for the field-size tag right of each row: "感受野 1234" at the phone's 18-unit labels (styles.css) is about 100 units. */
const RIGHT_WIDTH = 112;
/** Below this many input pixels (padding included) the whole row is drawn; above it, a window around the selected unit's field. */
const FULL_VIEW_PIXELS = 64;
const MIN_WINDOW = 48;
/** Cells narrower than this (in view units) are drawn as merged runs rather than one rectangle each. */
const MIN_CELL_WIDTH = 7;

type CellState = 'plain' | 'pad' | 'read' | 'padRead' | 'unit';

const FILLS: Record<CellState, string> = {
  plain: '#ffffff',
  pad: COLORS.paddingFill,
  read: COLORS.window,
  padRead: '#fbd38d',
  unit: COLORS.output,
};

export interface StackDiagramProps {
  axes: readonly AxisGeometry[];
  /** Receptive field of each layer's output. */
  fields: readonly ReceptiveFieldEntry[];
  /** Layer (0-based) whose unit is shown, and that unit's column. */
  current: number;
  currentUnit: number;
  /** Selected column of the last layer. */
  finalUnit: number;
  onSelectFinal(unit: number): void;
}

interface Row {
  index: number;
  size: number;
  padding: number;
  entry: ReceptiveFieldEntry;
  cone: ConeRow | null;
}

function readAt(cone: ConeRow | null, j: number): boolean {
  return cone !== null && cone.read[j - cone.first] === true;
}

/** Coordinates (units of the row) the cone marks, lowest and highest. */
function coneExtent(cone: ConeRow): [number, number] | null {
  let low: number | null = null;
  let high: number | null = null;
  cone.read.forEach((read, i) => {
    if (!read) return;
    low ??= cone.first + i;
    high = cone.first + i;
  });
  return low === null || high === null ? null : [low, high];
}

export function StackDiagram({ axes, fields, current, currentUnit, finalUnit, onSelectFinal }: StackDiagramProps) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const hatchId = `hatch-${useId().replace(/:/g, '')}`;
  const clipId = `clip-${useId().replace(/:/g, '')}`;
  const layerCount = axes.length;
  const inputSize = (axes[0] as AxisGeometry).input;
  const inputPadding = (axes[0] as AxisGeometry).padBefore;

  const cone = useMemo(() => dependencyCone(axes, current, currentUnit), [axes, current, currentUnit]);
  const finalCone = useMemo(() => dependencyCone(axes, layerCount - 1, finalUnit), [axes, layerCount, finalUnit]);

  const rows: Row[] = Array.from({ length: layerCount + 1 }, (_, r) => ({
    index: r,
    size: r === 0 ? inputSize : (axes[r - 1] as AxisGeometry).output,
    padding: r < layerCount ? (axes[r] as AxisGeometry).padBefore : 0,
    entry: r === 0 ? INPUT_RECEPTIVE_FIELD : (fields[r - 1] as ReceptiveFieldEntry),
    cone: r <= current + 1 ? (cone[r] ?? null) : null,
  }));

  // The input pixels to draw: all of them when few, else a window around the selected unit's cone.
  const full: [number, number] = [-inputPadding - 0.5, inputSize - 1 + inputPadding + 0.5];
  let domain = full;
  if (full[1] - full[0] > FULL_VIEW_PIXELS) {
    const [low, high] = coneExtent(finalCone[0] as ConeRow) ?? [0, inputSize - 1];
    const middle = (low + high) / 2;
    const half = Math.max((high - low) / 2 + 6, MIN_WINDOW / 2);
    domain = [Math.max(full[0], middle - half), Math.min(full[1], middle + half)];
  }
  const windowed = domain[0] > full[0] || domain[1] < full[1];

  const compact = layerCount > 8;
  const rowHeight = compact ? 16 : 26;
  const gap = compact ? 10 : 18;
  const top = 8;
  const rowY = (r: number) => top + (layerCount - r) * (rowHeight + gap);
  const bracketY = rowY(0) + rowHeight + 12;
  const height = bracketY + 26;
  const x = scaleLinear()
    .domain(domain)
    .range([LABEL_WIDTH, WIDTH - RIGHT_WIDTH]);
  const unitX = (row: Row, j: number) => x(unitCentre(row.entry, j));
  const cellWidth = (row: Row) => Math.abs(x(row.entry.jump) - x(0));

  const stateOf = (row: Row, j: number): CellState => {
    const padding = j < 0 || j >= row.size;
    if (row.index === current + 1 && j === currentUnit) return 'unit';
    if (readAt(row.cone, j)) return padding ? 'padRead' : 'read';
    return padding ? 'pad' : 'plain';
  };

  const drawRow = (row: Row) => {
    const width = cellWidth(row);
    const first = Math.max(0 - row.padding, Math.ceil((domain[0] - row.entry.start - row.entry.jump / 2) / row.entry.jump));
    const last = Math.min(row.size + row.padding - 1, Math.floor((domain[1] - row.entry.start + row.entry.jump / 2) / row.entry.jump));
    const y = rowY(row.index);
    const faded = row.index > current + 1;
    const isTop = row.index === layerCount;
    const cells: { from: number; to: number; state: CellState }[] = [];
    for (let j = first; j <= last; j++) {
      const state = stateOf(row, j);
      const previous = cells[cells.length - 1];
      // Narrow cells merge into runs of one state; the top row stays one rectangle per unit so each can be clicked.
      if (previous && previous.state === state && width < MIN_CELL_WIDTH && !isTop) previous.to = j;
      else cells.push({ from: j, to: j, state });
    }
    return (
      <g key={row.index} opacity={faded ? 0.35 : 1} data-row={row.index}>
        {cells.map(({ from, to, state }) => {
          const left = unitX(row, from) - width / 2;
          const right = unitX(row, to) + width / 2;
          const padding = state === 'pad' || state === 'padRead';
          const clickable = isTop && !padding;
          return (
            <rect
              key={from}
              className={`stack-cell is-${state}${clickable ? ' is-clickable' : ''}`}
              data-units={from === to ? String(from) : `${from}…${to}`}
              data-state={state}
              x={left}
              y={y}
              width={Math.max(right - left, 0.5)}
              height={rowHeight}
              fill={padding && state === 'pad' ? `url(#${hatchId})` : FILLS[state]}
              stroke={width >= MIN_CELL_WIDTH ? COLORS.grid : 'none'}
              strokeWidth={0.75}
              strokeDasharray={padding ? '3 2' : undefined}
              onClick={clickable ? () => onSelectFinal(from) : undefined}
            />
          );
        })}
        {isTop && finalUnit >= first && finalUnit <= last && (
          <rect
            className="stack-final"
            x={unitX(row, finalUnit) - width / 2 + 1.5}
            y={y + 1.5}
            width={Math.max(width - 3, 1)}
            height={rowHeight - 3}
            fill="none"
            stroke={COLORS.linked}
            strokeWidth={3}
            pointerEvents="none"
          />
        )}
      </g>
    );
  };

  const drawLabels = (row: Row) => {
    const y = rowY(row.index) + rowHeight / 2;
    return (
      <g key={row.index} opacity={row.index > current + 1 ? 0.45 : 1}>
        <text x={LABEL_WIDTH - 8} y={y} textAnchor="end" dominantBaseline="central" className="stack-label">
          {row.index === 0 ? t('rowInput') : t('rowLayer', { n: row.index })}
        </text>
        {row.index > 0 && (
          <text x={WIDTH - RIGHT_WIDTH + 8} y={y} dominantBaseline="central" className="stack-label stack-rf">
            {t('rfTag', { size: formatNumber(row.entry.size) })}
          </text>
        )}
      </g>
    );
  };

  // The cone: a band joining the marked span of each row to the next row up.
  const spans = rows
    .filter((row) => row.cone !== null)
    .map((row) => {
      const extent = coneExtent(row.cone as ConeRow);
      if (!extent) return null;
      const width = cellWidth(row);
      return { r: row.index, left: unitX(row, extent[0]) - width / 2, right: unitX(row, extent[1]) + width / 2 };
    });
  const bands = spans.slice(0, -1).map((lower, i) => {
    const upper = spans[i + 1];
    if (!lower || !upper) return null;
    const yUpper = rowY(upper.r) + rowHeight;
    const yLower = rowY(lower.r);
    return `${upper.left},${yUpper} ${upper.right},${yUpper} ${lower.right},${yLower} ${lower.left},${yLower}`;
  });

  // The unit's own taps into the row below it (the kernel, spread by dilation).
  const tapRow = rows[current] as Row;
  const unitRow = rows[current + 1] as Row;
  const currentAxis = axes[current] as AxisGeometry;
  const taps = Array.from({ length: currentAxis.kernel }, (_, k) => tapCoordinate(currentAxis, currentUnit, k));

  // The theoretical field of the unit, under the input row.
  const span = receptiveSpan(fields[current] as ReceptiveFieldEntry, currentUnit);
  const bracketLeft = Math.max(x(span.first - 0.5), x(domain[0]));
  const bracketRight = Math.min(x(span.last + 0.5), x(domain[1]));
  const clippedLeft = span.first - 0.5 < domain[0];
  const clippedRight = span.last + 0.5 > domain[1];
  const bottomRow = cone[0] as ConeRow;
  const inputRead = bottomRow.read.filter((read, i) => read && i + bottomRow.first >= 0 && i + bottomRow.first < inputSize).length;
  const paddingRead = bottomRow.read.filter(Boolean).length - inputRead;
  const size = (fields[current] as ReceptiveFieldEntry).size;

  return (
    <figure className="stack-figure" data-testid="stack-diagram">
      <svg
        className="stack-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={t('diagramLabel', { layer: current + 1, unit: currentUnit, size: formatNumber(size) })}
      >
        <defs>
          <PaddingHatch id={hatchId} line="#c9ced9" />
          <clipPath id={clipId}>
            <rect x={LABEL_WIDTH} y={0} width={WIDTH - LABEL_WIDTH - RIGHT_WIDTH} height={height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          {bands.map((points, i) => points && <polygon key={i} points={points} fill={COLORS.window} opacity={0.16} />)}
          {rows.map(drawRow)}
          {taps.map((coordinate, k) => (
            <line
              key={k}
              className="stack-tap"
              x1={unitX(unitRow, currentUnit)}
              y1={rowY(current + 1) + rowHeight}
              x2={unitX(tapRow, coordinate)}
              y2={rowY(current)}
              stroke={COLORS.output}
              strokeWidth={1.5}
            />
          ))}
          <g className="stack-bracket" data-testid="stack-bracket">
            <line x1={bracketLeft} x2={bracketRight} y1={bracketY} y2={bracketY} stroke={COLORS.output} strokeWidth={2} />
            {!clippedLeft && <line x1={bracketLeft} x2={bracketLeft} y1={bracketY - 6} y2={bracketY + 6} stroke={COLORS.output} strokeWidth={2} />}
            {!clippedRight && <line x1={bracketRight} x2={bracketRight} y1={bracketY - 6} y2={bracketY + 6} stroke={COLORS.output} strokeWidth={2} />}
            <text x={(bracketLeft + bracketRight) / 2} y={bracketY + 16} textAnchor="middle" className="stack-label">
              {t('bracket', { size: formatNumber(size) })}
              {clippedLeft || clippedRight ? ' …' : ''}
            </text>
          </g>
        </g>
        {rows.map(drawLabels)}
      </svg>
      <figcaption className="secondary stack-caption">
        {t('diagramHint')}
        {windowed &&
          ` ${t('windowNote', { from: Math.max(Math.ceil(domain[0]), 0), to: Math.min(Math.floor(domain[1]), inputSize - 1), n: inputSize })}`}
        {` ${paddingRead > 0 ? t('coneNotePadding', { count: inputRead, padding: paddingRead }) : t('coneNote', { count: inputRead })}`}
      </figcaption>
    </figure>
  );
}
