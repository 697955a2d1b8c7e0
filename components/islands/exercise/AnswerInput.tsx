/** The box a reader types one answer into: a count or a shape, in any of the forms answer.ts reads. */

interface Props {
  id: string;
  /** The blank it answers (`data-blank-input`, which tests and the card's Check read). */
  blank: string;
  value: string;
  onInput(value: string): void;
  describedBy: string;
  invalid: boolean;
  readOnly?: boolean;
}

export function AnswerInput({ id, blank, value, onInput, describedBy, invalid, readOnly = false }: Props) {
  return (
    <input
      id={id}
      class="pl-ex__input"
      type="text"
      // Not inputmode="numeric" or "decimal", even for a count: people type 18,496 and 18 496
      // (the page prints counts that way), and phones' number pads lack the space, and the
      // comma too where the decimal pad offers only "." (iOS in English); shapes need
      // brackets and "x" anyway. The full keyboard has every character an answer may use.
      inputMode="text"
      autocomplete="off"
      autocapitalize="off"
      spellcheck={false}
      data-blank-input={blank}
      value={value}
      readOnly={readOnly}
      onInput={(e) => onInput(e.currentTarget.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : 'false'}
    />
  );
}
