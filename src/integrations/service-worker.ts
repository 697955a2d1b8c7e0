/**
 * After one visit the site works without a network (issue #11; docs/offline.md). Once Astro and
 * Starlight (Pagefind) have written the site, this lists the files every page needs, hashes their
 * contents into a version, and writes `sw.js`: those constants followed by the worker's code
 * (service-worker-runtime.js). Built pages register it with a small inline script after `load`;
 * `astro dev` gets neither.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface PrecacheEntry {
  /** The site path the worker asks for: `/lessons/conv2d/`, `/_astro/Lab.abc.js`. */
  path: string;
  bytes: number;
  /** sha256 of the content, hex. */
  sha256: string;
}

/**
 * Pagefind's files that Starlight's search loads: the runtime, its worker and WebAssembly, the
 * language metadata and the index and result chunks. Pagefind's own UI bundles are left out:
 * Starlight ships its search UI in /_astro/.
 */
const PAGEFIND_RUNTIME =
  /^pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|(index|fragment|filter)\/.+)$/;

/**
 * Whether a built file (relative to the output folder, `/`-separated) is stored on install: every
 * page, every script, stylesheet and WOFF2 font, the favicon and the search index. Not: KaTeX's
 * WOFF and TTF fonts (fallbacks for browsers without WOFF2, which have no service workers either),
 * the social card, sitemaps and robots.txt (for crawlers, not readers).
 */
export function isPrecached(file: string): boolean {
  if (file.endsWith('.html')) return true;
  if (file.startsWith('_astro/')) return !/\.(woff|ttf)$/.test(file);
  if (file.startsWith('pagefind/')) return PAGEFIND_RUNTIME.test(file);
  return file === 'favicon.svg';
}

/** The site path a built file is served at: `lessons/conv2d/index.html` → `/lessons/conv2d/`. */
export const sitePath = (base: string, file: string): string => `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Every built file the worker stores on install, sorted by path. */
export async function precacheEntries(outDir: string, base: string): Promise<PrecacheEntry[]> {
  const entries: PrecacheEntry[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const file = relative(outDir, full).split(sep).join('/');
    if (!isPrecached(file)) continue;
    const content = await readFile(full);
    entries.push({ path: sitePath(base, file), bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A version that changes exactly when a precached file's path or content does. */
export const versionOf = (entries: readonly PrecacheEntry[]): string =>
  createHash('sha256')
    .update(entries.map((e) => `${e.path} ${e.sha256}\n`).join(''))
    .digest('hex')
    .slice(0, 16);

/** The folders of the non-root locales, as those with their own 404.html (src/integrations/not-found.ts). */
async function localeFolders(outDir: string): Promise<string[]> {
  const folders: string[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const has404 = (await readdir(join(outDir, entry.name))).includes('404.html');
    if (has404) folders.push(entry.name);
  }
  return folders.sort();
}

/**
 * The inline script every built page carries: register the worker once the page has loaded, quietly.
 * Where there are no service workers (an insecure origin, a private window that forbids them) it
 * does nothing; a failed registration only means no offline copy.
 */
export const registrationScript = (base: string): string =>
  // ES5, so that even a browser too old for the site's modules finds nothing here to report.
  `addEventListener('load',function(){try{navigator.serviceWorker.register('${base}sw.js').catch(function(){})}catch(e){}});`;

/**
 * The `sw.js` of a site built without offline support: readers who installed the worker before
 * get this one at their next visit, and it deletes its caches and unregisters itself.
 */
export const REMOVAL_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('param-lab-')) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
`;

export interface ServiceWorkerOptions {
  /** Off: pages register nothing and sw.js removes an earlier worker. Default: on unless PARAM_LAB_OFFLINE=off. */
  enabled?: boolean;
}

export default function serviceWorker({
  enabled = process.env['PARAM_LAB_OFFLINE'] !== 'off',
}: ServiceWorkerOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'param-lab:service-worker',
    hooks: {
      'astro:config:setup': ({ command, config, injectScript }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (command === 'build' && enabled) injectScript('head-inline', registrationScript(base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!enabled) {
          await writeFile(join(outDir, 'sw.js'), REMOVAL_WORKER);
          logger.info('offline support off (PARAM_LAB_OFFLINE=off): sw.js removes an installed worker');
          return;
        }
        const entries = await precacheEntries(outDir, base);
        const version = versionOf(entries);
        const runtime = await readFile(new URL('./service-worker-runtime.js', import.meta.url), 'utf8');
        const constants = [
          `const VERSION = ${JSON.stringify(version)};`,
          `const BASE = ${JSON.stringify(base)};`,
          `const LOCALES = ${JSON.stringify(await localeFolders(outDir))};`,
          `const PRECACHE = ${JSON.stringify(
            entries.map((e) => e.path),
            null,
            1,
          )};`,
        ];
        await writeFile(join(outDir, 'sw.js'), `${constants.join('\n')}\n${runtime}`);
        const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
        logger.info(`sw.js: version ${version}, ${entries.length} files to precache, ${(bytes / 1e6).toFixed(2)} MB`);
      },
    },
  };
}
