/**
 * What the built site tells browsers, crawlers and link previews (issue #11): a 404 page in each
 * locale, with status 404, reachable from a mistyped address; canonical and hreflang URLs; the
 * social card; robots.txt and the sitemap. Expected values are read from the built files and the
 * addresses asked for, never from the code that writes them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { watchProblems } from './page-problems.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

/** The `<loc>` URLs of every sitemap the index lists. */
async function sitemapUrls(): Promise<string[]> {
  const index = await (await fetch(`${siteUrl}/sitemap-index.xml`)).text();
  const urls: string[] = [];
  for (const [, sitemap] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const text = await (await fetch(`${siteUrl}${new URL(sitemap!).pathname}`)).text();
    for (const [, loc] of text.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.push(loc!);
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Uint8Array): { width: number; height: number } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe.skipIf(!executable)('the site for browsers and crawlers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const notFound = [
    { asked: '/lessons/conv3d/', lang: 'en', heading: 'Page not found', home: '/' },
    { asked: '/no-such-page', lang: 'en', heading: 'Page not found', home: '/' },
    { asked: '/zh-cn/lessons/conv3d/', lang: 'zh-CN', heading: '找不到页面', home: '/zh-cn/' },
    { asked: '/zh-cn/nope', lang: 'zh-CN', heading: '找不到页面', home: '/zh-cn/' },
  ];
  for (const { asked, lang, heading, home } of notFound) {
    it(`${asked}: status 404 and the ${lang} 404 page, with a way home and no errors`, async () => {
      const page = await browser.newPage();
      const problems = watchProblems(page, ['console', 'uncaught']);
      const response = await page.goto(`${siteUrl}${asked}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect((await page.locator('h1').textContent())?.trim()).toBe(heading);
      expect(await page.locator(`main a[href="${home}"]`).count()).toBeGreaterThan(0);
      // the address the reader typed stays in the bar
      expect(new URL(page.url()).pathname).toBe(asked);
      // a 404 page's own failed load is the only one allowed
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      await page.close();
    });
  }

  it('a host with one site-wide 404 page sends a /zh-cn/ address on to the Chinese 404 page', async () => {
    const page = await browser.newPage();
    const english404 = await (await fetch(`${siteUrl}/404.html`)).text();
    // GitHub Pages serves /404.html for every missing address
    await page.route('**/zh-cn/lessons/gone/', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: english404 }));
    await page.goto(`${siteUrl}/zh-cn/lessons/gone/`);
    await page.waitForURL(`${siteUrl}/zh-cn/404/`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('找不到页面');
    await page.close();
  });

  it('every page in the sitemap names itself as canonical, links its other locale, and shows the social card', async () => {
    const urls = await sitemapUrls();
    // the home page, 14 lessons, the lab and practice, in two locales; no 404 page
    expect(urls.length).toBeGreaterThanOrEqual(2 * (1 + 14 + 2));
    expect(urls.filter((u) => u.includes('404'))).toEqual([]);
    const origin = new URL(urls[0]!).origin;
    expect(urls.every((u) => new URL(u).origin === origin)).toBe(true);
    const card = new Uint8Array(await (await fetch(`${siteUrl}/social/card.png`)).arrayBuffer());
    expect(pngSize(card)).toEqual({ width: 1200, height: 630 });
    for (const url of urls) {
      const path = new URL(url).pathname;
      const html = await (await fetch(`${siteUrl}${path}`)).text();
      const attr = (re: RegExp): string[] => [...html.matchAll(re)].map((m) => m[1]!);
      expect(attr(/<link rel="canonical" href="([^"]+)"/g), path).toEqual([url]);
      const alternates = attr(/<link rel="alternate" hreflang="[^"]+" href="([^"]+)"/g);
      const twin = path.startsWith('/zh-cn/') ? path.replace(/^\/zh-cn/, '') : `/zh-cn${path}`;
      expect(alternates, path).toContain(`${origin}${twin}`);
      expect(attr(/<meta property="og:image" content="([^"]+)"/g), path).toEqual([`${origin}/social/card.png`]);
      expect(attr(/<meta property="og:image:alt" content="([^"]+)"/g)[0]?.length, path).toBeGreaterThan(20);
    }
  });

  it('robots.txt allows crawling and names the sitemap', async () => {
    const robots = await (await fetch(`${siteUrl}/robots.txt`)).text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    const [, sitemap] = /^Sitemap: (\S+)$/m.exec(robots) ?? [];
    expect(new URL(sitemap!).pathname).toBe('/sitemap-index.xml');
  });
});
