/**
 * Lesson 6, putting it together: the whole MNIST network as one editable model. Shapes flow from
 * layer to layer; each count depends only on its layer's arguments and its input's channels or
 * features; the spatial size matters once, where Flatten meets Dense (so removing a pooling layer
 * grows the model several times over).
 */
import { tensor, type FunctionalModel, type ModelLayer, type SequentialModel, type Shape } from '@calc/basics.ts';
import type { CalculatorPreset, LessonModule, ModelFact } from './types.ts';

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

export const otherNumbers: LessonModule['otherNumbers'] = [];

export const lesson: LessonModule = { facts, calculators, otherNumbers };
