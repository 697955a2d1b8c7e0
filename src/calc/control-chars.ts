/**
 * Names come from the user's file and end up on a terminal: an ESC sequence in a layer name could
 * clear the screen or set the window title, a newline would split a table row, and a bidi
 * override would reorder the text around it. Renderers and the CLI's error line show such
 * characters as visible escapes instead.
 */

/**
 * C0 and C1 controls and DEL, the Unicode line and paragraph separators, and the bidi marks,
 * embeddings, overrides and isolates. Joiners (ZWJ, ZWNJ) stay: they belong to emoji and scripts.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `x\x1b[2J` for `x` + ESC + `[2J`: every control character as a visible escape. */
export const escapeControls = (text: string): string => text.replace(CONTROLS, escapeOne);
