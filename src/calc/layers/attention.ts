/**
 * Attention layers (keras/src/layers/attention): MultiHeadAttention projects query, key and value
 * per head with EinsumDense sub-layers; Attention and AdditiveAttention only score and mix, so at
 * most a learned scale is counted.
 */
import * as arg from '../args.ts';
import { add, forTensor, mul, num, part, plainStep, type ShapeStep, type Term } from '../explain.ts';
import { positions, product as macsProduct, total } from '../macs.ts';
import { fail } from '../problem.ts';
import { weight, type CallShapes, type CallValue, type LayerSpec, withPositional } from '../registry.ts';
import { divisors, exactQuotient } from '../layer-inference.ts';
import { lastDim, product } from '../shape.ts';
import { shapeText } from '../text.ts';
import type { Dim, OutputShape, Shape, Weight } from '../types.ts';

/** A single tensor's shape, as opposed to a list of tensors or a plain value. */
const isShape = (v: CallValue | undefined): v is Shape => Array.isArray(v) && v.every((d) => d === null || typeof d === 'number');

/** The tensor given for `name`, by position or keyword (`mha(query, value, key=k)`). */
function tensorArg(call: CallShapes, position: number, name: string): Shape | undefined {
  const v = call.kwargs[name] ?? call.args[position];
  if (v === undefined || v === null) return undefined;
  if (!isShape(v)) return fail('attention-not-one-tensor', { got: JSON.stringify(v) }, name);
  return v;
}

/** Keras compares shapes exactly: None equals only None. */
const sameDims = (a: Dim[], b: Dim[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** `output_shape`: None keeps the query's feature size; an int or a tuple replaces it. */
function outputSizes(v: unknown, queryFeatures: number): number[] {
  if (v === null || v === undefined || v === 0 || (Array.isArray(v) && v.length === 0)) return [queryFeatures];
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return [v];
  if (Array.isArray(v) && v.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) return v as number[];
  return fail('attention-bad-output-shape', { got: JSON.stringify(v) ?? String(v) }, 'output_shape');
}

/** One projection's count: `H × K × (D + 1)`, the `+ 1` being its bias per head and size. */
const projection = (heads: Term, size: Term, features: Term, useBias: boolean): Term =>
  useBias ? mul(heads, size, add(features, num(1, 'bias'))) : mul(heads, size, features);

/** A product of positions as one number (`None` anywhere: null). */
function positionCount(dims: readonly Dim[]): number | null {
  let n = 1;
  for (const d of dims) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

/**
 * The key positions each query position attends to: the key's `attention_axes` (by default every
 * axis between the batch and the features; other axes pair up with the query's as batch axes).
 */
function attendedKeyPositions(v: unknown, key: Shape): number | null {
  const inner = key.slice(1, -1);
  if (v === null || v === undefined) return positionCount(inner);
  const list = typeof v === 'number' ? [v] : v;
  if (!Array.isArray(list) || !list.every((a) => Number.isInteger(a))) return null;
  const axes = (list as number[]).map((a) => (a < 0 ? key.length + a : a));
  if (axes.some((a) => a < 1 || a >= key.length - 1)) return null;
  return positionCount(axes.map((a) => key[a] ?? null));
}

/**
 * Attention's two products of activations: each query position scores `Tk` keys over `scoreSize`
 * features, then sums `Tk` values of `valueSize` features. Null when a position count is unknown.
 */
function scoreAndMix(heads: Term | null, tq: number | null, tk: number | null, scoreSize: Term, valueSize: Term): (Term | null)[] {
  if (tq === null || tk === null) return [null];
  const h = heads ? [heads] : [];
  const q = num(tq, 'query positions');
  const k = num(tk, 'key positions');
  return [part('scores', mul(...h, q, k, scoreSize)), part('weighted sum', mul(...h, q, k, valueSize))];
}

/**
 * MultiHeadAttention: query and key are projected to `num_heads × key_dim`, value to
 * `num_heads × value_dim`, and the heads are projected back to the query's size (or output_shape).
 */
const MultiHeadAttention: LayerSpec = {
  family: 'attention',
  // Keras's call(query, value, key=None): tensors by position, not in a list
  takes: 'positional',
  positional: ['num_heads', 'key_dim'],
  writtenByPosition: 0,
  // `_build_attention` makes a Softmax and a Dropout without names
  buildsLayers: ['Softmax', 'Dropout'],
  example: {
    args: { num_heads: 2, key_dim: 16 },
    input: [
      [null, 8, 32],
      [null, 10, 32],
    ],
  },
  defaults: { value_dim: null, output_shape: null, use_bias: true, use_gate: false, attention_axes: null, dropout: 0 },
  infer({ output, inputs, params }) {
    // query, key and value projections to heads × key_dim, and back to the query's size:
    // params = heads × key_dim × (2 d_query + d_key + d_value [+ 3]) [+ d_query]
    const query = inputs[0];
    const value = inputs[1] ?? query;
    const dq = query?.[query.length - 1];
    const dv = value?.[value.length - 1];
    const dOut = output[output.length - 1];
    if (!query || !value || typeof dq !== 'number' || typeof dv !== 'number' || typeof dOut !== 'number') return [];
    const outputShape = dOut === dq ? {} : { output_shape: [dOut] };
    const candidates = [true, false].flatMap((bias) => {
      // value_dim = key_dim (Keras's default): width = heads × key_dim
      const b = bias ? 1 : 0;
      const width = exactQuotient(params - b * dOut, dq + 2 * dv + dOut + 3 * b);
      if (width === undefined) return [];
      return divisors(width).map((heads) => ({
        args: { num_heads: heads, key_dim: width / heads, ...outputShape, ...(bias ? {} : { use_bias: false }) },
        input: [query, value],
      }));
    });
    if (candidates.length > 0) return candidates;
    // a value_dim of its own: heads × key_dim × (d_q + d_k + 2 bias) + heads × value_dim × (d_v + d_out + bias)
    return [true, false].flatMap((bias) => {
      const b = bias ? 1 : 0;
      const rest = params - b * dOut;
      const found: { heads: number; keyDim: number; valueDim: number }[] = [];
      for (const heads of divisors(rest, 64)) {
        for (let keyDim = 1; keyDim <= 512 && found.length < 256; keyDim++) {
          const left = rest - heads * keyDim * (dq + dv + 2 * b);
          const valueDim = left > 0 ? exactQuotient(left, heads * (dv + dOut + b)) : undefined;
          if (valueDim !== undefined) found.push({ heads, keyDim, valueDim });
        }
      }
      // the splits people choose first: powers of two for heads and key_dim, a value_dim near key_dim
      const pow2 = (n: number) => (n & (n - 1)) === 0;
      const rank = (f: (typeof found)[number]) =>
        (pow2(f.heads) ? 0 : 2) + (pow2(f.keyDim) ? 0 : 1) + Math.abs(f.keyDim - f.valueDim) / 1e4;
      return found
        .sort((x, y) => rank(x) - rank(y))
        .slice(0, 12)
        .map((f) => ({
          args: { num_heads: f.heads, key_dim: f.keyDim, value_dim: f.valueDim, ...outputShape, ...(bias ? {} : { use_bias: false }) },
          input: [query, value],
        }));
    });
  },
  build({ args, call }) {
    const heads = arg.int(args, 'num_heads');
    if (args['key_dim'] === null || args['key_dim'] === undefined) {
      fail('key-dim-required', {}, 'key_dim');
    }
    const keyDim = arg.int(args, 'key_dim');
    const valueDim = arg.optionalInt(args, 'value_dim') ?? keyDim;
    const useBias = arg.bool(args, 'use_bias');
    const useGate = arg.bool(args, 'use_gate');

    const query = tensorArg(call, 0, 'query');
    if (!query) return fail('attention-no-query', {}, 'query');
    const value = tensorArg(call, 1, 'value');
    if (!value) return fail('attention-no-value', {}, 'value');
    const key = tensorArg(call, 2, 'key') ?? value;
    for (const [name, s] of [
      ['query', query],
      ['value', value],
      ['key', key],
    ] as const) {
      if (s.length < 3) fail('attention-rank', { name, input: shapeText(s) }, name);
    }
    if (!sameDims(value.slice(1, -1), key.slice(1, -1))) {
      fail('attention-key-value-differ', { value: shapeText(value), key: shapeText(key) }, 'key');
    }
    const dq = lastDim(query);
    const dk = lastDim(key);
    const dv = lastDim(value);
    const out = outputSizes(args['output_shape'], dq);

    const projections: [string, number, number][] = [
      ['query', dq, keyDim],
      ['key', dk, keyDim],
      ...(useGate ? [['gate', dq, valueDim] as [string, number, number]] : []),
      ['value', dv, valueDim],
    ];
    const weights: Weight[] = [];
    for (const [name, features, size] of projections) {
      weights.push(weight(`${name}/kernel`, [features, heads, size]));
      if (useBias) weights.push(weight(`${name}/bias`, [heads, size]));
    }
    weights.push(weight('attention_output/kernel', [heads, valueDim, ...out]));
    if (useBias) weights.push(weight('attention_output/bias', out));

    const H = (): Term => num(heads, 'heads', 'num_heads');
    const K = (): Term => num(keyDim, 'key size', 'key_dim');
    const V = (): Term => num(valueDim, 'value size', 'value_dim');
    const O = (): Term => num(product(out)!, 'output size', args['output_shape'] === null ? undefined : 'output_shape');
    const Dq = (): Term => num(dq, 'query features');
    const Dk = (): Term => num(dk, 'key features');
    const Dv = (): Term => num(dv, 'value features');
    const formula = add(
      projection(H(), K(), Dq(), useBias),
      projection(H(), K(), Dk(), useBias),
      ...(useGate ? [projection(H(), V(), Dq(), useBias)] : []),
      projection(H(), V(), Dv(), useBias),
      mul(H(), V(), O()),
      ...(useBias ? [O()] : []),
    );

    // each projection at every position of its tensor, the two products per head, the output projection
    const tq = positions(query, 'query positions');
    const macs = total(
      part('query projection', macsProduct(tq, Dq(), H(), K())),
      part('key projection', macsProduct(positions(key, 'key positions'), Dk(), H(), K())),
      ...(useGate ? [part('gate projection', macsProduct(tq, Dq(), H(), V()))] : []),
      part('value projection', macsProduct(positions(value, 'key positions'), Dv(), H(), V())),
      ...scoreAndMix(H(), positionCount(query.slice(1, -1)), attendedKeyPositions(args['attention_axes'], key), K(), V()),
      part('output projection', macsProduct(tq, H(), V(), O())),
    );

    const output: Shape = [...query.slice(0, -1), ...out];
    // Keras sizes the scores (batch, heads, Tq, Tq) from the query alone, even when Tv differs.
    const scores: Shape = [query[0] ?? null, heads, query[1] ?? null, query[1] ?? null];
    const last = out.map((_, i) => query.length - 1 + i);
    const steps: ShapeStep[] = [
      args['output_shape'] === null ? plainStep('unchanged', last, [dq], out) : plainStep('set-to-arg', last, [dq], out, 'output_shape'),
    ];
    if (call.kwargs['return_attention_scores'] !== true) return { output, weights, formula, steps, macs };
    const t = query[1] ?? null;
    steps.push(...forTensor(1, [plainStep('set-to-arg', [1], [], [heads], 'num_heads'), plainStep('permute', [2, 3], [t, t], [t, t])]));
    return { output: [output, scores], weights, formula, steps, macs };
  },
};

/** Attention and AdditiveAttention are called on a list: `[query, value]` or `[query, value, key]`. */
function attentionInputs(call: CallShapes): { query: Shape; value: Shape; key: Shape } {
  const list = call.args[0] ?? call.kwargs['inputs'];
  if (!Array.isArray(list) || isShape(list) || !list.every((v) => isShape(v))) {
    return fail('attention-not-list', {}, 'inputs');
  }
  if (list.length < 2 || list.length > 3) fail('attention-list-length', { count: list.length }, 'inputs');
  const [query, value, key] = list as Shape[];
  return { query: query!, value: value!, key: key ?? value! };
}

/** Scores over the query's features, then the mix of the value's: no projections, no heads. */
function plainAttentionMacs(q: { query: Shape; value: Shape; key: Shape }): Term | null {
  const tq = positionCount(q.query.slice(1, -1));
  const tk = q.key[q.key.length - 2] ?? null;
  return total(...scoreAndMix(null, tq, tk, num(lastDim(q.query), 'query features'), num(lastDim(q.value), 'value features')));
}

/** Both layers return `query[:-1] + value[-1:]`, and with scores `(…, Tq, Tv)` as well. */
function attentionOutput(call: CallShapes, q: { query: Shape; value: Shape; key: Shape }): { output: OutputShape; steps: ShapeStep[] } {
  const last = q.query.length - 1;
  const features = q.value[q.value.length - 1] ?? null;
  const output: Shape = [...q.query.slice(0, -1), features];
  const steps = [plainStep('permute', [last], [features], [features])];
  if (call.kwargs['return_attention_scores'] !== true) return { output, steps };
  const tv = q.key[q.key.length - 2] ?? null;
  steps.push({ ...plainStep('permute', [last], [tv], [tv]), tensor: 1 });
  return { output: [output, [...q.query.slice(0, -1), tv]], steps };
}

/** Attention (Luong): dot-product scores, an optional scalar scale, a scalar for `score_mode="concat"`. */
/** The [query, value] a printed attention row received (value = query when it shows one tensor). */
function attentionShapes(inputs: readonly (Shape | undefined)[]): Shape[] {
  const query = inputs[0];
  const value = inputs[1] ?? query;
  return query && value ? [query, value] : [];
}

const Attention: LayerSpec = {
  family: 'attention',
  takes: 'list',
  example: {
    args: {},
    input: [
      [null, 8, 16],
      [null, 10, 16],
    ],
  },
  defaults: { use_scale: false, score_mode: 'dot', dropout: 0 },
  // one scalar for use_scale, one for the concat score: a count of 1 or 2
  infer: ({ inputs }) =>
    [{ use_scale: true }, { score_mode: 'concat' }, { use_scale: true, score_mode: 'concat' }].map((args) => ({
      args,
      input: attentionShapes(inputs),
    })),
  build({ args, call }) {
    const inputs = attentionInputs(call);
    const useScale = arg.bool(args, 'use_scale');
    const concat = arg.oneOf(args, 'score_mode', ['dot', 'concat'] as const) === 'concat';
    const weights = [...(useScale ? [weight('scale', [])] : []), ...(concat ? [weight('concat_score_weight', [])] : [])];
    return {
      ...attentionOutput(call, inputs),
      weights,
      ...(weights.length ? { formula: weights.length === 2 ? add(num(1, 'scalar'), num(1, 'scalar')) : num(1, 'scalar') } : {}),
      macs: plainAttentionMacs(inputs),
    };
  },
};

/** AdditiveAttention (Bahdanau): with `use_scale`, one learned scale per query feature. */
const AdditiveAttention: LayerSpec = {
  family: 'attention',
  takes: 'list',
  example: {
    args: {},
    input: [
      [null, 8, 16],
      [null, 10, 16],
    ],
  },
  defaults: { use_scale: true, dropout: 0 },
  // one scale per query feature
  infer: ({ inputs }) => [{ args: {}, input: attentionShapes(inputs) }],
  build({ args, call }) {
    const inputs = attentionInputs(call);
    const macs = plainAttentionMacs(inputs);
    if (!arg.bool(args, 'use_scale')) return { ...attentionOutput(call, inputs), weights: [], macs };
    const features = lastDim(inputs.query);
    return { ...attentionOutput(call, inputs), weights: [weight('scale', [features])], formula: num(features, 'input features'), macs };
  },
};

export const attentionLayers = withPositional({ MultiHeadAttention, Attention, AdditiveAttention } satisfies Record<string, LayerSpec>, {
  Attention: ['use_scale', 'score_mode'],
  AdditiveAttention: ['use_scale'],
});
