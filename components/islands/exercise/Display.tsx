/**
 * Code or a model.summary() printout shown with a question: monospace, never wrapped, scrolling
 * sideways inside its own box with scroll shadows as the cue (components/layout.css's .pl-scroll),
 * so nothing is cut off on a phone.
 */
import type { Display as DisplayData, Locale } from './diagnose.ts';

export function Display({ display, locale }: { display: DisplayData; locale: Locale }) {
  return (
    <pre class="pl-ex__display pl-scroll" data-display={display.kind}>
      {display.text[locale]}
    </pre>
  );
}
