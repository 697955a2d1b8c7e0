/**
 * Lighthouse on one page of each kind, in both locales: the home page, a lesson, the model lab, the
 * practice page and the 404 page. Lighthouse's default configuration is a phone (Moto G Power
 * screen, slow 4G and a 4× slower CPU, simulated), which is how most learners first meet the site.
 *
 *   npm run audit [-- <built dir>] [--runs N] [--page /lessons/conv2d/ …] [--reports <dir>]
 *
 * Without a directory it builds the site into a temporary one (scripts/site-server.ts, as the
 * browser tests do). The site is served on 127.0.0.1 gzipped, as any static host
 * serves it (a 200 KB lesson page is 35 KB on the wire). With `--runs N` every page is measured N
 * times and the run with the median performance score is kept, as Lighthouse's docs advise against
 * its run-to-run variance.
 *
 * Prints a table and exits 1 when a page scores below 95 for performance or below 100 for
 * accessibility, best practices or SEO, listing the audits that cost it points.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, requireChromium } from './chromium.ts';
import { withServedSite } from './site-server.ts';

/** One page of each kind, in both locales. The 404 page is audited as a file (Lighthouse refuses a 404 status). */
export const AUDITED_PAGES = [
  '/',
  '/zh-cn/',
  '/lessons/conv2d/',
  '/zh-cn/lessons/conv2d/',
  '/lab/',
  '/zh-cn/lab/',
  '/practice/',
  '/zh-cn/practice/',
  '/404.html',
  '/zh-cn/404/',
] as const;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** The lowest score each category may have (issue #11). */
export const MINIMUM_SCORE: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

/** An audit that cost a page points. */
export interface LostAudit {
  category: Category;
  id: string;
  title: string;
  /** Lighthouse's display value (`2.7 s`), or its score. */
  detail: string;
}

export interface PageAudit {
  page: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Milliseconds, except CLS (unitless). */
  metrics: { lcp: number; tbt: number; cls: number; fcp: number };
  lost: LostAudit[];
  /** Every run's performance score, when there were several. */
  performanceRuns: number[];
}

/** The run whose performance score is the median (the lower middle one for an even count). */
export function medianRun<T extends { scores: Record<Category, number> }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Where `--reports` keeps each run's full Lighthouse report (JSON), for reading why a page scored as it did. */
let reportsDir: string | undefined;

/** One Lighthouse run of `url` in the Chrome listening on `port`. */
async function auditOnce(url: string, page: string, port: number): Promise<PageAudit> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
  const { lhr } = result;
  if (reportsDir) {
    const name = `${page.replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'home'}.${Date.now()}.json`;
    await writeFile(join(reportsDir, name), typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const lost: LostAudit[] = [];
  for (const category of CATEGORIES) {
    const cat = lhr.categories[category];
    scores[category] = Math.round((cat?.score ?? 0) * 100);
    for (const ref of cat?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      // Scored audits, and for performance the insights that say why (render-blocking requests, fonts …).
      const scored = ref.weight > 0 || (category === 'performance' && ref.group === 'insights');
      if (!audit || !scored || audit.score === null || audit.score >= 1) continue;
      lost.push({ category, id: ref.id, title: audit.title, detail: audit.displayValue ?? `score ${audit.score}` });
    }
  }
  const metric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    page,
    scores,
    metrics: {
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      fcp: metric('first-contentful-paint'),
    },
    lost,
    performanceRuns: [scores.performance],
  };
}

/** Audits `pages` one after another, `runs` times each, keeping each page's median run. */
export async function auditPages(siteUrl: string, pages: readonly string[], runs: number, chromePath: string): Promise<PageAudit[]> {
  const results: PageAudit[] = [];
  let chrome: LaunchedChrome | undefined;
  try {
    chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS });
    for (const page of pages) {
      const tries: PageAudit[] = [];
      for (let i = 0; i < runs; i++) tries.push(await auditOnce(new URL(page, siteUrl).href, page, chrome.port));
      results.push({ ...medianRun(tries), performanceRuns: tries.map((t) => t.scores.performance) });
      const last = results.at(-1)!;
      console.error(
        `  ${page}: ${CATEGORIES.map((c) => last.scores[c]).join(' / ')}${runs > 1 ? ` (perf runs ${last.performanceRuns.join(', ')})` : ''}`,
      );
    }
  } finally {
    chrome?.kill();
  }
  return results;
}

/** The pages' categories that fall short. */
export const failures = (audits: readonly PageAudit[]): { page: string; category: Category; score: number }[] =>
  audits.flatMap((a) =>
    CATEGORIES.filter((c) => a.scores[c] < MINIMUM_SCORE[c]).map((category) => ({ page: a.page, category, score: a.scores[category] })),
  );

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The table `npm run audit` prints. */
export function auditTable(audits: readonly PageAudit[]): string {
  const width = Math.max(4, ...audits.map((a) => a.page.length));
  const columns = ['perf', 'a11y', 'BP', 'SEO', 'LCP', 'TBT', 'CLS', 'FCP'];
  const rows = audits.map((a) => [
    String(a.scores.performance),
    String(a.scores.accessibility),
    String(a.scores['best-practices']),
    String(a.scores.seo),
    seconds(a.metrics.lcp),
    `${Math.round(a.metrics.tbt)} ms`,
    a.metrics.cls.toFixed(3),
    seconds(a.metrics.fcp),
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (page: string, cells: string[]): string => [page.padEnd(width), ...cells.map((c, i) => c.padStart(widths[i]!))].join('  ');
  return [
    line('page', columns),
    line(
      '-'.repeat(width),
      widths.map((w) => '-'.repeat(w)),
    ),
    ...audits.map((a, i) => line(a.page, rows[i]!)),
  ].join('\n');
}

function parseArgs(argv: readonly string[]): { dir: string | undefined; runs: number; pages: string[]; reports: string | undefined } {
  let dir: string | undefined;
  let reports: string | undefined;
  let runs = 1;
  const pages: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg === '--page') pages.push(argv[++i] ?? '/');
    else if (arg === '--reports') reports = resolve(argv[++i] ?? '.');
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice('--runs='.length));
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else dir = resolve(arg);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  // `--page` audits only the pages named (while working on one); the gate is all of them.
  return { dir, runs, pages: pages.length > 0 ? pages : [...AUDITED_PAGES], reports };
}

async function main(): Promise<void> {
  const { dir, runs, pages, reports } = parseArgs(process.argv.slice(2));
  if (reports) await mkdir(reports, { recursive: true });
  reportsDir = reports;
  const chromePath = requireChromium();
  const audits = await withServedSite(dir, { gzip: true, tempPrefix: 'param-lab-audit-' }, (siteUrl) => {
    console.error(`auditing ${pages.length} page(s) at ${siteUrl}, ${runs} run(s) each (Lighthouse, mobile) …`);
    return auditPages(siteUrl, pages, runs, chromePath);
  });
  console.log(`\n${auditTable(audits)}`);
  if (runs > 1) console.log(`\nperformance: the median of ${runs} runs per page`);
  const failed = failures(audits);
  if (failed.length > 0) {
    console.error(`\n${failed.length} score(s) below the bar (performance ≥ ${MINIMUM_SCORE.performance}, the others 100):`);
    for (const f of failed) {
      console.error(`  ${f.page} ${f.category} ${f.score}`);
      const page = audits.find((a) => a.page === f.page)!;
      for (const l of page.lost.filter((x) => x.category === f.category)) console.error(`    - ${l.title} (${l.id}): ${l.detail}`);
    }
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
