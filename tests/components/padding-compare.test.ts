/**
 * The padding comparison's pure parts: which rules each kind lists and what they give on the
 * lesson's windows (hand arithmetic), field checking, and reading values from a hostile address.
 */
import { describe, expect, it } from 'vitest';
import {
  compareRows,
  fieldsFor,
  presetValues,
  readField,
  valuesFromUrl,
  type CompareRow,
} from '@components/islands/padding-compare/compare-rows.ts';
import en from '@i18n/en/padding-compare.json';
import zhCn from '@i18n/zh-cn/padding-compare.json';

const lengths = (rows: CompareRow[]): Record<string, number | string> =>
  Object.fromEntries(rows.map((r) => [r.id, r.result.ok ? r.result.length : r.result.problem]));

describe('the rules side by side', () => {
  it('compares Keras valid/same/causal with PyTorch and Caffe on 28, k=3, s=2 (p=1)', () => {
    const v = presetValues({ id: 't', input: 28, kernel: 3, stride: 2, dilation: 1, padding: 1 });
    const rows = compareRows(v, undefined);
    expect(lengths(rows)).toEqual({
      'keras-valid': Math.floor((28 - 3) / 2) + 1, // 13
      'keras-same': Math.ceil(28 / 2), // 14
      'keras-causal': Math.ceil(28 / 2),
      'pytorch-conv': Math.floor((28 + 2 * 1 - 3) / 2) + 1, // 14
      'pytorch-pool': Math.floor((28 + 2 * 1 - 3) / 2) + 1,
      'caffe-pool': Math.ceil((28 + 2 * 1 - 3) / 2) + 1, // 15: the window starting at 27 still starts inside
    });
    expect(rows.find((r) => r.id === 'keras-same')?.added).toMatchObject({
      kind: 'same',
      total: (14 - 1) * 2 + 3 - 28,
      before: 0,
      after: 1,
    });
    expect(rows.find((r) => r.id === 'keras-causal')?.added).toMatchObject({ kind: 'causal', total: 1 * (3 - 1) });
  });

  it('lists pooling rules for kind "pool": 11 with a 2-window gives 5 (floor) and 6 (same, Caffe, ceil_mode)', () => {
    const v = presetValues({ id: 't', kind: 'pool', length: 11, kernel: 2, stride: 2, dilation: 3, padding: 0 });
    expect(v.dilation).toBe(1); // pooling here has no dilation
    expect(lengths(compareRows(v, 'pool'))).toEqual({ 'keras-pool-valid': 5, 'keras-pool-same': 6, 'pytorch-pool': 5, 'caffe-pool': 6 });
    expect(lengths(compareRows({ ...v, ceilMode: true }, 'pool'))['pytorch-pool']).toBe(Math.ceil((11 - 2) / 2) + 1);
    expect(fieldsFor('pool')).not.toContain('dilation');
  });

  it('lists convolution rules for kind "conv" and reports what a rule refuses', () => {
    const v = presetValues({ id: 't', kind: 'conv', input: 28, kernel: 3, stride: 2, dilation: 2, padding: 0 });
    expect(lengths(compareRows(v, 'conv'))).toEqual({
      'keras-valid': 'stride-and-dilation',
      'keras-same': 'stride-and-dilation',
      'keras-causal': 'stride-and-dilation',
      'pytorch-conv': Math.floor((28 - (2 * (3 - 1) + 1)) / 2) + 1, // PyTorch allows both: 12
      'caffe-conv': 12,
    });
  });

  it('shows a 5-wide window on 3 as no window for Keras valid but not for same', () => {
    const v = presetValues({ id: 't', input: 3, kernel: 5, stride: 1 });
    const got = lengths(compareRows(v, undefined));
    expect(got['keras-valid']).toBe('no-window');
    expect(got['keras-same']).toBe(3);
  });

  it('marks PyTorch and Caffe padding limits: p=2 is too much for k=3 in PyTorch pooling, p=3 in Caffe', () => {
    const v = presetValues({ id: 't', kind: 'pool', input: 28, kernel: 3, stride: 2, padding: 2 });
    // Caffe: ⌈(28 + 4 − 3) / 2⌉ + 1 = 16 windows would start at −2, 0, …, 28 — and 28 is right padding, so 15
    expect(lengths(compareRows(v, 'pool'))).toMatchObject({
      'pytorch-pool': 'padding-too-large',
      'caffe-pool': Math.ceil((28 + 4 - 3) / 2) + 1 - 1,
    });
    expect(lengths(compareRows({ ...v, padding: 3 }, 'pool'))['caffe-pool']).toBe('padding-too-large');
  });
});

describe('reading a field', () => {
  it.each([
    ['28', { ok: true, value: 28 }],
    [' 3 ', { ok: true, value: 3 }],
    ['', { ok: false, problem: 'empty' }],
    ['abc', { ok: false, problem: 'notNumber' }],
    ['2.5', { ok: false, problem: 'notWhole' }],
    ['0', { ok: false, problem: 'tooSmall' }],
    ['-1', { ok: false, problem: 'tooSmall' }],
    ['1e300', { ok: false, problem: 'tooLarge' }],
    ['Infinity', { ok: false, problem: 'notNumber' }],
  ] as const)('reads %j', (text, want) => {
    expect(readField(text, 1)).toMatchObject(want);
  });

  it('accepts 0 where 0 is allowed (padding)', () => {
    expect(readField('0', 0)).toEqual({ ok: true, value: 0 });
  });
});

describe('values from the address', () => {
  const start = presetValues({ id: 'c', input: 28, kernel: 3, stride: 2 });
  const keys = fieldsFor(undefined);

  it('takes valid values and names the ignored ones', () => {
    const { values, ignored } = valuesFromUrl('?c.kernel=5&c.stride=0&c.length=abc&c.ceil_mode=1&other.kernel=9', 'c', start, keys);
    expect(values).toMatchObject({ length: 28, kernel: 5, stride: 2, ceilMode: true });
    expect(ignored).toEqual(['c.length=abc', 'c.stride=0']);
  });

  it('ignores hostile values without throwing', () => {
    const { values, ignored } = valuesFromUrl(`?c.kernel=${'9'.repeat(400)}&c.padding=%3Cscript%3E&c.ceil_mode=yes`, 'c', start, keys);
    expect(values).toEqual(start);
    expect(ignored).toHaveLength(3);
    expect(ignored.every((s) => s.length < 40)).toBe(true);
  });
});

describe('dictionaries', () => {
  it('have the same keys in both locales', () => {
    const keysOf = (o: object, prefix = ''): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
        .sort();
    expect(keysOf(zhCn)).toEqual(keysOf(en));
  });
});
