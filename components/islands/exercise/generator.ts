/**
 * Making exercises in the browser — new numbers, a shared link's variant, a predict slider's
 * counts — needs the templates and so the engine (src/calc's layer specs). The islands fetch this
 * module on demand (load-generator.ts), never with the page.
 */
import { generate, templateById } from '@exercises/index.ts';
import { toData, type ExerciseData } from '@exercises/serial.ts';
import { freshSeed } from '@exercises/sets.ts';
import type { Exercise } from '@exercises/types.ts';

/** An exercise made from its address, or why it could not be. */
export type Made = { ok: true; exercise: Exercise; data: ExerciseData } | { ok: false; problem: 'unknownTemplate' | 'generateFailed' };

export function make(template: string, seed: number): Made {
  const t = templateById(template);
  if (!t) return { ok: false, problem: 'unknownTemplate' };
  try {
    const exercise = generate(t, seed);
    return { ok: true, exercise, data: toData(exercise) };
  } catch {
    return { ok: false, problem: 'generateFailed' };
  }
}

/** A seed other than `seed` for "new numbers", its answer kept off what the page shows (null: unknown template). */
export function newSeed(template: string, seed: number, shown: { numbers: readonly number[]; shapes: readonly string[] }): number | null {
  const t = templateById(template);
  if (!t) return null;
  const page = { numbers: new Set(shown.numbers), shapes: new Set(shown.shapes) };
  for (let i = 0; i < 5; i++) {
    let next: number;
    try {
      next = freshSeed(t, page, Math.random);
    } catch {
      // a seed the template cannot draw: the card then says so, and offers new numbers again
      next = Math.floor(Math.random() * 0x100000000) >>> 0;
    }
    if (next !== seed >>> 0) return next;
  }
  return (seed + 1) >>> 0;
}
