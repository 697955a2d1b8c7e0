/**
 * How rich fits a string into a table cell of fixed width: greedy word wrap at whitespace, a word
 * longer than the cell kept on a line of its own and cut to `width - 1` columns plus `…`
 * (`(BatchNormalizatio…`), then each line justified. rich's default column overflow is
 * "ellipsis", so long words are never folded onto the next line. Lines are produced one at a
 * time, so a caller with a text budget stops a name of megabytes without wrapping all of it.
 */
import { cellLength, setCellSize } from './cell-width.ts';
import { codePointLength } from './python-repr.ts';

export type Justify = 'left' | 'right' | 'center';

/** rich's `words()`: each word with the whitespace around it (leading only for the first). */
function* words(text: string): Generator<{ start: number; word: string }> {
  for (const m of text.matchAll(/\s*\S+\s*/g)) yield { start: m.index, word: m[0] };
}

/** rich's `divide_line` without folding: the offsets where new lines start. */
function* lineStarts(text: string, width: number): Generator<number> {
  let position = 0;
  for (const { start, word } of words(text)) {
    const length = cellLength(word.trimEnd());
    if (position + length > width) {
      if (length > width) {
        if (start) yield start;
        position = cellLength(word);
      } else if (position && start) {
        yield start;
        position = cellLength(word);
      }
    } else {
      position += cellLength(word);
    }
  }
}

/** Cut to `width` columns, ending in `…` when something was cut. */
function truncate(line: string, width: number): string {
  return cellLength(line) > width ? `${setCellSize(line, width - 1)}…` : line;
}

/** Trailing whitespace past the cell's edge is dropped (rich's `rstrip_end`, which counts code points). */
function trimPastEdge(line: string, width: number): string {
  const excess = codePointLength(line) - width;
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

/** The lines a cell of `width` columns shows for `text`, one at a time, each exactly `width` columns. */
export function* cellLines(text: string, width: number, justify: Justify = 'left'): Generator<string> {
  // Text that fits is one line: no word can push past the edge (most cells of a summary).
  if (cellLength(text) <= width) {
    yield justifyLine(text, width, justify);
    return;
  }
  let from = 0;
  for (const start of lineStarts(text, width)) {
    yield justifyLine(trimPastEdge(text.slice(from, start), width), width, justify);
    from = start;
  }
  yield justifyLine(trimPastEdge(text.slice(from), width), width, justify);
}

/** Every line of `cellLines`, for callers that want them all. */
export const wrapCell = (text: string, width: number, justify: Justify = 'left'): string[] => [...cellLines(text, width, justify)];
