/**
 * Exercise progress in localStorage under one versioned key: every attempt (which variant, right or
 * wrong, which mistake, hints used, solution shown), and the current and best streak of right
 * answers. Storage may be missing, full, disabled or hold anything at all: reading falls back to
 * empty progress with a notice saying why, old data is migrated, writing may fail silently.
 * Progress also leaves and enters the browser as a file (export / import).
 */
import type { Rng, Skill, Template } from './types.ts';

export const PROGRESS_KEY = 'param-lab:exercises:v2';
/** The lessons' former quiz (issues #4–#9): one attempt per `<lesson>/<question id>`. */
export const LEGACY_KEY = 'param-lab:quiz:v1';
export const PROGRESS_VERSION = 2;
/** Attempts kept (oldest dropped first): enough for months of practice, small enough for storage. */
export const MAX_ATTEMPTS = 2000;

export interface AttemptRecord {
  /** The variant: `<template>.<seed>`, or `legacy:<lesson>/<question>` for a migrated quiz answer. */
  id: string;
  template: string;
  skill: Skill | 'legacy';
  /** The lesson whose set it was answered in, if any. */
  lesson?: string;
  ok: boolean;
  /** The catalogue id of the mistake a wrong answer matched. */
  mistake?: string;
  /** Hints shown before this attempt. */
  hints: number;
  /** The worked solution was shown before this attempt: a right answer then does not count as solved. */
  shown: boolean;
  /** Milliseconds since 1970. */
  at: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  attempts: AttemptRecord[];
  streak: { current: number; best: number };
}

export type Notice = null | 'migrated' | 'reset';

/** The parts of the Web Storage API used here, so tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, attempts: [], streak: { current: 0, best: 0 } });

/** The browser's localStorage, or null where touching it throws (sandboxed frames, disabled storage). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const natural = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function readAttempt(v: unknown): AttemptRecord | null {
  if (!isObject(v)) return null;
  const { id, template, skill, lesson, ok, mistake, hints, shown, at } = v;
  if (typeof id !== 'string' || id.length > 200 || typeof template !== 'string' || typeof skill !== 'string') return null;
  if (typeof ok !== 'boolean' || !natural(hints) || typeof shown !== 'boolean' || !natural(at)) return null;
  if (lesson !== undefined && typeof lesson !== 'string') return null;
  if (mistake !== undefined && typeof mistake !== 'string') return null;
  return {
    id,
    template,
    skill: skill as AttemptRecord['skill'],
    ...(lesson !== undefined ? { lesson } : {}),
    ok,
    ...(mistake !== undefined ? { mistake } : {}),
    hints,
    shown,
    at,
  };
}

/** Progress from parsed JSON of this version; null when it is not that. Bad attempts are dropped, not fatal. */
function readProgress(v: unknown): { progress: Progress; dropped: number } | null {
  if (!isObject(v) || v.version !== PROGRESS_VERSION || !Array.isArray(v.attempts)) return null;
  const attempts = v.attempts.map(readAttempt).filter((a): a is AttemptRecord => a !== null);
  const streak =
    isObject(v.streak) && natural(v.streak.current) && natural(v.streak.best)
      ? { current: v.streak.current, best: v.streak.best }
      : streakOf(attempts);
  return {
    progress: { version: PROGRESS_VERSION, attempts: attempts.slice(-MAX_ATTEMPTS), streak },
    dropped: v.attempts.length - attempts.length,
  };
}

/** The streak an attempt list implies (used when the stored streak is damaged). */
function streakOf(attempts: readonly AttemptRecord[]): Progress['streak'] {
  let current = 0;
  let best = 0;
  for (const a of attempts) {
    current = a.ok && !a.shown ? current + 1 : a.ok ? current : 0;
    best = Math.max(best, current);
  }
  return { current, best };
}

/** The former quiz's answers, kept as solved or tried lesson questions. */
function migrateLegacy(raw: string): Progress | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  const attempts: AttemptRecord[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!isObject(value) || typeof value.correct !== 'boolean') continue;
    // `lessons/conv2d/<question>` → the lesson's slug, as lesson sets record it.
    const lesson = key.includes('/') ? key.slice(0, key.lastIndexOf('/')).replace(/^lessons\//, '') : undefined;
    attempts.push({
      id: `legacy:${key}`,
      template: 'legacy',
      skill: 'legacy',
      ...(lesson ? { lesson } : {}),
      ok: value.correct,
      hints: 0,
      shown: value.revealed === true,
      at: 0,
    });
  }
  return { version: PROGRESS_VERSION, attempts, streak: streakOf(attempts) };
}

/**
 * Saved progress and what happened reading it: null (nothing to say), 'migrated' (the former
 * quiz's answers were carried over) or 'reset' (what was stored could not be read and was set aside).
 */
export function loadProgress(storage: StorageLike | null): { progress: Progress; notice: Notice } {
  let raw: string | null = null;
  let legacy: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
    legacy = raw === null ? (storage?.getItem(LEGACY_KEY) ?? null) : null;
  } catch {
    return { progress: emptyProgress(), notice: null };
  }
  if (raw === null) {
    if (legacy === null) return { progress: emptyProgress(), notice: null };
    const migrated = migrateLegacy(legacy);
    if (migrated) {
      if (saveProgress(storage, migrated)) tryRemove(storage, LEGACY_KEY);
      return { progress: migrated, notice: 'migrated' };
    }
    tryRemove(storage, LEGACY_KEY);
    return { progress: emptyProgress(), notice: 'reset' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return resetDamaged(storage, raw);
  }
  const read = readProgress(parsed);
  if (!read) return resetDamaged(storage, raw);
  return { progress: read.progress, notice: read.dropped > 0 ? 'reset' : null };
}

/** Damaged progress is kept aside under `<key>:damaged` (a hand can still recover it) and replaced by empty progress. */
function resetDamaged(storage: StorageLike | null, raw: string): { progress: Progress; notice: Notice } {
  try {
    storage?.setItem(`${PROGRESS_KEY}:damaged`, raw);
  } catch {
    // storage full: the damaged copy is lost, the page still works
  }
  const progress = emptyProgress();
  saveProgress(storage, progress);
  return { progress, notice: 'reset' };
}

function tryRemove(storage: StorageLike | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Store progress; false when storage is missing or refused it. */
export function saveProgress(storage: StorageLike | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/**
 * Progress after one attempt (pure). A right answer without the solution shown extends the streak;
 * a wrong one ends it; a right answer after the solution neither extends nor ends it.
 */
export function record(progress: Progress, attempt: AttemptRecord): Progress {
  const counts = attempt.ok && !attempt.shown;
  const current = counts ? progress.streak.current + 1 : attempt.ok ? progress.streak.current : 0;
  return {
    version: PROGRESS_VERSION,
    attempts: [...progress.attempts, attempt].slice(-MAX_ATTEMPTS),
    streak: { current, best: Math.max(progress.streak.best, current) },
  };
}

/** A variant answered right without its solution shown first. */
export const isSolved = (progress: Progress, id: string): boolean => progress.attempts.some((a) => a.id === id && a.ok && !a.shown);

type Tally = { solved: number; tried: number };

function tally(progress: Progress, keyOf: (a: AttemptRecord) => string | undefined): Record<string, Tally> {
  const tried = new Map<string, Set<string>>();
  const solved = new Map<string, Set<string>>();
  for (const a of progress.attempts) {
    const key = keyOf(a);
    if (key === undefined) continue;
    if (!tried.has(key)) tried.set(key, new Set());
    tried.get(key)!.add(a.id);
    if (a.ok && !a.shown) {
      if (!solved.has(key)) solved.set(key, new Set());
      solved.get(key)!.add(a.id);
    }
  }
  const out: Record<string, Tally> = {};
  for (const [key, ids] of tried) out[key] = { tried: ids.size, solved: solved.get(key)?.size ?? 0 };
  return out;
}

/** Variants tried and solved, per lesson (attempts made in a lesson's set). */
export const byLesson = (progress: Progress): Record<string, Tally> => tally(progress, (a) => a.lesson);

/** Variants tried and solved, per skill (migrated quiz answers have none). */
export const bySkill = (progress: Progress): Partial<Record<Skill, Tally>> =>
  tally(progress, (a) => (a.skill === 'legacy' ? undefined : a.skill)) as Partial<Record<Skill, Tally>>;

/** Variants whose last attempt was wrong (or needed the solution), most recent first: the "redo my misses" queue. */
export function missQueue(progress: Progress): string[] {
  const last = new Map<string, AttemptRecord>();
  for (const a of progress.attempts) if (a.template !== 'legacy') last.set(a.id, a);
  return [...last.values()]
    .filter((a) => !isSolved(progress, a.id) && (!a.ok || a.shown))
    .sort((a, b) => b.at - a.at)
    .map((a) => a.id);
}

/** The file a reader downloads: the stored progress, labelled so an import can recognise it. */
export const exportProgress = (progress: Progress): string => `${JSON.stringify({ app: 'param-lab', ...progress }, null, 1)}\n`;

/**
 * A progress file read back: the progress (its streaks worked out from its attempts), or why it
 * cannot be used — not JSON, no attempt this site can read, a newer version. Nothing is changed then.
 */
export function importProgress(text: string): { ok: true; progress: Progress } | { ok: false; reason: 'json' | 'shape' | 'version' } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (!isObject(parsed)) return { ok: false, reason: 'shape' };
  if (typeof parsed.version === 'number' && parsed.version > PROGRESS_VERSION) return { ok: false, reason: 'version' };
  const read = readProgress(parsed);
  // a file with no attempt this site can read is not progress; its streak figures are not trusted
  // (a hand-made file could claim any), so they are worked out again from its attempts
  if (!read || read.progress.attempts.length === 0) return { ok: false, reason: 'shape' };
  return { ok: true, progress: { ...read.progress, streak: streakOf(read.progress.attempts) } };
}

/** Two progress records joined (an import into a browser that already has progress): attempts by time, duplicates once. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const seen = new Set<string>();
  const attempts = [...a.attempts, ...b.attempts]
    .sort((x, y) => x.at - y.at)
    .filter((x) => {
      const key = `${x.id}|${x.at}|${x.ok}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(-MAX_ATTEMPTS);
  const implied = streakOf(attempts);
  return {
    version: PROGRESS_VERSION,
    attempts,
    streak: { current: implied.current, best: Math.max(a.streak.best, b.streak.best, implied.best) },
  };
}

/**
 * The next practice question: half the time (when there are misses) a missed variant again, else a
 * template of the chosen skill — or of the reader's weakest skill one time in three — with a new seed.
 */
export function nextForPractice(
  progress: Progress,
  templates: readonly Template[],
  random: Rng,
  options: { skill?: Skill; avoid?: string } = {},
): { template: string; seed: number } {
  const pool = options.skill ? templates.filter((t) => t.skill === options.skill) : templates;
  const usable = pool.length > 0 ? pool : templates;
  const misses = missQueue(progress).filter((id) => id !== options.avoid && usable.some((t) => id.startsWith(`${t.id}.`)));
  if (misses.length > 0 && random.chance(0.5)) {
    const id = random.pick(misses);
    const dot = id.lastIndexOf('.');
    return { template: id.slice(0, dot), seed: Number(id.slice(dot + 1)) };
  }
  let choices = usable;
  if (!options.skill && random.chance(1 / 3)) {
    const skills = bySkill(progress);
    const rate = (t: Template): number => {
      const s = skills[t.skill];
      return s ? s.solved / s.tried : 0.5;
    };
    const weakest = Math.min(...usable.map(rate));
    choices = usable.filter((t) => rate(t) === weakest);
  }
  return { template: random.pick(choices).id, seed: random.int(0, 0xffffffff) };
}
