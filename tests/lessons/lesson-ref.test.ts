/**
 * Lesson numbers are never typed: prose writes <LessonRef to="slug" />, which prints "lesson 8" /
 * "第 8 课" from CURRICULUM, so reordering the course cannot leave a stale number behind. This reads
 * every MDX page under content/docs (both locales) and refuses a typed "lesson 7", "Lessons 4 and 5"
 * or "第 7 课". The pattern is checked against hand-written samples first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(root, 'content/docs');

const mdxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxFiles(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );

/** "lesson 7", "Lessons 4 and 5", "第 7 课", "第7课", "第 4 课和第 5 课". */
const TYPED = /\blessons?\s+\d|第\s*\d+\s*课/gi;

/** Typed lesson numbers in an MDX source, as `line: text`. */
const typedNumbers = (src: string): string[] =>
  src.split('\n').flatMap((line, i) => [...line.matchAll(TYPED)].map((m) => `${i + 1}: ${m[0]}`));

describe('the typed-lesson-number check itself', () => {
  it('finds typed numbers in both languages', () => {
    expect(typedNumbers('as lesson 7 shows\n(Lessons 4 and 5)\n见第 3 课\n第4课')).toEqual([
      '1: lesson 7',
      '2: Lessons 4',
      '3: 第 3 课',
      '4: 第4课',
    ]);
  });
  it('passes a LessonRef and words that only look alike', () => {
    expect(typedNumbers('as <LessonRef to="conv2d" /> shows; lessons teach; 第一课; 3 lessons')).toEqual([]);
  });
});

describe('lesson pages', () => {
  it.each(mdxFiles(docs).map((f) => relative(root, f)))('%s types no lesson number', (file) => {
    expect(typedNumbers(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });
});
