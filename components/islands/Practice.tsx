/**
 * The Practice page (`/practice/`): one exercise at a time from every template, mixed so that it
 * leans towards the reader's misses and weakest skill, or of one skill, or the misses alone; the
 * progress kept in this browser, as a file, and reset. The address always names the question
 * shown (`?ex=<template>.<seed>`), so it can be shared.
 *
 * The page's script is the dashboard, the progress controls and the exercise card. The first
 * question was made at build time (`starter`); the templates and the engine (practice/engine.ts)
 * load only when the reader asks for another question or the address names one. Storage and the
 * address are read after hydration.
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
  onDismiss(): void;
}

function Notices({ notice, storageOff, linkProblem, loadFailed, strings, onDismiss }: NoticeProps) {
  const n = strings.notices;
  return (
    <div class="pl-practice__notices" aria-live="polite">
      {loadFailed ? (
        <p class="pl-practice__notice" data-notice="load-failed" data-kind="problem">
          {n.loadFailed}
        </p>
      ) : null}
      {linkProblem ? (
        <p class="pl-practice__notice" data-notice="link" data-kind="problem">
          {linkMessage(linkProblem, strings)}
        </p>
      ) : null}
      {notice ? (
        <div class="pl-practice__notice" data-notice={notice}>
          <p>{n[notice]}</p>
          <button type="button" class="pl-practice__button pl-practice__button--quiet" data-action="dismiss" onClick={onDismiss}>
            {n.dismiss}
          </button>
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
  const enginePromise = useRef<Promise<Engine | null> | null>(null);
  // the progress an attempt is recorded onto, even when two arrive before a render
  const latest = useRef(progress);
  latest.current = progress;
  const currentId = current ? variantId(current.template, current.seed) : '';

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
    if (new URLSearchParams(location.search).has('ex')) {
      // the address names a question: only the engine can make it
      void withEngine().then((e) => {
        if (!e) return;
        const link = e.fromLink(location.search, e.templates);
        if (link && 'problem' in link) setLinkProblem(link.problem);
        setCurrent(link && 'variant' in link ? link.variant : e.nextQuestion(latest.current, e.templates, randomSeed()));
      });
    } else setCurrent({ template: starter.template, seed: starter.seed });
    // Another tab (a lesson's exercises) may record attempts: follow them rather than overwrite them.
    const follow = (e: StorageEvent): void => {
      if (e.key === PROGRESS_KEY) setProgress(loadProgress(storage).progress);
    };
    addEventListener('storage', follow);
    return () => removeEventListener('storage', follow);
  }, []);

  // The address names the question shown.
  useEffect(() => {
    if (current) history.replaceState(history.state, '', withVariant(location.href, current));
  }, [currentId]);

  const change = (next: Progress): boolean => {
    latest.current = next;
    setProgress(next);
    const saved = saveProgress(browserStorage(), next);
    if (!saved) setStorageOff(true);
    return saved;
  };

  /** Show a question (a miss whose template no longer generates is passed over for a mixed one). */
  const show = (e: Engine, v: Variant, focus = true): void => {
    setCurrent(e.generates(e.templates, v) ? v : e.nextQuestion(latest.current, e.templates, randomSeed(), { avoid: currentId }));
    if (focus) queueMicrotask(() => card.current?.focus());
  };

  const mixed = (e: Engine, chosen: Skill | ''): Variant =>
    e.nextQuestion(latest.current, e.templates, randomSeed(), { ...(chosen ? { skill: chosen } : {}), avoid: currentId });

  const next = async (): Promise<void> => {
    const engine = await withEngine();
    if (!engine) return;
    setStatus('');
    if (mode === 'misses') {
      const miss = nextMiss(latest.current, known, currentId);
      if (miss) {
        show(engine, miss);
        return;
      }
      setMode('mixed');
      setStatus(c.missesDone);
    }
    show(engine, mixed(engine, skill));
  };

  const redo = async (): Promise<void> => {
    const engine = await withEngine();
    if (!engine) return;
    const miss = nextMiss(latest.current, known);
    if (!miss) {
      setStatus(c.noMisses);
      return;
    }
    setStatus('');
    setMode('misses');
    show(engine, miss);
  };

  const chooseSkill = async (value: Skill | ''): Promise<void> => {
    setSkill(value);
    setMode('mixed');
    setStatus('');
    if (!value || !current || templateSkills[current.template] === value) return;
    const engine = await withEngine();
    if (engine) show(engine, mixed(engine, value), false);
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
        onDismiss={() => setNotice(null)}
      />
      <section class="pl-practice__controls" aria-label={c.label}>
        <label class="pl-practice__skill">
          <span>{c.skill}</span>
          <select value={skill} onChange={(e) => void chooseSkill(e.currentTarget.value as Skill | '')} data-control="skill">
            <option value="">{c.allSkills}</option>
            {skills.map((s) => (
              <option key={s} value={s}>
                {(strings.skills as Record<Skill, string>)[s]}
              </option>
            ))}
          </select>
        </label>
        {mode === 'misses' ? (
          <button type="button" class="pl-practice__button" data-action="stop-redo" onClick={() => void chooseSkill(skill)}>
            {c.stopRedo}
          </button>
        ) : (
          <button type="button" class="pl-practice__button" data-action="redo" onClick={() => void redo()}>
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
