/**
 * Where the browser tests and scripts find Chromium and how they start it. CI installs Debian's
 * chromium and sets CHROMIUM_PATH; a developer machine usually has one of the usual paths.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const USUAL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a quiet, sandbox-free headless run that never phones home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The places looked at, in order. A CHROMIUM_PATH that is set is the only candidate: a typo there must not quietly pick another browser. */
export function chromiumCandidates(): string[] {
  const chosen = process.env['CHROMIUM_PATH'] ?? '';
  return chosen !== '' ? [chosen] : USUAL_PATHS;
}

/** The first Chromium executable that exists, or null. */
export const findChromium = (): string | null => chromiumCandidates().find((p) => existsSync(p)) ?? null;

/** The first Chromium executable that exists; throws, saying where it looked and what to do, when there is none. */
export function requireChromium(): string {
  const found = findChromium();
  if (found === null) {
    throw new Error(
      `no Chromium at ${chromiumCandidates().join(', ')}: install chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return found;
}

/** CI sets PARAM_LAB_REQUIRE_BROWSER so a missing browser fails the run instead of skipping. */
export const browserRequired = (): boolean => !['', '0', 'false'].includes((process.env['PARAM_LAB_REQUIRE_BROWSER'] ?? '').toLowerCase());

/**
 * Chromium, headless. Its `newPage()` blocks service workers unless told otherwise: the site's worker
 * (docs/offline.md) precaches ~8 MB after every first load, which would slow every other test and
 * race the ones that time the page. tests/e2e/offline.test.ts opens its own contexts
 * (`browser.newContext()`), where the worker runs.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}
