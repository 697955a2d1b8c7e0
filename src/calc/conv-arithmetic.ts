/**
 * The output-length rules Keras applies per spatial axis (keras/src/ops/operation_utils.py and
 * backend_utils.py). One place, so conv, pooling, ConvLSTM and the lessons cannot disagree.
 * An unknown length (null) stays unknown.
 */
import { fail } from './problem.ts';
import type { Dim } from './types.ts';

export type ConvPadding = 'valid' | 'same' | 'causal';

/** Conv*, DepthwiseConv*, SeparableConv*, ConvLSTM: valid floors, same/causal give ⌈L/s⌉. */
export function convLength(length: Dim, kernel: number, stride: number, dilation: number, padding: ConvPadding, arg = 'kernel_size'): Dim {
  if (length === null) return null;
  if (padding !== 'valid') return Math.floor((length - 1) / stride) + 1;
  const span = dilation * (kernel - 1) + 1;
  const out = Math.floor((length - span) / stride) + 1;
  if (out <= 0) {
    const spanText = dilation > 1 ? `a ${kernel}-wide kernel dilated by ${dilation} spans ${span}` : `a kernel of ${kernel}`;
    fail(`${spanText} does not fit in an input of length ${length} with padding="valid" (⌊(${length} − ${span}) / ${stride}⌋ + 1 = ${out})`, arg);
  }
  return out;
}

/** Max/AveragePooling: valid floors, same gives ⌈L/s⌉. */
export function poolLength(length: Dim, pool: number, stride: number, padding: 'valid' | 'same', arg = 'pool_size'): Dim {
  if (length === null) return null;
  if (padding === 'same') return Math.floor((length - 1) / stride) + 1;
  const out = Math.floor((length - pool) / stride) + 1;
  if (out <= 0) fail(`a pool of ${pool} does not fit in an input of length ${length} with padding="valid" (⌊(${length} − ${pool}) / ${stride}⌋ + 1 = ${out})`, arg);
  return out;
}

/** Conv*Transpose (backend_utils._get_output_shape_given_tf_padding). */
export function deconvLength(length: Dim, kernel: number, stride: number, dilation: number, padding: 'valid' | 'same', outputPadding: number | null): Dim {
  if (length === null) return null;
  const k = (kernel - 1) * dilation + 1;
  if (outputPadding === null) return padding === 'valid' ? (length - 1) * stride + Math.max(k, stride) : length * stride;
  return padding === 'valid' ? (length - 1) * stride + k + outputPadding : (length - 1) * stride + (k % 2) + outputPadding;
}
