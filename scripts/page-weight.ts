/**
 * How much JavaScript each page of the built site loads before the reader does anything: module
 * and classic scripts, modulepreload links, inline scripts, and the component / renderer URLs of
 * every <astro-island> (but those hydrated on the reader's first interaction, `client:interact`),
 * following static imports inside those files. Dynamic imports are not
 * followed (they load on demand), and Starlight's search UI (its dialog script and Pagefind) is
 * not counted. Each file is gzipped at level 9 and counted once per page; a page's inline
 * scripts are gzipped together, as they travel in one compressed HTML response.
 *
 *   npm run page-weight [-- <built dir, default dist>]
 *
 * Prints a table and exits 1 when a lesson page loads more than 40 KB (gzip), the model lab more
 * than 80 KB, or the practice page more than 50 KB.
 *
 * It also weighs every page's CSS: linked stylesheets (and what they @import) plus the page's inline
 * <style> blocks, gzipped as above. Every page, in both locales, is held to 30 KB (issue #11): CSS
 * blocks the first paint, so it is the part of a page a phone waits for before showing anything.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Issue #3's budget for a lesson page, in bytes of gzip. */
export const LESSON_BUDGET_BYTES = 40 * 1024;
/** Issue #9's budget for the model lab, whose readers and exports load only when first needed. */
export const LAB_BUDGET_BYTES = 80 * 1024;
/** Issue #10's Practice page: the exercise engine, the card and the progress dashboard. */
export const PRACTICE_BUDGET_BYTES = 50 * 1024;

export interface LoadedScript {
  /** `/_astro/Calculator.abc.js`, or `n inline scripts` for the scripts written into the page. */
  url: string;
  gzipBytes: number;
}

export interface PageWeight {
  /** The page's URL path: `/lessons/conv2d/`. */
  page: string;
  scripts: LoadedScript[];
  gzipBytes: number;
}

/** Issue #11's budget for the CSS of any page: linked and inline, gzip. */
export const CSS_BUDGET_BYTES = 30 * 1024;

/** Lesson pages, in either locale, carry the budget. */
export const isLessonPage = (page: string): boolean => /^\/(?:zh-cn\/)?lessons\/[^/]+\/$/.test(page);
export const isLabPage = (page: string): boolean => /^\/(?:zh-cn\/)?lab\/$/.test(page);
export const isPracticePage = (page: string): boolean => /^\/(?:zh-cn\/)?practice\/$/.test(page);

/** The budget a page is held to, in bytes of gzip; undefined for pages without one. */
export const budgetOf = (page: string): number | undefined =>
  isLessonPage(page) ? LESSON_BUDGET_BYTES : isLabPage(page) ? LAB_BUDGET_BYTES : isPracticePage(page) ? PRACTICE_BUDGET_BYTES : undefined;

const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;

/** Every `attr="value"` of one tag. */
function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Script types a browser runs; JSON and other data blocks are not JavaScript. */
const isJavaScriptType = (type: string | undefined): boolean =>
  type === undefined || type === '' || type === 'module' || /^(text|application)\/(javascript|ecmascript)$/i.test(type);

/** What an HTML page asks for before interaction: external script URLs and inline script texts. */
export function scriptsOfHtml(html: string): { urls: string[]; inline: { code: string; module: boolean }[] } {
  const urls: string[] = [];
  const inline: { code: string; module: boolean }[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = attributes(m[1]!);
    if (!isJavaScriptType(attrs.get('type'))) continue;
    const src = attrs.get('src');
    if (src) urls.push(src);
    else if (m[2]!.trim() !== '') inline.push({ code: m[2]!, module: attrs.get('type') === 'module' });
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]!);
    if ((attrs.get('rel') ?? '').split(/\s+/).includes('modulepreload') && attrs.get('href')) urls.push(attrs.get('href')!);
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]!);
    // `client:interact` (src/directives/interact.ts) loads an island's code when the reader first
    // reaches into it: after interaction, so not counted (its directive's inline script is).
    if (attrs.get('client') === 'interact') continue;
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attrs.get(name);
      if (url) urls.push(url);
    }
  }
  return { urls, inline };
}

/** What an HTML page styles itself with: linked stylesheet URLs and inline <style> texts. */
export function stylesOfHtml(html: string): { urls: string[]; inline: string[] } {
  const urls: string[] = [];
  const inline: string[] = [];
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]!);
    if ((attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && attrs.get('href')) urls.push(attrs.get('href')!);
  }
  // <style> in <svg> too: the browser applies it all the same.
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) if (m[1]!.trim() !== '') inline.push(m[1]!);
  return { urls, inline };
}

/** The stylesheets a CSS file pulls in with `@import "x.css"` or `@import url(x.css)`. */
export function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/gi)].map((m) => m[2]!);
}

/**
 * The specifiers a module imports statically: `import x from "./a.js"`, `import "./b.js"`,
 * `export * from "./c.js"`, `import{a as b}from"./d.js"` (minified). `import("./e.js")` is dynamic
 * and not listed.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
  for (const m of code.matchAll(pattern)) found.push(m[2]!);
  return found;
}

/**
 * Starlight's search UI: the search dialog's script (Astro names a component's bundled script after
 * it) and Pagefind, which that script loads when the dialog opens. Excluded by the issue's budget.
 */
const isSearchUi = (url: string): boolean => url.includes('/pagefind/') || /\/Search\.astro_astro_type_script_/.test(url);

/** Skip what is not the page's own JavaScript: the search UI and other sites. */
const counted = (url: string): boolean => !/^[a-z]+:\/\//i.test(url) && !url.startsWith('//') && !isSearchUi(url);

/** Resolve a script URL against the page or module that names it, to a site path. */
function sitePath(url: string, base: string): string {
  const path = url.split(/[?#]/)[0]!;
  return path.startsWith('/') ? posix.normalize(path) : posix.normalize(posix.join(posix.dirname(base), path));
}

/** Reads a file of the built site by its URL path (`/_astro/x.js`): from disk, or over HTTP from a served copy. */
export type SiteReader = (path: string) => Promise<string>;

/** A reader for a built site on disk. */
export const diskReader =
  (dir: string): SiteReader =>
  (path) =>
    readFile(join(dir, ...path.split('/').filter(Boolean)), 'utf8').catch(() => {
      throw new Error(`a page loads ${path}, which is not in ${dir}`);
    });

/** A reader for a site served at `baseUrl`. */
export const httpReader =
  (baseUrl: string): SiteReader =>
  async (path) => {
    const response = await fetch(new URL(path, baseUrl));
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.text();
  };

/** Measures pages of one built site; each file is read and gzipped once. */
export class SiteMeter {
  private readonly sizes = new Map<string, Promise<number>>();
  private readonly imports = new Map<string, Promise<string[]>>();

  private readonly texts = new Map<string, Promise<string>>();

  constructor(private readonly read: SiteReader) {}

  /** A file of the site, read once. */
  text(path: string): Promise<string> {
    if (!this.texts.has(path)) this.texts.set(path, this.read(path));
    return this.texts.get(path)!;
  }

  /** A page's CSS, fetching its HTML too. */
  async measurePageStyles(page: string): Promise<PageStyles> {
    return measureStyles(this, page, await this.text(page.endsWith('/') ? `${page}index.html` : page));
  }

  private size(path: string): Promise<number> {
    if (!this.sizes.has(path)) this.sizes.set(path, this.read(path).then(gzipSize));
    return this.sizes.get(path)!;
  }

  private importsOf(path: string): Promise<string[]> {
    if (!this.imports.has(path)) {
      this.imports.set(
        path,
        this.read(path).then((code) =>
          staticImports(code)
            .filter(counted)
            .map((u) => sitePath(u, path)),
        ),
      );
    }
    return this.imports.get(path)!;
  }

  /** A page's JavaScript, fetching its HTML too. */
  async measurePage(page: string): Promise<PageWeight> {
    return this.measure(page, await this.read(page.endsWith('/') ? `${page}index.html` : page));
  }

  /** A page's scripts and everything they import statically, each once. */
  async measure(page: string, html: string): Promise<PageWeight> {
    const { urls, inline } = scriptsOfHtml(html);
    const seen = new Set<string>();
    const queue = urls.filter(counted).map((u) => sitePath(u, page));
    for (const s of inline)
      if (s.module)
        queue.push(
          ...staticImports(s.code)
            .filter(counted)
            .map((u) => sitePath(u, page)),
        );
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(...(await this.importsOf(path)));
    }
    // Inline scripts travel inside the HTML, which is compressed as one stream: measure them together.
    const scripts: LoadedScript[] = [
      ...(await Promise.all([...seen].map(async (url) => ({ url, gzipBytes: await this.size(url) })))),
      ...(inline.length > 0 ? [{ url: `${inline.length} inline scripts`, gzipBytes: gzipSize(inline.map((s) => s.code).join('\n')) }] : []),
    ];
    return { page, scripts, gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0) };
  }
}

export interface PageStyles {
  page: string;
  /** Each stylesheet the page links, and `n inline styles` for its <style> blocks. */
  sheets: LoadedScript[];
  gzipBytes: number;
}

/** A page's CSS: linked stylesheets with their @imports, each once, and its inline styles together. */
export async function measureStyles(meter: SiteMeter, page: string, html: string): Promise<PageStyles> {
  const { urls, inline } = stylesOfHtml(html);
  const seen = new Set<string>();
  const queue = urls.filter(counted).map((u) => sitePath(u, page));
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(
      ...cssImports(await meter.text(path))
        .filter(counted)
        .map((u) => sitePath(u, path)),
    );
  }
  const sheets: LoadedScript[] = [
    ...(await Promise.all([...seen].map(async (url) => ({ url, gzipBytes: gzipSize(await meter.text(url)) })))),
    ...(inline.length > 0 ? [{ url: `${inline.length} inline styles`, gzipBytes: gzipSize(inline.join('\n')) }] : []),
  ];
  return { page, sheets, gzipBytes: sheets.reduce((n, s) => n + s.gzipBytes, 0) };
}

async function htmlFiles(dir: string, under = dir): Promise<string[]> {
  const entries = await readdir(under, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(under, e.name);
      if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(dir, path);
      return e.name.endsWith('.html') ? [path] : [];
    }),
  );
  return nested.flat();
}

/** `dist/zh-cn/lessons/conv2d/index.html` → `/zh-cn/lessons/conv2d/`. */
const pageOf = (dir: string, file: string): string => `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');

/** The JavaScript weight of every page in a built site, lesson pages first in path order. */
export async function measureSite(dir: string): Promise<PageWeight[]> {
  const meter = new SiteMeter(diskReader(dir));
  const files = await htmlFiles(dir);
  const weights = await Promise.all(files.map(async (f) => meter.measure(pageOf(dir, f), await readFile(f, 'utf8'))));
  return weights.sort((a, b) => Number(isLessonPage(b.page)) - Number(isLessonPage(a.page)) || a.page.localeCompare(b.page));
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** The CSS of every page in a built site, in path order. */
export async function measureSiteStyles(dir: string): Promise<PageStyles[]> {
  const meter = new SiteMeter(diskReader(dir));
  const files = await htmlFiles(dir);
  const styles = await Promise.all(files.map(async (f) => measureStyles(meter, pageOf(dir, f), await readFile(f, 'utf8'))));
  return styles.sort((a, b) => a.page.localeCompare(b.page));
}

/** The CSS table `npm run page-weight` prints, in the JavaScript table's style. */
export function styleTable(styles: readonly PageStyles[]): string {
  const width = Math.max(4, ...styles.map((w) => w.page.length));
  const lines = [`${'page'.padEnd(width)}  files  KB gzip  budget`, `${'-'.repeat(width)}  -----  -------  ------`];
  for (const w of styles) {
    const budget = w.gzipBytes <= CSS_BUDGET_BYTES ? 'ok' : 'OVER';
    lines.push(`${w.page.padEnd(width)}  ${String(w.sheets.length).padStart(5)}  ${kb(w.gzipBytes).padStart(7)}  ${budget}`);
  }
  return lines.join('\n');
}

/** The table `npm run page-weight` prints. */
export function weightTable(weights: readonly PageWeight[]): string {
  const width = Math.max(4, ...weights.map((w) => w.page.length));
  const lines = [`${'page'.padEnd(width)}  files  KB gzip  budget`, `${'-'.repeat(width)}  -----  -------  ------`];
  for (const w of weights) {
    const limit = budgetOf(w.page);
    const budget = limit === undefined ? '-' : w.gzipBytes <= limit ? 'ok' : 'OVER';
    lines.push(`${w.page.padEnd(width)}  ${String(w.scripts.length).padStart(5)}  ${kb(w.gzipBytes).padStart(7)}  ${budget}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(dir)) {
    console.error(`error: ${dir} does not exist; run \`npm run build\` first`);
    process.exit(2);
  }
  const weights = await measureSite(dir);
  console.log(weightTable(weights));
  const over = weights.filter((w) => w.gzipBytes > (budgetOf(w.page) ?? Number.POSITIVE_INFINITY));
  const lessons = weights.filter((w) => isLessonPage(w.page));
  const heaviest = lessons.reduce<PageWeight | null>((m, w) => (!m || w.gzipBytes > m.gzipBytes ? w : m), null);
  if (heaviest)
    console.log(`\nheaviest lesson page: ${heaviest.page} ${kb(heaviest.gzipBytes)} KB gzip (budget ${kb(LESSON_BUDGET_BYTES)} KB)`);
  if (over.length > 0) {
    console.error(`\n${over.length} page(s) over their budget:`);
    for (const w of over) console.error(`  ${w.page} ${kb(w.gzipBytes)} KB (budget ${kb(budgetOf(w.page)!)} KB)`);
    console.error(`\nwhat ${over[0]!.page} loads, largest first (KB gzip):`);
    for (const s of [...over[0]!.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes))
      console.error(`  ${kb(s.gzipBytes).padStart(6)}  ${s.url}`);
    process.exitCode = 1;
  }
  const styles = await measureSiteStyles(dir);
  console.log(`\nCSS (linked and inline)\n${styleTable(styles)}`);
  const heavy = styles.filter((w) => w.gzipBytes > CSS_BUDGET_BYTES);
  if (heavy.length > 0) {
    console.error(`\n${heavy.length} page(s) over the CSS budget of ${kb(CSS_BUDGET_BYTES)} KB:`);
    for (const w of heavy)
      console.error(`  ${w.page} ${kb(w.gzipBytes)} KB: ${w.sheets.map((x) => `${x.url} ${kb(x.gzipBytes)}`).join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
