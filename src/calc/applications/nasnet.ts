/**
 * NASNet-A Mobile and Large (keras/src/applications/nasnet.py). Cells found by architecture
 * search: each takes the two previous cells' outputs (`ip` and `p`), runs pairs of operations
 * (two stacked relu → SeparableConv2D → BatchNormalization, or pooling) and adds them, then
 * concatenates. Before a cell, `p` is adjusted to `ip`'s size (a two-path stride-2 1×1 average
 * pool and conv) or width (a 1×1 projection). Every convolution is bias-free, so the only
 * biases in the model are the classifier's. Many relus and the adjust paths' padding, cropping,
 * concatenation and adds are unnamed in Keras and carry automatic names.
 */
import { convLength, poolLength } from '../conv-arithmetic.ts';
import type { FunctionalModel, TensorRef } from '../model.ts';
import type { Dim } from '../types.ts';
import { correctPad } from './correct-pad.ts';
import { Graph } from './graph.ts';

const BN = { axis: -1, momentum: 0.9997, epsilon: 1e-3 };

/** What the Keras code reads from `x.shape` while it builds: channels and the spatial side. */
interface Feature {
  x: TensorRef;
  channels: number;
  side: Dim;
}

const relu = (g: Graph, x: TensorRef, name?: string): TensorRef => g.call('Activation', { activation: 'relu' }, x, name);
const halve = (side: Dim): Dim => poolLength(side, 1, 2, 'valid');

/** `_separable_conv_block`: relu → sepconv (strided ones behind `correct_pad`) → BN → relu → sepconv → BN. */
function separableBlock(g: Graph, ip: Feature, filters: number, kernel: number, stride: 1 | 2, id: string): Feature {
  let x = relu(g, ip.x);
  let side = ip.side;
  if (stride === 2) {
    const padding = correctPad(side, side, kernel);
    x = g.call('ZeroPadding2D', { padding }, x, `separable_conv_1_pad_${id}`);
    side = convLength(side === null ? null : side + padding[0][0] + padding[0][1], kernel, 2, 1, 'valid');
  }
  x = g.call(
    'SeparableConv2D',
    { filters, kernel_size: [kernel, kernel], strides: [stride, stride], padding: stride === 2 ? 'valid' : 'same', use_bias: false },
    x,
    `separable_conv_1_${id}`,
  );
  x = g.call('BatchNormalization', BN, x, `separable_conv_1_bn_${id}`);
  x = relu(g, x);
  x = g.call('SeparableConv2D', { filters, kernel_size: [kernel, kernel], padding: 'same', use_bias: false }, x, `separable_conv_2_${id}`);
  x = g.call('BatchNormalization', BN, x, `separable_conv_2_bn_${id}`);
  return { x, channels: filters, side };
}

/** `_adjust_block`: bring the previous-previous output `p` to `ip`'s size and to `filters` channels. */
function adjust(g: Graph, p: Feature | null, ip: Feature, filters: number, id: string): Feature {
  if (p === null) return ip;
  if (p.side !== ip.side) {
    const r = relu(g, p.x, `adjust_relu_1_${id}`);
    let p1 = g.call('AveragePooling2D', { pool_size: [1, 1], strides: [2, 2], padding: 'valid' }, r, `adjust_avg_pool_1_${id}`);
    p1 = g.call(
      'Conv2D',
      { filters: Math.floor(filters / 2), kernel_size: [1, 1], padding: 'same', use_bias: false },
      p1,
      `adjust_conv_1_${id}`,
    );
    // The second path shifts the image by one pixel before the same stride-2 sampling.
    let p2 = g.call(
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
      r,
    );
    p2 = g.call(
      'Cropping2D',
      {
        cropping: [
          [1, 0],
          [1, 0],
        ],
      },
      p2,
    );
    p2 = g.call('AveragePooling2D', { pool_size: [1, 1], strides: [2, 2], padding: 'valid' }, p2, `adjust_avg_pool_2_${id}`);
    p2 = g.call(
      'Conv2D',
      { filters: Math.floor(filters / 2), kernel_size: [1, 1], padding: 'same', use_bias: false },
      p2,
      `adjust_conv_2_${id}`,
    );
    let x = g.call('Concatenate', { axis: -1 }, [p1, p2]);
    x = g.call('BatchNormalization', BN, x, `adjust_bn_${id}`);
    return { x, channels: 2 * Math.floor(filters / 2), side: halve(p.side) };
  }
  if (p.channels !== filters) {
    let x = relu(g, p.x);
    x = g.call(
      'Conv2D',
      { filters, kernel_size: [1, 1], strides: [1, 1], padding: 'same', use_bias: false },
      x,
      `adjust_conv_projection_${id}`,
    );
    x = g.call('BatchNormalization', BN, x, `adjust_bn_${id}`);
    return { x, channels: filters, side: p.side };
  }
  return p;
}

/** relu → 1×1 conv → BN: how both cell types prepare `ip`. */
function squeeze(g: Graph, ip: Feature, filters: number, kind: 'normal' | 'reduction', id: string): Feature {
  let h = relu(g, ip.x);
  h = g.call('Conv2D', { filters, kernel_size: [1, 1], strides: [1, 1], padding: 'same', use_bias: false }, h, `${kind}_conv_1_${id}`);
  h = g.call('BatchNormalization', BN, h, `${kind}_bn_1_${id}`);
  return { x: h, channels: filters, side: ip.side };
}

const avgPool3 = (g: Graph, x: TensorRef, stride: 1 | 2, name: string): TensorRef =>
  g.call('AveragePooling2D', { pool_size: [3, 3], strides: [stride, stride], padding: stride === 1 ? 'same' : 'valid' }, x, name);
const add = (g: Graph, a: TensorRef, b: TensorRef, name?: string): TensorRef => g.call('Add', {}, [a, b], name);

/** `_normal_a_cell`: returns the cell's output and its `ip`, which becomes the next cell's `p`. */
function normalCell(g: Graph, ip: Feature, prev: Feature | null, filters: number, id: string): [Feature, Feature] {
  const p = adjust(g, prev, ip, filters, id);
  const h = squeeze(g, ip, filters, 'normal', id);
  const x1 = add(
    g,
    separableBlock(g, h, filters, 5, 1, `normal_left1_${id}`).x,
    separableBlock(g, p, filters, 3, 1, `normal_right1_${id}`).x,
    `normal_add_1_${id}`,
  );
  const x2 = add(
    g,
    separableBlock(g, p, filters, 5, 1, `normal_left2_${id}`).x,
    separableBlock(g, p, filters, 3, 1, `normal_right2_${id}`).x,
    `normal_add_2_${id}`,
  );
  const x3 = add(g, avgPool3(g, h.x, 1, `normal_left3_${id}`), p.x, `normal_add_3_${id}`);
  const x4 = add(g, avgPool3(g, p.x, 1, `normal_left4_${id}`), avgPool3(g, p.x, 1, `normal_right4_${id}`), `normal_add_4_${id}`);
  const x5 = add(g, separableBlock(g, h, filters, 3, 1, `normal_left5_${id}`).x, h.x, `normal_add_5_${id}`);
  const x = g.call('Concatenate', { axis: -1 }, [p.x, x1, x2, x3, x4, x5], `normal_concat_${id}`);
  return [{ x, channels: p.channels + 5 * filters, side: ip.side }, ip];
}

/** `_reduction_a_cell`: halves the size; returns the output and its `ip`. */
function reductionCell(g: Graph, ip: Feature, prev: Feature | null, filters: number, id: string): [Feature, Feature] {
  const p = adjust(g, prev, ip, filters, id);
  const h = squeeze(g, ip, filters, 'reduction', id);
  const pad = correctPad(h.side, h.side, 3);
  const h3 = g.call('ZeroPadding2D', { padding: pad }, h.x, `reduction_pad_1_${id}`);
  const x1f = separableBlock(g, h, filters, 5, 2, `reduction_left1_${id}`);
  const x1 = add(g, x1f.x, separableBlock(g, p, filters, 7, 2, `reduction_right1_${id}`).x, `reduction_add_1_${id}`);
  const maxPool = (name: string): TensorRef => g.call('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'valid' }, h3, name);
  const x2 = add(
    g,
    maxPool(`reduction_left2_${id}`),
    separableBlock(g, p, filters, 7, 2, `reduction_right2_${id}`).x,
    `reduction_add_2_${id}`,
  );
  const x3 = add(
    g,
    avgPool3(g, h3, 2, `reduction_left3_${id}`),
    separableBlock(g, p, filters, 5, 2, `reduction_right3_${id}`).x,
    `reduction_add3_${id}`,
  );
  const x4 = add(g, x2, avgPool3(g, x1, 1, `reduction_left4_${id}`));
  const x1Feature: Feature = { x: x1, channels: filters, side: x1f.side };
  const x5 = add(
    g,
    separableBlock(g, x1Feature, filters, 3, 1, `reduction_left4_${id}`).x,
    maxPool(`reduction_right5_${id}`),
    `reduction_add4_${id}`,
  );
  const x = g.call('Concatenate', { axis: -1 }, [x2, x3, x4, x5], `reduction_concat_${id}`);
  return [{ x, channels: 4 * filters, side: x1f.side }, ip];
}

interface NASNetConfig {
  name: string;
  size: number;
  penultimateFilters: number;
  blocks: number;
  stemFilters: number;
  skipReduction: boolean;
}

function nasnet(c: NASNetConfig): FunctionalModel {
  const multiplier = 2;
  const filters = Math.floor(c.penultimateFilters / 24);
  const g = new Graph();
  const input = g.input([c.size, c.size, 3]);
  let x = g.call(
    'Conv2D',
    { filters: c.stemFilters, kernel_size: [3, 3], strides: [2, 2], padding: 'valid', use_bias: false },
    input,
    'stem_conv1',
  );
  x = g.call('BatchNormalization', BN, x, 'stem_bn1');
  let f: Feature = { x, channels: c.stemFilters, side: convLength(c.size, 3, 2, 1, 'valid') };
  let p: Feature | null = null;
  [f, p] = reductionCell(g, f, p, Math.floor(filters / multiplier ** 2), 'stem_1');
  [f, p] = reductionCell(g, f, p, Math.floor(filters / multiplier), 'stem_2');
  for (let stage = 0; stage < 3; stage++) {
    const width = filters * multiplier ** stage;
    if (stage > 0) {
      let p0: Feature;
      [f, p0] = reductionCell(g, f, p, width, `reduce_${stage * c.blocks}`);
      if (!c.skipReduction) p = p0;
    }
    for (let i = 0; i < c.blocks; i++) [f, p] = normalCell(g, f, p, width, `${stage * c.blocks + i + (stage > 0 ? 1 : 0)}`);
  }
  x = relu(g, f.x);
  x = g.call('GlobalAveragePooling2D', {}, x);
  x = g.call('Dense', { units: 1000, activation: 'softmax' }, x, 'predictions');
  return g.model(c.name, x);
}

/** `keras.applications.NASNetMobile()`: 224 × 224, 4 normal cells per stage, penultimate 1,056. */
export const NASNetMobile = (): FunctionalModel =>
  nasnet({ name: 'nasnet_mobile', size: 224, penultimateFilters: 1056, blocks: 4, stemFilters: 32, skipReduction: false });

/** `keras.applications.NASNetLarge()`: 331 × 331, 6 normal cells per stage, penultimate 4,032. */
export const NASNetLarge = (): FunctionalModel =>
  nasnet({ name: 'nasnet_large', size: 331, penultimateFilters: 4032, blocks: 6, stemFilters: 96, skipReduction: true });
