/**
 * The sliding kernel: one output cell of filter 1 and the window of input cells (all channels,
 * padding included) that produces it, side by side. The reader moves the window with the two
 * buttons (keyboard and pointer alike); the caption, read aloud as it changes, says what that
 * cell is made of. A large image is drawn as its top-left corner; the labels give the true sizes.
 */
import { useState } from 'preact/hooks';
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { KernelBlock } from './kernel-plan.ts';
import { OUTPUT_CELLS, OutputCells, outputCellsSize } from './output-cells.tsx';
import { drawnCells, pickable, tapsAt, type WindowPlan } from './window-plan.ts';

const CELL = 12;
const TOP = 20;
const GAP = 40;

const times = (a: readonly number[]): string => a.join(' × ');

export function WindowPicture({ block, plan, map, s }: { block: KernelBlock; plan: WindowPlan; map: number[]; s: CalculatorStrings }) {
  const [picked, pick] = useState(0);
  const { rows, cols } = plan;
  // the output cells a reader can reach: drawn on the map and with their whole window drawn on the input
  const reachRows = Math.min(pickable(rows), OUTPUT_CELLS);
  const reachCols = Math.min(pickable(cols), OUTPUT_CELLS);
  const reachable = reachRows * reachCols;
  const index = Math.min(picked, reachable - 1);
  const r = Math.floor(index / reachCols);
  const c = index % reachCols;
  const taps = tapsAt(plan, r, c);
  const inRows = new Set(taps.rows);
  const inCols = new Set(taps.cols);

  const viewRows = drawnCells(rows);
  const viewCols = drawnCells(cols);
  const input = [];
  for (let i = 0; i < viewRows; i++) {
    for (let j = 0; j < viewCols; j++) {
      const p = i - rows.before;
      const q = j - cols.before;
      const pad = p < 0 || p >= rows.size || q < 0 || q >= cols.size;
      const read = inRows.has(p) && inCols.has(q);
      input.push(
        <rect
          class={read ? (pad ? 'pl-pic__padding pl-pic__read' : 'pl-pic__slice') : pad ? 'pl-pic__padding' : 'pl-pic__input'}
          data-read={read ? 'true' : undefined}
          x={j * CELL + 1}
          y={TOP + i * CELL + 1}
          width={CELL - 2}
          height={CELL - 2}
        />,
      );
    }
  }
  const at = (t: number, a: typeof rows) => (t + a.before) * CELL;
  const frame = {
    x: at(taps.cols[0]!, cols),
    y: TOP + at(taps.rows[0]!, rows),
    w: at(taps.cols.at(-1)!, cols) - at(taps.cols[0]!, cols) + CELL,
    h: at(taps.rows.at(-1)!, rows) - at(taps.rows[0]!, rows) + CELL,
  };

  const [mapRows, mapCols] = [map[0]!, map[1]!];
  const mapLeft = viewCols * CELL + GAP;
  const mapSize = outputCellsSize(mapRows, mapCols);
  const width = mapLeft + mapSize.width + 90;
  const height = TOP + Math.max(viewRows * CELL, mapSize.height) + 8;

  const padCount =
    taps.rows.length * taps.cols.length -
    taps.rows.filter((p) => p >= 0 && p < rows.size).length * taps.cols.filter((q) => q >= 0 && q < cols.size).length;
  const values = {
    r: r + 1,
    c: c + 1,
    map: times(map),
    kernel: times(block.window),
    depth: groupDigits(block.depth),
    count: groupDigits(block.count),
    h: groupDigits(rows.size),
    w: groupDigits(cols.size),
    n: padCount,
    bias: block.bias ? s.windowBias : '',
  };
  const caption = fill(s.windowCaption, { ...values, pad: padCount > 0 ? fill(s.windowPad, values) : '' });
  const cut = viewRows < rows.before + rows.size + rows.after || viewCols < cols.before + cols.size + cols.after;
  return (
    <figure class="pl-pic pl-window" data-picture="output-map" data-map={map.join('x')} data-picked={`${r + 1},${c + 1}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={caption}>
        <text class="pl-pic__label" x={0} y={13}>
          {fill(cut ? s.windowInputCorner : s.windowInput, values)}
        </text>
        <g data-part="input">{input}</g>
        <rect class="pl-pic__window pl-pic__window--first" x={frame.x} y={frame.y} width={frame.w} height={frame.h} />
        <text class="pl-pic__label" x={viewCols * CELL + GAP / 2} y={TOP + 14} text-anchor="middle">
          →
        </text>
        <OutputCells
          rows={mapRows}
          cols={mapCols}
          left={mapLeft}
          top={TOP}
          picked={[r, c]}
          mapText={values.map}
          count={values.count}
          s={s}
        />
      </svg>
      <div class="pl-window__controls">
        <button type="button" class="pl-window__step" onClick={() => pick((index - 1 + reachable) % reachable)} disabled={reachable < 2}>
          {s.windowPrev}
        </button>
        <button type="button" class="pl-window__step" onClick={() => pick((index + 1) % reachable)} disabled={reachable < 2}>
          {s.windowNext}
        </button>
      </div>
      <figcaption aria-live="polite">{caption}</figcaption>
    </figure>
  );
}
