/**
 * One layer built on its own, as the layer-family tests read it: `build` for a layer that must
 * resolve, `problem` for one that must not. Shared so every family checks the same invariant.
 */
import { expect } from 'vitest';
import { evaluate } from '@calc/explain.ts';
import { describe as describeDiagnostic } from '@calc/problem.ts';
import { resolveLayer } from '@calc/summarize.ts';
import type { Diagnostic, Dialect, LayerArgs, Shape } from '@calc/types.ts';

/** Build one layer; its teaching formula, whenever it has one, must equal its weight-derived count. */
export function build(type: string, args: LayerArgs, input: Shape | Shape[], dialect: Dialect = 'keras3') {
  const r = resolveLayer({ type, args }, input, dialect);
  if (!r.ok) throw new Error(`${type} did not build: ${describeDiagnostic(r.error)}`);
  if (r.row.formula) expect(evaluate(r.row.formula)).toBe(r.row.params);
  return r.row;
}

/** Build one layer that has no weights (pooling, reshaping): every row must count 0; gives its output shape. */
export function buildWeightless(type: string, args: LayerArgs, input: Shape, dialect: Dialect = 'keras3') {
  const r = resolveLayer({ type, args }, input, dialect);
  if (!r.ok) throw new Error(`${type} did not build: ${describeDiagnostic(r.error)}`);
  expect(r.row.params).toBe(0);
  expect(r.row.weights).toEqual([]);
  return r.row.outputShape;
}

/** The diagnostic a layer that cannot be built reports. */
export function problem(type: string, args: LayerArgs, input: Shape, dialect: Dialect = 'keras3'): Diagnostic {
  const r = resolveLayer({ type, args }, input, dialect);
  if (r.ok) throw new Error(`${type} built, but a diagnostic was expected`);
  return r.error;
}

/** Each weight as [name, shape], the way the lessons list a layer's tensors. */
export const weightShapes = (row: { weights: { name: string; shape: number[] }[] }) => row.weights.map((w) => [w.name, w.shape]);
