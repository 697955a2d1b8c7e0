/**
 * The generic layer calculator in real Chromium. On the home page (both locales): it follows the
 * reader's input with numbers worked out by hand here, ties formula numbers to their fields,
 * keeps the state in the URL and restores it, shows a notice for URL values it cannot use, and
 * works from the keyboard. Then a sweep: every calculator on every built lesson page, in both
 * locales, reacts to a changed field with the numbers src/calc's resolveLayer gives.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { resolveLayer } from '@calc/engine.ts';
import { outputText } from '@calc/basics.ts';
import { applyValues, parseFieldText, startTexts, type FieldValue } from '@components/islands/calculator/fields.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import { calculatorText } from '@components/islands/calculator/text.ts';
import { calculators as home } from '@lessons/home.ts';
import { roleName } from '@i18n/fill.ts';
import type { CalculatorPreset } from '@lessons/types.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { hydratedCalculator, useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

/** Keras's digit grouping, done by the platform rather than by the code under test. */
const grouped = (n: number): string => n.toLocaleString('en-US');

const LOCALES = [
  { name: 'en', prefix: '', locale: 'en' },
  { name: 'zh-cn', prefix: '/zh-cn', locale: 'zh-cn' },
] as const;

/** Every lesson module's calculators, by the page that embeds them (module file name = lesson slug). */
const pagesDir = fileURLToPath(new URL('../../content/docs/lessons/', import.meta.url));
const slugs = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.slice(0, -4));
const modules = import.meta.glob<{ calculators?: Record<string, CalculatorPreset> }>('../../src/lessons/*.ts', { eager: true });
const lessonPresets = slugs.map((slug) => ({ slug, presets: Object.values(modules[`../../src/lessons/${slug}.ts`]?.calculators ?? {}) }));
const presetById = new Map<string, CalculatorPreset>([home.conv2d, ...lessonPresets.flatMap((l) => l.presets)].map((p) => [p.id, p]));

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('the layer calculator in Chromium', () => {
  const session = useBrowser(executable, siteUrl);
  /** Open a page and record what goes wrong on it. */
  const open = (path: string): Promise<{ page: Page; problems: string[] }> => session.open(path);
  const calculator = hydratedCalculator;

  const box = (calc: Locator, target: string): Locator => calc.locator(`[data-field="${target}"] input[type="text"]`);
  const shown = (calc: Locator, which: string, layer = 0): Locator => calc.locator(`[data-layer="${layer}"] [data-result="${which}"]`);

  for (const { name, prefix, locale } of LOCALES) {
    const words = calculatorText(home.conv2d, locale);
    const id = home.conv2d.id;

    describe(`home page (${name})`, () => {
      it('counts 64 × (32 × 3 × 3 + 1) = 18,496 for 64 filters on 13×13×32, with the weights and the output shape', async () => {
        const { page, problems } = await open(`${prefix}/`);
        const calc = await calculator(page, id);
        // MNIST's first Conv2D to begin with: 32 × (1 × 3 × 3 + 1)
        expect(await shown(calc, 'params').textContent()).toBe(grouped(32 * (1 * 3 * 3 + 1)));
        await box(calc, 'input[1]').fill('13');
        await box(calc, 'input[2]').fill('13');
        await box(calc, 'input[3]').fill('32');
        await box(calc, 'filters').fill('64');
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(64 * (32 * 3 * 3 + 1)));
        expect(await shown(calc, 'formula').textContent()).toBe('64 × (32 × 3 × 3 + 1) = 18,496');
        expect(await shown(calc, 'shape').textContent()).toBe(`(None, ${13 - 3 + 1}, ${13 - 3 + 1}, 64)`);
        const weights = await shown(calc, 'weights').locator('.pl-weight').allTextContents();
        expect(weights).toEqual([`kernel 3×3×32×64 = ${grouped(3 * 3 * 32 * 64)}`, 'bias 64']);
        expect(await calc.locator('output').getAttribute('aria-live')).toBe('polite');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('ties each formula number to its field: same colour slot, lit while the field has focus', async () => {
        const { page, problems } = await open(`${prefix}/`);
        const calc = await calculator(page, id);
        const filtersTie = await calc.locator('[data-field="filters"]').getAttribute('data-tie');
        expect(filtersTie).not.toBeNull();
        // 32 × (1 × 3 × 3 + 1): the 32 comes from the filters field
        const tied = calc.locator(`code[data-result="formula"] [data-tie="${filtersTie}"]`);
        expect(await tied.allTextContents()).toEqual(['32']);
        // and in the multiply-accumulates, 26 × 26 × 32 × 1 × 3 × 3, the same field's 32
        expect(await calc.locator(`code[data-result="macs"] [data-tie="${filtersTie}"]`).allTextContents()).toEqual(['32']);
        expect(await calc.locator('[data-hot="true"]').count()).toBe(0);
        await box(calc, 'filters').focus();
        await expect.poll(() => calc.locator('code[data-result="formula"] [data-hot="true"]').allTextContents()).toEqual(['32']);
        // the legend names what the number means
        // 32 filters: the dictionary's plural form (`filter|filters`)
        expect(await calc.locator('.pl-legend').first().textContent()).toContain(`32 ${roleName(words.roles, 'filters', 32)}`);
        await box(calc, 'kernel_size').focus();
        await expect.poll(() => calc.locator('code[data-result="formula"] [data-hot="true"]').allTextContents()).toEqual(['3', '3']);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('keeps the state in the URL and restores it on load', async () => {
        const { page, problems } = await open(`${prefix}/`);
        const calc = await calculator(page, id);
        await box(calc, 'filters').fill('16');
        await box(calc, 'kernel_size').fill('5');
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(16 * (1 * 5 * 5 + 1)));
        await expect.poll(() => new URL(page.url()).searchParams.get(`${id}.kernel_size`)).toBe('5');
        const url = new URL(page.url());
        expect(url.searchParams.get(`${id}.filters`)).toBe('16');
        expect(url.searchParams.get(`${id}.kernel_size`)).toBe('5');
        expect(url.searchParams.has(`${id}.input[1]`)).toBe(false); // unchanged fields stay out

        const again = await open(`${url.pathname}${url.search}`);
        const restored = await calculator(again.page, id);
        await expect.poll(() => shown(restored, 'params').textContent()).toBe(grouped(16 * (1 * 5 * 5 + 1)));
        expect(await box(restored, 'filters').inputValue()).toBe('16');
        expect(await box(restored, 'kernel_size').inputValue()).toBe('5');
        expect(await restored.locator('[data-notice="url"]').count()).toBe(0);
        // an invalid edit is not written: the URL keeps the last valid state
        await box(restored, 'filters').fill('many');
        await expect.poll(() => restored.locator('output').getAttribute('data-stale')).toBe('true');
        expect(new URL(again.page.url()).searchParams.get(`${id}.filters`)).toBe('16');
        expect(problems).toEqual([]);
        expect(again.problems).toEqual([]);
        await page.close();
        await again.page.close();
      });

      it('ignores invalid URL values with a visible notice and keeps the valid ones', async () => {
        const query = `?${id}.filters=abc&${id}.kernel_size=99&${id}.nonsense=1&${id}.input[3]=3&other.x=1`;
        const { page, problems } = await open(`${prefix}/${query}`);
        const calc = await calculator(page, id);
        const notice = calc.locator('[data-notice="url"]');
        await notice.waitFor();
        expect(await notice.textContent()).toContain(words.ui.urlIgnored);
        for (const bad of [`${id}.filters=abc`, `${id}.kernel_size=99`, `${id}.nonsense=1`])
          expect(await notice.textContent()).toContain(bad);
        // 3 input channels were usable: 32 × (3 × 3 × 3 + 1); the 99-wide kernel does not fit 28, so it was dropped
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(32 * (3 * 3 * 3 + 1)));
        expect(await calc.locator('output').getAttribute('data-stale')).toBe('false');
        // the address is tidied: the unusable values go, the usable one and other parameters stay
        await expect.poll(() => [...new URL(page.url()).searchParams.keys()].sort()).toEqual([`${id}.input[3]`, 'other.x']);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('works from the keyboard: arrows on the slider and the box, Tab between them, Enter on reset', async () => {
        const { page, problems } = await open(`${prefix}/`);
        const calc = await calculator(page, id);
        const slider = calc.locator('[data-field="filters"] input[type="range"]');
        expect(await slider.getAttribute('aria-labelledby')).toBeTruthy();
        await slider.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => box(calc, 'filters').inputValue()).toBe('33');
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(33 * (1 * 3 * 3 + 1)));
        await page.keyboard.press('Tab'); // the slider's number box comes next
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        await expect.poll(() => box(calc, 'filters').inputValue()).toBe('35');
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(35 * (1 * 3 * 3 + 1)));
        await page.keyboard.press('Shift+Tab');
        expect(await slider.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await slider.inputValue()).toBe('35');
        const reset = calc.getByRole('button', { name: words.ui.reset });
        await reset.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => shown(calc, 'params').textContent()).toBe(grouped(32 * (1 * 3 * 3 + 1)));
        expect(await box(calc, 'filters').inputValue()).toBe('32');
        await expect.poll(() => new URL(page.url()).search).toBe('');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('shows the message beside the field and the last valid numbers, stale, in words too', async () => {
        const { page, problems } = await open(`${prefix}/`);
        const calc = await calculator(page, id);
        const output = calc.locator('output');
        await box(calc, 'kernel_size').fill('29'); // a 29-wide kernel does not fit 28 with padding="valid"
        await expect.poll(() => output.getAttribute('data-stale')).toBe('true');
        const field = box(calc, 'kernel_size');
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        const message = calc.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
        expect(await message.textContent()).toContain(words.ui.invalid);
        expect(await message.textContent()).toContain('28');
        expect(await output.textContent()).toContain(words.ui.stale);
        expect(await shown(calc, 'params').textContent()).toBe(grouped(32 * (1 * 3 * 3 + 1)));
        expect(await field.inputValue()).toBe('29');
        expect(await calc.textContent()).not.toMatch(/NaN|undefined|Infinity/);
        expect(problems).toEqual([]);
        await page.close();
      });
    });
  }

  describe('a problem with one axis of the kernel', () => {
    for (const [prefix, message] of [
      ['', 'Cannot compute: Kernel size, width must be at least 1 — you entered 0.'],
      ['/zh-cn', '无法计算：卷积核大小（宽度）至少为 1，你输入的是 0。'],
    ] as const) {
      it(`${prefix}/lessons/conv2d/: a width of 0 marks the width field alone and names the width`, async () => {
        const { page, problems } = await open(`${prefix}/lessons/conv2d/`);
        const calc = await calculator(page, 'conv2d');
        const [height, width] = [box(calc, 'kernel_size[0]'), box(calc, 'kernel_size[1]')];
        await width.fill('0');
        await expect.poll(() => width.getAttribute('aria-invalid')).toBe('true');
        expect(await height.getAttribute('aria-invalid')).not.toBe('true');
        const described = ((await width.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
        const error = calc.locator(described.map((d) => `[id="${d}"].pl-field__error`).join(', '));
        expect(await error.textContent()).toBe(message);
        // the message sits in the width field's block, not the height's
        expect(await calc.locator('[data-field="kernel_size[0]"] .pl-field__error').count()).toBe(0);
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  });

  describe('lesson pictures', () => {
    it('draws the dropped row and column when 2×2 pooling meets an odd size', async () => {
      const preset = lessonPresets
        .flatMap((l) => l.presets.map((p) => ({ slug: l.slug, p })))
        .find(
          ({ p }) =>
            p.show.includes('pooling-grid') &&
            p.fields.some((f) => f.target === 'input[1]') &&
            p.fields.some((f) => f.target === 'pool_size'),
        );
      expect(preset, 'a lesson has a pooling calculator with the grid').toBeDefined();
      if (!preset) return;
      const { page, problems } = await open(`/lessons/${preset.slug}/`);
      const calc = await calculator(page, preset.p.id);
      await box(calc, 'input[1]').fill('27');
      await box(calc, 'input[2]').fill('27');
      await box(calc, 'pool_size').fill('2');
      if (preset.p.fields.some((f) => f.target === 'strides')) await box(calc, 'strides').fill('2');
      const padding = calc.locator('[data-field="padding"] input[value="valid"]');
      if (await padding.count()) await padding.check();
      // ⌊(27 − 2) / 2⌋ + 1 = 13 windows cover 26; the 27th row and column are dropped.
      // The preset may start at an odd size too, so wait for the caption of 27, not just any drop.
      const caption = calc.locator('[data-picture="pooling-grid"] figcaption');
      await expect.poll(() => caption.textContent()).toContain('13 windows');
      await expect
        .poll(() => calc.locator('[data-dropped]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dropped'))))
        .toEqual(['rows', 'columns']);
      await box(calc, 'input[1]').fill('26');
      await box(calc, 'input[2]').fill('26');
      await expect.poll(() => calc.locator('[data-dropped]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('draws the kernel tensor of a Conv2D', async () => {
      const preset = lessonPresets
        .flatMap((l) => l.presets.map((p) => ({ slug: l.slug, p })))
        .find(
          ({ p }) =>
            p.show.includes('kernel') &&
            p.layers[0]?.type === 'Conv2D' &&
            p.fields.some((f) => f.target === 'filters') &&
            p.fields.some((f) => f.target === 'input[3]'),
        );
      expect(preset, 'a lesson has a Conv2D calculator with the kernel picture').toBeDefined();
      if (!preset) return;
      const { page, problems } = await open(`/lessons/${preset.slug}/`);
      const calc = await calculator(page, preset.p.id);
      await box(calc, 'filters').fill('64');
      await box(calc, 'input[3]').fill('32');
      const caption = calc.locator('[data-picture="kernel"] figcaption');
      await expect.poll(() => caption.textContent()).toContain('64');
      expect(await caption.textContent()).toContain('32');
      expect(problems).toEqual([]);
      await page.close();
    });
  });

  describe('several calculators on one page', () => {
    it('keep their own state in one URL and both come back on load', async () => {
      const page0 = lessonPresets.find((l) => l.presets.filter((p) => someValidEdit(p) !== null).length >= 2);
      expect(page0, 'a lesson embeds two calculators').toBeDefined();
      if (!page0) return;
      const { page, problems } = await open(`/lessons/${page0.slug}/`);
      const ids = await page.locator('[data-calculator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-calculator') ?? ''));
      const [a, b] = ids.map((id) => presetById.get(id)!).filter((p) => p && someValidEdit(p) !== null);
      expect(a && b).toBeTruthy();
      if (!a || !b) return;
      const edits = [a, b].map((p) => ({ p, e: someValidEdit(p)! }));
      for (const { p, e } of edits) {
        const calc = await calculator(page, p.id);
        await box(calc, p.fields[e.field]!.target).fill(e.text);
      }
      await expect.poll(() => [...new URL(page.url()).searchParams.keys()].length).toBe(2);
      const url = new URL(page.url());
      for (const { p, e } of edits) expect(url.searchParams.get(`${p.id}.${p.fields[e.field]!.target}`)).toBe(e.text);
      const again = await open(`${url.pathname}${url.search}`);
      for (const { p, e } of edits) {
        const calc = await calculator(again.page, p.id);
        await expect.poll(() => box(calc, p.fields[e.field]!.target).inputValue()).toBe(e.text);
        expect(await calc.locator('[data-notice="url"]').count()).toBe(0);
      }
      // resetting one leaves the other's state alone
      await (await calculator(again.page, a.id)).locator('.pl-calc__reset').click();
      await expect
        .poll(() => [...new URL(again.page.url()).searchParams.keys()])
        .toEqual([`${b.id}.${b.fields[edits[1]!.e.field]!.target}`]);
      expect(problems).toEqual([]);
      expect(again.problems).toEqual([]);
      await page.close();
      await again.page.close();
    });
  });

  /** A change to one int field that the engine accepts: the start ± 1 on the first field where that resolves. */
  function someValidEdit(given: CalculatorPreset): { field: number; text: string; values: FieldValue[] } | null {
    const preset = prepare(given);
    const start = startTexts(preset);
    for (const [i, f] of preset.fields.entries()) {
      if (f.kind !== 'int') continue;
      for (const delta of [1, -1, 2]) {
        const text = String(Number(start[i]) + delta);
        const texts = start.map((t, k) => (k === i ? text : t));
        const parsed = preset.fields.map((g, k) => parseFieldText(g, texts[k]!));
        if (!parsed.every((p) => p.ok)) continue;
        const values = parsed.map((p) => (p.ok ? p.value : 0));
        const applied = applyValues(preset, values);
        if (applied.layers.every((layer) => resolveLayer(layer, applied.input).ok)) return { field: i, text, values };
      }
    }
    return null;
  }

  describe('every calculator on every lesson page', () => {
    for (const { slug } of lessonPresets) {
      for (const { name, prefix } of LOCALES) {
        it(`${name}: /lessons/${slug}/ — each calculator follows a changed field with resolveLayer's numbers, and goes stale when it is emptied`, async () => {
          const { page, problems } = await open(`${prefix}/lessons/${slug}/`);
          const ids = await page.locator('[data-calculator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-calculator') ?? ''));
          for (const id of ids) {
            const preset = presetById.get(id);
            expect(preset, `calculator ${id} on /lessons/${slug}/ comes from a lesson module`).toBeDefined();
            if (!preset) continue;
            const calc = await calculator(page, id);
            const edit = someValidEdit(preset);
            expect(edit, `${id} has an int field that can change`).not.toBeNull();
            if (!edit) continue;
            await calc.locator(`[data-field="${preset.fields[edit.field]!.target}"] input[type="text"]`).fill(edit.text);
            const applied = applyValues(prepare(preset), edit.values);
            for (const [li, layer] of applied.layers.entries()) {
              const r = resolveLayer(layer, applied.input);
              if (!r.ok) throw new Error(r.error.message);
              if (preset.show.includes('params')) {
                await expect
                  .poll(() => shown(calc, 'params', li).textContent(), { message: `${id} layer ${li} params` })
                  .toBe(grouped(r.row.params));
              }
              if (preset.show.includes('shape') && r.row.outputShape) {
                await expect
                  .poll(() => shown(calc, 'shape', li).textContent(), { message: `${id} layer ${li} shape` })
                  .toBe(outputText(r.row.outputShape));
              }
              if (preset.show.includes('split')) {
                expect(await shown(calc, 'trainable', li).textContent()).toBe(grouped(r.row.trainable));
                expect(await shown(calc, 'non-trainable', li).textContent()).toBe(grouped(r.row.nonTrainable));
              }
            }
            expect(await calc.locator('output[data-stale="true"]').count(), `${id} is fresh`).toBe(0);

            // emptied, the field gets a message and every column keeps its numbers, marked stale
            const field = calc.locator(`[data-field="${preset.fields[edit.field]!.target}"] input[type="text"]`);
            const before = await calc.locator('[data-result="params"]').allTextContents();
            await field.fill('');
            await expect.poll(() => field.getAttribute('aria-invalid'), { message: `${id} flags the empty field` }).toBe('true');
            expect(await calc.locator('output[data-stale="false"]').count(), `${id} is stale`).toBe(0);
            const described = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
            expect(
              await calc.locator(described.map((d) => `[id="${d}"].pl-field__error`).join(', ')).count(),
              `${id} describes the field by its message`,
            ).toBeGreaterThan(0);
            expect(await calc.locator('[data-result="params"]').allTextContents()).toEqual(before);
            expect(await field.inputValue()).toBe('');
          }
          expect(await page.locator('main').textContent()).not.toMatch(/\bNaN\b/);
          expect(problems).toEqual([]);
          await page.close();
        });
      }
    }
  });
});
