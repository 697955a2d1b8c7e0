/**
 * The Python reader on hostile and broken code: random text, real scripts cut anywhere or sprayed
 * with random bytes, deep nesting, huge inputs and endless loops. It must always answer — a model
 * or one located diagnostic — and never throw or run past its step budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import { loadGoldens } from '../golden/golden.ts';

const scripts = loadGoldens()
  .slice(0, 40)
  .map((g) => g.python);

/** Read the code and everything it builds; any failure must be a located, printable diagnostic. */
function answers(code: string): void {
  const r = readPython(code);
  if (!r.ok) {
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.column).toBeGreaterThanOrEqual(1);
    expect(r.error.message).not.toMatch(/NaN|undefined|\[object/);
    return;
  }
  for (const m of r.value.models) {
    if (m.problem) expect(m.problem.message).not.toMatch(/NaN|undefined|\[object/);
    const s = summarize(m.model);
    if (s.error) expect(s.error.message).not.toMatch(/NaN|\[object/);
  }
  for (const n of r.value.notes) expect(n.line).toBeGreaterThanOrEqual(1);
}

describe('the Python reader never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), answers), { seed: 8, numRuns: 300 });
  });

  it('on Python-looking token soup', () => {
    const token = fc.constantFrom(
      'import keras\n',
      'from keras import layers\n',
      'x = ',
      'layers.Dense(',
      'keras.Input(shape=(',
      'keras.Sequential([',
      'keras.Model(',
      ')',
      ']',
      ', ',
      '4',
      '-1',
      'None',
      'x',
      '(x)',
      '\n',
      '    ',
      'for i in range(3):\n',
      'def f(a, b=2):\n',
      'return a\n',
      'if x:\n',
      'while x:\n',
      'model.summary()\n',
      '**',
      '*',
      'lambda y: y',
      'class C(layers.Layer):\n',
      'self.add_weight(shape=(x, 2))',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => answers(tokens.join(''))),
      { seed: 8, numRuns: 300 },
    );
  });

  it('on real scripts cut anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scripts), fc.nat(), (code, at) => answers(code.slice(0, at % (code.length + 1)))),
      { seed: 8, numRuns: 300 },
    );
  });

  it('on real scripts with random characters written over them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scripts),
        fc.array(fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })), { maxLength: 6 }),
        (code, edits) => {
          let text = code;
          for (const [at, s] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + s + text.slice(i + s.length);
          }
          answers(text);
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });

  it('on real scripts with lines swapped, repeated or dropped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scripts), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (code, picks) => {
        const lines = code.split('\n');
        answers(picks.map((p) => lines[p % lines.length]).join('\n'));
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});

describe('the Python reader always ends', () => {
  it.each([
    ['an endless loop', 'while True:\n    x = 1\n'],
    ['nested loops of 10⁹ steps', 'for a in range(10**5):\n    for b in range(10**4):\n        pass\n'],
    ['mutual recursion', 'def f(n):\n    return g(n)\ndef g(n):\n    return f(n)\nf(1)\n'],
    ['a string grown without end', 's = "x"\nwhile True:\n    s = s + s\n'],
    ['a list comprehension of 10⁹ items', 'x = [i for i in range(10**9)]\n'],
    ['an exponent tower', 'x = 2 ** 2 ** 2 ** 2 ** 2 ** 2\n'],
    ['10,000 nested lists', `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000 nested calls', `x = ${'f('.repeat(10_000)}1${')'.repeat(10_000)}\n`],
    ['a 10,000-term sum', `x = ${Array.from({ length: 10_000 }, () => '1').join(' + ')}\n`],
  ])('%s', (_what, code) => answers(code));

  it('a megabyte of code', () => {
    const line = 'model.add(layers.Dense(8))  # a comment to make the line longer than it needs to be\n';
    const code = `import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(8,))])\n${line.repeat(Math.ceil(1_048_576 / line.length))}`;
    expect(code.length).toBeGreaterThan(1_000_000);
    answers(code);
  });
});
