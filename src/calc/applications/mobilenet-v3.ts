/**
 * MobileNetV3 Small and Large (keras/src/applications/mobilenet_v3.py), which take any image
 * size: the input is (None, None, 3), so every spatial size in the summary is None and the
 * counts do not depend on it. Inverted residual blocks like MobileNetV2's, with hard-swish
 * activations and squeeze-and-excitation gates whose hard sigmoid is written as Keras
 * operations (`x + 3`, ReLU6, `x × 1/6`) that the summary lists as `add`, `re_lu`, `multiply`.
 * The classifier is two 1×1 convolutions on a kept-dims global pool, then Flatten.
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { correctPad } from './correct-pad.ts';
import { Graph } from './graph.ts';
import { makeDivisible } from './make-divisible.ts';

const BN = { axis: -1, epsilon: 1e-3, momentum: 0.999 };
const KERNEL = 5;
const SE_RATIO = 0.25;
const DROPOUT_RATE = 0.2;

type Activation = (g: Graph, x: TensorRef) => TensorRef;
const relu: Activation = (g, x) => g.call('ReLU', {}, x);
const hardSwish: Activation = (g, x) => g.call('Activation', { activation: 'hard_swish' }, x);

/** `hard_sigmoid`: ReLU6(x + 3) / 6, built from two operations and a ReLU layer. */
function hardSigmoid(g: Graph, x: TensorRef): TensorRef {
  const shifted = g.op('Add', [x, 3.0]);
  const clipped = g.call('ReLU', { max_value: 6.0 }, shifted);
  return g.op('Multiply', [clipped, 1.0 / 6.0]);
}

/** `_se_block`: pool, squeeze to a quarter (rounded to 8), excite back, gate the input. */
function squeezeExcite(g: Graph, inputs: TensorRef, filters: number, prefix: string): TensorRef {
  let x = g.call('GlobalAveragePooling2D', { keepdims: true }, inputs, `${prefix}squeeze_excite_avg_pool`);
  x = g.call('Conv2D', { filters: makeDivisible(filters * SE_RATIO), kernel_size: 1, padding: 'same' }, x, `${prefix}squeeze_excite_conv`);
  x = g.call('ReLU', {}, x, `${prefix}squeeze_excite_relu`);
  x = g.call('Conv2D', { filters, kernel_size: 1, padding: 'same' }, x, `${prefix}squeeze_excite_conv_1`);
  x = hardSigmoid(g, x);
  return g.call('Multiply', {}, [inputs, x], `${prefix}squeeze_excite_mul`);
}

/** One block: (expansion, filters, kernel, stride, squeeze-excite?, activation). */
type Block = [expansion: number, filters: number, kernel: number, stride: 1 | 2, se: boolean, activation: Activation];

/** `_inverted_res_block`; `inChannels` is what Keras reads from `x.shape`. */
function invertedResidual(g: Graph, input: TensorRef, inChannels: number, b: Block, id: number): TensorRef {
  const [expansion, filters, kernel, stride, se, activation] = b;
  const expanded = makeDivisible(inChannels * expansion);
  let prefix = 'expanded_conv_';
  let x = input;
  if (id > 0) {
    prefix = `expanded_conv_${id}_`;
    x = g.call('Conv2D', { filters: expanded, kernel_size: 1, padding: 'same', use_bias: false }, x, `${prefix}expand`);
    x = g.call('BatchNormalization', BN, x, `${prefix}expand_bn`);
    x = activation(g, x);
  }
  // The input is (None, None, 3), so correct_pad treats every side as unknown.
  if (stride === 2) x = g.call('ZeroPadding2D', { padding: correctPad(null, null, kernel) }, x, `${prefix}depthwise_pad`);
  x = g.call(
    'DepthwiseConv2D',
    { kernel_size: kernel, strides: stride, padding: stride === 1 ? 'same' : 'valid', use_bias: false },
    x,
    `${prefix}depthwise`,
  );
  x = g.call('BatchNormalization', BN, x, `${prefix}depthwise_bn`);
  x = activation(g, x);
  if (se) x = squeezeExcite(g, x, expanded, prefix);
  x = g.call('Conv2D', { filters, kernel_size: 1, padding: 'same', use_bias: false }, x, `${prefix}project`);
  x = g.call('BatchNormalization', BN, x, `${prefix}project_bn`);
  if (stride === 1 && inChannels === filters) x = g.call('Add', {}, [input, x], `${prefix}add`);
  return x;
}

/** The `stack_fn` of MobileNetV3Small, α = 1, not minimalistic. */
const SMALL: readonly Block[] = [
  [1, 16, 3, 2, true, relu],
  [72 / 16, 24, 3, 2, false, relu],
  [88 / 24, 24, 3, 1, false, relu],
  [4, 40, KERNEL, 2, true, hardSwish],
  [6, 40, KERNEL, 1, true, hardSwish],
  [6, 40, KERNEL, 1, true, hardSwish],
  [3, 48, KERNEL, 1, true, hardSwish],
  [3, 48, KERNEL, 1, true, hardSwish],
  [6, 96, KERNEL, 2, true, hardSwish],
  [6, 96, KERNEL, 1, true, hardSwish],
  [6, 96, KERNEL, 1, true, hardSwish],
];

/** The `stack_fn` of MobileNetV3Large, α = 1, not minimalistic. */
const LARGE: readonly Block[] = [
  [1, 16, 3, 1, false, relu],
  [4, 24, 3, 2, false, relu],
  [3, 24, 3, 1, false, relu],
  [3, 40, KERNEL, 2, true, relu],
  [3, 40, KERNEL, 1, true, relu],
  [3, 40, KERNEL, 1, true, relu],
  [6, 80, 3, 2, false, hardSwish],
  [2.5, 80, 3, 1, false, hardSwish],
  [2.3, 80, 3, 1, false, hardSwish],
  [2.3, 80, 3, 1, false, hardSwish],
  [6, 112, 3, 1, true, hardSwish],
  [6, 112, 3, 1, true, hardSwish],
  [6, 160, KERNEL, 2, true, hardSwish],
  [6, 160, KERNEL, 1, true, hardSwish],
  [6, 160, KERNEL, 1, true, hardSwish],
];

function mobilenetV3(name: string, blocks: readonly Block[], lastPointChannels: number): FunctionalModel {
  const g = new Graph();
  let x = g.input([null, null, 3]);
  x = g.call('Rescaling', { scale: 1.0 / 127.5, offset: -1.0 }, x);
  x = g.call('Conv2D', { filters: 16, kernel_size: 3, strides: [2, 2], padding: 'same', use_bias: false }, x, 'conv');
  x = g.call('BatchNormalization', BN, x, 'conv_bn');
  x = hardSwish(g, x);
  let channels = 16;
  blocks.forEach((b, id) => {
    x = invertedResidual(g, x, channels, b, id);
    channels = b[1];
  });
  x = g.call('Conv2D', { filters: makeDivisible(channels * 6), kernel_size: 1, padding: 'same', use_bias: false }, x, 'conv_1');
  x = g.call('BatchNormalization', BN, x, 'conv_1_bn');
  x = hardSwish(g, x);
  x = g.call('GlobalAveragePooling2D', { keepdims: true }, x);
  x = g.call('Conv2D', { filters: lastPointChannels, kernel_size: 1, padding: 'same', use_bias: true }, x, 'conv_2');
  x = hardSwish(g, x);
  x = g.call('Dropout', { rate: DROPOUT_RATE }, x);
  x = g.call('Conv2D', { filters: 1000, kernel_size: 1, padding: 'same' }, x, 'logits');
  x = g.call('Flatten', {}, x);
  x = g.call('Activation', { activation: 'softmax' }, x, 'predictions');
  return g.model(name, x);
}

/** `keras.applications.MobileNetV3Small()`: 11 blocks, a 1,024-wide penultimate conv. */
export const MobileNetV3Small = (): FunctionalModel => mobilenetV3('MobileNetV3Small', SMALL, 1024);

/** `keras.applications.MobileNetV3Large()`: 15 blocks, a 1,280-wide penultimate conv. */
export const MobileNetV3Large = (): FunctionalModel => mobilenetV3('MobileNetV3Large', LARGE, 1280);
