/**
 * The CLI's `--format json`: the summary's numbers as data, a stable contract for scripts and
 * tests. Shapes keep `null` for the batch axis; a layer with several outputs gets a list of shapes;
 * a nested model is one row, as Keras shows it.
 */
import { add, evaluate, formulaText, type Term } from './explain.ts';
import { shapeList } from './text.ts';
import type { Row, Summary } from './summarize.ts';
import type { LayerArgs, OutputShape, Shape } from './types.ts';

export interface JsonLayer {
  name: string;
  type: string;
  /** `null` for a layer that was never built (Keras prints `?`). */
  outputShape: OutputShape | null;
  params: number;
  trainable: number;
  nonTrainable: number;
  /** The count as arithmetic on this layer's own numbers (`64 × (32 × 3 × 3 + 1)`), on every row with parameters. */
  formula?: string;
  /** Read from a printout: the arguments the count was worked back to, and other readings with their arithmetic. */
  inferred?: LayerArgs;
  /** Each with the input it assumes (a first layer's is not printed). */
  alternatives?: { args: LayerArgs; input: Shape | Shape[]; formula?: string }[];
}

export interface JsonSummary {
  name: string;
  layers: JsonLayer[];
  totals: { params: number; trainable: number; nonTrainable: number };
}

/** One output is one shape; several are a list of shapes (copies, so callers cannot alias the summary). */
function jsonShape(shape: OutputShape | null): OutputShape | null {
  if (shape === null) return null;
  const shapes = shapeList(shape).map((s) => [...s]);
  return shapes.length === 1 ? shapes[0]! : shapes;
}

function jsonLayer(row: Row): JsonLayer {
  const layer: JsonLayer = {
    name: row.name,
    type: row.type,
    outputShape: jsonShape(row.outputShape),
    params: row.params,
    trainable: row.trainable,
    nonTrainable: row.nonTrainable,
  };
  const formula = row.params > 0 ? formulaOf(row) : undefined;
  if (formula) layer.formula = formulaText(formula);
  if (row.inferred) layer.inferred = row.inferred;
  if (row.alternatives?.length) {
    layer.alternatives = row.alternatives.map((a) => ({
      args: a.args,
      input: a.input,
      ...(a.formula ? { formula: formulaText(a.formula) } : {}),
    }));
  }
  return layer;
}

/** A layer's own formula; a nested model's is its layers' formulas added up. */
function formulaOf(row: Row): Term | undefined {
  if (row.formula) return row.formula;
  const parts = (row.children ?? []).filter((c) => c.params > 0).map(formulaOf);
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const sum = parts.length === 1 ? parts[0]! : add(...(parts as Term[]));
  return evaluate(sum) === row.params ? sum : undefined;
}

/** The object `--format json` prints: `{ name, layers, totals }`, nothing else. */
export function renderJson(summary: Summary): JsonSummary {
  const { params, trainable, nonTrainable } = summary.totals;
  return { name: summary.name, layers: summary.rows.map(jsonLayer), totals: { params, trainable, nonTrainable } };
}
