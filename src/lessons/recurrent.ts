/**
 * Lesson 12, recurrent layers: one cell reused at every time step, so the count depends on the
 * features and the units, never on the sequence length. SimpleRNN has one block of weights, LSTM
 * four (its gates), GRU three with an extra bias row when `reset_after=True`.
 */
import type { Model } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact } from './types.ts';

/** Ten time steps of 8 features: small enough to follow every product by hand. */
const SEQUENCE = [null, 10, 8];

/** The two-layer tagger of the Bidirectional section: 64 steps of 16 features in. */
const tagger: Model = {
  kind: 'sequential',
  input: [null, 64, 16],
  layers: [
    { type: 'Bidirectional', args: { layer: { type: 'GRU', args: { units: 16, return_sequences: true } } } },
    { type: 'TimeDistributed', args: { layer: { type: 'Dense', args: { units: 8 } } } },
  ],
};

export const facts = {
  simpleRnn: { layer: { type: 'SimpleRNN', args: { units: 32 } }, input: SEQUENCE },
  /** The same layer on a sequence ten times longer: the count does not move. */
  simpleRnnLong: { layer: { type: 'SimpleRNN', args: { units: 32 } }, input: [null, 100, 8] },
  lstm: { layer: { type: 'LSTM', args: { units: 32 } }, input: SEQUENCE },
  gru: { layer: { type: 'GRU', args: { units: 32 } }, input: SEQUENCE },
  gruResetBefore: { layer: { type: 'GRU', args: { units: 32, reset_after: false } }, input: SEQUENCE },
  lstmSequences: { layer: { type: 'LSTM', args: { units: 32, return_sequences: true } }, input: SEQUENCE },
  lstmState: { layer: { type: 'LSTM', args: { units: 32, return_state: true } }, input: SEQUENCE },
  gruState: { layer: { type: 'GRU', args: { units: 32, return_sequences: true, return_state: true } }, input: SEQUENCE },
  biLstm: { layer: { type: 'Bidirectional', args: { layer: { type: 'LSTM', args: { units: 16 } } } }, input: SEQUENCE },
  gru16: { layer: { type: 'GRU', args: { units: 16, return_sequences: true } }, input: [null, 64, 16] },
  biGru: {
    layer: { type: 'Bidirectional', args: { layer: { type: 'GRU', args: { units: 16, return_sequences: true } } } },
    input: [null, 64, 16],
  },
  timeDense: { layer: { type: 'TimeDistributed', args: { layer: { type: 'Dense', args: { units: 8 } } } }, input: [null, 64, 32] },
  /** What the TimeDistributed row would be if the doubling leaked into it: a Dense on 16 features, twice. */
  denseOn16: { layer: { type: 'Dense', args: { units: 8 } }, input: [null, 64, 16] },
  tagger: { model: tagger },
} satisfies Record<string, LayerFact | ModelFact>;

const units = (max: number) =>
  ({
    target: 'units',
    kind: 'int',
    min: 1,
    max,
    label: { en: 'Units (u)', 'zh-cn': '隐藏单元数 u（units）' },
  }) as const;

const features = {
  target: 'input[2]',
  kind: 'int',
  min: 1,
  max: 256,
  label: { en: 'Input features (d)', 'zh-cn': '输入特征数 (d)' },
} as const;

const timesteps = {
  target: 'input[1]',
  kind: 'int',
  min: 1,
  max: 200,
  label: { en: 'Timesteps (T)', 'zh-cn': '时间步数 (T)' },
  help: {
    en: 'Watch the parameters: they do not depend on it. The multiply-accumulates do: the same weights work once per step.',
    'zh-cn': '留意参数量：它与时间步数无关。乘加次数却与它有关：同一组权重每个时间步都要用一次。',
  },
} as const;

export const calculators = {
  cells: {
    id: 'rnn-cells',
    title: { en: 'SimpleRNN, LSTM and GRU on the same input', 'zh-cn': '同一输入上的 SimpleRNN、LSTM 与 GRU' },
    layers: [
      { type: 'SimpleRNN', args: { units: 32 } },
      { type: 'LSTM', args: { units: 32 } },
      { type: 'GRU', args: { units: 32 } },
    ],
    input: SEQUENCE,
    fields: [units(256), features, timesteps],
    show: ['params', 'formula', 'shape', 'weights'],
  },
  lstm: {
    id: 'lstm',
    title: { en: 'LSTM: four gates, and what it returns', 'zh-cn': 'LSTM：四个门，以及它返回什么' },
    layers: [{ type: 'LSTM', args: { units: 32, return_sequences: false, return_state: false } }],
    input: SEQUENCE,
    fields: [
      units(256),
      features,
      timesteps,
      { target: 'return_sequences', kind: 'bool', label: { en: 'return_sequences', 'zh-cn': 'return_sequences' } },
      { target: 'return_state', kind: 'bool', label: { en: 'return_state', 'zh-cn': 'return_state' } },
    ],
    show: ['params', 'formula', 'shape', 'weights', 'gates'],
  },
  gru: {
    id: 'gru',
    title: { en: 'GRU: reset_after and the second bias', 'zh-cn': 'GRU：reset_after 与第二组偏置' },
    layers: [{ type: 'GRU', args: { units: 32, reset_after: true } }],
    input: SEQUENCE,
    fields: [
      units(256),
      features,
      timesteps,
      {
        target: 'reset_after',
        kind: 'bool',
        label: { en: 'reset_after', 'zh-cn': 'reset_after' },
        help: {
          en: 'True in Keras 3 and tf.keras 2; False in Keras ≤ 2.3.1 and TensorFlow.js.',
          'zh-cn': 'Keras 3 与 tf.keras 2 默认为 True；Keras ≤ 2.3.1 与 TensorFlow.js 为 False。',
        },
      },
    ],
    show: ['params', 'formula', 'weights', 'gates'],
  },
} satisfies Record<string, CalculatorPreset>;

export const otherNumbers = [
  {
    value: 272,
    why: 'the wrong TimeDistributed count when the Bidirectional doubling is carried into the next layer (docs/learner-mistakes.md#bidirectional-doubling)',
  },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['SimpleRNN', 'LSTM', 'GRU', 'Bidirectional'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
