/**
 * A pasted printout as a summary the renderers can print again (Keras 3 text, Keras 2 text, JSON):
 * each row as printed, with the layer its count was worked back to (printout-explain.ts) where one
 * was found — its weights, formula and trainable split — and plain counts where none was.
 */
import { diagnostic } from './diagnostics.ts';
import { specFor } from './layers/index.ts';
import { LayerProblem } from './problem.ts';
import { explainPrinted, type Explained, type PrintedLayer } from './printout-explain.ts';
import { totalsOf, type Row, type Summary, type Totals } from './summarize.ts';
import { shapeList } from './text.ts';
import type { Dialect, Weight } from './types.ts';

/** What a reader of printouts hands over: the rows and the footer as printed. */
export interface PrintedModel {
  modelName: string | null;
  rows: readonly (PrintedLayer & { trainable: boolean | null })[];
  totals: { params: number | null; trainable: number | null; nonTrainable: number | null };
}

export interface PrintoutSummary {
  summary: Summary;
  explained: Explained[];
}

/** Explain every row and gather the rows into a summary; totals are the printed ones where printed. */
export function summaryFromPrintout(printed: PrintedModel, dialect: Dialect = 'keras3'): PrintoutSummary {
  const explained = explainPrinted(printed.rows, dialect);
  const rows = printed.rows.map((p, i) => rowFrom(p, explained[i]!));
  const computed = totalsWithin(rows);
  const summary: Summary = {
    name: printed.modelName ?? 'model',
    className: printed.rows.some((r) => r.connectedTo.length > 0) ? 'Functional' : 'Sequential',
    sequentialLike: !printed.rows.some((r) => r.connectedTo.length > 0),
    dialect,
    rows,
    totals: printedTotals(
      printed.totals,
      computed ?? { params: 0, trainable: 0, nonTrainable: 0, bytes: 0, trainableBytes: 0, nonTrainableBytes: 0 },
    ),
    outputs: [],
  };
  // printed counts whose sum is past exact arithmetic: said, as summarize says it for a model
  if (!computed) summary.error = diagnostic('model-too-many-params', { max: Number.MAX_SAFE_INTEGER });
  return { summary, explained };
}

/** The rows' totals, or undefined when they add up past exact arithmetic. */
function totalsWithin(rows: readonly Row[]): Totals | undefined {
  try {
    return totalsOf(rows.flatMap((r) => r.weights));
  } catch (e) {
    if (e instanceof LayerProblem) return undefined;
    throw e;
  }
}

/** One printed row, with what its reading built when there is one. */
function rowFrom(p: PrintedModel['rows'][number], e: Explained): Row {
  const rebuilt = e.inferred?.row;
  const frozen = p.trainable === false;
  const weights: Weight[] = rebuilt
    ? rebuilt.weights.map((w) => (frozen ? { ...w, trainable: false } : w))
    : p.params > 0
      ? [{ name: 'weights', shape: [p.params], trainable: !frozen }]
      : [];
  const t = totalsOf(weights);
  const row: Row = {
    name: p.name,
    type: p.type,
    outputShape: p.outputShape,
    params: p.params,
    trainable: t.trainable,
    nonTrainable: t.nonTrainable,
    weights,
    connectedTo: [...p.connectedTo],
    inbound: [],
    inputShapes: rebuilt ? rebuilt.inputShapes : [],
    built: p.outputShape !== null,
    layerTrainable: !frozen,
    family: rebuilt?.family ?? specFor(p.type)?.family ?? (p.type === 'InputLayer' ? 'input' : 'core'),
    macs: rebuilt && p.outputShape && shapeList(p.outputShape).length > 0 ? rebuilt.macs : null,
    steps: rebuilt?.steps ?? [],
  };
  if (rebuilt?.formula) row.formula = rebuilt.formula;
  if (e.inferred) {
    row.inferred = e.inferred.args;
    row.alternatives = e.alternatives.map((a) =>
      a.formula ? { args: a.args, input: a.input, formula: a.formula } : { args: a.args, input: a.input },
    );
  }
  return row;
}

/** The footer as printed; a figure the printout does not show comes from the rows. */
function printedTotals(printed: PrintedModel['totals'], computed: Totals): Totals {
  const params = printed.params ?? computed.params;
  const trainable = printed.trainable ?? (printed.nonTrainable !== null ? params - printed.nonTrainable : computed.trainable);
  const nonTrainable = printed.nonTrainable ?? params - trainable;
  // every weight worked back is float32: four bytes each, as the footer of such a model says
  return { params, trainable, nonTrainable, bytes: params * 4, trainableBytes: trainable * 4, nonTrainableBytes: nonTrainable * 4 };
}
