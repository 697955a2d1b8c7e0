/**
 * Code or a model.summary() printout shown with a question: monospace, never wrapped, scrolling
 * sideways inside its own box with scroll shadows as the cue (components/layout.css's .pl-scroll),
 * so nothing is cut off on a phone. A printout's columns are what the question is about (Param #
 * sits at the far right), so a summary also gets a line in words, "Scroll sideways to see every
 * column →", whenever it does not fit: before the island wakes up a container query on the card
 * decides (components/exercises.css), afterwards the box's own measure does.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Display as DisplayData, Locale } from './diagnose.ts';
import type { ExerciseStrings } from './strings.ts';

/** The widest line of a printout in characters: the summary's type is sized to fit it where it can. */
export const columns = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));

/** Whether the box is wider inside than it shows (null until measured), kept up as the card resizes. */
function useOverflow(box: { current: HTMLElement | null }): boolean | null {
  const [wide, setWide] = useState<boolean | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = (): void => setWide(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);
  return wide;
}

/**
 * A summary printout's frame: the cue line above the scrolling box. `box` is the box's ref;
 * `text` the printout, whose widest line sizes the type (--pl-cols).
 */
export function WideSummary({
  box,
  strings,
  children,
}: {
  box: { current: HTMLElement | null };
  strings: ExerciseStrings;
  children: ComponentChildren;
}) {
  const wide = useOverflow(box);
  return (
    <div class="pl-ex__wide" {...(wide === null ? {} : { 'data-overflow': wide ? 'true' : 'false' })}>
      <p class="pl-ex__scroll-cue" aria-hidden="true">
        {strings.scrollCue}
      </p>
      {children}
    </div>
  );
}

export function Display({ display, locale, strings }: { display: DisplayData; locale: Locale; strings: ExerciseStrings }) {
  const box = useRef<HTMLPreElement>(null);
  const text = display.text[locale];
  const pre = (
    <pre
      ref={box}
      class="pl-ex__display pl-scroll"
      data-display={display.kind}
      {...(display.kind === 'summary' ? { style: { '--pl-cols': String(columns(text)) } } : {})}
    >
      {text}
    </pre>
  );
  if (display.kind !== 'summary') return pre;
  return (
    <WideSummary box={box} strings={strings}>
      {pre}
    </WideSummary>
  );
}
