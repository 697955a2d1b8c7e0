/**
 * The layer and model objects the Python reader followed, written as the engine's model data
 * (src/calc/model.ts): a Sequential list, or a functional graph whose layers come in the order
 * Keras 3 lists them (applications/keras-layer-order.ts).
 */
import { diagnostic } from '../../diagnostics.ts';
import { kerasLayerOrder } from '../../applications/keras-layer-order.ts';
import type { FunctionalModel, Model, ModelLayer, NodeArg, NodeCall, SequentialModel, TensorRef } from '../../model.ts';
import type { Diagnostic, Dialect } from '../../types.ts';
import { isDict, isLayer, isModel, isSeq, isTensor, type LayerObj, type ModelObj, type Py, type TensorObj } from './values.ts';

type Op = LayerObj | ModelObj;

/** A model as data, and the first problem that stopped it short (the layers before it are kept). */
export interface Written {
  model: Model;
  problem?: Diagnostic;
}

export class ModelWriter {
  constructor(private readonly dialect: Dialect) {}

  write(obj: ModelObj): Written {
    if (obj.variant === 'application') return { model: { ...obj.data!, name: obj.name, ...(obj.trainable ? {} : { trainable: false }) } };
    return obj.variant === 'sequential' ? this.sequential(obj) : this.functional(obj);
  }

  private sequential(obj: ModelObj): Written {
    const model: SequentialModel = { kind: 'sequential', name: obj.name, className: 'Sequential', dialect: this.dialect, layers: [] };
    if (!obj.trainable) model.trainable = false;
    const input = obj.input && isLayer(obj.input.source) ? obj.input.source : undefined;
    if (input?.problem) return { model, problem: input.problem };
    if (input?.batchShape) {
      model.input = input.batchShape;
      model.inputName = input.name;
    }
    for (const layer of obj.layers) {
      const written = this.layer(layer);
      if (written.problem) return { model, problem: written.problem };
      model.layers.push(written.layer);
    }
    return { model };
  }

  /** One layer, or a model used as a layer. */
  layer(op: Op): { layer: ModelLayer; problem?: Diagnostic } {
    if (isModel(op)) {
      const inner = this.write(op);
      const layer: ModelLayer = { type: inner.model.className ?? 'Functional', name: op.name, model: inner.model };
      if (!op.trainable) layer.trainable = false;
      return inner.problem ? { layer, problem: inner.problem } : { layer };
    }
    const layer: ModelLayer = {
      type: op.type,
      name: op.name,
      args: op.type === 'InputLayer' ? { batch_shape: op.batchShape ?? [] } : op.args,
    };
    if (!op.trainable) layer.trainable = false;
    if (op.dtype !== undefined) layer.dtype = op.dtype;
    if (op.custom) layer.custom = op.custom;
    const problem = op.problem ? { ...op.problem, layer: op.name, layerType: op.type } : undefined;
    return problem ? { layer, problem } : { layer };
  }

  private functional(obj: ModelObj): Written {
    const inputs = tensorsIn(obj.inputs ?? null);
    const outputs = tensorsIn(obj.outputs ?? null);
    const model: FunctionalModel = {
      kind: 'functional',
      name: obj.name,
      className: 'Functional',
      dialect: this.dialect,
      layers: [],
      inputs: [],
      outputs: [],
    };
    if (!obj.trainable) model.trainable = false;
    const graph = reachedCalls(inputs, outputs);
    if ('missing' in graph) return { model, problem: graph.missing };
    // constants (ops.arange) are inputs the model was not given: Keras feeds them itself
    for (const op of graph.calls.keys()) {
      if (isLayer(op) && op.constant && !inputs.some((t) => t.source === op))
        inputs.push({ kind: 'tensor', source: op, call: 0, index: 0 });
    }
    // each layer's calls in this model, numbered from 0 as the model's own nodes
    const localCall = new Map<Op, Map<number, number>>();
    for (const [op, calls] of graph.calls) localCall.set(op, new Map([...calls].sort((a, b) => a - b).map((c, i) => [c, i])));
    const ref = (t: TensorObj): TensorRef => ({
      kind: 'tensor',
      layer: t.source.name,
      node: localCall.get(t.source)?.get(t.call) ?? 0,
      tensor: t.index,
    });
    const arg = (v: Py): NodeArg => {
      if (isTensor(v)) return ref(v);
      if (isSeq(v)) return v.items.map(arg);
      if (isDict(v)) return Object.fromEntries([...v.entries.values()].map((e) => [String(e.key), arg(e.value)]));
      if (v === null || typeof v !== 'object') return v;
      return null;
    };
    const entries: FunctionalModel['layers'] = [];
    for (const [op, calls] of localCall) {
      const written = this.layer(op);
      if (written.problem) return { model, problem: written.problem };
      const nodes: NodeCall[] =
        isLayer(op) && op.type === 'InputLayer'
          ? []
          : [...calls.keys()].map((c) => {
              const call = op.calls[c]!;
              return { args: call.args.map(arg), kwargs: Object.fromEntries([...call.kwargs].map(([k, v]) => [k, arg(v)])) };
            });
      entries.push({ layer: written.layer, nodes });
    }
    model.inputs = inputs.map(ref);
    model.outputs = outputs.map(ref);
    model.layers = kerasLayerOrder(entries, model.outputs, model.inputs);
    return { model };
  }
}

/** Every tensor in a structure (a tensor, a list, a dict), in order. */
export function tensorsIn(v: Py): TensorObj[] {
  if (isTensor(v)) return [v];
  if (isSeq(v)) return v.items.flatMap(tensorsIn);
  // Keras flattens a dict in the order of its sorted keys
  if (isDict(v)) return [...v.entries.values()].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1)).flatMap((e) => tensorsIn(e.value));
  return [];
}

/** The tensors a call read: positional arguments, then keyword ones. */
function callInputs(op: Op, call: number): TensorObj[] {
  const c = op.calls[call];
  if (!c) return [];
  return [...c.args.flatMap(tensorsIn), ...[...c.kwargs.values()].flatMap(tensorsIn)];
}

/**
 * The calls between the inputs and the outputs, each layer's in the order met walking back from
 * the outputs; an InputLayer the outputs reach that is not among the inputs is a disconnected graph.
 */
export function reachedCalls(inputs: TensorObj[], outputs: TensorObj[]): { calls: Map<Op, Set<number>> } | { missing: Diagnostic } {
  const isInput = (t: TensorObj) => inputs.some((i) => i.source === t.source && i.call === t.call && i.index === t.index);
  const calls = new Map<Op, Set<number>>();
  for (const t of inputs) calls.set(t.source, new Set([t.call]));
  const stack = [...outputs];
  while (stack.length > 0) {
    const t = stack.pop()!;
    const seen = calls.get(t.source);
    if (seen?.has(t.call) && !isInput(t)) continue;
    if (!seen) calls.set(t.source, new Set([t.call]));
    else seen.add(t.call);
    if (isInput(t)) continue;
    if (isLayer(t.source) && t.source.type === 'InputLayer') {
      if (t.source.constant) continue;
      return { missing: diagnostic('python-graph-disconnected', { input: t.source.name }, t.source.at) };
    }
    stack.push(...callInputs(t.source, t.call));
  }
  return { calls };
}

/** The calls a partial functional model keeps, its inputs and outputs, and the first problem that cut a call out. */
export interface PartialGraph {
  inputs: TensorObj[];
  outputs: TensorObj[];
  problem?: Diagnostic;
}

/**
 * What a functional model the code did not finish still is: from the `seeds` (keras.Input
 * tensors), every call in `log` (construction order) whose tensors all come from the seeds or
 * from calls kept before it, and whose layer the writer can build. A call on a layer with a
 * problem is left out, and so is every call that needs its output. `within` limits the calls to
 * those records (a model's own graph). The outputs are the kept calls whose tensors no later kept
 * call reads, in call order; the inputs the seeds some kept call reads. Nothing kept: undefined.
 */
export function partialGraph(
  seeds: TensorObj[],
  log: TensorObj[],
  problemOf: (op: Op) => Diagnostic | undefined,
  within?: ReadonlySet<object>,
): PartialGraph | undefined {
  const record = (t: TensorObj): object => t.source.calls[t.call] ?? t.source;
  const available = new Set<object>(seeds.map(record));
  const kept: TensorObj[] = [];
  const read = new Set<object>();
  let problem: Diagnostic | undefined;
  for (const t of log) {
    if (within && !within.has(record(t))) continue;
    const ins = callInputs(t.source, t.call);
    const ready = (i: TensorObj) => available.has(record(i)) || (isLayer(i.source) && i.source.constant === true);
    if (ins.length === 0 || !ins.every(ready)) continue;
    const cut = problemOf(t.source);
    if (cut) {
      problem ??= cut;
      continue;
    }
    available.add(record(t));
    kept.push(t);
    for (const i of ins) read.add(record(i));
  }
  if (kept.length === 0) return undefined;
  const outputs = kept.filter((t) => !read.has(record(t)));
  const inputs = seeds.filter((s) => read.has(record(s)));
  return problem ? { inputs, outputs, problem } : { inputs, outputs };
}

/** The call records a model's outputs are worked out from, walking back to InputLayers. */
export function ancestorCalls(outputs: TensorObj[]): Set<object> {
  const seen = new Set<object>();
  const stack = [...outputs];
  while (stack.length > 0) {
    const t = stack.pop()!;
    const rec = t.source.calls[t.call];
    if (!rec || seen.has(rec)) continue;
    seen.add(rec);
    if (isLayer(t.source) && t.source.type === 'InputLayer') continue;
    stack.push(...callInputs(t.source, t.call));
  }
  return seen;
}
