/**
 * Attention's projections as a flow, one line each: the tensor a projection reads → its weights
 * (with their sizes) → the heads it makes; the last line takes the heads back to the output. HTML,
 * not SVG, so the lines wrap on a phone and a screen reader reads them as a list.
 */
import { outputText, weightText } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { ProjectionPlan } from './projection-plan.ts';

export function ProjectionPicture({ plan, strings: s }: { plan: ProjectionPlan; strings: CalculatorStrings }) {
  const heads = (h: number, size: number) => fill(s.projectionHeads, { heads: h, size });
  return (
    <figure class="pl-pic pl-proj" data-picture="projections">
      <ol class="pl-proj__list">
        {plan.projections.map((p) => (
          <li class="pl-proj__step" data-projection={p.id}>
            <span class="pl-proj__name">{s[`projection_${p.id}`]}</span>
            <span class="pl-proj__flow">
              {p.input ? <code>{outputText(p.input)}</code> : <span>{heads(p.heads, p.size)}</span>}
              <span aria-hidden="true"> → </span>
              <span class="pl-proj__weights">
                {p.weights.map((w) => (
                  // the line is named already: `kernel 512×8×64`, not `query/kernel …`
                  <code class="pl-weight">{weightText({ name: w.name.slice(w.name.indexOf('/') + 1), shape: w.shape })}</code>
                ))}
              </span>
              <span aria-hidden="true"> → </span>
              {p.input ? <span>{heads(p.heads, p.size)}</span> : plan.output && <code>{outputText(plan.output)}</code>}
            </span>
          </li>
        ))}
      </ol>
      <figcaption data-result="projections">{s.projectionCaption}</figcaption>
    </figure>
  );
}
