/**
 * Summary objects built by hand for renderer tests, so the renderers are checked on their own,
 * without the layer specs. Weights are the real tensors of each layer (shapes from
 * docs/keras-layers.md), so every count below is plain arithmetic a reader can redo.
 */
import type { Row, Summary, Totals } from '@calc/summarize.ts';
import type { OutputShape, Weight } from '@calc/types.ts';

export const w = (name: string, shape: number[], trainable = true): Weight => ({ name, shape, trainable });

const size = (x: Weight): number => x.shape.reduce((a, b) => a * b, 1);

/** A built row whose counts are the sums over its weights. */
export function layer(
  name: string,
  type: string,
  outputShape: OutputShape | null,
  weights: Weight[] = [],
  connectedTo: string[] = [],
): Row {
  const trainable = weights.filter((x) => x.trainable).reduce((n, x) => n + size(x), 0);
  const nonTrainable = weights.filter((x) => !x.trainable).reduce((n, x) => n + size(x), 0);
  // A layer whose weights are all frozen was frozen itself, in every fixture here.
  const layerTrainable = weights.length === 0 || weights.some((x) => x.trainable);
  return {
    name,
    type,
    outputShape,
    params: trainable + nonTrainable,
    trainable,
    nonTrainable,
    weights,
    connectedTo,
    inbound: [],
    inputShapes: [],
    built: true,
    layerTrainable,
    family: 'core',
    macs: 0,
    steps: [],
  };
}

/** A layer Keras never built: `?` and `0 (unbuilt)`. */
export const unbuilt = (name: string, type: string): Row => ({
  name,
  type,
  outputShape: null,
  params: 0,
  trainable: 0,
  nonTrainable: 0,
  weights: [],
  connectedTo: [],
  inbound: [],
  inputShapes: [],
  built: false,
  layerTrainable: true,
  family: 'core',
  macs: 0,
  steps: [],
});

/** A model used as a layer: its weights are those of the layers inside it. */
export function nested(name: string, type: string, outputShape: OutputShape, children: Row[]): Row {
  return {
    ...layer(
      name,
      type,
      outputShape,
      children.flatMap((c) => c.weights),
    ),
    children,
  };
}

/** Totals over every row's weights, float32 (4 bytes each). */
export function totalsOf(rows: Row[]): Totals {
  const all = rows.flatMap((r) => r.weights);
  const sum = (ws: Weight[]): number => ws.reduce((n, x) => n + size(x), 0);
  const trainable = sum(all.filter((x) => x.trainable));
  const nonTrainable = sum(all.filter((x) => !x.trainable));
  return {
    params: trainable + nonTrainable,
    trainable,
    nonTrainable,
    bytes: 4 * (trainable + nonTrainable),
    trainableBytes: 4 * trainable,
    nonTrainableBytes: 4 * nonTrainable,
  };
}

export function summary(name: string, rows: Row[], sequentialLike = true, className = 'Sequential'): Summary {
  return { name, className, sequentialLike, dialect: 'keras3', rows, totals: totalsOf(rows), outputs: [] };
}

/** The tutorial CNN's layers after its input (28×28×1), as `model.layers` lists them. */
export const tutorialLayers = (): Row[] => [
  layer('conv2d', 'Conv2D', [null, 26, 26, 32], [w('kernel', [3, 3, 1, 32]), w('bias', [32])]),
  layer('max_pooling2d', 'MaxPooling2D', [null, 13, 13, 32]),
  layer('conv2d_1', 'Conv2D', [null, 11, 11, 64], [w('kernel', [3, 3, 32, 64]), w('bias', [64])]),
  layer('max_pooling2d_1', 'MaxPooling2D', [null, 5, 5, 64]),
  layer('conv2d_2', 'Conv2D', [null, 3, 3, 64], [w('kernel', [3, 3, 64, 64]), w('bias', [64])]),
  layer('flatten', 'Flatten', [null, 576]),
  layer('dense', 'Dense', [null, 64], [w('kernel', [576, 64]), w('bias', [64])]),
  layer('dense_1', 'Dense', [null, 10], [w('kernel', [64, 10]), w('bias', [10])]),
];

/** The tutorial CNN as a Sequential model. */
export const tutorialSequential = (): Summary => summary('sequential', tutorialLayers());

/** The same network with the Functional API: the InputLayer gets a row. */
export const tutorialFunctional = (name: string, inputName: string): Summary =>
  summary(name, [layer(inputName, 'InputLayer', [null, 28, 28, 1]), ...tutorialLayers()], true, 'Functional');

/**
 * Inputs `a` (16,) and `b` (8,), Dense(32) on each, Concatenate, BatchNormalization, Dense(1):
 * not sequential-like, so Keras adds the "Connected to" column.
 */
export const twoInputs = (): Summary =>
  summary(
    'two_inputs',
    [
      layer('a', 'InputLayer', [null, 16]),
      layer('b', 'InputLayer', [null, 8]),
      layer('dense', 'Dense', [null, 32], [w('kernel', [16, 32]), w('bias', [32])], ['a[0][0]']),
      layer('dense_1', 'Dense', [null, 32], [w('kernel', [8, 32]), w('bias', [32])], ['b[0][0]']),
      layer('concatenate', 'Concatenate', [null, 64], [], ['dense[0][0]', 'dense_1[0][0]']),
      layer(
        'batch_normalization',
        'BatchNormalization',
        [null, 64],
        [w('gamma', [64]), w('beta', [64]), w('moving_mean', [64], false), w('moving_variance', [64], false)],
        ['concatenate[0][0]'],
      ),
      layer('dense_2', 'Dense', [null, 1], [w('kernel', [64, 1]), w('bias', [1])], ['batch_normalization[0][0]']),
    ],
    false,
    'Functional',
  );
