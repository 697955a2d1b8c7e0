/**
 * Reading `model.summary()`: the classic MNIST CNN, its columns, names, totals and
 * the memory figure. Every number the lesson quotes is computed by src/calc from these facts.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule, Question } from './types.ts';

/** The MNIST CNN of the Keras examples, in the order its summary lists the layers. */
const mnistModel = (denseUnits = 64): SequentialModel => ({
  kind: 'sequential',
  input: [null, 28, 28, 1],
  layers: [
    { type: 'Conv2D', args: { filters: 32, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'Flatten' },
    { type: 'Dense', args: { units: denseUnits, activation: 'relu' } },
    { type: 'Dense', args: { units: 10 } },
  ],
});

export const facts = {
  /** The model the whole lesson reads. */
  mnist: { model: mnistModel() },
  /** The same model with a wider hidden Dense layer: the quiz asks for its total. */
  mnistWide: { model: mnistModel(128) },
  /** Row `conv2d_1`: the second convolution, on the pooled 13×13×32 map. */
  secondConv: {
    layer: { type: 'Conv2D', name: 'conv2d_1', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    input: [null, 13, 13, 32],
  },
  /** Row `flatten`: 3 × 3 × 64 values in a row. */
  flatten: { layer: { type: 'Flatten' }, input: [null, 3, 3, 64] },
  /** Row `dense`: 576 inputs to 64 units. */
  hiddenDense: { layer: { type: 'Dense', args: { units: 64, activation: 'relu' } }, input: [null, 576] },
} satisfies Record<string, Fact>;

/** The summary explorer is this lesson's island; the layer calculators start with the next lesson. */
export const calculators: Record<string, CalculatorPreset> = {};

export const quiz: Question[] = [
  {
    id: 'summary-row-conv2d-1',
    prompt: {
      en: 'The row `conv2d_1 (Conv2D)` belongs to `Conv2D(64, 3)` on the pooled map `(None, 13, 13, 32)`. What does its Param # column show?',
      'zh-cn': '`conv2d_1 (Conv2D)` 这一行对应作用在池化后特征图 `(None, 13, 13, 32)` 上的 `Conv2D(64, 3)`。它的 Param # 列显示多少？',
    },
    answer: { fact: facts.secondConv, ask: 'params' },
    hint: {
      en: 'Each of the 64 filters is a 3 × 3 window over all 32 input channels, plus one bias.',
      'zh-cn': '64 个滤波器中的每一个都是覆盖全部 32 个输入通道的 3 × 3 窗口，再加 1 个偏置。',
    },
    explanation: {
      en: '64 × (32 × 3 × 3 + 1) = 64 × 289 = 18,496. The 13 × 13 size of the map plays no part.',
      'zh-cn': '64 × (32 × 3 × 3 + 1) = 64 × 289 = 18,496。特征图的 13 × 13 大小不参与计算。',
    },
  },
  {
    id: 'summary-flatten-shape',
    prompt: {
      en: 'The last convolution outputs `(None, 3, 3, 64)`. Which Output Shape does the `flatten` row print?',
      'zh-cn': '最后一个卷积层输出 `(None, 3, 3, 64)`。`flatten` 这一行的 Output Shape 是什么？',
    },
    answer: { fact: facts.flatten, ask: 'shape' },
    hint: {
      en: 'Flatten keeps the batch axis and multiplies every other axis together.',
      'zh-cn': 'Flatten 保留批量维度，把其余各维相乘。',
    },
    explanation: {
      en: '3 × 3 × 64 = 576, so the row reads (None, 576). `None` is the batch size, which is not fixed yet.',
      'zh-cn': '3 × 3 × 64 = 576，所以这一行是 (None, 576)。`None` 是尚未确定的批量大小。',
    },
  },
  {
    id: 'summary-total-wide',
    prompt: {
      en: 'Change the hidden layer from `Dense(64)` to `Dense(128)` and keep everything else. What is the new Total params?',
      'zh-cn': '把隐藏层从 `Dense(64)` 改成 `Dense(128)`，其余不变。新的 Total params 是多少？',
    },
    answer: { fact: facts.mnistWide, ask: 'total' },
    hint: {
      en: 'Two rows change: `dense` becomes 128 × (576 + 1) and `dense_1` now has 128 inputs. The convolutions stay 320 + 18,496 + 36,928.',
      'zh-cn': '有两行会变：`dense` 变成 128 × (576 + 1)，`dense_1` 的输入变成 128 个。三个卷积层仍是 320 + 18,496 + 36,928。',
    },
    explanation: {
      en: 'The new rows are 128 × (576 + 1) = 73,856 and 10 × (128 + 1) = 1,290; with the unchanged 320 + 18,496 + 36,928 of the convolutions the total is 130,890.',
      'zh-cn':
        '变化的两行是 128 × (576 + 1) = 73,856 和 10 × (128 + 1) = 1,290；再加上三个卷积层不变的 320 + 18,496 + 36,928，总数是 130,890。',
    },
  },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 1024, why: 'bytes in a KB: Keras divides the byte count by 1,024 (readable_memory_size)' },
  {
    value: 76,
    why: 'the Keras 3 summary width when output is not a terminal (notebooks, CI logs), docs/summary-formats.md#keras-3-widths',
  },
  {
    value: 88,
    why: 'the Keras 3 summary width for a sequential model in a terminal at least 92 columns wide, docs/summary-formats.md#keras-3-widths',
  },
  { value: 92, why: 'the terminal width from which Keras 3 draws the 88-column table, docs/summary-formats.md#keras-3-widths' },
  { value: 65, why: 'the fixed Keras 2 summary width for sequential models, docs/summary-formats.md#keras-2-eras' },
];

export const lesson: LessonModule = { facts, calculators, quiz, otherNumbers };
