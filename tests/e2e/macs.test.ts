/**
 * The multiply-accumulates line of the calculators, in real Chromium, in both locales: labelled in
 * the page's language, the arithmetic on the reader's numbers, and updated as they change. Every
 * expected number is worked out by hand here.
 */
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

const LOCALES = [
  { name: 'en', prefix: '', label: 'Multiply-accumulates', flops: 'FLOPs' },
  { name: 'zh-cn', prefix: '/zh-cn', label: '乘加次数', flops: '次浮点运算' },
] as const;

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('multiply-accumulates in the calculators', () => {
  const session = useBrowser(executable, siteUrl);

  for (const locale of LOCALES) {
    describe(locale.name, () => {
      it('conv2d: 11 × 11 × 64 × 32 × 3 × 3, then 9 × 9 × 64 × 32 × 5 × 5 with a 5 × 5 kernel', async () => {
        const { page, problems } = await session.openCalculator(`${locale.prefix}/lessons/conv2d/`, 'conv2d');
        const calc = page.locator('[data-calculator="conv2d"]');
        const macs = calc.locator('[data-result="macs"]');
        expect(await macs.textContent()).toBe(`11 × 11 × 64 × 32 × 3 × 3 = ${(11 * 11 * 64 * 32 * 9).toLocaleString('en-US')}`);
        expect(await calc.locator('[data-result="flops"]').textContent()).toContain((2 * 11 * 11 * 64 * 32 * 9).toLocaleString('en-US'));
        expect(await calc.locator('[data-result="flops"]').textContent()).toContain(locale.flops);
        expect(await calc.locator('.pl-calc__result').textContent()).toContain(locale.label);
        await calc.locator('[data-field="kernel_size[0]"] input[type="text"]').fill('5');
        await calc.locator('[data-field="kernel_size[1]"] input[type="text"]').fill('5');
        // 13 − 5 + 1 = 9 cells per side; the parameters ignore the cells, the MACs do not
        await expect.poll(() => macs.textContent()).toBe(`9 × 9 × 64 × 32 × 5 × 5 = ${(9 * 9 * 64 * 32 * 25).toLocaleString('en-US')}`);
        expect(await calc.locator('[data-result="params"]').textContent()).toBe((64 * (32 * 25 + 1)).toLocaleString('en-US'));
        expect(problems).toEqual([]);
        await page.close();
      });

      it('recurrent cells: doubling the timesteps doubles the MACs and leaves the parameters', async () => {
        const { page, problems } = await session.openCalculator(`${locale.prefix}/lessons/recurrent/`, 'rnn-cells');
        const calc = page.locator('[data-calculator="rnn-cells"]');
        const lstm = calc.locator('.pl-calc__column[data-type="LSTM"]');
        const params = await lstm.locator('[data-result="params"]').textContent();
        // 10 steps × 4 gates × 32 units × (8 inputs + 32 recurrent)
        expect(await lstm.locator('[data-result="macs"]').textContent()).toBe(
          `10 × 4 × 32 × (8 + 32) = ${(10 * 4 * 32 * 40).toLocaleString('en-US')}`,
        );
        // the timesteps field is tied to the number it gives the formula
        const ten = lstm.locator('[data-result="macs"] .pl-num').first();
        expect(await ten.getAttribute('data-from')).not.toBeNull();
        await calc.locator('[data-field="input[1]"] input[type="text"]').fill('20');
        await expect
          .poll(() => lstm.locator('[data-result="macs"]').textContent())
          .toBe(`20 × 4 × 32 × (8 + 32) = ${(20 * 4 * 32 * 40).toLocaleString('en-US')}`);
        expect(await lstm.locator('[data-result="params"]').textContent()).toBe(params);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('pooling multiplies no weights: no MACs line', async () => {
        const { page, problems } = await session.openCalculator(`${locale.prefix}/lessons/pooling/`, 'pooling');
        const calc = page.locator('[data-calculator="pooling"]');
        expect(await calc.locator('[data-result="shape"]').count()).toBeGreaterThan(0);
        expect(await calc.locator('[data-result="macs"]').count()).toBe(0);
        expect(problems).toEqual([]);
        await page.close();
      });
    });
  }
});
