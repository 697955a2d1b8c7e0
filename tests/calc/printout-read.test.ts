/**
 * Reading a pasted model.summary() back: Keras 3's own printouts (the goldens), the same models
 * through our Keras 2 and Keras 3 renderers at other widths and eras, and the noise a paste picks
 * up on its way from a notebook or a web page. Every expected number is Keras's (the goldens), the
 * engine's summary the text was rendered from, or hand arithmetic written here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, type Summary } from '@calc/engine.ts';
import { detectAndImport } from '@calc/import.ts';
import { looksLikePrintout, readPrintout, type PrintedRow, type Printout } from '@calc/import/printout.ts';
import { renderKeras2 } from '@calc/summary-keras2.ts';
import { renderKeras3 } from '@calc/summary-keras3.ts';
import { loadGoldens, type Golden } from '../golden/golden.ts';
import * as printedSummaries from './keras-printed-summaries.ts';

const goldens = loadGoldens();

function read(text: string): Printout {
  const result = readPrintout(text);
  if (!result.ok) throw new Error(`${result.error.message} (line ${result.error.line})`);
  return result.value;
}

function summaryOf(g: Golden): Summary {
  const imported = detectAndImport(g.json);
  if (!imported.ok) throw new Error(imported.error.message);
  return summarize(imported.value.model);
}

/** A cut cell is flagged and what is left of it (before `…`) starts the real value. */
function expectSameOrCut(printed: string, cut: boolean, real: string): void {
  if (!cut) expect(printed).toBe(real);
  else expect(real.startsWith(printed.replace(/…$/, ''))).toBe(true);
}

describe('Keras 3 printouts (goldens: text Keras printed)', () => {
  it.each(goldens.map((g) => [g.id, g] as const))('%s reads back to its layers and totals', (_id, g) => {
    const p = read(g.expected.summary);
    expect(p.style).toBe('keras3');
    expect(p.modelName).toBe(g.expected.name);
    expect(p.rows).toHaveLength(g.expected.layers.length);
    p.rows.forEach((row, i) => {
      const layer = g.expected.layers[i]!;
      expectSameOrCut(row.name, row.nameCut, layer.name);
      expectSameOrCut(row.type, row.typeCut, layer.type);
      expect(row.params).toBe(layer.params);
      if (layer.outputShape !== null && !row.shapeText.includes('…')) expect(row.outputShape).toEqual(layer.outputShape);
    });
    expect(p.totals).toEqual({ ...g.expected.totals, optimizer: null });
    expect(p.warnings.filter((w) => w.code !== 'printout-cell-cut')).toEqual([]);
  });
});

/** The rows the engine's summary rendered, compared field by field with what was read. */
function expectRows(rows: PrintedRow[], summary: Summary, exactNames: boolean): void {
  expect(rows).toHaveLength(summary.rows.length);
  rows.forEach((row, i) => {
    const real = summary.rows[i]!;
    if (exactNames) {
      expect([row.name, row.type]).toEqual([real.name, real.type]);
    } else {
      expectSameOrCut(row.name, row.nameCut, real.name);
      expectSameOrCut(row.type, row.typeCut, real.type);
    }
    if (!row.paramsCut) expect(row.params).toBe(real.params);
    if (!row.shapeText.includes('…')) expect(row.outputShape).toEqual(real.outputShape);
  });
  if (rows.every((r) => !r.paramsCut)) expect(summary.totals.params).toBe(rows.reduce((n, r) => n + r.params, 0));
}

describe('the same models through our renderers', () => {
  const sample = goldens.filter((_, i) => i % 4 === 0);

  it.each(sample.map((g) => [g.id, g] as const))('%s: Keras 2 eras A, B, C read back', (_id, g) => {
    const summary = summaryOf(g);
    for (const era of ['A', 'B', 'C'] as const) {
      const p = read(renderKeras2(summary, { era }));
      expect(p.style).toBe('keras2');
      // Era A cuts long names silently; B and C wrap them.
      expectRows(p.rows, summary, era !== 'A');
      const t = summary.totals;
      expect(p.totals).toEqual({ params: t.params, trainable: t.trainable, nonTrainable: t.nonTrainable, optimizer: null });
      if (era !== 'A' && !summary.sequentialLike) p.rows.forEach((row, i) => expect(row.connectedTo).toEqual(summary.rows[i]!.connectedTo));
      expect(p.warnings.filter((w) => w.code !== 'printout-cell-cut')).toEqual([]);
    }
  });

  it.each(sample.map((g) => [g.id, g] as const))('%s: Keras 3 at 40, 76 and 200 columns, with Trainable', (_id, g) => {
    const summary = summaryOf(g);
    for (const lineLength of [40, 76, 200]) {
      const p = read(renderKeras3(summary, { lineLength, showTrainable: true }));
      expectRows(p.rows, summary, lineLength === 200);
      p.rows.forEach((row, i) => {
        const real = summary.rows[i]!;
        expect(row.trainable).toBe(real.weights.length === 0 ? null : real.layerTrainable);
        if (lineLength === 200 && !summary.sequentialLike) expect(row.connectedTo).toEqual(real.connectedTo);
      });
    }
  });

  it('flags the names and types a 40-column table cut, as prefixes of the real ones', () => {
    const g = goldens.find((x) => x.expected.layers.some((l) => l.type === 'BatchNormalization'))!;
    const summary = summaryOf(g);
    const p = read(renderKeras3(summary, { lineLength: 40 }));
    const cut = p.rows.filter((r) => r.typeCut);
    expect(cut.length).toBeGreaterThan(0);
    for (const row of cut) expect(row.type.endsWith('…')).toBe(true);
    expect(p.warnings.some((w) => w.code === 'printout-cell-cut')).toBe(true);
  });
});

/**
 * Keras 3, the tutorial's printout cut after its first three rows, with the footer those rows
 * would have (320 = 32 × (3 × 3 × 1 + 1), 18,496 = 64 × (3 × 3 × 32 + 1): 18,816 in all).
 */
const HAND = [
  ...printedSummaries.KERAS3_SEQUENTIAL_76.split('\n').slice(0, 9),
  '└─────────────────────────────────┴────────────────────────┴───────────────┘',
  ' Total params: 18,816 (73.50 KB)',
  ' Trainable params: 18,816 (73.50 KB)',
  ' Non-trainable params: 0 (0.00 B)',
];

describe('pasted from a notebook, a terminal or a web page', () => {
  const clean = read(HAND.join('\n'));

  it('reads the hand-written table: 320 + 0 + 18,496 = 18,816', () => {
    expect(clean.rows.map((r) => [r.name, r.type, r.params])).toEqual([
      ['conv2d', 'Conv2D', 320],
      ['max_pooling2d', 'MaxPooling2D', 0],
      ['conv2d_1', 'Conv2D', 18496],
    ]);
    expect(clean.rows[2]!.outputShape).toEqual([null, 11, 11, 64]);
    expect(clean.totals).toEqual({ params: 18816, trainable: 18816, nonTrainable: 0, optimizer: null });
    expect(clean.rows.map((r) => r.line)).toEqual([5, 7, 9]);
    expect(clean.warnings).toEqual([]);
  });

  const noisy: [string, string][] = [
    ['non-breaking spaces', HAND.join('\n').replaceAll(' ', '\u00a0')],
    ['full-width spaces', HAND.join('\n').replaceAll(' ', '\u3000')],
    ['a prompt and prose around it', ['In [3]:', '>>> model.summary()', ...HAND, '', 'That is all, folks.'].join('\n')],
    ['CRLF line endings', HAND.join('\r\n')],
    ['a blank line between every line', HAND.join('\n\n')],
    ['trailing spaces removed', HAND.map((l) => l.trimEnd()).join('\n')],
    ['terminal bold codes kept by a log file', HAND.map((l, i) => (i < 3 ? `\x1b[1m${l}\x1b[0m` : l)).join('\n')],
  ];
  it.each(noisy)('reads the same rows with %s', (_what, text) => {
    const p = read(text);
    expect(p.rows.map(({ line: _, ...r }) => r)).toEqual(clean.rows.map(({ line: _, ...r }) => r));
    expect(p.totals).toEqual(clean.totals);
    expect(p.modelName).toBe('sequential');
  });

  it('warns, naming both numbers, when the rows do not add up to Total params', () => {
    const edited = HAND.map((l) => l.replace('18,496', '18,000'));
    const p = read(edited.join('\n'));
    // 320 + 0 + 18,000 = 18,320, not the 18,816 printed below.
    expect(p.warnings.map((w) => [w.code, w.values])).toEqual([['printout-total-mismatch', { rows: 18320, total: 18816 }]]);
  });

  it('takes the optimizer variables off Total params before adding up', () => {
    // Adam after one step: 2 slots per trainable weight + 2 scalars = 2 × 18,816 + 2 = 37,634; 18,816 + 37,634 = 56,450.
    const compiled = [
      ...HAND.map((l) => l.replace('Total params: 18,816', 'Total params: 56,450')),
      ' Optimizer params: 37,634 (147.01 KB)',
    ];
    const p = read(compiled.join('\n'));
    expect(p.totals).toEqual({ params: 56450, trainable: 18816, nonTrainable: 0, optimizer: 37634 });
    expect(p.warnings).toEqual([]);
  });

  it('warns when trainable and non-trainable do not make the total', () => {
    const edited = HAND.map((l) => l.replace('Non-trainable params: 0', 'Non-trainable params: 4'));
    const p = read(edited.join('\n'));
    expect(p.warnings.map((w) => w.values)).toEqual([{ trainable: 18816, nonTrainable: 4, total: 18816 }]);
  });

  it('reads rows above a cut and warns that the footer is missing', () => {
    const p = read(HAND.slice(0, 7).join('\n'));
    expect(p.rows.map((r) => r.name)).toEqual(['conv2d', 'max_pooling2d']);
    expect(p.warnings.map((w) => w.code)).toEqual(['printout-no-footer']);
  });

  it('reads several shapes and an unbuilt layer', () => {
    const text = HAND.map((l) =>
      l.replace('(None, 13, 13, 32)    ', '[(None, 5), (None, 5)]').replace('             0 │', '   0 (unbuilt) │'),
    ).join('\n');
    const row = read(text).rows[1]!;
    expect(row.outputShape).toEqual([
      [null, 5],
      [null, 5],
    ]);
    expect([row.params, row.unbuilt]).toEqual([0, true]);
  });
});

describe('text that is not a printout', () => {
  it('locates a table cut before its first row', () => {
    const result = readPrintout(HAND.slice(0, 4).join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, typeof result.error.line]).toEqual(['printout-no-rows', 'number']);
  });

  it('rejects random prose with a located error', () => {
    const result = readPrintout('Hello.\nThis is a shopping list: eggs, milk.');
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.line, result.error.column]).toEqual(['printout-not-found', 1, 1]);
    expect(looksLikePrintout('Hello')).toBe(false);
    expect(looksLikePrintout(HAND.join('\n'))).toBe(true);
  });

  it('never throws on arbitrary text or on any cut of a printout', () => {
    const printed = goldens[0]!.expected.summary;
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof readPrintout(s).ok === 'boolean'));
    fc.assert(
      fc.property(fc.nat(printed.length), fc.nat(printed.length), (a, b) => {
        const result = readPrintout(printed.slice(Math.min(a, b), Math.max(a, b)));
        return typeof result.ok === 'boolean';
      }),
    );
    // Any character of a Keras 2 or a Keras 3 printout replaced by any text.
    const texts = [printed, printedSummaries.KERAS2_B_TWO_INPUTS, printedSummaries.KERAS3_NESTED_EXPANDED_TRAINABLE];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.string(), (text, at, insert) => {
        const i = at % text.length;
        return typeof readPrintout(text.slice(0, i) + insert + text.slice(i + 1)).ok === 'boolean';
      }),
    );
  });

  // how fast: `npm run bench` times a 1,000-row printout read and explained
  it('reads a 1 MB paste and a 1,000-row printout', () => {
    const junk = '│ x │'.repeat(200_000);
    expect(typeof readPrintout(`${HAND.slice(0, 4).join('\n')}\n${junk}`).ok).toBe('boolean');
    expect(typeof readPrintout('┃'.repeat(1_000_000)).ok).toBe('boolean');
    const body = Array.from({ length: 1000 }, () => HAND.slice(4, 6)).flat();
    const big = [...HAND.slice(0, 4), ...body, HAND[9]!, ' Total params: 320,000 (1.22 MB)'].join('\n');
    const p = read(big);
    // 1,000 rows of 320 parameters each.
    expect([p.rows.length, p.totals.params, p.warnings]).toEqual([1000, 320000, []]);
  });
});

describe('nested models expanded (expand_nested=True)', () => {
  const nested = goldens.filter((g) => summaryOf(g).rows.some((r) => (r.children ?? []).length > 0)).slice(0, 5);

  it.each(nested.map((g) => [g.id, g] as const))('%s: inner rows get depth 1 and stay out of the total', (_id, g) => {
    const summary = summaryOf(g);
    const expected = summary.rows.flatMap((r) => [[0, r.name, r.params], ...(r.children ?? []).map((c) => [1, c.name, c.params])]);
    const texts = [
      renderKeras3(summary, { lineLength: 200, expandNested: true }),
      renderKeras2(summary, { era: 'B', expandNested: true }),
      renderKeras2(summary, { era: 'C', expandNested: true }),
    ];
    for (const text of texts) {
      const p = read(text);
      expect(p.rows.map((r) => [r.depth, r.name, r.params])).toEqual(expected);
      expect(p.warnings.filter((w) => w.code !== 'printout-cell-cut')).toEqual([]);
    }
  });
});

describe('printouts Keras and tf.keras printed (tests/calc/keras-printed-summaries.ts)', () => {
  const printed = printedSummaries;
  it.each(Object.entries(printed))('%s: rows add up to the printed totals', (_name, text) => {
    const p = read(text);
    expect(p.totals.params).not.toBeNull();
    expect(p.warnings.filter((w) => w.code !== 'printout-cell-cut')).toEqual([]);
    expect(p.rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.params, 0)).toBe(p.totals.params);
  });

  // 16 + 8 inputs; dense 16 × 32 + 32 = 544, dense_1 8 × 32 + 32 = 288, batch norm 4 × 64 = 256, dense_2 64 + 1 = 65.
  const twoInputs = [
    ['a', 'InputLayer', 0, [null, 16], []],
    ['b', 'InputLayer', 0, [null, 8], []],
    ['dense', 'Dense', 544, [null, 32], ['a[0][0]']],
    ['dense_1', 'Dense', 288, [null, 32], ['b[0][0]']],
    ['concatenate', 'Concatenate', 0, [null, 64], ['dense[0][0]', 'dense_1[0][0]']],
    ['batch_normalization', 'BatchNormalization', 256, [null, 64], ['concatenate[0][0]']],
    ['dense_2', 'Dense', 65, [null, 1], ['batch_normalization[0][0]']],
  ];
  it.each([
    ['era A', printed.KERAS2_A_TWO_INPUTS],
    ['era B', printed.KERAS2_B_TWO_INPUTS],
    ['era C', printed.KERAS2_C_TWO_INPUTS],
  ])('tf.keras %s two-input model: 544 + 288 + 256 + 65 = 1,153', (era, text) => {
    const p = read(text);
    const rows = p.rows.map((r) => [r.name, r.type, r.params, r.outputShape, r.connectedTo]);
    if (era === 'era A') {
      // Era A cut the type silently at its column: `(BatchNorma`.
      expect(p.rows[5]).toMatchObject({ type: 'BatchNorma', typeCut: true });
      expect(rows.filter((_, i) => i !== 5)).toEqual(twoInputs.filter((_, i) => i !== 5));
    } else {
      expect(rows).toEqual(twoInputs);
    }
    expect(p.totals).toEqual({ params: 1153, trainable: 1025, nonTrainable: 128, optimizer: null });
  });

  it('reads nested rows, the Trainable column and several outputs', () => {
    const nested = read(printed.KERAS3_NESTED_EXPANDED_TRAINABLE);
    expect(nested.rows.map((r) => [r.depth, r.name, r.params, r.trainable])).toEqual([
      [0, 'inner', 46, true],
      [1, 'dense_7', 36, false],
      [1, 'dense_8', 10, true],
      [0, 'dense_9', 3, true],
    ]);
    expect(read(printed.KERAS3_MULTI_OUTPUT).rows[1]!.outputShape).toEqual([
      [null, 4],
      [null, 4],
      [null, 4],
    ]);
    expect(read(printed.KERAS3_UNBUILT).rows.map((r) => [r.outputShape, r.params, r.unbuilt])).toEqual([
      [null, 0, true],
      [null, 0, true],
    ]);
  });

  it('reads a tf.keras printout pasted with CRLF, blank lines and trailing spaces removed', () => {
    const text = printed.KERAS2_B_TWO_INPUTS.split('\n')
      .map((l) => l.trimEnd())
      .join('\r\n\r\n');
    expect(read(text).rows.map((r) => [r.name, r.type, r.params, r.outputShape, r.connectedTo])).toEqual(twoInputs);
  });
});
