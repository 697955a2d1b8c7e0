/**
 * Reading `model.summary()`: the classic MNIST CNN, its columns, names, totals and
 * the memory figure. Every number the lesson quotes is computed by src/calc from these facts.
 */
import type { SequentialModel } from '@calc/basics.ts';
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

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

export const lesson: LessonModule = { facts, calculators, otherNumbers };
