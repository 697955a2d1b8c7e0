/**
 * Issue #3's budget: a lesson page loads at most 40 KB of JavaScript (gzip) before any interaction,
 * the search UI excluded. Measured on the site the browser tests build and serve
 * (tests/e2e/global-setup.ts), so this runs in the e2e project.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { LAB_BUDGET_BYTES, LESSON_BUDGET_BYTES, SiteMeter, httpReader, weightTable, type PageWeight } from '../../scripts/page-weight.ts';

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
