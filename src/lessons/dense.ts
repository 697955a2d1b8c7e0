/**
 * Dense: `units × (inputs + 1)`, the kernel/bias split, use_bias, and N-D input, where
 * Dense works on the last axis only and reuses the same weights at every other position.
 */
import type { Shape } from '@calc/basics.ts';
import { on, outputOf } from './layer-facts.ts';
import type { CalculatorPreset, LayerFact, LessonModule } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [
  {
    value: 6400,
    why: 'the wrong count 100 × 64 for Dense(64) on 100 features when the bias is forgotten (docs/learner-mistakes.md#forgot-bias)',
  },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Dense'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
