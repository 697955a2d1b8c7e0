/**
 * What every template must satisfy, whoever wrote it: the same seed gives the same exercise; the
 * answer is the engine's (asked again here from the variant's `about`); no mistake's value is the
 * right answer or another mistake's, over many seeds, so feedback can never fire on a right answer;
 * typing a mistake's value is diagnosed as that mistake; and every mistake named exists.
 */
import { describe, expect, it } from 'vitest';
import { groupDigits, shapeList, shapeText } from '@calc/basics.ts';
import { resolveLayer, summarize } from '@calc/engine.ts';
import { diagnoseBlank, generate, mistake, mistakes, parseVariantId, templates, variantId } from '@exercises/index.ts';
import type { About, Blank, Exercise } from '@exercises/types.ts';
import { CURRICULUM } from '@lessons/curriculum.ts';

const SEEDS = Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 0);

const blanksOf = (e: Exercise): Blank[] =>
  e.response.kind === 'blanks' ? e.response.blanks : e.response.kind === 'predict' ? [e.response.blank] : [];

/** What a reader would type for a value: counts grouped as Keras prints them, shapes as Keras prints them. */
const typed = (value: number | (number | null)[]): string => (typeof value === 'number' ? groupDigits(value) : shapeText(value));

/** The engine's answer to what `about` asks, computed here from scratch. */
function engineAnswer(about: About): number | (number | null)[] {
  if (about.kind === 'layer') {
    const result = resolveLayer(about.layer, about.input);
    if (!result.ok) throw new Error(`the engine refuses ${JSON.stringify(about.layer)}`);
    const row = result.row;
    if (about.ask === 'shape') {
      const shapes = shapeList(row.outputShape!);
      expect(shapes).toHaveLength(1);
      return shapes[0]!;
    }
    return row[about.ask];
  }
  const summary = summarize(about.model);
  expect(summary.error).toBeUndefined();
  if (about.ask === 'shape') return shapeList(summary.outputs[0]!)[0]!;
  return summary.totals[about.ask];
}

describe('the catalogue', () => {
  it('has unique ids, anchors into docs/learner-mistakes.md, and both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/learner-mistakes.md', 'utf8');
    expect(new Set(mistakes.map((m) => m.id)).size).toBe(mistakes.length);
    for (const m of mistakes) {
      const anchor = m.anchor.split('#')[1]!;
      expect(doc, m.id).toContain(`<a id="${anchor}"></a>`);
      for (const text of [m.title, m.explanation]) {
        expect(text.en.trim(), m.id).not.toBe('');
        expect(text['zh-cn'], m.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it.each([
    'forgot-bias',
    'kernel-ignores-channels',
    'wrong-input-channels',
    'lstm-gates',
    'gru-reset-after',
    'batch-norm-trainable-only',
    'pool-stride-default',
    'same-padding-stride',
    'ceil-not-floor',
    'key-dim-per-head',
    'bidirectional-doubling',
    'embedding-bias',
    'depthwise-as-conv',
    'groups-ignored',
    'shared-layer-twice',
  ])('the issue names %s, and some template recognises it', (id) => {
    expect(() => mistake(id)).not.toThrow();
    expect(templates.some((t) => t.mistakes.includes(id))).toBe(true);
  });
});

describe('templates', () => {
  it('have unique, link-safe ids and name known lessons and mistakes', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const t of templates) {
      expect(parseVariantId(variantId(t.id, 7))).toEqual({ template: t.id, seed: 7 });
      expect(t.lessons.length, t.id).toBeGreaterThan(0);
      for (const l of t.lessons) expect(CURRICULUM as readonly string[], t.id).toContain(l);
      for (const m of t.mistakes) expect(() => mistake(m), `${t.id}: ${m}`).not.toThrow();
    }
  });

  it('ask about every layer type a lesson teaches', async () => {
    const untested: string[] = [];
    for (const slug of CURRICULUM) {
      const { lesson } = (await import(`../../src/lessons/${slug}.ts`)) as { lesson: { teaches?: string[] } };
      for (const type of lesson.teaches ?? []) if (!templates.some((t) => t.covers?.includes(type))) untested.push(`${slug}: ${type}`);
    }
    expect(untested).toEqual([]);
  });

  it('give every lesson at least three exercises', () => {
    for (const lesson of CURRICULUM)
      expect(templates.filter((t) => (t.lessons as readonly string[]).includes(lesson)).length, lesson).toBeGreaterThanOrEqual(3);
  });

  describe.each(templates.map((t) => [t.id, t] as const))('%s', (_, template) => {
    const exercises = SEEDS.map((seed) => generate(template, seed));

    it('gives the same exercise for the same seed', () => {
      for (const seed of SEEDS.slice(0, 20))
        expect(JSON.stringify(generate(template, seed))).toBe(JSON.stringify(exercises[SEEDS.indexOf(seed)]));
    });

    it('varies with the seed', () => {
      expect(new Set(exercises.map((e) => e.prompt.en + (e.display?.text.en ?? ''))).size).toBeGreaterThan(5);
    });

    it("expects the engine's answer", () => {
      for (const e of exercises) {
        if (!e.about) continue;
        const blanks = blanksOf(e);
        expect(blanks.length, e.id).toBeGreaterThanOrEqual(1);
        expect(blanks[0]!.expected.value, e.id).toEqual(engineAnswer(e.about));
      }
    });

    it('lists only mistakes it declares, none equal to the answer or to each other', () => {
      for (const e of exercises) {
        for (const blank of blanksOf(e)) {
          const values = [typed(blank.expected.value)];
          for (const m of blank.mistakes) {
            expect(template.mistakes, e.id).toContain(m.mistake);
            const t = typed(m.value);
            expect(values, `${e.id}: ${m.mistake}`).not.toContain(t);
            values.push(t);
          }
        }
        if (e.response.kind === 'choice' || e.response.kind === 'order')
          for (const o of e.response.options) if (o.mistake) expect(template.mistakes, e.id).toContain(o.mistake);
      }
    });

    it('reads the right answer as right and each mistake as that mistake', () => {
      for (const e of exercises) {
        for (const blank of blanksOf(e)) {
          expect(diagnoseBlank(blank, typed(blank.expected.value)), e.id).toEqual({ verdict: 'right' });
          for (const m of blank.mistakes) {
            const d = diagnoseBlank(blank, typed(m.value));
            expect(d.verdict, `${e.id} ${m.mistake}`).toBe('wrong');
            expect(d.verdict === 'wrong' && d.mistake?.mistake, `${e.id} ${m.mistake}`).toBe(m.mistake);
          }
        }
      }
    });

    it('never shows the answer before it is asked, and writes both languages', () => {
      for (const e of exercises) {
        const before = [e.prompt.en, e.prompt['zh-cn'], e.display?.text.en ?? ''].join('\n');
        for (const blank of blanksOf(e)) {
          const v = blank.expected.value;
          if (typeof v === 'number' && v >= 100)
            expect(before, e.id).not.toMatch(new RegExp(`(?<![\\d,])${groupDigits(v)}(?![\\d,])|(?<!\\d)${v}(?!\\d)`));
          if (typeof v !== 'number') expect(before, e.id).not.toContain(shapeText(v));
        }
        for (const text of [e.prompt, e.solution, ...e.hints]) {
          expect(text.en.trim(), e.id).not.toBe('');
          expect(text['zh-cn'], e.id).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });

    it('keeps the hints short of the answer', () => {
      for (const e of exercises) {
        for (const blank of blanksOf(e)) {
          const v = blank.expected.value;
          if (typeof v !== 'number' || v < 100) continue;
          for (const hint of e.hints) expect(hint.en, e.id).not.toMatch(new RegExp(`(?<![\\d,])${groupDigits(v)}(?![\\d,])`));
        }
      }
    });
  });
});
