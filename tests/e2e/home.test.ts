/**
 * The home pages in real Chromium: both locales load cleanly, the Conv2D calculator hydrates and
 * follows the reader's input, and bad input gets the engine's message while the last good result
 * stays, marked stale. Every expected number is worked out by hand below.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calculatorText } from '@components/islands/calculator/text.ts';
import { calculators } from '@lessons/home.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { watchProblems } from './page-problems.ts';

/** The words the home calculator shows in a locale: its field labels (in preset order) and UI strings. */
function words(locale: 'en' | 'zh-cn') {
  const t = calculatorText(calculators.conv2d, locale);
  const [inputHeight, inputWidth, inputChannels, filters, kernelSize] = t.fields.map((f) => f.label) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { conv2d: { inputHeight, inputWidth, inputChannels, filters, kernelSize, ...t.ui } };
}
const en = words('en');
const zhCn = words('zh-cn');

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

/** Keras's digit grouping, done by the platform rather than by the code under test. */
const grouped = (n: number): string => n.toLocaleString('en-US');

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('home pages in Chromium', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close()));
    await browser?.close();
  });

  /** Open a page and record anything that went wrong on it: console errors, uncaught exceptions, failed requests. */
  async function open(path: string): Promise<{ page: Page; problems: string[]; calc: Locator }> {
    const page = await browser.newPage();
    pages.push(page);
    const problems = watchProblems(page);
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const calc = page.locator('.pl-calc');
    await calc.scrollIntoViewIfNeeded(); // client:visible hydrates on sight
    await page.locator('astro-island:not([ssr]) .pl-calc').waitFor(); // Astro drops `ssr` once hydrated
    return { page, problems, calc };
  }

  const result = (calc: Locator, which: 'params' | 'formula' | 'shape'): Promise<string | null> =>
    calc.locator(`[data-result="${which}"]`).textContent();

  /** Wait until the calculator shows these values (hydration and re-rendering are asynchronous). */
  async function expectResult(calc: Locator, want: { params: number; formula: string; shape: string }): Promise<void> {
    await expect.poll(() => result(calc, 'params')).toBe(grouped(want.params));
    expect(await result(calc, 'formula')).toBe(want.formula);
    expect(await result(calc, 'shape')).toBe(want.shape);
  }

  const box = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

  it("serves the English home page without console errors, showing 32 × (1 × 3 × 3 + 1) = 320 for MNIST's first Conv2D", async () => {
    const { page, problems, calc } = await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const side = 28 - 3 + 1; // a 3-wide window fits 26 times along 28
    await expectResult(calc, {
      params: 32 * (1 * 3 * 3 + 1),
      formula: '32 × (1 × 3 × 3 + 1) = 320',
      shape: `(None, ${side}, ${side}, 32)`,
    });
    expect(await calc.locator('output').getAttribute('aria-live')).toBe('polite');
    expect(problems).toEqual([]);
  });

  it('counts 64 × (32 × 3 × 3 + 1) = 18,496 for 64 filters on a 13×13×32 input', async () => {
    const { page, problems, calc } = await open('/');
    await box(page, en.conv2d.inputHeight).fill('13');
    await box(page, en.conv2d.inputWidth).fill('13');
    await box(page, en.conv2d.inputChannels).fill('32');
    await box(page, en.conv2d.filters).fill('64');
    const params = 64 * (32 * 3 * 3 + 1);
    expect(params).toBe(18496);
    const side = 13 - 3 + 1;
    await expectResult(calc, { params, formula: '64 × (32 × 3 × 3 + 1) = 18,496', shape: `(None, ${side}, ${side}, 64)` });
    expect(await calc.locator('output').getAttribute('data-stale')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('moves the number box with its slider', async () => {
    const { page, problems, calc } = await open('/');
    await page.getByRole('slider', { name: `${en.conv2d.kernelSize} ${en.conv2d.sliderSuffix}` }).fill('5');
    expect(await box(page, en.conv2d.kernelSize).inputValue()).toBe('5');
    const side = 28 - 5 + 1;
    await expectResult(calc, {
      params: 32 * (1 * 5 * 5 + 1),
      formula: '32 × (1 × 5 × 5 + 1) = 832',
      shape: `(None, ${side}, ${side}, 32)`,
    });
    expect(problems).toEqual([]);
  });

  it("shows the engine's message beside an invalid field and keeps the last valid result, marked stale", async () => {
    const { page, problems, calc } = await open('/');
    const output = calc.locator('output');
    await box(page, en.conv2d.filters).fill('64');
    const valid = 64 * (1 * 3 * 3 + 1);
    await expect.poll(() => result(calc, 'params')).toBe(grouped(valid));

    const cases: [label: string, typed: string][] = [
      [en.conv2d.filters, ''],
      [en.conv2d.filters, '-3'],
      [en.conv2d.filters, '0'],
      [en.conv2d.filters, 'abc'],
      [en.conv2d.filters, '2.5'],
      [en.conv2d.filters, '100000000000000000000'], // 10^20 filters: past exact arithmetic
      [en.conv2d.inputHeight, '0'],
      [en.conv2d.inputWidth, 'wide'],
      [en.conv2d.inputHeight, '1e300'],
      [en.conv2d.kernelSize, '0'],
      [en.conv2d.kernelSize, '29'], // a 29-wide kernel does not fit in 28 with padding="valid"
    ];
    for (const [label, typed] of cases) {
      const field = box(page, label);
      await field.fill(typed);
      await expect.poll(() => field.getAttribute('aria-invalid'), { message: `${label} = ${JSON.stringify(typed)}` }).toBe('true');
      const messageId = await field.getAttribute('aria-describedby');
      expect(messageId, `${label} = ${JSON.stringify(typed)} has a message`).toBeTruthy();
      const message = (await page.locator(`[id="${messageId}"]`).textContent()) ?? '';
      expect(message.replace(en.conv2d.invalid, '').trim().length, `message for ${label} = ${JSON.stringify(typed)}`).toBeGreaterThan(10);
      expect(await output.getAttribute('data-stale')).toBe('true');
      expect(await output.textContent()).toContain(en.conv2d.stale);
      expect(await result(calc, 'params')).toBe(grouped(valid));
      expect(await calc.textContent()).not.toMatch(/NaN|undefined|Infinity/);
      // put the field back to its last good value before the next case
      await field.fill(label === en.conv2d.filters ? '64' : label === en.conv2d.kernelSize ? '3' : '28');
      await expect.poll(() => output.getAttribute('data-stale')).toBe('false');
    }
    expect(problems).toEqual([]);
  });

  it('names the arithmetic when the kernel is larger than the input', async () => {
    const { page, calc } = await open('/');
    await box(page, en.conv2d.kernelSize).fill('29');
    // the first edit fetches the engine, so the message arrives a moment later
    await expect.poll(() => box(page, en.conv2d.kernelSize).getAttribute('aria-describedby')).toBeTruthy();
    const message = page.locator(`[id="${await box(page, en.conv2d.kernelSize).getAttribute('aria-describedby')}"]`);
    await expect.poll(() => message.textContent()).toContain('28');
    expect(await result(calc, 'params')).toBe(grouped(32 * (1 * 3 * 3 + 1)));
  });

  it('serves the Chinese home page without console errors, in Chinese, with a working calculator', async () => {
    const { page, problems, calc } = await open('/zh-cn/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await calc.textContent()).toContain(zhCn.conv2d.params);
    await box(page, zhCn.conv2d.filters).fill('64');
    const side = 28 - 3 + 1;
    await expectResult(calc, {
      params: 64 * (1 * 3 * 3 + 1),
      formula: '64 × (1 × 3 × 3 + 1) = 640',
      shape: `(None, ${side}, ${side}, 64)`,
    });
    await box(page, zhCn.conv2d.filters).fill('');
    await expect.poll(() => calc.locator('output').getAttribute('data-stale')).toBe('true');
    expect(await calc.locator('output').textContent()).toContain(zhCn.conv2d.stale);
    expect(problems).toEqual([]);
  });
});
