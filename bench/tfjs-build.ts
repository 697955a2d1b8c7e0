/**
 * The same benchmark graph constructed by tfjs-layers 4.22 — what a page would have to do to get
 * the counts from tfjs instead of from our engine: build every layer (allocating and initialising
 * its weights) and call `countParams()`.
 */
import type * as tf from '@tensorflow/tfjs';
import { tfjsLayer } from '../tests/oracle/tfjs.ts';
import { INPUT, type Graph } from './graphs.ts';

/** Build the graph in tfjs and return the model (the caller disposes it). */
export function buildInTfjs(tfjs: typeof tf, g: Graph): tf.LayersModel {
  if (g.kind === 'sequential') {
    const model = tfjs.sequential();
    g.nodes.forEach((n, i) => model.add(tfjsLayer(n.type, i === 0 ? { ...n.args, input_shape: g.input } : n.args)));
    return model;
  }
  const tensors = new Map<string, tf.SymbolicTensor>([[INPUT, tfjs.input({ shape: g.input })]]);
  for (const n of g.nodes) {
    const inputs = n.inbound.map((name) => tensors.get(name)!);
    tensors.set(n.name, tfjsLayer(n.type, n.args).apply(inputs.length === 1 ? inputs[0]! : inputs) as tf.SymbolicTensor);
  }
  return tfjs.model({ inputs: tensors.get(INPUT)!, outputs: tensors.get(g.output)! });
}
