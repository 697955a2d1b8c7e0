/**
 * The reader's progress as the dashboard and the "redo my misses" button see it: pure functions
 * over progress and the ids of the templates this site has, light enough to load with the page
 * (the templates themselves, and the engine they ask, load once the page is up: see engine.ts).
 */
import { parseVariantId, variantId } from '@exercises/generate.ts';
import { isSolved, missQueue, type Progress } from '@exercises/progress.ts';

export interface Variant {
  template: string;
  seed: number;
}

/** The address with `ex` naming this variant, everything else kept. */
export function withVariant(href: string, v: Variant): string {
  const url = new URL(href);
  url.searchParams.set('ex', variantId(v.template, v.seed));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The reader's misses, most recent first, keeping only those of templates this site has. */
export function misses(progress: Progress, known: ReadonlySet<string>): string[] {
  return missQueue(progress).filter((id) => {
    const v = parseVariantId(id);
    return v !== null && known.has(v.template);
  });
}

/**
 * The next miss to redo in a round: the most recent one not yet shown in it (`shown`, in the order
 * shown), so that pressing Next without answering still goes through every miss. Once all have
 * been shown a new round begins, with the most recent miss other than the one on screen (the last
 * of `shown`). Null when no miss is left but the one on screen; else the miss and the round's list
 * with it added.
 */
export function nextMiss(
  progress: Progress,
  known: ReadonlySet<string>,
  shown: readonly string[] = [],
): { variant: Variant; shown: string[] } | null {
  const queue = misses(progress, known);
  const fresh = queue.find((m) => !shown.includes(m));
  const onScreen = shown.at(-1);
  const id = fresh ?? queue.find((m) => m !== onScreen);
  const variant = id === undefined ? null : parseVariantId(id);
  if (id === undefined || !variant) return null;
  return { variant, shown: fresh === undefined ? [id] : [...shown, id] };
}

type Tally = { solved: number; tried: number };

/** Variants tried and solved, over all attempts (migrated quiz answers included). */
export function totals(progress: Progress): Tally {
  const tried = new Set(progress.attempts.map((a) => a.id));
  let solved = 0;
  for (const id of tried) if (isSolved(progress, id)) solved++;
  return { solved, tried: tried.size };
}

/**
 * Per lesson slug: attempts made in a lesson's set, whether recorded under the slug (`conv2d`) or
 * under the former quiz's page id (`lessons/conv2d`, migrated answers).
 */
export function lessonTallies(byLesson: Record<string, Tally>): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const [key, t] of Object.entries(byLesson)) {
    const slug = key.replace(/^lessons\//, '');
    const sum = out[slug] ?? { solved: 0, tried: 0 };
    out[slug] = { solved: sum.solved + t.solved, tried: sum.tried + t.tried };
  }
  return out;
}
