/**
 * EinsumDense (keras/src/layers/core/einsum_dense.py): a Dense layer whose kernel shape is spelled
 * by an einsum equation. Every letter of the weight spec is one kernel axis, sized from the output
 * shape when the letter appears there, else from the input. MultiHeadAttention reuses this reading.
 */
import { add, mul, num, plainStep, type Term } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type LayerSpec, withPositional } from '../registry.ts';
import { shapeText } from '../text.ts';
import type { Dim, Shape, Weight } from '../types.ts';

/** Where `...` stands in the equation; it may elide leading or trailing axes, never both. */
type Elision = 'none' | 'left' | 'right';

interface Equation {
  input: string;
  kernel: string;
  output: string;
  elision: Elision;
}

/** What an equation, a bias spec and an input shape amount to. */
export interface EinsumShapes {
  kernel: number[];
  /** Per kernel axis: does its size come from the input (contracted) or the output? */
  kernelFrom: ('input' | 'output')[];
  bias: number[] | null;
  output: Shape;
  /** The output axes `output_shape` sets (the rest are the batch and the axes `...` stands for). */
  setAxes: number[];
}

const LETTERS = '[a-zA-Z]';

/** The three forms Keras accepts: `ab,bc->ac`, `...b,bc->...c`, `ab...,bc->ac...`. */
export function parseEquation(equation: string): Equation {
  const plain = new RegExp(`^(${LETTERS}+),(${LETTERS}+)->(${LETTERS}+)$`).exec(equation);
  if (plain) return { input: plain[1]!, kernel: plain[2]!, output: plain[3]!, elision: 'none' };
  const left = new RegExp(`^\\.\\.\\.(${LETTERS}+),(${LETTERS}+)->\\.\\.\\.(${LETTERS}+)$`).exec(equation);
  if (left) return { input: left[1]!, kernel: left[2]!, output: left[3]!, elision: 'left' };
  const right = new RegExp(`^(${LETTERS}{2,})\\.\\.\\.,(${LETTERS}+)->(${LETTERS}+)\\.\\.\\.$`).exec(equation);
  if (right) return { input: right[1]!, kernel: right[2]!, output: right[3]!, elision: 'right' };
  return fail('einsum-unknown-form', { equation }, 'equation');
}

/** A size the weights need; an unknown one is a located problem. */
const known = (d: Dim | undefined, unknown: () => never): number => {
  if (d === null || d === undefined) unknown();
  return d;
};

/** Keras's `_analyze_split_string`: kernel and bias shapes and the full output shape. */
export function analyzeEinsum(equation: string, partialOutput: Dim[], biasAxes: string | null, input: Shape): EinsumShapes {
  const eq = parseEquation(equation);
  const elided = input.length - eq.input.length;
  if (eq.elision === 'none' && elided !== 0) {
    fail('einsum-input-rank', { letters: eq.input, named: eq.input.length, input: shapeText(input), rank: input.length }, 'equation');
  }
  if (eq.elision !== 'none' && elided < 1) {
    fail('einsum-ellipsis-empty', { input: shapeText(input), rank: input.length, letters: eq.input }, 'equation');
  }
  // The full output: batch first, then the elided axes on the side the "..." is.
  const output: Shape = [input[0]!, ...partialOutput];
  if (eq.elision === 'left') output.splice(1, 0, ...input.slice(1, elided));
  if (eq.elision === 'right') output.push(...input.slice(input.length - elided));
  const expected = eq.output.length + (eq.elision === 'none' ? 0 : elided);
  if (output.length !== expected) {
    const given = partialOutput.length;
    fail(
      'einsum-output-count',
      {
        letters: eq.output,
        needed: eq.elision === 'none' ? eq.output.length - 1 : eq.output.length,
        ellipsis: eq.elision !== 'none',
        given,
      },
      'output_shape',
    );
  }
  // Position of each letter in the input and in the full output.
  const inAt = new Map([...eq.input].map((c, i) => [c, eq.elision === 'left' ? i + elided : i]));
  const outAt = new Map([...eq.output].map((c, i) => [c, eq.elision === 'left' ? i + elided : i]));

  for (const [c, i] of inAt) {
    const o = outAt.get(c);
    if (o === undefined) continue;
    if (output[o] !== null && output[o] !== input[i]) {
      fail('einsum-axis-size-differs', { axis: c, input: input[i] ?? null, output: output[o] ?? null }, 'output_shape');
    }
  }
  for (const c of eq.output) {
    if (!inAt.has(c) && !eq.kernel.includes(c))
      fail('einsum-output-axis-orphan', { axis: c, input: eq.input, kernel: eq.kernel }, 'equation');
  }
  const kernel: number[] = [];
  const kernelFrom: ('input' | 'output')[] = [];
  for (const c of eq.kernel) {
    const o = outAt.get(c);
    const i = inAt.get(c);
    if (o !== undefined) {
      kernel.push(known(output[o], () => fail('einsum-output-size-unknown', { axis: c }, 'output_shape')));
      kernelFrom.push('output');
    } else if (i !== undefined) {
      kernel.push(known(input[i], () => fail('einsum-input-size-unknown', { axis: c, input: shapeText(input) }, 'equation')));
      kernelFrom.push('input');
    } else {
      fail('einsum-weight-axis-orphan', { axis: c, input: eq.input, output: eq.output }, 'equation');
    }
  }
  let bias: number[] | null = null;
  if (biasAxes !== null && biasAxes !== '') {
    for (const c of biasAxes) {
      if (!eq.output.includes(c)) fail('einsum-bias-axis-not-output', { axis: c, output: eq.output }, 'bias_axes');
    }
    // The bias spans from the first biased output axis to the end; unbiased axes broadcast (size 1).
    const first = Math.min(...[...biasAxes].map((c) => eq.output.indexOf(c)));
    bias = [...eq.output.slice(first)].map((c) =>
      biasAxes.includes(c) ? known(output[outAt.get(c)!], () => fail('einsum-output-size-unknown', { axis: c }, 'output_shape')) : 1,
    );
    if (eq.elision === 'right') bias.push(...Array<number>(elided).fill(1));
  }
  const first = eq.elision === 'left' ? output.length - partialOutput.length : 1;
  return { kernel, kernelFrom, bias, output, setAxes: partialOutput.map((_, i) => first + i) };
}

/** `output_shape`: an int or a tuple whose entries may be None. */
function partialOutputShape(v: unknown): Dim[] {
  if (v === undefined || v === null) return fail('einsum-output-shape-required', {}, 'output_shape');
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return [v];
  if (Array.isArray(v) && v.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 1))) return v as Dim[];
  return fail('einsum-bad-output-shape', { got: JSON.stringify(v) ?? String(v) }, 'output_shape');
}

/** `kernel d×d…` plus `bias d…`, the 1s of a broadcast bias left out. */
function einsumFormula(shapes: EinsumShapes): Term {
  const kernel = mul(...shapes.kernel.map((d, i) => num(d, shapes.kernelFrom[i] === 'input' ? 'input features' : 'output size')));
  if (!shapes.bias) return kernel;
  const sized = shapes.bias.filter((d) => d !== 1);
  return add(kernel, mul(...(sized.length ? sized : [1]).map((d) => num(d, 'bias'))));
}

/** Every output element sums over the kernel axes the output lacks: one product per element and such axis. */
function einsumMacs(shapes: EinsumShapes): Term | null {
  const set = new Set(shapes.setAxes);
  const cells = shapes.output.slice(1).map((d, i) => (d === null ? null : num(d, set.has(i + 1) ? 'output size' : 'positions')));
  if (cells.some((c) => c === null)) return null;
  const summed = shapes.kernel.flatMap((d, i) => (shapes.kernelFrom[i] === 'input' ? [num(d, 'input features')] : []));
  return mul(...(cells as Term[]), ...summed);
}

/** The weights of one EinsumDense, optionally under a prefix (`query/kernel` inside attention). */
export function einsumWeights(shapes: EinsumShapes, prefix = ''): Weight[] {
  const weights = [weight(`${prefix}kernel`, shapes.kernel)];
  if (shapes.bias) weights.push(weight(`${prefix}bias`, shapes.bias));
  return weights;
}

const EinsumDense: LayerSpec = {
  family: 'core',
  example: { args: { equation: 'ab,bc->ac', output_shape: 64, bias_axes: 'c' }, input: [null, 32] },
  defaults: { bias_axes: null },
  build({ args, input }) {
    const equation = args['equation'];
    if (typeof equation !== 'string') fail('einsum-not-string', { got: JSON.stringify(equation) ?? String(equation) }, 'equation');
    const biasAxes = args['bias_axes'];
    if (biasAxes !== null && typeof biasAxes !== 'string')
      fail('einsum-bias-axes-not-string', { got: JSON.stringify(biasAxes) ?? String(biasAxes) }, 'bias_axes');
    const shapes = analyzeEinsum(equation, partialOutputShape(args['output_shape']), biasAxes, input);
    const set = shapes.setAxes;
    const step = plainStep(
      'set-to-arg',
      set,
      set.map((a) => input[a] ?? null),
      set.map((a) => shapes.output[a] ?? null),
      'output_shape',
    );
    return {
      output: shapes.output,
      weights: einsumWeights(shapes),
      formula: einsumFormula(shapes),
      steps: [step],
      macs: einsumMacs(shapes),
    };
  },
};

export const einsumLayers = withPositional({ EinsumDense } satisfies Record<string, LayerSpec>, {
  EinsumDense: ['equation', 'output_shape', 'activation', 'bias_axes'],
});
