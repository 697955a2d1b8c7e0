/**
 * Lesson 13, attention: MultiHeadAttention is four projections (query, key, value, output), each
 * a Dense layer reshaped into heads; `key_dim` is the size of one head, not of the model.
 * LayerNormalization adds a scale and an offset per feature, and a Transformer encoder block is
 * those two plus a feed-forward pair of Dense layers.
 */
import { tensor, type FunctionalModel } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact } from './types.ts';

/** Self-attention: the same tensor is the query and the value (and so the key). */
const self = (shape: (number | null)[]) => [shape, shape];

/** The base Transformer's sizes: d_model 512, 8 heads of 64, a feed-forward layer of 2048. */
const D_MODEL = 512;
const HEADS = 8;
const FFN = 2048;
const TOKENS = 128;

/**
 * One post-norm encoder block, as the Keras functional API records it:
 * x → MHA(x, x) → Add → LayerNorm → Dense(2048, relu) → Dense(512) → Add → LayerNorm.
 */
const encoderBlock: FunctionalModel = {
  kind: 'functional',
  name: 'encoder_block',
  layers: [
    { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, TOKENS, D_MODEL] } }, nodes: [] },
    {
      layer: { type: 'MultiHeadAttention', name: 'multi_head_attention', args: { num_heads: HEADS, key_dim: D_MODEL / HEADS } },
      nodes: [{ args: [tensor('input_layer'), tensor('input_layer')], kwargs: {} }],
    },
    {
      layer: { type: 'Add', name: 'add', args: {} },
      nodes: [{ args: [[tensor('input_layer'), tensor('multi_head_attention')]], kwargs: {} }],
    },
    { layer: { type: 'LayerNormalization', name: 'layer_normalization', args: {} }, nodes: [{ args: [tensor('add')], kwargs: {} }] },
    {
      layer: { type: 'Dense', name: 'dense', args: { units: FFN, activation: 'relu' } },
      nodes: [{ args: [tensor('layer_normalization')], kwargs: {} }],
    },
    { layer: { type: 'Dense', name: 'dense_1', args: { units: D_MODEL } }, nodes: [{ args: [tensor('dense')], kwargs: {} }] },
    {
      layer: { type: 'Add', name: 'add_1', args: {} },
      nodes: [{ args: [[tensor('layer_normalization'), tensor('dense_1')]], kwargs: {} }],
    },
    { layer: { type: 'LayerNormalization', name: 'layer_normalization_1', args: {} }, nodes: [{ args: [tensor('add_1')], kwargs: {} }] },
  ],
  inputs: [tensor('input_layer')],
  outputs: [tensor('layer_normalization_1')],
};

export const facts = {
  /** A small self-attention to follow by hand: 2 heads of 16 on 32 features. */
  small: { layer: { type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16 } }, input: self([null, 10, 32]) },
  smallNoBias: { layer: { type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16, use_bias: false } }, input: self([null, 10, 32]) },
  /** The same layer on a sequence ten times longer. */
  smallLong: { layer: { type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16 } }, input: self([null, 100, 32]) },
  /** docs/learner-mistakes.md#key-dim-per-head: key_dim is per head. */
  base: {
    layer: { type: 'MultiHeadAttention', args: { num_heads: HEADS, key_dim: D_MODEL / HEADS } },
    input: self([null, TOKENS, D_MODEL]),
  },
  keyDimTooBig: {
    layer: { type: 'MultiHeadAttention', args: { num_heads: HEADS, key_dim: D_MODEL } },
    input: self([null, TOKENS, D_MODEL]),
  },
  /** value_dim and output_shape set, and a query, key and value of different widths. */
  mixed: {
    layer: { type: 'MultiHeadAttention', args: { num_heads: 4, key_dim: 8, value_dim: 6, output_shape: 20 } },
    input: [
      [null, 10, 32],
      [null, 7, 24],
      [null, 7, 16],
    ],
  },
  /** Cross-attention: 5 queries read 7 values; the output follows the query. */
  cross: {
    layer: { type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16 } },
    input: [
      [null, 5, 32],
      [null, 7, 16],
    ],
  },
  layerNorm: { layer: { type: 'LayerNormalization', args: {} }, input: [null, TOKENS, D_MODEL] },
  /** BatchNormalization on the same tensor, for the comparison. */
  batchNorm: { layer: { type: 'BatchNormalization', args: {} }, input: [null, TOKENS, D_MODEL] },
  ffn1: { layer: { type: 'Dense', args: { units: FFN } }, input: [null, TOKENS, D_MODEL] },
  ffn2: { layer: { type: 'Dense', args: { units: D_MODEL } }, input: [null, TOKENS, FFN] },
  encoder: { model: encoderBlock },
} satisfies Record<string, LayerFact | ModelFact>;

const int = (target: string, min: number, max: number, en: string, zh: string) =>
  ({ target, kind: 'int', min, max, label: { en, 'zh-cn': zh } }) as const;

export const calculators = {
  mha: {
    id: 'mha',
    title: { en: 'MultiHeadAttention: heads, key_dim and the four projections', 'zh-cn': 'MultiHeadAttention：头数、key_dim 与四个投影' },
    layers: [{ type: 'MultiHeadAttention', args: { num_heads: HEADS, key_dim: D_MODEL / HEADS, use_bias: true } }],
    input: self([null, TOKENS, D_MODEL]),
    fields: [
      int('num_heads', 1, 32, 'Heads (num_heads)', '头数 (num_heads)'),
      {
        ...int('key_dim', 1, 1024, 'Size of each head (key_dim)', '每个头的键维度 (key_dim)'),
        help: {
          en: 'Per head: for a model of width D with H heads, the usual choice is D ÷ H.',
          'zh-cn': '按头计算：模型宽度为 D、头数为 H 时，通常取 D ÷ H。',
        },
      },
      int('inputs[0][2]', 1, 1024, 'Query features', '查询的特征数'),
      int('inputs[1][2]', 1, 1024, 'Value (and key) features', '值（及键）的特征数'),
      int('inputs[0][1]', 1, 512, 'Query length', '查询序列长度'),
      int('inputs[1][1]', 1, 512, 'Value (and key) length', '值（及键）序列长度'),
      { target: 'use_bias', kind: 'bool', label: { en: 'use_bias', 'zh-cn': 'use_bias' } },
    ],
    show: ['params', 'formula', 'shape', 'weights', 'projections'],
  },
  layerNorm: {
    id: 'layer-norm',
    title: {
      en: 'LayerNormalization and BatchNormalization on the same tensor',
      'zh-cn': '同一张量上的 LayerNormalization 与 BatchNormalization',
    },
    layers: [{ type: 'LayerNormalization' }, { type: 'BatchNormalization' }],
    input: [null, TOKENS, D_MODEL],
    fields: [int('input[1]', 1, 512, 'Sequence length', '序列长度'), int('input[2]', 1, 2048, 'Features', '特征数')],
    show: ['params', 'split', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const otherNumbers: LessonModule['otherNumbers'] = [];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['MultiHeadAttention', 'LayerNormalization'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
