/**
 * A recurrent cell's weights as one table of columns: the kernel W (input features × all gates'
 * units) on top, the recurrent kernel U (units × the same columns) under it, then the bias row(s);
 * the columns are cut into one block per gate, each `units` wide. Heights follow the true row
 * counts within bounds, so 8 inputs over 256 units stays readable at 390 px.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { GatePlan } from './gate-plan.ts';

const LEFT = 30;
const TOP = 20;
const BLOCK = 58;
const BIAS = 12;
const SPAN = 120;

/** A block's height for `rows` of the `total` rows W and U share: proportional, but never too thin or too tall. */
const heightOf = (rows: number, total: number): number => Math.round(Math.min(SPAN - 18, Math.max(18, (rows / total) * SPAN)));

export function GatePicture({ plan, strings: s }: { plan: GatePlan; strings: CalculatorStrings }) {
  const { gates, inputs, units, biasRows } = plan;
  const width = gates.length * units;
  const hW = heightOf(inputs, inputs + units);
  const hU = heightOf(units, inputs + units);
  const svgWidth = LEFT + gates.length * BLOCK + 6;
  const biasTop = TOP + hW + 4 + hU + 4;
  const svgHeight = biasTop + biasRows * (BIAS + 2) + 16;
  const values = { inputs: groupDigits(inputs), units: groupDigits(units), width: groupDigits(width), count: gates.length };
  const bias = biasRows === 0 ? '' : fill(biasRows === 1 ? s.gatesBiasOne : s.gatesBiasTwo, values);
  const names = gates.map((g) => s[`gate_${g}`]).join(s.gatesSeparator);
  const label = fill(s.gatesAlt, { ...values, bias, gates: names });
  const rows: { key: string; y: number; h: number; cls: string }[] = [
    { key: 'W', y: TOP, h: hW, cls: 'pl-pic__slice' },
    { key: 'U', y: TOP + hW + 4, h: hU, cls: 'pl-pic__slice' },
    ...Array.from({ length: biasRows }, (_, i) => ({ key: `b${i}`, y: biasTop + i * (BIAS + 2), h: BIAS, cls: 'pl-pic__bias' })),
  ];
  return (
    <figure
      class="pl-pic"
      data-picture="gates"
      data-gates={gates.join(' ')}
      data-units={units}
      data-inputs={inputs}
      data-bias-rows={biasRows}
    >
      <svg viewBox={`0 0 ${svgWidth} ${svgHeight}`} width={svgWidth} height={svgHeight} role="img" aria-label={label}>
        {gates.map((g, i) => (
          <text class="pl-pic__label" x={LEFT + i * BLOCK + BLOCK / 2} y={TOP - 6} text-anchor="middle" data-gate={g}>
            {s[`gateLetter_${g}`]}
          </text>
        ))}
        {rows.map((r) => (
          <>
            <text class="pl-pic__label" x={LEFT - 6} y={r.y + Math.min(r.h, 16) - 3} text-anchor="end">
              {r.key === 'W' ? 'W' : r.key === 'U' ? 'U' : 'b'}
            </text>
            {gates.map((g, i) => (
              <rect class={r.cls} x={LEFT + i * BLOCK + 1} y={r.y} width={BLOCK - 2} height={r.h} data-row={r.key} data-gate={g} />
            ))}
          </>
        ))}
        <text class="pl-pic__label" x={LEFT} y={svgHeight - 3}>
          {fill(s.gatesColumns, values)}
        </text>
      </svg>
      <figcaption data-result="gates">{label}</figcaption>
    </figure>
  );
}
