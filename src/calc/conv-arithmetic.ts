/**
 * The output-length rules Keras applies per spatial axis (keras/src/ops/operation_utils.py and
 * backend_utils.py). One place, so conv, pooling, ConvLSTM and the lessons cannot disagree.
 * An unknown length (null) stays unknown. The rules with worked examples: docs/output-lengths.md.
 */
import { fail } from './problem.ts';
import type { DataFormat } from './args.ts';
import type { WindowRule, WindowStep } from './explain.ts';
import type { Dim } from './types.ts';

export type ConvPadding = 'valid' | 'same' | 'causal';

/** Names for the spatial axes of a rank-1/2/3 layer, so a message can say which axis overflowed. */
export function spatialAxisNames(rank: number): string[] {
  if (rank === 1) return ['length'];
  if (rank === 2) return ['height', 'width'];
  if (rank === 3) return ['depth', 'height', 'width'];
  return Array.from({ length: rank }, (_, i) => `spatial axis ${i + 1}`);
}

/** The layout Keras expects, in words, for a rank-mismatch message: `batch, height, width, channels`. */
export function spatialLayout(rank: number, format: DataFormat): string {
  // every conv and pooling layer asks before it builds, so the common ranks are written once
  const known = LAYOUTS[format][rank];
  if (known !== undefined) return known;
  const spatial = rank === 1 ? ['steps'] : spatialAxisNames(rank);
  return (format === 'channels_first' ? ['batch', 'channels', ...spatial] : ['batch', ...spatial, 'channels']).join(', ');
}

const LAYOUTS: Record<DataFormat, (string | undefined)[]> = {
  channels_last: ['', 'batch, steps, channels', 'batch, height, width, channels', 'batch, depth, height, width, channels'],
  channels_first: ['', 'batch, channels, steps', 'batch, channels, height, width', 'batch, channels, depth, height, width'],
};

/** Conv*, DepthwiseConv*, SeparableConv*, ConvLSTM: valid floors, same/causal give ⌈L/s⌉. */
export function convLength(
  length: Dim,
  kernel: number,
  stride: number,
  dilation: number,
  padding: ConvPadding,
  arg = 'kernel_size',
  axis = 'length',
): Dim {
  if (length === null) return null;
  if (padding !== 'valid') return Math.floor((length - 1) / stride) + 1;
  const span = dilation * (kernel - 1) + 1;
  const out = Math.floor((length - span) / stride) + 1;
  if (out <= 0) fail('kernel-does-not-fit', { kernel, dilation, span, axis, length, stride, out }, arg);
  return out;
}

/** Max/AveragePooling: valid floors, same gives ⌈L/s⌉. */
export function poolLength(length: Dim, pool: number, stride: number, padding: 'valid' | 'same', arg = 'pool_size', axis = 'length'): Dim {
  if (length === null) return null;
  if (padding === 'same') return Math.floor((length - 1) / stride) + 1;
  const out = Math.floor((length - pool) / stride) + 1;
  if (out <= 0) fail('pool-does-not-fit', { pool, axis, length, stride, out }, arg);
  return out;
}

/** Conv*Transpose (backend_utils._get_output_shape_given_tf_padding); the dilated kernel spans (k − 1)·d + 1. */
export function deconvLength(
  length: Dim,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'valid' | 'same',
  outputPadding: number | null,
  axis = 'length',
): Dim {
  if (length === null) return null;
  const k = (kernel - 1) * dilation + 1;
  if (outputPadding === null) return padding === 'valid' ? (length - 1) * stride + Math.max(k, stride) : length * stride;
  const out = padding === 'valid' ? (length - 1) * stride + k + outputPadding : (length - 1) * stride + (k % 2) + outputPadding;
  // only an empty input can get here: (0 − 1) × s + … is negative when the stride outruns the kernel
  if (out < 0) fail('transpose-negative-length', { axis, length, stride, kernel: padding === 'valid' ? k : k % 2, outputPadding, out });
  return out;
}

/**
 * TensorFlow's "same" padding on one axis (Keras pads this way on every backend): enough for
 * ⌈L / s⌉ outputs, ⌊total / 2⌋ before and the rest after, so an odd total puts the extra row at
 * the bottom and the extra column on the right.
 */
export function samePadSplit(
  length: number,
  kernel: number,
  stride: number,
  dilation: number,
): { length: number; total: number; before: number; after: number } {
  const out = Math.floor((length - 1) / stride) + 1;
  const total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - length, 0);
  const before = Math.floor(total / 2);
  return { length: out, total, before, after: total - before };
}

/** The zeros causal padding puts on the left, d · (k − 1), so no output sees a later input. */
export const causalPad = (kernel: number, dilation: number): number => dilation * (kernel - 1);

/** Trailing input positions that no window reads: past the end of the last window, padding included. */
export const droppedTail = (length: number, out: number, kernel: number, stride: number, dilation: number, padded: number): number =>
  Math.max(length + padded - ((out - 1) * stride + dilation * (kernel - 1) + 1), 0);

/**
 * One axis under a window as a shape step: the window, the padding on each side and the trailing
 * positions no window reads, so a picture of the grid needs no arithmetic of its own.
 */
export function windowStep(
  rule: WindowRule,
  axis: number,
  length: Dim,
  result: Dim,
  w: { kernel: number; stride: number; dilation?: number; arg?: string; outputPadding?: number | null },
): WindowStep {
  const dilation = w.dilation ?? 1;
  const step: WindowStep = {
    rule,
    axes: [axis],
    inputs: [length],
    result: [result],
    kernel: w.kernel,
    stride: w.stride,
    dilation,
    padBefore: null,
    padAfter: null,
    dropped: null,
  };
  if (w.arg !== undefined) step.arg = w.arg;
  if (w.outputPadding !== undefined) step.outputPadding = w.outputPadding;
  // a transposed conv spreads each input over a window instead of sliding one, so nothing is padded or dropped
  if (length === null || result === null || rule.startsWith('transpose')) return step;
  const [before, after] = rule.endsWith('same')
    ? ((p) => [p.before, p.after])(samePadSplit(length, w.kernel, w.stride, dilation))
    : rule === 'conv-causal'
      ? [causalPad(w.kernel, dilation), 0]
      : [0, 0];
  step.padBefore = before!;
  step.padAfter = after!;
  step.dropped = droppedTail(length, result, w.kernel, w.stride, dilation, before! + after!);
  return step;
}
