/**
 * The output-length rules Keras applies per spatial axis (keras/src/ops/operation_utils.py and
 * backend_utils.py). One place, so conv, pooling, ConvLSTM and the lessons cannot disagree.
 * An unknown length (null) stays unknown. The rules with worked examples: docs/output-lengths.md.
 */
import { fail } from './problem.ts';
import type { DataFormat } from './args.ts';
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
  const spatial = rank === 1 ? ['steps'] : spatialAxisNames(rank);
  return (format === 'channels_first' ? ['batch', 'channels', ...spatial] : ['batch', ...spatial, 'channels']).join(', ');
}

/** Conv*, DepthwiseConv*, SeparableConv*, ConvLSTM: valid floors, same/causal give ⌈L/s⌉. */
export function convLength(length: Dim, kernel: number, stride: number, dilation: number, padding: ConvPadding, arg = 'kernel_size', axis = 'length'): Dim {
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
export function deconvLength(length: Dim, kernel: number, stride: number, dilation: number, padding: 'valid' | 'same', outputPadding: number | null, axis = 'length'): Dim {
  if (length === null) return null;
  const k = (kernel - 1) * dilation + 1;
  if (outputPadding === null) return padding === 'valid' ? (length - 1) * stride + Math.max(k, stride) : length * stride;
  const out = padding === 'valid' ? (length - 1) * stride + k + outputPadding : (length - 1) * stride + (k % 2) + outputPadding;
  // only an empty input can get here: (0 − 1) × s + … is negative when the stride outruns the kernel
  if (out < 0) fail('transpose-negative-length', { axis, length, stride, kernel: padding === 'valid' ? k : k % 2, outputPadding, out });
  return out;
}
