/**
 * What a reader does to a calculator before its island has woken up (the HTML arrives first;
 * the island's code loads when it scrolls into view) is not lost: the island starts from the
 * fields as the reader left them. The island's code is held back here so the edits surely come
 * first. Expected numbers by hand.
 */
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('edits made before a calculator wakes up', () => {
  const session = useBrowser(executable, siteUrl);

  for (const prefix of ['', '/zh-cn']) {
    it(`${prefix || '/'} GRU: unchecking reset_after and typing 20 timesteps before hydration both count`, async () => {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const { page, problems } = await session.open(`${prefix}/lessons/recurrent/`, undefined, async (p) => {
        await p.route(/\/_astro\/Calculator\.[^/]*\.js$/, async (route) => {
          await held;
          await route.continue();
        });
      });
      const calc = page.locator('[data-calculator="gru"]');
      await calc.scrollIntoViewIfNeeded();
      // the server-rendered fields, before any island code has run
      expect(await page.locator('astro-island[ssr] [data-calculator="gru"]').count()).toBe(1);
      await calc.locator('[data-field="reset_after"] input[type="checkbox"]').uncheck();
      await calc.locator('[data-field="input[1]"] input[type="text"]').fill('20');
      release();
      await page.locator('astro-island:not([ssr]) [data-calculator="gru"]').waitFor();
      // reset_after=False: 3 × (32 × (8 + 32) + 32) = 3,936, one bias row
      await expect
        .poll(() => calc.locator('[data-result="params"]').textContent())
        .toBe((3 * (32 * (8 + 32) + 32)).toLocaleString('en-US'));
      expect(await calc.locator('[data-picture="gates"]').getAttribute('data-bias-rows')).toBe('1');
      expect(await calc.locator('[data-field="reset_after"] input[type="checkbox"]').isChecked()).toBe(false);
      // 20 steps × 3 gates × 32 units × (8 + 32)
      await expect.poll(() => calc.locator('[data-result="macs-total"]').textContent()).toBe((20 * 3 * 32 * 40).toLocaleString('en-US'));
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
