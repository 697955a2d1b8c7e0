/**
 * Normalization layers, read like the lesson. Expected numbers are hand arithmetic written in the
 * test, executed Keras 3 facts from docs/keras-layers.md#normalization, or docs/learner-mistakes.md.
 */
import { describe, expect, it } from 'vitest';
import { equationText } from '@calc/explain.ts';
import { tensor, type FunctionalModel, type SequentialModel } from '@calc/model.ts';
import { summarize } from '@calc/summarize.ts';
import { build, problem } from './build-layer.ts';

const weightShapes = (row: { weights: { name: string; shape: number[]; trainable: boolean }[] }) =>
  row.weights.map((w) => [w.name, w.shape, w.trainable ? 'T' : 'NT']);

describe('BatchNormalization: γ and β learn, the moving mean and variance are only averaged', () => {
  it('keeps 4 × 16 = 64 numbers on an 8 × 8 × 16 input: 32 trainable, 32 not (Keras 3, executed)', () => {
    const row = build('BatchNormalization', {}, [null, 8, 8, 16]);
    expect(row.params).toBe(64);
    expect(row.trainable).toBe(2 * 16);
    expect(row.nonTrainable).toBe(2 * 16);
    expect(row.outputShape).toEqual([null, 8, 8, 16]);
    expect(equationText(row.formula!)).toBe('(2 + 2) × 16 = 64');
  });

  it('creates gamma, beta, moving_mean and moving_variance, one number per channel each', () => {
    const row = build('BatchNormalization', {}, [null, 8, 8, 16]);
    expect(weightShapes(row)).toEqual([
      ['gamma', [16], 'T'],
      ['beta', [16], 'T'],
      ['moving_mean', [16], 'NT'],
      ['moving_variance', [16], 'NT'],
    ]);
  });

  it('after Dense(512) counts 2,048 = 1,024 trainable + 1,024 non-trainable (docs/learner-mistakes.md#batch-norm-split)', () => {
    const row = build('BatchNormalization', {}, [null, 512]);
    expect([row.params, row.trainable, row.nonTrainable]).toEqual([2_048, 1_024, 1_024]);
  });

  it('normalizes per channel, not per pixel: 4 × 64 = 256 whatever the height and width (docs/learner-mistakes.md#batch-norm-split)', () => {
    expect(build('BatchNormalization', {}, [null, 7, 7, 64]).params).toBe(4 * 64);
    expect(build('BatchNormalization', {}, [null, 112, 112, 64]).params).toBe(4 * 64);
  });

  it('drops β with center=False and γ with scale=False; the statistics always stay', () => {
    const noBeta = build('BatchNormalization', { center: false }, [null, 8, 8, 16]);
    expect([noBeta.params, noBeta.trainable, noBeta.nonTrainable]).toEqual([3 * 16, 16, 2 * 16]);
    expect(equationText(noBeta.formula!)).toBe('(1 + 2) × 16 = 48');
    const neither = build('BatchNormalization', { center: false, scale: false }, [null, 8, 8, 16]);
    expect([neither.params, neither.trainable, neither.nonTrainable]).toEqual([2 * 16, 0, 2 * 16]);
    expect(equationText(neither.formula!)).toBe('2 × 16 = 32');
  });

  it('reads channels from axis 1 for channels_first input: (16, 8, 8) still gives 4 × 16', () => {
    const row = build('BatchNormalization', { axis: 1 }, [null, 16, 8, 8]);
    expect(row.params).toBe(4 * 16);
    expect(row.weights[0]!.shape).toEqual([16]);
  });

  it('adds three non-trainable vectors with renorm=True: 2 × 16 trainable + 5 × 16 not', () => {
    const row = build('BatchNormalization', { renorm: true }, [null, 8, 8, 16]);
    expect([row.trainable, row.nonTrainable]).toEqual([2 * 16, 5 * 16]);
    expect(row.weights.map((w) => w.name)).toEqual([
      'gamma',
      'beta',
      'moving_mean',
      'moving_variance',
      'moving_stddev',
      'renorm_mean',
      'renorm_stddev',
    ]);
  });

  it('in tf.keras takes a list of axes and shapes every vector like the input with 1 elsewhere', () => {
    const row = build('BatchNormalization', { axis: [1, 3] }, [null, 8, 8, 16], 'tf.keras');
    expect(row.weights[0]!.shape).toEqual([1, 8, 1, 16]);
    expect(row.params).toBe(4 * 8 * 16);
  });

  it('refuses a list of axes in Keras 3, where axis is one integer', () => {
    const d = problem('BatchNormalization', { axis: [1, 3] }, [null, 8, 8, 16]);
    expect(d.arg).toBe('axis');
    expect(d.message).toMatch(/single integer/);
  });

  it('cannot create weights along a channel axis of unknown size', () => {
    const d = problem('BatchNormalization', {}, [null, 8, 8, null]);
    expect(d.arg).toBe('axis');
    expect(d.message).toContain('(None, 8, 8, None)');
  });
});

describe('a frozen base model: trainable=False moves every weight, γ and β included, to non-trainable', () => {
  // docs/learner-mistakes.md#frozen-base: Conv2D(8, 3) on RGB = 8 × (3 × 3 × 3 + 1) = 224, BN on 8 channels = 4 × 8 = 32
  const base: SequentialModel = {
    kind: 'sequential',
    name: 'base',
    trainable: false,
    layers: [
      { type: 'Conv2D', args: { filters: 8, kernel_size: 3 } },
      { type: 'BatchNormalization', args: {} },
    ],
  };
  const model: SequentialModel = {
    kind: 'sequential',
    name: 'classifier',
    input: [null, 32, 32, 3],
    layers: [
      { type: 'Sequential', model: base },
      { type: 'GlobalAveragePooling2D', args: {} },
      { type: 'Dense', args: { units: 2 } },
    ],
  };

  it('counts the base’s 224 + 32 = 256 all as non-trainable; only the new head (8 × 2 + 2 = 18) trains', () => {
    const s = summarize(model);
    expect(s.error).toBeUndefined();
    expect(s.totals.nonTrainable).toBe(8 * (3 * 3 * 3 + 1) + 4 * 8);
    expect(s.totals.trainable).toBe(8 * 2 + 2);
  });
});

describe('LayerNormalization: γ and β over the normalized axes, per sample instead of per batch', () => {
  it('counts 2 × 64 = 128 on (10, 64) with the default axis=-1', () => {
    const row = build('LayerNormalization', {}, [null, 10, 64]);
    expect(row.params).toBe(2 * 64);
    expect(row.trainable).toBe(row.params);
  });

  it('counts 2 × 10 × 64 = 1,280 with axis=[1, 2] (Keras 3 and tfjs, executed)', () => {
    const row = build('LayerNormalization', { axis: [1, 2] }, [null, 10, 64]);
    expect(row.params).toBe(1_280);
    expect(weightShapes(row)).toEqual([
      ['gamma', [10, 64], 'T'],
      ['beta', [10, 64], 'T'],
    ]);
    expect(equationText(row.formula!)).toBe('2 × 10 × 64 = 1,280');
  });

  it('accepts the same axes written negatively or out of order', () => {
    expect(build('LayerNormalization', { axis: [-1, -2] }, [null, 10, 64]).params).toBe(1_280);
  });

  it('keeps only γ with center=False, or with the deprecated rms_scaling=True', () => {
    expect(build('LayerNormalization', { center: false }, [null, 10, 64]).params).toBe(64);
    const rms = build('LayerNormalization', { rms_scaling: true }, [null, 10, 64]);
    expect(weightShapes(rms)).toEqual([['gamma', [64], 'T']]);
  });

  it('refuses an axis listed twice and an axis the input does not have', () => {
    expect(problem('LayerNormalization', { axis: [2, -1] }, [null, 10, 64]).message).toMatch(/same axis twice/);
    expect(problem('LayerNormalization', { axis: 3 }, [null, 10, 64]).arg).toBe('axis');
  });
});

describe('GroupNormalization: channels in equal groups, but γ and β are still per channel', () => {
  it('counts 2 × 16 = 32 with groups=4 on 16 channels (Keras 3, executed)', () => {
    const row = build('GroupNormalization', { groups: 4 }, [null, 8, 8, 16]);
    expect(row.params).toBe(32);
    expect(equationText(row.formula!)).toBe('2 × 16 = 32');
  });

  it('treats groups=-1 as one group per channel (instance normalization): still 2 × 16', () => {
    expect(build('GroupNormalization', { groups: -1 }, [null, 8, 8, 16]).params).toBe(2 * 16);
  });

  it('reports that 6 channels cannot be split into 4 equal groups', () => {
    const d = problem('GroupNormalization', { groups: 4 }, [null, 8, 8, 6]);
    expect(d.arg).toBe('groups');
    expect(d.message).toContain('the 6 channels cannot be split into 4 equal groups');
  });

  it('reports more groups than channels with the default groups=32 on 16 channels', () => {
    const d = problem('GroupNormalization', {}, [null, 8, 8, 16]);
    expect(d.arg).toBe('groups');
    expect(d.message).toMatch(/more groups than channels/);
  });
});

describe('UnitNormalization, RMSNormalization and SpectralNormalization', () => {
  it('UnitNormalization only divides by a norm: 0 parameters', () => {
    const row = build('UnitNormalization', {}, [null, 10, 64]);
    expect([row.params, row.outputShape]).toEqual([0, [null, 10, 64]]);
  });

  it('RMSNormalization keeps one scale per feature: 64 on (10, 64)', () => {
    const row = build('RMSNormalization', {}, [null, 10, 64]);
    expect(weightShapes(row)).toEqual([['scale', [64], 'T']]);
  });

  it('SpectralNormalization adds a non-trainable u as long as the kernel’s last axis: Dense(10) on 20 → 210 + 10', () => {
    const row = build('SpectralNormalization', { layer: { type: 'Dense', args: { units: 10 } } }, [null, 20]);
    expect([row.trainable, row.nonTrainable]).toEqual([20 * 10 + 10, 10]);
    expect(row.outputShape).toEqual([null, 10]);
  });
});

describe('ConvNeXt’s LayerScale: one learned γ per projection channel', () => {
  it('holds 96 numbers for projection_dim=96, all trainable', () => {
    const row = build('LayerScale', { init_values: 1e-6, projection_dim: 96 }, [null, 56, 56, 96]);
    expect(weightShapes(row)).toEqual([['gamma', [96], 'T']]);
    expect(row.outputShape).toEqual([null, 56, 56, 96]);
  });

  it('completes a ConvNeXt-Tiny block at width 96: 4,800 + 192 + 37,248 + 36,960 + 96 = 79,296', () => {
    const block: FunctionalModel = {
      kind: 'functional',
      name: 'block',
      layers: [
        { layer: { type: 'InputLayer', name: 'x', args: { batch_shape: [null, 56, 56, 96] } }, nodes: [] },
        {
          layer: { type: 'Conv2D', name: 'dw', args: { filters: 96, kernel_size: 7, padding: 'same', groups: 96 } },
          nodes: [{ args: [tensor('x')], kwargs: {} }],
        },
        { layer: { type: 'LayerNormalization', name: 'ln', args: { epsilon: 1e-6 } }, nodes: [{ args: [tensor('dw')], kwargs: {} }] },
        { layer: { type: 'Dense', name: 'pw1', args: { units: 384 } }, nodes: [{ args: [tensor('ln')], kwargs: {} }] },
        { layer: { type: 'Dense', name: 'pw2', args: { units: 96 } }, nodes: [{ args: [tensor('pw1')], kwargs: {} }] },
        {
          layer: { type: 'LayerScale', name: 'scale', args: { init_values: 1e-6, projection_dim: 96 } },
          nodes: [{ args: [tensor('pw2')], kwargs: {} }],
        },
        { layer: { type: 'Add', name: 'residual' }, nodes: [{ args: [tensor('x'), tensor('scale')], kwargs: {} }] },
      ],
      inputs: [tensor('x')],
      outputs: [tensor('residual')],
    };
    const s = summarize(block);
    expect(s.error).toBeUndefined();
    // depthwise 7 × 7 × 1 × 96 + 96; LN 2 × 96; 96 → 384 dense; 384 → 96 dense; γ
    const expected = 7 * 7 * 96 + 96 + 2 * 96 + (96 * 384 + 384) + (384 * 96 + 96) + 96;
    expect(expected).toBe(79_296);
    expect(s.totals.params).toBe(expected);
    expect(s.outputs).toEqual([[null, 56, 56, 96]]);
  });
});
