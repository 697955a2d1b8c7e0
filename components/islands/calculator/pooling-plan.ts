/**
 * Where a pooling layer's windows fall on its input, for the grid picture: read off the window
 * steps src/calc returned with the row (the windows per axis are the step's result; the padding
 * before and after and the trailing positions no window reads are the step's own numbers).
 * This module only lines those numbers up per axis; it knows no argument and no default.
 */
import { isWindowStep } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';

export interface PoolAxis {
  size: number;
  pool: number;
  stride: number;
  /** Windows along this axis: the layer's output size. */
  windows: number;
  /** Padding added before and after ("same"). */
  before: number;
  after: number;
  /** Trailing input positions no window reaches (the floor of "valid"). */
  dropped: number;
}

/** The grid of a pooling layer with one or two window axes, or null for any other row (or unknown sizes). */
export function poolingPlan(row: Pick<Row, 'family' | 'steps'>): PoolAxis[] | null {
  if (row.family !== 'pooling') return null;
  const windows = row.steps.filter(isWindowStep);
  // the picture is a row of cells or a grid: 1-D and 2-D windows
  if (windows.length === 0 || windows.length > 2) return null;
  const axes: PoolAxis[] = [];
  for (const w of windows) {
    const size = w.inputs[0];
    const out = w.result[0];
    if (
      size === null ||
      size === undefined ||
      out === null ||
      out === undefined ||
      w.padBefore === null ||
      w.padAfter === null ||
      w.dropped === null
    )
      return null;
    axes.push({ size, pool: w.kernel, stride: w.stride, windows: out, before: w.padBefore, after: w.padAfter, dropped: w.dropped });
  }
  return axes;
}
