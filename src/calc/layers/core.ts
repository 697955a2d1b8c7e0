/** Core layers: Dense, Embedding, and the weightless Activation / Lambda / Identity. */
import * as arg from '../args.ts';
import { add, mul, num, plainStep, type ShapeStep } from '../explain.ts';
import { fail } from '../problem.ts';
import { positions, product } from '../macs.ts';
import { passThrough, weight, type LayerSpec, withPositional } from '../registry.ts';
import { exactQuotient, lastAxis } from '../layer-inference.ts';
import { expectMinRank, lastDim } from '../shape.ts';
import { isShapeList } from '../text.ts';

/** Dense: a kernel from the last input axis to `units`, plus one bias per unit. */
const Dense: LayerSpec = {
  family: 'core',
  positional: ['units'],
  example: { args: { units: 10 }, input: [null, 784] },
  defaults: { use_bias: true },
  infer({ output, inputs, params }) {
    const units = lastAxis(output);
    if (typeof units !== 'number') return [];
    const known = inputs[0];
    // params = units × (inputs + 1), or units × inputs without a bias
    return [true, false].flatMap((bias) => {
      const features = known ? lastAxis(known) : exactQuotient(params, units);
      const f = known || typeof features !== 'number' ? features : features - (bias ? 1 : 0);
      if (typeof f !== 'number' || f < 1) return [];
      return [{ args: bias ? { units } : { units, use_bias: false }, input: known ?? [...output.slice(0, -1), f] }];
    });
  },
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
      steps: [plainStep('set-to-arg', [input.length - 1], [inDim], [units], 'units')],
      weights: useBias ? [kernel, weight('bias', [units])] : [kernel],
      formula: useBias ? mul(units_, add(inTerm, num(1, 'bias'))) : mul(units_, inTerm),
      // the kernel multiplies the last axis at every position before it
      macs: product(positions(input), units_, inTerm),
    };
  },
};

/** Embedding: a lookup table of `input_dim` rows, each `output_dim` long; no bias. */
const Embedding: LayerSpec = {
  family: 'core',
  positional: ['input_dim', 'output_dim'],
  example: { args: { input_dim: 1000, output_dim: 64 }, input: [null, 10] },
  defaults: {},
  infer({ output, inputs, params }) {
    // params = input_dim × output_dim: the vocabulary is the count over the vector length
    const outputDim = lastAxis(output);
    const inputDim = typeof outputDim === 'number' ? exactQuotient(params, outputDim) : undefined;
    if (inputDim === undefined) return [];
    return [{ args: { input_dim: inputDim, output_dim: outputDim }, input: inputs[0] ?? output.slice(0, -1) }];
  },
  build({ args, input }) {
    const inputDim = arg.int(args, 'input_dim');
    const outputDim = arg.int(args, 'output_dim');
    let shape = input;
    const steps: ShapeStep[] = [];
    // tf.keras's input_length fills an unknown time axis
    const len = args['input_length'];
    if (typeof len === 'number' && input.length === 2 && input[1] === null) {
      shape = [input[0]!, len];
      steps.push(plainStep('set-to-arg', [1], [null], [len], 'input_length'));
    }
    steps.push(plainStep('append-axis', [shape.length], [], [outputDim], 'output_dim'));
    return {
      output: [...shape, outputDim],
      steps,
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
  family: 'core',
  example: { args: { output_shape: [10] }, input: [null, 10] },
  defaults: { output_shape: null },
  build({ args, input, recorded }) {
    const declared = args['output_shape'];
    if (Array.isArray(declared) && declared.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 0))) {
      const dims = declared as (number | null)[];
      return {
        output: [input[0] ?? null, ...dims],
        weights: [],
        steps: [
          plainStep(
            'recorded',
            dims.map((_, i) => i + 1),
            [],
            dims,
            'output_shape',
          ),
        ],
      };
    }
    if (recorded) {
      const steps = isShapeList(recorded)
        ? recorded.map((s, tensor) => ({
            ...plainStep(
              'recorded',
              s.map((_, i) => i),
              [],
              s,
            ),
            tensor,
          }))
        : [
            plainStep(
              'recorded',
              recorded.map((_, i) => i),
              [],
              recorded,
            ),
          ];
      return { output: recorded, weights: [], steps };
    }
    return fail('lambda-shape-unknown', {}, 'output_shape');
  },
};

export const coreLayers = withPositional(
  {
    Dense,
    Lambda,
    Embedding,
    Activation: { ...passThrough('activation', { args: { activation: 'relu' }, input: [null, 64] }), positional: ['activation'] },
    Identity: passThrough('core', { args: {}, input: [null, 64] }),
    Masking: passThrough('core', { args: { mask_value: 0 }, input: [null, 10, 8] }),
  } satisfies Record<string, LayerSpec>,
  { Dense: ['units', 'activation', 'use_bias'], Lambda: ['function', 'output_shape'], Masking: ['mask_value'] },
);
