/**
 * What the exercise islands load with the page: diagnosing an answer, and the types. Nothing here
 * reaches a layer spec (tests/boundaries.test.ts); making a new exercise goes through generator.ts,
 * and a catalogue entry the page was not given through catalogue.ts, both fetched on demand
 * (load-generator.ts).
 */
export { diagnoseBlank, diagnoseChoice, diagnoseOrder, variantId } from '@exercises/generate.ts';
export type { BlankDiagnosis } from '@exercises/generate.ts';
export type { Blank, Display, Expected, MistakeAnswer, Option, Slider, Text } from '@exercises/types.ts';
export type { ExerciseData, ResponseData } from '@exercises/serial.ts';
export type { AttemptRecord } from '@exercises/progress.ts';
export type { Locale } from '@i18n/index.ts';
export { groupDigits } from '@calc/basics.ts';
export { parseCount } from '@exercises/answer.ts';

/** Catalogue entries in the page's language, by mistake id: what a page hands its cards at build time. */
export type MistakeTexts = Record<string, { title: string; explanation: string }>;
