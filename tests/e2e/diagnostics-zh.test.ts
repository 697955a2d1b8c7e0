/**
 * Calculator messages on Chinese pages, in real Chromium: a refused value is said in Chinese,
 * beside its field, naming the field as the calculator labels it, and the pictures that still
 * show the last valid numbers are dimmed and described by the message. The sentences and the
 * arithmetic in them are written here by hand.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { hydratedCalculator, useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

/** English words a refusal used to carry on Chinese pages ("a 99-wide kernel does not fit…"). */
const ENGLISH = /\b(the|must|cannot|does|not|fit|kernel|filters|groups|expects|input|rank|whole|number|at least|got|empty|type)\b/i;

describe.skipIf(executable === '')('calculator messages on /zh-cn/ pages', () => {
  const session = useBrowser(executable, siteUrl);

  const open = (path: string): Promise<{ page: Page; problems: string[] }> => session.open(path);

  const calculator = hydratedCalculator;

  const box = (calc: Locator, target: string): Locator => calc.locator(`[data-field="${target}"] input[type="text"]`);

  /** Type into a field and return the message its aria-describedby points at, once it is flagged. */
  async function refuse(calc: Locator, target: string, text: string): Promise<string> {
    const field = box(calc, target);
    await field.fill(text);
    await expect.poll(() => field.getAttribute('aria-invalid'), { message: `${target} = ${text}` }).toBe('true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const message = calc.locator(ids.map((d) => `[id="${d}"].pl-field__error`).join(', '));
    expect(await field.inputValue(), 'what was typed stays').toBe(text);
    return ((await message.allTextContents()).join(' ') ?? '').trim();
  }

  it('/zh-cn/lessons/conv2d/: a kernel that does not fit, a size past the limit, and groups, all in Chinese', async () => {
    const { page, problems } = await open('/zh-cn/lessons/conv2d/');
    const calc = await calculator(page, 'conv2d');

    // ⌊(13 − 99) / 1⌋ + 1 = −86 + 1 = −85
    const kernel = await refuse(calc, 'kernel_size[0]', '99');
    expect(kernel).toBe('无法计算：当 padding="valid" 时，跨度为 99 的卷积核放不进高度为 13 的输入：⌊(13 − 99) / 1⌋ + 1 = −85。');

    // the kernel picture still shows 3 × 3: dimmed, and described by the stale note and the message
    const pictures = calc.locator('.pl-calc__pictures');
    expect(await pictures.getAttribute('data-stale')).toBe('true');
    expect(await pictures.getAttribute('role')).toBe('group');
    const describedBy = ((await pictures.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const description = await Promise.all(describedBy.map((d) => page.locator(`[id="${d}"]`).textContent()));
    expect(description.join(' ')).toContain('跨度为 99 的卷积核');
    // the drawings are dimmed (captions and buttons keep their contrast)
    expect(
      Number(
        await pictures
          .locator('svg')
          .first()
          .evaluate((el) => getComputedStyle(el).opacity),
      ),
    ).toBeLessThan(0.6);

    await box(calc, 'kernel_size[0]').fill('3');
    await expect.poll(() => pictures.getAttribute('data-stale')).toBe('false');

    // 99,999 channels: past the one limit every calculator shares
    const channels = await refuse(calc, 'input[3]', '99999');
    expect(channels).toMatch(/^无法计算：在这些计算器中，.+最大为 65,536，你输入的是 99,999。$/);
    await box(calc, 'input[3]').fill('32');

    // 66 filters in 4 groups: 66 / 4 = 16.5 (the 32 channels split fine: 32 / 4 = 8)
    await box(calc, 'filters').fill('66');
    const groups = await refuse(calc, 'groups', '4');
    expect(groups).toBe('无法计算：66 个滤波器无法平均分成 4 组：66 / 4 不是整数。');

    for (const m of [kernel, channels, groups]) expect(m.replace(/padding="valid"/, '')).not.toMatch(ENGLISH);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('/zh-cn/lessons/batch-normalization/: a height of 0 is refused as in every other calculator, in Chinese', async () => {
    const { page, problems } = await open('/zh-cn/lessons/batch-normalization/');
    const calc = await calculator(page, 'bn');
    expect(await refuse(calc, 'input[1]', '0')).toBe('无法计算：输入高度至少为 1，你输入的是 0。');
    expect(await calc.locator('output').first().getAttribute('data-stale')).toBe('true');
    expect(await refuse(calc, 'input[1]', '')).toBe('无法计算：输入高度是空的：请输入一个整数。');
    expect(await refuse(calc, 'input[1]', 'abc')).toBe('无法计算：输入高度必须是整数，你输入的是“abc”。');
    expect(await calc.locator('output').first().textContent()).not.toMatch(/\(None, 0,/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
