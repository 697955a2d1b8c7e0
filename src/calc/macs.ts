/**
 * Multiply-accumulates (MACs): how many products a layer adds up for one example in one forward
 * pass. Specs return them as a Term (registry.ts `Built.macs`) so a calculator can show the
 * arithmetic, as it shows the parameter formula. The convention, stated where the numbers appear:
 * one MAC per kernel weight per position the kernel is applied at, plus attention's two products
 * of activations (scores and their weighted sum); bias additions, activations, pooling,
 * normalisation and element-wise merges are not counted; FLOPs = 2 × MACs.
 */
import { add, mul, num, type Term, type TermRole } from './explain.ts';
import type { Dim, Shape } from './types.ts';

const OUTPUT_AXES: Record<number, TermRole[]> = {
  1: ['output length'],
  2: ['output height', 'output width'],
  3: ['output depth', 'output height', 'output width'],
};
const INPUT_AXES: Record<number, TermRole[]> = {
  1: ['input length'],
  2: ['input height', 'input width'],
  3: ['input depth', 'input height', 'input width'],
};

/** Sizes as factors of a product, each with its role; null when one is unknown (`None`). */
function factors(dims: readonly Dim[], roles: (i: number) => TermRole): Term[] | null {
  const out: Term[] = [];
  for (const [i, d] of dims.entries()) {
    if (d === null) return null;
    out.push(num(d, roles(i)));
  }
  return out;
}

/** The output cells a convolution's kernel is applied at: its spatial axes of `shape`. */
export const outputCells = (shape: Shape, axes: readonly number[]): Term[] | null =>
  factors(
    axes.map((a) => shape[a] ?? null),
    (i) => OUTPUT_AXES[axes.length]?.[i] ?? 'positions',
  );

/** The input cells a transposed convolution spreads its kernel from. */
export const inputCells = (shape: Shape, axes: readonly number[]): Term[] | null =>
  factors(
    axes.map((a) => shape[a] ?? null),
    (i) => INPUT_AXES[axes.length]?.[i] ?? 'positions',
  );

/** The positions a layer working on the last axis repeats at: every axis between the batch and the last. */
export const positions = (shape: Shape, role: TermRole = 'positions'): Term[] | null => factors(shape.slice(1, -1), () => role);

/** A product of factors, or null when any part is unknown. */
export function product(...parts: (Term | readonly Term[] | null)[]): Term | null {
  const terms: Term[] = [];
  for (const p of parts) {
    if (p === null) return null;
    if (Array.isArray(p)) terms.push(...(p as Term[]));
    else terms.push(p as Term);
  }
  return terms.length === 1 ? terms[0]! : mul(...terms);
}

/** A sum of parts (a separable conv's two steps), or null when any part is unknown. */
export function total(...parts: (Term | null)[]): Term | null {
  if (parts.some((p) => p === null)) return null;
  return parts.length === 1 ? parts[0]! : add(...(parts as Term[]));
}

/** A sum of MAC counts (a layer's calls, a model's rows); unknown when one of them is. */
export function addMacs(counts: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const c of counts) {
    if (c === null) return null;
    sum += c;
  }
  return sum;
}

/** Floating-point operations per multiply-accumulate: one multiplication and one addition. */
export const FLOPS_PER_MAC = 2;

/** The FLOPs of a MAC count (unknown stays unknown). */
export const flopsOf = (macs: number | null): number | null => (macs === null ? null : FLOPS_PER_MAC * macs);

/** A model's multiply-accumulates and FLOPs for one example: its rows' MACs added up. */
export function computeTotals(rows: readonly { macs: number | null }[]): { macs: number | null; flops: number | null } {
  const macs = addMacs(rows.map((r) => r.macs));
  return { macs, flops: flopsOf(macs) };
}
