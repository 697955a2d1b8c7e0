/**
 * PyTorch's, Caffe's and TensorFlow's output-length rules next to Keras's. Every expected length is
 * worked out by hand in the test (the windows' start positions are listed where a rule clips).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caffeConvLength,
  caffePoolLength,
  causalLeftPadding,
  ceilDiv,
  floorDiv,
  kerasConvLength,
  kerasPoolLength,
  pytorchConvLength,
  pytorchPoolLength,
  samePadding,
  type LengthResult,
} from '@calc/framework-arithmetic.ts';

/** The length a rule gives, or the problem it reports. */
const lengthOf = (r: LengthResult): number | string => (r.ok ? r.length : r.problem);

describe('exact integer division', () => {
  it('floors and ceils negative numerators toward −∞ and +∞', () => {
    expect(floorDiv(27, 2)).toBe(13);
    expect(floorDiv(-1, 2)).toBe(-1);
    expect(ceilDiv(11, 2)).toBe(6);
    expect(ceilDiv(-1, 2)).toBe(0);
    expect(ceilDiv(10, 2)).toBe(5);
  });
});

describe('PyTorch Conv: ⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1', () => {
  it('turns 28 into 14 with k=3, s=2, p=1: ⌊(28 + 2 − 2 − 1) / 2⌋ + 1 = ⌊27 / 2⌋ + 1', () => {
    const r = pytorchConvLength({ length: 28, kernel: 3, stride: 2, padding: 1 });
    expect(lengthOf(r)).toBe(Math.floor((28 + 2 * 1 - 1 * (3 - 1) - 1) / 2) + 1);
    expect(lengthOf(r)).toBe(14);
    expect(r.ok && r.formula).toBe('⌊(28 + 2 × 1 − 3) / 2⌋ + 1 = ⌊27 / 2⌋ + 1 = 14');
  });

  it('writes the dilated span when d > 1: k=3, d=2 spans 5, so 28 becomes 24', () => {
    const r = pytorchConvLength({ length: 28, kernel: 3, stride: 1, dilation: 2, padding: 0 });
    expect(lengthOf(r)).toBe(28 - 5 + 1);
    expect(r.ok && r.formula).toBe('⌊(28 + 2 × 0 − (2 × (3 − 1) + 1)) / 1⌋ + 1 = ⌊23 / 1⌋ + 1 = 24');
  });

  it('keeps the size with k=3, p=1, s=1 (what Keras calls "same")', () => {
    expect(lengthOf(pytorchConvLength({ length: 28, kernel: 3, stride: 1, padding: 1 }))).toBe(28);
  });

  it('refuses a 5-wide kernel on 3 without padding, and fits it once with p=1: 3 + 2 − 5 = 0', () => {
    const r = pytorchConvLength({ length: 3, kernel: 5, stride: 1, padding: 0 });
    expect(lengthOf(r)).toBe('no-window');
    expect(!r.ok && r.message).toContain('3 + 2 × 0 = 3');
    expect(lengthOf(pytorchConvLength({ length: 3, kernel: 5, stride: 1, padding: 1 }))).toBe(1);
  });
});

describe('PyTorch MaxPool: floor, or ceil_mode with the last window kept inside input + left padding', () => {
  it('gives 6 for k=2, s=2 on 13 (floor of 11 / 2) and 7 with ceil_mode (ceil of 11 / 2)', () => {
    expect(lengthOf(pytorchPoolLength({ length: 13, kernel: 2, stride: 2, ceilMode: false }))).toBe(Math.floor(11 / 2) + 1);
    expect(lengthOf(pytorchPoolLength({ length: 13, kernel: 2, stride: 2, ceilMode: true }))).toBe(Math.ceil(11 / 2) + 1);
  });

  it('drops a window that would start in the right padding: L=5, k=2, s=2, p=1, ceil_mode', () => {
    // padded positions −1 … 5; ⌈(5 + 2 − 2) / 2⌉ + 1 = 4 windows would start at −1, 1, 3, 5 — and 5 is padding
    const r = pytorchPoolLength({ length: 5, kernel: 2, stride: 2, padding: 1, ceilMode: true });
    expect(lengthOf(r)).toBe(3);
    expect(r.ok && r.clipped).toBe(true);
    expect(r.ok && r.formula).toBe('⌈(5 + 2 × 1 − 2) / 2⌉ + 1 = ⌈5 / 2⌉ + 1 = 4 → 3');
  });

  it('clips with ceil_mode even without padding: L=5, k=1, s=3 starts at 0, 3 and (dropped) 6', () => {
    const r = pytorchPoolLength({ length: 5, kernel: 1, stride: 3, ceilMode: true });
    expect(lengthOf(r)).toBe(2);
    expect(r.ok && r.clipped).toBe(true);
  });

  it('allows padding up to half the kernel: p=1 for k=3, not p=2', () => {
    expect(lengthOf(pytorchPoolLength({ length: 28, kernel: 3, stride: 2, padding: 1, ceilMode: false }))).toBe(14);
    const r = pytorchPoolLength({ length: 28, kernel: 3, stride: 2, padding: 2, ceilMode: false });
    expect(lengthOf(r)).toBe('padding-too-large');
    expect(!r.ok && r.message).toContain('⌊3 / 2⌋ = 1');
  });

  it('reports a pool larger than the input as no window', () => {
    expect(lengthOf(pytorchPoolLength({ length: 2, kernel: 4, stride: 1, ceilMode: false }))).toBe('no-window');
  });
});

describe('Caffe Pooling: ⌈(L + 2p − k) / s⌉ + 1', () => {
  it('gives 6 for k=3, s=2 on 13, the same as the floor rule: 10 / 2 divides exactly', () => {
    expect(lengthOf(caffePoolLength({ length: 13, kernel: 3, stride: 2 }))).toBe(Math.ceil((13 - 3) / 2) + 1);
    expect(lengthOf(kerasConvLength({ length: 13, kernel: 3, stride: 2 }, 'valid'))).toBe(Math.floor((13 - 3) / 2) + 1);
    expect(Math.ceil((13 - 3) / 2) + 1).toBe(6);
  });

  it('gives 7 for k=2, s=2 on 13 where Keras floors to 6: the last row gets a window of its own', () => {
    const caffe = caffePoolLength({ length: 13, kernel: 2, stride: 2 });
    expect(lengthOf(caffe)).toBe(7);
    expect(caffe.ok && caffe.formula).toBe('⌈(13 + 2 × 0 − 2) / 2⌉ + 1 = ⌈11 / 2⌉ + 1 = 7');
    expect(lengthOf(kerasConvLength({ length: 13, kernel: 2, stride: 2 }, 'valid'))).toBe(6);
  });

  it('with padding, clips a last window that would start in the right padding: L=5, k=2, s=2, p=1 → 3', () => {
    const r = caffePoolLength({ length: 5, kernel: 2, stride: 2, padding: 1 });
    expect(lengthOf(r)).toBe(3);
    expect(r.ok && r.clipped).toBe(true);
  });

  it('does not clip without padding, unlike PyTorch: L=5, k=1, s=3 keeps ⌈4 / 3⌉ + 1 = 3', () => {
    const r = caffePoolLength({ length: 5, kernel: 1, stride: 3 });
    expect(lengthOf(r)).toBe(3);
    expect(r.ok && r.clipped).toBe(false);
  });

  it('requires the padding to be smaller than the kernel and has no dilation', () => {
    expect(lengthOf(caffePoolLength({ length: 13, kernel: 2, stride: 2, padding: 2 }))).toBe('padding-too-large');
    expect(lengthOf(caffePoolLength({ length: 13, kernel: 2, stride: 2, dilation: 2 }))).toBe('no-dilation');
  });
});

describe('Caffe Convolution: ⌊(L + 2p − (d(k − 1) + 1)) / s⌋ + 1', () => {
  it('keeps 28 with k=3, p=1, s=1 and gives ⌊23 / 2⌋ + 1 = 12 for k=5, s=2', () => {
    expect(lengthOf(caffeConvLength({ length: 28, kernel: 3, stride: 1, padding: 1 }))).toBe(28);
    expect(lengthOf(caffeConvLength({ length: 28, kernel: 5, stride: 2 }))).toBe(12);
  });

  it('reports a kernel wider than the padded input', () => {
    expect(lengthOf(caffeConvLength({ length: 2, kernel: 3, stride: 2 }))).toBe('no-window');
  });
});

describe('Keras Conv with its arithmetic written out', () => {
  it('floors valid, ceils same and causal: 28 with k=3, s=2 → 13, 14, 14', () => {
    const valid = kerasConvLength({ length: 28, kernel: 3, stride: 2 }, 'valid');
    expect(lengthOf(valid)).toBe(Math.floor((28 - 3) / 2) + 1);
    expect(valid.ok && valid.formula).toBe('⌊(28 − 3) / 2⌋ + 1 = ⌊25 / 2⌋ + 1 = 13');
    const same = kerasConvLength({ length: 28, kernel: 3, stride: 2 }, 'same');
    expect(lengthOf(same)).toBe(Math.ceil(28 / 2));
    expect(same.ok && same.formula).toBe('⌈28 / 2⌉ = 14');
    expect(lengthOf(kerasConvLength({ length: 28, kernel: 3, stride: 2 }, 'causal'))).toBe(14);
  });

  it('ceils 101 / 2 to 51 with same', () => {
    expect(lengthOf(kerasConvLength({ length: 101, kernel: 3, stride: 2 }, 'same'))).toBe(51);
  });

  it('explains a kernel that does not fit with valid padding, keeping the arithmetic', () => {
    const r = kerasConvLength({ length: 2, kernel: 5, stride: 1 }, 'valid');
    expect(lengthOf(r)).toBe('no-window');
    expect(!r.ok && r.formula).toBe('⌊(2 − 5) / 1⌋ + 1 = ⌊−3 / 1⌋ + 1 = −2');
  });

  it('refuses strides > 1 with dilation > 1, as Keras 3 does', () => {
    expect(lengthOf(kerasConvLength({ length: 28, kernel: 3, stride: 2, dilation: 2 }, 'valid'))).toBe('stride-and-dilation');
  });
});

describe('TensorFlow "same" padding: total for ⌈L / s⌉, the odd pixel at the bottom/right', () => {
  it('pads 64 by 2 for k=4, s=2 (out 32): (32 − 1) × 2 + 4 − 64 = 2, split 1 / 1', () => {
    const r = samePadding({ length: 64, kernel: 4, stride: 2 });
    expect(r).toMatchObject({ ok: true, length: 64 / 2, total: (32 - 1) * 2 + 4 - 64, before: 1, after: 1 });
    expect(r.ok && r.formula).toBe('max((32 − 1) × 2 + 4 − 64, 0) = 2');
  });

  it('pads 28 by 1 for k=3, s=2 (out 14): (14 − 1) × 2 + 3 − 28 = 1, split 0 top / 1 bottom', () => {
    expect(samePadding({ length: 28, kernel: 3, stride: 2 })).toMatchObject({ length: 14, total: 1, before: 0, after: 1 });
  });

  it('pads k − 1 = 2 for k=3, s=1, one on each side', () => {
    expect(samePadding({ length: 28, kernel: 3, stride: 1 })).toMatchObject({ length: 28, total: 2, before: 1, after: 1 });
  });

  it('never pads a negative amount: k=1, s=3 on 5 needs (2 − 1) × 3 + 1 − 5 = −1 → 0', () => {
    expect(samePadding({ length: 5, kernel: 1, stride: 3 })).toMatchObject({ length: 2, total: 0, before: 0, after: 0 });
  });

  it('counts the dilated span: k=3, d=2 spans 5, so total 4 = 2 / 2 at stride 1', () => {
    expect(samePadding({ length: 10, kernel: 3, stride: 1, dilation: 2 })).toMatchObject({ total: 4, before: 2, after: 2 });
  });
});

describe('causal padding', () => {
  it('pads d × (k − 1) on the left: 2 for k=3, 4 for k=3 dilated by 2', () => {
    expect(causalLeftPadding(3)).toEqual({ total: 2, formula: '1 × (3 − 1) = 2' });
    expect(causalLeftPadding(3, 2).total).toBe(4);
  });
});

describe('bad input is a value, never a throw or NaN', () => {
  const bad = [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e300];
  it.each(bad)('reports length = %s as a bad argument', (length) => {
    for (const r of [
      pytorchConvLength({ length, kernel: 3, stride: 1 }),
      pytorchPoolLength({ length, kernel: 3, stride: 1, ceilMode: true }),
      caffePoolLength({ length, kernel: 3, stride: 1 }),
      caffeConvLength({ length, kernel: 3, stride: 1 }),
      kerasConvLength({ length, kernel: 3, stride: 1 }, 'same'),
    ]) {
      expect(lengthOf(r)).toBe('bad-argument');
    }
    expect(samePadding({ length, kernel: 3, stride: 1 }).ok).toBe(false);
  });

  it('rejects a stride of 0 and a negative padding', () => {
    expect(lengthOf(pytorchConvLength({ length: 28, kernel: 3, stride: 0 }))).toBe('bad-argument');
    expect(lengthOf(pytorchConvLength({ length: 28, kernel: 3, stride: 1, padding: -1 }))).toBe('bad-argument');
  });

  it('gives a whole length ≥ 1 or a problem for any small window', () => {
    const small = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(
        small,
        small,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (length, kernel, stride, dilation, padding, ceilMode) => {
          const w = { length, kernel, stride, dilation, padding };
          for (const r of [
            pytorchConvLength(w),
            pytorchPoolLength({ ...w, ceilMode }),
            caffePoolLength(w),
            caffeConvLength(w),
            kerasConvLength(w, 'valid'),
            kerasConvLength(w, 'same'),
          ]) {
            if (r.ok) expect(Number.isInteger(r.length) && r.length >= 1).toBe(true);
            else expect(r.message.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('agrees with Keras valid when PyTorch has no padding, and with Keras same for odd k, p = (k − 1) / 2, s = 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (length, half, stride) => {
          const kernel = 2 * half + 1;
          const keras = kerasConvLength({ length, kernel, stride }, 'valid');
          const torch = pytorchConvLength({ length, kernel, stride, padding: 0 });
          expect(lengthOf(torch) === lengthOf(keras) || (!torch.ok && !keras.ok)).toBe(true);
          expect(lengthOf(pytorchConvLength({ length, kernel, stride: 1, padding: half }))).toBe(length);
        },
      ),
    );
  });
});

describe('Keras pooling with its arithmetic and the rows it drops', () => {
  it('halves 26 to 13 with nothing dropped, and 11 to 5 dropping the last row: 2 × 5 = 10 of 11', () => {
    const a = kerasPoolLength({ length: 26, kernel: 2, stride: 2 }, 'valid');
    expect(a).toMatchObject({ ok: true, length: 13, dropped: 0, formula: '⌊(26 − 2) / 2⌋ + 1 = ⌊24 / 2⌋ + 1 = 13' });
    expect(kerasPoolLength({ length: 11, kernel: 2, stride: 2 }, 'valid')).toMatchObject({ length: 5, dropped: 11 - 2 * 5 });
  });

  it('reads 12 positions of 26 with pool 3, stride 2: ⌊23 / 2⌋ + 1 = 12, the last window ends at 24, 2 dropped', () => {
    expect(kerasPoolLength({ length: 26, kernel: 3, stride: 2 }, 'valid')).toMatchObject({ length: 12, dropped: 26 - ((12 - 1) * 2 + 3) });
  });

  it('ceils with same: 11 → 6 for pool 2', () => {
    expect(kerasPoolLength({ length: 11, kernel: 2, stride: 2 }, 'same')).toMatchObject({ length: 6, formula: '⌈11 / 2⌉ = 6' });
  });

  it('reports a pool larger than the input', () => {
    expect(kerasPoolLength({ length: 1, kernel: 2, stride: 2 }, 'valid')).toMatchObject({ ok: false, problem: 'no-window' });
  });
});
