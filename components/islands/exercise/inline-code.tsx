/** Exercise texts are plain strings where `backticks` mark code (`Conv2D(64, 3)`), as in the lessons' Markdown. */
import type { ComponentChildren } from 'preact';

/**
 * Keras's column label `Param #` never breaks between its two halves (a lone "#" starting a line
 * on a phone reads as nothing), whether the text sets it as code or not.
 */
const keepTogether = (text: string): string => text.replace(/Param #/g, 'Param\u00a0#');

/** The text with every `…` span set as <code>. */
export function withInlineCode(text: string): ComponentChildren[] {
  return keepTogether(text)
    .split(/(`[^`]+`)/g)
    .filter((part) => part !== '')
    .map((part, i) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/** The text without its backticks, for an attribute (aria-label) where markup cannot go. */
export const plainText = (text: string): string => text.replace(/`/g, '');
