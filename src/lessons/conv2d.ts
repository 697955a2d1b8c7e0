/**
 * Conv2D: one kernel per filter over every input channel plus one bias, so
 * `filters × (C_in × kh × kw + 1)`; why the image's height and width never enter the count;
 * use_bias and groups; and what strides, padding and dilation change (the shape only).
 */
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

const conv = (args: Record<string, unknown>, input: (number | null)[]): Fact => ({ layer: { type: 'Conv2D', args }, input });

export const facts = {
  /** MNIST's three convolutions. */
  first: conv({ filters: 32, kernel_size: 3 }, [null, 28, 28, 1]),
  second: conv({ filters: 64, kernel_size: 3 }, [null, 13, 13, 32]),
  third: conv({ filters: 64, kernel_size: 3 }, [null, 5, 5, 64]),
  /** docs/learner-mistakes.md#forgot-bias and #kernel-ignores-channels: an RGB image (896; not 864 without bias, not 288 without channels). */
  rgb: conv({ filters: 32, kernel_size: 3 }, [null, 32, 32, 3]),
  /** docs/learner-mistakes.md#wrong-input-channels: what the second convolution would cost if its input had the image's 3 channels. */
  secondOnThreeChannels: conv({ filters: 64, kernel_size: 3 }, [null, 13, 13, 3]),
  /** docs/learner-mistakes.md#image-size-and-params: a much larger image, the same 320. */
  bigImage: conv({ filters: 32, kernel_size: 3 }, [null, 224, 224, 1]),
  /** strides, padding and dilation change the shape, never the count. */
  strided: conv({ filters: 64, kernel_size: 3, strides: 2 }, [null, 13, 13, 32]),
  same: conv({ filters: 64, kernel_size: 3, padding: 'same' }, [null, 13, 13, 32]),
  dilated: conv({ filters: 64, kernel_size: 3, dilation_rate: 2 }, [null, 13, 13, 32]),
  /** A rectangular kernel: kh and kw enter separately. */
  rectangular: conv({ filters: 16, kernel_size: [3, 5] }, [null, 28, 28, 1]),
  /** use_bias=False drops the + 1. */
  noBias: conv({ filters: 64, kernel_size: 3, use_bias: false }, [null, 13, 13, 32]),
  /** docs/learner-mistakes.md#groups-ignored: groups=4, each filter sees 32 / 4 = 8 channels. */
  grouped: conv({ filters: 64, kernel_size: 3, groups: 4 }, [null, 13, 13, 32]),
  /** The first MNIST convolution in the channels_first layout: same kernel and count, channels moved to axis 1. */
  channelsFirst: conv({ filters: 32, kernel_size: 3, data_format: 'channels_first' }, [null, 1, 28, 28]),
} satisfies Record<string, Fact>;

export const calculators = {
  /** The Conv2D calculator, starting at MNIST's second convolution. */
  main: {
    id: 'conv2d',
    title: { en: 'Conv2D: parameters, output shape and the kernel tensor', 'zh-cn': 'Conv2D：参数量、输出形状与卷积核张量' },
    layers: [
      {
        type: 'Conv2D',
        args: { filters: 64, kernel_size: [3, 3], strides: 1, padding: 'valid', dilation_rate: 1, groups: 1, use_bias: true },
      },
    ],
    input: [null, 13, 13, 32],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 256 },
      { target: 'input[2]', kind: 'int', min: 1, max: 256 },
      { target: 'input[3]', kind: 'int', min: 1, max: 512 },
      { target: 'filters', kind: 'int', min: 1, max: 512 },
      { target: 'kernel_size[0]', kind: 'int', min: 1, max: 11 },
      { target: 'kernel_size[1]', kind: 'int', min: 1, max: 11 },
      { target: 'strides', kind: 'int', min: 1, max: 4 },
      { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
      { target: 'dilation_rate', kind: 'int', min: 1, max: 4 },
      { target: 'groups', kind: 'int', min: 1, max: 32 },
      { target: 'use_bias', kind: 'bool' },
    ],
    show: ['params', 'formula', 'shape', 'weights', 'kernel'],
  },
} satisfies Record<string, CalculatorPreset>;

export const quiz: Question[] = [
  {
    id: 'conv2d-rgb',
    prompt: {
      en: '`Conv2D(32, 3)` is the first layer of a model for 32 × 32 colour images, `(None, 32, 32, 3)`. How many parameters does it have?',
      'zh-cn': '`Conv2D(32, 3)` 是一个处理 32 × 32 彩色图片 `(None, 32, 32, 3)` 的模型的第一层。它有多少个参数？',
    },
    answer: { fact: facts.rgb, ask: 'params' },
    hint: {
      en: 'A colour image has 3 channels, and each filter covers all of them: 3 × 3 × 3 weights, plus one bias.',
      'zh-cn': '彩色图片有 3 个通道，每个滤波器都覆盖全部通道：3 × 3 × 3 个权重，再加 1 个偏置。',
    },
    explanation: {
      en: '32 × (3 × 3 × 3 + 1) = 32 × 28 = 896. Without the bias you would get 864; ignoring the channels, 288.',
      'zh-cn': '32 × (3 × 3 × 3 + 1) = 32 × 28 = 896。漏掉偏置会得到 864；忽略通道会得到 288。',
    },
  },
  {
    id: 'conv2d-128',
    prompt: {
      en: 'A `Conv2D(128, 3)` follows a layer whose output is `(None, 11, 11, 64)`. How many parameters does it have?',
      'zh-cn': '`Conv2D(128, 3)` 接在一个输出为 `(None, 11, 11, 64)` 的层后面。它有多少个参数？',
    },
    answer: { fact: { layer: { type: 'Conv2D', args: { filters: 128, kernel_size: 3 } }, input: [null, 11, 11, 64] }, ask: 'params' },
    hint: {
      en: 'The input channels are the 64 channels of the previous output; the 11 × 11 size does not matter.',
      'zh-cn': '输入通道数是上一层输出的 64 个通道；11 × 11 的大小不影响参数量。',
    },
    explanation: {
      en: '128 × (64 × 3 × 3 + 1) = 128 × 577 = 73,856.',
      'zh-cn': '128 × (64 × 3 × 3 + 1) = 128 × 577 = 73,856。',
    },
  },
  {
    id: 'conv2d-groups',
    prompt: {
      en: '`Conv2D(32, 3, groups=2)` receives `(None, 26, 26, 32)`. How many parameters does it have?',
      'zh-cn': '`Conv2D(32, 3, groups=2)` 的输入是 `(None, 26, 26, 32)`。它有多少个参数？',
    },
    answer: { fact: conv({ filters: 32, kernel_size: 3, groups: 2 }, [null, 26, 26, 32]), ask: 'params' },
    hint: {
      en: 'With 2 groups, each filter sees only half of the 32 input channels.',
      'zh-cn': '分成 2 组后，每个滤波器只看到 32 个输入通道中的一半。',
    },
    explanation: {
      en: '32 × (16 × 3 × 3 + 1) = 32 × 145 = 4,640: about half of what the same layer needs without groups.',
      'zh-cn': '32 × (16 × 3 × 3 + 1) = 32 × 145 = 4,640，大约是不分组时的一半。',
    },
  },
  {
    id: 'conv2d-shape',
    prompt: {
      en: '`Conv2D(16, 5, strides=2)` receives `(None, 28, 28, 1)`. What is its output shape?',
      'zh-cn': '`Conv2D(16, 5, strides=2)` 的输入是 `(None, 28, 28, 1)`。它的输出形状是什么？',
    },
    answer: { fact: conv({ filters: 16, kernel_size: 5, strides: 2 }, [null, 28, 28, 1]), ask: 'shape' },
    hint: {
      en: 'With padding="valid": floor((28 − 5) / 2) + 1 positions on each side; the channels are the filters.',
      'zh-cn': 'padding="valid" 时，每边有 floor((28 − 5) / 2) + 1 个位置；通道数等于滤波器个数。',
    },
    explanation: {
      en: 'floor(23 / 2) + 1 = 11 + 1 = 12, so (None, 12, 12, 16).',
      'zh-cn': 'floor(23 / 2) + 1 = 11 + 1 = 12，所以是 (None, 12, 12, 16)。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Conv2D'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
