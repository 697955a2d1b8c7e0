/**
 * Keras's `imagenet_utils.correct_pad`: the ZeroPadding2D in front of a stride-2 'valid'
 * convolution that imitates TensorFlow's 'same' padding. An even side is padded one less before
 * than after; an unknown side is treated as even.
 */
import type { Dim } from '../types.ts';

export type Padding2D = [[number, number], [number, number]];

export function correctPad(height: Dim, width: Dim, kernel: number): Padding2D {
  const half = Math.floor(kernel / 2);
  const adjust = (side: Dim): number => (side === null ? 1 : 1 - (side % 2));
  return [
    [half - adjust(height), half],
    [half - adjust(width), half],
  ];
}
