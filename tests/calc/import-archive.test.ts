/**
 * `.keras` archives (docs/model-files.md#keras-archive): a ZIP of metadata.json, config.json and weights.
 * Each archive here is zipped in the test from a golden model.json that real Keras wrote, so the
 * expected rows are what Keras printed for that model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectAndImport } from '@calc/import/detect.ts';
import { isZip } from '@calc/import/keras-archive.ts';
import { summarize } from '@calc/summarize.ts';

const golden = (id: string) => {
  const dir = join(import.meta.dirname, '../golden/keras3', id);
  return { json: readFileSync(join(dir, 'model.json'), 'utf8'), expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) };
};
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../cli/fixtures', name), 'utf8');

const METADATA = JSON.stringify({ keras_version: '3.16.0', date_saved: '2026-11-27@18:04:11' });
/** Stand-in weights: never unpacked, so their content does not matter. */
const WEIGHTS = new Uint8Array(4096).fill(7);

/** A .keras file in Keras's entry order; `level` 0 is Keras's ZIP_STORED, 6 a deflated zip. */
function archive(config: string, level: 0 | 6 = 0, extra: Zippable = {}): Uint8Array {
  return zipSync({ 'metadata.json': strToU8(METADATA), 'config.json': strToU8(config), 'model.weights.h5': WEIGHTS, ...extra }, { level });
}

function rowsOf(bytes: Uint8Array) {
  const r = detectAndImport(bytes, 'model.keras');
  if (!r.ok) throw new Error(`did not import: ${r.error.path ?? ''} ${r.error.message}`);
  expect(r.value.format).toBe('keras-archive');
  const s = summarize(r.value.model);
  expect(s.error).toBeUndefined();
  return { s, model: r.value.model };
}

const GOLDENS = ['r1001-000', 'r1001-001', 'r1001-005'];

describe('.keras archives built from golden models', () => {
  it.each(GOLDENS)('%s, entries stored: every row and total as Keras printed them', (id) => {
    const g = golden(id);
    const { s, model } = rowsOf(archive(g.json));
    expect(model.dialect).toBe('keras3');
    expect(s.name).toBe(g.expected.name);
    expect(s.rows.map((r) => r.params)).toEqual(g.expected.layers.map((l: { params: number }) => l.params));
    expect({ params: s.totals.params, trainable: s.totals.trainable, nonTrainable: s.totals.nonTrainable }).toEqual(g.expected.totals);
  });

  it.each(GOLDENS)('%s, entries deflated: the same totals', (id) => {
    const g = golden(id);
    expect(rowsOf(archive(g.json, 6)).s.totals.params).toBe(g.expected.totals.params);
  });

  it('ignores the "shared_object_id" keys Keras adds to objects it serialized more than once', () => {
    const g = golden('r1001-000');
    const config = JSON.parse(g.json);
    for (const layer of config.config.layers) layer.shared_object_id = 140_000_000_000 + layer.config.name.length;
    expect(rowsOf(archive(JSON.stringify(config))).s.totals.params).toBe(g.expected.totals.params);
  });

  it('takes the dialect from metadata.json: a tf.keras 2.15 archive is read as tf.keras', () => {
    const config = JSON.parse(fixture('tutorial-tf-keras-2.15.json'));
    delete config.keras_version;
    const bytes = zipSync({
      'metadata.json': strToU8('{"keras_version": "2.15.0", "date_saved": "2024-01-02@03:04:05"}'),
      'config.json': strToU8(JSON.stringify(config)),
    });
    const { s, model } = rowsOf(bytes);
    expect(model.dialect).toBe('tf.keras');
    expect(s.totals.params).toBe(93_322);
  });

  it('recognises a zip by its first bytes', () => {
    expect(isZip(archive('{}'))).toBe(true);
    expect(isZip(strToU8('{"class_name": "Sequential"}'))).toBe(false);
  });
});

describe('archives that are not models', () => {
  const problem = (bytes: Uint8Array) => {
    const r = detectAndImport(bytes, 'model.keras');
    if (r.ok) throw new Error('imported, but a diagnostic was expected');
    return r.error;
  };

  it('a zip without config.json names what it does hold', () => {
    const e = problem(zipSync({ 'readme.txt': strToU8('hi'), 'model.weights.h5': WEIGHTS }));
    expect(e.message).toBe('this ZIP archive has no config.json, so it is not a .keras model file (it holds readme.txt, model.weights.h5)');
  });

  it('an empty zip', () => {
    expect(problem(zipSync({})).message).toContain('it is empty');
  });

  it('broken JSON in config.json is located inside config.json', () => {
    const e = problem(archive('{\n  "class_name": "Sequential",\n  "config": x\n}'));
    expect(e).toMatchObject({ path: 'config.json', line: 3, column: 13 });
    expect(e.message).toContain('this is not valid JSON');
  });

  it('a structural problem in config.json carries the path inside it', () => {
    const e = problem(archive('{"class_name": "Sequential", "config": {"name": "s", "layers": [42]}}'));
    expect(e.path).toBe('config.json › config.layers[0]');
  });

  it('a truncated zip is a diagnostic, not an exception', () => {
    const bytes = archive(golden('r1001-000').json);
    expect(problem(bytes.slice(0, 100)).message).toContain('cannot be read');
  });
});
