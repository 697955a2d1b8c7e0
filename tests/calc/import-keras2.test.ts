/**
 * Keras 2 JSON of every era, read as docs/model-files.md#keras-2-json describes it:
 * the list-form Sequential of Keras ≤ 2.2, multi-backend Keras 2.3.1, tf.keras ≤ 2.12 and the
 * module/registered_name layers of 2.13–2.15. Fixtures in tests/cli/fixtures are written by hand
 * from those examples; every expected number is from those docs or hand arithmetic below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAndImport } from '@calc/import/detect.ts';
import { detectDialect, modelFromKerasJson } from '@calc/import/keras-json.ts';
import type { Model } from '@calc/model.ts';
import { summarize } from '@calc/summarize.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../cli/fixtures', name), 'utf8');

function imported(name: string) {
  const r = detectAndImport(fixture(name), name);
  if (!r.ok) throw new Error(`${name} did not import: ${r.error.message}`);
  return r.value;
}

function summaryOf(model: Model) {
  const s = summarize(model);
  expect(s.error).toBeUndefined();
  return s;
}

/** The tutorial CNN's rows (docs/keras-layers.md#tutorial-model), with each count written out. */
const tutorialRows = (names: string[]) => [
  { name: names[0], type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 32 * (1 * 3 * 3 + 1) },
  { name: names[1], type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
  { name: names[2], type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 64 * (32 * 3 * 3 + 1) },
  { name: names[3], type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
  { name: names[4], type: 'Conv2D', outputShape: [null, 3, 3, 64], params: 64 * (64 * 3 * 3 + 1) },
  { name: names[5], type: 'Flatten', outputShape: [null, 576], params: 0 },
  { name: names[6], type: 'Dense', outputShape: [null, 64], params: 64 * (576 + 1) },
  { name: names[7], type: 'Dense', outputShape: [null, 10], params: 10 * (64 + 1) },
];
const TUTORIAL_TOTAL = 93_322;
const zeroBased = ['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'flatten', 'dense', 'dense_1'];
const oneBased = ['conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'max_pooling2d_2', 'conv2d_3', 'flatten_1', 'dense_1', 'dense_2'];

describe('tf.keras ≤ 2.12 (legacy layer form)', () => {
  it('reads the tutorial CNN and counts 93,322, the InputLayer not being a Sequential row', () => {
    const { model, format } = imported('tutorial-tf-keras-2.12.json');
    expect(format).toBe('keras2-json');
    expect(model.dialect).toBe('tf.keras');
    const s = summaryOf(model);
    expect(s.name).toBe('sequential');
    expect(s.rows.map((r) => ({ name: r.name, type: r.type, outputShape: r.outputShape, params: r.params }))).toEqual(
      tutorialRows(zeroBased),
    );
    expect(s.totals.params).toBe(TUTORIAL_TOTAL);
    expect(s.totals.trainable).toBe(TUTORIAL_TOTAL);
  });

  it('reads the documented Functional example: Input(4) → Dense(2) is 4 × 2 + 2 = 10', () => {
    const { model, format } = imported('functional-tf-keras-2.12.json');
    expect(format).toBe('keras2-json');
    expect(model.kind).toBe('functional');
    const s = summaryOf(model);
    expect(s.name).toBe('model');
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['input_1', 'InputLayer', [null, 4], 0],
      ['dense', 'Dense', [null, 2], 4 * 2 + 2],
    ]);
  });

  it('follows nested-list inbound nodes through a Dense layer called twice', () => {
    const { model } = imported('shared-dense-tf-keras-2.12.json');
    const s = summaryOf(model);
    const dense = s.rows.find((r) => r.name === 'dense');
    // One set of weights however often the layer is called.
    expect(dense?.params).toBe(8 * 4 + 4);
    expect(s.totals.params).toBe(8 * 4 + 4 + (4 + 1));
    expect(s.rows.find((r) => r.name === 'add')?.connectedTo).toEqual(['dense[0][0]', 'dense[1][0]']);
  });

  it('reads a deferred Sequential whose build_input_shape is a serialized TensorShape', () => {
    const json = {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'dense', trainable: true, dtype: 'float32', units: 2, activation: 'linear', use_bias: true },
          },
        ],
        build_input_shape: { class_name: 'TensorShape', items: [null, 4] },
      },
      keras_version: '2.12.0',
      backend: 'tensorflow',
    };
    const m = modelFromKerasJson(json);
    if (!m.ok) throw new Error(m.error.message);
    expect(summaryOf(m.value).totals.params).toBe(4 * 2 + 2);
  });
});

describe('tf.keras 2.13–2.15 (module / registered_name layers, nested-list inbound nodes)', () => {
  it('reads the tutorial CNN in the new layer form and counts 93,322', () => {
    const { model, format } = imported('tutorial-tf-keras-2.15.json');
    expect(format).toBe('keras2-json');
    expect(model.dialect).toBe('tf.keras');
    const s = summaryOf(model);
    expect(s.rows.map((r) => ({ name: r.name, type: r.type, outputShape: r.outputShape, params: r.params }))).toEqual(
      tutorialRows(zeroBased),
    );
    expect(s.totals.params).toBe(TUTORIAL_TOTAL);
  });
});

describe('multi-backend Keras (≤ 2.3.1)', () => {
  it('reads the list-form Sequential of Keras ≤ 2.2 (config is a bare list) with 1-based names', () => {
    const { model, format } = imported('tutorial-keras-2.1.6-list.json');
    expect(format).toBe('keras2-json');
    expect(model.dialect).toBe('keras-mb');
    const s = summaryOf(model);
    expect(s.rows.map((r) => ({ name: r.name, type: r.type, outputShape: r.outputShape, params: r.params }))).toEqual(
      tutorialRows(oneBased),
    );
    expect(s.totals.params).toBe(TUTORIAL_TOTAL);
    // The list form records no model name; multi-backend Keras numbers models from 1.
    expect(s.name).toBe('sequential_1');
  });

  it('reads a two-input "Model" of Keras 2.3.1: 15 + 21 + 7 = 43', () => {
    const { model } = imported('two-inputs-keras-2.3.1.json');
    expect(model.dialect).toBe('keras-mb');
    expect(model.className).toBe('Model');
    const s = summaryOf(model);
    expect(s.name).toBe('model_1');
    expect(s.rows.map((r) => [r.name, r.outputShape, r.params])).toEqual([
      ['input_1', [null, 4], 0],
      ['input_2', [null, 6], 0],
      ['dense_1', [null, 3], 4 * 3 + 3],
      ['dense_2', [null, 3], 6 * 3 + 3],
      ['concatenate_1', [null, 6], 0],
      ['dense_3', [null, 1], 6 * 1 + 1],
    ]);
    expect(s.totals.params).toBe(43);
  });

  it('uses reset_after=False for a GRU saved before the argument existed: 3 × (32 × (8 + 32) + 32) = 3,936', () => {
    const { model } = imported('gru-keras-2.1.2-list.json');
    expect(model.dialect).toBe('keras-mb');
    expect(summaryOf(model).totals.params).toBe(3 * (32 * (8 + 32) + 32));
  });

  it('gives the same GRU config tf.keras 2’s reset_after=True: 3 × (32 × (8 + 32) + 2 × 32) = 4,032', () => {
    const json = JSON.parse(fixture('gru-keras-2.1.2-list.json'));
    json.keras_version = '2.12.0';
    const m = modelFromKerasJson(json);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.dialect).toBe('tf.keras');
    expect(summaryOf(m.value).totals.params).toBe(3 * (32 * (8 + 32) + 2 * 32));
  });
});

/**
 * Keras 2 writes the outer call of a nested model as node 1: node 0 is the nested model's own
 * Input → output node (tf.keras `_should_skip_first_node`; multi-backend Keras counts every
 * Network from 1). A Sequential without an InputLayer has no such node, so its calls start at 0.
 */
describe('nested models in Keras 2 functional JSON', () => {
  const dense = (name: string, units: number, extra: Record<string, unknown> = {}) => ({
    class_name: 'Dense',
    config: { name, trainable: true, dtype: 'float32', units, activation: 'linear', use_bias: true, ...extra },
  });
  const input = (name: string, batch: (number | null)[]) => ({
    class_name: 'InputLayer',
    config: { batch_input_shape: batch, dtype: 'float32', sparse: false, ragged: false, name },
  });
  /** `outer_input → inner (a Sequential of Dense(3)) → head (Dense(1))`, the inner model called as `node`. */
  const outerModel = (inner: Record<string, unknown>, node: number, kerasVersion: string) => ({
    class_name: 'Functional',
    config: {
      name: 'outer',
      layers: [
        { ...input('outer_input', [null, 4]), name: 'outer_input', inbound_nodes: [] },
        { ...inner, name: 'inner', inbound_nodes: [[['outer_input', 0, 0, {}]]] },
        { ...dense('head', 1), name: 'head', inbound_nodes: [[['inner', node, 0, {}]]] },
      ],
      input_layers: [['outer_input', 0, 0]],
      output_layers: [['head', 0, 0]],
    },
    keras_version: kerasVersion,
    backend: 'tensorflow',
  });
  const counts = (json: object) => {
    const m = modelFromKerasJson(json as Parameters<typeof modelFromKerasJson>[0]);
    if (!m.ok) throw new Error(m.error.message);
    const s = summaryOf(m.value);
    return s.rows.map((r) => [r.name, r.outputShape, r.params]);
  };
  const expected = [
    ['outer_input', [null, 4], 0],
    ['inner', [null, 3], 3 * (4 + 1)],
    ['head', [null, 1], 1 * (3 + 1)],
  ];

  it('tf.keras 2.12: a Sequential with an InputLayer entry is called as node 1', () => {
    const inner = {
      class_name: 'Sequential',
      config: { name: 'inner', layers: [input('inner_input', [null, 4]), dense('inner_dense', 3)] },
    };
    expect(counts(outerModel(inner, 1, '2.12.0'))).toEqual(expected);
  });

  it('tf.keras 2.3: a Sequential whose first layer declares batch_input_shape is called as node 1', () => {
    const inner = {
      class_name: 'Sequential',
      config: { name: 'inner', layers: [dense('inner_dense', 3, { batch_input_shape: [null, 4] })] },
    };
    expect(counts(outerModel(inner, 1, '2.3.0-tf'))).toEqual(expected);
  });

  it('tf.keras 2.12: a Sequential built without an input shape is called as node 0', () => {
    const inner = { class_name: 'Sequential', config: { name: 'inner', layers: [dense('inner_dense', 3)] } };
    expect(counts(outerModel(inner, 0, '2.12.0'))).toEqual(expected);
  });

  it('tf.keras 2.12: a nested Functional is called as node 1, in output_layers too', () => {
    const inner = {
      class_name: 'Functional',
      config: {
        name: 'inner',
        layers: [
          { ...input('inner_input', [null, 4]), name: 'inner_input', inbound_nodes: [] },
          { ...dense('inner_dense', 3), name: 'inner_dense', inbound_nodes: [[['inner_input', 0, 0, {}]]] },
        ],
        input_layers: [['inner_input', 0, 0]],
        output_layers: [['inner_dense', 0, 0]],
      },
    };
    expect(counts(outerModel(inner, 1, '2.12.0'))).toEqual(expected);
    const asOutput = outerModel(inner, 1, '2.12.0');
    asOutput.config.layers.pop();
    asOutput.config.output_layers = [['inner', 1, 0]];
    expect(counts(asOutput)).toEqual(expected.slice(0, 2));
  });

  it('multi-backend Keras 2.3.1 counts every nested model from 1', () => {
    const inner = {
      class_name: 'Sequential',
      config: { name: 'inner', layers: [dense('inner_dense', 3, { batch_input_shape: [null, 4] })] },
    };
    expect(counts(outerModel(inner, 1, '2.3.1'))).toEqual(expected);
  });
});

describe('detectDialect', () => {
  it.each([
    ['2.1.6', 'keras-mb'],
    ['2.2.4', 'keras-mb'],
    ['2.3.1', 'keras-mb'],
    ['2.2.4-tf', 'tf.keras'],
    ['2.3.0-tf', 'tf.keras'],
    ['2.4.0', 'tf.keras'],
    ['2.12.0', 'tf.keras'],
    ['2.15.0', 'tf.keras'],
    ['2.16.0', 'tf.keras'],
    ['3.16.0', 'keras3'],
    ['tfjs-layers 4.22.0', 'tfjs'],
  ] as const)('keras_version %s → %s', (version, dialect) => {
    expect(detectDialect({ class_name: 'Sequential', config: { layers: [] }, keras_version: version })).toBe(dialect);
  });

  it('reads Keras 3 into a file without a version (Keras 3 writes none)', () => {
    const json = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/keras3/r1001-000/model.json'), 'utf8'));
    expect('keras_version' in json).toBe(false);
    expect(detectDialect(json)).toBe('keras3');
  });

  it('tells Keras 2 from its layout when the version is missing', () => {
    const withoutVersion = (name: string) => {
      const json = JSON.parse(fixture(name));
      delete json.keras_version;
      delete json.backend;
      return json;
    };
    expect(detectDialect(withoutVersion('functional-tf-keras-2.12.json'))).toBe('tf.keras');
    expect(detectDialect(withoutVersion('tutorial-tf-keras-2.15.json'))).toBe('tf.keras');
    expect(detectDialect(withoutVersion('tutorial-keras-2.1.6-list.json'))).toBe('keras-mb');
  });

  it('knows tfjs by its backend too', () => {
    expect(detectDialect({ class_name: 'Sequential', config: { layers: [] }, backend: 'tensor_flow.js' })).toBe('tfjs');
  });
});

describe('shapes of Keras JSON that are not the usual envelope', () => {
  it('accepts a bare get_config() dict (no class_name / config envelope)', () => {
    const json = JSON.parse(fixture('functional-tf-keras-2.12.json'));
    const m = modelFromKerasJson(json.config);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.kind).toBe('functional');
    expect(summaryOf(m.value).totals.params).toBe(10);
  });

  it('says so when the JSON is one layer rather than a model', () => {
    const m = modelFromKerasJson({ class_name: 'Dense', config: { name: 'dense', units: 2 } });
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.error.path).toBe('config');
      expect(m.error.message).toContain('"Dense" has no list of layers');
    }
  });

  it('refuses Keras 1 files clearly instead of misreading output_dim and nb_filter', () => {
    const r = detectAndImport(
      JSON.stringify({
        class_name: 'Sequential',
        config: [{ class_name: 'Dense', config: { output_dim: 2, input_dim: 4 } }],
        keras_version: '1.2.2',
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('keras_version');
      expect(r.error.message).toContain('Keras 1.2.2');
    }
  });
});
