/**
 * Formula tokens read exactly like src/calc's formulaText, and each number is tied to the field
 * it came from: filters to the filters field, input channels to the input's channel axis.
 */
import { describe, expect, it } from 'vitest';
import { formulaText, type LayerConfig, type Shape } from '@calc/basics.ts';
import { resolveLayer } from '@calc/engine.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import { formulaTokens, linkedTokens } from '@components/islands/calculator/formula-tokens.ts';
import { int } from './preset-fixtures.ts';

/** The layer's formula from the engine (these layers all have one). */
function formulaOf(layer: LayerConfig, input: Shape | Shape[]) {
  const r = resolveLayer(layer, input);
  if (!r.ok || !r.row.formula) throw new Error(`no formula for ${layer.type}`);
  return r.row.formula;
}

/** The column a formula belongs to: the first layer on its input, with the shape steps the engine returned. */
function whereOf(layer: LayerConfig, input: Shape | Shape[]) {
  const r = resolveLayer(layer, input);
  if (!r.ok) throw new Error(r.error.message);
  return { input, index: 0, steps: r.row.steps };
}

const LAYERS: [LayerConfig, Shape | Shape[]][] = [
  [{ type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, [null, 13, 13, 32]],
  [{ type: 'Conv2D', args: { filters: 64, kernel_size: 3, use_bias: false } }, [null, 13, 13, 32]],
  [{ type: 'SeparableConv2D', args: { filters: 64, kernel_size: 3 } }, [null, 56, 56, 32]],
  [{ type: 'DepthwiseConv2D', args: { kernel_size: 3, depth_multiplier: 2 } }, [null, 56, 56, 32]],
  [{ type: 'Dense', args: { units: 10 } }, [null, 64]],
  [{ type: 'LSTM', args: { units: 128 } }, [null, 20, 50]],
  [{ type: 'GRU', args: { units: 16 } }, [null, 20, 8]],
  [{ type: 'BatchNormalization' }, [null, 26, 26, 32]],
  [{ type: 'Embedding', args: { input_dim: 10000, output_dim: 64 } }, [null, 20]],
  [
    { type: 'MultiHeadAttention', args: { num_heads: 8, key_dim: 64 } },
    [
      [null, 10, 512],
      [null, 10, 512],
    ],
  ],
];

describe('formulaTokens', () => {
  for (const [layer, input] of LAYERS) {
    it(`reads like formulaText for ${layer.type}`, () => {
      const f = formulaOf(layer, input);
      expect(
        formulaTokens(f)
          .map((t) => t.text)
          .join(''),
      ).toBe(formulaText(f));
    });
  }
  it('groups digits and brackets a sum inside a product: 64 × (32 × 3 × 3 + 1)', () => {
    const f = formulaOf(LAYERS[0]![0], LAYERS[0]![1]);
    expect(formulaTokens(f).map((t) => t.text)).toEqual(['64', ' × ', '(', '32', ' × ', '3', ' × ', '3', ' + ', '1', ')']);
    const big = formulaOf({ type: 'Dense', args: { units: 4096 } }, [null, 25088]);
    expect(
      formulaTokens(big)
        .map((t) => t.text)
        .join(''),
    ).toBe('4,096 × (25,088 + 1)');
  });
});

describe('linkedTokens', () => {
  const preset = prepare({
    id: 'c',
    title: { en: '', 'zh-cn': '' },
    layers: [{ type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }],
    input: [null, 13, 13, 32],
    fields: [int('input[1]'), int('input[2]'), int('input[3]'), int('filters'), int('kernel_size[0]'), int('kernel_size[1]')],
    show: ['formula'],
  });
  it('ties 64 to filters, 32 to the channel axis, each 3 to its kernel axis, and the bias 1 to nothing', () => {
    const [layer, input] = LAYERS[0]!;
    const tokens = linkedTokens(preset, whereOf(layer, input), formulaOf(layer, input));
    const nums = tokens.flatMap((t) => (t.kind === 'num' ? [[t.text, t.field]] : []));
    expect(nums).toEqual([
      ['64', 3],
      ['32', 2],
      ['3', 4],
      ['3', 5],
      ['1', null],
    ]);
  });
  it('ties input channels to axis 1 for channels_first', () => {
    const layer: LayerConfig = { type: 'Conv2D', args: { filters: 8, kernel_size: 3, data_format: 'channels_first' } };
    const input: Shape = [null, 3, 28, 28];
    const p = prepare({ ...preset, layers: [layer], input, fields: [int('input[1]'), int('input[3]')] });
    const nums = linkedTokens(p, whereOf(layer, input), formulaOf(layer, input)).flatMap((t) =>
      t.kind === 'num' ? [[t.text, t.field]] : [],
    );
    expect(nums).toContainEqual(['3', 0]);
  });
  it("ties Dense's input features to the last axis and units to units", () => {
    const layer: LayerConfig = { type: 'Dense', args: { units: 10 } };
    const input: Shape = [null, 64];
    const p = prepare({ ...preset, layers: [layer], input, fields: [int('input[1]'), int('units')] });
    const nums = linkedTokens(p, whereOf(layer, input), formulaOf(layer, input)).flatMap((t) =>
      t.kind === 'num' ? [[t.text, t.field]] : [],
    );
    // 10 × (64 + 1)
    expect(nums).toEqual([
      ['10', 1],
      ['64', 0],
      ['1', null],
    ]);
  });
});

describe('numbers from one of several inputs', () => {
  const layer: LayerConfig = { type: 'MultiHeadAttention', args: { num_heads: 2, key_dim: 4 } };
  const preset = (input: Shape[]) =>
    prepare({
      id: 'mha',
      title: { en: '', 'zh-cn': '' },
      layers: [layer],
      input,
      fields: [int('inputs[0][2]'), int('inputs[1][2]'), int('num_heads')],
      show: ['formula'],
    });
  const ties = (input: Shape[]) =>
    linkedTokens(preset(input), whereOf(layer, input), formulaOf(layer, input)).flatMap((t) =>
      t.kind === 'num' && t.term.role.endsWith(' features') ? [[t.text, t.field]] : [],
    );
  it('ties query and value features to their own fields when their sizes differ', () => {
    // query (N, 5, 16), value (N, 7, 12): the key is the value, so key and value read 12
    expect(
      ties([
        [null, 5, 16],
        [null, 7, 12],
      ]),
    ).toEqual([
      ['16', 0],
      ['12', 1],
      ['12', 1],
    ]);
  });
  it('ties each to its own field when the sizes are equal: the role says which tensor it is', () => {
    // query features from field 0; key (no key field: the value's) and value features from field 1
    expect(
      ties([
        [null, 5, 16],
        [null, 7, 16],
      ]),
    ).toEqual([
      ['16', 0],
      ['16', 1],
      ['16', 1],
    ]);
  });
});
