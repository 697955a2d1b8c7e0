/**
 * An engine diagnostic in the page's language: the code's template from
 * src/i18n/<locale>/diagnostics.json, filled with its values, the argument named as the
 * calculators label it (args.json). Pure, so the words are tested without a browser; the CLI keeps
 * the English `message`. The wording itself is diagnostic-words.ts; this picks the dictionaries.
 */
import type { Diagnostic, DiagnosticCode, DiagnosticValues } from '@calc/basics.ts';
import { wordDiagnostic, type DiagnosticTextOptions } from './diagnostic-words.ts';
import { argLabels, diagnosticStrings, pick, type Locale } from './index.ts';

export { SPATIAL_AXES, type DiagnosticTextOptions } from './diagnostic-words.ts';

/** One diagnostic as a sentence in `locale`; a wrapped problem (inside a nested model) is worded in turn. */
export const diagnosticText = (d: Diagnostic, locale: Locale, options: DiagnosticTextOptions = {}): string =>
  wordDiagnostic(d, { diagnostics: pick(diagnosticStrings, locale), args: pick(argLabels, locale) }, locale, options);

/** A code's template filled with `values` in `locale`, for a problem no engine diagnostic carries (a blank field). */
export const codeText = (code: DiagnosticCode, values: DiagnosticValues, locale: Locale, options: DiagnosticTextOptions = {}): string =>
  diagnosticText({ code, values, message: '' }, locale, options);
