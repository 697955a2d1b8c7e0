/**
 * The numbers a lesson quotes, computed by src/calc at build time. `<Fact>`, `<SummaryText>` and
 * `<ParamChart>` render through here; the drift test asks `derivedNumbers` which numbers a lesson's
 * prose may contain, and the exercise set which numbers its answers must avoid, so the page and the
 * tests agree on what a fact means.
 * A fact that does not resolve throws: a lesson must never show a broken number.
 */
import {
  add,
  describeDiagnostic,
  activationBytes,
  equationText,
  evaluate,
  flopsOf,
  outputValues,
  formulaText,
  groupDigits,
  isWindowStep,
  mul,
  num,
  outputText,
  readableMemorySize,
  shapeList,
  weightsText,
  type Model,
  type ModelLayer,
  type OutputShape,
  type Shape,
  type Term,
  type Weight,
} from '@calc/basics.ts';
import { computeTotals, resolveLayer, summarize, totalsOf, type Row, type Summary } from '@calc/engine.ts';
import type { CalculatorPreset, Fact, LayerFact, LessonModule, ModelFact } from './types.ts';

/** What `<Fact show>` can print about one layer (or one row of a model). */
export type LayerShow =
  | 'params'
  | 'trainable'
  | 'nonTrainable'
  | 'shape'
  | 'equation'
  | 'formula'
  | 'weights'
  | 'bytes'
  | 'macs'
  | 'macsEquation'
  | 'flops'
  | 'values'
  | 'activationBytes';
/** What it can print about a whole model, besides `row:<layer name>:<LayerShow>`. */
export type ModelShow =
  | 'total'
  | 'trainableTotal'
  | 'nonTrainableTotal'
  | 'bytes'
  | 'shape'
  | 'params'
  | 'trainable'
  | 'nonTrainable'
  | 'macs'
  | 'flops';
export type FactShow = LayerShow | ModelShow | `row:${string}:${LayerShow}`;

const LAYER_SHOWS: readonly LayerShow[] = [
  'params',
  'trainable',
  'nonTrainable',
  'shape',
  'equation',
  'formula',
  'weights',
  'bytes',
  'macs',
  'macsEquation',
  'flops',
  'values',
  'activationBytes',
];

/** A MAC or FLOP count a lesson quotes; unknown counts (a None size) cannot be quoted. */
function knownCount(n: number | null, where: string): string {
  if (n === null) throw new BrokenFact(`${where}: its multiply-accumulates depend on a None size, so there is no number to quote`);
  return groupDigits(n);
}

export const isModelFact = (fact: Fact): fact is ModelFact => 'model' in fact;

/** `Conv2D "conv2d_1" on (None, 13, 13, 32)` or `model "sequential"`: where a broken fact is. */
export function factLabel(fact: Fact): string {
  if (isModelFact(fact)) return `model "${fact.model.name ?? fact.model.kind}"`;
  const name = fact.layer.name ? ` "${fact.layer.name}"` : '';
  return `${fact.layer.type}${name} on ${inputText(fact.input)}`;
}

const inputText = (input: Shape | Shape[]): string => outputText(input);

/** Thrown when a lesson quotes a fact that src/calc cannot compute; the build stops with it. */
export class BrokenFact extends Error {
  override name = 'BrokenFact';
}

const resolved = new WeakMap<object, Row | Summary>();

/** The resolved row of a layer fact, or throw with src/calc's diagnostic. */
export function resolveLayerFact(fact: LayerFact): Row {
  const cached = resolved.get(fact);
  if (cached) return cached as Row;
  const result = resolveLayer(fact.layer, fact.input);
  if (!result.ok) throw new BrokenFact(`the lesson fact ${factLabel(fact)} does not resolve: ${describeDiagnostic(result.error)}`);
  resolved.set(fact, result.row);
  return result.row;
}

/** The summary of a model fact, or throw with the first layer's diagnostic. */
export function resolveModelFact(fact: ModelFact): Summary {
  const cached = resolved.get(fact);
  if (cached) return cached as Summary;
  const summary = summarize(fact.model);
  if (summary.error) throw new BrokenFact(`the lesson fact ${factLabel(fact)} does not resolve: ${describeDiagnostic(summary.error)}`);
  resolved.set(fact, summary);
  return summary;
}

/** A layer fact resolves to its row, a model fact to its summary. */
export function resolveFact(fact: LayerFact): Row;
export function resolveFact(fact: ModelFact): Summary;
export function resolveFact(fact: Fact): Row | Summary;
export function resolveFact(fact: Fact): Row | Summary {
  if (fact === undefined || fact === null || typeof fact !== 'object') {
    throw new BrokenFact(`a lesson quotes a fact that is ${String(fact)}: check the name after facts. in the MDX`);
  }
  return isModelFact(fact) ? resolveModelFact(fact) : resolveLayerFact(fact);
}

/** Keras 3's shape text: `(None, 11, 11, 64)`, or a list of them for several outputs. */

const weightCount = (w: Weight): number => w.shape.reduce((a, b) => a * b, 1);

/** The layer's teaching formula; a layer with weights but no formula gets the sum of its weight sizes. */
export function formulaOf(row: Row, where: string): Term {
  if (row.formula) return row.formula;
  if (row.weights.length === 0) {
    throw new BrokenFact(`${where} has no weights, so it has no parameter formula: show "params" (0) instead of an equation`);
  }
  const sizes = row.weights.map((w) =>
    w.shape.length > 1 ? mul(...w.shape.map((d) => num(d, 'elements'))) : num(weightCount(w), 'elements'),
  );
  return sizes.length === 1 ? sizes[0]! : add(...sizes);
}

/** One layer's (or one row's) number as a lesson prints it. */
function layerText(row: Row, show: LayerShow, where: string, separator = '; '): string {
  switch (show) {
    case 'params':
      return groupDigits(row.params);
    case 'trainable':
      return groupDigits(row.trainable);
    case 'nonTrainable':
      return groupDigits(row.nonTrainable);
    case 'shape':
      return outputText(row.outputShape);
    case 'equation':
      return equationText(formulaOf(row, where));
    case 'formula':
      return formulaText(formulaOf(row, where));
    case 'weights': {
      if (row.weights.length === 0) throw new BrokenFact(`${where} has no weights to list`);
      return weightsText(row.weights, separator);
    }
    case 'bytes':
      return readableMemorySize(totalsOf(row.weights).bytes);
    case 'macs':
      return knownCount(row.macs, where);
    case 'flops':
      return knownCount(flopsOf(row.macs), where);
    case 'values':
      return knownCount(outputValues(row.outputShape), where);
    case 'activationBytes': {
      const bytes = activationBytes(row.outputShape);
      if (bytes === null) throw new BrokenFact(`${where}: its output has a None size, so its memory is unknown`);
      return readableMemorySize(bytes);
    }
    case 'macsEquation':
      if (!row.macsFormula) throw new BrokenFact(`${where} counts no multiply-accumulates to write out`);
      return equationText(row.macsFormula);
  }
}

/** The row named `name` in a summary, looking inside nested models too. */
export function findRow(rows: readonly Row[], name: string): Row | undefined {
  for (const row of rows) if (row.name === name) return row;
  for (const row of rows) {
    const inner = row.children ? findRow(row.children, name) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** A whole model's number as a lesson prints it. */
function modelText(summary: Summary, show: FactShow, where: string, separator = '; '): string {
  const t = summary.totals;
  if (show.startsWith('row:')) {
    const [, name = '', what = ''] = /^row:(.*):([^:]*)$/.exec(show) ?? [];
    const row = findRow(summary.rows, name);
    if (!row) throw new BrokenFact(`${where} has no layer named "${name}" (its layers: ${summary.rows.map((r) => r.name).join(', ')})`);
    if (!(LAYER_SHOWS as readonly string[]).includes(what))
      throw new BrokenFact(`${where}: show="${show}" asks for "${what}", which is none of ${LAYER_SHOWS.join(', ')}`);
    return layerText(row, what as LayerShow, `${where}, layer ${name}`, separator);
  }
  switch (show) {
    case 'total':
    case 'params':
      return groupDigits(t.params);
    case 'trainableTotal':
    case 'trainable':
      return groupDigits(t.trainable);
    case 'nonTrainableTotal':
    case 'nonTrainable':
      return groupDigits(t.nonTrainable);
    case 'bytes':
      return readableMemorySize(t.bytes);
    case 'shape':
      return outputText(summary.outputs);
    case 'macs':
      return knownCount(computeTotals(summary.rows).macs, where);
    case 'flops':
      return knownCount(computeTotals(summary.rows).flops, where);
    default:
      throw new BrokenFact(
        `${where}: show="${show}" is not something a model fact can show (total, trainableTotal, nonTrainableTotal, bytes, shape, row:<layer>:params|shape|…)`,
      );
  }
}

/**
 * The text `<Fact of={fact} show={show} />` renders; throws when the fact or `show` is broken.
 * `separator` joins a layer's weights (the page's language: "; " or "；").
 */
export function factText(fact: Fact, show: FactShow | string, separator = '; '): string {
  const where = `the lesson fact ${factLabel(fact)}`;
  if (isModelFact(fact)) return modelText(resolveModelFact(fact), show as FactShow, where, separator);
  const row = resolveLayerFact(fact);
  switch (show) {
    case 'total':
      return layerText(row, 'params', where);
    case 'trainableTotal':
      return layerText(row, 'trainable', where);
    case 'nonTrainableTotal':
      return layerText(row, 'nonTrainable', where);
  }
  if (!(LAYER_SHOWS as readonly string[]).includes(show)) {
    throw new BrokenFact(`${where}: show="${show}" is not something a layer fact can show (${LAYER_SHOWS.join(', ')})`);
  }
  return layerText(row, show as LayerShow, where, separator);
}

// ——— The numbers a lesson may quote (the drift test's allow-list) ———

/** Every number in a value: layer args such as `kernel_size: [3, 3]`, nested configs. */
function collectValues(value: unknown, out: Set<number>, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'number' && Number.isFinite(value)) out.add(Math.abs(value));
  else if (Array.isArray(value)) value.forEach((v) => collectValues(v, out, depth + 1));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => collectValues(v, out, depth + 1));
}

/** Each term and each run of neighbouring terms inside a × or + (the partial products a lesson walks through). */
function collectTerm(term: Term, out: Set<number>): void {
  out.add(evaluate(term));
  if (term.kind === 'num') return;
  term.terms.forEach((t) => collectTerm(t, out));
  for (let i = 0; i < term.terms.length; i++) {
    for (let j = i + 1; j <= term.terms.length; j++) {
      out.add(evaluate({ ...term, terms: term.terms.slice(i, j) }));
    }
  }
}

/** The products of every subset of a weight's dims: 3×3 = 9, 3×3×32 = 288, 3×3×32×64. */
function collectProducts(dims: readonly number[], out: Set<number>): void {
  if (dims.length > 8) {
    dims.forEach((d) => out.add(d));
    out.add(dims.reduce((a, b) => a * b, 1));
    return;
  }
  for (let mask = 1; mask < 1 << dims.length; mask++) {
    let p = 1;
    dims.forEach((d, i) => {
      if (mask & (1 << i)) p *= d;
    });
    out.add(p);
  }
}

/** `364.54` from `364.54 KB`, and the exact byte count. */
function collectBytes(bytes: number, out: Set<number>): void {
  out.add(bytes);
  out.add(Number(readableMemorySize(bytes).split(' ')[0]));
}

function collectShape(shape: OutputShape | null, out: Set<number>): void {
  if (shape === null) return;
  for (const s of shapeList(shape)) for (const d of s) if (d !== null) out.add(d);
}

/** What a resolved row lets a lesson quote. */
function collectRow(row: Row, out: Set<number>): void {
  collectShape(row.outputShape, out);
  out.add(row.params).add(row.trainable).add(row.nonTrainable);
  for (const w of row.weights) collectProducts(w.shape, out);
  if (row.weights.length) {
    collectTerm(formulaOf(row, row.name), out);
    const t = totalsOf(row.weights);
    collectBytes(t.bytes, out);
  }
  if (row.macs !== null && row.macs !== 0) out.add(row.macs).add(flopsOf(row.macs)!);
  if (row.macsFormula) collectTerm(row.macsFormula, out);
  const values = outputValues(row.outputShape);
  if (values !== null) collectBytes(activationBytes(row.outputShape)!, out.add(values));
  row.children?.forEach((c) => collectRow(c, out));
}

function collectModelArgs(model: Model, out: Set<number>): void {
  const layers: ModelLayer[] = model.kind === 'sequential' ? model.layers : model.layers.map((e) => e.layer);
  if (model.kind === 'sequential' && model.input) collectValues(model.input, out);
  for (const layer of layers) {
    collectValues(layer.args ?? {}, out);
    if (layer.model) collectModelArgs(layer.model, out);
  }
}

/**
 * The steps of the output-length arithmetic of a windowed layer (conv, pooling), per axis, read
 * off the row's window steps: the dilated kernel's span, L − span, ⌊(L − span) / s⌋, L − 1,
 * ⌊(L − 1) / s⌋, L × s, so a lesson can write `⌊(28 − 3) / 2⌋ + 1 = 13` step by step.
 */
function collectWindowArithmetic(row: Row, out: Set<number>): void {
  for (const w of row.steps.filter(isWindowStep)) {
    const length = w.inputs[0];
    if (length === null || length === undefined) continue;
    const { kernel: k, stride: s } = w;
    const span = w.dilation * (k - 1) + 1;
    for (const n of [
      span,
      length - span,
      Math.floor((length - span) / s),
      length - 1,
      Math.floor((length - 1) / s),
      length * s,
      length - k,
    ]) {
      if (Number.isFinite(n) && n >= 0) out.add(n);
    }
  }
}

/** Numbers one fact makes quotable: args, shapes, weight dims and their products, counts, bytes, formula terms. */
export function factNumbers(fact: Fact, out: Set<number> = new Set()): Set<number> {
  if (isModelFact(fact)) {
    const summary = resolveModelFact(fact);
    collectModelArgs(fact.model, out);
    summary.rows.forEach((r) => collectRow(r, out));
    const t = summary.totals;
    out.add(t.params).add(t.trainable).add(t.nonTrainable);
    const work = computeTotals(summary.rows);
    if (work.macs !== null) out.add(work.macs).add(work.flops!);
    collectBytes(t.bytes, out);
    collectBytes(t.trainableBytes, out);
    collectBytes(t.nonTrainableBytes, out);
    summary.outputs.forEach((s) => collectShape(s, out));
    return out;
  }
  collectValues(fact.layer.args ?? {}, out);
  collectValues(fact.input, out);
  const row = resolveLayerFact(fact);
  collectWindowArithmetic(row, out);
  collectRow(row, out);
  return out;
}

/** A calculator's starting layers, as the layer facts they are. */
export const calculatorFacts = (preset: CalculatorPreset): LayerFact[] => preset.layers.map((layer) => ({ layer, input: preset.input }));

/**
 * Every number a lesson's text may contain besides 0–10 and `otherNumbers`: those derived from
 * its facts and from its calculators' starting layers.
 */
export function derivedNumbers(lesson: Pick<LessonModule, 'facts' | 'calculators'>): Set<number> {
  const out = new Set<number>();
  for (const fact of Object.values(lesson.facts)) factNumbers(fact, out);
  for (const preset of Object.values(lesson.calculators)) {
    collectValues(preset.input, out);
    for (const fact of calculatorFacts(preset)) {
      collectValues(fact.layer.args ?? {}, out);
      const result = resolveLayer(fact.layer, fact.input);
      if (result.ok) {
        collectWindowArithmetic(result.row, out);
        collectRow(result.row, out);
      }
    }
  }
  return out;
}
