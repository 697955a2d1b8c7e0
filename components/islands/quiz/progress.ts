/**
 * Quiz progress in localStorage under one versioned key. Storage may be missing, full, disabled
 * (privacy modes throw on access) or hold anything at all (an old version, a hand edit): every
 * read falls back to "no progress", every write may silently fail, and the page keeps working.
 */

export const PROGRESS_KEY = 'param-lab:quiz:v1';

/** What is remembered per question: the reader's answer and whether it was right. */
export interface Attempt {
  answer: string;
  correct: boolean;
}

/** Keyed by `<lesson>/<question id>`, so both locales of a lesson share progress. */
export type Progress = Record<string, Attempt>;

/** The parts of the Web Storage API used here, so tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

const isAttempt = (v: unknown): v is Attempt =>
  typeof v === 'object' && v !== null && typeof (v as Attempt).answer === 'string' && typeof (v as Attempt).correct === 'boolean';

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
  for (const [key, value] of Object.entries(parsed)) if (isAttempt(value)) progress[key] = { answer: value.answer, correct: value.correct };
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
