/**
 * From what the lab holds to what it shows, through src/calc: the summary's rows as table cells,
 * per-layer multiply-accumulates and activation memory, totals, and for a built model which layer
 * of the state each row is, and where the first problem sits. Loaded with the engine, on demand.
 */
import {
  activationBytes,
  equationText,
  flopsOf,
  groupDigits,
  outputText,
  readableMemorySize,
  type Diagnostic,
  type LayerArgs,
  type Model,
} from '@calc/basics.ts';
import { computeTotals, kerasDefaults, layerSpecs, summarize, totalsOf, type Row, type Summary } from '@calc/engine.ts';
import { explainRows, type Explanation, type RoleStrings, type SummaryExplorerStrings } from '../summary-explorer/explain-row.ts';
import { literalText } from './literal.ts';
import { wordDiagnostic, type DiagnosticWords } from '@i18n/diagnostic-words.ts';
import type { Locale } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import { toModel, type Catalog, type LabState, type TypedProblem } from './lab-state.ts';
import type en from '@i18n/en/lab.json';
import { totalsText, type TotalsText } from '../model-editor/view.ts';

export type LabStrings = typeof en;

/** Arguments no field offers (lab-state.ts leaves them out too). */
const NOT_FIELDS = new Set(['name', 'dtype', 'trainable', 'batch_shape', 'batch_input_shape', 'input_shape']);

let cached: Catalog | null = null;

/** Every layer type src/calc knows, with the arguments its spec reads and Keras's defaults for them. */
export function catalog(): Catalog {
  if (cached) return cached;
  const map = new Map<string, import('./lab-state.ts').TypeInfo>();
  for (const [type, spec] of layerSpecs) {
    // inputs and models are not layers to add; a registered custom name (`Custom>…`) is a file's, not a
    // Keras class; a layer whose example is another dialect's (tf.keras 1.x's CuDNNLSTM) is not Keras 3's
    if (spec.family === 'input' || spec.family === 'model' || type.includes('>')) continue;
    if (spec.example.dialect !== undefined && spec.example.dialect !== 'keras3') continue;
    const defaults = kerasDefaults(type) ?? {};
    const example = spec.example.args ?? {};
    const args = [...new Set([...(spec.positional ?? []), ...Object.keys(example), ...Object.keys(defaults)])].filter(
      (a) => !NOT_FIELDS.has(a),
    );
    map.set(type, { family: spec.family, args, defaults, example, takes: spec.takes ?? 'one' });
  }
  cached = new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
  return cached;
}

export interface RowView {
  /** Unique among the rows: the layer's name, with its parents' for a nested row. */
  key: string;
  /** The state's layer or input id, when the lab built the model. */
  stateId?: number | undefined;
  /** Index in the top-level summary rows (nested rows: their parent's). */
  top: number;
  depth: number;
  /** Where the row is: its index among the top-level rows, then among each nested model's. */
  path: number[];
  /** A layer the model never reached: the one with the problem (`broken`) or one after it. */
  status?: 'broken' | 'pending';
  name: string;
  type: string;
  shape: string;
  params: string;
  paramCount: number;
  connected: string[];
  trainable: boolean;
  macs: string | null;
  flops: string | null;
  memory: string | null;
  hasChildren: boolean;
  /** A row read from a printout: how sure its reading is. */
  reading?: 'exact' | 'ambiguous' | 'none';
}

/** Keras's totals as the model editor prints them, and the numbers Keras does not print. */
export interface TotalsView extends TotalsText {
  macs: string | null;
  flops: string | null;
  memory: string | null;
}

export interface LayerProblem {
  /** The state layer (or input) the problem belongs to; absent when it is the model's. */
  stateId?: number;
  field?: string;
  message: string;
}

export interface LabView {
  summary: Summary;
  /** The model the summary is of (a printout has none): what the exports write. */
  model?: Model;
  /** For a model the lab built: each input's and layer's name, by id (the names the table shows). */
  names?: Map<number, string>;
  /** A built graph's outputs (the layers nothing reads), when there are several. */
  outputs?: string[];
  /** Built inputs that no layer reads. */
  unusedInputs?: string[];
  rows: RowView[];
  totals: TotalsView;
  problem: LayerProblem | null;
  /** State layer ids with no row because the problem stopped the model before them. */
  pending: number[];
}

const count = (n: number | null): string | null => (n === null ? null : groupDigits(n));

function rowViews(
  rows: readonly Row[],
  depth: number,
  top: number | null,
  prefix: string,
  path: number[],
  out: RowView[],
  printout = false,
): void {
  rows.forEach((row, i) => {
    const key = prefix ? `${prefix}/${row.name}` : row.name;
    const bytes = activationBytes(row.outputShape);
    const reading = row.inferred
      ? row.alternatives && row.alternatives.length > 0
        ? 'ambiguous'
        : 'exact'
      : printout && row.params > 0
        ? 'none'
        : undefined;
    out.push({
      key,
      top: top ?? i,
      depth,
      path: [...path, i],
      name: row.name,
      type: row.type,
      shape: outputText(row.outputShape),
      params: row.built ? groupDigits(row.params) : '0 (unbuilt)',
      paramCount: row.params,
      connected: row.connectedTo,
      trainable: row.layerTrainable,
      macs: count(row.macs),
      flops: count(flopsOf(row.macs)),
      memory: bytes === null ? null : readableMemorySize(bytes),
      hasChildren: (row.children?.length ?? 0) > 0,
      ...(reading ? { reading } : {}),
    });
    if (row.children) rowViews(row.children, depth + 1, top ?? i, key, [...path, i], out, printout);
  });
}

/** Totals for the footer: Keras's three lines, then the numbers Keras does not print. */
export function totalsView(summary: Summary): TotalsView {
  const { macs, flops } = computeTotals(summary.rows);
  let memory: number | null = 0;
  for (const r of summary.rows) {
    const b = activationBytes(r.outputShape);
    memory = memory === null || b === null ? null : memory + b;
  }
  return {
    ...totalsText(summary.totals),
    macs: count(macs),
    flops: count(flops),
    memory: memory === null ? null : readableMemorySize(memory),
  };
}

/** A summary's rows and totals as the table shows them (a model read from a file, code or a printout). */
export function viewOf(summary: Summary, words: DiagnosticWords, locale: Locale, printout = false): LabView {
  const rows: RowView[] = [];
  rowViews(summary.rows, 0, null, '', [], rows, printout);
  return {
    summary,
    rows,
    totals: totalsView(summary),
    // a model read from code or a file has no row for the layer that failed: the message names it
    problem: summary.error
      ? { message: wordDiagnostic(summary.error, words, locale, summary.error.layer ? { layer: summary.error.layer } : {}) }
      : null,
    pending: [],
  };
}

/** The words for a problem in what was typed. */
function typedText(problem: TypedProblem, s: LabStrings): string {
  if (problem.where === 'from') return s.problemFrom;
  if (problem.where === 'input')
    return problem.problem.problem === 'empty' ? s.problemShapeEmpty : fill(s.problemShapeDim, { text: problem.problem.text });
  const p = problem.problem;
  if (p.problem === 'empty') return s.problemEmpty;
  if (p.problem === 'unclosed') return fill(s.problemUnclosed, { column: p.column });
  return fill(s.problemUnexpected, { column: p.column, found: p.found });
}

/** The field a diagnostic's argument belongs to: `kernel_size[0]` → `kernel_size`. */
const fieldOf = (d: Diagnostic): string | undefined => d.arg?.replace(/[[.].*$/, '');

/** Summarise the built model and say which state layer each row is, and where it stopped. */
export function evaluateState(state: LabState, cat: Catalog, words: DiagnosticWords, locale: Locale, s: LabStrings): LabView {
  const built = toModel(state, cat);
  const summary = summarize(built.model);
  const view: LabView = { ...viewOf(summary, words, locale), model: built.model, names: built.names };
  if (built.model.kind === 'functional' && built.model.outputs.length > 1) view.outputs = built.model.outputs.map((o) => o.layer);
  const read = new Set(state.layers.flatMap((l) => l.from));
  const unused = state.inputs.filter((i) => !read.has(i.id)).map((i) => built.names.get(i.id) ?? '');
  if (state.layers.length > 0 && unused.length > 0) view.unusedInputs = unused;
  const idOf = new Map<string, number>();
  for (const [id, name] of built.names) idOf.set(name, id);
  for (const row of view.rows) {
    if (row.depth !== 0) continue;
    row.stateId = idOf.get(row.name);
    // a built layer keeps its key when it is renamed or moved, so its open details stay open
    if (row.stateId !== undefined) row.key = `#${row.stateId}`;
  }
  let problem: LayerProblem | null = null;
  if (built.problem) {
    const p = built.problem;
    problem = {
      stateId: p.where === 'input' ? p.id : p.layerId,
      ...(p.where === 'field' ? { field: p.arg } : {}),
      message: typedText(p, s),
    };
  } else if (summary.error) {
    const e = summary.error;
    const id = e.layer !== undefined ? idOf.get(e.layer) : undefined;
    const field = fieldOf(e);
    problem = { ...(id !== undefined ? { stateId: id } : {}), ...(field ? { field } : {}), message: wordDiagnostic(e, words, locale) };
  }
  const shown = new Set(view.rows.map((r) => r.stateId));
  const pending = state.layers.filter((l) => !shown.has(l.id));
  // the layers the model never reached still have a row, so the reader can open and fix them
  for (const l of pending) {
    view.rows.push({
      key: `#${l.id}`,
      stateId: l.id,
      top: -1,
      depth: 0,
      path: [],
      status: problem?.stateId === l.id ? 'broken' : 'pending',
      name: built.names.get(l.id) ?? '?',
      type: l.type,
      shape: '?',
      params: '?',
      paramCount: 0,
      connected: [],
      trainable: !l.frozen,
      macs: null,
      flops: null,
      memory: null,
      hasChildren: false,
    });
  }
  if (problem?.stateId !== undefined) for (const r of view.rows) if (r.stateId === problem.stateId && !r.status) r.status = 'broken';
  return { ...view, problem, pending: pending.map((l) => l.id) };
}

/** A model read from a file or code, summarised. */
export function viewOfModel(model: Model, words: DiagnosticWords, locale: Locale): LabView {
  return { ...viewOf(summarize(model), words, locale), model };
}

/** A diagnostic in the page's language. */
export const word = (d: Diagnostic, words: DiagnosticWords, locale: Locale): string => wordDiagnostic(d, words, locale);

/** Every row of a summary explained, as the lessons' summary explorer explains them. */
export const explain = (summary: Summary, s: SummaryExplorerStrings, roles: RoleStrings): Explanation[] => explainRows(summary, s, roles);

export { totalsOf };

/** Arguments as a call writes them: `filters=64, kernel_size=(3, 3)`. */
export const argsText = (args: LayerArgs): string =>
  Object.entries(args)
    .map(([k, v]) => `${k}=${literalText(v)}`)
    .join(', ');

/** A formula with its numbers: `64 × (32 × 3 × 3 + 1) = 18,496`. */
export const formulaOf = (row: Row): string | null => (row.formula ? equationText(row.formula) : null);
export const macsFormulaOf = (row: Row): string | null => (row.macsFormula ? equationText(row.macsFormula) : null);
