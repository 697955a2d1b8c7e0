/** Quiz progress survives whatever localStorage holds or does: bad JSON, wrong types, a full or disabled store. */
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  afterAnswer,
  afterReveal,
  loadProgress,
  revealedCount,
  saveAttempt,
  solvedCount,
  type StorageLike,
} from '@components/islands/quiz/progress.ts';

/** An in-memory Storage. */
function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (Object.hasOwn(data, k) ? data[k]! : null),
    setItem: (k, v) => {
      data[k] = String(v);
    },
  };
}

describe('quiz progress', () => {
  it('uses a versioned key', () => {
    expect(PROGRESS_KEY).toBe('param-lab:quiz:v1');
  });

  it("saves an attempt and reads it back, keeping other lessons' attempts", () => {
    const store = memory({ [PROGRESS_KEY]: JSON.stringify({ 'lessons/dense/q1': { answer: '650', correct: true } }) });
    expect(saveAttempt(store, 'lessons/conv2d/q1', { answer: '18,496', correct: true })).toBe(true);
    expect(loadProgress(store)).toEqual({
      'lessons/dense/q1': { answer: '650', correct: true },
      'lessons/conv2d/q1': { answer: '18,496', correct: true },
    });
  });

  it('starts empty when nothing is stored or there is no storage', () => {
    expect(loadProgress(memory())).toEqual({});
    expect(loadProgress(null)).toEqual({});
    expect(saveAttempt(null, 'k', { answer: '1', correct: true })).toBe(false);
  });

  it.each([['{not json'], ['null'], ['42'], ['"text"'], ['[1,2,3]'], ['']])('ignores a stored value of %j', (raw) => {
    expect(loadProgress(memory({ [PROGRESS_KEY]: raw }))).toEqual({});
  });

  it('drops entries that are not attempts and keeps the rest', () => {
    const raw = JSON.stringify({ good: { answer: '320', correct: true }, bad: { answer: 320 }, worse: null, odd: 'yes' });
    expect(loadProgress(memory({ [PROGRESS_KEY]: raw }))).toEqual({ good: { answer: '320', correct: true } });
  });

  it('overwrites corrupted progress when saving', () => {
    const store = memory({ [PROGRESS_KEY]: '{oops' });
    saveAttempt(store, 'k', { answer: '650', correct: true });
    expect(JSON.parse(store.data[PROGRESS_KEY]!)).toEqual({ k: { answer: '650', correct: true } });
  });

  it('survives a storage that throws on every access (disabled, full, sandboxed)', () => {
    const hostile: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(loadProgress(hostile)).toEqual({});
    expect(saveAttempt(hostile, 'k', { answer: '1', correct: true })).toBe(false);
  });
});

describe('a shown solution is not a solved question', () => {
  it('stores the reveal, and a right answer after it changes nothing', () => {
    const revealed = afterReveal(undefined);
    expect(revealed).toEqual({ answer: '', correct: false, revealed: true });
    expect(afterAnswer(revealed ?? undefined, '18,496', true)).toBeNull();
  });

  it('keeps a question solved before the reveal solved, and a right answer over a wrong one', () => {
    expect(afterReveal({ answer: '18496', correct: true })).toBeNull();
    expect(afterAnswer({ answer: '18496', correct: true }, '17', false)).toBeNull();
    expect(afterAnswer({ answer: '17', correct: false }, '18496', true)).toEqual({ answer: '18496', correct: true });
  });

  it('counts solved and revealed questions apart', () => {
    const progress = {
      a: { answer: '320', correct: true },
      b: { answer: '', correct: false, revealed: true as const },
      c: { answer: '9', correct: false },
    };
    expect(solvedCount(['a', 'b', 'c', 'd'], progress)).toBe(1);
    expect(revealedCount(['a', 'b', 'c', 'd'], progress)).toBe(1);
  });

  it('reads a stored reveal back and drops a malformed one', () => {
    const store = memory({
      [PROGRESS_KEY]: JSON.stringify({
        x: { answer: '', correct: false, revealed: true },
        y: { answer: '', correct: false, revealed: 'yes' },
      }),
    });
    expect(loadProgress(store)).toEqual({ x: { answer: '', correct: false, revealed: true } });
  });
});
