/**
 * Fill `{name}` placeholders in a UI string; a placeholder without a value stays visible, so a gap
 * shows up in review. `{name?one|other}` is English's plural choice for the count in `name`:
 * `{n} {n?window|windows}` reads "1 window", "3 windows" (Chinese strings need none).
 */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)(?:\?([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    if (v === undefined) return whole;
    if (one === undefined || other === undefined) return String(v);
    return String(v).trim() === '1' ? one : other;
  });

/**
 * A label and the message it introduces: `Cannot compute: …` in English, `无法计算：…` in Chinese,
 * where the label's full-width colon already carries the space.
 */
export const labelled = (label: string, message: string): string =>
  (/[\u3000-\u303f\uff00-\uffef]$/.test(label) ? label : `${label} `) + message;

/**
 * Chinese runs no space between two Chinese characters or beside full-width punctuation and
 * quotation marks (a template's space beside a Chinese label, or before a quoted value: 是“abc”).
 */
export const tidyChinese = (text: string): string =>
  text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef\u2018-\u201d]) (?=[\u3000-\u9fff\uff00-\uffef\u2018-\u201d])/g, '');

/** A role's name beside its number: `unit|units` in a dictionary reads `1 unit`, `32 units`. */
export function roleName<R extends string>(names: Readonly<Record<R, string>>, role: R, value: number): string {
  const [one, many] = names[role].split('|') as [string, string | undefined];
  return many !== undefined && value !== 1 ? many : one;
}
