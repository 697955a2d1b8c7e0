/**
 * DenseNet121/169/201 (keras/src/applications/densenet.py). Inside a dense block every layer
 * (BN → relu → 1×1 conv to 128 → BN → relu → 3×3 conv to 32) concatenates its 32 new channels
 * onto everything before it, so the width grows by 32 per layer; a transition halves the
 * channels with a 1×1 conv and the size with a 2×2 average pool. No convolution has a bias.
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

/** Layers per dense block. */
const BLOCKS = { 121: [6, 12, 24, 16], 169: [6, 12, 32, 32], 201: [6, 12, 48, 32] } as const;
const GROWTH_RATE = 32;
const REDUCTION = 0.5;
const BN = { axis: 3, epsilon: 1.001e-5 };

/** What the Keras code reads from `x.shape` while it builds: the channel count. */
interface Feature {
  x: TensorRef;
  channels: number;
}

/** `conv_block`: one layer of a dense block. */
function convBlock(g: Graph, input: Feature, name: string): Feature {
  let y = g.call('BatchNormalization', BN, input.x, `${name}_0_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_0_relu`);
  y = g.call('Conv2D', { filters: 4 * GROWTH_RATE, kernel_size: 1, use_bias: false }, y, `${name}_1_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_1_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_1_relu`);
  y = g.call('Conv2D', { filters: GROWTH_RATE, kernel_size: 3, padding: 'same', use_bias: false }, y, `${name}_2_conv`);
  const x = g.call('Concatenate', { axis: 3 }, [input.x, y], `${name}_concat`);
  return { x, channels: input.channels + GROWTH_RATE };
}

/** `transition_block`: `int(channels × 0.5)` filters, then a 2×2 average pool. */
function transition(g: Graph, input: Feature, name: string): Feature {
  let x = g.call('BatchNormalization', BN, input.x, `${name}_bn`);
  x = g.call('Activation', { activation: 'relu' }, x, `${name}_relu`);
  const channels = Math.trunc(input.channels * REDUCTION);
  x = g.call('Conv2D', { filters: channels, kernel_size: 1, use_bias: false }, x, `${name}_conv`);
  x = g.call('AveragePooling2D', { pool_size: 2, strides: 2 }, x, `${name}_pool`);
  return { x, channels };
}

function densenet(depth: keyof typeof BLOCKS, o: ApplicationOptions): FunctionalModel {
  const g = new Graph();
  let x = g.input(o.inputShape ?? [224, 224, 3]);
  x = g.call(
    'ZeroPadding2D',
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    x,
  );
  x = g.call('Conv2D', { filters: 64, kernel_size: 7, strides: 2, use_bias: false }, x, 'conv1_conv');
  x = g.call('BatchNormalization', BN, x, 'conv1_bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'conv1_relu');
  x = g.call(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    x,
  );
  x = g.call('MaxPooling2D', { pool_size: 3, strides: 2 }, x, 'pool1');
  let f: Feature = { x, channels: 64 };
  BLOCKS[depth].forEach((layers, b) => {
    for (let i = 1; i <= layers; i++) f = convBlock(g, f, `conv${b + 2}_block${i}`);
    if (b < 3) f = transition(g, f, `pool${b + 2}`);
  });
  x = g.call('BatchNormalization', BN, f.x, 'bn');
  x = g.call('Activation', { activation: 'relu' }, x, 'relu');
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features, 'avg_pool'), 'predictions'),
    true,
  );
  return g.model(`densenet${depth}`, x);
}

/** `keras.applications.DenseNet121()`: 6 + 12 + 24 + 16 dense layers. */
export const DenseNet121 = (o: ApplicationOptions = {}): FunctionalModel => densenet(121, o);
export const DenseNet169 = (o: ApplicationOptions = {}): FunctionalModel => densenet(169, o);
export const DenseNet201 = (o: ApplicationOptions = {}): FunctionalModel => densenet(201, o);
