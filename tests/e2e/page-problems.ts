/**
 * What went wrong on a page, as lines a failed `expect(problems).toEqual([])` can show. Each kind
 * has its own listener, so a test watches only what it can hold its page to.
 */
import type { Page } from 'playwright-core';

const WATCHERS = {
  console: (page: Page, problems: string[]) =>
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`)),
  uncaught: (page: Page, problems: string[]) => page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`)),
  requestFailed: (page: Page, problems: string[]) =>
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`)),
  httpError: (page: Page, problems: string[]) =>
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url()}`)),
};

export type ProblemKind = keyof typeof WATCHERS;

const ALL_KINDS = Object.keys(WATCHERS) as ProblemKind[];

/** Record these kinds of trouble on `page` (all of them unless named) into `problems`, and return it. */
export function watchProblems(page: Page, kinds: readonly ProblemKind[] = ALL_KINDS, problems: string[] = []): string[] {
  for (const kind of kinds) WATCHERS[kind](page, problems);
  return problems;
}
