/**
 * What the weight-grid picture draws for a layer whose kernel is a 2-D matrix `(inputs, units)`
 * (a Dense layer, or any layer the engine gives such a kernel): read off the row's weights, never
 * its type. Large matrices are drawn as a capped corner of cells with the true sizes labelled.
 */
import type { Row } from '@calc/engine.ts';

/** Cells drawn per axis at most; the rest is an ellipsis with the true number beside it. */
export const MATRIX_CAP = 8;

export interface MatrixPlan {
  /** The kernel's true sizes: rows are inputs, columns are units. */
  inputs: number;
  units: number;
  /** Cells drawn per axis (≤ MATRIX_CAP). */
  rows: number;
  cols: number;
  /** Whether an axis was cut (drawn with an ellipsis). */
  rowsCut: boolean;
  colsCut: boolean;
  /** The bias row's length, or 0 when the layer has no bias. */
  bias: number;
}

/** The grid to draw, or null when the row has no 2-D `kernel`. */
export function matrixPlan(row: Pick<Row, 'weights'>): MatrixPlan | null {
  const kernel = row.weights.find((w) => w.name === 'kernel');
  if (kernel?.shape.length !== 2) return null;
  const [inputs, units] = kernel.shape as [number, number];
  const bias = row.weights.find((w) => w.name === 'bias' && w.shape.length === 1)?.shape[0] ?? 0;
  return {
    inputs,
    units,
    rows: Math.min(inputs, MATRIX_CAP),
    cols: Math.min(units, MATRIX_CAP),
    rowsCut: inputs > MATRIX_CAP,
    colsCut: units > MATRIX_CAP,
    bias,
  };
}
