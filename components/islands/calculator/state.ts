/**
 * A calculator's state and how it moves: the reader's texts are always kept; each layer's
 * column shows the engine's latest row, or its last valid one marked stale while the fields
 * do not resolve. Pure functions, so the stale rules are tested without a browser.
 */
import type { Row } from '@calc/engine.ts';
import type { Diagnostic, Shape } from '@calc/basics.ts';
import type { Engine } from './engine.ts';
import {
  applyValues,
  fieldForArg,
  parseFieldText,
  startTexts,
  type Applied,
  type FieldValue,
  type ParseProblem,
  type Prepared,
} from './fields.ts';
import { poolingPlan, type PoolAxis } from './pooling-plan.ts';

/** A problem shown beside a field: the engine's diagnostic or a typing problem, both worded by the view. */
export interface Problem {
  /** The field it belongs to; null when no field matches (shown under the fields). */
  field: number | null;
  /** The layer whose column it concerns; null for typing problems, which stop every column. */
  layer: number | null;
  message: Diagnostic | ParseProblem;
}

/** What one layer's column shows. */
export interface Column {
  row: Row;
  /** The input that produced `row`, which the formula's input-derived numbers are tied to. */
  input: Shape | Shape[];
  /** Where a pooling layer's windows fall, or null for other layers. */
  pooling: PoolAxis[] | null;
  stale: boolean;
}

export interface Evaluation {
  /** Per layer: the fresh row, or null when it did not resolve. */
  rows: (Row | null)[];
  applied: Applied | null;
  problems: Problem[];
}

/** Ask the engine about every layer the fields describe. */
export function evaluate(preset: Prepared, texts: readonly string[], engine: Engine): Evaluation {
  const values: FieldValue[] = [];
  const problems: Problem[] = [];
  preset.fields.forEach((field, i) => {
    const parsed = parseFieldText(field, texts[i] ?? '', preset.rules[i] ?? null);
    if (parsed.ok) values.push(parsed.value);
    else problems.push({ field: i, layer: null, message: parsed.problem });
  });
  if (problems.length > 0) return { rows: preset.layers.map(() => null), applied: null, problems };
  const applied = applyValues(preset, values);
  const rows = applied.layers.map((layer, li) => {
    const result = engine.resolveLayer(layer, applied.input);
    if (result.ok) return result.row;
    const arg = result.error.arg;
    problems.push({ field: arg === undefined ? null : fieldForArg(preset, arg, li), layer: li, message: result.error });
    return null;
  });
  return { rows, applied, problems };
}

export interface CalcState {
  /** Exactly what the reader typed or picked, per field. */
  texts: string[];
  /** Per layer; null only when the preset itself never resolved. */
  columns: (Column | null)[];
  problems: Problem[];
  /** The field edited last: flagged too when the engine blames another field. */
  edited: number | null;
  /** The texts changed but the engine has not been asked yet (it is still loading). */
  pending: boolean;
}

/** The next state for these texts: fresh rows replace the shown ones, failed layers keep theirs, marked stale. */
export function advance(prev: CalcState | null, preset: Prepared, texts: string[], edited: number | null, engine: Engine): CalcState {
  const e = evaluate(preset, texts, engine);
  const columns = e.rows.map((row, li): Column | null => {
    if (row !== null && e.applied !== null) {
      return { row, input: e.applied.input, pooling: poolingPlan(row), stale: false };
    }
    const last = prev?.columns[li] ?? null;
    return last === null ? null : { ...last, stale: true };
  });
  return { texts, columns, problems: e.problems, edited, pending: false };
}

/** The preset's starting state (which lesson tests require to resolve). */
export const startState = (preset: Prepared, engine: Engine): CalcState => advance(null, preset, startTexts(preset), null, engine);

/** One field changed. */
export function editField(prev: CalcState, preset: Prepared, field: number, text: string, engine: Engine): CalcState {
  const texts = prev.texts.map((t, i) => (i === field ? text : t));
  return advance(prev, preset, texts, field, engine);
}

/** One field changed before the engine is there: keep the text, compute when it arrives. */
export const typedAhead = (prev: CalcState, field: number, text: string): CalcState => ({
  ...prev,
  texts: prev.texts.map((t, i) => (i === field ? text : t)),
  edited: field,
  pending: true,
});

/** True when every layer shows a fresh result: the only state worth sharing in the URL. */
export const isValid = (s: CalcState): boolean => !s.pending && s.problems.length === 0 && s.columns.every((c) => c !== null && !c.stale);

/**
 * Start from values found in the URL: all of them if they resolve together, else one at a time
 * in field order, dropping each that does not. Returns the state and the fields whose URL value was dropped.
 */
export function restore(
  preset: Prepared,
  start: CalcState,
  fromUrl: ReadonlyMap<number, string>,
  engine: Engine,
): { state: CalcState; rejected: number[] } {
  if (fromUrl.size === 0) return { state: start, rejected: [] };
  const together = advance(
    start,
    preset,
    start.texts.map((t, i) => fromUrl.get(i) ?? t),
    null,
    engine,
  );
  if (isValid(together)) return { state: together, rejected: [] };
  let state = start;
  const rejected: number[] = [];
  for (const [field, text] of [...fromUrl].sort((a, b) => a[0] - b[0])) {
    const next = editField(state, preset, field, text, engine);
    if (isValid(next)) state = next;
    else rejected.push(field);
  }
  return { state: { ...state, edited: null }, rejected };
}
