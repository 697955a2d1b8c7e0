/**
 * Arithmetic for working back from a printed count to a layer's arguments (each spec's `infer` in layers/):
 * the divisors and factorizations a count allows, and the window sizes a printed length allows.
 * Candidates may be generous; the engine rebuilds each and keeps only exact ones.
 */
import type { Dim, LayerArgs, Shape } from './types.ts';

/** The most candidates one factorization yields (a prime count has few; 2^20 has many). */
const MAX_FACTORIZATIONS = 64;

/** `n / d` when it is a whole number ≥ 1, else undefined. */
export function exactQuotient(n: number, d: number): number | undefined {
  if (d <= 0 || !Number.isSafeInteger(n)) return undefined;
  const q = n / d;
  return Number.isSafeInteger(q) && q >= 1 ? q : undefined;
}

/** Divisors of n in increasing order, the small ones only (up to `max`). */
export function divisors(n: number, max = 4096): number[] {
  const out: number[] = [];
  if (!Number.isSafeInteger(n) || n < 1) return out;
  for (let d = 1; d <= Math.min(n, max); d++) if (n % d === 0) out.push(d);
  return out;
}

/**
 * Ordered ways to write n as a product of `rank` whole numbers (a kernel of that many axes),
 * the most even first: 9 → [3, 3], [1, 9], [9, 1]; each factor at most `maxFactor`.
 */
export function factorizations(n: number, rank: number, maxFactor = 64): number[][] {
  const out: number[][] = [];
  const walk = (left: number, prefix: number[]): void => {
    if (out.length >= MAX_FACTORIZATIONS) return;
    if (prefix.length === rank - 1) {
      if (left <= maxFactor) out.push([...prefix, left]);
      return;
    }
    for (const d of divisors(left, maxFactor)) walk(left / d, [...prefix, d]);
  };
  if (Number.isSafeInteger(n) && n >= 1 && rank >= 1) walk(n, []);
  const spread = (f: number[]) => Math.max(...f) - Math.min(...f);
  return out.sort((a, b) => spread(a) - spread(b));
}

/** The last axis, the channels of a channels_last tensor. */
export const lastAxis = (shape: Shape | undefined): Dim | undefined => (shape ? shape[shape.length - 1] : undefined);

/** A window's stride and dilation along one axis, and the input length they read. */
export interface Window {
  stride: number;
  dilation: number;
  input: Dim;
}

/**
 * The stride (then dilation) that takes a window of `kernel` over `input` positions to `output`
 * positions: ⌊(in − d (k − 1) − 1) / s⌋ + 1 for valid padding, ⌈in / s⌉ for same. An unknown input
 * (a first layer) is read with stride 1 as the length that gives `output`.
 */
export function windowFor(input: Dim | undefined, kernel: number, output: Dim, padding: 'valid' | 'same'): Window | undefined {
  if (input === undefined)
    return { stride: 1, dilation: 1, input: output === null ? null : padding === 'valid' ? output + kernel - 1 : output };
  if (input === null || output === null) return input === output ? { stride: 1, dilation: 1, input } : undefined;
  if (output < 1) return undefined;
  for (const dilation of padding === 'valid' ? [1, 2, 3, 4] : [1]) {
    const span = dilation * (kernel - 1) + 1;
    if (padding === 'valid' && input < span) continue;
    // the smallest stride that gives `output` positions, solved rather than searched (lengths can be huge)
    const stride: number = padding === 'valid' ? Math.floor((input - span) / output) + 1 : Math.max(1, Math.ceil(input / output));
    const length: number = padding === 'valid' ? Math.floor((input - span) / stride) + 1 : Math.ceil(input / stride);
    if (length === output) return { stride, dilation, input };
  }
  return undefined;
}

/** A transposed window's stride: in × s + max(k − s, 0) positions for valid padding, in × s for same. */
export function transposeWindow(input: Dim | undefined, kernel: number, output: Dim, padding: 'valid' | 'same'): Window | undefined {
  if (output === null) return input === undefined || input === null ? { stride: 1, dilation: 1, input: null } : undefined;
  for (let stride = 1; stride <= 8; stride++) {
    const length = (n: number) => (padding === 'same' ? n * stride : n * stride + Math.max(kernel - stride, 0));
    if (input === undefined) {
      const n = padding === 'same' ? output / stride : (output - Math.max(kernel - stride, 0)) / stride;
      if (Number.isSafeInteger(n) && n >= 1) return { stride, dilation: 1, input: n };
    } else if (input !== null && length(input) === output) return { stride, dilation: 1, input };
  }
  return undefined;
}

/** One way a sliding kernel may have made a printed output: its sizes, padding, and each axis's window. */
export interface KernelReading {
  kernel: number[];
  padding: 'valid' | 'same';
  windows: Window[];
  /** `strides`, `dilation_rate` and `padding` as Keras arguments, each only when not its default. */
  args: LayerArgs;
}

/**
 * Every kernel of `size` weights per channel pair (the most even first) and padding whose windows
 * take the input lengths to the printed ones (`window` is windowFor, or transposeWindow).
 */
export function kernelReadings(
  size: number,
  rank: number,
  inputs: readonly (Dim | undefined)[],
  outputs: readonly Dim[],
  window: typeof windowFor,
): KernelReading[] {
  const out: KernelReading[] = [];
  for (const kernel of factorizations(size, rank)) {
    for (const padding of ['valid', 'same'] as const) {
      const windows = kernel.map((k, i) => window(inputs[i], k, outputs[i] ?? null, padding));
      if (windows.some((w) => w === undefined)) continue;
      const ws = windows as Window[];
      const args: LayerArgs = {};
      if (ws.some((w) => w.stride !== 1)) args['strides'] = ws.map((w) => w.stride);
      if (ws.some((w) => w.dilation !== 1)) args['dilation_rate'] = ws.map((w) => w.dilation);
      if (padding === 'same') args['padding'] = padding;
      out.push({ kernel, padding, windows: ws, args });
    }
  }
  return out;
}
