/**
 * Quiz progress in localStorage under one versioned key. Storage may be missing, full, disabled
 * (privacy modes throw on access) or hold anything at all (an old version, a hand edit): every
 * read falls back to "no progress", every write may silently fail, and the page keeps working.
 */

export const PROGRESS_KEY = 'param-lab:quiz:v1';

/**
 * What is remembered per question: the reader's answer, whether it was right, and whether the
 * solution was shown before it was answered right (then a right answer no longer counts as solved).
 */
export interface Attempt {
  answer: string;
  correct: boolean;
  revealed?: true;
}

/** Keyed by `<lesson>/<question id>`, so both locales of a lesson share progress. */
export type Progress = Record<string, Attempt>;

/** The parts of the Web Storage API used here, so tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const isAttempt = (v: unknown): v is Attempt =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Attempt).answer === 'string' &&
  typeof (v as Attempt).correct === 'boolean' &&
  [undefined, true].includes((v as Attempt).revealed);

/** The browser's localStorage, or null where touching it throws (sandboxed frames, disabled storage). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Saved progress; entries that do not look like attempts are dropped, bad JSON is ignored. */
export function loadProgress(storage: StorageLike | null): Progress {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return {};
  }
  if (raw === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const progress: Progress = {};
  for (const [key, value] of Object.entries(parsed))
    if (isAttempt(value)) progress[key] = { answer: value.answer, correct: value.correct, ...(value.revealed ? { revealed: true } : {}) };
  return progress;
}

/** Record one attempt, keeping what other lessons stored; false when storage refused it. */
export function saveAttempt(storage: StorageLike | null, key: string, attempt: Attempt): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify({ ...loadProgress(storage), [key]: attempt }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The attempt to store after the reader checks an answer, or null to keep what is stored: a wrong
 * answer never overwrites a right one, and once the solution was shown nothing counts as solved.
 */
export function afterAnswer(stored: Attempt | undefined, answer: string, correct: boolean): Attempt | null {
  if (stored?.revealed) return null;
  if (!correct && stored?.correct) return null;
  return { answer, correct };
}

/** The attempt to store when the reader asks for the solution: a question already solved stays solved. */
export function afterReveal(stored: Attempt | undefined): Attempt | null {
  if (stored?.correct || stored?.revealed) return null;
  return { answer: stored?.answer ?? '', correct: false, revealed: true };
}

/** Questions answered right without the solution shown first. */
export const solvedCount = (keys: readonly string[], progress: Progress): number =>
  keys.filter((k) => progress[k]?.correct && !progress[k]?.revealed).length;

/** Questions whose solution was shown before they were solved. */
export const revealedCount = (keys: readonly string[], progress: Progress): number => keys.filter((k) => progress[k]?.revealed).length;
