/**
 * The exercise engine's vocabulary (issue #10). A template turns a seed into one exercise: a prompt,
 * what the reader answers, the wrong answers that known mistakes produce, a hint ladder and a worked
 * solution. Every number in an exercise comes from src/calc: a template builds layers or models and
 * asks the engine, and a mistake's wrong value is the engine's answer to the question asked the
 * mistaken way (the bias switched off, the input channels set to 1, the stride left at 1…).
 *
 * Exercises are generated where they are shown — at build time for a lesson's first variant, in the
 * browser for every other seed — so an exercise is plain data plus, for predict-then-check, one
 * function the island calls as the reader moves the slider.
 */
import type { Dim, LayerArgs, Model, Shape } from '@calc/basics.ts';
import type { LessonSlug } from '@lessons/curriculum.ts';
import type { Localized } from '@lessons/types.ts';

export type { Localized };

/**
 * A text in both locales. Prompts, hints and notes may use Markdown's inline code (`Conv2D(32, 3)`),
 * which the island renders as <code>; nothing else is interpreted.
 */
export type Text = Localized;

/** What a reader types: a count (`18,496`) or a shape with its batch axis first (`(None, 13, 13, 32)`). */
export type Expected = { kind: 'count'; value: number } | { kind: 'shape'; value: Dim[] };

/** The skills progress is kept for; each template trains one. */
export type Skill =
  | 'layer-params'
  | 'output-shape'
  | 'trainable-split'
  | 'model-total'
  | 'summary-cells'
  | 'largest-layer'
  | 'find-argument'
  | 'which-change'
  | 'predict'
  | 'order-by-size'
  | 'spot-wrong-row';

/** An id from the misconception catalogue (src/exercises/mistakes.ts). */
export type MistakeId = string;

/**
 * The answer one mistake produces for one blank, and what to tell the reader who gives it: the
 * catalogue's explanation plus, here, the numbers of this very question
 * ("you counted 3 × 3 × 32 × 64 = 18,432 weights, but each of the 64 filters also has a bias").
 */
export interface MistakeAnswer {
  mistake: MistakeId;
  value: Expected['value'];
  note: Text;
}

/** One field the reader fills in. */
export interface Blank {
  /** Unique within the exercise: `params`, `row-2-shape`. */
  id: string;
  /** Its label beside the input; absent for an exercise's only blank (the prompt labels it). */
  label?: Text;
  expected: Expected;
  mistakes: MistakeAnswer[];
}

/** One option of a choice, or one item to order. */
export interface Option {
  id: string;
  /** Shown to the reader; inline code allowed. */
  label: Text;
  /** For a wrong option: the mistake that leads a reader to choose it, and why it is wrong here. */
  mistake?: MistakeId;
  note?: Text;
}

/** The reader commits a number, then a slider unlocks and shows the engine's count as it moves. */
export interface Slider {
  label: Text;
  min: number;
  max: number;
  /** Where the slider starts: the value the question's known count was computed at. */
  start: number;
  /** The value the prediction is about. */
  target: number;
  /** The engine's count (and the formula with its numbers) at a slider value; pure, cheap, called on every move. */
  at(value: number): { count: number; equation: string };
}

/** What the reader does to answer. */
export type Response =
  | { kind: 'blanks'; blanks: Blank[] }
  | { kind: 'choice'; options: Option[]; correct: string }
  | { kind: 'order'; options: Option[] /** option ids, first to last */; correct: string[] /** what the order is by */; by: Text }
  | { kind: 'predict'; blank: Blank; slider: Slider };

/** Something shown between the prompt and the answer: code, or a summary printout (with `▢` blanks or a wrong row). */
export interface Display {
  kind: 'code' | 'summary';
  /** Monospace text, identical in both locales unless the exercise needs otherwise. */
  text: Text;
  /** For spot-the-wrong-row: each option id's line range in `text` (0-based, inclusive), so the island can make rows pickable. */
  rows?: { option: string; from: number; to: number }[];
}

/**
 * What a numeric question asks src/calc, so tests (and an "open in the lab" link) can ask it again:
 * one layer on its input, or a whole model, and which number.
 */
export type About =
  | {
      kind: 'layer';
      layer: { type: string; args?: LayerArgs };
      input: Shape | Shape[];
      ask: 'params' | 'trainable' | 'nonTrainable' | 'shape';
    }
  | { kind: 'model'; model: Model; ask: 'params' | 'trainable' | 'nonTrainable' | 'shape' };

/** One exercise, fully generated. */
export interface Exercise {
  /** `<template>.<seed>`: the variant's address (?ex=…) and its progress key. */
  id: string;
  template: string;
  seed: number;
  skill: Skill;
  prompt: Text;
  display?: Display;
  response: Response;
  /** Formula in words → the numbers substituted → the arithmetic; shown one at a time on request. */
  hints: [Text, Text, Text];
  /** The worked solution, behind a secondary button. */
  solution: Text;
  /** For a question with one answer src/calc gives directly: what was asked of it. */
  about?: About;
}

/** What a template returns for one draw of parameters (the engine fills in id, template, seed, skill). */
export type Draft = Omit<Exercise, 'id' | 'template' | 'seed' | 'skill'>;

/** A seeded source of choices; the same seed always gives the same exercise. */
export interface Rng {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** True with probability p. */
  chance(p: number): boolean;
}

export interface Template {
  /** Kebab-case, unique, stable: it is part of every shared link. */
  id: string;
  skill: Skill;
  /** The lessons whose exercise set may use it (a lesson only uses what it, or an earlier lesson, has taught). */
  lessons: readonly LessonSlug[];
  /** The layer types it asks about (`Conv2D`), for the catalogue's coverage test. */
  covers?: readonly string[];
  /** The mistakes its variants can recognise (each variant lists those that apply to it). */
  mistakes: readonly MistakeId[];
  /**
   * One draft from the random source. A draw whose mistakes cannot be told apart from the right
   * answer or from each other is drawn again by the engine (generate.ts); a template may also
   * return null to ask for another draw.
   */
  draw(rng: Rng): Draft | null;
}

/** A catalogue entry (docs/learner-mistakes.md keeps the sources). */
export interface Mistake {
  id: MistakeId;
  /** `docs/learner-mistakes.md#<anchor>`. */
  anchor: string;
  title: Text;
  /** What went wrong and the rule that fixes it, in general terms; a variant's note adds its numbers. */
  explanation: Text;
}
