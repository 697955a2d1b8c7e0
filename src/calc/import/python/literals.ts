/**
 * Python's literals and comparisons as the evaluator needs them: number and string syntax, escapes,
 * format specs, `%` formatting, equality, ordering and slicing.
 */
import type { Diagnostic } from '../../types.ts';
import { isSeq, type Py, pyRepr, pyStr } from './values.ts';

/** A Python error the code would raise: the statement is skipped and the problem reported. */
export class PyError extends Error {
  /** The list literal the error stopped, and the items made before it (where it starts, in the source). */
  stoppedList?: { from: number; items: Py[] };
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Python numbers: `10`, `1_000`, `0x1f`, `1e-3`, `3.`; a float that is whole stays a JS number too. */
export function parseNumber(text: string): number {
  const t = text.replace(/_/g, '').toLowerCase();
  if (/^0[xob]/.test(t)) return Number(t);
  if (t.endsWith('j')) return Number.NaN;
  return Number(t.replace(/l$/, ''));
}

export function parseString(text: string): string {
  const m = text.match(/^([a-zA-Z]*)("""|'''|"|')/);
  if (!m) return text;
  const prefix = m[1]!.toLowerCase();
  const body = text.slice(m[0].length, text.length - m[2]!.length);
  return prefix.includes('r') ? body : unescapePython(body);
}

export function unescapePython(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|\n|.)/g, (_, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '\n': '',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '0': '\0',
    };
    if (e in simple) return simple[e]!;
    if (/^[xuU]/.test(e)) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    return `\\${e}`;
  });
}

/** A float Python would print with a decimal point is still a JS number; only division marks one. */
export const toFloat = (n: number): number => n;

export function formatValue(v: Py, spec: string): string {
  if (typeof v === 'number') {
    const m = spec.match(/^(0?)(\d*)(?:\.(\d+))?([dfeg%]?)$/);
    if (m) {
      let s = m[3] !== undefined ? v.toFixed(Number(m[3])) : String(v);
      if (m[4] === 'd') s = String(Math.trunc(v));
      const width = Number(m[2] || 0);
      return m[1] === '0' ? s.padStart(width, '0') : s.padStart(width, ' ');
    }
  }
  return pyStr(v);
}

export function percentFormat(fmt: string, v: Py): string {
  const values = isSeq(v) && v.kind === 'tuple' ? [...v.items] : [v];
  return fmt.replace(/%(0?\d*)([sdfr%])/g, (_, width: string, conv: string) => {
    if (conv === '%') return '%';
    const x = values.shift() ?? null;
    const s = conv === 'r' ? pyRepr(x) : conv === 'd' && typeof x === 'number' ? String(Math.trunc(x)) : pyStr(x);
    return width.startsWith('0') ? s.padStart(Number(width), '0') : s.padStart(Number(width || 0));
  });
}

export function equal(a: Py, b: Py): boolean {
  if (typeof a === 'boolean') a = Number(a);
  if (typeof b === 'boolean') b = Number(b);
  if (a === b) return true;
  if (isSeq(a) && isSeq(b)) return a.kind === b.kind && a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]!));
  return false;
}

export function compare(op: string, c: number): boolean {
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

export function compareSeq(a: Py[], b: Py[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === 'number' && typeof y === 'number' && x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Python slicing, `seq[start:stop:step]` with negative indices. */
export function slice<T>(seq: readonly T[] | string, s: { start: Py; stop: Py; step: Py }, fail: (reason: string) => never): T[] | string {
  const n = seq.length;
  const step = s.step === null ? 1 : Number(s.step);
  if (!Number.isInteger(step) || step === 0) fail('slice step must be a non-zero integer');
  const norm = (v: Py, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    if (typeof v !== 'number') fail('slice indices must be integers');
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const start = norm(s.start, step > 0 ? 0 : n - 1, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
  const stop = norm(s.stop, step > 0 ? n : -1, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
  const out: T[] = [];
  const chars: string[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (typeof seq === 'string') chars.push(seq[i]!);
    else out.push(seq[i]!);
  }
  return typeof seq === 'string' ? chars.join('') : out;
}
