/**
 * Python's `str()` of the values tf.keras puts in its summary cells. tf.keras prints shapes and
 * connection lists with plain `str()`, so its text shows Python syntax: `(None, 64)`, the
 * one-element tuple `(None,)`, and `['dense[0][0]', 'dense_1[0][0]']`.
 */
import type { Shape } from './types.ts';

/** Python's `len`: code points, so an emoji counts once (JavaScript's `length` counts it twice). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** `str(tuple)`: `(None, 26, 26, 32)`, `(None,)` for one axis, `()` for none. */
export function pythonTuple(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/**
 * What Python's `str.isprintable()` rejects besides the space: control, format, surrogate,
 * private-use and unassigned code points, and separators. `repr` writes those as escapes, so a
 * name holding ESC or a newline reaches tf.keras's text as `\x1b` or `\n`.
 */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const SHORT_ESCAPES = new Map([
  ['\\', '\\\\'],
  ['\t', '\\t'],
  ['\n', '\\n'],
  ['\r', '\\r'],
]);

const hex = (code: number, digits: number): string => code.toString(16).padStart(digits, '0');

/** One character as `repr` writes it inside quotes. */
function reprChar(c: string, quote: string): string {
  if (c === quote) return `\\${quote}`;
  const short = SHORT_ESCAPES.get(c);
  if (short) return short;
  if (c === ' ' || !NOT_PRINTABLE.test(c)) return c;
  const code = c.codePointAt(0)!;
  if (code < 0x100) return `\\x${hex(code, 2)}`;
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

/** `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
export function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  // Plain ASCII names (nearly all) need only the quote and backslash escaped.
  if (/^[ -~]*$/.test(text)) return `${quote}${text.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
  let escaped = '';
  for (const c of text) escaped += reprChar(c, quote);
  return `${quote}${escaped}${quote}`;
}

/** `str(list_of_str)`: `['a[0][0]', 'b[0][0]']`, `[]` when empty. */
export const pythonStringList = (items: readonly string[]): string => `[${items.map(pythonString).join(', ')}]`;
