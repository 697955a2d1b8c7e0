/**
 * Every kind of widget used from the keyboard alone, in both locales: no click, no fill — only
 * Tab, Shift+Tab, arrows, typing and Enter, from the top of the page, as a reader without a mouse
 * gets there. At every stop the focused control must show that it has focus (a computed outline
 * or box shadow while it matches :focus-visible). Covered: a lesson's calculator (a number typed,
 * the padding radio group moved with an arrow key, Shift+Tab back), the model lab's builder (an
 * input shape, two layers added and sized, one moved up, one removed) and a lesson's exercise (a
 * wrong answer sent with Enter, then a hint). Every expected count is worked out here by hand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { hydratedCalculator, useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
failWhenChromiumRequired(executable);

const PREFIXES = ['', '/zh-cn'] as const;

/** Press `key` until the focused element matches `selector`; fails after `max` presses. */
async function pressUntil(page: Page, key: 'Tab' | 'Shift+Tab', selector: string, max = 600): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${key} pressed ${max} times never reached ${selector}`);
}

/**
 * What the focused element draws to show focus, or why it shows none: it must match :focus-visible
 * (the browser's "the keyboard put focus here") and have a computed outline or a box shadow.
 */
async function focusShown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return 'nothing has focus';
    const name = `<${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}>`;
    if (!el.matches(':focus-visible')) return `${name} does not match :focus-visible`;
    const cs = getComputedStyle(el);
    if (cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0) return 'outline';
    if (cs.boxShadow !== 'none') return 'box-shadow';
    return `${name} has focus but no outline or box shadow`;
  });
}

/** Select what the focused text box holds and type over it, as a reader does with Ctrl+A. */
async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const inCalc = (part: string) => `[data-calculator="conv2d"] ${part}`;

describe.skipIf(executable === '')('keyboard only', () => {
  const session = useBrowser(executable, siteUrl);

  for (const prefix of PREFIXES) {
    it(`${prefix}/lessons/conv2d/: the Conv2D calculator — type a count, arrow through padding, Shift+Tab back`, async () => {
      const { page, problems } = await session.open(`${prefix}/lessons/conv2d/`);
      // the calculator starts at MNIST's second convolution: 64 filters of 3×3 on 13×13×32, padding "valid"
      const calc = await hydratedCalculator(page, 'conv2d');
      const shown = (which: string) => calc.locator(`[data-layer="0"] [data-result="${which}"]`).textContent();

      await pressUntil(page, 'Tab', inCalc('[data-field="filters"] input[type="text"]'));
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      await typeOver(page, '16');
      // 16 × (32 × 3 × 3 + 1) = 16 × 289 = 4,624; valid padding: 13 − 3 + 1 = 11
      await expect.poll(() => shown('params')).toBe('4,624');
      expect(await shown('formula')).toBe('16 × (32 × 3 × 3 + 1) = 4,624');
      expect(await shown('shape')).toBe('(None, 11, 11, 16)');

      await pressUntil(page, 'Tab', inCalc('[data-field="padding"] input[type="radio"]'));
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('valid');
      await page.keyboard.press('ArrowRight');
      // padding "same" keeps 13 × 13; the count does not change
      await expect.poll(() => shown('shape')).toBe('(None, 13, 13, 16)');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('same');
      expect(await shown('params')).toBe('4,624');

      // back to the field before the radio group: the strides box
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate((s) => document.activeElement?.matches(s), inCalc('[data-field="strides"] input[type="text"]'))).toBe(
        true,
      );
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      await typeOver(page, '2');
      // strides 2 with "same": ⌈13 / 2⌉ = 7
      await expect.poll(() => shown('shape')).toBe('(None, 7, 7, 16)');
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix}/lab/: the model builder — an input shape, two Dense layers added and sized, one moved up, one removed`, async () => {
      const { page, problems } = await session.open(`${prefix}/lab/`);
      const total = () => page.locator('[data-result="total"]').textContent();
      /** Each layer row's output shape, top to bottom. */
      const shapes = () =>
        page.locator('tbody tr[data-name]').evaluateAll((rows) => rows.map((r) => /\(None, \d+\)/.exec(r.textContent ?? '')?.[0]));
      const stop = async (selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
        await pressUntil(page, key, selector);
        expect(await focusShown(page), selector).toMatch(/^(outline|box-shadow)$/);
      };

      await stop('.pl-lab__inputs input[type="text"]');
      // the lab hydrates when focus first enters it (client:interact)
      await page.locator('.pl-lab[data-ready="true"]').waitFor();
      await typeOver(page, '784');
      // the layer type list starts at Dense
      await stop('.pl-lab__add select');
      expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('Dense');
      await stop('[data-action="add"]');
      await page.keyboard.press('Enter');
      // the new layer opens, with focus on its type
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.pl-lab__details-row [data-action="type"]'))).toBe(true);
      await stop('.pl-lab__details-row [data-field="units"] input');
      await typeOver(page, '64');
      // Dense(64) on 784 features: 64 × (784 + 1) = 50,240
      await expect.poll(total).toBe('50,240');

      // back to "Add": the second layer goes after the open one
      await stop('[data-action="add"]', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.pl-lab__details-row [data-action="type"]'))).toBe(true);
      await stop('.pl-lab__details-row [data-field="units"] input');
      await typeOver(page, '10');
      // + Dense(10) on 64: 10 × (64 + 1) = 650 → 50,890
      await expect.poll(total).toBe('50,890');
      expect(await shapes()).toEqual(['(None, 64)', '(None, 10)']);

      // move the second layer up: Dense(10) on 784 is 10 × 785 = 7,850, Dense(64) on 10 is 64 × 11 = 704
      await stop('.pl-lab__details-row [data-action="up"]');
      await page.keyboard.press('Enter');
      await expect.poll(shapes).toEqual(['(None, 10)', '(None, 64)']);
      await expect.poll(total).toBe('8,554');
      // it is first now, so "Move up" is disabled and focus went back to the layer's type
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);

      // remove it: Dense(64) on 784 again
      await stop('.pl-lab__details-row [data-action="remove"]');
      await page.keyboard.press('Enter');
      await expect.poll(shapes).toEqual(['(None, 64)']);
      await expect.poll(total).toBe('50,240');
      // focus went to the remaining layer's row
      expect(await page.evaluate(() => document.activeElement?.matches('.pl-lab__select'))).toBe(true);
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${prefix}/lessons/conv2d/: an exercise — Tab into the card, a wrong answer sent with Enter, then the hint button`, async () => {
      const { page, problems } = await session.open(`${prefix}/lessons/conv2d/`);
      const card = page.locator('[data-template="conv2d-params"]');
      await pressUntil(page, 'Tab', '[data-template="conv2d-params"] input[type="text"]');
      // reaching into the set wakes it (client:interact)
      await page.locator('.pl-ex-set[data-ready="true"]').waitFor();
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      // no Conv2D count is 1: at least filters × (1 × 1 × 1 + 1) = 2
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      await expect.poll(() => card.getAttribute('data-verdict')).toBe('wrong');
      expect(await card.locator('.pl-ex__feedback').isVisible()).toBe(true);
      await pressUntil(page, 'Tab', '[data-template="conv2d-params"] .pl-ex__hint-button', 20);
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      await page.keyboard.press('Enter');
      await card.locator('[data-hint="1"]').waitFor();
      // the button stays for the next hint, with focus on it
      expect(await page.evaluate(() => document.activeElement?.matches('.pl-ex__hint-button'))).toBe(true);
      expect(await focusShown(page)).toMatch(/^(outline|box-shadow)$/);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
