// @vitest-environment jsdom
// Grid: values with a real minus sign, padding cells, highlights, pending cells, hover/tap and its accessible name.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BAND_CELLS, Grid, QUIET_ZEROS_ABOVE_CELLS, cellKey, rowBands, type GridPadding, type HighlightKind } from '../../src/ui/Grid.tsx';
import { CELL_SIZE } from '../../src/ui/theme.ts';
import { cellText } from '../helpers/renderApp.tsx';

const VALUES = [
  [1, -2, 0],
  [-0.5, 12345, 1.23456],
];
const valueAt = (y: number, x: number) => VALUES[y]?.[x] ?? NaN;

function cell(container: HTMLElement, y: number, x: number): Element {
  const found = container.querySelector(`[data-cell="${cellKey(y, x)}"]`);
  if (!found) throw new Error(`no cell ${y},${x}`);
  return found;
}

describe('Grid', () => {
  it('renders every value, negative ones with a real minus sign (U+2212)', () => {
    const { container } = render(<Grid label="Input X" rows={2} cols={3} valueAt={valueAt} testId="g" />);
    expect(container.querySelectorAll('[data-cell]')).toHaveLength(6);
    expect(cellText(cell(container, 0, 0))).toBe('1');
    expect(cellText(cell(container, 0, 1))).toBe('\u22122');
    expect(cellText(cell(container, 0, 2))).toBe('0');
    expect(cellText(cell(container, 1, 0))).toBe('\u22120.5');
    expect(cellText(cell(container, 1, 1))).toBe('12345');
    expect(cellText(cell(container, 1, 2))).toBe('1.23');
    expect(container.textContent).not.toMatch(/-\d/);
  });

  it('has an accessible name with its label and size, and a visible caption', () => {
    render(<Grid label="Kernel K" rows={2} cols={3} valueAt={valueAt} />);
    expect(screen.getByRole('img', { name: 'Kernel K, 2×3' })).toBeInTheDocument();
    expect(screen.getByText('Kernel K')).toBeInTheDocument();
    expect(screen.getByText('2×3')).toBeInTheDocument();
  });

  it('draws padding cells around the input, marked is-padding and showing their values', () => {
    const padding: GridPadding = { top: 1, bottom: 1, left: 2, right: 0, valueAt: (y, x) => (y < 0 ? 7 : x < 0 ? -3 : 0) };
    const { container } = render(<Grid label="Input X" rows={2} cols={3} valueAt={valueAt} padding={padding} />);
    expect(container.querySelectorAll('[data-cell]')).toHaveLength((2 + 2) * (3 + 2));
    const paddingCells = container.querySelectorAll('.is-padding');
    expect(paddingCells).toHaveLength(4 * 5 - 6);
    expect(cell(container, -1, -2)).toHaveClass('is-padding');
    expect(cellText(cell(container, -1, 0))).toBe('7');
    expect(cellText(cell(container, 0, -1))).toBe('\u22123');
    expect(cellText(cell(container, 2, 2))).toBe('0');
    expect(cell(container, 0, 0)).not.toHaveClass('is-padding');
    expect(cellText(cell(container, 0, 0))).toBe('1');
    // The size in the name stays the real input's size.
    expect(screen.getByRole('img', { name: 'Input X, 2×3' })).toBeInTheDocument();
  });

  it('draws padding cells differently from real cells (pattern fill, dashed border)', () => {
    const padding: GridPadding = { top: 1, bottom: 0, left: 0, right: 0, valueAt: () => 0 };
    const { container } = render(<Grid label="X" rows={1} cols={1} valueAt={() => 5} padding={padding} />);
    const padRect = cell(container, -1, 0).querySelector('rect');
    const realRect = cell(container, 0, 0).querySelector('rect');
    expect(padRect?.getAttribute('fill')).toMatch(/^url\(#/);
    expect(padRect?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(realRect?.getAttribute('fill')).not.toMatch(/^url\(/);
    expect(realRect?.getAttribute('stroke-dasharray')).toBeNull();
  });

  it('marks highlighted cells with data-highlight and an outline, and only those', () => {
    const highlights = new Map<string, HighlightKind>([
      [cellKey(0, 0), 'window'],
      [cellKey(0, 1), 'window'],
      [cellKey(1, 2), 'output'],
      [cellKey(1, 0), 'linked'],
    ]);
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} highlights={highlights} />);
    expect(cell(container, 0, 0)).toHaveAttribute('data-highlight', 'window');
    expect(cell(container, 0, 1)).toHaveAttribute('data-highlight', 'window');
    expect(cell(container, 1, 2)).toHaveAttribute('data-highlight', 'output');
    expect(cell(container, 1, 0)).toHaveAttribute('data-highlight', 'linked');
    expect(cell(container, 0, 2)).not.toHaveAttribute('data-highlight');
    expect(container.querySelectorAll('[data-highlight]')).toHaveLength(4);
    expect(container.querySelectorAll('.grid-outline')).toHaveLength(4);
    expect(container.querySelectorAll('.outline-window')).toHaveLength(2);
  });

  it('draws pending cells empty, without a value', () => {
    const { container } = render(<Grid label="Y" rows={2} cols={3} valueAt={valueAt} pending={(y, x) => y * 3 + x > 1} />);
    expect(cellText(cell(container, 0, 0))).toBe('1');
    expect(cellText(cell(container, 0, 1))).toBe('\u22122');
    for (const [y, x] of [
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ] as const) {
      expect(cell(container, y, x).querySelector('text')).toBeNull();
    }
  });

  it('a grid of more than QUIET_ZEROS_ABOVE_CELLS cells draws zero padding and inserted zeros without the 0, and keeps real zeros and copied padding', () => {
    // 30×30 real cells plus 1 of padding all round: 1024 cells, just over the limit; a 10×10 one keeps every 0.
    const isInserted = (y: number, x: number) => y % 2 === 1 && x % 2 === 1;
    const zeros = (y: number, x: number) => (x === 0 || isInserted(y, x) ? 0 : y + x);
    const inserted = { at: isInserted, label: 'inserted zero' };
    const zeroPadding: GridPadding = { top: 1, bottom: 1, left: 1, right: 1, valueAt: () => 0 };
    expect(32 * 32).toBeGreaterThan(QUIET_ZEROS_ABOVE_CELLS);
    const big = render(<Grid label="Big" rows={30} cols={30} valueAt={zeros} padding={zeroPadding} inserted={inserted} />);
    expect(cell(big.container, -1, 5).querySelector('text')).toBeNull();
    expect(cell(big.container, 1, 1).querySelector('text')).toBeNull();
    expect(cellText(cell(big.container, 2, 0))).toBe('0');
    expect(cellText(cell(big.container, 2, 2))).toBe('4');
    big.unmount();
    // Copied padding (reflect) shows its values at any size: they are what the student checks.
    const reflected: GridPadding = { ...zeroPadding, valueAt: (y, x) => zeros(Math.abs(y), Math.abs(x)) };
    const copied = render(<Grid label="Copied" rows={30} cols={30} valueAt={zeros} padding={reflected} />);
    expect(cellText(cell(copied.container, -1, 4))).toBe('5');
    copied.unmount();
    const small = render(<Grid label="Small" rows={10} cols={10} valueAt={zeros} padding={zeroPadding} inserted={inserted} />);
    expect(cellText(cell(small.container, -1, 5))).toBe('0');
    expect(cellText(cell(small.container, 1, 1))).toBe('0');
  });

  it('is drawn as bands of whole rows, each its own SVG in grid coordinates, every cell exactly once; a small grid is one band', () => {
    const big = (y: number, x: number) => y * 10 + x;
    const padding: GridPadding = { top: 1, bottom: 1, left: 1, right: 1, valueAt: () => 0 };
    const { container } = render(<Grid label="X" rows={10} cols={10} valueAt={big} padding={padding} />);
    // 12 × 12 drawn cells, BAND_CELLS = 64: 5 rows a band, so bands of rows 0–4, 5–9, 10–11.
    expect(BAND_CELLS).toBe(64);
    expect(rowBands(12, 12)).toEqual([
      { first: 0, end: 5 },
      { first: 5, end: 10 },
      { first: 10, end: 12 },
    ]);
    const bands = [...container.querySelectorAll('svg.grid-band')];
    expect(bands).toHaveLength(3);
    const width = 12 * CELL_SIZE;
    expect(bands.map((band) => band.getAttribute('viewBox'))).toEqual([
      `-2 -2 ${width + 4} ${5 * CELL_SIZE + 2}`,
      `-2 ${5 * CELL_SIZE} ${width + 4} ${5 * CELL_SIZE}`,
      `-2 ${10 * CELL_SIZE} ${width + 4} ${2 * CELL_SIZE + 2}`,
    ]);
    // Band b holds drawn rows [5b, 5b + 5): input rows 5b − 1 … (the first drawn row is padding, row −1).
    bands.forEach((band, b) => {
      const rows = new Set([...band.querySelectorAll('[data-cell]')].map((g) => Number(g.getAttribute('data-cell')?.split(',')[0])));
      expect([...rows].sort((p, q) => p - q)).toEqual(Array.from({ length: b === 2 ? 2 : 5 }, (_, i) => 5 * b + i - 1));
    });
    expect(container.querySelectorAll('[data-cell]')).toHaveLength(144);
    expect(new Set([...container.querySelectorAll('[data-cell]')].map((g) => g.getAttribute('data-cell'))).size).toBe(144);
    // One picture to assistive technology; the bands and the outline overlay are hidden parts of it.
    expect(screen.getByRole('img', { name: 'X, 10×10' })).toContainElement(bands[0] as HTMLElement);
    expect(bands.every((band) => band.getAttribute('aria-hidden') === 'true')).toBe(true);
    const small = render(<Grid label="K" rows={3} cols={3} valueAt={valueAt} />);
    expect(small.container.querySelectorAll('svg.grid-band')).toHaveLength(1);
  });

  it('a step that changes one band re-renders only that band, even though its maps and functions are new', () => {
    // 12 × 8 cells: 8 rows a band, so bands of rows 0–7 and 8–11. pending() is called once per cell for the bands' signatures,
    // and once more per cell of every band that renders.
    let calls = 0;
    const pendingAfter = (last: number) => (y: number, x: number) => {
      calls++;
      return y * 8 + x > last;
    };
    const highlightsAt = (y: number, x: number) => new Map<string, HighlightKind>([[cellKey(y, x), 'output']]);
    const { container, rerender } = render(
      <Grid label="Y" rows={12} cols={8} valueAt={() => 1} pending={pendingAfter(72)} highlights={highlightsAt(9, 0)} />,
    );
    expect(calls).toBe(96 + 96);
    calls = 0;
    // Step: the output cell moves from (9, 0) to (9, 1) and cell 73 is computed; both are in the second band.
    rerender(<Grid label="Y" rows={12} cols={8} valueAt={() => 1} pending={pendingAfter(73)} highlights={highlightsAt(9, 1)} />);
    expect(calls).toBe(96 + 32);
    expect(cellText(cell(container, 9, 1))).toBe('1');
    expect(cell(container, 9, 1)).toHaveAttribute('data-highlight', 'output');
    expect(cell(container, 9, 0)).not.toHaveAttribute('data-highlight');
    calls = 0;
    // Nothing changed but the functions' and maps' identity: no band renders.
    rerender(<Grid label="Y" rows={12} cols={8} valueAt={() => 1} pending={pendingAfter(73)} highlights={highlightsAt(9, 1)} />);
    expect(calls).toBe(96);
    calls = 0;
    // A window cell added in the first band (the second band's highlight stays): the first band renders, alone.
    const both = new Map([...highlightsAt(9, 1), [cellKey(0, 0), 'window' as HighlightKind]]);
    rerender(<Grid label="Y" rows={12} cols={8} valueAt={() => 1} pending={pendingAfter(73)} highlights={both} />);
    expect(calls).toBe(96 + 64);
    expect(cell(container, 0, 0)).toHaveAttribute('data-highlight', 'window');
  });

  it('a band that renders works out again only the cells whose value or marks changed, and keeps the others as they were', () => {
    // A 2 × 3 input with padding 1 on every side, 20 cells in one band; the padding's label is called once per padding cell
    // whose props are worked out.
    let labelCalls = 0;
    const padding: GridPadding = {
      top: 1,
      bottom: 1,
      left: 1,
      right: 1,
      valueAt: () => 0,
      label: () => {
        labelCalls++;
        return '·';
      },
    };
    const values = (changed: number) => (y: number, x: number) => (y === 1 && x === 2 ? changed : y * 3 + x);
    const { container, rerender } = render(<Grid label="X" rows={2} cols={3} valueAt={values(2)} padding={padding} />);
    expect(labelCalls).toBe(14);
    const unchanged = cell(container, 0, 0);
    labelCalls = 0;
    // One real value changes (the colour scale's end, 4, stays): only its cell is redrawn, with the new value.
    rerender(<Grid label="X" rows={2} cols={3} valueAt={values(-3)} padding={padding} />);
    expect(labelCalls).toBe(0);
    expect(cellText(cell(container, 1, 2))).toBe('\u22123');
    expect(cell(container, 0, 0)).toBe(unchanged);
    // A padding cell is highlighted: that one cell is worked out again, and shows its mark.
    rerender(<Grid label="X" rows={2} cols={3} valueAt={values(-3)} padding={padding} highlights={new Map([[cellKey(-1, -1), 'window']])} />);
    expect(labelCalls).toBe(1);
    expect(cell(container, -1, -1)).toHaveAttribute('data-highlight', 'window');
    expect(cellText(cell(container, -1, -1))).toBe('·');
    // A new label function redraws every padding cell.
    const starred: GridPadding = {
      ...padding,
      label: () => {
        labelCalls++;
        return '*';
      },
    };
    rerender(<Grid label="X" rows={2} cols={3} valueAt={values(-3)} padding={starred} />);
    expect(labelCalls).toBe(1 + 14);
    expect(cell(container, -1, -1)).not.toHaveAttribute('data-highlight');
    expect(cellText(cell(container, 2, 3))).toBe('*');
  });

  it('shows annotations in the corner of their cells', () => {
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} annotations={new Map([[cellKey(0, 1), '×3']])} />);
    expect(cell(container, 0, 1).querySelector('.grid-annotation')?.textContent).toBe('×3');
    expect(container.querySelectorAll('.grid-annotation')).toHaveLength(1);
  });

  it('hovering a cell calls onCellHover with its coordinates, and leaving the grid calls it with null', async () => {
    const onCellHover = vi.fn();
    const user = userEvent.setup();
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} onCellHover={onCellHover} />);
    await user.hover(cell(container, 1, 2));
    expect(onCellHover).toHaveBeenLastCalledWith({ y: 1, x: 2 });
    await user.unhover(screen.getByRole('img'));
    expect(onCellHover).toHaveBeenLastCalledWith(null);
  });

  it('a tap (click) on a cell calls onCellHover too, for touch screens', () => {
    const onCellHover = vi.fn();
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} onCellHover={onCellHover} />);
    fireEvent.click(cell(container, 0, 1));
    expect(onCellHover).toHaveBeenCalledTimes(1);
    const [hovered] = onCellHover.mock.calls[0] as [{ y: number; x: number }];
    // Row 0 may come as -0 (from -pad.top); it is the same cell.
    expect(hovered.y === 0 && hovered.x === 1).toBe(true);
  });

  it('a grid without onCellHover does not react to hover', async () => {
    const user = userEvent.setup();
    const { container } = render(<Grid label="X" rows={1} cols={1} valueAt={() => 1} />);
    await user.hover(cell(container, 0, 0));
    expect(container.querySelector('[data-highlight]')).toBeNull();
  });

  it('colours negative values blue and positive values red, with a near-white zero', () => {
    const { container } = render(<Grid label="X" rows={1} cols={3} valueAt={(_, x) => [-4, 0, 4][x] ?? 0} />);
    const rgb = (x: number) => (cell(container, 0, x).querySelector('rect')?.getAttribute('fill') ?? '').match(/\d+/g)?.map(Number) ?? [];
    const [nr = 0, , nb = 0] = rgb(0);
    const [pr = 0, , pb = 0] = rgb(2);
    expect(nb).toBeGreaterThan(nr);
    expect(pr).toBeGreaterThan(pb);
    for (const channel of rgb(1)) expect(channel).toBeGreaterThanOrEqual(230);
  });

  it('shows a colour legend with the scale’s ends, which can be turned off', () => {
    const { container, rerender } = render(<Grid label="X" rows={1} cols={3} valueAt={(_, x) => [-4, 0, 4][x] ?? 0} />);
    expect(container.querySelector('.legend')?.textContent).toContain('\u22124');
    rerender(<Grid label="X" rows={1} cols={3} valueAt={() => 1} showLegend={false} />);
    expect(container.querySelector('.legend')).toBeNull();
  });

  it('a padded grid’s caption states the padded size too', () => {
    const padding: GridPadding = { top: 1, bottom: 1, left: 1, right: 1, valueAt: () => 0 };
    render(<Grid label="Input X" rows={2} cols={3} valueAt={valueAt} padding={padding} testId="g" />);
    expect(screen.getByTestId('g').querySelector('figcaption')).toHaveTextContent('Input X 2×3 → 4×5 with padding');
  });

  it('a source highlight (the real cell a padding cell copies) is marked like the others', () => {
    const { container } = render(<Grid label="X" rows={1} cols={2} valueAt={() => 1} highlights={new Map([[cellKey(0, 1), 'source' as const]])} />);
    expect(cell(container, 0, 1)).toHaveAttribute('data-highlight', 'source');
    expect(container.querySelectorAll('.outline-source')).toHaveLength(1);
  });

  it('cells no window reads are marked is-unread, struck through, with a legend entry', () => {
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} unread={(_, x) => x === 2} />);
    expect([...container.querySelectorAll('.is-unread')].map((c) => c.getAttribute('data-cell'))).toEqual(['0,2', '1,2']);
    expect(container.querySelectorAll('.grid-unread line')).toHaveLength(2);
    expect(container.querySelector('.legend')).toHaveTextContent('never read');
  });

  it('showValues off (heatmaps) draws the colours without numbers', () => {
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} showValues={false} />);
    expect(container.querySelectorAll('[data-cell] text')).toHaveLength(0);
    expect(container.querySelectorAll('[data-cell] rect')).toHaveLength(6);
  });

  it('maxCellPx caps the drawn width of the grid, and the grid grows in proportion to its columns', () => {
    render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} maxCellPx={10} testId="capped" />);
    const figure = screen.getByTestId('capped');
    expect(figure.style.maxWidth).toBe('min(100%, 30px)');
    expect(figure.style.flexGrow).toBe('3');
  });
});
