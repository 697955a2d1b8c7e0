/**
 * Python's `str()` of the values tf.keras puts in its summary cells. tf.keras prints shapes and
 * connection lists with plain `str()`, so its text shows Python syntax: `(None, 64)`, the
 * one-element tuple `(None,)`, and `['dense[0][0]', 'dense_1[0][0]']`.
 */
import type { Shape } from './types.ts';

/** `str(tuple)`: `(None, 26, 26, 32)`, `(None,)` for one axis, `()` for none. */
export function pythonTuple(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** `str(list_of_str)`: `['a[0][0]', 'b[0][0]']`, `[]` when empty. */
export const pythonStringList = (items: readonly string[]): string => `[${items.map(pythonString).join(', ')}]`;
