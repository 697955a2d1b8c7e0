/**
 * Python 3's `round()`: halves go to the even neighbour (`round(2.5) == 2`, `round(3.5) == 4`).
 * rich sizes table columns with it. With Keras's own column positions the halves that occur are
 * 3.5, where JavaScript's `Math.round` happens to agree, but any other position list can hit 2.5,
 * where it would not.
 */

/** `round(x)` as Python 3 computes it for a float. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest < 0.5) return floor;
  if (rest > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
