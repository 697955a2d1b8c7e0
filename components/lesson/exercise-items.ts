/**
 * A lesson's exercise set, chosen at build time (components/ExerciseSet.astro): the templates that
 * name the lesson, each at a seed whose answer the page has not already shown. What the page shows
 * is read off the lesson module — the numbers its facts and calculators make quotable
 * (derivedNumbers, which the drift test also uses), its otherNumbers, and every shape its facts
 * and calculators put on the page (inputs and outputs, as Keras prints them).
 */
import { shapeList, shapeText, type Shape } from '@calc/basics.ts';
import { templates } from '@exercises/index.ts';
import { lessonSet, type Shown } from '@exercises/sets.ts';
import { calculatorFacts, derivedNumbers, isModelFact, resolveLayerFact, resolveModelFact } from '@lessons/facts.ts';
import type { Fact, LessonModule } from '@lessons/types.ts';

type ShownBy = Pick<LessonModule, 'facts' | 'calculators' | 'otherNumbers'>;

/** Every shape a fact puts on the page: its inputs and each layer's output. */
function factShapes(fact: Fact, out: Set<string>): void {
  const add = (shapes: readonly Shape[]): void => shapes.forEach((s) => out.add(shapeText(s)));
  if (isModelFact(fact)) {
    const summary = resolveModelFact(fact);
    for (const row of summary.rows) {
      add(row.inputShapes);
      if (row.outputShape) add(shapeList(row.outputShape));
    }
    summary.outputs.forEach((o) => add(shapeList(o)));
    return;
  }
  const row = resolveLayerFact(fact);
  add(row.inputShapes);
  if (row.outputShape) add(shapeList(row.outputShape));
}

/** The numbers and shapes a lesson's page can show above its exercises. */
export function lessonShown(lesson: ShownBy): Shown {
  const shapes = new Set<string>();
  for (const fact of Object.values(lesson.facts)) factShapes(fact, shapes);
  for (const preset of Object.values(lesson.calculators)) for (const fact of calculatorFacts(preset)) factShapes(fact, shapes);
  const numbers = derivedNumbers(lesson);
  for (const n of lesson.otherNumbers) numbers.add(n.value);
  return { numbers, shapes };
}

/** The set for a lesson: `{ template, seed }` per exercise, in order. */
export const lessonExercises = (slug: string, lesson: ShownBy): { template: string; seed: number }[] =>
  lessonSet(slug, templates, lessonShown(lesson));
