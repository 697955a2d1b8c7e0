/**
 * No number can drift: every number a reader sees in a lesson (both locales; prose, headings,
 * tables, code blocks, math) is 0–10, derived by src/calc from the lesson
 * module's facts, or listed with a reason in `otherNumbers`. So a typed `18,469` fails here, and
 * `18,496` passes only because a fact computes it. Also: every lesson exists in both locales, embeds
 * an island and ends with its exercise set (tests/exercises/sets.test.ts checks the set itself).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRICULUM } from '@lessons/curriculum.ts';
import { derivedNumbers } from '@lessons/facts.ts';
import type { LessonModule } from '@lessons/types.ts';
import { driftProblems, numbersInMdx, numbersInText, type Allowance } from './mdx-numbers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LOCALE_DIRS = { en: 'content/docs/lessons', 'zh-cn': 'content/docs/zh-cn/lessons' } as const;
const ISLANDS = ['Calculator', 'PoolingGrid', 'SummaryExplorer', 'ModelEditor', 'PaddingCompare'];

const slugsIn = (dir: string): string[] =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.slice(0, -4))
        .sort()
    : [];

const slugs = [...new Set(Object.values(LOCALE_DIRS).flatMap(slugsIn))].sort();

/** A lesson module as its MDX imports it. */
async function lessonModule(slug: string): Promise<LessonModule> {
  const mod = (await import(`../../src/lessons/${slug}.ts`)) as Partial<LessonModule> & { lesson?: LessonModule };
  return mod.lesson ?? { facts: mod.facts ?? {}, calculators: mod.calculators ?? {}, otherNumbers: mod.otherNumbers ?? [] };
}

const allowanceOf = (lesson: LessonModule): Allowance => ({
  derived: derivedNumbers(lesson),
  other: lesson.otherNumbers.map((o) => o.value),
});

describe('the drift check itself', () => {
  const facts = { second: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, input: [null, 13, 13, 32] } };
  const lesson: LessonModule = { facts, calculators: {}, otherNumbers: [{ value: 1998, why: 'the year LeNet-5 was published' }] };
  const allowance = allowanceOf(lesson);
  const mdx = [
    '---',
    'title: Conv2D 99999',
    '---',
    "import Fact from '@components/Fact.astro';",
    "import { facts } from '@lessons/x.ts';",
    '',
    'The second convolution has <Fact of={facts.second} show="params" min={77777} /> parameters,',
    'that is 18,496 = 64 × 289, since 288 + 1 = 289. Its kernel is 3×3×32×64 (or 3x3x32x64) and in 1998',
    'LeNet used 5 × 5 kernels; `conv2d_1` and VGG16 are names. See [the paper](https://arxiv.org/abs/1409.1556).',
    '{/* 55555 is a comment */}',
    '',
    '| layer | params |',
    '| --- | --- |',
    '| conv2d_1 | 18,469 |',
    '',
    '```python title="model.py" {12-13}',
    'layers.Conv2D(64, 3)  # 18496',
    'layers.Dense(123)',
    '```',
    '',
    '$$',
    '\\text{params} = 64 \\times (32 \\times 9 + 1) = 18\\,496 \\neq 4242',
    '$$',
    '',
    '<Calculator',
    '  preset={calculators.other}',
    '  start={31337}',
    '/>',
    'Its output is 11 × 11 × 64 and $13 - 3 + 1 = 11$; 7 of 8.5 and 1e-3 are small.',
  ].join('\n');
  const problems = driftProblems('synthetic.mdx', numbersInMdx(mdx), allowance);

  it('flags a mistyped count in a table (18,469 for 18,496) with its file and line', () => {
    expect(problems).toContain("synthetic.mdx:14: 18,469 is not computed from the lesson's facts, is not 0–10, and is not in otherNumbers");
  });

  it('flags numbers in code blocks and math that no fact computes', () => {
    expect(problems.some((p) => p.startsWith('synthetic.mdx:18: 123 '))).toBe(true);
    expect(problems.some((p) => p.startsWith('synthetic.mdx:22: 4242 '))).toBe(true);
  });

  it('flags nothing else: derived numbers, small numbers, otherNumbers, names, URLs, JSX and frontmatter pass', () => {
    expect(problems, problems.join('\n')).toHaveLength(3);
  });

  it('reads digit groups, decimals, exponents and 11x11 as numbers, with their lines', () => {
    const tokens = numbersInText('18,496 and 18\u202f496, 3.5, 1e-3, 11x11x64, conv2d_1, 3D, float32\nnext: 93322');
    expect(tokens.map((t) => [t.text, t.value, t.line])).toEqual([
      ['18,496', 18496, 1],
      ['18\u202f496', 18496, 1],
      ['3.5', 3.5, 1],
      ['1e-3', 0.001, 1],
      ['11', 11, 1],
      ['11', 11, 1],
      ['64', 64, 1],
      ['93322', 93322, 2],
    ]);
  });

  it('reads numbers glued to Chinese text', () => {
    expect(numbersInText('第2个卷积层有18,496个参数').map((t) => t.value)).toEqual([2, 18496]);
  });
});

describe.each(slugs)('lesson %s', (slug) => {
  it('exists in English and Chinese', () => {
    for (const [locale, dir] of Object.entries(LOCALE_DIRS)) {
      expect(existsSync(join(root, dir, `${slug}.mdx`)), `${dir}/${slug}.mdx (${locale})`).toBe(true);
    }
    expect(existsSync(join(root, 'src/lessons', `${slug}.ts`)), `src/lessons/${slug}.ts`).toBe(true);
  });

  it('gives a reason for each of its otherNumbers', async () => {
    const lesson = await lessonModule(slug);
    for (const o of lesson.otherNumbers) expect(o.why.trim(), `otherNumbers ${o.value}`).not.toBe('');
  });

  for (const [locale, dir] of Object.entries(LOCALE_DIRS)) {
    const file = join(root, dir, `${slug}.mdx`);
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');

    it(`embeds an island and ends with its exercise set (${locale})`, () => {
      const used = ISLANDS.filter((name) => new RegExp(`<${name}[\\s/>]`).test(source));
      expect(used, `${dir}/${slug}.mdx embeds none of ${ISLANDS.join(', ')}`).not.toEqual([]);
      expect(source, `${dir}/${slug}.mdx has no <ExerciseSet lesson="${slug}" />`).toContain(`<ExerciseSet lesson="${slug}" />`);
    });

    it(`has no number that src/calc does not compute (${locale})`, async () => {
      const lesson = await lessonModule(slug);
      const problems = driftProblems(relative(root, file), numbersInMdx(source), allowanceOf(lesson));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe('the curriculum', () => {
  it.each(CURRICULUM)('has the lesson %s in both languages', (slug) => {
    for (const dir of Object.values(LOCALE_DIRS)) expect(existsSync(join(root, dir, `${slug}.mdx`)), `${dir}/${slug}.mdx`).toBe(true);
  });

  it('lists every lesson on disk, so none falls to the end of the sidebar unordered', () => {
    expect(slugs.filter((slug) => !(CURRICULUM as readonly string[]).includes(slug))).toEqual([]);
  });

  it('is the only order: no lesson page sets a sidebar order of its own', () => {
    const pages = Object.values(LOCALE_DIRS).flatMap((dir) => slugsIn(dir).map((slug) => join(dir, `${slug}.mdx`)));
    const frontmatter = (file: string): string => /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, file), 'utf8'))?.[1] ?? '';
    expect(pages.filter((file) => /^sidebar:/m.test(frontmatter(file)))).toEqual([]);
  });
});
