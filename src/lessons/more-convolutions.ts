/**
 * Lesson 10 — more convolutions: Conv1D and Conv3D (the same count with one kernel axis fewer or
 * more), Conv2DTranspose and its output length with and without output_padding, and global pooling
 * versus Flatten as a parameter budget for the Dense layer that follows.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
