/**
 * Calculator state in the address: `?<id>.<target>=value` per changed field, read back on load;
 * foreign, malformed, duplicated and hostile parameters are set aside, never trusted.
 */
import { describe, expect, it } from 'vitest';
import { startTexts } from '@components/islands/calculator/fields.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import { MAX_URL_VALUE, readUrl, writeUrl } from '@components/islands/calculator/url-state.ts';
import { int, mnistConv } from './preset-fixtures.ts';

const conv = mnistConv([
  int('input[1]'),
  int('filters'),
  int('kernel_size[0]'),
  { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
  { target: 'use_bias', kind: 'bool' },
]);
const start = startTexts(prepare(conv));

describe('writeUrl', () => {
  it('writes only the fields that differ from the start, readable', () => {
    const texts = ['28', '64', '5', 'same', 'true'];
    expect(writeUrl('', conv, texts, start)).toBe('?conv.filters=64&conv.kernel_size[0]=5&conv.padding=same');
  });
  it('writes nothing when every field is at its start', () => {
    expect(writeUrl('', conv, start, start)).toBe('');
    expect(writeUrl('?conv.filters=64', conv, start, start)).toBe('');
  });
  it("keeps other calculators' and other parameters", () => {
    const q = writeUrl('?pool.strides=3&lang=zh&conv.filters=8', conv, ['28', '16', '3', 'valid', 'false'], start);
    const params = new URLSearchParams(q);
    expect(params.get('pool.strides')).toBe('3');
    expect(params.get('lang')).toBe('zh');
    expect(params.getAll('conv.filters')).toEqual(['16']);
    expect(params.get('conv.use_bias')).toBe('false');
  });
});

describe('readUrl', () => {
  it('round-trips what writeUrl wrote', () => {
    const texts = ['13', '64', '5', 'same', 'false'];
    const read = readUrl(writeUrl('', conv, texts, start), conv);
    expect(read.ignored).toEqual([]);
    expect([...read.values]).toEqual([
      [0, '13'],
      [1, '64'],
      [2, '5'],
      [3, 'same'],
      [4, 'false'],
    ]);
  });
  it('reads percent-encoded brackets too', () => {
    expect([...readUrl('?conv.kernel_size%5B0%5D=7', conv).values]).toEqual([[2, '7']]);
  });
  it('ignores other calculators silently', () => {
    expect(readUrl('?conv2.filters=8&pool.filters=3&filters=2', conv)).toEqual({ values: new Map(), ignored: [] });
  });
  it('sets aside unknown targets, unreadable values and duplicates, naming each', () => {
    const read = readUrl(
      '?conv.bogus=1&conv.filters=abc&conv.padding=causal&conv.use_bias=yes&conv.input[1]=10&conv.input[1]=12&conv.filters=',
      conv,
    );
    expect([...read.values]).toEqual([[0, '10']]);
    expect(read.ignored.map((x) => x.name)).toEqual([
      'conv.bogus',
      'conv.filters',
      'conv.padding',
      'conv.use_bias',
      'conv.input[1]',
      'conv.filters',
    ]);
  });
  it('survives hostile values: prototype names, markup, huge and malformed input', () => {
    const hostile = [
      'conv.__proto__=1',
      'conv.constructor=1',
      'conv.toString=1',
      `conv.filters=${encodeURIComponent('<script>alert(1)</script>')}`,
      `conv.input[1]=${'9'.repeat(5000)}`,
      'conv.kernel_size[0]=%E0%A4%A', // a broken UTF-8 escape
      'conv.filters=1e309',
      'conv.padding=%00',
      '%=%',
      'conv.=3',
      '&&&',
      'conv.filters',
    ].join('&');
    const read = readUrl(`?${hostile}`, conv);
    expect(read.values.size).toBe(0);
    expect(read.ignored.length).toBeGreaterThan(5);
    for (const x of read.ignored) expect(x.name.length + x.value.length).toBeLessThanOrEqual(48);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
  it('refuses values longer than any field needs', () => {
    const long = `1${'0'.repeat(MAX_URL_VALUE)}`;
    expect(readUrl(`?conv.filters=${long}`, conv).values.size).toBe(0);
  });
  it('does not mistake one calculator for another whose id it begins with', () => {
    const other = { ...conv, id: 'conv-b' };
    expect(readUrl('?conv-b.filters=8', conv).values.size).toBe(0);
    expect([...readUrl('?conv-b.filters=8', other).values]).toEqual([[1, '8']]);
  });
});
