/**
 * The card's verdict in words: a celebration when solved, the catalogue's diagnosis of a known
 * mistake with this question's numbers, a plain "not this one" with a nudge to the hints, or how to
 * type an answer the engine could not read.
 */
import { fill } from '@i18n/fill.ts';
import { useEffect, useState } from 'preact/hooks';
import type { Locale, MistakeAnswer, MistakeTexts } from './diagnose.ts';
import type { Feedback as FeedbackData } from './feedback.ts';
import { withInlineCode } from './inline-code.tsx';
import { loadCatalogue } from './load-generator.ts';
import type { ExerciseStrings } from './strings.ts';

interface Props {
  feedback: FeedbackData;
  locale: Locale;
  strings: ExerciseStrings;
  /** The reader's current streak of right answers, shown when above 1. */
  streak: number;
  /** Hints still to be had: a wrong answer points to them, or to the solution when none are left. */
  hintsLeft: boolean;
  /** Catalogue entries the page carries. */
  mistakes: MistakeTexts | undefined;
}

/** A check mark with a burst of sparks; CSS animates it (and leaves it still under reduced motion). */
function Celebrate() {
  return (
    <span class="pl-ex__celebrate" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <span key={i} class="pl-ex__spark" style={{ '--i': i }} />
      ))}
      <span class="pl-ex__tick">✓</span>
    </span>
  );
}

/**
 * The catalogue entry a wrong answer matches: its title, the general rule, this question's numbers.
 * The page usually carries the entry; otherwise the catalogue is fetched and the note shows meanwhile.
 */
function Diagnosis({
  answer,
  locale,
  strings,
  carried,
}: {
  answer: MistakeAnswer;
  locale: Locale;
  strings: ExerciseStrings;
  carried: MistakeTexts | undefined;
}) {
  const [fetched, setFetched] = useState<MistakeTexts[string] | null>(null);
  const entry = carried?.[answer.mistake] ?? fetched;
  useEffect(() => {
    if (carried?.[answer.mistake]) return;
    let live = true;
    loadCatalogue().then(
      (c) => live && setFetched(c.mistakeText(answer.mistake, locale)),
      () => undefined, // offline: the note still explains
    );
    return () => {
      live = false;
    };
  }, [answer.mistake, carried, locale]);
  return (
    <span class="pl-ex__diagnosis" data-mistake={answer.mistake}>
      {entry ? (
        <>
          <strong class="pl-ex__mistake-title">{fill(strings.mistakeTitle, { title: entry.title })}</strong>
          {strings.sentenceGap}
          {withInlineCode(entry.explanation)}
          {strings.sentenceGap}
        </>
      ) : null}
      {withInlineCode(answer.note[locale])}
    </span>
  );
}

export function Feedback({ feedback, locale, strings, streak, hintsLeft, mistakes }: Props) {
  const gap = strings.sentenceGap;
  const nudge = hintsLeft ? strings.wrongHint : strings.wrongNoHints;
  switch (feedback.kind) {
    case 'empty':
      return (
        <>{feedback.blank ? fill(strings.emptyBlank, { label: feedback.blank }) : feedback.choice ? strings.emptyChoice : strings.empty}</>
      );
    case 'unreadable':
      return (
        <>
          {feedback.blank ? fill(strings.blankWrong, { label: feedback.blank }) + gap : null}
          {feedback.expected === 'count' ? strings.unreadableCount : strings.unreadableShape}
        </>
      );
    case 'right':
      if (feedback.afterSolution) return <>{strings.rightAfterSolution}</>;
      if (feedback.again) return <>{strings.rightAgain}</>;
      return (
        <>
          <Celebrate />
          <strong class="pl-ex__solved">{strings.right}</strong>
          {streak > 1 ? <span class="pl-ex__streak">{fill(strings.streak, { n: streak })}</span> : null}
        </>
      );
    case 'order':
      return <>{[strings.mistakeLead, fill(strings.orderInPlace, { n: feedback.inPlace, total: feedback.total }), nudge].join(gap)}</>;
    case 'wrong': {
      const known = feedback.misses.some((m) => m.mistake);
      const note = feedback.misses.find((m) => m.note)?.note;
      // no known mistake, but words on why this answer is not it
      if (!known && note)
        return (
          <>
            {strings.wrong + gap}
            <span class="pl-ex__diagnosis" data-note="true">
              {withInlineCode(note[locale])}
            </span>
            {gap + nudge}
          </>
        );
      if (!known) return <>{[strings.wrong, nudge].join(gap)}</>;
      return (
        <>
          <span>{strings.mistakeLead}</span>
          {feedback.misses.map((m, i) => (
            <span key={i} class="pl-ex__miss">
              {gap}
              {m.blank ? fill(strings.blankWrong, { label: m.blank }) + gap : null}
              {m.mistake ? <Diagnosis answer={m.mistake} locale={locale} strings={strings} carried={mistakes} /> : strings.wrong}
            </span>
          ))}
        </>
      );
    }
  }
}
