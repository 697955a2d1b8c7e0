/**
 * detectAndImport: one entry for every kind of input, and one clear diagnostic — never an
 * exception — for everything that is not a model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectAndImport, readInput } from '@calc/import/detect.ts';
import { summarize } from '@calc/summarize.ts';
import type { Diagnostic } from '@calc/types.ts';
import { loadGoldens } from '../golden/golden.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../cli/fixtures', name), 'utf8');

function problem(input: Uint8Array | string, filename?: string): Diagnostic {
  const r = detectAndImport(input, filename);
  if (r.ok) throw new Error('imported, but a diagnostic was expected');
  return r.error;
}

/** A model that imports but cannot be resolved: the diagnostic comes from summarize. */
function summaryProblem(json: unknown): Diagnostic {
  const r = detectAndImport(JSON.stringify(json));
  if (!r.ok) throw new Error(`did not import: ${r.error.message}`);
  const s = summarize(r.value.model);
  if (!s.error) throw new Error('summarized, but a diagnostic was expected');
  return s.error;
}

describe('what each input is detected as', () => {
  it('all 400 Keras 3 goldens are Keras 3 JSON', () => {
    const formats = new Set(
      loadGoldens().map((g) => {
        const r = detectAndImport(g.json, 'model.json');
        return r.ok ? `${r.value.format}/${r.value.model.dialect}` : `error: ${r.error.message}`;
      }),
    );
    expect([...formats]).toEqual(['keras3-json/keras3']);
  });

  it.each([
    ['tutorial-tf-keras-2.12.json', 'keras2-json', 'tf.keras'],
    ['tutorial-tf-keras-2.15.json', 'keras2-json', 'tf.keras'],
    ['tutorial-keras-2.1.6-list.json', 'keras2-json', 'keras-mb'],
    ['two-inputs-keras-2.3.1.json', 'keras2-json', 'keras-mb'],
    ['tfjs-dense.model.json', 'tfjs', 'tfjs'],
    ['tutorial-tfjs-converter-2.15.model.json', 'tfjs', 'tf.keras'],
  ])('%s → %s (%s)', (name, format, dialect) => {
    const r = detectAndImport(strToU8(fixture(name)), name);
    expect(r.ok && { format: r.value.format, dialect: r.value.model.dialect }).toEqual({ format, dialect });
  });

  it('a .keras zip, as bytes', () => {
    const r = detectAndImport(zipSync({ 'config.json': strToU8(fixture('tutorial-tf-keras-2.12.json')) }));
    expect(r.ok && r.value.format).toBe('keras-archive');
  });

  it('reads UTF-8 with a byte-order mark, and the UTF-16 PowerShell writes', () => {
    const text = fixture('functional-tf-keras-2.12.json');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    expect(detectAndImport(utf16).ok).toBe(true);
    expect(detectAndImport(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])).ok).toBe(true);
    expect(detectAndImport(`\uFEFF${text}`).ok).toBe(true);
  });
});

describe('odd and hostile input: one clear diagnostic each', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'the file is empty'],
    ['an empty string', '', 'the file is empty'],
    ['white space', ' \n\t\n', 'the file holds only white space'],
    ['a JSON list', '[1, 2, 3]', 'this JSON is a list of 3 items, not a Keras model'],
    ['a JSON number', '42', 'this JSON is the number 42, not a Keras model'],
    ['a JSON string', '"model"', 'this JSON is the string "model", not a Keras model'],
    ['JSON null', 'null', 'this JSON is null, not a Keras model'],
    ['an object without class_name', '{"name": "x", "units": 3}', 'it has no "class_name" (its keys are "name", "units")'],
  ])('%s', (_what, input, message) => {
    expect(problem(input).message).toContain(message);
  });

  it('50 MB of nesting', () => {
    const half = 25 * 1024 * 1024;
    const e = problem(strToU8('['.repeat(half) + ']'.repeat(half)));
    expect(e.message).toContain('nest more than 1,000 levels deep');
    expect(e.line).toBe(1);
  });

  it('deep nesting hidden inside a layer argument', () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const e = problem(`{"class_name": "Sequential", "config": {"layers": [\n{"class_name": "Dense", "config": {"units": ${deep}}}]}}`);
    expect(e.line).toBe(2);
  });

  it('broken JSON gives line and column', () => {
    expect(problem('{\n  "class_name": "Sequential",\n  "config": {"layers": [}\n}')).toMatchObject({ line: 3, column: 25 });
  });

  it('Python source is read as code, the model it builds', () => {
    const r = detectAndImport(
      '# my model\nimport keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])\n',
      'model.py',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('python');
    // 3 × 2 + 2
    expect(summarize(r.value.model).totals.params).toBe(8);
  });

  it('a .py file is Python even when it starts with a call, and Python that is not valid says where', () => {
    expect(problem('keras.Sequential([\n', 'm.py')).toMatchObject({ code: 'python-syntax', line: 2 });
  });

  it('readInput reads a printout as one, and a model file as a model', () => {
    const printout = readInput(fixture('tutorial.keras2.txt'));
    expect(printout.ok && printout.value.kind).toBe('printout');
    const model = readInput(readFileSync(join(import.meta.dirname, '../golden/keras3/r1001-000/model.json'), 'utf8'));
    expect(model.ok && model.value.kind).toBe('model');
  });

  it('a pasted model.summary() printout', () => {
    const e = problem('Model: "sequential"\n┏━━━┓\n Total params: 93,322 (364.54 KB)\n');
    expect(e.line).toBe(3);
    expect(e.message).toContain('model.summary() printed');
  });

  it('an HDF5 file', () => {
    expect(problem(new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])).message).toContain('HDF5 (.h5)');
  });

  it('a gzip file', () => {
    expect(problem(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])).message).toContain('gzip');
  });

  it('random binary', () => {
    expect(problem(new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0xfd, 0])).message).toContain('neither text nor a .keras (ZIP) archive');
  });

  it('a zip without config.json', () => {
    expect(problem(zipSync({ 'weights.bin': new Uint8Array(8) })).message).toContain('no config.json');
  });

  it('bytes that start like a zip and are not one', () => {
    expect(problem(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])).message).toContain('cannot be read');
  });

  it('a model with a cycle: located at a layer of the cycle', () => {
    const dense = (name: string, from: string) => ({
      class_name: 'Dense',
      name,
      config: { name, units: 2 },
      inbound_nodes: [[[from, 0, 0, {}]]],
    });
    const e = summaryProblem({
      class_name: 'Functional',
      config: {
        name: 'loop',
        layers: [
          { class_name: 'InputLayer', name: 'input_1', config: { batch_input_shape: [null, 2], name: 'input_1' }, inbound_nodes: [] },
          dense('a', 'b'),
          dense('b', 'a'),
        ],
        input_layers: [['input_1', 0, 0]],
        output_layers: [['b', 0, 0]],
      },
      keras_version: '2.12.0',
    });
    expect(['a', 'b']).toContain(e.layer);
    expect(e.message).toContain('cycle');
  });

  it('an unknown layer class names the layer and the class', () => {
    const e = summaryProblem({
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], name: 'in' } },
          { class_name: 'MyFancyLayer', config: { name: 'fancy' } },
        ],
      },
      keras_version: '2.12.0',
    });
    expect(e).toMatchObject({ layer: 'fancy', layerType: 'MyFancyLayer' });
  });

  it('a call index that is not a whole number (found by the property below: keras_history [name, -5e-324, 0])', () => {
    const json = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/keras3/r1001-047/model.json'), 'utf8'));
    json.config.layers[3].inbound_nodes[0].args[0].config.keras_history[1] = -5e-324;
    expect(problem(JSON.stringify(json))).toMatchObject({
      path: 'config.layers[3].inbound_nodes[0].args[0].config.keras_history',
      message: expect.stringContaining('whole numbers'),
    });
    const legacy = JSON.parse(fixture('functional-tf-keras-2.12.json'));
    legacy.config.layers[1].inbound_nodes[0][0][1] = 0.5;
    expect(problem(JSON.stringify(legacy))).toMatchObject({ path: 'config.layers[1].inbound_nodes[0][0]' });
  });

  it('a layer list that is not a list', () => {
    expect(problem('{"class_name": "Sequential", "config": {"layers": 7}}')).toMatchObject({
      path: 'config.layers',
      message: 'expected a list of layers',
    });
  });
});

describe('never an exception', () => {
  const models = [
    'tutorial-tf-keras-2.12.json',
    'two-inputs-keras-2.3.1.json',
    'tutorial-tfjs-converter-2.15.model.json',
    'shared-dense-tf-keras-2.12.json',
  ].map((n) => JSON.parse(fixture(n)));
  models.push(
    ...['r1001-000', 'r1001-047', 'r1001-114'].map((id) =>
      JSON.parse(readFileSync(join(import.meta.dirname, '../golden/keras3', id, 'model.json'), 'utf8')),
    ),
  );

  type Path = (string | number)[];
  /** Every place in a JSON value, as key paths. */
  const placesIn = (v: unknown, at: Path = [], out: Path[] = []): Path[] => {
    out.push(at);
    if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) placesIn(x, [...at, Array.isArray(v) ? Number(k) : k], out);
    return out;
  };
  const replaced = (v: unknown, at: Path, by: unknown): unknown => {
    if (at.length === 0) return by;
    const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
    copy[at[0]!] = replaced((v as Record<string | number, unknown>)[at[0]!], at.slice(1), by);
    return copy;
  };

  it('any JSON value put anywhere in a real model: a model or a diagnostic, and summarize answers too', () => {
    fc.assert(
      fc.property(fc.nat(models.length - 1), fc.nat(), fc.jsonValue({ maxDepth: 3 }), (m, place, value) => {
        const model = models[m];
        const places = placesIn(model);
        const r = detectAndImport(JSON.stringify(replaced(model, places[place % places.length]!, value)));
        if (r.ok) summarize(r.value.model);
      }),
      { numRuns: 500 },
    );
  });

  it('any prefix of a real model file', () => {
    const text = fixture('two-inputs-keras-2.3.1.json');
    for (let n = 0; n < text.length; n += 7) {
      const r = detectAndImport(text.slice(0, n));
      if (r.ok) summarize(r.value.model);
    }
  });

  it('any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void detectAndImport(bytes)),
      { numRuns: 500 },
    );
  });
});
