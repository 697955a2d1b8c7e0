/**
 * What the kernel picture draws for a convolution, read off the weights src/calc built: how
 * many kernels, each how big (window × input channels), and whether each has a bias. Conv
 * kernels are `(*window, C_in, filters)`, transposed ones `(*window, filters, C_in)`, depthwise
 * ones `(*window, C_in, depth multiplier)`; a separable conv is a depthwise step then a 1×1 one.
 */
import type { Weight } from '@calc/basics.ts';

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
export function kernelPlan(type: string, weights: readonly Weight[]): KernelBlock[] | null {
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
  if (/Depthwise/.test(type)) {
    const out = find(weights, 'bias')?.shape[0];
    return [{ what: 'depthwise', count: out ?? a * b, window, depth: 1, multiplier: b, bias }];
  }
  if (!/Conv/.test(type)) return null;
  return /Transpose/.test(type)
    ? [{ what: 'filters', count: a, window, depth: b, multiplier: 1, bias }]
    : [{ what: 'filters', count: b, window, depth: a, multiplier: 1, bias }];
}
