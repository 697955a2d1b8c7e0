/**
 * One policy for every calculator in the lessons: each number field is typed the same five
 * out-of-range values (0, −1, 99999, text, nothing), and every calculator refuses each of them
 * beside that field, keeps the reader's text, marks its numbers stale, and says the same thing in
 * the page's language as every other calculator with a field of the same label.
 *
 * The expected sentences are written here by hand: Keras's minimum of 1 for a size, the site's
 * limit of 65,536, and the two languages' wording.
 */
import { describe, expect, it } from 'vitest';
import type { CalculatorPreset } from '@lessons/types.ts';
import { engine } from '@components/islands/calculator/engine.ts';
import type { Prepared } from '@components/islands/calculator/fields.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import { editField, startState, type Problem } from '@components/islands/calculator/state.ts';
import { calculatorText } from '@components/islands/calculator/text.ts';
import type { Locale } from '@i18n/index.ts';
import type { DiagnosticCode, DiagnosticValues } from '@calc/basics.ts';
import { readField } from '@components/islands/padding-compare/compare-rows.ts';
import { fill, tidyChinese } from '@i18n/fill.ts';
import paddingEn from '@i18n/en/padding-compare.json';
import paddingZh from '@i18n/zh-cn/padding-compare.json';

const modules = import.meta.glob<{ calculators?: Record<string, CalculatorPreset> }>('../../src/lessons/*.ts', { eager: true });
const presets: Prepared[] = Object.values(modules).flatMap((m) => Object.values(m.calculators ?? {}).map(prepare));

/** How the island words a problem beside its field (Calculator.tsx's messageOf, typing problems). */
function words(preset: Prepared, p: Problem, locale: Locale): string {
  const label = p.field === null ? {} : { argLabel: calculatorText(preset, locale).fields[p.field]!.label };
  const m = p.message;
  return 'message' in m ? engine.diagnosticText(m, locale, label) : engine.codeText(m.code, m.values, locale, label);
}

/** What a field of this label must say for each typed value, in each language. */
const expected: Record<string, (label: string) => Record<Locale, string>> = {
  '0': (l) => ({ en: `${l} must be at least 1 — you entered 0.`, 'zh-cn': `${l} 至少为 1，你输入的是 0。` }),
  '-1': (l) => ({ en: `${l} must be at least 1 — you entered −1.`, 'zh-cn': `${l} 至少为 1，你输入的是 −1。` }),
  '99999': (l) => ({
    en: `${l} can be at most 65,536 in these calculators — you entered 99,999.`,
    'zh-cn': `在这些计算器中，${l} 最大为 65,536，你输入的是 99,999。`,
  }),
  abc: (l) => ({ en: `${l} must be a whole number — you entered “abc”.`, 'zh-cn': `${l} 必须是整数，你输入的是 “abc”。` }),
  '': (l) => ({ en: `${l} is empty: type a whole number.`, 'zh-cn': `${l} 是空的：请输入一个整数。` }),
};

/** Chinese runs no space between a Chinese label and the words after it (diagnostic-text.ts's tidy). */
const tidy = (s: string): string =>
  s.replace(/(?<=[\u3000-\u9fff\uff00-\uffef\u2018-\u201d]) (?=[\u3000-\u9fff\uff00-\uffef\u2018-\u201d])/g, '');

interface Seen {
  where: string;
  message: string;
}

describe('every calculator refuses the same out-of-range values in the same words', () => {
  it('covers the lessons: at least 20 calculators with at least 80 number fields', () => {
    expect(presets.length).toBeGreaterThanOrEqual(20);
    expect(presets.flatMap((p) => p.fields.filter((f) => f.kind === 'int')).length).toBeGreaterThanOrEqual(80);
  });

  for (const [typed, want] of Object.entries(expected)) {
    it(`refuses ${JSON.stringify(typed)} in every number field, beside it, keeping the text and the last numbers`, () => {
      /** Per language and label: every message seen, to compare across calculators. */
      const byLabel = new Map<string, Seen[]>();
      let checked = 0;
      for (const preset of presets) {
        const start = startState(preset, engine);
        preset.fields.forEach((field, i) => {
          if (field.kind !== 'int') return;
          const rule = preset.rules[i]!;
          // output_padding may be 0 (Keras's own minimum there): 0 is in range for it, −1 is not
          if (typed === '0' && rule.min <= 0) return;
          const where = `${preset.id} ${field.target}`;
          const s = editField(start, preset, i, typed, engine);
          expect(s.texts[i], where).toBe(typed);
          expect(s.problems, where).toHaveLength(1);
          expect(s.problems[0]!.field, where).toBe(i);
          expect(
            s.columns.every((c) => c?.stale),
            `${where}: every column stale`,
          ).toBe(true);
          for (const locale of ['en', 'zh-cn'] as const) {
            const label = calculatorText(preset, locale).fields[i]!.label;
            const message = words(preset, s.problems[0]!, locale);
            const sentence = want(label)[locale];
            if (rule.min <= 0 && typed === '-1') {
              expect(message, where).toBe(
                locale === 'en' ? `${label} must be at least 0 — you entered −1.` : tidy(`${label} 至少为 0，你输入的是 −1。`),
              );
            } else {
              expect(message, `${where} (${locale})`).toBe(locale === 'zh-cn' ? tidy(sentence) : sentence);
            }
            const key = `${locale} ${label}`;
            byLabel.set(key, [...(byLabel.get(key) ?? []), { where, message }]);
          }
          checked++;
        });
      }
      expect(checked).toBeGreaterThanOrEqual(80);
      // the same label says the same thing in every calculator that shows it
      for (const [key, seen] of byLabel)
        expect(new Set(seen.map((x) => x.message)), `${key}: ${seen.map((x) => x.where).join(', ')}`).toHaveProperty('size', 1);
    });
  }

  it('accepts the limit itself and refuses one more, for a shared field: Input height in Conv2D, pooling and BatchNormalization', () => {
    const ids = ['conv2d', 'pooling', 'bn'];
    for (const id of ids) {
      const preset = presets.find((p) => p.id === id)!;
      const i = preset.fields.findIndex((f) => f.target === 'input[1]');
      const start = startState(preset, engine);
      const at = editField(start, preset, i, '65536', engine);
      expect(
        at.problems.filter((p) => p.field === i && p.layer === null),
        id,
      ).toEqual([]);
      const past = editField(start, preset, i, '65537', engine);
      expect(past.problems[0]!.message, id).toMatchObject({ code: 'size-too-large', values: { max: 65536, entered: 65537 } });
    }
  });

  it('never draws an empty kernel or a 0-sized output: input channels 0 and height 0 are refused everywhere', () => {
    for (const preset of presets) {
      preset.fields.forEach((f, i) => {
        if (!/^inputs?\[/.test(f.target)) return;
        const s = editField(startState(preset, engine), preset, i, '0', engine);
        expect(
          s.problems.map((p) => p.field),
          `${preset.id} ${f.target}`,
        ).toEqual([i]);
        expect(
          s.columns.every((c) => c?.stale),
          `${preset.id} ${f.target}`,
        ).toBe(true);
      });
    }
  });
});

describe('the padding comparison says what the calculators say', () => {
  const strings = { en: paddingEn, 'zh-cn': paddingZh };
  // the comparison words its own fields (no engine on its page); the sentences must stay the calculators'
  for (const locale of ['en', 'zh-cn'] as const) {
    it(`${locale}: the same rule, limit and words`, () => {
      const s = strings[locale];
      const label = s.length;
      const same = (template: string, values: Record<string, string | number>, code: DiagnosticCode, codeValues: DiagnosticValues) =>
        expect(tidyChinese(fill(template, { label, ...values }))).toBe(engine.codeText(code, codeValues, locale, { argLabel: label }));
      same(s.empty, {}, 'arg-empty-whole-number', {});
      same(s.notNumber, { text: 'abc' }, 'arg-not-whole-number', { entered: 'abc' });
      same(s.notWhole, { text: '2.5' }, 'arg-not-whole-number', { entered: 2.5 });
      same(s.tooSmall, { min: 1, text: '−1' }, 'arg-too-small', { min: 1, entered: -1 });
      same(s.tooLarge, { max: '65,536', text: '99,999' }, 'size-too-large', { max: 65536, entered: 99999 });
      expect(readField('99999', 1)).toMatchObject({ ok: false, problem: 'tooLarge', max: 65536 });
      expect(readField('65536', 1)).toMatchObject({ ok: true });
    });
  }
});

describe('at the limit', () => {
  it('a Conv2D of 65,536 filters over 65,536 channels with a 65,536 × 65,536 kernel is too many to count, said without "model"', () => {
    // 65,536^4 = 2^64 weights > 2^53 − 1: past exact arithmetic
    const preset = presets.find((p) => p.id === 'home-conv2d')!;
    let s = startState(preset, engine);
    preset.fields.forEach((f, i) => {
      if (f.kind === 'int') s = editField(s, preset, i, '65536', engine);
    });
    const p = s.problems[0]!;
    expect('message' in p.message && p.message.code).toBe('model-too-many-params');
    expect(words(preset, p, 'en')).toBe('There are too many parameters to count exactly.');
    expect(words(preset, p, 'zh-cn')).toBe('参数量太大，无法精确计数。');
  });
});
