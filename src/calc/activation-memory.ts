/**
 * Activation memory: the numbers a layer's output holds for one example, which a forward pass
 * keeps until the backward pass has used them. Keras prints no such column; the lessons and the
 * model lab show it beside parameters and multiply-accumulates. Per example: the batch axis is
 * left out, so a batch of n takes n times as much.
 */
import { KERAS3_DTYPE_BYTES } from './memory-size.ts';
import { shapeList } from './text.ts';
import type { OutputShape, WeightDtype } from './types.ts';

/** How many numbers the output holds per example (every output tensor); null when a size is None. */
export function outputValues(output: OutputShape | null): number | null {
  if (output === null) return null;
  let total = 0;
  for (const shape of shapeList(output)) {
    let n = 1;
    for (const d of shape.slice(1)) {
      if (d === null) return null;
      n *= d;
    }
    total += n;
  }
  return total;
}

/** Those numbers in bytes, stored as `dtype` (Keras's float32 unless a policy says otherwise). */
export function activationBytes(output: OutputShape | null, dtype: WeightDtype = 'float32'): number | null {
  const values = outputValues(output);
  return values === null ? null : values * (KERAS3_DTYPE_BYTES.get(dtype) ?? 4);
}
