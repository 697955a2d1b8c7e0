/**
 * A lesson's exercise set, chosen at build time (components/ExerciseSet.astro): the templates that
 * name the lesson, each at a seed whose answer the page has not already shown. What the page shows
 * is read off the lesson module — the numbers its facts and calculators make quotable
 * (derivedNumbers, which the drift test also uses) and the shapes its facts print.
 */
import { outputText, shapeList, shapeText } from '@calc/basics.ts';
import { resolveLayer } from '@calc/engine.ts';
import { templates } from '@exercises/index.ts';
import { lessonSet, type Shown } from '@exercises/sets.ts';
import { calculatorFacts, derivedNumbers, isModelFact, resolveLayerFact, resolveModelFact } from '@lessons/facts.ts';
import type { LessonModule } from '@lessons/types.ts';

/** The numbers and shapes a lesson's page can show. */
export function lessonShown(lesson: Pick<LessonModule, 'facts' | 'calculators'>): Shown {
  const numbers = derivedNumbers({ ...lesson, quiz: [] });
  const shapes = new Set<string>();
  const addShape = (shape: Parameters<typeof shapeList>[0] | null): void => {
    if (shape === null) return;
    for (const s of shapeList(shape)) shapes.add(shapeText(s));
    shapes.add(outputText(shape));
  };
  for (const fact of Object.values(lesson.facts)) {
    if (isModelFact(fact)) for (const row of resolveModelFact(fact).rows) addShape(row.outputShape);
    else {
      addShape(resolveLayerFact(fact).outputShape);
      addShape(fact.input);
    }
  }
  for (const preset of Object.values(lesson.calculators)) {
    addShape(preset.input);
    for (const fact of calculatorFacts(preset)) {
      const r = resolveLayer(fact.layer, fact.input);
      if (r.ok) addShape(r.row.outputShape);
    }
  }
  return { numbers, shapes };
}

/** The set for a lesson: `{ template, seed }` per exercise, in order. */
export const lessonExercises = (slug: string, lesson: Pick<LessonModule, 'facts' | 'calculators'>): { template: string; seed: number }[] =>
  lessonSet(slug, templates, lessonShown(lesson));
