/**
 * One row opened: where its numbers come from (the explorer's explanation of the row — name, shape
 * steps, the formula with this layer's numbers, its weight tensors, the running total), the cost
 * Keras does not print, a link to the lesson that teaches the layer, and — for a model the lab
 * built — the layer's arguments to edit, the tensors it is called on, and the actions that
 * reshape the model. Every field shows Keras's default until the reader types over it.
 */
import { useId } from 'preact/hooks';
import { fill, labelled } from '@i18n/fill.ts';
import type { Explanation } from '../summary-explorer/explain-row.ts';
import type { LabStrings } from './evaluate.ts';
import { literalText } from './literal.ts';
import type { Catalog, LabLayer } from './lab-state.ts';

export interface CostLines {
  macs: string | null;
  macsFormula: string | null;
  flops: string | null;
  memory: string | null;
  memoryValues: string | null;
}

export interface EditProps {
  layer: LabLayer;
  /** The layer's name in the summary. */
  name: string;
  index: number;
  count: number;
  /** Names of the tensors it may be called on: the inputs and the layers before it. */
  sources: { id: number; name: string }[];
  catalog: Catalog;
  problem: { field?: string; message: string } | null;
  argLabels: Record<string, string>;
  onField: (arg: string, text: string | null) => void;
  onType: (type: string) => void;
  onFrom: (from: number[]) => void;
  onFrozen: (frozen: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onRemove: () => void;
}

export interface LayerDetailsProps {
  explanation: Explanation | null;
  /** The weight tensors as Keras names and shapes them: `kernel (3, 3, 32, 64)`, and whether each trains. */
  weights: { text: string; trainable: boolean }[];
  cost: CostLines;
  lesson: { href: string; title: string } | null;
  edit: EditProps | null;
  /** A printout's row: what its count was worked back to, and the other readings. */
  reading: { inferred: string; alternatives: string[] } | null;
  s: LabStrings;
}

/** The layer types as <option>s grouped by family (an <optgroup> each), named in the page's language. */
export function TypeOptions({ types, s }: { types: readonly (readonly [string, string])[]; s: LabStrings }) {
  const families = new Map<string, string[]>();
  for (const [type, family] of types) families.set(family, [...(families.get(family) ?? []), type]);
  return (
    <>
      {[...families].map(([family, names]) => (
        <optgroup key={family} label={(s.families as Record<string, string>)[family] ?? family}>
          {names.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

function Edit({ e, s }: { e: EditProps; s: LabStrings }) {
  const id = useId();
  const info = e.catalog.get(e.layer.type);
  const takes = info?.takes ?? 'one';
  const fieldProblem = e.problem?.field;
  const layerProblem = e.problem && (!e.problem.field || !info?.args.includes(e.problem.field)) ? e.problem.message : null;
  return (
    <form class="pl-lab__edit" onSubmit={(ev) => ev.preventDefault()} aria-label={fill(s.editLabel, { name: e.name })}>
      <h4>{s.editHeading}</h4>
      {layerProblem && (
        <p class="pl-field__error" data-problem="layer">
          {labelled(s.invalid, layerProblem)}
        </p>
      )}
      <div class="pl-lab__fields">
        <div class="pl-field">
          <label for={`${id}-type`}>{s.layerType}</label>
          <select id={`${id}-type`} data-action="type" value={e.layer.type} onChange={(ev) => e.onType(ev.currentTarget.value)}>
            <TypeOptions types={[...e.catalog].map(([type, t]) => [type, t.family] as const)} s={s} />
          </select>
        </div>
        {(info?.args ?? []).map((arg) => {
          const hasDefault = info ? Object.hasOwn(info.defaults, arg) : false;
          // an argument the spec's example sets and Keras gives no default is required; others may be left out
          const required = !hasDefault && info !== undefined && Object.hasOwn(info.example, arg);
          const typed = Object.hasOwn(e.layer.fields, arg) ? e.layer.fields[arg]! : null;
          const shown = typed ?? (hasDefault ? literalText(info!.defaults[arg]) : '');
          const problem = fieldProblem === arg ? e.problem!.message : null;
          const fid = `${id}-${arg}`;
          return (
            <div class="pl-field" key={arg} data-field={arg}>
              <label for={fid}>
                {Object.hasOwn(e.argLabels, arg) ? <>{e.argLabels[arg]} </> : null}
                <code>{arg}</code>
              </label>
              <input
                id={fid}
                type="text"
                // a wrapped layer's config is a long dict: a wider box
                size={shown.startsWith('{') ? 44 : 10}
                class={shown.startsWith('{') ? 'pl-lab__wide' : undefined}
                value={shown}
                spellcheck={false}
                autoComplete="off"
                aria-invalid={problem !== null}
                aria-describedby={`${fid}-h${problem ? ` ${fid}-e` : ''}`}
                onInput={(ev) => {
                  const text = ev.currentTarget.value;
                  const leaveOut = hasDefault ? text.trim() === literalText(info!.defaults[arg]) : !required && text.trim() === '';
                  e.onField(arg, leaveOut ? null : text);
                }}
              />
              <span id={`${fid}-h`} class="pl-lab__help">
                {typed === null && hasDefault
                  ? s.kerasDefault
                  : hasDefault
                    ? fill(s.defaultIs, { value: literalText(info!.defaults[arg]) })
                    : required
                      ? s.required
                      : s.optionalArg}
              </span>
              {problem && (
                <p id={`${fid}-e`} class="pl-field__error">
                  {labelled(s.invalid, problem)}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <fieldset class="pl-lab__from">
        <legend>{s.calledOn}</legend>
        {e.layer.from.map((source, slot) => (
          <div class="pl-field" key={slot}>
            <label for={`${id}-from-${slot}`}>{takes === 'one' ? s.calledOnOne : fill(s.calledOnSlot, { n: slot + 1 })}</label>
            <select
              id={`${id}-from-${slot}`}
              value={String(source)}
              onChange={(ev) => {
                const from = [...e.layer.from];
                from[slot] = Number(ev.currentTarget.value);
                e.onFrom(from);
              }}
            >
              {e.sources.map((src) => (
                <option key={src.id} value={String(src.id)}>
                  {src.name}
                </option>
              ))}
            </select>
            {takes !== 'one' && e.layer.from.length > 1 && (
              <button type="button" onClick={() => e.onFrom(e.layer.from.filter((_, i) => i !== slot))}>
                {fill(s.removeSlot, { n: slot + 1 })}
              </button>
            )}
          </div>
        ))}
        {takes !== 'one' && (
          <button
            type="button"
            data-action="add-slot"
            onClick={() => e.onFrom([...e.layer.from, e.sources[e.sources.length - 1]?.id ?? 0])}
          >
            {s.addSlot}
          </button>
        )}
      </fieldset>
      <div class="pl-field pl-lab__check">
        <input id={`${id}-frozen`} type="checkbox" checked={!e.layer.frozen} onChange={(ev) => e.onFrozen(!ev.currentTarget.checked)} />
        <label for={`${id}-frozen`}>{s.trainableCheckbox}</label>
      </div>
      <div class="pl-lab__actions">
        <button type="button" data-action="up" disabled={e.index === 0} onClick={() => e.onMove(-1)}>
          {s.moveUp}
        </button>
        <button type="button" data-action="down" disabled={e.index === e.count - 1} onClick={() => e.onMove(1)}>
          {s.moveDown}
        </button>
        <button type="button" data-action="duplicate" onClick={e.onDuplicate}>
          {s.duplicate}
        </button>
        <button type="button" data-action="remove" onClick={e.onRemove}>
          {s.remove}
        </button>
      </div>
    </form>
  );
}

export function LayerDetails({ explanation, weights, cost, lesson, edit, reading, s }: LayerDetailsProps) {
  return (
    <div class="pl-lab__details">
      <div class="pl-lab__explain">
        {explanation && (
          <dl>
            {explanation.parts.map((part) => (
              <div class="pl-explorer__part" key={part.kind} data-part={part.kind}>
                <dt>{part.label}</dt>
                <dd>
                  {part.text}
                  {part.code?.map((line, i) => (
                    // keyed by position: lines may repeat; the list is rebuilt whole
                    <code class="pl-explorer__code" key={i}>
                      {line}
                    </code>
                  ))}
                </dd>
              </div>
            ))}
            {reading && (
              <div class="pl-explorer__part" data-part="reading">
                <dt>{s.readingLabel}</dt>
                <dd>
                  {reading.inferred}
                  {reading.alternatives.length > 0 && (
                    <>
                      {' '}
                      {s.readingOthers}
                      <ul>
                        {reading.alternatives.map((a, i) => (
                          // keyed by position: two readings may print alike; the list is rebuilt whole
                          <li key={i}>
                            <code>{a}</code>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </dd>
              </div>
            )}
            {weights.length > 0 && (
              <div class="pl-explorer__part" data-part="tensors">
                <dt>{s.tensorsLabel}</dt>
                <dd>
                  <ul class="pl-lab__weights">
                    {weights.map((w, i) => (
                      // keyed by position: a wrapper's two directions have alike weights
                      <li key={i}>
                        <code>{w.text}</code> {w.trainable ? s.tensorTrainable : s.tensorFrozen}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            <div class="pl-explorer__part" data-part="cost">
              <dt>{s.costLabel}</dt>
              <dd>
                {cost.macs === null ? s.costUnknown : fill(s.costMacs, { macs: cost.macs, flops: cost.flops ?? '?' })}
                {cost.macsFormula && <code class="pl-explorer__code">{cost.macsFormula}</code>}
                {cost.memory !== null && (
                  <span class="pl-lab__memory">{fill(s.costMemory, { values: cost.memoryValues ?? '?', bytes: cost.memory })}</span>
                )}
              </dd>
            </div>
          </dl>
        )}
        {lesson && (
          <p class="pl-lab__lesson">
            <a href={lesson.href}>{fill(s.lessonLink, { title: lesson.title })}</a>
          </p>
        )}
      </div>
      {edit && <Edit e={edit} s={s} />}
    </div>
  );
}
