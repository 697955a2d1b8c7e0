/**
 * Runs once before the browser tests (and only when some are queued): builds the site into a
 * temporary directory with `astro build`, serves it on 127.0.0.1, and hands the URL and the
 * Chromium path to the tests. Without a browser it builds nothing and says so loudly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserRequired, chromiumCandidates, findChromium } from '../../scripts/chromium.ts';
import { buildSite, serveSite } from '../../scripts/site-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Chromium's executable, or '' when none was found. */
    chromium: string;
    /** Where the built site is served, or '' when it was not built. */
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  project.provide('chromium', chromium ?? '');
  project.provide('siteUrl', '');
  if (!chromium) {
    const looked = chromiumCandidates().join(', ');
    const banner = browserRequired()
      ? `PARAM_LAB_REQUIRE_BROWSER is set but no Chromium was found (looked at ${looked}): the browser tests will FAIL.`
      : `No Chromium found (looked at ${looked}): the browser tests are SKIPPED. Install chromium or set CHROMIUM_PATH.`;
    console.warn(`\n${'!'.repeat(100)}\n!! ${banner}\n${'!'.repeat(100)}\n`);
    return async () => {};
  }
  const root = project.config.root;
  const outDir = await mkdtemp(join(tmpdir(), 'param-lab-site-'));
  console.info(`[e2e] building the site into ${outDir} …`);
  await buildSite(root, outDir);
  const server = await serveSite(outDir);
  console.info(`[e2e] serving it at ${server.url} for ${chromium}`);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
