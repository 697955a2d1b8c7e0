/**
 * The three per-axis size rules of docs/output-lengths.md. Expected lengths are the executed
 * Keras 3 checks quoted there, or hand arithmetic written next to them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convLength, deconvLength, poolLength } from '@calc/conv-arithmetic.ts';
import { englishMessage } from '@calc/diagnostics.ts';
import { LayerProblem } from '@calc/problem.ts';

/** The English message a rule fails with, or '' when it does not fail. */
function failure(run: () => unknown): string {
  try {
    run();
    return '';
  } catch (e) {
    if (e instanceof LayerProblem) return englishMessage(e.code, e.values as never);
    throw e;
  }
}

describe('conv_out: valid floors, same and causal give ⌈L / s⌉', () => {
  it('turns 101 steps into 50 with k=3, s=2, valid: ⌊(101 − 3) / 2⌋ + 1', () => {
    expect(convLength(101, 3, 2, 1, 'valid')).toBe(Math.floor((101 - 3) / 2) + 1);
    expect(convLength(101, 3, 2, 1, 'valid')).toBe(50);
  });

  it('turns 101 steps into 51 with same or causal padding: ⌈101 / 2⌉', () => {
    expect(convLength(101, 3, 2, 1, 'same')).toBe(51);
    expect(convLength(101, 3, 2, 1, 'causal')).toBe(51);
  });

  it('gives 13 × 9 for k=(3, 5), s=(2, 3) on 28 × 29', () => {
    expect(convLength(28, 3, 2, 1, 'valid')).toBe(13);
    expect(convLength(29, 5, 3, 1, 'valid')).toBe(9);
  });

  it('lets a 3-wide kernel dilated by 2 span 5, so 28 becomes 24', () => {
    expect(convLength(28, 3, 1, 2, 'valid')).toBe(28 - 5 + 1);
  });

  it('keeps 26 × 26 from 28 × 28 with the tutorial 3 × 3 kernel', () => {
    expect(convLength(28, 3, 1, 1, 'valid')).toBe(26);
  });

  it('keeps an unknown length unknown', () => {
    expect(convLength(null, 3, 2, 1, 'valid')).toBeNull();
    expect(convLength(null, 3, 2, 1, 'same')).toBeNull();
  });

  it('refuses a 5-wide kernel on 3 steps with valid padding, showing ⌊(3 − 5) / 1⌋ + 1 = −1', () => {
    const message = failure(() => convLength(3, 5, 1, 1, 'valid', 'kernel_size', 'height'));
    expect(message).toContain('⌊(3 − 5) / 1⌋ + 1 = −1');
    expect(message).toContain('height of 3');
  });

  it('explains the span of a dilated kernel when it does not fit', () => {
    expect(failure(() => convLength(4, 3, 1, 2, 'valid'))).toContain('dilated by 2 spans 5');
  });

  it('agrees with ⌈(L − d·(k − 1)) / s⌉ for valid and ⌈L / s⌉ for same, for any fitting sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (length, k, s, d) => {
          expect(convLength(length, k, s, 1, 'same')).toBe(Math.ceil(length / s));
          const reach = d * (k - 1);
          if (length > reach) expect(convLength(length, k, 1, d, 'valid')).toBe(length - reach);
          if (length > k - 1) expect(convLength(length, k, s, 1, 'valid')).toBe(Math.ceil((length - (k - 1)) / s));
        },
      ),
    );
  });
});

describe('pool_out: strides default to the pool size upstream; valid floors, same gives ⌈L / s⌉', () => {
  it('turns 26 into 12 with MaxPooling2D(3, strides=2): ⌊(26 − 3) / 2⌋ + 1', () => {
    expect(poolLength(26, 3, 2, 'valid')).toBe(12);
  });

  it('turns 11 into 6 with pool 2, same padding: ⌈11 / 2⌉', () => {
    expect(poolLength(11, 2, 2, 'same')).toBe(6);
  });

  it('turns 11 into 5 with pool 2, valid padding, dropping the last row', () => {
    expect(poolLength(11, 2, 2, 'valid')).toBe(5);
  });

  it('refuses a pool of 4 on a length of 3 with valid padding', () => {
    expect(failure(() => poolLength(3, 4, 4, 'valid'))).toContain('⌊(3 − 4) / 4⌋ + 1 = 0');
  });
});

describe('deconv_out: how a transposed convolution grows an axis', () => {
  it('grows 7 to 14 (same) and 15 (valid) with k=3, s=2', () => {
    expect(deconvLength(7, 3, 2, 1, 'same', null)).toBe(7 * 2);
    expect(deconvLength(7, 3, 2, 1, 'valid', null)).toBe((7 - 1) * 2 + 3);
  });

  it('grows 7 to 14 (same) and 16 (valid) with k=3, s=2, output_padding=1', () => {
    expect(deconvLength(7, 3, 2, 1, 'same', 1)).toBe(14);
    expect(deconvLength(7, 3, 2, 1, 'valid', 1)).toBe(16);
  });

  it('grows 7 to 13 with k=4, s=2, same, output_padding=1: 6 × 2 + (4 mod 2) + 1', () => {
    expect(deconvLength(7, 4, 2, 1, 'same', 1)).toBe(6 * 2 + 0 + 1);
  });

  it('grows 7 to 11 with k=3 dilated by 2 (span 5), valid: 6 × 1 + 5', () => {
    expect(deconvLength(7, 3, 1, 2, 'valid', null)).toBe(11);
  });

  it('grows 10 to 30 with k=2, s=3, valid: the stride outruns the kernel, 9 × 3 + max(2, 3)', () => {
    expect(deconvLength(10, 2, 3, 1, 'valid', null)).toBe(30);
  });

  it('keeps an unknown length unknown', () => {
    expect(deconvLength(null, 3, 2, 1, 'valid', null)).toBeNull();
  });
});
