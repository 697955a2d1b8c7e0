/**
 * The mistakes catalogue in words, for a card whose page did not carry the entry it needs (a lesson
 * page carries its templates' entries; see components/ExerciseSet.astro). Fetched on demand.
 */
import { mistake } from '@exercises/mistakes.ts';
import type { Locale } from '@i18n/index.ts';

/** The entry's title and explanation in `locale`, or null for an id the catalogue lacks. */
export function mistakeText(id: string, locale: Locale): { title: string; explanation: string } | null {
  try {
    const entry = mistake(id);
    return { title: entry.title[locale], explanation: entry.explanation[locale] };
  } catch {
    return null;
  }
}
