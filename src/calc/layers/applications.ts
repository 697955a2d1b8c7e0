/**
 * The custom layers `keras.applications` define for themselves (not in `keras.layers`), so that
 * every application model's JSON can be read: ConvNeXt's LayerScale and StochasticDepth,
 * InceptionResNetV2's CustomScaleLayer. Weights mirror their build() in keras/src/applications.
 */
import * as arg from '../args.ts';
import { broadcastStep, num, plainStep, unchangedSteps } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type LayerSpec, withPositional } from '../registry.ts';
import { shapeText } from '../text.ts';
import type { Dim, Shape } from '../types.ts';

/** ConvNeXt's LayerScale: multiplies each channel by a learned γ, one per projection channel. */
const LayerScale: LayerSpec = {
  family: 'core',
  example: { args: { init_values: 1e-6, projection_dim: 64 }, input: [null, 7, 7, 64] },
  defaults: {},
  build({ args, input }) {
    const projection = arg.int(args, 'projection_dim');
    const last = input[input.length - 1];
    if (last !== null && last !== undefined && last !== projection && last !== 1 && projection !== 1) {
      fail('layer-scale-mismatch', { input: shapeText(input), channels: last, projection }, 'projection_dim');
    }
    const output: Shape = last === 1 ? [...input.slice(0, -1), projection] : input;
    // a last axis of 1 broadcasts against γ and takes its length
    const steps =
      last === 1 ? [plainStep('broadcast', [input.length - 1], [1, projection], [projection], 'projection_dim')] : unchangedSteps(input);
    return { output, steps, weights: [weight('gamma', [projection])], formula: num(projection, 'channels', 'projection_dim') };
  },
};

/** Right-aligned broadcast of two shapes, batch included: `x + r × scale` has this shape. */
function broadcastShapes(a: Shape, b: Shape): Shape {
  const n = Math.max(a.length, b.length);
  const at = (s: Shape, k: number): Dim => (k < n - s.length ? 1 : s[k - (n - s.length)]!);
  return Array.from({ length: n }, (_, k) => {
    const [i, j] = [at(a, k), at(b, k)];
    if (i === 1) return j;
    if (j === 1) return i;
    if (i === null || j === null) return i ?? j;
    if (i !== j) return fail('cannot-add-shapes', { a: shapeText(a), b: shapeText(b), i, j });
    return i;
  });
}

/** InceptionResNetV2's CustomScaleLayer: `inputs[0] + inputs[1] × scale`, no weights. */
const CustomScaleLayer: LayerSpec = {
  family: 'merging',
  takes: 'list',
  example: {
    args: { scale: 0.17 },
    input: [
      [null, 35, 35, 320],
      [null, 35, 35, 320],
    ],
  },
  defaults: {},
  build({ inputs }) {
    const [shortcut, residual] = inputs;
    if (!residual) return { output: shortcut!, weights: [], steps: unchangedSteps(shortcut!) };
    const output = broadcastShapes(shortcut!, residual);
    return { output, weights: [], steps: [broadcastStep(inputs, output)] };
  },
};

/** ConvNeXt's StochasticDepth: drops a whole residual branch per sample while training; no weights. */
const StochasticDepth: LayerSpec = {
  family: 'regularization',
  example: { args: { drop_path_rate: 0.1 }, input: [null, 56, 56, 96] },
  defaults: {},
  build: ({ input }) => ({ output: input, weights: [], steps: unchangedSteps(input) }),
};

export const applicationLayers = withPositional(
  {
    LayerScale,
    CustomScaleLayer,
    StochasticDepth,
    // tf.keras registers CustomScaleLayer under the default "Custom" package
    'Custom>CustomScaleLayer': { ...CustomScaleLayer, example: { ...CustomScaleLayer.example, dialect: 'tf.keras' } },
  } satisfies Record<string, LayerSpec>,
  { LayerScale: ['init_values', 'projection_dim'], CustomScaleLayer: ['scale'] },
);
