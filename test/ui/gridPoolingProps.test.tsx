// @vitest-environment jsdom
// Grid's optional pooling props: padding labels (−∞), cells past the padding (ceil mode), and outlined regions (bins, dropped windows).
import { render } from '@testing-library/react';
import { Grid, cellKey, type GridPadding } from '../../src/ui/Grid.tsx';
import { cellText } from '../helpers/renderApp.tsx';

const valueAt = (y: number, x: number) => y * 3 + x;

function cell(container: HTMLElement, y: number, x: number): Element {
  const found = container.querySelector(`[data-cell="${cellKey(y, x)}"]`);
  if (!found) throw new Error(`no cell ${y},${x}`);
  return found;
}

describe('Grid pooling props', () => {
  it('a padding label replaces the padding value (−∞ for max pooling); real cells keep their numbers', () => {
    const padding: GridPadding = { top: 1, bottom: 1, left: 1, right: 1, valueAt: () => 0, label: () => '−∞' };
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} padding={padding} />);
    expect(cellText(cell(container, -1, -1))).toBe('−∞');
    expect(cellText(cell(container, 2, 3))).toBe('−∞');
    expect(cellText(cell(container, 1, 2))).toBe('5');
  });

  it('overhang cells lie past the bottom/right padding, hold no value, and leave the padded size in the caption unchanged', () => {
    const padding: GridPadding = { top: 1, bottom: 1, left: 1, right: 1, valueAt: () => 0 };
    const { container } = render(<Grid label="X" rows={2} cols={3} valueAt={valueAt} padding={padding} overhang={{ bottom: 1, right: 2 }} />);
    expect(container.querySelectorAll('[data-cell]')).toHaveLength((2 + 2 + 1) * (3 + 2 + 2));
    expect(container.querySelectorAll('.is-overhang')).toHaveLength(5 * 7 - 4 * 5);
    expect(cell(container, 3, 0)).toHaveClass('is-overhang');
    expect(cell(container, 3, 0)).not.toHaveClass('is-padding');
    expect(cellText(cell(container, 0, 5))).toBe('');
    expect(cell(container, 2, 3)).toHaveClass('is-padding');
    expect(container.querySelector('.grid-caption')).toHaveTextContent('2×3 → 4×5 with padding');
  });

  it('regions are outlined over their cells, in input coordinates, one rect each', () => {
    const { container } = render(
      <Grid
        label="X"
        rows={3}
        cols={3}
        valueAt={valueAt}
        regions={[
          { top: 0, bottom: 2, left: 0, right: 2, tone: 0 },
          { top: 1, bottom: 3, left: 1, right: 3, tone: 1 },
          { top: 0, bottom: 1, left: 0, right: 3, tone: 'selected' },
          { top: 0, bottom: 1, left: 3, right: 5, tone: 'dropped' },
        ]}
      />,
    );
    const rects = container.querySelectorAll('.grid-region');
    expect(rects).toHaveLength(4);
    expect(container.querySelector('.region-dropped')?.getAttribute('stroke-dasharray')).toBeTruthy();
    const first = rects[0] as SVGRectElement;
    const second = rects[1] as SVGRectElement;
    expect(Number(second.getAttribute('x'))).toBeGreaterThan(Number(first.getAttribute('x')));
  });
});
