/**
 * Layers no spec describes but whose weights and output are known anyway: a custom Layer subclass
 * read from Python (its `build` called `add_weight` with shapes the reader worked out), or tensor
 * arithmetic such as `x * 0.5`, which Keras 3 records as an operation with no weights. The count
 * is still derived from the weights, and the formula is their shapes multiplied out.
 */
import { add, mul, num, plainStep, unchangedSteps, type Term } from './explain.ts';
import type { Built } from './registry.ts';
import type { OutputShape, Shape, Weight } from './types.ts';

export interface CustomBuild {
  weights: Weight[];
  /** `same`: the output has the input's shape (element-wise operations, most custom layers). */
  output: OutputShape | 'same';
}

/** What a custom layer builds on its first input. */
export function buildCustom(custom: CustomBuild, input: Shape): Built {
  const output = custom.output === 'same' ? input : custom.output;
  const built: Built = {
    output,
    weights: custom.weights,
    steps:
      custom.output === 'same'
        ? unchangedSteps(input)
        : (Array.isArray(output[0]) ? (output as Shape[]) : [output as Shape]).map((shape, tensor) => ({
            ...plainStep(
              'recorded',
              shape.map((_, i) => i),
              input,
              shape,
            ),
            ...(tensor > 0 ? { tensor } : {}),
          })),
  };
  const terms = custom.weights.map(weightTerm);
  if (terms.length > 0) built.formula = terms.length === 1 ? terms[0]! : add(...terms);
  return built;
}

/** One weight's size: its dimensions multiplied (a scalar counts 1). */
function weightTerm(w: Weight): Term {
  if (w.shape.length === 0) return num(1, 'count');
  const dims = w.shape.map((d) => num(d, 'elements'));
  return dims.length === 1 ? dims[0]! : mul(...dims);
}
