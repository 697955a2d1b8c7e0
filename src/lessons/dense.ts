/**
 * Dense: `units × (inputs + 1)`, the kernel/bias split, use_bias, and N-D input, where
 * Dense works on the last axis only and reuses the same weights at every other position.
 */
import { shapeText, type Shape } from '@calc/basics.ts';
import { on, outputOf, paramsOf } from './layer-facts.ts';
import type { CalculatorPreset, LayerFact, LessonModule, Question } from './types.ts';

/** The sequence example: 20 time steps of 5 features each, and what Flatten would make of it. */
const sequence: Shape = [null, 20, 5];
const flattenSequence = on('Flatten', {}, sequence);

export const facts = {
  /** The MNIST network's hidden layer: 576 flattened features to 64 units. */
  hidden: on('Dense', { units: 64, activation: 'relu' }, [null, 576]),
  /** Its output layer: 64 features to 10 class scores. */
  output: on('Dense', { units: 10 }, [null, 64]),
  /** The hidden layer without biases. */
  hiddenNoBias: on('Dense', { units: 64, use_bias: false }, [null, 576]),
  /** The example of docs/learner-mistakes.md#forgot-bias: 100 features to 64 units. */
  small: on('Dense', { units: 64 }, [null, 100]),
  /** The example of docs/learner-mistakes.md#dense-flattens: Dense(10) on 20 steps × 5 features. */
  sequence: on('Dense', { units: 10 }, sequence),
  /** What the same sequence would cost if it were flattened first. */
  flattenSequence,
  flattenedDense: on('Dense', { units: 10 }, outputOf(flattenSequence)),
  /** Dense on an image-shaped tensor, and the 1×1 convolution it equals. */
  image: on('Dense', { units: 8 }, [null, 13, 13, 32]),
  pointwise: on('Conv2D', { filters: 8, kernel_size: 1 }, [null, 13, 13, 32]),
} satisfies Record<string, LayerFact>;

export const calculators = {
  /** Dense on a flat vector: inputs, units, bias. */
  vector: {
    id: 'dense-vector',
    title: { en: 'Dense on a vector (None, features)', 'zh-cn': '全连接层作用于向量 (None, features)' },
    layers: [{ type: 'Dense', args: { units: 64, use_bias: true } }],
    input: [null, 576],
    fields: [
      { kind: 'int', target: 'input[1]', min: 1, max: 4096 },
      { kind: 'int', target: 'units', min: 1, max: 1024 },
      { kind: 'bool', target: 'use_bias' },
    ],
    show: ['params', 'formula', 'shape', 'weights', 'matrix'],
  },
  /** Dense on a sequence: the steps axis changes the shape but never the count. */
  sequence: {
    id: 'dense-sequence',
    title: { en: 'Dense on a sequence (None, steps, features)', 'zh-cn': '全连接层作用于序列 (None, steps, features)' },
    layers: [{ type: 'Dense', args: { units: 10, use_bias: true } }],
    input: sequence,
    fields: [
      { kind: 'int', target: 'input[1]', min: 1, max: 512 },
      { kind: 'int', target: 'input[2]', min: 1, max: 1024 },
      { kind: 'int', target: 'units', min: 1, max: 1024 },
      { kind: 'bool', target: 'use_bias' },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

/** The quiz's own layers. */
const q = {
  vector: on('Dense', { units: 32 }, [null, 128]),
  sequence: on('Dense', { units: 16 }, [null, 50, 8]),
  noBias: on('Dense', { units: 10, use_bias: false }, [null, 64]),
};

export const quiz: Question[] = [
  {
    id: 'dense-128-to-32',
    prompt: {
      en: 'How many parameters does Dense(32) have on an input of shape (None, 128)?',
      'zh-cn': 'Dense(32) 作用在形状为 (None, 128) 的输入上，有多少个参数？',
    },
    answer: { fact: q.vector, ask: 'params' },
    hint: {
      en: 'Each unit has one weight per input and one bias.',
      'zh-cn': '每个单元对每个输入有一个权重，另外还有一个偏置。',
    },
    explanation: {
      en: `Each of the 32 units has 128 weights and 1 bias: 32 × (128 + 1) = ${paramsOf(q.vector)}.`,
      'zh-cn': `32 个单元各有 128 个权重和 1 个偏置：32 × (128 + 1) = ${paramsOf(q.vector)}。`,
    },
  },
  {
    id: 'dense-sequence-shape',
    prompt: {
      en: 'Dense(16) is called on a tensor of shape (None, 50, 8). What output shape does model.summary() print?',
      'zh-cn': 'Dense(16) 作用在形状为 (None, 50, 8) 的张量上。model.summary() 打印的输出形状是什么？',
    },
    answer: { fact: q.sequence, ask: 'shape' },
    hint: {
      en: 'Dense does not flatten: only the last axis changes.',
      'zh-cn': 'Dense 不会展平输入：只有最后一个维度会变。',
    },
    explanation: {
      en: `Dense replaces the last axis (8 features) with its 16 units and keeps the others: ${shapeText(outputOf(q.sequence))}.`,
      'zh-cn': `Dense 把最后一维（8 个特征）换成 16 个单元，其余维度不变：${shapeText(outputOf(q.sequence))}。`,
    },
  },
  {
    id: 'dense-sequence-params',
    prompt: {
      en: 'And how many parameters does that Dense(16) on (None, 50, 8) have?',
      'zh-cn': '那么这个作用在 (None, 50, 8) 上的 Dense(16) 有多少个参数？',
    },
    answer: { fact: q.sequence, ask: 'params' },
    hint: {
      en: 'The 50 steps share one set of weights. Only the 8 features of each step are inputs to a unit.',
      'zh-cn': '50 个时间步共用同一组权重，每个单元的输入只是每一步的 8 个特征。',
    },
    explanation: {
      en: `The kernel is 8 × 16 and the bias 16, used again at each of the 50 steps: 16 × (8 + 1) = ${paramsOf(q.sequence)}. The 50 never enters the count.`,
      'zh-cn': `权重矩阵是 8 × 16，偏置有 16 个，在 50 个时间步上重复使用：16 × (8 + 1) = ${paramsOf(q.sequence)}。50 不参与计数。`,
    },
  },
  {
    id: 'dense-no-bias',
    prompt: {
      en: 'How many parameters does Dense(10, use_bias=False) have on an input of shape (None, 64)?',
      'zh-cn': 'Dense(10, use_bias=False) 作用在形状为 (None, 64) 的输入上，有多少个参数？',
    },
    answer: { fact: q.noBias, ask: 'params' },
    hint: {
      en: 'Without biases, only the kernel is left.',
      'zh-cn': '没有偏置时，只剩下权重矩阵。',
    },
    explanation: {
      en: `use_bias=False removes the 10 biases, leaving the 64 × 10 kernel: ${paramsOf(q.noBias)}.`,
      'zh-cn': `use_bias=False 去掉了 10 个偏置，只剩 64 × 10 的权重矩阵：${paramsOf(q.noBias)}。`,
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  {
    value: 6400,
    why: 'the wrong count 100 × 64 for Dense(64) on 100 features when the bias is forgotten (docs/learner-mistakes.md#forgot-bias)',
  },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Dense'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
