/**
 * Lesson 12, recurrent layers: one cell reused at every time step, so the count depends on the
 * features and the units, never on the sequence length. SimpleRNN has one block of weights, LSTM
 * four (its gates), GRU three with an extra bias row when `reset_after=True`.
 */
import type { Model } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact, Question } from './types.ts';

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
  /** Quiz: the LSTM of docs/learner-mistakes.md#lstm-gates and the GRU of #gru-reset-after, with the older GRU formula for comparison. */
  lstm50: { layer: { type: 'LSTM', args: { units: 50 } }, input: [null, 20, 3] },
  gruOn16: { layer: { type: 'GRU', args: { units: 32 } }, input: [null, 10, 16] },
  gruOn16ResetBefore: { layer: { type: 'GRU', args: { units: 32, reset_after: false } }, input: [null, 10, 16] },
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

export const quiz: Question[] = [
  {
    id: 'lstm-50-on-3',
    prompt: {
      en: 'How many parameters does `LSTM(50)` have on an input of shape `(None, 20, 3)`?',
      'zh-cn': '`LSTM(50)` 作用在形状为 `(None, 20, 3)` 的输入上，有多少个参数？',
    },
    answer: { fact: facts.lstm50, ask: 'params' },
    hint: {
      en: 'Four gate blocks, each with a kernel of 3 × 50, a recurrent kernel of 50 × 50 and 50 biases. The 20 time steps do not matter.',
      'zh-cn': '共有 4 个门，每个门有 3 × 50 的 kernel、50 × 50 的 recurrent_kernel 和 50 个偏置。20 个时间步与参数量无关。',
    },
    explanation: {
      en: '4 × (50 × (3 + 50) + 50) = 4 × 2,700 = 10,800.',
      'zh-cn': '4 × (50 × (3 + 50) + 50) = 4 × 2,700 = 10,800。',
    },
  },
  {
    id: 'gru-32-on-16',
    prompt: {
      en: 'How many parameters does `GRU(32)` have in Keras 3 on an input of shape `(None, 10, 16)`?',
      'zh-cn': '在 Keras 3 中，`GRU(32)` 作用在形状为 `(None, 10, 16)` 的输入上，有多少个参数？',
    },
    answer: { fact: facts.gruOn16, ask: 'params' },
    hint: {
      en: 'Three gate blocks, and since reset_after=True is the default each block has two biases of 32.',
      'zh-cn': '共有 3 个门；由于默认 reset_after=True，每个门有两组各 32 个偏置。',
    },
    explanation: {
      en: '3 × (32 × (16 + 32) + 2 × 32) = 3 × 1,600 = 4,800. The older formula without the second bias gives 4,704.',
      'zh-cn': '3 × (32 × (16 + 32) + 2 × 32) = 3 × 1,600 = 4,800。不含第二组偏置的旧公式会得到 4,704。',
    },
  },
  {
    id: 'bigru-shape',
    prompt: {
      en: 'What is the output shape of `Bidirectional(GRU(16, return_sequences=True))` on `(None, 64, 16)`?',
      'zh-cn': '`Bidirectional(GRU(16, return_sequences=True))` 作用在 `(None, 64, 16)` 上，输出形状是什么？',
    },
    answer: { fact: facts.biGru, ask: 'shape' },
    hint: {
      en: 'return_sequences keeps the 64 steps; the default merge_mode="concat" puts the two directions side by side.',
      'zh-cn': 'return_sequences 保留全部 64 个时间步；默认的 merge_mode="concat" 把两个方向的输出拼接在一起。',
    },
    explanation: {
      en: 'Each direction gives (None, 64, 16); concatenating them on the last axis gives (None, 64, 32).',
      'zh-cn': '每个方向输出 (None, 64, 16)，沿最后一个轴拼接后得到 (None, 64, 32)。',
    },
  },
  {
    id: 'time-dense-after-bi',
    prompt: {
      en: 'That output goes into `TimeDistributed(Dense(8))`. How many parameters does the TimeDistributed layer have?',
      'zh-cn': '上面的输出接着送入 `TimeDistributed(Dense(8))`。这个 TimeDistributed 层有多少个参数？',
    },
    answer: { fact: facts.timeDense, ask: 'params' },
    hint: {
      en: "The Dense sees 32 features at each step. Bidirectional doubled its own weights, not the next layer's.",
      'zh-cn': 'Dense 在每个时间步看到 32 个特征。Bidirectional 只让它自己的权重翻倍，不会让下一层翻倍。',
    },
    explanation: {
      en: '8 × (32 + 1) = 264, shared by all 64 steps. Doubling a Dense on 16 features (2 × 136 = 272) would be the mistake.',
      'zh-cn': '8 × (32 + 1) = 264，64 个时间步共用这一份权重。把 16 个特征上的 Dense 翻倍（2 × 136 = 272）是常见错误。',
    },
  },
];

export const otherNumbers = [
  {
    value: 272,
    why: 'the wrong TimeDistributed count when the Bidirectional doubling is carried into the next layer (docs/learner-mistakes.md#bidirectional-doubling)',
  },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['SimpleRNN', 'LSTM', 'GRU', 'Bidirectional'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
