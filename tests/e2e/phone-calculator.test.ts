/**
 * On a 390 px phone a one-layer calculator's fields stack taller than the screen. While the reader
 * drags any of its sliders, the result (the count and its formula) must be on screen with it, not
 * hundreds of pixels below (components/calculator.css, the phone block). Checked on the Conv2D
 * calculator, whose fields are the tallest, in both locales: for every slider, after a key press,
 * both the slider and the whole result box lie inside the viewport, and they do not overlap.
 */
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('a calculator on a 390 px phone keeps its result in view', () => {
  const session = useBrowser(executable, siteUrl);

  for (const prefix of ['', '/zh-cn']) {
    it(`${prefix || '/'} conv2d: every slider and the result share the screen`, async () => {
      const { page } = await session.open(`${prefix}/lessons/conv2d/`, { width: 390, height: 844 });
      const calc = page.locator('.pl-calc').first();
      await calc.scrollIntoViewIfNeeded();
      await page.locator('astro-island:not([ssr]) .pl-calc').first().waitFor();
      const sliders = calc.locator('input[type="range"]');
      const count = await sliders.count();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i < count; i++) {
        const slider = sliders.nth(i);
        // As a reader would: the slider in the middle of the screen, then a key press on it.
        await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await slider.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowLeft');
        const boxes = await page.evaluate(() => {
          const s = document.activeElement?.getBoundingClientRect();
          const r = document.activeElement?.closest('.pl-calc')?.querySelector('.pl-calc__result')?.getBoundingClientRect();
          return s && r ? { slider: [s.top, s.bottom], result: [r.top, r.bottom], height: window.innerHeight } : null;
        });
        expect(boxes, `slider ${i}`).not.toBeNull();
        if (!boxes) continue;
        const [sTop, sBottom] = boxes.slider as [number, number];
        const [rTop, rBottom] = boxes.result as [number, number];
        expect(rTop, `slider ${i}: result top`).toBeGreaterThanOrEqual(0);
        expect(rBottom, `slider ${i}: result bottom`).toBeLessThanOrEqual(boxes.height);
        expect(sTop, `slider ${i}: slider top`).toBeGreaterThanOrEqual(0);
        expect(sBottom, `slider ${i}: slider bottom`).toBeLessThanOrEqual(boxes.height);
        expect(sTop >= rBottom || sBottom <= rTop, `slider ${i}: the result does not cover the slider`).toBe(true);
      }
      await page.close();
    });
  }
});
