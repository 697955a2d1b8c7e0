/**
 * The Keras 3 code written for a model (src/calc/python-code.ts). Every expected program below is
 * typed out by hand as a Keras user would write it; the naming cases follow docs/naming.md (a
 * fresh session: `sequential`, `functional`, one counter per prefix, hidden counters).
 */
import { describe, expect, it } from 'vitest';
import { tensor, type FunctionalModel, type Model, type SequentialModel } from '@calc/basics.ts';
import { summarize } from '@calc/engine.ts';
import { modelFromKerasJson } from '@calc/import.ts';
import { CodeUnavailable, pythonCode, renderKeras3, summaryCall } from '@calc/render.ts';
import { pyString, pyValue } from '@calc/python-code.ts';
import { loadGoldens } from '../golden/golden.ts';

const code = (lines: string[]): string => lines.join('\n');

/** The MNIST CNN of docs/keras-layers.md, as the model description every lesson starts from. */
const mnist: SequentialModel = {
  kind: 'sequential',
  input: [null, 28, 28, 1],
  layers: [
    { type: 'Conv2D', args: { filters: 32, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'Flatten' },
    { type: 'Dense', args: { units: 64, activation: 'relu' } },
    { type: 'Dense', args: { units: 10 } },
  ],
};

describe('a Sequential model', () => {
  it('writes the MNIST CNN as the Keras examples do, with the imports when asked', () => {
    expect(pythonCode(mnist, { imports: true })).toBe(
      code([
        'import keras',
        'from keras import layers',
        '',
        'model = keras.Sequential([',
        '    keras.Input(shape=(28, 28, 1)),',
        '    layers.Conv2D(32, 3, activation="relu"),',
        '    layers.MaxPooling2D(2),',
        '    layers.Conv2D(64, 3, activation="relu"),',
        '    layers.MaxPooling2D(2),',
        '    layers.Conv2D(64, 3, activation="relu"),',
        '    layers.Flatten(),',
        '    layers.Dense(64, activation="relu"),',
        '    layers.Dense(10),',
        '])',
      ]),
    );
  });

  it('writes positional arguments only up to the first one missing, the rest by keyword, tuples as tuples', () => {
    const model: SequentialModel = {
      kind: 'sequential',
      input: [null, 20, 8],
      layers: [
        { type: 'Conv1D', args: { filters: 16, padding: 'same', kernel_size: [3], strides: 1 } },
        { type: 'Embedding', args: { output_dim: 4, input_dim: 10 } },
      ],
    };
    // Conv1D(filters, kernel_size, …) and Embedding(input_dim, output_dim, …): written in the signature's order
    expect(pythonCode(model).split('\n').slice(2, 4)).toEqual([
      '    layers.Conv1D(16, (3,), padding="same", strides=1),',
      '    layers.Embedding(10, 4),',
    ]);
  });

  it('writes a wrapped layer as a constructor inside the wrapper', () => {
    const tagger: SequentialModel = {
      kind: 'sequential',
      input: [null, 64, 16],
      layers: [
        { type: 'Bidirectional', args: { layer: { type: 'GRU', args: { units: 16, return_sequences: true } } } },
        { type: 'TimeDistributed', args: { layer: { type: 'Dense', args: { units: 8 } } } },
      ],
    };
    expect(pythonCode(tagger)).toBe(
      code([
        'model = keras.Sequential([',
        '    keras.Input(shape=(64, 16)),',
        '    layers.Bidirectional(layers.GRU(16, return_sequences=True)),',
        '    layers.TimeDistributed(layers.Dense(8)),',
        '])',
      ]),
    );
  });

  it('freezes a layer in its constructor: trainable=False', () => {
    const frozen: SequentialModel = {
      kind: 'sequential',
      input: [null, 200],
      layers: [{ type: 'Embedding', trainable: false, args: { input_dim: 10_000, output_dim: 100 } }, { type: 'GlobalAveragePooling1D' }],
    };
    expect(pythonCode(frozen).split('\n')[2]).toBe('    layers.Embedding(10000, 100, trainable=False),');
  });
});

describe('a nested, frozen base', () => {
  const features = (): SequentialModel => ({
    kind: 'sequential',
    name: 'features',
    layers: [
      { type: 'Conv2D', args: { filters: 32, kernel_size: 3, activation: 'relu' } },
      { type: 'BatchNormalization' },
      { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
      { type: 'BatchNormalization' },
    ],
  });
  const classifier = (frozen: boolean): SequentialModel => ({
    kind: 'sequential',
    input: [null, 32, 32, 3],
    layers: [
      { type: 'Sequential', name: 'features', model: features(), ...(frozen ? { trainable: false } : {}) },
      { type: 'GlobalAveragePooling2D' },
      { type: 'Dense', args: { units: 10, activation: 'softmax' } },
    ],
  });
  const unfrozen = code([
    'features = keras.Sequential([',
    '    layers.Conv2D(32, 3, activation="relu"),',
    '    layers.BatchNormalization(),',
    '    layers.Conv2D(64, 3, activation="relu"),',
    '    layers.BatchNormalization(),',
    '], name="features")',
    '',
    'model = keras.Sequential([',
    '    keras.Input(shape=(32, 32, 3)),',
    '    features,',
    '    layers.GlobalAveragePooling2D(),',
    '    layers.Dense(10, activation="softmax"),',
    '])',
  ]);

  it('is written first, as its own variable, and used by name in the outer model', () => {
    expect(pythonCode(classifier(false))).toBe(unfrozen);
  });

  it('is frozen after the model is made: the frozen code is the same code plus features.trainable = False', () => {
    expect(pythonCode(classifier(true))).toBe(`${unfrozen}\nfeatures.trainable = False`);
  });

  it('prints the rows the code names: conv2d … batch_normalization_1 inside features', () => {
    const summary = summarize(classifier(true));
    expect(summary.rows.map((r) => r.name)).toEqual(['features', 'global_average_pooling2d', 'dense']);
    expect(summary.rows[0]!.children!.map((r) => r.name)).toEqual(['conv2d', 'batch_normalization', 'conv2d_1', 'batch_normalization_1']);
    expect(renderKeras3(summary).split('\n')[0]).toBe('Model: "sequential"');
  });
});

describe('a functional model', () => {
  it('writes two named inputs, a chain through x, and keras.Model on the list of inputs', () => {
    const twoInputs: FunctionalModel = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'image', args: { batch_shape: [null, 8, 8, 3] } }, nodes: [] },
        { layer: { type: 'InputLayer', name: 'meta', args: { batch_shape: [null, 5] } }, nodes: [] },
        { layer: { type: 'Flatten', name: 'flatten' }, nodes: [{ args: [tensor('image')], kwargs: {} }] },
        { layer: { type: 'Concatenate', name: 'concatenate' }, nodes: [{ args: [[tensor('flatten'), tensor('meta')]], kwargs: {} }] },
        { layer: { type: 'Dense', name: 'dense', args: { units: 10 } }, nodes: [{ args: [tensor('concatenate')], kwargs: {} }] },
      ],
      inputs: [tensor('image'), tensor('meta')],
      outputs: [tensor('dense')],
    };
    expect(pythonCode(twoInputs)).toBe(
      code([
        'image = keras.Input(shape=(8, 8, 3), name="image")',
        'meta = keras.Input(shape=(5,), name="meta")',
        'x = layers.Flatten()(image)',
        'x = layers.Concatenate()([x, meta])',
        'outputs = layers.Dense(10)(x)',
        'model = keras.Model([image, meta], outputs)',
      ]),
    );
  });

  it('keeps a residual tensor in its own variable and passes a tensor twice (self-attention)', () => {
    const block: FunctionalModel = {
      kind: 'functional',
      name: 'block',
      layers: [
        { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, 10, 32] } }, nodes: [] },
        {
          layer: { type: 'MultiHeadAttention', name: 'multi_head_attention', args: { num_heads: 2, key_dim: 16 } },
          nodes: [{ args: [tensor('input_layer'), tensor('input_layer')], kwargs: {} }],
        },
        { layer: { type: 'Add', name: 'add' }, nodes: [{ args: [[tensor('input_layer'), tensor('multi_head_attention')]], kwargs: {} }] },
        { layer: { type: 'LayerNormalization', name: 'layer_normalization' }, nodes: [{ args: [tensor('add')], kwargs: {} }] },
        { layer: { type: 'Dense', name: 'dense', args: { units: 32 } }, nodes: [{ args: [tensor('layer_normalization')], kwargs: {} }] },
        { layer: { type: 'Add', name: 'add_1' }, nodes: [{ args: [[tensor('layer_normalization'), tensor('dense')]], kwargs: {} }] },
      ],
      inputs: [tensor('input_layer')],
      outputs: [tensor('add_1')],
    };
    expect(pythonCode(block, { variable: 'block' })).toBe(
      code([
        'inputs = keras.Input(shape=(10, 32))',
        'x = layers.MultiHeadAttention(num_heads=2, key_dim=16)(inputs, inputs)',
        'x = layers.Add()([inputs, x])',
        'layer_normalization = layers.LayerNormalization()(x)',
        'x = layers.Dense(32)(layer_normalization)',
        'outputs = layers.Add()([layer_normalization, x])',
        'block = keras.Model(inputs, outputs, name="block")',
      ]),
    );
  });

  it('makes a shared layer once, as a variable, and calls it twice', () => {
    const siamese: FunctionalModel = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, 16] } }, nodes: [] },
        { layer: { type: 'InputLayer', name: 'input_layer_1', args: { batch_shape: [null, 16] } }, nodes: [] },
        {
          layer: { type: 'Dense', name: 'dense', args: { units: 8 } },
          nodes: [
            { args: [tensor('input_layer')], kwargs: {} },
            { args: [tensor('input_layer_1')], kwargs: {} },
          ],
        },
        { layer: { type: 'Add', name: 'add' }, nodes: [{ args: [[tensor('dense', 0), tensor('dense', 1)]], kwargs: {} }] },
      ],
      inputs: [tensor('input_layer'), tensor('input_layer_1')],
      outputs: [tensor('add')],
    };
    expect(pythonCode(siamese)).toBe(
      code([
        'input_layer = keras.Input(shape=(16,))',
        'input_layer_1 = keras.Input(shape=(16,))',
        'dense = layers.Dense(8)',
        'dense_out_1 = dense(input_layer)',
        'dense_out_2 = dense(input_layer_1)',
        'outputs = layers.Add()([dense_out_1, dense_out_2])',
        'model = keras.Model([input_layer, input_layer_1], outputs)',
      ]),
    );
    // counted once: 16 × 8 + 8 = 136
    expect(summarize(siamese).totals.params).toBe(136);
  });

  it('cannot write a subclassed model', () => {
    expect(() => pythonCode({ ...mnist, className: 'MyModel' })).toThrow(CodeUnavailable);
  });
});

describe('name="…" appears exactly when Keras would give another name (docs/naming.md)', () => {
  const seq = (name: string | undefined, names: (string | undefined)[]): Model => ({
    kind: 'sequential',
    ...(name !== undefined ? { name } : {}),
    input: [null, 4],
    layers: names.map((n, i) => ({ type: 'Dense', ...(n !== undefined ? { name: n } : {}), args: { units: i + 1 } })),
  });

  it('leaves out the names a fresh session gives: sequential, dense, dense_1', () => {
    expect(pythonCode(seq(undefined, [undefined, undefined]))).not.toContain('name=');
    expect(pythonCode(seq('sequential', ['dense', 'dense_1']))).not.toContain('name=');
  });

  it('writes any other model name: "mlp", and "sequential_1", which only a second model would get', () => {
    expect(pythonCode(seq('mlp', [undefined])).endsWith('], name="mlp")')).toBe(true);
    expect(pythonCode(seq('sequential_1', [undefined])).endsWith('], name="sequential_1")')).toBe(true);
  });

  it('writes a layer name only where the counter would say otherwise; a spelled-out name moves no counter', () => {
    const lines = pythonCode(seq(undefined, ['dense_1', 'dense'])).split('\n');
    expect(lines[2]).toBe('    layers.Dense(1, name="dense_1"),');
    expect(lines[3]).toBe('    layers.Dense(2),');
  });

  it('counts the functional model a Sequential with an input builds: the model after it is not "functional" by itself', () => {
    const base: SequentialModel = { kind: 'sequential', name: 'base', input: [null, 4], layers: [{ type: 'Dense', args: { units: 2 } }] };
    const outer: FunctionalModel = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'input_layer_1', args: { batch_shape: [null, 4] } }, nodes: [] },
        { layer: { type: 'Sequential', name: 'base', model: base }, nodes: [{ args: [tensor('input_layer_1')], kwargs: {} }] },
      ],
      inputs: [tensor('input_layer_1')],
      outputs: [tensor('base')],
    };
    expect(summarize(outer).name).toBe('functional');
    expect(pythonCode(outer)).toBe(
      code([
        'base = keras.Sequential([',
        '    keras.Input(shape=(4,)),',
        '    layers.Dense(2),',
        '], name="base")',
        '',
        'inputs = keras.Input(shape=(4,))',
        'outputs = base(inputs)',
        'model = keras.Model(inputs, outputs, name="functional")',
      ]),
    );
  });

  it('counts the Softmax and Dropout MultiHeadAttention makes when built: a later Dropout is dropout_1 unless named', () => {
    const model: FunctionalModel = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, 10, 32] } }, nodes: [] },
        {
          layer: { type: 'MultiHeadAttention', name: 'multi_head_attention', args: { num_heads: 2, key_dim: 16 } },
          nodes: [{ args: [tensor('input_layer'), tensor('input_layer')], kwargs: {} }],
        },
        {
          layer: { type: 'Dropout', name: 'dropout', args: { rate: 0.1 } },
          nodes: [{ args: [tensor('multi_head_attention')], kwargs: {} }],
        },
      ],
      inputs: [tensor('input_layer')],
      outputs: [tensor('dropout')],
    };
    expect(pythonCode(model).split('\n')[2]).toBe('outputs = layers.Dropout(0.1, name="dropout")(x)');
  });
});

describe('against 400 models Keras 3 built in fresh sessions (tests/golden/keras3)', () => {
  const spelled = (python: string): string[] => [...python.matchAll(/name="([^"]*)"/g)].map((m) => m[1]!).sort();
  // A Bidirectional's file records its copies as forward_… / backward_… configs, which the code then
  // spells out; the Keras-run code wrote the plain layer. Every other golden is compared.
  const goldens = loadGoldens().filter((g) => !g.json.includes('"Bidirectional"'));

  it('spells out exactly the names the Keras-run code spelled out: every other name Keras chose itself', () => {
    expect(goldens.length).toBeGreaterThan(300);
    const differ = goldens.flatMap((g) => {
      const imported = modelFromKerasJson(JSON.parse(g.json));
      if (!imported.ok) return [`${g.id}: ${imported.error.message}`];
      const ours = spelled(pythonCode(imported.value));
      const theirs = spelled(g.python);
      return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [`${g.id}: Keras's code ${theirs.join(', ')}; ours ${ours.join(', ')}`];
    });
    expect(differ, differ.join('\n')).toEqual([]);
  });
});

describe('Python values and the summary call', () => {
  it('spells values as Python literals', () => {
    expect(pyValue([3, 3])).toBe('(3, 3)');
    expect(pyValue([784])).toBe('(784,)');
    expect(pyValue([null, 10])).toBe('(None, 10)');
    expect(pyValue(true)).toBe('True');
    expect(pyValue(false)).toBe('False');
    expect(pyValue(0.001)).toBe('0.001');
    expect(pyValue({ a: 1 })).toBe('{"a": 1}');
    expect(pyString('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
  });

  it('writes summary() with the arguments the printout used, in the order of Keras’s signature', () => {
    expect(summaryCall('model')).toBe('model.summary()');
    expect(summaryCall('model', { showTrainable: true, expandNested: true })).toBe(
      'model.summary(expand_nested=True, show_trainable=True)',
    );
    expect(summaryCall('encoder', { lineLength: 108 })).toBe('encoder.summary(line_length=108)');
  });
});
