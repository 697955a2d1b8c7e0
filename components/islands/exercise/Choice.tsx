/**
 * One answer among several: a radio group under the prompt. For spot-the-wrong-row the options are
 * the rows of the printed summary itself — each row range is a radio's label, so clicking a row
 * picks it and the arrow keys move between rows — and any option without a row is listed below.
 * A row picked from the keyboard scrolls the printout to its Param # (the far right), which a
 * phone would otherwise keep out of view.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { columns, WideSummary } from './Display.tsx';
import { diagnoseChoice, type Display, type Locale, type Option, type ResponseData } from './diagnose.ts';
import type { Outcome } from './feedback.ts';
import { plainText, withInlineCode } from './inline-code.tsx';
import type { ExerciseStrings } from './strings.ts';

type ChoiceResponse = Extract<ResponseData, { kind: 'choice' }>;

interface Props {
  response: ChoiceResponse;
  prompt: ComponentChildren;
  display: ComponentChildren;
  /** A summary whose rows are the options (spot the wrong row). */
  rows?: Display;
  locale: Locale;
  strings: ExerciseStrings;
  idBase: string;
  feedbackId: string;
  onOutcome(outcome: Outcome): void;
}

/** The printout's lines in runs: a row that is an option (its lines together), or lines that are not. */
function segments(display: Display, locale: Locale): { option?: string; text: string }[] {
  const lines = display.text[locale].split('\n');
  const rows = display.rows ?? [];
  const out: { option?: string; text: string }[] = [];
  for (let i = 0; i < lines.length; ) {
    const row = rows.find((r) => r.from === i && r.to >= r.from);
    if (row) {
      out.push({ option: row.option, text: lines.slice(row.from, row.to + 1).join('\n') });
      i = row.to + 1;
    } else {
      out.push({ text: lines[i]! });
      i++;
    }
  }
  return out;
}

export function Choice({ response, prompt, display, rows, locale, strings, idBase, feedbackId, onOutcome }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<string>('none');
  const name = `${idBase}-choice`;
  const box = useRef<HTMLDivElement>(null);

  /** A pick; from the keyboard (the radio shows focus) it also brings the row's Param # into view. */
  const pick = (id: string, radio: HTMLInputElement): void => {
    setChosen(id);
    const el = box.current;
    if (!el || !radio.matches(':focus-visible') || el.scrollWidth <= el.clientWidth) return;
    // after the browser has scrolled the focused radio into view: the far right, where Param # is
    requestAnimationFrame(() => {
      el.scrollLeft = el.scrollWidth;
    });
  };

  const byId = new Map(response.options.map((o) => [o.id, o]));

  const check = (event: Event): void => {
    event.preventDefault();
    // the checked radio, which may be ahead of the state (picked before the island woke up)
    const picked =
      (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? chosen;
    setChosen(picked);
    const d = diagnoseChoice(response, picked);
    setVerdict(d.verdict);
    if (d.verdict === 'empty') onOutcome({ feedback: { kind: 'empty', choice: true }, record: null });
    else if (d.verdict === 'right') onOutcome({ feedback: { kind: 'right', afterSolution: false, again: false }, record: { ok: true } });
    else {
      const m = d.verdict === 'wrong' ? d.mistake : undefined;
      const note = d.verdict === 'wrong' && !m ? d.note : undefined;
      onOutcome({
        feedback: { kind: 'wrong', misses: [m ? { mistake: m } : note ? { note } : {}] },
        record: { ok: false, ...(m ? { mistake: m.mistake } : {}) },
      });
    }
  };

  const radio = (o: Option, extra: Record<string, string> = {}) => (
    <input
      id={`${name}-${o.id}`}
      type="radio"
      name={name}
      value={o.id}
      checked={chosen === o.id}
      onChange={(e) => pick(o.id, e.currentTarget)}
      aria-describedby={feedbackId}
      {...extra}
    />
  );

  const inRows = new Set(rows?.rows?.map((r) => r.option) ?? []);
  const listed = response.options.filter((o) => !inRows.has(o.id));

  return (
    <form class="pl-ex__form" onSubmit={check} noValidate>
      <fieldset class="pl-ex__fieldset" data-verdict={verdict}>
        <legend class="pl-ex__prompt">{prompt}</legend>
        {rows ? (
          <WideSummary box={box} strings={strings}>
            <div ref={box} class="pl-ex__rows pl-scroll" data-display="summary" style={{ '--pl-cols': String(columns(rows.text[locale])) }}>
              {segments(rows, locale).map((s, i) => {
                const option = s.option ? byId.get(s.option) : undefined;
                return option ? (
                  <label
                    key={i}
                    for={`${name}-${option.id}`}
                    class="pl-ex__row"
                    data-option={option.id}
                    data-checked={chosen === option.id ? 'true' : 'false'}
                  >
                    {radio(option, { class: 'pl-ex__row-radio', 'aria-label': plainText(option.label[locale]) })}
                    {s.text}
                  </label>
                ) : (
                  <span key={i} class="pl-ex__row-plain">
                    {s.text}
                  </span>
                );
              })}
            </div>
          </WideSummary>
        ) : (
          display
        )}
        {listed.length > 0 ? (
          <div class="pl-ex__options">
            {listed.map((o) => (
              <label key={o.id} for={`${name}-${o.id}`} class="pl-ex__option" data-option={o.id}>
                {radio(o)} <span>{withInlineCode(o.label[locale])}</span>
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <button type="submit" class="pl-ex__check">
        {strings.check}
      </button>
    </form>
  );
}
