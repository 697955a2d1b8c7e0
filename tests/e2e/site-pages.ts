/**
 * Every page the site builds, in both locales, read from the MDX files that make them under
 * content/: `index.mdx` → `/`, `lessons/conv2d.mdx` → `/lessons/conv2d/`. The English 404 page is
 * Starlight's `/404.html`; the Chinese one is an ordinary page at `/zh-cn/404/`
 * (src/integrations/not-found.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** `lessons/conv2d.mdx` → `/lessons/conv2d/`. */
export function pageOfSource(file: string): string {
  const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
  if (slug === '404') return '/404.html';
  return slug === '' ? '/' : `/${slug}/`;
}

/** Every page's URL path, English first, each locale in path order. */
export function sitePages(): string[] {
  const files = readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.mdx?$/.test(f));
  const pages = files.map(pageOfSource);
  const zh = (p: string): boolean => p.startsWith('/zh-cn/');
  return [...pages.filter((p) => !zh(p)).sort(), ...pages.filter(zh).sort()];
}
