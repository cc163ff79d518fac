// A row of grids, one per channel of a [C, H, W] tensor (or one per slice of a kernel), on one shared colour scale.

import { useMemo } from 'react';
import { at3, type Tensor } from '../../engine/index.ts';
import { Grid, type HighlightKind } from '../../ui/Grid.tsx';
import { maxAbsOf } from '../../ui/theme.ts';

const MIN_FIGURE_PX = 84;

export interface StackGridsProps {
  tensor: Tensor;
  /** Caption of channel c. */
  label(c: number): string;
  testId(c: number): string;
  /** Which channels to draw (default all). */
  channels?: readonly number[];
  highlights?(c: number): ReadonlyMap<string, HighlightKind> | undefined;
  annotations?(c: number): ReadonlyMap<string, string> | undefined;
  pending?(c: number, y: number, x: number): boolean;
  maxCellPx?: number;
  className?: string;
}

export function StackGrids({ tensor, label, testId, channels, highlights, annotations, pending, maxCellPx, className }: StackGridsProps) {
  const [count, rows, cols] = tensor.shape as [number, number, number];
  const scaleMax = useMemo(() => maxAbsOf(tensor.data), [tensor]);
  // One reader per channel, kept across steps: a grid whose values are unchanged then keeps its cell list.
  const valueAts = useMemo(() => Array.from({ length: count }, (_, c) => (y: number, x: number) => at3(tensor, c, y, x)), [tensor, count]);
  const shown = channels ?? Array.from({ length: count }, (_, c) => c);
  // A grid of one or two columns still gets room for its caption.
  const cellPx = Math.max(maxCellPx ?? 44, Math.ceil(MIN_FIGURE_PX / cols));
  return (
    <div className={`grids ch-stack${className ? ` ${className}` : ''}`}>
      {shown.map((c) => (
        <Grid
          key={c}
          label={label(c)}
          rows={rows}
          cols={cols}
          valueAt={valueAts[c] ?? (() => 0)}
          highlights={highlights?.(c)}
          annotations={annotations?.(c)}
          pending={pending ? (y, x) => pending(c, y, x) : undefined}
          scaleMax={scaleMax}
          showLegend={false}
          maxCellPx={cellPx}
          testId={testId(c)}
        />
      ))}
    </div>
  );
}
