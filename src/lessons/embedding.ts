/**
 * Lesson 11 — Embedding: a lookup table of input_dim × output_dim trainable numbers, no bias;
 * input_dim is the vocabulary size (largest index + 1); mask_zero changes nothing in the count;
 * the output shape adds one last axis to whatever integer shape comes in.
 */
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

export const facts = {
  /** A toy table: 5 words, 3 numbers each, looked up for a sentence of 4 indices. */
  toy: { layer: { type: 'Embedding', args: { input_dim: 5, output_dim: 3 } }, input: [null, 4] },
  /** The usual size: a 10,000-word vocabulary, 128 numbers per word, sentences of 20 indices. */
  words: { layer: { type: 'Embedding', args: { input_dim: 10_000, output_dim: 128 } }, input: [null, 20] },
  /** mask_zero=True: the same table, the same count. */
  wordsMasked: { layer: { type: 'Embedding', args: { input_dim: 10_000, output_dim: 128, mask_zero: true } }, input: [null, 20] },
  /** Sequences of any length: the time axis stays None. */
  wordsAnyLength: { layer: { type: 'Embedding', args: { input_dim: 10_000, output_dim: 128 } }, input: [null, null] },
  /** A batch of documents of 4 sentences × 20 words: one more axis in, one more axis out. */
  wordsDocuments: { layer: { type: 'Embedding', args: { input_dim: 10_000, output_dim: 128 } }, input: [null, 4, 20] },
  /** The same weights as a bias-free Dense layer on one-hot vectors of length 10,000. */
  oneHotDense: { layer: { type: 'Dense', args: { units: 128, use_bias: false } }, input: [null, 10_000] },
  /** A small review classifier: the embedding dominates the count. */
  reviews: {
    model: {
      kind: 'sequential',
      name: 'reviews',
      input: [null, 200],
      layers: [
        { type: 'Embedding', args: { input_dim: 10_000, output_dim: 16 } },
        { type: 'GlobalAveragePooling1D' },
        { type: 'Dense', args: { units: 16, activation: 'relu' } },
        { type: 'Dense', args: { units: 1, activation: 'sigmoid' } },
      ],
    },
  },
  /** Pre-trained vectors loaded and frozen: the whole table moves to non-trainable. */
  frozenVectors: {
    model: {
      kind: 'sequential',
      name: 'frozen_vectors',
      input: [null, 200],
      layers: [
        { type: 'Embedding', trainable: false, args: { input_dim: 10_000, output_dim: 100 } },
        { type: 'GlobalAveragePooling1D' },
        { type: 'Dense', args: { units: 1, activation: 'sigmoid' } },
      ],
    },
  },
  /** Quiz: Embedding(5000, 64). */
  quizParams: { layer: { type: 'Embedding', args: { input_dim: 5_000, output_dim: 64 } }, input: [null, 50] },
  /** Quiz: output shape on (None, 50). */
  quizShape: { layer: { type: 'Embedding', args: { input_dim: 1_000, output_dim: 32 } }, input: [null, 50] },
  /** Quiz: indices 0 … 19,999 → input_dim 20,000. */
  quizVocab: { layer: { type: 'Embedding', args: { input_dim: 20_000, output_dim: 100, mask_zero: true } }, input: [null, 80] },
} satisfies Record<string, Fact>;

export const calculators = {
  /** The lookup table: vocabulary, vector size, sequence length, mask_zero. */
  embedding: {
    id: 'embedding',
    title: { en: 'Embedding: a lookup table', 'zh-cn': 'Embedding：一张查找表' },
    layers: [{ type: 'Embedding', args: { input_dim: 10_000, output_dim: 128, mask_zero: false } }],
    input: [null, 20],
    fields: [
      {
        target: 'input_dim',
        kind: 'int',
        min: 1,
        max: 65_536,
        help: { en: 'Vocabulary size: the largest index + 1.', 'zh-cn': '词表大小：最大索引 + 1。' },
      },
      { target: 'output_dim', kind: 'int', min: 1, max: 1024 },
      {
        target: 'input[1]',
        kind: 'int',
        min: 1,
        max: 1000,
        label: { en: 'Sequence length', 'zh-cn': '序列长度' },
      },
      {
        target: 'mask_zero',
        kind: 'bool',
        label: { en: 'mask_zero (index 0 is padding)', 'zh-cn': 'mask_zero（索引 0 表示填充）' },
      },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const quiz: Question[] = [
  {
    id: 'embedding-params',
    prompt: {
      en: '`Embedding(5000, 64)` on sequences of 50 word indices. How many parameters?',
      'zh-cn': '`Embedding(5000, 64)` 作用在长度为 50 的词索引序列上。参数量是多少？',
    },
    answer: { fact: facts.quizParams, ask: 'params' },
    hint: {
      en: 'One row of 64 numbers per vocabulary entry, and nothing else: no bias, and the sequence length plays no part.',
      'zh-cn': '词表里每一项对应一行 64 个数，此外什么都没有：没有偏置，序列长度也不参与计算。',
    },
    explanation: {
      en: '5,000 × 64 = 320,000. Adding a bias would give 320,064; multiplying by the 50 positions would count the same rows again and again.',
      'zh-cn': '5,000 × 64 = 320,000。加上偏置会得到 320,064；再乘以 50 个位置则是把同样的行重复计数。',
    },
  },
  {
    id: 'embedding-shape',
    prompt: {
      en: '`Embedding(1000, 32)` receives `(None, 50)`. What output shape does the summary print?',
      'zh-cn': '`Embedding(1000, 32)` 的输入是 `(None, 50)`。模型摘要中的输出形状是什么？',
    },
    answer: { fact: facts.quizShape, ask: 'shape' },
    hint: {
      en: 'Every index is replaced by a vector: the input shape gains one last axis.',
      'zh-cn': '每个索引都被换成一个向量：输入形状在最后多出一个轴。',
    },
    explanation: {
      en: 'Each of the 50 indices becomes a vector of 32 numbers: (None, 50, 32). The vocabulary size does not appear in the shape.',
      'zh-cn': '50 个索引各变成一个 32 维向量：(None, 50, 32)。词表大小不出现在形状里。',
    },
  },
  {
    id: 'embedding-vocab',
    prompt: {
      en: 'Your tokenizer numbers words from 1 to 19,999 and uses 0 for padding, so you set `mask_zero=True`. With vectors of 100 numbers, how many parameters does the right Embedding layer have?',
      'zh-cn':
        '你的分词器把词编号为 1 到 19,999，用 0 表示填充，因此设置了 `mask_zero=True`。向量长度为 100 时，正确的 Embedding 层有多少参数？',
    },
    answer: { fact: facts.quizVocab, ask: 'params' },
    hint: {
      en: '`input_dim` is the largest index + 1 (the padding index 0 needs a row too); `mask_zero` adds nothing.',
      'zh-cn': '`input_dim` 是最大索引 + 1（填充索引 0 也要占一行）；`mask_zero` 不增加任何参数。',
    },
    explanation: {
      en: 'The largest index is 19,999, so input_dim = 20,000 and the table has 20,000 × 100 = 2,000,000 numbers. Using 19,999 would leave the last word without a row.',
      'zh-cn':
        '最大索引是 19,999，所以 input_dim = 20,000，查找表共有 20,000 × 100 = 2,000,000 个数。如果写成 19,999，最后一个词就没有对应的行了。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 9999, why: 'the largest word index in a 10,000-word vocabulary (indices 0 … 9,999)' },
  {
    value: 1280128,
    why: 'the wrong count 10,000 × 128 + 128 that adds a bias to Embedding(10000, 128) (docs/learner-mistakes.md#embedding-bias)',
  },
  { value: 19999, why: 'the largest word index in the quiz’s vocabulary (words 1 … 19,999, 0 for padding)' },
  {
    value: 320064,
    why: 'the wrong count 5,000 × 64 + 64 that adds a bias to Embedding(5000, 64) (docs/learner-mistakes.md#embedding-bias), named in the quiz explanation',
  },
  { value: 0.05, why: 'the range ±0.05 of Keras’s default embeddings_initializer="uniform"' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Embedding'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
