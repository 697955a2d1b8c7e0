/**
 * A functional model as a graph of calls: every call of every layer, the tensors it reads, and
 * the calls those tensors come from. Built once per model, so that the resolution order, the
 * shapes a file recorded and Keras's sequential-like test all read the same edges.
 */
import { postOrder } from './graph-order.ts';
import { isTensorRef, type ModelLayer, type NodeArg, type NodeCall, type TensorRef } from './model.ts';

/** A layer of a functional model once it has its name (given or Keras's default). */
export interface LayerEntry {
  layer: ModelLayer & { name: string };
  nodes: NodeCall[];
  /** Position in the model's layer list, for messages. */
  index: number;
}

/** One call of a layer: `layer[node]` in Keras's notation. */
export interface Call {
  /** Position in `CallGraph.calls`, so that what is learned about a call can live in an array. */
  index: number;
  entry: LayerEntry;
  node: number;
  /** The tensors this call reads, in argument order; an InputLayer reads none. */
  refs: TensorRef[];
  /**
   * The calls those tensors come from. A reference to a layer or call that does not exist is left
   * out, so that the layer holding it reports it: that is the layer the user has to fix.
   */
  deps: Call[];
}

export interface CallGraph {
  /** Every call, layer by layer. */
  calls: Call[];
  /** Layers by name (with a repeated name, the last layer of that name). */
  byName: Map<string, LayerEntry>;
  /** Each layer's calls by name, in call order. */
  callsByLayer: Map<string, Call[]>;
}

/** How many calls a layer has: an InputLayer is its own one call. */
export const callCount = (e: LayerEntry): number => (e.layer.type === 'InputLayer' ? 1 : e.nodes.length);

/** The call a tensor reference points to, if the model has it. */
export const callOf = (graph: CallGraph, ref: { layer: string; node: number }): Call | undefined =>
  graph.callsByLayer.get(ref.layer)?.[ref.node];

/** Every tensor reference in a call's arguments, positional first, then keyword. */
export function refsOf(call: NodeCall): TensorRef[] {
  const out: TensorRef[] = [];
  for (const a of call.args) collectRefs(a, out);
  for (const key in call.kwargs) collectRefs(call.kwargs[key]!, out);
  return out;
}

function collectRefs(a: NodeArg, out: TensorRef[]): void {
  if (isTensorRef(a)) out.push(a);
  else if (Array.isArray(a)) for (const x of a) collectRefs(x, out);
  else if (a !== null && typeof a === 'object') for (const key in a) collectRefs(a[key]!, out);
}

/** The calls of `entries` and the edges between them. */
export function callGraph(entries: readonly LayerEntry[]): CallGraph {
  const byName = new Map(entries.map((e) => [e.layer.name, e]));
  const calls: Call[] = [];
  const callsByLayer = new Map<string, Call[]>();
  for (const entry of byName.values()) {
    const own: Call[] = [];
    for (let node = 0; node < callCount(entry); node++) {
      const call = entry.layer.type === 'InputLayer' ? undefined : entry.nodes[node];
      own.push({ index: calls.length + node, entry, node, refs: call ? refsOf(call) : [], deps: [] });
    }
    calls.push(...own);
    callsByLayer.set(entry.layer.name, own);
  }
  const graph = { calls, byName, callsByLayer };
  for (const call of calls) {
    for (const ref of call.refs) {
      const from = callOf(graph, ref);
      if (from) call.deps.push(from);
    }
  }
  return graph;
}

/**
 * Keras's `is_sequential_like` (summary_utils.py), over the calls that lead to `outputs`: no depth
 * of the graph holds two calls, no call reads two tensors, and no layer is called twice.
 */
export function isSequentialLike(graph: CallGraph, outputs: readonly TensorRef[]): boolean {
  const heads = outputs.map((o) => callOf(graph, o));
  if (heads.some((h) => h === undefined)) return false;
  const walk = postOrder(
    heads as Call[],
    (c) => c.deps,
    (c) => c.index,
  );
  if (!walk.ok) return false;
  if (walk.order.some((c) => c.refs.length > 1)) return false;
  // Depth = longest path to an output; consumers come before producers in the reversed post-order.
  const depth = new Map<Call, number>(heads.map((h) => [h as Call, 0]));
  for (let i = walk.order.length - 1; i >= 0; i--) {
    const call = walk.order[i]!;
    const d = depth.get(call) ?? 0;
    for (const dep of call.deps) depth.set(dep, Math.max(depth.get(dep) ?? 0, d + 1));
  }
  const perDepth = new Set<number>();
  for (const d of depth.values()) {
    if (perDepth.has(d)) return false;
    perDepth.add(d);
  }
  const layersCalled = new Set<LayerEntry>();
  for (const call of walk.order) {
    if (layersCalled.has(call.entry)) return false;
    layersCalled.add(call.entry);
  }
  return true;
}
