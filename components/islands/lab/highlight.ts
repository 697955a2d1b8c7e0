/**
 * Python highlighting for the lab's code editor: @lezer/python's tree (the parser the Python reader
 * uses, so it arrives in the same on-demand chunk) through @lezer/highlight's class highlighter.
 * The result is ranges and class names; the editor draws them as text nodes, never as HTML.
 */
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { parser } from '@lezer/python';

export interface Token {
  from: number;
  to: number;
  cls: string;
}

/** Past this many characters the editor shows plain text: highlighting a megabyte on each key would lag. */
export const MAX_HIGHLIGHT_CHARS = 200_000;

export function highlightPython(text: string): Token[] {
  if (text.length > MAX_HIGHLIGHT_CHARS) return [];
  const tokens: Token[] = [];
  highlightTree(parser.parse(text), classHighlighter, (from, to, cls) => tokens.push({ from, to, cls }));
  return tokens;
}
