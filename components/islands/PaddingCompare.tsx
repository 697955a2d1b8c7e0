/**
 * Lesson 7's comparison: one input length, window, stride, dilation (and PyTorch/Caffe's explicit
 * padding), and the output length each framework's rule gives, with the arithmetic written out.
 * Numbers come from src/calc; this island owns the fields, the stale marking and the URL state.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { LengthResult } from '@calc/basics.ts';
import { fill, labelled, tidyChinese } from '@i18n/fill.ts';
import type en from '@i18n/en/padding-compare.json';
import {
  compareRows,
  FIELDS,
  fieldsFor,
  paramName,
  presetValues,
  readField,
  valuesFromUrl,
  type CompareRow,
  type FieldKey,
  type FieldProblem,
  type Values,
} from './padding-compare/compare-rows.ts';
import type { PaddingPreset } from '@lessons/types.ts';

export type PaddingCompareStrings = typeof en;

export interface PaddingCompareProps {
  preset: PaddingPreset;
  strings: PaddingCompareStrings;
  /** The preset's title in the page's language. */
  title?: string | undefined;
}

type Texts = Record<FieldKey, string>;

interface State {
  texts: Texts;
  ceilMode: boolean;
  /** The last valid comparison: shown, marked stale, while a field is invalid. */
  shown: { values: Values; rows: CompareRow[] };
  problems: Partial<Record<FieldKey, FieldProblem>>;
}

const textsOf = (v: Values): Texts => ({
  length: String(v.length),
  kernel: String(v.kernel),
  stride: String(v.stride),
  dilation: String(v.dilation),
  padding: String(v.padding),
});

function stateFor(values: Values, kind: PaddingPreset['kind']): State {
  return { texts: textsOf(values), ceilMode: values.ceilMode, shown: { values, rows: compareRows(values, kind) }, problems: {} };
}

/** Re-read every field; recompute when all are valid, else keep the last valid comparison. */
function settle(prev: State, texts: Texts, ceilMode: boolean, keys: readonly FieldKey[], kind: PaddingPreset['kind']): State {
  const problems: State['problems'] = {};
  const values: Values = { ...prev.shown.values, ceilMode };
  for (const key of keys) {
    const read = readField(texts[key], FIELDS.find((f) => f.key === key)!.min);
    if (read.ok) values[key] = read.value;
    else problems[key] = read;
  }
  if (Object.keys(problems).length > 0) return { texts, ceilMode, shown: prev.shown, problems };
  return { texts, ceilMode, shown: { values, rows: compareRows(values, kind) }, problems };
}

/** A typed whole number as the lessons print it (`−1`, `99,999`); anything else as typed. */
function typedNumber(text: string): string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? `${n < 0 ? '−' : ''}${Math.abs(n).toLocaleString('en-US')}` : text;
}

export default function PaddingCompare({ preset, strings: s, title }: PaddingCompareProps) {
  const id = useId();
  const keys = fieldsFor(preset.kind);
  const start = presetValues(preset);
  const [state, setState] = useState<State>(() => stateFor(start, preset.kind));
  const [notice, setNotice] = useState<string | null>(null);
  const showCeil = preset.kind !== 'conv';

  // Restore what a shared address carries; ignore (and name) what does not read.
  useEffect(() => {
    const { values, ignored } = valuesFromUrl(window.location.search, preset.id, start, keys);
    if (ignored.length > 0) setNotice(fill(s.urlIgnored, { values: ignored.join(', ') }));
    setState((prev) => settle(prev, textsOf(values), values.ceilMode, keys, preset.kind));
  }, []);

  // Share valid values; the lesson's own values need no parameters.
  useEffect(() => {
    if (Object.keys(state.problems).length > 0) return;
    const url = new URL(window.location.href);
    const v = state.shown.values;
    for (const key of keys) {
      if (v[key] === start[key]) url.searchParams.delete(paramName(preset.id, key));
      else url.searchParams.set(paramName(preset.id, key), String(v[key]));
    }
    if (showCeil && v.ceilMode !== start.ceilMode) url.searchParams.set(paramName(preset.id, 'ceil_mode'), v.ceilMode ? '1' : '0');
    else url.searchParams.delete(paramName(preset.id, 'ceil_mode'));
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }, [state]);

  const edit = (key: FieldKey, text: string): void =>
    setState((prev) => settle(prev, { ...prev.texts, [key]: text }, prev.ceilMode, keys, preset.kind));
  const setCeil = (on: boolean): void => setState((prev) => settle(prev, prev.texts, on, keys, preset.kind));

  /** A typing problem named by its field's label, in the calculators' words (the same rule and limit). */
  const problemText = (p: FieldProblem, key: FieldKey): string => tidyChinese(fieldProblemText(p, key));
  const fieldProblemText = (p: FieldProblem, key: FieldKey): string => {
    const label = s[key];
    switch (p.problem) {
      case 'empty':
        return fill(s.empty, { label });
      case 'notNumber':
        return fill(s.notNumber, { label, text: p.text });
      case 'notWhole':
        return fill(s.notWhole, { label, text: p.text });
      case 'tooSmall':
        return fill(s.tooSmall, { label, min: p.min, text: typedNumber(p.text) });
      case 'tooLarge':
        return fill(s.tooLarge, { label, max: p.max.toLocaleString('en-US'), text: typedNumber(p.text) });
    }
  };

  const { values, rows } = state.shown;
  const ruleOf = (row: CompareRow): string =>
    row.id === 'pytorch-pool' && values.ceilMode ? s.rules['pytorch-pool-ceil'] : s.rules[row.id];

  /** Why a rule gives no length, in the reader's language. */
  const whyNot = (row: CompareRow, r: Extract<LengthResult, { ok: false }>): string => {
    if (r.problem === 'padding-too-large') {
      return row.id === 'caffe-pool'
        ? fill(s.problems['padding-too-large-caffe'], { kernel: values.kernel })
        : fill(s.problems['padding-too-large-pytorch'], { kernel: values.kernel, half: Math.floor(values.kernel / 2) });
    }
    return s.problems[r.problem];
  };

  const stale = Object.keys(state.problems).length > 0;
  return (
    <section class="pl-calc pl-compare" aria-label={title ?? s.label} data-compare={preset.id}>
      {title && <p class="pl-calc__heading">{title}</p>}
      <p class="pl-calc__intro">{s.intro}</p>
      {notice && (
        <p class="pl-compare__notice" role="status">
          {notice}
        </p>
      )}
      <div class="pl-calc__fields">
        {keys.map((key) => {
          const spec = FIELDS.find((f) => f.key === key)!;
          const problem = state.problems[key];
          const text = state.texts[key];
          const read = readField(text, spec.min);
          return (
            <div class="pl-field" key={key} data-field={key}>
              <label id={`${id}-${key}-l`} for={`${id}-${key}`}>
                {s[key]}
              </label>
              <div class="pl-field__controls">
                <input
                  type="range"
                  min={spec.min}
                  max={spec.max}
                  step={1}
                  value={read.ok ? Math.min(read.value, spec.max) : undefined}
                  aria-labelledby={`${id}-${key}-l ${id}-${key}-s`}
                  onInput={(e) => edit(key, e.currentTarget.value)}
                />
                <span id={`${id}-${key}-s`} hidden>
                  {s.sliderSuffix}
                </span>
                <input
                  id={`${id}-${key}`}
                  type="text"
                  inputMode="numeric"
                  size={6}
                  value={text}
                  aria-invalid={problem !== undefined}
                  aria-describedby={problem ? `${id}-${key}-e` : undefined}
                  onInput={(e) => edit(key, e.currentTarget.value)}
                />
              </div>
              {problem && (
                <p id={`${id}-${key}-e`} class="pl-field__error">
                  {labelled(s.invalid, problemText(problem, key))}
                </p>
              )}
            </div>
          );
        })}
        {showCeil && (
          <div class="pl-field" data-field="ceil_mode">
            <label class="pl-compare__check">
              <input type="checkbox" checked={state.ceilMode} onChange={(e) => setCeil(e.currentTarget.checked)} /> {s.ceilMode}
            </label>
          </div>
        )}
      </div>
      <div class="pl-compare__scroll">
        <table class="pl-compare__table" data-stale={stale ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">{s.columnRule}</th>
              <th scope="col" class="pl-compare__num">
                {s.columnLength}
              </th>
              <th scope="col">{s.columnArithmetic}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const r = row.result;
              return (
                <tr key={row.id} data-row={row.id}>
                  <th scope="row">
                    {s.rows[row.id]}
                    <span class="pl-compare__rule">{ruleOf(row)}</span>
                  </th>
                  <td class="pl-compare__num" data-result="length">
                    {r.ok ? r.length : '—'}
                  </td>
                  <td>
                    {(r.ok || r.formula) && <code data-result="formula">{r.formula}</code>}
                    {r.ok && row.added?.kind === 'same' && (
                      <span class="pl-compare__note" data-note="same">
                        {fill(s.samePadding, row.added)} <code>{row.added.formula}</code>
                      </span>
                    )}
                    {r.ok && row.added?.kind === 'causal' && (
                      <span class="pl-compare__note" data-note="causal">
                        {fill(s.causalPadding, row.added)} <code>{row.added.formula}</code>
                      </span>
                    )}
                    {r.ok && r.clipped && (
                      <span class="pl-compare__note" data-note="clipped">
                        {s.clipped}
                      </span>
                    )}
                    {!r.ok && (
                      <span class="pl-compare__note pl-compare__problem" data-note="problem">
                        {whyNot(row, r)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <output
        class="pl-compare__summary"
        aria-live="polite"
        data-stale={stale ? 'true' : 'false'}
        for={keys.map((k) => `${id}-${k}`).join(' ')}
      >
        {rows
          .map((row) => fill(s.summaryItem, { rule: s.rows[row.id], length: row.result.ok ? row.result.length : s.noLength }))
          .join('; ')}
        {stale && <span class="pl-calc__stale">{s.stale}</span>}
      </output>
      <button
        type="button"
        class="pl-calc__reset"
        onClick={() => {
          setNotice(null);
          setState(stateFor(start, preset.kind));
        }}
      >
        {s.reset}
      </button>
    </section>
  );
}
