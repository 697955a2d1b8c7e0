/**
 * The MNIST shape ribbon on "Putting it together", in both locales: drawn with one block per tensor
 * (the input and eight layers), named for a screen reader by its caption, which states the chain
 * worked out by hand here (28 − 2 = 26, ⌊26 / 2⌋ = 13, 13 − 2 = 11, ⌊11 / 2⌋ = 5, 5 − 2 = 3, 3 × 3 × 64 = 576).
 */
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
const CHAIN = '28 × 28 × 1 → 26 × 26 × 32 → 13 × 13 × 32 → 11 × 11 × 64 → 5 × 5 × 64 → 3 × 3 × 64 → 576 → 64 → 10';

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('the MNIST shape ribbon', () => {
  const session = useBrowser(executable, siteUrl);

  for (const prefix of ['', '/zh-cn']) {
    it(`${prefix || '/'}: nine blocks, labelled by the chain of shapes`, async () => {
      const { page } = await session.open(`${prefix}/lessons/putting-it-together/`);
      const figure = page.locator('figure.pl-ribbon');
      expect(await figure.count()).toBe(1);
      expect(await figure.locator('[data-stage]').count()).toBe(9);
      expect(await figure.locator('[data-stage="6"]').getAttribute('data-dims')).toBe('576');
      const svg = figure.locator('svg[role="img"]');
      const caption = await page.locator(`[id="${await svg.getAttribute('aria-labelledby')}"]`).textContent();
      expect(caption).toContain(CHAIN);
      await page.close();
    });
  }
});
