/** The `--format json` object: the CLI's stable contract. */
import { describe, expect, it } from 'vitest';
import { arithmetic } from '../formula-arithmetic.ts';
import { renderJson } from '@calc/summary-json.ts';
import { loadGoldens } from '../golden/golden.ts';
import { summarizeGolden } from '../golden/summarize-golden.ts';
import { layer, nested, summary, tutorialSequential, twoInputs, unbuilt, w } from './summary-builders.ts';

describe('JSON summary', () => {
  it('gives the tutorial CNN as name, layers and totals only', () => {
    const json = renderJson(tutorialSequential());
    expect(Object.keys(json)).toEqual(['name', 'layers', 'totals']);
    expect(json.name).toBe('sequential');
    expect(json.layers[0]).toEqual({
      name: 'conv2d',
      type: 'Conv2D',
      outputShape: [null, 26, 26, 32],
      params: 32 * (1 * 3 * 3 + 1),
      trainable: 320,
      nonTrainable: 0,
    });
    expect(json.layers.map((l) => l.params)).toEqual([
      320,
      0,
      64 * (32 * 3 * 3 + 1),
      0,
      64 * (64 * 3 * 3 + 1),
      0,
      64 * (576 + 1),
      10 * (64 + 1),
    ]);
    expect(json.totals).toEqual({ params: 93_322, trainable: 93_322, nonTrainable: 0 });
  });

  it('splits BatchNormalization into trainable gamma/beta and non-trainable moving statistics', () => {
    const bn = renderJson(twoInputs()).layers.find((l) => l.type === 'BatchNormalization');
    expect(bn).toEqual({
      name: 'batch_normalization',
      type: 'BatchNormalization',
      outputShape: [null, 64],
      params: 4 * 64,
      trainable: 2 * 64,
      nonTrainable: 2 * 64,
    });
    expect(renderJson(twoInputs()).totals).toEqual({ params: 1153, trainable: 1025, nonTrainable: 128 });
  });

  it('lists the shapes of a layer with several outputs', () => {
    const model = summary('m', [
      layer(
        'lstm',
        'LSTM',
        [
          [null, 4],
          [null, 4],
          [null, 4],
        ],
        [w('kernel', [8, 16]), w('recurrent_kernel', [4, 16]), w('bias', [16])],
      ),
    ]);
    expect(renderJson(model).layers[0]?.outputShape).toEqual([
      [null, 4],
      [null, 4],
      [null, 4],
    ]);
  });

  it('gives null for the shape of a layer that was never built', () => {
    expect(renderJson(summary('s', [unbuilt('dense', 'Dense')])).layers[0]).toEqual({
      name: 'dense',
      type: 'Dense',
      outputShape: null,
      params: 0,
      trainable: 0,
      nonTrainable: 0,
    });
  });

  it('keeps a nested model as one row', () => {
    const inner = nested(
      'inner',
      'Sequential',
      [null, 2],
      [
        layer('dense_7', 'Dense', [null, 4], [w('kernel', [8, 4], false), w('bias', [4], false)]),
        layer('dense_8', 'Dense', [null, 2], [w('kernel', [4, 2]), w('bias', [2])]),
      ],
    );
    const json = renderJson(summary('outer', [inner]));
    expect(json.layers).toEqual([
      { name: 'inner', type: 'Sequential', outputShape: [null, 2], params: 36 + 10, trainable: 10, nonTrainable: 36 },
    ]);
  });

  it('survives JSON.stringify unchanged', () => {
    const json = renderJson(twoInputs());
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('JSON summary of the 400 golden models', () => {
  it.each(loadGoldens().map((g) => [g.id, g] as const))('%s matches expected.json, a formula on every row with parameters', (_id, g) => {
    const { name, layers, totals } = g.expected;
    const json = renderJson(summarizeGolden(g));
    expect({ ...json, layers: json.layers.map(({ formula: _f, ...l }) => l) }).toEqual({ name, layers, totals });
    for (const l of json.layers) expect(l.formula === undefined ? 0 : arithmetic(l.formula)).toBe(l.params);
  });
});
