/**
 * InceptionV3 at 299 × 299 (keras/src/applications/inception_v3.py). Every convolution is
 * `conv2d_bn`: a bias-free Conv2D, a BatchNormalization without `gamma` (scale=False, so 1
 * trainable and 2 non-trainable numbers per channel) and a relu. The "mixed" blocks run
 * parallel branches (1×1, 5×5 or factorised 7×7, double 3×3, pooled) and concatenate them.
 * Keras names none of these layers, so they carry the automatic names `conv2d_N`,
 * `batch_normalization_N`, `activation_N` a fresh session gives them.
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

const CHANNEL_AXIS = 3;

/** `conv2d_bn(x, filters, rows, cols, padding, strides)`. */
function conv2dBn(
  g: Graph,
  x: TensorRef,
  filters: number,
  rows: number,
  cols: number,
  padding: 'same' | 'valid' = 'same',
  strides = 1,
): TensorRef {
  x = g.call('Conv2D', { filters, kernel_size: [rows, cols], strides: [strides, strides], padding, use_bias: false }, x);
  x = g.call('BatchNormalization', { axis: CHANNEL_AXIS, scale: false }, x);
  return g.call('Activation', { activation: 'relu' }, x);
}

/** The same-padded 3×3 stride-1 average pool every pooled branch starts with. */
const avgPool = (g: Graph, x: TensorRef): TensorRef =>
  g.call('AveragePooling2D', { pool_size: [3, 3], strides: [1, 1], padding: 'same' }, x);

const concat = (g: Graph, branches: TensorRef[], name?: string): TensorRef => g.call('Concatenate', { axis: CHANNEL_AXIS }, branches, name);

/** mixed0–2: 1×1, 5×5, double 3×3 and a pooled 1×1 with `poolFilters`. */
function block35(g: Graph, x: TensorRef, poolFilters: number, name: string): TensorRef {
  const b1 = conv2dBn(g, x, 64, 1, 1);
  let b5 = conv2dBn(g, x, 48, 1, 1);
  b5 = conv2dBn(g, b5, 64, 5, 5);
  let b3 = conv2dBn(g, x, 64, 1, 1);
  b3 = conv2dBn(g, b3, 96, 3, 3);
  b3 = conv2dBn(g, b3, 96, 3, 3);
  const bp = conv2dBn(g, avgPool(g, x), poolFilters, 1, 1);
  return concat(g, [b1, b5, b3, bp], name);
}

/** mixed4–7: factorised 7×7 branches with `mid` channels inside. */
function block17(g: Graph, x: TensorRef, mid: number, name: string): TensorRef {
  const b1 = conv2dBn(g, x, 192, 1, 1);
  let b7 = conv2dBn(g, x, mid, 1, 1);
  b7 = conv2dBn(g, b7, mid, 1, 7);
  b7 = conv2dBn(g, b7, 192, 7, 1);
  let bd = conv2dBn(g, x, mid, 1, 1);
  bd = conv2dBn(g, bd, mid, 7, 1);
  bd = conv2dBn(g, bd, mid, 1, 7);
  bd = conv2dBn(g, bd, mid, 7, 1);
  bd = conv2dBn(g, bd, 192, 1, 7);
  const bp = conv2dBn(g, avgPool(g, x), 192, 1, 1);
  return concat(g, [b1, b7, bd, bp], name);
}

/** mixed9–10: the 3×3 branches split into parallel 1×3 and 3×1 halves. */
function block8(g: Graph, x: TensorRef, i: number): TensorRef {
  const b1 = conv2dBn(g, x, 320, 1, 1);
  const b3 = conv2dBn(g, x, 384, 1, 1);
  const b3Split = concat(g, [conv2dBn(g, b3, 384, 1, 3), conv2dBn(g, b3, 384, 3, 1)], `mixed9_${i}`);
  let bd = conv2dBn(g, x, 448, 1, 1);
  bd = conv2dBn(g, bd, 384, 3, 3);
  const bdSplit = concat(g, [conv2dBn(g, bd, 384, 1, 3), conv2dBn(g, bd, 384, 3, 1)]);
  const bp = conv2dBn(g, avgPool(g, x), 192, 1, 1);
  return concat(g, [b1, b3Split, bdSplit, bp], `mixed${9 + i}`);
}

/** `keras.applications.InceptionV3()`. */
export function InceptionV3(o: ApplicationOptions = {}): FunctionalModel {
  const g = new Graph();
  let x = g.input(o.inputShape ?? [299, 299, 3]);
  x = conv2dBn(g, x, 32, 3, 3, 'valid', 2);
  x = conv2dBn(g, x, 32, 3, 3, 'valid');
  x = conv2dBn(g, x, 64, 3, 3);
  x = g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, x);
  x = conv2dBn(g, x, 80, 1, 1, 'valid');
  x = conv2dBn(g, x, 192, 3, 3, 'valid');
  x = g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, x);

  x = block35(g, x, 32, 'mixed0');
  x = block35(g, x, 64, 'mixed1');
  x = block35(g, x, 64, 'mixed2');

  // mixed3: reduce 35 → 17
  const r3 = conv2dBn(g, x, 384, 3, 3, 'valid', 2);
  let rd = conv2dBn(g, x, 64, 1, 1);
  rd = conv2dBn(g, rd, 96, 3, 3);
  rd = conv2dBn(g, rd, 96, 3, 3, 'valid', 2);
  x = concat(g, [r3, rd, g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, x)], 'mixed3');

  x = block17(g, x, 128, 'mixed4');
  x = block17(g, x, 160, 'mixed5');
  x = block17(g, x, 160, 'mixed6');
  x = block17(g, x, 192, 'mixed7');

  // mixed8: reduce 17 → 8
  let s3 = conv2dBn(g, x, 192, 1, 1);
  s3 = conv2dBn(g, s3, 320, 3, 3, 'valid', 2);
  let s7 = conv2dBn(g, x, 192, 1, 1);
  s7 = conv2dBn(g, s7, 192, 1, 7);
  s7 = conv2dBn(g, s7, 192, 7, 1);
  s7 = conv2dBn(g, s7, 192, 3, 3, 'valid', 2);
  x = concat(g, [s3, s7, g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, x)], 'mixed8');

  x = block8(g, x, 0);
  x = block8(g, x, 1);

  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features, 'avg_pool'), 'predictions'),
    false,
  );
  return g.model('inception_v3', x);
}
