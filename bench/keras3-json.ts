/**
 * A benchmark graph written out as Keras 3 `model.to_json()` text, with the boilerplate Keras 3
 * really writes for each layer (dtype policy, initializers, regularizers), so parse time is honest.
 */
import type { LayerArgs } from '@calc/basics.ts';
import { INPUT, type Graph, type GraphNode } from './graphs.ts';

const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
const initializer = (className: string): object => ({
  module: 'keras.initializers',
  class_name: className,
  config: className === 'Zeros' || className === 'Ones' ? {} : { seed: null },
  registered_name: null,
});

/** The extra config keys Keras 3 serializes for layers that own weights. */
function boilerplate(type: string): LayerArgs {
  if (type === 'Dense' || type === 'Conv2D') {
    return {
      use_bias: true,
      activation: 'linear',
      kernel_initializer: initializer('GlorotUniform'),
      bias_initializer: initializer('Zeros'),
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      ...(type === 'Conv2D'
        ? { strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1 }
        : { quantization_config: null }),
    };
  }
  if (type === 'BatchNormalization') {
    return {
      axis: -1,
      momentum: 0.99,
      epsilon: 0.001,
      center: true,
      scale: true,
      beta_initializer: initializer('Zeros'),
      gamma_initializer: initializer('Ones'),
      moving_mean_initializer: initializer('Zeros'),
      moving_variance_initializer: initializer('Ones'),
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
      synchronized: false,
    };
  }
  return {};
}

const kerasTensor = (from: string): object => ({
  class_name: '__keras_tensor__',
  config: { shape: null, dtype: 'float32', keras_history: [from, 0, 0] },
});

function layerJson(node: GraphNode, functional: boolean): object {
  const entry: Record<string, unknown> = {
    module: 'keras.layers',
    class_name: node.type,
    config: { name: node.name, trainable: true, dtype: policy, ...boilerplate(node.type), ...node.args },
    registered_name: null,
    build_config: { input_shape: null },
  };
  if (functional) {
    entry['name'] = node.name;
    const args = node.inbound.length === 1 ? [kerasTensor(node.inbound[0]!)] : [node.inbound.map(kerasTensor)];
    entry['inbound_nodes'] = [{ args, kwargs: {} }];
  }
  return entry;
}

/** `model.to_json()` of the graph. */
export function keras3JsonText(g: Graph): string {
  const functional = g.kind === 'functional';
  const input = {
    module: 'keras.layers',
    class_name: 'InputLayer',
    config: { batch_shape: [null, ...g.input], dtype: 'float32', sparse: false, ragged: false, name: INPUT, optional: false },
    registered_name: null,
    ...(functional ? { name: INPUT, inbound_nodes: [] } : {}),
  };
  const layers = [input, ...g.nodes.map((n) => layerJson(n, functional))];
  const config = functional
    ? { name: g.name, trainable: true, layers, input_layers: [INPUT, 0, 0], output_layers: [g.output, 0, 0] }
    : { name: g.name, trainable: true, dtype: policy, layers, build_input_shape: [null, ...g.input] };
  return JSON.stringify({
    module: functional ? 'keras.src.models.functional' : 'keras',
    class_name: functional ? 'Functional' : 'Sequential',
    config,
    registered_name: null,
    build_config: { input_shape: null },
  });
}
