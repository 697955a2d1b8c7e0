/**
 * Every component dictionary on disk (src/i18n/<locale>/<component>.json) exists in both locales
 * with the same keys and no empty string where English has words: the Chinese edition is complete, not partial. The
 * calculator's own dictionaries also keep the same {placeholders} (other components may fill a
 * different one per language, e.g. a count where English says "second").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fill, labelled, roleName } from '@i18n/fill.ts';
import { localeOf, locales } from '@i18n/index.ts';

const dir = (locale: string): string => fileURLToPath(new URL(`../../src/i18n/${locale}/`, import.meta.url));
const load = (locale: string, file: string): unknown => JSON.parse(readFileSync(`${dir(locale)}${file}`, 'utf8'));

/** Every string in a dictionary by its dotted path. */
function strings(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k).forEach((s, key) => out.set(key, s));
  return out;
}
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const components = readdirSync(dir('en')).filter((f) => f.endsWith('.json'));
const SAME_PLACEHOLDERS = new Set(['calculator.json', 'args.json', 'roles.json']);

describe('UI dictionaries', () => {
  it("has the calculator's dictionaries", () => {
    expect(components).toEqual(expect.arrayContaining(['calculator.json', 'args.json', 'roles.json']));
  });
  for (const file of components) {
    for (const locale of locales.filter((l) => l !== 'en')) {
      it(`${locale}/${file} has every key and placeholder of en/${file}`, () => {
        const en = strings(load('en', file));
        const other = strings(load(locale, file));
        expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
        for (const [key, text] of en) {
          // a separator that is a space in English may rightly be nothing in Chinese
          if (text.trim() !== '') expect(other.get(key)?.trim(), `${locale}/${file} ${key}`).not.toBe('');
          if (SAME_PLACEHOLDERS.has(file))
            expect(placeholders(other.get(key) ?? ''), `${locale}/${file} ${key}`).toEqual(placeholders(text));
        }
      });
    }
  }
});

describe('fill and localeOf', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{count} filters of {kernel}', { count: '64', kernel: '3 × 3' })).toBe('64 filters of 3 × 3');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fill('{toString}', {})).toBe('{toString}');
  });
  it('chooses the English singular for a count of exactly 1', () => {
    const t = '{n} {n?window|windows} of 2';
    expect(fill(t, { n: 1 })).toBe('1 window of 2');
    expect(fill(t, { n: '1' })).toBe('1 window of 2');
    expect(fill(t, { n: 0 })).toBe('0 windows of 2');
    expect(fill(t, { n: '1,024' })).toBe('1,024 windows of 2');
    expect(fill('{n?a|b}', {})).toBe('{n?a|b}');
  });
  it('writes no "1 windows": every English count placeholder before a plural noun has its choice', () => {
    for (const file of components) {
      for (const [key, text] of strings(load('en', file)))
        expect(text, `en/${file} ${key}`).not.toMatch(
          /\{(?!depth\})\w+\} (?:input |equal )?(?:filters|kernels|windows|values|axes|channels|groups|layers)\b/,
        );
    }
  });
  it('puts a space after an English label and none after a full-width colon', () => {
    expect(labelled('Cannot compute:', 'the kernel does not fit.')).toBe('Cannot compute: the kernel does not fit.');
    expect(labelled('无法计算：', '卷积核放不进输入。')).toBe('无法计算：卷积核放不进输入。');
  });
  it("maps Starlight's locale keys to site locales, English by default", () => {
    expect(localeOf(undefined)).toBe('en');
    expect(localeOf('zh-cn')).toBe('zh-cn');
    expect(localeOf('fr')).toBe('en');
  });
});

describe('roleName: a role beside its number', () => {
  const names = { units: 'unit|units', bias: 'bias', heads: '头数' } as const;
  it('takes the singular for 1 and the plural otherwise, where the dictionary gives both', () => {
    expect(roleName(names, 'units', 1)).toBe('unit');
    expect(roleName(names, 'units', 32)).toBe('units');
  });
  it('leaves a single form as it is (Chinese, and words without a plural)', () => {
    expect(roleName(names, 'bias', 1)).toBe('bias');
    expect(roleName(names, 'heads', 8)).toBe('头数');
  });
  it('every role in the dictionaries has at most two forms', () => {
    for (const locale of ['en', 'zh-cn']) {
      for (const text of Object.values(load(locale, 'roles.json') as Record<string, string>)) {
        expect(text.split('|').length, text).toBeLessThanOrEqual(2);
      }
    }
  });
});
