/**
 * From the editor's state to what it shows: each layer's name, output shape, count and formula
 * from src/calc's `summarize`, the first broken layer's diagnostic beside the field it names, and
 * for everything src/calc could not reach the last valid numbers, marked stale.
 */
import { equationText, groupDigits, outputText, readableMemorySize } from '@calc/basics.ts';
import { summarize, type Row, type Totals } from '@calc/engine.ts';
import { diagnosticText } from '@i18n/diagnostic-text.ts';
import type { Locale } from '@i18n/index.ts';
import { fieldsOf, namesOf, toModel, type EditorState } from './editor-model.ts';
import type { EditorView, LastGood, LayerNumbers, LayerView, TotalsText } from './view.ts';

export type { EditorView, LastGood, LayerNumbers, LayerView, TotalsText };

const numbersOf = (row: Row): LayerNumbers => ({
  shape: outputText(row.outputShape),
  params: groupDigits(row.params),
  equation: row.formula ? equationText(row.formula) : null,
});

const totalsText = (t: Totals): TotalsText => ({
  params: groupDigits(t.params),
  trainable: groupDigits(t.trainable),
  nonTrainable: groupDigits(t.nonTrainable),
  bytes: readableMemorySize(t.bytes),
});

/** The field a diagnostic's argument belongs to (`kernel_size[0]` → `kernel_size`), if the layer has one. */
function fieldOf(state: EditorState, index: number, arg: string | undefined): string | null {
  const layer = state.layers[index];
  if (!layer || arg === undefined) return null;
  const base = arg.replace(/\[.*$/, '');
  return fieldsOf(layer.type).some((f) => f.arg === base) ? base : null;
}

/** Summarize what is typed, src/calc's problems worded in `locale`; `good` is the new last-valid record when everything resolved. */
export function evaluate(
  state: EditorState,
  lastGood: LastGood | null,
  locale: Locale = 'en',
): { view: EditorView; good: LastGood | null } {
  const names = namesOf(state);
  const fallback = (id: number, name: string): LayerView => {
    const old = lastGood?.layers.get(id) ?? null;
    return { id, name, status: old ? 'stale' : 'unknown', numbers: old, problem: null };
  };
  const built = toModel(state);
  if (!built.ok) {
    return {
      view: {
        layers: state.layers.map((l, i) => fallback(l.id, names[i]!)),
        totals: lastGood?.totals ?? null,
        stale: true,
        inputProblem: { problem: built.problem, text: built.text },
        modelProblem: null,
      },
      good: null,
    };
  }
  const summary = summarize(built.model);
  const error = summary.error;
  const brokenAt = error ? (error.index ?? -1) : -1;
  const layers = state.layers.map((l, i): LayerView => {
    const row = summary.rows[i];
    if (row) return { id: l.id, name: row.name, status: 'fresh', numbers: numbersOf(row), problem: null };
    if (error && i === brokenAt)
      return {
        id: l.id,
        name: names[i]!,
        status: 'broken',
        numbers: lastGood?.layers.get(l.id) ?? null,
        problem: { field: fieldOf(state, i, error.arg), message: diagnosticText(error, locale) },
      };
    return fallback(l.id, names[i]!);
  });
  if (error) {
    const modelProblem = brokenAt < 0 ? diagnosticText(error, locale) : null;
    return { view: { layers, totals: lastGood?.totals ?? null, stale: true, inputProblem: null, modelProblem }, good: null };
  }
  const good: LastGood = {
    layers: new Map(summary.rows.map((r, i) => [state.layers[i]!.id, numbersOf(r)])),
    totals: totalsText(summary.totals),
  };
  return { view: { layers, totals: good.totals, stale: false, inputProblem: null, modelProblem: null }, good };
}
