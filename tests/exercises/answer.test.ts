/** Reading a reader's answer: the formats people type for counts and shapes all mean the same answer. */
import { describe, expect, it } from 'vitest';
import { judge, parseCount, parseShape, shapeMatches } from '@exercises/answer.ts';

const secondConv = 64 * (32 * 3 * 3 + 1); // 18,496
const secondConvShape = [null, 13 - 3 + 1, 13 - 3 + 1, 64]; // (None, 11, 11, 64)

describe('count answers', () => {
  it.each([['18496'], ['18,496'], ['18 496'], ['18\u202f496'], ['18\u00a0496'], ['18\u2009496'], [' 18496 '], ['１８４９６'], ['18，496']])(
    'reads %j as 64 × (32 × 3 × 3 + 1) = 18,496',
    (typed) => {
      expect(parseCount(typed)).toBe(secondConv);
      expect(judge(typed, { kind: 'count', value: secondConv })).toBe('right');
    },
  );

  it('reads longer groupings: 138,357,544 and 138 357 544', () => {
    expect(parseCount('138,357,544')).toBe(138_357_544);
    expect(parseCount('138 357 544')).toBe(138_357_544);
  });

  it('calls a different number wrong: 18,469 is not 18,496', () => {
    expect(judge('18,469', { kind: 'count', value: secondConv })).toBe('wrong');
    expect(judge('0', { kind: 'count', value: secondConv })).toBe('wrong');
  });

  it.each([
    [''],
    ['abc'],
    ['18.496'],
    ['184,96'],
    ['18,49,6'],
    ['-18496'],
    ['1e4'],
    ['18,496 params'],
    ['18,496 000'],
    ['99999999999999999999'],
  ])('does not read %j as a count', (typed) => {
    expect(parseCount(typed)).toBeNull();
    expect(judge(typed, { kind: 'count', value: secondConv })).toBe('unreadable');
  });
});

describe('shape answers', () => {
  it.each([
    ['(None, 11, 11, 64)'],
    ['(11, 11, 64)'],
    ['11x11x64'],
    ['11×11×64'],
    ['[None, 11, 11, 64]'],
    ['11 x 11 x 64'],
    ['(none,11,11,64)'],
    ['11X11X64'],
    ['[null, 11, 11, 64]'],
    ['（None, 11, 11, 64）'],
  ])('reads %j as (None, 11, 11, 64)', (typed) => {
    expect(judge(typed, { kind: 'shape', value: secondConvShape })).toBe('right');
  });

  it('parses dims with None as null', () => {
    expect(parseShape('(None, 11, 11, 64)')).toEqual([null, 11, 11, 64]);
    expect(parseShape('11×11×64')).toEqual([11, 11, 64]);
  });

  it("reads Python's one-element tuple (None, 576,) like (None, 576)", () => {
    const flatten = [null, 3 * 3 * 64];
    expect(judge('(None, 576,)', { kind: 'shape', value: flatten })).toBe('right');
    expect(judge('576', { kind: 'shape', value: flatten })).toBe('right');
  });

  it('calls the wrong dims, order or rank wrong', () => {
    const expected = { kind: 'shape', value: secondConvShape } as const;
    expect(judge('(None, 13, 13, 64)', expected)).toBe('wrong');
    expect(judge('(None, 64, 11, 11)', expected)).toBe('wrong');
    expect(judge('(11, 11)', expected)).toBe('wrong');
    expect(judge('(None, 11, 11, 64, 1)', expected)).toBe('wrong');
  });

  it('does not drop a known leading axis: (2, 3) is not (3)', () => {
    expect(shapeMatches([3], [2, 3])).toBe(false);
    expect(shapeMatches([3], [null, 3])).toBe(true);
  });

  it.each([[''], ['()'], ['eleven by eleven'], ['(None, 11.5, 11, 64)'], ['(None, -1, 11, 64)']])(
    'does not read %j as a shape',
    (typed) => {
      expect(judge(typed, { kind: 'shape', value: secondConvShape })).toBe('unreadable');
    },
  );
});
