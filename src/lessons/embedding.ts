/**
 * Lesson 11 — Embedding: a lookup table of input_dim × output_dim trainable numbers, no bias;
 * input_dim is the vocabulary size (largest index + 1); mask_zero changes nothing in the count;
 * the output shape adds one last axis to whatever integer shape comes in.
 */
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 9999, why: 'the largest word index in a 10,000-word vocabulary (indices 0 … 9,999)' },
  {
    value: 1280128,
    why: 'the wrong count 10,000 × 128 + 128 that adds a bias to Embedding(10000, 128) (docs/learner-mistakes.md#embedding-bias)',
  },
  { value: 0.05, why: 'the range ±0.05 of Keras’s default embeddings_initializer="uniform"' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Embedding'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
