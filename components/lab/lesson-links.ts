/**
 * Which lesson teaches a layer type, for the lab's "the lesson that teaches this" link: the lesson
 * that says it teaches the type (`teaches`), else the lesson with the most calculators for it (the
 * earliest of equals), else the first that quotes a fact about that layer. A layer that only sits
 * inside a lesson's model is not taught there and gets no link; a type no lesson names falls back
 * to the first lesson that teaches a type of its family (its spec's), if one does. Read off the
 * lesson modules at build time, so a new lesson links itself.
 */
import type { LessonModule } from '@lessons/types.ts';

export interface LessonLinks {
  byType: Record<string, string>;
  byFamily: Record<string, string>;
}

/** `lessons` in curriculum order; `familyOf` from the engine's specs. */
export function lessonLinks(
  lessons: readonly { slug: string; module: LessonModule }[],
  familyOf: (type: string) => string | undefined,
): LessonLinks {
  const byType: Record<string, string> = {};
  const byFamily: Record<string, string> = {};
  const claim = (type: string, slug: string): void => {
    if (!Object.hasOwn(byType, type)) byType[type] = slug;
  };
  for (const { slug, module } of lessons)
    for (const type of module.teaches ?? []) {
      claim(type, slug);
      // only a lesson about a type speaks for its family: the Add in an attention lesson's model does not
      const family = familyOf(type);
      if (family !== undefined && !Object.hasOwn(byFamily, family)) byFamily[family] = slug;
    }
  // the lesson with the most calculators for a type teaches it (the earliest among equals): a type
  // also appears in calculators of lessons about something else (Conv2D in the output-shape lesson)
  // and a calculator that counts parameters teaches more than one that only follows shapes
  const tally = (counting: boolean): Map<string, Map<string, number>> => {
    const calculators = new Map<string, Map<string, number>>();
    for (const { slug, module } of lessons)
      for (const c of Object.values(module.calculators)) {
        if (counting && !c.show.includes('params') && !c.show.includes('formula')) continue;
        for (const type of new Set(c.layers.map((l) => l.type))) {
          const bySlug = calculators.get(type) ?? new Map<string, number>();
          bySlug.set(slug, (bySlug.get(slug) ?? 0) + 1);
          calculators.set(type, bySlug);
        }
      }
    return calculators;
  };
  for (const counting of [true, false])
    for (const { slug } of lessons)
      for (const [type, bySlug] of tally(counting)) if (bySlug.get(slug) === Math.max(...bySlug.values())) claim(type, slug);
  for (const { slug, module } of lessons) for (const f of Object.values(module.facts)) if ('layer' in f) claim(f.layer.type, slug);
  return { byType, byFamily };
}
