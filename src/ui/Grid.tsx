// Grid: a matrix of values on the diverging scale (SVG bands of rows), with padding cells, highlights and linked hover/tap.

import { memo, useId, useMemo, useRef, useState, type CSSProperties, type ReactElement } from 'react';
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
  /** Text shown in a padding cell instead of its value (e.g. "−∞" for max pooling, where padding is never a candidate). */
  label?(y: number, x: number): string;
}

/** Extra cells past the bottom/right padding (pooling's ceil mode): drawn as dotted outlines that hold no value. */
export interface GridOverhang {
  bottom: number;
  right: number;
}

/** A block of cells outlined over the grid, rows [top, bottom) × columns [left, right) in input coordinates (e.g. an adaptive-pooling bin). */
export interface GridRegion {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** 0 and 1 alternate colour and inset, so overlapping blocks stay apart; 'selected' is drawn bold; 'dropped' dashed (a window that is not computed). */
  tone: 0 | 1 | 'selected' | 'dropped';
}

/** Cells that are zeros inserted between real input cells (transposed convolution), drawn apart from data and padding. */
export interface GridInserted {
  at(y: number, x: number): boolean;
  /** The legend's words for them, e.g. "inserted zero". */
  label: string;
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
  inserted?: GridInserted;
  overhang?: GridOverhang;
  regions?: readonly GridRegion[];
}

const HIGHLIGHT_COLORS: Record<HighlightKind, string> = {
  window: COLORS.window,
  output: COLORS.output,
  linked: COLORS.linked,
  source: COLORS.source,
};

const NO_PADDING: GridPadding = { top: 0, bottom: 0, left: 0, right: 0, valueAt: () => 0 };
const NO_OVERHANG: GridOverhang = { bottom: 0, right: 0 };

const REGION_STYLES: Record<GridRegion['tone'], { stroke: string; inset: number; width: number; dash?: string }> = {
  0: { stroke: COLORS.linked, inset: 4, width: 1.75 },
  1: { stroke: COLORS.output, inset: 8, width: 1.75 },
  selected: { stroke: COLORS.window, inset: 1.5, width: 4 },
  dropped: { stroke: COLORS.unread, inset: 3, width: 3, dash: '7 5' },
};

const size = CELL_SIZE;

/**
 * Grids with more cells than this draw their zero padding and inserted zeros without the "0": the pattern and the legend
 * already say what they are, a wall of zeros hides the real values, and each glyph costs paint on every step.
 */
export const QUIET_ZEROS_ABOVE_CELLS = 1000;

/**
 * A grid is drawn as a stack of SVGs of whole rows ("bands") of about this many cells, each its own paint layer: Chromium
 * re-records a whole SVG when one of its cells changes, so a step that changes a few cells of a 48×48 grid would repaint all
 * 2 304 of them (docs/performance.md). Grids up to this size are one band.
 */
export const BAND_CELLS = 64;

/** Row ranges [first, end) of the bands of a grid of `totalRows` × `totalCols` cells. */
export function rowBands(totalRows: number, totalCols: number): { first: number; end: number }[] {
  const rowsPerBand = Math.max(1, Math.floor(BAND_CELLS / Math.max(totalCols, 1)));
  const bands: { first: number; end: number }[] = [];
  for (let first = 0; first < totalRows; first += rowsPerBand) bands.push({ first, end: Math.min(first + rowsPerBand, totalRows) });
  return bands;
}

interface GridCellProps {
  cellKey: string;
  px: number;
  py: number;
  className: string;
  highlight: HighlightKind | undefined;
  fill: string;
  stroke: string;
  dash: string | undefined;
  /** '' for none (pending, overhang, or values hidden). */
  text: string;
  textFill: string;
  italic: boolean;
  unread: boolean;
  annotation: string | undefined;
  annotationFill: string;
}

/**
 * One cell, memoized on plain values: a step changes a handful of cells, and only those re-render and repaint
 * (the Transposed panel's matrix view draws thousands). Pointer events are handled once on the grid, not per cell.
 */
const GridCell = memo(function GridCell({
  cellKey: key,
  px,
  py,
  className,
  highlight,
  fill,
  stroke,
  dash,
  text,
  textFill,
  italic,
  unread,
  annotation,
  annotationFill,
}: GridCellProps) {
  return (
    <g className={className} data-cell={key} data-highlight={highlight}>
      <rect x={px} y={py} width={size} height={size} fill={fill} stroke={stroke} strokeWidth={1} strokeDasharray={dash} />
      {text && (
        <text
          x={px + size / 2}
          y={py + size / 2}
          dominantBaseline="central"
          textAnchor="middle"
          // Six characters (−0.176, 0.0578) need the smallest size to stay inside the cell.
          fontSize={text.length > 5 ? size * 0.22 : text.length > 4 ? size * 0.26 : size * 0.36}
          fill={textFill}
          fontStyle={italic ? 'italic' : undefined}
        >
          {text}
        </text>
      )}
      {unread && (
        <g className="grid-unread" pointerEvents="none">
          <rect x={px} y={py} width={size} height={size} fill="#ffffff" opacity={0.55} />
          <line x1={px + 4} y1={py + size - 4} x2={px + size - 4} y2={py + 4} stroke={COLORS.unread} strokeWidth={2.5} />
        </g>
      )}
      {annotation && (
        <text
          x={px + size - 3}
          y={py + size - 4}
          textAnchor="end"
          // Large enough to read on a projector ("×1", "×−1"); a long weight ("×0.0625") still fits in its corner.
          fontSize={annotation.length > 4 ? size * 0.2 : annotation.length > 3 ? size * 0.24 : size * 0.27}
          className="grid-annotation"
          fill={annotationFill}
        >
          {annotation}
        </text>
      )}
    </g>
  );
});

/** What a cell is marked with besides its value: the grid's highlight, pending, unread and annotation for it. */
interface CellMarks {
  highlight: HighlightKind | undefined;
  isPending: boolean;
  isUnread: boolean;
  annotation: string | undefined;
}

const sameMarks = (a: CellMarks, b: CellMarks) =>
  a.highlight === b.highlight && a.isPending === b.isPending && a.isUnread === b.isUnread && a.annotation === b.annotation;

/**
 * A band's cell elements as last rendered. A cell whose value, kind and marks are unchanged (and the band's drawing settings,
 * `context`, too) keeps its element without its props being worked out again: a re-rendered band of 64 cells usually changes
 * one or two, and colour and number formatting for the rest were most of a step's work in the grids. A cell whose new props
 * all equal the old ones keeps its element as well, so React skips it without comparing props.
 */
class CellElements {
  private byKey = new Map<string, { cell: GridCellInfo; marks: CellMarks; element: ReactElement<GridCellProps> }>();
  private context: readonly unknown[] = [];

  render(
    cells: readonly GridCellInfo[],
    context: readonly unknown[],
    marksOf: (cell: GridCellInfo, key: string) => CellMarks,
    propsOf: (cell: GridCellInfo, key: string, marks: CellMarks) => GridCellProps,
  ): ReactElement<GridCellProps>[] {
    const sameContext = context.length === this.context.length && context.every((value, i) => Object.is(value, this.context[i]));
    this.context = context;
    const next: typeof this.byKey = new Map();
    const elements = cells.map((cell) => {
      const key = cellKey(cell.y, cell.x);
      const marks = marksOf(cell, key);
      const old = this.byKey.get(key);
      let element: ReactElement<GridCellProps>;
      if (old && sameContext && (old.cell === cell || sameCell(old.cell, cell)) && sameMarks(old.marks, marks)) element = old.element;
      else {
        const props = propsOf(cell, key, marks);
        element = old && sameCellProps(old.element.props, props) ? old.element : <GridCell key={key} {...props} />;
      }
      next.set(key, { cell, marks, element });
      return element;
    });
    this.byKey = next;
    return elements;
  }
}

function sameCellProps(a: GridCellProps, b: GridCellProps): boolean {
  for (const name of Object.keys(b) as (keyof GridCellProps)[]) if (!Object.is(a[name], b[name])) return false;
  return true;
}

/** The diagonal hatch that fills padding cells, as a pattern to use with url(#id); `line` is the colour of its stripes. */
export function PaddingHatch({ id, line = '#d5d9e2' }: { id: string; line?: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={COLORS.paddingFill} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={line} strokeWidth="2" />
    </pattern>
  );
}

interface GridCellInfo {
  y: number;
  x: number;
  value: number;
  isPadding: boolean;
  isInserted: boolean;
  isOverhang: boolean;
}

const sameCell = (a: GridCellInfo, b: GridCellInfo) =>
  a.y === b.y &&
  a.x === b.x &&
  Object.is(a.value, b.value) &&
  a.isPadding === b.isPadding &&
  a.isInserted === b.isInserted &&
  a.isOverhang === b.isOverhang;

/** A grid's cells as last drawn: a new list keeps the objects of the cells that did not change, and the old list if none did. */
class CellMemory {
  private last: readonly GridCellInfo[] = [];

  settle(next: GridCellInfo[]): readonly GridCellInfo[] {
    let kept = 0;
    for (let i = 0; i < next.length; i++) {
      const old = this.last[i];
      if (old && sameCell(old, next[i] as GridCellInfo)) {
        next[i] = old;
        kept++;
      }
    }
    if (kept < next.length || next.length !== this.last.length) this.last = next;
    return this.last;
  }
}

interface GridBandProps {
  first: number;
  end: number;
  totalRows: number;
  totalCols: number;
  /** This band's cells, row by row. */
  cells: readonly GridCellInfo[];
  /** What the highlights, annotations, pending and unread cells are within this band (bandSignatures). */
  signature: string;
  patternId: string;
  hasInserted: boolean;
  padTop: number;
  padLeft: number;
  padLabel: GridPadding['label'];
  color(value: number): string;
  maxAbs: number;
  showValues: boolean;
  quietZeros: boolean;
  highlights: GridProps['highlights'];
  pending: GridProps['pending'];
  unread: GridProps['unread'];
  annotations: GridProps['annotations'];
}

/**
 * For each band, a string of what its cells' highlights, annotations, pending and unread marks are. The maps and functions
 * that carry them are new on every step; the signature lets a band whose cells did not change skip rendering altogether.
 */
function bandSignatures(
  bands: readonly { first: number; end: number }[],
  cells: readonly GridCellInfo[],
  totalCols: number,
  padTop: number,
  highlights: GridProps['highlights'],
  annotations: GridProps['annotations'],
  pending: GridProps['pending'],
  unread: GridProps['unread'],
): string[] {
  const rowsPerBand = bands[0] ? bands[0].end - bands[0].first : 1;
  const parts: string[][] = bands.map(() => []);
  const bandOf = (key: string) => Math.floor((Number(key.slice(0, key.indexOf(','))) + padTop) / rowsPerBand);
  highlights?.forEach((kind, key) => parts[bandOf(key)]?.push(`h${key}=${kind}`));
  annotations?.forEach((text, key) => parts[bandOf(key)]?.push(`a${key}=${text}`));
  if (pending || unread) {
    bands.forEach(({ first, end }, index) => {
      let marks = '';
      for (let i = first * totalCols; i < end * totalCols; i++) {
        const cell = cells[i];
        if (!cell || cell.isOverhang) continue;
        marks += `${!cell.isPadding && pending?.(cell.y, cell.x) === true ? 1 : 0}${unread?.(cell.y, cell.x) === true ? 1 : 0}`;
      }
      parts[index]?.push(marks);
    });
  }
  return parts.map((part) => part.join(';'));
}

/** Equal when the cells' values and kinds are, the signature is, and every other prop is the same value. */
function sameBand(previous: GridBandProps, next: GridBandProps): boolean {
  for (const name of Object.keys(next) as (keyof GridBandProps)[]) {
    if (name === 'highlights' || name === 'annotations' || name === 'pending' || name === 'unread') continue;
    if (name === 'cells') {
      if (previous.cells === next.cells) continue;
      if (previous.cells.length !== next.cells.length) return false;
      for (let i = 0; i < next.cells.length; i++) {
        const a = previous.cells[i] as GridCellInfo;
        const b = next.cells[i] as GridCellInfo;
        if (a !== b && !sameCell(a, b)) return false;
      }
      continue;
    }
    if (!Object.is(previous[name], next[name])) return false;
  }
  return true;
}

/** One band of rows: its own SVG (and paint layer), re-rendered only when something in its rows changed (sameBand). */
const GridBand = memo(function GridBand({
  first,
  end,
  totalRows,
  totalCols,
  cells,
  patternId: bandPattern,
  hasInserted,
  padTop,
  padLeft,
  padLabel,
  color,
  maxAbs,
  showValues,
  quietZeros,
  highlights,
  pending,
  unread,
  annotations,
}: GridBandProps) {
  const [cellElements] = useState(() => new CellElements());
  const width = totalCols * size;
  const height = totalRows * size;
  // The band's window onto the grid's coordinates: the outer bands keep the 2-unit margin of the grid's outline.
  const top = first === 0 ? -2 : first * size;
  const bottom = end === totalRows ? height + 2 : end * size;
  return (
    <svg className="grid-band" aria-hidden="true" viewBox={`-2 ${top} ${width + 4} ${bottom - top}`}>
      <defs>
        <PaddingHatch id={bandPattern} />
        {hasInserted && (
          <pattern id={`${bandPattern}-ins`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={COLORS.insertedFill} />
            <circle cx="4" cy="4" r="1.2" fill={COLORS.insertedDot} />
          </pattern>
        )}
      </defs>
      {cellElements.render(
        cells,
        [bandPattern, padTop, padLeft, padLabel, color, maxAbs, showValues, quietZeros],
        ({ y, x, isPadding, isOverhang }, key) => ({
          highlight: highlights?.get(key),
          isPending: !isPadding && !isOverhang && pending?.(y, x) === true,
          isUnread: !isOverhang && unread?.(y, x) === true,
          annotation: annotations?.get(key),
        }),
        ({ y, x, value, isPadding, isInserted, isOverhang }, key, { highlight, isPending, isUnread, annotation }): GridCellProps => {
          const light = !isPadding && !isInserted && !isOverhang && !isPending && needsLightText(value, maxAbs);
          const muted = isPadding || isInserted;
          const quietZero = quietZeros && (isInserted || (isPadding && !padLabel && value === 0));
          const text = isOverhang || isPending || !showValues || quietZero ? '' : isPadding && padLabel ? padLabel(y, x) : formatNumber(value);
          return {
            cellKey: key,
            px: (x + padLeft) * size,
            py: (y + padTop) * size,
            className: `grid-cell${isPadding ? ' is-padding' : ''}${isInserted ? ' is-inserted' : ''}${isOverhang ? ' is-overhang' : ''}${highlight ? ` is-${highlight}` : ''}${isUnread ? ' is-unread' : ''}`,
            highlight,
            fill: isPadding
              ? `url(#${bandPattern})`
              : isInserted
                ? `url(#${bandPattern}-ins)`
                : isPending || isOverhang
                  ? COLORS.pendingFill
                  : color(value),
            stroke: isInserted ? COLORS.insertedDot : isOverhang ? COLORS.paddingText : COLORS.grid,
            dash: isPadding ? '4 3' : isInserted ? '1 3' : isOverhang ? '2 4' : undefined,
            text,
            textFill: muted ? COLORS.paddingText : light ? COLORS.textOnDark : COLORS.text,
            italic: muted,
            unread: isUnread,
            annotation,
            annotationFill: light ? COLORS.textOnDark : COLORS.text,
          };
        },
      )}
    </svg>
  );
}, sameBand);

/** The cell (its data-cell="y,x") an event happened in, or null outside the cells. */
function cellAt(target: EventTarget): { key: string; y: number; x: number } | null {
  const key = (target instanceof Element ? target.closest('[data-cell]') : null)?.getAttribute('data-cell') ?? '';
  const [y, x] = key.split(',').map(Number);
  return y !== undefined && x !== undefined && Number.isInteger(y) && Number.isInteger(x) ? { key, y, x } : null;
}

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
  inserted,
  overhang,
  regions,
}: GridProps) {
  const t = useT();
  const patternId = useId().replace(/:/g, '');
  const hovered = useRef<string | null>(null);
  const pad = padding ?? NO_PADDING;
  const over = overhang ?? NO_OVERHANG;
  const paddedRows = rows + pad.top + pad.bottom;
  const paddedCols = cols + pad.left + pad.right;
  const totalRows = paddedRows + over.bottom;
  const totalCols = paddedCols + over.right;

  const bands = useMemo(() => rowBands(totalRows, totalCols), [totalRows, totalCols]);
  // Panels pass a new valueAt on every step, so the cells are listed again on every step; cellMemory keeps the objects of
  // those that did not change, and the whole list when none did (the bands then compare by identity alone).
  const [cellMemory] = useState(() => new CellMemory());
  const cells = useMemo(() => {
    const list: GridCellInfo[] = [];
    // 0 − p rather than −p: a −0 row would leak into hover coordinates.
    for (let y = 0 - pad.top; y < rows + pad.bottom + over.bottom; y++) {
      for (let x = 0 - pad.left; x < cols + pad.right + over.right; x++) {
        const isOverhang = y >= rows + pad.bottom || x >= cols + pad.right;
        const isPadding = !isOverhang && (y < 0 || y >= rows || x < 0 || x >= cols);
        const isInserted = !isPadding && !isOverhang && inserted?.at(y, x) === true;
        const value = isOverhang ? 0 : isPadding ? pad.valueAt(y, x) : valueAt(y, x);
        list.push({ y, x, isPadding, isInserted, isOverhang, value });
      }
    }
    return cellMemory.settle(list);
  }, [cellMemory, rows, cols, pad, over.bottom, over.right, valueAt, inserted]);
  const bandCells = useMemo(() => bands.map(({ first, end }) => cells.slice(first * totalCols, end * totalCols)), [bands, cells, totalCols]);

  const ownMaxAbs = useMemo(() => maxAbsOf(cells.filter((c) => !c.isPadding && !c.isOverhang).map((c) => c.value)), [cells]);
  const maxAbs = scaleMax ?? ownMaxAbs;
  const color = useMemo(() => divergingScale(maxAbs), [maxAbs]);
  const width = totalCols * size;
  const height = totalRows * size;
  const quietZeros = totalRows * totalCols > QUIET_ZEROS_ABOVE_CELLS;
  // Highlighted cells that lie on the grid (its padding and overhang included), read from the map rather than from every cell.
  const outlined: { key: string; y: number; x: number; kind: HighlightKind }[] = [];
  highlights?.forEach((kind, key) => {
    const [y, x] = key.split(',').map(Number) as [number, number];
    if (y >= -pad.top && y < totalRows - pad.top && x >= -pad.left && x < totalCols - pad.left) outlined.push({ key, y, x, kind });
  });
  const signatures = bandSignatures(bands, cells, totalCols, pad.top, highlights, annotations, pending, unread);

  // Grids in a row share its width in proportion to their columns (so their cells come out the same size), up to
  // the full cell size; below a readable minimum they wrap onto the next line. The SVG fills the figure.
  const fullWidth = maxCellPx ? `${totalCols * maxCellPx}px` : `calc(${totalCols} * var(--cell-size))`;
  const figureStyle = { flex: `${totalCols} 1 0px`, maxWidth: `min(100%, ${fullWidth})`, minWidth: `min(100%, ${totalCols * 20}px)` };
  return (
    <figure className="grid-figure" data-testid={testId} style={figureStyle}>
      <figcaption className="grid-caption">
        {label}{' '}
        <span className="grid-shape">
          {rows}×{cols}
          {paddedRows > rows || paddedCols > cols ? ` ${t('grid.padded', { rows: paddedRows, cols: paddedCols })}` : ''}
        </span>
      </figcaption>
      <div
        className="grid-bands"
        role="img"
        aria-label={`${label}, ${rows}×${cols}`}
        data-viewbox={`-2 -2 ${width + 4} ${height + 4}`}
        style={{ '--grid-aspect': `${(width + 4) / (height + 4)}` } as CSSProperties}
        onPointerOver={(event) => {
          // pointerover also fires moving between a cell's rect and its text: report only a change of cell.
          const cell = cellAt(event.target);
          if (cell && cell.key !== hovered.current) {
            hovered.current = cell.key;
            onCellHover?.({ y: cell.y, x: cell.x });
          }
        }}
        onClick={(event) => {
          const cell = cellAt(event.target);
          if (cell) onCellHover?.({ y: cell.y, x: cell.x });
        }}
        onPointerLeave={() => {
          hovered.current = null;
          onCellHover?.(null);
        }}
      >
        {bands.map(({ first, end }, index) => (
          <GridBand
            key={first}
            first={first}
            end={end}
            totalRows={totalRows}
            totalCols={totalCols}
            cells={bandCells[index] ?? []}
            signature={signatures[index] ?? ''}
            patternId={`${patternId}-${first}`}
            hasInserted={inserted !== undefined}
            padTop={pad.top}
            padLeft={pad.left}
            padLabel={pad.label}
            color={color}
            maxAbs={maxAbs}
            showValues={showValues}
            quietZeros={quietZeros}
            highlights={highlights}
            pending={pending}
            unread={unread}
            annotations={annotations}
          />
        ))}
        {/* Highlight outlines and regions over all bands, so they sit above neighbouring cells. */}
        <svg className="grid-overlay" aria-hidden="true" viewBox={`-2 -2 ${width + 4} ${height + 4}`}>
          {outlined.map(({ key, y, x, kind }) => (
            <rect
              key={`h${key}`}
              className={`grid-outline outline-${kind}`}
              x={(x + pad.left) * size + 2}
              y={(y + pad.top) * size + 2}
              width={size - 4}
              height={size - 4}
              fill="none"
              stroke={HIGHLIGHT_COLORS[kind]}
              strokeWidth={4}
            />
          ))}
          {regions?.map((region, index) => {
            const style = REGION_STYLES[region.tone];
            return (
              <rect
                key={`r${index}`}
                className={`grid-region region-${region.tone}`}
                x={(region.left + pad.left) * size + style.inset}
                y={(region.top + pad.top) * size + style.inset}
                width={Math.max((region.right - region.left) * size - 2 * style.inset, 0)}
                height={Math.max((region.bottom - region.top) * size - 2 * style.inset, 0)}
                rx={4}
                fill="none"
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              />
            );
          })}
        </svg>
      </div>
      {showLegend && (
        <ColorLegend
          maxAbs={maxAbs}
          hasPadding={paddedRows > rows || paddedCols > cols}
          hasUnread={unread !== undefined && cells.some((c) => unread(c.y, c.x))}
          insertedLabel={inserted && cells.some((c) => c.isInserted) ? inserted.label : undefined}
        />
      )}
    </figure>
  );
}

export const Grid = memo(GridImpl);
