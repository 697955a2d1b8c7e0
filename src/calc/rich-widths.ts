/**
 * How Keras 3 and rich decide the width of each summary column. Keras turns its relative
 * positions into fixed column widths; rich adds one space of padding on each side, finds that the
 * table is now wider than `line_length`, and takes the excess back column by column. The drawn
 * widths (31, 22, 13 at 76 columns) come from that second step, not from the positions alone.
 * Worked through in docs/summary-formats.md#keras-3-widths.
 */
import { roundHalfEven } from './round-half-even.ts';

/** Keras's `column_widths`: `int(position × line_length)` minus the columns before it. */
export function kerasColumnWidths(lineLength: number, positions: readonly number[]): number[] {
  const widths: number[] = [];
  let current = 0;
  for (const position of positions) {
    const width = Math.trunc(position * lineLength) - current;
    widths.push(width);
    current += width;
  }
  return widths;
}

/**
 * rich's `ratio_reduce`: remove `total` from `values`, spreading it evenly over the columns in
 * order, each cut rounded half-to-even and never more than that column's maximum.
 */
export function ratioReduce(total: number, ratios: readonly number[], maximums: readonly number[], values: readonly number[]): number[] {
  const live = ratios.map((ratio, i) => ((maximums[i] ?? 0) > 0 ? ratio : 0));
  let totalRatio = live.reduce((a, b) => a + b, 0);
  if (totalRatio === 0) return [...values];
  let remaining = total;
  return values.map((value, i) => {
    const ratio = live[i] ?? 0;
    if (ratio === 0 || totalRatio <= 0) return value;
    const cut = Math.min(maximums[i] ?? 0, roundHalfEven((ratio * remaining) / totalRatio));
    remaining -= cut;
    totalRatio -= ratio;
    return value - cut;
  });
}

/** Cell padding rich puts on each side of every cell (`padding=(0, 1)`). */
const PADDING = 1;

/**
 * The text width inside each cell of a rich table of fixed-width columns drawn `lineLength`
 * characters wide with outer edges: `[31, 22, 13]` for Keras's `[34, 26, 16]` at 76.
 */
export function drawnContentWidths(lineLength: number, columnWidths: readonly number[]): number[] {
  const padded = columnWidths.map((w) => w + 2 * PADDING);
  const borders = columnWidths.length + 1;
  const excess = padded.reduce((a, b) => a + b, 0) - (lineLength - borders);
  const fitted =
    excess > 0
      ? ratioReduce(
          excess,
          padded.map(() => 1),
          padded,
          padded,
        )
      : padded;
  return fitted.map((w) => Math.max(0, w - 2 * PADDING));
}
