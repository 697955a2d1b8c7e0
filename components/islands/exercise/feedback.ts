/**
 * What the card says after a Check, as data: the island decides it from the engine's diagnosis
 * (src/exercises/generate.ts) and Feedback.tsx words it. Kept apart from the DOM so the verdicts of
 * several blanks combine in one tested place.
 */
import { diagnoseBlank, type Blank, type BlankDiagnosis, type Expected, type Locale, type MistakeAnswer, type Text } from './diagnose.ts';

export type Feedback =
  /** Nothing typed or chosen; `blank` names the empty blank when there are several. */
  | { kind: 'empty'; choice?: boolean; blank?: string }
  /** Typed, but not readable as a count or shape; `blank` as above. */
  | { kind: 'unreadable'; expected: Expected['kind']; blank?: string }
  /** `afterSolution`: the worked solution was shown first; `again`: already solved on this card. */
  | { kind: 'right'; afterSolution: boolean; again: boolean }
  /**
   * One entry per wrong blank (one for a choice): the known mistake it matches, if any, or else a
   * note on why this answer is not it (spot-the-wrong-row's right rows: "this row is right: …").
   */
  | { kind: 'wrong'; misses: { blank?: string; mistake?: MistakeAnswer; note?: Text }[] }
  | { kind: 'order'; inPlace: number; total: number };

/** What the card records for an attempt, or null when nothing was answered (empty, unreadable). */
export interface Outcome {
  feedback: Feedback;
  record: { ok: boolean; mistake?: string } | null;
}

/** A verdict per blank (for aria-invalid and styling), and the card's outcome. */
export interface BlanksOutcome extends Outcome {
  verdicts: Record<string, BlankDiagnosis['verdict']>;
}

/** A blank's name in feedback: its label, or the nth answer when an unlabelled blank has siblings. */
export function blankName(blank: Blank, index: number, count: number, locale: Locale, answer: string): string | undefined {
  if (count === 1) return undefined;
  return blank.label ? blank.label[locale].replace(/`/g, '') : `${answer} ${index + 1}`;
}

/**
 * Every blank diagnosed: the first empty or unreadable blank stops the check (nothing is
 * recorded); otherwise right when all are right, else wrong with each wrong blank's mistake.
 */
export function checkBlanks(
  blanks: readonly Blank[],
  texts: Readonly<Record<string, string>>,
  name: (blank: Blank, index: number) => string | undefined,
): BlanksOutcome {
  const diagnoses = blanks.map((b) => diagnoseBlank(b, texts[b.id] ?? ''));
  const verdicts = Object.fromEntries(blanks.map((b, i) => [b.id, diagnoses[i]!.verdict]));
  const empty = diagnoses.findIndex((d) => d.verdict === 'empty');
  // an empty blank among filled ones is named; all empty is just "type an answer"
  if (empty !== -1 && diagnoses.every((d) => d.verdict === 'empty')) return { verdicts, feedback: { kind: 'empty' }, record: null };
  const unreadable = diagnoses.findIndex((d) => d.verdict === 'unreadable');
  if (unreadable !== -1) {
    const blank = name(blanks[unreadable]!, unreadable);
    return {
      verdicts,
      feedback: { kind: 'unreadable', expected: blanks[unreadable]!.expected.kind, ...(blank ? { blank } : {}) },
      record: null,
    };
  }
  if (empty !== -1) {
    const blank = name(blanks[empty]!, empty);
    return { verdicts, feedback: { kind: 'empty', ...(blank ? { blank } : {}) }, record: null };
  }
  if (diagnoses.every((d) => d.verdict === 'right'))
    return { verdicts, feedback: { kind: 'right', afterSolution: false, again: false }, record: { ok: true } };
  const misses = diagnoses.flatMap((d, i) => {
    if (d.verdict !== 'wrong') return [];
    const blank = name(blanks[i]!, i);
    return [{ ...(blank ? { blank } : {}), ...(d.mistake ? { mistake: d.mistake } : {}) }];
  });
  const first = misses.find((m) => m.mistake)?.mistake?.mistake;
  return { verdicts, feedback: { kind: 'wrong', misses }, record: { ok: false, ...(first ? { mistake: first } : {}) } };
}
