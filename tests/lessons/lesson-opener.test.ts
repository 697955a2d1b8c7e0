/**
 * Every lesson, in both languages, opens with <LessonOpener> (what the reader will be able to do and
 * what the lesson assumes): its tag is the first thing after the imports. Its items are JSX strings,
 * which the drift test does not read, so they may hold no digits (a number belongs in prose, where
 * a fact computes it); a digit inside a name such as `Conv2D` is fine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRICULUM } from '@lessons/curriculum.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = CURRICULUM.flatMap((slug) => [`content/docs/lessons/${slug}.mdx`, `content/docs/zh-cn/lessons/${slug}.mdx`]);

/** The MDX body after the frontmatter and the import lines, trimmed. */
const body = (src: string): string =>
  src
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => !/^import\s/.test(line))
    .join('\n')
    .trim();

describe.each(pages)('%s', (file) => {
  const src = readFileSync(join(root, file), 'utf8');
  it('opens with <LessonOpener>', () => {
    expect(body(src).startsWith('<LessonOpener')).toBe(true);
  });
  it('has the opener fill both lists, with no digits', () => {
    const tag = /<LessonOpener[\s\S]*?\/>/.exec(src)?.[0] ?? '';
    expect(tag).toMatch(/will=\{\[\s*['"]/);
    expect(tag).toMatch(/assumes=\{\[/);
    // A digit glued to a name (Conv2D, MaxPooling2D) is part of the name, not a number.
    expect(tag).not.toMatch(/(?<!\w)\d/);
  });
});
