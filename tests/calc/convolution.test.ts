/**
 * Convolution layers, read like the lesson. Every expected number is hand arithmetic written in
 * the test or an executed Keras 3 fact from docs/output-lengths.md and docs/keras-layers.md#convolution.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equationText, evaluate, type Term } from '@calc/explain.ts';
import { describe as describeDiagnostic } from '@calc/problem.ts';
import { modelFromKerasJson, parseJsonText } from '@calc/import/keras-json.ts';
import { resolveLayer, summarize } from '@calc/summarize.ts';
import type { LayerArgs } from '@calc/types.ts';
import { loadGoldens } from '../golden/golden.ts';
import { build, problem, weightShapes } from './build-layer.ts';

/** The roles of a formula's numbers, left to right: what its legend names. */
const roles = (t: Term): string[] => (t.kind === 'num' ? [t.role] : t.terms.flatMap(roles));

describe('Conv2D: one kernel per filter over all input channels, plus one bias per filter', () => {
  it('counts 32 × (1 × 3 × 3 + 1) = 320 for the tutorial’s first Conv2D on 28 × 28 × 1', () => {
    const row = build('Conv2D', { filters: 32, kernel_size: 3 }, [null, 28, 28, 1]);
    expect(row.params).toBe(32 * (1 * 3 * 3 + 1));
    expect(row.outputShape).toEqual([null, 26, 26, 32]);
  });

  it('counts 64 × (32 × 3 × 3 + 1) = 18,496 for the second Conv2D', () => {
    const row = build('Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }, [null, 13, 13, 32]);
    expect(row.params).toBe(64 * (32 * 3 * 3 + 1));
    expect(row.params).toBe(18_496);
    expect(row.outputShape).toEqual([null, 11, 11, 64]);
    expect(equationText(row.formula!)).toBe('64 × (32 × 3 × 3 + 1) = 18,496');
  });

  it('creates a kernel of 3 × 3 × 32 × 64 and a bias of 64', () => {
    const row = build('Conv2D', { filters: 64, kernel_size: 3 }, [null, 13, 13, 32]);
    expect(weightShapes(row)).toEqual([
      ['kernel', [3, 3, 32, 64]],
      ['bias', [64]],
    ]);
    expect(row.trainable).toBe(row.params);
  });

  it('drops the + 1 without a bias: 64 × 32 × 3 × 3 = 18,432', () => {
    const row = build('Conv2D', { filters: 64, kernel_size: 3, use_bias: false }, [null, 13, 13, 32]);
    expect(row.params).toBe(64 * 32 * 3 * 3);
    expect(weightShapes(row)).toEqual([['kernel', [3, 3, 32, 64]]]);
  });

  it('gives 13 × 9 for kernel (3, 5) and strides (2, 3) on 28 × 29', () => {
    const row = build('Conv2D', { filters: 4, kernel_size: [3, 5], strides: [2, 3] }, [null, 28, 29, 1]);
    expect(row.outputShape).toEqual([null, 13, 9, 4]);
    expect(row.params).toBe(4 * (1 * 3 * 5 + 1));
  });

  it('shrinks 28 to 24 with a 3 × 3 kernel dilated by 2 (it spans 5)', () => {
    expect(build('Conv2D', { filters: 8, kernel_size: 3, dilation_rate: 2 }, [null, 28, 28, 3]).outputShape).toEqual([null, 24, 24, 8]);
  });

  it('keeps ⌈28 / 2⌉ = 14 with padding "same" and stride 2, whatever the kernel', () => {
    expect(build('Conv2D', { filters: 8, kernel_size: 5, strides: 2, padding: 'same' }, [null, 28, 28, 3]).outputShape).toEqual([
      null,
      14,
      14,
      8,
    ]);
  });

  it('reads padding case-insensitively, as Keras does', () => {
    expect(build('Conv2D', { filters: 8, kernel_size: 3, padding: 'SAME' }, [null, 28, 28, 3]).outputShape).toEqual([null, 28, 28, 8]);
  });

  it('reads channels from axis 1 with channels_first: 16 × (3 × 3 × 3 + 1) = 448, output (None, 16, 30, 30)', () => {
    const row = build('Conv2D', { filters: 16, kernel_size: 3, data_format: 'channels_first' }, [null, 3, 32, 32]);
    expect(row.params).toBe(16 * (3 * 3 * 3 + 1));
    expect(row.outputShape).toEqual([null, 16, 30, 30]);
  });

  it('keeps an unknown height unknown', () => {
    expect(build('Conv2D', { filters: 8, kernel_size: 3 }, [null, null, 28, 3]).outputShape).toEqual([null, null, 26, 8]);
  });

  it('splits 8 channels into 4 groups of 2: 16 × (2 × 3 × 3 + 1) = 304', () => {
    const row = build('Conv2D', { filters: 16, kernel_size: 3, groups: 4 }, [null, 10, 10, 8]);
    expect(row.params).toBe(16 * ((8 / 4) * 3 * 3 + 1));
    expect(row.params).toBe(304);
    expect(weightShapes(row)).toEqual([
      ['kernel', [3, 3, 2, 16]],
      ['bias', [16]],
    ]);
  });

  it('shows the reader both numbers of a grouped count: 64 × (32 / 4 × 3 × 3 + 1) = 4,672', () => {
    // 32 channels in 4 groups: each filter sees 8 of them; 64 × (8 × 9 + 1) = 64 × 73 = 4,672
    const row = build('Conv2D', { filters: 64, kernel_size: 3, groups: 4 }, [null, 26, 26, 32]);
    expect(equationText(row.formula!)).toBe('64 × (32 / 4 × 3 × 3 + 1) = 4,672');
    expect(roles(row.formula!)).toEqual(['filters', 'input channels', 'groups', 'kernel height', 'kernel width', 'bias']);
  });

  it('names each kernel factor by its axis, and leaves groups = 1 as it was', () => {
    const row = build('Conv2D', { filters: 64, kernel_size: [3, 5] }, [null, 13, 13, 32]);
    expect(equationText(row.formula!)).toBe('64 × (32 × 3 × 5 + 1) = 30,784');
    expect(roles(row.formula!)).toEqual(['filters', 'input channels', 'kernel height', 'kernel width', 'bias']);
    const cube = build('Conv3D', { filters: 8, kernel_size: 3 }, [null, 10, 10, 10, 2]);
    expect(roles(cube.formula!)).toEqual(['filters', 'input channels', 'kernel depth', 'kernel height', 'kernel width', 'bias']);
    const line = build('Conv1D', { filters: 8, kernel_size: 3 }, [null, 20, 4]);
    expect(roles(line.formula!)).toEqual(['filters', 'input channels', 'kernel', 'bias']);
  });
});

describe('Conv1D and Conv3D: the same rule with one or three spatial axes', () => {
  it('turns 101 steps into 50 (valid), 51 (same) and 51 (causal) with k=3, s=2', () => {
    const run = (padding: string) => build('Conv1D', { filters: 8, kernel_size: 3, strides: 2, padding }, [null, 101, 4]).outputShape;
    expect(run('valid')).toEqual([null, 50, 8]);
    expect(run('same')).toEqual([null, 51, 8]);
    expect(run('causal')).toEqual([null, 51, 8]);
  });

  it('keeps every step with causal padding, even with dilation: k=3, d=2 on 100 → 100', () => {
    expect(build('Conv1D', { filters: 8, kernel_size: 3, dilation_rate: 2, padding: 'causal' }, [null, 100, 4]).outputShape).toEqual([
      null,
      100,
      8,
    ]);
  });

  it('counts 8 × (4 / 2 × 3 + 1) = 56 for Conv1D(8, 3, groups=2) on 4 channels', () => {
    expect(build('Conv1D', { filters: 8, kernel_size: 3, groups: 2 }, [null, 20, 4]).params).toBe(8 * (2 * 3 + 1));
  });

  it('counts 8 × (2 × 3 × 3 × 3 + 1) = 440 for Conv3D(8, 3) on 10 × 10 × 10 × 2', () => {
    const row = build('Conv3D', { filters: 8, kernel_size: 3 }, [null, 10, 10, 10, 2]);
    expect(row.params).toBe(8 * (2 * 27 + 1));
    expect(row.outputShape).toEqual([null, 8, 8, 8, 8]);
  });

  it('answers to the Convolution2D alias', () => {
    expect(build('Convolution2D', { filters: 32, kernel_size: 3 }, [null, 28, 28, 1]).params).toBe(320);
  });
});

describe('Conv*Transpose: the kernel stores filters before input channels, and lengths grow', () => {
  const transpose = (args: LayerArgs) =>
    build('Conv2DTranspose', { filters: 4, kernel_size: 3, strides: 2, ...args }, [null, 7, 7, 8]).outputShape;

  it('counts 16 × (32 × 3 × 3 + 1) = 4,624 for Conv2DTranspose(16, 3) on 32 channels', () => {
    const row = build('Conv2DTranspose', { filters: 16, kernel_size: 3 }, [null, 8, 8, 32]);
    expect(row.params).toBe(16 * (32 * 9 + 1));
    expect(weightShapes(row)).toEqual([
      ['kernel', [3, 3, 16, 32]],
      ['bias', [16]],
    ]);
    expect(row.outputShape).toEqual([null, 10, 10, 16]);
  });

  it('grows 7 to 14 (same) and 15 (valid) with k=3, s=2', () => {
    expect(transpose({ padding: 'same' })).toEqual([null, 14, 14, 4]);
    expect(transpose({ padding: 'valid' })).toEqual([null, 15, 15, 4]);
  });

  it('grows 7 to 14 (same) and 16 (valid) with output_padding=1', () => {
    expect(transpose({ padding: 'same', output_padding: 1 })).toEqual([null, 14, 14, 4]);
    expect(transpose({ padding: 'valid', output_padding: 1 })).toEqual([null, 16, 16, 4]);
  });

  it('grows 7 to 13 with k=4, s=2, same, output_padding=1', () => {
    expect(transpose({ kernel_size: 4, padding: 'same', output_padding: 1 })).toEqual([null, 13, 13, 4]);
  });

  it('grows 7 to 11 with k=3 dilated by 2 and stride 1', () => {
    expect(transpose({ strides: 1, dilation_rate: 2 })).toEqual([null, 11, 11, 4]);
  });

  it('grows 10 steps to 30 with Conv1DTranspose(k=2, s=3), valid', () => {
    expect(build('Conv1DTranspose', { filters: 4, kernel_size: 2, strides: 3 }, [null, 10, 6]).outputShape).toEqual([null, 30, 4]);
  });

  it('doubles every axis with Conv3DTranspose(4, 2, strides=2): 4 × (8 × 2 × 2 × 2 + 1) = 260', () => {
    const row = build('Conv3DTranspose', { filters: 4, kernel_size: 2, strides: 2 }, [null, 4, 4, 4, 8]);
    expect(row.outputShape).toEqual([null, 8, 8, 8, 4]);
    expect(row.params).toBe(4 * (8 * 8 + 1));
  });

  it('writes the grown axes after the channels with channels_first', () => {
    expect(
      build('Conv2DTranspose', { filters: 4, kernel_size: 3, strides: 2, padding: 'same', data_format: 'channels_first' }, [null, 8, 7, 7])
        .outputShape,
    ).toEqual([null, 4, 14, 14]);
  });
});

describe('DepthwiseConv: one kernel per input channel (times the depth multiplier), no mixing', () => {
  it('counts 6 × 2 × (3 × 3 + 1) = 120 for DepthwiseConv2D(3, depth_multiplier=2) on 6 channels, giving 12', () => {
    const row = build('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2 }, [null, 10, 10, 6]);
    expect(row.params).toBe(6 * 2 * (3 * 3 + 1));
    expect(row.outputShape).toEqual([null, 8, 8, 12]);
  });

  it('counts 6 × (3 + 1) = 24 for DepthwiseConv1D(3) on 6 channels', () => {
    expect(build('DepthwiseConv1D', { kernel_size: 3 }, [null, 20, 6]).params).toBe(6 * (3 + 1));
  });

  it('names the kernel "kernel" in Keras 3 and "depthwise_kernel" in tf.keras (same shape)', () => {
    expect(weightShapes(build('DepthwiseConv2D', { kernel_size: 3 }, [null, 10, 10, 6]))).toEqual([
      ['kernel', [3, 3, 6, 1]],
      ['bias', [6]],
    ]);
    expect(weightShapes(build('DepthwiseConv2D', { kernel_size: 3 }, [null, 10, 10, 6], 'tf.keras'))).toEqual([
      ['depthwise_kernel', [3, 3, 6, 1]],
      ['bias', [6]],
    ]);
  });

  it('has no causal padding', () => {
    expect(problem('DepthwiseConv1D', { kernel_size: 3, padding: 'causal' }, [null, 20, 6]).arg).toBe('padding');
  });
});

describe('SeparableConv: a depthwise step without bias, then a 1 × 1 pointwise conv with bias', () => {
  it('counts 3 × 3 × 6 × 2 + 6 × 2 × 16 + 16 = 316 for SeparableConv2D(16, 3, depth_multiplier=2) on 6 channels', () => {
    const row = build('SeparableConv2D', { filters: 16, kernel_size: 3, depth_multiplier: 2 }, [null, 10, 10, 6]);
    expect(row.params).toBe(3 * 3 * 6 * 2 + 6 * 2 * 16 + 16);
    expect(row.params).toBe(316);
    expect(weightShapes(row)).toEqual([
      ['depthwise_kernel', [3, 3, 6, 2]],
      ['pointwise_kernel', [1, 1, 12, 16]],
      ['bias', [16]],
    ]);
    expect(row.outputShape).toEqual([null, 8, 8, 16]);
  });

  it('counts 3 × 6 + 6 × 8 + 8 = 74 for SeparableConv1D(8, 3) on 6 channels', () => {
    expect(build('SeparableConv1D', { filters: 8, kernel_size: 3 }, [null, 20, 6]).params).toBe(3 * 6 + 6 * 8 + 8);
  });

  it('allows causal padding for SeparableConv1D in tf.keras but not in Keras 3', () => {
    expect(build('SeparableConv1D', { filters: 8, kernel_size: 3, padding: 'causal' }, [null, 20, 6], 'tf.keras').outputShape).toEqual([
      null,
      20,
      8,
    ]);
    const d = problem('SeparableConv1D', { filters: 8, kernel_size: 3, padding: 'causal' }, [null, 20, 6]);
    expect(d.arg).toBe('padding');
    expect(d.message).toContain('causal');
  });
});

describe('impossible convolutions are diagnostics that name the layer, the argument and the arithmetic', () => {
  it('refuses a 5 × 5 kernel on a 3 × 3 input with padding "valid"', () => {
    const d = problem('Conv2D', { filters: 8, kernel_size: 5 }, [null, 3, 3, 1]);
    expect(d.layer).toBe('conv2d');
    expect(d.layerType).toBe('Conv2D');
    expect(d.arg).toBe('kernel_size');
    expect(d.message).toContain('⌊(3 − 5) / 1⌋ + 1 = −1');
    expect(describeDiagnostic(d)).toMatch(/^conv2d \(Conv2D\), kernel_size: /);
  });

  it('accepts the same kernel with padding "same"', () => {
    expect(build('Conv2D', { filters: 8, kernel_size: 5, padding: 'same' }, [null, 3, 3, 1]).outputShape).toEqual([null, 3, 3, 8]);
  });

  it('refuses groups that do not divide the input channels: 6 channels into 4 groups', () => {
    const d = problem('Conv2D', { filters: 8, kernel_size: 3, groups: 4 }, [null, 10, 10, 6]);
    expect(d.arg).toBe('groups');
    expect(d.message).toContain('the 6 input channels cannot be split into 4 equal groups');
  });

  it('refuses groups that do not divide the filters: 6 filters into 4 groups', () => {
    const d = problem('Conv2D', { filters: 6, kernel_size: 3, groups: 4 }, [null, 10, 10, 8]);
    expect(d.arg).toBe('groups');
    expect(d.message).toContain('the 6 filters cannot be split into 4 equal groups');
  });

  it('refuses strides > 1 together with dilation_rate > 1', () => {
    for (const type of ['Conv2D', 'Conv2DTranspose', 'SeparableConv2D']) {
      const d = problem(type, { filters: 8, kernel_size: 3, strides: 2, dilation_rate: 2 }, [null, 28, 28, 3]);
      expect(d.arg).toBe('strides');
      expect(d.message).toContain('dilation_rate');
    }
    expect(problem('DepthwiseConv2D', { kernel_size: 3, strides: 2, dilation_rate: 2 }, [null, 28, 28, 3]).arg).toBe('strides');
  });

  it('refuses a negative kernel size, a kernel size given as text, and the wrong number of sizes', () => {
    expect(problem('Conv2D', { filters: 8, kernel_size: -3 }, [null, 28, 28, 3]).arg).toBe('kernel_size');
    expect(problem('Conv2D', { filters: 8, kernel_size: '3' }, [null, 28, 28, 3]).arg).toBe('kernel_size');
    expect(problem('Conv2D', { filters: 8, kernel_size: [3, 3, 3] }, [null, 28, 28, 3]).arg).toBe('kernel_size');
    expect(problem('Conv2D', { filters: 8, kernel_size: 0 }, [null, 28, 28, 3]).arg).toBe('kernel_size');
  });

  it('refuses zero filters and a missing kernel size', () => {
    expect(problem('Conv2D', { filters: 0, kernel_size: 3 }, [null, 28, 28, 3]).arg).toBe('filters');
    expect(problem('Conv2D', { filters: 8 }, [null, 28, 28, 3]).arg).toBe('kernel_size');
  });

  it('refuses causal padding outside the sequence convolutions', () => {
    expect(problem('Conv2D', { filters: 8, kernel_size: 3, padding: 'causal' }, [null, 28, 28, 3]).arg).toBe('padding');
    expect(problem('Conv1DTranspose', { filters: 8, kernel_size: 3, padding: 'causal' }, [null, 28, 3]).arg).toBe('padding');
  });

  it('refuses output_padding that is not smaller than the stride', () => {
    const d = problem('Conv2DTranspose', { filters: 8, kernel_size: 3, strides: 2, output_padding: 2 }, [null, 7, 7, 3]);
    expect(d.arg).toBe('output_padding');
    expect(d.message).toContain('2 ≥ 2');
  });

  it('refuses an empty input that a transposed convolution would turn into a negative length', () => {
    const d = problem('Conv1DTranspose', { filters: 2, kernel_size: 1, strides: 3, output_padding: 0 }, [null, 0, 3]);
    expect(d.message).toContain('(0 − 1) × 3 + 1 + 0 = −2');
  });

  it('refuses an input of the wrong rank and says which axes it expects', () => {
    expect(problem('Conv2D', { filters: 8, kernel_size: 3 }, [null, 28, 28]).message).toContain('batch, height, width, channels');
    expect(problem('Conv1D', { filters: 8, kernel_size: 3, data_format: 'channels_first' }, [null, 28]).message).toContain(
      'batch, channels, steps',
    );
  });

  it('refuses an unknown channel count, which the kernel needs', () => {
    expect(problem('Conv2D', { filters: 8, kernel_size: 3 }, [null, 28, 28, null]).message).toContain('channel');
  });

  it('never throws, never returns NaN, and keeps formula = params for any arguments', () => {
    const small = fc.integer({ min: -1, max: 5 });
    const value = fc.oneof(
      { arbitrary: small, weight: 6 },
      { arbitrary: fc.array(small, { maxLength: 4 }), weight: 3 },
      { arbitrary: fc.constantFrom(null, 'same', 'valid', 'causal', 'x', '3', 2.5, true), weight: 2 },
    );
    const types = [
      'Conv1D',
      'Conv2D',
      'Conv3D',
      'Conv1DTranspose',
      'Conv2DTranspose',
      'Conv3DTranspose',
      'DepthwiseConv1D',
      'DepthwiseConv2D',
      'SeparableConv1D',
      'SeparableConv2D',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.record(
          {
            filters: value,
            kernel_size: value,
            strides: value,
            padding: value,
            dilation_rate: value,
            groups: value,
            depth_multiplier: value,
            output_padding: value,
          },
          { requiredKeys: [] },
        ),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(null)), { minLength: 1, maxLength: 4 }),
        (type, args, dims) => {
          const r = resolveLayer({ type, args }, [null, ...dims]);
          if (!r.ok) {
            expect(r.error.message.length).toBeGreaterThan(0);
            return;
          }
          expect(Number.isSafeInteger(r.row.params)).toBe(true);
          for (const d of [r.row.outputShape].flat(2)) expect(d === null || (Number.isInteger(d) && (d as number) >= 0)).toBe(true);
          if (r.row.formula) expect(evaluate(r.row.formula)).toBe(r.row.params);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the teaching formula agrees with what Keras printed', () => {
  const convTypes = new Set([
    'Conv1D',
    'Conv2D',
    'Conv3D',
    'Conv1DTranspose',
    'Conv2DTranspose',
    'Conv3DTranspose',
    'DepthwiseConv1D',
    'DepthwiseConv2D',
    'SeparableConv1D',
    'SeparableConv2D',
  ]);

  it('evaluates to the Keras parameter count for every convolution row of the golden models', () => {
    let checked = 0;
    for (const g of loadGoldens()) {
      const json = parseJsonText(g.json);
      if (!json.ok) continue;
      const model = modelFromKerasJson(json.value);
      if (!model.ok) continue;
      const s = summarize(model.value);
      for (const row of s.rows) {
        if (!convTypes.has(row.type)) continue;
        const printed = g.expected.layers.find((l) => l.name === row.name);
        expect(row.formula, `${g.id} ${row.name}`).toBeDefined();
        expect(evaluate(row.formula!), `${g.id} ${row.name}`).toBe(printed?.params);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
