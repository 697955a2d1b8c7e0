/**
 * What a calculator accepts for a number the reader types: one rule for every calculator on the
 * site, so the same Input height or Kernel size is refused in the same words everywhere.
 *
 * - An argument's smallest value is the layer spec's own (kernel_size ≥ 1, output_padding ≥ 0):
 *   `argMinimum` asks the spec, so the rule cannot drift from what the engine enforces.
 * - An input axis is one rule for every layer: at least 1 (Keras builds a layer on a 0-sized
 *   axis, but its output is empty and nothing in it is worth counting: `(None, 0, 26, 32)`).
 * - Every size, argument or axis, is at most SIZE_LIMIT.
 */
import { specFor } from './layers/index.ts';
import { SIZE_LIMIT, type SizeRule } from './size-limit.ts';
import { resolveLayer } from './summarize.ts';

export { INPUT_RULE, SIZE_LIMIT, type SizeRule } from './size-limit.ts';

/** Far below any minimum, so a spec that has one refuses it and says what the minimum is. */
const PROBE = -(2 ** 31);

/**
 * The smallest whole number the spec of `type` accepts for `arg`, asked of the spec itself: its
 * example configuration with `arg` set far too small is refused with the minimum. Null when the
 * type is unknown or the spec sets no minimum for the argument.
 */
export function argMinimum(type: string, arg: string): number | null {
  const spec = specFor(type);
  if (!spec) return null;
  const r = resolveLayer({ type, args: { ...spec.example.args, [arg]: PROBE } }, spec.example.input, spec.example.dialect);
  if (r.ok) return null;
  const { code, values, arg: at } = r.error;
  const named = at !== undefined && at.replace(/\[\d+\]$/, '') === arg;
  return named && (code === 'arg-too-small' || code === 'arg-item-too-small') && typeof values['min'] === 'number' ? values['min'] : null;
}

/**
 * The rule for an argument field that sets `arg` on every layer of `types`: the largest of their
 * minimums (every layer must accept the value), up to SIZE_LIMIT; null when no spec sets a minimum.
 */
export function argRule(types: readonly string[], arg: string): SizeRule | null {
  const mins = types.map((t) => argMinimum(t, arg)).filter((m): m is number => m !== null);
  return mins.length === 0 ? null : { min: Math.max(...mins), max: SIZE_LIMIT };
}
