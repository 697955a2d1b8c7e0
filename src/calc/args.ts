/**
 * Reading Keras keyword arguments the way Keras does: an int where a tuple is expected is
 * repeated (`kernel_size=3` → `(3, 3)`), `None` falls back to the documented default.
 * Every reader fails with a LayerProblem that names the argument.
 */
import { fail } from './problem.ts';
import type { LayerArgs } from './types.ts';

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));

/** A whole number ≥ `min` (1 unless said otherwise). */
export function int(args: LayerArgs, key: string, min = 1): number {
  const v = args[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(`must be a whole number, got ${show(v)}`, key);
  if (v < min) fail(`must be at least ${min}, got ${v}`, key);
  return v;
}

/** A whole number, or null/undefined. */
export function optionalInt(args: LayerArgs, key: string, min = 1): number | null {
  const v = args[key];
  return v === null || v === undefined ? null : int(args, key, min);
}

export function num(args: LayerArgs, key: string): number {
  const v = args[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`must be a number, got ${show(v)}`, key);
  return v;
}

export function bool(args: LayerArgs, key: string): boolean {
  const v = args[key];
  if (typeof v !== 'boolean') fail(`must be True or False, got ${show(v)}`, key);
  return v;
}

export function oneOf<T extends string>(args: LayerArgs, key: string, options: readonly T[]): T {
  const v = args[key];
  const lower = typeof v === 'string' ? v.toLowerCase() : v;
  if (typeof lower !== 'string' || !(options as readonly string[]).includes(lower)) {
    fail(`must be one of ${options.map((o) => `"${o}"`).join(', ')}, got ${show(v)}`, key);
  }
  return lower as T;
}

/** An int or a tuple of `rank` ints, each ≥ `min`: Keras's `standardize_tuple`. */
export function tuple(args: LayerArgs, key: string, rank: number, min = 1): number[] {
  const v = args[key];
  const values = typeof v === 'number' ? Array<number>(rank).fill(v) : v;
  if (!Array.isArray(values)) fail(`must be an integer or a tuple of ${rank} integers, got ${show(v)}`, key);
  if (values.length !== rank) fail(`must have ${rank} value${rank > 1 ? 's' : ''}, got ${show(v)}`, key);
  for (const x of values) {
    if (typeof x !== 'number' || !Number.isInteger(x)) fail(`must contain whole numbers, got ${show(v)}`, key);
    if (x < min) fail(`values must be at least ${min}, got ${show(v)}`, key);
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
  return fail(`must be "channels_last" or "channels_first", got ${show(v)}`, key);
}

/** Per-side padding/cropping: int → same everywhere; tuple of ints → symmetric per axis; tuple of pairs. */
export function pairs(args: LayerArgs, key: string, rank: number): [number, number][] {
  const v = args[key];
  const bad = (): never => fail(`must be an int, a tuple of ${rank} ints or a tuple of ${rank} (before, after) pairs, got ${show(v)}`, key);
  const nonNeg = (x: unknown): number => {
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
