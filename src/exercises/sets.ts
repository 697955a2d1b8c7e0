/**
 * A lesson's exercise set: the templates that name the lesson, each at a seed chosen so that its
 * answer does not already stand on the page — neither in the lesson's own numbers and shapes
 * (given by the caller, who knows the lesson) nor in an earlier exercise's prompt. The seed comes
 * from the lesson and template names, so a set is the same on every build and in both locales.
 */
import { shapeText } from '@calc/basics.ts';
import { generate } from './generate.ts';
import type { Exercise, Template } from './types.ts';

/** What a page already shows above an exercise: numbers (`18496`) and shape texts (`(None, 13, 13, 32)`). */
export interface Shown {
  numbers: Set<number>;
  shapes: Set<string>;
}

/** At most this many exercises close a lesson. */
export const SET_SIZE = 6;
const SEARCH = 1000;

/** FNV-1a of a text: a stable starting seed. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The answers an exercise expects, as what a page would show. */
export function answersOf(exercise: Exercise): Shown {
  const out: Shown = { numbers: new Set(), shapes: new Set() };
  const r = exercise.response;
  const blanks = r.kind === 'blanks' ? r.blanks : r.kind === 'predict' ? [r.blank] : [];
  for (const b of blanks) {
    if (b.expected.kind === 'count') out.numbers.add(b.expected.value);
    else out.shapes.add(shapeText(b.expected.value));
  }
  return out;
}

/** Numbers written in a text (`18,496`, `93322`, `2.5` → 18496, 93322, 2, 5). */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d{1,3}(?:,\d{3})+|\d+/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** What an exercise shows before it is answered: its prompt and its display. */
export function shownBy(exercise: Exercise): Shown {
  const texts = [exercise.prompt.en, exercise.display?.text.en ?? ''];
  if (exercise.response.kind === 'choice' || exercise.response.kind === 'order')
    texts.push(...exercise.response.options.map((o) => o.label.en));
  const out: Shown = { numbers: new Set(texts.flatMap(numbersIn)), shapes: new Set() };
  for (const t of texts) for (const m of t.matchAll(/\((?:None|\d+)(?:, (?:None|\d+))*,?\)/g)) out.shapes.add(m[0]);
  return out;
}

const overlaps = (answers: Shown, shown: Shown): boolean =>
  [...answers.numbers].some((n) => shown.numbers.has(n)) || [...answers.shapes].some((s) => shown.shapes.has(s));

/**
 * The set closing `lesson`: templates naming it, in the given order, at most SET_SIZE, each at the
 * first seed (from the lesson's and template's names) whose answer is not in `shown` nor in an earlier
 * exercise's prompt.
 */
export function lessonSet(lesson: string, templates: readonly Template[], shown: Shown): { template: string; seed: number }[] {
  const above: Shown = { numbers: new Set(shown.numbers), shapes: new Set(shown.shapes) };
  const out: { template: string; seed: number }[] = [];
  for (const template of templates.filter((t) => (t.lessons as readonly string[]).includes(lesson)).slice(0, SET_SIZE)) {
    const start = seedOf(`${lesson}/${template.id}`);
    let chosen: Exercise | null = null;
    for (let i = 0; i < SEARCH && chosen === null; i++) {
      const exercise = generate(template, (start + i) >>> 0);
      if (!overlaps(answersOf(exercise), above)) chosen = exercise;
    }
    if (!chosen) throw new Error(`lesson ${lesson}: no seed of ${template.id} in ${SEARCH} keeps its answer off the page above it`);
    const s = shownBy(chosen);
    s.numbers.forEach((n) => above.numbers.add(n));
    s.shapes.forEach((x) => above.shapes.add(x));
    out.push({ template: template.id, seed: chosen.seed });
  }
  return out;
}

/** A new seed for "new numbers" whose answer keeps off what the page shows (or any seed after many tries). */
export function freshSeed(template: Template, shown: Shown, random: () => number): number {
  let seed = 0;
  for (let i = 0; i < 50; i++) {
    seed = Math.floor(random() * 0x100000000) >>> 0;
    if (!overlaps(answersOf(generate(template, seed)), shown)) return seed;
  }
  return seed;
}
