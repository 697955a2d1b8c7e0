/**
 * Single-layer facts as lesson modules write them: a layer on one input shape, and the output
 * and count of one, so the next fact in a chain can start where the last one ended and prose
 * can quote a computed number. A fact that does not resolve throws, as in facts.ts.
 */
import { groupDigits, type LayerArgs, type Shape } from '@calc/basics.ts';
import { resolveLayerFact } from './facts.ts';
import type { LayerFact } from './types.ts';

/** A layer on one input shape: `on('Dense', { units: 64 }, [null, 576])`. */
export const on = (type: string, args: LayerArgs, input: Shape): LayerFact => ({
  layer: { type, args },
  input,
});

/** What a (single-output) fact's layer produces, so the next fact can take it as its input. */
export const outputOf = (f: LayerFact): Shape => resolveLayerFact(f).outputShape as Shape;

/** A fact's parameter count as Keras prints it: `36,928`. */
export const paramsOf = (f: LayerFact): string => groupDigits(resolveLayerFact(f).params);
