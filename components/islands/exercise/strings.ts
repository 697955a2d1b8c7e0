/** The exercise islands' words: src/i18n/<locale>/exercises.json, one locale passed in as a prop. */
import type en from '@i18n/en/exercises.json';

export type ExerciseStrings = typeof en;
