/**
 * Lesson 8 — BatchNormalization: four vectors per channel (γ and β trainable, the moving mean and
 * variance not), per channel rather than per pixel, `center` / `scale`, and what `trainable=False`
 * does to a whole frozen base model. Every number the lesson quotes is computed by src/calc.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

/** A small convolutional feature extractor, each conv followed by BatchNormalization. */
const featureBase = (): SequentialModel => ({
  kind: 'sequential',
  name: 'features',
  layers: [
    { type: 'Conv2D', args: { filters: 32, kernel_size: 3, activation: 'relu' } },
    { type: 'BatchNormalization' },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'BatchNormalization' },
  ],
});

/** The base above under a new classification head of `classes` units. */
const classifier = (frozen: boolean, classes = 10): SequentialModel => ({
  kind: 'sequential',
  name: 'classifier',
  input: [null, 32, 32, 3],
  layers: [
    // `features.trainable = False`: the nested model is the layer, so the flag sits on the layer entry.
    { type: 'Sequential', name: 'features', model: featureBase(), ...(frozen ? { trainable: false } : {}) },
    { type: 'GlobalAveragePooling2D' },
    { type: 'Dense', args: { units: classes, activation: 'softmax' } },
  ],
});

export const facts = {
  /** The classic question: BN after Dense(512) has 2,048 parameters, half of them non-trainable. */
  bnAfterDense: { layer: { type: 'BatchNormalization' }, input: [null, 512] },
  /** The whole small MLP that question comes from. */
  mlp: {
    model: {
      kind: 'sequential',
      name: 'mlp',
      input: [null, 784],
      layers: [
        { type: 'Dense', args: { units: 512, activation: 'relu' } },
        { type: 'BatchNormalization' },
        { type: 'Dense', args: { units: 10, activation: 'softmax' } },
      ],
    },
  },
  /** BN on a feature map: 64 channels, whatever the 11 × 11 grid. */
  bnOnMap: { layer: { type: 'BatchNormalization' }, input: [null, 11, 11, 64] },
  /** The same map stored channels_first: `axis=1` picks the channel axis. */
  bnChannelsFirst: { layer: { type: 'BatchNormalization', args: { axis: 1 } }, input: [null, 64, 11, 11] },
  /** center=False drops β. */
  bnNoCenter: { layer: { type: 'BatchNormalization', args: { center: false } }, input: [null, 11, 11, 64] },
  /** center=False and scale=False keep only the two moving statistics. */
  bnStatsOnly: { layer: { type: 'BatchNormalization', args: { center: false, scale: false } }, input: [null, 11, 11, 64] },
  /** The MNIST second convolution without its bias: BN's β takes over that job. */
  convNoBias: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3, use_bias: false } }, input: [null, 13, 13, 32] },
  /** The same convolution with its bias, for the difference. */
  convWithBias: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, input: [null, 13, 13, 32] },
  /** A feature extractor with BN inside a classifier, everything trainable. */
  classifier: { model: classifier(false) },
  /** The same classifier after `features.trainable = False`. */
  classifierFrozen: { model: classifier(true) },
  /** The frozen base on its own: the number that moves into non-trainable. */
  base: { model: { ...featureBase(), input: [null, 32, 32, 3] } },
  /** Quiz: BN after Dense(256). */
  quizDense256: { layer: { type: 'BatchNormalization' }, input: [null, 256] },
  /** Quiz: BN on a 14 × 14 × 128 map, non-trainable part. */
  quizMap128: { layer: { type: 'BatchNormalization' }, input: [null, 14, 14, 128] },
  /** Quiz: center=False on 16 channels, trainable part. */
  quizNoCenter: { layer: { type: 'BatchNormalization', args: { center: false } }, input: [null, 8, 8, 16] },
  /** Quiz: the frozen base under a 5-class head. */
  quizFrozenFive: { model: classifier(true, 5) },
} satisfies Record<string, Fact>;

export const calculators = {
  /** BN on a feature map: height and width change the shape, never the count. */
  bn: {
    id: 'bn',
    title: { en: 'BatchNormalization on a feature map', 'zh-cn': '特征图上的 BatchNormalization' },
    layers: [{ type: 'BatchNormalization', args: { center: true, scale: true } }],
    input: [null, 11, 11, 64],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 512, label: { en: 'Input height', 'zh-cn': '输入高度' } },
      { target: 'input[2]', kind: 'int', min: 1, max: 512, label: { en: 'Input width', 'zh-cn': '输入宽度' } },
      { target: 'input[3]', kind: 'int', min: 1, max: 2048, label: { en: 'Input channels', 'zh-cn': '输入通道数' } },
      {
        target: 'center',
        kind: 'bool',
        help: { en: 'Keep β, the learned shift.', 'zh-cn': '保留 β（可学习的平移）。' },
      },
      {
        target: 'scale',
        kind: 'bool',
        help: { en: 'Keep γ, the learned scale.', 'zh-cn': '保留 γ（可学习的缩放）。' },
      },
    ],
    show: ['params', 'split', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const quiz: Question[] = [
  {
    id: 'bn-after-dense-256',
    prompt: {
      en: '`BatchNormalization()` follows `Dense(256)`, so its input is `(None, 256)`. How many parameters does its row show?',
      'zh-cn': '`Dense(256)` 后面接一个 `BatchNormalization()`，它的输入是 `(None, 256)`。这一行的参数量是多少？',
    },
    answer: { fact: facts.quizDense256, ask: 'params' },
    hint: {
      en: 'Four vectors per feature: γ, β, moving mean, moving variance.',
      'zh-cn': '每个特征 4 个向量：γ、β、移动均值、移动方差。',
    },
    explanation: {
      en: '4 × 256 = 1,024: 512 trainable (γ, β) and 512 non-trainable (moving mean and variance). Forgetting the moving statistics gives 512.',
      'zh-cn': '4 × 256 = 1,024：其中 512 个可训练（γ、β），512 个不可训练（移动均值和移动方差）。忘了移动统计量就会得到 512。',
    },
  },
  {
    id: 'bn-map-non-trainable',
    prompt: {
      en: 'BatchNormalization on a feature map `(None, 14, 14, 128)`. How many of its parameters are non-trainable?',
      'zh-cn': '在特征图 `(None, 14, 14, 128)` 上做 BatchNormalization。其中不可训练参数有多少？',
    },
    answer: { fact: facts.quizMap128, ask: 'nonTrainable' },
    hint: {
      en: 'BN keeps its statistics per channel (the last axis), not per pixel. Which two vectors are not trained by gradients?',
      'zh-cn': 'BN 按通道（最后一个轴）保存统计量，而不是按像素。哪两个向量不通过梯度训练？',
    },
    explanation: {
      en: 'The moving mean and the moving variance, 128 values each: 2 × 128 = 256. The 14 × 14 grid plays no part; 256 × 14 × 14 would be a per-pixel count, which Keras does not keep.',
      'zh-cn':
        '移动均值和移动方差各 128 个值：2 × 128 = 256。14 × 14 的空间大小不参与计算；256 × 14 × 14 是按像素计数，Keras 并不这样保存。',
    },
  },
  {
    id: 'bn-no-center-trainable',
    prompt: {
      en: '`BatchNormalization(center=False)` on `(None, 8, 8, 16)`. How many trainable parameters?',
      'zh-cn': '`BatchNormalization(center=False)` 作用在 `(None, 8, 8, 16)` 上。可训练参数有多少？',
    },
    answer: { fact: facts.quizNoCenter, ask: 'trainable' },
    hint: {
      en: '`center=False` removes β. What is left that gradients update?',
      'zh-cn': '`center=False` 去掉了 β。剩下哪些由梯度更新？',
    },
    explanation: {
      en: 'Only γ is left to train: 16 values. The moving mean and variance (2 × 16 = 32) are still there, non-trainable, so the row shows 48.',
      'zh-cn': '只剩 γ 可训练：16 个值。移动均值和移动方差（2 × 16 = 32）仍然存在，属于不可训练参数，所以这一行显示 48。',
    },
  },
  {
    id: 'bn-frozen-base-five',
    prompt: {
      en: 'The lesson’s frozen `features` base (19,776 parameters) now sits under `GlobalAveragePooling2D()` and `Dense(5)`. What does “Trainable params” show?',
      'zh-cn':
        '本课中冻结的 `features` 基础模型（19,776 个参数）下面接 `GlobalAveragePooling2D()` 和 `Dense(5)`。“Trainable params” 显示多少？',
    },
    answer: { fact: facts.quizFrozenFive, ask: 'trainable' },
    hint: {
      en: 'Freezing the base moves all of its weights, γ and β included, to non-trainable. Only the new head trains; the pooling has no weights.',
      'zh-cn': '冻结基础模型会把它的全部权重（包括 γ 和 β）都移到不可训练参数里。只有新的输出层参与训练；池化层没有权重。',
    },
    explanation: {
      en: 'The head is Dense(5) on 64 pooled channels: 5 × (64 + 1) = 325. Everything in the base, 19,776, is non-trainable.',
      'zh-cn': '输出层是作用在 64 个池化通道上的 Dense(5)：5 × (64 + 1) = 325。基础模型的 19,776 个参数全部不可训练。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 0.99, why: 'BatchNormalization’s default momentum in Keras 3 (docs/keras-layers.md#batchnormalization)' },
  { value: 121, why: '11 × 11, the number of pixels in the example feature map: the factor a per-pixel count would wrongly multiply by' },
  { value: 30976, why: 'the wrong per-pixel count 256 × 11 × 11 for BN on (None, 11, 11, 64) (docs/learner-mistakes.md#batch-norm-split)' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['BatchNormalization'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
