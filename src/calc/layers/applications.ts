/**
 * The custom layers `keras.applications` define for themselves (not in `keras.layers`), so that
 * every application model's JSON can be read: ConvNeXt's LayerScale and StochasticDepth,
 * InceptionResNetV2's CustomScaleLayer. Weights mirror their build() in keras/src/applications.
 */
import * as arg from '../args.ts';
import { num } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type LayerSpec } from '../registry.ts';
import { shapeText } from '../text.ts';
import type { Dim, Shape } from '../types.ts';

/** ConvNeXt's LayerScale: multiplies each channel by a learned γ, one per projection channel. */
const LayerScale: LayerSpec = {
  defaults: {},
  build({ args, input }) {
    const projection = arg.int(args, 'projection_dim');
    const last = input[input.length - 1];
    if (last !== null && last !== undefined && last !== projection && last !== 1 && projection !== 1) {
      fail('layer-scale-mismatch', { input: shapeText(input), channels: last, projection }, 'projection_dim');
    }
    const output: Shape = last === 1 ? [...input.slice(0, -1), projection] : input;
    return { output, weights: [weight('gamma', [projection])], formula: num(projection, 'channels', 'projection_dim') };
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
  defaults: {},
  build({ inputs }) {
    const [shortcut, residual] = inputs;
    return { output: residual ? broadcastShapes(shortcut!, residual) : shortcut!, weights: [] };
  },
};

/** ConvNeXt's StochasticDepth: drops a whole residual branch per sample while training; no weights. */
const StochasticDepth: LayerSpec = { defaults: {}, build: ({ input }) => ({ output: input, weights: [] }) };

export const applicationLayers = {
  LayerScale,
  CustomScaleLayer,
  StochasticDepth,
  // tf.keras registers CustomScaleLayer under the default "Custom" package
  'Custom>CustomScaleLayer': CustomScaleLayer,
} satisfies Record<string, LayerSpec>;
