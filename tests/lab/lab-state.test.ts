/**
 * The lab's builder as data (components/islands/lab/lab-state.ts) and what the lab computes from it
 * (evaluate.ts): a model built step by step as a reader would click it, branches and merges, models
 * read from code turned into builder state and back, typed problems located at their layer and
 * field. Every count here is hand arithmetic written in the test, or the text Keras's summary has
 * for the same model read as code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specFor, summarize } from '@calc/engine.ts';
import { readPython } from '@calc/import.ts';
import { pythonCode, renderKeras3 } from '@calc/render.ts';
import en from '@i18n/en/lab.json';
import { argLabels, diagnosticStrings } from '@i18n/index.ts';
import { catalog, evaluateState, viewOf } from '@components/islands/lab/evaluate.ts';
import { readSource } from '@components/islands/lab/readers.ts';
import { findLayer } from '@components/islands/lab/locate.ts';
import {
  addInput,
  duplicateLayer,
  emptyState,
  fromModel,
  insertLayer,
  isChain,
  layerArgs,
  moveLayer,
  removeLayer,
  retype,
  setField,
  setFrom,
  toModel,
  type LabState,
} from '@components/islands/lab/lab-state.ts';
import { gallery } from '../../src/lab/gallery.ts';

/** English words for the engine's problems, as the English lab page passes them. */
const words = { diagnostics: diagnosticStrings.en, args: argLabels.en };

const cat = catalog();

/** Append a layer of `type` and set its fields, as a reader does: add, open, type. */
function add(state: LabState, type: string, fields: Record<string, string> = {}): LabState {
  let next = insertLayer(state, type, state.layers.length, cat);
  const id = next.layers[next.layers.length - 1]!.id;
  for (const [arg, text] of Object.entries(fields)) next = setField(next, id, arg, text);
  return next;
}

const paramsOf = (state: LabState): number[] => summarize(toModel(state, cat).model).rows.map((r) => r.params);

describe('building the MNIST CNN by clicking', () => {
  let state = emptyState('28, 28, 1');
  state = add(state, 'Conv2D', { filters: '32', kernel_size: '3' });
  state = add(state, 'MaxPooling2D');
  state = add(state, 'Conv2D', { filters: '64', kernel_size: '(3, 3)' });
  state = add(state, 'MaxPooling2D');
  state = add(state, 'Conv2D', { filters: '64', kernel_size: '3, 3' });
  state = add(state, 'Flatten');
  state = add(state, 'Dense', { units: '64' });
  state = add(state, 'Dense', { units: '10' });

  it('is a chain, so a Sequential model, with the classic counts', () => {
    expect(isChain(state)).toBe(true);
    expect(toModel(state, cat).model.kind).toBe('sequential');
    const conv = (filters: number, channels: number) => filters * (channels * 3 * 3 + 1);
    expect(paramsOf(state)).toEqual([conv(32, 1), 0, conv(64, 32), 0, conv(64, 64), 0, 3 * 3 * 64 * 64 + 64, 64 * 10 + 10]);
    const view = evaluateState(state, cat, words, 'en', en);
    expect(view.totals.params).toBe('93,322');
    expect(view.problem).toBeNull();
    expect(view.rows.map((r) => r.name)).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'flatten',
      'dense',
      'dense_1',
    ]);
  });

  it('keeps the chain when a layer is inserted, duplicated, moved or removed', () => {
    // a Dropout after the first pooling: no parameters, nothing else moves
    const withDropout = insertLayer(state, 'Dropout', 2, cat);
    expect(isChain(withDropout)).toBe(true);
    expect(paramsOf(withDropout).filter((p) => p > 0)).toEqual(paramsOf(state).filter((p) => p > 0));
    // a copy of Dense(64) after it reads 64 features: 64 × 64 + 64 more
    const copied = duplicateLayer(state, 6);
    expect(isChain(copied)).toBe(true);
    const total = (s: LabState) => summarize(toModel(s, cat).model).totals.params;
    expect(total(copied) - total(state)).toBe(64 * 64 + 64);
    // removing the second pooling: the third Conv2D sees 11 × 11, Flatten 9 × 9 × 64
    const removed = removeLayer(state, 3);
    expect(isChain(removed)).toBe(true);
    expect(paramsOf(removed)[5]).toBe(9 * 9 * 64 * 64 + 64);
    // the two Dense layers swapped: Dense(10) on 576 features, then Dense(64) on 10
    const moved = moveLayer(state, 7, -1);
    expect(isChain(moved)).toBe(true);
    expect(paramsOf(moved).slice(-2)).toEqual([576 * 10 + 10, 10 * 64 + 64]);
  });

  it('flags a bad field at its layer and field, with the layers before it still counted', () => {
    const id = state.layers[2]!.id;
    const broken = setField(state, id, 'kernel_size', '(3, ');
    const view = evaluateState(broken, cat, words, 'en', en);
    expect(view.problem).toMatchObject({ stateId: id, field: 'kernel_size' });
    expect(view.problem!.message).toContain('column 1');
    expect(view.rows.filter((r) => !r.status).map((r) => r.paramCount)).toEqual([320, 0]);
    expect(view.rows.find((r) => r.stateId === id)?.status).toBe('broken');
    // the engine's own refusal (a negative kernel) lands at the same place, in words
    const negative = evaluateState(setField(state, id, 'kernel_size', '-3'), cat, words, 'en', en);
    expect(negative.problem?.stateId).toBe(id);
    expect(negative.problem?.field).toBe('kernel_size');
    expect(negative.rows.filter((r) => !r.status)).toHaveLength(2);
  });

  it('retypes a layer from its spec and keeps what it reads', () => {
    const retyped = retype(state, 1, 'AveragePooling2D', cat);
    expect(retyped.layers[1]!.from).toEqual(state.layers[1]!.from);
    expect(paramsOf(retyped)).toEqual(paramsOf(state));
  });
});

describe('branches and merges', () => {
  it('a residual block: Dense, Dense, Add(input, second Dense) is functional', () => {
    let state = emptyState('32');
    state = add(state, 'Dense', { units: '32' });
    state = add(state, 'Dense', { units: '32' });
    state = add(state, 'Add');
    const addId = state.layers[2]!.id;
    state = setFrom(state, addId, [state.inputs[0]!.id, state.layers[1]!.id]);
    expect(isChain(state)).toBe(false);
    const summary = summarize(toModel(state, cat).model);
    expect(summary.error).toBeUndefined();
    expect(summary.totals.params).toBe(2 * (32 * 32 + 32));
    expect(summary.rows.find((r) => r.type === 'Add')?.connectedTo).toEqual(['input_layer[0][0]', 'dense_1[0][0]']);
  });

  it('a two-input model: each input through its own Dense, then Concatenate', () => {
    let state = emptyState('16');
    state = addInput(state, '8');
    const [a, b] = state.inputs.map((i) => i.id);
    state = add(state, 'Dense', { units: '4' });
    state = add(state, 'Dense', { units: '4' });
    state = setFrom(state, state.layers[1]!.id, [b!]);
    state = add(state, 'Concatenate');
    state = setFrom(state, state.layers[2]!.id, [state.layers[0]!.id, state.layers[1]!.id]);
    expect(state.layers[0]!.from).toEqual([a]);
    const summary = summarize(toModel(state, cat).model);
    expect(summary.error).toBeUndefined();
    expect(summary.totals.params).toBe(16 * 4 + 4 + (8 * 4 + 4));
    expect(summary.outputs).toEqual([[null, 8]]);
  });

  it('a merge layer added to a chain starts with the two tensors before it', () => {
    let state = emptyState('10');
    state = add(state, 'Dense', { units: '10' });
    state = add(state, 'Add');
    expect(state.layers[1]!.from).toEqual([state.inputs[0]!.id, state.layers[0]!.id]);
    expect(summarize(toModel(state, cat).model).totals.params).toBe(10 * 10 + 10);
  });
});

describe('models read from code become builder state and back', () => {
  for (const entry of gallery) {
    it(`${entry.id}: the builder's model prints Keras's text for the code`, () => {
      const read = readPython(entry.code, { dialect: 'keras3' });
      if (!read.ok) throw new Error(read.error.message);
      const model = read.value.models[read.value.main]!.model;
      const converted = fromModel(model, cat);
      if (!converted.ok) throw new Error(JSON.stringify(converted.reason));
      const again = toModel(converted.state, cat);
      expect(again.problem).toBeUndefined();
      expect(renderKeras3(summarize(again.model))).toBe(renderKeras3(summarize(model)));
    });
  }

  it('the exported Python of a built model reads back to the same summary', () => {
    let state = emptyState('28, 28, 1');
    state = add(state, 'Conv2D', { filters: '8', kernel_size: '5', strides: '2', padding: '"same"' });
    state = add(state, 'BatchNormalization');
    state = add(state, 'Flatten');
    state = add(state, 'Dense', { units: '10' });
    state = setField(state, state.layers[3]!.id, 'use_bias', 'False');
    const model = toModel(state, cat).model;
    const read = readPython(`${pythonCode(model, { imports: true })}\nmodel.summary()\n`, { dialect: 'keras3' });
    if (!read.ok) throw new Error(read.error.message);
    expect(renderKeras3(summarize(read.value.models[read.value.main]!.model))).toBe(renderKeras3(summarize(model)));
    // 8 × (1 × 5 × 5 + 1); BatchNormalization 4 × 8; 14 × 14 × 8 features × 10 units, no bias
    expect(summarize(model).totals.params).toBe(8 * 26 + 4 * 8 + 14 * 14 * 8 * 10);
  });

  it('names why a model cannot be edited', () => {
    const read = readPython(
      'import keras\nfrom keras import layers\ninner = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\nmodel = keras.Sequential([keras.Input((4,)), inner])\n',
      { dialect: 'keras3' },
    );
    if (!read.ok) throw new Error(read.error.message);
    const converted = fromModel(read.value.models[read.value.main]!.model, cat);
    expect(converted).toMatchObject({ ok: false, reason: { why: 'nested' } });
  });
});

describe('every layer type the builder offers', () => {
  it("is a Keras 3 class: not tf.keras 1.x's CuDNN layers, not a file's registered custom name", () => {
    expect(cat.has('LSTM')).toBe(true);
    for (const gone of ['CuDNNLSTM', 'CuDNNGRU', 'ThresholdedReLU', 'Custom>CustomScaleLayer', 'InputLayer'])
      expect(cat.has(gone), gone).toBe(false);
  });

  it("starts with fields that read back to its spec's example arguments", () => {
    for (const [type, info] of cat) {
      const layer = insertLayer(emptyState('8'), type, 0, cat).layers[0]!;
      const { args, bad } = layerArgs(layer);
      expect(bad, type).toBeUndefined();
      expect(args, type).toEqual(info.example);
    }
  });

  it("builds on its spec's example input without a problem", () => {
    for (const [type, info] of cat) {
      const spec = specFor(type)!;
      const inputs = (Array.isArray(spec.example.input[0]) ? spec.example.input : [spec.example.input]) as (number | null)[][];
      let state = emptyState(
        inputs[0]!
          .slice(1)
          .map((d) => (d === null ? 'None' : String(d)))
          .join(', '),
      );
      for (const extra of inputs.slice(1))
        state = addInput(
          state,
          extra
            .slice(1)
            .map((d) => (d === null ? 'None' : String(d)))
            .join(', '),
        );
      state = insertLayer(state, type, 0, cat);
      state = setFrom(state, state.layers[0]!.id, info.takes === 'one' ? [state.inputs[0]!.id] : state.inputs.map((i) => i.id));
      const summary = summarize(toModel(state, cat).model);
      expect(summary.error?.message, type).toBeUndefined();
    }
  });
});

describe('what a graph leaves loose', () => {
  it('names several outputs and an input nothing reads', () => {
    let state = emptyState('8');
    state = addInput(state, '4');
    state = add(state, 'Dense', { units: '4' });
    state = add(state, 'Dense', { units: '2' });
    // the second Dense reads the input, not the first Dense: both are outputs
    state = setFrom(state, state.layers[1]!.id, [state.inputs[0]!.id]);
    const view = evaluateState(state, cat, words, 'en', en);
    expect(view.outputs).toEqual(['dense', 'dense_1']);
    expect(view.unusedInputs).toEqual(['input_layer_1']);
    // 8 × 4 + 4 and 8 × 2 + 2
    expect(summarize(toModel(state, cat).model).totals.params).toBe(8 * 4 + 4 + (8 * 2 + 2));
  });
});

describe('a pasted printout', () => {
  const printed = readFileSync(new URL('../python-corpus/printed/mnist-cnn-models-add-input.txt', import.meta.url), 'utf8');

  it('marks how sure each reading is, and a class no spec knows as not worked out', () => {
    const read = readSource(printed.replace('dense_1 (Dense)', 'dense_1 (Blob1)'));
    if (!read.ok) throw new Error(read.error.message);
    const view = viewOf(read.summary, words, 'en', true);
    const reading = Object.fromEntries(view.rows.map((r) => [r.name, r.reading]));
    // conv2d_1's 18,496 on 13 × 13 × 32 can only be 64 filters of 3 × 3 (+ bias): one reading
    expect(reading.conv2d_1).toBe('exact');
    expect(reading.dense_1).toBe('none');
    // the printed totals stand: 93,322
    expect(view.totals.params).toBe('93,322');
  });
});

describe('pasted code the reader cannot follow to the end', () => {
  it('still shows the layers before the problem, and where it stopped', () => {
    const code = [
      'import keras',
      'from keras import layers',
      'inputs = keras.Input((28, 28, 1))',
      'x = layers.Conv2D(32, 3)(inputs)',
      'x = layers.Flatten()(x)',
      'n = int(open("units.txt").read())',
      'x = layers.Dense(n)(x)',
      'model = keras.Model(inputs, x)',
    ].join('\n');
    const read = readSource(code);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.problem?.line).toBe(6);
    const view = viewOf(read.summary, words, 'en');
    // Conv2D(32, 3) on one channel: 32 × (1 × 3 × 3 + 1)
    expect(view.rows.map((r) => [r.name, r.paramCount])).toEqual([
      ['input_layer', 0],
      ['conv2d', 32 * (1 * 3 * 3 + 1)],
      ['flatten', 0],
    ]);
  });
});

describe('a pasted model the engine refuses', () => {
  const code = [
    'import keras',
    'from keras import layers',
    'model = keras.Sequential([',
    '    keras.Input((28, 28, 1)),',
    '    layers.Conv2D(32, 3),',
    '    layers.Conv2D(64, -3),',
    '    layers.Dense(10, name="head"),',
    '])',
  ].join('\n');

  it('finds the refused layer in the code by its automatic name', () => {
    const read = readSource(code);
    if (!read.ok) throw new Error(read.error.message);
    const error = read.summary.error!;
    expect(error.layer).toBe('conv2d_1');
    // the second Conv2D( of the text, line 6, column 12
    expect(findLayer(code, error.layer!, error.layerType!)).toEqual({ line: 6, column: 12 });
    expect(findLayer(code, 'head', 'Dense')).toEqual({ line: 7, column: 22 });
    expect(findLayer(code, 'conv2d_5', 'Conv2D')).toBeNull();
  });

  it('a merge layer in a two-input model starts on both inputs', () => {
    let state = emptyState('4');
    state = addInput(state, '4');
    state = insertLayer(state, 'Concatenate', 0, cat);
    expect(state.layers[0]!.from).toEqual(state.inputs.map((i) => i.id));
  });
});
