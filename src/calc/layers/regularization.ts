/**
 * Regularization (keras/src/layers/regularization): noise and dropout act only while training and
 * own no weights (their random-seed state is a variable, not a weight), so shape in = shape out.
 */
import * as arg from '../args.ts';
import { fail } from '../problem.ts';
import { type LayerSpec } from '../registry.ts';
import { expectRank } from '../shape.ts';
import type { LayerArgs } from '../types.ts';

/** Keras rejects a rate (or, in Keras 3, a noise stddev) outside [0, 1] when the layer is made. */
function fraction(args: LayerArgs, key: string): void {
  const v = arg.num(args, key);
  if (v < 0 || v > 1) fail('arg-not-fraction', { got: v }, key);
}

/** Dropout-like: `rate` checked, input passed through; SpatialDropoutND also fixes the rank. */
const dropout = (rank?: number): LayerSpec => ({
  defaults: {},
  build({ args, input }) {
    fraction(args, 'rate');
    if (rank !== undefined) {
      expectRank(input, rank + 2, rank === 1 ? 'batch, steps, channels' : rank === 2 ? 'batch, height, width, channels' : 'batch, depth, height, width, channels');
    }
    return { output: input, weights: [] };
  },
});

const GaussianNoise: LayerSpec = {
  defaults: {},
  build({ args, input, dialect }) {
    if (dialect === 'keras3') fraction(args, 'stddev');
    return { output: input, weights: [] };
  },
};

const ActivityRegularization: LayerSpec = { defaults: { l1: 0, l2: 0 }, build: ({ input }) => ({ output: input, weights: [] }) };

export const regularizationLayers = {
  Dropout: dropout(),
  GaussianDropout: dropout(),
  AlphaDropout: dropout(),
  SpatialDropout1D: dropout(1),
  SpatialDropout2D: dropout(2),
  SpatialDropout3D: dropout(3),
  GaussianNoise,
  ActivityRegularization,
} satisfies Record<string, LayerSpec>;
