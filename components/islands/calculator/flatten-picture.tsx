/**
 * Flatten as a picture: the feature map's grid (channels as stacked sheets) on the left, the one
 * row it becomes on the right, both capped with the true sizes written beside them.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { FlattenPlan } from './flatten-plan.ts';

const CELL = 12;
const CAP = 4;
const ROW_CAP = 10;

export function FlattenPicture({ plan, strings: s }: { plan: FlattenPlan; strings: CalculatorStrings }) {
  const [h = 1, w = 1] = plan.dims.length >= 2 ? plan.dims : [plan.dims[0], 1];
  const sheets = Math.min(plan.dims.length >= 3 ? plan.dims[plan.dims.length - 1]! : 1, 3);
  const rows = Math.min(h, CAP);
  const cols = Math.min(w, CAP);
  const off = 5;
  const top = 20;
  const parts = [];
  for (let d = sheets - 1; d >= 0; d--) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        parts.push(
          <rect
            class="pl-pic__slice"
            x={2 + c * CELL + d * off}
            y={top + r * CELL - d * off + (sheets - 1) * off}
            width={CELL - 1}
            height={CELL - 1}
          />,
        );
  }
  const gridW = cols * CELL + (sheets - 1) * off + 4;
  const arrowX = gridW + 6;
  const rowX = arrowX + 26;
  const cells = Math.min(plan.length, ROW_CAP);
  const cut = plan.length > cells;
  const rowY = top + ((rows * CELL) >> 1);
  const width = rowX + (cells + (cut ? 1 : 0)) * CELL + 4;
  const height = top + rows * CELL + (sheets - 1) * off + 20;
  const values = { dims: plan.dims.map(groupDigits).join(' × '), length: groupDigits(plan.length) };
  const label = fill(s.flattenAlt, values);
  return (
    <figure class="pl-pic" data-picture="flatten" data-length={plan.length}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
        <text class="pl-pic__label" x={2} y={12}>
          {values.dims}
        </text>
        {parts}
        <text class="pl-pic__label" x={arrowX} y={rowY + 4}>
          →
        </text>
        {Array.from({ length: cells }, (_, i) => (
          <rect class="pl-pic__input" x={rowX + i * CELL} y={rowY - CELL / 2} width={CELL - 1} height={CELL - 1} />
        ))}
        {cut && (
          <text class="pl-pic__label" x={rowX + cells * CELL + 1} y={rowY + 4}>
            …
          </text>
        )}
        <text class="pl-pic__label" x={rowX} y={rowY - CELL / 2 - 6}>
          {values.length}
        </text>
      </svg>
      <figcaption data-result="flatten">{label}</figcaption>
    </figure>
  );
}
