/**
 * A 404 page per locale where static hosts look for one. Starlight renders the root locale's 404
 * (the `404` entry of the docs collection) as /404.html; the Chinese one (`zh-cn/404`) is an ordinary
 * page at /zh-cn/404/. Hosts that serve the nearest 404.html up the path (Cloudflare Pages, the test
 * server in scripts/site-server.ts) need it at /zh-cn/404.html, so the build copies it there.
 * Netlify reads the same from public/_redirects; hosts with one site-wide 404 (GitHub Pages) show
 * the English page, whose script sends a /zh-cn/ address on to the Chinese one.
 */
import { copyFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Copy `<dir>/404/index.html` to `<dir>/404.html` for every top-level folder that has one. */
export async function placeLocale404s(outDir: string): Promise<string[]> {
  const placed: string[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const page = join(outDir, entry.name, '404', 'index.html');
    if (!(await stat(page).catch(() => null))?.isFile()) continue;
    await copyFile(page, join(outDir, entry.name, '404.html'));
    placed.push(`${entry.name}/404.html`);
  }
  return placed;
}

export default function notFoundPages(): AstroIntegration {
  return {
    name: 'param-lab:not-found',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const placed = await placeLocale404s(fileURLToPath(dir));
        logger.info(placed.length ? `404 pages: ${placed.join(', ')}` : 'no locale 404 pages found');
      },
    },
  };
}
