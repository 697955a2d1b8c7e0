/**
 * How many terminal columns a string takes, as rich measures it: the sum over its code points of
 * rich's per-character width (src/calc/cell-width-table.ts), so East Asian wide characters and
 * wide emoji take two, combining marks and joiners none. A ZWJ sequence (👩‍💻) is measured as
 * its parts (2 + 0 + 2), as rich does, whatever a given terminal draws. Keras allows any layer
 * name without `/`, so such a name must not break the table's alignment.
 */
import { CELL_WIDTH_RANGES } from './cell-width-table.ts';

/** Columns one character takes: binary search in the ranges, 1 outside them. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  let lo = 0;
  let hi = CELL_WIDTH_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last, width] = CELL_WIDTH_RANGES[mid]!;
    if (code < first) hi = mid - 1;
    else if (code > last) lo = mid + 1;
    else return width;
  }
  return 1;
}

/**
 * Printable text below the first combining marks (U+0300), Greek and Cyrillic, general
 * punctuation and box drawing (`…`, `└`) is one column per character. That is almost every
 * cell of a summary, so those skip the look-ups.
 */
const ALL_NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u2010-\u2027\u2500-\u257f]*$/;

/** Columns a string takes (rich's `cell_len`). */
export function cellLength(text: string): number {
  if (ALL_NARROW.test(text)) return text.length;
  let n = 0;
  for (const c of text) n += charWidth(c);
  return n;
}

/**
 * rich's `set_cell_size`: crop or pad to exactly `width` columns; a wide character that would
 * straddle the edge is replaced by a space.
 */
export function setCellSize(text: string, width: number): string {
  if (ALL_NARROW.test(text)) return text.slice(0, Math.max(0, width)).padEnd(width);
  let out = '';
  let used = 0;
  for (const c of text) {
    const w = charWidth(c);
    if (used + w > width) break;
    out += c;
    used += w;
  }
  return out + ' '.repeat(Math.max(0, width - used));
}
