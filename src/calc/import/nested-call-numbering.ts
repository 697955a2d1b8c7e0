/**
 * Keras 2 and tfjs number the calls of a nested model from 1 in a file: the nested model's node 0
 * is its own Input → output graph, which the writer leaves out of the file but still counts
 * (tf.keras `_should_skip_first_node`, multi-backend Keras `kept_nodes = 1` for every Network,
 * tfjs `buildNodeConversionMap` for every Container). Keras 3 numbers them from 0. A Model's
 * TensorRef means "the node-th call", so those references are renumbered here.
 */
import { isTensorRef, type FunctionalModel, type NodeArg, type TensorRef } from '../model.ts';
import type { Dialect } from '../types.ts';
import { isJsonObject, type Json } from './json-text.ts';

/**
 * True when the writer counted a node of the nested model's own before its first call. `raw` is
 * the layer's entry as the file wrote it.
 */
export function firstCallIsNumberedOne(raw: Json, dialect: Dialect): boolean {
  if (dialect === 'keras3' || !isJsonObject(raw)) return false;
  if (dialect === 'tfjs' || dialect === 'keras-mb') return true;
  // tf.keras: a Functional always has its Input → output node; a Sequential only once it has an
  // InputLayer, which the file shows as an InputLayer entry or a declared input on its first layer.
  const cfg = raw['config'];
  const layers = isJsonObject(cfg) ? cfg['layers'] : undefined;
  if (!Array.isArray(layers)) return true;
  if (raw['class_name'] !== 'Sequential') return true;
  const first = layers[0];
  if (!isJsonObject(first)) return false;
  const firstCfg = first['config'];
  return (
    first['class_name'] === 'InputLayer' ||
    (isJsonObject(firstCfg) && ('batch_input_shape' in firstCfg || 'batch_shape' in firstCfg || 'input_shape' in firstCfg))
  );
}

/** Shift every reference to the named layers down by one call, in the calls and the model's inputs and outputs. */
export function renumberCallsOf(model: FunctionalModel, layerNames: ReadonlySet<string>): void {
  if (layerNames.size === 0) return;
  const shift = (ref: TensorRef): void => {
    if (layerNames.has(ref.layer) && ref.node > 0) ref.node -= 1;
  };
  const visit = (a: NodeArg): void => {
    if (isTensorRef(a)) shift(a);
    else if (Array.isArray(a)) a.forEach(visit);
    else if (a !== null && typeof a === 'object') Object.values(a).forEach(visit);
  };
  for (const { nodes } of model.layers) {
    for (const call of nodes) {
      call.args.forEach(visit);
      Object.values(call.kwargs).forEach(visit);
    }
  }
  model.inputs.forEach(shift);
  model.outputs.forEach(shift);
}
