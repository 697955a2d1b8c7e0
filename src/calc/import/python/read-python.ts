/**
 * Keras Python code → the models it builds, without running it: parse (source.ts), follow the
 * code statically (evaluate.ts) with Keras's meaning (keras-api.ts), write each model as data
 * (to-model.ts). Which model: the ones `summary()` is called on, else every model the code binds
 * to a variable and uses in no other model; the main one is the last of those.
 */
import { diagnostic } from '../../diagnostics.ts';
import type { Model } from '../../model.ts';
import { summarize } from '../../summarize.ts';
import { shapeList } from '../../text.ts';
import type { Diagnostic, Dialect, Result, Shape } from '../../types.ts';
import { Evaluator, Halt } from './evaluate.ts';
import { Keras } from './keras-api.ts';
import { installCustomLayers } from './custom-layers.ts';
import { children, Source } from './source.ts';
import { ancestorCalls, ModelWriter, partialGraph, reachedCalls, tensorsIn, type Written } from './to-model.ts';
import { isLayer, isModel, list, type LayerObj, type Loc, type ModelObj, type TensorObj } from './values.ts';

export interface PythonModel {
  /** The variable the code binds the model to last, if any. */
  variable: string | null;
  model: Model;
  /**
   * Why the model stops short: what can be built without it is in `model` (a Sequential's layers
   * before it; a functional model's calls that do not need the layer with the problem).
   */
  problem?: Diagnostic;
  /** How the code's `summary()` call asked for it to be printed (line_length, expand_nested, show_trainable). */
  summaryOptions?: { lineLength?: number; expandNested?: boolean; showTrainable?: boolean };
}

export interface PythonRead {
  models: PythonModel[];
  /** Index in `models` of the one a single answer should show. */
  main: number;
  /** What the reader could not follow (located), whether or not a model needed it. */
  notes: Diagnostic[];
}

export interface PythonOptions {
  /** 'tf.keras' names and defaults as tf.keras 2 would (`input_1`, `model`). */
  dialect?: Dialect;
}

/** The models a Python script builds, or one located error when it builds none. */
export function readPython(text: string, options: PythonOptions = {}): Result<PythonRead> {
  const dialect = options.dialect ?? 'keras3';
  const source = new Source(text);
  const syntax = source.syntaxError();
  if (syntax) return { ok: false, error: diagnostic('python-syntax', { found: syntax.found }, syntax.at) };
  const keras = new Keras(dialect);
  const writer = new ModelWriter(dialect);
  const ev = new Evaluator(source, keras);
  // a call's outputs never change once made: each is worked out once (x.shape, unpacking, tensor arithmetic)
  const shapesOfCall = new WeakMap<object, Shape[] | Diagnostic>();
  keras.outputShapes = (t) => {
    const call = t.source.calls[t.call];
    if (!call) return outputShapes(t, writer);
    let shapes = shapesOfCall.get(call);
    if (shapes === undefined) {
      shapes = outputShapes(t, writer);
      shapesOfCall.set(call, shapes);
    }
    return shapes;
  };
  keras.prefixShape = (m, count) => {
    const written = writer.write({ ...m, layers: m.layers.slice(0, count) });
    if (written.problem || count === 0) return count === 0 && m.input && isLayer(m.input.source) ? m.input.source.batchShape : undefined;
    const s = summarize(written.model);
    return s.error ? undefined : s.outputs[0];
  };
  keras.graphLayers = (m) => {
    const written = writer.write(m);
    const byName = new Map([...reachedOps(m)].map((op) => [op.name, op]));
    return written.model.kind === 'functional' ? written.model.layers.flatMap((e) => byName.get(e.layer.name ?? '') ?? []) : [];
  };
  installCustomLayers(keras, writer, ev);
  try {
    ev.run();
  } catch (e) {
    if (e instanceof Halt) return { ok: false, error: e.diagnostic };
    if (e instanceof RangeError) return { ok: false, error: diagnostic('python-too-deep', { limit: 0 }, { line: 1, column: 1 }) };
    throw e;
  }
  const stopped = stoppedSequentials(keras, ev, writer);
  const chosen = pickModels(keras, ev, new Set(stopped.map((s) => s.obj)));
  const unfinished = unfinishedModel(keras, ev, writer, source);
  // a model-building statement that failed after the model shown was made: that model is not the answer
  const lastMade = Math.max(...chosen.map((m) => m.at.line));
  const failed = ev.problems.find((p) => MODEL_BUILDING.has(p.code) && (p.line ?? 0) > lastMade);
  if (failed && !unfinished && !stopped.some((s) => s.failed === failed)) return { ok: false, error: failed };
  if (chosen.length === 0 && !unfinished && stopped.length === 0) {
    const first = ev.problems[0];
    return { ok: false, error: first ?? diagnostic('python-no-model', {}, { line: 1, column: 1 }) };
  }
  const variables = new Map<ModelObj, string>();
  for (const [name, value] of ev.global.vars) if (isModel(value)) variables.set(value, name);
  const models = chosen.map((obj): PythonModel => {
    const written = writeShown(obj, keras, writer);
    const m: PythonModel = { variable: variables.get(obj) ?? null, model: written.model };
    if (written.problem) m.problem = written.problem;
    if (obj.summaryOptions) m.summaryOptions = obj.summaryOptions;
    return m;
  });
  // a model a problem interrupted is shown unless a model was finished after the problem
  const madeAt: (Loc | undefined)[] = chosen.map((m) => m.at);
  const interrupted = [...stopped.map((s) => s.model), ...(unfinished ? [unfinished] : [])];
  interrupted.sort((a, b) => (before(a.problem, b.problem) ? -1 : before(b.problem, a.problem) ? 1 : 0));
  for (const m of interrupted) {
    const at = m.problem;
    const later = madeAt.findIndex((made) => made !== undefined && before(at, { ...at, ...made }));
    const i = later === -1 ? models.length : later;
    models.splice(i, 0, m);
    madeAt.splice(i, 0, undefined);
  }
  return { ok: true, value: { models, main: models.length - 1, notes: ev.problems } };
}

/**
 * A model as the answer shows it: a functional model with a problem keeps what can be built
 * before it (the calls of its graph that do not need the layer with the problem).
 */
function writeShown(obj: ModelObj, keras: Keras, writer: ModelWriter): Written {
  const written = writer.write(obj);
  if (!written.problem || obj.variant !== 'functional') return written;
  const outputs = tensorsIn(obj.outputs ?? null);
  const graph = partialGraph(tensorsIn(obj.inputs ?? null), keras.callLog, (op) => writer.layer(op).problem, ancestorCalls(outputs));
  if (!graph) return written;
  const partial = writer.write({ ...obj, inputs: list(graph.inputs), outputs: list(graph.outputs) });
  return partial.problem ? written : { model: partial.model, problem: written.problem };
}

/**
 * The functional model a problem stopped before `keras.Model(...)` made it (or while it did): the
 * keras.Input tensors no model took, and every call made on them that can be built. Only when a
 * statement building a model failed after the first of those inputs, or a layer called on them has
 * a problem; undefined when nothing on them can be built.
 */
function unfinishedModel(
  keras: Keras,
  ev: Evaluator,
  writer: ModelWriter,
  source: Source,
): (PythonModel & { problem: Diagnostic }) | undefined {
  const taken = new Set<object>();
  for (const m of keras.models) {
    for (const t of tensorsIn(m.inputs ?? null)) taken.add(t.source);
    if (m.input) taken.add(m.input.source);
  }
  const seeds = keras.inputTensors.filter((t) => !taken.has(t.source));
  if (seeds.length === 0) return undefined;
  const first = seeds[0]!.source.at;
  const failed = ev.problems.find(
    (p) => MODEL_BUILDING.has(p.code) && ((p.line ?? 0) > first.line || (p.line === first.line && (p.column ?? 0) >= first.column)),
  );
  const graph = partialGraph(seeds, keras.callLog, (op) => writer.layer(op).problem);
  if (!graph) return undefined;
  // the earlier of the two, where the code stopped first
  const problem = graph.problem && failed ? (before(failed, graph.problem) ? failed : graph.problem) : (graph.problem ?? failed);
  if (!problem) return undefined;
  const obj: ModelObj = {
    kind: 'model',
    variant: 'functional',
    name: keras.namer.model('functional'),
    trainable: true,
    at: first,
    calls: [],
    layers: [],
    inputs: list(graph.inputs),
    outputs: list(graph.outputs),
  };
  const written = writer.write(obj);
  if (written.problem) return undefined;
  return { variable: problem === failed ? assignedModel(source, problem) : null, model: written.model, problem };
}

/**
 * `name = keras.Sequential([...])` stopped by a problem in its list: the Sequential of the items
 * made before it, bound to `name`, with the first problem met (a kept layer's, else the list's).
 */
function stoppedSequentials(
  keras: Keras,
  ev: Evaluator,
  writer: ModelWriter,
): { obj: ModelObj; failed: Diagnostic; model: PythonModel & { problem: Diagnostic } }[] {
  return keras.stoppedSequentials.flatMap((s) => {
    const obj = keras.buildStopped(s, ev);
    if (!obj) return [];
    const written = writer.write(obj);
    return [{ obj, failed: s.problem, model: { variable: s.variable, model: written.model, problem: written.problem ?? s.problem } }];
  });
}

/** `model = keras.Model(…)` failing at `at`: the variable it was to be bound to. */
function assignedModel(source: Source, at: Diagnostic): string | null {
  for (const node of children(source.tree.topNode)) {
    const [from, to] = [source.at(node), source.loc(node.to)];
    const inside = !before(at, { ...at, ...from }) && before(at, { ...at, ...to });
    if (!inside) continue;
    const bound = /^([A-Za-z_]\w*)\s*=\s*(?:[\w.]+\.)?(?:Model|Functional)\s*\(/.exec(source.textOf(node));
    return bound ? bound[1]! : null;
  }
  return null;
}

/** Whether diagnostic `a` is located before `b`. */
function before(a: Diagnostic, b: Diagnostic): boolean {
  return (a.line ?? 0) < (b.line ?? 0) || (a.line === b.line && (a.column ?? 0) < (b.column ?? 0));
}

/** Problems that mean a statement building a model failed (not a condition or loop left unfollowed). */
const MODEL_BUILDING = new Set<string>([
  'python-not-static',
  'python-model-not-tensors',
  'python-graph-disconnected',
  'python-not-a-layer',
  'python-bad-argument',
  'python-too-many-arguments',
  'python-argument-twice',
  'python-application-options',
  'python-application-argument',
  'python-unexpected-argument',
  'python-application-square',
  'python-no-layer',
  'python-no-layer-close',
  'python-no-application',
  'python-no-application-close',
]);

/** The models to show: those summarised, else the top-level models bound to variables, else the last made. */
function pickModels(keras: Keras, ev: Evaluator, stopped: ReadonlySet<ModelObj>): ModelObj[] {
  if (keras.summarized.length > 0) return [...new Set(keras.summarized)];
  // a model listed in a Sequential or called on tensors is a layer of another model
  const inner = new Set<ModelObj>(keras.models.filter((m) => m.calls.length > 0));
  for (const m of keras.models) for (const l of m.layers) if (isModel(l)) inner.add(l);
  const bound = new Set<ModelObj>();
  for (const value of ev.global.vars.values()) if (isModel(value) && !inner.has(value)) bound.add(value);
  const top = keras.models.filter((m) => bound.has(m));
  if (top.length > 0) return top;
  // the last model built that is not part of another (a model inside a custom layer is not the answer)
  const last = keras.models.filter((m) => !inner.has(m) && !stopped.has(m)).at(-1);
  return last ? [last] : [];
}

/** The layers and models a functional model's graph goes through. */
function reachedOps(m: ModelObj): Iterable<LayerObj | ModelObj> {
  const g = reachedCalls(tensorsIn(m.inputs ?? null), tensorsIn(m.outputs ?? null));
  return 'calls' in g ? g.calls.keys() : [];
}

/** The shapes of a call's outputs, worked out by the engine on the graph that leads to it. */
function outputShapes(t: TensorObj, writer: ModelWriter): Shape[] | Diagnostic {
  const inputs: TensorObj[] = [];
  const seen = new Set<object>();
  const walk = (x: TensorObj): void => {
    const key = x.source.calls[x.call] ?? x.source;
    if (seen.has(key)) return;
    seen.add(key);
    if (isLayer(x.source) && x.source.type === 'InputLayer') {
      inputs.push({ kind: 'tensor', source: x.source, call: 0, index: 0 });
      return;
    }
    const call = x.source.calls[x.call];
    if (!call) return;
    for (const v of [...call.args, ...call.kwargs.values()]) for (const i of tensorsIn(v)) walk(i);
  };
  walk(t);
  const probe: ModelObj = {
    kind: 'model',
    variant: 'functional',
    name: '__probe__',
    trainable: true,
    at: { line: 1, column: 1 },
    calls: [],
    layers: [],
    inputs: { kind: 'list', items: inputs },
    outputs: { kind: 'tensor', source: t.source, call: t.call, index: 0 },
  };
  const written = writer.write(probe);
  if (written.problem) return written.problem;
  const summary = summarize(written.model);
  if (summary.error) return summary.error;
  const row = summary.rows.find((r) => r.name === t.source.name);
  if (row?.outputShape) return shapeList(row.outputShape);
  return summary.outputs;
}
