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
import { launchChromium } from './chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${root}content/docs/zh-cn/lessons`;
const slugs = existsSync(dir) ? readdirSync(dir).map((f) => f.replace(/\.mdx$/, '')) : [];
const PAGES = ['/zh-cn/', ...CURRICULUM.filter((s) => slugs.includes(s)).map((s) => `/zh-cn/lessons/${s}/`)];

/** Names, not sentences: they are written this way in Chinese text too. */
const NAMES = new Set([
  'Param Lab', // the site's name
  'Output Shape', // Keras's column titles, quoted as the reader sees them in a summary
  'Connected to',
  'Total params',
  'Trainable params',
  'Non-trainable params',
  'PyTorch MaxPool', // other frameworks' layer names, compared with Keras's
  'Caffe Pooling',
  'Caffe Convolution',
  'Keras Conv',
  'NVIDIA cuDNN', // a library's name
  'the cat sat down', // the example sentence an Embedding turns into indices
]);

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
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
    const runs = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('code, pre, kbd, .katex, .expressive-code, script, style, template, [aria-hidden="true"]')) continue;
        if (el.getClientRects().length === 0) continue; // not rendered
        for (const m of (n.textContent ?? '').matchAll(/[A-Za-z][A-Za-z'’-]+(?:\s+[A-Za-z][A-Za-z'’-]+)+/g)) out.push(m[0]);
      }
      return out;
    });
    await page.close();
    expect(runs.filter((r) => !NAMES.has(r))).toEqual([]);
  });
});
