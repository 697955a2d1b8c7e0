/**
 * Conv2D: one kernel per filter over every input channel plus one bias, so
 * `filters × (C_in × kh × kw + 1)`; why the image's height and width never enter the count;
 * use_bias and groups; and what strides, padding and dilation change (the shape only).
 */
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Conv2D'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
