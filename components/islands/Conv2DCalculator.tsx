/**
 * The home page's calculator: one Conv2D on an H×W×C input. It owns what the reader typed and how
 * the result looks; every number it shows comes from src/calc (resolveLayer and the row's formula).
 */
import { useId, useState } from 'preact/hooks';
import { equationText, groupDigits } from '../../src/calc/explain.ts';
import { shapeText } from '../../src/calc/shape.ts';
import { resolveLayer, type Row } from '../../src/calc/summarize.ts';
import type { OutputShape, Shape } from '../../src/calc/types.ts';
import type { UiStrings } from '../../src/i18n/index.ts';

type Strings = UiStrings['conv2d'];
type FieldKey = 'height' | 'width' | 'channels' | 'filters' | 'kernel';
type Fields = Record<FieldKey, string>;

/** The controls, in reading order; slider ranges only bound the slider, not the number box. */
const FIELDS: readonly { key: FieldKey; label: keyof Strings; min: number; max: number }[] = [
  { key: 'height', label: 'inputHeight', min: 1, max: 128 },
  { key: 'width', label: 'inputWidth', min: 1, max: 128 },
  { key: 'channels', label: 'inputChannels', min: 1, max: 256 },
  { key: 'filters', label: 'filters', min: 1, max: 256 },
  { key: 'kernel', label: 'kernelSize', min: 1, max: 11 },
];

/** The first Conv2D of the classic MNIST CNN: Conv2D(32, 3) on a 28×28×1 image. */
const MNIST: Fields = { height: '28', width: '28', channels: '1', filters: '32', kernel: '3' };

/** Which field a diagnostic's argument belongs to (`input_shape[1]` is the height axis). */
const FIELD_OF_ARG: Record<string, FieldKey> = {
  'input_shape[1]': 'height', 'input_shape[2]': 'width', 'input_shape[3]': 'channels',
  filters: 'filters', kernel_size: 'kernel', 'kernel_size[0]': 'kernel', 'kernel_size[1]': 'kernel',
};

/** A number box's text as the value Keras would receive: a number when it reads as one, else the text itself, so the engine can quote it back. */
function typed(text: string): unknown {
  const t = text.trim();
  const n = Number(t);
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) && Number.isFinite(n) ? n : t;
}

type Outcome = { ok: true; row: Row } | { ok: false; field: FieldKey | null; message: string };

/** Ask the calculation module about the layer the fields describe. */
function resolve(f: Fields): Outcome {
  // resolveLayer checks every axis itself, so what the reader typed goes in unconverted.
  const input = [null, typed(f.height), typed(f.width), typed(f.channels)] as Shape;
  const result = resolveLayer({ type: 'Conv2D', args: { filters: typed(f.filters), kernel_size: typed(f.kernel) } }, input);
  if (result.ok) return result;
  const arg = result.error.arg;
  return { ok: false, field: arg === undefined ? null : FIELD_OF_ARG[arg] ?? null, message: result.error.message };
}

const outputText = (shape: OutputShape | null): string =>
  shape === null ? '?' : shape.length > 0 && Array.isArray(shape[0]) ? (shape as Shape[]).map(shapeText).join(', ') : shapeText(shape as Shape);

interface State {
  fields: Fields;
  /** The last valid result: shown, marked stale, while the fields are invalid. */
  shown: Row;
  /**
   * The engine's message sits beside the field its argument names; the field the reader just
   * edited is flagged too when it differs (height 0 is reported on kernel_size: the kernel no longer fits).
   */
  problem: { field: FieldKey; edited: FieldKey; message: string } | null;
}

/** The starting state; the MNIST layer always resolves, anything else is a bug worth seeing. */
function start(fields: Fields): State {
  const first = resolve(fields);
  if (!first.ok) throw new Error(`the starting Conv2D does not resolve: ${first.message}`);
  return { fields, shown: first.row, problem: null };
}

export default function Conv2DCalculator({ strings: s }: { strings: Strings }) {
  const id = useId();
  const [state, setState] = useState<State>(() => start(MNIST));

  /** One edit from either control of a field: re-resolve, keep the last good row if it fails. */
  const edit = (key: FieldKey, text: string): void =>
    setState((prev) => {
      const fields = { ...prev.fields, [key]: text };
      const next = resolve(fields);
      return next.ok
        ? { fields, shown: next.row, problem: null }
        : { fields, shown: prev.shown, problem: { field: next.field ?? key, edited: key, message: next.message } };
    });

  const stale = state.problem !== null;
  const row = state.shown;
  return (
    <section class="pl-calc" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} class="pl-calc__heading">{s.heading}</h2>
      <p class="pl-calc__intro">{s.intro}</p>
      <div class="pl-calc__fields">
        {FIELDS.map(({ key, label, min, max }) => {
          const text = state.fields[key];
          const p = state.problem;
          const problem = p?.field === key ? p.message : null;
          const flagged = p !== null && (p.field === key || p.edited === key);
          const value = typed(text);
          return (
            <div class="pl-field" key={key} data-field={key}>
              <label id={`${id}-${key}-l`} for={`${id}-${key}`}>{s[label]}</label>
              <div class="pl-field__controls">
                <input
                  type="range" min={min} max={max} step={1}
                  value={typeof value === 'number' ? value : undefined}
                  aria-labelledby={`${id}-${key}-l ${id}-${key}-s`}
                  onInput={(e) => edit(key, e.currentTarget.value)}
                />
                <span id={`${id}-${key}-s`} hidden>{s.sliderSuffix}</span>
                <input
                  id={`${id}-${key}`} type="text" inputMode="numeric" size={6} value={text}
                  aria-invalid={flagged}
                  aria-describedby={flagged && p ? `${id}-${p.field}-e` : undefined}
                  onInput={(e) => edit(key, e.currentTarget.value)}
                />
              </div>
              {problem !== null && <p id={`${id}-${key}-e`} class="pl-field__error">{s.invalid} {problem}</p>}
            </div>
          );
        })}
      </div>
      <output class="pl-calc__result" for={FIELDS.map(({ key }) => `${id}-${key}`).join(' ')} aria-live="polite" data-stale={stale ? 'true' : 'false'}>
        <span class="pl-calc__line"><span class="pl-calc__label">{s.params}</span> <strong data-result="params">{groupDigits(row.params)}</strong></span>
        <span class="pl-calc__line"><span class="pl-calc__label">{s.formula}</span> <code data-result="formula">{row.formula ? equationText(row.formula) : groupDigits(row.params)}</code></span>
        <span class="pl-calc__line"><span class="pl-calc__label">{s.outputShape}</span> <code data-result="shape">{outputText(row.outputShape)}</code></span>
        {stale && <span class="pl-calc__stale">{s.stale}</span>}
      </output>
      <button type="button" class="pl-calc__reset" onClick={() => setState(start(MNIST))}>{s.reset}</button>
    </section>
  );
}
