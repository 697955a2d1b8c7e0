/**
 * The site asks nothing of anyone else (issue #11): every page, in both locales, with every island
 * woken as a reader would, requests only its own host, and every font it uses is one it serves
 * itself (an @font-face whose sources are same-origin) or one already on the reader's system (a
 * family no @font-face declares, such as Starlight's system stack). No font CDN, no analytics, no
 * third-party script: a learner offline after the first visit, or behind a firewall, loses nothing.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { sitePages } from './site-pages.ts';
import { wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

/** What the page's fonts come from, read inside the page. */
interface FontSources {
  /** Each @font-face: its family and the absolute URLs of its `url()` sources. */
  faces: { family: string; urls: string[] }[];
  /** Families of the fonts the page has loaded or is loading (document.fonts). */
  loaded: string[];
  /** Stylesheets the page could not read (a cross-origin sheet hides its rules). */
  unreadable: string[];
}

/** Runs inside the page: every @font-face of every stylesheet, nested @media/@supports/@layer rules included. */
function fontSources(): FontSources {
  const faces: FontSources['faces'] = [];
  const unreadable: string[] = [];
  const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');
  const walk = (rules: CSSRuleList, base: string): void => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSFontFaceRule) {
        const src = rule.style.getPropertyValue('src');
        const urls = [...src.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)].map((m) => new URL(m[2]!, base).href);
        faces.push({ family: unquote(rule.style.getPropertyValue('font-family')), urls });
      } else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules, base);
      if (rule instanceof CSSImportRule && rule.styleSheet) {
        try {
          walk(rule.styleSheet.cssRules, rule.styleSheet.href ?? base);
        } catch {
          unreadable.push(rule.href);
        }
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      walk(sheet.cssRules, sheet.href ?? document.baseURI);
    } catch {
      unreadable.push(sheet.href ?? '(inline)');
    }
  }
  const loaded = [...document.fonts].filter((f) => f.status === 'loaded' || f.status === 'loading').map((f) => unquote(f.family));
  return { faces, loaded, unreadable };
}

/** The @font-face rules with a `url()` source on another origin than `origin`. */
const farFaces = (fonts: FontSources, origin: string): FontSources['faces'] =>
  fonts.faces.filter((f) => f.urls.some((u) => !u.startsWith('data:') && new URL(u).origin !== origin));

failWhenChromiumRequired(executable);

describe.skipIf(executable === '' || siteUrl === '')('every request and font is the site’s own, in both locales', () => {
  const origin = siteUrl === '' ? '' : new URL(siteUrl).origin;
  let browser: Browser | undefined;
  let context: BrowserContext;
  /** URLs requested by the page now being checked, its workers included. */
  let requested: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium(executable);
    context = await browser.newContext();
    context.on('request', (r) => requested.push(r.url()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages = sitePages();

  it('finds every page of both locales', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/zh-cn/');
    expect(pages).toContain('/zh-cn/lessons/conv2d/');
    expect(pages.filter((p) => p.startsWith('/zh-cn/')).length).toBe(pages.length / 2);
  });

  it('notices a font from another host (the check itself)', async () => {
    requested = [];
    const page = await context.newPage();
    try {
      await page.route(/^https:\/\/fonts\.example\//, (route) => route.abort());
      await page.goto(`${siteUrl}/`, { waitUntil: 'load' });
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = "@font-face{font-family:Far;src:url(https://fonts.example/far.woff2) format('woff2')}body{font-family:Far}";
        document.head.append(style);
        return document.fonts.ready.then(() => undefined);
      });
      const fonts = await page.evaluate(fontSources);
      expect(farFaces(fonts, origin).map((f) => f.family)).toEqual(['Far']);
      expect(requested.filter((u) => u.startsWith('https://fonts.example/'))).toEqual(['https://fonts.example/far.woff2']);
    } finally {
      await page.close();
    }
  });

  it.each(pages)('%s', async (path) => {
    requested = [];
    const page = await context.newPage();
    try {
      const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await wakeIslands(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));

      // data: and blob: URLs name no host
      const foreign = requested.filter((u) => /^[a-z]+:\/\//i.test(u) && new URL(u).origin !== origin);
      expect(foreign, 'requests to other hosts').toEqual([]);

      const fonts = await page.evaluate(fontSources);
      expect(fonts.unreadable, 'stylesheets whose rules the page cannot read').toEqual([]);
      expect(farFaces(fonts, origin), '@font-face rules with a source on another host').toEqual([]);
      // lessons typeset math with KaTeX's fonts, served from the site itself
      if (path.includes('/lessons/')) expect(fonts.faces.map((f) => f.family)).toContain('KaTeX_Main');
      // a font in document.fonts that no same-origin @font-face declares came from somewhere else
      const declared = new Set(fonts.faces.map((f) => f.family));
      expect(
        fonts.loaded.filter((family) => !declared.has(family)),
        'fonts loaded without a same-origin @font-face',
      ).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
