/**
 * What the grid-to-row picture draws: the shape step that multiplies several input axes into one
 * (the engine's 'product' rule), read off the row; it knows no layer type.
 */
import type { Row } from '@calc/engine.ts';

export interface FlattenPlan {
  /** The axes multiplied, in order (`[5, 5, 64]`). */
  dims: number[];
  /** Their product: the row's length. */
  length: number;
}

/** The grid and the row it becomes, or null when no step multiplies axes of known size. */
export function flattenPlan(row: Pick<Row, 'steps'>): FlattenPlan | null {
  const step = row.steps.find((s) => s.rule === 'product');
  const length = step?.result[0];
  if (!step || length == null || step.inputs.length < 2 || step.inputs.some((d) => d == null)) return null;
  return { dims: step.inputs as number[], length };
}
