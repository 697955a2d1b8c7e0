/**
 * Lesson 13, attention: MultiHeadAttention is four projections (query, key, value, output), each
 * a Dense layer reshaped into heads; `key_dim` is the size of one head, not of the model.
 * LayerNormalization adds a scale and an offset per feature, and a Transformer encoder block is
 * those two plus a feed-forward pair of Dense layers.
 */
import { tensor, type FunctionalModel } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact, Question } from './types.ts';

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
  /** Quiz: LayerNormalization on 256 features. */
  layerNorm256: { layer: { type: 'LayerNormalization', args: {} }, input: [null, 20, 256] },
  /** Quiz: 4 heads on 256 features, key_dim = 256 / 4. */
  quizMha: { layer: { type: 'MultiHeadAttention', args: { num_heads: 4, key_dim: 64 } }, input: self([null, 20, 256]) },
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

export const quiz: Question[] = [
  {
    id: 'mha-4-heads-256',
    prompt: {
      en: 'A Transformer of width 256 uses `MultiHeadAttention(num_heads=4, key_dim=64)` for self-attention on `(None, 20, 256)`. How many parameters?',
      'zh-cn':
        '一个宽度为 256 的 Transformer 在 `(None, 20, 256)` 上用 `MultiHeadAttention(num_heads=4, key_dim=64)` 做自注意力。参数量是多少？',
    },
    answer: { fact: facts.quizMha, ask: 'params' },
    hint: {
      en: 'Query, key and value each project 256 features to 4 × 64 = 256 columns with a bias; the output projects 256 back to 256 with one bias vector.',
      'zh-cn': '查询、键、值各自把 256 个特征投影到 4 × 64 = 256 列，并带偏置；输出投影再把 256 映射回 256，另加一个偏置向量。',
    },
    explanation: {
      en: 'Query, key and value: 4 × 64 × (256 + 1) = 65,792 each. Output: 4 × 64 × 256 + 256 = 65,792. Four times 65,792 is 263,168.',
      'zh-cn': '查询、键、值：各为 4 × 64 × (256 + 1) = 65,792。输出投影：4 × 64 × 256 + 256 = 65,792。四个 65,792 相加得 263,168。',
    },
  },
  {
    id: 'layer-norm-256',
    prompt: {
      en: 'How many parameters does `LayerNormalization()` have on `(None, 20, 256)`?',
      'zh-cn': '`LayerNormalization()` 作用在 `(None, 20, 256)` 上有多少个参数？',
    },
    answer: { fact: facts.layerNorm256, ask: 'params' },
    hint: {
      en: 'One gamma and one beta per feature of the last axis; the 20 positions share them.',
      'zh-cn': '最后一个轴上的每个特征各有一个 gamma 和一个 beta；20 个位置共用它们。',
    },
    explanation: { en: '2 × 256 = 512, all trainable.', 'zh-cn': '2 × 256 = 512，全部可训练。' },
  },
  {
    id: 'cross-attention-shape',
    prompt: {
      en: '`MultiHeadAttention(num_heads=2, key_dim=16)` is called with a query of shape `(None, 5, 32)` and a value of shape `(None, 7, 16)`. What is the output shape?',
      'zh-cn': '`MultiHeadAttention(num_heads=2, key_dim=16)` 的查询形状为 `(None, 5, 32)`，值的形状为 `(None, 7, 16)`。输出形状是什么？',
    },
    answer: { fact: facts.cross, ask: 'shape' },
    hint: {
      en: "Each query position gets one answer, and the output projection returns to the query's width unless output_shape says otherwise.",
      'zh-cn': '每个查询位置得到一个结果；除非指定 output_shape，输出投影会回到查询的宽度。',
    },
    explanation: {
      en: "Five query positions, each projected back to the query's 32 features: (None, 5, 32). The value's 7 positions and 16 features only change the weights.",
      'zh-cn': '5 个查询位置，每个都投影回查询的 32 个特征：(None, 5, 32)。值的 7 个位置和 16 个特征只影响权重。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['MultiHeadAttention', 'LayerNormalization'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
