/**
 * An engine diagnostic in words, given the page's dictionaries: the code's template from
 * diagnostics.json, filled with its values, the argument named as the calculators label it
 * (args.json). It imports no dictionary itself, so an island that brings its locale's dictionaries
 * as props (the model lab) does not load every locale's; diagnostic-text.ts picks them by locale.
 */
import type { Diagnostic, DiagnosticValue } from '@calc/basics.ts';
import { fill, tidyChinese } from './fill.ts';
import type { ArgLabels, DiagnosticStrings, Locale } from './index.ts';

/** The dictionaries a diagnostic is worded with, in one locale. */
export interface DiagnosticWords {
  diagnostics: DiagnosticStrings;
  args: ArgLabels;
}

export interface DiagnosticTextOptions {
  /** The field's own label, when the page shows one for the argument at fault (`Input height`). */
  argLabel?: string;
  /** The layer the problem belongs to, when the page shows several (`Conv2D: …`, `Conv2D：…`). */
  layer?: string;
}

type SpatialWord = keyof ArgLabels['axis'];

/** The spatial axes of a window of 1, 2 or 3 axes, in Keras's order: what `kernel_size[1]` is the size along. */
export const SPATIAL_AXES: Readonly<Record<number, readonly SpatialWord[]>> = {
  1: ['length'],
  2: ['height', 'width'],
  3: ['depth', 'height', 'width'],
};

/** Values that name an axis in words (`height`, `[batch, height, width, channels]`): translated, not quoted. */
const AXIS_WORDS = new Set(['axis', 'layout']);

/** `−70` with a real minus sign, `9,007,199,254,740,991` and `1,234.5` grouped, as the lessons print numbers. */
function numberText(n: number): string {
  const digits = Math.abs(n).toLocaleString('en-US', { maximumFractionDigits: 20 });
  return n < 0 ? `−${digits}` : digits;
}

/**
 * What the reader gave (an `entered` value) as the lessons write it: numbers as above, text in
 * quotation marks, a tuple as the lessons write a kernel or a window, `3 × 0` (commas would run
 * into the digit grouping: `12,345 × 3`); a tuple inside one, or of one value, in parentheses.
 */
function enteredText(v: DiagnosticValue, nested = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return `“${v}”`;
  if (Array.isArray(v)) {
    const items = v.map((x: DiagnosticValue) => enteredText(x, true));
    return nested || items.length < 2 ? `(${items.join(', ')})` : items.join(' × ');
  }
  // an object where a number belongs can only come from a hand-edited file
  return JSON.stringify(v);
}

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

function valueText(key: string, v: DiagnosticValue, strings: DiagnosticStrings, locale: Locale): string {
  if (key === 'entered') return enteredText(v);
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return AXIS_WORDS.has(key) ? (own(strings.terms, v) ?? v) : v;
  if (!Array.isArray(v)) return JSON.stringify(v);
  const item = (x: DiagnosticValue): string =>
    typeof x === 'string' ? (AXIS_WORDS.has(key) ? (own(strings.terms, x) ?? x) : `"${x}"`) : valueText(key, x, strings, locale);
  return (v as readonly DiagnosticValue[]).map(item).join(locale === 'zh-cn' ? '、' : ', ');
}

/**
 * The argument at fault as the page names it: the field's label, else the calculators' label,
 * else its Keras name; one element of a tuple (`kernel_size[1]` of 2 `axes`) by its axis, as the
 * calculators label such a field (`Kernel size, width`).
 */
function argText(d: Diagnostic, options: DiagnosticTextOptions, strings: DiagnosticStrings, labels: ArgLabels): string {
  if (options.argLabel !== undefined) return options.argLabel;
  if (d.arg === undefined) return strings.terms.value;
  const m = /^(\w+)\[(\d+)\]$/.exec(d.arg);
  const name = m ? m[1]! : d.arg;
  const label = own(labels.arg, name) ?? name;
  if (!m) return label;
  const index = Number(m[2]);
  const axes = d.values['axes'];
  const word = typeof axes === 'number' ? SPATIAL_AXES[axes]?.[index] : undefined;
  return fill(labels.argAxis, { arg: label, axis: word === undefined ? fill(labels.axis.other, { n: index }) : labels.axis[word] });
}

/** One diagnostic as a sentence with `words`, in `locale`; a wrapped problem (inside a nested model) is worded in turn. */
export function wordDiagnostic(d: Diagnostic, words: DiagnosticWords, locale: Locale, options: DiagnosticTextOptions = {}): string {
  const strings = words.diagnostics;
  const values: Record<string, string> = {};
  for (const [key, v] of Object.entries(d.values)) values[key] = valueText(key, v, strings, locale);
  values['arg'] = argText(d, options, strings, words.args);
  if (d.cause) {
    const inner = wordDiagnostic(d.cause, words, locale);
    values['cause'] = d.cause.layer === undefined ? inner : fill(strings.terms.inLayer, { layer: d.cause.layer, text: inner });
  }
  const text = tidy(fill(strings.codes[d.code], values), locale);
  return options.layer === undefined ? text : fill(strings.terms.inLayer, { layer: options.layer, text });
}

/** Chinese spacing (fill.ts's tidyChinese); other languages as filled. */
const tidy = (text: string, locale: Locale): string => (locale === 'zh-cn' ? tidyChinese(text) : text);
