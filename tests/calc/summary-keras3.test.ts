/** The Keras 3 summary text, checked against texts Keras 3 printed (docs/summary-formats.md#printed-examples and the goldens). */
import { describe, expect, it } from 'vitest';
import { renderKeras3 } from '@calc/summary-keras3.ts';
import type { Row, Summary } from '@calc/summarize.ts';
import { loadGoldens, type Golden } from '../golden/golden.ts';
import * as fixtures from './keras-printed-summaries.ts';
import { layer, nested, summary, tutorialFunctional, tutorialSequential, twoInputs, unbuilt, w } from './summary-builders.ts';

describe('Keras 3 summary: the tutorial model (docs/summary-formats.md#printed-examples)', () => {
  it('prints the Sequential CNN as Keras does when stdout is not a terminal (76 columns)', () => {
    expect(renderKeras3(tutorialSequential())).toBe(fixtures.KERAS3_SEQUENTIAL_76);
  });

  it('prints the same model 88 columns wide, as in a terminal of 92 columns or more', () => {
    expect(renderKeras3(tutorialSequential(), { lineLength: 88 })).toBe(fixtures.KERAS3_SEQUENTIAL_88);
  });

  it('keeps 3 columns for a sequential-like Functional model and shows its InputLayer', () => {
    expect(renderKeras3(tutorialFunctional('functional', 'input_layer'))).toBe(fixtures.KERAS3_FUNCTIONAL_76);
  });

  it('adds "Connected to" for the two-input model and wraps cells at 76 columns', () => {
    expect(renderKeras3(twoInputs())).toBe(fixtures.KERAS3_TWO_INPUTS_76);
  });

  it('draws the two-input model 108 columns wide', () => {
    expect(renderKeras3(twoInputs(), { lineLength: 108 })).toBe(fixtures.KERAS3_TWO_INPUTS_108);
  });
});

describe('Keras 3 summary: options and unusual rows (docs/summary-formats.md#printed-examples)', () => {
  it('expands a nested model with └ prefixes and marks the frozen Dense N', () => {
    const inner = nested(
      'inner',
      'Sequential',
      [null, 2],
      [
        layer('dense_7', 'Dense', [null, 4], [w('kernel', [8, 4], false), w('bias', [4], false)]),
        layer('dense_8', 'Dense', [null, 2], [w('kernel', [4, 2]), w('bias', [2])]),
      ],
    );
    const outer = summary(
      'outer',
      [inner, layer('dense_9', 'Dense', [null, 1], [w('kernel', [2, 1]), w('bias', [1])])],
      true,
      'Functional',
    );
    expect(renderKeras3(outer, { expandNested: true, showTrainable: true })).toBe(fixtures.KERAS3_NESTED_EXPANDED_TRAINABLE);
  });

  it('prints ? and 0 (unbuilt) for a Sequential that was never built', () => {
    expect(renderKeras3(summary('sequential', [unbuilt('dense_5', 'Dense'), unbuilt('dense_6', 'Dense')]))).toBe(fixtures.KERAS3_UNBUILT);
  });

  it('prints the three outputs of an LSTM with return_state as a list, wrapped', () => {
    // LSTM(4) on 8 features: 4 gates × (8 inputs + 4 recurrent + 1 bias) × 4 units = 208.
    const model = summary(
      'functional_3',
      [
        layer('input_layer_3', 'InputLayer', [null, 10, 8]),
        layer(
          'lstm',
          'LSTM',
          [
            [null, 4],
            [null, 4],
            [null, 4],
          ],
          [w('kernel', [8, 16]), w('recurrent_kernel', [4, 16]), w('bias', [16])],
          ['input_layer_3[0][0]'],
        ),
      ],
      true,
      'Functional',
    );
    expect(renderKeras3(model)).toBe(fixtures.KERAS3_MULTI_OUTPUT);
  });

  it('hides the nested rows unless expandNested is set', () => {
    const inner = nested('inner', 'Sequential', [null, 2], [layer('dense_8', 'Dense', [null, 2], [w('kernel', [4, 2]), w('bias', [2])])]);
    expect(renderKeras3(summary('outer', [inner]))).not.toContain('dense_8');
  });

  it('refuses a line length that leaves a column narrower than 4 characters', () => {
    expect(() => renderKeras3(tutorialSequential(), { lineLength: 8 })).toThrow(RangeError);
  });
});

/** Keras 3 lists a tensor's producers in `tree.flatten((args, kwargs))` order: dict keys sorted. */
function tensorRefs(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((v) => tensorRefs(v, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o['class_name'] === '__keras_tensor__') {
      const [layerName, node, tensor] = (o['config'] as { keras_history: [string, number, number] }).keras_history;
      out.push(`${layerName}[${node}][${tensor}]`);
    } else {
      Object.keys(o)
        .sort()
        .forEach((k) => tensorRefs(o[k], out));
    }
  }
  return out;
}

interface KerasLayerJson {
  name: string;
  inbound_nodes?: { args: unknown; kwargs: unknown }[];
}

/**
 * Keras draws 4 columns when a Functional graph branches: a call with several input tensors, a
 * layer called twice, a tensor consumed twice, or several model inputs or outputs.
 */
function branches(config: { layers: KerasLayerJson[]; input_layers: unknown[]; output_layers: unknown[] }): boolean {
  const many = (x: unknown[]): boolean => x.length > 1 && Array.isArray(x[0]);
  if (many(config.input_layers) || many(config.output_layers)) return true;
  const consumed = new Map<string, number>();
  for (const l of config.layers) {
    const nodes = l.inbound_nodes ?? [];
    if (nodes.length > 1) return true;
    for (const n of nodes) {
      const refs = tensorRefs([n.args, n.kwargs], []);
      if (refs.length > 1) return true;
      for (const r of refs) consumed.set(r, (consumed.get(r) ?? 0) + 1);
    }
  }
  return [...consumed.values()].some((n) => n > 1);
}

/** A Summary made only of what Keras reported (expected.json) and the graph it saved (model.json). */
function summaryFromGolden(g: Golden): Summary {
  const model = JSON.parse(g.json) as { config: { layers: KerasLayerJson[]; input_layers: unknown[]; output_layers: unknown[] } };
  const connections = new Map(
    model.config.layers.map((l) => [l.name, (l.inbound_nodes ?? []).flatMap((n) => tensorRefs([n.args, n.kwargs], []))]),
  );
  const rows: Row[] = g.expected.layers.map((l) => ({
    name: l.name,
    type: l.type,
    outputShape: l.outputShape as Row['outputShape'],
    params: l.params,
    trainable: l.trainable,
    nonTrainable: l.nonTrainable,
    weights: [],
    connectedTo: connections.get(l.name) ?? [],
    inbound: [],
    inputShapes: [],
    built: true,
    layerTrainable: true,
    // Keras's printout has no family or shape steps, and the text renderers read neither.
    family: 'core',
    macs: 0,
    steps: [],
  }));
  const t = g.expected.totals;
  return {
    name: g.expected.name,
    className: g.expected.class,
    sequentialLike: g.expected.class === 'Sequential' || !branches(model.config),
    dialect: 'keras3',
    rows,
    // Every golden stores float32 weights (and Normalization's int32 count): 4 bytes a parameter.
    totals: { ...t, bytes: 4 * t.params, trainableBytes: 4 * t.trainable, nonTrainableBytes: 4 * t.nonTrainable },
    outputs: [],
  };
}

describe('Keras 3 summary: the 400 golden models, rows as Keras reported them', () => {
  const goldens = loadGoldens();
  it('reads all 400 goldens', () => expect(goldens).toHaveLength(400));
  it.each(goldens.map((g) => [g.id, g] as const))('%s prints exactly what Keras printed', (_id, g) => {
    expect(renderKeras3(summaryFromGolden(g))).toBe(g.expected.summary);
  });
});
