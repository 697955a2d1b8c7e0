/**
 * From the editor's state to what it shows: each layer's name, output shape, count and formula
 * from src/calc's `summarize`, the first broken layer's diagnostic beside the field it names, and
 * for everything src/calc could not reach the last valid numbers, marked stale.
 */
import { equationText, groupDigits, outputText, SIZE_LIMIT } from '@calc/basics.ts';
import { summarize, type Row } from '@calc/engine.ts';
import { codeText, diagnosticText } from '@i18n/diagnostic-text.ts';
import { argLabels, pick, type Locale } from '@i18n/index.ts';
import { fieldsOf, namesOf, pastLimit, toModel, type EditorState } from './editor-model.ts';
import { totalsText, type EditorView, type LastGood, type LayerNumbers, type LayerView, type TotalsText } from './view.ts';

export type { EditorView, LastGood, LayerNumbers, LayerView, TotalsText };

const numbersOf = (row: Row): LayerNumbers => ({
  shape: outputText(row.outputShape),
  params: groupDigits(row.params),
  equation: row.formula ? equationText(row.formula) : null,
});

/** The field a diagnostic's argument belongs to (`kernel_size[0]` → `kernel_size`), if the layer has one. */
function fieldOf(state: EditorState, index: number, arg: string | undefined): string | null {
  const layer = state.layers[index];
  if (!layer || arg === undefined) return null;
  const base = arg.replace(/\[.*$/, '');
  return fieldsOf(layer.type).some((f) => f.arg === base) ? base : null;
}

/** The argument named as the calculators label it (args.json), for a problem no engine diagnostic carries. */
const argOf = (arg: string, locale: Locale): { argLabel: string } => {
  const labels = pick(argLabels, locale).arg;
  return { argLabel: Object.hasOwn(labels, arg) ? labels[arg as keyof typeof labels] : arg };
};

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
  // a number past the calculators' size limit stops the model there, as a problem src/calc found would
  const limitAt = state.layers.findIndex((l) => pastLimit(l) !== null);
  const engineAt = summary.error ? (summary.error.index ?? -1) : -1;
  const limited = limitAt >= 0 && (engineAt < 0 || limitAt <= engineAt);
  const error = limited ? null : summary.error;
  const brokenAt = limited ? limitAt : engineAt;
  const layers = state.layers.map((l, i): LayerView => {
    const row = limited && i >= limitAt ? undefined : summary.rows[i];
    if (row) return { id: l.id, name: row.name, status: 'fresh', numbers: numbersOf(row), problem: null };
    const over = limited && i === limitAt ? pastLimit(l) : null;
    if (over)
      return {
        id: l.id,
        name: names[i]!,
        status: 'broken',
        numbers: lastGood?.layers.get(l.id) ?? null,
        problem: {
          field: over.arg,
          message: codeText('size-too-large', { max: SIZE_LIMIT, entered: over.entered }, locale, argOf(over.arg, locale)),
        },
      };
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
  if (limited)
    return { view: { layers, totals: lastGood?.totals ?? null, stale: true, inputProblem: null, modelProblem: null }, good: null };
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
