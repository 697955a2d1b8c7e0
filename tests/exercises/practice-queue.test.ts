/**
 * The Practice page's choices (components/islands/practice/queue.ts and choose.ts): which miss comes
 * next, what a link's `?ex=` opens or why it cannot, and the dashboard's tallies. Progress is built
 * by hand here, attempt by attempt, so every expected count is read off the list written below.
 */
import { describe, expect, it } from 'vitest';
import { fromLink, generates, nextQuestion } from '@components/islands/practice/choose.ts';
import { lessonTallies, misses, nextMiss, totals, withVariant } from '@components/islands/practice/queue.ts';
import { templates } from '@exercises/index.ts';
import { byLesson, emptyProgress, record, type AttemptRecord, type Progress } from '@exercises/progress.ts';

const attempt = (id: string, ok: boolean, at: number, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id,
  template: id.slice(0, id.lastIndexOf('.')),
  skill: 'layer-params',
  ok,
  hints: 0,
  shown: false,
  at,
  ...extra,
});
const progressOf = (...attempts: AttemptRecord[]): Progress => attempts.reduce(record, emptyProgress());
const known = new Set(templates.map((t) => t.id));

describe('the misses queue on the Practice page', () => {
  // a: wrong then right (solved); b: wrong; c: wrong, later; gone: a template this site lacks
  const p = progressOf(
    attempt('conv2d-params.1', false, 10),
    attempt('conv2d-params.1', true, 20),
    attempt('conv2d-params.2', false, 30),
    attempt('conv2d-params.3', false, 40),
    attempt('no-such-template.4', false, 50, { template: 'no-such-template' }),
  );
  it('lists the wrong answers not solved since, most recent first, of templates this site has', () => {
    expect(misses(p, known)).toEqual(['conv2d-params.3', 'conv2d-params.2']);
  });
  it('gives the most recent miss first, then the next one not shown in this round, then none', () => {
    expect(nextMiss(p, known)).toEqual({ variant: { template: 'conv2d-params', seed: 3 }, shown: ['conv2d-params.3'] });
    expect(nextMiss(p, known, ['conv2d-params.3'])).toEqual({
      variant: { template: 'conv2d-params', seed: 2 },
      shown: ['conv2d-params.3', 'conv2d-params.2'],
    });
    const solvedBoth = record(record(p, attempt('conv2d-params.3', true, 60)), attempt('conv2d-params.2', true, 70));
    expect(nextMiss(solvedBoth, known)).toBeNull();
    // one miss left, and it is the question on screen: nothing else to redo
    const one = record(p, attempt('conv2d-params.3', true, 60));
    expect(nextMiss(one, known, ['conv2d-params.2'])).toBeNull();
  });
  it('goes through every one of four misses when Next is pressed without answering, then starts again', () => {
    // wrong answers at times 1…4: the queue runs most recent first, d c b a
    const four = progressOf(...[1, 2, 3, 4].map((seed) => attempt(`conv2d-params.${seed}`, false, seed)));
    const seen: string[] = [];
    let shown: string[] = [];
    for (let i = 0; i < 6; i++) {
      const next = nextMiss(four, known, shown)!;
      shown = next.shown;
      seen.push(`${next.variant.template}.${next.variant.seed}`);
    }
    expect(seen).toEqual([4, 3, 2, 1, 4, 3].map((seed) => `conv2d-params.${seed}`));
  });
  it('counts 1 solved of 4 variants tried (a, b, c and the unknown one)', () => {
    expect(totals(p)).toEqual({ solved: 1, tried: 4 });
  });
});

describe('lesson tallies', () => {
  it("adds the former quiz's `lessons/conv2d` to the set's `conv2d`", () => {
    const p = progressOf(
      attempt('legacy:lessons/conv2d/q1', true, 0, { template: 'legacy', skill: 'legacy', lesson: 'lessons/conv2d' }),
      attempt('conv2d-params.5', false, 1, { lesson: 'conv2d' }),
      attempt('conv2d-params.6', true, 2, { lesson: 'conv2d' }),
    );
    expect(lessonTallies(byLesson(p))).toEqual({ conv2d: { solved: 2, tried: 3 } });
  });
});

describe('a link to a question', () => {
  it('opens the variant it names', () => {
    expect(fromLink('?ex=conv2d-params.7', templates)).toEqual({ variant: { template: 'conv2d-params', seed: 7 } });
  });
  it('has nothing to say without ex', () => {
    expect(fromLink('?foo=1', templates)).toBeNull();
  });
  it('names a template this site lacks', () => {
    expect(fromLink('?ex=no-such-template.1', templates)).toEqual({
      problem: { kind: 'unknownTemplate', ex: 'no-such-template.1', template: 'no-such-template' },
    });
  });
  it('has nothing to say when ex is empty (an address cut short is no address)', () => {
    expect(fromLink('?ex=', templates)).toBeNull();
  });
  it.each(['conv2d-params', 'conv2d-params.x', 'conv2d-params.4294967296', 'Conv2D.1', ' '])('refuses %j as an address', (ex) => {
    expect(fromLink(`?ex=${encodeURIComponent(ex)}`, templates)).toEqual({ problem: { kind: 'badId', ex } });
  });
  it('writes the variant into the address, keeping the rest', () => {
    expect(withVariant('https://x.test/practice/?ex=a.1&k=2#top', { template: 'conv2d-params', seed: 9 })).toBe(
      '/practice/?ex=conv2d-params.9&k=2#top',
    );
  });
});

describe('the next mixed question', () => {
  it('is a variant that generates, of the chosen skill, never the one shown', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = nextQuestion(emptyProgress(), templates, seed, { skill: 'layer-params', avoid: 'conv2d-params.7' });
      expect(generates(templates, v)).toBe(true);
      expect(templates.find((t) => t.id === v.template)?.skill).toBe('layer-params');
      expect(`${v.template}.${v.seed}`).not.toBe('conv2d-params.7');
    }
  });
});
