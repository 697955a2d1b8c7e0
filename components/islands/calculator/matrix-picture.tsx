/**
 * A 2-D kernel as an inputs × units grid of cells with the bias as one more row under it: each
 * column is one unit's weights plus its bias. Capped at MATRIX_CAP cells per axis, the true sizes
 * written on the axes, so 576 × 64 stays readable at 390 px.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { MatrixPlan } from './matrix-plan.ts';

const CELL = 18;
const LEFT = 64;
const TOP = 22;
const GAP = 8;

export function MatrixPicture({ plan, strings: s }: { plan: MatrixPlan; strings: CalculatorStrings }) {
  const { rows, cols, rowsCut, colsCut } = plan;
  const drawnRows = rows + (rowsCut ? 1 : 0);
  const drawnCols = cols + (colsCut ? 1 : 0);
  const gridH = drawnRows * CELL;
  const width = LEFT + drawnCols * CELL + 8;
  const biasY = TOP + gridH + GAP;
  const height = biasY + (plan.bias > 0 ? CELL : 0) + 8;
  const values = {
    inputs: groupDigits(plan.inputs),
    units: groupDigits(plan.units),
    kernel: groupDigits(plan.inputs * plan.units),
    bias: groupDigits(plan.bias),
    total: groupDigits(plan.inputs * plan.units + plan.bias),
  };
  const label = fill(plan.bias > 0 ? s.matrixAlt : s.matrixAltNoBias, values);
  const cells = [];
  for (let r = 0; r < drawnRows; r++) {
    for (let c = 0; c < drawnCols; c++) {
      const x = LEFT + c * CELL;
      const y = TOP + r * CELL;
      const gap = (rowsCut && r === rows) || (colsCut && c === cols);
      cells.push(
        gap ? (
          r === rows && c === cols && rowsCut && colsCut ? null : (
            <text class="pl-pic__label" x={x + CELL / 2} y={y + CELL - 4} text-anchor="middle">
              …
            </text>
          )
        ) : (
          <rect class="pl-pic__slice" x={x + 1} y={y + 1} width={CELL - 2} height={CELL - 2} />
        ),
      );
    }
  }
  const bias = [];
  if (plan.bias > 0) {
    for (let c = 0; c < drawnCols; c++) {
      const x = LEFT + c * CELL;
      bias.push(
        colsCut && c === cols ? (
          <text class="pl-pic__label" x={x + CELL / 2} y={biasY + CELL - 4} text-anchor="middle">
            …
          </text>
        ) : (
          <rect class="pl-pic__bias" x={x + 1} y={biasY + 1} width={CELL - 2} height={CELL - 2} />
        ),
      );
    }
  }
  return (
    <figure class="pl-pic" data-picture="matrix" data-inputs={plan.inputs} data-units={plan.units} data-bias={plan.bias}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
        <text class="pl-pic__label" x={LEFT} y={TOP - 8} data-axis="units">
          {fill(s.matrixUnits, values)}
        </text>
        <text class="pl-pic__label" x={LEFT - 6} y={TOP + gridH / 2 + 4} text-anchor="end" data-axis="inputs">
          {fill(s.matrixInputs, values)}
        </text>
        {cells}
        {plan.bias > 0 && (
          <text class="pl-pic__label" x={LEFT - 6} y={biasY + CELL - 4} text-anchor="end">
            {s.matrixBias}
          </text>
        )}
        {bias}
      </svg>
      <figcaption data-result="matrix">{label}</figcaption>
    </figure>
  );
}
