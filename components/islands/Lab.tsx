/**
 * The model lab: build a model, paste Keras code or a printout, or open a model file, and see its
 * summary with every number explained. What the lab works on lives in one of three places — the
 * builder's state, the pasted text, or a file's model — and `source` says which feeds the table.
 *
 * The page ships this shell and its strings; the engine (src/calc's summarize and every layer
 * spec) is fetched as soon as there is a model to show, the readers (Python, printouts, zip) the
 * first time the reader pastes or drops something, the exports and Shiki when the export panel
 * opens. Work in progress is kept in localStorage and in the address (`#lab=1.…`), so a link opens
 * the same model.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Diagnostic, Model } from '@calc/basics.ts';
import { FLOPS_PER_MAC, groupDigits, outputValues, shapeText } from '@calc/basics.ts';
import type { Row, Summary } from '@calc/engine.ts';
import { fill, labelled } from '@i18n/fill.ts';
import type { DiagnosticWords } from '@i18n/diagnostic-words.ts';
import type { Locale } from '@i18n/index.ts';
import { CodeEditor, type Mark } from './lab/CodeEditor.tsx';
import { findLayer } from './lab/locate.ts';
import type { LabStrings, LabView, RowView } from './lab/evaluate.ts';
import { Exports } from './lab/Exports.tsx';
import type { Token } from './lab/highlight.ts';
import {
  addInput,
  duplicateLayer,
  emptyState,
  fromModel,
  insertLayer,
  moveLayer,
  removeInput,
  removeLayer,
  retype,
  setField,
  setFrom,
  setFrozen,
  setInputShape,
  sourcesBefore,
  type Catalog,
  type LabState,
  type NotEditable,
} from './lab/lab-state.ts';
import { LayerDetails, TypeOptions, type EditProps } from './lab/LayerDetails.tsx';
import type { Read } from './lab/readers.ts';
import { decodeDocument, encodeDocument, MAX_LINK_CHARS, SHARE_KEY, type LabDocument } from './lab/share.ts';
import { ROWS_PER_PAGE, SummaryTable } from './lab/SummaryTable.tsx';
import type { Explanation, RoleStrings, SummaryExplorerStrings } from './summary-explorer/explain-row.ts';

export interface GalleryItem {
  id: string;
  title: string;
  blurb: string;
  code: string;
  source?: { url: string; license: string };
}

export interface LessonLink {
  href: string;
  title: string;
}

export interface LabProps {
  strings: LabStrings;
  explorer: SummaryExplorerStrings;
  roles: RoleStrings;
  argLabels: Record<string, string>;
  locale: Locale;
  gallery: GalleryItem[];
  /** The lesson that teaches each layer type, and by family for the types no lesson shows. */
  lessonByType: Record<string, LessonLink>;
  lessonByFamily: Record<string, LessonLink>;
  /** The builder's first input shape (the MNIST image), when the lab opens empty. */
  startInput: string;
  /** The page's diagnostics and argument labels, for the engine's problems in words. */
  diagnostics: DiagnosticWords;
  /** Every layer type the engine knows and its family, read at build time, so the type list works before the engine arrives. */
  types: (readonly [string, string])[];
}

type Engine = typeof import('./lab/evaluate.ts');
type Readers = typeof import('./lab/readers.ts') & typeof import('./lab/highlight.ts');
let engine: Promise<Engine> | null = null;
let readers: Promise<Readers> | null = null;
const loadEngine = (): Promise<Engine> => (engine ??= import('./lab/evaluate.ts'));
const loadReaders = (): Promise<Readers> =>
  (readers ??= Promise.all([import('./lab/readers.ts'), import('./lab/highlight.ts')]).then(([r, h]) => ({ ...r, ...h })));

/** localStorage key; the version is the link format's. */
export const STORAGE_KEY = 'param-lab:lab:v1';
const TABS = ['build', 'paste', 'file', 'gallery'] as const;
type Tab = (typeof TABS)[number];
type Source = 'build' | 'text' | 'file';

interface FileModel {
  model: Model;
  filename: string;
  format: string;
  why: NotEditable | null;
}

/** Where a diagnostic points in the pasted text, if it has a line. */
const markOf = (d: { line?: number; column?: number } | undefined): Mark | null =>
  d?.line !== undefined ? { line: d.line, column: d.column ?? 1 } : null;

export default function Lab(props: LabProps) {
  const { strings: s, explorer, roles, argLabels, locale, gallery, lessonByType, lessonByFamily, startInput, types, diagnostics } = props;
  const id = useId();
  const [tab, setTab] = useState<Tab>('build');
  const [source, setSource] = useState<Source>('build');
  const [build, setBuild] = useState<LabState>(() => emptyState(startInput));
  const [text, setText] = useState('');
  const [variable, setVariable] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<FileModel | null>(null);
  const [textView, setTextView] = useState<LabView | null>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [notice, setNotice] = useState<{ text: string; kind: 'info' | 'problem'; undoable?: boolean } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const [addType, setAddType] = useState('Dense');
  const [announce, setAnnounce] = useState('');
  const [ready, setReady] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [tooLong, setTooLong] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** The model "Start again" replaced, until the notice offering it back is dismissed. */
  const [undo, setUndo] = useState<LabState | null>(null);
  /** Where the keyboard goes after the table changes shape (a CSS selector inside the lab). */
  const focusAfter = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || !root.current) return;
    let el = root.current.querySelector<HTMLElement>(target);
    // a row not drawn yet (the summary can come a render later): wait for it, rather than leave the
    // keyboard on "Add layer" while the new layer opens below
    if (!el) return;
    focusAfter.current = null;
    if (el instanceof HTMLButtonElement && el.disabled)
      el = root.current.querySelector<HTMLElement>('.pl-lab__details-row [data-action="type"]');
    el?.focus();
  });
  const [eng, setEng] = useState<Engine | null>(null);
  /** Every layer type and its arguments, from the engine's specs (computed once, in evaluate.ts). */
  const cat: Catalog | null = eng ? eng.catalog() : null;
  const engineRef = useRef<Engine | null>(null);
  const readersRef = useRef<Readers | null>(null);

  /** The engine, fetched once: when there is a model to show, or when the reader first reaches for a control. */
  const wake = useCallback(async (): Promise<Engine> => {
    const loaded = await loadEngine();
    if (!engineRef.current) {
      engineRef.current = loaded;
      setEng(loaded);
    }
    return loaded;
  }, []);

  // --- start: a link, a gallery parameter, saved work, or an empty builder ---------------------------
  useEffect(() => {
    void (async () => {
      const hash = new URLSearchParams(window.location.hash.slice(1)).get(SHARE_KEY);
      const galleryId = new URLSearchParams(window.location.search).get('gallery');
      let saved: string | null = null;
      try {
        saved = window.localStorage.getItem(STORAGE_KEY);
      } catch {
        saved = null;
      }
      // nothing to show yet: the engine waits for the reader's first move
      if (hash !== null || galleryId !== null || saved) await wake();
      if (hash !== null) {
        const decoded = await decodeDocument(hash);
        if (decoded.ok) await openDocument(decoded.doc);
        else {
          const why =
            decoded.problem === 'future'
              ? fill(s.linkFuture, { version: decoded.version })
              : decoded.problem === 'too-large'
                ? s.linkTooLarge
                : s.linkMalformed;
          setNotice({ text: fill(s.linkIgnored, { why }), kind: 'problem' });
        }
      } else if (galleryId !== null) {
        const item = gallery.find((g) => g.id === galleryId);
        if (item) await openText(item.code);
        else setNotice({ text: fill(s.galleryUnknown, { id: galleryId.slice(0, 40) }), kind: 'problem' });
      } else if (saved) {
        const decoded = await decodeDocument(saved);
        if (decoded.ok) {
          await openDocument(decoded.doc);
          setNotice({ text: s.restored, kind: 'info' });
        }
      }
      setReady(true);
    })();
  }, []);

  const openDocument = async (doc: LabDocument): Promise<void> => {
    if (doc.kind === 'build') {
      setBuild(doc.state);
      setSource('build');
      setTab('build');
    } else await openText(doc.text);
  };

  const openText = async (value: string): Promise<void> => {
    setText(value);
    setVariable(undefined);
    setSource('text');
    setTab('paste');
    await loadReaders();
  };

  // --- compute what the table shows ---------------------------------------------------------------------
  // The builder's model is summarised while rendering, not in an effect: an edit reaches the table in
  // the same frame (an effect would run after the next paint).
  const builtView = useMemo(
    () => (eng && cat && source === 'build' ? eng.evaluateState(build, cat, diagnostics, locale, s) : null),
    [build, source, cat, eng],
  );
  const fileView = useMemo(
    () => (eng && source === 'file' && file ? eng.viewOfModel(file.model, diagnostics, locale) : null),
    [file, source, eng],
  );

  // pasted text is read a moment after the last key (a megabyte takes a while)
  useEffect(() => {
    if (source !== 'text') return;
    let live = true;
    const timer = setTimeout(
      () =>
        void loadReaders().then((r) => {
          if (!live) return;
          readersRef.current = r;
          setTokens(r.highlightPython(text));
          setTooLong(false);
          if (text.trim() === '') {
            setRead(null);
            setTextView(null);
            return;
          }
          if (text.length > r.MAX_PASTE_CHARS) {
            setTooLong(true);
            setRead(null);
            setTextView(null);
            return;
          }
          const result = r.readSource(text, undefined, variable);
          setRead(result);
          if (result.ok)
            void wake().then(
              (e) =>
                live &&
                setTextView({
                  ...e.viewOf(result.summary, diagnostics, locale, result.kind === 'printout'),
                  ...(result.model ? { model: result.model } : {}),
                }),
            );
          else setTextView(null);
        }),
      readersRef.current ? 150 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, source, variable]);

  // --- keep the work: the address and localStorage -------------------------------------------------------
  const [linkNote, setLinkNote] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const doc: LabDocument | null =
      source === 'build' ? { kind: 'build', state: build } : source === 'text' ? { kind: 'text', text } : null;
    if (!doc) {
      // a model opened from a file the builder cannot edit is not written anywhere: the address must
      // not go on naming the previous model
      const url = new URL(window.location.href);
      url.hash = '';
      url.search = '';
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
      setLinkNote(s.fileNotInLink);
      return;
    }
    const timer = setTimeout(
      () =>
        void encodeDocument(doc).then((encoded) => {
          try {
            window.localStorage.setItem(STORAGE_KEY, encoded);
          } catch {
            // storage full or refused: the address still carries the model
          }
          const url = new URL(window.location.href);
          url.search = '';
          if (encoded.length > MAX_LINK_CHARS) {
            url.hash = '';
            setLinkNote(s.linkTooLong);
          } else {
            url.hash = `${SHARE_KEY}=${encoded}`;
            setLinkNote(null);
          }
          if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
        }),
      250,
    );
    return () => clearTimeout(timer);
  }, [build, text, source, ready]);

  // --- builder actions ----------------------------------------------------------------------------------
  const change = useCallback((next: (state: LabState) => LabState) => {
    setSource('build');
    setBuild(next);
    // the model "Start again" replaced can be had back only until the next change
    setUndo(null);
    setNotice((n) => (n?.undoable ? null : n));
  }, []);
  const toggle = useCallback((key: string) => setOpen((o) => (o === key ? null : key)), []);
  const expand = useCallback(
    (key: string) =>
      setExpanded((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const more = useCallback(() => setLimit((l) => l + ROWS_PER_PAGE), []);

  const openIndex = (): number => {
    const row = view?.rows.find((r) => r.key === open);
    return row?.stateId === undefined ? -1 : build.layers.findIndex((l) => l.id === row.stateId);
  };

  const addLayer = async (): Promise<void> => {
    const cat = (await wake()).catalog();
    const at = openIndex();
    const index = at >= 0 ? at + 1 : build.layers.length;
    const next = insertLayer(build, addType, index, cat);
    change(() => next);
    const added = next.layers[index]!;
    setOpen(`#${added.id}`);
    focusAfter.current = '.pl-lab__details-row [data-action="type"]';
    setAnnounce(fill(s.added, { type: addType, n: index + 1 }));
  };

  /** The builder's state for whatever is shown, so a pasted or dropped model can be edited. */
  const toBuilder = (model: Model): void => {
    if (!cat) return;
    setExpanded(new Set());
    const converted = fromModel(model, cat);
    if (!converted.ok) {
      setNotice({ text: fill(s.notEditable, { why: whyText(converted.reason, s) }), kind: 'problem' });
      return;
    }
    setBuild(converted.state);
    setSource('build');
    setTab('build');
    setOpen(null);
    setNotice({ text: s.nowEditable, kind: 'info' });
  };

  // --- files ----------------------------------------------------------------------------------------------
  const openFile = async (f: File): Promise<void> => {
    // a file dropped before anything else was touched: the engine is not there yet
    const engine = await wake();
    const r = await loadReaders();
    readersRef.current = r;
    if (f.size > r.MAX_FILE_BYTES) {
      setNotice({ text: fill(s.fileTooLarge, { name: f.name, max: groupDigits(r.MAX_FILE_BYTES >> 20) }), kind: 'problem' });
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const result = r.readSource(bytes, f.name);
    if (!result.ok) {
      setNotice({ text: fill(s.fileProblem, { name: f.name, message: engine.word(result.error, diagnostics, locale) }), kind: 'problem' });
      return;
    }
    if (result.kind === 'printout' || result.format === 'python') {
      setText(new TextDecoder().decode(bytes));
      setSource('text');
      setTab('paste');
      setNotice({ text: fill(s.fileAsText, { name: f.name }), kind: 'info' });
      return;
    }
    const model = result.model!;
    const converted = fromModel(model, engine.catalog());
    if (converted.ok) {
      setBuild(converted.state);
      setSource('build');
      setNotice({ text: fill(s.fileOpened, { name: f.name }), kind: 'info' });
    } else {
      setFile({ model, filename: f.name, format: result.format, why: converted.reason });
      setSource('file');
      setNotice({ text: fill(s.fileOpenedReadOnly, { name: f.name }), kind: 'info' });
    }
    setOpen(null);
  };

  const diagnosticWords = (d: Diagnostic): string => (eng ? eng.word(d, diagnostics, locale) : d.message);

  const view: LabView | null = source === 'build' ? builtView : source === 'file' ? fileView : textView;

  // --- the open row -------------------------------------------------------------------------------------
  const summary: Summary | null = view?.summary ?? null;
  const explanations = useMemo(() => new Map<string, Explanation[]>(), [summary]);
  const openRow = view?.rows.find((r) => r.key === open) ?? null;

  const details = openRow && view ? detailsOf(openRow) : null;

  function rowOf(path: number[]): Row | null {
    let rows = summary?.rows ?? [];
    let row: Row | null = null;
    for (const i of path) {
      row = rows[i] ?? null;
      rows = row?.children ?? [];
    }
    return row;
  }

  function explanationOf(r: RowView): Explanation | null {
    if (!summary || !eng || r.path.length === 0) return null;
    const parentKey = r.path.slice(0, -1).join('/');
    let list = explanations.get(parentKey);
    if (!list) {
      const parent = r.path.length > 1 ? rowOf(r.path.slice(0, -1)) : null;
      const scope: Summary = parent ? { ...summary, rows: parent.children ?? [], totals: eng.totalsOf(parent.weights) } : summary;
      list = eng.explain(scope, explorer, roles);
      explanations.set(parentKey, list);
    }
    return list[r.path[r.path.length - 1]!] ?? null;
  }

  function detailsOf(r: RowView) {
    const row = r.path.length > 0 ? rowOf(r.path) : null;
    const values = row ? outputValues(row.outputShape) : null;
    const lesson = lessonByType[r.type] ?? (row ? lessonByFamily[row.family] : undefined) ?? null;
    const layerIndex = r.stateId === undefined ? -1 : build.layers.findIndex((l) => l.id === r.stateId);
    const layer = source === 'build' && layerIndex >= 0 ? build.layers[layerIndex]! : null;
    const edit: EditProps | null =
      layer && cat
        ? {
            layer,
            name: r.name,
            index: layerIndex,
            count: build.layers.length,
            sources: sourcesBefore(build, layerIndex).map((sid) => ({
              id: sid,
              name: view!.names?.get(sid) ?? inputName(build, sid, s),
            })),
            catalog: cat,
            problem: view!.problem && view!.problem.stateId === layer.id ? view!.problem : null,
            argLabels,
            onField: (arg, t) => change((st) => setField(st, layer.id, arg, t)),
            onType: (type) => {
              focusAfter.current = '.pl-lab__details-row [data-action="type"]';
              change((st) => {
                const i = st.layers.findIndex((l) => l.id === layer.id);
                return i < 0 ? st : retype(st, i, type, cat);
              });
            },
            onFrom: (from) => change((st) => setFrom(st, layer.id, from)),
            onFrozen: (frozen) => change((st) => setFrozen(st, layer.id, frozen)),
            onMove: (delta) => {
              focusAfter.current = `.pl-lab__details-row [data-action="${delta < 0 ? 'up' : 'down'}"]`;
              change((st) =>
                moveLayer(
                  st,
                  st.layers.findIndex((l) => l.id === layer.id),
                  delta,
                ),
              );
              setAnnounce(fill(delta < 0 ? s.movedUp : s.movedDown, { name: r.name }));
            },
            onDuplicate: () => {
              const i = build.layers.findIndex((l) => l.id === layer.id);
              const next = duplicateLayer(build, i);
              change(() => next);
              setOpen(`#${next.layers[i + 1]!.id}`);
              focusAfter.current = '.pl-lab__details-row [data-action="duplicate"]';
              setAnnounce(fill(s.duplicated, { name: r.name }));
            },
            onRemove: () => {
              const at = build.layers.findIndex((l) => l.id === layer.id);
              const neighbour = build.layers[at + 1] ?? build.layers[at - 1];
              focusAfter.current = neighbour ? `tr[data-row="#${neighbour.id}"] .pl-lab__select` : '[data-action="add"]';
              change((st) =>
                removeLayer(
                  st,
                  st.layers.findIndex((l) => l.id === layer.id),
                ),
              );
              setOpen(null);
              setAnnounce(fill(s.removed, { name: r.name }));
            },
          }
        : null;
    const reading = row?.inferred
      ? {
          inferred: fill(s.readingInferred, { args: eng ? eng.argsText(row.inferred) : '' }),
          alternatives: (row.alternatives ?? []).map((a) => (eng ? eng.argsText(a.args) : '')),
        }
      : null;
    return (
      <LayerDetails
        explanation={r.status ? null : explanationOf(r)}
        weights={(row?.weights ?? []).map((w) => ({ text: `${w.name} ${tupleText(w.shape)}`, trainable: w.trainable }))}
        cost={{
          macs: r.macs,
          macsFormula: row && eng ? eng.macsFormulaOf(row) : null,
          flops: r.flops,
          memory: r.memory,
          memoryValues: values === null ? null : groupDigits(values),
        }}
        lesson={lesson}
        edit={edit}
        reading={reading}
        s={s}
      />
    );
  }

  // --- render ---------------------------------------------------------------------------------------------
  const readProblem = read && !read.ok ? read.error : read?.ok ? (read.problem ?? null) : null;
  // a model the engine refuses has no place in the code; the refused layer's constructor is found by its name
  const engineMark =
    source === 'text' && !readProblem && summary?.error?.layer && summary.error.layerType
      ? findLayer(text, summary.error.layer, summary.error.layerType)
      : null;
  const mark = source === 'text' ? (markOf(readProblem ?? undefined) ?? engineMark) : null;
  const functional = summary ? !summary.sequentialLike : false;
  const brokenId = view?.problem?.stateId;

  const tabLabels: Record<Tab, string> = { build: s.tabBuild, paste: s.tabPaste, file: s.tabFile, gallery: s.tabGallery };

  return (
    <section
      ref={root}
      class="pl-lab"
      aria-label={s.label}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer?.files[0];
        if (f) void openFile(f);
      }}
      data-dragging={dragging ? 'true' : undefined}
      data-ready={ready ? 'true' : 'false'}
      data-engine={eng ? 'true' : 'false'}
      onFocusIn={() => void wake()}
      onPointerDown={() => void wake()}
      data-source={source}
    >
      <p class="pl-lab__privacy">{s.privacy}</p>
      <div role="tablist" aria-label={s.tabsLabel} class="pl-lab__tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            data-tab={t}
            onClick={() => {
              setTab(t);
              if (t === 'paste' || t === 'file') void loadReaders();
            }}
            onKeyDown={(e) => {
              const i = TABS.indexOf(t);
              const next =
                e.key === 'ArrowRight'
                  ? i + 1
                  : e.key === 'ArrowLeft'
                    ? i - 1
                    : e.key === 'Home'
                      ? 0
                      : e.key === 'End'
                        ? TABS.length - 1
                        : null;
              if (next === null) return;
              e.preventDefault();
              const target = TABS[(next + TABS.length) % TABS.length]!;
              setTab(target);
              (e.currentTarget.parentElement?.querySelector(`[data-tab="${target}"]`) as HTMLElement | null)?.focus();
            }}
          >
            {tabLabels[t]}
          </button>
        ))}
      </div>

      {notice && (
        <p class="pl-lab__notice" role="status" data-kind={notice.kind} data-notice>
          {notice.text}{' '}
          {undo && (
            <button
              type="button"
              class="pl-lab__dismiss"
              data-action="undo"
              onClick={() => {
                change(() => undo);
                setUndo(null);
                setNotice(null);
              }}
            >
              {s.undo}
            </button>
          )}
          <button
            type="button"
            class="pl-lab__dismiss"
            onClick={() => {
              setNotice(null);
              setUndo(null);
            }}
          >
            {s.dismiss}
          </button>
        </p>
      )}

      <div role="tabpanel" id={`${id}-panel-build`} aria-labelledby={`${id}-tab-build`} hidden={tab !== 'build'} class="pl-lab__panel">
        <p>{s.buildIntro}</p>
        {source !== 'build' && (
          <p class="pl-lab__notice" data-kind="info">
            {s.buildNotShown}{' '}
            <button type="button" onClick={() => setSource('build')}>
              {s.showBuilder}
            </button>
          </p>
        )}
        <div class="pl-lab__inputs">
          {build.inputs.map((input, i) => {
            const problem = view?.problem && view.problem.stateId === input.id && source === 'build' ? view.problem.message : null;
            const fid = `${id}-input-${input.id}`;
            return (
              <div class="pl-field" key={input.id} data-input={i}>
                <label for={fid}>{build.inputs.length > 1 ? fill(s.inputShapeN, { n: i + 1 }) : s.inputShape}</label>
                <input
                  id={fid}
                  type="text"
                  size={14}
                  value={input.shape}
                  spellcheck={false}
                  aria-invalid={problem !== null}
                  aria-describedby={`${fid}-h${problem ? ` ${fid}-e` : ''}`}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    change((st) => setInputShape(st, input.id, v));
                  }}
                />
                <span id={`${fid}-h`} class="pl-lab__help">
                  {s.inputHelp}
                </span>
                {problem && (
                  <p id={`${fid}-e`} class="pl-field__error">
                    {labelled(s.invalid, problem)}
                  </p>
                )}
                {build.inputs.length > 1 && (
                  <button type="button" onClick={() => change((st) => removeInput(st, input.id))}>
                    {fill(s.removeInput, { n: i + 1 })}
                  </button>
                )}
              </div>
            );
          })}
          <button type="button" data-action="add-input" onClick={() => change((st) => addInput(st, st.inputs[0]?.shape ?? startInput))}>
            {s.addInput}
          </button>
        </div>
        <div class="pl-lab__add">
          <label for={`${id}-add`}>{s.addType}</label>
          <select id={`${id}-add`} value={addType} onChange={(e) => setAddType(e.currentTarget.value)}>
            <TypeOptions types={types} s={s} />
          </select>
          <button type="button" data-action="add" onClick={() => void addLayer()}>
            {openIndex() >= 0 ? s.addAfterOpen : s.add}
          </button>
          <button
            type="button"
            data-action="clear"
            onClick={() => {
              const before = build;
              change(() => emptyState(startInput));
              setOpen(null);
              setUndo(() => before);
              setNotice({ text: s.cleared, kind: 'info', undoable: true });
              setAnnounce(s.cleared);
            }}
          >
            {s.clear}
          </button>
        </div>

        {source === 'build' && view?.outputs && (
          <p class="pl-lab__help" data-note="outputs">
            {fill(s.severalOutputs, { n: view.outputs.length, names: view.outputs.join(s.listSeparator) })}
          </p>
        )}
        {source === 'build' && view?.unusedInputs && (
          <p class="pl-lab__help" data-note="unused-inputs">
            {fill(s.unusedInputs, { names: view.unusedInputs.join(s.listSeparator) })}
          </p>
        )}
      </div>

      <div role="tabpanel" id={`${id}-panel-paste`} aria-labelledby={`${id}-tab-paste`} hidden={tab !== 'paste'} class="pl-lab__panel">
        <label for={`${id}-code`} class="pl-lab__label">
          {s.pasteLabel}
        </label>
        <p id={`${id}-code-h`} class="pl-lab__help">
          {s.pasteHelp}
        </p>
        <CodeEditor
          id={`${id}-code`}
          value={text}
          tokens={tokens}
          mark={mark}
          invalid={readProblem !== null || (source === 'text' && Boolean(view?.problem))}
          describedBy={`${id}-code-h${readProblem || view?.problem ? ` ${id}-code-e` : ''}`}
          placeholder={s.pastePlaceholder}
          onInput={(t) => {
            setText(t);
            setSource('text');
            // colours follow each key; reading the code waits for a pause
            if (readersRef.current) setTokens(readersRef.current.highlightPython(t));
            if (notice?.kind === 'info') setNotice(null);
          }}
        />
        {tooLong && (
          <p class="pl-field__error" data-problem="too-long">
            {labelled(s.invalid, fill(s.pasteTooLarge, { chars: groupDigits(text.length), max: groupDigits(1 << 20) }))}
          </p>
        )}
        {readProblem && (
          <p id={`${id}-code-e`} class="pl-field__error" data-problem="paste">
            {labelled(s.invalid, located(readProblem, diagnosticWords(readProblem), s))}
          </p>
        )}
        {!readProblem && view?.problem && source === 'text' && (
          <p id={`${id}-code-e`} class="pl-field__error" data-problem="paste-model">
            {labelled(
              s.invalid,
              engineMark
                ? fill(s.at, { line: engineMark.line, column: engineMark.column, message: view.problem.message })
                : view.problem.message,
            )}
          </p>
        )}
        {read?.ok && read.kind === 'model' && read.problem && (view?.rows.length ?? 0) > 0 && (
          <p class="pl-lab__notice" data-kind="problem" data-note="partial">
            {fill(s.partialPaste, { line: read.problem.line ?? '?' })}
          </p>
        )}
        {read?.ok && read.notes.length > 0 && (
          <details class="pl-lab__notes">
            <summary>{fill(s.notesCount, { n: read.notes.length })}</summary>
            <ul>
              {read.notes.slice(0, 50).map((n, i) => (
                <li key={i}>{located(n, diagnosticWords(n), s)}</li>
              ))}
            </ul>
          </details>
        )}
        {read?.ok && read.variables && (
          <div class="pl-field">
            <label for={`${id}-variable`}>{s.whichModel}</label>
            <select id={`${id}-variable`} value={variable ?? read.shown} onChange={(e) => setVariable(e.currentTarget.value)}>
              {read.variables.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        )}
        {read?.ok && read.model && source === 'text' && (
          <button type="button" data-action="to-builder" onClick={() => toBuilder(read.model!)}>
            {s.editInBuilder}
          </button>
        )}
        {read?.ok && read.kind === 'printout' && <p class="pl-lab__help">{s.printoutHelp}</p>}
      </div>

      <div role="tabpanel" id={`${id}-panel-file`} aria-labelledby={`${id}-tab-file`} hidden={tab !== 'file'} class="pl-lab__panel">
        <div class="pl-lab__drop" data-dragging={dragging ? 'true' : undefined}>
          <p>{s.dropHere}</p>
          <label for={`${id}-file`} class="pl-lab__label">
            {s.chooseFile}
          </label>{' '}
          <input
            id={`${id}-file`}
            type="file"
            accept=".keras,.json,.py,.txt,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void openFile(f);
              e.currentTarget.value = '';
            }}
          />
          <p class="pl-lab__help">{s.fileHelp}</p>
        </div>
        {source === 'file' && file?.why && <p class="pl-lab__help">{fill(s.notEditable, { why: whyText(file.why, s) })}</p>}
        {source === 'file' && linkNote && <p class="pl-lab__help">{linkNote}</p>}
      </div>

      <div
        role="tabpanel"
        id={`${id}-panel-gallery`}
        aria-labelledby={`${id}-tab-gallery`}
        hidden={tab !== 'gallery'}
        class="pl-lab__panel"
      >
        <ul class="pl-lab__gallery">
          {gallery.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                data-gallery={g.id}
                onClick={() => {
                  void openText(g.code);
                  setOpen(null);
                  setNotice({ text: fill(s.galleryOpened, { title: g.title }), kind: 'info' });
                }}
              >
                <strong>{g.title}</strong>
                <span>{g.blurb}</span>
              </button>
              {g.source && (
                <a class="pl-lab__source" href={g.source.url}>
                  {fill(s.gallerySource, { license: g.source.license })}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>

      <p class="pl-lab__announce" role="status">
        {announce}
      </p>

      <h2 class="pl-lab__heading">{summary ? fill(s.summaryHeading, { name: summary.name }) : s.summaryHeadingEmpty}</h2>
      {!ready && <p>{s.loading}</p>}
      {view?.problem && (
        <p class="pl-field__error" data-problem="model">
          {labelled(s.invalid, view.problem.message)}
        </p>
      )}
      {((view && view.rows.length === 0 && !view.problem) || (!view && ready && source === 'build')) && (
        <p class="pl-lab__empty">{s.noLayers}</p>
      )}
      {view && summary && (
        <>
          <SummaryTable
            caption={fill(s.caption, { name: summary.name })}
            rows={view.rows}
            totals={view.totals}
            functional={functional}
            open={open}
            expanded={expanded}
            brokenId={brokenId}
            limit={limit}
            s={s}
            onToggle={toggle}
            onExpand={expand}
            onMore={more}
            details={details}
          />
          <output class="pl-lab__totals" aria-live="polite">
            <span data-line="total">
              {s.totalParams}
              {s.colon}
              <strong data-result="total">{view.totals.params}</strong>
            </span>
            {view.pending.length > 0 && <span data-line="partial">{fill(s.totalsPartial, { n: view.pending.length })}</span>}
            <span data-line="macs">
              {view.totals.macs === null ? s.macsUnknown : fill(s.macsTotal, { macs: view.totals.macs, flops: view.totals.flops ?? '?' })}
            </span>
          </output>
          <p class="pl-lab__help">{fill(s.convention, { perMac: FLOPS_PER_MAC })}</p>
          <h3>{s.chartHeading}</h3>
          <ParamBars rows={view.rows} s={s} total={summary.totals.params} />
          <details class="pl-lab__export-box" onToggle={(e) => setExporting(e.currentTarget.open)}>
            <summary>{s.exportHeading}</summary>
            {linkNote && <p class="pl-lab__help">{linkNote}</p>}
            {/* mounted only when opened: the exports and Shiki load then, not with the model */}
            {exporting && <Exports summary={summary} model={view.model} s={s} />}
          </details>
        </>
      )}
    </section>
  );
}

/** A weight's shape as Python prints a tuple: `(3, 3, 32, 64)`, `(64,)`. */
const tupleText = (shape: readonly (number | null)[]): string => (shape.length === 1 ? `(${shape[0]},)` : shapeText([...shape]));

function inputName(state: LabState, id: number, s: LabStrings): string {
  const i = state.inputs.findIndex((x) => x.id === id);
  return fill(s.inputN, { n: i + 1 });
}

function whyText(why: NotEditable, s: LabStrings): string {
  switch (why.why) {
    case 'nested':
      return fill(s.whyNested, { layer: why.layer });
    case 'custom':
      return fill(s.whyCustom, { layer: why.layer });
    case 'unknown-type':
      return fill(s.whyUnknown, { layer: why.layer, type: why.type });
    case 'shared':
      return fill(s.whyShared, { layer: why.layer });
    case 'call':
      return fill(s.whyCall, { layer: why.layer });
    case 'no-input':
      return s.whyNoInput;
  }
}

/** `line 3, column 5: …` when the diagnostic has a place in the text. */
function located(d: { line?: number; column?: number }, words: string, s: LabStrings): string {
  return d.line !== undefined ? fill(s.at, { line: d.line, column: d.column ?? 1, message: words }) : words;
}

/** Where the parameters live: one bar per top-level layer with weights, in model order. */
function ParamBars({ rows, s, total }: { rows: RowView[]; s: LabStrings; total: number }) {
  const weighted = rows.filter((r) => r.depth === 0 && r.paramCount > 0);
  if (weighted.length === 0 || total <= 0) return <p class="pl-lab__help">{s.chartEmpty}</p>;
  const max = Math.max(...weighted.map((r) => r.paramCount));
  const shown = weighted.slice(0, 300);
  return (
    <div class="pl-lab__chart-scroll pl-scroll">
      <ol class="pl-lab__chart" aria-label={s.chartHeading}>
        {shown.map((r) => {
          const share = (100 * r.paramCount) / total;
          return (
            <li key={r.key}>
              <span class="pl-lab__bar-name">{r.name}</span>
              <span class="pl-lab__bar-track" aria-hidden="true">
                <span class="pl-lab__bar" style={{ width: `${Math.max((100 * r.paramCount) / max, 0.5)}%` }} />
              </span>
              <span class="pl-lab__bar-value">
                {r.params} ({share < 0.1 ? '<0.1' : share.toFixed(1)}%)
              </span>
            </li>
          );
        })}
      </ol>
      {weighted.length > shown.length && <p class="pl-lab__help">{fill(s.chartMore, { n: weighted.length - shown.length })}</p>}
    </div>
  );
}
