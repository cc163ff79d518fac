// The tap enumerator: which input cell and kernel cell each tap of an output window reads, padding included.

import { axisTapTable, tapCoordinate, type AxisGeometry, type Geometry2d, type PaddingMode } from './geometry.ts';

export interface WindowTap {
  /** Kernel cell (row, column) of this tap, in window order (before any flip). */
  readonly kernelY: number;
  readonly kernelX: number;
  /** Input coordinate relative to the real input; outside [0, n) means the tap lands in padding. */
  readonly y: number;
  readonly x: number;
  readonly inPadding: boolean;
  /** The real input cell whose value the tap reads (a padding mode's copy), or −1 for a zero/ignored padding cell. */
  readonly sourceY: number;
  readonly sourceX: number;
}

/** Precomputed tap tables of a geometry under one padding mode; cheap to query per cell. */
export interface TapTables {
  readonly geometry: Geometry2d;
  readonly mode: PaddingMode;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
}

export function tapTables(geometry: Geometry2d, mode: PaddingMode = 'zeros'): TapTables {
  return { geometry, mode, rows: axisTapTable(geometry.height, mode), cols: axisTapTable(geometry.width, mode) };
}

/** The taps of output cell (outY, outX), in row-major window order. */
export function windowTaps(tables: TapTables, outY: number, outX: number): WindowTap[] {
  const { height, width } = tables.geometry;
  const taps: WindowTap[] = [];
  for (let ky = 0; ky < height.kernel; ky++) {
    const y = tapCoordinate(height, outY, ky);
    const sourceY = tables.rows[outY * height.kernel + ky] ?? -1;
    for (let kx = 0; kx < width.kernel; kx++) {
      const x = tapCoordinate(width, outX, kx);
      const sourceX = tables.cols[outX * width.kernel + kx] ?? -1;
      const inPadding = y < 0 || y >= height.input || x < 0 || x >= width.input;
      const copied = sourceY >= 0 && sourceX >= 0;
      taps.push({ kernelY: ky, kernelX: kx, y, x, inPadding, sourceY: copied ? sourceY : -1, sourceX: copied ? sourceX : -1 });
    }
  }
  return taps;
}

/**
 * Every output cell whose window reads input coordinate (y, x) (padding coordinates allowed),
 * with the kernel cell that reads it: the hover highlight from an input cell.
 */
export function outputsReading(tables: TapTables, y: number, x: number): { outY: number; outX: number; kernelY: number; kernelX: number }[] {
  const { height, width } = tables.geometry;
  const found: { outY: number; outX: number; kernelY: number; kernelX: number }[] = [];
  for (let oy = 0; oy < height.output; oy++) {
    for (let ky = 0; ky < height.kernel; ky++) {
      if (tapCoordinate(height, oy, ky) !== y) continue;
      for (let ox = 0; ox < width.output; ox++) {
        for (let kx = 0; kx < width.kernel; kx++) {
          if (tapCoordinate(width, ox, kx) === x) found.push({ outY: oy, outX: ox, kernelY: ky, kernelX: kx });
        }
      }
    }
  }
  return found;
}

/**
 * Which coordinates along one axis (padding included, from −padBefore to input + padAfter + overhang − 1)
 * some tap of some window reads: the cells that the floor of the output size or the holes of dilation leave out are false.
 */
export function axisCoverage(axis: AxisGeometry): { first: number; read: boolean[] } {
  const first = -axis.padBefore;
  const read = new Array<boolean>(axis.padBefore + axis.input + axis.padAfter + axis.overhang).fill(false);
  for (let o = 0; o < axis.output; o++) {
    for (let k = 0; k < axis.kernel; k++) {
      const index = tapCoordinate(axis, o, k) - first;
      if (index >= 0 && index < read.length) read[index] = true;
    }
  }
  return { first, read };
}
