/**
 * Predict, then watch: the reader commits a number (judged at once, and kept), and only then does the
 * slider unlock, showing the engine's count and its formula at every value as it moves, so the reader
 * sees the count change (the verdict has already been given; the slider is to see, not to check).
 * The counts come from the engine, which is fetched at the commit (the page itself carries none of it).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import { diagnoseBlank, groupDigits, parseCount, type Locale, type ResponseData, type Slider } from './diagnose.ts';
import type { Outcome } from './feedback.ts';
import { withInlineCode } from './inline-code.tsx';
import { loadGenerator } from './load-generator.ts';
import type { ExerciseStrings } from './strings.ts';
import { AnswerInput } from './AnswerInput.tsx';

type PredictResponse = Extract<ResponseData, { kind: 'predict' }>;

interface Props {
  /** The variant, to ask the engine for the slider's counts. */
  template: string;
  seed: number;
  response: PredictResponse;
  prompt: ComponentChildren;
  display: ComponentChildren;
  locale: Locale;
  strings: ExerciseStrings;
  idBase: string;
  feedbackId: string;
  onOutcome(outcome: Outcome): void;
}

type Counts = { state: 'locked' } | { state: 'loading' } | { state: 'failed' } | { state: 'ready'; at: Slider['at'] };

export function Predict({ template, seed, response, prompt, display, locale, strings, idBase, feedbackId, onOutcome }: Props) {
  const { blank, slider } = response;
  const [text, setText] = useState('');
  const [committed, setCommitted] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [value, setValue] = useState(slider.start);
  const [counts, setCounts] = useState<Counts>({ state: 'locked' });
  const inputId = `${idBase}-prediction`;
  const sliderId = `${idBase}-slider`;

  const unlock = (): void => {
    setCounts({ state: 'loading' });
    loadGenerator().then(
      (g) => {
        const made = g.make(template, seed);
        setCounts(
          made.ok && made.exercise.response.kind === 'predict'
            ? { state: 'ready', at: made.exercise.response.slider.at }
            : { state: 'failed' },
        );
      },
      () => setCounts({ state: 'failed' }),
    );
  };

  const commit = (event: Event): void => {
    event.preventDefault();
    if (committed !== null) return;
    // the box may be ahead of the state (text typed before the island woke up)
    const typed =
      (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`[data-blank-input="${blank.id}"]`)?.value ?? text;
    setText(typed);
    const d = diagnoseBlank(blank, typed);
    setInvalid(d.verdict !== 'right');
    if (d.verdict === 'empty') {
      onOutcome({ feedback: { kind: 'empty' }, record: null });
      return;
    }
    if (d.verdict === 'unreadable') {
      onOutcome({ feedback: { kind: 'unreadable', expected: blank.expected.kind }, record: null });
      return;
    }
    setCommitted(typed);
    unlock();
    if (d.verdict === 'right') {
      onOutcome({ feedback: { kind: 'right', afterSolution: false, again: false }, record: { ok: true } });
      return;
    }
    const m = d.mistake;
    onOutcome({
      feedback: { kind: 'wrong', misses: [m ? { mistake: m } : {}] },
      record: { ok: false, ...(m ? { mistake: m.mistake } : {}) },
    });
  };

  const at = counts.state === 'ready' ? counts.at(value) : null;
  // the committed count as the page prints counts (98,816), however it was typed
  const count = committed === null ? null : parseCount(committed);
  const note =
    counts.state === 'locked' ? (
      strings.sliderLocked
    ) : counts.state === 'loading' ? (
      strings.sliderLoading
    ) : counts.state === 'failed' ? (
      strings.sliderFailed
    ) : (
      <>
        <span data-committed={count ?? ''}>
          {fill(strings.committed, { value: count === null ? (committed ?? '').trim() : groupDigits(count) })}
        </span>
        {strings.sentenceGap}
        {withInlineCode(fill(strings.sliderTarget, { slider: slider.label[locale], target: groupDigits(slider.target) }))}
      </>
    );

  return (
    <form class="pl-ex__form" onSubmit={commit} noValidate>
      <label for={inputId} class="pl-ex__prompt">
        {prompt}
      </label>
      {display}
      <div class="pl-ex__blanks">
        <div class="pl-ex__blank" data-blank={blank.id} data-verdict={committed === null ? 'none' : invalid ? 'wrong' : 'right'}>
          <AnswerInput
            id={inputId}
            blank={blank.id}
            value={text}
            readOnly={committed !== null}
            onInput={setText}
            describedBy={feedbackId}
            invalid={invalid}
          />
        </div>
        <button type="submit" class="pl-ex__check" disabled={committed !== null}>
          {strings.commit}
        </button>
      </div>
      <div class="pl-ex__slider" data-locked={at === null ? 'true' : 'false'}>
        <label for={sliderId}>{withInlineCode(slider.label[locale])}</label>
        <input
          id={sliderId}
          type="range"
          min={slider.min}
          max={slider.max}
          step={1}
          value={value}
          disabled={at === null}
          onInput={(e) => setValue(Number(e.currentTarget.value))}
          aria-describedby={`${sliderId}-note`}
        />
        <p id={`${sliderId}-note`} class="pl-ex__slider-note">
          {note}
          {counts.state === 'failed' ? (
            <>
              {strings.sentenceGap}
              <button type="button" class="pl-ex__tool" onClick={unlock}>
                {strings.retry}
              </button>
            </>
          ) : null}
        </p>
        <output for={sliderId} class="pl-ex__slider-out" aria-live="polite" data-at-target={value === slider.target ? 'true' : 'false'}>
          {at ? (
            <>
              <span class="pl-ex__slider-value">{groupDigits(value)}</span>
              {' → '}
              <strong data-count={at.count}>{fill(strings.sliderCount, { count: groupDigits(at.count) })}</strong>
              <code class="pl-ex__equation">{at.equation}</code>
            </>
          ) : null}
        </output>
      </div>
    </form>
  );
}
