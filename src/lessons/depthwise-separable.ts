/**
 * Lesson 9 — depthwise and separable convolutions: DepthwiseConv2D (one window per input channel),
 * SeparableConv2D (that, then a 1×1 pointwise conv), side by side with Conv2D on the same input;
 * the MobileNet saving, depth_multiplier, and where the bias goes.
 */
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 7.7, why: 'the ratio 18,496 / 2,400 ≈ 7.7 between the Conv2D and SeparableConv2D counts, rounded' },
  { value: 8.7, why: 'the ratio 590,080 / 68,096 ≈ 8.7 for the 256-channel pair, rounded' },
  { value: 2017, why: 'the year of the MobileNet paper (Howard et al.)' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['DepthwiseConv2D', 'SeparableConv2D'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
