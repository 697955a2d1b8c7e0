/**
 * The lab's argument fields hold Python literals, as they would appear in a Keras call:
 * `64`, `(3, 3)`, `"same"`, `None`, `True`, `0.5`, `[1, 2]`. A bare word (`same`, `relu`) is read
 * as the string it spells, so a reader need not type quotes. Anything else gets a located
 * message (the column where reading stopped) and src/calc never sees it.
 */

export type LiteralProblem =
  /** Nothing typed where a value is needed. */
  | { problem: 'empty' }
  /** Reading stopped at `column` (1-based) on `found`. */
  | { problem: 'unexpected'; column: number; found: string }
  /** A bracket or quote opened and never closed. */
  | { problem: 'unclosed'; column: number; found: string };

export type LiteralResult = { ok: true; value: unknown } | ({ ok: false } & LiteralProblem);

/** Nested brackets deeper than this are not a Keras argument. */
const MAX_DEPTH = 8;
/** Nor is a field longer than this. */
export const MAX_LITERAL_LENGTH = 400;

const WORD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const NUMBER = /^[+-]?(?:\d[\d_]*\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)/i;

class Reader {
  at = 0;
  constructor(readonly text: string) {}

  skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  fail(problem: 'unexpected' | 'unclosed', at = this.at): never {
    const found = at >= this.text.length ? '' : this.text.slice(at, at + 12);
    throw { problem, column: at + 1, found } satisfies LiteralProblem;
  }

  value(depth: number): unknown {
    this.skip();
    const rest = this.text.slice(this.at);
    const c = rest.charAt(0);
    if (c === '(' || c === '[') return this.sequence(c, depth);
    if (c === '{') return this.dict(depth);
    if (c === '"' || c === "'") return this.string(c);
    const number = NUMBER.exec(rest);
    if (number && number[0] !== '+' && number[0] !== '-') {
      this.at += number[0].length;
      return Number(number[0].replace(/_/g, ''));
    }
    const word = WORD.exec(rest);
    if (word) {
      this.at += word[0].length;
      if (word[0] === 'None') return null;
      if (word[0] === 'True') return true;
      if (word[0] === 'False') return false;
      return word[0];
    }
    return this.fail('unexpected');
  }

  sequence(open: string, depth: number): unknown[] {
    if (depth >= MAX_DEPTH) this.fail('unexpected');
    const start = this.at;
    const close = open === '(' ? ')' : ']';
    this.at++;
    const items: unknown[] = [];
    let comma = false;
    /** True right after an item: a comma or the closing bracket must follow. */
    let after = false;
    for (;;) {
      this.skip();
      if (this.at >= this.text.length) this.fail('unclosed', start);
      if (this.text[this.at] === close) {
        this.at++;
        // `(3)` is 3 in Python; `(3,)` is a tuple
        return open === '(' && items.length === 1 && !comma ? (items[0] as unknown[]) : items;
      }
      if (after) {
        if (this.text[this.at] !== ',') this.fail('unexpected');
        this.at++;
        comma = true;
        after = false;
        continue;
      }
      items.push(this.value(depth + 1));
      after = true;
    }
  }

  /** `{"key": value, …}`: a wrapped layer's config (Bidirectional's `layer`), keys quoted. */
  dict(depth: number): Record<string, unknown> {
    if (depth >= MAX_DEPTH) this.fail('unexpected');
    const start = this.at;
    this.at++;
    const out: Record<string, unknown> = {};
    let after = false;
    for (;;) {
      this.skip();
      if (this.at >= this.text.length) this.fail('unclosed', start);
      const c = this.text[this.at];
      if (c === '}') {
        this.at++;
        return out;
      }
      if (after) {
        if (c !== ',') this.fail('unexpected');
        this.at++;
        after = false;
        continue;
      }
      if (c !== '"' && c !== "'") this.fail('unexpected');
      const key = this.string(c);
      this.skip();
      if (this.text[this.at] !== ':') this.fail('unexpected');
      this.at++;
      const value = this.value(depth + 1);
      if (key !== '__proto__') out[key] = value;
      after = true;
    }
  }

  string(quote: string): string {
    const start = this.at;
    let out = '';
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text[this.at]!;
      if (c === quote) {
        this.at++;
        return out;
      }
      if (c === '\\' && this.at + 1 < this.text.length) {
        const e = this.text[this.at + 1]!;
        const hex = /^u[0-9a-fA-F]{4}/.exec(this.text.slice(this.at + 1, this.at + 6));
        if (hex) {
          out += String.fromCharCode(Number.parseInt(hex[0].slice(1), 16));
          this.at += 6;
          continue;
        }
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        this.at += 2;
        continue;
      }
      out += c;
      this.at++;
    }
    return this.fail('unclosed', start);
  }
}

/**
 * A field's text as the value a Keras call would receive. A bare comma list (`3, 3`) is a tuple,
 * as Python reads it. Empty text is a problem: a field with a Keras default is left at that default
 * by the lab, never sent empty.
 */
export function readLiteral(text: string): LiteralResult {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_LITERAL_LENGTH) return { ok: false, problem: 'unexpected', column: MAX_LITERAL_LENGTH + 1, found: '' };
  const reader = new Reader(text);
  try {
    const first = reader.value(0);
    reader.skip();
    if (reader.at >= text.length) return { ok: true, value: first };
    if (text[reader.at] !== ',') reader.fail('unexpected');
    // `3, 3` → (3, 3)
    const wrapped = new Reader(`(${text},)`);
    const value = wrapped.sequence('(', 0);
    wrapped.skip();
    if (wrapped.at < wrapped.text.length) wrapped.fail('unexpected');
    return { ok: true, value };
  } catch (thrown) {
    if (typeof thrown === 'object' && thrown !== null && 'problem' in thrown) {
      const p = thrown as LiteralProblem;
      // a column inside the `(…,)` wrapper is one further right than in the typed text
      if (p.problem !== 'empty' && text.length > 0 && reader.at < text.length && p.column > text.length) {
        return { ok: false, ...p, column: text.length };
      }
      return { ok: false, ...p };
    }
    throw thrown;
  }
}

/** A value as the field shows it: `64`, `(3, 3)`, `"same"`, `None`, `True`. */
export function literalText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 1 ? `(${literalText(value[0])},)` : `(${value.map(literalText).join(', ')})`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}: ${literalText(v)}`)
      .join(', ')}}`;
  return String(value);
}
