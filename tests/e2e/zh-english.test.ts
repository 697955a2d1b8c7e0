/**
 * Every string a reader sees on a /zh-cn/ page is Chinese, outside code. The test walks the visible
 * text of the home page and every lesson (islands hydrated, as a reader sees them) and reports any
 * run of two or more English words outside code, math and Keras's printed text. A single Latin word
 * is allowed: it is an identifier (Conv2D, None, units) or a unit (KB). The few multi-word names
 * that are names, not sentences, are listed below with the reason each stays in Latin letters.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRICULUM } from '@lessons/curriculum.ts';
import { launchChromium } from '../../scripts/chromium.ts';
import { englishRuns } from './english-runs.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { wakeIslands } from './use-browser.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${root}content/docs/zh-cn/lessons`;
const slugs = existsSync(dir) ? readdirSync(dir).map((f) => f.replace(/\.mdx$/, '')) : [];
const PAGES = [
  '/zh-cn/',
  ...CURRICULUM.filter((s) => slugs.includes(s)).map((s) => `/zh-cn/lessons/${s}/`),
  // the model lab empty, and with a gallery model's summary (tests/e2e/lab.test.ts opens its rows too)
  '/zh-cn/lab/',
  '/zh-cn/lab/?gallery=resnet50',
  // the practice page with a question, and with a link to a question this site lacks (its message)
  '/zh-cn/practice/?ex=conv2d-params.7',
  '/zh-cn/practice/?ex=no-such-template.1',
  // the Chinese 404 page (tests/e2e/site.test.ts reaches it from a mistyped address)
  '/zh-cn/404/',
];

failWhenChromiumRequired(executable);

describe.skipIf(executable === '')('no English sentences on /zh-cn/ pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the pages', () => {
    expect(PAGES.length).toBeGreaterThan(2);
  });

  it.each(PAGES)('%s', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Hydrate every island the way a reader does: by scrolling to it.
    await wakeIslands(page);
    // a lab link's model arrives after the island wakes the engine
    if (path.includes('gallery=')) await page.locator('[data-result="total"]').waitFor();
    // the practice page shows its question (or the link's message) once it has read the address
    if (path.includes('/practice/')) await page.locator('.pl-practice[data-ready="true"]').waitFor();
    const runs = await englishRuns(page);
    await page.close();
    expect(runs).toEqual([]);
  });
});
