/**
 * The generic layer calculator every lesson embeds. It owns what the reader typed and how the
 * result looks; every number comes from src/calc (resolveLayer, the row's formula and weights).
 * Fields map to layer arguments or input axes (calculator/fields.ts), the state and its stale
 * rules live in calculator/state.ts, the URL in calculator/url-state.ts.
 *
 * The starting state is computed at build time (Calculator.astro) and arrives as a prop, so the
 * engine (calculator/engine.ts, all of src/calc's layers) is fetched only when the reader reaches
 * for the calculator: a focus or pointer inside it, an edit, or a URL that carries its state.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { exactValue, FLOPS_PER_MAC, groupDigits, outputText, weightText, type Term } from '@calc/basics.ts';
import { fill, labelled } from '@i18n/fill.ts';
import type { Field } from '@lessons/types.ts';
import type { Engine } from './calculator/engine.ts';
import { parseNumber, type Prepared } from './calculator/fields.ts';
import { linkedTokens, type Where } from './calculator/formula-tokens.ts';
import { FormulaView, legendKey, type FormulaPart } from './calculator/formula-view.tsx';
import { kernelPlan, outputMap } from './calculator/kernel-plan.ts';
import { windowPlan } from './calculator/window-plan.ts';
import { KernelPicture } from './calculator/kernel-picture.tsx';
import { PoolingGrid } from './calculator/pooling-grid.tsx';
import { matrixPlan } from './calculator/matrix-plan.ts';
import { MatrixPicture } from './calculator/matrix-picture.tsx';
import { stripPlan } from './calculator/strip-plan.ts';
import { StripPicture } from './calculator/strip-picture.tsx';
import { flattenPlan } from './calculator/flatten-plan.ts';
import { FlattenPicture } from './calculator/flatten-picture.tsx';
import { gatePlan } from './calculator/gate-plan.ts';
import { GatePicture } from './calculator/gate-picture.tsx';
import { projectionPlan } from './calculator/projection-plan.ts';
import { ProjectionPicture } from './calculator/projection-picture.tsx';
import { advance, editField, isValid, restore, typedAhead, type CalcState, type Column, type Problem } from './calculator/state.ts';
import type { CalculatorText } from './calculator/text.ts';
import { paramName, readUrl, writeUrl } from './calculator/url-state.ts';

interface Props {
  /** The preset with its layer types' Keras defaults (calculator/prepare.ts). */
  preset: Prepared;
  /** The starting state, computed at build time. */
  start: CalcState;
  text: CalculatorText;
}

/** The engine, once fetched; shared by every calculator on the page. A failed fetch (offline) is tried again on the next action. */
let loading: Promise<Engine> | null = null;
const loadEngine = (): Promise<Engine> =>
  (loading ??= import('./calculator/engine.ts').then(
    (m) => m.engine,
    (e: unknown) => {
      loading = null;
      return Promise.reject(e);
    },
  ));

/** A calculator's MAC count, exactly: past 2^53 the float count has rounded, so its formula is worked out in whole numbers. */
const exactMacs = (macs: number, formula: Term | undefined): bigint =>
  (formula && !Number.isSafeInteger(macs) ? exactValue(formula) : null) ?? BigInt(Math.round(macs));

/** Colour slots for the fields a formula number can come from (calculator.css defines them per theme). */
const TIES = 6;

/** Which fields get a colour: those some formula number (parameters or MACs) comes from in the starting state, in field order. */
function tieSlots(preset: Prepared, start: CalcState): (number | null)[] {
  const used = new Set<number>();
  start.columns.forEach((c, li) => {
    for (const formula of [c?.row.formula, c?.row.macsFormula]) {
      if (!c || !formula) continue;
      for (const t of linkedTokens(preset, { input: c.input, index: li, steps: c.row.steps }, formula)) {
        if (t.kind === 'num' && t.field !== null) used.add(t.field);
      }
    }
  });
  let next = 0;
  return preset.fields.map((_, i) => (used.has(i) ? next++ % TIES : null));
}

/**
 * The values the server-rendered fields hold that differ from the starting state: edits made
 * before hydration, which the island would otherwise show but not compute. Read by the ids and
 * names the fields render with.
 */
function changedBeforeHydration(root: HTMLElement, preset: Prepared, base: string, start: CalcState): [number, string][] {
  const changed: [number, string][] = [];
  preset.fields.forEach((field, i) => {
    const id = `${base}-f${i}`;
    let value: string | undefined;
    if (field.kind === 'bool') {
      const box = root.querySelector<HTMLInputElement>(`input#${CSS.escape(id)}`);
      value = box ? String(box.checked) : undefined;
    } else if (field.kind === 'choice') {
      const radio = root.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(id)}"]:checked`);
      value = radio?.value ?? root.querySelector<HTMLSelectElement>(`select#${CSS.escape(id)}`)?.value;
    } else {
      const text = root.querySelector<HTMLInputElement>(`input#${CSS.escape(id)}`)?.value;
      const slider = root
        .querySelector<HTMLInputElement>(`#${CSS.escape(id)}`)
        ?.closest('.pl-field')
        ?.querySelector<HTMLInputElement>('input[type="range"]');
      // a dragged slider moves its own value only; a typed box moves its text
      value = text !== start.texts[i] ? text : slider && slider.value !== slider.defaultValue ? slider.value : text;
    }
    if (value !== undefined && value !== start.texts[i]) changed.push([i, value]);
  });
  return changed;
}

export default function Calculator({ preset, start, text }: Props) {
  const s = text.ui;
  const base = `pl-${preset.id}`;
  const [state, setState] = useState<CalcState>(start);
  const [engine, setEngine] = useState<Engine | null>(null);
  /** Set by the reader's actions, so the URL is written after edits, never on load. */
  const [touched, setTouched] = useState(false);
  const [ties] = useState(() => tieSlots(preset, start));
  const [hot, setHot] = useState<number | null>(null);
  const [ignored, setIgnored] = useState<{ name: string; value: string }[]>([]);
  const show = new Set(preset.show);

  /** Fetch the engine (once per page) and keep it. */
  const wake = (): Promise<Engine | undefined> =>
    loadEngine().then(
      (e) => {
        setEngine(() => e);
        return e;
      },
      () => undefined,
    );

  const root = useRef<HTMLElement>(null);

  // Restore from the address once hydrated (the server-rendered HTML shows the starting values).
  // Without one, whatever the reader changed in that HTML before the island woke (a click or a
  // few keys as it scrolled into view) is taken as typed, so the fields and the numbers agree.
  useEffect(() => {
    const read = readUrl(location.search, preset);
    if (read.values.size === 0 && read.ignored.length === 0) {
      const early = root.current ? changedBeforeHydration(root.current, preset, base, start) : [];
      for (const [field, value] of early) edit(field, value);
      return;
    }
    void wake().then((e) => {
      if (!e) return;
      const { state: restored, rejected } = restore(preset, start, read.values, e);
      setState(restored);
      setIgnored([
        ...read.ignored,
        ...rejected.map((i) => ({ name: paramName(preset, preset.fields[i]!.target), value: read.values.get(i) ?? '' })),
      ]);
      setTouched(true);
    });
  }, []);

  // Texts typed while the engine was on its way are computed as soon as it is here.
  useEffect(() => {
    if (engine && state.pending) setState((prev) => (prev.pending ? advance(prev, preset, prev.texts, prev.edited, engine) : prev));
  }, [engine, state.pending]);

  // Share the state in the address; only valid states are written, so a shared link always resolves.
  useEffect(() => {
    if (!touched || !isValid(state)) return;
    const query = writeUrl(location.search, preset, state.texts, start.texts);
    if (query !== location.search) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
  }, [state, touched]);

  const edit = (field: number, value: string): void => {
    setTouched(true);
    if (engine) {
      setState((prev) => editField(prev, preset, field, value, engine));
      return;
    }
    setState((prev) => typedAhead(prev, field, value));
    void wake();
  };
  const reset = (): void => {
    setState(start);
    setIgnored([]);
    setTouched(true);
  };

  // Each problem sits beside the field it names, else beside the field just edited.
  const several = preset.layers.length > 1;
  const messageOf = (p: Problem): string => {
    const label = p.field !== null ? { argLabel: text.fields[p.field]!.label } : {};
    // Problems are found only once the engine is here (state.ts), and the dictionaries come with it.
    if (!engine) return '';
    // a typing problem is worded from the engine's dictionary too: the same words in every calculator
    if (!('message' in p.message)) return engine.codeText(p.message.code, p.message.values, text.locale, label);
    const layer = several && p.layer !== null ? { layer: text.layers[p.layer]! } : {};
    return engine.diagnosticText(p.message, text.locale, { ...layer, ...label });
  };
  const placed = new Map<number | null, string[]>();
  for (const p of state.problems) {
    const at = p.field ?? state.edited;
    const list = placed.get(at) ?? [];
    const m = messageOf(p);
    if (!list.includes(m)) placed.set(at, [...list, m]);
  }
  const messageIds = [...placed.keys()].map((k) => `${base}-e${k ?? 'x'}`).join(' ');
  const flagged = (i: number): boolean => placed.has(i) || (state.edited === i && state.problems.length > 0);
  const tieOf = (field: number | null): number | null => (field === null ? null : (ties[field] ?? null));
  const fieldIds = preset.fields.map((_, i) => `${base}-f${i}`).join(' ');
  const anyStale = state.columns.some((c) => c?.stale) || state.problems.length > 0;

  const focusProps = (i: number) => ({
    onFocusIn: () => setHot(i),
    onFocusOut: () => setHot(null),
    onMouseEnter: () => setHot(i),
    onMouseLeave: () => setHot(null),
  });

  const messages = (i: number | null) =>
    placed.has(i) && (
      <p id={`${base}-e${i ?? 'x'}`} class="pl-field__error">
        {placed.get(i)!.map((m) => (
          <span class="pl-field__message">{labelled(s.invalid, m)}</span>
        ))}
      </p>
    );

  const describedBy = (i: number): string | undefined => {
    const ids = [...(text.fields[i]?.help ? [`${base}-h${i}`] : []), ...(flagged(i) ? [messageIds] : [])];
    return ids.length > 0 ? ids.join(' ') : undefined;
  };

  const intField = (field: Extract<Field, { kind: 'int' }>, i: number) => {
    const value = state.texts[i] ?? '';
    const n = parseNumber(value);
    const fallback = parseNumber(start.texts[i] ?? '') ?? field.min;
    const slider = Math.min(field.max, Math.max(field.min, Math.round(n ?? fallback)));
    const step = (e: KeyboardEvent): void => {
      if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || n === null || !Number.isInteger(n)) return;
      e.preventDefault();
      edit(i, String(n + (e.key === 'ArrowUp' ? 1 : -1)));
    };
    return (
      <div key={i} class="pl-field" data-field={field.target} data-kind="int" data-tie={tieOf(i) ?? undefined} {...focusProps(i)}>
        <label id={`${base}-l${i}`} for={`${base}-f${i}`}>
          {text.fields[i]?.label}
        </label>
        <div class="pl-field__controls">
          <input
            type="range"
            min={field.min}
            max={field.max}
            step={1}
            value={slider}
            aria-labelledby={`${base}-l${i} ${base}-s${i}`}
            onInput={(e) => edit(i, e.currentTarget.value)}
          />
          <span id={`${base}-s${i}`} hidden>
            {s.sliderSuffix}
          </span>
          <input
            id={`${base}-f${i}`}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            spellcheck={false}
            size={7}
            value={value}
            aria-invalid={flagged(i)}
            aria-describedby={describedBy(i)}
            onInput={(e) => edit(i, e.currentTarget.value)}
            onKeyDown={step}
          />
        </div>
        {text.fields[i]?.help && (
          <p id={`${base}-h${i}`} class="pl-field__help">
            {text.fields[i]?.help}
          </p>
        )}
        {messages(i)}
      </div>
    );
  };

  const choiceField = (field: Extract<Field, { kind: 'choice' }>, i: number) => {
    const value = state.texts[i] ?? '';
    const label = text.fields[i]?.label;
    if (field.options.length > 4) {
      return (
        <div key={i} class="pl-field" data-field={field.target} data-kind="choice" {...focusProps(i)}>
          <label for={`${base}-f${i}`}>{label}</label>
          <select
            id={`${base}-f${i}`}
            value={value}
            aria-invalid={flagged(i)}
            aria-describedby={describedBy(i)}
            onChange={(e) => edit(i, e.currentTarget.value)}
          >
            {field.options.map((o) => (
              <option value={o}>{o}</option>
            ))}
          </select>
          {messages(i)}
        </div>
      );
    }
    return (
      <fieldset
        key={i}
        class="pl-field pl-field--choice"
        data-field={field.target}
        data-kind="choice"
        aria-invalid={flagged(i)}
        aria-describedby={describedBy(i)}
        {...focusProps(i)}
      >
        <legend>{label}</legend>
        <div class="pl-field__options">
          {field.options.map((o, k) => (
            <label class="pl-option">
              <input
                id={k === 0 ? `${base}-f${i}` : undefined}
                type="radio"
                name={`${base}-f${i}`}
                value={o}
                checked={value === o}
                onChange={() => edit(i, o)}
              />
              <code>{o}</code>
            </label>
          ))}
        </div>
        {text.fields[i]?.help && (
          <p id={`${base}-h${i}`} class="pl-field__help">
            {text.fields[i]?.help}
          </p>
        )}
        {messages(i)}
      </fieldset>
    );
  };

  const boolField = (field: Field, i: number) => {
    return (
      <div key={i} class="pl-field pl-field--bool" data-field={field.target} data-kind="bool" {...focusProps(i)}>
        <label class="pl-option">
          <input
            id={`${base}-f${i}`}
            type="checkbox"
            checked={state.texts[i] === 'true'}
            aria-describedby={describedBy(i)}
            onChange={(e) => edit(i, e.currentTarget.checked ? 'true' : 'false')}
          />
          {text.fields[i]?.label}
        </label>
        {text.fields[i]?.help && (
          <p id={`${base}-h${i}`} class="pl-field__help">
            {text.fields[i]?.help}
          </p>
        )}
        {messages(i)}
      </div>
    );
  };

  /** One labelled line of a result: the label, then the value (beside it, or under it when columns are narrow). */
  const line = (label: string, value: ComponentChildren, wide = false) => (
    <span class="pl-calc__line" data-wide={wide ? 'true' : undefined}>
      <span class="pl-calc__label">{label}</span> <span class="pl-calc__value">{value}</span>
    </span>
  );

  /** A sum whose every term is a labelled part (attention's MACs), as one line per part. */
  const partsOf = (formula: Term, where: Where): FormulaPart[] | undefined => {
    if (formula.kind !== 'op' || formula.op !== '+') return undefined;
    const labels = formula.terms.map((t) => (t.kind === 'op' ? t.part : undefined));
    if (labels.some((l) => l === undefined)) return undefined;
    return formula.terms.map((term, i) => ({ label: s[`part_${labels[i]!}`], term, tokens: linkedTokens(preset, where, term) }));
  };

  const result = (column: Column | null, li: number) => {
    if (column === null) {
      const p = state.problems.find((q) => q.layer === li) ?? state.problems[0];
      return (
        <div key={li} class="pl-calc__column" data-layer={li} data-stale="true">
          <p class="pl-field__error" role="alert">
            {labelled(s.presetBroken, p ? messageOf(p) : '')}
          </p>
        </div>
      );
    }
    const { row, stale } = column;
    const blocks = show.has('kernel') ? kernelPlan(row) : null;
    const output = row.outputShape;
    const pooling = show.has('pooling-grid') ? column.pooling : null;
    const matrix = show.has('matrix') ? matrixPlan(row) : null;
    const strip = show.has('strip') ? stripPlan(row) : null;
    const flat = show.has('flatten') ? flattenPlan(row) : null;
    const gated = show.has('gates') ? gatePlan(row) : null;
    const projected = show.has('projections') ? projectionPlan(row) : null;
    const where = { input: column.input, index: li, steps: row.steps };
    const paramTokens = row.formula ? linkedTokens(preset, where, row.formula) : [];
    // the MACs' legend names only the numbers the parameter formula's legend has not
    const known = new Set(paramTokens.flatMap((t) => (t.kind === 'num' ? [legendKey(t)] : [])));
    return (
      <div key={li} class="pl-calc__column" data-layer={li} data-type={row.type} data-stale={stale ? 'true' : 'false'}>
        <output class="pl-calc__result" for={fieldIds} aria-live="polite" aria-busy={state.pending} data-stale={stale ? 'true' : 'false'}>
          {(several || preset.layers[li]?.label) && <span class="pl-calc__layer">{text.layers[li]}</span>}
          {show.has('params') && line(s.params, <strong data-result="params">{groupDigits(row.params)}</strong>)}
          {show.has('split') && line(s.trainable, <span data-result="trainable">{groupDigits(row.trainable)}</span>)}
          {show.has('split') && line(s.nonTrainable, <span data-result="non-trainable">{groupDigits(row.nonTrainable)}</span>)}
          {show.has('formula') &&
            row.macs !== 0 &&
            line(
              s.macs,
              row.macs === null ? (
                <span data-result="macs">{s.macsUnknown}</span>
              ) : (
                <>
                  <strong data-result="macs-total">{groupDigits(exactMacs(row.macs, row.macsFormula))}</strong>
                  <span class="pl-calc__flops" data-result="flops">
                    {fill(s.flops, { flops: groupDigits(exactMacs(row.macs, row.macsFormula) * BigInt(FLOPS_PER_MAC)) })}
                  </span>
                </>
              ),
            )}
          {show.has('formula') &&
            line(
              s.formula,
              row.formula ? (
                <FormulaView formula={row.formula} tokens={paramTokens} tieOf={tieOf} hot={hot} roles={text.roles} legend={s.legend} />
              ) : (
                <code class="pl-formula" data-result="formula">
                  {row.params === 0 ? `0 (${s.noWeights})` : groupDigits(row.params)}
                </code>
              ),
              true,
            )}
          {show.has('formula') &&
            row.macsFormula &&
            row.macs !== null &&
            line(
              s.macsHow,
              <FormulaView
                formula={row.macsFormula}
                tokens={linkedTokens(preset, where, row.macsFormula)}
                tieOf={tieOf}
                hot={hot}
                roles={text.roles}
                legend={s.legend}
                result="macs"
                known={known}
                parts={partsOf(row.macsFormula, where)}
              />,
              true,
            )}
          {show.has('shape') && output && line(s.outputShape, <code data-result="shape">{outputText(output)}</code>, true)}
          {show.has('weights') &&
            line(
              s.weights,
              <span data-result="weights" class="pl-weights">
                {row.weights.length === 0
                  ? s.noWeights
                  : row.weights.map((w) => (
                      <span class="pl-weight">
                        {weightText(w)}
                        {w.trainable ? '' : ` (${s.nonTrainableMark})`}
                      </span>
                    ))}
              </span>,
              true,
            )}
          {stale && (
            <span id={`${base}-st${li}`} class="pl-calc__stale">
              {s.stale}
            </span>
          )}
        </output>
        {(blocks || pooling || matrix || strip || flat || gated || projected) && (
          // while a field is invalid the pictures still show the last valid numbers: dimmed, and said so
          <div
            class="pl-calc__pictures"
            data-stale={stale ? 'true' : 'false'}
            role={stale ? 'group' : undefined}
            aria-describedby={stale ? [`${base}-st${li}`, ...(messageIds ? [messageIds] : [])].join(' ') : undefined}
          >
            {blocks && <KernelPicture blocks={blocks} strings={s} map={outputMap(row)} window={windowPlan(row)} />}
            {pooling && <PoolingGrid axes={pooling} strings={s} />}
            {matrix && <MatrixPicture plan={matrix} strings={s} />}
            {strip && <StripPicture plan={strip} strings={s} />}
            {flat && <FlattenPicture plan={flat} strings={s} />}
            {gated && <GatePicture plan={gated} strings={s} />}
            {projected && <ProjectionPicture plan={projected} strings={s} />}
          </div>
        )}
      </div>
    );
  };

  return (
    <section
      ref={root}
      class="pl-calc not-content"
      data-calculator={preset.id}
      data-stale={anyStale ? 'true' : 'false'}
      aria-labelledby={`${base}-t`}
      onFocusIn={() => void wake()}
      onPointerEnter={() => void wake()}
    >
      <p id={`${base}-t`} class="pl-calc__heading">
        {text.title}
      </p>
      {ignored.length > 0 && (
        <p class="pl-calc__notice" role="status" data-notice="url">
          {s.urlIgnored}{' '}
          {ignored.map((x, k) => (
            <>
              <code>{`${x.name}=${x.value}`}</code>
              {k < ignored.length - 1 ? ', ' : ''}
            </>
          ))}
        </p>
      )}
      <div class="pl-calc__fields">
        {preset.fields.map((f, i) => (f.kind === 'int' ? intField(f, i) : f.kind === 'choice' ? choiceField(f, i) : boolField(f, i)))}
      </div>
      {messages(null)}
      <div class="pl-calc__columns" data-count={preset.layers.length}>
        {state.columns.map((c, li) => result(c, li))}
      </div>
      {show.has('formula') && state.columns.some((c) => c && c.row.macs !== 0) && <p class="pl-calc__note">{s.macsHelp}</p>}
      <button type="button" class="pl-calc__reset" onClick={reset}>
        {s.reset}
      </button>
    </section>
  );
}
