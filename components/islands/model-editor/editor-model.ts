/**
 * The model editor's state as data: a list of layers, each a Keras class and the text the reader
 * typed into its fields, plus the input shape's text. What was typed is kept as typed (so a wrong
 * value stays on screen with its message); `toModel` turns it into the Keras arguments src/calc
 * reads, and src/calc judges them. A field starts at Keras's default when Keras has one (src/calc's
 * `kerasDefaults`, read at build time into `Starts`); only an argument Keras requires gets a
 * starting value here.
 */
import { Namer, SIZE_LIMIT, type LayerArgs, type SequentialModel, type Shape } from '@calc/basics.ts';

/** How a field's text becomes a Keras argument. */
export type FieldKind =
  /** A whole number: `filters`, `units`. */
  | 'int'
  /** An int or a tuple (`3` or `3, 5`): `kernel_size`, `strides`, `pool_size`. */
  | 'tuple'
  /** One of a few strings: `padding`. */
  | 'choice'
  /** A number between 0 and 1: Dropout's `rate`. */
  | 'fraction';

export interface FieldSpec {
  /** The Keras keyword argument, as Python writes it. */
  arg: string;
  kind: FieldKind;
  /**
   * The text a new layer starts with, for an argument Keras requires (`filters`, `units`); an
   * argument with a Keras default leaves it out and starts at that default (see `startsFrom`).
   */
  initial?: string;
  options?: readonly string[];
  /** Empty text means Python's None (MaxPooling2D's `strides` then equals `pool_size`). */
  optional?: boolean;
  /** One letter for the URL encoding of a choice. */
  codes?: Record<string, string>;
}

const padding: FieldSpec = {
  arg: 'padding',
  kind: 'choice',
  options: ['valid', 'same'],
  codes: { valid: 'v', same: 's' },
};

/** The layers the editor offers, with the arguments that change their shapes and counts. */
export const EDITOR_LAYERS = {
  Conv2D: {
    code: 'c',
    fields: [
      { arg: 'filters', kind: 'int', initial: '32' },
      { arg: 'kernel_size', kind: 'tuple', initial: '3' },
      { arg: 'strides', kind: 'tuple' },
      padding,
    ],
  },
  MaxPooling2D: {
    code: 'm',
    fields: [{ arg: 'pool_size', kind: 'tuple' }, { arg: 'strides', kind: 'tuple', optional: true }, padding],
  },
  Dense: { code: 'd', fields: [{ arg: 'units', kind: 'int', initial: '64' }] },
  Flatten: { code: 'f', fields: [] },
  Dropout: { code: 'o', fields: [{ arg: 'rate', kind: 'fraction', initial: '0.5' }] },
  BatchNormalization: { code: 'b', fields: [] },
} as const satisfies Record<string, { code: string; fields: readonly FieldSpec[] }>;

export type EditorType = keyof typeof EDITOR_LAYERS;
export const EDITOR_TYPES = Object.keys(EDITOR_LAYERS) as EditorType[];

export const isEditorType = (type: string): type is EditorType => Object.hasOwn(EDITOR_LAYERS, type);

export const fieldsOf = (type: EditorType): readonly FieldSpec[] => EDITOR_LAYERS[type].fields;

export interface EditorLayer {
  /** Stable across edits and moves, so a layer keeps its last good numbers and its focus. */
  id: number;
  type: EditorType;
  /** What the reader typed, by argument name. */
  fields: Record<string, string>;
}

export interface EditorState {
  /** The input shape without the batch axis, as typed: `28, 28, 1`. */
  input: string;
  layers: EditorLayer[];
  /** The next layer id to hand out. */
  nextId: number;
}

/** The text every field of every editor layer starts with, by type and argument. */
export type Starts = Readonly<Record<EditorType, Readonly<Record<string, string>>>>;

/**
 * Each field's starting text: the editor's own value for an argument Keras requires, else Keras's
 * default as `kerasDefaults(type)` gives it (None shows as an empty field). Called at build time;
 * a field with neither stops the build, naming it.
 */
export function startsFrom(kerasDefaults: (type: EditorType) => LayerArgs | undefined): Starts {
  const starts = {} as Record<EditorType, Record<string, string>>;
  for (const type of EDITOR_TYPES) {
    const defaults = kerasDefaults(type) ?? {};
    starts[type] = {};
    for (const f of fieldsOf(type)) {
      if (f.initial !== undefined) starts[type][f.arg] = f.initial;
      else if (Object.hasOwn(defaults, f.arg)) starts[type][f.arg] = argText(defaults[f.arg]);
      else throw new Error(`the model editor's ${type} field \`${f.arg}\` has no starting value and Keras no default`);
    }
  }
  return starts;
}

/** A layer of `type` with its starting values. */
export function newLayer(type: EditorType, id: number, starts: Starts): EditorLayer {
  return { id, type, fields: { ...starts[type] } };
}

/** An argument value as a field shows it: `3`, `3, 5`, empty for None. */
export function argText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.every((v) => v === value[0]) && value.length > 0 ? String(value[0]) : value.map(String).join(', ');
  return String(value);
}

/**
 * The editor state for a lesson's Sequential model. Returns the types it cannot edit instead, so
 * the lesson's author hears about them at build time.
 */
export function fromModel(model: SequentialModel, starts: Starts): { ok: true; state: EditorState } | { ok: false; unsupported: string[] } {
  const unsupported = model.layers.filter((l) => !isEditorType(l.type) || l.model).map((l) => l.type);
  if (unsupported.length > 0) return { ok: false, unsupported };
  const layers = model.layers.map((l, id) => {
    const type = l.type as EditorType;
    const fields = Object.fromEntries(
      fieldsOf(type).map((f) => {
        const v = l.args?.[f.arg];
        return [f.arg, v === undefined ? starts[type][f.arg]! : argText(v)];
      }),
    );
    return { id, type, fields };
  });
  return { ok: true, state: { input: inputText(model.input ?? []), layers, nextId: layers.length } };
}

/** `28, 28, 1` from `[null, 28, 28, 1]` (the batch axis is not typed). */
export const inputText = (shape: Shape): string =>
  shape
    .slice(1)
    .map((d) => (d === null ? 'None' : String(d)))
    .join(', ');

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `3, 5`, `3 5`, `3x5`, `(3, 5)` → ['3', '5']: commas or spaces separate, an x only between digits. */
const tokens = (text: string): string[] =>
  text
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/(\d)\s*[x×]\s*(?=\d)/g, '$1,')
    .split(/[\s,]+/)
    .filter((p) => p !== '');

/** A number when the text reads as one, else the text itself, so src/calc can quote it back. */
export function typedNumber(text: string): unknown {
  const t = text.trim();
  const n = Number(t);
  return NUMBER.test(t) && Number.isFinite(n) ? n : t;
}

/** `3` → 3, `3, 5` / `3x5` / `(3, 5)` → [3, 5]; anything else is passed on for src/calc to reject. */
export function typedTuple(text: string): unknown {
  const parts = tokens(text);
  if (parts.length > 1 && parts.every((p) => NUMBER.test(p))) return parts.map(Number);
  return parts.length === 1 ? typedNumber(parts[0]!) : text.trim();
}

/**
 * The first number typed into a layer's whole-number fields past the size limit the calculators
 * share (src/calc/size-limit.ts), as the field and the number; null when none is. src/calc would
 * count such a layer; the editor refuses it in the calculators' words instead.
 */
export function pastLimit(layer: EditorLayer): { arg: string; entered: number | string } | null {
  for (const f of fieldsOf(layer.type)) {
    if (f.kind !== 'int' && f.kind !== 'tuple') continue;
    const v = f.kind === 'int' ? typedNumber(layer.fields[f.arg] ?? '') : typedTuple(layer.fields[f.arg] ?? '');
    const over = (Array.isArray(v) ? v : [v]).find((x) => typeof x === 'number' && Number.isInteger(x) && x > SIZE_LIMIT);
    // a number past exact arithmetic (1e20) is quoted as typed, as the calculators quote it
    if (over !== undefined)
      return { arg: f.arg, entered: Number.isSafeInteger(over) ? (over as number) : (layer.fields[f.arg] ?? '').trim() };
  }
  return null;
}

/** The Keras arguments a layer's fields describe. */
export function layerArgs(layer: EditorLayer): LayerArgs {
  const args: LayerArgs = {};
  for (const f of fieldsOf(layer.type)) {
    const text = layer.fields[f.arg] ?? '';
    if (f.optional && text.trim() === '') args[f.arg] = null;
    else if (f.kind === 'tuple') args[f.arg] = typedTuple(text);
    else if (f.kind === 'choice') args[f.arg] = text;
    else args[f.arg] = typedNumber(text);
  }
  return args;
}

export type InputShapeResult = { ok: true; shape: Shape } | { ok: false; problem: 'empty' | 'notDim'; text: string };

/**
 * The typed input shape with the batch axis: whole numbers from 1 to SIZE_LIMIT (the calculators'
 * input rule) or None, separated by commas (`28, 28, 1`, also `(28, 28, 1)` or `28x28x1`).
 */
export function parseInputShape(text: string): InputShapeResult {
  const parts = tokens(text);
  if (parts.length === 0) return { ok: false, problem: 'empty', text };
  const dims: Shape = [null];
  for (const part of parts) {
    if (/^none$/i.test(part)) dims.push(null);
    else if (/^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= SIZE_LIMIT) dims.push(Number(part));
    else return { ok: false, problem: 'notDim', text: part };
  }
  return { ok: true, shape: dims };
}

/** The Sequential model the editor state describes, or the input shape's problem. */
export function toModel(
  state: EditorState,
): { ok: true; model: SequentialModel } | { ok: false; problem: 'empty' | 'notDim'; text: string } {
  const input = parseInputShape(state.input);
  if (!input.ok) return input;
  return {
    ok: true,
    model: { kind: 'sequential', input: input.shape, layers: state.layers.map((l) => ({ type: l.type, args: layerArgs(l) })) },
  };
}

/** Move the layer at `index` by `delta` places (−1 up, +1 down); out of range leaves the list as is. */
export function moveLayer(layers: readonly EditorLayer[], index: number, delta: -1 | 1): EditorLayer[] {
  const to = index + delta;
  if (index < 0 || index >= layers.length || to < 0 || to >= layers.length) return [...layers];
  const next = [...layers];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Keras's names for the layers, as a fresh session would give them (what summarize assigns). */
export function namesOf(state: EditorState): string[] {
  const namer = new Namer('keras3');
  return state.layers.map((l) => namer.layer(l.type));
}
