/**
 * The small text-layout pieces behind the summaries, each checked against what Python and rich do:
 * expected values are the width table of docs/summary-formats.md#keras-3-widths, cells seen in Keras 3 output, and
 * results of Python's own `round` and `"{:.2f}".format`.
 */
import { describe, expect, it } from 'vitest';
import { cellLength } from '@calc/cell-width.ts';
import { KERAS2_UNITS, readableMemorySize } from '@calc/memory-size.ts';
import { drawnContentWidths, kerasColumnWidths, ratioReduce } from '@calc/rich-widths.ts';
import { wrapCell } from '@calc/rich-wrap.ts';
import { roundHalfEven } from '@calc/round-half-even.ts';

describe('Python round (half to even)', () => {
  it('rounds 2.5 down to 2 and 3.5 up to 4, as Python 3 does', () => {
    expect([0.5, 1.5, 2.5, 3.5, 3.25, 3.75, -0.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 3, 4, 0]);
  });

  it('makes rich cut 5 from two columns as 2 then 3, not 3 then 2', () => {
    // Python: ratio_reduce(5, [1, 1], [10, 10], [10, 10]) == [8, 7]
    expect(ratioReduce(5, [1, 1], [10, 10], [10, 10])).toEqual([8, 7]);
  });
});

describe('Keras 3 column widths (docs/summary-formats.md#keras-3-widths)', () => {
  const cases: [string, number, number[], number[], number[]][] = [
    ['sequential', 76, [0.45, 0.8, 1.0], [34, 26, 16], [31, 22, 13]],
    ['sequential', 88, [0.45, 0.8, 1.0], [39, 31, 18], [36, 27, 15]],
    ['functional', 76, [0.3, 0.56, 0.74, 1.0], [22, 20, 14, 20], [19, 17, 10, 17]],
    ['functional', 108, [0.3, 0.56, 0.74, 1.0], [32, 28, 19, 29], [29, 25, 15, 26]],
    ['sequential + show_trainable', 76, [0.45 * 0.9, 0.8 * 0.9, 0.9, 1.0], [30, 24, 14, 8], [27, 21, 10, 5]],
    ['sequential + show_trainable', 100, [0.45 * 0.9, 0.8 * 0.9, 0.9, 1.0], [40, 32, 18, 10], [37, 29, 14, 7]],
    ['functional + show_trainable', 76, [0.3 * 0.9, 0.56 * 0.9, 0.74 * 0.9, 0.9, 1.0], [20, 18, 12, 18, 8], [17, 15, 9, 14, 5]],
    ['functional + show_trainable', 120, [0.3 * 0.9, 0.56 * 0.9, 0.74 * 0.9, 0.9, 1.0], [32, 28, 19, 29, 12], [29, 25, 16, 25, 9]],
  ];
  it.each(cases)('%s at %i columns', (_layout, lineLength, positions, keras, drawn) => {
    expect(kerasColumnWidths(lineLength, positions)).toEqual(keras);
    expect(drawnContentWidths(lineLength, keras)).toEqual(drawn);
  });
});

describe('rich cell wrapping', () => {
  it('wraps at spaces and cuts a word longer than the cell to width - 1 plus …', () => {
    expect(wrapCell('batch_normalization (BatchNormalization)', 19)).toEqual(['batch_normalization', '(BatchNormalizatio…']);
    expect(wrapCell('batch_normalization[0][0]', 17)).toEqual(['batch_normalizat…']);
  });

  it('keeps a too-long word on a line of its own', () => {
    expect(wrapCell('input_layer[0][0], input_layer_1[0][0]', 17)).toEqual(['input_layer[0][0…', 'input_layer_1[0]…']);
  });

  it('pads every line to the cell width and justifies it', () => {
    expect(wrapCell('dense[0][0], dense_1[0][0]', 17)).toEqual(['dense[0][0],     ', 'dense_1[0][0]    ']);
    expect(wrapCell('18,496', 13, 'right')).toEqual(['       18,496']);
    expect(wrapCell('Y', 5, 'center')).toEqual(['  Y  ']);
    expect(wrapCell('Trainable', 5, 'center')).toEqual(['Trai…']);
  });

  it('counts CJK characters two columns wide', () => {
    expect(cellLength('密集层 (Dense)')).toBe(6 + 8);
    expect(wrapCell('密集层 (Dense)', 8)).toEqual(['密集层  ', '(Dense) ']);
  });

  it('measures the characters beside the wide ranges right: … is one column, U+1100 and U+2E80 two', () => {
    expect(cellLength('a…')).toBe(1 + 1);
    expect(cellLength('\u10ff\u1100')).toBe(1 + 2);
    // rich's table: U+1100–U+115F (leading jamo) 2, U+1160–U+11FF (medial and final jamo) 0
    expect(cellLength('\u115f\u1160')).toBe(2 + 0);
    expect(cellLength('\u2e7f\u2e80')).toBe(1 + 2);
  });

  // Widths from rich's cell-width table (East Asian Width W for these emoji; Mn and Cf zero).
  it.each([
    ['🚀 rocket', 2 + 1 + 6],
    ['⚡', 2],
    ['✅ done', 2 + 1 + 4],
    ['🫠', 2],
    ['e\u0301', 1 + 0],
    ['👩\u200d💻', 2 + 0 + 2],
    ['a\u200bb', 1 + 0 + 1],
    ['Ω\u0308x', 1 + 0 + 1],
  ])('%j is %i columns', (text, columns) => {
    expect(cellLength(text)).toBe(columns);
  });

  it('pads emoji and combining text to the same column as plain text', () => {
    for (const text of ['🚀⚡✅🫠', 'e\u0301e\u0301', '👩\u200d💻 x', 'plain']) {
      const [line] = wrapCell(text, 12);
      expect(cellLength(line!)).toBe(12);
    }
  });

  it('cuts wide text at a column edge with a space where a character would straddle it', () => {
    // 6 columns: 5 for the text (密集 is 4; 层 would reach 6), then "…".
    expect(wrapCell('密集层密集层', 6)).toEqual(['密集 …']);
    expect(wrapCell('密集层密集层', 5)).toEqual(['密集…']);
  });
});

describe('readable_memory_size', () => {
  it('matches Python\'s "{:.2f}" including its half-to-even ties', () => {
    // Each value below is what Keras's readable_memory_size returns in Python 3.
    expect(readableMemorySize(93_322 * 4)).toBe('364.54 KB');
    expect(readableMemorySize(0)).toBe('0.00 B');
    expect(readableMemorySize(138_357_544 * 4)).toBe('527.79 MB');
    expect(readableMemorySize(1152)).toBe('1.12 KB');
    expect(readableMemorySize(3200)).toBe('3.12 KB');
    expect(readableMemorySize(0.125)).toBe('0.12 B');
  });

  it('divides once more past PB but keeps the PB label, like Keras', () => {
    expect(readableMemorySize(3 * 1024 ** 6)).toBe('3.00 PB');
  });

  it('says Byte in tf.keras', () => {
    expect(readableMemorySize(512, KERAS2_UNITS)).toBe('512.00 Byte');
  });
});
