/**
 * After one visit the site works without a network (issue #11, docs/offline.md). A reader opens one
 * page in a fresh browser (its own context, so no service worker reaches another test), waits until
 * the service worker has stored the site and controls the page, and goes offline. Pages never
 * visited then load from the worker's cache, in both locales: a lesson whose calculator computes,
 * the lab reading a pasted model, practice, the other locale's home page, search; an unknown address
 * shows its locale's 404 page. Expected numbers by hand.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { failWhenChromiumRequired } from './chromium-required.ts';
import { hydratedCalculator, wakeIslands } from './use-browser.ts';
import { watchProblems } from './page-problems.ts';

const executable = inject('chromium');
const siteUrl = inject('siteUrl');

failWhenChromiumRequired(executable);

/** Dense(4) on 8 inputs: 8 × 4 + 4 = 36; Dense(2) on those 4: 4 × 2 + 2 = 10; 46 in all. */
const SMALL_MODEL = `import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4),
    layers.Dense(2),
])
`;
const SMALL_MODEL_TOTAL = 8 * 4 + 4 + (4 * 2 + 2);

const LOCALES = [
  {
    name: 'English',
    prefix: '',
    lang: 'en',
    first: '/lessons/dense/',
    other: { path: '/zh-cn/', lang: 'zh-CN' },
    titles: { conv2d: /^Conv2D\b/, lab: /^Model lab\b/, practice: /^Practice\b/ },
    query: 'Conv2D',
    notFound: { path: '/lessons/conv3d/', heading: 'Page not found' },
  },
  {
    name: 'Chinese',
    prefix: '/zh-cn',
    lang: 'zh-CN',
    first: '/zh-cn/lessons/dense/',
    other: { path: '/', lang: 'en' },
    titles: { conv2d: /^Conv2D/, lab: /^模型实验室/, practice: /^练习/ },
    query: '偏置',
    notFound: { path: '/zh-cn/lessons/conv3d/', heading: '找不到页面' },
  },
] as const;

describe.skipIf(executable === '')('offline after one visit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A fresh context with one page at `path`, returned once the service worker controls it.
   * `ready` resolves when a worker is active, which it becomes only after its install (the
   * precache) succeeded; the page is controlled once the worker has claimed it.
   */
  async function visitOnce(path: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page, ['console', 'uncaught']);
    const response = await page.goto(`${siteUrl}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    return { context, page, problems };
  }

  /** Navigate offline; the answer must come from the service worker. */
  async function goOffline(page: Page, path: string, status = 200): Promise<void> {
    const response = await page.goto(`${siteUrl}${path}`);
    expect(response?.status(), path).toBe(status);
    expect(response?.fromServiceWorker(), path).toBe(true);
  }

  for (const locale of LOCALES) {
    describe(locale.name, () => {
      it(`after ${locale.first} alone, the rest of the site works offline`, async () => {
        const { context, page, problems } = await visitOnce(locale.first);
        await context.setOffline(true);
        // the network is really gone, for the worker too: robots.txt is on the server but not in the cache
        expect(
          await page.evaluate(() =>
            fetch('/robots.txt').then(
              () => 'fetched',
              () => 'failed',
            ),
          ),
        ).toBe('failed');
        // that failure is the console's one error so far, and the test's own doing
        await expect.poll(() => problems.length).toBe(1);
        expect(problems.splice(0)).toEqual(['console error: Failed to load resource: net::ERR_FAILED']);

        // another lesson: its calculator wakes up and computes
        await goOffline(page, `${locale.prefix}/lessons/conv2d/`);
        expect(await page.title()).toMatch(locale.titles.conv2d);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale.lang);
        const calc = await hydratedCalculator(page, 'conv2d');
        const params = calc.locator('[data-layer="0"] [data-result="params"]');
        // the lesson's starting point: 64 filters of 3 × 3 over 32 channels
        expect(await params.textContent()).toBe((64 * (3 * 3 * 32) + 64).toLocaleString('en-US'));
        await calc.locator('[data-field="input[3]"] input[type="text"]').fill('1');
        await calc.locator('[data-field="filters"] input[type="text"]').fill('32');
        // 3 × 3 × 1 × 32 weights + 32 biases
        await expect.poll(() => params.textContent()).toBe(String(3 * 3 * 1 * 32 + 32));

        // the lab, whose code reader loads only when code is pasted
        await goOffline(page, `${locale.prefix}/lab/`);
        expect(await page.title()).toMatch(locale.titles.lab);
        await wakeIslands(page);
        await page.locator('.pl-lab[data-ready="true"]').waitFor();
        await page.click('[data-tab="paste"]');
        await page.locator('.pl-code__input').fill(SMALL_MODEL);
        await expect.poll(() => page.locator('[data-result="total"]').textContent()).toBe(String(SMALL_MODEL_TOTAL));

        // practice shows a question
        await goOffline(page, `${locale.prefix}/practice/`);
        expect(await page.title()).toMatch(locale.titles.practice);
        await page.locator('.pl-practice[data-ready="true"] .pl-practice__card [data-exercise]').waitFor();

        // search finds pages
        await page.locator('button[data-open-modal]').first().click();
        await page.locator('dialog[open] input').first().fill(locale.query);
        await page.locator('dialog[open] .pagefind-ui__result').first().waitFor();
        expect(await page.locator('dialog[open] .pagefind-ui__result').count()).toBeGreaterThan(0);

        // the other locale's home page
        await goOffline(page, locale.other.path);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale.other.lang);

        // an address that does not exist: the 404 page of its locale
        await goOffline(page, locale.notFound.path, 404);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale.lang);
        expect((await page.locator('h1').textContent())?.trim()).toBe(locale.notFound.heading);

        // the only console error is the 404 page's own status
        expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
        await context.close();
      });
    });
  }
});
