/**
 * Calculator fields as data: where a field's value goes (a layer argument or an input axis), how
 * the text a reader typed becomes that value, and which field an engine diagnostic or a formula
 * number belongs to. No DOM and no arithmetic: the numbers themselves come from src/calc.
 */
import {
  isShapeList,
  shapeList,
  type DiagnosticCode,
  type DiagnosticValues,
  type LayerArgs,
  type LayerConfig,
  type Shape,
  type SizeRule,
} from '@calc/basics.ts';
import type { CalculatorPreset, Field } from '@lessons/types.ts';

/**
 * A preset with Keras's defaults for each of its layer types, looked up once at build time
 * (calculator/prepare.ts), so the browser needs no layer registry to know that Conv2D has
 * `strides` or that DepthwiseConv2D has no `filters`.
 */
export interface Prepared extends CalculatorPreset {
  defaults: Record<string, LayerArgs>;
  /**
   * Per field, the whole numbers it takes (src/calc/field-rules.ts: the spec's own minimum, or the
   * input rule, up to the one size limit), so every calculator refuses the same values; null for
   * choices and flags.
   */
  rules: (SizeRule | null)[];
}

/** A field's target, parsed: `input[1]`, `inputs[1][2]`, `filters`, `kernel_size[0]`, `layers[1].units`. */
export type Target =
  /** `input` null: `input[a]`, axis a of every input; otherwise `inputs[input][axis]`. */
  | { kind: 'input'; input: number | null; axis: number }
  /** `layer` null: every layer that takes the argument; `index` null: the whole argument. */
  | { kind: 'arg'; layer: number | null; name: string; index: number | null };

const TARGET = /^(?:inputs\[(\d+)\]\[(\d+)\]|input\[(\d+)\]|(?:layers\[(\d+)\]\.)?([A-Za-z_]\w*)(?:\[(\d+)\])?)$/;

/** Words of the target syntax itself, never argument names. */
const RESERVED = new Set(['input', 'inputs', 'layers']);

/** Read a target string; null when it is not one of the forms above. */
export function parseTarget(target: string): Target | null {
  const m = TARGET.exec(target);
  if (!m) return null;
  const n = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
  if (m[1] !== undefined) return { kind: 'input', input: Number(m[1]), axis: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'input', input: null, axis: Number(m[3]) };
  if (RESERVED.has(m[5]!)) return null;
  return { kind: 'arg', layer: n(m[4]), name: m[5]!, index: n(m[6]) };
}

/** What a field hands to the engine: a number (possibly not whole: the engine judges), an option or a flag. */
export type FieldValue = number | string | boolean;

/**
 * Why the typed text never reached the engine, as an engine diagnostic code and its values, so the
 * view words it from the same dictionaries as the engine's own problems (and the model editor's).
 */
export interface ParseProblem {
  code: DiagnosticCode;
  values: DiagnosticValues;
}

export type Parsed = { ok: true; value: FieldValue } | { ok: false; problem: ParseProblem };

const refuse = (code: DiagnosticCode, values: DiagnosticValues = {}): Parsed => ({ ok: false, problem: { code, values } });

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** `18,496`, `18 496`, `18_496`: digit groups a reader may type or paste. */
const GROUPED = /^[+-]?\d{1,3}([,_ \u00a0\u202f]\d{3})+$/;

/** A number box's text as a number: full-width digits (a Chinese IME) and digit grouping are fine; the sign and fractions are judged by the field's rule. */
export function parseNumber(text: string): number | null {
  let t = text
    .normalize('NFKC')
    .trim()
    .replace(/^\u2212/, '-');
  if (GROUPED.test(t)) t = t.replace(/[,_ \u00a0\u202f]/g, '');
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The text of a field as the value it stands for, or why it cannot be one. A number field is
 * judged by its rule (Prepared.rules) before the engine sees it, so a calculator with several
 * layers says it once, and every calculator says it in the same words.
 */
export function parseFieldText(field: Field, text: string, rule: SizeRule | null = null): Parsed {
  if (field.kind === 'int') {
    const typed = text.trim();
    if (typed === '') return refuse('arg-empty-whole-number');
    const max = rule?.max ?? Number.MAX_SAFE_INTEGER;
    const n = parseNumber(text);
    // digits too many to hold exactly are a number all the same: too large (or too small), not "not a number"
    const digits = /^[+-]?\d+$/.test(typed.normalize('NFKC'));
    if (n === null && !digits) return refuse('arg-not-whole-number', { entered: typed });
    if (n !== null && !Number.isInteger(n)) return refuse('arg-not-whole-number', { entered: n });
    // a number past exact arithmetic is quoted as typed, not as 1e+300 written out
    const entered = n !== null && Number.isSafeInteger(n) ? n : typed;
    const negative = n === null ? typed.startsWith('-') : n < 0;
    if (rule !== null && (n === null ? negative : n < rule.min)) return refuse('arg-too-small', { min: rule.min, entered });
    if (n === null || Math.abs(n) > max) return refuse('size-too-large', { max, entered });
    return { ok: true, value: n };
  }
  if (field.kind === 'bool') {
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return refuse('arg-not-option', { options: ['true', 'false'], entered: text });
  }
  return field.options.includes(text) ? { ok: true, value: text } : refuse('arg-not-option', { options: field.options, entered: text });
}

/** The Keras defaults of a layer type; empty for a type Param Lab does not know. */
const defaultsOf = (preset: Pick<Prepared, 'defaults'>, type: string): LayerArgs =>
  Object.hasOwn(preset.defaults, type) ? preset.defaults[type]! : {};

/** A layer "has" an argument when the preset gives it or Keras has a default for it. */
const takesArg = (preset: Pick<Prepared, 'defaults'>, layer: CalculatorPreset['layers'][number], name: string): boolean =>
  Object.hasOwn(layer.args ?? {}, name) || Object.hasOwn(defaultsOf(preset, layer.type), name);

/** The layers an argument field sets: the one it names, else every layer that has the argument (all of them if none does). */
export function layersOf(preset: Pick<Prepared, 'layers' | 'defaults'>, target: Extract<Target, { kind: 'arg' }>): number[] {
  if (target.layer !== null) return target.layer < preset.layers.length ? [target.layer] : [];
  const all = preset.layers.map((_, i) => i);
  if (all.length === 1) return all;
  const taking = all.filter((i) => takesArg(preset, preset.layers[i]!, target.name));
  return taking.length > 0 ? taking : all;
}

/** The input axes a target names, as [input index, axis] pairs. */
function inputAxes(target: Extract<Target, { kind: 'input' }>, count: number): [number, number][] {
  if (target.input !== null) return target.input < count ? [[target.input, target.axis]] : [];
  return Array.from({ length: count }, (_, i) => [i, target.axis]);
}

/** What a whole calculator asks the engine: each layer, and the input shape(s) they are all called on. */
export interface Applied {
  layers: LayerConfig[];
  input: Shape | Shape[];
}

/** Number of spatial axes a tuple argument has: its own length, else the input's rank minus batch and channels. */
function tupleLength(current: unknown, input: Shape, index: number): number {
  if (Array.isArray(current)) return Math.max(current.length, index + 1);
  return Math.max(input.length - 2, index + 1);
}

/** How narrow a target is: naming one layer, one axis of an argument or one of several inputs each count. */
const specificity = (t: Target | null): number =>
  t === null ? 0 : t.kind === 'input' ? Number(t.input !== null) : Number(t.layer !== null) + Number(t.index !== null);

/** The preset with each field's value put where its target says; fields with no value (null) are left as the preset has them. */
export function applyValues(preset: Prepared, values: readonly (FieldValue | null)[]): Applied {
  const shapes = shapeList(preset.input).map((s) => [...s]);
  const layers: LayerConfig[] = preset.layers.map((l) => ({ type: l.type, args: { ...(l.args ?? {}) } }));
  const targets = preset.fields.map((f) => parseTarget(f.target));
  // the narrower target wins whatever the field order: `kernel_size[0]` over `kernel_size`, `layers[1].units` over `units`
  const order = targets.map((_, i) => i).sort((a, b) => specificity(targets[a] ?? null) - specificity(targets[b] ?? null));
  for (const i of order) {
    const value = values[i];
    const target = targets[i] ?? null;
    if (value === null || value === undefined || target === null) continue;
    if (target.kind === 'input') {
      for (const [k, axis] of inputAxes(target, shapes.length)) {
        const shape = shapes[k]!;
        if (axis < shape.length) shape[axis] = value as number;
      }
      continue;
    }
    for (const li of layersOf(preset, target)) {
      const args = layers[li]!.args!;
      if (target.index === null) {
        args[target.name] = value;
        continue;
      }
      const current = Object.hasOwn(args, target.name) ? args[target.name] : defaultsOf(preset, layers[li]!.type)[target.name];
      const tuple = Array.isArray(current)
        ? [...(current as unknown[])]
        : Array<unknown>(tupleLength(current, shapes[0] ?? [], target.index)).fill(current ?? value);
      tuple[target.index] = value;
      args[target.name] = tuple;
    }
  }
  return { layers, input: isShapeList(preset.input) ? shapes : (shapes[0] ?? []) };
}

/** The value a field starts with: what the preset says at its target, else Keras's default; null when neither says. */
export function startValue(preset: Prepared, field: Field): FieldValue | null {
  const target = parseTarget(field.target);
  if (target === null) return null;
  if (target.kind === 'input') {
    const [k, axis] = inputAxes(target, shapeList(preset.input).length)[0] ?? [0, -1];
    const d = shapeList(preset.input)[k]?.[axis];
    return typeof d === 'number' ? d : null;
  }
  const li = layersOf(preset, target)[0];
  if (li === undefined) return null;
  const layer = preset.layers[li]!;
  const args = layer.args ?? {};
  let v = Object.hasOwn(args, target.name) ? args[target.name] : defaultsOf(preset, layer.type)[target.name];
  if (target.index !== null && Array.isArray(v)) v = v[target.index];
  if (Array.isArray(v) && target.index === null) {
    // a whole-argument field over a tuple starts from its value only when every axis agrees
    const axes: unknown[] = v;
    v = axes.every((x) => x === axes[0]) ? axes[0] : null;
  }
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

/** A value as the text its control shows. */
export const valueText = (v: FieldValue | null): string => (v === null ? '' : String(v));

/** Every field's starting text. */
export const startTexts = (preset: Prepared): string[] => preset.fields.map((f) => valueText(startValue(preset, f)));

/** `kernel_size[1]` → name and index; `input_shape[0][2]` → name and two indices. */
function splitArg(arg: string): { name: string; indices: number[] } {
  const name = arg.replace(/\[.*$/, '');
  const indices = [...arg.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return { name, indices };
}

/**
 * The field an engine argument name belongs to in a given layer (`kernel_size[0]` → the field
 * targeting `kernel_size[0]`, or `kernel_size` as a whole; `input_shape[1]` → `input[1]`), or null.
 */
export function fieldForArg(preset: Prepared, arg: string, layer: number): number | null {
  const { name, indices } = splitArg(arg);
  const targets = preset.fields.map((f) => parseTarget(f.target));
  if (name === 'input_shape') {
    const [input, axis] = indices.length > 1 ? [indices[0]!, indices[1]!] : [0, indices[0]];
    const i = targets.findIndex((t) => t?.kind === 'input' && t.axis === axis && (t.input === null || t.input === input));
    return i >= 0 ? i : null;
  }
  const index = indices[0] ?? null;
  const candidates = targets
    .map((t, i) => ({ t, i }))
    .filter(
      (c): c is { t: Extract<Target, { kind: 'arg' }>; i: number } =>
        c.t?.kind === 'arg' && c.t.name === name && (c.t.layer === null || c.t.layer === layer) && layersOf(preset, c.t).includes(layer),
    )
    // a field for this layer alone overrides the shared one (see applyValues), so it is the one to blame
    .sort((a, b) => Number(b.t.layer !== null) - Number(a.t.layer !== null));
  // the exact axis first, then the whole argument, then any axis of it (a 1-D layer says `kernel_size` for `kernel_size[0]`)
  const exact = candidates.find((c) => c.t.index === index);
  const whole = candidates.find((c) => c.t.index === null);
  return (exact ?? whole ?? candidates[0])?.i ?? null;
}
