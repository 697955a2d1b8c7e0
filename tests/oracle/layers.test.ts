/**
 * Every layer tfjs-layers 4.22 exports, built in tfjs and in our engine from the same random Keras
 * configuration: output shapes, parameter counts (total, trainable, non-trainable) and the shapes
 * of the weights must match.
 * A configuration tfjs refuses — it throws, or it reports a window that does not fit as a length
 * ≤ 0 — must be refused by our engine too.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { knownTypes } from '@calc/engine.ts';
import { LAYER_CASES } from './layer-cases.ts';
import { hasNonPositiveDim, loadTfjs, measureOurs, measureTfjs, type LayerCase, type Measured } from './tfjs.ts';

const SEED = 20_240_611;
const RUNS = 100;

/** The two engines agree on this case, or both refuse it. */
function agree(c: LayerCase): void {
  const theirs = measureTfjs(c);
  const ours = measureOurs(c);
  if (!theirs.ok || hasNonPositiveDim(theirs.value.output)) {
    const why = theirs.ok ? `a length ≤ 0: ${JSON.stringify(theirs.value.output)}` : theirs.message;
    expect(ours.ok, `tfjs refuses ${JSON.stringify(c)} (${why}) but our engine accepted it`).toBe(false);
    return;
  }
  expect(ours.ok ? ours.value : `our engine refused: ${ours.message}`, JSON.stringify(c)).toEqual(theirs.value);
}

beforeAll(async () => {
  await loadTfjs();
});

describe('every tfjs layer agrees with our engine on random configurations', () => {
  const known = new Set(knownTypes());
  for (const [type, cases] of Object.entries(LAYER_CASES)) {
    // Families still being written are skipped until their spec is registered.
    it.skipIf(!known.has(type))(`${type}: output shape, params, trainable, non-trainable and weight shapes match tfjs`, () => {
      fc.assert(fc.property(cases, agree), { seed: SEED, numRuns: RUNS });
    });
  }
});

/** tfjs says one thing, Keras 3 another: check that tfjs still says it and that we say what Keras says. */
function departs(c: LayerCase, tfjsSays: Partial<Measured> | 'refuses', kerasSays: Partial<Measured> | 'refuses'): void {
  const theirs = measureTfjs(c);
  const ours = measureOurs(c);
  if (tfjsSays === 'refuses') expect(theirs.ok).toBe(false);
  else expect(theirs.ok ? theirs.value : theirs.message).toMatchObject(tfjsSays);
  if (kerasSays === 'refuses') expect(ours.ok).toBe(false);
  else expect(ours.ok ? ours.value : ours.message).toMatchObject(kerasSays);
}

describe('where tfjs-layers 4.22 departs from Keras 3 (docs/dialects.md#tfjs-departures), we follow Keras', () => {
  it('Conv2D(16, 3, groups=4) on 8 channels: tfjs ignores groups (16 × (3 × 3 × 8 + 1) = 1,168), Keras counts 16 × (3 × 3 × 8/4 + 1) = 304', () => {
    departs(
      { type: 'Conv2D', args: { filters: 16, kernel_size: 3, groups: 4 }, inputs: [[8, 8, 8]] },
      { params: 16 * (3 * 3 * 8 + 1) },
      { params: 16 * (3 * 3 * (8 / 4) + 1), output: [null, 6, 6, 16] },
    );
  });

  it('GlobalAveragePooling2D(keepdims=True): tfjs ignores keepdims, Keras keeps the 1×1 axes', () => {
    departs(
      { type: 'GlobalAveragePooling2D', args: { keepdims: true }, inputs: [[7, 7, 32]] },
      { output: [null, 32] },
      { output: [null, 1, 1, 32] },
    );
  });

  it('Conv1D causal, k=3, d=2 on 100 steps: tfjs computes it as valid (100 − 2 × (3 − 1) = 96), Keras keeps 100', () => {
    departs(
      { type: 'Conv1D', args: { filters: 2, kernel_size: 3, dilation_rate: 2, padding: 'causal' }, inputs: [[100, 2]] },
      { output: [null, 100 - 2 * (3 - 1), 2] },
      { output: [null, 100, 2] },
    );
  });

  it('Reshape((-1, 16)) on 784 features: tfjs leaves -1 unknown, Keras resolves it to 784 / 16 = 49', () => {
    departs(
      { type: 'Reshape', args: { target_shape: [-1, 16] }, inputs: [[784]] },
      { output: [null, null, 16] },
      { output: [null, 784 / 16, 16] },
    );
  });

  it('GRU(32) on 8 features: tfjs defaults to reset_after=False (3 × (8 × 32 + 32 × 32 + 32) = 3,936), Keras to True (3 × (8 × 32 + 32 × 32 + 2 × 32) = 4,032)', () => {
    departs(
      { type: 'GRU', args: { units: 32 }, inputs: [[5, 8]] },
      { params: 3 * (8 * 32 + 32 * 32 + 32) },
      { params: 3 * (8 * 32 + 32 * 32 + 2 * 32) },
    );
  });

  it('GRU(reset_after=True): tfjs cannot build it, Keras can', () => {
    departs({ type: 'GRU', args: { units: 4, reset_after: true }, inputs: [[5, 3]] }, 'refuses', { params: 3 * (3 * 4 + 4 * 4 + 2 * 4) });
  });

  it('Conv2DTranspose(k=3, s=2, output_padding=1) on 7: tfjs ignores output_padding (7 × 2 + max(3 − 2, 0) = 15), Keras gives (7 − 1) × 2 + 3 + 1 = 16', () => {
    departs(
      { type: 'Conv2DTranspose', args: { filters: 2, kernel_size: 3, strides: 2, output_padding: 1 }, inputs: [[7, 7, 2]] },
      { output: [null, 7 * 2 + Math.max(3 - 2, 0), 7 * 2 + Math.max(3 - 2, 0), 2] },
      { output: [null, (7 - 1) * 2 + 3 + 1, (7 - 1) * 2 + 3 + 1, 2] },
    );
  });

  it('Conv2D with strides=2 and dilation_rate=2: tfjs builds it (⌊(9 − 5) / 2⌋ + 1 = 3), Keras refuses', () => {
    departs(
      { type: 'Conv2D', args: { filters: 2, kernel_size: 3, strides: 2, dilation_rate: 2 }, inputs: [[9, 9, 2]] },
      { output: [null, 3, 3, 2] },
      'refuses',
    );
  });

  it('DepthwiseConv2D(3, dilation_rate=2) on 9×9: tfjs ignores the dilation (9 − 3 + 1 = 7), Keras gives 9 − 2 × (3 − 1) = 5', () => {
    departs(
      { type: 'DepthwiseConv2D', args: { kernel_size: 3, dilation_rate: 2 }, inputs: [[9, 9, 2]] },
      { output: [null, 7, 7, 2] },
      { output: [null, 5, 5, 2] },
    );
  });

  it('Flatten on (None, 5): tfjs demands rank ≥ 3, Keras passes it through', () => {
    departs({ type: 'Flatten', args: {}, inputs: [[5]] }, 'refuses', { output: [null, 5] });
  });

  it('Flatten on (None, None, 4): tfjs demands known axes, Keras answers None', () => {
    departs({ type: 'Flatten', args: {}, inputs: [[null, 4]] }, 'refuses', { output: [null, null] });
  });
});
