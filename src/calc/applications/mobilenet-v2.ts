/**
 * MobileNetV2 at α = 1.0, 224 × 224 (keras/src/applications/mobilenet_v2.py). Seventeen
 * inverted residual blocks: a 1×1 convolution expands the channels six-fold, a 3×3 depthwise
 * convolution filters each channel alone, and a linear 1×1 projection shrinks them again; a
 * block that keeps both size and width adds its input back. Every convolution is bias-free and
 * followed by BatchNormalization, which is where the 34,112 non-trainable statistics come from.
 */
import { convLength } from '../conv-arithmetic.ts';
import type { FunctionalModel, TensorRef } from '../model.ts';
import type { Dim } from '../types.ts';
import { correctPad } from './correct-pad.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';
import { makeDivisible } from './make-divisible.ts';

const BN = { axis: -1, epsilon: 1e-3, momentum: 0.999 };
const ALPHA = 1.0;

/** The 17 blocks as (filters, stride, expansion); block 0 does not expand. */
const BLOCKS: readonly [filters: number, stride: number, expansion: number][] = [
  [16, 1, 1],
  [24, 2, 6],
  [24, 1, 6],
  [32, 2, 6],
  [32, 1, 6],
  [32, 1, 6],
  [64, 2, 6],
  [64, 1, 6],
  [64, 1, 6],
  [64, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [160, 2, 6],
  [160, 1, 6],
  [160, 1, 6],
  [320, 1, 6],
];

/** What the Keras code reads from `x.shape` while it builds: channels and the spatial side. */
interface Feature {
  x: TensorRef;
  channels: number;
  side: Dim;
}

/** `_inverted_res_block`. */
function invertedResidual(g: Graph, input: Feature, filters: number, stride: number, expansion: number, id: number): Feature {
  const outChannels = makeDivisible(Math.trunc(filters * ALPHA), 8);
  let prefix = `block_${id}_`;
  let x = input.x;
  let channels = input.channels;
  if (id > 0) {
    channels = expansion * input.channels;
    x = g.call('Conv2D', { filters: channels, kernel_size: 1, padding: 'same', use_bias: false, activation: null }, x, `${prefix}expand`);
    x = g.call('BatchNormalization', BN, x, `${prefix}expand_BN`);
    x = g.call('ReLU', { max_value: 6.0 }, x, `${prefix}expand_relu`);
  } else {
    prefix = 'expanded_conv_';
  }
  let side = input.side;
  if (stride === 2) {
    const padding = correctPad(side, side, 3);
    x = g.call('ZeroPadding2D', { padding }, x, `${prefix}pad`);
    side = convLength(side === null ? null : side + padding[0][0] + padding[0][1], 3, 2, 1, 'valid');
  }
  x = g.call(
    'DepthwiseConv2D',
    { kernel_size: 3, strides: stride, activation: null, use_bias: false, padding: stride === 1 ? 'same' : 'valid' },
    x,
    `${prefix}depthwise`,
  );
  x = g.call('BatchNormalization', BN, x, `${prefix}depthwise_BN`);
  x = g.call('ReLU', { max_value: 6.0 }, x, `${prefix}depthwise_relu`);
  x = g.call('Conv2D', { filters: outChannels, kernel_size: 1, padding: 'same', use_bias: false, activation: null }, x, `${prefix}project`);
  x = g.call('BatchNormalization', BN, x, `${prefix}project_BN`);
  if (input.channels === outChannels && stride === 1) x = g.call('Add', {}, [input.x, x], `${prefix}add`);
  return { x, channels: outChannels, side };
}

/** `keras.applications.MobileNetV2()`. */
export function MobileNetV2(o: ApplicationOptions = {}): FunctionalModel {
  const g = new Graph();
  // correct_pad reads the side as the code runs; the builder takes square inputs (index.ts checks)
  const shape = o.inputShape ?? [224, 224, 3];
  const rows = shape[0] ?? null;
  const input = g.input(shape);
  const stem = makeDivisible(32 * ALPHA, 8);
  let x = g.call('Conv2D', { filters: stem, kernel_size: 3, strides: [2, 2], padding: 'same', use_bias: false }, input, 'Conv1');
  x = g.call('BatchNormalization', BN, x, 'bn_Conv1');
  x = g.call('ReLU', { max_value: 6.0 }, x, 'Conv1_relu');
  let f: Feature = { x, channels: stem, side: convLength(rows, 3, 2, 1, 'same') };
  BLOCKS.forEach(([filters, stride, expansion], id) => (f = invertedResidual(g, f, filters, stride, expansion, id)));
  // α > 1 widens the last convolution too; at α = 1 it stays 1280.
  const last = ALPHA > 1 ? makeDivisible(1280 * ALPHA, 8) : 1280;
  x = g.call('Conv2D', { filters: last, kernel_size: 1, use_bias: false }, f.x, 'Conv_1');
  x = g.call('BatchNormalization', BN, x, 'Conv_1_bn');
  x = g.call('ReLU', { max_value: 6.0 }, x, 'out_relu');
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features), 'predictions'),
    false,
  );
  return g.model(`mobilenetv2_1.00_${rows ?? 224}`, x);
}
