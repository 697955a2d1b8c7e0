/**
 * Preprocessing (keras/src/layers/preprocessing): almost all are weightless. Normalization is the
 * exception — it stores the mean and variance it adapted to, plus a sample count. The rest either
 * keep the shape (augmentations, rescaling) or set it from their arguments (resizing, crops,
 * encoders), so they are listed here as tables rather than one spec each.
 */
import * as arg from '../args.ts';
import { add, mul, num, plainStep, unchangedSteps, type ShapeStep } from '../explain.ts';
import { fail } from '../problem.ts';
import { passThrough, weight, type LayerExample, type LayerSpec, withPositional } from '../registry.ts';
import { shapeText } from '../text.ts';
import type { Dim, LayerArgs, Shape } from '../types.ts';
import { axisList, sizesAlong } from './normalization.ts';

const given = (v: unknown): boolean => v !== null && v !== undefined;

/**
 * Normalization: without `mean`/`variance` it creates `mean` and `variance` over the kept axes and
 * an integer `count` (one number); with them given it creates nothing — the values are constants.
 */
const Normalization: LayerSpec = {
  family: 'preprocessing',
  example: { args: { axis: -1 }, input: [null, 224, 224, 3] },
  defaults: { axis: -1, mean: null, variance: null, invert: false },
  // a mean and a variance per channel and one count (2 × C + 1), or one of each for axis=None (3)
  infer: ({ output }) => [
    { args: {}, input: output },
    { args: { axis: null }, input: output },
  ],
  build({ args, input, dialect }) {
    const axis = args['axis'];
    // axis=None keeps no axis: one mean and one variance for the whole input
    const kept = given(axis) ? axisList(args, 'axis', input.length).sort((a, b) => a - b) : [];
    if (given(args['mean']) !== given(args['variance'])) {
      fail('mean-variance-together', {}, given(args['mean']) ? 'variance' : 'mean');
    }
    const sizes = sizesAlong(input, kept, 'axis');
    if (given(args['mean'])) return { output: input, weights: [], steps: unchangedSteps(input) };
    // count's dtype is Keras's "int": int64 on TensorFlow (tf.keras), int32 on the other backends
    const count = weight('count', [], false, dialect === 'tf.keras' ? 'int64' : 'int32');
    const statistics = num(2, 'statistics');
    return {
      output: input,
      steps: unchangedSteps(input),
      weights: [weight('mean', sizes, false), weight('variance', sizes, false), count],
      formula: add(sizes.length ? mul(statistics, ...sizes.map((s) => num(s, 'channels'))) : statistics, num(1, 'count')),
    };
  },
};

/**
 * Augmentations and colour or intensity transforms: the pixels change, the shape does not.
 * Each with the arguments Keras requires of it (or a typical one), for its example.
 */
const SAME_SHAPE: Record<string, LayerArgs> = {
  Rescaling: { scale: 1 / 255 },
  RandomFlip: { mode: 'horizontal' },
  RandomRotation: { factor: 0.1 },
  RandomZoom: { height_factor: 0.2 },
  RandomContrast: { factor: 0.2 },
  RandomTranslation: { height_factor: 0.1, width_factor: 0.1 },
  RandomBrightness: { factor: 0.2 },
  RandomColorDegeneration: { factor: 0.5 },
  RandomColorJitter: { brightness_factor: 0.2 },
  RandomElasticTransform: {},
  RandomErasing: {},
  RandomGaussianBlur: {},
  RandomGrayscale: { factor: 0.5 },
  RandomHue: { factor: 0.2 },
  RandomInvert: {},
  RandomPerspective: {},
  RandomPosterization: { factor: 4 },
  RandomSaturation: { factor: 0.5 },
  RandomSharpness: { factor: 0.5 },
  RandomShear: { x_factor: 0.2 },
  AutoContrast: {},
  Equalization: {},
  Solarization: { threshold_factor: 0.5 },
  ContrastLimitedAdaptiveHistogramEqualization: {},
  AugMix: {},
  CutMix: {},
  MixUp: {},
  RandAugment: {},
};
const image: Shape = [null, 64, 64, 3];

/** Where height and width sit: `(…, H, W, C)` or `(…, C, H, W)`, batched or a single image. */
function imageAxes(input: Shape, args: LayerArgs): [number, number] {
  const rank = input.length;
  if (rank !== 3 && rank !== 4) fail('image-rank', { input: shapeText(input) });
  return arg.dataFormat(args) === 'channels_first' ? [rank - 2, rank - 1] : [rank - 3, rank - 2];
}

/** Resizing, CenterCrop, RandomCrop: the output is `height × width`, whatever came in. */
const toSize: LayerSpec = {
  family: 'preprocessing',
  example: { args: { height: 224, width: 224 }, input: [null, 256, 256, 3] },
  defaults: { data_format: null },
  build({ args, input }) {
    const height = arg.int(args, 'height');
    const width = arg.int(args, 'width');
    const [h, w] = imageAxes(input, args);
    const out = [...input];
    out[h] = height;
    out[w] = width;
    const steps = [
      plainStep('set-to-arg', [h], [input[h] ?? null], [height], 'height'),
      plainStep('set-to-arg', [w], [input[w] ?? null], [width], 'width'),
    ];
    return { output: out, weights: [], steps };
  },
};

/** tf.keras's RandomHeight / RandomWidth: a random size per batch, so that axis becomes None. */
const randomSize = (which: 'height' | 'width'): LayerSpec => ({
  family: 'preprocessing',
  example: { args: { factor: 0.2 }, input: image, dialect: 'tf.keras' },
  defaults: {},
  build({ args, input }) {
    const [h, w] = imageAxes(input, args);
    const out: Dim[] = [...input];
    const axis = which === 'height' ? h : w;
    out[axis] = null;
    return { output: out, weights: [], steps: [plainStep('unknown', [axis], [input[axis] ?? null], [null], 'factor')] };
  },
});

/**
 * Encoders that turn integer ids into `depth` slots (CategoryEncoding, Hashing, Discretization).
 * "int" keeps the shape; the other modes replace or add an axis of `depth`, each layer its own way.
 */
type EncodedShape = (input: Shape, mode: string, depth: number, depthArg: string) => { output: Shape; steps: ShapeStep[] };

/** CategoryEncoding and Discretization's "one_hot": a last axis of 1 becomes the slots, else one is added. */
function oneHot(input: Shape, depth: number, depthArg: string): { output: Shape; steps: ShapeStep[] } {
  const last = input.length - 1;
  if (input[last] === 1 && input.length > 1)
    return { output: [...input.slice(0, -1), depth], steps: [plainStep('set-to-arg', [last], [1], [depth], depthArg)] };
  return { output: [...input, depth], steps: [plainStep('append-axis', [input.length], [], [depth], depthArg)] };
}

/** "multi_hot" / "count": the last axis holds a sample's ids, folded into the slots. */
const foldLast = (input: Shape, depth: number, depthArg: string): { output: Shape; steps: ShapeStep[] } => ({
  output: [...input.slice(0, -1), depth],
  steps: [plainStep('set-to-arg', [input.length - 1], [input[input.length - 1] ?? null], [depth], depthArg)],
});

/** Discretization's multi_hot and count: the first axis after the batch goes, the slots come last. */
function dropFirst(input: Shape, depth: number, depthArg: string): { output: Shape; steps: ShapeStep[] } {
  if (input.length < 2) return { output: [depth], steps: [plainStep('set-to-arg', [0], [input[0] ?? null], [depth], depthArg)] };
  const moved = input.slice(2);
  const steps = [plainStep('drop', [], [input[1] ?? null], []), plainStep('append-axis', [moved.length + 1], [], [depth], depthArg)];
  if (moved.length)
    steps.splice(
      1,
      0,
      plainStep(
        'permute',
        moved.map((_, k) => k + 1),
        moved,
        moved,
      ),
    );
  return { output: [input[0]!, ...moved, depth], steps };
}

const ENCODINGS: Record<'CategoryEncoding' | 'Hashing' | 'Discretization', EncodedShape> = {
  CategoryEncoding: (input, mode, depth, depthArg) =>
    mode === 'one_hot' ? oneHot(input, depth, depthArg) : foldLast(input, depth, depthArg),
  // Hashing folds the last axis in every non-int mode, one_hot included
  Hashing: (input, _mode, depth, depthArg) => foldLast(input, depth, depthArg),
  // Discretization drops the first axis after the batch instead (keras/src/.../discretization.py)
  Discretization: (input, mode, depth, depthArg) =>
    mode === 'one_hot' ? oneHot(input, depth, depthArg) : dropFirst(input, depth, depthArg),
};

/** One spec per encoder: read the mode, then shape the output by that layer's rule. */
const encoder = (
  shape: EncodedShape,
  depthOf: (args: LayerArgs) => [number, string],
  modes: readonly string[],
  example: LayerExample,
): LayerSpec => ({
  family: 'preprocessing',
  example,
  defaults: { output_mode: modes[0] },
  build({ args, input }) {
    const mode = arg.oneOf(args, 'output_mode', modes);
    if (mode === 'int') return { output: input, weights: [], steps: unchangedSteps(input) };
    const [depth, depthArg] = depthOf(args);
    return { ...shape(input, mode, depth, depthArg), weights: [] };
  },
});

/** Discretization's bins: `len(bin_boundaries) + 1`, or `num_bins` when the boundaries are to be adapted. */
function binCount(args: LayerArgs): [number, string] {
  const boundaries = args['bin_boundaries'];
  if (Array.isArray(boundaries)) return [boundaries.length + 1, 'bin_boundaries'];
  return [arg.int(args, 'num_bins'), 'num_bins'];
}

export const preprocessingLayers = withPositional(
  {
    Normalization,
    ...Object.fromEntries(Object.entries(SAME_SHAPE).map(([type, args]) => [type, passThrough('preprocessing', { args, input: image })])),
    Resizing: toSize,
    CenterCrop: toSize,
    RandomCrop: toSize,
    RandomHeight: randomSize('height'),
    RandomWidth: randomSize('width'),
    // the first mode listed is Keras's default
    CategoryEncoding: encoder(
      ENCODINGS.CategoryEncoding,
      (a) => [arg.int(a, 'num_tokens'), 'num_tokens'],
      ['multi_hot', 'one_hot', 'count'],
      { args: { num_tokens: 10 }, input: [null, 4] },
    ),
    Hashing: encoder(ENCODINGS.Hashing, (a) => [arg.int(a, 'num_bins'), 'num_bins'], ['int', 'one_hot', 'multi_hot', 'count'], {
      args: { num_bins: 16, output_mode: 'multi_hot' },
      input: [null, 4],
    }),
    Discretization: encoder(ENCODINGS.Discretization, binCount, ['int', 'one_hot', 'multi_hot', 'count'], {
      args: { bin_boundaries: [0, 1, 2], output_mode: 'one_hot' },
      input: [null, 4],
    }),
  } satisfies Record<string, LayerSpec> as Record<string, LayerSpec>,
  {
    Rescaling: ['scale', 'offset'],
    Resizing: ['height', 'width'],
    CenterCrop: ['height', 'width'],
    RandomCrop: ['height', 'width'],
    RandomFlip: ['mode'],
    RandomRotation: ['factor'],
    RandomZoom: ['height_factor', 'width_factor'],
    RandomContrast: ['factor'],
    RandomTranslation: ['height_factor', 'width_factor'],
    RandomBrightness: ['factor'],
    RandomHeight: ['factor'],
    RandomWidth: ['factor'],
    Normalization: ['axis', 'mean', 'variance'],
    Discretization: ['bin_boundaries', 'num_bins'],
    Hashing: ['num_bins'],
    CategoryEncoding: ['num_tokens', 'output_mode'],
  },
);
