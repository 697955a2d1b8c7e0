/**
 * Attention layers, read like the lesson. MultiHeadAttention's weights are four projections —
 * query, key and value into the heads, and the heads back out — so its count depends on the
 * feature sizes and head sizes, never on the sequence lengths. Expected numbers are the executed
 * Keras 3 facts of docs/keras-layers.md#attention, docs/learner-mistakes.md#key-dim-per-head, and
 * hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { equationText, evaluate } from '@calc/explain.ts';
import { tensor, type FunctionalModel, type NodeArg } from '@calc/model.ts';
import { describe as describeDiagnostic } from '@calc/problem.ts';
import { resolveLayer, summarize, type Row } from '@calc/summarize.ts';
import type { Diagnostic, LayerArgs, Shape } from '@calc/types.ts';
import { weightShapes } from './build-layer.ts';

/** What a call receives: a tensor (by its input's index), a list of them, or a plain value. */
type Arg = number | number[] | boolean;

/**
 * Call one layer on fresh inputs in a functional model: `shapes` are the inputs (without batch),
 * `args` and `kwargs` name them by index (`[0, 1]` is `layer(x0, x1)`, `[[0, 1]]` is `layer([x0, x1])`).
 */
function call(type: string, layerArgs: LayerArgs, shapes: Shape[], args: Arg[], kwargs: Record<string, Arg> = {}) {
  const ref = (a: Arg): NodeArg => (typeof a === 'boolean' ? a : Array.isArray(a) ? a.map((i) => tensor(`in${i}`)) : tensor(`in${a}`));
  const model: FunctionalModel = {
    kind: 'functional',
    layers: [
      ...shapes.map((s, i) => ({ layer: { type: 'InputLayer', name: `in${i}`, args: { batch_shape: [null, ...s] } }, nodes: [] })),
      {
        layer: { type, name: 'layer', args: layerArgs },
        nodes: [{ args: args.map(ref), kwargs: Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, ref(v)])) }],
      },
    ],
    inputs: shapes.map((_, i) => tensor(`in${i}`)),
    outputs: [tensor('layer')],
  };
  return summarize(model);
}

/** The called layer's row; its formula, when present, must equal its weight-derived count. */
function built(type: string, layerArgs: LayerArgs, shapes: Shape[], args: Arg[], kwargs: Record<string, Arg> = {}): Row {
  const s = call(type, layerArgs, shapes, args, kwargs);
  if (s.error) throw new Error(`${type} did not build: ${describeDiagnostic(s.error)}`);
  const row = s.rows.find((r) => r.name === 'layer')!;
  if (row.formula) expect(evaluate(row.formula)).toBe(row.params);
  return row;
}

function problem(type: string, layerArgs: LayerArgs, shapes: Shape[], args: Arg[], kwargs: Record<string, Arg> = {}): Diagnostic {
  const s = call(type, layerArgs, shapes, args, kwargs);
  if (!s.error) throw new Error(`${type} built, but a diagnostic was expected`);
  return s.error;
}

describe('MultiHeadAttention: project into heads, attend, project back', () => {
  it('counts 4,224 for 2 heads of size 16 on 32 features, self-attention (executed)', () => {
    const row = built('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [[10, 32]], [0, 0]);
    // query, key, value: 2 × 16 × (32 + 1) each; output: 2 × 16 × 32 + 32
    expect(row.params).toBe(3 * 2 * 16 * (32 + 1) + (2 * 16 * 32 + 32));
    expect(row.params).toBe(4_224);
    expect(row.outputShape).toEqual([null, 10, 32]);
    expect(equationText(row.formula!)).toBe('2 × 16 × (32 + 1) + 2 × 16 × (32 + 1) + 2 × 16 × (32 + 1) + 2 × 16 × 32 + 32 = 4,224');
  });

  it('counts 4,096 without biases (executed)', () => {
    expect(built('MultiHeadAttention', { num_heads: 2, key_dim: 16, use_bias: false }, [[10, 32]], [0, 0]).params).toBe(4_096);
  });

  it('creates the query/key/value/attention_output kernels and biases Keras names', () => {
    const row = built('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [[10, 32]], [0, 0]);
    expect(weightShapes(row)).toEqual([
      ['query/kernel', [32, 2, 16]],
      ['query/bias', [2, 16]],
      ['key/kernel', [32, 2, 16]],
      ['key/bias', [2, 16]],
      ['value/kernel', [32, 2, 16]],
      ['value/bias', [2, 16]],
      ['attention_output/kernel', [2, 16, 32]],
      ['attention_output/bias', [32]],
    ]);
  });

  it('counts 2,700 with different query, key and value sizes and output_shape=20 (executed)', () => {
    // H=4, K=8, V=6, O=20, Dq=32, Dk=16, Dv=24
    const row = built(
      'MultiHeadAttention',
      { num_heads: 4, key_dim: 8, value_dim: 6, output_shape: 20 },
      [
        [5, 32],
        [7, 24],
        [7, 16],
      ],
      [0, 1],
      { key: 2 },
    );
    expect(row.params).toBe(4 * 8 * (32 + 1) + 4 * 8 * (16 + 1) + 4 * 6 * (24 + 1) + 4 * 6 * 20 + 20);
    expect(row.params).toBe(2_700);
    expect(row.outputShape).toEqual([null, 5, 20]);
  });

  it('takes query and value as keywords too: mha(query=q, value=v)', () => {
    const row = built(
      'MultiHeadAttention',
      { num_heads: 2, key_dim: 16 },
      [
        [10, 32],
        [6, 32],
      ],
      [],
      { query: 0, value: 1 },
    );
    expect(row.params).toBe(4_224);
    expect(row.outputShape).toEqual([null, 10, 32]);
  });

  it('treats key_dim as the size of each head: d_model 512 with 8 heads wants key_dim=64', () => {
    const right = built('MultiHeadAttention', { num_heads: 8, key_dim: 64 }, [[50, 512]], [0, 0]).params;
    const wrong = built('MultiHeadAttention', { num_heads: 8, key_dim: 512 }, [[50, 512]], [0, 0]).params;
    expect(right).toBe(3 * 8 * 64 * (512 + 1) + 8 * 64 * 512 + 512);
    expect(right).toBe(1_050_624);
    expect(wrong).toBe(8_401_408);
  });

  it('reshapes the output to query[:-1] + output_shape for a tuple: (None, 10, 4, 8)', () => {
    const row = built('MultiHeadAttention', { num_heads: 2, key_dim: 4, output_shape: [4, 8] }, [[10, 32]], [0, 0]);
    expect(row.outputShape).toEqual([null, 10, 4, 8]);
    // projections 3 × 2 × 4 × 33 = 792; output kernel 2 × 4 × 4 × 8 = 256 and bias 4 × 8 = 32
    expect(row.params).toBe(792 + 256 + 32);
  });

  it('does not depend on the sequence lengths', () => {
    const short = built('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [[3, 32]], [0, 0]).params;
    const long = built(
      'MultiHeadAttention',
      { num_heads: 2, key_dim: 16 },
      [
        [300, 32],
        [70, 32],
      ],
      [0, 1],
    ).params;
    expect(short).toBe(long);
  });

  it('adds the scores (None, heads, Tq, Tq) with return_attention_scores=True', () => {
    const row = built('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [[10, 32]], [0, 0], { return_attention_scores: true });
    expect(row.outputShape).toEqual([
      [null, 10, 32],
      [null, 2, 10, 10],
    ]);
  });

  it('needs key_dim, and a value besides the query', () => {
    expect(problem('MultiHeadAttention', { num_heads: 2 }, [[10, 32]], [0, 0]).arg).toBe('key_dim');
    const r = resolveLayer({ type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16 } }, [null, 10, 32]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.arg).toBe('value');
  });

  it('rejects a key and value that disagree on the sequence axis', () => {
    const d = problem(
      'MultiHeadAttention',
      { num_heads: 2, key_dim: 16 },
      [
        [10, 32],
        [7, 32],
        [8, 32],
      ],
      [0, 1, 2],
    );
    expect(d.message).toBe('value (None, 7, 32) and key (None, 8, 32) must agree on every axis but the last');
  });
});

describe('Attention and AdditiveAttention: scores without projections', () => {
  it('Attention on [query, value] gives query[:-1] + value[-1:] and no weights', () => {
    const row = built(
      'Attention',
      {},
      [
        [10, 16],
        [7, 24],
      ],
      [[0, 1]],
    );
    expect(row.outputShape).toEqual([null, 10, 24]);
    expect(row.params).toBe(0);
  });

  it('Attention learns one scalar with use_scale, and one more with score_mode="concat"', () => {
    expect(
      built(
        'Attention',
        { use_scale: true },
        [
          [10, 16],
          [7, 16],
        ],
        [[0, 1]],
      ).params,
    ).toBe(1);
    expect(
      built(
        'Attention',
        { use_scale: true, score_mode: 'concat' },
        [
          [10, 16],
          [7, 16],
        ],
        [[0, 1]],
      ).params,
    ).toBe(2);
  });

  it('AdditiveAttention learns one scale per query feature: 16', () => {
    const row = built(
      'AdditiveAttention',
      {},
      [
        [10, 16],
        [7, 16],
      ],
      [[0, 1]],
    );
    expect(weightShapes(row)).toEqual([['scale', [16]]]);
    expect(row.params).toBe(16);
    expect(
      built(
        'AdditiveAttention',
        { use_scale: false },
        [
          [10, 16],
          [7, 16],
        ],
        [[0, 1]],
      ).params,
    ).toBe(0);
  });

  it('accepts a key as the third list item and returns (None, Tq, Tv) scores on request', () => {
    const row = built(
      'Attention',
      {},
      [
        [10, 16],
        [7, 24],
        [7, 16],
      ],
      [[0, 1, 2]],
      { return_attention_scores: true },
    );
    expect(row.outputShape).toEqual([
      [null, 10, 24],
      [null, 10, 7],
    ]);
  });

  it('must be called on a list of 2 or 3 tensors', () => {
    expect(problem('Attention', {}, [[10, 16]], [0]).message).toContain('list');
    expect(problem('AdditiveAttention', {}, [[10, 16]], [[0]]).message).toContain('got 1');
  });
});
