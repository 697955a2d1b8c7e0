/**
 * The setup every browser test file repeats, once: one Chromium for the file (started before its
 * tests, closed after) and a page opened on a calculator that has hydrated, with console errors,
 * uncaught exceptions and failed requests collected. Call inside a `describe.skipIf(!executable)`.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { watchProblems } from './page-problems.ts';

export interface BrowserSession {
  /** A new page at `path`, status 200, with its problems being collected. */
  open(
    path: string,
    viewport?: { width: number; height: number },
    /** Runs on the new page before it navigates (routes, scripts). */
    prepare?: (page: Page) => Promise<void>,
  ): Promise<{ page: Page; problems: string[] }>;
  /** `open`, then wait until the calculator `id` has hydrated and scroll to it. */
  openCalculator(path: string, id: string, viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }>;
}

/** The calculator with this id, scrolled into view and hydrated (Astro drops `ssr` once it has). */
export async function hydratedCalculator(page: Page, id: string): Promise<Locator> {
  const calc = page.locator(`[data-calculator="${id}"]`);
  await calc.scrollIntoViewIfNeeded();
  await page.locator(`astro-island:not([ssr]) [data-calculator="${id}"]`).waitFor();
  return calc;
}

export function useBrowser(executable: string, siteUrl: string): BrowserSession {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(executable);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open: BrowserSession['open'] = async (path, viewport, prepare) => {
    const page = await browser!.newPage(viewport ? { viewport } : {});
    const problems = watchProblems(page, ['console', 'uncaught', 'httpError']);
    await prepare?.(page);
    const response = await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return { page, problems };
  };
  return {
    open,
    async openCalculator(path, id, viewport) {
      const opened = await open(path, viewport);
      await hydratedCalculator(opened.page, id);
      return opened;
    },
  };
}

/**
 * Wake every island the way a reader does: scroll to each, and reach into those that hydrate on
 * interaction (`client:interact`, a lesson's exercise set) with the pointer; then wait until Astro
 * has hydrated them all (it drops `ssr` from an island once it has).
 */
export async function wakeIslands(page: Page, timeout = 30_000): Promise<void> {
  for (const island of await page.locator('astro-island').all()) {
    await island.scrollIntoViewIfNeeded();
    if ((await island.getAttribute('client')) === 'interact') await island.locator(':scope > *').first().hover();
  }
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout });
}
