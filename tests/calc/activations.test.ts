/**
 * Activation and regularization layers, read like the lesson: they change values, never shapes,
 * and only PReLU learns anything. Expected numbers are executed Keras 3 facts from
 * docs/keras-layers.md#activations-and-regularization or hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { equationText } from '@calc/explain.ts';
import type { LayerArgs, Shape } from '@calc/types.ts';
import { build, problem } from './build-layer.ts';

describe('PReLU: one learned slope per position, unless axes share one', () => {
  it('learns 8 × 8 × 3 = 192 slopes on an 8 × 8 × 3 input (Keras 3, executed)', () => {
    const row = build('PReLU', {}, [null, 8, 8, 3]);
    expect(row.params).toBe(192);
    expect(row.weights.map((w) => [w.name, w.shape, w.trainable])).toEqual([['alpha', [8, 8, 3], true]]);
    expect(equationText(row.formula!)).toBe('8 × 8 × 3 = 192');
  });

  it('shares the slope across height and width with shared_axes=[1, 2]: 1 × 1 × 3 = 3 (Keras 3, executed)', () => {
    const row = build('PReLU', { shared_axes: [1, 2] }, [null, 8, 8, 3]);
    expect(row.params).toBe(3);
    expect(row.weights[0]!.shape).toEqual([1, 1, 3]);
    expect(equationText(row.formula!)).toBe('1 × 1 × 3 = 3');
  });

  it('takes a single shared axis as an int: shared_axes=1 on (10, 5) leaves 5 slopes', () => {
    expect(build('PReLU', { shared_axes: 1 }, [null, 10, 5]).params).toBe(5);
  });

  it('counts shared_axes from 1 because axis 0 is the batch, so 0 is refused', () => {
    const d = problem('PReLU', { shared_axes: [0] }, [null, 8, 8, 3]);
    expect(d.arg).toBe('shared_axes');
    expect(d.message).toContain('1 to 3');
  });

  it('needs a size for every axis it does not share: a free sequence length must be shared', () => {
    expect(problem('PReLU', {}, [null, null, 16]).arg).toBe('shared_axes');
    expect(build('PReLU', { shared_axes: [1] }, [null, null, 16]).params).toBe(16);
  });
});

describe('the other activation layers have no weights and keep the shape (docs/learner-mistakes.md#weightless-layers)', () => {
  it.each([
    ['ReLU', { max_value: 6 }],
    ['LeakyReLU', { negative_slope: 0.2 }],
    ['ELU', { alpha: 1 }],
    ['Softmax', { axis: -1 }],
    ['ThresholdedReLU', { theta: 1 }],
    ['Activation', { activation: 'relu' }],
  ])('%s on (None, 10, 64): 0 parameters', (type, args) => {
    const row = build(type, args, [null, 10, 64]);
    expect([row.params, row.outputShape]).toEqual([0, [null, 10, 64]]);
  });

  it('accepts tf.keras’s LeakyReLU(alpha=0.3)', () => {
    expect(build('LeakyReLU', { alpha: 0.3 }, [null, 4], 'tf.keras').params).toBe(0);
  });

  it('refuses what Keras refuses: a negative ReLU max_value or LeakyReLU slope', () => {
    expect(problem('ReLU', { max_value: -1 }, [null, 4]).arg).toBe('max_value');
    expect(problem('LeakyReLU', { negative_slope: -0.1 }, [null, 4]).arg).toBe('negative_slope');
  });
});

describe('regularization layers act only in training: 0 parameters, same shape', () => {
  it.each([
    ['Dropout', { rate: 0.5 }, [null, 128]],
    ['GaussianDropout', { rate: 0.1 }, [null, 128]],
    ['AlphaDropout', { rate: 0.1 }, [null, 128]],
    ['GaussianNoise', { stddev: 0.1 }, [null, 128]],
    ['ActivityRegularization', { l1: 0.01 }, [null, 128]],
    ['SpatialDropout1D', { rate: 0.2 }, [null, 10, 16]],
    ['SpatialDropout2D', { rate: 0.2 }, [null, 8, 8, 16]],
    ['SpatialDropout3D', { rate: 0.2 }, [null, 4, 8, 8, 16]],
  ] as [string, LayerArgs, Shape][])('%s with %j keeps the shape %j', (type, args, input) => {
    const row = build(type, args, input);
    expect([row.params, row.outputShape]).toEqual([0, input]);
  });

  it('refuses a dropout rate outside 0…1', () => {
    const d = problem('Dropout', { rate: 1.5 }, [null, 128]);
    expect(d.arg).toBe('rate');
    expect(d.message).toContain('between 0 and 1');
  });

  it('drops whole feature maps, so SpatialDropout2D needs a 4-axis image batch', () => {
    expect(problem('SpatialDropout2D', { rate: 0.2 }, [null, 10, 16]).message).toMatch(/rank 4/);
  });

  it('checks GaussianNoise’s stddev in Keras 3 only', () => {
    expect(problem('GaussianNoise', { stddev: 2 }, [null, 4]).arg).toBe('stddev');
    expect(build('GaussianNoise', { stddev: 2 }, [null, 4], 'tf.keras').params).toBe(0);
  });
});
