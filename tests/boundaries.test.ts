/**
 * The repository's import boundaries, checked on resolved paths (so relative paths, aliases,
 * dynamic import() and the lessons' .mdx files all count). `npm run lint` checks the same rules
 * by specifier; this test is the one that cannot be fooled by a path spelled another way.
 *
 * - Outside src/calc the engine is reached only through its entry points; tests/calc tests its
 *   internals and may import any of them.
 * - src/calc imports nothing outside itself but packages.
 * - Lesson data (src/lessons) imports no component or island.
 * - Only tests import tests.
 * - One import style: across areas (src/calc, src/lessons, src/i18n, components) the alias, inside
 *   an area a relative path. Root config files load before the aliases exist and stay relative.
 * - What an island loads with the page reaches no layer spec: the engine proper (engine.ts, the
 *   importers, the renderers) comes in by `import()` on the reader's first interaction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The engine's public entry points, as biome.jsonc's noRestrictedImports allows them. */
const ENTRY_POINTS = ['src/calc/basics.ts', 'src/calc/engine.ts', 'src/calc/import.ts', 'src/calc/render.ts'];

/** tsconfig.json's paths: `@calc/*` → `src/calc/`. */
const ALIASES: [string, string][] = Object.entries(
  (JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } })
    .compilerOptions.paths,
).map(([alias, [target]]) => [alias.replace(/\*$/, ''), normalize(target!.replace(/\*$/, '')).replace(/\\/g, '/')]);

const AREAS = ALIASES.map(([, dir]) => dir);
const areaOf = (path: string): string | undefined => AREAS.find((a) => path.startsWith(a));

const SKIP = new Set(['node_modules', 'dist', '.astro', '.git']);
const SOURCE = /\.(ts|tsx|mts|js|mjs|astro|mdx)$/;

function sourceFiles(dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** Every module specifier: `from '…'`, `import '…'`, `import('…')`, `export … from '…'`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

interface Import {
  file: string;
  specifier: string;
  /** Repository-relative path, or undefined for a package. */
  target: string | undefined;
}

function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const specifier = m[1]!;
    const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
    const target = alias
      ? alias[1] + specifier.slice(alias[0].length)
      : specifier.startsWith('.')
        ? relative(root, join(root, dirname(file), specifier)).replace(/\\/g, '/')
        : undefined;
    return { file, specifier, target };
  });
}

/** What is wrong with one import, or undefined. */
function problem({ file, specifier, target }: Import): string | undefined {
  if (target === undefined) return undefined;
  const inCalc = file.startsWith('src/calc/');
  if (target.startsWith('src/calc/') && !inCalc && !file.startsWith('tests/calc/') && !ENTRY_POINTS.includes(target)) {
    return `reaches the engine's internal ${target}; use ${ENTRY_POINTS.join(', ')}`;
  }
  if (inCalc && !target.startsWith('src/calc/')) return `the engine imports ${target}, outside src/calc`;
  if (file.startsWith('src/lessons/') && target.startsWith('components/')) return `lesson data imports ${target}, a component`;
  if (target.startsWith('tests/') && !file.startsWith('tests/')) return `imports the test module ${target}`;
  const from = areaOf(file);
  const to = areaOf(target);
  const isAlias = ALIASES.some(([prefix]) => specifier.startsWith(prefix));
  if (to && from !== to && !isAlias && file.includes('/')) return `crosses into ${to} by a relative path; use its alias`;
  if (to && from === to && isAlias) return `uses an alias inside its own area ${to}; use a relative path`;
  return undefined;
}

// This file's own examples of crossings are strings, not imports.
/** What pulls in layer specs: an island may reach these only through `import()`. */
const HEAVY = [
  'src/calc/engine.ts',
  'src/calc/import.ts',
  'src/calc/render.ts',
  'src/calc/layers/',
  'src/calc/summarize.ts',
  'src/calc/registry.ts',
];

/**
 * Static imports and re-exports, which load with the module. A whole-statement `import type` is
 * erased; `import { type X }` is not (verbatimModuleSyntax keeps the module), and `import()` waits.
 */
const STATIC = /(?:^|[\n;])\s*(?:import|export)(\s+type\b)?[^;'"]*?\bfrom\s*['"]([^'"\n]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"\n]+)['"]/g;

/** Every repository file `file` loads, itself included, following static imports only. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !SOURCE.test(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(root, file), 'utf8');
  for (const m of text.matchAll(STATIC)) {
    if (m[1]) continue;
    const target = importsOf(file, `import '${m[2] ?? m[3]}';`)[0]?.target;
    if (target) staticClosure(target, seen);
  }
  return seen;
}

const files = sourceFiles().filter((f) => f !== 'tests/boundaries.test.ts');
const imports = files.flatMap((f) => importsOf(f, readFileSync(join(root, f), 'utf8')));

describe('import boundaries', () => {
  it('sees the imports it checks (the CLI and a lesson page reach the engine through its entry points)', () => {
    expect(files).toContain('src/cli/run.ts');
    expect(imports.filter((i) => i.file === 'src/cli/run.ts').map((i) => i.target)).toContain('src/calc/engine.ts');
    expect(imports.some((i) => i.file.endsWith('.mdx') && i.target?.startsWith('src/lessons/'))).toBe(true);
  });

  it('would catch each kind of crossing', () => {
    const cases: [string, string][] = [
      ['src/cli/run.ts', "import { summarize } from '../calc/summarize.ts';"],
      ['components/islands/X.tsx', "const m = await import('@calc/registry.ts');"],
      ['src/calc/x.ts', "import en from '../i18n/en/quiz.json';"],
      ['src/lessons/x.ts', "import type { P } from '@components/islands/padding-compare/compare-rows.ts';"],
      ['bench/run.ts', "import { quiet } from '../tests/oracle/tfjs.ts';"],
      ['components/X.astro', "import { fill } from '../src/i18n/fill.ts';"],
      ['src/lessons/x.ts', "import { CURRICULUM } from '@lessons/curriculum.ts';"],
    ];
    for (const [file, line] of cases) expect(importsOf(file, line).map(problem), line).not.toEqual([undefined]);
    expect(importsOf('src/cli/run.ts', "import { summarize } from '@calc/engine.ts';").map(problem)).toEqual([undefined]);
  });

  it('holds across the repository', () => {
    const found = imports.flatMap((i) => {
      const p = problem(i);
      return p ? [`${i.file}: '${i.specifier}' ${p}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('keeps the layer specs out of what an island loads with the page', () => {
    const islands = files.filter((f) => /^components\/islands\/[^/]+\.tsx$/.test(f));
    expect(islands).toContain('components/islands/Calculator.tsx');
    for (const island of islands) {
      expect(
        [...staticClosure(island)].filter((f) => HEAVY.some((h) => f.startsWith(h))),
        island,
      ).toEqual([]);
    }
    // The walk sees through static imports and stops at import(): the calculator loads basics.ts
    // with the page and its engine module on demand, which would bring the specs if loaded statically.
    const calculator = staticClosure('components/islands/Calculator.tsx');
    expect(calculator).toContain('src/calc/basics.ts');
    expect(calculator).not.toContain('components/islands/calculator/engine.ts');
    expect(staticClosure('components/islands/calculator/engine.ts')).toContain('src/calc/engine.ts');
  });

  it('lists the same entry points as the lint rule', () => {
    const lint = readFileSync(join(root, 'biome.jsonc'), 'utf8');
    const allowed = [...lint.matchAll(/"!@calc\/([^"]+)"/g)].map((m) => `src/calc/${m[1]}`);
    expect([...new Set(allowed)].sort()).toEqual([...ENTRY_POINTS].sort());
  });
});
