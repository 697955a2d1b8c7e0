/**
 * Reading what a reader typed into a self-check question. People write counts as `18496`,
 * `18,496`, `18 496` or `18 496` (narrow no-break space), and shapes as Keras prints them,
 * without the batch axis, or as `11x11x64`; all of those mean the same answer.
 */

import type { Dim } from '@calc/basics.ts';
import type { Expected } from './types.ts';

export type { Dim, Expected };

export type Verdict = 'right' | 'wrong' | 'unreadable';

/** Full-width digits and commas (a Chinese input method), no-break and thin spaces → ASCII. */
const normalized = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim();

/** `18,496` → 18496; null when the text is not a whole number with consistent 3-digit grouping. */
export function parseCount(text: string): number | null {
  const t = normalized(text);
  const grouped = /^\d{1,3}(?:([, ])\d{3})?(?:\1\d{3})*$/.test(t);
  if (!grouped && !/^\d+$/.test(t)) return null;
  const digits = t.replace(/[, ]/g, '');
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** `(None, 11, 11, 64)`, `[None, 11, 11, 64]`, `(11, 11, 64)`, `11x11x64`, `11×11×64` → the dims; null when unreadable. */
export function parseShape(text: string): Dim[] | null {
  let t = normalized(text);
  const bracketed = /^\((.*)\)$/s.exec(t) ?? /^\[(.*)\]$/s.exec(t);
  if (bracketed) t = bracketed[1]!.trim();
  if (t === '') return null;
  const parts = t.split(/\s*[,x×*]\s*|\s+/i);
  // Python's one-element tuple: `(None, 64,)` ends with an empty part.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const dims: Dim[] = [];
  for (const part of parts) {
    if (/^(none|null|\?)$/i.test(part)) dims.push(null);
    else if (/^\d+$/.test(part) && Number.isSafeInteger(Number(part))) dims.push(Number(part));
    else return null;
  }
  return dims;
}

const sameDims = (a: readonly Dim[], b: readonly Dim[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** A shape answer is right with or without the batch axis. */
export function shapeMatches(given: readonly Dim[], expected: readonly Dim[]): boolean {
  if (sameDims(given, expected)) return true;
  return expected.length > 1 && expected[0] === null && sameDims(given, expected.slice(1));
}

/** Right, wrong, or not readable as an answer of the expected kind (the reader is told the format). */
export function judge(text: string, expected: Expected): Verdict {
  if (expected.kind === 'count') {
    const n = parseCount(text);
    return n === null ? 'unreadable' : n === expected.value ? 'right' : 'wrong';
  }
  const dims = parseShape(text);
  return dims === null ? 'unreadable' : shapeMatches(dims, expected.value) ? 'right' : 'wrong';
}

/** The reader's text read as an answer of the expected kind, or null. */
export function readAnswer(text: string, expected: Expected): Expected['value'] | null {
  return expected.kind === 'count' ? parseCount(text) : parseShape(text);
}

/** Whether a read answer equals a value of the expected kind (a shape with or without its batch axis). */
export function sameAnswer(given: Expected['value'], value: Expected['value']): boolean {
  if (typeof given === 'number' || typeof value === 'number') return given === value;
  return shapeMatches(given, value);
}
