/**
 * Every diagnostic the engine (or a calculator) can emit has a learner's template in both
 * languages, and the Chinese templates are Chinese. The codes are read from the source itself:
 * the catalogue in src/calc/diagnostics.ts and every code written at a place that emits one, so a
 * code added anywhere without its words fails here, not on a Chinese page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownTypes, layerSpecs, resolveLayer } from '@calc/engine.ts';
import { diagnosticStrings, locales } from '@i18n/index.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Every .ts/.tsx file under a folder of the repository. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

/** The catalogue's keys, as written in the `english` table of src/calc/diagnostics.ts. */
function catalogue(): string[] {
  const text = read('src/calc/diagnostics.ts');
  const start = text.indexOf('export const english = {');
  const end = text.indexOf('} satisfies Record<string', start);
  expect(start, 'the english table').toBeGreaterThan(0);
  return [...text.slice(start, end).matchAll(/^ {2}'([a-z0-9-]+)':/gm)].map((m) => m[1]!);
}

/**
 * Codes written where one is emitted: the first argument of fail / diagnostic / refuse / codeText /
 * new LayerProblem (either branch of a `?:` there), and `code: '…'` in a problem value.
 */
function emitted(): Map<string, string> {
  const found = new Map<string, string>();
  // every code has a dash (`json-empty`), which the editor's one-letter URL codes (`code: 'c'`) do not
  const code = "'([a-z0-9]+(?:-[a-z0-9]+)+)'";
  const call = new RegExp(`\\b(?:fail|diagnostic|refuse|codeText|LayerProblem)\\(\\s*(?:[^'"(),]*\\?\\s*${code}\\s*:\\s*)?${code}`, 'g');
  const field = new RegExp(`\\bcode:\\s*${code}`, 'g');
  for (const file of [...sources('src'), ...sources('components')]) {
    const text = read(file);
    for (const m of text.matchAll(call)) for (const c of [m[1], m[2]]) if (c) found.set(c, file);
    for (const m of text.matchAll(field)) found.set(m[1]!, file);
  }
  return found;
}

describe('diagnostic codes, read from the source', () => {
  const codes = catalogue();
  const written = emitted();

  it('finds the catalogue and the places that emit codes', () => {
    expect(codes.length).toBeGreaterThan(150);
    // a code the engine emits for a kernel that does not fit, and one the calculators emit for a typed size
    expect(written.has('kernel-does-not-fit')).toBe(true);
    expect(written.has('size-too-large')).toBe(true);
  });
  it('every emitted code is in the catalogue', () => {
    for (const [code, file] of written) expect(codes, `${code} (${file})`).toContain(code);
  });
  for (const locale of locales) {
    it(`${locale} has a template for every code in the catalogue and no other`, () => {
      expect(Object.keys(diagnosticStrings[locale].codes).sort()).toEqual([...codes].sort());
      for (const code of codes) expect(diagnosticStrings[locale].codes[code as never], code).toMatch(/\S/);
    });
  }
});

/**
 * Names a Chinese sentence keeps in Latin letters: what the reader types or reads in Keras code.
 * Layer classes (and their families: `AveragePooling`, `ConvLSTM`), argument and weight names come
 * from the registry; the rest are names of products, formats and Python/JSON literals.
 */
function identifiers(): Set<string> {
  const names = new Set<string>(knownTypes());
  for (const [type, spec] of layerSpecs) {
    const defaults = typeof spec.defaults === 'function' ? spec.defaults('keras3') : spec.defaults;
    for (const k of [...Object.keys(defaults), ...Object.keys(spec.example.args)]) names.add(k);
    const r = resolveLayer({ type, args: spec.example.args }, spec.example.input, spec.example.dialect);
    if (r.ok) for (const w of r.row.weights) names.add(w.name);
  }
  for (const n of [
    'Keras',
    'Param',
    'Lab',
    'Python',
    'JSON',
    'ZIP',
    'NumPy',
    'HDF5',
    'UTF',
    'tfjs',
    'TensorFlow',
    'gzip',
    'deflate',
    'einsum',
  ])
    names.add(n);
  for (const n of ['True', 'False', 'None', 'null']) names.add(n);
  // Keras's model classes, and the cells an RNN layer takes (src/calc/layers/recurrent.ts)
  for (const n of ['Sequential', 'Input', 'SimpleRNNCell', 'LSTMCell', 'GRUCell', 'StackedRNNCells']) names.add(n);
  return names;
}

/** The Latin words of a template that are not code: placeholders, quoted text, bracketed lists and escapes removed. */
function latinWords(template: string): string[] {
  const prose = template
    .replace(/\{\w+\}/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\\[a-z]/g, ' ');
  // a word with code punctuation or digits (model.to_json(), float32, mixed_float16) is code
  return prose
    .split(/[^A-Za-z0-9_.()=-]+/)
    .filter((w) => /[A-Za-z]/.test(w) && !/[_.()=\d]/.test(w))
    .map((w) => w.replace(/^-+|-+$/g, ''));
}

describe('Chinese diagnostics', () => {
  const names = identifiers();
  const types = knownTypes();
  /** An identifier, a camelCase name (modelTopology), or the family a class name starts with (AveragePooling2D). */
  const isIdentifier = (w: string): boolean =>
    names.has(w) || /^[a-z]+[A-Z]/.test(w) || types.some((t) => t.startsWith(w) && /^[A-Z]/.test(w));
  it('zh-cn templates hold no English words, only identifiers', () => {
    const strings = diagnosticStrings['zh-cn'];
    const english: string[] = [];
    for (const [key, template] of [...Object.entries(strings.codes), ...Object.entries(strings.terms)]) {
      for (const w of latinWords(template)) if (!isIdentifier(w)) english.push(`${key}: ${w}`);
    }
    expect(english).toEqual([]);
  });
  it('the check catches English in a Chinese sentence', () => {
    expect(latinWords('{arg} must be at least {min}，你输入的是 {entered}。').filter((w) => !isIdentifier(w))).toEqual([
      'must',
      'be',
      'at',
      'least',
    ]);
    expect(latinWords('Conv2D 的 kernel_size 与 model.to_json() 以及 "valid"').filter((w) => !isIdentifier(w))).toEqual([]);
  });
});
