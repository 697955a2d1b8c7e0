/**
 * How many terminal columns a string takes, as rich measures it: East Asian wide characters
 * (CJK ideographs, Hangul, full-width forms) take two. Keras allows any layer name without `/`,
 * so a name written in Chinese must not break the table's alignment.
 */

/** Unicode ranges rich (via wcwidth tables) draws two columns wide. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** Columns one character takes. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return WIDE.some(([lo, hi]) => code >= lo && code <= hi) ? 2 : 1;
}

/**
 * Text that stays below the first wide range, or between the first two (U+1160–U+2E7F holds the
 * `…` rich cuts with), is one column per character. That is almost every cell of a summary, so
 * those skip the range look-ups.
 */
const ALL_NARROW = /^[\u0000-\u10ff\u1160-\u2e7f]*$/;

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
