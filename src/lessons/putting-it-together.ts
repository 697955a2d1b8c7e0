/**
 * Lesson 6, putting it together: the whole MNIST network as one editable model. Shapes flow from
 * layer to layer; each count depends only on its layer's arguments and its input's channels or
 * features; the spatial size matters once, where Flatten meets Dense (so removing a pooling layer
 * grows the model several times over).
 */
import { summarize, type Row, type Summary } from '@calc/engine.ts';
import { groupDigits, shapeText, tensor, type FunctionalModel, type ModelLayer, type SequentialModel, type Shape } from '@calc/basics.ts';
import type { CalculatorPreset, LayerFact, LessonModule, ModelFact, Question } from './types.ts';

/** The MNIST network's layers, as the Keras example writes them. */
const mnistLayers = (o: { firstFilters?: number; hiddenUnits?: number } = {}): ModelLayer[] => [
  { type: 'Conv2D', args: { filters: o.firstFilters ?? 32, kernel_size: 3, activation: 'relu' } },
  { type: 'MaxPooling2D', args: { pool_size: 2 } },
  { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
  { type: 'MaxPooling2D', args: { pool_size: 2 } },
  { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
  { type: 'Flatten' },
  { type: 'Dense', args: { units: o.hiddenUnits ?? 64, activation: 'relu' } },
  { type: 'Dense', args: { units: 10 } },
];

const model = (layers: ModelLayer[], input: Shape = [null, 28, 28, 1]): ModelFact => ({
  model: { kind: 'sequential', input, layers } satisfies SequentialModel,
});

/** The layer list without the layers at the given positions. */
const without = (layers: ModelLayer[], ...drop: number[]): ModelLayer[] => layers.filter((_, i) => !drop.includes(i));

/** The engine's summary of a model fact; a fact that does not resolve is a bug in this lesson. */
function summaryOf(f: ModelFact): Summary {
  const s = summarize(f.model);
  if (s.error) throw new Error(`putting-it-together lesson: the model does not resolve: ${s.error.message}`);
  return s;
}

/** Positions of the two pooling layers in `mnistLayers()`. */
const FIRST_POOL = 1;
const SECOND_POOL = 3;

/**
 * Two inputs through one shared Dense layer, joined and classified: the layer object is called
 * twice (two nodes) but created once, so its weights appear once in the summary and the total.
 * Names and the title are what Keras 3 gives in a fresh process (`functional`, `input_layer_1`).
 */
const twoInputs: FunctionalModel = {
  kind: 'functional',
  name: 'functional',
  layers: [
    { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, 128] } }, nodes: [] },
    { layer: { type: 'InputLayer', name: 'input_layer_1', args: { batch_shape: [null, 128] } }, nodes: [] },
    {
      layer: { type: 'Dense', name: 'dense', args: { units: 32, activation: 'relu' } },
      nodes: [
        { args: [tensor('input_layer')], kwargs: {} },
        { args: [tensor('input_layer_1')], kwargs: {} },
      ],
    },
    {
      layer: { type: 'Concatenate', name: 'concatenate', args: {} },
      nodes: [{ args: [[tensor('dense', 0), tensor('dense', 1)]], kwargs: {} }],
    },
    {
      layer: { type: 'Dense', name: 'dense_1', args: { units: 1, activation: 'sigmoid' } },
      nodes: [{ args: [tensor('concatenate')], kwargs: {} }],
    },
  ],
  inputs: [tensor('input_layer'), tensor('input_layer_1')],
  outputs: [tensor('dense_1')],
};

export const facts = {
  /** The network the lesson walks through and the editor starts from. */
  mnist: model(mnistLayers()),
  /** Without the second MaxPooling2D: the map reaching Flatten is 9×9 instead of 3×3. */
  noSecondPool: model(without(mnistLayers(), SECOND_POOL)),
  /** Without either pooling layer. */
  noPools: model(without(mnistLayers(), FIRST_POOL, SECOND_POOL)),
  /** The same layers on 32×32 colour images (CIFAR-10 size). */
  colour: model(mnistLayers(), [null, 32, 32, 3]),
  /** Two inputs, one shared Dense layer called on both, then Concatenate and a Dense head. */
  twoInputs: { model: twoInputs },
} satisfies Record<string, ModelFact>;

/** The model editor is this lesson's island. */
export const calculators: Record<string, CalculatorPreset> = {};

/** The quiz's own variants of the network. */
const q = {
  wideHidden: model(mnistLayers({ hiddenUnits: 128 })),
  narrowFirst: model(mnistLayers({ firstFilters: 16 })),
};

const total = (f: ModelFact): string => groupDigits(summaryOf(f).totals.params);
const rowOf = (f: ModelFact, name: string): Row => {
  const row = summaryOf(f).rows.find((r) => r.name === name);
  if (!row) throw new Error(`putting-it-together lesson: no layer named ${name}`);
  return row;
};
const rowParams = (f: ModelFact, name: string): string => groupDigits(rowOf(f, name).params);
const flattenShape = (f: ModelFact): string => shapeText(rowOf(f, 'flatten').outputShape as Shape);

/** The Flatten layer of the model without its second pooling layer, on the map it really receives. */
const noPoolFlatten: LayerFact = { layer: { type: 'Flatten' }, input: rowOf(facts.noSecondPool, 'conv2d_2').outputShape as Shape };

export const quiz: Question[] = [
  {
    id: 'together-wide-hidden',
    prompt: {
      en: 'In the MNIST network, change the hidden layer from Dense(64) to Dense(128) and keep everything else. What is Total params now?',
      'zh-cn': '在 MNIST 网络中，把隐藏层从 Dense(64) 改成 Dense(128)，其余不变。现在的 Total params 是多少？',
    },
    answer: { fact: q.wideHidden, ask: 'total' },
    hint: {
      en: 'Two layers change: the hidden Dense layer itself, and the output layer that reads it.',
      'zh-cn': '有两层会变：隐藏层本身，以及读取它的输出层。',
    },
    explanation: {
      en: `The hidden layer becomes 128 × (576 + 1) = ${rowParams(q.wideHidden, 'dense')} and the output layer 10 × (128 + 1) = ${rowParams(q.wideHidden, 'dense_1')}; the convolutions do not change. Total: ${total(q.wideHidden)}.`,
      'zh-cn': `隐藏层变成 128 × (576 + 1) = ${rowParams(q.wideHidden, 'dense')}，输出层变成 10 × (128 + 1) = ${rowParams(q.wideHidden, 'dense_1')}，卷积层不变。总数：${total(q.wideHidden)}。`,
    },
  },
  {
    id: 'together-narrow-first',
    prompt: {
      en: 'Give the first Conv2D 16 filters instead of 32 and keep everything else. What is Total params now?',
      'zh-cn': '把第一个 Conv2D 的滤波器个数从 32 改成 16，其余不变。现在的 Total params 是多少？',
    },
    answer: { fact: q.narrowFirst, ask: 'total' },
    hint: {
      en: "The first Conv2D shrinks, and so does the second one, whose input channels are the first one's filters.",
      'zh-cn': '第一个 Conv2D 变小了；第二个 Conv2D 的输入通道数就是第一个的滤波器个数，所以它也变小了。',
    },
    explanation: {
      en: `The first conv becomes 16 × (1 × 3 × 3 + 1) = ${rowParams(q.narrowFirst, 'conv2d')} and the second 64 × (16 × 3 × 3 + 1) = ${rowParams(q.narrowFirst, 'conv2d_1')}. Every later layer keeps its count, since the shapes after the second conv are unchanged. Total: ${total(q.narrowFirst)}.`,
      'zh-cn': `第一个卷积层变成 16 × (1 × 3 × 3 + 1) = ${rowParams(q.narrowFirst, 'conv2d')}，第二个变成 64 × (16 × 3 × 3 + 1) = ${rowParams(q.narrowFirst, 'conv2d_1')}。第二个卷积层之后的形状都没变，所以后面各层的参数量不变。总数：${total(q.narrowFirst)}。`,
    },
  },
  {
    id: 'together-no-second-pool',
    prompt: {
      en: 'Remove the second MaxPooling2D layer. What output shape does the Flatten row print now?',
      'zh-cn': '删掉第二个 MaxPooling2D 层。现在 Flatten 这一行打印的输出形状是什么？',
    },
    answer: { fact: noPoolFlatten, ask: 'shape' },
    hint: {
      en: 'Follow the sizes: the third Conv2D now receives the 11×11 map directly.',
      'zh-cn': '顺着尺寸往下推：第三个 Conv2D 现在直接接收 11×11 的特征图。',
    },
    explanation: {
      en: `The third Conv2D turns 11×11 into 11 − 3 + 1 = 9, so Flatten receives 9 × 9 × 64 values: ${flattenShape(facts.noSecondPool)}.`,
      'zh-cn': `第三个 Conv2D 把 11×11 变成 11 − 3 + 1 = 9，所以 Flatten 收到 9 × 9 × 64 个数：${flattenShape(facts.noSecondPool)}。`,
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers };
