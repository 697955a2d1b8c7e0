/**
 * Putting it together's two-input model: a Dense layer called on both inputs is one row and one
 * set of weights. Expected numbers are hand arithmetic; the row layout (one row for the shared
 * layer, both calls in its Connected to cell) is what Keras 3 printed for golden r1001-253, the same
 * architecture at other sizes.
 */
import { describe, expect, it } from 'vitest';
import { renderKeras3 } from '@calc/render.ts';
import { resolveModelFact } from '@lessons/facts.ts';
import { facts } from '@lessons/putting-it-together.ts';

describe('a shared layer is counted once', () => {
  const summary = resolveModelFact(facts.twoInputs);

  it('lists the shared Dense once, with one input’s count: 32 × (128 + 1) = 4,128', () => {
    expect(summary.rows.map((r) => r.name)).toEqual(['input_layer', 'input_layer_1', 'dense', 'concatenate', 'dense_1']);
    expect(summary.rows.find((r) => r.name === 'dense')?.params).toBe(32 * (128 + 1));
  });

  it('joins the two calls into 64 features and totals 4,128 + 1 × (64 + 1) = 4,193', () => {
    expect(summary.rows.find((r) => r.name === 'concatenate')?.outputShape).toEqual([null, 32 + 32]);
    expect(summary.totals.params).toBe(32 * (128 + 1) + 1 * (64 + 1));
  });

  it('prints both calls in the shared layer’s Connected to cell, as Keras does', () => {
    const text = renderKeras3(summary, { lineLength: 100 });
    expect(text).toMatch(/dense \(Dense\)[^\n]*input_layer\[0\]\[0\],/);
    expect(text).toMatch(/\n[│ ]+│[ ]+│[ ]+│ input_layer_1\[0\]\[0\]/);
    expect(text).toMatch(/concatenate \(Concatenate\)[^\n]*dense\[0\]\[0\],/);
    expect(text).toContain('Total params: 4,193 (16.38 KB)'); // 4,193 × 4 bytes / 1,024
  });
});
