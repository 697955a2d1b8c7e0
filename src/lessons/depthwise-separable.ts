/**
 * Lesson 9 — depthwise and separable convolutions: DepthwiseConv2D (one window per input channel),
 * SeparableConv2D (that, then a 1×1 pointwise conv), side by side with Conv2D on the same input;
 * the MobileNet saving, depth_multiplier, and where the bias goes.
 */
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

/** The running example: 32 channels in, 64 out, 3×3 windows, MobileNet-style 'same' padding. */
const MAP = [null, 56, 56, 32];

export const facts = {
  /** The ordinary convolution: every filter sees every input channel. */
  conv: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3, padding: 'same' } }, input: MAP },
  /** One 3×3 window per input channel, no mixing. */
  depthwise: { layer: { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same' } }, input: MAP },
  /** depth_multiplier=2: two windows per input channel, twice the output channels. */
  depthwiseDm2: { layer: { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same', depth_multiplier: 2 } }, input: MAP },
  /** The depthwise step as MobileNet writes it, without a bias (BatchNormalization follows). */
  depthwiseNoBias: { layer: { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same', use_bias: false } }, input: MAP },
  /** The 1×1 pointwise convolution that mixes channels. */
  pointwise: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 1 } }, input: MAP },
  /** The pointwise step without a bias. */
  pointwiseNoBias: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 1, use_bias: false } }, input: MAP },
  /** Both steps in one layer, with one bias at the end. */
  separable: { layer: { type: 'SeparableConv2D', args: { filters: 64, kernel_size: 3, padding: 'same' } }, input: MAP },
  /** The separable layer with depth_multiplier=2. */
  separableDm2: {
    layer: { type: 'SeparableConv2D', args: { filters: 64, kernel_size: 3, padding: 'same', depth_multiplier: 2 } },
    input: MAP,
  },
  /** A wider layer, where the saving grows: 256 → 256 channels. */
  convWide: { layer: { type: 'Conv2D', args: { filters: 256, kernel_size: 3, padding: 'same' } }, input: [null, 28, 28, 256] },
  separableWide: {
    layer: { type: 'SeparableConv2D', args: { filters: 256, kernel_size: 3, padding: 'same' } },
    input: [null, 28, 28, 256],
  },
  /** DepthwiseConv2D and a 1×1 Conv2D as two layers, default biases: one bias vector more than SeparableConv2D. */
  twoLayers: {
    model: {
      kind: 'sequential',
      name: 'two_layers',
      input: MAP,
      layers: [
        { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same' } },
        { type: 'Conv2D', args: { filters: 64, kernel_size: 1 } },
      ],
    },
  },
  /** MobileNet's block: depthwise, BN, ReLU, pointwise, BN, ReLU (no conv biases). */
  mobilenetBlock: {
    model: {
      kind: 'sequential',
      name: 'mobilenet_block',
      input: MAP,
      layers: [
        { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same', use_bias: false } },
        { type: 'BatchNormalization' },
        { type: 'ReLU' },
        { type: 'Conv2D', args: { filters: 64, kernel_size: 1, use_bias: false } },
        { type: 'BatchNormalization' },
        { type: 'ReLU' },
      ],
    },
  },
  /** Quiz: SeparableConv2D(128, 3) on 64 channels. */
  quizSeparable: { layer: { type: 'SeparableConv2D', args: { filters: 128, kernel_size: 3 } }, input: [null, 28, 28, 64] },
  /** Quiz explanation: the Conv2D the separable layer replaces. */
  quizConv128: { layer: { type: 'Conv2D', args: { filters: 128, kernel_size: 3 } }, input: [null, 28, 28, 64] },
  /** Quiz: DepthwiseConv2D(5, depth_multiplier=3) on 16 channels, output shape. */
  quizDepthwiseShape: { layer: { type: 'DepthwiseConv2D', args: { kernel_size: 5, depth_multiplier: 3 } }, input: [null, 20, 20, 16] },
  /** Quiz: DepthwiseConv2D(3) on RGB. */
  quizDepthwiseRgb: { layer: { type: 'DepthwiseConv2D', args: { kernel_size: 3 } }, input: [null, 224, 224, 3] },
  /** Quiz explanation: a Conv2D with as many filters as the RGB channels, for comparison. */
  quizConvRgb: { layer: { type: 'Conv2D', args: { filters: 3, kernel_size: 3 } }, input: [null, 224, 224, 3] },
} satisfies Record<string, Fact>;

export const calculators = {
  /** The three layers on one input, so the reader sees what each design costs. */
  compare: {
    id: 'separable-compare',
    title: {
      en: 'Conv2D, DepthwiseConv2D and SeparableConv2D on the same input',
      'zh-cn': '同一输入上的 Conv2D、DepthwiseConv2D 与 SeparableConv2D',
    },
    layers: [
      {
        type: 'Conv2D',
        args: { filters: 64, kernel_size: 3, padding: 'same', use_bias: true },
        label: { en: 'Conv2D', 'zh-cn': 'Conv2D（普通卷积）' },
      },
      {
        type: 'DepthwiseConv2D',
        args: { kernel_size: 3, padding: 'same', depth_multiplier: 1, use_bias: true },
        label: { en: 'DepthwiseConv2D', 'zh-cn': 'DepthwiseConv2D（深度卷积）' },
      },
      {
        type: 'SeparableConv2D',
        args: { filters: 64, kernel_size: 3, padding: 'same', depth_multiplier: 1, use_bias: true },
        label: { en: 'SeparableConv2D', 'zh-cn': 'SeparableConv2D（深度可分离卷积）' },
      },
    ],
    input: MAP,
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 512 },
      { target: 'input[2]', kind: 'int', min: 1, max: 512 },
      { target: 'input[3]', kind: 'int', min: 1, max: 1024 },
      {
        target: 'filters',
        kind: 'int',
        min: 1,
        max: 1024,
        help: {
          en: 'Conv2D and SeparableConv2D only; DepthwiseConv2D has no filters argument.',
          'zh-cn': '只用于 Conv2D 和 SeparableConv2D；DepthwiseConv2D 没有 filters 参数。',
        },
      },
      { target: 'kernel_size', kind: 'int', min: 1, max: 11 },
      {
        target: 'depth_multiplier',
        kind: 'int',
        min: 1,
        max: 8,
        help: {
          en: 'DepthwiseConv2D and SeparableConv2D: windows per input channel.',
          'zh-cn': '用于 DepthwiseConv2D 和 SeparableConv2D：每个输入通道的窗口数。',
        },
      },
      { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
      { target: 'use_bias', kind: 'bool' },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const quiz: Question[] = [
  {
    id: 'separable-128',
    prompt: {
      en: '`SeparableConv2D(128, 3)` on `(None, 28, 28, 64)`. How many parameters?',
      'zh-cn': '`SeparableConv2D(128, 3)` 作用在 `(None, 28, 28, 64)` 上。参数量是多少？',
    },
    answer: { fact: facts.quizSeparable, ask: 'params' },
    hint: {
      en: 'Three parts: a 3 × 3 window per input channel, then a 1 × 1 mix from 64 to 128 channels, then one bias per filter.',
      'zh-cn': '三部分：每个输入通道一个 3 × 3 窗口，然后是从 64 到 128 个通道的 1 × 1 混合，最后每个滤波器一个偏置。',
    },
    explanation: {
      en: '3 × 3 × 64 = 576 depthwise, 64 × 128 = 8,192 pointwise, 128 biases: 8,896. A Conv2D(128, 3) here would have 128 × (64 × 9 + 1) = 73,856.',
      'zh-cn':
        '深度卷积 3 × 3 × 64 = 576，逐点卷积 64 × 128 = 8,192，偏置 128：共 8,896。同样位置的 Conv2D(128, 3) 有 128 × (64 × 9 + 1) = 73,856 个参数。',
    },
  },
  {
    id: 'depthwise-dm3-shape',
    prompt: {
      en: '`DepthwiseConv2D(5, depth_multiplier=3)` on `(None, 20, 20, 16)` with the default padding. What output shape does the summary print?',
      'zh-cn': '`DepthwiseConv2D(5, depth_multiplier=3)` 作用在 `(None, 20, 20, 16)` 上，填充用默认值。模型摘要中的输出形状是什么？',
    },
    answer: { fact: facts.quizDepthwiseShape, ask: 'shape' },
    hint: {
      en: 'The default padding is `valid`. Output channels are input channels × depth_multiplier.',
      'zh-cn': '默认填充是 `valid`。输出通道数 = 输入通道数 × depth_multiplier。',
    },
    explanation: {
      en: 'With `valid`, 20 − 5 + 1 = 16 along each side; 16 × 3 = 48 channels: (None, 16, 16, 48).',
      'zh-cn': '`valid` 填充下每边 20 − 5 + 1 = 16；通道数 16 × 3 = 48：(None, 16, 16, 48)。',
    },
  },
  {
    id: 'depthwise-rgb',
    prompt: {
      en: '`DepthwiseConv2D(3)` on an RGB image `(None, 224, 224, 3)`. How many parameters?',
      'zh-cn': '`DepthwiseConv2D(3)` 作用在 RGB 图像 `(None, 224, 224, 3)` 上。参数量是多少？',
    },
    answer: { fact: facts.quizDepthwiseRgb, ask: 'params' },
    hint: {
      en: 'One 3 × 3 window per channel, and a DepthwiseConv2D on its own has a bias per output channel.',
      'zh-cn': '每个通道一个 3 × 3 窗口；单独使用的 DepthwiseConv2D 每个输出通道有一个偏置。',
    },
    explanation: {
      en: '3 × (3 × 3 + 1) = 30. A Conv2D(3, 3) would be 3 × (3 × 9 + 1) = 84: each of its filters sees all three channels.',
      'zh-cn': '3 × (3 × 3 + 1) = 30。而 Conv2D(3, 3) 是 3 × (3 × 9 + 1) = 84：它的每个滤波器都要看全部 3 个通道。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 7.7, why: 'the ratio 18,496 / 2,400 ≈ 7.7 between the Conv2D and SeparableConv2D counts, rounded' },
  { value: 8.7, why: 'the ratio 590,080 / 68,096 ≈ 8.7 for the 256-channel pair, rounded' },
  { value: 2017, why: 'the year of the MobileNet paper (Howard et al.)' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['DepthwiseConv2D', 'SeparableConv2D'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
