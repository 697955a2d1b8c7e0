/**
 * Model description → resolved layers → summary. Shapes are resolved in dependency order, each
 * layer's weights come from its spec, and every count below is a sum over those weights.
 */
import { callCount, callGraph, callOf, isSequentialLike, refsOf, type CallGraph, type LayerEntry } from './call-graph.ts';
import { evaluate, type ShapeStep, type Term } from './explain.ts';
import {
  isTensorRef,
  type FunctionalModel,
  type Model,
  type ModelLayer,
  type NodeArg,
  type SequentialModel,
  type TensorRef,
} from './model.ts';
import { Namer } from './naming.ts';
import { addMacs } from './macs.ts';
import { KERAS3_DTYPE_BYTES } from './memory-size.ts';
import { postOrder } from './graph-order.ts';
import { diagnostic, englishMessage } from './diagnostics.ts';
import { LayerProblem } from './problem.ts';
import { buildCustom } from './custom-layer.ts';
import { specFor } from './layers/index.ts';
import {
  EngineError,
  type BuildContext,
  type Built,
  type CallShapes,
  type CallValue,
  type GateId,
  type LayerFamily,
  type LayerSpec,
} from './registry.ts';
import { isShapeList, shapeList } from './text.ts';
import type { Diagnostic, DiagnosticLocation, Dialect, LayerArgs, OutputShape, Shape, Weight, WeightDtype } from './types.ts';

/** One row of `model.summary()`, with everything needed to explain it. */
export interface Row {
  name: string;
  type: string;
  /** null when Keras prints `?` (the layer was never called or built). */
  outputShape: OutputShape | null;
  params: number;
  trainable: number;
  nonTrainable: number;
  /** The weights, with the trainable flag the model gives them. */
  weights: Weight[];
  /** `dense[0][0]`-style references to the tensors this layer was called on. */
  connectedTo: string[];
  /** The same tensors as references (a functional graph's edges, every call); empty in a Sequential model. */
  inbound: TensorRef[];
  /** The shapes its first call received, in call order: what `steps` start from. */
  inputShapes: Shape[];
  /** False for an unbuilt layer (`0 (unbuilt)`). */
  built: boolean;
  /** The layer's own `trainable` flag as Keras shows it in the Trainable column (a frozen parent freezes it too). */
  layerTrainable: boolean;
  /** What kind of layer: the explorer and calculators choose words and pictures by it, not by type name. */
  family: LayerFamily;
  formula?: Term;
  /**
   * Multiply-accumulates for one example, every call of the layer added up (a shared layer works
   * once per call); 0 when nothing is counted (macs.ts states the convention), null when a size
   * that enters it is unknown until the model runs.
   */
  macs: number | null;
  /** The arithmetic behind `macs` for the first call, on that call's sizes (absent when 0 or unknown). */
  macsFormula?: Term;
  /** A recurrent cell's gate blocks along its weights' columns, in Keras's order (registry.ts). */
  gates?: readonly GateId[];
  /** How the output shape came from the input, axis by axis; empty for inputs, nested models and unbuilt layers. */
  steps: ShapeStep[];
  /** Rows of a nested model, for `expand_nested` (wrappers such as Bidirectional are not expanded, as in Keras). */
  children?: Row[];
  /** A row read from a printout: the arguments its count was worked back to (printout-explain.ts). */
  inferred?: LayerArgs;
  /** Other arguments that give the same count with different arithmetic. */
  alternatives?: { args: LayerArgs; input: Shape | Shape[]; formula?: Term }[];
}

export interface Totals {
  params: number;
  trainable: number;
  nonTrainable: number;
  bytes: number;
  trainableBytes: number;
  nonTrainableBytes: number;
}

export interface Summary {
  name: string;
  className: string;
  /** Keras draws 3 columns for sequential-like models and adds "Connected to" otherwise. */
  sequentialLike: boolean;
  dialect: Dialect;
  rows: Row[];
  totals: Totals;
  /** The model's output shapes, when every layer resolved. */
  outputs: Shape[];
  /** The first problem met; rows hold the layers resolved before it. */
  error?: Diagnostic;
}

export interface SummarizeOptions {
  /** Supplies Keras-style default names for layers and models that have none. */
  namer?: Namer;
}

const count = (w: Weight): number => w.shape.reduce((a, b) => a * b, 1);
const bytesPerValue = (w: Weight): number => KERAS3_DTYPE_BYTES.get(w.dtype ?? 'float32') ?? 4;

/** Totals over a set of weights, split by the trainable flag. */
export function totalsOf(weights: readonly Weight[]): Totals {
  const t = noTotals();
  addWeights(t, weights);
  return exact(t);
}

/** A model's totals over its rows' weights, without gathering them into one list first. */
function totalsOfRows(rows: readonly Row[]): Totals {
  const t = noTotals();
  for (const r of rows) addWeights(t, r.weights);
  return exact(t);
}

const noTotals = (): Totals => ({ params: 0, trainable: 0, nonTrainable: 0, bytes: 0, trainableBytes: 0, nonTrainableBytes: 0 });

function addWeights(t: Totals, weights: readonly Weight[]): void {
  for (const w of weights) {
    const n = count(w);
    const b = n * bytesPerValue(w);
    t.params += n;
    t.bytes += b;
    if (w.trainable) {
      t.trainable += n;
      t.trainableBytes += b;
    } else {
      t.nonTrainable += n;
      t.nonTrainableBytes += b;
    }
  }
}

/** The totals, unless the count is past exact arithmetic. */
function exact(t: Totals): Totals {
  if (!Number.isSafeInteger(t.params)) {
    throw new LayerProblem('model-too-many-params', { max: Number.MAX_SAFE_INTEGER });
  }
  return t;
}

/** What building a nested model yields: its weights plus its own rows. */
interface NestedBuilt extends Built {
  rows: Row[];
}

/**
 * The layer's arguments over its spec's defaults. A Keras 3 file spells out every argument, so
 * the file's own object usually serves as is (specs only read args); copying a 20-key config for
 * every layer was a fifth of summarize's time on the benchmark models.
 */
function withDefaults(args: LayerArgs | undefined, defaults: LayerArgs): LayerArgs {
  if (!args) return { ...defaults };
  for (const k in defaults) if (!Object.hasOwn(args, k)) return { ...defaults, ...args };
  return args;
}

/** Internal: unwinds resolution at the first broken layer. */
class Stop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Policies whose variables are not stored as float32; a Map, since the name comes from the file. */
const VARIABLE_DTYPES = new Map<string, WeightDtype>([
  ['float16', 'float16'],
  ['bfloat16', 'bfloat16'],
  ['float64', 'float64'],
]);

/**
 * The dtype names Keras accepts for a layer (its backend dtypes and policy names); any other name
 * makes Keras refuse the layer, so it is this layer's diagnostic rather than a guess.
 */
const KERAS_DTYPES = new Set([
  'mixed_float16',
  'mixed_bfloat16',
  'float16',
  'bfloat16',
  'float32',
  'float64',
  'float',
  'int',
  'int4',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint4',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'bool',
  'string',
  'complex64',
  'complex128',
  'float8_e4m3fn',
  'float8_e5m2',
]);
const QUANTIZED_POLICY = /^(int4|int8|float8)_from_(.+)$/;
const isKerasDtype = (name: string): boolean => KERAS_DTYPES.has(name) || KERAS_DTYPES.has(QUANTIZED_POLICY.exec(name)?.[2] ?? '');

/** Apply the layer's `trainable` flag and dtype policy to what its spec built. */
function finish(built: Built, layer: ModelLayer, parentTrainable: boolean): Built {
  const trainable = parentTrainable && layer.trainable !== false;
  if (layer.dtype !== undefined && !isKerasDtype(layer.dtype))
    throw new LayerProblem('layer-dtype-unknown', { got: JSON.stringify(layer.dtype) }, 'dtype');
  const dtype = layer.dtype ? VARIABLE_DTYPES.get(layer.dtype) : undefined;
  if (trainable && !dtype) return built;
  return {
    ...built,
    weights: built.weights.map((w) => ({
      ...w,
      trainable: w.trainable && trainable,
      ...(dtype && (w.dtype ?? 'float32').startsWith('float') ? { dtype } : {}),
    })),
  };
}

/**
 * Build with the spec; a problem it blames on an argument the layer was never given (no value and
 * no default), quoting it as "undefined", is that argument being required: `layer` is required,
 * not "must be a layer to wrap, got undefined".
 */
function buildOrRequire(spec: LayerSpec, context: BuildContext): Built {
  try {
    return spec.build(context);
  } catch (e) {
    // Only where the message would quote the missing value as "undefined"; other codes say more.
    if (
      e instanceof LayerProblem &&
      e.arg !== undefined &&
      context.args[e.arg] === undefined &&
      Object.values(e.values).includes('undefined')
    ) {
      throw new LayerProblem('arg-required', {}, e.arg);
    }
    throw e;
  }
}

/** The first axis of a shape (or of any of several) that is not an exact whole number, if any. */
function inexactAxis(output: OutputShape): number | undefined {
  for (const shape of shapeList(output)) {
    const i = shape.findIndex((d) => d !== null && !(Number.isSafeInteger(d) && d >= 0));
    if (i >= 0) return i;
  }
  return undefined;
}

/**
 * What every spec promises (registry.ts): a formula exactly when there are weights, equal to their
 * count, and shape steps that set every output axis that differs from the input to its value.
 * A broken promise is Param Lab's bug, so it throws rather than becoming a reader's diagnostic.
 */
function checkExplained(type: string, input: Shape, built: Built, count: number): void {
  if (built.formula === undefined) {
    if (built.weights.length > 0) throw new EngineError(`${type}: ${count} weights and no formula`);
  } else if (evaluate(built.formula) !== count) {
    throw new EngineError(`${type}: the formula gives ${evaluate(built.formula)}, the weights ${count}`);
  }
  const { steps } = built;
  if (steps.length === 0) throw new EngineError(`${type}: no shape steps`);
  const outputs = shapeList(built.output);
  // plain loops: this runs for every layer of every model summarised
  for (const step of steps) {
    const out = outputs[step.tensor ?? 0];
    let agrees = out !== undefined && step.axes.length === step.result.length;
    for (let i = 0; agrees && i < step.axes.length; i++) {
      const a = step.axes[i]!;
      agrees = a < out!.length && out![a] === step.result[i];
    }
    if (!agrees) {
      throw new EngineError(
        `${type}: a ${step.rule} step sets ${JSON.stringify(step.axes)} to ${JSON.stringify(step.result)}, the output is ${JSON.stringify(built.output)}`,
      );
    }
  }
  // every step's result is the output's, so an axis some step names is explained
  for (let t = 0; t < outputs.length; t++) {
    const out = outputs[t]!;
    for (let a = 0; a < out.length; a++) {
      if (a < input.length && out[a] === input[a]) continue;
      let explained = false;
      for (const s of steps) explained ||= (s.tensor ?? 0) === t && s.axes.includes(a);
      if (!explained) {
        throw new EngineError(`${type}: no step explains axis ${a} of output ${t} (${JSON.stringify(out)} from ${JSON.stringify(input)})`);
      }
    }
  }
}

class Resolver {
  constructor(
    readonly dialect: Dialect,
    readonly namer: Namer,
  ) {}

  /** Build one layer on the shapes it is called with; a problem stops resolution at `where`. */
  build(layer: ModelLayer, call: CallShapes, where: DiagnosticLocation, parentTrainable: boolean, recorded?: OutputShape): Built {
    if (layer.model) {
      const inputs = flattenShapes(call);
      const inner = this.summarizeOn(layer.model, inputs, parentTrainable && layer.trainable !== false);
      if (inner.error) {
        const e = inner.error;
        throw new Stop(wrapped('nested-model-problem', where, e));
      }
      const out = inner.outputs.length === 1 ? inner.outputs[0]! : inner.outputs;
      const nested: NestedBuilt = { output: out, weights: inner.rows.flatMap((r) => r.weights), rows: inner.rows, steps: [] };
      return nested;
    }
    try {
      return this.buildFromSpec(layer, call, parentTrainable, recorded);
    } catch (e) {
      if (e instanceof LayerProblem) throw stopAt(where, e);
      throw e;
    }
  }

  /** A layer from its spec; its problems are LayerProblems, which the caller locates. */
  private buildFromSpec(layer: ModelLayer, call: CallShapes, parentTrainable: boolean, recorded?: OutputShape): Built {
    const spec = specFor(layer.type);
    if (layer.custom) {
      const inputs = flattenShapes(call);
      if (inputs.length === 0) throw new LayerProblem('layer-no-input', {});
      const built = finish(buildCustom(layer.custom, inputs[0]!), layer, parentTrainable);
      checkExplained(layer.type, inputs[0]!, built, totalsOf(built.weights).params);
      return built;
    }
    if (!spec) throw new LayerProblem('layer-unknown-type', { type: layer.type });
    const defaults = typeof spec.defaults === 'function' ? spec.defaults(this.dialect) : spec.defaults;
    const args = withDefaults(layer.args, defaults);
    const inputs = flattenShapes(call);
    if (inputs.length === 0) throw new LayerProblem('layer-no-input', {});
    const context: BuildContext = { args, inputs, input: inputs[0]!, call, dialect: this.dialect, buildInner: this.buildInner };
    if (recorded) context.recorded = recorded;
    const built = buildOrRequire(spec, context);
    // One check for every layer type: an axis past exact arithmetic (strides=1e308 → Infinity,
    // 1e200 → 8e+200) is refused here, so no spec has to guard its own arithmetic.
    const axis = inexactAxis(built.output);
    if (axis !== undefined) throw new LayerProblem('output-dim-too-large', { axis, max: Number.MAX_SAFE_INTEGER });
    const finished = finish(built, layer, parentTrainable);
    // A count past exact arithmetic (units=1e300) is this layer's diagnostic, not a crash in row().
    const { params } = totalsOf(finished.weights);
    // after the two checks above, so a count or size past exact arithmetic stays the reader's diagnostic
    checkExplained(layer.type, inputs[0]!, built, params);
    return finished;
  }

  /** The layer a wrapper (Bidirectional, TimeDistributed) wraps; its problems are the wrapper's. */
  private readonly buildInner: BuildContext['buildInner'] = (config, input) =>
    this.buildFromSpec({ type: config.type, args: config.args, name: config.name ?? '' }, { args: [input], kwargs: {} }, true);

  summarizeOn(model: Model, inputs: Shape[] | undefined, trainable = true): Summary {
    return model.kind === 'sequential' ? this.sequential(model, inputs, trainable) : this.functional(model, inputs, trainable);
  }

  sequential(model: SequentialModel, override: Shape[] | undefined, parentTrainable: boolean): Summary {
    const name = model.name ?? this.namer.model('sequential');
    const trainable = parentTrainable && model.trainable !== false;
    const named = model.layers.map((l) => ({ ...l, name: l.name ?? this.namer.layer(l.type) }));
    const rows: Row[] = [];
    let shape: OutputShape | undefined = override ? (override.length === 1 ? override[0] : override) : model.input;
    let error: Diagnostic | undefined;
    for (let index = 0; index < named.length; index++) {
      const layer = named[index]!;
      if (!shape) {
        rows.push({
          name: layer.name,
          type: layer.type,
          outputShape: null,
          params: 0,
          trainable: 0,
          nonTrainable: 0,
          weights: [],
          connectedTo: [],
          inbound: [],
          inputShapes: [],
          built: false,
          layerTrainable: trainable && layer.trainable !== false,
          family: layer.model ? 'model' : (specFor(layer.type)?.family ?? 'core'),
          macs: 0,
          steps: [],
        });
        continue;
      }
      try {
        if (isShapeList(shape)) throw new Stop(diagnostic('sequential-several-tensors', { count: shape.length }));
        const built = this.build(layer, { args: [shape], kwargs: {} }, where(layer, index), trainable, layer.recordedOutput);
        rows.push(row(layer, built, built.output, { refs: [], shapes: [shape] }, trainable));
        shape = built.output;
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        error = e.diagnostic;
        break;
      }
    }
    return this.close(
      name,
      model.className ?? 'Sequential',
      true,
      rows,
      error,
      error || !shape || rows.some((r) => !r.built) ? [] : shapeList(shape),
    );
  }

  functional(model: FunctionalModel, override: Shape[] | undefined, parentTrainable: boolean): Summary {
    const name = model.name ?? this.namer.model('functional');
    const trainable = parentTrainable && model.trainable !== false;
    const entries: LayerEntry[] = model.layers.map((e, index) => ({
      nodes: e.nodes,
      index,
      layer: { ...e.layer, name: e.layer.name ?? this.namer.layer(e.layer.type) },
    }));
    const graph = callGraph(entries);
    const broken = endpointProblem(entries, graph, model);
    if (broken) return this.close(name, model.className ?? 'Functional', true, [], broken, []);
    const inputOverride = new Map<string, Shape>();
    if (override) model.inputs.forEach((ref, i) => override[i] && inputOverride.set(ref.layer, override[i]!));

    // Resolve calls in dependency order.
    const walk = postOrder(
      graph.calls,
      (c) => c.deps,
      (c) => c.index,
    );
    if (!walk.ok) {
      const { layer, index } = walk.cycleAt.entry;
      const error = diagnostic('layer-in-cycle', {}, where(layer, index));
      return this.close(name, model.className ?? 'Functional', true, [], error, []);
    }

    // What each call produced, and each layer's first build (its weights), by index.
    const outputs: (OutputShape | undefined)[] = [];
    const firstBuild: (Built | undefined)[] = [];
    // Every call's multiply-accumulates, by layer: a shared layer works once per call.
    const callMacs: (number | null)[][] = [];
    // Shapes the file recorded where a tensor is consumed: a Lambda's output cannot be computed.
    const recorded: (Shape[] | undefined)[] = [];
    for (const call of graph.calls) {
      for (const ref of call.refs) {
        const from = callOf(graph, ref);
        if (!ref.shape || !from) continue;
        const list = (recorded[from.index] ??= []);
        list[ref.tensor] = ref.shape;
      }
    }
    const shapeOf = (ref: TensorRef, from: DiagnosticLocation): Shape => {
      const call = callOf(graph, ref);
      const out = call && outputs[call.index];
      if (!out) {
        const e = graph.byName.get(ref.layer);
        if (!e) throw new Stop(diagnostic('inbound-unknown-layer', { target: ref.layer }, from));
        throw new Stop(diagnostic('inbound-unknown-call', { target: ref.layer, node: ref.node, calls: callCount(e) }, from));
      }
      const list = shapeList(out);
      const s = list[ref.tensor];
      if (!s) throw new Stop(diagnostic('inbound-unknown-output', { target: ref.layer, tensor: ref.tensor, count: list.length }, from));
      return s;
    };
    const mapArg = (a: NodeArg, from: DiagnosticLocation): CallValue => {
      if (isTensorRef(a)) return shapeOf(a, from);
      if (Array.isArray(a)) return a.map((x) => mapArg(x, from));
      if (a !== null && typeof a === 'object') return null;
      return a;
    };

    let error: Diagnostic | undefined;
    for (const call of walk.order) {
      const { entry } = call;
      const at = where(entry.layer, entry.index);
      try {
        if (entry.layer.type === 'InputLayer') {
          outputs[call.index] = inputOverride.get(entry.layer.name) ?? inputShape(entry.layer, at);
          continue;
        }
        const node = entry.nodes[call.node]!;
        const shapes: CallShapes = {
          args: node.args.map((a) => mapArg(a, at)),
          kwargs: Object.fromEntries(Object.entries(node.kwargs).map(([key, v]) => [key, mapArg(v, at)])),
        };
        const seen = recorded[call.index];
        const built = this.build(entry.layer, shapes, at, trainable, seen && (seen.length === 1 ? seen[0] : seen));
        firstBuild[entry.index] ??= built;
        (callMacs[entry.index] ??= []).push(macsOf(built));
        outputs[call.index] = built.output;
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        error = e.diagnostic;
        break;
      }
    }

    // Rows in Keras's order, up to the first layer that did not resolve.
    const rows: Row[] = [];
    const outputOf = (layer: string, node: number): OutputShape | undefined => {
      const call = callOf(graph, { layer, node });
      return call && outputs[call.index];
    };
    for (const entry of entries) {
      const calls = callCount(entry);
      const last = calls === 0 ? null : outputOf(entry.layer.name, calls - 1);
      if (last === undefined || (calls > 1 && !outputOf(entry.layer.name, 0))) break;
      const refs = entry.nodes.flatMap(refsOf);
      const first = entry.nodes[0] ? refsOf(entry.nodes[0]) : [];
      const shapes = first.flatMap((r) => {
        const out = outputOf(r.layer, r.node);
        const shape = out && shapeList(out)[r.tensor];
        return shape ? [shape] : [];
      });
      const built = firstBuild[graph.byName.get(entry.layer.name)!.index] ?? { output: last ?? [], weights: [], steps: [] };
      rows.push(row(entry.layer, built, last, { refs, shapes }, trainable, addMacs(callMacs[entry.index] ?? [])));
    }
    let modelOutputs: Shape[] = [];
    if (!error) {
      try {
        modelOutputs = model.outputs.map((ref) => shapeOf(ref, {}));
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        error = wrapped('model-outputs-problem', {}, e.diagnostic);
      }
    }
    const sequentialLike = error ? true : isSequentialLike(graph, model.outputs);
    return this.close(name, model.className ?? 'Functional', sequentialLike, rows, error, modelOutputs);
  }
  close(name: string, className: string, sequentialLike: boolean, rows: Row[], error: Diagnostic | undefined, outputs: Shape[]): Summary {
    let totals: Totals;
    try {
      totals = totalsOfRows(rows);
    } catch (e) {
      if (!(e instanceof LayerProblem)) throw e;
      totals = totalsOf([]);
      error ??= diagnostic(e.code, e.values as never);
    }
    return { name, className, sequentialLike, dialect: this.dialect, rows, totals, outputs, ...(error ? { error } : {}) };
  }
}

/**
 * What Keras refuses before it follows a single edge: two layers of one name (the graph cannot
 * tell them apart, and would otherwise report a cycle), an input naming no layer, no outputs.
 */
function endpointProblem(entries: readonly LayerEntry[], graph: CallGraph, model: FunctionalModel): Diagnostic | undefined {
  const seen = new Set<string>();
  for (const { layer, index } of entries) {
    if (seen.has(layer.name)) return diagnostic('layer-name-duplicate', { name: layer.name }, where(layer, index));
    seen.add(layer.name);
  }
  const missing = model.inputs.find((ref) => !graph.byName.has(ref.layer));
  if (missing) return diagnostic('model-input-unknown', { target: missing.layer }, { arg: 'input_layers' });
  if (model.outputs.length === 0) return diagnostic('model-no-outputs', {}, { arg: 'output_layers' });
  return undefined;
}

/** The diagnostic that stops resolution at the layer `where` points to. */
function stopAt(where: DiagnosticLocation, problem: LayerProblem): Stop {
  const at = problem.arg !== undefined ? { ...where, arg: problem.arg } : where;
  return new Stop(diagnostic(problem.code, problem.values as never, at));
}

/** A problem found inside something (a nested model, the model's outputs), located at `where`. */
function wrapped(code: 'nested-model-problem' | 'model-outputs-problem', where: DiagnosticLocation, cause: Diagnostic): Diagnostic {
  const e = cause;
  const inner =
    code === 'nested-model-problem' && e.layer ? `${e.layer}${e.layerType ? ` (${e.layerType})` : ''}${e.arg ? `, ${e.arg}` : ''}: ` : '';
  return { ...where, code, values: {}, message: `${englishMessage(code, {})}: ${inner}${e.message}`, cause };
}

function where(layer: ModelLayer, index: number): DiagnosticLocation {
  return { layer: layer.name!, layerType: layer.type, index, ...(layer.path ? { path: layer.path } : {}) };
}

/** What a row was called on: the tensors (every call) and the shapes of its first call. */
interface Inbound {
  refs: TensorRef[];
  shapes: Shape[];
}

/** One call's multiply-accumulates: a spec's formula, or a nested model's rows added up. */
function macsOf(built: Built | NestedBuilt): number | null {
  if ('rows' in built) return addMacs(built.rows.map((r) => r.macs));
  if (built.macs === undefined) return 0;
  return built.macs === null ? null : evaluate(built.macs);
}

function row(
  layer: ModelLayer,
  built: Built | NestedBuilt,
  output: OutputShape | null,
  inbound: Inbound,
  parentTrainable: boolean,
  macs: number | null = macsOf(built),
): Row {
  const t = totalsOf(built.weights);
  const connectedTo = inbound.refs.map((r) => `${r.layer}[${r.node}][${r.tensor}]`);
  const r: Row = {
    name: layer.name!,
    type: layer.type,
    outputShape: output,
    params: t.params,
    trainable: t.trainable,
    nonTrainable: t.nonTrainable,
    weights: built.weights,
    connectedTo,
    inbound: inbound.refs,
    inputShapes: inbound.shapes,
    built: true,
    layerTrainable: parentTrainable && layer.trainable !== false && layer.model?.trainable !== false,
    // a row no spec built is an InputLayer (an unknown type never gets a row)
    family: 'rows' in built ? 'model' : (specFor(layer.type)?.family ?? (layer.custom ? 'core' : 'input')),
    macs,
    steps: built.steps,
  };
  if (built.formula) r.formula = built.formula;
  if (built.macs && macs !== 0) r.macsFormula = built.macs;
  if (built.gates) r.gates = built.gates;
  if ('rows' in built) r.children = built.rows;
  return r;
}

/** The input shape an InputLayer declares (`batch_shape` in Keras 3, `batch_input_shape` before). */
function inputShape(layer: ModelLayer, at: DiagnosticLocation): Shape {
  const a = layer.args ?? {};
  const batch = a['batch_shape'] ?? a['batch_input_shape'];
  if (Array.isArray(batch)) return validShape(batch, at, 'batch_shape');
  if (Array.isArray(a['shape']))
    return [...validShape([a['batch_size'] ?? null], at, 'batch_size'), ...validShape(a['shape'] as unknown[], at, 'shape')];
  if (Array.isArray(a['input_shape'])) return [null, ...validShape(a['input_shape'] as unknown[], at, 'input_shape')];
  throw new Stop(diagnostic('input-layer-no-shape', {}, at));
}

function validShape(dims: unknown[], at: DiagnosticLocation, arg: string): Shape {
  for (const d of dims) {
    if (typeof d === 'number' && (!Number.isFinite(d) || d > Number.MAX_SAFE_INTEGER)) {
      throw new Stop(diagnostic('arg-too-large', { max: Number.MAX_SAFE_INTEGER }, { ...at, arg }));
    }
    if (d !== null && (typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
      throw new Stop(diagnostic('input-layer-bad-dim', { got: JSON.stringify(d) ?? String(d) }, { ...at, arg }));
    }
  }
  return dims as Shape;
}

/** Every input tensor's shape in a call, positional arguments first, then keyword ones. */
function flattenShapes(call: CallShapes): Shape[] {
  const out: Shape[] = [];
  for (const v of call.args) collectShapes(v, out);
  for (const key in call.kwargs) collectShapes(call.kwargs[key]!, out);
  return out;
}

/** A list of dims is a shape; a list of anything else may hold shapes. */
function collectShapes(v: CallValue, out: Shape[]): void {
  if (!Array.isArray(v)) return;
  if (v.every((d) => d === null || typeof d === 'number')) out.push(v as Shape);
  else for (const x of v) collectShapes(x as CallValue, out);
}

/** Resolve every layer of a model and count its parameters the way Keras's `summary()` does. */
export function summarize(model: Model, options: SummarizeOptions = {}): Summary {
  const dialect = model.dialect ?? 'keras3';
  return new Resolver(dialect, options.namer ?? new Namer(dialect)).summarizeOn(model, undefined);
}

/**
 * Build a single layer on the shapes a reader typed: what the calculators on the lesson pages need.
 * `input` is one shape, or several for layers called on a list (Add, Concatenate) or on
 * query/value/key (MultiHeadAttention, Attention), passed positionally in that order.
 */
export function resolveLayer(
  layer: ModelLayer,
  input: Shape | Shape[],
  dialect: Dialect = 'keras3',
): { ok: true; row: Row } | { ok: false; error: Diagnostic } {
  const named = { ...layer, name: layer.name ?? new Namer(dialect).layer(layer.type) };
  const shapes = shapeList(input);
  // Calculators pass what a reader typed, so shapes are checked here rather than trusted.
  for (const [i, shape] of shapes.entries()) {
    const badAxis = shape.findIndex((d) => d !== null && !(Number.isSafeInteger(d) && d >= 0));
    if (badAxis >= 0) {
      const arg = shapes.length > 1 ? `input_shape[${i}][${badAxis}]` : `input_shape[${badAxis}]`;
      const got = shape[badAxis];
      const error =
        typeof got === 'number' && Math.abs(got) > Number.MAX_SAFE_INTEGER
          ? diagnostic('arg-too-large', { max: Number.MAX_SAFE_INTEGER }, { ...where(named, 0), arg })
          : diagnostic('input-dim-out-of-range', { max: Number.MAX_SAFE_INTEGER, entered: got ?? null }, { ...where(named, 0), arg });
      return { ok: false, error };
    }
  }
  // Merge and attention layers take their tensors as one list; MultiHeadAttention positionally.
  const call: CallShapes =
    shapes.length === 1
      ? { args: [shapes[0]!], kwargs: {} }
      : specFor(layer.type)?.takes === 'positional'
        ? { args: shapes, kwargs: {} }
        : { args: [shapes], kwargs: {} };
  try {
    const built = new Resolver(dialect, new Namer(dialect)).build(named, call, where(named, 0), true);
    return { ok: true, row: row(named, built, built.output, { refs: [], shapes }, true) };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.diagnostic };
    // totalsOf refuses counts past exact arithmetic (filters=10**20).
    if (e instanceof LayerProblem) return { ok: false, error: diagnostic(e.code, e.values as never, where(named, 0)) };
    throw e;
  }
}
