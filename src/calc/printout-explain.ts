/**
 * Explaining a printed summary row by row: from the row's type, the shape it printed, the shapes
 * it received (the row before it, or its Connected to rows) and its count, the arguments that give
 * exactly that count. Each layer's spec proposes candidates (`LayerSpec.infer`); every candidate is
 * rebuilt through the engine and kept only if it gives the printed count and shape, so an
 * explanation can never disagree with the arithmetic it shows. Several that differ in their
 * arithmetic (3 × 3 or 1 × 9? a bias or not?) make the row ambiguous; none make it unexplained.
 */
import { formulaText, type Term } from './explain.ts';
import { knownTypes, specFor } from './layers/index.ts';
import type { InferCandidate, PrintedFacts } from './registry.ts';
import { resolveLayer, type Row } from './summarize.ts';
import { shapeList } from './text.ts';
import type { Dialect, LayerArgs, OutputShape, Shape } from './types.ts';

/** What a printout says about one layer. */
export interface PrintedLayer {
  name: string;
  type: string;
  /** null where the printout shows `?` or a shape it could not read. */
  outputShape: OutputShape | null;
  params: number;
  /** `conv2d[0][0]` references (a functional model's Connected to column), empty otherwise. */
  connectedTo: readonly string[];
}

export type ExplainStatus =
  /** One set of arguments gives the count. */
  | 'exact'
  /** Several do, with different arithmetic: `alternatives` lists the others. */
  | 'ambiguous'
  /** A layer with no weights: 0 needs no arguments. */
  | 'no-weights'
  /** Arguments were tried and none gives the printed count and shape (a printout edited by hand?). */
  | 'no-match'
  /** A class Param Lab does not know (a custom layer), or one whose count it does not work back from. */
  | 'unknown-type'
  | 'not-inferred'
  /** A model used as a layer: its count is its own layers', which the printout does not list. */
  | 'nested-model';

export interface Inference {
  args: LayerArgs;
  /** The input the arguments assume: the printed one, or worked out for a first layer. */
  input: Shape | Shape[];
  /** The count as arithmetic on these arguments, evaluating to the printed count. */
  formula?: Term;
  /** The layer rebuilt through the engine from these arguments. */
  row: Row;
}

export interface Explained {
  status: ExplainStatus;
  /** The most likely arguments (Keras's defaults, even kernels first). */
  inferred?: Inference;
  /** Other arguments that give the same count with different arithmetic. */
  alternatives: Inference[];
}

/** Most candidates rebuilt per row: enough for every reading a count allows in practice. */
const MAX_CANDIDATES = 96;
/** Distinct readings kept per row. */
const MAX_READINGS = 6;

/** Explain each printed row; rows refer to each other by name for their input shapes. */
export function explainPrinted(rows: readonly PrintedLayer[], dialect: Dialect = 'keras3'): Explained[] {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const sortedNames = [...byName.keys()].sort();
  const functional = rows.some((r) => r.connectedTo.length > 0);
  // deep networks repeat the same layer on the same shapes: each distinct row is worked out once
  const seen = new Map<string, Explained>();
  return rows.map((row, i) => {
    const inputs = functional
      ? row.connectedTo.map((ref) => referencedShape(ref, byName, sortedNames))
      : [i > 0 ? firstShape(rows[i - 1]!.outputShape) : undefined];
    const key = JSON.stringify([row.type, row.outputShape, row.params, inputs]);
    const known = seen.get(key);
    if (known) return known;
    const explained = explainRow(row, inputs, dialect);
    seen.set(key, explained);
    return explained;
  });
}

function explainRow(row: PrintedLayer, inputs: (Shape | undefined)[], dialect: Dialect): Explained {
  const none = (status: ExplainStatus): Explained => ({ status, alternatives: [] });
  if (row.type === 'InputLayer') return none('no-weights');
  if (row.type === 'Sequential' || row.type === 'Functional' || row.type === 'Model') return none('nested-model');
  const type = knownType(row.type, inputs[0]);
  const spec = type === undefined ? undefined : specFor(type);
  if (!spec) return none('unknown-type');
  if (!spec.infer || row.outputShape === null) return none(row.params === 0 ? 'no-weights' : 'not-inferred');
  const outputs = shapeList(row.outputShape);
  const facts: PrintedFacts = { output: outputs[0]!, outputs, inputs, params: row.params };
  const readings = new Map<string, Inference>();
  const candidates = spec.infer(facts);
  const ordinary = candidates.filter((c) => !c.fallback);
  const tiers = [ordinary, candidates.filter((c) => c.fallback)];
  for (const tier of tiers) {
    if (readings.size > 0) break;
    collect(tier.slice(0, MAX_CANDIDATES), { ...row, type: type!, outputShape: row.outputShape }, dialect, readings);
  }
  const [first, ...rest] = readings.values();
  // a weightless layer needs no arguments for its count; its shape may still say which (a 2 × 2 pool)
  if (row.params === 0) return first ? { status: 'no-weights', inferred: first, alternatives: [] } : none('no-weights');
  if (!first) return none('no-match');
  return { status: rest.length > 0 ? 'ambiguous' : 'exact', inferred: first, alternatives: rest };
}

/** Rebuild candidates through the engine; keep each distinct reading that gives the printed count and shape. */
function collect(
  candidates: InferCandidate[],
  row: PrintedLayer & { outputShape: OutputShape },
  dialect: Dialect,
  readings: Map<string, Inference>,
): void {
  for (const candidate of candidates) {
    const built = resolveLayer({ type: row.type, args: candidate.args }, candidate.input, dialect);
    if (!built.ok || built.row.params !== row.params || !sameOutput(built.row.outputShape, row.outputShape)) continue;
    const key = built.row.formula ? formulaText(built.row.formula) : JSON.stringify(candidate.args);
    if (readings.has(key)) continue;
    const reading: Inference = { args: candidate.args, input: candidate.input, row: built.row };
    if (built.row.formula) reading.formula = built.row.formula;
    readings.set(key, reading);
    if (readings.size >= MAX_READINGS) return;
  }
}

/**
 * The class a printed type names. Keras cuts a long one with `…` (`GlobalAveragePool…`): the known
 * class it starts, and among `…1D/2D/3D` the one whose rank fits the input.
 */
/** Known classes by the cut type that starts them, worked out once per process. */
const cutTypes = new Map<string, string[]>();

function knownType(printed: string, input: Shape | undefined): string | undefined {
  if (!printed.endsWith('…')) return printed;
  let matches = cutTypes.get(printed);
  if (!matches) {
    const start = printed.slice(0, -1);
    matches = knownTypes().filter((t) => t.startsWith(start));
    cutTypes.set(printed, matches);
  }
  if (matches.length <= 1 || !input) return matches.length === 1 ? matches[0] : undefined;
  const ranked = matches.filter((t) => t.includes(`${input.length - 2}D`));
  return ranked.length === 1 ? ranked[0] : undefined;
}

/**
 * `conv2d[0][0]`: the shape of that tensor, when the row it names printed one. Keras cuts a long
 * reference with `…` (`block1a_se_resha…`): then the one row whose name it starts, and its first
 * tensor unless the cut kept the index.
 */
function referencedShape(ref: string, byName: ReadonlyMap<string, PrintedLayer>, sortedNames: readonly string[]): Shape | undefined {
  const text = ref.trim();
  const m = /^(.*?)\[(\d+)\]\[(\d+)\]$/.exec(text);
  let row = byName.get(m ? m[1]! : text);
  let tensor = m ? Number(m[3]) : 0;
  if (!row && text.endsWith('…')) {
    const cut = text.slice(0, -1);
    const bracket = cut.indexOf('[');
    if (bracket >= 0) {
      row = byName.get(cut.slice(0, bracket));
      tensor = Number(/^\[\d+\]\[(\d+)\]/.exec(cut.slice(bracket))?.[1] ?? 0);
    } else row = byName.get(onlyNameStarting(cut, sortedNames) ?? '');
  }
  if (!row?.outputShape) return undefined;
  return shapeList(row.outputShape)[tensor];
}

/** The one name that starts with `prefix`, found by binary search in the sorted names; undefined for none or several. */
function onlyNameStarting(prefix: string, sorted: readonly string[]): string | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const first = sorted[lo];
  if (first === undefined || !first.startsWith(prefix)) return undefined;
  return sorted[lo + 1]?.startsWith(prefix) ? undefined : first;
}

const firstShape = (output: OutputShape | null): Shape | undefined => (output === null ? undefined : shapeList(output)[0]);

function sameOutput(built: OutputShape | null, printed: OutputShape): boolean {
  if (built === null) return false;
  const a = shapeList(built);
  const b = shapeList(printed);
  return a.length === b.length && a.every((s, i) => s.length === b[i]!.length && s.every((d, j) => d === b[i]![j]));
}
