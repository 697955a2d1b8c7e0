/**
 * From a template and a seed to one exercise, and from the reader's answer to a diagnosis.
 *
 * A draw is kept only when every mistake it lists can be recognised: its wrong value differs from
 * the right answer and from every other mistake's value for the same blank, so feedback can never
 * fire on a right answer and never names the wrong mistake. Otherwise the template draws again from
 * the same random stream, so a seed still names exactly one exercise.
 */
import { readAnswer, sameAnswer } from './answer.ts';
import { rng } from './rng.ts';
import type { Blank, Draft, Exercise, MistakeAnswer, Option, Response, Template, Text } from './types.ts';

/** Draws a template may take before the engine gives up (a template bug; the tests draw many seeds). */
const MAX_DRAWS = 200;

/** Why a draft cannot be used, or null when it can. */
export function draftProblem(draft: Draft): string | null {
  const r = draft.response;
  const blankProblem = (blank: Blank): string | null => {
    const values: MistakeAnswer['value'][] = [blank.expected.value];
    for (const m of blank.mistakes) {
      if (typeof m.value !== typeof blank.expected.value) return `blank ${blank.id}: mistake ${m.mistake} gives the wrong kind of value`;
      if (typeof m.value === 'number' && !Number.isFinite(m.value)) return `blank ${blank.id}: mistake ${m.mistake} gives ${m.value}`;
      if (values.some((v) => sameAnswer(m.value, v) || sameAnswer(v, m.value)))
        return `blank ${blank.id}: mistake ${m.mistake} gives the right answer or another mistake's`;
      values.push(m.value);
    }
    return null;
  };
  const optionsProblem = (options: readonly Option[]): string | null => {
    const ids = new Set(options.map((o) => o.id));
    if (ids.size !== options.length) return 'two options share an id';
    const labels = new Set(options.map((o) => o.label.en));
    if (labels.size !== options.length) return 'two options read the same';
    return null;
  };
  switch (r.kind) {
    case 'blanks': {
      if (r.blanks.length === 0) return 'no blank to fill';
      if (new Set(r.blanks.map((b) => b.id)).size !== r.blanks.length) return 'two blanks share an id';
      for (const b of r.blanks) {
        const p = blankProblem(b);
        if (p) return p;
      }
      return null;
    }
    case 'choice':
      if (!r.options.some((o) => o.id === r.correct)) return 'the correct option is not offered';
      return optionsProblem(r.options);
    case 'order': {
      const ids = r.options.map((o) => o.id).sort();
      const correct = [...r.correct].sort();
      if (ids.length < 2 || ids.join() !== correct.join()) return 'the correct order is not an order of the options';
      return optionsProblem(r.options);
    }
    case 'predict': {
      const p = blankProblem(r.blank);
      if (p) return p;
      const at = r.slider.at(r.slider.target);
      if (r.blank.expected.kind !== 'count' || at.count !== r.blank.expected.value)
        return 'the slider disagrees with the answer at the target';
      if (r.slider.target === r.slider.start) return 'the prediction is about the starting value';
      if (r.slider.min > r.slider.max || r.slider.target < r.slider.min || r.slider.target > r.slider.max)
        return 'the target is off the slider';
      return null;
    }
  }
}

/** The exercise a template makes from a seed (the same seed, the same exercise). */
export function generate(template: Template, seed: number): Exercise {
  const random = rng(seed);
  let last = 'every draw was refused';
  for (let i = 0; i < MAX_DRAWS; i++) {
    const draft = template.draw(random);
    if (draft === null) continue;
    const problem = draftProblem(draft);
    if (problem === null)
      return { ...draft, id: variantId(template.id, seed), template: template.id, seed: seed >>> 0, skill: template.skill };
    last = problem;
  }
  throw new Error(`template ${template.id}, seed ${seed}: no usable draw in ${MAX_DRAWS} (${last})`);
}

/** `conv2d-params.1234`. */
export const variantId = (template: string, seed: number): string => `${template}.${seed >>> 0}`;

/** `conv2d-params.1234` → its parts, or null when it is not a variant address. */
export function parseVariantId(text: string): { template: string; seed: number } | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d{1,10})$/.exec(text.trim());
  if (!match) return null;
  const seed = Number(match[2]);
  return seed <= 0xffffffff ? { template: match[1]!, seed } : null;
}

/** What the reader's answer to one blank means. */
export type BlankDiagnosis =
  | { verdict: 'right' }
  | { verdict: 'empty' }
  | { verdict: 'unreadable' }
  | { verdict: 'wrong'; mistake?: MistakeAnswer /** why this option is wrong, when no catalogued mistake leads to it */; note?: Text };

export function diagnoseBlank(blank: Blank, text: string): BlankDiagnosis {
  if (text.trim() === '') return { verdict: 'empty' };
  const given = readAnswer(text, blank.expected);
  if (given === null) return { verdict: 'unreadable' };
  if (sameAnswer(given, blank.expected.value)) return { verdict: 'right' };
  const known = blank.mistakes.find((m) => sameAnswer(given, m.value));
  return known ? { verdict: 'wrong', mistake: known } : { verdict: 'wrong' };
}

/** A chosen option: right, or wrong with the mistake that leads there if one is known. */
export function diagnoseChoice(response: Extract<Response, { kind: 'choice' }>, chosen: string | null): BlankDiagnosis {
  if (chosen === null) return { verdict: 'empty' };
  if (chosen === response.correct) return { verdict: 'right' };
  const option = response.options.find((o) => o.id === chosen);
  if (!option) return { verdict: 'unreadable' };
  if (option.mistake && option.note) return { verdict: 'wrong', mistake: { mistake: option.mistake, value: 0, note: option.note } };
  return option.note ? { verdict: 'wrong', note: option.note } : { verdict: 'wrong' };
}

/** An order: right, or wrong with how many places already hold the right item. */
export function diagnoseOrder(
  response: Extract<Response, { kind: 'order' }>,
  order: readonly string[],
): { verdict: 'right' | 'wrong'; inPlace: number } {
  const inPlace = order.filter((id, i) => response.correct[i] === id).length;
  return { verdict: inPlace === response.correct.length && order.length === inPlace ? 'right' : 'wrong', inPlace };
}
