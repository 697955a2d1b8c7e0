/**
 * How tf.keras lays one summary row out in fixed columns (`print_row` in
 * `keras/utils/layer_utils.py`). It changed twice, and each era's text differs:
 * - era A (≤ 2.6) truncates each field at its column's end;
 * - era B (2.7–2.12) starts every cell with a space and wraps long fields onto continuation
 *   lines, preferring a break just after `),` `},` `],` or `',`;
 * - era C (2.13+) is era B with each non-last column one character narrower.
 * Written from the algorithm's description in docs/summary-formats.md#keras-2-wrapping, quirks included.
 */

import { codePointLength } from './python-repr.ts';
import { TextBudget } from './text-budget.ts';

export type Keras2Era = 'A' | 'B' | 'C';

/**
 * Python measures and slices strings by code point, JavaScript by UTF-16 unit, which would count
 * an emoji (🚀) as two characters and could cut it in half. Rows are laid out on code points,
 * walking each field from an offset so that a field of megabytes is never copied whole.
 */
function codePointSlice(s: string, from: number, count: number): { text: string; end: number; length: number } {
  let end = from;
  let length = 0;
  while (length < count && end < s.length) {
    end += (s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    length++;
  }
  return { text: s.slice(from, end), end, length };
}

/** Era A: each field written after the previous one and cut at its column's right edge. */
export function truncatedRow(fields: readonly string[], positions: readonly number[]): string {
  let line = '';
  let width = 0;
  fields.forEach((field, i) => {
    const end = Math.max(0, positions[i] ?? 0);
    // `line[:-1] + ' '`: the previous field's last column becomes the space between the two.
    if (i > 0) {
      line = `${codePointSlice(line, 0, width - 1).text} `;
      width = Math.max(width, 1);
    }
    // `(line + field)[:end]`, then padded to `end`.
    if (width >= end) ({ text: line, length: width } = codePointSlice(line, 0, end));
    else ({ text: line, length: width } = { text: line + codePointSlice(field, 0, end - width).text, length: end });
    line += ' '.repeat(Math.max(0, end - codePointLength(line)));
    width = end;
  });
  return line;
}

/** Where tf.keras prefers to break a long cell: right after the end of a tuple, dict, list or string. */
const BREAK_AFTER = ['),', '},', '],', "',"] as const;

/**
 * Eras B and C: the lines of one row, wrapping every field that does not fit its column.
 * `nestedLevel` draws the `|` borders of `expand_nested`; `budget` bounds the text written.
 */
export function wrappedRow(
  fields: readonly string[],
  positions: readonly number[],
  era: 'B' | 'C',
  nestedLevel = 0,
  budget = new TextBudget(),
): string[] {
  // How far each field has been written, as a UTF-16 offset.
  const done = fields.map(() => 0);
  const last = positions.length - 1;
  const lines: string[] = [];
  while (fields.some((field, col) => done[col]! < field.length)) {
    let line = '';
    let width = 0;
    const write = (text: string, length = text.length): void => {
      line += text;
      width += length;
    };
    fields.forEach((field, col) => {
      const start = col > 0 ? (positions[col - 1] ?? 0) : 0;
      const end = positions[col] ?? 0;
      // Two spaces separate columns; the last column needs none.
      const space = col !== last ? 2 : 0;
      let cutoff = end - start - space;
      if (era === 'C' && col !== last) cutoff -= 1;
      if (col === 0) cutoff -= nestedLevel;
      // Keras loops forever on a column too narrow for one character; always move forward instead.
      cutoff = Math.max(1, cutoff);
      const from = done[col]!;
      let { text, length, end: next } = codePointSlice(field, from, cutoff);
      const breaks = BREAK_AFTER.map((b) => [text.indexOf(b), b.length] as const)
        .filter(([at]) => at >= 0)
        .map(([at, n]) => at + n);
      if (breaks.length > 0) {
        const cut = Math.min(...breaks);
        text = text.slice(0, cut);
        length = codePointLength(text);
        next = from + cut;
      }
      if (col === 0) write(`${'|'.repeat(nestedLevel)} `);
      write(text, length);
      write(' '.repeat(space));
      done[col] = next;
      const narrower = era === 'C' ? nestedLevel > 0 && col === last : nestedLevel > 0;
      write(' '.repeat(Math.max(0, end - width - (narrower ? nestedLevel : 0))));
    });
    lines.push(budget.take(line + '|'.repeat(nestedLevel)));
  }
  return lines;
}
