/**
 * What a per-layer parameter chart draws: the layers that have parameters, in model order, and
 * when there are too many to read, the largest ones plus one bar for all the others.
 */
import type { Row } from '@calc/engine.ts';

export interface Bar {
  name: string;
  type: string;
  params: number;
  /** The bar that stands for several small layers. */
  others?: number;
}

export type Scale = 'linear' | 'log';

/** Layers with parameters, in order; past `top` of them, the `top` largest and an "others" bar. */
export function chartBars(rows: readonly Row[], top: number): Bar[] {
  const withParams = rows.filter((r) => r.params > 0).map((r) => ({ name: r.name, type: r.type, params: r.params }));
  if (withParams.length <= top) return withParams;
  const kept = new Set([...withParams].sort((a, b) => b.params - a.params).slice(0, top));
  const rest = withParams.filter((b) => !kept.has(b));
  return [
    ...withParams.filter((b) => kept.has(b)),
    { name: '', type: '', params: rest.reduce((n, b) => n + b.params, 0), others: rest.length },
  ];
}

/** A bar's length in `width` units: proportional to the count, or to its logarithm (a count of 1 still shows). */
export function barLength(params: number, max: number, scale: Scale, width: number): number {
  if (params <= 0 || max <= 0) return 0;
  const fraction = scale === 'linear' ? params / max : Math.log10(params + 1) / Math.log10(max + 1);
  return Math.max(1, fraction * width);
}

/** A share of the total as a percentage with one decimal: `74.3%`; a nonzero share never reads as 0. */
export function shareText(params: number, total: number): string {
  if (total <= 0) return '0%';
  const pct = (params / total) * 100;
  return pct > 0 && pct < 0.1 ? '<0.1%' : `${pct.toFixed(1)}%`;
}
