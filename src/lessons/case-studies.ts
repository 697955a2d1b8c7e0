/**
 * Lesson 14, case studies: three Keras Applications built by src/calc from the definitions in
 * src/calc/applications, and the few layers that explain where their parameters live — VGG16's
 * fc1, ResNet50's BatchNormalization statistics, MobileNetV2's depthwise convolutions and head.
 */
import { applications } from '@calc/engine.ts';
import { tensor, type Model } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact } from './types.ts';

/** `keras.applications.<name>()` with include_top=True and its default input, as src/calc builds it. */
function application(name: string): Model {
  const build = applications[name];
  if (!build) throw new Error(`case-studies lesson: src/calc/applications has no ${name}`);
  return build();
}

/** VGG16 without its classifier (what `include_top=False` keeps): every layer up to block5_pool. */
function vggConvolutionalBase(): Model {
  const vgg = application('VGG16');
  if (vgg.kind !== 'functional') throw new Error('case-studies lesson: VGG16 is expected to be a functional model');
  const head = new Set(['flatten', 'fc1', 'fc2', 'predictions']);
  return { ...vgg, layers: vgg.layers.filter((e) => !head.has(e.layer.name ?? '')), outputs: [tensor('block5_pool')] };
}

export const facts = {
  vgg16: { model: application('VGG16') },
  vgg16Base: { model: vggConvolutionalBase() },
  /** VGG16's classifier on its own: Flatten, fc1, fc2, predictions on the 7×7×512 map. */
  vgg16Head: {
    model: {
      kind: 'sequential',
      name: 'vgg16_head',
      input: [null, 7, 7, 512],
      layers: [
        { type: 'Flatten', name: 'flatten' },
        { type: 'Dense', name: 'fc1', args: { units: 4096, activation: 'relu' } },
        { type: 'Dense', name: 'fc2', args: { units: 4096, activation: 'relu' } },
        { type: 'Dense', name: 'predictions', args: { units: 1000, activation: 'softmax' } },
      ],
    },
  },
  /** VGG16's last feature map, flattened: the input of fc1. */
  vggFlatten: { layer: { type: 'Flatten' }, input: [null, 7, 7, 512] },
  fc1: { layer: { type: 'Dense', args: { units: 4096 } }, input: [null, 25088] },
  /** The same fc1 after global average pooling instead of Flatten. */
  vggGap: { layer: { type: 'GlobalAveragePooling2D' }, input: [null, 7, 7, 512] },
  fc1AfterGap: { layer: { type: 'Dense', args: { units: 4096 } }, input: [null, 512] },

  resnet50: { model: application('ResNet50') },
  /** ResNet50's first BatchNormalization, after the 7×7 stem convolution. */
  resnetFirstBn: { layer: { type: 'BatchNormalization', args: { axis: 3, epsilon: 1.001e-5 } }, input: [null, 112, 112, 64] },
  /** What ResNet50's classifier would cost on a flattened 7×7×2048 map instead of the pooled 2048. */
  resnetFlatten: { layer: { type: 'Flatten' }, input: [null, 7, 7, 2048] },
  resnetHeadOnFlatten: { layer: { type: 'Dense', args: { units: 1000 } }, input: [null, 100352] },

  mobilenetV2: { model: application('MobileNetV2') },
  /** block_16_depthwise next to a full 3×3 convolution on the same 960 channels. */
  depthwise960: {
    layer: { type: 'DepthwiseConv2D', args: { kernel_size: 3, padding: 'same', use_bias: false } },
    input: [null, 7, 7, 960],
  },
  fullConv960: {
    layer: { type: 'Conv2D', args: { filters: 960, kernel_size: 3, padding: 'same', use_bias: false } },
    input: [null, 7, 7, 960],
  },
} satisfies Record<string, LayerFact | ModelFact>;

export const calculators = {
  fc1: {
    id: 'vgg-fc1',
    title: { en: "VGG16's fc1: a Dense layer on the flattened feature map", 'zh-cn': 'VGG16 的 fc1：展平特征图上的全连接层' },
    layers: [{ type: 'Dense', args: { units: 4096 } }],
    input: [null, 25088],
    fields: [
      {
        target: 'input[1]',
        kind: 'int',
        min: 1,
        max: 65536,
        label: { en: 'Input features (7 × 7 × 512 after Flatten)', 'zh-cn': '输入特征数（展平后为 7 × 7 × 512）' },
        help: { en: 'Try 512: the length after GlobalAveragePooling2D.', 'zh-cn': '试试 512：GlobalAveragePooling2D 之后的长度。' },
      },
      { target: 'units', kind: 'int', min: 1, max: 8192, label: { en: 'Units', 'zh-cn': '单元数 (units)' } },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
  conv: {
    id: 'vgg-block5-conv',
    title: { en: 'A VGG16 block-5 convolution: 3×3 at 512 channels', 'zh-cn': 'VGG16 第 5 块的卷积：512 通道上的 3×3 卷积' },
    layers: [{ type: 'Conv2D', args: { filters: 512, kernel_size: 3, padding: 'same' } }],
    input: [null, 14, 14, 512],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 224, label: { en: 'Input height', 'zh-cn': '输入高度' } },
      { target: 'input[2]', kind: 'int', min: 1, max: 224, label: { en: 'Input width', 'zh-cn': '输入宽度' } },
      { target: 'input[3]', kind: 'int', min: 1, max: 1024, label: { en: 'Input channels', 'zh-cn': '输入通道数' } },
      { target: 'filters', kind: 'int', min: 1, max: 1024, label: { en: 'Filters', 'zh-cn': '滤波器个数 (filters)' } },
      { target: 'kernel_size', kind: 'int', min: 1, max: 7, label: { en: 'Kernel size', 'zh-cn': '卷积核大小' } },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;

export const otherNumbers: LessonModule['otherNumbers'] = [];

export const lesson: LessonModule = { facts, calculators, otherNumbers };
