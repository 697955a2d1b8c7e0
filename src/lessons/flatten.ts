/**
 * Flatten: the flat length is the product of every non-batch axis, data_format changes
 * the order of the elements but not their number, and the Dense layer after Flatten pays for the
 * whole feature map (GlobalAveragePooling2D as the cheap alternative).
 */
import { on, outputOf } from './layer-facts.ts';
import type { CalculatorPreset, LayerFact, LessonModule } from './types.ts';

const flattenFacts = {
  /** The MNIST network's last feature map, flattened. */
  mnistFlatten: on('Flatten', {}, [null, 3, 3, 64]),
  /** The Dense(64) that reads it (built below, on Flatten's output). */
  /** A 5×5×64 feature map (a model with one conv fewer), flattened. */
  flatten5: on('Flatten', {}, [null, 5, 5, 64]),
  /** The same map stored channels-first: same length, different order. */
  flatten5First: on('Flatten', { data_format: 'channels_first' }, [null, 64, 5, 5]),
  /** A raw MNIST image flattened, as a plain multilayer perceptron does. */
  flattenImage: on('Flatten', {}, [null, 28, 28, 1]),
  /** A tiny map for the element-order picture. */
  flattenTiny: on('Flatten', {}, [null, 2, 2, 3]),
  /** VGG16's last feature map and its first Dense layer (case-studies has the whole model). */
  vggFlatten: on('Flatten', {}, [null, 7, 7, 512]),
  /** The alternative: one average per channel, whatever the map's height and width. */
  gap5: on('GlobalAveragePooling2D', {}, [null, 5, 5, 64]),
};

/** The Dense layers, each built on the output of the layer before it in the text. */
const dense = {
  mnistDense: on('Dense', { units: 64 }, outputOf(flattenFacts.mnistFlatten)),
  /** Dense(128) after the 5×5×64 map: the number of docs/learner-mistakes.md#image-size-and-params. */
  dense5: on('Dense', { units: 128 }, outputOf(flattenFacts.flatten5)),
  vggFc1: on('Dense', { units: 4096 }, outputOf(flattenFacts.vggFlatten)),
  denseAfterGap: on('Dense', { units: 128 }, outputOf(flattenFacts.gap5)),
};

export const facts = { ...flattenFacts, ...dense } satisfies Record<string, LayerFact>;

export const calculators = {
  /** Flatten and GlobalAveragePooling2D on the same feature map, side by side. */
  shape: {
    id: 'flatten-shape',
    title: { en: 'Flatten vs GlobalAveragePooling2D', 'zh-cn': '展平层与全局平均池化对比' },
    layers: [
      { type: 'Flatten', label: { en: 'Flatten()', 'zh-cn': 'Flatten()' } },
      { type: 'GlobalAveragePooling2D', label: { en: 'GlobalAveragePooling2D()', 'zh-cn': 'GlobalAveragePooling2D()' } },
    ],
    input: [null, 5, 5, 64],
    fields: [
      { kind: 'int', target: 'input[1]', min: 1, max: 64, label: { en: 'Height', 'zh-cn': '高' } },
      { kind: 'int', target: 'input[2]', min: 1, max: 64, label: { en: 'Width', 'zh-cn': '宽' } },
      { kind: 'int', target: 'input[3]', min: 1, max: 512, label: { en: 'Channels', 'zh-cn': '通道数' } },
    ],
    show: ['shape', 'params', 'flatten'],
  },
  /** The Dense layer that reads the flat vector: its count grows with the flat length. */
  dense: {
    id: 'flatten-dense',
    title: { en: 'The Dense layer after Flatten', 'zh-cn': '展平层之后的全连接层' },
    layers: [{ type: 'Dense', args: { units: 128 } }],
    input: outputOf(flattenFacts.flatten5),
    fields: [
      {
        kind: 'int',
        target: 'input[1]',
        min: 1,
        max: 32768,
        label: { en: 'Flattened length (H × W × C)', 'zh-cn': '展平后的长度（H × W × C）' },
      },
      { kind: 'int', target: 'units', min: 1, max: 4096 },
    ],
    show: ['params', 'formula', 'shape', 'weights', 'matrix'],
  },
} satisfies Record<string, CalculatorPreset>;

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 25, why: 'the wrong flat length 5 × 5 that forgets the 64 channels (docs/learner-mistakes.md#flatten-size)' },
  { value: 320, why: 'the wrong flat length 5 × 64 that forgets one spatial axis (docs/learner-mistakes.md#flatten-size)' },
  { value: 16, why: 'part of the model name VGG16' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Flatten'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
