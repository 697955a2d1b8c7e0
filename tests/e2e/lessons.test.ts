/**
 * Every lesson page in both locales, in real Chromium: it loads without console errors (with every
 * island scrolled into view and hydrated), has its title as a heading, the sidebar lists the
 * lessons in curriculum order, and prev / next links walk that order.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRICULUM } from '@lessons/curriculum.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { watchProblems } from './page-problems.ts';
import { wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));

const LOCALES = [
  { name: 'en', prefix: '', dir: 'content/docs/lessons', lang: 'en' },
  { name: 'zh-cn', prefix: '/zh-cn', dir: 'content/docs/zh-cn/lessons', lang: 'zh-CN' },
] as const;

/** The English lessons that exist, in curriculum order (the sidebar lists the English set in both locales). */
const onDisk = existsSync(root + LOCALES[0].dir)
  ? readdirSync(root + LOCALES[0].dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.slice(0, -4))
  : [];
const lessons = CURRICULUM.filter((slug) => onDisk.includes(slug));

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('lesson pages in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page, scroll every island into view so it hydrates, and record what went wrong on the way. */
  async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await wakeIslands(page);
    return { page, problems };
  }

  it('finds lessons to test', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    const href = (slug: string): string => `${locale.prefix}/lessons/${slug}/`;

    it(`finds a lesson by its title with the site search (${locale.name})`, async () => {
      const slug = lessons.includes('pooling') ? 'pooling' : lessons[0]!;
      const page = await browser.newPage();
      await page.goto(`${siteUrl}${href(slug)}`);
      const title = (await page.locator('main h1').first().textContent())?.trim() ?? '';
      await page.locator('button[data-open-modal]').click();
      const box = page.locator('dialog input').first();
      await box.waitFor();
      await box.fill(title);
      const results = (): Promise<(string | null)[]> =>
        page.locator('dialog .pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      await expect.poll(results, { message: `search for ${JSON.stringify(title)}`, timeout: 15_000 }).toContain(href(slug));
      await page.close();
    });

    describe.each(lessons)(`${locale.name}: %s`, (slug) => {
      it('loads without console errors, in its language, with its title as the heading', async () => {
        const { page, problems } = await visit(href(slug));
        expect(await page.locator('html').getAttribute('lang')).toBe(locale.lang);
        const h1 = (await page.locator('main h1').first().textContent())?.trim() ?? '';
        expect(h1.length, `${href(slug)} has a heading`).toBeGreaterThan(0);
        expect(await page.locator('main').textContent()).not.toMatch(/\bNaN\b|\bundefined\b/);
        expect(problems).toEqual([]);
        await page.close();
      });

      it('lists the lessons in curriculum order in the sidebar, and links prev / next along it (then the lab)', async () => {
        const page = await browser.newPage();
        await page.goto(`${siteUrl}${href(slug)}`);
        const sidebarLessons = await page
          .locator('nav.sidebar a[href*="/lessons/"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(sidebarLessons).toEqual(lessons.map(href));
        expect(await page.locator(`nav.sidebar a[aria-current="page"]`).getAttribute('href')).toBe(href(slug));

        const i = lessons.indexOf(slug);
        const prev = await page
          .locator('.pagination-links a[rel="prev"]')
          .getAttribute('href')
          .catch(() => null);
        const next = page.locator('.pagination-links a[rel="next"]');
        // Before the first lesson comes "Start here", the home page.
        expect(prev).toBe(i === 0 ? `${locale.prefix}/` : href(lessons[i - 1]!));
        // after the last lesson comes the model lab, where the reader checks their own model
        if (i === lessons.length - 1) expect(await next.getAttribute('href')).toBe(`${locale.prefix}/lab/`);
        else expect(await next.getAttribute('href')).toBe(href(lessons[i + 1]!));
        await page.close();
      });
    });
  }
});
