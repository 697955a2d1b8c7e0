/**
 * Fails the build when a built page links to a page or a #fragment that does not exist.
 *
 * It reads the HTML Astro wrote, not the Markdown, so every link counts whoever made it: prose,
 * components (LessonRef, the lab's gallery), Starlight's sidebar, pagination and language picker.
 * (starlight-links-validator was tried first: it only knows pages under src/content/docs, and the
 * lessons live in ./content/docs.) A link is internal when it is relative, starts with `/`, or
 * starts with the configured `site`; it lands when the built folder has the file it names (or that
 * path's index.html) and, for `#id`, an element with that id (or `name`) in the target page.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface BrokenLink {
  /** The page holding the link, as a URL path (`/lessons/conv2d/`). */
  page: string;
  /** The link as written in the page. */
  href: string;
  reason: 'no such page' | 'no such fragment';
}

/** The text of an HTML attribute value, entities such as `&amp;` decoded. */
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? e;
  });

/** Every value of attribute `name` on tags in `html` (double- or single-quoted). */
function attributeValues(html: string, tag: string, name: string): string[] {
  const values: string[] = [];
  const tags = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  const attribute = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i');
  for (const m of html.matchAll(tags)) {
    const a = attribute.exec(m[0]);
    if (a) values.push(decodeEntities(a[1] ?? a[2] ?? ''));
  }
  return values;
}

/** The ids (and `name`s of anchors) a page's fragments can point at. */
function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[1] ?? m[2] ?? ''));
  return ids;
}

/** The URL path a built file is served at: `lessons/conv2d/index.html` → `/lessons/conv2d/`. */
function pathOf(outDir: string, file: string): string {
  const rel = relative(outDir, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/**
 * The links in the built site at `outDir` that do not land. `site` (the configured origin, if any)
 * makes absolute links to the site itself internal too.
 */
export async function checkLinks(outDir: string, site?: string): Promise<BrokenLink[]> {
  const files = await htmlFiles(outDir);
  const pages = new Map<string, string>();
  for (const file of files) pages.set(pathOf(outDir, file), await readFile(file, 'utf8'));
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (path: string): Set<string> => {
    let set = anchors.get(path);
    if (!set) anchors.set(path, (set = anchorsOf(pages.get(path) ?? '')));
    return set;
  };
  const exists = async (path: string): Promise<string | null> => {
    if (pages.has(path)) return path;
    if (pages.has(`${path}/`)) return `${path}/`;
    if (path.endsWith('/')) return null;
    const info = await stat(join(outDir, ...decodeURIComponent(path).split('/'))).catch(() => null);
    return info?.isFile() ? path : null;
  };
  const origin = site ? new URL(site).origin : undefined;
  const broken: BrokenLink[] = [];
  for (const [page, html] of pages) {
    const base = new URL(page, 'http://site.invalid');
    for (const href of attributeValues(html, 'a', 'href')) {
      if (!href || /^(mailto|tel|javascript|data):/i.test(href)) continue;
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      const internal = url.origin === base.origin || (origin !== undefined && url.origin === origin);
      if (!internal) continue;
      const target = await exists(url.pathname);
      if (!target) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('/') && !anchorsFor(target).has(fragment)) {
        broken.push({ page, href, reason: 'no such fragment' });
      }
    }
  }
  return broken;
}

export default function linkCheck(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'param-lab:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const broken = await checkLinks(fileURLToPath(dir), site);
        if (broken.length) {
          const lines = broken.map((b) => `  ${b.page}: ${b.href} (${b.reason})`);
          throw new Error(`${broken.length} internal link(s) do not land:\n${lines.join('\n')}`);
        }
        logger.info('every internal link and fragment lands');
      },
    },
  };
}
