/** Lambda: Param Lab cannot run its Python, so its output shape is whatever the file records. */
import { describe, expect, it } from 'vitest';
import { modelFromKerasJson } from '@calc/import/keras-json.ts';
import { summarize } from '@calc/summarize.ts';

const lambda = (outputShape: unknown = null) => ({
  module: 'keras.layers',
  class_name: 'Lambda',
  registered_name: null,
  config: {
    name: 'lambda',
    trainable: true,
    dtype: 'float32',
    function: { class_name: '__lambda__', config: { code: '...' } },
    arguments: {},
    output_shape: outputShape,
  },
});
const input = {
  module: 'keras.layers',
  class_name: 'InputLayer',
  config: { batch_shape: [null, 8], dtype: 'float32', name: 'input_layer' },
};
const dense = (name: string, inputShape?: unknown[]) => ({
  module: 'keras.layers',
  class_name: 'Dense',
  config: { name, units: 4, use_bias: true },
  ...(inputShape ? { build_config: { input_shape: inputShape } } : {}),
});

function summarizeJson(json: unknown) {
  const m = modelFromKerasJson(json as never);
  if (!m.ok) throw new Error(m.error.message);
  return summarize(m.value);
}

describe('Lambda', () => {
  it("takes a Sequential Lambda's output from the next layer's recorded input shape: Dense(4) on 16 = 4 × (16 + 1)", () => {
    const s = summarizeJson({ class_name: 'Sequential', config: { name: 's', layers: [input, lambda(), dense('dense', [null, 16])] } });
    expect(s.error).toBeUndefined();
    expect(s.rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 16], 0],
      [[null, 4], 4 * (16 + 1)],
    ]);
  });

  it('uses output_shape when the file gives it', () => {
    const s = summarizeJson({ class_name: 'Sequential', config: { name: 's', layers: [input, lambda([2, 5]), dense('dense')] } });
    expect(s.rows[0]?.outputShape).toEqual([null, 2, 5]);
    expect(s.rows[1]?.params).toBe(4 * (5 + 1));
  });

  it("takes a functional Lambda's output from the tensor its consumer recorded", () => {
    const kt = (layer: string, shape: unknown[]) => ({
      class_name: '__keras_tensor__',
      config: { shape, dtype: 'float32', keras_history: [layer, 0, 0] },
    });
    const json = {
      class_name: 'Functional',
      config: {
        name: 'f',
        layers: [
          { ...input, name: 'input_layer', inbound_nodes: [] },
          { ...lambda(), name: 'lambda', inbound_nodes: [{ args: [kt('input_layer', [null, 8])], kwargs: {} }] },
          { ...dense('dense'), name: 'dense', inbound_nodes: [{ args: [kt('lambda', [null, 3, 3])], kwargs: {} }] },
        ],
        input_layers: [['input_layer', 0, 0]],
        output_layers: [['dense', 0, 0]],
      },
    };
    const s = summarizeJson(json);
    expect(s.rows.map((r) => r.outputShape)).toEqual([
      [null, 8],
      [null, 3, 3],
      [null, 3, 4],
    ]);
    expect(s.totals.params).toBe(4 * (3 + 1));
  });

  it('says why it cannot know the shape when nothing is recorded', () => {
    const s = summarizeJson({ class_name: 'Sequential', config: { name: 's', layers: [input, lambda()] } });
    expect(s.error).toMatchObject({
      layer: 'lambda',
      layerType: 'Lambda',
      arg: 'output_shape',
      message: expect.stringContaining('cannot run'),
    });
  });
});
