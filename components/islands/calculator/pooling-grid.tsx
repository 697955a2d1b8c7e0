/**
 * The pooling picture: the input's height × width as a grid (to scale, without grid lines when
 * large), the first windows outlined, the rows and columns the floor drops shaded, and "same"
 * padding drawn around the input. Each axis is also told in words below the grid.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { PoolAxis } from './pooling-plan.ts';

const AREA = 240;
const GRID_LINES_UP_TO = 40;

/** What one axis looks like, in words. */
export function axisSentence(axis: PoolAxis, name: string, s: CalculatorStrings): string {
  const v = {
    axis: name,
    windows: groupDigits(axis.windows),
    pool: groupDigits(axis.pool),
    stride: groupDigits(axis.stride),
    size: groupDigits(axis.size),
    covered: groupDigits(axis.size - axis.dropped),
    dropped: groupDigits(axis.dropped),
    before: groupDigits(axis.before),
    after: groupDigits(axis.after),
  };
  if (axis.before + axis.after > 0) return fill(s.poolingSame, v);
  return fill(axis.dropped > 0 ? s.poolingValid : s.poolingValidNone, v);
}

export function PoolingGrid({ axes, strings: s }: { axes: PoolAxis[]; strings: CalculatorStrings }) {
  // a 1-D layer is one row of steps
  const one: PoolAxis = { size: 1, pool: 1, stride: 1, windows: 1, before: 0, after: 0, dropped: 0 };
  const rows = axes.length === 2 ? axes[0]! : one;
  const cols = axes.length === 2 ? axes[1]! : axes[0]!;
  const spanR = rows.before + rows.size + rows.after;
  const spanC = cols.before + cols.size + cols.after;
  const cell = AREA / Math.max(spanR, spanC, 1);
  const lines = Math.max(rows.size, cols.size) <= GRID_LINES_UP_TO;
  const pad = 6;
  const x0 = pad + cols.before * cell;
  const y0 = pad + rows.before * cell;
  const w = cols.size * cell;
  const h = rows.size * cell;
  const grid = [];
  if (lines) {
    for (let r = 1; r < rows.size; r++) grid.push(<line class="pl-pic__grid" x1={x0} x2={x0 + w} y1={y0 + r * cell} y2={y0 + r * cell} />);
    for (let c = 1; c < cols.size; c++) grid.push(<line class="pl-pic__grid" x1={x0 + c * cell} x2={x0 + c * cell} y1={y0} y2={y0 + h} />);
  }
  // the first window, the next one along the row and the next one down: enough to see the stride
  const windows: [number, number][] = [[0, 0]];
  if (cols.windows > 1) windows.push([0, 1]);
  if (rows.windows > 1) windows.push([1, 0]);
  const names = axes.length === 2 ? [s.axisRows, s.axisColumns] : [s.axisSteps];
  const padded = rows.before + rows.after + cols.before + cols.after > 0;
  const width = spanC * cell + 2 * pad;
  const height = spanR * cell + 2 * pad;
  return (
    <figure class="pl-pic" data-picture="pooling-grid">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
        {padded && <rect class="pl-pic__padding" x={pad} y={pad} width={spanC * cell} height={spanR * cell} />}
        <rect class="pl-pic__input" x={x0} y={y0} width={w} height={h} />
        {rows.dropped > 0 && (
          <rect
            class="pl-pic__dropped"
            data-dropped="rows"
            x={x0}
            y={y0 + (rows.size - rows.dropped) * cell}
            width={w}
            height={rows.dropped * cell}
          />
        )}
        {cols.dropped > 0 && (
          <rect
            class="pl-pic__dropped"
            data-dropped="columns"
            x={x0 + (cols.size - cols.dropped) * cell}
            y={y0}
            width={cols.dropped * cell}
            height={h}
          />
        )}
        {grid}
        {windows.map(([r, c], i) => (
          <rect
            class={i === 0 ? 'pl-pic__window pl-pic__window--first' : 'pl-pic__window'}
            x={pad + c * cols.stride * cell}
            y={pad + r * rows.stride * cell}
            width={cols.pool * cell}
            height={rows.pool * cell}
          />
        ))}
      </svg>
      <figcaption>
        {axes.map((a, i) => (
          <span class="pl-pic__line">{axisSentence(a, names[i] ?? '', s)}</span>
        ))}
        <span class="pl-pic__key">
          <span class="pl-key pl-key--window">{s.poolingLegendWindow}</span>
          {rows.dropped + cols.dropped > 0 && <span class="pl-key pl-key--dropped">{s.poolingLegendDropped}</span>}
          {padded && <span class="pl-key pl-key--padding">{s.poolingLegendPadding}</span>}
          {!lines && <span>{s.scaled}</span>}
        </span>
      </figcaption>
    </figure>
  );
}
