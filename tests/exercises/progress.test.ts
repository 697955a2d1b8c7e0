/** Exercise progress survives whatever localStorage holds or does, migrates the former quiz, and travels as a file. */
import { describe, expect, it } from 'vitest';
import {
  LEGACY_KEY,
  PROGRESS_KEY,
  bySkill,
  byLesson,
  emptyProgress,
  exportProgress,
  importProgress,
  isSolved,
  loadProgress,
  mergeProgress,
  missQueue,
  nextForPractice,
  record,
  saveProgress,
  type AttemptRecord,
  type StorageLike,
} from '@exercises/progress.ts';
import { rng } from '@exercises/rng.ts';
import { templates } from '@exercises/index.ts';

function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (Object.hasOwn(data, k) ? data[k]! : null),
    setItem: (k, v) => {
      data[k] = String(v);
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const attempt = (id: string, ok: boolean, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id,
  template: id.split('.')[0]!,
  skill: 'layer-params',
  ok,
  hints: 0,
  shown: false,
  at: 1000,
  ...extra,
});

describe('exercise progress', () => {
  it('uses a new versioned key', () => {
    expect(PROGRESS_KEY).toBe('param-lab:exercises:v2');
    expect(PROGRESS_KEY).not.toBe(LEGACY_KEY);
  });

  it('saves and reads back', () => {
    const store = memory();
    const p = record(emptyProgress(), attempt('conv2d-params.1', true, { lesson: 'conv2d' }));
    expect(saveProgress(store, p)).toBe(true);
    expect(loadProgress(store)).toEqual({ progress: p, notice: null });
  });

  it('starts empty, without a notice, when nothing is stored or there is no storage', () => {
    expect(loadProgress(memory())).toEqual({ progress: emptyProgress(), notice: null });
    expect(loadProgress(null)).toEqual({ progress: emptyProgress(), notice: null });
    expect(saveProgress(null, emptyProgress())).toBe(false);
  });

  it('survives storage that throws on every access', () => {
    const hostile: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadProgress(hostile).progress).toEqual(emptyProgress());
    expect(saveProgress(hostile, emptyProgress())).toBe(false);
  });

  it.each([['{not json'], ['null'], ['42'], ['"text"'], ['[1,2,3]'], [''], ['{"version":1,"attempts":[]}'], ['{"version":2}']])(
    'resets a stored value of %j with a notice and keeps it aside',
    (raw) => {
      const store = memory({ [PROGRESS_KEY]: raw });
      expect(loadProgress(store)).toEqual({ progress: emptyProgress(), notice: 'reset' });
      expect(store.data[`${PROGRESS_KEY}:damaged`]).toBe(raw);
      expect(loadProgress(store).notice).toBeNull();
    },
  );

  it('drops attempts that are not attempts, keeps the rest, and says so', () => {
    const good = attempt('dense-params.4', true);
    const raw = JSON.stringify({ version: 2, attempts: [good, { id: 3 }, null, 'x'], streak: { current: 1, best: 1 } });
    expect(loadProgress(memory({ [PROGRESS_KEY]: raw }))).toEqual({
      progress: { version: 2, attempts: [good], streak: { current: 1, best: 1 } },
      notice: 'reset',
    });
  });

  it("migrates the former quiz's answers as lesson history", () => {
    const legacy = JSON.stringify({
      'lessons/conv2d/conv2d-rgb': { answer: '896', correct: true },
      'lessons/dense/q': { answer: '', correct: false, revealed: true },
    });
    const store = memory({ [LEGACY_KEY]: legacy });
    const { progress, notice } = loadProgress(store);
    expect(notice).toBe('migrated');
    expect(byLesson(progress)).toEqual({ conv2d: { tried: 1, solved: 1 }, dense: { tried: 1, solved: 0 } });
    expect(store.data[LEGACY_KEY]).toBeUndefined();
    expect(loadProgress(store).notice).toBeNull();
    // migrated answers are history: they are not practice misses to redo
    expect(missQueue(progress)).toEqual([]);
  });

  it('resets unreadable former quiz data with a notice', () => {
    const store = memory({ [LEGACY_KEY]: '{broken' });
    expect(loadProgress(store).notice).toBe('reset');
    expect(store.data[LEGACY_KEY]).toBeUndefined();
  });

  it('counts streaks: right answers extend, a wrong one ends, a right one after the solution neither', () => {
    let p = emptyProgress();
    for (const [id, ok, shown] of [
      ['a.1', true, false],
      ['a.2', true, false],
      ['a.3', true, false],
      ['a.4', false, false],
      ['a.5', true, false],
      ['a.6', true, true],
    ] as const)
      p = record(p, attempt(id, ok, { shown }));
    expect(p.streak).toEqual({ current: 1, best: 3 });
  });

  it('solved means right without the solution shown first', () => {
    let p = record(emptyProgress(), attempt('a.1', true, { shown: true }));
    expect(isSolved(p, 'a.1')).toBe(false);
    p = record(p, attempt('a.2', true));
    expect(isSolved(p, 'a.2')).toBe(true);
  });

  it('queues misses, most recent first, until they are solved', () => {
    let p = emptyProgress();
    p = record(p, attempt('a.1', false, { at: 1 }));
    p = record(p, attempt('b.2', false, { at: 2 }));
    p = record(p, attempt('c.3', true, { at: 3, shown: true }));
    expect(missQueue(p)).toEqual(['c.3', 'b.2', 'a.1']);
    p = record(p, attempt('a.1', true, { at: 4 }));
    expect(missQueue(p)).toEqual(['c.3', 'b.2']);
  });

  it('tallies per skill and lesson by variant, not by attempt', () => {
    let p = emptyProgress();
    p = record(p, attempt('a.1', false, { lesson: 'conv2d' }));
    p = record(p, attempt('a.1', true, { lesson: 'conv2d' }));
    p = record(p, attempt('b.1', false, { lesson: 'conv2d', skill: 'output-shape' }));
    expect(byLesson(p)).toEqual({ conv2d: { tried: 2, solved: 1 } });
    expect(bySkill(p)).toEqual({ 'layer-params': { tried: 1, solved: 1 }, 'output-shape': { tried: 1, solved: 0 } });
  });

  it('exports a file that imports back to the same progress', () => {
    const p = record(record(emptyProgress(), attempt('a.1', true, { at: 5 })), attempt('b.2', false, { at: 6, mistake: 'forgot-bias' }));
    expect(importProgress(exportProgress(p))).toEqual({ ok: true, progress: p });
  });

  it('works an imported file’s streaks out from its attempts, whatever the file claims', () => {
    const claimed = { version: 2, attempts: [attempt('a.1', true), attempt('a.2', true)], streak: { current: 35000, best: 35000 } };
    const read = importProgress(JSON.stringify(claimed));
    expect(read.ok && read.progress.streak).toEqual({ current: 2, best: 2 });
  });

  it.each([
    ['not json', 'json'],
    ['[]', 'shape'],
    ['{"version":2,"attempts":[],"streak":{"current":0,"best":0}}', 'shape'],
    ['{"version":2,"attempts":[{"id":1}]}', 'shape'],
    ['{"version":2,"attempts":"x"}', 'shape'],
    ['{"version":3,"attempts":[]}', 'version'],
  ])('refuses to import %j (%s)', (text, reason) => {
    expect(importProgress(text)).toEqual({ ok: false, reason });
  });

  it('merges an import into existing progress without duplicating attempts', () => {
    const a = record(emptyProgress(), attempt('a.1', true, { at: 1 }));
    const b = record(record(emptyProgress(), attempt('a.1', true, { at: 1 })), attempt('b.1', true, { at: 2 }));
    const merged = mergeProgress(a, b);
    expect(merged.attempts.map((x) => x.id)).toEqual(['a.1', 'b.1']);
    expect(merged.streak).toEqual({ current: 2, best: 2 });
  });

  it('practice leans towards misses', () => {
    const missed = `${templates[0]!.id}.12345`;
    const p = record(emptyProgress(), attempt(missed, false, { template: templates[0]!.id }));
    const random = rng(99);
    const picks = Array.from({ length: 200 }, () => nextForPractice(p, templates, random));
    const again = picks.filter((x) => `${x.template}.${x.seed}` === missed).length;
    // half the picks redo the miss (binomial, 200 draws: 100 ± 3σ ≈ 79..121)
    expect(again).toBeGreaterThan(70);
    expect(again).toBeLessThan(130);
    for (const x of picks) expect(templates.map((t) => t.id)).toContain(x.template);
  });

  it('practice keeps to the chosen skill', () => {
    const skill = templates[0]!.skill;
    const random = rng(5);
    for (let i = 0; i < 50; i++) {
      const pick = nextForPractice(emptyProgress(), templates, random, { skill });
      expect(templates.find((t) => t.id === pick.template)!.skill).toBe(skill);
    }
  });
});
