/**
 * The one text for shapes, outputs and weights that lessons, islands, renderers and the CLI share.
 * Expected strings are written by hand, as Keras 3's summary prints them.
 */
import { describe, expect, it } from 'vitest';
import { groupDigits, isShapeList, outputText, shapeList, shapeText, weightsText, weightText } from '@calc/text.ts';

describe('shapes', () => {
  it('writes a shape as Keras does, None for the batch', () => {
    expect(shapeText([null, 26, 26, 32])).toBe('(None, 26, 26, 32)');
    expect(shapeText([null])).toBe('(None)');
  });

  it('writes one output as a shape and several as a bracketed list', () => {
    expect(outputText([null, 10])).toBe('(None, 10)');
    expect(
      outputText([
        [null, 4],
        [null, 8],
      ]),
    ).toBe('[(None, 4), (None, 8)]');
    expect(outputText([[null, 4]])).toBe('(None, 4)');
    expect(outputText(null)).toBe('?'); // a layer Keras never built
  });

  it('tells a list of shapes from one shape', () => {
    expect(
      isShapeList([
        [null, 4],
        [null, 8],
      ]),
    ).toBe(true);
    expect(isShapeList([null, 4])).toBe(false);
    expect(isShapeList([])).toBe(false);
    expect(shapeList([null, 4])).toEqual([[null, 4]]);
  });
});

describe('weights', () => {
  it('writes a tensor as its dims and their product, a vector as its length', () => {
    expect(weightText({ name: 'kernel', shape: [3, 3, 32, 64] })).toBe(`kernel 3×3×32×64 = 18,432`); // 3 × 3 × 32 × 64 = 18,432
    expect(weightText({ name: 'bias', shape: [64] })).toBe('bias 64');
    expect(weightText({ name: 'alpha', shape: [] })).toBe('alpha 1');
  });

  it("joins a layer's weights with semicolons", () => {
    expect(
      weightsText([
        { name: 'kernel', shape: [3, 3, 1, 32] },
        { name: 'bias', shape: [32] },
      ]),
    ).toBe('kernel 3×3×1×32 = 288; bias 32');
  });

  it('joins them with the separator of the page’s language', () => {
    const conv = [
      { name: 'kernel', shape: [3, 3, 1, 32] },
      { name: 'bias', shape: [32] },
    ];
    expect(weightsText(conv, '；')).toBe('kernel 3×3×1×32 = 288；bias 32');
  });
});

describe('digits', () => {
  it('groups thousands as Keras does', () => {
    expect([0, 999, 1000, 18496, 1234567].map(groupDigits)).toEqual(['0', '999', '1,000', '18,496', '1,234,567']);
    expect(groupDigits(12345678901234567890n)).toBe('12,345,678,901,234,567,890');
  });

  it('writes a whole number past 2^53 with every digit it holds, never 1e+21', () => {
    expect(groupDigits(2 ** 60)).toBe('1,152,921,504,606,846,976');
    expect(groupDigits(2 ** 72)).toBe('4,722,366,482,869,645,213,696');
    expect(groupDigits(-(2 ** 60))).toBe('-1,152,921,504,606,846,976');
  });
});
