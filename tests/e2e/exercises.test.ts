/**
 * A lesson's exercise set in real Chromium, in both languages (issue #10): the right answer is
 * accepted in every form people type and celebrated; a known mistake is named by its catalogue
 * title; an unknown wrong number and an unreadable one get their own words; the hint ladder runs
 * 1 → 2 → 3 and then the solution, which stops a later answer from counting; progress survives a
 * reload; the order list and spot-the-wrong-row work by keyboard; nothing overflows a 390 px phone.
 * Every expected number is worked out here by hand from the numbers the prompt shows.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import en from '@i18n/en/exercises.json';
import zhCn from '@i18n/zh-cn/exercises.json';
import { mistake } from '@exercises/mistakes.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const grouped = (n: number): string => n.toLocaleString('en-US');
const words = { '': en, '/zh-cn': zhCn } as const;
type Prefix = keyof typeof words;
const localeOf = (prefix: Prefix) => (prefix === '' ? 'en' : 'zh-cn');

/** `Conv2D(48, 3)` … `(None, 32, 32, 16)` in a prompt (either language) → its numbers. */
function conv2dPrompt(text: string): { filters: number; k: number; h: number; w: number; channels: number; strides: number } {
  const m = /Conv2D\((\d+), (\d+)(?:, strides=(\d+))?\)\D*\(None, (\d+), (\d+), (\d+)\)/.exec(text);
  if (!m) throw new Error(`not a Conv2D prompt: ${text}`);
  const [filters, k, strides, h, w, channels] = [m[1], m[2], m[3] ?? '1', m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { filters, k, h, w, channels, strides };
}

/** Conv2D's count by the textbook formula: filters × (input channels × kh × kw + 1). */
const conv2dCount = (filters: number, channels: number, k: number): number => filters * (channels * k * k + 1);

describe.skipIf(executable === '')('a lesson’s exercise set in Chromium', () => {
  const session = useBrowser(executable, siteUrl);

  /** The lesson page, the set hydrated; every page opens in a fresh context, so with no progress. */
  async function openSet(
    prefix: Prefix,
    lesson = 'conv2d',
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; problems: string[] }> {
    const opened = await session.open(`${prefix}/lessons/${lesson}/`, viewport);
    await ready(opened.page);
    return opened;
  }

  /** The set hydrated: it does when the reader reaches into it (client:interact), here a pointer over it. */
  async function ready(page: Page): Promise<void> {
    const set = page.locator('.pl-ex-set');
    await set.scrollIntoViewIfNeeded();
    await set.hover();
    await page.locator('.pl-ex-set[data-ready="true"]').waitFor();
  }

  /** Type `text` into the card's (only) box, press Enter, and wait for `verdict`. */
  async function answer(card: Locator, text: string, verdict: string): Promise<string> {
    const input = card.locator('input[type="text"]');
    await input.fill(text);
    await input.press('Enter');
    await expect.poll(() => card.getAttribute('data-verdict'), { message: `typed ${JSON.stringify(text)}` }).toBe(verdict);
    expect(await input.inputValue(), 'what was typed stays').toBe(text);
    return (await card.locator('.pl-ex__feedback').textContent()) ?? '';
  }

  for (const prefix of ['', '/zh-cn'] as const) {
    const t = words[prefix];
    const locale = localeOf(prefix);

    it(`${prefix || '/'}: accepts the right count typed four ways, celebrates, and keeps it after a reload`, async () => {
      const { page, problems } = await openSet(prefix);
      const card = page.locator('[data-template="conv2d-params"]');
      const input = card.locator('input[type="text"]');
      // the prompt labels the box
      const label = await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      const { filters, k, channels } = conv2dPrompt(label);
      const n = conv2dCount(filters, channels, k);

      expect(await answer(card, '', 'empty')).toContain(t.empty);
      const unreadable = await answer(card, 'many', 'unreadable');
      expect(unreadable).toContain('18,496');
      expect(unreadable).toContain('18 496');

      await answer(card, String(n), 'right');
      const feedback = card.locator('.pl-ex__feedback');
      expect(await feedback.textContent()).toContain(t.right);
      expect(await card.locator('.pl-ex__celebrate').isVisible()).toBe(true);
      expect(await card.locator('[data-solution]').textContent()).toContain(grouped(n));
      for (const typed of [grouped(n), grouped(n).replace(/,/g, ' '), grouped(n).replace(/,/g, '\u202f')]) {
        await answer(card, 'many', 'unreadable'); // another verdict first, so each form is judged afresh
        await answer(card, typed, 'right');
      }
      const progress = page.locator('.pl-ex-set__progress');
      expect(await progress.getAttribute('data-solved')).toBe('1');
      expect(await progress.textContent()).toContain(t.practiseMore);

      await page.reload();
      await ready(page);
      await expect.poll(() => card.getAttribute('data-solved')).toBe('true');
      expect(await progress.getAttribute('data-solved')).toBe('1');
      expect(await card.locator('.pl-ex__badge').textContent()).toContain(t.solvedBefore);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix || '/'}: names a known mistake by its catalogue title, and says plainly when a number is no known mistake`, async () => {
      const { page, problems } = await openSet(prefix);
      const card = page.locator('[data-template="conv2d-params"]');
      const { filters, k, channels, h, w } = conv2dPrompt((await card.locator('.pl-ex__prompt').textContent()) ?? '');
      const right = conv2dCount(filters, channels, k);

      const noBias = filters * channels * k * k;
      expect(await answer(card, grouped(noBias), 'wrong')).toContain(mistake('forgot-bias').title[locale]);
      expect(await card.getAttribute('data-mistake')).toBe('forgot-bias');

      const oneChannel = conv2dCount(filters, 1, k);
      expect(await answer(card, String(oneChannel), 'wrong')).toContain(mistake('kernel-ignores-channels').title[locale]);
      expect(await card.getAttribute('data-mistake')).toBe('kernel-ignores-channels');

      // a number no mistake of this question gives
      const mistaken = new Set([noBias, oneChannel, conv2dCount(channels, filters, k), noBias * h * w]);
      let unknown = right + 1;
      while (mistaken.has(unknown)) unknown++;
      const said = await answer(card, grouped(unknown), 'wrong');
      expect(said).toContain(t.wrong);
      expect(said).toContain(t.wrongHint);
      expect(await card.getAttribute('data-mistake')).toBeNull();
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('keeps an answer typed and sent before the set has woken up (it hydrates on first touch)', async () => {
    const { page, problems } = await session.open('/lessons/conv2d/');
    const card = page.locator('[data-template="conv2d-params"]');
    await card.scrollIntoViewIfNeeded();
    const { filters, k, channels } = conv2dPrompt((await card.locator('.pl-ex__prompt').textContent()) ?? '');
    const input = card.locator('input[type="text"]');
    await input.click(); // the first touch: the code starts loading now
    await page.keyboard.type(grouped(conv2dCount(filters, channels, k)));
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-verdict')).toBe('right');
    expect(await page.locator('.pl-ex-set__progress').getAttribute('data-solved')).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('climbs the hint ladder 1 → 2 → 3, then shows the solution by keyboard; an answer after it does not count', async () => {
    const { page, problems } = await openSet('');
    const card = page.locator('[data-template="conv2d-params"]');
    const { filters, k, channels } = conv2dPrompt((await card.locator('.pl-ex__prompt').textContent()) ?? '');
    const n = conv2dCount(filters, channels, k);
    const hint = card.locator('.pl-ex__hint-button');
    for (const step of [1, 2, 3]) {
      await hint.click();
      await expect.poll(() => card.locator('.pl-ex__hint').count()).toBe(step);
      expect(await card.locator(`[data-hint="${step}"]`).textContent()).toContain(`Hint ${step} of 3`);
    }
    // the ladder's own numbers, and no answer in it
    expect(await card.locator('[data-hint="2"]').textContent()).toContain(`${filters} × (${channels} × ${k} × ${k} + 1)`);
    expect(await card.locator('.pl-ex__hints').textContent()).not.toContain(grouped(n));
    expect(await hint.count()).toBe(0);
    // focus moved on to the last resort, which Enter opens
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('pl-ex__solution-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.locator('[data-solution]').textContent()).toContain(grouped(n));

    expect(await answer(card, grouped(n), 'right')).toContain('does not count');
    const progress = page.locator('.pl-ex-set__progress');
    expect(await progress.getAttribute('data-solved')).toBe('0');
    expect(await progress.getAttribute('data-shown')).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('accepts an output shape as (None, h, w, c), h×w×c and [h, w, c], and names the same-padding mistake', async () => {
    const { page, problems } = await openSet('');
    const card = page.locator('[data-template="conv-valid-shape"]');
    const { filters, k, h, w, strides } = conv2dPrompt((await card.locator('.pl-ex__prompt').textContent()) ?? '');
    // valid padding: ⌊(n − k) / s⌋ + 1 on each axis; same padding: ⌈n / s⌉
    const [oh, ow] = [h, w].map((n) => Math.floor((n - k) / strides) + 1) as [number, number];
    for (const typed of [
      `(None, ${oh}, ${ow}, ${filters})`,
      `${oh}x${ow}x${filters}`,
      `${oh}×${ow}×${filters}`,
      `[${oh}, ${ow}, ${filters}]`,
    ]) {
      await answer(card, 'twelve', 'unreadable');
      await answer(card, typed, 'right');
    }
    const [sh, sw] = [h, w].map((n) => Math.ceil(n / strides)) as [number, number];
    if (sh !== oh || sw !== ow)
      expect(await answer(card, `(None, ${sh}, ${sw}, ${filters})`, 'wrong')).toContain(mistake('valid-as-same').title.en);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('predict: the slider unlocks at the commit and shows the count at the target', async () => {
    const { page, problems } = await openSet('');
    const card = page.locator('[data-kind="predict"][data-template="predict-conv2d"]');
    const slider = card.locator('input[type="range"]');
    expect(await slider.isDisabled()).toBe(true);
    const codes = await card.locator('.pl-ex__prompt code').allTextContents();
    const start = /Conv2D\((\d+), (\d+)\)/.exec(codes[0]!)!.slice(1).map(Number) as [number, number];
    const c0 = Number(/(\d+)\)$/.exec(codes[1]!)![1]);
    const last = codes[codes.length - 1]!;
    const target = /^Conv2D/.test(last) ? (/Conv2D\((\d+), (\d+)\)/.exec(last)!.slice(1).map(Number) as [number, number]) : start;
    const c = /^Conv2D/.test(last) ? c0 : Number(/(\d+)\)$/.exec(last)![1]);
    const [f, k] = target;
    const n = conv2dCount(f, c, k);
    const moved = f !== start[0] ? f : k !== start[1] ? k : c;

    const input = card.locator('input[type="text"]');
    await input.fill(String(n)); // typed without grouping …
    await input.press('Enter');
    await expect.poll(() => card.getAttribute('data-verdict')).toBe('right');
    await expect.poll(() => slider.isDisabled()).toBe(false);
    expect(await input.getAttribute('readonly')).not.toBeNull();
    // … and said back grouped, as the page prints counts, with what the prediction was for
    const note = (await card.locator('.pl-ex__slider-note').textContent()) ?? '';
    expect(note).toContain(en.committed.replace('{value}', grouped(n)));
    expect(note).toContain(`= ${moved}`);
    expect(note).not.toMatch(/about/);
    await slider.fill(String(moved));
    await expect.poll(() => card.locator('output [data-count]').getAttribute('data-count')).toBe(String(n));
    expect(await card.locator('output').getAttribute('aria-live')).toBe('polite');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('orders by keyboard with Move up / Move down, focus following the moved item', async () => {
    const { page, problems } = await openSet('', 'putting-it-together');
    const card = page.locator('[data-kind="order"]').first();
    const list = card.locator('ol.pl-ex__order');
    const before = ((await list.getAttribute('data-order')) ?? '').split(' ');
    await card.locator('button[data-move="down"]').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // the first item went down two places, and focus went with it
    await expect.poll(async () => (await list.getAttribute('data-order'))?.split(' ')[2]).toBe(before[0]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('li')?.dataset['option'])).toBe(before[0]);
    await card.locator('.pl-ex__check').click();
    await expect.poll(() => card.getAttribute('data-verdict')).not.toBe('none');
    expect(await card.locator('.pl-ex__feedback').textContent()).toMatch(/Solved!|\d of \d in the right place/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('spot the wrong row: a row of the printout is picked by click, and the arrow keys move the pick', async () => {
    const { page, problems } = await openSet('', 'putting-it-together');
    const card = page.locator('[data-template="spot-wrong-row"]');
    const rows = card.locator('.pl-ex__row');
    expect(await rows.count()).toBeGreaterThan(1);
    await rows.nth(0).click();
    expect(await rows.nth(0).getAttribute('data-checked')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).getAttribute('data-checked')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-verdict')).toMatch(/right|wrong/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('spot the wrong row: a row that is right says so, with its count', async () => {
    for (const prefix of ['', '/zh-cn'] as const) {
      const { page, problems } = await openSet(prefix, 'putting-it-together');
      const card = page.locator('[data-template="spot-wrong-row"]');
      // the printout's rows: name (Type), output shape, Param #
      const lines = (await card.locator('.pl-ex__rows').innerText()).split('\n');
      const rows = lines.flatMap((line) => {
        const m = /│\s*(\S+) \((\w+)\)\s*│\s*\(None, ([\d, ]+)\)\s*│\s*([\d,]+)\s*│/.exec(line);
        return m ? [{ name: m[1]!, type: m[2]!, out: m[3]!.split(', ').map(Number), params: Number(m[4]!.replace(/,/g, '')) }] : [];
      });
      expect(rows.length).toBeGreaterThan(3);
      // a Dense row is worked out from the printout alone: units × (input features + 1)
      const right = rows.flatMap((row, i) => {
        if (row.type !== 'Dense' || i === 0) return [];
        const features = rows[i - 1]!.out.at(-1)!;
        const units = row.out.at(-1)!;
        const count = units * (features + 1);
        return row.params === count ? [{ ...row, count }] : [];
      });
      expect(right.length, 'one of the Dense rows at least is printed right').toBeGreaterThan(0);
      const row = right[0]!;
      await card.locator(`.pl-ex__row[data-option="${row.name}"]`).click();
      await card.locator('.pl-ex__check').click();
      await expect.poll(() => card.getAttribute('data-verdict')).toBe('wrong');
      const note = card.locator('.pl-ex__feedback [data-note]');
      await note.waitFor();
      const said = (await note.textContent()) ?? '';
      expect(said).toContain(row.name);
      expect(said).toContain(grouped(row.count));
      expect(await card.locator('.pl-ex__feedback').textContent()).toContain(words[prefix].wrong);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('spot the wrong row on a phone: a line says the printout scrolls, and a keyboard pick shows its Param #', async () => {
    for (const width of [390, 1280]) {
      for (const prefix of ['', '/zh-cn'] as const) {
        // before the set has woken up: the cue is the page's own (CSS)
        const { page, problems } = await session.open(`${prefix}/lessons/putting-it-together/`, { width, height: 900 });
        const card = page.locator('[data-template="spot-wrong-row"]');
        await card.scrollIntoViewIfNeeded();
        const cue = card.locator('.pl-ex__scroll-cue');
        expect(await cue.isVisible(), `${prefix} ${width} px before hydration`).toBe(width === 390);
        if (width === 390) expect(await cue.textContent()).toBe(words[prefix].scrollCue);
        await ready(page);
        expect(await cue.isVisible(), `${prefix} ${width} px`).toBe(width === 390);
        const box = card.locator('.pl-ex__rows');
        const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth);
        // a laptop shows every column; a phone scrolls, and the cue says so
        expect(fits).toBe(width !== 390);
        if (width === 390) {
          await card.locator('.pl-ex__row').first().click();
          await page.keyboard.press('ArrowDown');
          await expect.poll(() => box.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)).toBe(true);
        }
        expect(problems).toEqual([]);
        await page.close();
      }
    }
  });

  it('gives new numbers on request and links to exactly this question', async () => {
    const { page, problems } = await openSet('/zh-cn');
    const card = page.locator('[data-template="conv2d-params"]');
    const seed = await card.getAttribute('data-seed');
    const link = card.locator('a.pl-ex__link');
    expect(await link.getAttribute('href')).toBe(`/zh-cn/practice/?ex=conv2d-params.${seed}`);
    expect(await link.textContent()).toBe(zhCn.link);
    await card.locator('input[type="text"]').fill('123');
    await card.getByRole('button', { name: zhCn.newNumbers }).click();
    // the same slot, another variant, afresh; its count again by hand from its own prompt
    await expect.poll(() => card.getAttribute('data-seed')).not.toBe(seed);
    await card.locator('[data-verdict="none"] input[type="text"]').waitFor();
    expect(await card.locator('input[type="text"]').inputValue()).toBe('');
    expect(await link.getAttribute('href')).toBe(`/zh-cn/practice/?ex=conv2d-params.${await card.getAttribute('data-seed')}`);
    const { filters, k, channels } = conv2dPrompt((await card.locator('.pl-ex__prompt').textContent()) ?? '');
    expect(await answer(card, String(conv2dCount(filters, channels, k)), 'right')).toContain(zhCn.right);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('new numbers by keyboard: the focus goes to the new question, not to the page', async () => {
    const { page, problems } = await openSet('');
    const card = page.locator('[data-template="conv2d-params"]');
    const seed = await card.getAttribute('data-seed');
    await card.getByRole('button', { name: en.newNumbers }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-seed')).not.toBe(seed);
    await card.locator('[data-verdict="none"] input[type="text"]').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName ?? '', seed: el?.closest('[data-exercise]')?.getAttribute('data-seed') ?? null };
      });
    await expect.poll(focused).toEqual({ tag: 'ARTICLE', seed: await card.getAttribute('data-seed') });
    // the card is named by its number and its question, which is what is heard
    const name = await card.evaluate((el) =>
      (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(name).toContain('Conv2D(');
    // Tab goes on into the question: its answer box
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('text');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('carries the former quiz’s answers over, and says so in Chinese', async () => {
    const opened = await session.open('/zh-cn/lessons/conv2d/', undefined, async (page) => {
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('legacy-set')) {
          localStorage.setItem('param-lab:quiz:v1', JSON.stringify({ 'lessons/conv2d/q1': { answer: '320', correct: true } }));
          sessionStorage.setItem('legacy-set', '1');
        }
      });
    });
    await ready(opened.page);
    const notice = opened.page.locator('.pl-ex-set__notice');
    await expect.poll(() => notice.getAttribute('data-notice')).toBe('migrated');
    expect(await notice.textContent()).toBe(zhCn.noticeMigrated);
    expect(opened.problems).toEqual([]);
    await opened.page.close();
  });

  for (const prefix of ['', '/zh-cn'] as const)
    for (const lesson of ['conv2d', 'putting-it-together'])
      it(`${prefix}/lessons/${lesson}/ at 390 px: nothing overflows the page; code and printouts scroll in their own box`, async () => {
        const { page, problems } = await openSet(prefix, lesson, { width: 390, height: 844 });
        const report = await page.evaluate(() => {
          const doc = document.documentElement;
          const cards = [...document.querySelectorAll('.pl-ex')].map((c) => c.getBoundingClientRect().right);
          const boxes = [...document.querySelectorAll('.pl-ex__display, .pl-ex__rows')].map((el) => ({
            wide: el.scrollWidth > el.clientWidth,
            overflow: getComputedStyle(el).overflowX,
            right: el.getBoundingClientRect().right,
          }));
          return { page: doc.scrollWidth - doc.clientWidth, cards, boxes, width: doc.clientWidth };
        });
        expect(report.page).toBe(0);
        for (const right of report.cards) expect(right).toBeLessThanOrEqual(report.width);
        for (const box of report.boxes) {
          expect(box.right).toBeLessThanOrEqual(report.width);
          if (box.wide) expect(box.overflow).toMatch(/auto|scroll/);
        }
        expect(problems).toEqual([]);
        await page.close();
      });
});
