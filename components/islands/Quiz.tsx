/**
 * A lesson's self-check: type an answer, press Check (or Enter), hear right or wrong; a hint after
 * a wrong answer, the solution on request. Answers were computed by src/calc at build time and
 * arrive as props; this island only reads what the reader typed and remembers their progress.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type en from '@i18n/en/quiz.json';
import { fill } from '@i18n/fill.ts';
import type { QuizItem } from '../lesson/quiz-items.ts';
import { judge, type Verdict } from '@exercises/answer.ts';
import { withInlineCode } from './quiz/inline-code.tsx';
import {
  afterAnswer,
  afterReveal,
  browserStorage,
  loadProgress,
  revealedCount,
  saveAttempt,
  solvedCount,
  type Attempt,
  type Progress,
} from './quiz/progress.ts';

export type QuizStrings = typeof en;

interface Props {
  items: QuizItem[];
  strings: QuizStrings;
}

interface QuestionProps {
  item: QuizItem;
  number: number;
  strings: QuizStrings;
  /** The stored attempt, once storage has been read (after hydration). */
  saved: Progress[string] | undefined;
  onAnswered(key: string, answer: string, correct: boolean): void;
  onRevealed(key: string): void;
}

function Question({ item, number, strings, saved, onAnswered, onRevealed }: QuestionProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [wrongTries, setWrongTries] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);

  // Restore a right answer, or a shown solution, from an earlier visit (storage is only readable in the browser).
  useEffect(() => {
    if (saved?.revealed) setSolutionShown(true);
    else if (saved?.correct && verdict === null) {
      setText(saved.answer);
      setVerdict('right');
    }
  }, [saved]);
  const revealed = solutionShown && saved?.revealed === true;

  const check = (event: Event): void => {
    event.preventDefault();
    const v = judge(text, item.expected);
    setVerdict(v);
    if (v === 'wrong') setWrongTries((n) => n + 1);
    if (v !== 'unreadable') onAnswered(item.key, text, v === 'right');
  };

  const feedback =
    verdict === 'right'
      ? revealed
        ? strings.rightAfterSolution
        : strings.right
      : verdict === 'wrong'
        ? strings.wrong
        : verdict === 'unreadable'
          ? item.expected.kind === 'count'
            ? strings.unreadableCount
            : strings.unreadableShape
          : '';
  const showHint = verdict === 'wrong' && wrongTries > 0 && item.hint !== undefined;
  const showSolution = solutionShown || verdict === 'right';

  return (
    <li class="pl-quiz-question" data-question={item.key} data-verdict={verdict ?? 'none'}>
      <form onSubmit={check} noValidate>
        <label for={`${id}-answer`} class="pl-quiz-prompt">
          <span class="pl-quiz-number">{fill(strings.question, { n: number })}</span> {withInlineCode(item.prompt)}
        </label>
        <div class="pl-quiz-answer">
          <input
            id={`${id}-answer`}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            aria-describedby={`${id}-feedback`}
            aria-invalid={verdict === 'wrong' || verdict === 'unreadable' ? 'true' : 'false'}
          />
          <button type="submit">{strings.check}</button>
        </div>
      </form>
      <p id={`${id}-feedback`} class="pl-quiz-feedback" role="status" aria-live="polite" data-verdict={verdict ?? 'none'}>
        {feedback}
        {showHint ? (
          <>
            {' '}
            <strong>{strings.hint}</strong> {withInlineCode(item.hint!)}
          </>
        ) : null}
      </p>
      {showSolution ? (
        <p class="pl-quiz-solution" data-solution>
          <strong>{strings.solution}</strong> <code>{item.answerText}</code>
          {item.explanation ? <> — {withInlineCode(item.explanation)}</> : null}
        </p>
      ) : (
        <button
          type="button"
          class="pl-quiz-show-solution"
          onClick={() => {
            setSolutionShown(true);
            onRevealed(item.key);
          }}
        >
          {strings.showSolution}
        </button>
      )}
    </li>
  );
}

export default function Quiz({ items, strings }: Props) {
  const [progress, setProgress] = useState<Progress>({});
  useEffect(() => setProgress(loadProgress(browserStorage())), []);

  const store = (key: string, attempt: Attempt | null): void => {
    if (!attempt) return;
    saveAttempt(browserStorage(), key, attempt);
    setProgress((p) => ({ ...p, [key]: attempt }));
  };
  const answered = (key: string, answer: string, correct: boolean): void => store(key, afterAnswer(progress[key], answer, correct));
  const revealedKey = (key: string): void => store(key, afterReveal(progress[key]));
  const keys = items.map((item) => item.key);
  const solved = solvedCount(keys, progress);
  const shown = revealedCount(keys, progress);

  return (
    <section class="pl-quiz not-content" aria-label={strings.label}>
      <ol class="pl-quiz-list">
        {items.map((item, i) => (
          <Question
            key={item.key}
            item={item}
            number={i + 1}
            strings={strings}
            saved={progress[item.key]}
            onAnswered={answered}
            onRevealed={revealedKey}
          />
        ))}
      </ol>
      <p class="pl-quiz-progress" data-solved={solved} data-revealed={shown}>
        {fill(strings.progress, { solved, total: items.length })}
        {shown > 0 ? fill(strings.progressRevealed, { revealed: shown }) : ''}
      </p>
    </section>
  );
}
