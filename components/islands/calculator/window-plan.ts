/**
 * The sliding-window picture of a 2-D convolution: which input cells (padding included) one
 * output cell reads, read off the row's two window steps (kernel, stride, dilation and the
 * padding src/calc put before and after on each axis). Knows no argument and no default.
 */
import { isWindowStep } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';
import { axisWindow, windowTaps, type AxisWindow } from './strip-plan.ts';

export type { AxisWindow };

/** Input cells drawn at most per axis, padding included: a corner of a large image. */
export const WINDOW_VIEW = 14;

export interface WindowPlan {
  rows: AxisWindow;
  cols: AxisWindow;
}

/** The plan for a row with exactly two sliding axes of known size, or null (1-D or 3-D, a transposed conv, unknown sizes). */
export function windowPlan(row: Pick<Row, 'steps'>): WindowPlan | null {
  const steps = row.steps.filter(isWindowStep);
  if (steps.length !== 2) return null;
  const [rows, cols] = steps.map(axisWindow);
  return rows && cols ? { rows, cols } : null;
}

/** Input cells drawn along an axis: from the first padding cell, at most WINDOW_VIEW. */
export const drawnCells = (a: AxisWindow): number => Math.min(a.before + a.size + a.after, WINDOW_VIEW);

/** Output cells along an axis whose whole window lies inside the drawn cells: the ones a reader can pick. */
export function pickable(a: AxisWindow): number {
  let n = 0;
  while (n < a.windows && windowTaps(n, a).at(-1)! + a.before < drawnCells(a)) n++;
  return n;
}

/** The input positions output cell (r, c) reads along each axis (negative or ≥ size: padding). */
export const tapsAt = (plan: WindowPlan, r: number, c: number): { rows: number[]; cols: number[] } => ({
  rows: windowTaps(r, plan.rows),
  cols: windowTaps(c, plan.cols),
});
