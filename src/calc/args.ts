/**
 * Reading Keras keyword arguments the way Keras does: an int where a tuple is expected is
 * repeated (`kernel_size=3` → `(3, 3)`), `None` falls back to the documented default.
 * Every reader fails with a LayerProblem that names the argument.
 */
import { fail } from './problem.ts';
import type { LayerArgs } from './types.ts';

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

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
  if (typeof v !== 'number' || !Number.isInteger(v)) fail('arg-not-whole-number', { got: show(v) }, key);
  if (v < min) fail('arg-too-small', { min, got: v }, key);
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
  if (typeof v !== 'number' || Number.isNaN(v)) fail('arg-not-number', { got: show(v) }, key);
  return v;
}

export function bool(args: LayerArgs, key: string): boolean {
  const v = args[key];
  if (v === undefined) fail('arg-required', {}, key);
  if (typeof v !== 'boolean') fail('arg-not-boolean', { got: show(v) }, key);
  return v;
}

export function oneOf<T extends string>(args: LayerArgs, key: string, options: readonly T[]): T {
  const v = args[key];
  const lower = typeof v === 'string' ? v.toLowerCase() : v;
  if (v === undefined) fail('arg-required', {}, key);
  if (typeof lower !== 'string' || !(options as readonly string[]).includes(lower)) {
    fail('arg-not-option', { options, got: show(v) }, key);
  }
  return lower as T;
}

/** An int or a tuple of `rank` ints, each ≥ `min`: Keras's `standardize_tuple`. */
export function tuple(args: LayerArgs, key: string, rank: number, min = 1): number[] {
  const v = args[key];
  const values = typeof v === 'number' ? Array<number>(rank).fill(v) : v;
  refuseUnusable(v, key);
  if (!Array.isArray(values)) fail('arg-not-int-or-tuple', { rank, got: show(v) }, key);
  if (values.length !== rank) fail('arg-tuple-length', { rank, got: show(v) }, key);
  for (const x of values) {
    refuseUnusable(x, key);
    if (typeof x !== 'number' || !Number.isInteger(x)) fail('arg-tuple-not-whole', { got: show(v) }, key);
    if (x < min) fail('arg-tuple-too-small', { min, got: show(v) }, key);
  }
  return values as number[];
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
  return fail('arg-not-data-format', { got: show(v) }, key);
}

/** Per-side padding/cropping: int → same everywhere; tuple of ints → symmetric per axis; tuple of pairs. */
export function pairs(args: LayerArgs, key: string, rank: number): [number, number][] {
  const v = args[key];
  refuseUnusable(v, key);
  const bad = (): never => fail('arg-not-pairs', { rank, got: show(v) }, key);
  const nonNeg = (x: unknown): number => {
    refuseUnusable(x, key);
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) bad();
    return x as number;
  };
  if (typeof v === 'number') return Array.from({ length: rank }, () => [nonNeg(v), nonNeg(v)]);
  if (!Array.isArray(v)) return bad();
  // a 1-D layer takes a bare (left, right) pair
  if (rank === 1 && v.length === 2 && v.every((x) => typeof x === 'number')) return [[nonNeg(v[0]), nonNeg(v[1])]];
  if (v.length !== rank) return bad();
  return v.map((p) => {
    if (typeof p === 'number') return [nonNeg(p), nonNeg(p)];
    if (Array.isArray(p) && p.length === 2) return [nonNeg(p[0]), nonNeg(p[1])];
    return bad();
  });
}
