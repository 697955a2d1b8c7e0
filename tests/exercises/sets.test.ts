/**
 * Each lesson ends with its own exercises: at least three, none answered on the page above it (the
 * lesson's numbers and shapes, and the prompts of the exercises before it), and no variant shared
 * with another lesson.
 */
import { describe, expect, it } from 'vitest';
import { lessonExercises, lessonShown } from '@components/lesson/exercise-items.ts';
import { generate, templateById } from '@exercises/index.ts';
import { answersOf, numbersIn, shownBy } from '@exercises/sets.ts';
import { CURRICULUM } from '@lessons/curriculum.ts';
import type { LessonModule } from '@lessons/types.ts';

const modules = await Promise.all(
  CURRICULUM.map(async (slug) => [slug, ((await import(`../../src/lessons/${slug}.ts`)) as { lesson: LessonModule }).lesson] as const),
);

describe.each(modules)('lesson %s', (slug, lesson) => {
  const items = lessonExercises(slug, lesson);
  const exercises = items.map(({ template, seed }) => generate(templateById(template)!, seed));

  it('has at least three exercises, each from a template that names the lesson', () => {
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const e of exercises) expect(templateById(e.template)!.lessons as readonly string[]).toContain(slug);
  });

  it('never shows an answer above its question', () => {
    const shown = lessonShown(lesson);
    for (const [i, e] of exercises.entries()) {
      const answers = answersOf(e);
      const above = exercises.slice(0, i).map(shownBy);
      for (const n of answers.numbers) {
        expect(shown.numbers.has(n), `${e.id}: ${n} is a number of the lesson`).toBe(false);
        for (const a of above) expect(a.numbers.has(n), `${e.id}: ${n} is in an earlier prompt`).toBe(false);
      }
      for (const s of answers.shapes) {
        expect(shown.shapes.has(s), `${e.id}: ${s} is a shape of the lesson`).toBe(false);
        for (const a of above) expect(a.shapes.has(s), `${e.id}: ${s} is in an earlier prompt`).toBe(false);
      }
    }
  });
});

describe('lesson sets', () => {
  it('share no variant between lessons', () => {
    const ids = modules.flatMap(([slug, lesson]) => lessonExercises(slug, lesson).map((x) => `${x.template}.${x.seed}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('read numbers the way a page writes them', () => {
    expect(numbersIn('`Conv2D(64, 3)` on 18,496 and 93322 values')).toEqual([2, 64, 3, 18496, 93322]);
  });
});
