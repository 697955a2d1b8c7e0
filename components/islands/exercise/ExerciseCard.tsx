/**
 * One exercise (issue #10). A lesson's set hands the card its exercise generated at build time, so
 * the page shows it without loading the engine; any other variant (new numbers, a shared link) is
 * generated here from `{ template, seed }` once the generator has been fetched. The reader answers,
 * hears what their answer means (a celebration, the mistake it matches, or how to type it), climbs
 * the hint ladder, and may ask for new numbers or a link to exactly this question. Every checked
 * answer goes to `onAttempt`; the caller keeps progress.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import { Blanks } from './Blanks.tsx';
import { Choice } from './Choice.tsx';
import { Display } from './Display.tsx';
import { variantId, type AttemptRecord, type ExerciseData, type Locale, type MistakeTexts } from './diagnose.ts';
import { Feedback } from './Feedback.tsx';
import type { Feedback as FeedbackData, Outcome } from './feedback.ts';
import { Hints } from './Hints.tsx';
import { withInlineCode } from './inline-code.tsx';
import { loadGenerator } from './load-generator.ts';
import { Order } from './Order.tsx';
import { Predict } from './Predict.tsx';
import type { ExerciseStrings } from './strings.ts';

export type { ExerciseData, ExerciseStrings, MistakeTexts };

/** Numbers and shape texts the page already shows, which "new numbers" keeps answers away from. */
export interface ShownOnPage {
  numbers: number[];
  /** As Keras prints them: `(None, 13, 13, 32)`. */
  shapes: string[];
}

export interface ExerciseCardProps {
  template: string;
  seed: number;
  /**
   * This variant generated at build time (`toData(generate(…))`), shown without fetching the engine.
   * Absent, or for another seed: the card fetches the generator and makes the variant itself.
   */
  exercise?: ExerciseData;
  locale: Locale;
  strings: ExerciseStrings;
  /** The lesson whose set shows the card (recorded with each attempt). */
  lesson?: string;
  /** Its number in a set: "Exercise 2". */
  number?: number;
  /** Solved before (the caller's progress): marked, and a right answer is not recorded again. */
  solved: boolean;
  /** The reader's current streak, for the celebration ("3 in a row"). */
  streak?: number;
  onAttempt(attempt: AttemptRecord): void;
  /** Present: a "New numbers" button offers a fresh seed of the same template. */
  onNewSeed?(seed: number): void;
  /** The practice page (`/practice/`, `/zh-cn/practice/`): "link to this question" is `<practiceHref>?ex=<template>.<seed>`. */
  practiceHref: string;
  shown?: ShownOnPage;
  /**
   * The catalogue's title and explanation (page language) of the mistakes this card may diagnose,
   * so the page need not load the whole catalogue; an entry missing here is fetched when needed.
   */
  mistakes?: MistakeTexts;
}

type Problem = 'unknownTemplate' | 'generateFailed' | 'loadFailed';

/**
 * The variant a card asked for with "New numbers": when it appears, it takes the focus. Kept outside
 * the component because the caller may mount a new card for it (the practice page keys its card by
 * variant), and the button that had the focus is gone by then.
 */
let focusOnArrival: string | null = null;
type Made = { id: string; ok: true; data: ExerciseData } | { id: string; ok: false; problem: Problem };

export default function ExerciseCard(props: ExerciseCardProps) {
  const { template, seed, strings, onNewSeed } = props;
  const id = variantId(template, seed);
  const given = props.exercise?.id === id ? props.exercise : undefined;
  const [made, setMade] = useState<Made | null>(null);
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    if (given) return;
    let live = true;
    loadGenerator().then(
      (g) => {
        const m = g.make(template, seed);
        if (live) setMade(m.ok ? { id, ok: true, data: m.data } : { id, ok: false, problem: m.problem });
      },
      () => live && setMade({ id, ok: false, problem: 'loadFailed' }),
    );
    return () => {
      live = false;
    };
  }, [id, given, attempt]);

  const newNumbers = (): void => {
    if (!onNewSeed) return;
    loadGenerator().then(
      (g) => {
        const next = g.newSeed(template, seed, props.shown ?? { numbers: [], shapes: [] });
        if (next === null) return;
        focusOnArrival = variantId(template, next);
        onNewSeed(next);
      },
      () => setMade({ id, ok: false, problem: 'loadFailed' }),
    );
  };

  const current: Made | null = given ? { id, ok: true, data: given } : made?.id === id ? made : null;
  const base = {
    class: 'pl-ex not-content',
    'data-exercise': id,
    'data-template': template,
    'data-seed': String(seed >>> 0),
    'data-ready': ready ? 'true' : 'false',
  };
  if (current === null)
    return (
      <article {...base} data-loading="true" aria-busy="true">
        <p class="pl-ex__loading">{strings.loading}</p>
      </article>
    );
  if (!current.ok)
    return (
      <article {...base} data-error={current.problem}>
        <p class="pl-ex__error" role="alert">
          {fill(strings[current.problem], { id })}
        </p>
        <div class="pl-ex__tools">
          {current.problem === 'loadFailed' ? (
            <button type="button" class="pl-ex__tool" onClick={() => setAttempt((n) => n + 1)}>
              {strings.retry}
            </button>
          ) : null}
          {current.problem === 'generateFailed' && onNewSeed ? (
            <button type="button" class="pl-ex__tool" onClick={newNumbers}>
              {strings.newNumbers}
            </button>
          ) : null}
        </div>
      </article>
    );
  return <Card key={id} {...props} exercise={current.data} base={base} onNewNumbers={onNewSeed ? newNumbers : undefined} />;
}

interface CardProps extends ExerciseCardProps {
  exercise: ExerciseData;
  /** The root's attributes, the same in every state of the card. */
  base: Record<string, string>;
  onNewNumbers: (() => void) | undefined;
}

/** The card for one generated exercise; keyed by its variant, so new numbers start afresh. */
function Card({
  exercise,
  base,
  locale,
  strings,
  lesson,
  number,
  solved,
  streak = 0,
  onAttempt,
  onNewNumbers,
  practiceHref,
  mistakes,
}: CardProps) {
  const idBase = useId();
  const feedbackId = `${idBase}-feedback`;
  const root = useRef<HTMLElement>(null);
  // new numbers asked for on the card before: the new question takes the focus (read from its start)
  useLayoutEffect(() => {
    if (focusOnArrival !== exercise.id) return;
    focusOnArrival = null;
    root.current?.focus();
  }, [exercise.id]);
  const [feedback, setFeedback] = useState<FeedbackData | null>(null);
  const [checks, setChecks] = useState(0);
  const [hints, setHints] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const [solvedHere, setSolvedHere] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  // the solution shown before the first right answer: later answers do not count as solved
  const [gaveUp, setGaveUp] = useState(false);

  const attempt = (ok: boolean, mistake: string | undefined, shown: boolean): void =>
    onAttempt({
      id: exercise.id,
      template: exercise.template,
      skill: exercise.skill,
      ...(lesson ? { lesson } : {}),
      ok,
      ...(mistake ? { mistake } : {}),
      hints,
      shown,
      at: Date.now(),
    });

  const outcome = ({ feedback: f, record }: Outcome): void => {
    setChecks((n) => n + 1);
    if (f.kind === 'right') {
      const again = solvedHere;
      setFeedback({ kind: 'right', afterSolution: gaveUp, again });
      setSolvedHere(true);
      if (!again && !solved) attempt(true, undefined, gaveUp);
      return;
    }
    setFeedback(f);
    if (record) attempt(record.ok, record.mistake, gaveUp);
  };

  const showSolution = (): void => {
    setSolutionShown(true);
    if (!solvedHere && !solved) {
      setGaveUp(true);
      // giving up is remembered: the variant joins the reader's misses
      attempt(false, undefined, true);
    }
  };

  // the question's words name the card (with its number), which is what a reader hears when the
  // card takes the focus after new numbers
  const questionId = `${idBase}-question`;
  const numberId = `${idBase}-number`;
  const prompt = <span id={questionId}>{withInlineCode(exercise.prompt[locale])}</span>;
  const display = exercise.display ? <Display display={exercise.display} locale={locale} strings={strings} /> : null;
  const common = { prompt, display, locale, strings, feedbackId, onOutcome: outcome };
  const r = exercise.response;
  const link = `${practiceHref}?ex=${exercise.id}`;
  const verdict = feedback === null ? 'none' : feedback.kind === 'right' ? 'right' : feedback.kind === 'order' ? 'wrong' : feedback.kind;
  const mistakeId = feedback?.kind === 'wrong' ? feedback.misses.find((m) => m.mistake)?.mistake?.mistake : undefined;

  const copy = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!navigator.clipboard?.writeText) return; // no clipboard: the link simply opens the question
    event.preventDefault();
    navigator.clipboard.writeText(new URL(link, location.href).href).then(
      () => setCopied('copied'),
      () => setCopied('copyFailed'),
    );
  };

  return (
    <article
      {...base}
      ref={root}
      tabIndex={-1}
      aria-labelledby={number !== undefined ? `${numberId} ${questionId}` : questionId}
      data-kind={r.kind}
      data-verdict={verdict}
      data-mistake={mistakeId}
      data-hints={hints}
      data-solved={solved || solvedHere ? 'true' : 'false'}
    >
      {number !== undefined || solved ? (
        <header class="pl-ex__head">
          {number !== undefined ? (
            <span class="pl-ex__number" id={numberId}>
              {fill(strings.exercise, { n: number })}
            </span>
          ) : null}
          {solved || solvedHere ? (
            <span class="pl-ex__badge">
              <span aria-hidden="true">✓ </span>
              {strings.solvedBefore}
            </span>
          ) : null}
        </header>
      ) : null}
      {r.kind === 'blanks' ? (
        <Blanks blanks={r.blanks} idBase={idBase} {...common} />
      ) : r.kind === 'choice' ? (
        <Choice
          response={r}
          idBase={idBase}
          {...(exercise.display?.kind === 'summary' && exercise.display.rows?.length ? { rows: exercise.display } : {})}
          {...common}
        />
      ) : r.kind === 'order' ? (
        <Order response={r} {...common} />
      ) : (
        <Predict template={exercise.template} seed={exercise.seed} response={r} idBase={idBase} {...common} />
      )}
      <p id={feedbackId} class="pl-ex__feedback" role="status" aria-live="polite" data-verdict={verdict}>
        {feedback ? (
          <Feedback
            key={checks}
            feedback={feedback}
            locale={locale}
            strings={strings}
            streak={streak}
            hintsLeft={hints < exercise.hints.length}
            mistakes={mistakes}
          />
        ) : null}
      </p>
      <Hints
        hints={exercise.hints}
        solution={exercise.solution}
        shown={hints}
        solutionShown={solutionShown || solvedHere}
        solved={solvedHere}
        locale={locale}
        strings={strings}
        idBase={idBase}
        onHint={() => setHints((n) => Math.min(n + 1, exercise.hints.length))}
        onSolution={showSolution}
      />
      <div class="pl-ex__tools">
        {onNewNumbers ? (
          <button type="button" class="pl-ex__tool" onClick={onNewNumbers}>
            {strings.newNumbers}
          </button>
        ) : null}
        <a class="pl-ex__tool pl-ex__link" href={link} onClick={copy}>
          {strings.link}
        </a>
        <span class="pl-ex__copied" role="status">
          {copied ? strings[copied] : ''}
        </span>
      </div>
    </article>
  );
}
