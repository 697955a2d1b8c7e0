/**
 * Asking src/calc about one layer, for templates: the row of a layer on an input, or null when the
 * engine refuses it (a mistaken variant of a layer may not be buildable: that mistake then simply
 * has no value for this variant).
 */
import type { LayerArgs, Shape } from '@calc/basics.ts';
import { resolveLayer, summarize, type Row, type Summary } from '@calc/engine.ts';
import type { Model } from '@calc/basics.ts';

export interface LayerCall {
  type: string;
  args?: LayerArgs;
  input: Shape | Shape[];
}

/** The layer's row, or null when Keras would refuse it. */
export function rowOf(call: LayerCall): Row | null {
  const result = resolveLayer({ type: call.type, ...(call.args ? { args: call.args } : {}) }, call.input);
  return result.ok ? result.row : null;
}

/** The layer's row; throws when the engine refuses it (a template that must build its right answer). */
export function mustRow(call: LayerCall): Row {
  const row = rowOf(call);
  if (!row) throw new Error(`the engine refuses ${call.type}(${JSON.stringify(call.args ?? {})}) on ${JSON.stringify(call.input)}`);
  return row;
}

/** A model's summary, or null when the engine reports an error. */
export function summaryOf(model: Model): Summary | null {
  const summary = summarize(model);
  return summary.error ? null : summary;
}

/** `Conv2D(64, 3, strides=2)`-style call text for prompts: positional first arguments, then keywords. */
export function callText(type: string, positional: readonly unknown[], keywords: LayerArgs = {}): string {
  const py = (v: unknown): string =>
    typeof v === 'string'
      ? `"${v}"`
      : typeof v === 'boolean'
        ? v
          ? 'True'
          : 'False'
        : Array.isArray(v)
          ? `(${v.map(py).join(', ')})`
          : v === null
            ? 'None'
            : String(v);
  const parts = [...positional.map(py), ...Object.entries(keywords).map(([k, v]) => `${k}=${py(v)}`)];
  return `${type}(${parts.join(', ')})`;
}

/** `(None, 13, 13, 32)`. */
export function shapeCode(shape: readonly (number | null)[]): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}
