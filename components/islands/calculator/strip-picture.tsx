/**
 * A 1-D axis under a sliding window, window by window: the input cells (padding cells dashed) on
 * top, then one row per output cell marking the input cells its window reads, so valid / same /
 * causal, stride and dilation can be seen rather than read. Capped at STRIP_CELLS cells and
 * STRIP_WINDOWS windows, the true numbers written in the label.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import { STRIP_CELLS, type StripPlan } from './strip-plan.ts';

const CELL = 12;
const LEFT = 50;
const ROW = 16;

export function stripLabel(p: StripPlan, s: CalculatorStrings): string {
  const values = {
    size: groupDigits(p.size),
    before: groupDigits(p.before),
    after: groupDigits(p.after),
    kernel: groupDigits(p.kernel),
    stride: groupDigits(p.stride),
    dilation: groupDigits(p.dilation),
    windows: groupDigits(p.windows),
  };
  return fill(s.stripAlt, { ...values, pad: p.before + p.after > 0 ? fill(s.stripPad, values) : '' });
}

export function StripPicture({ plan: p, strings: s }: { plan: StripPlan; strings: CalculatorStrings }) {
  const first = -p.before;
  const total = p.before + p.size + p.after;
  const drawn = Math.min(total, STRIP_CELLS);
  const cut = total > drawn;
  const x = (pos: number) => LEFT + (pos - first) * CELL;
  const more = p.windows > p.taps.length;
  const rows = 1 + p.taps.length + (more ? 1 : 0);
  const width = LEFT + (drawn + (cut ? 2 : 0)) * CELL + 4;
  const height = rows * ROW + 8;
  const label = stripLabel(p, s);
  const inputCells = Array.from({ length: drawn }, (_, k) => {
    const pos = first + k;
    const pad = pos < 0 || pos >= p.size;
    return (
      <rect
        class={pad ? 'pl-pic__padding' : 'pl-pic__input'}
        data-cell={pad ? 'padding' : 'input'}
        x={x(pos) + 1}
        y={5}
        width={CELL - 2}
        height={CELL - 2}
      />
    );
  });
  const windowRows = p.taps.map((taps, i) => {
    const y = (i + 1) * ROW + 4;
    const seen = taps.filter((t) => t - first < drawn);
    const lo = seen[0];
    const hi = seen[seen.length - 1];
    return (
      <g data-window={i} data-taps={seen.join(' ')}>
        <text class="pl-pic__label" x={LEFT - 6} y={y + CELL - 2} text-anchor="end">
          {fill(s.stripOut, { i: groupDigits(i + 1) })}
        </text>
        {lo !== undefined && hi !== undefined && (
          <line class="pl-pic__grid" x1={x(lo) + CELL / 2} x2={x(hi) + CELL / 2} y1={y + CELL / 2} y2={y + CELL / 2} />
        )}
        {seen.map((t) => (
          <rect
            class={t < 0 || t >= p.size ? 'pl-pic__padding' : 'pl-pic__slice'}
            x={x(t) + 1}
            y={y + 1}
            width={CELL - 2}
            height={CELL - 2}
          />
        ))}
      </g>
    );
  });
  return (
    <figure class="pl-pic" data-picture="strip" data-windows={p.windows} data-size={p.size} data-before={p.before} data-after={p.after}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
        <text class="pl-pic__label" x={LEFT - 6} y={15} text-anchor="end">
          {s.stripInput}
        </text>
        {inputCells}
        {cut && (
          <text class="pl-pic__label" x={LEFT + drawn * CELL + 4} y={15}>
            …
          </text>
        )}
        {windowRows}
        {more && (
          <text class="pl-pic__label" x={LEFT} y={rows * ROW + 2}>
            … {fill(s.stripMore, { windows: groupDigits(p.windows) })}
          </text>
        )}
      </svg>
      <figcaption data-result="strip">{label}</figcaption>
    </figure>
  );
}
