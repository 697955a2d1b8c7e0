/**
 * The search dialog speaks the page's language. On /zh-cn/ its result count and its clear button
 * were Pagefind's English ("14 results for 偏置", "Clear"); Starlight's Chinese has no Pagefind
 * strings, so src/content/i18n/zh-CN.json adds them. Needs the production build's search index.
 */
import { describe, expect, inject, it } from 'vitest';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { useBrowser } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('site search in Chinese', () => {
  const session = useBrowser(executable, siteUrl);

  it('counts the results for 偏置 and offers to clear, in Chinese', async () => {
    const { page } = await session.open('/zh-cn/', { width: 1280, height: 900 });
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('dialog[open] input[type="text"], dialog[open] input[type="search"]').first();
    await input.fill('偏置');
    const message = page.locator('dialog[open] .pagefind-ui__message');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/\d/);
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('偏置');
    expect(text).not.toMatch(/results?\b|for\b/i);
    expect(text).toMatch(/找到 \d+ 条/);
    expect((await page.locator('dialog[open] .pagefind-ui__search-clear').textContent())?.trim()).toBe('清除');
    await page.close();
  });
});
