/**
 * Build-time preparation of a calculator: Keras's defaults for the preset's layer types (from
 * the layer registry, which stays on the server) and the starting state the HTML shows.
 */
import { specFor } from '@calc/engine.ts';
import type { LayerArgs } from '@calc/basics.ts';
import type { CalculatorPreset } from '@lessons/types.ts';
import { engine } from './engine.ts';
import type { Prepared } from './fields.ts';
import { startState, type CalcState } from './state.ts';

/** The Keras 3 defaults of a layer type; empty for an unknown type (the engine will say so). */
function defaultsOf(type: string): LayerArgs {
  const spec = specFor(type);
  if (!spec) return {};
  return typeof spec.defaults === 'function' ? spec.defaults('keras3') : spec.defaults;
}

/** The preset with the defaults of every layer type it uses. */
export const prepare = (preset: CalculatorPreset): Prepared => ({
  ...preset,
  defaults: Object.fromEntries(preset.layers.map((l) => [l.type, defaultsOf(l.type)])),
});

/** The prepared preset and its starting state, as the island receives them. */
export function prepareCalculator(preset: CalculatorPreset): { preset: Prepared; start: CalcState } {
  const prepared = prepare(preset);
  return { preset: prepared, start: startState(prepared, engine) };
}
