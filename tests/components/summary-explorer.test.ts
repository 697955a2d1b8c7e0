/**
 * The summary explorer's sentences: every row of the MNIST CNN explained with the numbers worked
 * out by hand here, in both locales, with no placeholder left unfilled.
 */
import { describe, expect, it } from 'vitest';
import { knownTypes, resolveLayer, specFor, summarize, totalsOf, type Summary } from '@calc/engine.ts';
import type { Model, SequentialModel, Shape } from '@calc/basics.ts';
import { explainRows, explainTotals, ordinal, type Explanation } from '@components/islands/summary-explorer/explain-row.ts';
import en from '@i18n/en/summary-explorer.json';
import zhCn from '@i18n/zh-cn/summary-explorer.json';
import rolesEn from '@i18n/en/roles.json';
import rolesZh from '@i18n/zh-cn/roles.json';
import { mnist } from './mnist-model.ts';

const explain = (model: Model, locale: 'en' | 'zh-cn' = 'en'): Explanation[] =>
  explainRows(summarize(model), locale === 'en' ? en : zhCn, locale === 'en' ? rolesEn : rolesZh);

/** All the text of one part of an explanation: its sentence and its formulas. */
const partText = (e: Explanation | undefined, kind: string): string => {
  const part = e?.parts.find((p) => p.kind === kind);
  return part ? [part.text, ...(part.code ?? [])].join('\n') : '';
};

const grouped = (n: number): string => n.toLocaleString('en-US');

describe('a row of the MNIST summary, explained', () => {
  const rows = explain(mnist);

  it('explains conv2d_1: 64 × (32 × 3 × 3 + 1) = 18,496, kernel 3×3×32×64 and bias 64', () => {
    const row = rows[2];
    expect(row?.title).toBe('conv2d_1 (Conv2D)');
    expect(64 * (32 * 3 * 3 + 1)).toBe(18496);
    expect(partText(row, 'params')).toContain(`64 × (32 × 3 × 3 + 1) = ${grouped(64 * (32 * 3 * 3 + 1))}`);
    expect(partText(row, 'weights')).toContain(`kernel 3×3×32×64 = ${grouped(3 * 3 * 32 * 64)}; bias 64`);
    expect(partText(row, 'roles')).toContain('64 = filters');
    expect(partText(row, 'roles')).toContain('32 = input channels');
  });

  it("takes conv2d_1's input from the row above, 13 × 13 × 32, and shrinks each side to 13 − 3 + 1 = 11", () => {
    const shape = partText(rows[2], 'shape');
    expect(shape).toContain("the previous row's output, (None, 13, 13, 32)");
    expect(shape).toContain('Height: ⌊(13 − 3) / 1⌋ + 1 = ⌊10 / 1⌋ + 1 = 11');
    expect(shape).toContain('(None, 11, 11, 64)');
  });

  it("says the first Conv2D reads the model's input (None, 28, 28, 1)", () => {
    expect(partText(rows[0], 'shape')).toContain("the model's input, (None, 28, 28, 1)");
  });

  it('explains the names: conv2d is the first, conv2d_1 the 2nd, conv2d_2 the 3rd', () => {
    expect(partText(rows[0], 'name')).toContain('first Conv2D');
    expect(partText(rows[2], 'name')).toContain('2nd Conv2D');
    expect(partText(rows[4], 'name')).toContain('3rd Conv2D');
  });

  it('shows pooling halving 11 with the floor: ⌊(11 − 2) / 2⌋ + 1 = 5, so 2 × 5 = 10 of 11 are covered', () => {
    const shape = partText(rows[3], 'shape');
    expect(Math.floor((11 - 2) / 2) + 1).toBe(5);
    expect(shape).toContain('⌊(11 − 2) / 2⌋ + 1 = ⌊9 / 2⌋ + 1 = 5');
    expect(shape).toContain('cover 10 of 11 positions');
    expect(partText(rows[1], 'shape')).not.toContain('floor drops'); // 26 halves exactly
  });

  it('says why pooling and Flatten show 0 and has no weights line for them', () => {
    expect(partText(rows[1], 'params')).toMatch(/^0 parameters: pooling/);
    expect(partText(rows[5], 'params')).toContain('Flatten only rearranges');
    expect(rows[1]?.parts.some((p) => p.kind === 'weights')).toBe(false);
  });

  it('multiplies out Flatten: 3 × 3 × 64 = 576', () => {
    expect(3 * 3 * 64).toBe(576);
    expect(partText(rows[5], 'shape')).toContain('3 × 3 × 64 = 576');
  });

  it('keeps a running total: 320 + 18,496 = 18,816 after conv2d_1, 93,322 after the last row', () => {
    expect(partText(rows[2], 'running')).toContain(`320 + 18,496 = ${grouped(320 + 18496)}`);
    const total = 320 + 18496 + 36928 + 36928 + 650;
    expect(partText(rows[7], 'running')).toContain(`${grouped(total - 650)} + 650 = ${grouped(total)}`);
  });
});

describe('the footer', () => {
  const totals = explainTotals(summarize(mnist), en);
  it('adds up the Param # column and turns 93,322 float32s into 373,288 bytes = 364.54 KB', () => {
    const total = 320 + 0 + 18496 + 0 + 36928 + 0 + 36928 + 650;
    expect(partText(totals, 'sum')).toContain(`320 + 0 + 18,496 + 0 + 36,928 + 0 + 36,928 + 650 = ${grouped(total)}`);
    expect(partText(totals, 'memory')).toContain(`${grouped(total)} × 4 = ${grouped(total * 4)} bytes`);
    expect((total * 4) / 1024).toBeCloseTo(364.54, 2);
    expect(partText(totals, 'memory')).toContain('364.54 KB');
  });
});

describe('other layers', () => {
  it('splits BatchNormalization into 2 × 16 trainable and 2 × 16 non-trainable (moving statistics)', () => {
    const model: SequentialModel = { kind: 'sequential', input: [null, 8, 8, 16], layers: [{ type: 'BatchNormalization' }] };
    const split = partText(explain(model)[0], 'split');
    expect(split).toContain(`${2 * 16} of them are trainable and ${2 * 16} are not`);
    expect(split).toContain('moving_mean, moving_variance');
    expect(partText(explain(model)[0], 'shape')).toContain('keeps the shape');
  });

  it("says a frozen layer's parameters are all non-trainable", () => {
    const model: SequentialModel = {
      kind: 'sequential',
      input: [null, 576],
      layers: [{ type: 'Dense', args: { units: 64 }, trainable: false }],
    };
    expect(partText(explain(model)[0], 'split')).toContain(`all ${grouped(64 * (576 + 1))} are non-trainable`);
  });

  it('writes strided same-padded conv arithmetic as ⌈28 / 2⌉ = 14', () => {
    const model: SequentialModel = {
      kind: 'sequential',
      input: [null, 28, 28, 3],
      layers: [{ type: 'Conv2D', args: { filters: 8, kernel_size: 3, strides: 2, padding: 'same' } }],
    };
    expect(partText(explain(model)[0], 'shape')).toContain('⌈28 / 2⌉ = 14');
  });

  it('names the layers a functional row is connected to, and explains the InputLayer row', () => {
    const model: Model = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'pixels', args: { shape: [784] } }, nodes: [] },
        {
          layer: { type: 'Dense', name: 'hidden', args: { units: 32 } },
          nodes: [{ args: [{ kind: 'tensor', layer: 'pixels', node: 0, tensor: 0 }], kwargs: {} }],
        },
      ],
      inputs: [{ kind: 'tensor', layer: 'pixels', node: 0, tensor: 0 }],
      outputs: [{ kind: 'tensor', layer: 'hidden', node: 0, tensor: 0 }],
    };
    const rows = explain(model);
    expect(partText(rows[0], 'shape')).toContain('(None, 784)');
    expect(partText(rows[0], 'params')).toContain('input layer');
    expect(partText(rows[1], 'shape')).toContain('comes from pixels: (None, 784)');
    expect(partText(rows[1], 'name')).toContain('chosen in the code');
    expect(partText(rows[1], 'params')).toContain(`32 × (784 + 1) = ${grouped(32 * (784 + 1))}`);
  });
});

describe("a functional graph, read from the engine's edges", () => {
  const ref = (layer: string, node = 0) => ({ kind: 'tensor' as const, layer, node, tensor: 0 });
  const model: Model = {
    kind: 'functional',
    layers: [
      { layer: { type: 'InputLayer', name: 'left', args: { shape: [4] } }, nodes: [] },
      { layer: { type: 'InputLayer', name: 'right', args: { shape: [4] } }, nodes: [] },
      // one Dense called twice: its second call is node 1
      {
        layer: { type: 'Dense', name: 'shared', args: { units: 3 } },
        nodes: [
          { args: [ref('left')], kwargs: {} },
          { args: [ref('right')], kwargs: {} },
        ],
      },
      { layer: { type: 'Add', name: 'sum' }, nodes: [{ args: [[ref('shared', 0), ref('shared', 1)]], kwargs: {} }] },
    ],
    inputs: [ref('left'), ref('right')],
    outputs: [ref('sum')],
  };
  const rows = explain(model);

  it('names both calls of a shared layer as the sources of the merge, each (None, 3)', () => {
    expect(partText(rows[3], 'shape')).toContain('comes from shared: [(None, 3), (None, 3)]');
  });

  it('names every layer a shared layer was called on', () => {
    expect(partText(rows[2], 'shape')).toContain('comes from left, right');
    expect(partText(rows[2], 'params')).toContain(`3 × (4 + 1) = ${3 * (4 + 1)}`);
  });
});

describe('layer types this file was never taught, explained from their shape steps', () => {
  const only = (layer: SequentialModel['layers'][number], input: Shape, locale: 'en' | 'zh-cn' = 'en') =>
    partText(explain({ kind: 'sequential', input, layers: [layer] }, locale)[0], 'shape');

  it('walks Conv3D(8, (3, 5, 5)) axis by axis: depth ⌊(10 − 3) / 1⌋ + 1 = 8, height and width ⌊(32 − 5) / 1⌋ + 1 = 28', () => {
    expect([Math.floor((10 - 3) / 1) + 1, Math.floor((32 - 5) / 1) + 1]).toEqual([8, 28]);
    const shape = only({ type: 'Conv3D', args: { filters: 8, kernel_size: [3, 5, 5] } }, [null, 10, 32, 32, 1]);
    expect(shape).toContain('Depth: ⌊(10 − 3) / 1⌋ + 1 = ⌊7 / 1⌋ + 1 = 8');
    expect(shape).toContain('Height: ⌊(32 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28');
    expect(shape).toContain('Width: ⌊(32 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28');
    expect(shape).toContain('filters = 8');
    expect(shape).toContain('(None, 8, 28, 28, 8)');
  });

  it("adds ZeroPadding2D(((1, 2), (3, 4)))'s zeros on each side: 1 + 28 + 2 = 31 rows, 3 + 28 + 4 = 35 columns", () => {
    const layer = {
      type: 'ZeroPadding2D',
      args: {
        padding: [
          [1, 2],
          [3, 4],
        ],
      },
    };
    for (const locale of ['en', 'zh-cn'] as const) {
      const shape = only(layer, [null, 28, 28, 3], locale);
      expect(shape).toContain(`1 + 28 + 2 = ${1 + 28 + 2}`);
      expect(shape).toContain(`3 + 28 + 4 = ${3 + 28 + 4}`);
      expect(shape).toContain('(None, 31, 35, 3)');
    }
  });

  it('grows Conv2DTranspose(16, 3, strides=2) from 7 to (7 − 1) × 2 + 3 = 15', () => {
    expect((7 - 1) * 2 + 3).toBe(15);
    expect(only({ type: 'Conv2DTranspose', args: { filters: 16, kernel_size: 3, strides: 2 } }, [null, 7, 7, 32])).toContain(
      'Height: (7 − 1) × 2 + 3 = 15',
    );
  });

  it('names the pooling family for a 0-parameter GlobalMaxPooling1D and says which axes vanish', () => {
    const rows = explain({ kind: 'sequential', input: [null, 50, 16], layers: [{ type: 'GlobalMaxPooling1D' }] });
    expect(partText(rows[0], 'params')).toBe(en.zeroByFamily.pooling);
    expect(partText(rows[0], 'shape')).toContain('The axes of size 50 are gone');
  });
});

describe('every registered layer type, explained from its own example', () => {
  const explainOne = (type: string, locale: 'en' | 'zh-cn') => {
    const { args, input, dialect } = specFor(type)!.example;
    const r = resolveLayer({ type, args }, input, dialect ?? 'keras3');
    if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
    const summary: Summary = {
      name: 'm',
      className: 'Sequential',
      sequentialLike: true,
      dialect: dialect ?? 'keras3',
      rows: [r.row],
      totals: totalsOf(r.row.weights),
      outputs: [],
    };
    return { row: r.row, e: explainRows(summary, locale === 'en' ? en : zhCn, locale === 'en' ? rolesEn : rolesZh)[0]! };
  };
  it.each(knownTypes())('%s: every step in words, with its numbers and no gap', (type) => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const { row, e } = explainOne(type, locale);
      const shape = partText(e, 'shape');
      expect(shape).not.toMatch(/\{\w+\}|undefined|NaN/);
      for (const step of row.steps) {
        for (const d of step.result) if (d !== null) expect(shape, `${type} ${step.rule}`).toContain(String(d));
      }
      for (const p of e.parts) expect(`${p.text} ${(p.code ?? []).join(' ')}`, `${type} / ${p.kind}`).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });
});

describe('both locales', () => {
  it.each(['en', 'zh-cn'] as const)('fills every placeholder in %s', (locale) => {
    const all = [...explain(mnist, locale), explainTotals(summarize(mnist), locale === 'en' ? en : zhCn)];
    for (const e of all) {
      for (const p of e.parts) {
        expect(`${p.text} ${(p.code ?? []).join(' ')}`, `${e.title} / ${p.kind}`).not.toMatch(/\{\w+\}|undefined|NaN/);
      }
    }
  });

  it('writes Chinese sentences without spaces between them', () => {
    const shape = partText(explain(mnist, 'zh-cn')[3], 'shape');
    expect(shape).toContain('它的输入就是上一行的输出 (None, 11, 11, 64)。大小为 2 的窗口');
    expect(shape).not.toMatch(/。 /);
  });

  it('has the same keys in both dictionaries', () => {
    expect(Object.keys(zhCn).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('small helpers', () => {
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});
