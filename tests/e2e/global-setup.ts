/**
 * Runs once before the browser tests (and only when some are queued): builds the site into a
 * temporary directory with `astro build`, serves it on 127.0.0.1, and hands the URL and the
 * Chromium path to the tests. Without a browser it builds nothing and says so loudly.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserRequired, chromiumCandidates, findChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Chromium's executable, or '' when none was found. */
    chromium: string;
    /** Where the built site is served, or '' when it was not built. */
    siteUrl: string;
  }
}

/** `astro build --outDir <dir>` in a child process, so Astro's Vite never meets Vitest's. */
async function buildSite(root: string, outDir: string): Promise<void> {
  const pkg = createRequire(join(root, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(await readFile(pkg, 'utf8')) as { bin: { astro: string } };
  const cli = join(dirname(pkg), bin.astro);
  return new Promise((resolve, reject) => {
    // Vitest sets NODE_ENV=test, which would make Astro build a development site (Starlight's search
    // then says it only works in production builds, and the page weights differ): build what ships.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [cli, 'build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code}):\n${log.slice(-4000)}`))));
  });
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
  const server = await serveStatic(outDir);
  console.info(`[e2e] serving it at ${server.url} for ${chromium}`);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
