/**
 * The Practice page (`/practice/`): one exercise at a time from every template, mixed so that it
 * leans towards the reader's misses and weakest skill, or of one skill, or the misses alone; the
 * progress kept in this browser, as a file, and reset. The address always names the question
 * shown (`?ex=<template>.<seed>`), so it can be shared; each question the reader moves on to is a
 * history entry, so Back returns to the one before.
 *
 * The page's script is the dashboard, the progress controls and the exercise card. The first
 * question of a fresh visitor was made at build time (`starter`); the templates and the engine
 * (practice/engine.ts) load only when the reader asks for another question, the address names one,
 * or stored progress says the reader has been here before (then the first question is chosen as
 * Next would choose it). Storage and the address are read after hydration.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import type { Locale } from '@i18n/index.ts';
import { variantId } from '@exercises/generate.ts';
import {
  PROGRESS_KEY,
  browserStorage,
  emptyProgress,
  isSolved,
  loadProgress,
  record,
  saveProgress,
  type AttemptRecord,
  type Notice,
  type Progress,
} from '@exercises/progress.ts';
import { randomSeed } from '@exercises/rng.ts';
import type { Skill } from '@exercises/types.ts';
import ExerciseCard, { type ExerciseData, type ExerciseStrings, type MistakeTexts } from './exercise/ExerciseCard.tsx';
import type { LinkProblem } from './practice/choose.ts';
import { Dashboard, type LessonEntry, type PracticeStrings } from './practice/dashboard.tsx';
import { ProgressFile } from './practice/progress-file.tsx';
import { misses, nextMiss, withVariant, type Variant } from './practice/queue.ts';

type Engine = typeof import('./practice/engine.ts');

interface Props {
  locale: Locale;
  strings: PracticeStrings;
  exercise: ExerciseStrings;
  /** The lessons in curriculum order, titled in the page's language. */
  lessons: LessonEntry[];
  /** The skills some template trains, in the order the filter lists them. */
  skills: Skill[];
  /** Each template's skill, by template id. */
  templateSkills: Record<string, Skill>;
  /** This page's address without a query, for the card's "link to this question". */
  practiceHref: string;
  /** The question shown first, made at build time, and the catalogue texts it may diagnose. */
  starter: ExerciseData;
  starterMistakes: MistakeTexts;
}

type Mode = 'mixed' | 'misses';

function linkMessage(p: LinkProblem, strings: PracticeStrings): string {
  const l = strings.link;
  return p.kind === 'unknownTemplate' ? fill(l.unknownTemplate, { template: p.template }) : fill(l[p.kind], { ex: p.ex });
}

interface NoticeProps {
  notice: Notice;
  storageOff: boolean;
  linkProblem: LinkProblem | null;
  loadFailed: boolean;
  strings: PracticeStrings;
  onDismiss(which: 'notice' | 'link'): void;
}

function Notices({ notice, storageOff, linkProblem, loadFailed, strings, onDismiss }: NoticeProps) {
  const n = strings.notices;
  const dismiss = (which: 'notice' | 'link') => (
    <button type="button" class="pl-practice__button pl-practice__button--quiet" data-action="dismiss" onClick={() => onDismiss(which)}>
      {n.dismiss}
    </button>
  );
  return (
    <div class="pl-practice__notices" aria-live="polite">
      {loadFailed ? (
        <p class="pl-practice__notice" data-notice="load-failed" data-kind="problem">
          {n.loadFailed}
        </p>
      ) : null}
      {linkProblem ? (
        <div class="pl-practice__notice" data-notice="link" data-kind="problem">
          <p>{linkMessage(linkProblem, strings)}</p>
          {dismiss('link')}
        </div>
      ) : null}
      {notice ? (
        <div class="pl-practice__notice" data-notice={notice}>
          <p>{n[notice]}</p>
          {dismiss('notice')}
        </div>
      ) : null}
      {storageOff ? (
        <p class="pl-practice__notice" data-notice="storage-off" data-kind="problem">
          {n.storageOff}
        </p>
      ) : null}
    </div>
  );
}

export default function Practice({
  locale,
  strings,
  exercise,
  lessons,
  skills,
  templateSkills,
  practiceHref,
  starter,
  starterMistakes,
}: Props) {
  const c = strings.controls;
  const known = new Set(Object.keys(templateSkills));
  const [progress, setProgress] = useState<Progress>(emptyProgress);
  const [loaded, setLoaded] = useState(false);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [storageOff, setStorageOff] = useState(false);
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(null);
  const [current, setCurrent] = useState<Variant | null>(null);
  const [mode, setMode] = useState<Mode>('mixed');
  const [skill, setSkill] = useState<Skill | ''>('');
  const [status, setStatus] = useState('');
  const card = useRef<HTMLDivElement>(null);
  const redoButton = useRef<HTMLButtonElement>(null);
  const enginePromise = useRef<Promise<Engine | null> | null>(null);
  // the progress an attempt is recorded onto, even when two arrive before a render
  const latest = useRef(progress);
  latest.current = progress;
  const currentId = current ? variantId(current.template, current.seed) : '';
  const shownId = useRef(currentId);
  shownId.current = currentId;
  // whether the question about to be shown gets a history entry of its own (the reader moved on)
  // or takes over the present one (the first question, or the one Back/Forward named)
  const push = useRef(false);
  // the misses shown in this round of "redo my misses", in order
  const round = useRef<string[]>([]);
  const starterVariant: Variant = { template: starter.template, seed: starter.seed };

  /** The engine, fetched once, on first need; null (and a notice) when it cannot be fetched. */
  const withEngine = (): Promise<Engine | null> =>
    engine
      ? Promise.resolve(engine)
      : (enginePromise.current ??= import('./practice/engine.ts').then(
          (e) => {
            setEngine(e);
            return e;
          },
          () => {
            enginePromise.current = null;
            setLoadFailed(true);
            return null;
          },
        ));

  /** Put `v` on screen; `moved` when the reader moved on to it (a history entry of its own). */
  const put = (v: Variant, moved: boolean): void => {
    push.current = moved && variantId(v.template, v.seed) !== shownId.current;
    setCurrent(v);
  };

  /** The question the address names (the starter when it names none), and what to tell of a bad one. */
  const fromAddress = async (): Promise<void> => {
    const ex = new URLSearchParams(location.search).get('ex');
    setLinkProblem(null);
    if (!ex) {
      put(starterVariant, false);
      return;
    }
    const e = await withEngine();
    if (!e) {
      put(starterVariant, false);
      return;
    }
    const link = e.fromLink(location.search, e.templates);
    if (link && 'problem' in link) setLinkProblem(link.problem);
    put(link && 'variant' in link ? link.variant : e.nextQuestion(latest.current, e.templates, randomSeed()), false);
  };

  useEffect(() => {
    const storage = browserStorage();
    const read = loadProgress(storage);
    // Saving at once makes a notice a one-time note, and tells whether storage takes writes at all.
    const writable = saveProgress(storage, read.progress);
    latest.current = read.progress;
    setProgress(read.progress);
    setNotice(read.notice);
    setStorageOff(!writable);
    setLoaded(true);
    if (new URLSearchParams(location.search).get('ex')) void fromAddress();
    else if (read.progress.attempts.length > 0) {
      // a returning reader: the first question is chosen as Next would choose it, not the starter again
      void withEngine().then((e) =>
        put(e ? e.nextQuestion(latest.current, e.templates, randomSeed(), { avoid: starter.id }) : starterVariant, false),
      );
    } else put(starterVariant, false);
    // Back and Forward: the question the address names
    const popped = (): void => void fromAddress();
    addEventListener('popstate', popped);
    // Another tab (a lesson's exercises) may record attempts: follow them rather than overwrite them.
    const follow = (e: StorageEvent): void => {
      if (e.key === PROGRESS_KEY) setProgress(loadProgress(storage).progress);
    };
    addEventListener('storage', follow);
    return () => {
      removeEventListener('popstate', popped);
      removeEventListener('storage', follow);
    };
  }, []);

  // The address names the question shown: a new history entry when the reader moved on to it.
  useEffect(() => {
    if (!current) return;
    const href = withVariant(location.href, current);
    if (push.current) history.pushState(null, '', href);
    else if (href !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', href);
    push.current = false;
  }, [currentId]);

  const change = (next: Progress): boolean => {
    latest.current = next;
    setProgress(next);
    const saved = saveProgress(browserStorage(), next);
    if (!saved) setStorageOff(true);
    return saved;
  };

  /** Move on to a question (a miss whose template no longer generates is passed over for a mixed one). */
  const show = (e: Engine, v: Variant, focus = true): void => {
    put(e.generates(e.templates, v) ? v : e.nextQuestion(latest.current, e.templates, randomSeed(), { avoid: shownId.current }), true);
    if (focus) queueMicrotask(() => card.current?.focus());
  };

  const mixed = (e: Engine): Variant =>
    e.nextQuestion(latest.current, e.templates, randomSeed(), { ...(skill ? { skill } : {}), avoid: shownId.current });

  const next = async (): Promise<void> => {
    const engine = await withEngine();
    if (!engine) return;
    setStatus('');
    if (mode === 'misses') {
      const miss = nextMiss(latest.current, known, round.current);
      if (miss) {
        round.current = miss.shown;
        show(engine, miss.variant);
        return;
      }
      setMode('mixed');
      // none left, or only the one on screen (Next passed it by unanswered)
      setStatus(misses(latest.current, known).length > 0 ? c.onlyMissLeft : c.missesDone);
    }
    show(engine, mixed(engine));
  };

  const redo = async (): Promise<void> => {
    const engine = await withEngine();
    if (!engine) return;
    const miss = nextMiss(latest.current, known);
    if (!miss) {
      setStatus(c.noMisses);
      return;
    }
    round.current = miss.shown;
    setStatus('');
    setMode('misses');
    show(engine, miss.variant);
  };

  const stopRedo = (): void => {
    setMode('mixed');
    setStatus('');
    // the button pressed gives way to "Redo my misses": focus goes there, not to the page
    queueMicrotask(() => redoButton.current?.focus());
  };

  // Choosing a skill sets what Next question brings; the question on screen stays. A <select>
  // changes its value at every arrow key, so replacing the question there would throw away the one
  // on screen while a keyboard reader only browses the list (WCAG 3.2.2, On Input).
  const chooseSkill = (value: Skill | ''): void => {
    setSkill(value);
    setMode('mixed');
    setStatus(value ? fill(c.skillChosen, { skill: (strings.skills as Record<Skill, string>)[value] }) : c.allChosen);
  };

  const dismiss = (which: 'notice' | 'link'): void => {
    if (which === 'link') setLinkProblem(null);
    else setNotice(null);
    // the button pressed is gone: the reader goes on to the question
    queueMicrotask(() => card.current?.focus());
  };

  const missCount = misses(progress, known).length;
  const ready = loaded && current !== null;

  return (
    <div class="pl-practice not-content" data-ready={ready ? 'true' : 'false'}>
      <Notices
        notice={notice}
        storageOff={storageOff}
        linkProblem={linkProblem}
        loadFailed={loadFailed}
        strings={strings}
        onDismiss={dismiss}
      />
      <section class="pl-practice__controls" aria-label={c.label}>
        <label class="pl-practice__skill">
          <span>{c.skill}</span>
          <select value={skill} onChange={(e) => chooseSkill(e.currentTarget.value as Skill | '')} data-control="skill">
            <option value="">{c.allSkills}</option>
            {skills.map((s) => (
              <option key={s} value={s}>
                {(strings.skills as Record<Skill, string>)[s]}
              </option>
            ))}
          </select>
        </label>
        {mode === 'misses' ? (
          <button type="button" class="pl-practice__button" data-action="stop-redo" onClick={stopRedo}>
            {c.stopRedo}
          </button>
        ) : (
          <button type="button" ref={redoButton} class="pl-practice__button" data-action="redo" onClick={() => void redo()}>
            {c.redo}
          </button>
        )}
      </section>
      <p class="pl-practice__status" role="status" aria-live="polite" data-practice-status>
        {mode === 'misses' ? fill(c.redoing, { n: missCount }) : status}
      </p>
      <div class="pl-practice__card" ref={card} tabIndex={-1} data-mode={mode}>
        {current ? (
          <ExerciseCard
            key={currentId}
            template={current.template}
            seed={current.seed}
            {...(currentId === starter.id ? { exercise: starter, mistakes: starterMistakes } : {})}
            locale={locale}
            strings={exercise}
            solved={isSolved(progress, currentId)}
            streak={progress.streak.current}
            onAttempt={(a: AttemptRecord) => change(record(latest.current, a))}
            onNewSeed={(seed: number) => void withEngine().then((e) => e && show(e, { template: current.template, seed }, false))}
            practiceHref={practiceHref}
          />
        ) : (
          <p class="pl-practice__loading">{strings.loading}</p>
        )}
      </div>
      <div class="pl-practice__next">
        <button type="button" class="pl-practice__button pl-practice__button--main" data-action="next" onClick={() => void next()}>
          {c.next}
        </button>
      </div>
      <Dashboard progress={progress} misses={missCount} lessons={lessons} skills={skills} strings={strings} />
      <ProgressFile progress={progress} strings={strings} onChange={change} />
    </div>
  );
}
