/**
 * tfjs model.json (docs/model-files.md#tfjs-model-files): a model.json saved by tfjs, the Python
 * converter's `model_config` wrapper, and model.json files written live by tfjs-layers 4.22,
 * whose `countParams()` and layer output shapes are the expected values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectAndImport } from '@calc/import/detect.ts';
import { modelFromTfjs } from '@calc/import/tfjs.ts';
import { summarize } from '@calc/summarize.ts';
import { quiet } from '../oracle/tfjs.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../cli/fixtures', name), 'utf8');

function summaryOfText(text: string) {
  const r = detectAndImport(text, 'model.json');
  if (!r.ok) throw new Error(`did not import: ${r.error.path ?? ''} ${r.error.message}`);
  expect(r.value.format).toBe('tfjs');
  const s = summarize(r.value.model);
  expect(s.error).toBeUndefined();
  return { s, model: r.value.model };
}

describe('a model.json saved by tfjs (tfjs-layers 4.22, Sequential without an InputLayer entry)', () => {
  it('takes the input from batch_input_shape on the first layer: Dense(2) on 4 is 4 × 2 + 2 = 10', () => {
    const { s, model } = summaryOfText(fixture('tfjs-dense.model.json'));
    expect(model.dialect).toBe('tfjs');
    expect(s.name).toBe('sequential_1');
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([['dense_Dense1', 'Dense', [null, 2], 4 * 2 + 2]]);
  });

  it('never reads the weights manifest: nonsense shapes there change nothing', () => {
    const json = JSON.parse(fixture('tfjs-dense.model.json'));
    json.weightsManifest[0].weights[0].shape = [1000, 1000];
    expect(summaryOfText(JSON.stringify(json)).s.totals.params).toBe(10);
    delete json.weightsManifest;
    expect(summaryOfText(JSON.stringify(json)).s.totals.params).toBe(10);
  });
});

describe("the Python converter's wrapper (modelTopology.model_config)", () => {
  it('unwraps model_config, takes the version beside it, and counts the tutorial CNN: 93,322', () => {
    const { s, model } = summaryOfText(fixture('tutorial-tfjs-converter-2.15.model.json'));
    expect(model.dialect).toBe('tf.keras');
    expect(s.rows.map((r) => r.params)).toEqual([
      32 * (9 + 1),
      0,
      64 * (32 * 9 + 1),
      0,
      64 * (64 * 9 + 1),
      0,
      64 * (576 + 1),
      10 * (64 + 1),
    ]);
    expect(s.totals.params).toBe(93_322);
  });

  it('points into model_config when the wrapped model is malformed', () => {
    const json = JSON.parse(fixture('tutorial-tfjs-converter-2.15.model.json'));
    json.modelTopology.model_config.config.layers[2] = 'not a layer';
    const r = modelFromTfjs(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('modelTopology.model_config.config.layers[2]');
  });
});

describe('model.json files that hold no layers', () => {
  it('explains that a graph model records operations, not layers', () => {
    const r = detectAndImport(
      JSON.stringify({
        format: 'graph-model',
        modelTopology: { node: [{ name: 'x', op: 'Placeholder' }], versions: { producer: 1 } },
        weightsManifest: [],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('modelTopology');
      expect(r.error.message).toContain('graph model');
    }
  });

  it('says what modelTopology should have been', () => {
    const r = detectAndImport('{"modelTopology": null, "weightsManifest": []}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe("expected an object holding the model's layers, found null");
  });

  it('refuses a weights manifest on its own', () => {
    const r = detectAndImport('{"weightsManifest": [{"paths": ["a.bin"], "weights": []}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('weightsManifest');
  });
});

/** model.json exactly as tfjs's save handlers assemble it from the artifacts. */
async function modelJson(model: tf.LayersModel): Promise<string> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error('tfjs saved nothing');
  return JSON.stringify({
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: ['./model.weights.bin'], weights: artifacts.weightSpecs }],
  });
}

/** What tfjs itself says about each layer of a model it built. */
const tfjsRows = (model: tf.LayersModel) =>
  model.layers.map((l) => ({ name: l.name, outputShape: l.outputShape, params: l.countParams() }));

describe('model.json written live by tfjs-layers 4.22', () => {
  beforeAll(() => quiet(() => tf.setBackend('cpu')));

  it('the tutorial CNN: every row and the total agree with tfjs', async () => {
    const m = quiet(() => {
      const s = tf.sequential();
      s.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }));
      s.add(tf.layers.maxPooling2d({ poolSize: 2 }));
      s.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }));
      s.add(tf.layers.maxPooling2d({ poolSize: 2 }));
      s.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }));
      s.add(tf.layers.flatten());
      s.add(tf.layers.dense({ units: 64, activation: 'relu' }));
      s.add(tf.layers.dense({ units: 10 }));
      return s;
    });
    const { s } = summaryOfText(await modelJson(m));
    expect(s.rows.map((r) => ({ name: r.name, outputShape: r.outputShape, params: r.params }))).toEqual(tfjsRows(m));
    expect(s.totals.params).toBe(m.countParams());
    expect(s.totals.params).toBe(93_322);
  });

  it('channelsFirst is written as "channels_first" in the file, and read as such', async () => {
    const m = quiet(() => {
      const s = tf.sequential();
      s.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, dataFormat: 'channelsFirst', inputShape: [3, 32, 32] }));
      s.add(tf.layers.maxPooling2d({ poolSize: 2, dataFormat: 'channelsFirst' }));
      return s;
    });
    const text = await modelJson(m);
    expect(text).toContain('"data_format":"channels_first"');
    expect(text).not.toContain('channelsFirst');
    const { s } = summaryOfText(text);
    expect(s.rows.map((r) => ({ name: r.name, outputShape: r.outputShape, params: r.params }))).toEqual(tfjsRows(m));
  });

  it('a hand-edited camelCase "channelsFirst" reads the same as the snake_case tfjs writes', async () => {
    const m = quiet(() => {
      const s = tf.sequential();
      s.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, dataFormat: 'channelsFirst', inputShape: [3, 32, 32] }));
      return s;
    });
    const { s } = summaryOfText((await modelJson(m)).replace('"channels_first"', '"channelsFirst"'));
    expect(s.rows[0]?.outputShape).toEqual(m.layers[0]?.outputShape);
  });

  it('a GRU keeps the reset_after=false tfjs writes: 3 × (32 × (8 + 32) + 32) = 3,936', async () => {
    const m = quiet(() => {
      const s = tf.sequential();
      s.add(tf.layers.gru({ units: 32, inputShape: [10, 8] }));
      return s;
    });
    const { s } = summaryOfText(await modelJson(m));
    expect(s.totals.params).toBe(m.countParams());
    expect(s.totals.params).toBe(3 * (32 * (8 + 32) + 32));
  });

  it('a two-input functional model ("Model", nested-list inbound nodes, input1 / dense_Dense1 names)', async () => {
    const m = quiet(() => {
      const a = tf.input({ shape: [4] });
      const b = tf.input({ shape: [6] });
      const da = tf.layers.dense({ units: 3 }).apply(a) as tf.SymbolicTensor;
      const db = tf.layers.dense({ units: 3 }).apply(b) as tf.SymbolicTensor;
      const c = tf.layers.concatenate().apply([da, db]) as tf.SymbolicTensor;
      return tf.model({ inputs: [a, b], outputs: tf.layers.dense({ units: 1 }).apply(c) as tf.SymbolicTensor });
    });
    const { s, model } = summaryOfText(await modelJson(m));
    expect(model.kind).toBe('functional');
    expect(s.rows.map((r) => ({ name: r.name, outputShape: r.outputShape, params: r.params }))).toEqual(
      tfjsRows(m).map((r) => ({
        ...r,
        outputShape: Array.isArray(r.outputShape[0]) && r.outputShape.length === 1 ? r.outputShape[0] : r.outputShape,
      })),
    );
    expect(s.totals.params).toBe(m.countParams());
  });
});
