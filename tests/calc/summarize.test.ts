/** The resolver itself: graph order, deep graphs, nesting, freezing, and errors that keep the rows before them. */
import { describe, expect, it } from 'vitest';
import { tensor, type FunctionalModel, type SequentialModel } from '@calc/model.ts';
import { resolveLayer, summarize } from '@calc/summarize.ts';

/** input → Dense(4) × n, as a functional graph; `reversed` lists the layers outputs-first. */
function chain(n: number, reversed = false): FunctionalModel {
  const layers: FunctionalModel['layers'] = [{ layer: { type: 'InputLayer', name: 'in', args: { batch_shape: [null, 4] } }, nodes: [] }];
  for (let i = 0; i < n; i++) {
    layers.push({
      layer: { type: 'Dense', name: `d${i}`, args: { units: 4 } },
      nodes: [{ args: [tensor(i === 0 ? 'in' : `d${i - 1}`)], kwargs: {} }],
    });
  }
  if (reversed) layers.reverse();
  return { kind: 'functional', name: 'chain', layers, inputs: [tensor('in')], outputs: [tensor(`d${n - 1}`)] };
}

describe('summarize', () => {
  it('resolves a 20,000-layer chain without running out of stack, in either list order', () => {
    for (const reversed of [false, true]) {
      const s = summarize(chain(20_000, reversed));
      expect(s.error).toBeUndefined();
      expect(s.totals.params).toBe(20_000 * 4 * (4 + 1));
      expect(s.sequentialLike).toBe(true);
    }
  });

  it('reports a cycle as a diagnostic naming a layer in it', () => {
    const m = chain(3);
    m.layers[1]!.nodes[0]!.args = [tensor('d2')];
    const s = summarize(m);
    expect(s.error?.message).toMatch(/cycle/);
    expect(['d0', 'd1', 'd2']).toContain(s.error?.layer);
  });

  it('names a connection to a layer the model does not contain', () => {
    const m = chain(2);
    m.layers[2]!.nodes[0]!.args = [tensor('ghost')];
    const s = summarize(m);
    expect(s.error).toMatchObject({ layer: 'd1', message: expect.stringContaining('"ghost"') });
    expect(s.rows.map((r) => r.name)).toEqual(['in', 'd0']);
  });

  it('names a call index that is not a whole number instead of crashing', () => {
    const m = chain(2);
    m.layers[2]!.nodes[0]!.args = [tensor('d0', 0.5)];
    const s = summarize(m);
    expect(s.error).toMatchObject({ layer: 'd1', message: expect.stringContaining('call 0.5 of d0') });
  });

  it('stops at the first broken layer and keeps the rows before it', () => {
    const m: SequentialModel = {
      kind: 'sequential',
      input: [null, 3, 3, 1],
      layers: [
        { type: 'Conv2D', args: { filters: 2, kernel_size: 1 } },
        { type: 'Conv2D', args: { filters: 2, kernel_size: 5 } },
        { type: 'Flatten' },
      ],
    };
    const s = summarize(m);
    expect(s.rows.map((r) => r.params)).toEqual([2 * (1 * 1 * 1 + 1)]);
    expect(s.error).toMatchObject({ layer: 'conv2d_1', layerType: 'Conv2D', arg: 'kernel_size', index: 1 });
  });

  it("keeps a nested model's own rows, formulas included, and freezes them with their parent", () => {
    const inner: SequentialModel = { kind: 'sequential', name: 'inner', input: [null, 8], layers: [{ type: 'Dense', args: { units: 4 } }] };
    const outer: SequentialModel = {
      kind: 'sequential',
      name: 'outer',
      input: [null, 8],
      layers: [
        { type: 'Sequential', name: 'inner', model: inner, trainable: false },
        { type: 'Dense', args: { units: 1 } },
      ],
    };
    const s = summarize(outer);
    const nested = s.rows[0]!;
    expect(nested.params).toBe(4 * (8 + 1));
    expect(nested.layerTrainable).toBe(false);
    expect(nested.children?.[0]).toMatchObject({ type: 'Dense', params: 36, trainable: 0, nonTrainable: 36, layerTrainable: false });
    expect(nested.children?.[0]?.formula).toBeDefined();
    expect(s.totals).toMatchObject({ params: 36 + 5, trainable: 5, nonTrainable: 36 });
  });

  it('marks every layer of a Sequential without an input shape as unbuilt', () => {
    const s = summarize({ kind: 'sequential', layers: [{ type: 'Dense', args: { units: 2 } }] });
    expect(s.rows[0]).toMatchObject({ built: false, outputShape: null, params: 0 });
    expect(s.error).toBeUndefined();
  });
});

describe('resolveLayer on several inputs', () => {
  it('builds MultiHeadAttention on query and value: 2 heads of 16 on 32 features = 4,224', () => {
    const r = resolveLayer({ type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 16 } }, [
      [null, 10, 32],
      [null, 10, 32],
    ]);
    expect(r.ok && r.row.params).toBe(2 * 16 * (32 + 1) * 3 + 2 * 16 * 32 + 32);
  });

  it('builds Concatenate on a list of two shapes', () => {
    const r = resolveLayer({ type: 'Concatenate' }, [
      [null, 3],
      [null, 5],
    ]);
    expect(r.ok && r.row.outputShape).toEqual([null, 3 + 5]);
  });
});
