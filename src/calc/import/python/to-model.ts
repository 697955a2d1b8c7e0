/**
 * The layer and model objects the Python reader followed, written as the engine's model data
 * (src/calc/model.ts): a Sequential list, or a functional graph whose layers come in the order
 * Keras 3 lists them — the order of `map_graph` in keras/src/ops/function.py: by depth from the
 * outputs, deepest first, ties in the order a depth-first walk from the outputs meets them.
 */
import { diagnostic } from '../../diagnostics.ts';
import type { FunctionalModel, Model, ModelLayer, NodeArg, NodeCall, SequentialModel, TensorRef } from '../../model.ts';
import type { Diagnostic, Dialect } from '../../types.ts';
import { isDict, isLayer, isModel, isSeq, isTensor, type LayerObj, type ModelObj, type Py, type TensorObj } from './values.ts';

type Op = LayerObj | ModelObj;
interface GraphNode {
  op: Op;
  call: number;
}

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
    const graph = functionalGraph(inputs, outputs);
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
    if ('missing' in graph) return { model, problem: graph.missing };
    const localCall = new Map<Op, Map<number, number>>();
    for (const op of graph.order) {
      const calls = [...(graph.calls.get(op) ?? [])].sort((a, b) => a - b);
      localCall.set(op, new Map(calls.map((c, i) => [c, i])));
    }
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
    for (const op of graph.order) {
      const written = this.layer(op);
      if (written.problem) return { model, problem: written.problem };
      const nodes: NodeCall[] =
        isLayer(op) && op.type === 'InputLayer'
          ? []
          : [...localCall.get(op)!.keys()].map((c) => {
              const call = op.calls[c]!;
              return { args: call.args.map(arg), kwargs: Object.fromEntries([...call.kwargs].map(([k, v]) => [k, arg(v)])) };
            });
      model.layers.push({ layer: written.layer, nodes });
    }
    model.inputs = inputs.map(ref);
    model.outputs = outputs.map(ref);
    return { model };
  }
}

/** Every tensor in a structure (a tensor, a list, a dict), in order. */
export function tensorsIn(v: Py): TensorObj[] {
  if (isTensor(v)) return [v];
  if (isSeq(v)) return v.items.flatMap(tensorsIn);
  if (isDict(v)) return [...v.entries.values()].flatMap((e) => tensorsIn(e.value));
  return [];
}

/** The tensors a call read, as Keras flattens `(args, kwargs)`: positional first, keywords by sorted name. */
function callInputs(op: Op, call: number): TensorObj[] {
  const c = op.calls[call];
  if (!c) return [];
  const kw = [...c.kwargs.keys()].sort();
  return [...c.args.flatMap(tensorsIn), ...kw.flatMap((k) => tensorsIn(c.kwargs.get(k)!))];
}

/** Keras 3's `map_graph`: the ops between inputs and outputs, in the order `model.layers` lists them. */
export function functionalGraph(
  inputs: TensorObj[],
  outputs: TensorObj[],
): { order: Op[]; calls: Map<Op, Set<number>> } | { missing: Diagnostic } {
  const isInput = (t: TensorObj) => inputs.some((i) => i.source === t.source && i.call === t.call && i.index === t.index);
  const opIndex = new Map<Op, number>();
  const finished = new Set<string>();
  const nodeKey = (n: GraphNode) => `${opIds.get(n.op)}:${n.call}`;
  const opIds = new Map<Op, number>();
  const id = (op: Op) => {
    if (!opIds.has(op)) opIds.set(op, opIds.size);
    return opIds.get(op)!;
  };
  const decreasing: GraphNode[] = [];
  const parents = new Map<string, GraphNode[]>();
  let missing: Diagnostic | undefined;

  const visit = (t: TensorObj): void => {
    const node: GraphNode = { op: t.source, call: t.call };
    id(node.op);
    const key = nodeKey(node);
    if (finished.has(key)) return;
    if (!opIndex.has(node.op)) opIndex.set(node.op, opIndex.size);
    const isInputLayer = isLayer(node.op) && node.op.type === 'InputLayer';
    const ins = callInputs(node.op, node.call);
    parents.set(
      key,
      ins.map((i) => ({ op: i.source, call: i.call })),
    );
    if (isInputLayer && !isInput(t) && !missing) {
      missing = diagnostic('python-graph-disconnected', { input: node.op.name }, node.op.at);
    }
    if (!isInputLayer && !isInput(t)) for (const i of ins) visit(i);
    finished.add(key);
    decreasing.push(node);
  };
  for (const o of outputs) visit(o);
  if (missing) return { missing };

  const nodeDepth = new Map<string, number>();
  const opDepth = new Map<Op, number>();
  for (let i = decreasing.length - 1; i >= 0; i--) {
    const node = decreasing[i]!;
    const key = nodeKey(node);
    const depth = Math.max(nodeDepth.get(key) ?? 0, opDepth.get(node.op) ?? 0);
    opDepth.set(node.op, depth);
    nodeDepth.set(key, depth);
    for (const p of parents.get(key) ?? []) {
      id(p.op);
      const pk = nodeKey(p);
      nodeDepth.set(pk, Math.max(depth + 1, nodeDepth.get(pk) ?? 0));
    }
  }
  for (const t of inputs) {
    if (!opDepth.has(t.source)) {
      opDepth.set(t.source, 0);
      opIndex.set(t.source, -1);
    }
  }
  const calls = new Map<Op, Set<number>>();
  for (const n of decreasing) {
    if (!calls.has(n.op)) calls.set(n.op, new Set());
    calls.get(n.op)!.add(n.call);
  }
  for (const t of inputs) if (!calls.has(t.source)) calls.set(t.source, new Set([0]));
  const order = [...opDepth.keys()].sort((a, b) => opDepth.get(b)! - opDepth.get(a)! || opIndex.get(a)! - opIndex.get(b)!);
  return { order, calls };
}
