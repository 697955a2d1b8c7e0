/**
 * Lesson 6's editable Sequential model: change a layer's arguments, its type, add, remove or move
 * layers, and every output shape and count below follows (src/calc's `summarize`). The first layer
 * src/calc refuses shows its message beside the field it names; what comes after keeps its last
 * valid numbers, marked stale. A model that resolves is written to the address (`?model=…`).
 *
 * The page arrives with the lesson's model already computed (the build passes its view), so the
 * calculation engine is loaded only when the reader starts editing — or when the address carries a
 * model — and not before.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { SIZE_LIMIT } from '@calc/basics.ts';
import { fill, labelled } from '@i18n/fill.ts';
import type { Locale } from '@i18n/index.ts';
import type en from '@i18n/en/model-editor.json';
import {
  EDITOR_TYPES,
  fieldsOf,
  isEditorType,
  moveLayer,
  namesOf,
  newLayer,
  type EditorLayer,
  type EditorState,
  type EditorType,
  type FieldSpec,
  type Starts,
} from './model-editor/editor-model.ts';
import { decodeModel, encodeModel } from './model-editor/url-state.ts';
import { forget, goodOf, type EditorView, type LastGood } from './model-editor/view.ts';

export type ModelEditorStrings = typeof en;

export interface ModelEditorProps {
  /** The lesson's model, as editor state (built by ModelEditor.astro from the ModelFact). */
  initial: EditorState;
  /** What src/calc makes of it, computed at build time. */
  initialView: EditorView;
  strings: ModelEditorStrings;
  /** Field labels by Keras argument name. */
  argLabels: Record<string, string>;
  /** The page's locale, for src/calc's diagnostics. */
  locale: Locale;
  /** Each field's starting text (Keras's defaults, read from src/calc at build time). */
  starts: Starts;
}

/** The query parameter holding the model. */
const PARAM = 'model';

type Engine = typeof import('./model-editor/evaluate.ts');
let engine: Promise<Engine> | null = null;
/** The calculation engine, fetched once, on demand. */
const loadEngine = (): Promise<Engine> => (engine ??= import('./model-editor/evaluate.ts'));

interface Result {
  /** The state this view was computed for; a newer edit is waiting for the engine while they differ. */
  editor: EditorState;
  view: EditorView;
  /** The numbers of the last model that resolved completely. */
  good: LastGood | null;
}

/** Which control gets the focus after the list changes shape. */
type FocusTarget = { id: number; action: 'up' | 'down' | 'remove' | 'type' } | { id: null; action: 'add' };

export default function ModelEditor({ initial, initialView, strings: s, argLabels, locale, starts }: ModelEditorProps) {
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const [editor, setEditor] = useState<EditorState>(initial);
  const [result, setResult] = useState<Result>(() => ({ editor: initial, view: initialView, good: goodOf(initialView) }));
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [addType, setAddType] = useState<EditorType>('Dense');
  const focusAfter = useRef<FocusTarget | null>(null);
  const initialCode = useRef(encodeModel(initial, starts));

  // A shared address carries a model; one that cannot be read, or does not resolve, is ignored with a notice.
  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get(PARAM);
    if (value === null) return;
    const decoded = decodeModel(value, starts);
    if (!decoded.ok) {
      setNotice(fill(s.urlIgnored, { why: fill(s.urlBadSegment, { segment: decoded.segment, position: decoded.position + 1 }) }));
      return;
    }
    void loadEngine().then(({ evaluate }) => {
      const { view, good } = evaluate(decoded.state, null, locale);
      const broken = view.layers.find((l) => l.problem)?.problem?.message ?? view.modelProblem;
      if (!good) {
        setNotice(fill(s.urlIgnored, { why: fill(s.urlBroken, { message: broken ?? '' }) }));
        return;
      }
      setEditor(decoded.state);
      setResult({ editor: decoded.state, view, good });
    });
  }, []);

  // Every edit is evaluated once the engine is there (the first edit fetches it).
  useEffect(() => {
    if (result.editor === editor) return;
    let live = true;
    void loadEngine().then(({ evaluate }) => {
      if (!live) return;
      setResult((prev) => {
        const next = evaluate(editor, prev.good, locale);
        return { editor, view: next.view, good: next.good ?? prev.good };
      });
    });
    return () => {
      live = false;
    };
  }, [editor]);

  // Share the model once it resolves; the lesson's own model needs no parameter.
  useEffect(() => {
    if (result.editor !== editor || result.view.stale) return;
    const code = encodeModel(editor, starts);
    if (code === null) return;
    const url = new URL(window.location.href);
    if (code === initialCode.current) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, code);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }, [result]);

  // Keep the keyboard where the reader was after a layer moves, disappears or appears.
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (!target || !root.current) return;
    const selector = target.id === null ? '[data-action="add"]' : `[data-layer-id="${target.id}"] [data-action="${target.action}"]`;
    let el = root.current.querySelector<HTMLElement>(selector);
    if (el instanceof HTMLButtonElement && el.disabled) {
      el = root.current.querySelector<HTMLElement>(
        `[data-layer-id="${target.id}"] [data-action="${target.action === 'up' ? 'down' : 'up'}"]`,
      );
    }
    el?.focus();
  });

  const { view } = result;
  const names = namesOf(editor);
  const nameAt = (index: number): string => names[index] ?? '';

  const setField = (layerId: number, arg: string, text: string): void =>
    setEditor((e) => ({ ...e, layers: e.layers.map((l) => (l.id === layerId ? { ...l, fields: { ...l.fields, [arg]: text } } : l)) }));

  const setType = (index: number, type: string): void => {
    const layer = editor.layers[index];
    if (!layer || !isEditorType(type)) return;
    focusAfter.current = { id: layer.id, action: 'type' };
    // the old type's numbers no longer describe this layer
    setResult((prev) => ({ ...prev, good: forget(prev.good, layer.id) }));
    const next = { ...editor, layers: editor.layers.map((l) => (l.id === layer.id ? newLayer(type, layer.id, starts) : l)) };
    setEditor(next);
    setAnnouncement(fill(s.typeChanged, { name: namesOf(next)[index] ?? type, type }));
  };

  const move = (index: number, delta: -1 | 1): void => {
    const layer = editor.layers[index];
    if (!layer) return;
    focusAfter.current = { id: layer.id, action: delta < 0 ? 'up' : 'down' };
    const next = { ...editor, layers: moveLayer(editor.layers, index, delta) };
    setEditor(next);
    setAnnouncement(fill(s.moved, { name: namesOf(next)[index + delta] ?? '', n: index + delta + 1 }));
  };

  const remove = (index: number): void => {
    const layer = editor.layers[index];
    if (!layer) return;
    const neighbour = editor.layers[index + 1] ?? editor.layers[index - 1];
    focusAfter.current = neighbour ? { id: neighbour.id, action: 'remove' } : { id: null, action: 'add' };
    setAnnouncement(fill(s.removed, { name: nameAt(index) }));
    setEditor({ ...editor, layers: editor.layers.filter((l) => l.id !== layer.id) });
  };

  const add = (): void => {
    focusAfter.current = { id: null, action: 'add' };
    const next = { ...editor, layers: [...editor.layers, newLayer(addType, editor.nextId, starts)], nextId: editor.nextId + 1 };
    setEditor(next);
    setAnnouncement(fill(s.added, { name: namesOf(next)[next.layers.length - 1] ?? addType }));
  };

  const reset = (): void => {
    setNotice(null);
    setEditor(initial);
    setResult({ editor: initial, view: initialView, good: goodOf(initialView) });
  };

  /** Start fetching the engine as soon as the reader reaches for a control. */
  const warmUp = (): void => void loadEngine();

  const inputError = view.inputProblem
    ? view.inputProblem.problem === 'empty'
      ? s.inputEmpty
      : fill(s.inputNotDim, { text: view.inputProblem.text, max: SIZE_LIMIT.toLocaleString('en-US') })
    : null;

  /** One argument's control: a select for choices, a text box for numbers and tuples. */
  const field = (layer: EditorLayer, f: FieldSpec, problem: string | null) => {
    const fieldId = `${id}-${layer.id}-${f.arg}`;
    const label = f.arg === 'rate' ? s.argRate : (argLabels[f.arg] ?? f.arg);
    const help = f.optional ? s.stridesHelp : null;
    const describedBy = [help ? `${fieldId}-h` : '', problem ? `${fieldId}-e` : ''].filter(Boolean).join(' ') || undefined;
    const value = layer.fields[f.arg] ?? '';
    return (
      <div class="pl-field pl-editor__field" key={f.arg} data-field={f.arg}>
        <label for={fieldId}>
          {label} <code>{f.arg}</code>
        </label>
        {f.kind === 'choice' ? (
          <select
            id={fieldId}
            value={value}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            onChange={(e) => setField(layer.id, f.arg, e.currentTarget.value)}
          >
            {(f.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={fieldId}
            type="text"
            size={7}
            value={value}
            inputMode={f.kind === 'int' ? 'numeric' : f.kind === 'fraction' ? 'decimal' : 'text'}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            onInput={(e) => setField(layer.id, f.arg, e.currentTarget.value)}
          />
        )}
        {help && (
          <span id={`${fieldId}-h`} class="pl-editor__help">
            {help}
          </span>
        )}
        {problem && (
          <p id={`${fieldId}-e`} class="pl-field__error">
            {labelled(s.invalid, problem)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section
      class="pl-editor"
      aria-label={s.label}
      ref={root}
      onFocusIn={warmUp}
      onPointerDown={warmUp}
      data-pending={result.editor === editor ? 'false' : 'true'}
    >
      <p class="pl-editor__intro">{s.intro}</p>
      {notice && (
        <p class="pl-editor__notice" role="status" data-notice="url">
          {notice}
        </p>
      )}
      <div class="pl-field pl-editor__input" data-field="input">
        <label for={`${id}-input`}>{s.inputShape}</label>
        <input
          id={`${id}-input`}
          type="text"
          size={14}
          value={editor.input}
          aria-invalid={inputError !== null}
          aria-describedby={`${id}-input-h${inputError ? ` ${id}-input-e` : ''}`}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setEditor((ed) => ({ ...ed, input: text }));
          }}
        />
        <span id={`${id}-input-h`} class="pl-editor__help">
          {s.inputHelp}
        </span>
        {inputError && (
          <p id={`${id}-input-e`} class="pl-field__error">
            {labelled(s.invalid, inputError)}
          </p>
        )}
      </div>

      {editor.layers.length === 0 && <p class="pl-editor__empty">{s.empty}</p>}
      <ol class="pl-editor__layers">
        {editor.layers.map((layer, i) => {
          const v = view.layers.find((l) => l.id === layer.id);
          const problem = v?.problem ?? null;
          const layerProblem = problem && problem.field === null ? problem.message : null;
          const numbers = v?.numbers ?? null;
          const name = nameAt(i);
          return (
            <li key={layer.id} class="pl-editor__layer" data-layer-id={layer.id} data-status={v?.status ?? 'unknown'}>
              <fieldset>
                <legend>{fill(s.layerLegend, { n: i + 1, name, type: layer.type })}</legend>
                <div class="pl-editor__fields">
                  <div class="pl-field pl-editor__field" data-field="type">
                    <label for={`${id}-${layer.id}-type`}>{s.layerType}</label>
                    <select
                      id={`${id}-${layer.id}-type`}
                      data-action="type"
                      value={layer.type}
                      onChange={(e) => setType(i, e.currentTarget.value)}
                    >
                      {EDITOR_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                  </div>
                  {fieldsOf(layer.type).map((f) => field(layer, f, problem && problem.field === f.arg ? problem.message : null))}
                </div>
                {layerProblem && (
                  <p class="pl-field__error" data-problem="layer">
                    {labelled(s.invalid, layerProblem)}
                  </p>
                )}
                <p class="pl-editor__result" data-stale={v?.status === 'fresh' ? 'false' : 'true'}>
                  {numbers ? (
                    <>
                      <span>
                        {s.outputShape} <code data-result="shape">{numbers.shape}</code>
                      </span>
                      <span>
                        {s.params} <strong data-result="params">{numbers.params}</strong>
                      </span>
                      {numbers.equation && <code data-result="equation">{numbers.equation}</code>}
                      {v?.status !== 'fresh' && <em class="pl-editor__stale-mark">({s.staleValue})</em>}
                    </>
                  ) : (
                    <span>{s.notComputed}</span>
                  )}
                  {(v?.status === 'stale' || v?.status === 'unknown') && <span class="pl-editor__waiting">{s.waiting}</span>}
                </p>
                <div class="pl-editor__actions">
                  <button
                    type="button"
                    data-action="up"
                    aria-label={fill(s.moveUp, { name })}
                    title={fill(s.moveUp, { name })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-action="down"
                    aria-label={fill(s.moveDown, { name })}
                    title={fill(s.moveDown, { name })}
                    disabled={i === editor.layers.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    data-action="remove"
                    aria-label={fill(s.remove, { name })}
                    title={fill(s.remove, { name })}
                    onClick={() => remove(i)}
                  >
                    ✕
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <div class="pl-editor__add">
        <label for={`${id}-add`}>{s.addType}</label>
        <select
          id={`${id}-add`}
          value={addType}
          onChange={(e) => {
            const t = e.currentTarget.value;
            if (isEditorType(t)) setAddType(t);
          }}
        >
          {EDITOR_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="button" data-action="add" onClick={add}>
          {s.add}
        </button>
      </div>

      <output class="pl-editor__totals" aria-live="polite" data-stale={view.stale ? 'true' : 'false'}>
        {view.totals ? (
          <>
            <span data-line="total">
              {s.totals}
              {s.colon}
              <strong data-result="total">{view.totals.params}</strong>
              {fill(s.size, { bytes: view.totals.bytes })}
            </span>
            <span data-line="trainable">
              {s.trainable}
              {s.colon}
              <span data-result="trainable">{view.totals.trainable}</span>
              {fill(s.size, { bytes: view.totals.trainableBytes })}
            </span>
            <span data-line="non-trainable">
              {s.nonTrainable}
              {s.colon}
              <span data-result="non-trainable">{view.totals.nonTrainable}</span>
              {fill(s.size, { bytes: view.totals.nonTrainableBytes })}
            </span>
          </>
        ) : (
          <span>{s.noTotals}</span>
        )}
        {view.stale && <span class="pl-calc__stale">{s.stale}</span>}
        {view.modelProblem && <span class="pl-field__error">{labelled(s.invalid, view.modelProblem)}</span>}
      </output>
      <p class="pl-editor__announce" role="status">
        {announcement}
      </p>
      <button type="button" class="pl-calc__reset" onClick={reset}>
        {s.reset}
      </button>
    </section>
  );
}
