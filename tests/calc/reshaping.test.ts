/**
 * Reshaping layers: no weights, only shape arithmetic (docs/keras-layers.md#reshaping). Expected shapes
 * are hand arithmetic written in each test, or executed Keras 3 facts quoted there.
 */
import { describe, expect, it } from 'vitest';
// No reshaping layer has weights, so every build here checks that its row counts 0.
import { buildWeightless as build, problem } from './build-layer.ts';

describe('Flatten multiplies every non-batch axis into one', () => {
  it('turns the tutorial’s 3 × 3 × 64 into 576', () => {
    expect(build('Flatten', {}, [null, 3, 3, 64])).toEqual([null, 3 * 3 * 64]);
  });

  it('cannot know the size when one axis is unknown', () => {
    expect(build('Flatten', {}, [null, null, 64])).toEqual([null, null]);
  });

  it('gives (None, 1) for an input with only the batch axis', () => {
    expect(build('Flatten', {}, [null])).toEqual([null, 1]);
  });
});

describe('Reshape keeps the number of values per sample and rearranges them', () => {
  it('turns (12,) into (3, 4)', () => {
    expect(build('Reshape', { target_shape: [3, 4] }, [null, 12])).toEqual([null, 3, 4]);
  });

  it('resolves -1 from the rest: (784,) → (-1, 16) is 784 / 16 = 49 rows of 16', () => {
    expect(build('Reshape', { target_shape: [-1, 16] }, [null, 784])).toEqual([null, 784 / 16, 16]);
  });

  it('resolves -1 among several axes: (12,) → (-1, 2, 2) is 12 / 4 = 3', () => {
    expect(build('Reshape', { target_shape: [-1, 2, 2] }, [null, 12])).toEqual([null, 3, 2, 2]);
  });

  it('leaves -1 as None when an input axis is unknown', () => {
    expect(build('Reshape', { target_shape: [-1, 4] }, [null, null, 8])).toEqual([null, null, 4]);
  });

  it('refuses a target that holds a different number of values, showing both products', () => {
    const d = problem('Reshape', { target_shape: [10, 10] }, [null, 28, 28]);
    expect(d.arg).toBe('target_shape');
    expect(d.message).toContain('28 × 28 = 784');
    expect(d.message).toContain('10 × 10 = 100');
  });

  it('refuses a -1 that cannot come out whole: 10 values in groups of 3', () => {
    const d = problem('Reshape', { target_shape: [-1, 3] }, [null, 10]);
    expect(d.arg).toBe('target_shape');
    expect(d.message).toContain('10 / 3');
  });

  it('refuses two -1s, sizes below -1 and a target that is not a tuple', () => {
    expect(problem('Reshape', { target_shape: [-1, -1] }, [null, 12]).arg).toBe('target_shape');
    expect(problem('Reshape', { target_shape: [-2, 6] }, [null, 12]).arg).toBe('target_shape');
    expect(problem('Reshape', { target_shape: 12 }, [null, 12]).arg).toBe('target_shape');
    expect(problem('Reshape', {}, [null, 12]).arg).toBe('target_shape');
  });
});

describe('Permute reorders the axes after the batch; dims count from 1', () => {
  it('swaps time and features: dims (2, 1) turns (10, 64) into (64, 10)', () => {
    expect(build('Permute', { dims: [2, 1] }, [null, 10, 64])).toEqual([null, 64, 10]);
  });

  it('moves channels first: dims (3, 1, 2) turns (4, 5, 6) into (6, 4, 5)', () => {
    expect(build('Permute', { dims: [3, 1, 2] }, [null, 4, 5, 6])).toEqual([null, 6, 4, 5]);
  });

  it('refuses dims that are not a permutation of 1…n, including 0-based ones', () => {
    expect(problem('Permute', { dims: [1, 1] }, [null, 4, 5]).arg).toBe('dims');
    expect(problem('Permute', { dims: [0, 1] }, [null, 4, 5]).arg).toBe('dims');
    expect(problem('Permute', { dims: [2, 3] }, [null, 4, 5]).arg).toBe('dims');
  });

  it('refuses dims that do not cover every axis of the input', () => {
    expect(problem('Permute', { dims: [2, 1] }, [null, 4, 5, 6]).message).toContain('has 3 axes after the batch');
  });
});

describe('RepeatVector copies a vector n times along a new time axis', () => {
  it('turns (32,) into (3, 32) with n=3', () => {
    expect(build('RepeatVector', { n: 3 }, [null, 32])).toEqual([null, 3, 32]);
  });

  it('wants a rank-2 input (batch, features)', () => {
    expect(problem('RepeatVector', { n: 3 }, [null, 10, 32]).message).toContain('rank 2');
  });

  it('wants a whole-number n', () => {
    expect(problem('RepeatVector', { n: 'three' }, [null, 32]).arg).toBe('n');
  });
});

describe('ZeroPadding adds zeros before and after each spatial axis', () => {
  it('adds 1 on each side by default: 10 steps → 12, 28 × 28 → 30 × 30, 8³ → 10³', () => {
    expect(build('ZeroPadding1D', {}, [null, 10, 4])).toEqual([null, 10 + 1 + 1, 4]);
    expect(build('ZeroPadding2D', {}, [null, 28, 28, 3])).toEqual([null, 30, 30, 3]);
    expect(build('ZeroPadding3D', {}, [null, 8, 8, 8, 2])).toEqual([null, 10, 10, 10, 2]);
  });

  it('takes (left, right) for sequences: (2, 1) on 10 steps → 13', () => {
    expect(build('ZeroPadding1D', { padding: [2, 1] }, [null, 10, 4])).toEqual([null, 13, 4]);
  });

  it('reads a tuple of two ints as symmetric per axis: (1, 2) on 28 × 28 → 30 × 32', () => {
    expect(build('ZeroPadding2D', { padding: [1, 2] }, [null, 28, 28, 3])).toEqual([null, 28 + 2, 28 + 4, 3]);
  });

  it('reads ((top, bottom), (left, right)): ((1, 0), (2, 1)) on 28 × 28 → 29 × 31', () => {
    expect(
      build(
        'ZeroPadding2D',
        {
          padding: [
            [1, 0],
            [2, 1],
          ],
        },
        [null, 28, 28, 3],
      ),
    ).toEqual([null, 29, 31, 3]);
  });

  it('pads the last axes with channels_first', () => {
    expect(build('ZeroPadding2D', { padding: 3, data_format: 'channels_first' }, [null, 3, 224, 224])).toEqual([null, 3, 230, 230]);
  });

  it('refuses negative padding', () => {
    expect(problem('ZeroPadding2D', { padding: -1 }, [null, 28, 28, 3]).arg).toBe('padding');
  });
});

describe('Cropping removes rows before and after each spatial axis (the defaults differ)', () => {
  it('crops 1 from each side by default in 1D and 3D, nothing in 2D', () => {
    expect(build('Cropping1D', {}, [null, 10, 4])).toEqual([null, 10 - 1 - 1, 4]);
    expect(build('Cropping2D', {}, [null, 28, 28, 3])).toEqual([null, 28, 28, 3]);
    expect(build('Cropping3D', {}, [null, 8, 8, 8, 2])).toEqual([null, 6, 6, 6, 2]);
  });

  it('reads ((top, bottom), (left, right)): ((2, 2), (4, 4)) on 28 × 28 → 24 × 20', () => {
    expect(
      build(
        'Cropping2D',
        {
          cropping: [
            [2, 2],
            [4, 4],
          ],
        },
        [null, 28, 28, 3],
      ),
    ).toEqual([null, 24, 20, 3]);
  });

  it('crops the last axes with channels_first', () => {
    expect(build('Cropping2D', { cropping: 1, data_format: 'channels_first' }, [null, 3, 10, 12])).toEqual([null, 3, 8, 10]);
  });

  it('keeps an unknown length unknown', () => {
    expect(build('Cropping1D', { cropping: [1, 0] }, [null, null, 4])).toEqual([null, null, 4]);
  });

  it('refuses to crop an axis down to nothing: 2 + 2 from a height of 4 leaves 0', () => {
    const d = problem(
      'Cropping2D',
      {
        cropping: [
          [2, 2],
          [0, 0],
        ],
      },
      [null, 4, 5, 3],
    );
    expect(d.arg).toBe('cropping');
    expect(d.message).toContain('4 − 2 − 2 = 0');
    expect(d.message).toContain('height');
  });
});

describe('UpSampling repeats each spatial axis size times', () => {
  it('doubles by default: 10 steps → 20, 7 × 7 → 14 × 14, 4³ → 8³', () => {
    expect(build('UpSampling1D', {}, [null, 10, 4])).toEqual([null, 20, 4]);
    expect(build('UpSampling2D', {}, [null, 7, 7, 3])).toEqual([null, 14, 14, 3]);
    expect(build('UpSampling3D', {}, [null, 4, 4, 4, 2])).toEqual([null, 8, 8, 8, 2]);
  });

  it('takes a size per axis: (2, 3) on 7 × 7 → 14 × 21', () => {
    expect(build('UpSampling2D', { size: [2, 3], interpolation: 'bilinear' }, [null, 7, 7, 3])).toEqual([null, 14, 21, 3]);
  });

  it('grows the last axes with channels_first', () => {
    expect(build('UpSampling3D', { data_format: 'channels_first' }, [null, 2, 4, 4, 4])).toEqual([null, 2, 8, 8, 8]);
  });

  it('refuses a size of 0 and the wrong input rank', () => {
    expect(problem('UpSampling2D', { size: 0 }, [null, 7, 7, 3]).arg).toBe('size');
    expect(problem('UpSampling1D', {}, [null, 7, 7, 3]).message).toContain('batch, steps, channels');
  });
});
