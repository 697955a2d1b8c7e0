/**
 * Keras's `readable_memory_size`: the `(364.54 KB)` after each count in the summary footer.
 * Python's `"{:.2f}".format(x)` rounds the exact binary value half-to-even, while JavaScript's
 * `toFixed` rounds halves up (1,152 B is `1.12 KB` in Keras but `1.13` with `toFixed`), so the
 * value is kept as an exact fraction and rounded by hand. Units and dtypes: docs/summary-formats.md#memory-size.
 */

import type { WeightDtype } from './types.ts';

/** Bytes per value in Keras 3's footer (a bool is one bit). A Map: dtype names come from files. */
export const KERAS3_DTYPE_BYTES: ReadonlyMap<WeightDtype, number> = new Map<WeightDtype, number>([
  ['float16', 2],
  ['bfloat16', 2],
  ['float32', 4],
  ['float64', 8],
  ['int8', 1],
  ['int16', 2],
  ['int32', 4],
  ['int64', 8],
  ['uint8', 1],
  ['bool', 1 / 8],
]);

/** TF's `dtype.size`, which tf.keras's footer uses: the same, but a bool is a whole byte. */
export const TF_DTYPE_BYTES: ReadonlyMap<WeightDtype, number> = new Map([...KERAS3_DTYPE_BYTES, ['bool', 1]]);

/** Keras 3's units (`0.00 B`). */
export const KERAS3_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
/** tf.keras 2.13+ units (`0.00 Byte`). */
export const KERAS2_UNITS = ['Byte', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * `364.54 KB` for 373,288 bytes: divide by 1024 until the value is below 1024. Like Keras, a size of
 * 1024 PB or more is divided once more and still labelled PB.
 */
export function readableMemorySize(bytes: number, units: readonly string[] = KERAS3_UNITS): string {
  // Sizes are whole bytes, or eighths of one for `bool` weights (1 bit each): exact as eighths.
  const numerator = BigInt(Math.round(bytes * 8));
  let denominator = 8n;
  for (const unit of units) {
    if (numerator < denominator * 1024n) return `${fixed2(numerator, denominator)} ${unit}`;
    denominator *= 1024n;
  }
  return `${fixed2(numerator, denominator)} ${units[units.length - 1] ?? ''}`;
}

/** numerator / denominator with two decimals, halves to even (Python's `{:.2f}`). */
function fixed2(numerator: bigint, denominator: bigint): string {
  const scaled = numerator * 100n;
  let hundredths = scaled / denominator;
  const twiceRest = (scaled % denominator) * 2n;
  if (twiceRest > denominator || (twiceRest === denominator && hundredths % 2n === 1n)) hundredths += 1n;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}
