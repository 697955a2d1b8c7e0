/**
 * InceptionResNetV2 at 299 × 299 (keras/src/applications/inception_resnet_v2.py). The
 * InceptionV3-like stem and reductions surround 10 + 20 + 10 residual Inception blocks. Each
 * block concatenates its branches, projects them back to the input width with a 1×1 Conv2D that
 * keeps its bias (and has no BatchNormalization), and adds `input + scale × projection` through
 * the weightless CustomScaleLayer. Unnamed convolutions follow `conv2d_bn`: bias-free Conv2D,
 * BatchNormalization without gamma (scale=False) and relu, all with automatic names.
 */
import type { FunctionalModel, TensorRef } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

const CHANNEL_AXIS = 3;

interface ConvBn {
  strides?: number;
  padding?: 'same' | 'valid';
  activation?: string | null;
  useBias?: boolean;
  name?: string;
}

/** `conv2d_bn`: a conv with bias skips the BatchNormalization; `activation=None` skips the relu. */
function conv2dBn(g: Graph, x: TensorRef, filters: number, kernel: number | [number, number], o: ConvBn = {}): TensorRef {
  const useBias = o.useBias ?? false;
  const activation = o.activation === undefined ? 'relu' : o.activation;
  x = g.call(
    'Conv2D',
    { filters, kernel_size: kernel, strides: o.strides ?? 1, padding: o.padding ?? 'same', use_bias: useBias },
    x,
    o.name,
  );
  if (!useBias)
    x = g.call('BatchNormalization', { axis: CHANNEL_AXIS, scale: false }, x, o.name === undefined ? undefined : `${o.name}_bn`);
  if (activation !== null) x = g.call('Activation', { activation }, x, o.name === undefined ? undefined : `${o.name}_ac`);
  return x;
}

type BlockType = 'block35' | 'block17' | 'block8';

/** The branches of each residual block type. */
function branches(g: Graph, x: TensorRef, type: BlockType): TensorRef[] {
  if (type === 'block35') {
    const b0 = conv2dBn(g, x, 32, 1);
    const b1 = conv2dBn(g, conv2dBn(g, x, 32, 1), 32, 3);
    const b2 = conv2dBn(g, conv2dBn(g, conv2dBn(g, x, 32, 1), 48, 3), 64, 3);
    return [b0, b1, b2];
  }
  const [mid, first, second] = type === 'block17' ? [128, 160, 192] : [192, 224, 256];
  const k = type === 'block17' ? 7 : 3;
  const b0 = conv2dBn(g, x, 192, 1);
  const b1 = conv2dBn(g, conv2dBn(g, conv2dBn(g, x, mid, 1), first, [1, k]), second, [k, 1]);
  return [b0, b1];
}

/** `inception_resnet_block`: `channels` is the input width the projection restores. */
function residualBlock(
  g: Graph,
  x: TensorRef,
  channels: number,
  scale: number,
  type: BlockType,
  idx: number,
  activation: string | null = 'relu',
): TensorRef {
  const name = `${type}_${idx}`;
  const mixed = g.call('Concatenate', { axis: CHANNEL_AXIS }, branches(g, x, type), `${name}_mixed`);
  const up = conv2dBn(g, mixed, channels, 1, { activation: null, useBias: true, name: `${name}_conv` });
  let y = g.call('CustomScaleLayer', { scale }, [x, up]);
  if (activation !== null) y = g.call('Activation', { activation }, y, `${name}_ac`);
  return y;
}

/** `keras.applications.InceptionResNetV2()`. */
export function InceptionResNetV2(o: ApplicationOptions = {}): FunctionalModel {
  const g = new Graph();
  let x = g.input(o.inputShape ?? [299, 299, 3]);
  x = conv2dBn(g, x, 32, 3, { strides: 2, padding: 'valid' });
  x = conv2dBn(g, x, 32, 3, { padding: 'valid' });
  x = conv2dBn(g, x, 64, 3);
  x = g.call('MaxPooling2D', { pool_size: 3, strides: 2 }, x);
  x = conv2dBn(g, x, 80, 1, { padding: 'valid' });
  x = conv2dBn(g, x, 192, 3, { padding: 'valid' });
  x = g.call('MaxPooling2D', { pool_size: 3, strides: 2 }, x);

  // mixed_5b: 96 + 64 + 96 + 64 = 320 channels
  const a0 = conv2dBn(g, x, 96, 1);
  const a1 = conv2dBn(g, conv2dBn(g, x, 48, 1), 64, 5);
  const a2 = conv2dBn(g, conv2dBn(g, conv2dBn(g, x, 64, 1), 96, 3), 96, 3);
  const ap = conv2dBn(g, g.call('AveragePooling2D', { pool_size: 3, strides: 1, padding: 'same' }, x), 64, 1);
  x = g.call('Concatenate', { axis: CHANNEL_AXIS }, [a0, a1, a2, ap], 'mixed_5b');
  for (let i = 1; i <= 10; i++) x = residualBlock(g, x, 96 + 64 + 96 + 64, 0.17, 'block35', i);

  // mixed_6a: 384 + 384 + 320 = 1,088 channels
  const r0 = conv2dBn(g, x, 384, 3, { strides: 2, padding: 'valid' });
  const r1 = conv2dBn(g, conv2dBn(g, conv2dBn(g, x, 256, 1), 256, 3), 384, 3, { strides: 2, padding: 'valid' });
  const rp = g.call('MaxPooling2D', { pool_size: 3, strides: 2, padding: 'valid' }, x);
  x = g.call('Concatenate', { axis: CHANNEL_AXIS }, [r0, r1, rp], 'mixed_6a');
  for (let i = 1; i <= 20; i++) x = residualBlock(g, x, 384 + 384 + 320, 0.1, 'block17', i);

  // mixed_7a: 384 + 288 + 320 + 1,088 = 2,080 channels
  const s0 = conv2dBn(g, conv2dBn(g, x, 256, 1), 384, 3, { strides: 2, padding: 'valid' });
  const s1 = conv2dBn(g, conv2dBn(g, x, 256, 1), 288, 3, { strides: 2, padding: 'valid' });
  const s2 = conv2dBn(g, conv2dBn(g, conv2dBn(g, x, 256, 1), 288, 3), 320, 3, { strides: 2, padding: 'valid' });
  const sp = g.call('MaxPooling2D', { pool_size: 3, strides: 2, padding: 'valid' }, x);
  x = g.call('Concatenate', { axis: CHANNEL_AXIS }, [s0, s1, s2, sp], 'mixed_7a');
  const width = 384 + 288 + 320 + 1088;
  for (let i = 1; i <= 9; i++) x = residualBlock(g, x, width, 0.2, 'block8', i);
  x = residualBlock(g, x, width, 1.0, 'block8', 10, null);

  x = conv2dBn(g, x, 1536, 1, { name: 'conv_7b' });
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) =>
      g.call('Dense', { units: classes, activation: 'softmax' }, g.call('GlobalAveragePooling2D', {}, features, 'avg_pool'), 'predictions'),
    false,
  );
  return g.model('inception_resnet_v2', x);
}
