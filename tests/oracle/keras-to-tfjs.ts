/**
 * The one translation table between Keras (our vocabulary: Python class names, snake_case
 * keyword arguments) and tfjs-layers 4.22 (factory functions, camelCase config keys).
 */
import type { LayerArgs } from '@calc/basics.ts';

/** Keras class name → the `tf.layers` factory that builds the same layer. */
export const TFJS_FACTORY: Record<string, string> = {
  Activation: 'activation',
  Add: 'add',
  AlphaDropout: 'alphaDropout',
  Average: 'average',
  AveragePooling1D: 'averagePooling1d',
  AveragePooling2D: 'averagePooling2d',
  AveragePooling3D: 'averagePooling3d',
  BatchNormalization: 'batchNormalization',
  Bidirectional: 'bidirectional',
  CategoryEncoding: 'categoryEncoding',
  CenterCrop: 'centerCrop',
  Concatenate: 'concatenate',
  Conv1D: 'conv1d',
  Conv2D: 'conv2d',
  Conv3D: 'conv3d',
  Conv2DTranspose: 'conv2dTranspose',
  Conv3DTranspose: 'conv3dTranspose',
  ConvLSTM2D: 'convLstm2d',
  Cropping2D: 'cropping2D',
  Dense: 'dense',
  DepthwiseConv2D: 'depthwiseConv2d',
  Dot: 'dot',
  Dropout: 'dropout',
  ELU: 'elu',
  Embedding: 'embedding',
  Flatten: 'flatten',
  GaussianDropout: 'gaussianDropout',
  GaussianNoise: 'gaussianNoise',
  GlobalAveragePooling1D: 'globalAveragePooling1d',
  GlobalAveragePooling2D: 'globalAveragePooling2d',
  GlobalMaxPooling1D: 'globalMaxPooling1d',
  GlobalMaxPooling2D: 'globalMaxPooling2d',
  GRU: 'gru',
  LayerNormalization: 'layerNormalization',
  LeakyReLU: 'leakyReLU',
  LSTM: 'lstm',
  Masking: 'masking',
  MaxPooling1D: 'maxPooling1d',
  MaxPooling2D: 'maxPooling2d',
  MaxPooling3D: 'maxPooling3d',
  Maximum: 'maximum',
  Minimum: 'minimum',
  Multiply: 'multiply',
  Permute: 'permute',
  PReLU: 'prelu',
  ReLU: 'reLU',
  RepeatVector: 'repeatVector',
  Rescaling: 'rescaling',
  Reshape: 'reshape',
  Resizing: 'resizing',
  SeparableConv2D: 'separableConv2d',
  SimpleRNN: 'simpleRNN',
  Softmax: 'softmax',
  SpatialDropout1D: 'spatialDropout1d',
  ThresholdedReLU: 'thresholdedReLU',
  TimeDistributed: 'timeDistributed',
  UpSampling2D: 'upSampling2d',
  ZeroPadding2D: 'zeroPadding2d',
};

/** Keyword arguments whose tfjs name is not simply the camelCase of the Keras name. */
const RENAMED: Record<string, Record<string, string>> = {
  // Keras 3 renamed LeakyReLU's `alpha`; tfjs kept the old name.
  LeakyReLU: { negative_slope: 'alpha' },
};

/** Arguments tfjs only takes as a tuple (a bare int silently yields NaN sizes): arg → rank. */
const TUPLE_ONLY: Record<string, Record<string, number>> = {
  UpSampling2D: { size: 2 },
};

/** Keras string values that tfjs spells differently in its JavaScript API. */
const VALUES: Record<string, Record<string, string>> = {
  activation: { hard_sigmoid: 'hardSigmoid' },
  data_format: { channels_last: 'channelsLast', channels_first: 'channelsFirst' },
  output_mode: { one_hot: 'oneHot', multi_hot: 'multiHot', count: 'count' },
};

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Keras keyword arguments → a tfjs config object (nested layers are left to the caller). Values
 * are copied: tfjs edits some in place (Reshape turns a -1 in `targetShape` into null).
 */
export function tfjsConfig(type: string, args: LayerArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structuredClone(args))) {
    const name = RENAMED[type]?.[key] ?? camel(key);
    const rank = TUPLE_ONLY[type]?.[key];
    if (rank !== undefined && typeof value === 'number') out[name] = Array<number>(rank).fill(value);
    else out[name] = typeof value === 'string' ? (VALUES[key]?.[value] ?? value) : value;
  }
  return out;
}
