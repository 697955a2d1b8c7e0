/**
 * Which question the Practice page shows: the one a link names (`?ex=<template>.<seed>`) or the
 * next mixed question (progress.ts's nextForPractice, which leans towards misses and the weakest
 * skill). Both make sure the variant generates: a template bug costs one question, not the page.
 */
import { generate, parseVariantId, variantId } from '@exercises/generate.ts';
import { nextForPractice, type Progress } from '@exercises/progress.ts';
import { rng } from '@exercises/rng.ts';
import type { Skill, Template } from '@exercises/types.ts';
import type { Variant } from './queue.ts';

/** Why a link's question cannot be shown: not an address, a template this site lacks, or one that fails to generate. */
export type LinkProblem =
  | { kind: 'badId'; ex: string }
  | { kind: 'unknownTemplate'; ex: string; template: string }
  | { kind: 'broken'; ex: string };

/** Whether the variant's template exists and makes an exercise from its seed. */
export function generates(templates: readonly Template[], v: Variant): boolean {
  const template = templates.find((t) => t.id === v.template);
  if (!template) return false;
  try {
    generate(template, v.seed);
    return true;
  } catch {
    return false;
  }
}

/** The question `?ex=` names, a problem to tell the reader, or null when the address has no `ex` (or an empty one). */
export function fromLink(search: string, templates: readonly Template[]): { variant: Variant } | { problem: LinkProblem } | null {
  const ex = new URLSearchParams(search).get('ex');
  if (!ex) return null;
  const parsed = parseVariantId(ex);
  if (!parsed) return { problem: { kind: 'badId', ex } };
  if (!templates.some((t) => t.id === parsed.template)) return { problem: { kind: 'unknownTemplate', ex, template: parsed.template } };
  return generates(templates, parsed) ? { variant: parsed } : { problem: { kind: 'broken', ex } };
}

/** The next mixed question (of one skill, if chosen), never `avoid`; `seed` feeds the random choice. */
export function nextQuestion(
  progress: Progress,
  templates: readonly Template[],
  seed: number,
  options: { skill?: Skill; avoid?: string } = {},
): Variant {
  const random = rng(seed);
  for (let i = 0; i < 20; i++) {
    const v = nextForPractice(progress, templates, random, options);
    if (variantId(v.template, v.seed) !== options.avoid && generates(templates, v)) return v;
  }
  throw new Error('no template generates a question');
}
