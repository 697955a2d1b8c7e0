/**
 * Fill-in answers: one labelled text box per blank, checked together with Check or Enter. A single
 * unlabelled blank is labelled by the prompt itself; what was typed stays until the reader changes it.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Blank, BlankDiagnosis, Locale } from './diagnose.ts';
import { blankName, checkBlanks, type Outcome } from './feedback.ts';
import { withInlineCode } from './inline-code.tsx';
import type { ExerciseStrings } from './strings.ts';
import { AnswerInput } from './AnswerInput.tsx';

interface Props {
  blanks: readonly Blank[];
  prompt: ComponentChildren;
  display: ComponentChildren;
  locale: Locale;
  strings: ExerciseStrings;
  idBase: string;
  feedbackId: string;
  onOutcome(outcome: Outcome): void;
}

export function Blanks({ blanks, prompt, display, locale, strings, idBase, feedbackId, onOutcome }: Props) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [verdicts, setVerdicts] = useState<Record<string, BlankDiagnosis['verdict']>>({});
  const single = blanks.length === 1 && !blanks[0]!.label;
  const inputId = (b: Blank): string => `${idBase}-blank-${b.id}`;
  const promptId = `${idBase}-prompt`;

  const check = (event: Event): void => {
    event.preventDefault();
    // what is in the boxes, which may be ahead of the state (text typed before the island woke up)
    const form = event.currentTarget as HTMLFormElement;
    const typed = Object.fromEntries(
      blanks.map((b) => [b.id, form.querySelector<HTMLInputElement>(`[data-blank-input="${b.id}"]`)?.value ?? texts[b.id] ?? '']),
    );
    setTexts(typed);
    const outcome = checkBlanks(blanks, typed, (b, i) => blankName(b, i, blanks.length, locale, strings.answer));
    setVerdicts(outcome.verdicts);
    onOutcome(outcome);
  };

  return (
    <form class="pl-ex__form" onSubmit={check} noValidate>
      {single ? (
        <label for={inputId(blanks[0]!)} id={promptId} class="pl-ex__prompt">
          {prompt}
        </label>
      ) : (
        <p id={promptId} class="pl-ex__prompt">
          {prompt}
        </p>
      )}
      {display}
      <div class="pl-ex__blanks">
        {blanks.map((b, i) => {
          const verdict = verdicts[b.id];
          return (
            <div class="pl-ex__blank" key={b.id} data-blank={b.id} data-verdict={verdict ?? 'none'}>
              {single ? null : (
                <label for={inputId(b)} class="pl-ex__blank-label">
                  {b.label ? withInlineCode(b.label[locale]) : `${strings.answer} ${i + 1}`}
                </label>
              )}
              <AnswerInput
                id={inputId(b)}
                blank={b.id}
                value={texts[b.id] ?? ''}
                onInput={(value) => setTexts((t) => ({ ...t, [b.id]: value }))}
                describedBy={single ? feedbackId : `${promptId} ${feedbackId}`}
                invalid={verdict === 'wrong' || verdict === 'unreadable'}
              />
            </div>
          );
        })}
        <button type="submit" class="pl-ex__check">
          {strings.check}
        </button>
      </div>
    </form>
  );
}
