/**
 * The lesson islands that are not calculators, in real Chromium and both locales: the summary
 * explorer (lesson 1), the model editor (lesson 6) and the padding comparison (lesson 7). Every
 * expected number is worked out by hand below. A lesson page that is not built yet (or does not
 * embed the island yet) skips its tests with a message saying so.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, type TestContext } from 'vitest';
import summaryEn from '@i18n/en/summary-explorer.json';
import summaryZh from '@i18n/zh-cn/summary-explorer.json';
import editorEn from '@i18n/en/model-editor.json';
import editorZh from '@i18n/zh-cn/model-editor.json';
import compareEn from '@i18n/en/padding-compare.json';
import compareZh from '@i18n/zh-cn/padding-compare.json';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { watchProblems } from './page-problems.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

/** Keras's digit grouping, done by the platform rather than by the code under test. */
const grouped = (n: number): string => n.toLocaleString('en-US');

/** The MNIST CNN's counts, by hand: 32 × (1 × 3 × 3 + 1), 64 × (32 × 3 × 3 + 1), 64 × (64 × 3 × 3 + 1), 64 × (3 × 3 × 64 + 1), 10 × (64 + 1). */
const MNIST = {
  conv: 32 * (1 * 9 + 1),
  conv1: 64 * (32 * 9 + 1),
  conv2: 64 * (64 * 9 + 1),
  dense: 64 * (3 * 3 * 64 + 1),
  dense1: 10 * (64 + 1),
};
const MNIST_TOTAL = MNIST.conv + MNIST.conv1 + MNIST.conv2 + MNIST.dense + MNIST.dense1;

const LOCALES = [
  { prefix: '', lang: 'en', summary: summaryEn, editor: editorEn, compare: compareEn },
  { prefix: '/zh-cn', lang: 'zh-CN', summary: summaryZh, editor: editorZh, compare: compareZh },
] as const;

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('lesson islands in Chromium', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close()));
    await browser?.close();
  });

  /**
   * Open a lesson page and wait for `selector`'s island to hydrate, recording console errors,
   * uncaught exceptions and failed requests. Skips the test when the page or the island is not there yet.
   */
  async function open(ctx: TestContext, path: string, selector: string): Promise<{ page: Page; problems: string[]; island: Locator }> {
    const page = await browser.newPage();
    pages.push(page);
    const problems = watchProblems(page, ['console', 'uncaught', 'requestFailed']);
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    if (response?.status() === 404) ctx.skip(`${path} is not built yet (its lesson has not been written)`);
    expect(response?.status()).toBe(200);
    watchProblems(page, ['httpError'], problems);
    const island = page.locator(selector);
    if ((await island.count()) === 0) ctx.skip(`${path} does not embed ${selector} yet`);
    await island.first().scrollIntoViewIfNeeded(); // client:visible hydrates on sight
    await page.locator(`astro-island:not([ssr]) ${selector}`).first().waitFor();
    return { page, problems, island: island.first() };
  }

  describe.each(LOCALES)('summary explorer ($lang)', ({ prefix, lang, summary: s }) => {
    const path = `${prefix}/lessons/reading-the-summary/`;
    const panel = (island: Locator): Locator => island.locator('.pl-explorer__panel');
    const select = (island: Locator, label: string): Locator => island.getByRole('button', { name: label, exact: true });

    it('shows the MNIST summary with its totals and the 364.54 KB figure', async (ctx) => {
      const { page, problems, island } = await open(ctx, path, '.pl-explorer');
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const row = island.locator('tbody tr', { hasText: 'conv2d_1 (Conv2D)' });
      expect(await row.locator('td').nth(0).textContent()).toBe(`(None, ${13 - 3 + 1}, ${13 - 3 + 1}, 64)`);
      expect(await row.locator('td').nth(1).textContent()).toBe(grouped(MNIST.conv1));
      expect(await island.locator('tbody tr').count()).toBe(8);
      expect((MNIST_TOTAL * 4) / 1024).toBeCloseTo(364.54, 2);
      expect(await island.locator('tfoot').textContent()).toContain(`${grouped(MNIST_TOTAL)} (364.54 KB)`);
      expect(await panel(island).getAttribute('aria-live')).toBe('polite');
      expect(problems).toEqual([]);
    });

    it('explains conv2d_1 when its row is clicked: the formula, the weights, the input shape and the running total', async (ctx) => {
      const { problems, island } = await open(ctx, path, '.pl-explorer');
      await island.locator('tbody tr', { hasText: 'conv2d_1 (Conv2D)' }).locator('td').first().click();
      await expect.poll(() => select(island, 'conv2d_1 (Conv2D)').getAttribute('aria-pressed')).toBe('true');
      const text = (await panel(island).textContent()) ?? '';
      expect(text).toContain(`64 × (32 × 3 × 3 + 1) = ${grouped(64 * (32 * 3 * 3 + 1))}`);
      // joined as the page's language joins a list: '; ' in English, '；' in Chinese
      expect(text).toContain(`kernel 3×3×32×64 = ${grouped(3 * 3 * 32 * 64)}${lang === 'en' ? '; ' : '；'}bias 64`);
      expect(text).toContain('(None, 13, 13, 32)');
      expect(text).toContain(`⌊(13 − 3) / 1⌋ + 1 = ⌊10 / 1⌋ + 1 = ${13 - 3 + 1}`);
      expect(text).toContain(`${grouped(MNIST.conv)} + ${grouped(MNIST.conv1)} = ${grouped(MNIST.conv + MNIST.conv1)}`);
      expect(text).toContain(s.labelParams);
      expect(problems).toEqual([]);
    });

    it('says why a pooling row is 0 and shows the floor dropping the 11th row', async (ctx) => {
      const { island } = await open(ctx, path, '.pl-explorer');
      await select(island, 'max_pooling2d_1 (MaxPooling2D)').click();
      const text = (await panel(island).textContent()) ?? '';
      expect(text).toContain(`⌊(11 − 2) / 2⌋ + 1 = ⌊9 / 2⌋ + 1 = ${Math.floor((11 - 2) / 2) + 1}`);
      expect(text).toContain(s.zeroByFamily.pooling);
    });

    it('moves the selection with the keyboard: ↓ from conv2d reaches conv2d_1, End the footer with 373,288 bytes', async (ctx) => {
      const { page, island } = await open(ctx, path, '.pl-explorer');
      await select(island, 'conv2d (Conv2D)').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => select(island, 'conv2d_1 (Conv2D)').getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('conv2d_1 (Conv2D)');
      expect(await select(island, 'conv2d (Conv2D)').getAttribute('tabindex')).toBe('-1');
      await page.keyboard.press('End');
      const text = (await panel(island).textContent()) ?? '';
      expect(text).toContain(`${grouped(MNIST_TOTAL)} × 4 = ${grouped(MNIST_TOTAL * 4)}`);
      expect(text).toContain('364.54 KB');
      await page.keyboard.press('Home');
      await expect.poll(() => select(island, 'conv2d (Conv2D)').getAttribute('aria-pressed')).toBe('true');
    });

    it('shows the exact texts Keras 3 and Keras 2 print', async (ctx) => {
      const { page } = await open(ctx, path, '.pl-explorer');
      const keras3 = page.locator('.pl-explorer__text[data-format="keras3"]');
      await keras3.locator('summary').click();
      const text3 = (await keras3.locator('pre').textContent()) ?? '';
      expect(text3).toContain('│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │');
      expect(text3).toContain(` Total params: ${grouped(MNIST_TOTAL)} (364.54 KB)`);
      const keras2 = page.locator('.pl-explorer__text[data-format="keras2"]');
      await keras2.locator('summary').click();
      expect(await keras2.locator('pre').textContent()).toContain(`Total params: ${MNIST_TOTAL} (364.54 KB)`);
    });
  });

  describe.each(LOCALES)('model editor ($lang)', ({ prefix, editor: s }) => {
    const path = `${prefix}/lessons/putting-it-together/`;
    const layer = (island: Locator, name: string): Locator =>
      island.locator('.pl-editor__layer').filter({ has: island.page().locator('legend', { hasText: new RegExp(` ${name}[ （(]`) }) });
    const total = (island: Locator): Promise<string | null> => island.locator('[data-result="total"]').textContent();
    const totals = (island: Locator): Locator => island.locator('output.pl-editor__totals');

    it('draws ↑ ↓ ✕ the same size and over no label or field, at 1280 and 390 px', async (ctx) => {
      const { page, island } = await open(ctx, path, '.pl-editor');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const faults = await island.evaluate((root) => {
          const out: string[] = [];
          const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          for (const layer of root.querySelectorAll('.pl-editor__layer')) {
            const actions = layer.querySelector('.pl-editor__actions');
            if (!actions) continue;
            const heights = [...actions.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().height));
            if (new Set(heights).size !== 1) out.push(`${layer.textContent?.slice(0, 20)}: button heights ${heights.join(', ')}`);
            const box = actions.getBoundingClientRect();
            for (const el of layer.querySelectorAll('label, input, select, legend, .pl-editor__result')) {
              if (!actions.contains(el) && overlap(box, el.getBoundingClientRect()))
                out.push(`${layer.textContent?.slice(0, 20)}: covers ${el.textContent?.slice(0, 20)}`);
            }
          }
          return out;
        });
        expect(faults, `${width} px`).toEqual([]);
      }
    });

    it('starts at 93,322 and follows a change downstream: 128 filters in conv2d_2', async (ctx) => {
      const { page, problems, island } = await open(ctx, path, '.pl-editor');
      /** Scripts the page has fetched since it was opened. */
      const engineFetches = (): Promise<string[]> =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((u) => /\/evaluate\.[\w-]+\.js$/.test(u)),
        );
      await expect.poll(() => total(island)).toBe(grouped(MNIST_TOTAL));
      expect(await totals(island).getAttribute('aria-live')).toBe('polite');
      // Keras prints each total with its size: 93,322 × 4 bytes / 1,024 = 364.54 KB; nothing frozen is 0.00 B.
      // Chinese pages use a full-width colon and parentheses around Keras's figures.
      expect((MNIST_TOTAL * 4) / 1024).toBeCloseTo(364.54, 2);
      const line = (name: string): Promise<string | null> => totals(island).locator(`[data-line="${name}"]`).textContent();
      const [colon, lp, rp] = prefix === '' ? [': ', ' (', ')'] : ['：', '（', '）'];
      expect(await line('total')).toBe(`${s.totals}${colon}${grouped(MNIST_TOTAL)}${lp}364.54 KB${rp}`);
      expect(await line('trainable')).toBe(`${s.trainable}${colon}${grouped(MNIST_TOTAL)}${lp}364.54 KB${rp}`);
      expect(await line('non-trainable')).toBe(`${s.nonTrainable}${colon}0${lp}0.00 B${rp}`);
      // the build computed the lesson's model; the engine comes only when the reader edits
      expect(await engineFetches()).toEqual([]);
      await layer(island, 'conv2d_2').locator('[data-field="filters"] input').fill('128');
      // conv2d_2: 128 × (64 × 3 × 3 + 1); Flatten: 3 × 3 × 128 = 1,152; dense: 64 × (1,152 + 1)
      const want = MNIST.conv + MNIST.conv1 + 128 * (64 * 9 + 1) + 64 * (3 * 3 * 128 + 1) + MNIST.dense1;
      await expect.poll(() => total(island)).toBe(grouped(want));
      expect(await layer(island, 'flatten').locator('[data-result="shape"]').textContent()).toBe(`(None, ${3 * 3 * 128})`);
      expect(await layer(island, 'dense').locator('[data-result="equation"]').textContent()).toBe(
        `64 × (1,152 + 1) = ${grouped(64 * 1153)}`,
      );
      expect(await engineFetches()).toHaveLength(1);
      expect(problems).toEqual([]);
    });

    it('puts the message beside the broken field, keeps the rows before it, and marks the rest stale', async (ctx) => {
      const { problems, island } = await open(ctx, path, '.pl-editor');
      const kernel = layer(island, 'conv2d_1').locator('[data-field="kernel_size"] input');
      await kernel.fill('14'); // a 14-wide kernel on the 13 × 13 map
      await expect.poll(() => kernel.getAttribute('aria-invalid')).toBe('true');
      const messageId = (await kernel.getAttribute('aria-describedby')) ?? '';
      expect(await island.page().locator(`[id="${messageId}"]`).textContent()).toContain('13');
      expect(await layer(island, 'conv2d').locator('[data-result="params"]').textContent()).toBe(grouped(MNIST.conv));
      expect(await layer(island, 'conv2d_2').getAttribute('data-status')).toBe('stale');
      expect(await totals(island).getAttribute('data-stale')).toBe('true');
      expect(await total(island)).toBe(grouped(MNIST_TOTAL));
      expect(await island.textContent()).not.toMatch(/NaN|undefined|Infinity/);
      for (const bad of ['', '-3', 'abc', '2.5', '0']) {
        await kernel.fill(bad);
        await expect.poll(() => kernel.getAttribute('aria-invalid'), { message: `kernel_size = ${JSON.stringify(bad)}` }).toBe('true');
        expect(await total(island)).toBe(grouped(MNIST_TOTAL));
      }
      expect(await kernel.inputValue()).toBe('0'); // what was typed stays
      await kernel.fill('3');
      await expect.poll(() => totals(island).getAttribute('data-stale')).toBe('false');
      expect(problems).toEqual([]);
    });

    it('removes the first pooling layer (466,058), writes the model to the address and restores it from there', async (ctx) => {
      const { page, island } = await open(ctx, path, '.pl-editor');
      await layer(island, 'max_pooling2d').locator('[data-action="remove"]').click();
      // 26 × 26 × 32 → conv2d_1 24 × 24 × 64 → pool 12 × 12 → conv2d_2 10 × 10 × 64 → 6,400 → dense 64 × 6,401
      const want = MNIST.conv + MNIST.conv1 + MNIST.conv2 + 64 * (10 * 10 * 64 + 1) + MNIST.dense1;
      expect(want).toBe(466058);
      await expect.poll(() => total(island)).toBe(grouped(want));
      await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBeTruthy();
      const shared = page.url();
      const again = await open(ctx, shared.replace(siteUrl, ''), '.pl-editor');
      await expect.poll(() => total(again.island)).toBe(grouped(want));
      expect(again.problems).toEqual([]);
    });

    it('adds a Dense layer at the end (64 × (10 + 1)) and moves layers with the keyboard focus following', async (ctx) => {
      const { page, island } = await open(ctx, path, '.pl-editor');
      await island.locator('.pl-editor__add select').selectOption('Dense');
      await island.locator('[data-action="add"]').click();
      await expect.poll(() => total(island)).toBe(grouped(MNIST_TOTAL + 64 * (10 + 1)));
      expect(await layer(island, 'dense_2').count()).toBe(1);
      // conv2d_2 below flatten: a Conv2D on a flat (None, 576) input is refused at conv2d_2
      const down = layer(island, 'conv2d_2').locator('[data-action="down"]');
      await down.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => layer(island, 'conv2d_2').getAttribute('data-status')).toBe('broken');
      // The focus moves in an effect after the render that set data-status: wait for it too.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('down');
      await layer(island, 'conv2d_2').locator('[data-action="up"]').click();
      await expect.poll(() => totals(island).getAttribute('data-stale')).toBe('false');
      expect(await total(island)).toBe(grouped(MNIST_TOTAL + 64 * (10 + 1)));
    });

    it("ignores a model in the address it cannot read, with a notice, and shows the lesson's model", async (ctx) => {
      const { island, problems } = await open(ctx, `${path}?model=i28_q5`, '.pl-editor');
      await expect.poll(() => island.locator('[data-notice="url"]').count()).toBe(1);
      expect(await island.locator('[data-notice="url"]').textContent()).toContain('q5');
      expect(await total(island)).toBe(grouped(MNIST_TOTAL));
      expect(await island.textContent()).toContain(s.totals);
      expect(problems).toEqual([]);
    });

    it('reports a bad input shape at the input field', async (ctx) => {
      const { island } = await open(ctx, path, '.pl-editor');
      const input = island.locator('[data-field="input"] input');
      await input.fill('28, x');
      await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
      expect(await island.locator('[data-field="input"]').textContent()).toContain(
        s.inputNotDim.replace('{text}', 'x').replace('{max}', '65,536'),
      );
      await input.fill('32, 32, 3'); // a colour 32 × 32 image: conv2d 32 × (3 × 9 + 1), then 30 → 15 → 13 → 6 → 4
      const want = 32 * (3 * 9 + 1) + MNIST.conv1 + MNIST.conv2 + 64 * (4 * 4 * 64 + 1) + MNIST.dense1;
      await expect.poll(() => total(island)).toBe(grouped(want));
    });
  });

  describe.each(LOCALES)('padding comparison ($lang)', ({ prefix, compare: s }) => {
    const path = `${prefix}/lessons/output-shapes/`;
    const box = (island: Locator, label: string): Locator => island.getByRole('textbox', { name: label, exact: true });
    const length = (island: Locator, row: string): Promise<string | null> =>
      island.locator(`tr[data-row="${row}"] [data-result="length"]`).textContent();

    /** The rules by hand, to check whatever the lesson's presets start with. */
    function byHand(L: number, k: number, st: number, d: number, p: number): Record<string, number | null> {
      const span = d * (k - 1) + 1;
      const out = (n: number): number | null => (n >= 1 ? n : null);
      const caffe = (() => {
        let n = Math.ceil((L + 2 * p - k) / st) + 1;
        if (p > 0 && (n - 1) * st >= L + p) n -= 1;
        return p < k && d === 1 ? out(n) : null;
      })();
      return {
        'keras-valid': st > 1 && d > 1 ? null : out(Math.floor((L - span) / st) + 1),
        'keras-same': st > 1 && d > 1 ? null : Math.ceil(L / st),
        'keras-pool-valid': out(Math.floor((L - k) / st) + 1),
        'keras-pool-same': Math.ceil(L / st),
        'pytorch-conv': L + 2 * p >= span ? out(Math.floor((L + 2 * p - span) / st) + 1) : null,
        'caffe-pool': caffe,
      };
    }

    it('shows, for each comparison on the page, the lengths the rules give (checked by hand)', async (ctx) => {
      const { page, problems, island } = await open(ctx, path, '.pl-compare');
      const all = page.locator('.pl-compare');
      for (let i = 0; i < (await all.count()); i++) {
        const one = all.nth(i);
        await one.scrollIntoViewIfNeeded();
        const value = async (key: string): Promise<number> =>
          Number(
            await one
              .locator(`[data-field="${key}"] input[type="text"]`)
              .inputValue()
              .catch(() => '1'),
          );
        const [L, k, st, p] = [await value('length'), await value('kernel'), await value('stride'), await value('padding')];
        const d = (await one.locator('[data-field="dilation"]').count()) ? await value('dilation') : 1;
        const want = byHand(L, k, st, d, p);
        for (const row of await one.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row') ?? ''))) {
          if (!(row in want)) continue;
          const expected = want[row];
          expect(await length(one, row), `${row} on L=${L}, k=${k}, s=${st}, d=${d}, p=${p}`).toBe(
            expected === null ? '—' : String(expected),
          );
        }
      }
      expect(await island.locator('output').getAttribute('aria-live')).toBe('polite');
      expect(problems).toEqual([]);
    });

    it('follows the fields: k=2, s=2 on 13 gives Keras 6 (floor) and Caffe 7 (ceil)', async (ctx) => {
      const { island, problems } = await open(ctx, path, '.pl-compare');
      await box(island, s.length).fill('13');
      await box(island, s.kernel).fill('2');
      await box(island, s.stride).fill('2');
      if (await island.locator('[data-field="dilation"]').count()) await box(island, s.dilation).fill('1');
      await box(island, s.padding).fill('0');
      const rows = await island.locator('tbody tr').evaluateAll((r) => r.map((x) => x.getAttribute('data-row')));
      const keras = rows.includes('keras-valid') ? 'keras-valid' : 'keras-pool-valid';
      await expect.poll(() => length(island, keras)).toBe(String(Math.floor((13 - 2) / 2) + 1));
      if (rows.includes('caffe-pool')) expect(await length(island, 'caffe-pool')).toBe(String(Math.ceil((13 - 2) / 2) + 1));
      if (rows.includes('keras-same'))
        expect(await island.locator('tr[data-row="keras-same"]').textContent()).toContain(
          `max((7 − 1) × 2 + 2 − 13, 0) = ${Math.max((7 - 1) * 2 + 2 - 13, 0)}`,
        );
      expect(problems).toEqual([]);
    });

    it('moves the number box with its slider', async (ctx) => {
      const { island } = await open(ctx, path, '.pl-compare');
      await island.getByRole('slider', { name: `${s.kernel} ${s.sliderSuffix}` }).fill('5');
      expect(await box(island, s.kernel).inputValue()).toBe('5');
    });

    it('shows a message beside an invalid field and keeps the last valid table, marked stale', async (ctx) => {
      const { island, problems } = await open(ctx, path, '.pl-compare');
      const before = await island.locator('tbody').textContent();
      const kernel = box(island, s.kernel);
      for (const bad of ['', 'abc', '0', '2.5', '-1', '1e300']) {
        await kernel.fill(bad);
        await expect.poll(() => kernel.getAttribute('aria-invalid'), { message: `kernel = ${JSON.stringify(bad)}` }).toBe('true');
        const message = await island.locator(`[id="${await kernel.getAttribute('aria-describedby')}"]`).textContent();
        expect(message?.length).toBeGreaterThan(3);
        expect(await island.locator('output').getAttribute('data-stale')).toBe('true');
        expect(await island.locator('tbody').textContent()).toBe(before);
        expect(await island.textContent()).not.toMatch(/NaN|undefined|Infinity/);
      }
      await kernel.fill('3');
      await expect.poll(() => island.locator('output').getAttribute('data-stale')).toBe('false');
      expect(problems).toEqual([]);
    });

    it('keeps the values in the address and restores them; ignores ones that do not read, with a notice', async (ctx) => {
      const { page, island } = await open(ctx, path, '.pl-compare');
      const id = (await island.getAttribute('data-compare')) ?? '';
      await box(island, s.length).fill('64');
      await box(island, s.kernel).fill('4');
      await expect.poll(() => new URL(page.url()).searchParams.get(`${id}.kernel`)).toBe('4');
      const again = await open(ctx, `${page.url().replace(siteUrl, '')}&${id}.stride=abc`, `[data-compare="${id}"]`);
      await expect.poll(() => box(again.island, s.kernel).inputValue()).toBe('4');
      expect(await box(again.island, s.length).inputValue()).toBe('64');
      expect(await again.island.locator('.pl-compare__notice').textContent()).toContain(`${id}.stride=abc`);
    });
  });
});
