/**
 * Real model files (Keras 3 goldens, tf.keras 2.1–2.12 JSON, a tfjs converter model.json) with one
 * to three values or keys replaced by hostile ones: prototype keys, sizes past 2^53 − 1, control
 * characters, wrong types, dangling references. Whatever the damage, the CLI prints a summary with
 * exact numbers or one located error line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROKEN_NUMBER, cli, isOneErrorLine, PROTOTYPE_KEYS, RAW_CONTROL } from './hostile-input.ts';

const root = join(import.meta.dirname, '../..');
const FILES = [
  'tests/golden/keras3/r1001-000/model.json',
  'tests/golden/keras3/r1001-005/model.json',
  'tests/golden/keras3/r1001-011/model.json',
  'tests/cli/fixtures/functional-tf-keras-2.12.json',
  'tests/cli/fixtures/shared-dense-tf-keras-2.12.json',
  'tests/cli/fixtures/gru-keras-2.1.2-list.json',
  'tests/cli/fixtures/two-inputs-keras-2.3.1.json',
  'tests/cli/fixtures/tutorial-tfjs-converter-2.15.model.json',
];
const models: unknown[] = FILES.map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')));

type Path = (string | number)[];

/** Every path to a value inside `v`, the root excepted. */
function pathsIn(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsIn(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsIn((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}
const paths = models.map((m) => pathsIn(m));

const hostileValue = fc.constantFrom<unknown>(
  0,
  -1,
  0.5,
  2 ** 53,
  1e200,
  1e308,
  null,
  true,
  '',
  '\u001b[2J',
  '🚀\u202e',
  [],
  {},
  [null],
  [[]],
  { class_name: 'constructor', config: {} },
  ['constructor', 0, 0],
  ['x', 1e9, 0],
  [9007199254740991, 9007199254740991],
  ...PROTOTYPE_KEYS,
);

/** Replace the value at `path`, or (rename) move it under a hostile key. */
function damage(model: unknown, path: Path, value: unknown, rename: boolean): void {
  let parent = model as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (rename && !Array.isArray(parent) && typeof value === 'string') {
    const moved = parent[key];
    delete parent[key];
    // defineProperty, so that a key named __proto__ becomes a key, as JSON.parse would make it.
    Object.defineProperty(parent, value, { value: moved, enumerable: true, configurable: true, writable: true });
  } else {
    parent[key] = value;
  }
}

describe('damaged real model files', () => {
  it('a summary with exact numbers, or one located error line (exit 2)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(models.length - 1),
        fc.array(fc.tuple(fc.nat(), hostileValue, fc.boolean()), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('keras3', 'keras2', 'json'),
        async (which, edits, format) => {
          const model = structuredClone(models[which]);
          for (const [at, value, rename] of edits) {
            const path = paths[which]![at % paths[which]!.length]!;
            try {
              damage(model, path, value, rename);
            } catch {
              // An earlier edit replaced a container on this path; this edit has nothing to damage.
            }
          }
          const r = await cli(JSON.stringify(model), format);
          if (r.code === 0) {
            expect(r.stdout).not.toMatch(BROKEN_NUMBER);
            expect(r.stdout).not.toMatch(RAW_CONTROL);
          } else {
            expect(isOneErrorLine(r), r.stderr).toBe(true);
          }
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });
});
