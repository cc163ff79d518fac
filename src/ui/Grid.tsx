// Grid: an SVG matrix of values on the diverging scale, with padding cells, highlights and linked hover/tap.

import { memo, useId, useMemo } from 'react';
import { COLORS, CELL_SIZE, divergingScale, maxAbsOf, needsLightText } from './theme.ts';
import { formatNumber } from './formatNumber.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { useT } from '../i18n/useT.ts';

/** window: the current step's taps; output: the cell being computed; linked: what a hovered cell links to; source: the real cell a padding cell copies. */
export type HighlightKind = 'window' | 'output' | 'linked' | 'source';

/** Cell key in real-input coordinates (negative or ≥ size = padding). */
export function cellKey(y: number, x: number): string {
  return `${y},${x}`;
}

export interface GridPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Value shown in a padding cell: 0, or the copied value under reflect/replicate/circular padding. */
  valueAt(y: number, x: number): number;
}

export interface GridProps {
  /** Accessible name and visible caption, e.g. "Input X". */
  label: string;
  rows: number;
  cols: number;
  valueAt(y: number, x: number): number;
  padding?: GridPadding;
  highlights?: ReadonlyMap<string, HighlightKind>;
  /** Cells not computed yet (drawn empty). */
  pending?: (y: number, x: number) => boolean;
  /** Cells no window ever reads: drawn faded and struck through. */
  unread?: (y: number, x: number) => boolean;
  /** Small text in a cell's corner, e.g. the kernel weight it is multiplied by ("×2"). */
  annotations?: ReadonlyMap<string, string>;
  onCellHover?: (cell: { y: number; x: number } | null) => void;
  testId?: string;
  /** Largest |value| of the colour scale; defaults to this grid's own. */
  scaleMax?: number;
  showLegend?: boolean;
  /** Largest on-screen cell size in CSS pixels, for grids that should stay small (heatmaps); default the theme's --cell-size. */
  maxCellPx?: number;
  /** Draw the numbers in the cells (off for large heatmaps, where colour carries the value). */
  showValues?: boolean;
}

const HIGHLIGHT_COLORS: Record<HighlightKind, string> = {
  window: COLORS.window,
  output: COLORS.output,
  linked: COLORS.linked,
  source: COLORS.source,
};

const NO_PADDING: GridPadding = { top: 0, bottom: 0, left: 0, right: 0, valueAt: () => 0 };

function GridImpl({
  label,
  rows,
  cols,
  valueAt,
  padding,
  highlights,
  pending,
  unread,
  annotations,
  onCellHover,
  testId,
  scaleMax,
  showLegend = true,
  showValues = true,
  maxCellPx,
}: GridProps) {
  const t = useT();
  const patternId = useId().replace(/:/g, '');
  const pad = padding ?? NO_PADDING;
  const totalRows = rows + pad.top + pad.bottom;
  const totalCols = cols + pad.left + pad.right;

  const cells = useMemo(() => {
    const list: { y: number; x: number; value: number; isPadding: boolean }[] = [];
    // 0 − p rather than −p: a −0 row would leak into hover coordinates.
    for (let y = 0 - pad.top; y < rows + pad.bottom; y++) {
      for (let x = 0 - pad.left; x < cols + pad.right; x++) {
        const isPadding = y < 0 || y >= rows || x < 0 || x >= cols;
        list.push({ y, x, isPadding, value: isPadding ? pad.valueAt(y, x) : valueAt(y, x) });
      }
    }
    return list;
  }, [rows, cols, pad, valueAt]);

  const maxAbs = scaleMax ?? maxAbsOf(cells.filter((c) => !c.isPadding).map((c) => c.value));
  const color = useMemo(() => divergingScale(maxAbs), [maxAbs]);
  const size = CELL_SIZE;
  const width = totalCols * size;
  const height = totalRows * size;

  return (
    <figure className="grid-figure" data-testid={testId}>
      <figcaption className="grid-caption">
        {label}{' '}
        <span className="grid-shape">
          {rows}×{cols}
          {totalRows > rows || totalCols > cols ? ` ${t('grid.padded', { rows: totalRows, cols: totalCols })}` : ''}
        </span>
      </figcaption>
      <svg
        className="grid-svg"
        role="img"
        aria-label={`${label}, ${rows}×${cols}`}
        viewBox={`-2 -2 ${width + 4} ${height + 4}`}
        style={{ maxWidth: maxCellPx ? `${totalCols * maxCellPx}px` : `calc(${totalCols} * var(--cell-size))` }}
        onPointerLeave={() => onCellHover?.(null)}
      >
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={COLORS.paddingFill} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#d5d9e2" strokeWidth="2" />
          </pattern>
        </defs>
        {cells.map(({ y, x, value, isPadding }) => {
          const key = cellKey(y, x);
          const px = (x + pad.left) * size;
          const py = (y + pad.top) * size;
          const isPending = !isPadding && pending?.(y, x) === true;
          const highlight = highlights?.get(key);
          const light = !isPadding && !isPending && needsLightText(value, maxAbs);
          const text = isPending || !showValues ? '' : formatNumber(value);
          const fontSize = text.length > 4 ? size * 0.26 : size * 0.36;
          return (
            <g
              key={key}
              className={`grid-cell${isPadding ? ' is-padding' : ''}${highlight ? ` is-${highlight}` : ''}${unread?.(y, x) ? ' is-unread' : ''}`}
              data-cell={key}
              data-highlight={highlight ?? undefined}
              onPointerEnter={onCellHover ? () => onCellHover({ y, x }) : undefined}
              onClick={onCellHover ? () => onCellHover({ y, x }) : undefined}
            >
              <rect
                x={px}
                y={py}
                width={size}
                height={size}
                fill={isPadding ? `url(#${patternId})` : isPending ? COLORS.pendingFill : color(value)}
                stroke={COLORS.grid}
                strokeWidth={1}
                strokeDasharray={isPadding ? '4 3' : undefined}
              />
              {text && (
                <text
                  x={px + size / 2}
                  y={py + size / 2}
                  dominantBaseline="central"
                  textAnchor="middle"
                  fontSize={fontSize}
                  fill={isPadding ? COLORS.paddingText : light ? COLORS.textOnDark : COLORS.text}
                  fontStyle={isPadding ? 'italic' : undefined}
                >
                  {text}
                </text>
              )}
              {unread?.(y, x) === true && (
                <g className="grid-unread" pointerEvents="none">
                  <rect x={px} y={py} width={size} height={size} fill="#ffffff" opacity={0.55} />
                  <line x1={px + 4} y1={py + size - 4} x2={px + size - 4} y2={py + 4} stroke={COLORS.unread} strokeWidth={2.5} />
                </g>
              )}
              {annotations?.get(key) && (
                <text
                  x={px + size - 3}
                  y={py + size - 4}
                  textAnchor="end"
                  fontSize={size * 0.22}
                  className="grid-annotation"
                  fill={light ? COLORS.textOnDark : COLORS.text}
                >
                  {annotations.get(key)}
                </text>
              )}
            </g>
          );
        })}
        {/* Highlight outlines drawn last so they sit above neighbouring cells. */}
        {cells
          .filter(({ y, x }) => highlights?.has(cellKey(y, x)))
          .map(({ y, x }) => {
            const kind = highlights?.get(cellKey(y, x)) as HighlightKind;
            const stroke = HIGHLIGHT_COLORS[kind];
            return (
              <rect
                key={`h${cellKey(y, x)}`}
                className={`grid-outline outline-${kind}`}
                x={(x + pad.left) * size + 2}
                y={(y + pad.top) * size + 2}
                width={size - 4}
                height={size - 4}
                fill="none"
                stroke={stroke}
                strokeWidth={4}
                pointerEvents="none"
              />
            );
          })}
      </svg>
      {showLegend && (
        <ColorLegend
          maxAbs={maxAbs}
          hasPadding={totalRows > rows || totalCols > cols}
          hasUnread={unread !== undefined && cells.some((c) => unread(c.y, c.x))}
        />
      )}
    </figure>
  );
}

export const Grid = memo(GridImpl);
