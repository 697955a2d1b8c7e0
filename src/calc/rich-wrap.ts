/**
 * How rich fits a string into a table cell of fixed width: greedy word wrap at whitespace, a word
 * longer than the cell kept on a line of its own and cut to `width - 1` columns plus `…`
 * (`(BatchNormalizatio…`), then each line justified. rich's default column overflow is
 * "ellipsis", so long words are never folded onto the next line.
 */
import { cellLength, setCellSize } from './cell-width.ts';

export type Justify = 'left' | 'right' | 'center';

/** rich's `words()`: each word with the whitespace around it (leading only for the first). */
function words(text: string): { start: number; word: string }[] {
  return [...text.matchAll(/\s*\S+\s*/g)].map((m) => ({ start: m.index, word: m[0] }));
}

/** rich's `divide_line` without folding: the offsets where new lines start. */
function lineStarts(text: string, width: number): number[] {
  const starts: number[] = [];
  let position = 0;
  for (const { start, word } of words(text)) {
    const length = cellLength(word.trimEnd());
    if (position + length > width) {
      if (length > width) {
        if (start) starts.push(start);
        position = cellLength(word);
      } else if (position && start) {
        starts.push(start);
        position = cellLength(word);
      }
    } else {
      position += cellLength(word);
    }
  }
  return starts;
}

/** Cut to `width` columns, ending in `…` when something was cut. */
function truncate(line: string, width: number): string {
  return cellLength(line) > width ? `${setCellSize(line, width - 1)}…` : line;
}

/** Trailing whitespace past the cell's edge is dropped (rich's `rstrip_end`, which counts code points). */
function trimPastEdge(line: string, width: number): string {
  const excess = [...line].length - width;
  if (excess <= 0) return line;
  const trailing = line.length - line.trimEnd().length;
  return line.slice(0, line.length - Math.min(trailing, excess));
}

/** One wrapped line, justified and padded to exactly `width` columns. */
function justifyLine(line: string, width: number, justify: Justify): string {
  if (justify === 'left') {
    const cut = truncate(line, width);
    return cut + ' '.repeat(Math.max(0, width - cellLength(cut)));
  }
  const cut = truncate(line.trimEnd(), width);
  const room = Math.max(0, width - cellLength(cut));
  const left = justify === 'right' ? room : Math.floor(room / 2);
  return ' '.repeat(left) + cut + ' '.repeat(room - left);
}

/** The lines a cell of `width` columns shows for `text`, each exactly `width` columns. */
export function wrapCell(text: string, width: number, justify: Justify = 'left'): string[] {
  // Text that fits is one line: no word can push past the edge (most cells of a summary).
  if (cellLength(text) <= width) return [justifyLine(text, width, justify)];
  const starts = [0, ...lineStarts(text, width), text.length];
  const lines: string[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    lines.push(justifyLine(trimPastEdge(text.slice(starts[i], starts[i + 1]), width), width, justify));
  }
  return lines;
}
