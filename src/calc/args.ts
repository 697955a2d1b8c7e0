/**
 * Reading Keras keyword arguments the way Keras does: an int where a tuple is expected is
 * repeated (`kernel_size=3` → `(3, 3)`), `None` falls back to the documented default.
 * Every reader fails with a LayerProblem that names the argument.
 */
import type { DiagnosticValue } from './diagnostics.ts';
import { fail } from './problem.ts';
import type { LayerArgs } from './types.ts';

/** What a reader or a file gave, as data a message can quote (args are JSON or Python literals). */
const entered = (v: unknown): DiagnosticValue =>
  v === null || ['string', 'number', 'boolean', 'object'].includes(typeof v) ? (v as DiagnosticValue) : String(v);

/** Blank text where a number belongs: the model editor passes its fields as typed. */
const isBlank = (v: unknown): boolean => typeof v === 'string' && v.trim() === '';

/**
 * A value no reader can go on from: missing, or a number beyond exact arithmetic (JSON's `1e400`
 * arrives as Infinity, which JSON.stringify would print as `null`).
 */
function refuseUnusable(v: unknown, key: string, exact = true): void {
  if (v === undefined) fail('arg-required', {}, key);
  if (typeof v !== 'number') return;
  if (v === Infinity || v === -Infinity) fail('arg-number-too-large', {}, key);
  if (exact && Math.abs(v) > Number.MAX_SAFE_INTEGER) fail('arg-too-large', { max: Number.MAX_SAFE_INTEGER }, key);
}

/** A whole number ≥ `min` (1 unless said otherwise), at most Number.MAX_SAFE_INTEGER. */
export function int(args: LayerArgs, key: string, min = 1): number {
  const v = args[key];
  refuseUnusable(v, key);
  if (isBlank(v)) fail('arg-empty-whole-number', {}, key);
  if (typeof v !== 'number' || !Number.isInteger(v)) fail('arg-not-whole-number', { entered: entered(v) }, key);
  if (v < min) fail('arg-too-small', { min, entered: v }, key);
  return v;
}

/** A whole number, or null/undefined. */
export function optionalInt(args: LayerArgs, key: string, min = 1): number | null {
  const v = args[key];
  return v === null || v === undefined ? null : int(args, key, min);
}

export function num(args: LayerArgs, key: string): number {
  const v = args[key];
  // a float (a rate, a max_value) may be large; only Infinity is unusable
  refuseUnusable(v, key, false);
  if (isBlank(v)) fail('arg-empty-number', {}, key);
  if (typeof v !== 'number' || Number.isNaN(v)) fail('arg-not-number', { entered: entered(v) }, key);
  return v;
}

export function bool(args: LayerArgs, key: string): boolean {
  const v = args[key];
  if (v === undefined) fail('arg-required', {}, key);
  if (typeof v !== 'boolean') fail('arg-not-boolean', { entered: entered(v) }, key);
  return v;
}

export function oneOf<T extends string>(args: LayerArgs, key: string, options: readonly T[]): T {
  const v = args[key];
  const lower = typeof v === 'string' ? v.toLowerCase() : v;
  if (v === undefined) fail('arg-required', {}, key);
  if (typeof lower !== 'string' || !(options as readonly string[]).includes(lower)) {
    fail('arg-not-option', { options, entered: entered(v) }, key);
  }
  return lower as T;
}

/**
 * Element `index` of a tuple argument of `axes` elements: a whole number ≥ `min`. A problem names
 * the element (`kernel_size[1]`) and quotes it alone, so a calculator marks that axis's field.
 */
function item(x: unknown, key: string, index: number, axes: number, min: number): number {
  const at = `${key}[${index}]`;
  if (typeof x === 'number' && (!Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER)) {
    fail('arg-item-too-large', { max: Number.MAX_SAFE_INTEGER, infinite: !Number.isFinite(x), axes }, at);
  }
  if (typeof x !== 'number' || !Number.isInteger(x)) fail('arg-item-not-whole-number', { entered: entered(x), axes }, at);
  if (x < min) fail('arg-item-too-small', { min, entered: x, axes }, at);
  return x;
}

/**
 * An int or a tuple of `rank` ints, each ≥ `min`: Keras's `standardize_tuple`. An int stands for
 * every axis, so a problem with it is a problem with the whole argument.
 */
export function tuple(args: LayerArgs, key: string, rank: number, min = 1): number[] {
  const v = args[key];
  if (typeof v === 'number') return Array<number>(rank).fill(int(args, key, min));
  refuseUnusable(v, key);
  if (isBlank(v)) fail('arg-empty-whole-number', {}, key);
  if (!Array.isArray(v)) return fail('arg-not-int-or-tuple', { rank, entered: entered(v) }, key);
  if (v.length !== rank) fail('arg-tuple-length', { rank, entered: entered(v) }, key);
  return v.map((x, i) => item(x, key, i, rank, min));
}

/** An optional tuple: `null`/`undefined` → `fallback`. */
export function tupleOr(args: LayerArgs, key: string, rank: number, fallback: number[], min = 1): number[] {
  const v = args[key];
  return v === null || v === undefined ? fallback : tuple(args, key, rank, min);
}

export type DataFormat = 'channels_last' | 'channels_first';

/** `data_format`: None means the Keras config default, channels_last; tfjs writes camelCase. */
export function dataFormat(args: LayerArgs, key = 'data_format'): DataFormat {
  const v = args[key];
  if (v === null || v === undefined || v === 'channels_last' || v === 'channelsLast') return 'channels_last';
  if (v === 'channels_first' || v === 'channelsFirst') return 'channels_first';
  return fail('arg-not-data-format', { entered: entered(v) }, key);
}

/**
 * Per-side padding/cropping: int → same everywhere; tuple of ints → symmetric per axis; tuple of
 * (before, after) pairs. A bad number inside names its axis (`padding[1]`), as tuple does.
 */
export function pairs(args: LayerArgs, key: string, rank: number): [number, number][] {
  const v = args[key];
  if (typeof v === 'number') {
    const n = int(args, key, 0);
    return Array.from({ length: rank }, () => [n, n]);
  }
  refuseUnusable(v, key);
  if (isBlank(v)) fail('arg-empty-whole-number', {}, key);
  const bad = (): never => fail('arg-not-pairs', { rank, entered: entered(v) }, key);
  if (!Array.isArray(v)) return bad();
  const side = (x: unknown, axis: number): number => item(x, key, axis, rank, 0);
  // a 1-D layer takes a bare (left, right) pair
  if (rank === 1 && v.length === 2 && v.every((x) => typeof x === 'number')) return [[side(v[0], 0), side(v[1], 0)]];
  if (v.length !== rank) return bad();
  return v.map((p, axis) => {
    if (typeof p === 'number') return [side(p, axis), side(p, axis)];
    if (Array.isArray(p) && p.length === 2) return [side(p[0], axis), side(p[1], axis)];
    return bad();
  });
}
