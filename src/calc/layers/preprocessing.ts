/**
 * Preprocessing (keras/src/layers/preprocessing): almost all are weightless. Normalization is the
 * exception — it stores the mean and variance it adapted to, plus a sample count. The rest either
 * keep the shape (augmentations, rescaling) or set it from their arguments (resizing, crops,
 * encoders), so they are listed here as tables rather than one spec each.
 */
import * as arg from '../args.ts';
import { add, mul, num } from '../explain.ts';
import { fail } from '../problem.ts';
import { passThrough, weight, type LayerSpec } from '../registry.ts';
import { shapeText } from '../text.ts';
import type { Dim, LayerArgs, Shape } from '../types.ts';
import { axisList, sizesAlong } from './normalization.ts';

const given = (v: unknown): boolean => v !== null && v !== undefined;

/**
 * Normalization: without `mean`/`variance` it creates `mean` and `variance` over the kept axes and
 * an integer `count` (one number); with them given it creates nothing — the values are constants.
 */
const Normalization: LayerSpec = {
  defaults: { axis: -1, mean: null, variance: null, invert: false },
  build({ args, input, dialect }) {
    const axis = args['axis'];
    // axis=None keeps no axis: one mean and one variance for the whole input
    const kept = given(axis) ? axisList(args, 'axis', input.length).sort((a, b) => a - b) : [];
    if (given(args['mean']) !== given(args['variance'])) {
      fail('mean-variance-together', {}, given(args['mean']) ? 'variance' : 'mean');
    }
    const sizes = sizesAlong(input, kept, 'axis');
    if (given(args['mean'])) return { output: input, weights: [] };
    // count's dtype is Keras's "int": int64 on TensorFlow (tf.keras), int32 on the other backends
    const count = weight('count', [], false, dialect === 'tf.keras' ? 'int64' : 'int32');
    const statistics = num(2, 'statistics');
    return {
      output: input,
      weights: [weight('mean', sizes, false), weight('variance', sizes, false), count],
      formula: add(sizes.length ? mul(statistics, ...sizes.map((s) => num(s, 'channels'))) : statistics, num(1, 'count')),
    };
  },
};

/** Augmentations and colour or intensity transforms: the pixels change, the shape does not. */
const SAME_SHAPE = [
  'Rescaling', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomContrast', 'RandomTranslation',
  'RandomBrightness', 'RandomColorDegeneration', 'RandomColorJitter', 'RandomElasticTransform',
  'RandomErasing', 'RandomGaussianBlur', 'RandomGrayscale', 'RandomHue', 'RandomInvert',
  'RandomPerspective', 'RandomPosterization', 'RandomSaturation', 'RandomSharpness', 'RandomShear',
  'AutoContrast', 'Equalization', 'Solarization', 'ContrastLimitedAdaptiveHistogramEqualization',
  'AugMix', 'CutMix', 'MixUp', 'RandAugment',
] as const;

/** Where height and width sit: `(…, H, W, C)` or `(…, C, H, W)`, batched or a single image. */
function imageAxes(input: Shape, args: LayerArgs): [number, number] {
  const rank = input.length;
  if (rank !== 3 && rank !== 4) fail('image-rank', { input: shapeText(input) });
  return arg.dataFormat(args) === 'channels_first' ? [rank - 2, rank - 1] : [rank - 3, rank - 2];
}

/** Resizing, CenterCrop, RandomCrop: the output is `height × width`, whatever came in. */
const toSize: LayerSpec = {
  defaults: { data_format: null },
  build({ args, input }) {
    const height = arg.int(args, 'height');
    const width = arg.int(args, 'width');
    const [h, w] = imageAxes(input, args);
    const out = [...input];
    out[h] = height;
    out[w] = width;
    return { output: out, weights: [] };
  },
};

/** tf.keras's RandomHeight / RandomWidth: a random size per batch, so that axis becomes None. */
const randomSize = (which: 'height' | 'width'): LayerSpec => ({
  defaults: {},
  build({ args, input }) {
    const [h, w] = imageAxes(input, args);
    const out: Dim[] = [...input];
    out[which === 'height' ? h : w] = null;
    return { output: out, weights: [] };
  },
});

/**
 * Encoders that turn integer ids into `depth` slots (CategoryEncoding, Hashing, Discretization).
 * "int" keeps the shape; the other modes replace or add an axis of `depth`, each layer its own way.
 */
type EncodedShape = (input: Shape, mode: string, depth: number) => Shape;

/** CategoryEncoding and Discretization's "one_hot": a last axis of 1 becomes the slots, else one is added. */
const oneHot = (input: Shape, depth: number): Shape =>
  input[input.length - 1] === 1 && input.length > 1 ? [...input.slice(0, -1), depth] : [...input, depth];

/** "multi_hot" / "count": the last axis holds a sample's ids, folded into the slots. */
const foldLast = (input: Shape, depth: number): Shape => [...input.slice(0, -1), depth];

const ENCODINGS: Record<'CategoryEncoding' | 'Hashing' | 'Discretization', EncodedShape> = {
  CategoryEncoding: (input, mode, depth) => (mode === 'one_hot' ? oneHot(input, depth) : foldLast(input, depth)),
  // Hashing folds the last axis in every non-int mode, one_hot included
  Hashing: (input, _mode, depth) => foldLast(input, depth),
  // Discretization drops the first axis after the batch instead (keras/src/.../discretization.py)
  Discretization: (input, mode, depth) =>
    mode === 'one_hot' ? oneHot(input, depth) : input.length >= 2 ? [input[0]!, ...input.slice(2), depth] : [depth],
};

/** One spec per encoder: read the mode, then shape the output by that layer's rule. */
const encoder = (shape: EncodedShape, depthOf: (args: LayerArgs) => number, modes: readonly string[]): LayerSpec => ({
  defaults: { output_mode: modes[0] },
  build({ args, input }) {
    const mode = arg.oneOf(args, 'output_mode', modes);
    return { output: mode === 'int' ? input : shape(input, mode, depthOf(args)), weights: [] };
  },
});

/** Discretization's bins: `len(bin_boundaries) + 1`, or `num_bins` when the boundaries are to be adapted. */
function binCount(args: LayerArgs): number {
  const boundaries = args['bin_boundaries'];
  if (Array.isArray(boundaries)) return boundaries.length + 1;
  return arg.int(args, 'num_bins');
}

export const preprocessingLayers = {
  Normalization,
  ...Object.fromEntries(SAME_SHAPE.map((type) => [type, passThrough()])),
  Resizing: toSize,
  CenterCrop: toSize,
  RandomCrop: toSize,
  RandomHeight: randomSize('height'),
  RandomWidth: randomSize('width'),
  // the first mode listed is Keras's default
  CategoryEncoding: encoder(ENCODINGS.CategoryEncoding, (a) => arg.int(a, 'num_tokens'), ['multi_hot', 'one_hot', 'count']),
  Hashing: encoder(ENCODINGS.Hashing, (a) => arg.int(a, 'num_bins'), ['int', 'one_hot', 'multi_hot', 'count']),
  Discretization: encoder(ENCODINGS.Discretization, binCount, ['int', 'one_hot', 'multi_hot', 'count']),
} satisfies Record<string, LayerSpec>;
