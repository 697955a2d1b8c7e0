/**
 * One filter's output map as SVG cells, capped at OUTPUT_CELLS per axis with an ellipsis, the
 * picked cell lit, its title above and "× N maps" beside it. Shared by the output-map picture and
 * the sliding-kernel picture.
 */
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';

/** Output cells drawn at most along each axis; the true size is in the title. */
export const OUTPUT_CELLS = 8;
export const OUTPUT_CELL = 14;

interface Props {
  /** The map's rows and columns. */
  rows: number;
  cols: number;
  left: number;
  top: number;
  /** The lit cell, 0-based. */
  picked: [number, number];
  /** `11 × 11` and the number of maps, as the labels print them. */
  mapText: string;
  count: string;
  s: CalculatorStrings;
}

/** Where the drawing ends: its width and height from (left, top). */
export const outputCellsSize = (rows: number, cols: number): { width: number; height: number } => ({
  width: Math.min(cols, OUTPUT_CELLS) * OUTPUT_CELL,
  height: Math.min(rows, OUTPUT_CELLS) * OUTPUT_CELL,
});

export function OutputCells({ rows, cols, left, top, picked, mapText, count, s }: Props) {
  const drawnRows = Math.min(rows, OUTPUT_CELLS);
  const drawnCols = Math.min(cols, OUTPUT_CELLS);
  const cells = [];
  for (let r = 0; r < drawnRows; r++) {
    for (let c = 0; c < drawnCols; c++) {
      const here = r === picked[0] && c === picked[1];
      cells.push(
        <rect
          class={here ? 'pl-pic__bias' : 'pl-pic__slice'}
          data-cell={here ? 'picked' : undefined}
          x={left + c * OUTPUT_CELL + 1}
          y={top + r * OUTPUT_CELL + 1}
          width={OUTPUT_CELL - 2}
          height={OUTPUT_CELL - 2}
        />,
      );
    }
  }
  return (
    <>
      <text class="pl-pic__label" x={left} y={top - 7}>
        {fill(s.outputMapTitle, { map: mapText })}
      </text>
      <g data-part="output">{cells}</g>
      {(rows > drawnRows || cols > drawnCols) && (
        <text class="pl-pic__label" x={left + drawnCols * OUTPUT_CELL + 4} y={top + drawnRows * OUTPUT_CELL - 2}>
          …
        </text>
      )}
      <text class="pl-pic__label" x={left + drawnCols * OUTPUT_CELL + 16} y={top + OUTPUT_CELL - 2}>
        {fill(s.outputMapMaps, { count })}
      </text>
    </>
  );
}
