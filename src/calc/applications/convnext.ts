/**
 * ConvNeXt Tiny … XLarge (keras/src/applications/convnext.py). A Normalization with fixed
 * ImageNet mean and variance (so no weights), a 4×4 stride-4 "patchify" stem and three 2×2
 * downsamplers — each a small Sequential nested inside the Functional model — and stages of
 * ConvNeXt blocks: a 7×7 depthwise convolution written as Conv2D with groups = channels (so it
 * keeps a bias), LayerNormalization, an inverted MLP (Dense 4C → gelu → Dense C), a LayerScale
 * γ per channel, and a residual `inputs + x`. Keras records that `+` as an `Add` operation with
 * an automatic name (`add`, `add_1`, …), which is what its summary lists.
 */
import type { FunctionalModel, SequentialModel, TensorRef } from '../model.ts';
import type { LayerArgs } from '../types.ts';
import { Graph } from './graph.ts';

/** `MODEL_CONFIGS`: blocks per stage and channels per stage. */
const CONFIGS = {
  tiny: { depths: [3, 3, 9, 3], dims: [96, 192, 384, 768] },
  small: { depths: [3, 3, 27, 3], dims: [96, 192, 384, 768] },
  base: { depths: [3, 3, 27, 3], dims: [128, 256, 512, 1024] },
  large: { depths: [3, 3, 27, 3], dims: [192, 384, 768, 1536] },
  xlarge: { depths: [3, 3, 27, 3], dims: [256, 512, 1024, 2048] },
} as const;

const LAYER_SCALE_INIT = 1e-6;
const LN = { epsilon: 1e-6 };
/** The ImageNet statistics the PreStem normalises with: mean and variance of 0–255 pixels. */
const MEAN = [0.485 * 255, 0.456 * 255, 0.406 * 255];
const VARIANCE = [(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2];

/** `Sequential([...], name=name)`, built on whatever it is first called on. */
function sequential(name: string, layers: { type: string; args: LayerArgs; name: string }[]): SequentialModel {
  return { kind: 'sequential', className: 'Sequential', name, layers };
}

/** `ConvNeXtBlock(projection_dim, drop_path_rate=0.0)`: the residual branch ends in Activation("linear"). */
function block(g: Graph, inputs: TensorRef, dim: number, name: string): TensorRef {
  let x = g.call('Conv2D', { filters: dim, kernel_size: 7, padding: 'same', groups: dim }, inputs, `${name}_depthwise_conv`);
  x = g.call('LayerNormalization', LN, x, `${name}_layernorm`);
  x = g.call('Dense', { units: 4 * dim }, x, `${name}_pointwise_conv_1`);
  x = g.call('Activation', { activation: 'gelu' }, x, `${name}_gelu`);
  x = g.call('Dense', { units: dim }, x, `${name}_pointwise_conv_2`);
  x = g.call('LayerScale', { init_values: LAYER_SCALE_INIT, projection_dim: dim }, x, `${name}_layer_scale`);
  x = g.call('Activation', { activation: 'linear' }, x, `${name}_identity`);
  return g.op('Add', [inputs, x]);
}

function convnext(size: keyof typeof CONFIGS): FunctionalModel {
  const name = `convnext_${size}`;
  const { depths, dims } = CONFIGS[size];
  const g = new Graph();
  let x = g.input([224, 224, 3]);
  x = g.call('Normalization', { mean: MEAN, variance: VARIANCE }, x, `${name}_prestem_normalization`);

  const downsamplers = [
    sequential(`${name}_stem`, [
      { type: 'Conv2D', args: { filters: dims[0], kernel_size: 4, strides: 4 }, name: `${name}_stem_conv` },
      { type: 'LayerNormalization', args: LN, name: `${name}_stem_layernorm` },
    ]),
    ...[0, 1, 2].map((i) =>
      sequential(`${name}_downsampling_block_${i}`, [
        { type: 'LayerNormalization', args: LN, name: `${name}_downsampling_layernorm_${i}` },
        { type: 'Conv2D', args: { filters: dims[i + 1], kernel_size: 2, strides: 2 }, name: `${name}_downsampling_conv_${i}` },
      ]),
    ),
  ];
  depths.forEach((blocks, i) => {
    x = g.nest(downsamplers[i]!, x);
    for (let j = 0; j < blocks; j++) x = block(g, x, dims[i]!, `${name}_stage_${i}_block_${j}`);
  });

  x = g.call('GlobalAveragePooling2D', {}, x, `${name}_head_gap`);
  x = g.call('LayerNormalization', LN, x, `${name}_head_layernorm`);
  x = g.call('Dense', { units: 1000, activation: 'softmax' }, x, `${name}_head_dense`);
  return g.model(name, x);
}

/** `keras.applications.ConvNeXtTiny()`: 3 + 3 + 9 + 3 blocks at 96–768 channels. */
export const ConvNeXtTiny = (): FunctionalModel => convnext('tiny');
export const ConvNeXtSmall = (): FunctionalModel => convnext('small');
export const ConvNeXtBase = (): FunctionalModel => convnext('base');
export const ConvNeXtLarge = (): FunctionalModel => convnext('large');
export const ConvNeXtXLarge = (): FunctionalModel => convnext('xlarge');
