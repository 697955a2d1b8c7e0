/**
 * The Practice page in real Chromium, in both locales. Questions are opened by address
 * (`?ex=conv2d-params.<seed>`); the test generates the same variant to learn its numbers and works
 * the answer out itself from the variant's `about` — Conv2D: filters × (channels × k × k + 1) — so
 * no expected count comes from the engine under test. Then: a right answer updates the dashboard
 * and survives a reload; a wrong one joins the misses and "Redo my misses" brings it back; export,
 * then import into a fresh browser context, restores the progress (a broken file changes nothing);
 * stored progress that is not JSON gives the reset notice and a working page; an unknown question
 * address gives a message in the page's language; storage that throws still lets the reader
 * practise; the Chinese page shows no English sentence in any of these states.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generate, templateById } from '@exercises/index.ts';
import { LEGACY_KEY, PROGRESS_KEY } from '@exercises/progress.ts';
import { PRACTICE_BUDGET_BYTES, SiteMeter, httpReader } from '../../scripts/page-weight.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { englishRuns } from './english-runs.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

/** The variant's parameter count, by hand from what it asks about: filters × (channels × k × k + 1). */
function conv2dAnswer(seed: number): number {
  const about = generate(templateById('conv2d-params')!, seed).about;
  if (about?.kind !== 'layer' || about.layer.type !== 'Conv2D') throw new Error('conv2d-params asks about one Conv2D');
  const { filters, kernel_size } = about.layer.args as { filters: number; kernel_size: number };
  const channels = (about.input as (number | null)[])[3] as number;
  return filters * (channels * kernel_size * kernel_size + 1);
}

const SEED = 7;
const MISSED_SEED = 11;
const locales = [
  { path: '/practice/', lang: 'en' },
  { path: '/zh-cn/practice/', lang: 'zh-cn' },
] as const;

const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);
const card = (page: Page) => page.locator('.pl-practice__card [data-exercise]');

/** Wait until the island has read storage and the address and shows its question. */
async function ready(page: Page): Promise<void> {
  await page.locator('.pl-practice[data-ready="true"] .pl-practice__card [data-exercise]').waitFor();
}

async function answer(page: Page, text: string): Promise<void> {
  await card(page).locator('[data-blank-input]').first().fill(text);
  await card(page).locator('.pl-ex__check').click();
}

async function figures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ['solved', 'tried', 'streak', 'best', 'misses']) out[name] = (await figure(page, name).textContent()) ?? '';
  return out;
}

const exOf = (page: Page): string | null => new URL(page.url()).searchParams.get('ex');

/** A wrong answer to a conv2d-params variant, as the progress store keeps it (written here by hand). */
const wrong = (seed: number, at: number) => ({
  id: `conv2d-params.${seed}`,
  template: 'conv2d-params',
  skill: 'layer-params',
  ok: false,
  hints: 0,
  shown: false,
  at,
});

/** Store `attempts` as this browser's progress and load the page again. */
async function storeProgress(page: Page, attempts: object[]): Promise<void> {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [PROGRESS_KEY, JSON.stringify({ version: 2, attempts, streak: { current: 0, best: 0 } })],
  );
}

describe.skipIf(executable === '')('the Practice page in Chromium', () => {
  const browser = useBrowser(executable, siteUrl);

  it('works the hand-computed answers out from the variants (sanity of the test itself)', () => {
    // conv2d-params draws filters from 8…128, k from 1…7, channels from 3…64: a count of at least 8 × (3 + 1)
    expect(conv2dAnswer(SEED)).toBeGreaterThanOrEqual(32);
    expect(conv2dAnswer(MISSED_SEED)).toBeGreaterThanOrEqual(32);
  });

  it(`loads at most ${PRACTICE_BUDGET_BYTES / 1024} KB of JavaScript (gzip) before interaction, in both locales`, async () => {
    const meter = new SiteMeter(httpReader(siteUrl));
    for (const { path } of locales) {
      const weight = await meter.measurePage(path);
      expect(weight.gzipBytes, path).toBeLessThanOrEqual(PRACTICE_BUDGET_BYTES);
    }
  });

  for (const { path, lang } of locales) {
    describe(lang, () => {
      it('shows a first question without loading the engine, and loads it for the next one', async () => {
        const engineChunks: string[] = [];
        const { page, problems } = await browser.open(path, undefined, async (p) => {
          p.on('request', (r) => {
            // the exercise generator and the engine's chunks (src/calc's layer specs come with them)
            if (/\/_astro\/(engine|generator)\.[^/]*\.js$/.test(new URL(r.url()).pathname)) engineChunks.push(r.url());
          });
        });
        await ready(page);
        const first = await card(page).getAttribute('data-exercise');
        expect(first).toMatch(/^[a-z0-9-]+\.\d+$/);
        expect(await card(page).locator('[data-blank-input], input[type="radio"], [data-order-item]').count()).toBeGreaterThan(0);
        await page.waitForTimeout(500);
        expect(engineChunks).toEqual([]);
        await page.locator('[data-action="next"]').click();
        await expect.poll(() => card(page).getAttribute('data-exercise')).not.toBe(first);
        expect(engineChunks.length).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      });

      it('opens ?ex= exactly, counts a right answer, and keeps it over a reload', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        expect(await card(page).getAttribute('data-exercise')).toBe(`conv2d-params.${SEED}`);
        expect(await figures(page)).toEqual({ solved: '0', tried: '0', streak: '0', best: '0', misses: '0' });
        await answer(page, conv2dAnswer(SEED).toLocaleString('en-US'));
        await expect.poll(() => card(page).getAttribute('data-verdict')).toBe('right');
        await expect.poll(() => figures(page)).toEqual({ solved: '1', tried: '1', streak: '1', best: '1', misses: '0' });
        expect(await page.locator('[data-row="layer-params"] [data-count="solved"]').textContent()).toBe('1');
        // the live line a screen reader hears says the same
        expect(await page.locator('[data-summary]').textContent()).toMatch(/1\D+1/);
        await page.reload();
        await ready(page);
        expect(exOf(page)).toBe(`conv2d-params.${SEED}`);
        expect(await figures(page)).toEqual({ solved: '1', tried: '1', streak: '1', best: '1', misses: '0' });
        expect(problems).toEqual([]);
        await page.close();
      });

      it('puts a wrong answer in the misses, and "Redo my misses" brings it back', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${MISSED_SEED}`);
        await ready(page);
        // nothing missed yet: the button says so
        await page.click('[data-action="redo"]');
        await expect.poll(() => page.locator('[data-practice-status]').textContent()).not.toBe('');
        const right = conv2dAnswer(MISSED_SEED);
        await answer(page, String(right + 1));
        await expect.poll(() => card(page).getAttribute('data-verdict')).toBe('wrong');
        await expect.poll(() => figures(page)).toEqual({ solved: '0', tried: '1', streak: '0', best: '0', misses: '1' });
        // another question: the address follows it
        await page.click('[data-action="next"]');
        await expect.poll(() => card(page).getAttribute('data-exercise')).not.toBe(`conv2d-params.${MISSED_SEED}`);
        await expect.poll(() => exOf(page)).toBe(await card(page).getAttribute('data-exercise'));
        await page.click('[data-action="redo"]');
        await expect.poll(() => card(page).getAttribute('data-exercise')).toBe(`conv2d-params.${MISSED_SEED}`);
        await expect.poll(() => exOf(page)).toBe(`conv2d-params.${MISSED_SEED}`);
        // solved now: out of the misses, and Next says that was the last one
        await answer(page, String(right));
        await expect.poll(() => figures(page)).toEqual({ solved: '1', tried: '1', streak: '1', best: '1', misses: '0' });
        await page.click('[data-action="next"]');
        await expect.poll(() => page.locator('[data-action="redo"]').count()).toBe(1);
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('exports progress and imports it into a fresh browser; a broken file changes nothing', async () => {
        const first = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(first.page);
        await answer(first.page, String(conv2dAnswer(SEED)));
        await expect.poll(() => figure(first.page, 'solved').textContent()).toBe('1');
        const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.click('[data-action="export"]')]);
        expect(download.suggestedFilename()).toBe('param-lab-progress.json');
        const file = readFileSync((await download.path())!, 'utf8');
        expect(JSON.parse(file).attempts).toHaveLength(1);
        await first.page.close();

        // a new page is a new browser context: empty storage
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${MISSED_SEED}`);
        await ready(page);
        expect(await figure(page, 'solved').textContent()).toBe('0');
        const input = page.locator('input[data-action="import"]');
        await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
        await expect.poll(() => page.locator('[data-file-status]').getAttribute('data-file-status')).toBe('error');
        expect(await figure(page, 'solved').textContent()).toBe('0');
        const brokenMessage = await page.locator('[data-file-status]').textContent();
        await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2}') });
        await expect.poll(() => page.locator('[data-file-status]').textContent()).not.toBe(brokenMessage);
        await input.setInputFiles({ name: 'param-lab-progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
        await expect.poll(() => page.locator('[data-file-status]').getAttribute('data-file-status')).toBe('ok');
        expect(await page.locator('[data-file-status]').getAttribute('data-added')).toBe('1');
        expect(await figures(page)).toEqual({ solved: '1', tried: '1', streak: '1', best: '1', misses: '0' });
        // the same file again adds nothing, and says so
        const firstMessage = await page.locator('[data-file-status]').textContent();
        await input.setInputFiles({ name: 'param-lab-progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
        await expect.poll(() => page.locator('[data-file-status]').getAttribute('data-added')).toBe('0');
        expect(await page.locator('[data-file-status]').textContent()).not.toBe(firstMessage);
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        expect(await figures(page)).toEqual({ solved: '1', tried: '1', streak: '1', best: '1', misses: '0' });
        // an attempt made in a lesson's set counts for that lesson (written here by hand)
        const lessonFile = {
          app: 'param-lab',
          version: 2,
          attempts: [
            {
              id: 'conv2d-params.3',
              template: 'conv2d-params',
              skill: 'layer-params',
              lesson: 'conv2d',
              ok: true,
              hints: 0,
              shown: false,
              at: 5,
            },
          ],
          streak: { current: 1, best: 1 },
        };
        await input.setInputFiles({ name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lessonFile)) });
        await expect.poll(() => figure(page, 'solved').textContent()).toBe('2');
        expect(await page.locator('[data-row="conv2d"] [data-count="solved"]').textContent()).toBe('1');
        // kept in storage: a reload shows the same
        await page.reload();
        await ready(page);
        expect(await figure(page, 'solved').textContent()).toBe('2');
        // reset asks first, then empties
        await page.click('[data-action="reset"]');
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        await page.click('[data-action="reset-no"]');
        expect(await figure(page, 'solved').textContent()).toBe('2');
        await page.click('[data-action="reset"]');
        await page.click('[data-action="reset-yes"]');
        await expect.poll(() => figures(page)).toEqual({ solved: '0', tried: '0', streak: '0', best: '0', misses: '0' });
        expect(problems).toEqual([]);
        await page.close();
      });

      it('says once that stored progress that is not JSON was set aside, and still works', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        await page.evaluate((key) => localStorage.setItem(key, '{not json'), PROGRESS_KEY);
        await page.reload();
        await ready(page);
        const notice = page.locator('[data-notice="reset"]');
        await notice.waitFor();
        if (lang === 'zh-cn') expect(await notice.textContent()).toMatch(/[\u4e00-\u9fff]/);
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        await answer(page, String(conv2dAnswer(SEED)));
        await expect.poll(() => figure(page, 'solved').textContent()).toBe('1');
        await page.click('[data-action="dismiss"]');
        expect(await notice.count()).toBe(0);
        await page.reload();
        await ready(page);
        expect(await page.locator('[data-notice="reset"]').count()).toBe(0);
        expect(await figure(page, 'solved').textContent()).toBe('1');
        expect(problems).toEqual([]);
        await page.close();
      });

      it("keeps the former lesson quiz's answers, says so once, and counts them for their lesson", async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        // the former quiz's storage: one right answer in the Conv2D lesson, one wrong in pooling
        const legacy = { 'lessons/conv2d/q1': { answer: '896', correct: true }, 'lessons/pooling/q2': { answer: '5', correct: false } };
        await page.evaluate(
          ([key, value]) => {
            localStorage.clear();
            localStorage.setItem(key!, value!);
          },
          [LEGACY_KEY, JSON.stringify(legacy)],
        );
        await page.reload();
        await ready(page);
        await page.locator('[data-notice="migrated"]').waitFor();
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        expect(await page.locator('[data-row="conv2d"] [data-count="solved"]').textContent()).toBe('1');
        expect(await page.locator('[data-row="pooling"] [data-count="tried"]').textContent()).toBe('1');
        expect(await page.locator('[data-row="pooling"] [data-count="solved"]').textContent()).toBe('0');
        expect(await figures(page)).toMatchObject({ solved: '1', tried: '2' });
        await page.reload();
        await ready(page);
        expect(await page.locator('[data-notice="migrated"]').count()).toBe(0);
        expect(await page.locator('[data-row="conv2d"] [data-count="solved"]').textContent()).toBe('1');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('tells of a link to a question this site lacks, and shows another', async () => {
        const { page, problems } = await browser.open(`${path}?ex=no-such-template.1`);
        await ready(page);
        const message = page.locator('[data-notice="link"]');
        expect(await message.textContent()).toContain('no-such-template');
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        const shown = await card(page).getAttribute('data-exercise');
        expect(shown).toMatch(/^[a-z0-9-]+\.\d+$/);
        await expect.poll(() => exOf(page)).toBe(shown);
        // the notice can be dismissed from the keyboard; focus goes on to the question
        await page.focus('[data-notice="link"] [data-action="dismiss"]');
        await page.keyboard.press('Enter');
        await expect.poll(() => message.count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('pl-practice__card'))).toBe(true);
        const bad = await browser.open(`${path}?ex=conv2d-params.99999999999`);
        await ready(bad.page);
        expect(await bad.page.locator('[data-notice="link"]').textContent()).toContain('conv2d-params.99999999999');
        expect([...problems, ...bad.problems]).toEqual([]);
        await bad.page.close();
        await page.close();
      });

      it('treats an empty ?ex= as no address: the first question, no message', async () => {
        const { page, problems } = await browser.open(`${path}?ex=`);
        await ready(page);
        expect(await page.locator('[data-notice="link"]').count()).toBe(0);
        const shown = await card(page).getAttribute('data-exercise');
        await expect.poll(() => exOf(page)).toBe(shown);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('brings back all three misses through "Redo my misses" with Next alone, in turn', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        // wrong answers to seeds 21, 22, 23, in that order: the most recent comes first
        await storeProgress(page, [wrong(21, 1000), wrong(22, 2000), wrong(23, 3000)]);
        await page.reload();
        await ready(page);
        expect(await figure(page, 'misses').textContent()).toBe('3');
        await page.click('[data-action="redo"]');
        const seen: (string | null)[] = [];
        for (let i = 0; i < 4; i++) {
          if (i > 0) {
            const before = await card(page).getAttribute('data-exercise');
            await page.click('[data-action="next"]');
            await expect.poll(() => card(page).getAttribute('data-exercise')).not.toBe(before);
          }
          await expect.poll(() => card(page).getAttribute('data-exercise')).toMatch(/^conv2d-params\.2[123]$/);
          seen.push(await card(page).getAttribute('data-exercise'));
          // still three to redo: none was answered
          expect(await page.locator('[data-practice-status]').textContent()).toMatch(/\b3\b/);
        }
        expect(seen).toEqual(['conv2d-params.23', 'conv2d-params.22', 'conv2d-params.21', 'conv2d-params.23']);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('gives a returning reader whose first question is solved another one', async () => {
        const { page, problems } = await browser.open(path);
        await ready(page);
        const starter = (await card(page).getAttribute('data-exercise'))!;
        const template = starter.slice(0, starter.lastIndexOf('.'));
        const solved = { ...wrong(0, 1000), id: starter, template, ok: true };
        await storeProgress(page, [solved]);
        for (let visit = 0; visit < 3; visit++) {
          await page.goto(`${siteUrl}${path}`);
          await ready(page);
          const shown = await card(page).getAttribute('data-exercise');
          expect(shown).not.toBe(starter);
          await expect.poll(() => exOf(page)).toBe(shown);
        }
        expect(problems).toEqual([]);
        await page.close();
      });

      it('goes Back to the question before Next question, and Forward again', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        await page.click('[data-action="next"]');
        await expect.poll(() => exOf(page)).not.toBe(`conv2d-params.${SEED}`);
        const second = exOf(page);
        await expect.poll(() => card(page).getAttribute('data-exercise')).toBe(second);
        await page.evaluate(() => history.back());
        await expect.poll(() => card(page).getAttribute('data-exercise')).toBe(`conv2d-params.${SEED}`);
        expect(exOf(page)).toBe(`conv2d-params.${SEED}`);
        await page.evaluate(() => history.forward());
        await expect.poll(() => card(page).getAttribute('data-exercise')).toBe(second);
        expect(exOf(page)).toBe(second);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('lets the reader practise, and says progress will not be kept, when storage refuses writes', async () => {
        // as a full storage quota does; only this site's keys refuse, since Starlight's theme script
        // writes its own key without catching and would fail the page's problem check for its own reasons
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`, undefined, async (p) => {
          await p.addInitScript(() => {
            const setItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
              if (key.startsWith('param-lab:')) throw new DOMException('storage is full', 'QuotaExceededError');
              setItem.call(this, key, value);
            };
          });
        });
        await ready(page);
        await page.locator('[data-notice="storage-off"]').waitFor();
        if (lang === 'zh-cn') expect(await englishRuns(page)).toEqual([]);
        await answer(page, String(conv2dAnswer(SEED)));
        await expect.poll(() => figure(page, 'solved').textContent()).toBe('1');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('is usable from the keyboard: Next question by Enter moves focus to the new question', async () => {
        const { page, problems } = await browser.open(`${path}?ex=conv2d-params.${SEED}`);
        await ready(page);
        await page.focus('[data-action="next"]');
        await page.keyboard.press('Enter');
        await expect.poll(() => exOf(page)).not.toBe(`conv2d-params.${SEED}`);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('pl-practice__card'))).toBe(true);
        // every control has a name
        const unnamed = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.pl-practice :is(button, select, input)'))
            .filter((el) => (el as HTMLElement).offsetParent !== null || el.matches('input[type=file]'))
            .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim())
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(unnamed).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
      });
    });
  }
});
