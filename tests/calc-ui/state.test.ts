/**
 * The calculator's stale rules: what the reader typed is always kept, a failed layer keeps its
 * last valid numbers marked stale, and each problem names the field to show it beside.
 * Expected counts are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { engine } from '@components/islands/calculator/engine.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import {
  editField as editWith,
  isValid,
  restore as restoreWith,
  startState as startWith,
  type CalcState,
} from '@components/islands/calculator/state.ts';
import type { Prepared } from '@components/islands/calculator/fields.ts';
import { calculatorText } from '@components/islands/calculator/text.ts';
import { codeText, diagnosticText } from '@i18n/diagnostic-text.ts';
import { convTrio, int, mnistConv } from './preset-fixtures.ts';

const startState = (p: Prepared): CalcState => startWith(p, engine);
const editField = (s: CalcState, p: Prepared, field: number, text: string): CalcState => editWith(s, p, field, text, engine);
const restore = (p: Prepared, s: CalcState, values: Map<number, string>) => restoreWith(p, s, values, engine);

const conv = prepare(mnistConv([int('input[1]'), int('input[2]'), int('input[3]'), int('filters'), int('kernel_size'), int('groups')]));

const trio = prepare(convTrio([int('input[1]'), int('input[3]'), int('filters'), int('kernel_size'), int('groups')]));

const params = (s: CalcState): (number | undefined)[] => s.columns.map((c) => c?.row.params);
const stale = (s: CalcState): (boolean | undefined)[] => s.columns.map((c) => c?.stale);
/** Type several fields one after another, as a reader would. */
const typeIn = (preset: Prepared, s: CalcState, edits: [number, string][]): CalcState =>
  edits.reduce((acc, [f, t]) => editField(acc, preset, f, t), s);

describe('the starting state', () => {
  it("shows MNIST's first Conv2D: 32 × (1 × 3 × 3 + 1) = 320", () => {
    const s = startState(conv);
    expect(params(s)).toEqual([32 * (1 * 3 * 3 + 1)]);
    expect(s.columns[0]!.row.outputShape).toEqual([null, 28 - 3 + 1, 28 - 3 + 1, 32]);
    expect(isValid(s)).toBe(true);
  });
});

describe('editing', () => {
  it('follows a valid edit: 64 filters on 13×13×32 → 64 × (32 × 3 × 3 + 1) = 18,496', () => {
    const s = typeIn(conv, startState(conv), [
      [0, '13'],
      [1, '13'],
      [2, '32'],
      [3, '64'],
    ]);
    expect(params(s)).toEqual([18496]);
    expect(stale(s)).toEqual([false]);
    expect(s.problems).toEqual([]);
  });

  for (const [what, text] of [
    ['empty', ''],
    ['text', 'abc'],
    ['huge', '1e300'],
  ] as const) {
    it(`keeps the last valid result, stale, and the reader's text for ${what} input`, () => {
      const s0 = editField(startState(conv), conv, 3, '64');
      const s = editField(s0, conv, 3, text);
      expect(s.texts[3]).toBe(text);
      expect(params(s)).toEqual([64 * (1 * 3 * 3 + 1)]);
      expect(stale(s)).toEqual([true]);
      expect(s.problems).toHaveLength(1);
      expect(s.problems[0]).toMatchObject({ field: 3, layer: null });
      expect(isValid(s)).toBe(false);
    });
  }

  for (const [what, field, text, code] of [
    ['zero filters', 3, '0', 'arg-too-small'],
    ['negative filters', 3, '-3', 'arg-too-small'],
    ['fractional filters', 3, '2.5', 'arg-not-whole-number'],
    ['a zero height (the input rule: at least 1)', 0, '0', 'arg-too-small'],
    ['a height past the size limit', 0, '99999', 'size-too-large'],
  ] as const) {
    it(`refuses ${what} by the field's rule, before the engine, beside field ${field}`, () => {
      const s = editField(startState(conv), conv, field, text);
      expect(stale(s)).toEqual([true]);
      expect(params(s)).toEqual([320]);
      expect(s.problems).toEqual([{ field, layer: null, message: expect.objectContaining({ code }) }]);
    });
  }

  for (const [what, field, text, blamed] of [
    ['a kernel larger than the input', 4, '29', 4],
    ['groups that do not divide the filters', 5, '3', 5],
  ] as const) {
    it(`gives the engine's message for ${what}, beside field ${blamed}`, () => {
      const s = editField(startState(conv), conv, field, text);
      expect(stale(s)).toEqual([true]);
      expect(params(s)).toEqual([320]);
      expect(s.edited).toBe(field);
      expect(s.problems).toHaveLength(1);
      const p = s.problems[0]!;
      expect(p.field).toBe(blamed);
      expect(p.layer).toBe(0);
      expect('message' in p.message && p.message.message.length > 10).toBe(true);
    });
  }

  it('says which arithmetic fails when the kernel is too large', () => {
    const s = editField(startState(conv), conv, 4, '29');
    // ⌊(28 − 29) / 1⌋ + 1 = 0: no window fits
    expect(s.problems[0]!.message).toMatchObject({ code: 'kernel-does-not-fit', values: { kernel: 29, length: 28, out: 0 } });
  });

  it('comes back from stale to fresh when the field is fixed', () => {
    const bad = editField(startState(conv), conv, 3, '');
    const good = editField(bad, conv, 3, '16');
    expect(stale(good)).toEqual([false]);
    expect(params(good)).toEqual([16 * (1 * 3 * 3 + 1)]);
  });

  it('marks only the layers that fail: groups=2 suits Conv2D but DepthwiseConv2D and SeparableConv2D have no groups', () => {
    const s0 = startState(trio);
    // Conv2D 64 × (32 × 3 × 3 + 1); DepthwiseConv2D 32 × (3 × 3 + 1); SeparableConv2D 3·3·32 + 32·64 + 64
    expect(params(s0)).toEqual([64 * (32 * 9 + 1), 32 * (9 + 1), 3 * 3 * 32 + 32 * 64 + 64]);
    // 3 input channels do not split into 2 groups for Conv2D; the others do not read groups
    const s = editField(s0, trio, 4, '2');
    expect(stale(s)).toEqual([false, false, false]);
    expect(params(s)).toEqual([64 * ((32 / 2) * 9 + 1), 32 * (9 + 1), 3 * 3 * 32 + 32 * 64 + 64]);
    const bad = editField(s, trio, 1, '3');
    expect(stale(bad)).toEqual([true, false, false]);
    expect(params(bad)).toEqual([64 * (16 * 9 + 1), 3 * (9 + 1), 3 * 3 * 3 + 3 * 64 + 64]);
    expect(bad.problems).toEqual([expect.objectContaining({ field: 4, layer: 0 })]);
  });

  it('makes every column stale when the text cannot be read at all', () => {
    const s = editField(startState(trio), trio, 2, 'many');
    expect(stale(s)).toEqual([true, true, true]);
    expect(s.problems).toEqual([{ field: 2, layer: null, message: { code: 'arg-not-whole-number', values: { entered: 'many' } } }]);
  });
});

describe('restoring from the URL', () => {
  it('takes values that only resolve together', () => {
    // groups=4 needs channels and filters divisible by 4: alone, each of these would fail
    const { state, rejected } = restore(
      conv,
      startState(conv),
      new Map([
        [5, '4'],
        [2, '8'],
      ]),
    );
    expect(rejected).toEqual([]);
    expect(params(state)).toEqual([32 * ((8 / 4) * 3 * 3 + 1)]);
  });
  it('drops the values that do not resolve and keeps the rest', () => {
    const { state, rejected } = restore(
      conv,
      startState(conv),
      new Map([
        [3, '64'],
        [4, '99'],
      ]),
    );
    expect(rejected).toEqual([4]);
    expect(state.texts[4]).toBe('3');
    expect(params(state)).toEqual([64 * (1 * 3 * 3 + 1)]);
    expect(isValid(state)).toBe(true);
  });
});

describe('typing before the engine has loaded', () => {
  it('keeps the text, marks the state pending (never shared in the URL), and computes it when asked', async () => {
    const { typedAhead, advance } = await import('@components/islands/calculator/state.ts');
    const ahead = typedAhead(startState(conv), 3, '64');
    expect(ahead.texts[3]).toBe('64');
    expect(ahead.pending).toBe(true);
    expect(isValid(ahead)).toBe(false);
    expect(params(ahead)).toEqual([320]); // still the build-time numbers, not stale
    const done = advance(ahead, conv, ahead.texts, ahead.edited, engine);
    expect(done.pending).toBe(false);
    expect(params(done)).toEqual([64 * (1 * 3 * 3 + 1)]);
  });
  it('carries no pooling windows for a convolution', () => {
    const s = startState(conv);
    expect(s.columns[0]!.pooling).toBeNull();
  });
});

describe('a kernel typed axis by axis', () => {
  // Fields 4 and 5 are the height and the width of the kernel, as on the Conv2D lesson.
  const split = prepare(
    mnistConv([int('input[1]'), int('input[2]'), int('input[3]'), int('filters'), int('kernel_size[0]'), int('kernel_size[1]')]),
  );
  /** The message beside each field, worded as the island words it (the field's own label). */
  const shown = (s: CalcState, locale: 'en' | 'zh-cn'): [number | null, string][] =>
    s.problems.map((p) => {
      const label = p.field === null ? {} : { argLabel: calculatorText(split, locale).fields[p.field]!.label };
      const m = p.message;
      return [p.field, 'message' in m ? diagnosticText(m, locale, label) : codeText(m.code, m.values, locale, label)];
    });

  for (const [text, en, zh] of [
    ['0', 'you entered 0.', '你输入的是 0。'],
    ['-1', 'you entered −1.', '你输入的是 −1。'],
  ] as const) {
    it(`marks only the width field for a width of ${text}, and names the width`, () => {
      const s = editField(startState(split), split, 5, text);
      expect(s.problems).toHaveLength(1);
      expect(shown(s, 'en')).toEqual([[5, `Kernel size, width must be at least 1 — ${en}`]]);
      expect(shown(s, 'zh-cn')).toEqual([[5, `卷积核大小（宽度）至少为 1，${zh}`]]);
    });
  }

  it('marks the width, not the height, for a width of 2.5', () => {
    const s = editField(startState(split), split, 5, '2.5');
    expect(shown(s, 'en')).toEqual([[5, 'Kernel size, width must be a whole number — you entered 2.5.']]);
  });

  it('marks the height for a height of 0', () => {
    const s = editField(startState(split), split, 4, '0');
    expect(shown(s, 'en')).toEqual([[4, 'Kernel size, height must be at least 1 — you entered 0.']]);
  });

  it('a blank field is worded as the engine words it for the model editor, naming the field', () => {
    const s = editField(startState(split), split, 3, '');
    expect(s.problems[0]!.message).toEqual({ code: 'arg-empty-whole-number', values: {} });
    expect(shown(s, 'en')).toEqual([[3, 'Filters is empty: type a whole number.']]);
    expect(shown(s, 'zh-cn')).toEqual([[3, '滤波器个数是空的：请输入一个整数。']]);
  });

  it('a number past 2^53 − 1 is past the size limit too, quoted as typed', () => {
    // 10^20 > 65,536
    const s = editField(startState(split), split, 0, '100000000000000000000');
    expect(shown(s, 'en')).toEqual([[0, 'Input height can be at most 65,536 in these calculators — you entered “100000000000000000000”.']]);
  });

  it('an input height of −1 names the rule, not 2^53 − 1', () => {
    const s = editField(startState(split), split, 0, '-1');
    expect(shown(s, 'en')).toEqual([[0, 'Input height must be at least 1 — you entered −1.']]);
    expect(shown(s, 'zh-cn')).toEqual([[0, '输入高度至少为 1，你输入的是 −1。']]);
  });
});
