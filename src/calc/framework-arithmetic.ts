/**
 * Output lengths the way other frameworks compute them, next to Keras's, so a lesson can show why
 * the same kernel and stride give different sizes: PyTorch pads a chosen amount on each side and
 * floors (or ceils with `ceil_mode`), Caffe's pooling ceils, TensorFlow's "same" pads whatever is
 * needed for ⌈L / s⌉ and puts the odd pixel at the bottom/right. Keras's own numbers come from
 * conv-arithmetic.ts; this file only adds the text of their arithmetic.
 *
 * Every rule returns a value: the length with its arithmetic written out, or the reason there is
 * none. Nothing here throws on bad input.
 */
import { causalPad, convLength, droppedTail, poolLength, samePadSplit } from './conv-arithmetic.ts';

/** One spatial axis and the window sliding along it. */
export interface Window {
  /** The input length L. */
  length: number;
  /** The kernel (or pool) size k. */
  kernel: number;
  /** The stride s. */
  stride: number;
  /** The dilation d (1 = none). */
  dilation?: number;
  /** Explicit padding p on each side (PyTorch, Caffe). */
  padding?: number;
}

/** Why a rule gives no length. */
export type LengthProblem =
  /** An argument is not a whole number in range. */
  | 'bad-argument'
  /** The window does not fit even once. */
  | 'no-window'
  /** PyTorch pooling: the padding is more than half the kernel. Caffe pooling: not smaller than the kernel. */
  | 'padding-too-large'
  /** Keras 3 refuses strides > 1 together with dilation_rate > 1. */
  | 'stride-and-dilation'
  /** Caffe's pooling has no dilation. */
  | 'no-dilation';

export type LengthResult =
  | {
      ok: true;
      length: number;
      /** The arithmetic with the numbers substituted: `⌊(28 + 2 × 1 − 3) / 2⌋ + 1 = ⌊27 / 2⌋ + 1 = 14`. */
      formula: string;
      /** True when a ceil rule dropped its last window because it would start in the right padding. */
      clipped: boolean;
    }
  | { ok: false; problem: LengthProblem; message: string; formula?: string };

/** The padding TensorFlow adds for `padding="same"` on one axis. */
export interface SamePadding {
  ok: true;
  /** ⌈L / s⌉. */
  length: number;
  /** Total padding: max((out − 1) × s + d × (k − 1) + 1 − L, 0). */
  total: number;
  /** Top / left: ⌊total / 2⌋. */
  before: number;
  /** Bottom / right: the rest, so an odd total puts the extra pixel here. */
  after: number;
  /** `max((14 − 1) × 2 + 3 − 28, 0) = 1` */
  formula: string;
}

/** Above this the numbers stop being meaningful for a lesson and arithmetic stays far from 2^53. */
export const MAX_WINDOW_ARGUMENT = 1_000_000_000;

/** `−3` with a real minus sign, as the lessons print arithmetic. */
const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** ⌊a / b⌋ for integers, exact (no rounding of a float quotient). */
export function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b;
  return (a - r) / b;
}

/** ⌈a / b⌉ for integers, exact. */
export function ceilDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

/** The window's arguments, checked: whole numbers, L ≥ 1, k/s/d ≥ 1, p ≥ 0. */
function checked(w: Window): { ok: true; L: number; k: number; s: number; d: number; p: number } | { ok: false; message: string } {
  const entries: [string, number | undefined, number][] = [
    ['length', w.length, 1],
    ['kernel', w.kernel, 1],
    ['stride', w.stride, 1],
    ['dilation', w.dilation ?? 1, 1],
    ['padding', w.padding ?? 0, 0],
  ];
  for (const [name, v, min] of entries) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > MAX_WINDOW_ARGUMENT) {
      return { ok: false, message: `${name} must be a whole number from ${min} to ${MAX_WINDOW_ARGUMENT}, got ${String(v)}` };
    }
  }
  return { ok: true, L: w.length, k: w.kernel, s: w.stride, d: w.dilation ?? 1, p: w.padding ?? 0 };
}

const badArgument = (message: string): LengthResult => ({ ok: false, problem: 'bad-argument', message });

/** `1 × (3 − 1)`: d(k − 1), how far a dilated kernel reaches past its first tap. */
const dilatedText = (d: number, k: number): string => `${d} × (${k} − 1)`;

/** The window's span d(k − 1) + 1 as text: just `3` without dilation, `(2 × (3 − 1) + 1)` with it. */
const spanText = (d: number, k: number): string => (d === 1 ? String(k) : `(${dilatedText(d, k)} + 1)`);

/**
 * The floored rule PyTorch's and Caffe's convolutions share, per axis:
 * ⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1, with no window when the dilated kernel spans more than the
 * padded input. `showNoWindowResult` writes the floored negative result out in that case.
 */
function paddedConvLength(w: Window, showNoWindowResult: boolean): LengthResult {
  const c = checked(w);
  if (!c.ok) return badArgument(c.message);
  const { L, k, s, d, p } = c;
  const span = d * (k - 1) + 1;
  const numerator = L + 2 * p - span;
  const head = `⌊(${L} + 2 × ${p} − ${spanText(d, k)}) / ${s}⌋ + 1`;
  if (numerator < 0) {
    const tried = `${head} = ⌊${signed(numerator)} / ${s}⌋ + 1`;
    const formula = showNoWindowResult ? `${tried} = ${signed(floorDiv(numerator, s) + 1)}` : tried;
    return {
      ok: false,
      problem: 'no-window',
      formula,
      message: `the kernel spans ${span}, more than the padded input ${L} + 2 × ${p} = ${L + 2 * p}`,
    };
  }
  const length = floorDiv(numerator, s) + 1;
  return { ok: true, length, clipped: false, formula: `${head} = ⌊${numerator} / ${s}⌋ + 1 = ${length}` };
}

/**
 * The end the two ceiling pooling rules share: when `mayClip`, a last window that would start in
 * the right padding, (out − 1) × s ≥ L + p, is dropped (the formula adds `→ out − 1`); an output
 * with no positions left is no window.
 */
function dropWindowInPadding(
  length: number,
  formula: string,
  mayClip: boolean,
  { L, s, p }: { L: number; s: number; p: number },
): LengthResult {
  const clipped = mayClip && (length - 1) * s >= L + p;
  const kept = clipped ? length - 1 : length;
  const written = clipped ? `${formula} → ${signed(kept)}` : formula;
  if (kept < 1) return { ok: false, problem: 'no-window', formula: written, message: `the output would have ${signed(kept)} positions` };
  return { ok: true, length: kept, clipped, formula: written };
}

/**
 * PyTorch's Conv1d/2d/3d (per axis): ⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1. It refuses a dilated
 * kernel larger than the padded input.
 */
export function pytorchConvLength(w: Window): LengthResult {
  return paddedConvLength(w, true);
}

/**
 * PyTorch's MaxPool/AvgPool (per axis): the same formula as Conv, floored, or with `ceil_mode`
 * ceiled — and then a last window that would start in the right padding is dropped:
 * if (out − 1) × s ≥ L + p, out − 1. The padding may be at most ⌊k / 2⌋.
 */
export function pytorchPoolLength(w: Window & { ceilMode: boolean }): LengthResult {
  const c = checked(w);
  if (!c.ok) return badArgument(c.message);
  const { L, k, s, d, p } = c;
  if (p > Math.floor(k / 2)) {
    return {
      ok: false,
      problem: 'padding-too-large',
      message: `the padding ${p} is more than half the kernel: ⌊${k} / 2⌋ = ${Math.floor(k / 2)}`,
    };
  }
  const numerator = L + 2 * p - (d * (k - 1) + 1);
  const [open, close] = w.ceilMode ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const head = `${open}(${L} + 2 × ${p} − ${spanText(d, k)}) / ${s}${close} + 1`;
  const length = (w.ceilMode ? ceilDiv(numerator, s) : floorDiv(numerator, s)) + 1;
  return dropWindowInPadding(length, `${head} = ${open}${signed(numerator)} / ${s}${close} + 1 = ${signed(length)}`, w.ceilMode, c);
}

/**
 * Caffe's Pooling layer (per axis): ⌈(L + 2p − k) / s⌉ + 1, and with padding the last window must
 * start inside the input plus its left padding: if (out − 1) × s ≥ L + p, out − 1. Caffe requires
 * p < k and has no dilation.
 */
export function caffePoolLength(w: Window): LengthResult {
  const c = checked(w);
  if (!c.ok) return badArgument(c.message);
  const { L, k, s, d, p } = c;
  if (d !== 1) return { ok: false, problem: 'no-dilation', message: `Caffe's pooling has no dilation, got ${d}` };
  if (p >= k) return { ok: false, problem: 'padding-too-large', message: `the padding ${p} must be smaller than the kernel ${k}` };
  const numerator = L + 2 * p - k;
  const length = ceilDiv(numerator, s) + 1;
  return dropWindowInPadding(
    length,
    `⌈(${L} + 2 × ${p} − ${k}) / ${s}⌉ + 1 = ⌈${signed(numerator)} / ${s}⌉ + 1 = ${signed(length)}`,
    p > 0,
    c,
  );
}

/**
 * Caffe's Convolution layer (per axis): (L + 2p − (d(k − 1) + 1)) / s + 1 in C++ integer division,
 * which floors when the kernel fits. When the dilated kernel is larger than the padded input the
 * division would round a negative number toward zero, so that case is reported as no window (and
 * its formula stops before a result).
 */
export function caffeConvLength(w: Window): LengthResult {
  return paddedConvLength(w, false);
}

/**
 * Keras Conv1D/2D/3D along one axis, from conv-arithmetic's `convLength`, with its arithmetic
 * written out: valid ⌊(L − d(k − 1) − 1) / s⌋ + 1, same and causal ⌈L / s⌉. Keras 3 refuses
 * strides > 1 with dilation_rate > 1, as its Conv layers do.
 */
export function kerasConvLength(w: Omit<Window, 'padding'>, padding: 'valid' | 'same' | 'causal'): LengthResult {
  const c = checked(w);
  if (!c.ok) return badArgument(c.message);
  const { L, k, s, d } = c;
  if (s > 1 && d > 1) {
    return {
      ok: false,
      problem: 'stride-and-dilation',
      message: `strides > 1 cannot be combined with dilation_rate > 1 (strides=${s}, dilation_rate=${d}); Keras rejects the pair`,
    };
  }
  if (padding === 'valid') {
    const numerator = L - (d * (k - 1) + 1);
    const head = `⌊(${L} − ${spanText(d, k)}) / ${s}⌋ + 1`;
    // ⌊n / s⌋ + 1 ≤ 0 exactly when the dilated kernel is longer than the input (n < 0)
    if (numerator < 0) {
      return {
        ok: false,
        problem: 'no-window',
        message: `the kernel spans ${d * (k - 1) + 1}, more than the input's ${L}`,
        formula: `${head} = ⌊${signed(numerator)} / ${s}⌋ + 1 = ${signed(floorDiv(numerator, s) + 1)}`,
      };
    }
    const length = convLength(L, k, s, d, 'valid') as number;
    return { ok: true, length, clipped: false, formula: `${head} = ⌊${numerator} / ${s}⌋ + 1 = ${length}` };
  }
  const length = convLength(L, k, s, d, padding) as number;
  return { ok: true, length, clipped: false, formula: `⌈${L} / ${s}⌉ = ${length}` };
}

/**
 * Keras Max/AveragePooling along one axis, from conv-arithmetic's `poolLength`, with its arithmetic
 * written out: valid ⌊(L − k) / s⌋ + 1 (and how many trailing rows no window reaches), same ⌈L / s⌉.
 */
export function kerasPoolLength(w: Omit<Window, 'padding' | 'dilation'>, padding: 'valid' | 'same'): LengthResult & { dropped?: number } {
  const c = checked(w);
  if (!c.ok) return badArgument(c.message);
  const { L, k, s } = c;
  if (padding === 'same')
    return {
      ok: true,
      length: poolLength(L, k, s, 'same') as number,
      clipped: false,
      formula: `⌈${L} / ${s}⌉ = ${poolLength(L, k, s, 'same')}`,
    };
  const head = `⌊(${L} − ${k}) / ${s}⌋ + 1`;
  if (L < k) {
    return {
      ok: false,
      problem: 'no-window',
      message: `the pool spans ${k}, more than the input's ${L}`,
      formula: `${head} = ⌊${signed(L - k)} / ${s}⌋ + 1 = ${signed(floorDiv(L - k, s) + 1)}`,
    };
  }
  const length = poolLength(L, k, s, 'valid') as number;
  return {
    ok: true,
    length,
    clipped: false,
    dropped: droppedTail(L, length, k, s, 1, 0),
    formula: `${head} = ⌊${L - k} / ${s}⌋ + 1 = ${length}`,
  };
}

/** The padding Keras's causal Conv1D adds on the left: d × (k − 1), so no output sees the future. */
export function causalLeftPadding(kernel: number, dilation = 1): { total: number; formula: string } {
  const total = causalPad(kernel, dilation);
  return { total, formula: `${dilatedText(dilation, kernel)} = ${total}` };
}

/**
 * How much padding `padding="same"` adds along one axis and where: TensorFlow (and Keras on every
 * backend) pads enough for ⌈L / s⌉ outputs and splits it ⌊total / 2⌋ before, the rest after — so an
 * odd total puts the extra row at the bottom and the extra column on the right.
 */
export function samePadding(w: Omit<Window, 'padding'>): SamePadding | { ok: false; message: string } {
  const c = checked(w);
  if (!c.ok) return c;
  const { L, k, s, d } = c;
  const { length, total, before, after } = samePadSplit(L, k, s, d);
  return {
    ok: true,
    length,
    total,
    before,
    after,
    formula: `max((${length} − 1) × ${s} + ${spanText(d, k)} − ${L}, 0) = ${total}`,
  };
}
