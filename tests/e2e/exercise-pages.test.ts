/**
 * Every lesson page as built, in both languages: it ends with at least three exercises, and no
 * exercise's answer stands anywhere on the page above the set (the lesson's prose, tables, code,
 * calculators' first view) — the old quiz printed several answers just above their question. The
 * answers are generated here from each card's template and seed; a count is looked for as Keras
 * prints it (`18,496`) and as digits (`18496`), a shape as `(None, 13, 13, 32)`.
 */
import { describe, expect, inject, it } from 'vitest';
import { groupDigits, shapeText } from '@calc/basics.ts';
import { generate, templateById } from '@exercises/index.ts';
import { CURRICULUM } from '@lessons/curriculum.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(executable === '')('lesson pages and their exercises in Chromium', () => {
  const session = useBrowser(executable, siteUrl);

  for (const prefix of ['', '/zh-cn'] as const) {
    it(`${prefix || '/'}: each lesson ends with its exercises, none answered above them`, async () => {
      for (const slug of CURRICULUM) {
        const { page, problems } = await session.open(`${prefix}/lessons/${slug}/`);
        const cards = await page
          .locator('.pl-ex-set [data-template]')
          .evaluateAll((els) =>
            els.map((e) => ({ template: e.getAttribute('data-template')!, seed: Number(e.getAttribute('data-seed')) })),
          );
        expect(cards.length, slug).toBeGreaterThanOrEqual(3);
        // everything the reader sees before the set: the page's text up to the set's start
        const above = await page.evaluate(() => {
          const set = document.querySelector('.pl-ex-set')!;
          const range = document.createRange();
          range.setStartBefore(document.querySelector('main')!);
          range.setEndBefore(set.closest('astro-island') ?? set);
          return range.toString().replace(/\s+/g, ' ');
        });
        expect(above.length, slug).toBeGreaterThan(1000);
        for (const { template, seed } of cards) {
          const exercise = generate(templateById(template)!, seed);
          const r = exercise.response;
          const blanks = r.kind === 'blanks' ? r.blanks : r.kind === 'predict' ? [r.blank] : [];
          for (const blank of blanks) {
            const v = blank.expected.value;
            const forms =
              typeof v === 'number'
                ? v >= 10
                  ? [`(?<![\\d,.])${escapeRegex(groupDigits(v))}(?![\\d,]\\d)`, `(?<![\\d,.])${v}(?![\\d,]\\d)`]
                  : []
                : [escapeRegex(shapeText(v))];
            for (const form of forms)
              expect(above, `${prefix}/lessons/${slug}/ shows ${exercise.id}'s answer above it`).not.toMatch(new RegExp(form));
          }
        }
        expect(problems, slug).toEqual([]);
        await page.close();
      }
    });
  }
});
