/**
 * Regularization (keras/src/layers/regularization): noise and dropout act only while training and
 * own no weights (their random-seed state is a variable, not a weight), so shape in = shape out.
 */
import * as arg from '../args.ts';
import { fail } from '../problem.ts';
import { unchangedSteps } from '../explain.ts';
import type { LayerExample, LayerSpec } from '../registry.ts';
import { withPositional } from '../registry.ts';
import { expectRank } from '../shape.ts';
import type { LayerArgs } from '../types.ts';

/** Keras rejects a rate (or, in Keras 3, a noise stddev) outside [0, 1] when the layer is made. */
function fraction(args: LayerArgs, key: string): void {
  const v = arg.num(args, key);
  if (v < 0 || v > 1) fail('arg-not-fraction', { got: v }, key);
}

/** Dropout-like: `rate` checked, input passed through; SpatialDropoutND also fixes the rank. */
const dropout = (example: LayerExample, rank?: number): LayerSpec => ({
  family: 'regularization',
  positional: ['rate'],
  example,
  defaults: {},
  build({ args, input }) {
    fraction(args, 'rate');
    if (rank !== undefined) {
      expectRank(
        input,
        rank + 2,
        rank === 1 ? 'batch, steps, channels' : rank === 2 ? 'batch, height, width, channels' : 'batch, depth, height, width, channels',
      );
    }
    return { output: input, weights: [], steps: unchangedSteps(input) };
  },
});

const GaussianNoise: LayerSpec = {
  family: 'regularization',
  positional: ['stddev'],
  example: { args: { stddev: 0.1 }, input: [null, 64] },
  defaults: {},
  build({ args, input, dialect }) {
    if (dialect === 'keras3') fraction(args, 'stddev');
    return { output: input, weights: [], steps: unchangedSteps(input) };
  },
};

const ActivityRegularization: LayerSpec = {
  family: 'regularization',
  example: { args: { l1: 0.01 }, input: [null, 64] },
  defaults: { l1: 0, l2: 0 },
  build: ({ input }) => ({ output: input, weights: [], steps: unchangedSteps(input) }),
};

export const regularizationLayers = withPositional(
  {
    Dropout: dropout({ args: { rate: 0.5 }, input: [null, 128] }),
    GaussianDropout: dropout({ args: { rate: 0.1 }, input: [null, 128] }),
    AlphaDropout: dropout({ args: { rate: 0.1 }, input: [null, 128] }),
    SpatialDropout1D: dropout({ args: { rate: 0.2 }, input: [null, 10, 8] }, 1),
    SpatialDropout2D: dropout({ args: { rate: 0.2 }, input: [null, 28, 28, 16] }, 2),
    SpatialDropout3D: dropout({ args: { rate: 0.2 }, input: [null, 8, 8, 8, 4] }, 3),
    GaussianNoise,
    ActivityRegularization,
  } satisfies Record<string, LayerSpec>,
  { ActivityRegularization: ['l1', 'l2'] },
);
