/**
 * Working back from printed rows to the arguments behind them. Each expected reading is hand
 * arithmetic (beside it); the goldens' rows are what Keras printed, and every reading the engine
 * offers for them must rebuild to exactly the printed count and shape.
 */
import { describe, expect, it } from 'vitest';
import { explainPrinted, type Explained, type PrintedLayer } from '@calc/printout-explain.ts';
import { resolveLayer } from '@calc/engine.ts';
import { formulaText } from '@calc/explain.ts';
import { loadGoldens } from '../golden/golden.ts';
import { summarizeGolden } from '../golden/summarize-golden.ts';

const row = (
  type: string,
  outputShape: PrintedLayer['outputShape'],
  params: number,
  name = type.toLowerCase(),
  connectedTo: string[] = [],
): PrintedLayer => ({
  name,
  type,
  outputShape,
  params,
  connectedTo,
});

const formulas = (e: Explained) => [e.inferred, ...e.alternatives].flatMap((r) => (r?.formula ? [formulaText(r.formula)] : []));

/** The MNIST CNN as `model.summary()` printed it (Keras 3, Sequential: no input row). */
const MNIST: PrintedLayer[] = [
  row('Conv2D', [null, 26, 26, 32], 320, 'conv2d'),
  row('MaxPooling2D', [null, 13, 13, 32], 0, 'max_pooling2d'),
  row('Conv2D', [null, 11, 11, 64], 18_496, 'conv2d_1'),
  row('MaxPooling2D', [null, 5, 5, 64], 0, 'max_pooling2d_1'),
  row('Conv2D', [null, 3, 3, 64], 36_928, 'conv2d_2'),
  row('Flatten', [null, 576], 0, 'flatten'),
  row('Dense', [null, 64], 36_928, 'dense'),
  row('Dense', [null, 10], 650, 'dense_1'),
];

describe('the MNIST CNN printout, row by row', () => {
  const explained = explainPrinted(MNIST);

  it('the first Conv2D: 32 filters on 1 channel → a 3 × 3 kernel with a bias, and the other readings of 320', () => {
    const first = explained[0]!;
    expect(first.status).toBe('ambiguous');
    expect(first.inferred?.args).toEqual({ filters: 32, kernel_size: [3, 3] });
    // the printout shows no input: 320 / 32 − 1 = 9 weights per filter, 1 channel × 3 × 3 first
    expect(formulas(first)[0]).toBe('32 × (1 × 3 × 3 + 1)');
    expect(formulas(first)).toContain('32 × (1 × 1 × 9 + 1)');
  });

  it('the second Conv2D reads 32 channels from the row above: only 3 × 3 valid gives 13 → 11 and 18,496', () => {
    // 64 × (32 × 3 × 3 + 1) = 18,496; 13 − 3 + 1 = 11
    expect(explained[2]).toMatchObject({ status: 'exact', inferred: { args: { filters: 64, kernel_size: [3, 3] } } });
    expect(formulas(explained[2]!)).toEqual(['64 × (32 × 3 × 3 + 1)']);
  });

  it('Dense 36,928 with 64 units: 576 inputs plus a bias', () => {
    // 64 × (576 + 1) = 36,928
    expect(formulas(explained[6]!)).toEqual(['64 × (576 + 1)']);
    expect(explained[6]!.status).toBe('exact');
  });

  it('layers without weights need no arguments for their count', () => {
    expect(explained.filter((e) => e.status === 'no-weights').length).toBe(2 + 1); // two pools and Flatten
  });

  it('MaxPooling2D: 26 → 13 is a 2 × 2 pool (⌊(26 − 2) / 2⌋ + 1 = 13), 11 → 5 too (⌊9 / 2⌋ + 1)', () => {
    expect(explained[1]).toMatchObject({ status: 'no-weights', inferred: { args: { pool_size: 2 } } });
    expect(explained[3]).toMatchObject({ status: 'no-weights', inferred: { args: { pool_size: 2 } } });
    // a pooling layer printed with a weight is a printout edited by hand: nothing builds it
    expect(explainPrinted([row('Conv2D', [null, 26, 26, 32], 320), row('MaxPooling2D', [null, 13, 13, 32], 1)])[1]!.status).toBe(
      'no-match',
    );
  });
});

describe('other families', () => {
  it('BatchNormalization 256 → 64 channels × 4, half of them not trainable', () => {
    const [, bn] = explainPrinted([row('Conv2D', [null, 26, 26, 64], 1_792), row('BatchNormalization', [null, 26, 26, 64], 256)]);
    expect(bn!.status).toBe('exact');
    expect(bn!.inferred?.row).toMatchObject({ params: 256, trainable: 128, nonTrainable: 128 });
  });

  it('LSTM: 4 × units × (inputs + units + 1), the inputs worked out for a first layer', () => {
    // 4 × 64 × (f + 64 + 1) = 33,024 → f = 64
    const [lstm] = explainPrinted([row('LSTM', [null, 64], 33_024)]);
    expect(lstm!.inferred?.input).toEqual([null, null, 64]);
    expect(formulas(lstm!)[0]).toBe('4 × (64 × (64 + 64) + 64)');
  });

  it('GRU: Keras 3 resets after (two bias rows) unless only one fits', () => {
    // on 16 features: 3 × (32 × (16 + 32) + 2 × 32) = 4,800; reset_after=False: 3 × (32 × (16 + 32) + 32) = 4,704
    const rows = [row('Embedding', [null, 10, 16], 16_000), row('GRU', [null, 32], 4_800)];
    expect(explainPrinted(rows)[1]!.inferred?.args).toEqual({ units: 32 });
    const old = [row('Embedding', [null, 10, 16], 16_000), row('GRU', [null, 32], 4_704)];
    expect(explainPrinted(old)[1]!.inferred?.args).toEqual({ units: 32, reset_after: false });
  });

  it('Embedding: the vocabulary is the count over the vector length', () => {
    // 1,000 × 64 = 64,000
    expect(explainPrinted([row('Embedding', [null, 20, 64], 64_000)])[0]!.inferred?.args).toEqual({ input_dim: 1000, output_dim: 64 });
  });

  it('MultiHeadAttention: heads × key_dim is known, the split is not — every split is offered', () => {
    // self-attention on 32 features, heads × key_dim = w: w × (2 × 32 + 2 × 32 + 3) + 32 = 131 w + 32; w = 32 → 4,224
    const rows = [
      row('InputLayer', [null, 10, 32], 0, 'input_layer'),
      row('MultiHeadAttention', [null, 10, 32], 4_224, 'mha', ['input_layer[0][0]', 'input_layer[0][0]']),
    ];
    const mha = explainPrinted(rows)[1]!;
    expect(mha.status).toBe('ambiguous');
    const splits = [mha.inferred!, ...mha.alternatives].map((r) => [r.args['num_heads'], r.args['key_dim']]);
    expect(splits).toContainEqual([2, 16]);
    expect(splits).toContainEqual([4, 8]);
    for (const [heads, keyDim] of splits) expect((heads as number) * (keyDim as number)).toBe(32);
  });

  it('a count no arguments give (a printout edited by hand), and a class Param Lab does not know', () => {
    // 64 × (576 + 1) = 36,928, not 36,929
    const [, dense] = explainPrinted([row('Flatten', [null, 576], 0), row('Dense', [null, 64], 36_929)]);
    expect(dense!.status).toBe('no-match');
    expect(explainPrinted([row('MyCustomLayer', [null, 8], 72)])[0]!.status).toBe('unknown-type');
  });
});

describe('every golden printout explains itself', () => {
  const goldens = loadGoldens();
  it.each(goldens.map((g) => [g.id, g] as const))('%s: each reading rebuilds to the printed count and shape', (_id, g) => {
    const summary = summarizeGolden(g);
    const printed = g.expected.layers.map((l, i) => ({
      name: l.name,
      type: l.type,
      outputShape: summary.rows[i]!.outputShape,
      params: l.params,
      connectedTo: summary.sequentialLike ? [] : summary.rows[i]!.connectedTo,
    }));
    explainPrinted(printed).forEach((e, i) => {
      const p = printed[i]!;
      if (p.params === 0) return expect(['no-weights', 'nested-model']).toContain(e.status);
      // the one row left unexplained: a Conv2DTranspose with output_padding (docs/printouts.md)
      if (e.status === 'no-match') return expect(p.type).toBe('Conv2DTranspose');
      if (e.status === 'nested-model') return expect(p.type).toBe('Sequential');
      expect(['exact', 'ambiguous']).toContain(e.status);
      for (const reading of [e.inferred!, ...e.alternatives]) {
        const rebuilt = resolveLayer({ type: p.type, args: reading.args }, reading.input);
        if (!rebuilt.ok) throw new Error(rebuilt.error.message);
        expect(rebuilt.row.params).toBe(p.params);
        expect(rebuilt.row.outputShape).toEqual(p.outputShape);
      }
    });
  });
});
