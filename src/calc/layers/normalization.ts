/**
 * Normalization (keras/src/layers/normalization): each layer keeps one vector per normalized
 * feature — γ (scale) and β (offset) that learn, and for BatchNormalization two running
 * statistics (moving mean and variance) that are updated by averaging, not by gradients.
 */
import * as arg from '../args.ts';
import { add, mul, num, unchangedSteps, type Term, type TermRole } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type LayerSpec, withPositional } from '../registry.ts';
import { exactQuotient, lastAxis } from '../layer-inference.ts';
import { normalizeAxis } from '../shape.ts';
import { shapeText } from '../text.ts';
import type { LayerArgs, Shape, Weight } from '../types.ts';

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** `axis` as Keras takes it: one int or a list of ints, negative ones counted from the end. */
export function axisList(args: LayerArgs, key: string, rank: number): number[] {
  const v = args[key];
  const list: unknown[] = typeof v === 'number' ? [v] : Array.isArray(v) ? v : fail('arg-not-int-or-list', { got: show(v) }, key);
  return list.map((a) => {
    if (typeof a !== 'number' || !Number.isInteger(a)) return fail('arg-tuple-not-whole', { got: show(v) }, key);
    return normalizeAxis(a, rank, key);
  });
}

/** The sizes along `axes`: a weight is created with them, so each must be known. */
export function sizesAlong(input: Shape, axes: number[], key: string): number[] {
  return axes.map((a) => {
    const d = input[a];
    if (d === null || d === undefined) {
      return fail('axis-size-unknown', { axis: a, input: shapeText(input) }, key);
    }
    return d;
  });
}

/** No axis may be listed twice (Keras: "Duplicate axes are not allowed"). */
function distinct(axes: number[], key: string, given: unknown): number[] {
  if (new Set(axes).size !== axes.length) fail('axis-listed-twice', { got: show(given) }, key);
  return axes;
}

/** `(vectors) × size × size…`: how many numbers a layer keeps per normalized feature, times the features. */
function perFeature(vectors: Term, sizes: number[], role: TermRole): Term {
  return mul(vectors, ...sizes.map((s) => num(s, role)));
}

/** center/scale settings whose vectors (plus `always` more) of `channels` each make `params`. */
function centerScale(params: number, channels: number | null | undefined, always: number): LayerArgs[] {
  if (typeof channels !== 'number') return [];
  const vectors = exactQuotient(params, channels);
  if (vectors === undefined) return [];
  const options: LayerArgs[] = [{}, { center: false }, { scale: false }, { center: false, scale: false }];
  return options.filter((o) => always + (o['center'] === false ? 0 : 1) + (o['scale'] === false ? 0 : 1) === vectors);
}

/** BatchNormalization: γ, β (trainable) and moving mean / variance (not trainable), one per channel. */
const BatchNormalization: LayerSpec = {
  family: 'normalization',
  example: { args: {}, input: [null, 28, 28, 32] },
  defaults: { axis: -1, center: true, scale: true, renorm: false },
  // params = (γ + β + mean + variance) × channels; the last two never train
  infer: ({ output, params }) => centerScale(params, lastAxis(output), 2).map((args) => ({ args, input: output })),
  build({ args, input, dialect }) {
    // Keras 3 does int(axis); tf.keras also takes a list and gives the weights that many axes.
    if (dialect === 'keras3' && Array.isArray(args['axis'])) {
      fail('arg-keras3-single-axis', { got: show(args['axis']) }, 'axis');
    }
    const axes = distinct(axisList(args, 'axis', input.length), 'axis', args['axis']);
    const sizes = sizesAlong(input, axes, 'axis');
    const center = arg.bool(args, 'center');
    const scale = arg.bool(args, 'scale');
    const renorm = arg.bool(args, 'renorm');
    // several axes: the input's shape with 1 on every other axis (tf.keras's param_shape)
    const shape = axes.length === 1 ? sizes : input.map((d, i) => (axes.includes(i) ? d! : 1));
    const weights: Weight[] = [
      ...(scale ? [weight('gamma', shape)] : []),
      ...(center ? [weight('beta', shape)] : []),
      weight('moving_mean', shape, false),
      weight('moving_variance', shape, false),
      ...(renorm ? ['moving_stddev', 'renorm_mean', 'renorm_stddev'].map((n) => weight(n, shape, false)) : []),
    ];
    const learned = Number(scale) + Number(center);
    const statistics = num(renorm ? 5 : 2, 'statistics');
    return {
      output: input,
      steps: unchangedSteps(input),
      weights,
      formula: perFeature(learned ? add(num(learned, 'weight vectors'), statistics) : statistics, sizes, 'channels'),
    };
  },
};

/** LayerNormalization: γ and β over the normalized axes (γ only with the deprecated rms_scaling). */
const LayerNormalization: LayerSpec = {
  family: 'normalization',
  example: { args: {}, input: [null, 10, 64] },
  defaults: { axis: -1, center: true, scale: true, rms_scaling: false },
  infer: ({ output, params }) => centerScale(params, lastAxis(output), 0).map((args) => ({ args, input: output })),
  build({ args, input, dialect }) {
    const given = axisList(args, 'axis', input.length);
    // Keras 3 sorts the axes before shaping γ and β; tf.keras keeps the order given.
    const axes = distinct(dialect === 'keras3' ? [...given].sort((a, b) => a - b) : given, 'axis', args['axis']);
    const sizes = sizesAlong(input, axes, 'axis');
    const center = arg.bool(args, 'center');
    const scale = arg.bool(args, 'scale');
    const rms = dialect === 'keras3' && args['rms_scaling'] === true;
    const weights = [...(scale || rms ? [weight('gamma', sizes)] : []), ...(center && !rms ? [weight('beta', sizes)] : [])];
    return {
      output: input,
      steps: unchangedSteps(input),
      weights,
      ...(weights.length ? { formula: perFeature(num(weights.length, 'weight vectors'), sizes, 'normalized size') } : {}),
    };
  },
};

/** GroupNormalization: channels split into equal groups; γ and β per channel, not per group. */
const GroupNormalization: LayerSpec = {
  family: 'normalization',
  example: { args: { groups: 8 }, input: [null, 28, 28, 32] },
  defaults: { groups: 32, axis: -1, center: true, scale: true },
  infer({ output, params }) {
    const c = lastAxis(output);
    if (typeof c !== 'number') return [];
    // γ and β per channel whatever the groups: the printout cannot tell them; the largest that divides
    const groups = [32, 16, 8, 4, 2, 1].find((g) => c % g === 0)!;
    return centerScale(params, c, 0).map((args) => ({ args: groups === 32 ? args : { groups, ...args }, input: output }));
  },
  build({ args, input }) {
    if (typeof args['axis'] !== 'number') fail('arg-not-single-int', { got: show(args['axis']) }, 'axis');
    const [axis] = axisList(args, 'axis', input.length);
    const [channels] = sizesAlong(input, [axis!], 'axis');
    const c = channels!;
    const groupsArg = args['groups'];
    const groups = groupsArg === -1 ? c : arg.int(args, 'groups');
    if (c < groups) fail('channels-fewer-than-groups', { channels: c, groups }, 'groups');
    if (c % groups !== 0) fail('channels-not-divisible', { channels: c, groups }, 'groups');
    const center = arg.bool(args, 'center');
    const scale = arg.bool(args, 'scale');
    const weights = [...(scale ? [weight('gamma', [c])] : []), ...(center ? [weight('beta', [c])] : [])];
    return {
      output: input,
      steps: unchangedSteps(input),
      weights,
      ...(weights.length ? { formula: perFeature(num(weights.length, 'weight vectors'), [c], 'channels') } : {}),
    };
  },
};

/** RMSNormalization (Keras ≥ 3.9): a single `scale` vector over the normalized axes, no offset. */
const RMSNormalization: LayerSpec = {
  family: 'normalization',
  example: { args: {}, input: [null, 10, 64] },
  defaults: { axis: -1 },
  build({ args, input }) {
    const axes = axisList(args, 'axis', input.length).sort((a, b) => a - b);
    const sizes = sizesAlong(input, axes, 'axis');
    return {
      output: input,
      steps: unchangedSteps(input),
      weights: [weight('scale', sizes)],
      formula: mul(...sizes.map((s) => num(s, 'normalized size'))),
    };
  },
};

/** UnitNormalization: divides by the L2 norm along `axis`; nothing to learn, but the axis must exist. */
const UnitNormalization: LayerSpec = {
  family: 'normalization',
  example: { args: {}, input: [null, 64] },
  defaults: { axis: -1 },
  build({ args, input }) {
    axisList(args, 'axis', input.length);
    return { output: input, weights: [], steps: unchangedSteps(input) };
  },
};

/**
 * SpectralNormalization wraps a layer that has a kernel (or embeddings) and adds one
 * non-trainable vector `u` as long as the kernel's last axis, for the power iteration.
 */
const SpectralNormalization: LayerSpec = {
  // it normalizes a wrapped layer's kernel, and takes that layer's shape
  family: 'wrapper',
  example: { args: { layer: { type: 'Dense', args: { units: 10 } } }, input: [null, 20] },
  defaults: { power_iterations: 1 },
  build({ args, input, buildInner }) {
    arg.int(args, 'power_iterations');
    const inner = args['layer'];
    if (typeof inner !== 'object' || inner === null || typeof (inner as { type?: unknown }).type !== 'string') {
      return fail('spectral-norm-not-layer', {}, 'layer');
    }
    const config = inner as { type: string; args?: LayerArgs; name?: string | null };
    const built = buildInner({ type: config.type, args: config.args ?? {}, ...(config.name ? { name: config.name } : {}) }, input);
    const kernel = built.weights.find((w) => w.name === 'kernel' || w.name === 'embeddings');
    if (!kernel) fail('spectral-norm-no-kernel', { type: config.type }, 'layer');
    const columns = kernel.shape[kernel.shape.length - 1] ?? 1;
    const u = num(columns, 'output size');
    return {
      output: built.output,
      steps: built.steps,
      weights: [...built.weights, weight('vector_u', [1, columns], false, kernel.dtype)],
      formula: built.formula ? add(built.formula, u) : u,
      // the power iteration runs in training only: inference does the wrapped layer's work
      ...(built.macs === undefined ? {} : { macs: built.macs }),
    };
  },
};

export const normalizationLayers = withPositional(
  {
    BatchNormalization,
    // tf.keras's experimental name; Keras 3 has BatchNormalization(synchronized=True) instead
    SyncBatchNormalization: { ...BatchNormalization, example: { ...BatchNormalization.example, dialect: 'tf.keras' } },
    LayerNormalization,
    GroupNormalization,
    RMSNormalization,
    UnitNormalization,
    SpectralNormalization,
  } satisfies Record<string, LayerSpec>,
  {
    BatchNormalization: ['axis', 'momentum', 'epsilon'],
    SyncBatchNormalization: ['axis', 'momentum', 'epsilon'],
    LayerNormalization: ['axis', 'epsilon'],
    GroupNormalization: ['groups', 'axis', 'epsilon'],
    UnitNormalization: ['axis'],
    RMSNormalization: ['axis', 'epsilon'],
    SpectralNormalization: ['layer', 'power_iterations'],
  },
);
