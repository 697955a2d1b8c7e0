/**
 * The order in which Keras lists a functional model's layers (keras/src/ops/function.py ::
 * map_graph): deepest first, where depth is the longest path from a call to the model's
 * outputs, and layers at equal depth in the order a depth-first walk back from the outputs
 * first meets them. ResNet50's summary shows `conv2_block1_0_conv` after `conv2_block1_2_relu`
 * because of this rule, not because of the order the code created the layers in.
 */
import { isTensorRef, type FunctionalModel, type NodeArg, type TensorRef } from '../model.ts';

type Entry = FunctionalModel['layers'][number];

/** Every tensor a call reads, in Keras's flattening order: positional arguments, then keyword ones. */
function tensorsIn(entry: Entry | undefined, node: number): TensorRef[] {
  const call = entry?.layer.type === 'InputLayer' ? undefined : entry?.nodes[node];
  if (!call) return [];
  const out: TensorRef[] = [];
  const visit = (a: NodeArg): void => {
    if (isTensorRef(a)) out.push(a);
    else if (Array.isArray(a)) a.forEach(visit);
    else if (a !== null && typeof a === 'object') Object.values(a).forEach(visit);
  };
  call.args.forEach(visit);
  Object.values(call.kwargs).forEach(visit);
  return out;
}

/**
 * The model's layers reordered the way `model.layers` and `model.summary()` list them. The walk
 * stops at the model's `inputs` (a model may start from a tensor some layer made).
 */
export function kerasLayerOrder(layers: readonly Entry[], outputs: readonly TensorRef[], inputs: readonly TensorRef[] = []): Entry[] {
  const isInput = (ref: { layer: string; node: number }) => inputs.some((i) => i.layer === ref.layer && i.node === ref.node);
  const byName = new Map(layers.map((e) => [e.layer.name ?? '', e]));
  const firstSeen = new Map<string, number>();
  const finished = new Set<string>();
  const postOrder: { layer: string; node: number }[] = [];

  // _build_map: a depth-first walk from each output; a layer's index is when the walk first meets it.
  const walk = (ref: { layer: string; node: number }): void => {
    const key = `${ref.layer}[${ref.node}]`;
    if (finished.has(key)) return;
    if (!firstSeen.has(ref.layer)) firstSeen.set(ref.layer, firstSeen.size);
    if (!isInput(ref)) for (const t of tensorsIn(byName.get(ref.layer), ref.node)) walk(t);
    finished.add(key);
    postOrder.push(ref);
  };
  outputs.forEach(walk);

  // Depth of a call = 1 + the deepest call that reads it; a layer takes its deepest call's depth.
  const nodeDepth = new Map<string, number>();
  const layerDepth = new Map<string, number>();
  for (const ref of [...postOrder].reverse()) {
    const key = `${ref.layer}[${ref.node}]`;
    const depth = Math.max(nodeDepth.get(key) ?? 0, layerDepth.get(ref.layer) ?? 0);
    nodeDepth.set(key, depth);
    layerDepth.set(ref.layer, depth);
    for (const t of tensorsIn(byName.get(ref.layer), ref.node)) {
      const parent = `${t.layer}[${t.node}]`;
      nodeDepth.set(parent, Math.max(nodeDepth.get(parent) ?? 0, depth + 1));
    }
  }

  // Layers the outputs do not reach (an unused input) keep depth 0, after everything else.
  const rank = (e: Entry): [number, number] => {
    const name = e.layer.name ?? '';
    return [layerDepth.get(name) ?? 0, firstSeen.get(name) ?? Number.MAX_SAFE_INTEGER];
  };
  return [...layers].sort((a, b) => {
    const [da, ia] = rank(a);
    const [db, ib] = rank(b);
    return db - da || ia - ib;
  });
}
