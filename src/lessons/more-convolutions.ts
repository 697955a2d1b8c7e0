/**
 * Lesson 10 — more convolutions: Conv1D and Conv3D (the same count with one kernel axis fewer or
 * more), Conv2DTranspose and its output length with and without output_padding, and global pooling
 * versus Flatten as a parameter budget for the Dense layer that follows.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

/** A classifier head named `name` on a 7×7×512 feature map (VGG16's last block), reduced by `reducer`. */
const head = (name: string, reducer: 'Flatten' | 'GlobalAveragePooling2D', side = 7): SequentialModel => ({
  kind: 'sequential',
  name,
  input: [null, side, side, 512],
  layers: [
    { type: reducer },
    { type: 'Dense', args: { units: 256, activation: 'relu' } },
    { type: 'Dense', args: { units: 10, activation: 'softmax' } },
  ],
});

/** Conv2DTranspose(16, 3, strides=2) on a 7×7×32 map, with the given padding and output_padding. */
const transposed = (padding: 'valid' | 'same', outputPadding?: number): Fact => ({
  layer: {
    type: 'Conv2DTranspose',
    args: { filters: 16, kernel_size: 3, strides: 2, padding, ...(outputPadding === undefined ? {} : { output_padding: outputPadding }) },
  },
  input: [null, 7, 7, 32],
});

/** Conv2D(32, 3, strides=2) on a side × side × 16 map: the forward convolution the transposed one undoes. */
const forward = (padding: 'valid' | 'same', side: number): Fact => ({
  layer: { type: 'Conv2D', args: { filters: 32, kernel_size: 3, strides: 2, padding } },
  input: [null, side, side, 16],
});

export const facts = {
  /** A sequence of 100 steps with 16 features, 64 filters of length 5. */
  conv1d: { layer: { type: 'Conv1D', args: { filters: 64, kernel_size: 5 } }, input: [null, 100, 16] },
  /** The same with causal padding: the length is kept, the count is not touched. */
  conv1dCausal: { layer: { type: 'Conv1D', args: { filters: 64, kernel_size: 5, padding: 'causal' } }, input: [null, 100, 16] },
  /** 16 frames of 64×64 RGB video, 32 filters of 3×3×3. */
  conv3d: { layer: { type: 'Conv3D', args: { filters: 32, kernel_size: 3 } }, input: [null, 16, 64, 64, 3] },
  /** One kernel size, three ranks: 32 channels in, 64 filters, window 3 along every axis. */
  rank1: { layer: { type: 'Conv1D', args: { filters: 64, kernel_size: 3 } }, input: [null, 100, 32] },
  rank2: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, input: [null, 28, 28, 32] },
  rank3: { layer: { type: 'Conv3D', args: { filters: 64, kernel_size: 3 } }, input: [null, 16, 28, 28, 32] },
  /** The forward convolutions: 15 and 16 both give 7 with 'valid'; 13 and 14 both give 7 with 'same'. */
  forwardValid15: forward('valid', 15),
  forwardValid16: forward('valid', 16),
  forwardSame13: forward('same', 13),
  forwardSame14: forward('same', 14),
  /** The transposed convolution on 7×7, four ways. */
  transposedValid: transposed('valid'),
  transposedValidOp1: transposed('valid', 1),
  transposedSame: transposed('same'),
  transposedSameOp0: transposed('same', 0),
  transposedSameOp1: transposed('same', 1),
  /** Flatten versus global average pooling on the same 7×7×512 map. */
  flatten: { layer: { type: 'Flatten' }, input: [null, 7, 7, 512] },
  gap: { layer: { type: 'GlobalAveragePooling2D' }, input: [null, 7, 7, 512] },
  gapKeepdims: { layer: { type: 'GlobalAveragePooling2D', args: { keepdims: true } }, input: [null, 7, 7, 512] },
  denseAfterFlatten: { layer: { type: 'Dense', args: { units: 256 } }, input: [null, 25_088] },
  denseAfterGap: { layer: { type: 'Dense', args: { units: 256 } }, input: [null, 512] },
  flattenHead: { model: head('flatten_head', 'Flatten') },
  pooledHead: { model: head('pooled_head', 'GlobalAveragePooling2D') },
  /** The same heads on a 14×14 map (a 448×448 input to VGG16's base). */
  flattenHead14: { model: head('flatten_head', 'Flatten', 14) },
  pooledHead14: { model: head('pooled_head', 'GlobalAveragePooling2D', 14) },
  /** A Conv1D output reduced over time. */
  gmp1d: { layer: { type: 'GlobalMaxPooling1D' }, input: [null, 96, 64] },
  /** Quiz: Conv1D(128, 7) on 300 steps of 50 features. */
  quizConv1d: { layer: { type: 'Conv1D', args: { filters: 128, kernel_size: 7 } }, input: [null, 300, 50] },
  /** Quiz: Conv2DTranspose(64, 4, strides=2, padding='same') on 16×16×128. */
  quizTransposedShape: {
    layer: { type: 'Conv2DTranspose', args: { filters: 64, kernel_size: 4, strides: 2, padding: 'same' } },
    input: [null, 16, 16, 128],
  },
  /** Quiz: the pooled head on 5×5×2048 maps with Dense(100). */
  quizPooledDense: { layer: { type: 'Dense', args: { units: 100 } }, input: [null, 2048] },
  /** Quiz explanation: the same Dense(100) after Flatten of 7 × 7 × 2048. */
  quizFlattenDense: { layer: { type: 'Dense', args: { units: 100 } }, input: [null, 7 * 7 * 2048] },
  /** Quiz: Conv3D(8, (3, 5, 5)) on 10 frames of 32×32 grey, params. */
  quizConv3d: { layer: { type: 'Conv3D', args: { filters: 8, kernel_size: [3, 5, 5] } }, input: [null, 10, 32, 32, 1] },
} satisfies Record<string, Fact>;

export const calculators = {
  /** Conv1D on a sequence: length, channels, window, stride, padding including causal. */
  conv1d: {
    id: 'conv1d',
    title: { en: 'Conv1D on a sequence', 'zh-cn': '序列上的 Conv1D' },
    layers: [{ type: 'Conv1D', args: { filters: 64, kernel_size: 5, strides: 1, padding: 'valid', dilation_rate: 1, use_bias: true } }],
    input: [null, 100, 16],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 1000 },
      { target: 'input[2]', kind: 'int', min: 1, max: 1024 },
      { target: 'filters', kind: 'int', min: 1, max: 1024 },
      { target: 'kernel_size', kind: 'int', min: 1, max: 32 },
      { target: 'strides', kind: 'int', min: 1, max: 8 },
      { target: 'dilation_rate', kind: 'int', min: 1, max: 8 },
      { target: 'padding', kind: 'choice', options: ['valid', 'same', 'causal'] },
      { target: 'use_bias', kind: 'bool' },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
  /** Conv2DTranspose without and with output_padding, side by side. */
  transposed: {
    id: 'conv-transpose',
    title: {
      en: 'Conv2DTranspose: the output size with and without output_padding',
      'zh-cn': 'Conv2DTranspose：有无 output_padding 时的输出尺寸',
    },
    layers: [
      {
        type: 'Conv2DTranspose',
        args: { filters: 16, kernel_size: 3, strides: 2, padding: 'valid' },
        label: { en: 'output_padding=None (default)', 'zh-cn': 'output_padding=None（默认）' },
      },
      {
        type: 'Conv2DTranspose',
        args: { filters: 16, kernel_size: 3, strides: 2, padding: 'valid', output_padding: 1 },
        label: { en: 'with output_padding', 'zh-cn': '设置 output_padding' },
      },
    ],
    input: [null, 7, 7, 32],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 256 },
      { target: 'input[2]', kind: 'int', min: 1, max: 256 },
      { target: 'input[3]', kind: 'int', min: 1, max: 1024 },
      { target: 'filters', kind: 'int', min: 1, max: 1024 },
      { target: 'kernel_size', kind: 'int', min: 1, max: 11 },
      { target: 'strides', kind: 'int', min: 1, max: 4 },
      { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
      {
        target: 'layers[1].output_padding',
        kind: 'int',
        min: 0,
        max: 3,
        label: { en: 'output_padding (right-hand layer)', 'zh-cn': 'output_padding（右侧的层）' },
        help: { en: 'Must be smaller than the stride.', 'zh-cn': '必须小于步幅。' },
      },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
  /** Conv3D on a clip of video frames. */
  conv3d: {
    id: 'conv3d',
    title: { en: 'Conv3D on video frames', 'zh-cn': '视频帧上的 Conv3D' },
    layers: [{ type: 'Conv3D', args: { filters: 32, kernel_size: 3, padding: 'valid' } }],
    input: [null, 16, 64, 64, 3],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 64 },
      { target: 'input[2]', kind: 'int', min: 1, max: 256 },
      { target: 'input[3]', kind: 'int', min: 1, max: 256 },
      { target: 'input[4]', kind: 'int', min: 1, max: 512 },
      { target: 'filters', kind: 'int', min: 1, max: 512 },
      { target: 'kernel_size[0]', kind: 'int', min: 1, max: 7 },
      { target: 'kernel_size[1]', kind: 'int', min: 1, max: 7 },
      { target: 'kernel_size[2]', kind: 'int', min: 1, max: 7 },
      { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const quiz: Question[] = [
  {
    id: 'conv1d-params',
    prompt: {
      en: '`Conv1D(128, 7)` on `(None, 300, 50)`: 300 time steps with 50 features each. How many parameters?',
      'zh-cn': '`Conv1D(128, 7)` 作用在 `(None, 300, 50)` 上：300 个时间步，每步 50 个特征。参数量是多少？',
    },
    answer: { fact: facts.quizConv1d, ask: 'params' },
    hint: {
      en: 'Conv2D’s rule with one kernel axis: filters × (channels × k + 1). The 300 steps do not matter.',
      'zh-cn': '就是少了一个卷积核维度的 Conv2D 规则：filters × (通道数 × k + 1)。300 个时间步不参与计算。',
    },
    explanation: {
      en: '128 × (50 × 7 + 1) = 128 × 351 = 44,928.',
      'zh-cn': '128 × (50 × 7 + 1) = 128 × 351 = 44,928。',
    },
  },
  {
    id: 'transpose-same-shape',
    prompt: {
      en: '`Conv2DTranspose(64, 4, strides=2, padding="same")` on `(None, 16, 16, 128)`, no output_padding. What output shape?',
      'zh-cn': '`Conv2DTranspose(64, 4, strides=2, padding="same")` 作用在 `(None, 16, 16, 128)` 上，不设 output_padding。输出形状是什么？',
    },
    answer: { fact: facts.quizTransposedShape, ask: 'shape' },
    hint: {
      en: 'With `same` and no output_padding the rule is simply length × stride, whatever the kernel.',
      'zh-cn': '`same` 且不设 output_padding 时，规则就是 长度 × 步幅，与卷积核大小无关。',
    },
    explanation: {
      en: '16 × 2 = 32 on each side, and the channels become the 64 filters: (None, 32, 32, 64).',
      'zh-cn': '每边 16 × 2 = 32，通道数变成 64 个滤波器：(None, 32, 32, 64)。',
    },
  },
  {
    id: 'pooled-head-dense',
    prompt: {
      en: 'A ResNet-style base ends in `(None, 7, 7, 2048)`. After `GlobalAveragePooling2D()`, how many parameters does `Dense(100)` have?',
      'zh-cn': '一个类似 ResNet 的基础网络输出 `(None, 7, 7, 2048)`。经过 `GlobalAveragePooling2D()` 之后，`Dense(100)` 有多少参数？',
    },
    answer: { fact: facts.quizPooledDense, ask: 'params' },
    hint: {
      en: 'Global average pooling keeps one number per channel, so the Dense layer sees 2,048 features.',
      'zh-cn': '全局平均池化为每个通道只保留一个数，所以全连接层看到的是 2,048 个特征。',
    },
    explanation: {
      en: '100 × (2,048 + 1) = 204,900. After Flatten it would be 100 × (7 × 7 × 2,048 + 1) = 10,035,300, 49 times as many weights.',
      'zh-cn': '100 × (2,048 + 1) = 204,900。如果用 Flatten，就是 100 × (7 × 7 × 2,048 + 1) = 10,035,300，权重多了 49 倍。',
    },
  },
  {
    id: 'conv3d-params',
    prompt: {
      en: '`Conv3D(8, (3, 5, 5))` on 10 grey-scale frames, `(None, 10, 32, 32, 1)`. How many parameters?',
      'zh-cn': '`Conv3D(8, (3, 5, 5))` 作用在 10 帧灰度图像 `(None, 10, 32, 32, 1)` 上。参数量是多少？',
    },
    answer: { fact: facts.quizConv3d, ask: 'params' },
    hint: {
      en: 'Each filter is a 3 × 5 × 5 block over 1 channel, plus a bias.',
      'zh-cn': '每个滤波器是覆盖 1 个通道的 3 × 5 × 5 立方体，再加 1 个偏置。',
    },
    explanation: {
      en: '8 × (1 × 3 × 5 × 5 + 1) = 8 × 76 = 608.',
      'zh-cn': '8 × (1 × 3 × 5 × 5 + 1) = 8 × 76 = 608。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  {
    value: 49,
    why: '7 × 7, the number of positions Flatten keeps and global pooling averages: the ratio between the two Dense layers’ weights',
  },
  { value: 16, why: 'VGG16’s name (also a shape dim in the facts)' },
  { value: 448, why: 'the input side (448 = 14 × 32) that gives VGG16’s base a 14×14 map' },
  { value: 224, why: 'VGG16’s default input side, which gives its base the 7×7 map' },
  { value: 4096, why: 'the width of VGG16’s first Dense layer (lesson 14)' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Conv1D', 'Conv3D', 'Conv2DTranspose', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
