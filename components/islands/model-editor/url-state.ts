/**
 * The editor's model in one short, URL-safe query value, so a reader can share what they built:
 * `model=i28x28x1_c32-3_m2_c64-3_m2_c64-3_f_d64_d10`. Segments are separated by `_`; the first is
 * the input shape (`i` + dims joined by `x`, `n` for None); each layer is its one-letter code and
 * its arguments in the order of EDITOR_LAYERS, joined by `-`, trailing starting values left out
 * (a tuple is `3x5`, padding `v`/`s`, an empty argument means None).
 *
 * Decoding trusts nothing: an address is typed by strangers, so every piece is checked against
 * the table and refused with the segment that failed.
 */
import {
  argText,
  EDITOR_LAYERS,
  EDITOR_TYPES,
  fieldsOf,
  layerArgs,
  newLayer,
  parseInputShape,
  type EditorLayer,
  type EditorState,
  type EditorType,
  type FieldSpec,
  type Starts,
} from './editor-model.ts';

const DIM = /^(\d{1,16}|n)$/;
const WHOLE = /^\d{1,16}$/;
const TUPLE = /^\d{1,16}(x\d{1,16}){0,2}$/;
const FRACTION = /^(0|1)(\.\d{1,8})?$/;
const safe = (text: string): boolean => text.split('x').every((d) => d === 'n' || Number.isSafeInteger(Number(d)));

/** Longer values are not something the editor writes; refuse before looking. */
export const MAX_ENCODED_LENGTH = 2000;
export const MAX_LAYERS = 64;

/** The layer type for each one-letter code. */
const TYPE_OF_CODE = new Map<string, EditorType>(EDITOR_TYPES.map((t) => [EDITOR_LAYERS[t].code, t]));

/** One argument's value in the URL, from what src/calc would receive; null when it cannot be written. */
function encodeArg(field: FieldSpec, value: unknown): string | null {
  if (value === null) return field.optional ? '' : null;
  if (field.kind === 'choice') return typeof value === 'string' ? (field.codes?.[value] ?? null) : null;
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (field.kind === 'int') return whole(value) ? String(value) : null;
  if (field.kind === 'tuple') {
    if (whole(value)) return String(value);
    return Array.isArray(value) && value.length > 0 && value.every(whole) ? value.join('x') : null;
  }
  // a fraction must read back the same: `0.5`, not `1e-7` (whose `-` would split the segment)
  return typeof value === 'number' && value <= 1 && FRACTION.test(String(value)) ? String(value) : null;
}

/** One layer's segment, or null when one of its fields holds text the URL cannot carry. */
function encodeLayer(layer: EditorLayer, starts: Starts): string | null {
  const fields = fieldsOf(layer.type);
  const args = layerArgs(layer);
  const values: string[] = [];
  for (const f of fields) {
    const v = encodeArg(f, args[f.arg]);
    if (v === null) return null;
    values.push(v);
  }
  // leave out trailing arguments that still have their starting value
  const startArgs = layerArgs(newLayer(layer.type, 0, starts));
  while (values.length > 0) {
    const f = fields[values.length - 1]!;
    const start = encodeArg(f, startArgs[f.arg]);
    if (values[values.length - 1] !== start) break;
    values.pop();
  }
  return [EDITOR_LAYERS[layer.type].code + (values[0] ?? ''), ...values.slice(1)].join('-');
}

/** The state as a `model=` value, or null when some field holds text that is not a value (the URL keeps the last good model then). */
export function encodeModel(state: EditorState, starts: Starts): string | null {
  const input = parseInputShape(state.input);
  if (!input.ok) return null;
  const segments = [
    `i${input.shape
      .slice(1)
      .map((d) => (d === null ? 'n' : String(d)))
      .join('x')}`,
  ];
  for (const layer of state.layers) {
    const s = encodeLayer(layer, starts);
    if (s === null) return null;
    segments.push(s);
  }
  return segments.join('_');
}

export type Decoded = { ok: true; state: EditorState } | { ok: false; segment: string; position: number };

/** One argument from the URL as the text its field shows, or null when it is not a valid value of that field. */
function decodeArg(field: FieldSpec, raw: string): string | null {
  if (raw === '') return field.optional ? '' : null;
  switch (field.kind) {
    case 'int':
      return WHOLE.test(raw) && safe(raw) ? String(Number(raw)) : null;
    case 'tuple':
      return TUPLE.test(raw) && safe(raw) ? argText(raw.split('x').map(Number)) : null;
    case 'fraction':
      return FRACTION.test(raw) && Number(raw) <= 1 ? raw : null;
    case 'choice': {
      const found = Object.entries(field.codes ?? {}).find(([, code]) => code === raw);
      return found ? found[0] : null;
    }
  }
}

/** The editor state a `model=` value describes, or the first segment that is not valid. */
export function decodeModel(value: string, starts: Starts): Decoded {
  const bad = (segment: string, position: number): Decoded => ({ ok: false, segment: segment.slice(0, 40), position });
  if (value.length > MAX_ENCODED_LENGTH) return bad(value, 0);
  if (!/^[A-Za-z0-9x._-]+$/.test(value)) return bad(value, 0);
  const [head = '', ...rest] = value.split('_');
  if (!head.startsWith('i')) return bad(head, 0);
  const dims = head.slice(1).split('x');
  if (dims.length > 5 || !dims.every((d) => DIM.test(d) && safe(d))) return bad(head, 0);
  const input = dims.map((d) => (d === 'n' ? 'None' : String(Number(d)))).join(', ');
  if (!parseInputShape(input).ok) return bad(head, 0);
  if (rest.length > MAX_LAYERS) return bad(rest[MAX_LAYERS] ?? '', MAX_LAYERS + 1);
  const layers: EditorLayer[] = [];
  for (const [i, segment] of rest.entries()) {
    const type = TYPE_OF_CODE.get(segment.charAt(0));
    if (!type) return bad(segment, i + 1);
    const fields = fieldsOf(type);
    const raw = segment.length > 1 ? segment.slice(1).split('-') : [];
    if (raw.length > fields.length) return bad(segment, i + 1);
    const layer = newLayer(type, i, starts);
    for (const [j, text] of raw.entries()) {
      const field = fields[j]!;
      const shown = decodeArg(field, text);
      if (shown === null) return bad(segment, i + 1);
      layer.fields[field.arg] = shown;
    }
    layers.push(layer);
  }
  return { ok: true, state: { input, layers, nextId: layers.length } };
}
