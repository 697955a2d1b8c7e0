/**
 * A lesson's exercise set (issue #10; replaces the former quiz): the cards the build chose and
 * generated for the lesson, progress read from the browser once the island is up and saved after every attempt, and
 * how many of the set are solved, with a way on to the practice page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import {
  browserStorage,
  emptyProgress,
  isSolved,
  loadProgress,
  record,
  saveProgress,
  type AttemptRecord,
  type Progress,
} from '@exercises/progress.ts';
import ExerciseCard, { type ExerciseStrings, type MistakeTexts, type ShownOnPage } from './exercise/ExerciseCard.tsx';
import { variantId, type ExerciseData, type Locale } from './exercise/diagnose.ts';

export interface ExerciseSetProps {
  /** The set's exercises, generated at build time (so the page carries no engine). */
  items: ExerciseData[];
  lesson: string;
  locale: Locale;
  strings: ExerciseStrings;
  shown: ShownOnPage;
  practiceHref: string;
  /** The catalogue entries (page language) of the mistakes the set's templates recognise. */
  mistakes: MistakeTexts;
}

/** A slot of the set is solved when any of its template's variants was solved in this lesson, or its own variant anywhere. */
function slotSolved(progress: Progress, lesson: string, item: { template: string; seed: number }): boolean {
  return (
    isSolved(progress, variantId(item.template, item.seed)) ||
    progress.attempts.some((a) => a.lesson === lesson && a.template === item.template && a.ok && !a.shown)
  );
}

/** A slot whose solution was shown (and that was not solved since). */
const slotShown = (progress: Progress, lesson: string, item: { template: string }): boolean =>
  progress.attempts.some((a) => a.lesson === lesson && a.template === item.template && a.shown);

export default function ExerciseSet({ items, lesson, locale, strings, shown, practiceHref, mistakes }: ExerciseSetProps) {
  const [progress, setProgress] = useState<Progress>(emptyProgress);
  const [notice, setNotice] = useState<'migrated' | 'reset' | 'noStorage' | null>(null);
  const [ready, setReady] = useState(false);
  // each slot's variant: the built one until the reader asks for new numbers
  const [current, setCurrent] = useState(() => items.map((x) => ({ template: x.template, seed: x.seed })));
  const latest = useRef(progress);

  useEffect(() => {
    const loaded = loadProgress(browserStorage());
    latest.current = loaded.progress;
    setProgress(loaded.progress);
    setNotice(loaded.notice);
    setReady(true);
  }, []);

  const attempted = (attempt: AttemptRecord): void => {
    const next = record(latest.current, attempt);
    latest.current = next;
    setProgress(next);
    if (!saveProgress(browserStorage(), next)) setNotice('noStorage');
  };

  const solved = items.filter((item) => slotSolved(progress, lesson, item)).length;
  const shownCount = items.filter((item) => !slotSolved(progress, lesson, item) && slotShown(progress, lesson, item)).length;
  const noticeText =
    notice === 'migrated'
      ? strings.noticeMigrated
      : notice === 'reset'
        ? strings.noticeReset
        : notice === 'noStorage'
          ? strings.noticeNoStorage
          : '';

  return (
    <section class="pl-ex-set not-content" aria-label={strings.setLabel} data-lesson={lesson} data-ready={ready ? 'true' : 'false'}>
      {noticeText ? (
        <p class="pl-ex-set__notice" role="status" data-notice={notice}>
          {noticeText}
        </p>
      ) : null}
      <ol class="pl-ex-set__list">
        {current.map((item, i) => (
          <li key={i}>
            <ExerciseCard
              template={item.template}
              seed={item.seed}
              {...(items[i] ? { exercise: items[i] } : {})}
              locale={locale}
              strings={strings}
              lesson={lesson}
              number={i + 1}
              solved={isSolved(progress, variantId(item.template, item.seed))}
              streak={progress.streak.current}
              onAttempt={attempted}
              onNewSeed={(seed) => setCurrent((c) => c.map((x, j) => (j === i ? { template: x.template, seed } : x)))}
              practiceHref={practiceHref}
              shown={shown}
              mistakes={mistakes}
            />
          </li>
        ))}
      </ol>
      <p class="pl-ex-set__progress" aria-live="polite" data-solved={solved} data-total={items.length} data-shown={shownCount}>
        <span>
          {fill(strings.setProgress, { solved, total: items.length })}
          {shownCount > 0 ? fill(strings.setShown, { shown: shownCount }) : ''}
        </span>
        <a href={practiceHref} class="pl-ex-set__more">
          {strings.practiseMore}
        </a>
      </p>
    </section>
  );
}
