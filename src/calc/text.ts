/**
 * The one way shapes, outputs, weights and counts are written: lessons, islands, the renderers and
 * the CLI all call these, so a reader sees `bias 64` in the prose and in the calculator alike.
 * Kept free of layer code so an island may load it with the page (basics.ts exports it).
 */
import type { OutputShape, Shape, Weight } from './types.ts';

/**
 * Keras's thousands grouping: `18,496`. A whole number past 2^53 is written with every digit it
 * holds: `String` would round it to 17 significant digits, and past 1e21 write `1e+21`.
 */
export const groupDigits = (n: number | bigint): string =>
  (typeof n === 'number' && Number.isInteger(n) && !Number.isSafeInteger(n) ? BigInt(n) : n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Keras's `(None, 26, 26, 32)`. A rank-1 shape prints `(None)`, no trailing comma. */
export const shapeText = (shape: Shape): string => `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;

/** Whether an output (or a layer's inputs) is several tensors' shapes rather than one shape. */
export const isShapeList = (s: OutputShape): s is Shape[] => s.length > 0 && Array.isArray(s[0]);

/** A layer's output as a list of shapes, whether it produces one tensor or several. */
export const shapeList = (output: OutputShape): Shape[] => (isShapeList(output) ? output : [output as Shape]);

/**
 * `(None, 26, 26, 32)` for one tensor, `[(None, 4), (None, 8)]` for several, and `?` for a layer
 * never built (null), as Keras 3's summary writes them.
 */
export function outputText(output: OutputShape | null): string {
  if (output === null) return '?';
  const shapes = shapeList(output);
  return shapes.length === 1 ? shapeText(shapes[0]!) : `[${shapes.map(shapeText).join(', ')}]`;
}

/**
 * `kernel 3×3×32×64 = 18,432`: a tensor's dims and their product. A vector or a scalar is just its
 * count, `bias 64`, `alpha 1`: writing `bias 64 = 64` would say the same number twice.
 */
export function weightText(w: Pick<Weight, 'name' | 'shape'>): string {
  const count = w.shape.reduce((a, b) => a * b, 1);
  return w.shape.length <= 1 ? `${w.name} ${groupDigits(count)}` : `${w.name} ${w.shape.join('×')} = ${groupDigits(count)}`;
}

/** `kernel 3×3×32×64 = 18,432; bias 64` */
export const weightsText = (weights: readonly Pick<Weight, 'name' | 'shape'>[], separator = '; '): string =>
  weights.map(weightText).join(separator);
