/**
 * The hint ladder and the last resort: "Hint" shows the formula in words, then the numbers
 * substituted, then the arithmetic ("Hint 2 of 3"); the worked solution waits behind a quieter
 * secondary button. New hints are announced; focus never falls off a button that disappears.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import type { Locale, Text } from './diagnose.ts';
import { withInlineCode } from './inline-code.tsx';
import type { ExerciseStrings } from './strings.ts';

interface Props {
  hints: readonly Text[];
  solution: Text;
  /** How many hints are showing. */
  shown: number;
  solutionShown: boolean;
  /** Solved: no more hints are offered (those shown stay). */
  solved: boolean;
  locale: Locale;
  strings: ExerciseStrings;
  idBase: string;
  onHint(): void;
  onSolution(): void;
}

export function Hints({ hints, solution, shown, solutionShown, solved, locale, strings, idBase, onHint, onSolution }: Props) {
  const solutionButton = useRef<HTMLButtonElement>(null);
  const solutionText = useRef<HTMLDivElement>(null);
  const hintButton = useRef<HTMLButtonElement>(null);
  const asked = useRef<'hint' | 'solution' | null>(null);

  useLayoutEffect(() => {
    // the last hint removes the Hint button: focus moves on to "Show the solution"
    if (asked.current === 'hint' && shown >= hints.length && document.activeElement !== hintButton.current) solutionButton.current?.focus();
    if (asked.current === 'solution' && solutionShown) solutionText.current?.focus();
    asked.current = null;
  }, [shown, solutionShown, hints.length]);

  return (
    <div class="pl-ex__help">
      <ol class="pl-ex__hints" aria-live="polite" id={`${idBase}-hints`}>
        {hints.slice(0, shown).map((h, i) => (
          <li key={i} class="pl-ex__hint" data-hint={i + 1}>
            <strong>{fill(strings.hintOf, { n: i + 1, total: hints.length })}</strong>
            {strings.colon}
            {withInlineCode(h[locale])}
          </li>
        ))}
      </ol>
      {solutionShown ? (
        <div class="pl-ex__solution" data-solution tabIndex={-1} ref={solutionText}>
          <strong>{strings.solution}</strong>
          {strings.colon}
          {withInlineCode(solution[locale])}
        </div>
      ) : null}
      <div class="pl-ex__help-buttons">
        {shown < hints.length && !solved ? (
          <button
            type="button"
            class="pl-ex__hint-button"
            ref={hintButton}
            aria-controls={`${idBase}-hints`}
            onClick={() => {
              asked.current = 'hint';
              onHint();
            }}
          >
            {shown === 0 ? strings.hint : strings.nextHint}
          </button>
        ) : null}
        {solutionShown ? null : (
          <button
            type="button"
            class="pl-ex__solution-button"
            ref={solutionButton}
            onClick={() => {
              asked.current = 'solution';
              onSolution();
            }}
          >
            {strings.showSolution}
          </button>
        )}
      </div>
    </div>
  );
}
