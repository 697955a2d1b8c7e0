/**
 * How tf.keras lays one summary row out in fixed columns (`print_row` in
 * `keras/utils/layer_utils.py`). It changed twice, and each era's text differs:
 * - era A (≤ 2.6) truncates each field at its column's end;
 * - era B (2.7–2.12) starts every cell with a space and wraps long fields onto continuation
 *   lines, preferring a break just after `),` `},` `],` or `',`;
 * - era C (2.13+) is era B with each non-last column one character narrower.
 * Written from the algorithm's description in docs/summary-formats.md#keras-2-wrapping, quirks included.
 */

export type Keras2Era = 'A' | 'B' | 'C';

/**
 * Python measures and slices strings by code point, JavaScript by UTF-16 unit, which would count
 * an emoji (🚀) as two characters and could cut it in half. Rows are laid out on code points.
 */
const codePoints = (s: string): string[] => Array.from(s);

/** Era A: each field written after the previous one and cut at its column's right edge. */
export function truncatedRow(fields: readonly string[], positions: readonly number[]): string {
  let line: string[] = [];
  fields.forEach((field, i) => {
    const end = Math.max(0, positions[i] ?? 0);
    if (i > 0) line = [...line.slice(0, -1), ' '];
    line = [...line, ...codePoints(field)].slice(0, end);
    while (line.length < end) line.push(' ');
  });
  return line.join('');
}

/** Where tf.keras prefers to break a long cell: right after the end of a tuple, dict, list or string. */
const BREAK_AFTER = ['),', '},', '],', "',"] as const;

/**
 * Eras B and C: the lines of one row, wrapping every field that does not fit its column.
 * `nestedLevel` draws the `|` borders of `expand_nested`.
 */
export function wrappedRow(fields: readonly string[], positions: readonly number[], era: 'B' | 'C', nestedLevel = 0): string[] {
  const left = fields.map(codePoints);
  const last = positions.length - 1;
  const lines: string[] = [];
  while (left.some((f) => f.length > 0)) {
    let line = '';
    let width = 0;
    const write = (text: string, length = text.length): void => {
      line += text;
      width += length;
    };
    left.forEach((field, col) => {
      const start = col > 0 ? (positions[col - 1] ?? 0) : 0;
      const end = positions[col] ?? 0;
      // Two spaces separate columns; the last column needs none.
      const space = col !== last ? 2 : 0;
      let cutoff = end - start - space;
      if (era === 'C' && col !== last) cutoff -= 1;
      if (col === 0) cutoff -= nestedLevel;
      // Keras loops forever on a column too narrow for one character; always move forward instead.
      cutoff = Math.max(1, cutoff);
      let fit = field.slice(0, cutoff);
      const text = fit.join('');
      const breaks = BREAK_AFTER.filter((b) => text.includes(b)).map((b) => codePoints(text.slice(0, text.indexOf(b))).length + b.length);
      if (breaks.length > 0) {
        cutoff = Math.min(...breaks);
        fit = fit.slice(0, cutoff);
      }
      if (col === 0) write(`${'|'.repeat(nestedLevel)} `);
      write(fit.join(''), fit.length);
      write(' '.repeat(space));
      left[col] = field.slice(cutoff);
      const narrower = era === 'C' ? nestedLevel > 0 && col === last : nestedLevel > 0;
      write(' '.repeat(Math.max(0, end - width - (narrower ? nestedLevel : 0))));
    });
    lines.push(line + '|'.repeat(nestedLevel));
  }
  return lines;
}
