/**
 * The rows of the padding comparison: one axis, one window, each framework's rule. The numbers
 * come from src/calc (conv-arithmetic through framework-arithmetic); this module only decides
 * which rules a preset compares and checks what the reader typed.
 */
import {
  caffeConvLength,
  caffePoolLength,
  causalLeftPadding,
  kerasConvLength,
  kerasPoolLength,
  pytorchConvLength,
  pytorchPoolLength,
  samePadding,
  SIZE_LIMIT,
  type LengthResult,
} from '@calc/basics.ts';
import type { PaddingPreset } from '@lessons/types.ts';

export type FieldKey = 'length' | 'kernel' | 'stride' | 'dilation' | 'padding';

export interface Values {
  length: number;
  kernel: number;
  stride: number;
  dilation: number;
  padding: number;
  ceilMode: boolean;
}

/** The number fields' slider ranges; the number box takes up to the size limit every calculator shares. */
export const FIELDS: readonly { key: FieldKey; min: number; max: number }[] = [
  { key: 'length', min: 1, max: 128 },
  { key: 'kernel', min: 1, max: 11 },
  { key: 'stride', min: 1, max: 8 },
  { key: 'dilation', min: 1, max: 6 },
  { key: 'padding', min: 0, max: 5 },
];
export const HARD_MAX = SIZE_LIMIT;

/** The fields a preset's kind shows: pooling in Keras and Caffe has no dilation. */
export const fieldsFor = (kind: PaddingPreset['kind']): FieldKey[] =>
  FIELDS.map((f) => f.key).filter((k) => !(kind === 'pool' && k === 'dilation'));

export type RowId =
  | 'keras-valid'
  | 'keras-same'
  | 'keras-causal'
  | 'keras-pool-valid'
  | 'keras-pool-same'
  | 'pytorch-conv'
  | 'pytorch-pool'
  | 'caffe-conv'
  | 'caffe-pool';

/** Which rules each kind of comparison lists, in order. */
const ROWS_OF_KIND: Record<'conv' | 'pool' | 'mixed', RowId[]> = {
  conv: ['keras-valid', 'keras-same', 'keras-causal', 'pytorch-conv', 'caffe-conv'],
  pool: ['keras-pool-valid', 'keras-pool-same', 'pytorch-pool', 'caffe-pool'],
  mixed: ['keras-valid', 'keras-same', 'keras-causal', 'pytorch-conv', 'pytorch-pool', 'caffe-pool'],
};

/** A padding the rule adds by itself, to show next to its length. */
export type Added =
  | { kind: 'same'; total: number; before: number; after: number; formula: string }
  | { kind: 'causal'; total: number; formula: string };

export interface CompareRow {
  id: RowId;
  result: LengthResult;
  added?: Added;
}

/** The starting values a preset describes. */
export function presetValues(p: PaddingPreset): Values {
  return {
    length: p.input ?? p.length ?? 28,
    kernel: p.kernel,
    stride: p.stride,
    dilation: p.kind === 'pool' ? 1 : (p.dilation ?? 1),
    padding: p.padding ?? 0,
    ceilMode: p.ceilMode ?? false,
  };
}

/** Every rule of the preset's kind on the same window. */
export function compareRows(v: Values, kind: PaddingPreset['kind']): CompareRow[] {
  const w = { length: v.length, kernel: v.kernel, stride: v.stride, dilation: v.dilation };
  const padded = { ...w, padding: v.padding };
  const samePad = (dilation: number): Added | undefined => {
    const p = samePadding({ ...w, dilation });
    return p.ok ? { kind: 'same', total: p.total, before: p.before, after: p.after, formula: p.formula } : undefined;
  };
  const run = (id: RowId): CompareRow => {
    switch (id) {
      case 'keras-valid':
        return { id, result: kerasConvLength(w, 'valid') };
      case 'keras-same': {
        const result = kerasConvLength(w, 'same');
        const added = result.ok ? samePad(v.dilation) : undefined;
        return added ? { id, result, added } : { id, result };
      }
      case 'keras-causal': {
        const result = kerasConvLength(w, 'causal');
        const pad = causalLeftPadding(v.kernel, v.dilation);
        return result.ok ? { id, result, added: { kind: 'causal', total: pad.total, formula: pad.formula } } : { id, result };
      }
      case 'keras-pool-valid':
        return { id, result: kerasPoolLength(w, 'valid') };
      case 'keras-pool-same': {
        const result = kerasPoolLength(w, 'same');
        const added = result.ok ? samePad(1) : undefined;
        return added ? { id, result, added } : { id, result };
      }
      case 'pytorch-conv':
        return { id, result: pytorchConvLength(padded) };
      case 'pytorch-pool':
        return { id, result: pytorchPoolLength({ ...padded, ceilMode: v.ceilMode }) };
      case 'caffe-conv':
        return { id, result: caffeConvLength(padded) };
      case 'caffe-pool':
        return { id, result: caffePoolLength(padded) };
    }
  };
  return ROWS_OF_KIND[kind ?? 'mixed'].map(run);
}

export type FieldProblem =
  | { problem: 'empty' }
  | { problem: 'notNumber'; text: string }
  | { problem: 'notWhole'; text: string }
  | { problem: 'tooSmall'; min: number; text: string }
  | { problem: 'tooLarge'; max: number; text: string };

/** A number box's text as a whole number in range, or what is wrong with it. */
export function readField(text: string, min: number, max = HARD_MAX): { ok: true; value: number } | ({ ok: false } & FieldProblem) {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'empty' };
  const n = Number(t);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) || !Number.isFinite(n)) return { ok: false, problem: 'notNumber', text: t };
  if (!Number.isInteger(n)) return { ok: false, problem: 'notWhole', text: t };
  if (n < min) return { ok: false, problem: 'tooSmall', min, text: t };
  if (n > max) return { ok: false, problem: 'tooLarge', max, text: t };
  return { ok: true, value: n };
}

/** URL parameter names: `<id>.length`, …, `<id>.ceil_mode`. */
export const paramName = (id: string, key: FieldKey | 'ceil_mode'): string => `${id}.${key}`;

/**
 * The values a page address carries for this comparison, over `start`. A value that does not read
 * is left out and named, so the island can say it was ignored.
 */
export function valuesFromUrl(search: string, id: string, start: Values, keys: readonly FieldKey[]): { values: Values; ignored: string[] } {
  const params = new URLSearchParams(search);
  const values = { ...start };
  const ignored: string[] = [];
  for (const key of keys) {
    const raw = params.get(paramName(id, key));
    if (raw === null) continue;
    const spec = FIELDS.find((f) => f.key === key)!;
    const read = readField(raw, spec.min);
    if (read.ok) values[key] = read.value;
    else ignored.push(`${paramName(id, key)}=${raw.slice(0, 20)}`);
  }
  const ceil = params.get(paramName(id, 'ceil_mode'));
  if (ceil === '1' || ceil === '0') values.ceilMode = ceil === '1';
  else if (ceil !== null) ignored.push(`${paramName(id, 'ceil_mode')}=${ceil.slice(0, 20)}`);
  return { values, ignored };
}
