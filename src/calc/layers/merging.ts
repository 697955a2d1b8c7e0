/**
 * Merging (keras/src/layers/merging): layers called on a list of tensors. None has weights; what
 * they teach is shape arithmetic — broadcasting, concatenation, and contraction (Dot).
 * `ctx.inputs` holds the shapes in the order of the list.
 */
import * as arg from '../args.ts';
import { fail } from '../problem.ts';
import { broadcastStep, plainStep } from '../explain.ts';
import type { BuildContext, LayerSpec } from '../registry.ts';
import { withPositional } from '../registry.ts';
import { normalizeAxis } from '../shape.ts';
import { shapeText } from '../text.ts';
import type { Dim, Shape } from '../types.ts';

const listText = (shapes: Shape[]): string => shapes.map(shapeText).join(', ');

/** The batch axis of the result: the one known batch size, if the inputs agree on it. */
function mergedBatch(inputs: Shape[]): Dim {
  const known = [...new Set(inputs.map((s) => s[0]).filter((d): d is number => d !== null && d !== undefined))];
  if (known.length > 1) fail('merge-batch-differs', { inputs: listText(inputs) });
  return known[0] ?? null;
}

/**
 * Keras's element-wise broadcast of two shapes without their batch axis, aligned on the right:
 * a missing or unknown size gives None, a 1 stretches to the other size, equal sizes stay.
 */
function broadcast(a: Dim[], b: Dim[]): Dim[] {
  if (a.length < b.length) return broadcast(b, a);
  const lead = a.slice(0, a.length - b.length);
  const tail = a.slice(a.length - b.length).map((i, k) => {
    const j = b[k]!;
    if (i === null || j === null) return null;
    if (i === 1) return j;
    if (j === 1) return i;
    if (i !== j) {
      return fail('merge-cannot-broadcast', { a: shapeText([null, ...a]), b: shapeText([null, ...b]), i, j });
    }
    return i;
  });
  return [...lead, ...tail];
}

/** Add, Subtract, Multiply, Average, Maximum, Minimum: one output of the broadcast shape. */
const elementwise = (exactly?: number): LayerSpec => ({
  family: 'merging',
  takes: 'list',
  example: {
    args: {},
    input: [
      [null, 32],
      [null, 32],
    ],
  },
  defaults: {},
  build({ inputs }) {
    if (exactly !== undefined && inputs.length !== exactly) {
      fail('merge-input-count', { expected: exactly, count: inputs.length, inputs: listText(inputs) });
    }
    const batch = mergedBatch(inputs);
    const body = inputs.slice(1).reduce((acc, s) => broadcast(acc, s.slice(1)), inputs[0]!.slice(1));
    const output = [batch, ...body];
    return { output, weights: [], steps: [broadcastStep(inputs, output)] };
  },
});

/** Every input must have the first one's rank. */
function sameRank(inputs: Shape[]): number {
  const rank = inputs[0]!.length;
  if (inputs.some((s) => s.length !== rank)) fail('merge-rank-differs', { inputs: listText(inputs) });
  return rank;
}

/** Concatenate: sizes add up along `axis`; every other axis must agree where both are known. */
const Concatenate: LayerSpec = {
  family: 'merging',
  takes: 'list',
  example: {
    args: { axis: -1 },
    input: [
      [null, 8, 16],
      [null, 8, 32],
    ],
  },
  defaults: { axis: -1 },
  build({ args, inputs }: BuildContext) {
    const rank = sameRank(inputs);
    const axis = normalizeAxis(arg.int(args, 'axis', Number.MIN_SAFE_INTEGER), rank);
    for (let k = 0; k < rank; k++) {
      if (k === axis) continue;
      const sizes = [...new Set(inputs.map((s) => s[k]).filter((d) => d !== null))];
      if (sizes.length > 1) {
        fail('concatenate-axis-differs', { inputs: listText(inputs), axis, other: k, sizes: sizes as number[] }, 'axis');
      }
    }
    const out = [...inputs[0]!];
    const along = inputs.map((s) => s[axis]!);
    out[axis] = along.some((d) => d === null) ? null : (along as number[]).reduce((a, b) => a + b, 0);
    return { output: out, weights: [], steps: [plainStep('concat-sum', [axis], along, [out[axis]], 'axis')] };
  },
};

/** Dot's `axes`: one int for both inputs, or a pair; a negative int counts from each input's end. */
function dotAxes(axes: unknown, a: Shape, b: Shape): [number, number] {
  const pair = typeof axes === 'number' ? [axes, axes] : axes;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((x) => typeof x === 'number' && Number.isInteger(x))) {
    return fail('dot-bad-axes', { got: JSON.stringify(axes) ?? String(axes) }, 'axes');
  }
  const [i, j] = [normalizeAxis(pair[0] as number, a.length, 'axes'), normalizeAxis(pair[1] as number, b.length, 'axes')];
  if (i === 0 || j === 0) fail('dot-batch-axis', {}, 'axes');
  return [i, j];
}

/**
 * Dot: multiply and sum along one axis of each input. The output is the first shape without its
 * axis, then the second without its axis and batch; a lone batch axis gets a trailing 1.
 */
const Dot: LayerSpec = {
  family: 'merging',
  takes: 'list',
  example: {
    args: { axes: 1 },
    input: [
      [null, 16],
      [null, 16],
    ],
  },
  defaults: { normalize: false },
  build({ args, inputs }) {
    if (inputs.length !== 2) fail('dot-input-count', { count: inputs.length, inputs: listText(inputs) });
    const [a, b] = [inputs[0]!, inputs[1]!];
    const [i, j] = dotAxes(args['axes'], a, b);
    if (a[i] !== b[j]) {
      fail('dot-sizes-differ', { i, a: shapeText(a), sizeA: a[i] ?? null, j, b: shapeText(b), sizeB: b[j] ?? null }, 'axes');
    }
    const out = [...a.filter((_, k) => k !== i), ...b.filter((_, k) => k !== j && k !== 0)];
    // the contracted axis vanishes from both; what remains of each keeps its order, the first input's first
    const kept = out.slice(1);
    const steps = [plainStep('drop', [], [a[i] ?? null], [], 'axes')];
    if (kept.length)
      steps.push(
        plainStep(
          'permute',
          kept.map((_, k) => k + 1),
          kept,
          kept,
        ),
      );
    if (out.length === 1) steps.push(plainStep('append-axis', [1], [], [1]));
    return { output: out.length === 1 ? [...out, 1] : out, weights: [], steps };
  },
};

export const mergingLayers = withPositional(
  {
    Add: elementwise(),
    Subtract: elementwise(2),
    Multiply: elementwise(),
    Average: elementwise(),
    Maximum: elementwise(),
    Minimum: elementwise(),
    Concatenate,
    Dot,
  } satisfies Record<string, LayerSpec>,
  { Concatenate: ['axis'], Dot: ['axes', 'normalize'] },
);
