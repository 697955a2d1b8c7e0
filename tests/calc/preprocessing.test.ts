/**
 * Preprocessing layers, read like the lesson. Expected numbers are executed Keras 3 facts from
 * docs/keras-layers.md#normalization-preprocessing and docs/applications.md, or shapes worked out by hand from the layer's arguments.
 */
import { describe, expect, it } from 'vitest';
import { equationText } from '@calc/explain.ts';
import { summarize } from '@calc/summarize.ts';
import type { Dialect, Shape } from '@calc/types.ts';
import { build, problem } from './build-layer.ts';

describe('Normalization: the mean and variance it adapted to, and how many samples it saw', () => {
  it('keeps 2 × 3 + 1 = 7 non-trainable numbers on an 8 × 8 × 3 image (Keras 3, executed)', () => {
    const row = build('Normalization', {}, [null, 8, 8, 3]);
    expect([row.params, row.trainable, row.nonTrainable]).toEqual([7, 0, 7]);
    expect(row.weights.map((w) => [w.name, w.shape])).toEqual([
      ['mean', [3]],
      ['variance', [3]],
      ['count', []],
    ]);
    expect(equationText(row.formula!)).toBe('2 × 3 + 1 = 7');
  });

  it('keeps one mean and one variance for the whole input with axis=None: 2 + 1 = 3', () => {
    const row = build('Normalization', { axis: null }, [null, 8, 8, 3]);
    expect(row.params).toBe(3);
    expect(equationText(row.formula!)).toBe('2 + 1 = 3');
  });

  it('creates no weights at all when mean and variance are given (ConvNeXt and EfficientNetV2 do this)', () => {
    const row = build('Normalization', { mean: [123.675, 116.28, 103.53], variance: [3409.98, 3262.69, 3291.78] }, [null, 224, 224, 3]);
    expect([row.params, row.weights]).toEqual([0, []]);
  });

  it('keeps a mean per pixel of an 8 × 8 grid with axis=[1, 2]: 2 × 8 × 8 + 1 = 129', () => {
    expect(build('Normalization', { axis: [1, 2] }, [null, 8, 8, 3]).params).toBe(2 * 8 * 8 + 1);
  });

  it('stores count as int32 in Keras 3 off TensorFlow (the goldens’ numpy backend) and int64 in tf.keras', () => {
    const count = (dialect: Dialect) => build('Normalization', {}, [null, 8, 8, 3], dialect).weights.find((w) => w.name === 'count')!;
    expect(count('keras3').dtype).toBe('int32');
    expect(count('tf.keras').dtype).toBe('int64');
  });

  it('so the summary’s bytes are 6 × 4 + 4 = 28 in Keras 3 and 6 × 4 + 8 = 32 in tf.keras', () => {
    const bytes = (dialect: Dialect) =>
      summarize({ kind: 'sequential', dialect, input: [null, 8, 8, 3], layers: [{ type: 'Normalization', args: {} }] }).totals.bytes;
    expect(bytes('keras3')).toBe(6 * 4 + 4);
    expect(bytes('tf.keras')).toBe(6 * 4 + 8);
  });

  it('is EfficientNetB0’s 7 non-trainable extras on 224 × 224 × 3: mean 3, variance 3, count 1', () => {
    expect(build('Normalization', { axis: -1 }, [null, 224, 224, 3]).nonTrainable).toBe(3 + 3 + 1);
  });

  it('reports a mean given without its variance', () => {
    expect(problem('Normalization', { mean: [0.5] }, [null, 4]).arg).toBe('variance');
  });

  it('cannot keep statistics along an axis of unknown size', () => {
    const d = problem('Normalization', { axis: 1 }, [null, null, 3]);
    expect(d.arg).toBe('axis');
    expect(d.message).toContain('(None, None, 3)');
  });
});

describe('image layers that change only pixels keep the shape and have no weights', () => {
  const image: Shape = [null, 32, 32, 3];
  it.each([
    ['Rescaling', { scale: 1 / 255 }],
    ['RandomFlip', { mode: 'horizontal' }],
    ['RandomRotation', { factor: 0.1 }],
    ['RandomZoom', { height_factor: 0.2 }],
    ['RandomContrast', { factor: 0.2 }],
    ['RandomTranslation', { height_factor: 0.1, width_factor: 0.1 }],
    ['RandomBrightness', { factor: 0.2 }],
  ])('%s passes (None, 32, 32, 3) through with 0 parameters', (type, args) => {
    const row = build(type, args, image);
    expect([row.outputShape, row.params]).toEqual([image, 0]);
  });
});

describe('image layers that set the size from their arguments', () => {
  it('Resizing(64, 48) turns (None, 224, 224, 3) into (None, 64, 48, 3)', () => {
    expect(build('Resizing', { height: 64, width: 48 }, [null, 224, 224, 3]).outputShape).toEqual([null, 64, 48, 3]);
  });

  it('Resizing with channels_first sets the last two axes: (None, 3, 224, 224) → (None, 3, 64, 48)', () => {
    expect(build('Resizing', { height: 64, width: 48, data_format: 'channels_first' }, [null, 3, 224, 224]).outputShape).toEqual([
      null,
      3,
      64,
      48,
    ]);
  });

  it('CenterCrop(28, 28) and RandomCrop(28, 28) both give (None, 28, 28, 3)', () => {
    expect(build('CenterCrop', { height: 28, width: 28 }, [null, 32, 32, 3]).outputShape).toEqual([null, 28, 28, 3]);
    expect(build('RandomCrop', { height: 28, width: 28 }, [null, 32, 32, 3]).outputShape).toEqual([null, 28, 28, 3]);
  });

  it('tf.keras’s RandomWidth makes the width unknown, because it changes from batch to batch', () => {
    expect(build('RandomWidth', { factor: 0.2 }, [null, 32, 32, 3], 'tf.keras').outputShape).toEqual([null, 32, null, 3]);
  });

  it('needs a batch of images: Resizing on (None, 100) is refused', () => {
    expect(problem('Resizing', { height: 8, width: 8 }, [null, 100]).message).toMatch(/rank 4/);
  });
});

describe('encoders turn integer ids into slots', () => {
  it('CategoryEncoding(10) multi-hot folds 4 ids per sample into 10 slots: (None, 4) → (None, 10)', () => {
    expect(build('CategoryEncoding', { num_tokens: 10 }, [null, 4]).outputShape).toEqual([null, 10]);
  });

  it('CategoryEncoding one-hot adds a slot axis, or replaces a last axis of 1', () => {
    expect(build('CategoryEncoding', { num_tokens: 10, output_mode: 'one_hot' }, [null, 4]).outputShape).toEqual([null, 4, 10]);
    expect(build('CategoryEncoding', { num_tokens: 10, output_mode: 'one_hot' }, [null, 1]).outputShape).toEqual([null, 10]);
  });

  it('Hashing keeps the shape in "int" mode and folds into num_bins otherwise', () => {
    expect(build('Hashing', { num_bins: 8 }, [null, 4]).outputShape).toEqual([null, 4]);
    expect(build('Hashing', { num_bins: 8, output_mode: 'multi_hot' }, [null, 4]).outputShape).toEqual([null, 8]);
  });

  it('Discretization with 3 boundaries has 3 + 1 = 4 bins', () => {
    expect(build('Discretization', { bin_boundaries: [0, 1, 2], output_mode: 'multi_hot' }, [null, 5]).outputShape).toEqual([null, 4]);
  });
});
