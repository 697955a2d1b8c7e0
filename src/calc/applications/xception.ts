/**
 * Xception at 299 × 299 (keras/src/applications/xception.py). Two plain convolutions, then
 * residual blocks built from bias-free SeparableConv2D (a 3×3 depthwise kernel plus a 1×1
 * pointwise kernel) and BatchNormalization. The entry and exit blocks downsample with a 3×3
 * stride-2 max pool and a strided 1×1 Conv2D on the shortcut; the eight middle blocks add their
 * input back unchanged. The shortcut convolutions and their BatchNormalizations are unnamed in
 * Keras, so they carry automatic names (`conv2d`, `batch_normalization`, …).
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

const BN = { axis: -1 };

const sepConv = (g: Graph, x: TensorRef, filters: number, name: string): TensorRef =>
  g.call('SeparableConv2D', { filters, kernel_size: [3, 3], padding: 'same', use_bias: false }, x, name);

/** The strided 1×1 projection a downsampling block adds to its output. */
function projection(g: Graph, x: TensorRef, filters: number): TensorRef {
  const r = g.call('Conv2D', { filters, kernel_size: [1, 1], strides: [2, 2], padding: 'same', use_bias: false }, x);
  return g.call('BatchNormalization', BN, r);
}

/**
 * A downsampling block: [relu →] sepconv → BN → relu → sepconv → BN → max pool, plus the
 * projection. Block 2 starts without the relu (its input is already activated).
 */
function downsampling(g: Graph, x: TensorRef, filters: [number, number], block: number): TensorRef {
  const residual = projection(g, x, filters[1]);
  const p = `block${block}`;
  let y = x;
  if (block !== 2) y = g.call('Activation', { activation: 'relu' }, y, `${p}_sepconv1_act`);
  y = sepConv(g, y, filters[0], `${p}_sepconv1`);
  y = g.call('BatchNormalization', BN, y, `${p}_sepconv1_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${p}_sepconv2_act`);
  y = sepConv(g, y, filters[1], `${p}_sepconv2`);
  y = g.call('BatchNormalization', BN, y, `${p}_sepconv2_bn`);
  y = g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'same' }, y, `${p}_pool`);
  return g.call('Add', {}, [y, residual]);
}

/** A middle-flow block: three relu → sepconv(728) → BN, added to the input. */
function middle(g: Graph, x: TensorRef, block: number): TensorRef {
  const p = `block${block}`;
  let y = x;
  for (let i = 1; i <= 3; i++) {
    y = g.call('Activation', { activation: 'relu' }, y, `${p}_sepconv${i}_act`);
    y = sepConv(g, y, 728, `${p}_sepconv${i}`);
    y = g.call('BatchNormalization', BN, y, `${p}_sepconv${i}_bn`);
  }
  return g.call('Add', {}, [y, x]);
}

/** `keras.applications.Xception()`. */
export function Xception(o: ApplicationOptions = {}): FunctionalModel {
  const g = new Graph();
  let x = g.input(o.inputShape ?? [299, 299, 3]);
  x = g.call('Conv2D', { filters: 32, kernel_size: [3, 3], strides: [2, 2], use_bias: false }, x, 'block1_conv1');
  x = g.call('BatchNormalization', BN, x, 'block1_conv1_bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'block1_conv1_act');
  x = g.call('Conv2D', { filters: 64, kernel_size: [3, 3], use_bias: false }, x, 'block1_conv2');
  x = g.call('BatchNormalization', BN, x, 'block1_conv2_bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'block1_conv2_act');

  x = downsampling(g, x, [128, 128], 2);
  x = downsampling(g, x, [256, 256], 3);
  x = downsampling(g, x, [728, 728], 4);
  for (let b = 5; b <= 12; b++) x = middle(g, x, b);
  x = downsampling(g, x, [728, 1024], 13);

  x = sepConv(g, x, 1536, 'block14_sepconv1');
  x = g.call('BatchNormalization', BN, x, 'block14_sepconv1_bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'block14_sepconv1_act');
  x = sepConv(g, x, 2048, 'block14_sepconv2');
  x = g.call('BatchNormalization', BN, x, 'block14_sepconv2_bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'block14_sepconv2_act');

  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features, 'avg_pool'), 'predictions'),
    false,
  );
  return g.model('xception', x);
}
