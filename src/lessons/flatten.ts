/**
 * Flatten: the flat length is the product of every non-batch axis, data_format changes
 * the order of the elements but not their number, and the Dense layer after Flatten pays for the
 * whole feature map (GlobalAveragePooling2D as the cheap alternative).
 */
import { groupDigits, shapeText } from '@calc/basics.ts';
import { on, outputOf, paramsOf } from './layer-facts.ts';
import type { CalculatorPreset, LayerFact, LessonModule, Question } from './types.ts';

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

/** The quiz's own layers: a Flatten to predict, and the 6×6×32 map before a Dense layer. */
const q = {
  flatten4: on('Flatten', {}, [null, 4, 4, 128]),
  flatten6: on('Flatten', {}, [null, 6, 6, 32]),
};

export const facts = { ...flattenFacts, ...dense, quizFlatten6: q.flatten6 } satisfies Record<string, LayerFact>;

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

const q6Dense = on('Dense', { units: 256 }, outputOf(q.flatten6));
const flat4 = shapeText(outputOf(q.flatten4));
const flat6 = groupDigits(outputOf(q.flatten6)[1] ?? 0);

export const quiz: Question[] = [
  {
    id: 'flatten-4x4x128',
    prompt: {
      en: 'A Conv2D layer outputs (None, 4, 4, 128). What output shape does Flatten() print for it?',
      'zh-cn': '某个 Conv2D 层的输出形状是 (None, 4, 4, 128)。接在它后面的 Flatten() 输出形状是什么？',
    },
    answer: { fact: q.flatten4, ask: 'shape' },
    hint: {
      en: 'Multiply every axis except the batch axis, and keep None in front.',
      'zh-cn': '把除批量维度以外的所有维度相乘，最前面的 None 保持不变。',
    },
    explanation: {
      en: `4 × 4 × 128 numbers per sample end up in one row: ${flat4}. The batch axis stays None.`,
      'zh-cn': `每个样本的 4 × 4 × 128 个数排成一行：${flat4}。批量维度仍是 None。`,
    },
  },
  {
    id: 'flatten-params',
    prompt: {
      en: 'How many parameters does Flatten() have on an input of shape (None, 7, 7, 512)?',
      'zh-cn': 'Flatten() 作用在形状为 (None, 7, 7, 512) 的输入上，它有多少个参数？',
    },
    answer: { fact: facts.vggFlatten, ask: 'params' },
    hint: {
      en: 'Does Flatten learn anything, or does it only rearrange numbers?',
      'zh-cn': 'Flatten 会学习什么吗？还是只是重新排列数字？',
    },
    explanation: {
      en: 'Flatten has no weights: it only reshapes. Its row in model.summary() always shows 0, however long the vector it makes.',
      'zh-cn': 'Flatten 没有权重，只改变形状。无论展平后的向量多长，它在 model.summary() 中那一行的参数量永远是 0。',
    },
  },
  {
    id: 'flatten-dense-6x6x32',
    prompt: {
      en: 'A (None, 6, 6, 32) feature map goes through Flatten() and then Dense(256). How many parameters does the Dense layer have?',
      'zh-cn': '形状为 (None, 6, 6, 32) 的特征图先经过 Flatten()，再接 Dense(256)。这个 Dense 层有多少个参数？',
    },
    answer: { fact: q6Dense, ask: 'params' },
    hint: {
      en: 'First find the flat length 6 × 6 × 32, then use units × (inputs + 1).',
      'zh-cn': '先算出展平后的长度 6 × 6 × 32，再用 units × (输入长度 + 1)。',
    },
    explanation: {
      en: `Flatten gives 6 × 6 × 32 = ${flat6} inputs. Each of the 256 units has ${flat6} weights and 1 bias: 256 × (${flat6} + 1) = ${paramsOf(q6Dense)}.`,
      'zh-cn': `展平后有 6 × 6 × 32 = ${flat6} 个输入。256 个单元每个都有 ${flat6} 个权重和 1 个偏置：256 × (${flat6} + 1) = ${paramsOf(q6Dense)}。`,
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 25, why: 'the wrong flat length 5 × 5 that forgets the 64 channels (docs/learner-mistakes.md#flatten-size)' },
  { value: 320, why: 'the wrong flat length 5 × 64 that forgets one spatial axis (docs/learner-mistakes.md#flatten-size)' },
  { value: 16, why: 'part of the model name VGG16' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['Flatten'];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers, teaches };
