/**
 * Build-time preparation of a calculator: Keras's defaults for the preset's layer types and the
 * rule each number field follows (both from the layer registry, which stays on the server), and
 * the starting state the HTML shows.
 */
import { argRule, INPUT_RULE, SIZE_LIMIT, specFor, type SizeRule } from '@calc/engine.ts';
import type { LayerArgs } from '@calc/basics.ts';
import type { CalculatorPreset, Field } from '@lessons/types.ts';
import { engine } from './engine.ts';
import { layersOf, parseTarget, type Prepared } from './fields.ts';
import { startState, type CalcState } from './state.ts';

/** The Keras 3 defaults of a layer type; empty for an unknown type (the engine will say so). */
function defaultsOf(type: string): LayerArgs {
  const spec = specFor(type);
  if (!spec) return {};
  return typeof spec.defaults === 'function' ? spec.defaults('keras3') : spec.defaults;
}

/**
 * The whole numbers a field takes, one policy for every calculator (src/calc/field-rules.ts): an
 * input axis follows the input rule; an argument, the minimum of the specs it sets; past that, a
 * size limit only (the engine judges what a spec does not bound).
 */
function ruleOf(preset: Omit<Prepared, 'rules'>, field: Field): SizeRule | null {
  if (field.kind !== 'int') return null;
  const target = parseTarget(field.target);
  if (target === null) return null;
  if (target.kind === 'input') return INPUT_RULE;
  const types = layersOf(preset, target).map((i) => preset.layers[i]!.type);
  return argRule(types, target.name) ?? { min: -SIZE_LIMIT, max: SIZE_LIMIT };
}

/** The preset with the defaults of every layer type it uses and the rule of every field. */
export function prepare(preset: CalculatorPreset): Prepared {
  const withDefaults = { ...preset, defaults: Object.fromEntries(preset.layers.map((l) => [l.type, defaultsOf(l.type)])) };
  return { ...withDefaults, rules: preset.fields.map((f) => ruleOf(withDefaults, f)) };
}

/** The prepared preset and its starting state, as the island receives them. */
export function prepareCalculator(preset: CalculatorPreset): { preset: Prepared; start: CalcState } {
  const prepared = prepare(preset);
  return { preset: prepared, start: startState(prepared, engine) };
}
