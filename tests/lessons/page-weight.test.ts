/**
 * Issue #3's budget: a lesson page loads at most 40 KB of JavaScript (gzip) before any interaction,
 * the search UI excluded; issue #11's: no page, in either locale, carries more than 30 KB of CSS
 * (gzip, linked and inline). Measured on the site the browser tests build and serve
 * (tests/e2e/global-setup.ts), so this runs in the e2e project.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  CSS_BUDGET_BYTES,
  LAB_BUDGET_BYTES,
  LESSON_BUDGET_BYTES,
  SiteMeter,
  cssImports,
  httpReader,
  styleTable,
  stylesOfHtml,
  weightTable,
  type PageWeight,
} from '../../scripts/page-weight.ts';
import { sitePages } from '../e2e/site-pages.ts';

const siteUrl = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Lesson pages of both locales, from the MDX files that make them. */
function lessonPages(): string[] {
  const dirs = { '': 'content/docs/lessons', '/zh-cn': 'content/docs/zh-cn/lessons' };
  return Object.entries(dirs).flatMap(([prefix, dir]) =>
    existsSync(root + dir)
      ? readdirSync(root + dir)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => `${prefix}/lessons/${f.slice(0, -4)}/`)
      : [],
  );
}

describe.skipIf(siteUrl === '')('page weight of the built site', () => {
  const pages = lessonPages();
  let weights: PageWeight[] = [];

  it('measures every lesson page', async () => {
    const meter = new SiteMeter(httpReader(siteUrl));
    weights = await Promise.all(pages.map((p) => meter.measurePage(p)));
    console.info(`\n${weightTable(weights)}\n`);
    expect(weights.length).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(0);
  });

  it(`keeps the model lab within ${LAB_BUDGET_BYTES / 1024} KB of JavaScript (gzip) before interaction, in both locales`, async () => {
    const meter = new SiteMeter(httpReader(siteUrl));
    const lab = await Promise.all(['/lab/', '/zh-cn/lab/'].map((p) => meter.measurePage(p)));
    console.info(`\n${weightTable(lab)}\n`);
    for (const w of lab) expect(w.gzipBytes, w.page).toBeLessThanOrEqual(LAB_BUDGET_BYTES);
    // the readers (Python, printouts, zip) are not among them: they load when first needed
    for (const w of lab)
      expect(
        w.scripts.map((x) => x.url).filter((u) => /readers|python|exports/.test(u)),
        w.page,
      ).toEqual([]);
  });

  it(`keeps every lesson page within ${LESSON_BUDGET_BYTES / 1024} KB of JavaScript (gzip) before interaction`, () => {
    const over = weights.filter((w) => w.gzipBytes > LESSON_BUDGET_BYTES).map((w) => `${w.page}: ${(w.gzipBytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });
});

describe('what styles a page', () => {
  const gz = (text: string): number => gzipSync(text, { level: 9 }).length;

  it('finds linked stylesheets (print ones too) and inline <style> blocks, not preloads', () => {
    const html = `<head><link rel="stylesheet" href="/_astro/common.css"><link rel="preload" href="/_astro/font.woff2" as="font">
      <link rel="stylesheet" href="/_astro/print.css" media="print"><style>:root{--a:1}</style><style></style></head>
      <body><svg><style>.b{fill:red}</style></svg></body>`;
    expect(stylesOfHtml(html)).toEqual({ urls: ['/_astro/common.css', '/_astro/print.css'], inline: [':root{--a:1}', '.b{fill:red}'] });
  });

  it('follows @import in both spellings', () => {
    expect(cssImports('@import "a.css";@import url(b.css);@import url("/c.css") screen;.x{}')).toEqual(['a.css', 'b.css', '/c.css']);
  });

  it('adds each linked sheet and its imports once, gzipped, plus the inline styles gzipped together', async () => {
    const files: Record<string, string> = {
      '/p/index.html': '<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/a.css"><style>.i{}</style><style>.j{}</style>',
      '/a.css': '@import "b.css";.a{color:red}',
      '/b.css': '.b{color:blue}',
    };
    const meter = new SiteMeter(async (path) => files[path] ?? Promise.reject(new Error(path)));
    const styles = await meter.measurePageStyles('/p/');
    expect(styles.sheets.map((x) => x.url)).toEqual(['/a.css', '/b.css', '2 inline styles']);
    expect(styles.gzipBytes).toBe(gz(files['/a.css']!) + gz(files['/b.css']!) + gz('.i{}\n.j{}'));
  });
});

describe.skipIf(siteUrl === '')('CSS weight of the built site', () => {
  it(`keeps every page's CSS within ${CSS_BUDGET_BYTES / 1024} KB (gzip), in both locales`, async () => {
    const pages = sitePages();
    const meter = new SiteMeter(httpReader(siteUrl));
    const styles = await Promise.all(pages.map((p) => meter.measurePageStyles(p)));
    console.info(`\nCSS (linked and inline)\n${styleTable(styles)}\n`);
    expect(pages).toContain('/zh-cn/lessons/conv2d/');
    // every page styles itself somehow: a page measured at 0 would mean the measuring is broken
    for (const s of styles) expect(s.gzipBytes, s.page).toBeGreaterThan(1024);
    const over = styles.filter((s) => s.gzipBytes > CSS_BUDGET_BYTES).map((s) => `${s.page}: ${(s.gzipBytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });
});
