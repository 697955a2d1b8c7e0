/**
 * The one size limit every calculator shares, and the rule for an input axis a reader types. Pure
 * data with no layer code, so an island can load it with the page (src/calc/field-rules.ts adds
 * each argument's minimum, which needs the layer specs).
 */

/**
 * The largest size a calculator takes. Every size in the lessons and in Keras Applications is far
 * below it (the largest, VGG16's fc1, reads 25,088 features; GPT-2's vocabulary is 50,257), so a
 * larger number is almost always a typo, and a limit keeps the pictures drawable.
 */
export const SIZE_LIMIT = 65_536;

/** A whole number from `min` to `max`. */
export interface SizeRule {
  min: number;
  max: number;
}

/**
 * The one rule for an input axis a reader types (height, width, channels, features, timesteps…):
 * at least 1, since Keras builds a layer on a 0-sized axis but its output is empty and nothing in
 * it is worth counting (`(None, 0, 26, 32)`).
 */
export const INPUT_RULE: SizeRule = { min: 1, max: SIZE_LIMIT };
