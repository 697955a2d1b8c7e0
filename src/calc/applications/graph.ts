/**
 * A functional graph recorded the way Keras's functional API records it: every layer call adds
 * one node, unnamed layers get the name a fresh Python session would give them, and the finished
 * model lists its layers in Keras's own order. The application builders speak only this.
 */
import { tensor, type FunctionalModel, type Model, type ModelLayer, type NodeArg, type TensorRef } from '../model.ts';
import { Namer } from '../naming.ts';
import type { LayerArgs, Shape } from '../types.ts';
import { kerasLayerOrder } from './keras-layer-order.ts';

/**
 * The arguments every `keras.applications` builder takes that change its layers: the input size,
 * the classifier on top or the pooling that replaces it, and how many classes the classifier has.
 */
export interface ApplicationOptions {
  /** Height, width, channels (`input_shape=`); each builder's default when absent. */
  inputShape?: Shape;
  includeTop?: boolean;
  /** Without the top: global 'avg' or 'max' pooling, or none (the last feature map). */
  pooling?: 'avg' | 'max' | null;
  classes?: number;
}

/**
 * What every application ends with (keras/src/applications/*.py): its classifier, or without it
 * the pooling asked for — named `avg_pool` / `max_pool` in some builders, automatically in others.
 */
export function topOrPooling(
  g: Graph,
  x: TensorRef,
  o: ApplicationOptions,
  classifier: (x: TensorRef, classes: number) => TensorRef,
  namedPooling: boolean,
): TensorRef {
  if (o.includeTop !== false) return classifier(x, o.classes ?? 1000);
  if (o.pooling === 'avg') return g.call('GlobalAveragePooling2D', {}, x, namedPooling ? 'avg_pool' : undefined);
  if (o.pooling === 'max') return g.call('GlobalMaxPooling2D', {}, x, namedPooling ? 'max_pool' : undefined);
  return x;
}

export class Graph {
  private readonly namer = new Namer('keras3');
  private readonly entries: FunctionalModel['layers'] = [];
  private readonly inputs: TensorRef[] = [];

  /** `keras.Input(shape=…)`: the batch axis is added in front. */
  input(shape: Shape, name?: string): TensorRef {
    const layer = this.named({ type: 'InputLayer', args: { batch_shape: [null, ...shape] } }, name);
    this.entries.push({ layer, nodes: [] });
    const ref = tensor(layer.name!);
    this.inputs.push(ref);
    return ref;
  }

  /** `layers.<type>(**args, name=name)(input)`; a list input is one positional list, as merge layers take it. */
  call(type: string, args: LayerArgs, input: TensorRef | TensorRef[], name?: string): TensorRef {
    return this.record(this.named({ type, args }, name), [input]);
  }

  /**
   * A Keras operation applied in the functional graph (`inputs + x`, `x * (1 / 6)`): its
   * positional arguments are recorded as given, tensors and constants alike, as Keras records them.
   */
  op(type: string, args: NodeArg[], name?: string): TensorRef {
    return this.record(this.named({ type }, name), args);
  }

  /** A whole model used as a layer (ConvNeXt's stem is a Sequential inside the Functional). */
  nest(model: Model, input: TensorRef): TensorRef {
    const className = model.className ?? (model.kind === 'sequential' ? 'Sequential' : 'Functional');
    return this.record(this.named({ type: className, model }, model.name), [input]);
  }

  /** `Functional(inputs, outputs, name=name)`. */
  model(name: string, outputs: TensorRef | TensorRef[]): FunctionalModel {
    const outs = Array.isArray(outputs) ? outputs : [outputs];
    return {
      kind: 'functional',
      dialect: 'keras3',
      className: 'Functional',
      name,
      layers: kerasLayerOrder(this.entries, outs),
      inputs: [...this.inputs],
      outputs: outs,
    };
  }

  private named(layer: ModelLayer, name: string | undefined): ModelLayer {
    return { ...layer, name: name ?? this.namer.layer(layer.type) };
  }

  private record(layer: ModelLayer, args: NodeArg[]): TensorRef {
    this.entries.push({ layer, nodes: [{ args, kwargs: {} }] });
    return tensor(layer.name!);
  }
}
