/**
 * Whole models built in tfjs-layers 4.22, saved the two ways tfjs writes them — the bare
 * `model.toJSON(null, false)` topology and a `model.json` file (`modelTopology` + weights
 * manifest) — then read by our importers and summarised: every row and total must be tfjs's.
 */
import type * as tfType from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectAndImport, modelFromKerasJson } from '@calc/import.ts';
import type { Model, OutputShape } from '@calc/basics.ts';
import { summarize, type Summary } from '@calc/engine.ts';
import { stackFrom, stackMaterial, type Stack } from './random-stacks.ts';
import { loadTfjs, quiet, tfjsCounts, tfjsLayer } from './tfjs.ts';

let tf: typeof tfType;

beforeAll(async () => {
  tf = await loadTfjs();
});

interface RowFacts {
  name: string;
  outputShape: OutputShape;
  params: number;
  trainable: number;
  nonTrainable: number;
}

/** The shape a layer produced in this model: its last call (nested models and shared layers have several). */
function tfjsOutputShape(layer: tfType.layers.Layer): OutputShape {
  try {
    return layer.outputShape as OutputShape;
  } catch {
    const nodes = layer.inboundNodes;
    const shapes = nodes[nodes.length - 1]!.outputShapes as OutputShape;
    // A nested model's call records its one output as a list of one shape; Keras prints the shape.
    return shapes.length === 1 && Array.isArray(shapes[0]) ? shapes[0] : shapes;
  }
}

/** What tfjs says about each row of its own model. */
function tfjsRows(model: tfType.LayersModel): RowFacts[] {
  return model.layers.map((l) => ({ name: l.name, outputShape: tfjsOutputShape(l), ...tfjsCounts(l) }));
}

function tfjsTotals(model: tfType.LayersModel): { params: number; trainable: number; nonTrainable: number } {
  const size = (ws: tfType.LayerVariable[]): number =>
    ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? Number.NaN), 1), 0);
  return { params: model.countParams(), trainable: size(model.trainableWeights), nonTrainable: size(model.nonTrainableWeights) };
}

const ourRows = (s: Summary): RowFacts[] =>
  s.rows.map((r) => ({
    name: r.name,
    outputShape: r.outputShape ?? [],
    params: r.params,
    trainable: r.trainable,
    nonTrainable: r.nonTrainable,
  }));

/** A model.json exactly as tfjs's file and download handlers write it (tfjs-core io_utils). */
async function modelJsonOf(model: tfType.LayersModel): Promise<string> {
  let json = '';
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      json = JSON.stringify({
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: ['./model.weights.bin'], weights: artifacts.weightSpecs }],
      });
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return json;
}

/** Summarise what our importer made of a tfjs file, failing loudly on a diagnostic. */
function summarizeImported(result: { ok: true; value: Model } | { ok: false; error: { message: string; path?: string } }): Summary {
  if (!result.ok) throw new Error(`import failed at ${result.error.path ?? '?'}: ${result.error.message}`);
  const s = summarize(result.value);
  if (s.error) throw new Error(`summarize failed at ${s.error.layer ?? '?'}: ${s.error.message}`);
  return s;
}

/** Both file forms, read by our importers, must reproduce tfjs's rows and totals. */
async function expectSameAsTfjs(model: tfType.LayersModel): Promise<Summary> {
  const rows = tfjsRows(model);
  const totals = tfjsTotals(model);
  const topology = quiet(() => model.toJSON(null, false));
  const fromTopology = summarizeImported(modelFromKerasJson(topology as Parameters<typeof modelFromKerasJson>[0]));
  expect(ourRows(fromTopology)).toEqual(rows);
  expect(fromTopology.totals).toMatchObject(totals);

  const file = await modelJsonOf(model);
  const imported = detectAndImport(file, 'model.json');
  if (imported.ok) expect(imported.value.format).toBe('tfjs');
  const fromFile = summarizeImported(imported.ok ? { ok: true, value: imported.value.model } : imported);
  expect(ourRows(fromFile)).toEqual(rows);
  expect(fromFile.totals).toMatchObject(totals);
  return fromFile;
}

describe('tfjs Sequential models', () => {
  it('the tutorial MNIST CNN: 320 + 18,496 + 36,928 + 36,928 + 650 = 93,322', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 64, activation: 'relu' }),
        tf.layers.dense({ units: 10 }),
      ],
    });
    const s = await expectSameAsTfjs(model);
    expect(s.totals.params).toBe(32 * (1 * 3 * 3 + 1) + 64 * (32 * 3 * 3 + 1) + 64 * (64 * 3 * 3 + 1) + 64 * (576 + 1) + 10 * (64 + 1));
  });

  it('the tfjs-examples MNIST convnet (5×5 kernels, strided pooling)', async () => {
    const model = tf.sequential();
    model.add(
      tf.layers.conv2d({
        inputShape: [28, 28, 1],
        kernelSize: 5,
        filters: 8,
        strides: 1,
        activation: 'relu',
        kernelInitializer: 'varianceScaling',
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
    model.add(tf.layers.conv2d({ kernelSize: 5, filters: 16, strides: 1, activation: 'relu', kernelInitializer: 'varianceScaling' }));
    model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 10, kernelInitializer: 'varianceScaling', activation: 'softmax' }));
    await expectSameAsTfjs(model);
  });

  it('a text classifier: Embedding → Bidirectional(LSTM) → GRU → Dense', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 1000, outputDim: 16, inputLength: 20 }),
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 8, returnSequences: true }) as tfType.RNN }),
        tf.layers.gru({ units: 8 }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    await expectSameAsTfjs(model);
  });

  it('BatchNormalization rows split trainable and non-trainable like tfjs', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 32, inputShape: [10] }),
        tf.layers.batchNormalization(),
        tf.layers.activation({ activation: 'relu' }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    const s = await expectSameAsTfjs(model);
    expect(s.totals.nonTrainable).toBe(2 * 32);
  });

  it('a frozen layer counts as non-trainable', async () => {
    const frozen = tf.layers.dense({ units: 4, inputShape: [3] });
    const model = tf.sequential({ layers: [frozen, tf.layers.dense({ units: 2 })] });
    frozen.trainable = false;
    const s = await expectSameAsTfjs(model);
    expect(s.totals.nonTrainable).toBe(4 * (3 + 1));
  });

  // The outer Sequential's input shape lives only on the nested model's first layer (batch_input_shape).
  it('a Sequential nested in a Sequential appears as one row and lends the outer model its input', async () => {
    const inner = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] }), tf.layers.dense({ units: 2 })] });
    const model = tf.sequential({ layers: [inner, tf.layers.dense({ units: 1 })] });
    const s = await expectSameAsTfjs(model);
    expect(s.rows[0]!.params).toBe(3 * (4 + 1) + 2 * (3 + 1));
  });

  it('random stacks built in tfjs come back with the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(stackMaterial, async (m) => {
        const stack = stackFrom(m);
        await expectSameAsTfjs(sequentialOf(stack));
      }),
      { seed: 20_240_612, numRuns: 60 },
    );
  });
});

/** Build a random stack as a tfjs Sequential. */
function sequentialOf(stack: Stack): tfType.Sequential {
  return quiet(() => {
    const model = tf.sequential();
    stack.layers.forEach((l, i) => {
      const args = i === 0 ? { ...l.args, input_shape: stack.input } : l.args;
      model.add(tfjsLayer(l.type, args));
    });
    return model;
  });
}

describe('tfjs functional models (tf.model)', () => {
  it('two inputs, a Concatenate and BatchNormalization: 544 + 288 + 256 + 65 = 1,153', async () => {
    const a = tf.input({ shape: [16], name: 'a' });
    const b = tf.input({ shape: [8], name: 'b' });
    const da = tf.layers.dense({ units: 32, activation: 'relu' }).apply(a) as tfType.SymbolicTensor;
    const db = tf.layers.dense({ units: 32, activation: 'relu' }).apply(b) as tfType.SymbolicTensor;
    const merged = tf.layers.concatenate().apply([da, db]) as tfType.SymbolicTensor;
    const normed = tf.layers.batchNormalization().apply(merged) as tfType.SymbolicTensor;
    const out = tf.layers.dense({ units: 1 }).apply(normed) as tfType.SymbolicTensor;
    const s = await expectSameAsTfjs(tf.model({ inputs: [a, b], outputs: out, name: 'two_inputs' }));
    expect(s.totals).toMatchObject({ params: 32 * (16 + 1) + 32 * (8 + 1) + 4 * 64 + (64 + 1), nonTrainable: 2 * 64 });
  });

  it('several outputs from one trunk', async () => {
    const x = tf.input({ shape: [12] });
    const trunk = tf.layers.dense({ units: 16, activation: 'relu' }).apply(x) as tfType.SymbolicTensor;
    const classes = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(trunk) as tfType.SymbolicTensor;
    const score = tf.layers.dense({ units: 1 }).apply(trunk) as tfType.SymbolicTensor;
    await expectSameAsTfjs(tf.model({ inputs: x, outputs: [classes, score] }));
  });

  it('a shared layer called on two inputs, then Add, Multiply and Dot', async () => {
    const left = tf.input({ shape: [6] });
    const right = tf.input({ shape: [6] });
    const shared = tf.layers.dense({ units: 4 });
    const l = shared.apply(left) as tfType.SymbolicTensor;
    const r = shared.apply(right) as tfType.SymbolicTensor;
    const sum = tf.layers.add().apply([l, r]) as tfType.SymbolicTensor;
    const prod = tf.layers.multiply().apply([l, r]) as tfType.SymbolicTensor;
    const dot = tf.layers.dot({ axes: 1 }).apply([sum, prod]) as tfType.SymbolicTensor;
    await expectSameAsTfjs(tf.model({ inputs: [left, right], outputs: dot }));
  });

  it('random branching graphs: Dense, Concatenate, Add and Multiply over one or two inputs, one or two outputs', async () => {
    await fc.assert(
      fc.asyncProperty(graphMaterial, async (m) => {
        await expectSameAsTfjs(graphOf(m));
      }),
      { seed: 20_240_614, numRuns: 40 },
    );
  });

  it('a residual block: Conv2D, BatchNormalization, ReLU and Add', async () => {
    const x = tf.input({ shape: [16, 16, 8] });
    const c1 = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', useBias: false }).apply(x) as tfType.SymbolicTensor;
    const b1 = tf.layers.batchNormalization().apply(c1) as tfType.SymbolicTensor;
    const r1 = tf.layers.reLU().apply(b1) as tfType.SymbolicTensor;
    const c2 = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same' }).apply(r1) as tfType.SymbolicTensor;
    const added = tf.layers.add().apply([x, c2]) as tfType.SymbolicTensor;
    const pooled = tf.layers.globalAveragePooling2d({}).apply(added) as tfType.SymbolicTensor;
    await expectSameAsTfjs(tf.model({ inputs: x, outputs: pooled }));
  });

  it('an LSTM that returns its states feeds two heads', async () => {
    const x = tf.input({ shape: [10, 8] });
    const [seq, h, c] = tf.layers.lstm({ units: 4, returnState: true }).apply(x) as tfType.SymbolicTensor[];
    const out = tf.layers.concatenate().apply([seq!, h!, c!]) as tfType.SymbolicTensor;
    await expectSameAsTfjs(tf.model({ inputs: x, outputs: out }));
  });

  // tfjs writes the outer call of a nested model as node 1: node 0 is the nested model's own
  // Input → output node (container.ts buildNodeConversionMap starts every Container at 1).
  it('a Sequential nested in a functional model appears as one row', async () => {
    const inner = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] }), tf.layers.dense({ units: 2 })] });
    const x = tf.input({ shape: [4] });
    const y = inner.apply(x) as tfType.SymbolicTensor;
    const out = tf.layers.dense({ units: 1 }).apply(y) as tfType.SymbolicTensor;
    const s = await expectSameAsTfjs(tf.model({ inputs: x, outputs: out }));
    expect(s.rows[1]!.params).toBe(3 * (4 + 1) + 2 * (3 + 1));
  });

  // The same node-1 numbering, for a tf.model inside a tf.model.
  it('a functional model nested in another', async () => {
    const ix = tf.input({ shape: [5] });
    const iy = tf.layers.dense({ units: 7 }).apply(ix) as tfType.SymbolicTensor;
    const inner = tf.model({ inputs: ix, outputs: iy });
    const x = tf.input({ shape: [5] });
    const y = inner.apply(x) as tfType.SymbolicTensor;
    const out = tf.layers.dense({ units: 2 }).apply(y) as tfType.SymbolicTensor;
    await expectSameAsTfjs(tf.model({ inputs: x, outputs: out }));
  });

  it('a nested model as the output of the outer model (output_layers says node 1 too)', async () => {
    const ix = tf.input({ shape: [5] });
    const inner = tf.model({ inputs: ix, outputs: tf.layers.dense({ units: 7 }).apply(ix) as tfType.SymbolicTensor });
    const x = tf.input({ shape: [5] });
    const s = await expectSameAsTfjs(tf.model({ inputs: x, outputs: inner.apply(x) as tfType.SymbolicTensor }));
    expect(s.totals.params).toBe(7 * (5 + 1));
  });

  it('a nested Sequential called on two inputs: calls 1 and 2 in the file are its calls 0 and 1', async () => {
    const shared = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });
    const a = tf.input({ shape: [4] });
    const b = tf.input({ shape: [4] });
    const sum = tf.layers
      .add()
      .apply([shared.apply(a) as tfType.SymbolicTensor, shared.apply(b) as tfType.SymbolicTensor]) as tfType.SymbolicTensor;
    const s = await expectSameAsTfjs(tf.model({ inputs: [a, b], outputs: sum }));
    expect(s.totals.params).toBe(3 * (4 + 1));
  });

  it('a functional model as the first layer of a Sequential lends it its input', async () => {
    const ix = tf.input({ shape: [6] });
    const inner = tf.model({ inputs: ix, outputs: tf.layers.dense({ units: 4 }).apply(ix) as tfType.SymbolicTensor });
    const s = await expectSameAsTfjs(tf.sequential({ layers: [inner, tf.layers.dense({ units: 2 })] }));
    expect(s.totals.params).toBe(4 * (6 + 1) + 2 * (4 + 1));
  });
});

const graphMaterial = fc.record({
  inputs: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 2 }),
  steps: fc.array(fc.record({ op: fc.nat(9), x: fc.nat(99), y: fc.nat(99), units: fc.integer({ min: 1, max: 8 }) }), {
    minLength: 1,
    maxLength: 8,
  }),
  twoOutputs: fc.boolean(),
});

/** A random DAG of features: each step reads one or two earlier tensors. */
function graphOf(m: typeof graphMaterial extends fc.Arbitrary<infer T> ? T : never): tfType.LayersModel {
  return quiet(() => {
    const inputs = m.inputs.map((d) => tf.input({ shape: [d] }));
    const made: tfType.SymbolicTensor[] = [...inputs];
    for (const step of m.steps) {
      const a = made[step.x % made.length]!;
      const b = made[step.y % made.length]!;
      const same = a.shape[1] === b.shape[1] && a !== b;
      const next =
        step.op < 5 || a === b
          ? tf.layers.dense({ units: step.units }).apply(a)
          : step.op < 7 || !same
            ? tf.layers.concatenate().apply([a, b])
            : (step.op === 7 ? tf.layers.add() : tf.layers.multiply()).apply([a, b]);
      made.push(next as tfType.SymbolicTensor);
    }
    const last = made[made.length - 1]!;
    const other = made[inputs.length]!;
    const outputs = m.twoOutputs && other !== last ? [last, other] : last;
    // tf.model needs every input to reach an output; feed unused inputs into the last tensor
    const used = inputs.filter((i) => reaches(i, Array.isArray(outputs) ? outputs : [outputs]));
    return tf.model({ inputs: used, outputs });
  });
}

/** True when `from` is an ancestor of one of `outputs` in tfjs's symbolic graph. */
function reaches(from: tfType.SymbolicTensor, outputs: tfType.SymbolicTensor[]): boolean {
  const seen = new Set<number>();
  const stack = [...outputs];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.id === from.id) return true;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    stack.push(...(t.inputs ?? []));
  }
  return false;
}
