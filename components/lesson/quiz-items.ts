/**
 * A lesson's self-check questions, made ready for the quiz island at build time: the prompt in the
 * page's locale, and the expected answer computed by src/calc, so an answer can never disagree with
 * the engine (and a question whose fact does not resolve stops the build).
 */
import { equationText, groupDigits, shapeList, shapeText, type OutputShape } from '@calc/basics.ts';
import type { Locale } from '@i18n/index.ts';
import { BrokenFact, factLabel, formulaOf, isModelFact, resolveLayerFact, resolveModelFact } from '@lessons/facts.ts';
import type { Question } from '@lessons/types.ts';
import type { Expected } from '@exercises/answer.ts';

/** One question as the island receives it (plain JSON: it is serialised into the page). */
export interface QuizItem {
  /** `<lesson>/<question id>`: where progress is stored, shared by both locales. */
  key: string;
  prompt: string;
  expected: Expected;
  /** The answer as Keras would print it: `18,496`, `(None, 11, 11, 64)`. */
  answerText: string;
  hint?: string;
  explanation?: string;
}

/** The single shape a shape question asks about. */
function onlyShape(shape: OutputShape | null, where: string): Expected {
  const shapes = shape === null ? [] : shapeList(shape);
  if (shapes.length !== 1) throw new BrokenFact(`${where}: a shape question needs exactly one output shape, and this has ${shapes.length}`);
  return { kind: 'shape', value: shapes[0]! };
}

/** The answer src/calc gives to what the question asks. */
export function expectedAnswer(question: Question): Expected {
  const { fact, ask } = question.answer;
  const where = `quiz question "${question.id}" (${factLabel(fact)})`;
  if (isModelFact(fact)) {
    const summary = resolveModelFact(fact);
    const t = summary.totals;
    switch (ask) {
      case 'params':
      case 'total':
        return { kind: 'count', value: t.params };
      case 'trainable':
        return { kind: 'count', value: t.trainable };
      case 'nonTrainable':
        return { kind: 'count', value: t.nonTrainable };
      case 'shape':
        return onlyShape(summary.outputs.length === 1 ? summary.outputs[0]! : summary.outputs, where);
      default:
        throw new BrokenFact(`${where}: ask="${String(ask)}" is none of params, trainable, nonTrainable, shape, total`);
    }
  }
  const row = resolveLayerFact(fact);
  switch (ask) {
    case 'params':
    case 'total':
      return { kind: 'count', value: row.params };
    case 'trainable':
      return { kind: 'count', value: row.trainable };
    case 'nonTrainable':
      return { kind: 'count', value: row.nonTrainable };
    case 'shape':
      return onlyShape(row.outputShape, where);
    default:
      throw new BrokenFact(`${where}: ask="${String(ask)}" is none of params, trainable, nonTrainable, shape, total`);
  }
}

/** Without a written explanation, a count question on a layer explains itself with its equation. */
function defaultExplanation(question: Question): string | undefined {
  const { fact, ask } = question.answer;
  if (isModelFact(fact) || (ask !== 'params' && ask !== 'total')) return undefined;
  const row = resolveLayerFact(fact);
  return row.weights.length > 0 ? equationText(formulaOf(row, factLabel(fact))) : undefined;
}

/** Every question of a lesson, for one locale. */
export function quizItems(questions: readonly Question[], locale: Locale, lesson: string): QuizItem[] {
  const ids = new Set<string>();
  return questions.map((q) => {
    if (ids.has(q.id)) throw new BrokenFact(`quiz question id "${q.id}" is used twice in lesson ${lesson}`);
    ids.add(q.id);
    const expected = expectedAnswer(q);
    const explanation = q.explanation?.[locale] ?? defaultExplanation(q);
    return {
      key: `${lesson}/${q.id}`,
      prompt: q.prompt[locale],
      expected,
      answerText: expected.kind === 'count' ? groupDigits(expected.value) : shapeText(expected.value),
      ...(q.hint ? { hint: q.hint[locale] } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
    };
  });
}
