/**
 * Reshaping layers (keras/src/layers/reshaping): no weights, only shape arithmetic.
 * Flatten, Reshape, Permute, RepeatVector, and the per-axis ZeroPadding / Cropping / UpSampling.
 */
import * as arg from '../args.ts';
import { spatialAxisNames, spatialLayout } from '../conv-arithmetic.ts';
import { fail } from '../problem.ts';
import { plainStep, type ShapeStep } from '../explain.ts';
import type { LayerExample, LayerSpec } from '../registry.ts';
import { withPositional } from '../registry.ts';
import { expectRank, product, spatialAxes } from '../shape.ts';
import { shapeText } from '../text.ts';
import type { Dim, LayerArgs, Shape } from '../types.ts';

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Flatten: every non-batch axis multiplied into one; unknown if any is unknown; rank-1 input gives 1. */
const Flatten: LayerSpec = {
  family: 'reshaping',
  example: { args: {}, input: [null, 28, 28, 1] },
  defaults: { data_format: null },
  build({ input }) {
    const size = input.length === 1 ? 1 : product(input.slice(1));
    return { output: [input[0] ?? null, size], weights: [], steps: [plainStep('product', [1], input.slice(1), [size])] };
  },
};

/** `target_shape`: whole numbers ≥ 0, at most one -1 (inferred), None for a size known only at run time. */
function targetShape(args: LayerArgs): (number | null)[] {
  const v = args['target_shape'];
  if (v === undefined) fail('target-shape-required', {}, 'target_shape');
  if (!Array.isArray(v)) fail('target-shape-not-tuple', { got: show(v) }, 'target_shape');
  for (const d of v) {
    if (d !== null && (typeof d !== 'number' || !Number.isInteger(d) || d < -1)) {
      fail('target-shape-bad-size', { got: show(v) }, 'target_shape');
    }
  }
  const target = v as (number | null)[];
  if (target.filter((d) => d === -1).length > 1) fail('target-shape-several-unknown', { got: show(v) }, 'target_shape');
  return target;
}

/** `28 × 28 = 784`, or just `784` when there is nothing to multiply. */
/** Reshape: `(N, *target_shape)`; a -1 becomes what the per-sample size leaves, or None if that is unknown. */
const Reshape: LayerSpec = {
  family: 'reshaping',
  positional: ['target_shape'],
  example: { args: { target_shape: [7, 7, 16] }, input: [null, 784] },
  defaults: {},
  build({ args, input }) {
    const built = reshape(args, input);
    const out = built.output;
    return { ...built, steps: [plainStep('reshape', out.map((_, i) => i).slice(1), input.slice(1), out.slice(1), 'target_shape')] };
  },
};

/** Reshape's output: the target with its -1 inferred. */
function reshape(args: LayerArgs, input: Shape): { output: Shape; weights: [] } {
  const target = targetShape(args);
  const perSample = input.slice(1);
  const batch = input[0] ?? null;
  if (perSample.includes(null) || target.includes(null))
    return { output: [batch, ...target.map((d) => (d === -1 ? null : d))], weights: [] };
  const known = perSample as number[];
  const size = product(known) ?? 0;
  const inferred = target.indexOf(-1);
  const fixed = (target as number[]).filter((d) => d !== -1);
  const fixedSize = product(fixed) ?? 0;
  if (inferred < 0) {
    if (fixedSize !== size) {
      fail('reshape-size-differs', { input: known, inputSize: size, target: show(target), fixed, fixedSize }, 'target_shape');
    }
    return { output: [batch, ...fixed], weights: [] };
  }
  if (fixedSize === 0 || size % fixedSize !== 0) {
    fail('reshape-cannot-infer', { input: known, inputSize: size, target: show(target), fixed, fixedSize }, 'target_shape');
  }
  return { output: [batch, ...target.map((d) => (d === -1 ? size / fixedSize : d))], weights: [] };
}

/** Permute: `dims` are 1-based (batch is axis 0 and never moves) and must name every other axis once. */
const Permute: LayerSpec = {
  family: 'reshaping',
  positional: ['dims'],
  example: { args: { dims: [2, 1] }, input: [null, 10, 64] },
  defaults: {},
  build({ args, input }) {
    const v = args['dims'];
    if (v === undefined) fail('permute-dims-required', {}, 'dims');
    if (!Array.isArray(v) || v.some((d) => typeof d !== 'number' || !Number.isInteger(d)))
      fail('permute-not-axes', { got: show(v) }, 'dims');
    const dims = v as number[];
    const sorted = [...dims].sort((a, b) => a - b);
    if (sorted.some((d, i) => d !== i + 1)) {
      fail('permute-not-each-once', { count: dims.length, got: show(v) }, 'dims');
    }
    if (dims.length !== input.length - 1) {
      fail('permute-rank-differs', { count: dims.length, input: shapeText(input), axes: input.length - 1 }, 'dims');
    }
    const moved = dims.map((d) => input[d] ?? null);
    return {
      output: [input[0] ?? null, ...moved],
      weights: [],
      steps: [
        plainStep(
          'permute',
          dims.map((_, i) => i + 1),
          moved,
          moved,
          'dims',
        ),
      ],
    };
  },
};

/** RepeatVector: `(N, D)` → `(N, n, D)`, a vector copied n times along a new time axis. */
const RepeatVector: LayerSpec = {
  family: 'reshaping',
  positional: ['n'],
  example: { args: { n: 3 }, input: [null, 32] },
  defaults: {},
  build({ args, input }) {
    const n = arg.int(args, 'n', 0);
    expectRank(input, 2, 'batch, features');
    const features = input[1] ?? null;
    const steps = [plainStep('append-axis', [1], [], [n], 'n'), plainStep('permute', [2], [features], [features])];
    return { output: [input[0] ?? null, n, features], weights: [], steps };
  },
};

/**
 * A layer that changes each spatial axis on its own, leaving batch and channels alone.
 * `withFormat` is false for Keras layers that have no data_format (Cropping1D, UpSampling1D).
 */
const perAxis = (
  rank: number,
  defaults: LayerArgs,
  withFormat: boolean,
  example: LayerExample,
  read: (args: LayerArgs) => {
    length: (length: number, i: number, axis: string) => number;
    step: (axis: number, length: Dim, out: Dim, i: number) => ShapeStep;
  },
): LayerSpec => ({
  family: 'reshaping',
  example,
  defaults: withFormat ? { ...defaults, data_format: null } : defaults,
  build({ args, input }) {
    const format = withFormat ? arg.dataFormat(args) : 'channels_last';
    const map = read(args);
    expectRank(input, rank + 2, spatialLayout(rank, format));
    const names = spatialAxisNames(rank);
    const out: Shape = [...input];
    const steps = spatialAxes(rank, format).map((axis, i) => {
      const length: Dim = input[axis] ?? null;
      out[axis] = length === null ? null : map.length(length, i, names[i]!);
      return map.step(axis, length, out[axis], i);
    });
    return { output: out, weights: [], steps };
  },
});

/** ZeroPadding: each spatial axis grows by its (before, after) zeros. */
const zeroPadding = (rank: number, padding: unknown, example: LayerExample): LayerSpec =>
  perAxis(rank, { padding }, true, example, (args) => {
    const pads = arg.pairs(args, 'padding', rank);
    return {
      length: (length, i) => length + pads[i]![0] + pads[i]![1],
      step: (axis, length, out, i) => ({
        rule: 'pad',
        axes: [axis],
        inputs: [length],
        result: [out],
        arg: 'padding',
        before: pads[i]![0],
        after: pads[i]![1],
      }),
    };
  });

/** Cropping: each spatial axis shrinks by its (before, after) rows; at least one must remain. */
const cropping = (rank: number, crop: unknown, withFormat: boolean, example: LayerExample): LayerSpec =>
  perAxis(rank, { cropping: crop }, withFormat, example, (args) => {
    const crops = arg.pairs(args, 'cropping', rank);
    return {
      length: (length, i, axis) => {
        const [before, after] = crops[i]!;
        const left = length - before - after;
        if (left <= 0) fail('cropping-too-much', { before, after, axis, length, left }, 'cropping');
        return left;
      },
      step: (axis, length, out, i) => ({
        rule: 'crop',
        axes: [axis],
        inputs: [length],
        result: [out],
        arg: 'cropping',
        before: crops[i]![0],
        after: crops[i]![1],
      }),
    };
  });

/** UpSampling: each spatial axis repeated `size` times. */
const upSampling = (rank: number, size: unknown, withFormat: boolean, example: LayerExample): LayerSpec =>
  perAxis(rank, rank === 2 ? { size, interpolation: 'nearest' } : { size }, withFormat, example, (args) => {
    const sizes = arg.tuple(args, 'size', rank);
    return {
      length: (length, i) => length * sizes[i]!,
      step: (axis, length, out, i) => ({ rule: 'upsample', axes: [axis], inputs: [length], result: [out], arg: 'size', factor: sizes[i]! }),
    };
  });

export const reshapingLayers = withPositional(
  {
    Flatten,
    Reshape,
    Permute,
    RepeatVector,
    ZeroPadding1D: zeroPadding(1, 1, { args: { padding: 2 }, input: [null, 10, 8] }),
    ZeroPadding2D: zeroPadding(2, [1, 1], { args: { padding: 1 }, input: [null, 28, 28, 3] }),
    ZeroPadding3D: zeroPadding(
      3,
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      { args: { padding: 1 }, input: [null, 8, 8, 8, 3] },
    ),
    // the defaults differ on purpose: Cropping2D crops nothing, Cropping1D/3D crop 1 from each side
    Cropping1D: cropping(1, [1, 1], false, { args: { cropping: [2, 1] }, input: [null, 10, 8] }),
    Cropping2D: cropping(
      2,
      [
        [0, 0],
        [0, 0],
      ],
      true,
      {
        args: {
          cropping: [
            [2, 2],
            [4, 4],
          ],
        },
        input: [null, 28, 28, 3],
      },
    ),
    Cropping3D: cropping(
      3,
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      true,
      { args: {}, input: [null, 8, 8, 8, 3] },
    ),
    UpSampling1D: upSampling(1, 2, false, { args: { size: 3 }, input: [null, 10, 8] }),
    UpSampling2D: upSampling(2, [2, 2], true, { args: { size: [2, 2] }, input: [null, 14, 14, 16] }),
    UpSampling3D: upSampling(3, [2, 2, 2], true, { args: { size: 2 }, input: [null, 4, 4, 4, 8] }),
  } satisfies Record<string, LayerSpec>,
  {
    ZeroPadding1D: ['padding'],
    ZeroPadding2D: ['padding'],
    ZeroPadding3D: ['padding'],
    Cropping1D: ['cropping'],
    Cropping2D: ['cropping'],
    Cropping3D: ['cropping'],
    UpSampling1D: ['size'],
    UpSampling2D: ['size'],
    UpSampling3D: ['size'],
    Flatten: ['data_format'],
  },
);
