/** Core layers: Dense, Embedding, and the weightless Activation / Lambda / Identity. */
import * as arg from '../args.ts';
import { add, mul, num } from '../explain.ts';
import { fail } from '../problem.ts';
import { passThrough, weight, type LayerSpec } from '../registry.ts';
import { expectMinRank, lastDim } from '../shape.ts';

/** Dense: a kernel from the last input axis to `units`, plus one bias per unit. */
const Dense: LayerSpec = {
  defaults: { use_bias: true },
  build({ args, input }) {
    const units = arg.int(args, 'units');
    const useBias = arg.bool(args, 'use_bias');
    expectMinRank(input, 2);
    const inDim = lastDim(input);
    const kernel = weight('kernel', [inDim, units]);
    const units_ = num(units, 'units', 'units');
    const inTerm = num(inDim, 'input features');
    return {
      output: [...input.slice(0, -1), units],
      weights: useBias ? [kernel, weight('bias', [units])] : [kernel],
      formula: useBias ? mul(units_, add(inTerm, num(1, 'bias'))) : mul(units_, inTerm),
    };
  },
};

/** Embedding: a lookup table of `input_dim` rows, each `output_dim` long; no bias. */
const Embedding: LayerSpec = {
  defaults: {},
  build({ args, input }) {
    const inputDim = arg.int(args, 'input_dim');
    const outputDim = arg.int(args, 'output_dim');
    let shape = input;
    // tf.keras's input_length fills an unknown time axis
    const len = args['input_length'];
    if (typeof len === 'number' && input.length === 2 && input[1] === null) shape = [input[0]!, len];
    return {
      output: [...shape, outputDim],
      weights: [weight('embeddings', [inputDim, outputDim])],
      formula: mul(num(inputDim, 'vocabulary', 'input_dim'), num(outputDim, 'embedding size', 'output_dim')),
    };
  },
};

/**
 * Lambda runs Python that Param Lab cannot run: its output shape comes from `output_shape` when
 * the file gives one, else from the shape the file recorded where the output is used.
 */
const Lambda: LayerSpec = {
  defaults: { output_shape: null },
  build({ args, input, recorded }) {
    const declared = args['output_shape'];
    if (Array.isArray(declared) && declared.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 0))) {
      return { output: [input[0] ?? null, ...(declared as (number | null)[])], weights: [] };
    }
    if (recorded) return { output: recorded, weights: [] };
    return fail('lambda-shape-unknown', {}, 'output_shape');
  },
};

export const coreLayers = {
  Dense,
  Lambda,
  Embedding,
  Activation: passThrough(),
  Identity: passThrough(),
  Masking: passThrough(),
} satisfies Record<string, LayerSpec>;
