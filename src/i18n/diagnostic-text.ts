/**
 * An engine diagnostic in the page's language: the code's template from
 * src/i18n/<locale>/diagnostics.json, filled with its values, the argument named as the
 * calculators label it (args.json). Pure, so the words are tested without a browser; the CLI keeps
 * the English `message`.
 */
import type { Diagnostic, DiagnosticValue } from '@calc/basics.ts';
import { fill } from './fill.ts';
import { argLabels, diagnosticStrings, pick, type DiagnosticStrings, type Locale } from './index.ts';

export interface DiagnosticTextOptions {
  /** The field's own label, when the page shows one for the argument at fault (`Input height`). */
  argLabel?: string;
}

/** Values that name an axis in words (`height`, `[batch, height, width, channels]`): translated, not quoted. */
const AXIS_WORDS = new Set(['axis', 'layout']);

/** `−70` with a real minus sign, `9,007,199,254,740,991` grouped, as the lessons print numbers. */
function numberText(n: number): string {
  const digits = Number.isInteger(n) ? Math.abs(n).toLocaleString('en-US') : String(Math.abs(n));
  return n < 0 ? `−${digits}` : digits;
}

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

function valueText(key: string, v: DiagnosticValue, strings: DiagnosticStrings, locale: Locale): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return AXIS_WORDS.has(key) ? (own(strings.terms, v) ?? v) : v;
  const item = (x: string | number | null): string =>
    typeof x === 'string' ? (AXIS_WORDS.has(key) ? (own(strings.terms, x) ?? x) : `"${x}"`) : valueText(key, x, strings, locale);
  return v.map(item).join(locale === 'zh-cn' ? '、' : ', ');
}

/** The argument at fault as the page names it: the field's label, else the calculators' label, else its Keras name. */
function argText(arg: string | undefined, locale: Locale, options: DiagnosticTextOptions, strings: DiagnosticStrings): string {
  if (options.argLabel !== undefined) return options.argLabel;
  if (arg === undefined) return strings.terms.value;
  return own(pick(argLabels, locale).arg, arg) ?? arg;
}

/** One diagnostic as a sentence in `locale`; a wrapped problem (inside a nested model) is worded in turn. */
export function diagnosticText(d: Diagnostic, locale: Locale, options: DiagnosticTextOptions = {}): string {
  const strings = pick(diagnosticStrings, locale);
  const values: Record<string, string> = {};
  for (const [key, v] of Object.entries(d.values)) values[key] = valueText(key, v, strings, locale);
  values['arg'] = argText(d.arg, locale, options, strings);
  if (d.cause) {
    const inner = diagnosticText(d.cause, locale);
    values['cause'] = d.cause.layer === undefined ? inner : fill(strings.terms.inLayer, { layer: d.cause.layer, text: inner });
  }
  return tidy(fill(strings.codes[d.code], values), locale);
}

/** Chinese runs no space between two Chinese characters (a template's space beside a Chinese label). */
const tidy = (text: string, locale: Locale): string =>
  locale === 'zh-cn' ? text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '') : text;
