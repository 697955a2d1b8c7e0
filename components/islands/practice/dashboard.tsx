/**
 * The reader's progress at a glance: one live line (solved, tried, streaks, misses) that screen
 * readers hear when it changes, then tables per lesson (in curriculum order) and per skill.
 */
import type en from '@i18n/en/practice.json';
import { fill } from '@i18n/fill.ts';
import { byLesson, bySkill, type Progress } from '@exercises/progress.ts';
import type { Skill } from '@exercises/types.ts';
import { lessonTallies, totals } from './queue.ts';

export type PracticeStrings = typeof en;

export interface LessonEntry {
  slug: string;
  title: string;
  href: string;
}

interface Props {
  progress: Progress;
  misses: number;
  lessons: readonly LessonEntry[];
  skills: readonly Skill[];
  strings: PracticeStrings;
}

type Row = { key: string; name: preact.ComponentChildren; solved: number; tried: number };

function Table({ caption, head, rows, strings }: { caption: string; head: string; rows: Row[]; strings: PracticeStrings['dashboard'] }) {
  return (
    <table class="pl-practice__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{strings.solved}</th>
          <th scope="col">{strings.tried}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">{r.name}</th>
            <td data-count="solved">{r.solved}</td>
            <td data-count="tried">{r.tried}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Dashboard({ progress, misses, lessons, skills, strings }: Props) {
  const d = strings.dashboard;
  const all = totals(progress);
  const perLesson = lessonTallies(byLesson(progress));
  const perSkill = bySkill(progress);
  const names = strings.skills as Record<Skill, string>;
  // skills offered here, then any other known skill the stored attempts name
  const shownSkills = [...skills, ...(Object.keys(perSkill) as Skill[]).filter((s) => !skills.includes(s) && names[s] !== undefined)];
  const { current, best } = progress.streak;
  return (
    <section class="pl-practice__dashboard" aria-labelledby="pl-practice-progress">
      <h2 id="pl-practice-progress">{d.heading}</h2>
      {/* what a screen reader hears when a count changes; the figures below show the same */}
      <p class="sr-only" role="status" aria-live="polite" data-summary>
        {fill(d.summary, { solved: all.solved, tried: all.tried, current, best, misses })}
      </p>
      <dl class="pl-practice__figures">
        <div>
          <dt>{d.solved}</dt>
          <dd data-figure="solved">{all.solved}</dd>
        </div>
        <div>
          <dt>{d.tried}</dt>
          <dd data-figure="tried">{all.tried}</dd>
        </div>
        <div>
          <dt>{d.streak}</dt>
          <dd data-figure="streak">{current}</dd>
        </div>
        <div>
          <dt>{d.best}</dt>
          <dd data-figure="best">{best}</dd>
        </div>
        <div>
          <dt>{d.misses}</dt>
          <dd data-figure="misses">{misses}</dd>
        </div>
      </dl>
      <div class="pl-practice__tables">
        <Table
          caption={d.bySkill}
          head={d.skill}
          strings={d}
          rows={shownSkills.map((s) => ({ key: s, name: names[s], solved: perSkill[s]?.solved ?? 0, tried: perSkill[s]?.tried ?? 0 }))}
        />
        <Table
          caption={d.byLesson}
          head={d.lesson}
          strings={d}
          rows={lessons.map((l, i) => ({
            key: l.slug,
            name: (
              <a href={l.href}>
                {i + 1}. {l.title}
              </a>
            ),
            solved: perLesson[l.slug]?.solved ?? 0,
            tried: perLesson[l.slug]?.tried ?? 0,
          }))}
        />
      </div>
    </section>
  );
}
