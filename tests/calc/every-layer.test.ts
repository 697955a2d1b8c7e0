/**
 * Every registered layer type explains itself from its spec: a family, an example Keras accepts,
 * a formula that is its weights' count, and shape steps that account for every axis that changed.
 * A type added without them fails here. The numbers checked by hand below come from the arithmetic
 * written beside them (docs/output-lengths.md has the rules).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { add, evaluate, num, type ShapeStep, type WindowStep } from '@calc/explain.ts';
import { knownTypes, layerFamilies, layerSpecs, specFor } from '@calc/layers/index.ts';
import { describe as describeDiagnostic } from '@calc/problem.ts';
import { EngineError, weight, type LayerFamily, type LayerSpec } from '@calc/registry.ts';
import { resolveLayer, type Row } from '@calc/summarize.ts';
import { isShapeList } from '@calc/text.ts';
import type { LayerArgs, Shape } from '@calc/types.ts';

const FAMILIES: readonly LayerFamily[] = [
  'input',
  'core',
  'convolution',
  'pooling',
  'reshaping',
  'normalization',
  'regularization',
  'activation',
  'recurrent',
  'attention',
  'merging',
  'preprocessing',
  'wrapper',
  'model',
];

/** Build a type from its spec's own example; the example must be accepted. */
function buildExample(type: string): { row: Row; input: Shape } {
  const spec = specFor(type)!;
  const { args, input, dialect } = spec.example;
  const r = resolveLayer({ type, args }, input, dialect ?? 'keras3');
  if (!r.ok) throw new Error(`${type}'s example did not build: ${describeDiagnostic(r.error)}`);
  const first = Array.isArray(input[0]) ? (input as Shape[])[0]! : (input as Shape);
  return { row: r.row, input: first };
}

/** The output axes no step explains although they differ from the input at the same position. */
function unexplained(row: Row, input: Shape): string[] {
  const outputs = isShapeList(row.outputShape!) ? row.outputShape : [row.outputShape as Shape];
  const missing: string[] = [];
  outputs.forEach((out, t) => {
    out.forEach((d, a) => {
      if (a < input.length && input[a] === d) return;
      const step = row.steps.find((s) => (s.tensor ?? 0) === t && s.axes.includes(a));
      if (!step || step.result[step.axes.indexOf(a)] !== d) missing.push(`output ${t} axis ${a} (${d})`);
    });
  });
  return missing;
}

describe('every registered layer type', () => {
  const types = knownTypes();

  it.each(types)('%s declares a family and an example, and builds from it', (type) => {
    const spec = specFor(type)!;
    expect(FAMILIES).toContain(spec.family);
    expect(spec.example).toBeDefined();
    expect(() => buildExample(type)).not.toThrow();
  });

  it.each(types)('%s: a formula whenever there are weights, equal to their count', (type) => {
    const { row } = buildExample(type);
    const count = row.weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
    if (row.weights.length === 0) return;
    expect(row.formula, `${type} has ${count} weights and no formula`).toBeDefined();
    expect(evaluate(row.formula!)).toBe(count);
  });

  it.each(types)('%s: shape steps explain every output axis that changed', (type) => {
    const { row, input } = buildExample(type);
    expect(row.steps.length).toBeGreaterThan(0);
    expect(unexplained(row, input)).toEqual([]);
    expect(row.family).toBe(specFor(type)!.family);
  });

  it('lists each type in one family table only, and every family file in the registry', () => {
    const names = layerFamilies.flatMap((t) => Object.keys(t));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(layerSpecs.size);
    const files = readdirSync(fileURLToPath(new URL('../../src/calc/layers/', import.meta.url)));
    expect(layerFamilies.length).toBe(files.filter((f) => f.endsWith('.ts') && f !== 'index.ts').length);
  });

  it('finds no spec on the prototype: constructor, __proto__ and toString are unknown classes', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(specFor(type)).toBeUndefined();
      const r = resolveLayer({ type, args: {} }, [null, 4]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('layer-unknown-type');
    }
  });
});

describe('a spec that breaks its promise is an engine error, not a reader diagnostic', () => {
  /** Register a fake spec for one build; the registry is a Map, so the test can lend it a name. */
  function withFake(spec: Omit<LayerSpec, 'family' | 'example'>, run: () => void): void {
    const specs = layerSpecs as Map<string, LayerSpec>;
    specs.set('FakeLayer', { family: 'core', example: { args: {}, input: [null, 4] }, ...spec });
    try {
      run();
    } finally {
      specs.delete('FakeLayer');
    }
  }
  const build = () => resolveLayer({ type: 'FakeLayer', args: {} }, [null, 4]);
  const c = 7;

  it('a formula of c + 1 against c weights throws EngineError', () => {
    withFake(
      {
        defaults: {},
        build: ({ input }) => ({
          output: input,
          weights: [weight('w', [c])],
          formula: add(num(c, 'count'), num(1, 'bias')),
          steps: [{ rule: 'unchanged', axes: [0, 1], inputs: input, result: input }],
        }),
      },
      () => expect(build).toThrow(EngineError),
    );
  });

  it('the same layer with the formula c builds', () => {
    withFake(
      {
        defaults: {},
        build: ({ input }) => ({
          output: input,
          weights: [weight('w', [c])],
          formula: num(c, 'count'),
          steps: [{ rule: 'unchanged', axes: [0, 1], inputs: input, result: input }],
        }),
      },
      () => expect(build().ok).toBe(true),
    );
  });

  it('weights without a formula throw EngineError', () => {
    withFake(
      {
        defaults: {},
        build: ({ input }) => ({
          output: input,
          weights: [weight('w', [c])],
          steps: [{ rule: 'unchanged', axes: [0, 1], inputs: input, result: input }],
        }),
      },
      () => expect(build).toThrow(EngineError),
    );
  });

  it('a step whose result is not the output throws EngineError', () => {
    withFake(
      {
        defaults: {},
        build: ({ input }) => ({
          output: [input[0]!, 8],
          weights: [],
          steps: [{ rule: 'set-to-arg', axes: [1], inputs: [4], result: [9], arg: 'units' }],
        }),
      },
      () => expect(build).toThrow(EngineError),
    );
  });

  it('a changed axis with no step throws EngineError', () => {
    withFake(
      {
        defaults: {},
        build: ({ input }) => ({
          output: [input[0]!, 8],
          weights: [],
          steps: [{ rule: 'unchanged', axes: [0], inputs: [null], result: [null] }],
        }),
      },
      () => expect(build).toThrow(EngineError),
    );
  });
});

/** The one layer built on a shape, as a row. */
function row(type: string, args: LayerArgs, input: Shape | Shape[]): Row {
  const r = resolveLayer({ type, args }, input);
  if (!r.ok) throw new Error(describeDiagnostic(r.error));
  return r.row;
}
const windows = (r: Row): WindowStep[] => r.steps.filter((s): s is WindowStep => 'kernel' in s);
const stepOn = (r: Row, axis: number, tensor = 0): ShapeStep | undefined =>
  r.steps.find((s) => (s.tensor ?? 0) === tensor && s.axes.includes(axis));

describe('steps and counts checked by hand', () => {
  it("Conv2D's example: 32 × (1 · 3 · 3 + 1) = 320, and ⌊(28 − 3) / 1⌋ + 1 = 26 on each side", () => {
    const { row: r } = buildExample('Conv2D');
    expect(specFor('Conv2D')!.example).toEqual({ args: { filters: 32, kernel_size: 3 }, input: [null, 28, 28, 1] });
    expect(r.params).toBe(32 * (1 * 3 * 3 + 1));
    const [h, w] = windows(r);
    expect(h).toMatchObject({
      rule: 'conv-valid',
      axes: [1],
      inputs: [28],
      kernel: 3,
      stride: 1,
      dilation: 1,
      padBefore: 0,
      padAfter: 0,
      result: [Math.floor((28 - 3) / 1) + 1],
    });
    expect(w!.result).toEqual([26]);
    // the last window starts at 25 and ends at 27, the last row: nothing dropped
    expect(h!.dropped).toBe(0);
    expect(stepOn(r, 3)).toMatchObject({ rule: 'set-to-arg', arg: 'filters', inputs: [1], result: [32] });
  });

  it('same padding splits as TensorFlow does: k 3, s 2 on 28 → 14, total max((14 − 1) · 2 + 3 − 28, 0) = 1, all after', () => {
    const r = row('Conv2D', { filters: 8, kernel_size: 3, strides: 2, padding: 'same' }, [null, 28, 28, 3]);
    expect(windows(r)[0]).toMatchObject({ rule: 'conv-same', result: [14], padBefore: 0, padAfter: 1, dropped: 0 });
  });

  it('an even total splits evenly: k 5, s 1 on 10 → total 4, 2 before and 2 after', () => {
    const r = row('Conv1D', { filters: 4, kernel_size: 5, padding: 'same' }, [null, 10, 1]);
    expect(windows(r)[0]).toMatchObject({ result: [10], padBefore: 2, padAfter: 2 });
  });

  it('valid pooling drops the rows no window reaches: pool 3, stride 2 on 28 → 13 windows ending at 12 · 2 + 3 = 27, 1 dropped', () => {
    const r = row('MaxPooling2D', { pool_size: 3, strides: 2 }, [null, 28, 28, 8]);
    expect(windows(r)[0]).toMatchObject({
      rule: 'pool-valid',
      kernel: 3,
      stride: 2,
      result: [13],
      padBefore: 0,
      padAfter: 0,
      dropped: 28 - 27,
    });
  });

  it('same pooling on an odd length: pool 2, stride 2 on 5 → 3, total (3 − 1) · 2 + 2 − 5 = 1, after', () => {
    const r = row('MaxPooling1D', { pool_size: 2, padding: 'same' }, [null, 5, 1]);
    expect(windows(r)[0]).toMatchObject({ rule: 'pool-same', result: [3], padBefore: 0, padAfter: 1, dropped: 0 });
  });

  it('causal Conv1D pads d · (k − 1) = 2 · 2 = 4 on the left only', () => {
    const r = row('Conv1D', { filters: 4, kernel_size: 3, dilation_rate: 2, padding: 'causal' }, [null, 20, 1]);
    expect(windows(r)[0]).toMatchObject({ rule: 'conv-causal', result: [20], padBefore: 4, padAfter: 0, dropped: 0 });
  });

  it('Conv2DTranspose, stride 2, same: 14 · 2 = 28', () => {
    const r = row('Conv2DTranspose', { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, [null, 14, 14, 32]);
    expect(windows(r)[0]).toMatchObject({ rule: 'transpose-same', inputs: [14], result: [28] });
    expect(r.params).toBe(16 * (32 * 3 * 3 + 1));
  });

  it('DepthwiseConv2D multiplies the channels: 8 × 2 = 16', () => {
    const r = row('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2 }, [null, 10, 10, 8]);
    expect(stepOn(r, 3)).toMatchObject({ rule: 'multiply', inputs: [8], factor: 2, result: [16] });
  });

  it('Flatten multiplies 28 × 28 × 1 = 784; Dense sets 784 → 10 with 10 × (784 + 1) = 7,850', () => {
    expect(stepOn(row('Flatten', {}, [null, 28, 28, 1]), 1)).toMatchObject({ rule: 'product', inputs: [28, 28, 1], result: [784] });
    const dense = row('Dense', { units: 10 }, [null, 784]);
    expect(dense.params).toBe(10 * (784 + 1));
    expect(stepOn(dense, 1)).toMatchObject({ rule: 'set-to-arg', arg: 'units', inputs: [784], result: [10] });
  });

  it('GlobalAveragePooling2D drops 7 × 7 and keeps the 64 channels', () => {
    const r = row('GlobalAveragePooling2D', {}, [null, 7, 7, 64]);
    expect(r.steps.find((s) => s.rule === 'drop')).toMatchObject({ axes: [], inputs: [7, 7] });
    expect(r.outputShape).toEqual([null, 64]);
  });

  it('ZeroPadding2D adds 1 + 1: 28 → 30; Cropping2D takes 2 + 2: 28 → 24; UpSampling2D doubles 14 → 28', () => {
    expect(stepOn(row('ZeroPadding2D', { padding: 1 }, [null, 28, 28, 3]), 1)).toMatchObject({
      rule: 'pad',
      before: 1,
      after: 1,
      result: [30],
    });
    expect(
      stepOn(
        row(
          'Cropping2D',
          {
            cropping: [
              [2, 2],
              [0, 0],
            ],
          },
          [null, 28, 28, 3],
        ),
        1,
      ),
    ).toMatchObject({ rule: 'crop', before: 2, after: 2, result: [24] });
    expect(stepOn(row('UpSampling2D', { size: 2 }, [null, 14, 14, 3]), 2)).toMatchObject({ rule: 'upsample', factor: 2, result: [28] });
  });

  it('LSTM without return_sequences drops the 20 steps: 4 × (64 × (32 + 64) + 64) = 24,832', () => {
    const r = row('LSTM', { units: 64 }, [null, 20, 32]);
    expect(r.params).toBe(4 * (64 * (32 + 64) + 64));
    expect(r.steps.find((s) => s.rule === 'drop')).toMatchObject({ inputs: [20], arg: 'return_sequences' });
    expect(stepOn(r, 1)).toMatchObject({ rule: 'set-to-arg', arg: 'units', result: [64] });
  });

  it('Bidirectional LSTM concatenates 32 + 32 = 64: 2 × 4 × (32 × (8 + 32) + 32) = 10,496', () => {
    const r = row('Bidirectional', { layer: { type: 'LSTM', args: { units: 32, return_sequences: true } } }, [null, 10, 8]);
    expect(r.params).toBe(2 * 4 * (32 * (8 + 32) + 32));
    expect(stepOn(r, 2)).toMatchObject({ rule: 'concat-sum', inputs: [32, 32], result: [64] });
  });

  it('Concatenate adds 16 + 32 = 48 on the last axis', () => {
    expect(
      stepOn(
        row('Concatenate', {}, [
          [null, 8, 16],
          [null, 8, 32],
        ]),
        2,
      ),
    ).toMatchObject({ rule: 'concat-sum', inputs: [16, 32], result: [48] });
  });

  it('MultiHeadAttention is called positionally: 2 heads of 16 on 32 features, 4 projections', () => {
    const r = row('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [
      [null, 8, 32],
      [null, 10, 32],
    ]);
    // query, key, value: 2 × 16 × (32 + 1) each; output: 2 × 16 × 32 + 32
    expect(r.params).toBe(3 * 2 * 16 * (32 + 1) + 2 * 16 * 32 + 32);
    expect(r.outputShape).toEqual([null, 8, 32]);
  });

  it('channels_first puts the window steps on axes 2 and 3 and the filters on axis 1', () => {
    const r = row('Conv2D', { filters: 8, kernel_size: 5, data_format: 'channels_first' }, [null, 3, 32, 32]);
    expect(windows(r).map((s) => s.axes[0])).toEqual([2, 3]);
    expect(windows(r)[0]!.result).toEqual([32 - 5 + 1]);
    expect(stepOn(r, 1)).toMatchObject({ rule: 'set-to-arg', inputs: [3], result: [8] });
  });

  it('TimeDistributed(Conv2D) moves the inner steps past the time axis: 28 − 3 + 1 = 26 on axes 2 and 3', () => {
    const r = row('TimeDistributed', { layer: { type: 'Conv2D', args: { filters: 4, kernel_size: 3 } } }, [null, 5, 28, 28, 1]);
    expect(windows(r).map((s) => [s.axes[0], s.result[0]])).toEqual([
      [2, 26],
      [3, 26],
    ]);
    expect(stepOn(r, 4)).toMatchObject({ rule: 'set-to-arg', result: [4] });
  });

  it('LSTM with return_state explains its two states (batch, 16) as outputs 1 and 2', () => {
    const r = row('LSTM', { units: 16, return_state: true }, [null, 10, 8]);
    expect([1, 2].map((t) => stepOn(r, 1, t)?.result)).toEqual([[16], [16]]);
  });

  it('Bidirectional with merge_mode=None gives both sequences their steps: 12 units on axis 2 of outputs 0 and 1', () => {
    const r = row('Bidirectional', { merge_mode: null, layer: { type: 'GRU', args: { units: 12, return_sequences: true } } }, [
      null,
      10,
      8,
    ]);
    expect([0, 1].map((t) => stepOn(r, 2, t)?.result)).toEqual([[12], [12]]);
  });

  it('Reshape infers its -1: 784 / (7 × 7) = 16', () => {
    expect(stepOn(row('Reshape', { target_shape: [7, 7, -1] }, [null, 784]), 3)).toMatchObject({
      rule: 'reshape',
      inputs: [784],
      result: [7, 7, 784 / (7 * 7)],
    });
  });

  it('SpectralNormalization(Dense 10) on 20 features: 10 × (20 + 1) + u of 10 = 220', () => {
    const r = row('SpectralNormalization', { layer: { type: 'Dense', args: { units: 10 } } }, [null, 20]);
    expect(r.params).toBe(10 * (20 + 1) + 10);
    expect(evaluate(r.formula!)).toBe(220);
  });
});
