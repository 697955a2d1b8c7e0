/** JSON for people and programs alike: indented, but a shape stays on one line as `[null, 26, 26, 32]`. */
export function prettyJson(value: unknown): string {
  return asciiControls(
    JSON.stringify(value, null, 2).replace(
      /\[\s+((?:-?\d+|null)(?:,\s+(?:-?\d+|null))*)\s+\]/g,
      (_all, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
    ),
  );
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1, the line separators and bidi controls
 * raw; they can only sit inside strings, so writing them as `\uXXXX` changes no value and keeps
 * them off the terminal.
 */
const asciiControls = (json: string): string =>
  json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
