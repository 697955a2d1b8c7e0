/**
 * The exercise card's pure parts: how the verdicts of several blanks combine into what the card
 * says and records, and how Move up / Move down reorder a list. The blanks here are written by
 * hand (a Conv2D(64, 3) on 32 channels: 64 × (32 × 3 × 3 + 1) = 18,496; without the bias 18,432).
 */
import { describe, expect, it } from 'vitest';
import { blankName, checkBlanks } from '@components/islands/exercise/feedback.ts';
import { moved } from '@components/islands/exercise/Order.tsx';
import type { Blank } from '@exercises/types.ts';

const params: Blank = {
  id: 'params',
  label: { en: 'Parameters', 'zh-cn': '参数量' },
  expected: { kind: 'count', value: 64 * (32 * 3 * 3 + 1) },
  mistakes: [{ mistake: 'forgot-bias', value: 64 * 32 * 3 * 3, note: { en: 'bias', 'zh-cn': '偏置' } }],
};
const shape: Blank = {
  id: 'shape',
  label: { en: 'Output `shape`', 'zh-cn': '输出形状' },
  expected: { kind: 'shape', value: [null, 30, 30, 64] },
  mistakes: [],
};
const name = (b: Blank, i: number) => blankName(b, i, 2, 'en', 'Answer');

describe('checking several blanks', () => {
  it('is right only when every blank is, whatever the number format', () => {
    const out = checkBlanks([params, shape], { params: '18 496', shape: '30x30x64' }, name);
    expect(out.feedback).toEqual({ kind: 'right', afterSolution: false, again: false });
    expect(out.record).toEqual({ ok: true });
    expect(out.verdicts).toEqual({ params: 'right', shape: 'right' });
  });

  it('names the mistake of a wrong blank and records its id', () => {
    const out = checkBlanks([params, shape], { params: '18,432', shape: '(None, 30, 30, 64)' }, name);
    expect(out.feedback.kind).toBe('wrong');
    expect(out.record).toEqual({ ok: false, mistake: 'forgot-bias' });
    if (out.feedback.kind === 'wrong') {
      expect(out.feedback.misses).toHaveLength(1);
      expect(out.feedback.misses[0]?.blank).toBe('Parameters');
      expect(out.feedback.misses[0]?.mistake?.mistake).toBe('forgot-bias');
    }
  });

  it('records a wrong number that no mistake gives, without an id', () => {
    const out = checkBlanks([params], { params: '18497' }, () => undefined);
    expect(out.record).toEqual({ ok: false });
    expect(out.feedback).toEqual({ kind: 'wrong', misses: [{}] });
  });

  it('records nothing for an empty or unreadable answer, and names the blank (label without backticks)', () => {
    expect(checkBlanks([params, shape], {}, name)).toMatchObject({ feedback: { kind: 'empty' }, record: null });
    expect(checkBlanks([params, shape], { params: '18,496' }, name)).toMatchObject({
      feedback: { kind: 'empty', blank: 'Output shape' },
      record: null,
    });
    expect(checkBlanks([params, shape], { params: 'lots', shape: '30x30x64' }, name)).toMatchObject({
      feedback: { kind: 'unreadable', expected: 'count', blank: 'Parameters' },
      record: null,
    });
  });

  it('leaves a single blank unnamed, and numbers unlabelled siblings', () => {
    expect(blankName(params, 0, 1, 'en', 'Answer')).toBeUndefined();
    expect(blankName({ ...params, label: undefined } as unknown as Blank, 1, 2, 'zh-cn', '你的答案')).toBe('你的答案 2');
  });
});

describe('moving an item', () => {
  it('swaps it with its neighbour, and stays put at either end', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
