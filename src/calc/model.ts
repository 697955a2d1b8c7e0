/**
 * Models as data: a Sequential list or a functional graph of named layers and the calls
 * ("nodes") that connect them. Importers produce these; `summarize` reads them.
 */
import type { CustomBuild } from './custom-layer.ts';
import type { Dialect, LayerArgs, Shape } from './types.ts';

/** `layer[node][tensor]` in Keras's notation: output `tensor` of the `node`-th call of `layer`. */
export interface TensorRef {
  kind: 'tensor';
  layer: string;
  node: number;
  tensor: number;
  /** The shape the file recorded for this tensor (Keras 3 writes it), if any. */
  shape?: Shape;
}

/** An argument of a call as recorded: a tensor, a list of them, or a plain value. */
export type NodeArg = TensorRef | NodeArg[] | string | number | boolean | null | { [key: string]: NodeArg };

/** One call of a layer inside a functional model. */
export interface NodeCall {
  args: NodeArg[];
  kwargs: Record<string, NodeArg>;
}

/** A layer in a model: a plain layer or a whole model used as a layer. */
export interface ModelLayer {
  type: string;
  name?: string;
  args?: LayerArgs;
  /** `trainable=False` moves every weight of the layer into non-trainable. */
  trainable?: boolean;
  /** The dtype policy's variable dtype (`float32` unless the policy says otherwise). */
  dtype?: string;
  /** Set when the layer is itself a model (Sequential or Functional nested in another). */
  model?: Model;
  /** Where this layer came from in the user's input, for messages. */
  path?: string;
  /** The output shape the file records for this layer (a Sequential's next `build_config`). */
  recordedOutput?: Shape;
  /** A layer no spec describes, with the weights and output the reader worked out (custom-layer.ts). */
  custom?: CustomBuild;
}

interface ModelBase {
  name?: string;
  dialect?: Dialect;
  trainable?: boolean;
  /** Keras's class name (`Sequential`, `Functional`, `Model`, a subclass name). */
  className?: string;
}

export interface SequentialModel extends ModelBase {
  kind: 'sequential';
  /** The batch shape of the input (`[null, 28, 28, 1]`), when the model is built. */
  input?: Shape;
  inputName?: string;
  /** Layers, not including the InputLayer (Keras does not list it for Sequential). */
  layers: ModelLayer[];
}

export interface FunctionalModel extends ModelBase {
  kind: 'functional';
  /** Layers in Keras's order (that of `model.layers`), InputLayers included. */
  layers: { layer: ModelLayer; nodes: NodeCall[] }[];
  inputs: TensorRef[];
  outputs: TensorRef[];
}

export type Model = SequentialModel | FunctionalModel;

export const tensor = (layer: string, node = 0, index = 0): TensorRef => ({ kind: 'tensor', layer, node, tensor: index });

export const isTensorRef = (v: unknown): v is TensorRef =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'tensor';
