/**
 * What the kernel picture draws for a convolution, read off the row src/calc built: its weights
 * (how many kernels, each how big, whether each has a bias) and its shape steps (a transposed
 * window, or channels multiplied by a depth multiplier rather than set to `filters`). Conv kernels
 * are `(*window, C_in, filters)`, transposed ones `(*window, filters, C_in)`, depthwise ones
 * `(*window, C_in, depth multiplier)`; a separable conv is a depthwise step then a 1×1 one.
 */
import { isWindowStep, type Weight } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';

/** One row of identical kernels. */
export interface KernelBlock {
  what: 'filters' | 'depthwise' | 'pointwise';
  /** How many kernels of this kind the layer has. */
  count: number;
  /** The spatial window: `[3, 3]`, `[5]`, `[3, 3, 3]`. */
  window: number[];
  /** Input channels each kernel spans (1 for a depthwise kernel). */
  depth: number;
  /** The depth multiplier, for depthwise kernels. */
  multiplier: number;
  bias: boolean;
}

const find = (weights: readonly Weight[], name: string): Weight | undefined => weights.find((w) => w.name === name);

/** The blocks to draw for a layer, or null when it is not a convolution. */
export function kernelPlan(row: Pick<Row, 'family' | 'steps' | 'weights'>): KernelBlock[] | null {
  if (row.family !== 'convolution') return null;
  const weights = row.weights;
  const bias = find(weights, 'bias') !== undefined;
  const depthwise = find(weights, 'depthwise_kernel');
  const pointwise = find(weights, 'pointwise_kernel');
  const kernel = find(weights, 'kernel') ?? depthwise;
  if (!kernel || kernel.shape.length < 3) return null;
  const window = kernel.shape.slice(0, -2);
  const [a, b] = kernel.shape.slice(-2) as [number, number];
  if (pointwise) {
    const [mid, filters] = pointwise.shape.slice(-2) as [number, number];
    return [
      { what: 'depthwise', count: mid, window, depth: 1, multiplier: b, bias: false },
      { what: 'pointwise', count: filters, window: window.map(() => 1), depth: mid, multiplier: 1, bias },
    ];
  }
  // a depthwise conv multiplies its channels (Keras 3 names its kernel plain `kernel`)
  if (depthwise || row.steps.some((s) => s.rule === 'multiply')) {
    const out = find(weights, 'bias')?.shape[0];
    return [{ what: 'depthwise', count: out ?? a * b, window, depth: 1, multiplier: b, bias }];
  }
  return row.steps.some((s) => s.rule.startsWith('transpose'))
    ? [{ what: 'filters', count: a, window, depth: b, multiplier: 1, bias }]
    : [{ what: 'filters', count: b, window, depth: a, multiplier: 1, bias }];
}

/**
 * The output map one filter produces, as its lengths along the sliding axes (`[26, 26]`), read off
 * the row's window steps; null when a length is unknown or the layer has no sliding window.
 */
export function outputMap(row: Pick<Row, 'steps'>): number[] | null {
  const lengths = row.steps.filter(isWindowStep).map((s) => s.result[0]);
  return lengths.length > 0 && lengths.every((n): n is number => typeof n === 'number') ? lengths : null;
}
