/**
 * Chinese pages quote with “ ” (glossary-zh.md). A straight "…" in MDX prose is turned into curly
 * quotes by the Markdown pipeline with English rules, which after a Chinese character picks the
 * closing quote for both ends ("”第二个 Conv2D”"). So zh prose holds no straight double quote
 * around Chinese text, and its curly quotes alternate “ then ”. Code, math, JSX tags and
 * expressions are not prose and are skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'content/docs/zh-cn');
const mdx = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdx(join(d, e.name)) : e.name.endsWith('.mdx') ? [join(d, e.name)] : [],
  );

/** The prose of each line (1-based), with code, math, tags and {expressions} removed. */
function proseLines(src: string): [number, string][] {
  const out: [number, string][] = [];
  let fence = false;
  let frontmatter = 0;
  src.split('\n').forEach((line, i) => {
    if (frontmatter < 2 && line.trim() === '---') return void frontmatter++;
    if (frontmatter < 2) return;
    if (line.startsWith('```')) return void (fence = !fence);
    if (fence || line.startsWith('import ')) return;
    const prose = line
      .replace(/`[^`]*`/g, '')
      .replace(/\$[^$]*\$/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/\{[^}]*\}/g, '');
    out.push([i + 1, prose]);
  });
  return out;
}

/** Quote faults on the lines given: a straight "…" holding Chinese, a “ ” out of turn. */
function quoteFaults(lines: [number, string][]): string[] {
  const faults: string[] = [];
  for (const [n, text] of lines) {
    for (const m of text.matchAll(/"([^"]*)"/g)) if (/\p{Script=Han}/u.test(m[1] ?? '')) faults.push(`${n}: ${m[0]}`);
    let open = false;
    for (const c of text) {
      if (c === '“') {
        if (open) faults.push(`${n}: “ inside “…”`);
        open = true;
      } else if (c === '”') {
        if (!open) faults.push(`${n}: ” with no “`);
        open = false;
      }
    }
  }
  return faults;
}

describe('the quote check itself', () => {
  it('flags straight quotes around Chinese and curly quotes out of turn', () => {
    expect(quoteFaults([[1, '意思是"第二个 Conv2D"，而不是']])).toEqual(['1: "第二个 Conv2D"']);
    expect(quoteFaults([[2, '”第二个 Conv2D”']])).toEqual(['2: ” with no “', '2: ” with no “']);
    expect(
      quoteFaults([
        [3, '“第二个”和“第一个”'],
        [4, '填充 "same" 与 "valid"'],
      ]),
    ).toEqual([]);
  });
});

describe.each(mdx(dir).map((f) => [f.slice(root.length)]))('%s', (file) => {
  it('quotes Chinese with “ ”', () => {
    expect(quoteFaults(proseLines(readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });
});
