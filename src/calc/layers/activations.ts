/**
 * Activation layers (keras/src/layers/activations): element-wise functions, so the shape never
 * changes. Only PReLU learns something — one slope `alpha` per position it does not share.
 */
import * as arg from '../args.ts';
import { mul, num, unchangedSteps } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type LayerExample, type LayerSpec, withPositional } from '../registry.ts';
import { expectMinRank } from '../shape.ts';
import { shapeText } from '../text.ts';
import type { LayerArgs } from '../types.ts';

/** The arguments Keras refuses when negative (ReLU's max_value, slopes, thresholds). */
function nonNegative(args: LayerArgs, keys: readonly string[], optional: readonly string[] = []): void {
  for (const key of keys) {
    const v = args[key];
    if (optional.includes(key) && (v === null || v === undefined)) continue;
    const n = arg.num(args, key);
    if (n < 0) fail('arg-negative', { got: n }, key);
  }
}

/** A weightless activation whose listed arguments must not be negative. */
const elementwise = (
  example: LayerExample,
  defaults: LayerArgs,
  keys: readonly string[] = [],
  optional: readonly string[] = [],
): LayerSpec => ({
  family: 'activation',
  example,
  defaults,
  build({ args, input }) {
    nonNegative(args, keys, optional);
    return { output: input, weights: [], steps: unchangedSteps(input) };
  },
});

/** LeakyReLU's slope is `negative_slope` in Keras 3 and `alpha` in tf.keras (Keras 3 still reads `alpha`). */
const LeakyReLU: LayerSpec = {
  family: 'activation',
  example: { args: { negative_slope: 0.3 }, input: [null, 64] },
  defaults: {},
  build({ args, input }) {
    const key = args['negative_slope'] !== undefined ? 'negative_slope' : args['alpha'] !== undefined ? 'alpha' : null;
    if (key) nonNegative(args, [key]);
    return { output: input, weights: [], steps: unchangedSteps(input) };
  },
};

/** `shared_axes` as Keras takes it: None, one axis, or a list; axes are 1-based (the batch axis is 0). */
function sharedAxes(args: LayerArgs, rank: number): number[] {
  const v = args['shared_axes'];
  if (v === null || v === undefined) return [];
  const list: unknown[] = Array.isArray(v) ? v : [v];
  return list.map((a) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a >= rank) {
      return fail('prelu-axis-out-of-range', { got: JSON.stringify(a) ?? String(a), last: rank - 1 }, 'shared_axes');
    }
    return a;
  });
}

/** PReLU: `alpha` has the input's shape without the batch axis, with 1 on every shared axis. */
const PReLU: LayerSpec = {
  family: 'activation',
  example: { args: {}, input: [null, 10, 8] },
  defaults: { shared_axes: null },
  // one slope per position, with 1 along every shared axis: each subset of the axes before the channels
  infer: ({ output }) => {
    const axes = output.slice(1, -1).map((_, i) => i + 1);
    return Array.from({ length: 2 ** Math.min(axes.length, 6) }, (_, mask) => {
      const shared = axes.filter((_, i) => mask & (1 << i));
      return { args: shared.length ? { shared_axes: shared } : {}, input: output };
    });
  },
  build({ args, input }) {
    expectMinRank(input, 2);
    const shared = sharedAxes(args, input.length);
    const shape = input.slice(1).map((d, i) => {
      if (shared.includes(i + 1)) return 1;
      if (d === null) {
        return fail('prelu-axis-unknown', { axis: i + 1, input: shapeText(input) }, 'shared_axes');
      }
      return d;
    });
    return {
      output: input,
      steps: unchangedSteps(input),
      weights: [weight('alpha', shape)],
      formula: mul(...shape.map((d, i) => num(d, i === shape.length - 1 ? 'channels' : 'elements'))),
    };
  },
};

export const activationLayers = withPositional(
  {
    ReLU: elementwise(
      { args: { max_value: 6 }, input: [null, 64] },
      { max_value: null, negative_slope: 0, threshold: 0 },
      ['max_value', 'negative_slope', 'threshold'],
      ['max_value'],
    ),
    LeakyReLU,
    ELU: elementwise({ args: { alpha: 1 }, input: [null, 64] }, { alpha: 1 }),
    Softmax: elementwise({ args: { axis: -1 }, input: [null, 10] }, { axis: -1 }),
    // Keras 3 dropped ThresholdedReLU
    ThresholdedReLU: elementwise({ args: { theta: 1 }, input: [null, 64], dialect: 'tf.keras' }, { theta: 1 }, ['theta']),
    PReLU,
  } satisfies Record<string, LayerSpec>,
  {
    LeakyReLU: ['negative_slope'],
    ELU: ['alpha'],
    ReLU: ['max_value', 'negative_slope', 'threshold'],
    Softmax: ['axis'],
    ThresholdedReLU: ['theta'],
    PReLU: ['alpha_initializer'],
  },
);
