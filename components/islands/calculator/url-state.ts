/**
 * A calculator's state in the page address, so a reader can share what they built:
 * `?<preset id>.<field target>=<value>` for every field that differs from the start. Each
 * calculator reads and writes only its own parameters, so several on one page never clash.
 */
import type { CalculatorPreset } from '@lessons/types.ts';
import { parseFieldText } from './fields.ts';

/** Longer URL values are not something a reader typed into a field. */
export const MAX_URL_VALUE = 64;

/** The parameter name of one field. */
export const paramName = (preset: CalculatorPreset, target: string): string => `${preset.id}.${target}`;

export interface UrlRead {
  /** Field index → the text to put in that field. */
  values: Map<number, string>;
  /** This calculator's parameters that were not usable, for the notice (value cut short). */
  ignored: { name: string; value: string }[];
}

const shorten = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

/** This calculator's values in a query string; anything unknown, malformed, duplicated or unparsable is set aside. */
export function readUrl(search: string, preset: CalculatorPreset): UrlRead {
  const values = new Map<number, string>();
  const ignored: UrlRead['ignored'] = [];
  const prefix = `${preset.id}.`;
  for (const [name, value] of new URLSearchParams(search)) {
    if (!name.startsWith(prefix)) continue;
    const target = name.slice(prefix.length);
    const field = preset.fields.findIndex((f) => f.target === target);
    const usable = field >= 0 && !values.has(field) && value.length <= MAX_URL_VALUE && parseFieldText(preset.fields[field]!, value).ok;
    if (usable) values.set(field, value);
    else ignored.push({ name: shorten(name), value: shorten(value) });
  }
  return { values, ignored };
}

/** The query string with this calculator's parameters replaced by the fields that differ from the start; others' parameters stay. */
export function writeUrl(search: string, preset: CalculatorPreset, texts: readonly string[], start: readonly string[]): string {
  const params = new URLSearchParams(search);
  const prefix = `${preset.id}.`;
  for (const name of [...new Set(params.keys())]) if (name.startsWith(prefix)) params.delete(name);
  preset.fields.forEach((f, i) => {
    const text = texts[i] ?? '';
    if (text !== start[i]) params.append(paramName(preset, f.target), text.trim());
  });
  // brackets are legal in a query and keep `conv.kernel_size[0]=5` readable
  const query = params.toString().replace(/%5B/g, '[').replace(/%5D/g, ']');
  return query === '' ? '' : `?${query}`;
}
