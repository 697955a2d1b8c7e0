/**
 * Pooling layers: no weights, only windows over the spatial axes. Expected shapes are hand
 * arithmetic or executed Keras 3 facts from docs/output-lengths.md#pooling-length and docs/keras-layers.md#pooling.
 */
import { describe, expect, it } from 'vitest';
// Pooling never has weights, so every build here checks that its row counts 0.
import { buildWeightless as build, problem } from './build-layer.ts';

describe('MaxPooling: pool_size defaults to 2 and strides default to pool_size', () => {
  it('halves the tutorial’s 26 × 26 × 32 to 13 × 13 × 32 with no arguments at all', () => {
    expect(build('MaxPooling2D', {}, [null, 26, 26, 32])).toEqual([null, 13, 13, 32]);
  });

  it('halves 11 × 11 to 5 × 5 with valid padding: ⌊(11 − 2) / 2⌋ + 1, the last row is dropped', () => {
    expect(build('MaxPooling2D', { pool_size: 2 }, [null, 11, 11, 64])).toEqual([null, 5, 5, 64]);
  });

  it('turns 26 into 12 with MaxPooling2D(3, strides=2): ⌊(26 − 3) / 2⌋ + 1', () => {
    expect(build('MaxPooling2D', { pool_size: 3, strides: 2 }, [null, 26, 26, 8])).toEqual([null, 12, 12, 8]);
  });

  it('turns 11 into 6 with MaxPooling2D(2, padding="same"): ⌈11 / 2⌉', () => {
    expect(build('MaxPooling2D', { pool_size: 2, padding: 'same' }, [null, 11, 11, 8])).toEqual([null, 6, 6, 8]);
  });

  it('uses the pool size as the stride when strides is None: a 3-wide pool steps by 3, so 9 → 3', () => {
    expect(build('MaxPooling2D', { pool_size: 3, strides: null }, [null, 9, 9, 1])).toEqual([null, 3, 3, 1]);
  });

  it('takes different sizes per axis: pool (2, 3) on 8 × 9 → 4 × 3', () => {
    expect(build('MaxPooling2D', { pool_size: [2, 3] }, [null, 8, 9, 1])).toEqual([null, 4, 3, 1]);
  });

  it('pools the last two axes with channels_first and leaves channels at axis 1', () => {
    expect(build('MaxPooling2D', { data_format: 'channels_first' }, [null, 32, 26, 26])).toEqual([null, 32, 13, 13]);
  });

  it('turns 101 steps into 50 with MaxPooling1D() and 10 × 10 × 10 into 5 × 5 × 5 with MaxPooling3D()', () => {
    expect(build('MaxPooling1D', {}, [null, 101, 4])).toEqual([null, 50, 4]);
    expect(build('MaxPooling3D', {}, [null, 10, 10, 10, 4])).toEqual([null, 5, 5, 5, 4]);
  });

  it('keeps an unknown length unknown', () => {
    expect(build('MaxPooling1D', {}, [null, null, 4])).toEqual([null, null, 4]);
  });
});

describe('AveragePooling: pool_size is required in Keras 3, 2 by default in tf.keras', () => {
  it('refuses AveragePooling2D() without pool_size in Keras 3, naming the argument', () => {
    const d = problem('AveragePooling2D', {}, [null, 26, 26, 32]);
    expect(d.arg).toBe('pool_size');
    expect(d.message).toContain('required');
  });

  it('defaults AveragePooling2D() to a 2 × 2 pool in tf.keras', () => {
    expect(build('AveragePooling2D', {}, [null, 26, 26, 32], 'tf.keras')).toEqual([null, 13, 13, 32]);
  });

  it('averages the same windows MaxPooling takes: AveragePooling1D(4) on 100 → 25', () => {
    expect(build('AveragePooling1D', { pool_size: 4 }, [null, 100, 8])).toEqual([null, 25, 8]);
  });
});

describe('global pooling collapses every spatial axis', () => {
  it('turns 7 × 7 × 512 into 512 values per sample', () => {
    expect(build('GlobalAveragePooling2D', {}, [null, 7, 7, 512])).toEqual([null, 512]);
    expect(build('GlobalMaxPooling2D', {}, [null, 7, 7, 512])).toEqual([null, 512]);
  });

  it('keeps each spatial axis as 1 with keepdims=True: (None, 1, 1, 512)', () => {
    expect(build('GlobalAveragePooling2D', { keepdims: true }, [null, 7, 7, 512])).toEqual([null, 1, 1, 512]);
  });

  it('reads channels from axis 1 with channels_first, with and without keepdims', () => {
    expect(build('GlobalAveragePooling2D', { data_format: 'channels_first' }, [null, 512, 7, 7])).toEqual([null, 512]);
    expect(build('GlobalAveragePooling2D', { data_format: 'channels_first', keepdims: true }, [null, 512, 7, 7])).toEqual([
      null,
      512,
      1,
      1,
    ]);
  });

  it('averages over time for sequences and over depth too for volumes', () => {
    expect(build('GlobalAveragePooling1D', {}, [null, 10, 64])).toEqual([null, 64]);
    expect(build('GlobalMaxPooling3D', { keepdims: true }, [null, 4, 4, 4, 16])).toEqual([null, 1, 1, 1, 16]);
  });
});

describe('impossible pools are diagnostics with the arithmetic', () => {
  it('refuses a 5 × 5 pool on a 3 × 3 input with padding "valid"', () => {
    const d = problem('MaxPooling2D', { pool_size: 5 }, [null, 3, 3, 1]);
    expect(d.layer).toBe('max_pooling2d');
    expect(d.arg).toBe('pool_size');
    expect(d.message).toContain('⌊(3 − 5) / 5⌋ + 1 = 0');
  });

  it('refuses a pool size of 0, a text pool size and causal padding', () => {
    expect(problem('MaxPooling2D', { pool_size: 0 }, [null, 8, 8, 1]).arg).toBe('pool_size');
    expect(problem('MaxPooling2D', { pool_size: '2' }, [null, 8, 8, 1]).arg).toBe('pool_size');
    expect(problem('MaxPooling1D', { padding: 'causal' }, [null, 8, 1]).arg).toBe('padding');
  });

  it('refuses an input of the wrong rank', () => {
    expect(problem('MaxPooling2D', {}, [null, 28, 28]).message).toContain('batch, height, width, channels');
    expect(problem('GlobalAveragePooling1D', {}, [null, 7, 7, 3]).message).toContain('rank 3');
  });
});
