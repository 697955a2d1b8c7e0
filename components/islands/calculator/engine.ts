/**
 * What the calculator asks src/calc once the reader starts editing. The island imports this
 * module on demand (the first focus, pointer or edit, or a URL that carries its state), so a
 * lesson page's first load carries no layer code: the starting numbers were computed at build
 * time and arrive in the HTML.
 */
import { resolveLayer } from '@calc/engine.ts';
import { codeText, diagnosticText } from '@i18n/diagnostic-text.ts';

export const engine = {
  resolveLayer,
  /** The engine's problems in the page's language; here so the dictionaries load with the engine, not the page. */
  diagnosticText,
  /** A typing problem worded as the engine words the same problem (a blank field, as in the model editor). */
  codeText,
};

export type Engine = typeof engine;
