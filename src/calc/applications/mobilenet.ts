/**
 * MobileNet (v1) at α = 1.0, 224 × 224 (keras/src/applications/mobilenet.py). A 3×3 stem and
 * thirteen depthwise-separable blocks, each a 3×3 DepthwiseConv2D and a 1×1 Conv2D with its own
 * BatchNormalization and ReLU6. The classifier is a 1×1 convolution on a kept-dims global average
 * pool, reshaped to 1000 — so `conv_preds` has a bias and a 1 × 1 × 1024 × 1000 kernel.
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

const ALPHA = 1.0;
const DEPTH_MULTIPLIER = 1;
const DROPOUT = 1e-3;

/** The 13 blocks as (pointwise filters, stride); ids run from 1. */
const BLOCKS: readonly [filters: number, stride: number][] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

/** `_depthwise_conv_block`: a stride-2 block pads ((0, 1), (0, 1)) and convolves 'valid'. */
function depthwiseBlock(g: Graph, x: TensorRef, filters: number, stride: number, id: number): TensorRef {
  if (stride !== 1)
    x = g.call(
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
      x,
      `conv_pad_${id}`,
    );
  x = g.call(
    'DepthwiseConv2D',
    {
      kernel_size: [3, 3],
      padding: stride === 1 ? 'same' : 'valid',
      depth_multiplier: DEPTH_MULTIPLIER,
      strides: [stride, stride],
      use_bias: false,
    },
    x,
    `conv_dw_${id}`,
  );
  x = g.call('BatchNormalization', { axis: -1 }, x, `conv_dw_${id}_bn`);
  x = g.call('ReLU', { max_value: 6.0 }, x, `conv_dw_${id}_relu`);
  x = g.call(
    'Conv2D',
    { filters: Math.trunc(filters * ALPHA), kernel_size: [1, 1], padding: 'same', use_bias: false, strides: [1, 1] },
    x,
    `conv_pw_${id}`,
  );
  x = g.call('BatchNormalization', { axis: -1 }, x, `conv_pw_${id}_bn`);
  return g.call('ReLU', { max_value: 6.0 }, x, `conv_pw_${id}_relu`);
}

/** `keras.applications.MobileNet()`. */
export function MobileNet(o: ApplicationOptions = {}): FunctionalModel {
  const g = new Graph();
  const shape = o.inputShape ?? [224, 224, 3];
  let x = g.input(shape);
  x = g.call(
    'Conv2D',
    { filters: Math.trunc(32 * ALPHA), kernel_size: [3, 3], padding: 'same', use_bias: false, strides: [2, 2] },
    x,
    'conv1',
  );
  x = g.call('BatchNormalization', { axis: -1 }, x, 'conv1_bn');
  x = g.call('ReLU', { max_value: 6.0 }, x, 'conv1_relu');
  BLOCKS.forEach(([filters, stride], i) => (x = depthwiseBlock(g, x, filters, stride, i + 1)));
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) => {
      let y = g.call('GlobalAveragePooling2D', { keepdims: true }, features);
      y = g.call('Dropout', { rate: DROPOUT }, y, 'dropout');
      y = g.call('Conv2D', { filters: classes, kernel_size: [1, 1], padding: 'same' }, y, 'conv_preds');
      y = g.call('Reshape', { target_shape: [classes] }, y, 'reshape_2');
      return g.call('Activation', { activation: 'softmax' }, y, 'predictions');
    },
    false,
  );
  return g.model(`mobilenet_1.00_${shape[0] ?? 224}`, x);
}
