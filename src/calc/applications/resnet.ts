/**
 * ResNet50/101/152 and their V2 variants (keras/src/applications/resnet.py, resnet_v2.py).
 * A stem (7×7 stride-2 conv, 3×3 max pool), four stages of bottleneck blocks (1×1 squeeze,
 * 3×3, 1×1 expand to 4 × filters) joined to a shortcut by Add, then global average pooling
 * and a 1000-way Dense. V1 normalises after each convolution; V2 normalises before ("preact").
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

/** Blocks per stage (conv2 … conv5); the stages use 64, 128, 256, 512 bottleneck filters. */
const DEPTHS = { 50: [3, 4, 6, 3], 101: [3, 4, 23, 3], 152: [3, 8, 36, 3] } as const;
const STAGE_FILTERS = [64, 128, 256, 512];
const BN = { axis: 3, epsilon: 1.001e-5 };

type Depth = keyof typeof DEPTHS;

/** `residual_block_v1`: conv → BN → relu twice, a third conv and BN, added to the shortcut. */
function blockV1(g: Graph, x: TensorRef, filters: number, stride: number, convShortcut: boolean, name: string): TensorRef {
  let shortcut = x;
  if (convShortcut) {
    shortcut = g.call('Conv2D', { filters: 4 * filters, kernel_size: 1, strides: stride }, x, `${name}_0_conv`);
    shortcut = g.call('BatchNormalization', BN, shortcut, `${name}_0_bn`);
  }
  let y = g.call('Conv2D', { filters, kernel_size: 1, strides: stride }, x, `${name}_1_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_1_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_1_relu`);
  y = g.call('Conv2D', { filters, kernel_size: 3, padding: 'same' }, y, `${name}_2_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_2_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_2_relu`);
  y = g.call('Conv2D', { filters: 4 * filters, kernel_size: 1 }, y, `${name}_3_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_3_bn`);
  y = g.call('Add', {}, [shortcut, y], `${name}_add`);
  return g.call('Activation', { activation: 'relu' }, y, `${name}_out`);
}

/** `residual_block_v2`: BN and relu first; the bottleneck convolutions have no bias but the last. */
function blockV2(g: Graph, x: TensorRef, filters: number, stride: number, convShortcut: boolean, name: string): TensorRef {
  let preact = g.call('BatchNormalization', BN, x, `${name}_preact_bn`);
  preact = g.call('Activation', { activation: 'relu' }, preact, `${name}_preact_relu`);
  let shortcut = x;
  if (convShortcut) shortcut = g.call('Conv2D', { filters: 4 * filters, kernel_size: 1, strides: stride }, preact, `${name}_0_conv`);
  else if (stride > 1) shortcut = g.call('MaxPooling2D', { pool_size: 1, strides: stride }, x);
  let y = g.call('Conv2D', { filters, kernel_size: 1, strides: 1, use_bias: false }, preact, `${name}_1_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_1_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_1_relu`);
  y = g.call(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    y,
    `${name}_2_pad`,
  );
  y = g.call('Conv2D', { filters, kernel_size: 3, strides: stride, use_bias: false }, y, `${name}_2_conv`);
  y = g.call('BatchNormalization', BN, y, `${name}_2_bn`);
  y = g.call('Activation', { activation: 'relu' }, y, `${name}_2_relu`);
  y = g.call('Conv2D', { filters: 4 * filters, kernel_size: 1 }, y, `${name}_3_conv`);
  return g.call('Add', {}, [shortcut, y], `${name}_out`);
}

/**
 * One stage. V1 downsamples in its first block (stride 2 except conv2) through a projecting
 * shortcut; V2 projects in the first block and downsamples in the last (except conv5).
 */
function stage(g: Graph, x: TensorRef, preact: boolean, filters: number, blocks: number, downsample: boolean, name: string): TensorRef {
  const stride = downsample ? 2 : 1;
  for (let i = 1; i <= blocks; i++) {
    const block = `${name}_block${i}`;
    x = preact
      ? blockV2(g, x, filters, i === blocks ? stride : 1, i === 1, block)
      : blockV1(g, x, filters, i === 1 ? stride : 1, i === 1, block);
  }
  return x;
}

/** `ResNet(stack_fn, preact, use_bias)`: the stem, the stages and the classifier. */
function resnet(depth: Depth, preact: boolean, o: ApplicationOptions): FunctionalModel {
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
    'conv1_pad',
  );
  x = g.call('Conv2D', { filters: 64, kernel_size: 7, strides: 2, use_bias: true }, x, 'conv1_conv');
  if (!preact) {
    x = g.call('BatchNormalization', BN, x, 'conv1_bn');
    x = g.call('Activation', { activation: 'relu' }, x, 'conv1_relu');
  }
  x = g.call(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    x,
    'pool1_pad',
  );
  x = g.call('MaxPooling2D', { pool_size: 3, strides: 2 }, x, 'pool1_pool');
  DEPTHS[depth].forEach((blocks, s) => {
    // V1 keeps the size in conv2 (after the max pool); V2 keeps it in conv5.
    const downsample = preact ? s < 3 : s > 0;
    x = stage(g, x, preact, STAGE_FILTERS[s]!, blocks, downsample, `conv${s + 2}`);
  });
  if (preact) {
    x = g.call('BatchNormalization', BN, x, 'post_bn');
    x = g.call('Activation', { activation: 'relu' }, x, 'post_relu');
  }
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features, 'avg_pool'), 'predictions'),
    true,
  );
  return g.model(`resnet${depth}${preact ? 'v2' : ''}`, x);
}

/** `keras.applications.ResNet50()`: 3 + 4 + 6 + 3 bottleneck blocks. */
export const ResNet50 = (o: ApplicationOptions = {}): FunctionalModel => resnet(50, false, o);
export const ResNet101 = (o: ApplicationOptions = {}): FunctionalModel => resnet(101, false, o);
export const ResNet152 = (o: ApplicationOptions = {}): FunctionalModel => resnet(152, false, o);
/** `keras.applications.ResNet50V2()`: pre-activation blocks, a final `post_bn`. */
export const ResNet50V2 = (o: ApplicationOptions = {}): FunctionalModel => resnet(50, true, o);
export const ResNet101V2 = (o: ApplicationOptions = {}): FunctionalModel => resnet(101, true, o);
export const ResNet152V2 = (o: ApplicationOptions = {}): FunctionalModel => resnet(152, true, o);
