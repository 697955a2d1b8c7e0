/**
 * The lead's templates for the thin lessons, checked against Keras's rules written out here:
 * an embedding's output (None, T, output_dim); a depthwise convolution's channels C × multiplier;
 * cross-attention's four projections; an embedding's vocabulary = count / output_dim.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseBlank, generate, templateById } from '@exercises/index.ts';
import type { Blank, Exercise } from '@exercises/types.ts';

const SEEDS = Array.from({ length: 200 }, (_, i) => (i * 40503 + 7) >>> 0);
const blankOf = (e: Exercise): Blank => (e.response.kind === 'blanks' ? e.response.blanks[0]! : (undefined as never));
const layerOf = (e: Exercise) => {
  if (e.about?.kind !== 'layer') throw new Error(`${e.id} has no layer`);
  return e.about;
};
const mistakeValue = (e: Exercise, id: string) => blankOf(e).mistakes.find((m) => m.mistake === id)?.value;

describe('embedding-shape', () => {
  it('is (None, T, output_dim); the mistakes drop T or use input_dim', () => {
    for (const seed of SEEDS) {
      const e = generate(templateById('embedding-shape')!, seed);
      const { layer, input } = layerOf(e);
      const [, T] = input as [null, number];
      const { input_dim: V, output_dim: d } = layer.args as { input_dim: number; output_dim: number };
      expect(blankOf(e).expected.value).toEqual([null, T, d]);
      expect(mistakeValue(e, 'sequence-axis-dropped')).toEqual([null, d]);
      expect(mistakeValue(e, 'embedding-one-hot')).toEqual([null, T, V]);
      expect(diagnoseBlank(blankOf(e), `${T}x${d}`)).toEqual({ verdict: 'right' });
      expect(diagnoseBlank(blankOf(e), `(None, ${d})`)).toMatchObject({ verdict: 'wrong', mistake: { mistake: 'sequence-axis-dropped' } });
    }
  });
});

describe('depthwise-shape', () => {
  it('keeps the window rule for the sides and multiplies the channels', () => {
    for (const seed of SEEDS) {
      const e = generate(templateById('depthwise-shape')!, seed);
      const { layer, input } = layerOf(e);
      const [, n, , C] = input as [null, number, number, number];
      const {
        kernel_size: k,
        depth_multiplier: m,
        padding,
      } = layer.args as { kernel_size: number; depth_multiplier: number; padding: string };
      const side = padding === 'same' ? n : Math.floor((n - k) / 1) + 1;
      expect(blankOf(e).expected.value).toEqual([null, side, side, C * m]);
      expect(mistakeValue(e, 'depth-multiplier-ignored')).toEqual([null, side, side, C]);
      expect(mistakeValue(e, 'depthwise-as-conv')).toEqual([null, side, side, m]);
    }
  });
});

describe('mha-cross-params', () => {
  it('counts four projections, the key and value ones on the value’s features', () => {
    for (const seed of SEEDS) {
      const e = generate(templateById('mha-cross-params')!, seed);
      const { layer, input } = layerOf(e);
      const [[, , dq], [, , dv]] = input as [[null, number, number], [null, number, number]];
      const { num_heads: h, key_dim: k } = layer.args as { num_heads: number; key_dim: number };
      // query, key, value projections (value_dim defaults to key_dim), output projection back to dq
      const keras = (q: number, v: number, kd: number): number =>
        q * h * kd + h * kd + v * h * kd + h * kd + v * h * kd + h * kd + h * kd * q + q;
      expect(blankOf(e).expected.value).toBe(keras(dq, dv, k));
      expect(mistakeValue(e, 'cross-attention-features')).toBe(keras(dq, dq, k));
      expect(mistakeValue(e, 'key-dim-per-head')).toBe(keras(dq, dv, h * k));
    }
  });
});

describe('embedding-vocabulary', () => {
  it('is the count divided by output_dim; a bias taken off first gives one less', () => {
    for (const seed of SEEDS) {
      const e = generate(templateById('embedding-vocabulary')!, seed);
      const d = Number(/Embedding\(\?, (\d+)\)/.exec(e.prompt.en)![1]);
      const count = Number(/has ([\d,]+) parameters/.exec(e.prompt.en)![1]!.replace(/,/g, ''));
      expect(blankOf(e).expected.value).toBe(count / d);
      expect(mistakeValue(e, 'embedding-bias')).toBe((count - d) / d);
    }
  });
});

describe('global-pool-shape', () => {
  it('keeps the channels; Flatten or keepdims are the mistakes', () => {
    for (const seed of SEEDS) {
      const e = generate(templateById('global-pool-shape')!, seed);
      const [, h, w, c] = layerOf(e).input as [null, number, number, number];
      expect(blankOf(e).expected.value).toEqual([null, c]);
      expect(mistakeValue(e, 'global-pool-as-flatten')).toEqual([null, h * w * c]);
      expect(mistakeValue(e, 'global-pool-keepdims')).toEqual([null, 1, 1, c]);
    }
  });
});
