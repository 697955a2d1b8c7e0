/** Small facts about shapes that several layer families need. */
import { fail } from './problem.ts';
import type { DataFormat } from './args.ts';
import { shapeText } from './text.ts';
import type { Dim, Shape } from './types.ts';

/** Product of known dims, or null when any is unknown. */
export function product(dims: readonly Dim[]): number | null {
  let p = 1;
  for (const d of dims) {
    if (d === null) return null;
    p *= d;
  }
  return p;
}

/** The input must have exactly `rank` axes including batch: Conv2D wants 4. */
export function expectRank(input: Shape, rank: number, what: string): void {
  if (input.length !== rank) {
    fail('input-rank', { rank, layout: what.split(', '), input: shapeText(input), got: input.length });
  }
}

export function expectMinRank(input: Shape, rank: number): void {
  if (input.length < rank) fail('input-min-rank', { rank, input: shapeText(input) });
}

/** The axis that holds channels. */
export const channelAxis = (shape: Shape, format: DataFormat): number => (format === 'channels_first' ? 1 : shape.length - 1);

/** The channel count, which must be known to build weights. */
export function channels(shape: Shape, format: DataFormat): number {
  const c = shape[channelAxis(shape, format)];
  if (c === null || c === undefined) fail('input-channels-unknown', { input: shapeText(shape) });
  return c;
}

/** The last axis, which Dense-like layers read; must be known. */
export function lastDim(shape: Shape): number {
  const d = shape[shape.length - 1];
  if (d === null || d === undefined) fail('input-last-unknown', { input: shapeText(shape) });
  return d;
}

/** Spatial axes' positions for a rank-r spatial layer. */
export function spatialAxes(rank: number, format: DataFormat): number[] {
  // A loop, not Array.from({ length }): this runs for every conv and pooling layer, and the loop is several times faster.
  const first = format === 'channels_first' ? 2 : 1;
  const axes: number[] = [];
  for (let i = 0; i < rank; i++) axes.push(first + i);
  return axes;
}

/** Resolve a Keras axis (negative counts from the end; batch is axis 0). */
export function normalizeAxis(axis: number, rank: number, arg = 'axis'): number {
  const a = axis < 0 ? rank + axis : axis;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) fail('axis-out-of-range', { axis, rank }, arg);
  return a;
}
