/**
 * Where a 1-D window falls, window by window, for the strip picture: read off the first window
 * step src/calc returned with the row (its kernel, stride, dilation and the padding it put before
 * and after). Output cell i reads input positions i·stride − before + j·dilation for j < kernel;
 * a position below 0 or past the input is a padding cell. Knows no argument and no default.
 */
import { isWindowStep, type WindowStep } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';

/** Windows drawn at most; the rest is an ellipsis with the true count beside it. */
export const STRIP_WINDOWS = 6;
/** Input cells drawn at most (padding included). */
export const STRIP_CELLS = 18;

/** One axis under a sliding window, as the engine's window step gives it. */
export interface AxisWindow {
  size: number;
  before: number;
  after: number;
  kernel: number;
  stride: number;
  dilation: number;
  /** Output cells: the windows along the axis. */
  windows: number;
}

export interface StripPlan extends AxisWindow {
  /** For each drawn window (at most STRIP_WINDOWS), the input positions it reads (negative = padding before). */
  taps: number[][];
}

/** The input positions output cell `i` reads. */
export function windowTaps(i: number, s: Pick<AxisWindow, 'before' | 'kernel' | 'stride' | 'dilation'>): number[] {
  return Array.from({ length: s.kernel }, (_, j) => i * s.stride - s.before + j * s.dilation);
}

/** A window step's axis, or null when its length is unknown or it spreads rather than slides (a transposed conv). */
export function axisWindow(w: WindowStep): AxisWindow | null {
  const size = w.inputs[0];
  const windows = w.result[0];
  if (size == null || windows == null || w.padBefore === null || w.padAfter === null) return null;
  return { size, before: w.padBefore, after: w.padAfter, kernel: w.kernel, stride: w.stride, dilation: w.dilation, windows };
}

/** The strip for a row with a sliding window of known length, or null (no window, unknown sizes, a transposed conv). */
export function stripPlan(row: Pick<Row, 'steps'>): StripPlan | null {
  const w = row.steps.find(isWindowStep);
  const base = w ? axisWindow(w) : null;
  if (!base) return null;
  const taps = Array.from({ length: Math.min(base.windows, STRIP_WINDOWS) }, (_, i) => windowTaps(i, base));
  return { ...base, taps };
}
