/** Exercise texts are plain strings where `backticks` mark code (`Conv2D(64, 3)`), as in the lessons' Markdown. */
import type { ComponentChildren } from 'preact';

/** The text with every `…` span set as <code>. */
export function withInlineCode(text: string): ComponentChildren[] {
  return text
    .split(/(`[^`]+`)/g)
    .filter((part) => part !== '')
    .map((part, i) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/** The text without its backticks, for an attribute (aria-label) where markup cannot go. */
export const plainText = (text: string): string => text.replace(/`/g, '');
