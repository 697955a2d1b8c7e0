/**
 * The pictures beside the calculators, in real Chromium, in both locales: each is on its page,
 * named in the page's language with the numbers it draws, and follows a changed field. Expected
 * numbers are worked out by hand here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

const LOCALES = [
  { name: 'en', prefix: '', words: { inputs: 'inputs', padding: 'padding' } },
  { name: 'zh-cn', prefix: '/zh-cn', words: { inputs: '个输入', padding: '填充' } },
] as const;

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('pictures in Chromium', () => {
  const session = useBrowser(executable, siteUrl);

  const open = (path: string, id: string): Promise<{ page: Page; problems: string[] }> => session.openCalculator(path, id);

  for (const locale of LOCALES) {
    describe(locale.name, () => {
      it('conv2d: filter 1 makes an 11 × 11 map of 64, and a 5 × 5 kernel makes it 9 × 9', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/conv2d/`, 'conv2d');
        const calc = page.locator('[data-calculator="conv2d"]');
        const fig = calc.locator('[data-picture="output-map"]');
        // 13 − 3 + 1 = 11 along each side; one map per filter
        expect(await fig.getAttribute('data-map')).toBe('11x11');
        const label = (await fig.locator('svg[role="img"]').getAttribute('aria-label')) ?? '';
        expect(label).toContain('11 × 11');
        expect(label).toContain('3 × 3 × 32');
        expect(label).toContain('64');
        expect(await fig.locator('[data-cell="picked"]').count()).toBe(1);
        expect(await fig.locator('[data-part="output"] rect').count()).toBe(8 * 8); // capped at 8 × 8 drawn cells
        // the sliding kernel: 13 × 13 input cells, the 3 × 3 window of output cell (1, 1) marked
        expect(await fig.locator('[data-part="input"] rect').count()).toBe(13 * 13);
        expect(await fig.locator('[data-part="input"] [data-read="true"]').count()).toBe(3 * 3);
        expect(await fig.getAttribute('data-picked')).toBe('1,1');
        await fig.locator('button').nth(1).click();
        await expect.poll(() => fig.getAttribute('data-picked')).toBe('1,2');
        await fig.locator('button').nth(0).click();
        await fig.locator('button').nth(0).click();
        // back past the first cell wraps to the last reachable one: row 8, column 8 of the drawn map
        await expect.poll(() => fig.getAttribute('data-picked')).toBe('8,8');
        await calc.locator('[data-field="kernel_size[0]"] input[type="text"]').fill('5');
        await calc.locator('[data-field="kernel_size[1]"] input[type="text"]').fill('5');
        // 13 − 5 + 1 = 9
        await expect.poll(() => fig.getAttribute('data-map')).toBe('9x9');
        expect(await fig.locator('svg[role="img"]').getAttribute('aria-label')).toContain('5 × 5 × 32');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('dense: the 576 × 64 kernel grid with its bias row follows the inputs field', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/dense/`, 'dense-vector');
        const calc = page.locator('[data-calculator="dense-vector"]');
        const fig = calc.locator('[data-picture="matrix"]');
        const svg = fig.locator('svg[role="img"]');
        // 576 × 64 = 36,864 weights + 64 biases = 36,928
        const label = await svg.getAttribute('aria-label');
        expect(label).toContain('576');
        expect(label).toContain(locale.words.inputs);
        expect(label).toContain('36,928');
        expect(await fig.locator('.pl-pic__slice').count()).toBe(8 * 8); // capped corner
        expect(await fig.locator('.pl-pic__bias').count()).toBe(8);
        await calc.locator('[data-field="input[1]"] input[type="text"]').fill('5');
        // 5 × 64 = 320 + 64 = 384; 5 rows drawn, uncut
        await expect.poll(() => fig.getAttribute('data-inputs')).toBe('5');
        expect(await svg.getAttribute('aria-label')).toContain('384');
        expect(await fig.locator('.pl-pic__slice').count()).toBe(5 * 8);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('flatten: the 5 × 5 × 64 grid becomes a row of 1,600 and follows the channels field', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/flatten/`, 'flatten-shape');
        const calc = page.locator('[data-calculator="flatten-shape"]');
        const fig = calc.locator('[data-picture="flatten"]');
        // 5 × 5 × 64 = 1,600
        expect(await fig.locator('svg[role="img"]').getAttribute('aria-label')).toContain('1,600');
        await calc.locator('[data-field="input[3]"] input[type="text"]').fill('32');
        // 5 × 5 × 32 = 800
        await expect.poll(() => fig.getAttribute('data-length')).toBe('800');
        expect(await fig.locator('svg[role="img"]').getAttribute('aria-label')).toContain('5 × 5 × 32');
        expect(problems).toEqual([]);
        await page.close();
      });

      it('recurrent: the LSTM’s W, U and b in 4 gate blocks; GRU’s reset_after drops a bias row', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/recurrent/`, 'lstm');
        const calc = page.locator('[data-calculator="lstm"]');
        const fig = calc.locator('[data-picture="gates"]');
        expect(await fig.getAttribute('data-gates')).toBe('input forget cell output');
        // 4 gates × 32 units = 128 columns; W is 8 × 128, U 32 × 128
        const label = (await fig.locator('svg[role="img"]').getAttribute('aria-label')) ?? '';
        expect(label).toContain('8 × 128');
        expect(label).toContain('32 × 128');
        expect(await fig.locator('rect[data-gate="forget"]').count()).toBe(3); // W, U and the bias row
        await calc.locator('[data-field="units"] input[type="text"]').fill('64');
        // 4 × 64 = 256 columns
        await expect.poll(async () => (await fig.locator('svg[role="img"]').getAttribute('aria-label')) ?? '').toContain('8 × 256');
        expect(problems).toEqual([]);
        await page.close();

        const gru = await open(`${locale.prefix}/lessons/recurrent/`, 'gru');
        const g = gru.page.locator('[data-calculator="gru"]');
        const gates = g.locator('[data-picture="gates"]');
        expect(await gates.getAttribute('data-gates')).toBe('update reset candidate');
        expect(await gates.getAttribute('data-bias-rows')).toBe('2');
        await g.locator('[data-field="reset_after"] input[type="checkbox"]').uncheck();
        await expect.poll(() => gates.getAttribute('data-bias-rows')).toBe('1');
        expect(gru.problems).toEqual([]);
        await gru.page.close();
      });

      it('attention: four projections, each with its weights; the query length moves the output, not the weights', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/attention/`, 'mha');
        const calc = page.locator('[data-calculator="mha"]');
        const fig = calc.locator('[data-picture="projections"]');
        const ids = await fig.locator('[data-projection]').evaluateAll((els) => els.map((e) => e.getAttribute('data-projection')));
        expect(ids).toEqual(['query', 'key', 'value', 'output']);
        // 8 heads of 64 on 512 features: kernel (512, 8, 64) = 262,144 per input projection
        expect(await fig.locator('[data-projection="query"]').textContent()).toContain('512×8×64 = 262,144');
        const params = await calc.locator('[data-result="params"]').textContent();
        await calc.locator('[data-field="inputs[0][1]"] input[type="text"]').fill('64');
        await expect.poll(() => fig.locator('[data-projection="output"]').textContent()).toContain('(None, 64, 512)');
        expect(await fig.locator('[data-projection="query"]').textContent()).toContain('(None, 64, 512)');
        expect(await calc.locator('[data-result="params"]').textContent()).toBe(params);
        // the query length is tied to the MACs' query positions
        const tied = await calc.locator('[data-result="macs"] .pl-num[data-from]').count();
        expect(tied).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('output shapes: the Conv1D strip marks causal padding and follows the padding and kernel fields', async () => {
        const { page, problems } = await open(`${locale.prefix}/lessons/output-shapes/`, 'output-shapes-conv1d');
        const calc = page.locator('[data-calculator="output-shapes-conv1d"]');
        const fig = calc.locator('[data-picture="strip"]');
        const svg = fig.locator('svg[role="img"]');
        // causal, kernel 3, dilation 1: (3 − 1) × 1 = 2 padding cells before, none after
        expect(await fig.getAttribute('data-before')).toBe('2');
        expect(await fig.getAttribute('data-after')).toBe('0');
        expect(await svg.getAttribute('aria-label')).toContain(locale.words.padding);
        expect(await fig.locator('g[data-window="0"]').getAttribute('data-taps')).toBe('-2 -1 0');
        await calc.locator('[data-field="padding"] input[type="radio"][value="valid"]').check();
        await expect.poll(() => fig.getAttribute('data-before')).toBe('0');
        expect(await fig.locator('g[data-window="0"]').getAttribute('data-taps')).toBe('0 1 2');
        expect(await fig.locator('[data-cell="padding"]').count()).toBe(0);
        await calc.locator('[data-field="dilation_rate"] input[type="text"]').fill('2');
        // a 3-wide window dilated 2 reads 0, 2, 4
        await expect.poll(() => fig.locator('g[data-window="0"]').getAttribute('data-taps')).toBe('0 2 4');
        expect(problems).toEqual([]);
        await page.close();
      });
    });
  }
});
