/**
 * A printout's rows gathered back into a summary: rendered again, it must be the text Keras printed
 * (tests/cli/fixtures/tutorial.*.txt are Keras 3's and tf.keras's printouts of the tutorial CNN),
 * with every count explained and the printed footer kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPrintout } from '@calc/import.ts';
import { summaryFromPrintout, type PrintedModel } from '@calc/printout-summary.ts';
import { renderJson, renderKeras2, renderKeras3 } from '@calc/render.ts';
import { resolveLayer } from '@calc/engine.ts';
import { corpus } from '../python-corpus/corpus.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../cli/fixtures', name), 'utf8');
const row = (name: string, type: string, outputShape: (number | null)[], params: number, trainable: boolean | null = null) => ({
  name,
  type,
  outputShape,
  params,
  connectedTo: [],
  trainable,
});

/** The tutorial CNN's rows and footer, as both printouts show them. */
const TUTORIAL: PrintedModel = {
  modelName: 'sequential',
  rows: [
    row('conv2d', 'Conv2D', [null, 26, 26, 32], 320),
    row('max_pooling2d', 'MaxPooling2D', [null, 13, 13, 32], 0),
    row('conv2d_1', 'Conv2D', [null, 11, 11, 64], 18_496),
    row('max_pooling2d_1', 'MaxPooling2D', [null, 5, 5, 64], 0),
    row('conv2d_2', 'Conv2D', [null, 3, 3, 64], 36_928),
    row('flatten', 'Flatten', [null, 576], 0),
    row('dense', 'Dense', [null, 64], 36_928),
    row('dense_1', 'Dense', [null, 10], 650),
  ],
  totals: { params: 93_322, trainable: 93_322, nonTrainable: 0 },
};

describe('a printout summarised again', () => {
  const { summary } = summaryFromPrintout(TUTORIAL);

  it('prints the Keras 3 text Keras printed, and the tf.keras 2 text tf.keras printed', () => {
    expect(renderKeras3(summary)).toBe(fixture('tutorial.keras3.txt'));
    expect(renderKeras2(summary)).toBe(fixture('tutorial.keras2.txt'));
  });

  it('carries the formula and the inferred arguments on every row with parameters', () => {
    const json = renderJson(summary);
    expect(json.layers.map((l) => l.formula)).toEqual([
      '32 × (1 × 3 × 3 + 1)',
      undefined,
      '64 × (32 × 3 × 3 + 1)',
      undefined,
      '64 × (64 × 3 × 3 + 1)',
      undefined,
      '64 × (576 + 1)',
      '10 × (64 + 1)',
    ]);
    expect(json.layers[0]!.inferred).toEqual({ filters: 32, kernel_size: [3, 3] });
    // the first layer's input is not printed: 9 weights per filter also read as 9 channels × 1 × 1
    expect(json.layers[0]!.alternatives).toContainEqual({
      args: { filters: 32, kernel_size: [1, 1] },
      input: [null, 26, 26, 9],
      formula: '32 × (9 × 1 × 1 + 1)',
    });
  });

  it('keeps the printed footer; a frozen row (Trainable N) counts as non-trainable', () => {
    const frozen = summaryFromPrintout({
      ...TUTORIAL,
      rows: TUTORIAL.rows.map((r, i) => (i === 0 ? { ...r, trainable: false } : r)),
      totals: { params: 93_322, trainable: 93_002, nonTrainable: 320 },
    }).summary;
    expect(frozen.rows[0]).toMatchObject({ trainable: 0, nonTrainable: 320 });
    expect(frozen.totals).toMatchObject({ params: 93_322, trainable: 93_002, nonTrainable: 320, bytes: 93_322 * 4 });
  });
});

describe('what Keras 3.15 printed for the Python corpus, pasted back', () => {
  const printed = (id: string) => readFileSync(join(import.meta.dirname, '../python-corpus/printed', `${id}.txt`), 'utf8');

  it.each(corpus.map((e) => [e.id, e] as const))('%s: read, explained and printed again, character for character', (_id, entry) => {
    const text = printed(entry.id);
    const read = readPrintout(text);
    if (!read.ok) throw new Error(read.error.message);
    // Keras cuts long names and connections with …: that is said, and nothing else is wrong
    expect(read.value.warnings.filter((w) => w.code !== 'printout-cell-cut')).toEqual([]);
    const own = read.value.rows.filter((r) => r.depth === 0);
    expect(own.map((r) => r.params)).toEqual(entry.expected.rows.map((r) => r.params));
    own.forEach((r, i) => {
      expect(entry.expected.rows[i]!.name.startsWith(r.name.replace(/…$/, ''))).toBe(true);
      expect(entry.expected.rows[i]!.type.startsWith(r.type.replace(/…$/, ''))).toBe(true);
    });
    const { summary, explained } = summaryFromPrintout({ modelName: read.value.modelName, rows: own, totals: read.value.totals });
    expect(renderKeras3(summary)).toBe(text);
    // every reading offered rebuilds to the printed count and shape
    explained.forEach((e, i) => {
      for (const reading of e.inferred && e.status !== 'no-weights' ? [e.inferred, ...e.alternatives] : []) {
        const rebuilt = resolveLayer({ type: own[i]!.type, args: reading.args }, reading.input);
        expect(rebuilt.ok && rebuilt.row.params).toBe(own[i]!.params);
      }
    });
  });
});

describe('a printout whose Connected to cells Keras cut', () => {
  // what Keras 3.15.1 printed for tests/cli/fixtures/attention-keras-3.15.py
  const text = readFileSync(join(import.meta.dirname, '../cli/fixtures/attention-keras-3.15.txt'), 'utf8');

  it('reads `input_layer[0][0…` over `input_layer[0][0]` as two references, and explains the attention rows', () => {
    const read = readPrintout(text);
    if (!read.ok) throw new Error(read.error.message);
    const mha = read.value.rows.findIndex((r) => r.type.startsWith('MultiHeadAttentio'));
    expect(read.value.rows[mha]!.connectedTo).toEqual(['input_layer[0][0…', 'input_layer[0][0]']);
    const { explained } = summaryFromPrintout({ modelName: read.value.modelName, rows: read.value.rows, totals: read.value.totals });
    // AdditiveAttention: one scale per query feature, 16
    expect(explained[mha - 1]!.status).toBe('exact');
    // MultiHeadAttention on 16 features to 12: heads × key_dim × (16 + 16 + 2) + heads × value_dim × (16 + 12 + 1) + 12 = 1,796;
    // the code's 4 heads of key_dim 8 and value_dim 6 are one reading: 32 × 34 + 24 × 29 + 12
    const readings = [explained[mha]!.inferred!, ...explained[mha]!.alternatives].map((r) => [
      r.args['num_heads'],
      r.args['key_dim'],
      r.args['value_dim'],
    ]);
    expect(readings).toContainEqual([4, 8, 6]);
    expect(32 * 34 + 24 * 29 + 12).toBe(1_796);
  });
});
