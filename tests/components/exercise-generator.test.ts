/**
 * What the exercise card fetches on demand: making a variant from its address (an unknown template
 * is a value the card words, not an exception) and "new numbers" (another seed of the same
 * template, its answer kept off what the page shows).
 */
import { describe, expect, it } from 'vitest';
import { make, newSeed } from '@components/islands/exercise/generator.ts';
import { answersOf } from '@exercises/sets.ts';
import { generate, templateById } from '@exercises/index.ts';
import en from '@i18n/en/exercises.json';
import zhCn from '@i18n/zh-cn/exercises.json';

describe('making a variant in the browser', () => {
  it('says an unknown template is unknown, in words both languages have', () => {
    expect(make('no-such-template', 1)).toEqual({ ok: false, problem: 'unknownTemplate' });
    for (const strings of [en, zhCn]) expect(strings.unknownTemplate).toContain('{id}');
  });

  it('makes the same exercise as the build for the same address, as plain data', () => {
    const made = make('conv2d-params', 1234);
    expect(made.ok).toBe(true);
    if (made.ok) {
      expect(made.data.id).toBe('conv2d-params.1234');
      expect(made.data.prompt).toEqual(generate(templateById('conv2d-params')!, 1234).prompt);
      expect(JSON.parse(JSON.stringify(made.data))).toEqual(made.data);
    }
  });

  it('gives new numbers: another seed whose answer the page does not show', () => {
    const shown = { numbers: [] as number[], shapes: [] as string[] };
    for (let i = 0; i < 20; i++) {
      const seed = newSeed('conv2d-params', 7, shown);
      expect(seed).not.toBeNull();
      expect(seed).not.toBe(7);
      const answer = [...answersOf(generate(templateById('conv2d-params')!, seed!)).numbers];
      for (const n of answer) expect(shown.numbers).not.toContain(n);
      shown.numbers.push(...answer);
    }
    expect(newSeed('no-such-template', 7, shown)).toBeNull();
  });
});
