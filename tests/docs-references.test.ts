/**
 * Every reference to project knowledge resolves inside the repository: a `docs/<page>.md#<anchor>`
 * citation (and a link between docs pages) names a page that exists and a section it has, and no
 * file cites the documents that used to live outside the repository (the old reference note by its
 * section numbers, or learner mistakes by number).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Generated or installed trees: nothing in them is written by this project. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.astro', '.git', 'coverage']);
const TEXT_FILES = /\.(ts|tsx|mts|js|mjs|cjs|astro|md|mdx|json|py|sh|css|yml|yaml)$|^\.ci\/run$/;

function* projectFiles(dir = ''): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* projectFiles(path);
    } else if (TEXT_FILES.test(path) && join(root, path) !== self && path !== 'package-lock.json') {
      yield path;
    }
  }
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors a Markdown page offers: its headings' slugs (numbered when repeated) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1]!);
  }
  return anchors;
}

const files = [...projectFiles()];
const docsPages = new Map(
  readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, anchorsOf(readFileSync(join(root, 'docs', f), 'utf8'))] as const),
);

interface Citation {
  where: string;
  page: string;
  anchor: string | undefined;
}

/** `docs/page.md#anchor` anywhere, and `(page.md#anchor)` or `(#anchor)` links inside docs/. */
function citationsIn(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const m of line.matchAll(/\bdocs\/([\w.-]+\.md)(?:#([\w-]+))?/g)) found.push({ where, page: m[1]!, anchor: m[2] });
    if (file.startsWith('docs/')) {
      for (const m of line.matchAll(/\]\(([\w.-]+\.md)(?:#([\w-]+))?\)/g)) found.push({ where, page: m[1]!, anchor: m[2] });
      for (const m of line.matchAll(/\]\(#([\w-]+)\)/g)) found.push({ where, page: file.slice('docs/'.length), anchor: m[1] });
    }
  });
  return found;
}

/** Ways of citing knowledge that is not in the repository. */
const OUTSIDE: { what: string; pattern: RegExp }[] = [
  { what: 'the old Keras reference note', pattern: /keras-reference/i },
  { what: 'a learner mistake by number', pattern: /\bmistakes?\s+(?:#\s*)?\d/i },
  { what: 'a section number of a document', pattern: /§\s*\d/ },
  { what: 'a path outside the repository', pattern: /\/work\/shared\b/ },
  { what: 'learner-mistakes.md outside docs/', pattern: /(?<!docs\/|[[(])learner-mistakes\.md/ },
];

describe('docs/ references', () => {
  const texts = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

  it('scans the project (sources, tests, lessons and docs)', () => {
    // A walk that silently found nothing would pass everything below.
    for (const f of ['astro.config.mjs', 'src/calc/conv-arithmetic.ts', 'tests/lessons/drift.test.ts', 'docs/learner-mistakes.md']) {
      expect(files, f).toContain(f);
    }
  });

  it('every docs/<page>.md#<anchor> names a page and a section that exist', () => {
    const broken = [...texts].flatMap(([file, text]) =>
      citationsIn(file, text)
        .filter((c) => !docsPages.has(c.page) || (c.anchor !== undefined && !docsPages.get(c.page)!.has(c.anchor)))
        .map((c) => `${c.where}: docs/${c.page}${c.anchor === undefined ? '' : `#${c.anchor}`}`),
    );
    expect(broken, broken.join('\n')).toEqual([]);
  });

  it('nothing cites knowledge kept outside the repository', () => {
    const outside = [...texts].flatMap(([file, text]) =>
      text
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE.filter(({ pattern }) => pattern.test(line)).map(
            ({ what }) => `${relative(root, join(root, file))}:${i + 1}: ${what}: ${line.trim()}`,
          ),
        ),
    );
    expect(outside, outside.join('\n')).toEqual([]);
  });

  it('reads anchors the way GitHub makes them', () => {
    const page = [
      '## Same padding',
      '### `Conv2D` and friends',
      '## Same padding',
      '<a id="forgot-bias"></a>',
      '```',
      '# not a heading',
      '```',
    ].join('\n');
    expect([...anchorsOf(page)].sort()).toEqual(['conv2d-and-friends', 'forgot-bias', 'same-padding', 'same-padding-1']);
  });
});
