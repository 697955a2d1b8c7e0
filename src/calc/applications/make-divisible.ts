/**
 * Channel rounding shared by MobileNetV2/V3 (`_make_divisible`, `_depth`) and EfficientNet
 * (`round_filters`): round to the nearest multiple of `divisor`, never below `minValue`, and
 * never more than 10% below the requested width.
 */
export function makeDivisible(value: number, divisor = 8, minValue = divisor): number {
  let rounded = Math.max(minValue, Math.floor(Math.trunc(value + divisor / 2) / divisor) * divisor);
  if (rounded < 0.9 * value) rounded += divisor;
  return rounded;
}
