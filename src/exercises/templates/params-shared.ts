/**
 * What the one-layer parameter-count templates (params-*.ts) and the trainable templates share:
 * a wrong answer that exists only when the engine could build the mistaken layer, and the shape of
 * a "how many parameters does this layer have?" draft. Nothing here computes a count: every number
 * arrives from src/calc through the caller.
 */
import { groupDigits, isShapeList, type LayerArgs, type OutputShape, type Shape, type Term } from '@calc/basics.ts';
import { formulaHints, formulaSolution } from '../hints.ts';
import type { Display, Draft, MistakeAnswer, MistakeId, Text } from '../types.ts';

/** `6,464`: how numbers appear in notes and prompts. */
export const n = (value: number): string => groupDigits(value);

/** A layer's output when it is one tensor (null for none, or several). */
export const single = (shape: OutputShape | null | undefined): Shape | null => (shape && !isShapeList(shape) ? shape : null);

/** The size of the last axis of a layer's one output, when known. */
export function lastAxis(shape: OutputShape | null | undefined): number | null {
  const s = single(shape);
  const last = s?.[s.length - 1];
  return typeof last === 'number' ? last : null;
}

/** The mistake's answer, or nothing when the mistaken question has no answer (the engine refused it). */
export function wrong(mistake: MistakeId, value: number | null | undefined, note: (value: string) => Text): MistakeAnswer[] {
  return value === null || value === undefined || !Number.isFinite(value) ? [] : [{ mistake, value, note: note(n(value)) }];
}

export interface CountQuestion {
  prompt: Text;
  display?: Display;
  /** The engine's count. */
  value: number;
  /** The engine's formula for it (hints and solution). */
  formula: Term;
  mistakes: MistakeAnswer[];
  /** The layer and the input it receives, as asked of the engine. */
  layer: { type: string; args?: LayerArgs };
  input: Shape | Shape[];
  /** A sentence after the worked solution. */
  after?: Text;
}

/** Whether a text shows `value` as a number of its own (`6,464` or `6464`): then the question would give its answer away. */
export function showsAnswer(texts: readonly string[], value: number): boolean {
  const standalone = new RegExp(`(?<![\\d,])${groupDigits(value)}(?![\\d,])|(?<!\\d)${value}(?!\\d)`);
  return texts.some((t) => standalone.test(t));
}

/** A one-blank count question about one layer on its input; null (draw again) when the prompt or code shows the answer. */
export function countDraft(q: CountQuestion): Draft | null {
  if (showsAnswer([q.prompt.en, q.prompt['zh-cn'], q.display?.text.en ?? '', q.display?.text['zh-cn'] ?? ''], q.value)) return null;
  return {
    prompt: q.prompt,
    ...(q.display ? { display: q.display } : {}),
    response: { kind: 'blanks', blanks: [{ id: 'params', expected: { kind: 'count', value: q.value }, mistakes: q.mistakes }] },
    about: { kind: 'layer', layer: q.layer, input: q.input, ask: 'params' },
    hints: formulaHints(q.formula),
    solution: formulaSolution(q.formula, q.after),
  };
}

/** The usual prompt: `Dense(64)` receives `(None, 100)`. How many parameters does it have? */
export const layerPrompt = (code: string, input: string): Text => ({
  en: `\`${code}\` receives \`${input}\`. How many parameters does it have?`,
  'zh-cn': `\`${code}\` 的输入是 \`${input}\`。它有多少个参数？`,
});
