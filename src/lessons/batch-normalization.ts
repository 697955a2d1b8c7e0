/**
 * Lesson 8 — BatchNormalization: four vectors per channel (γ and β trainable, the moving mean and
 * variance not), per channel rather than per pixel, `center` / `scale`, and what `trainable=False`
 * does to a whole frozen base model. Every number the lesson quotes is computed by src/calc.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 0.99, why: 'BatchNormalization’s default momentum in Keras 3 (docs/keras-layers.md#batchnormalization)' },
  { value: 121, why: '11 × 11, the number of pixels in the example feature map: the factor a per-pixel count would wrongly multiply by' },
  { value: 30976, why: 'the wrong per-pixel count 256 × 11 × 11 for BN on (None, 11, 11, 64) (docs/learner-mistakes.md#batch-norm-split)' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['BatchNormalization'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
