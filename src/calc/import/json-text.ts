/**
 * JSON text → value, or a diagnostic that points at the line and column of the first mistake.
 * The engine's own messages do not always carry a position, so a small scanner of our own finds
 * it; the same scanner refuses nesting deep enough to exhaust the stack of the code that reads on.
 */
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../diagnostics.ts';
import type { Diagnostic, DiagnosticLocation, Result } from '../types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isJsonObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a JSON value that is not what was wanted reads in a message: `a list of 3 items`, `the number 42`. */
export function kindOf(v: Json | undefined): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return `the ${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/** No Keras model nests anywhere near this deep; anything deeper is not a model file. */
export const MAX_JSON_DEPTH = 1000;

/** A syntax mistake at a character offset; its line and column are worked out only when reported. */
interface Problem {
  offset: number;
  at: (where: DiagnosticLocation) => Diagnostic;
}

const problem = <C extends DiagnosticCode>(offset: number, code: C, values: ValuesOf<C>): Problem => ({
  offset,
  at: (where) => diagnostic(code, values, where),
});

/**
 * Below this many characters even the deepest nesting costs JSON.parse little (measured on Node 24:
 * 1 MB of brackets in about 0.1 s, against 2 s for 10 MB), so such text is parsed first and its
 * depth checked on the value, a tenth of the parse's time; a text scan costs two thirds of it.
 * Longer text is scanned first, so megabytes of brackets are refused without being parsed.
 */
const PARSE_FIRST_MAX_CHARS = 1 << 20;

/** Parse JSON text, turning a syntax error into a message with line and column. */
export function parseJsonText(text: string): Result<Json> {
  const tooDeep = text.length > PARSE_FIRST_MAX_CHARS ? findExcessiveNesting(text, MAX_JSON_DEPTH) : undefined;
  if (tooDeep) return located(text, tooDeep);
  try {
    return checkedDepth(text, JSON.parse(text) as Json);
  } catch (e) {
    // The nesting is named first, as for long text, whatever else is wrong.
    const tooDeepHere = findExcessiveNesting(text, MAX_JSON_DEPTH);
    if (tooDeepHere) return located(text, tooDeepHere);
    const scan = scanJson(text);
    if (scan.problem) return located(text, scan.problem);
    // Python's json.dumps writes NaN and Infinity; no count depends on such a float, so read them as null.
    if (scan.pythonConstants.length > 0) {
      try {
        return checkedDepth(text, JSON.parse(replaceRanges(text, scan.pythonConstants, 'null')) as Json);
      } catch {
        // fall through to the engine's message
      }
    }
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: diagnostic('json-engine-error', { reason: reason.slice(0, 200) }, { line: 1, column: 1 }) };
  }
}

/** The parsed value made plain (see plainJson), unless it nests deeper than the code that reads on may recurse. */
function checkedDepth(text: string, value: Json): Result<Json> {
  const plain = plainJson(value);
  // Only the text knows where the offending bracket is.
  if (plain === TOO_DEEP) return located(text, findExcessiveNesting(text, MAX_JSON_DEPTH)!);
  if (typeof plain === 'object' && plain !== null) plainValues.add(plain);
  return { ok: true, value: plain };
}

/** What plainJson returns for a value with a container deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP = Symbol('nested too deeply');

/** Values parseJsonText returned: already plain, so a reader need not walk them again. */
const plainValues = new WeakSet<object>();

/** Whether `v` is a value parseJsonText returned (its depth checked, its Python wrappers read). */
export const isPlainJson = (v: Json): boolean => typeof v === 'object' && v !== null && plainValues.has(v);

/**
 * `v` with the values Python's JSON encoder wraps read as the plain lists they are — tf.keras's
 * TensorShape `{"class_name": "TensorShape", "items": [...]}` and Keras 3's tuple
 * `{"class_name": "__tuple__", "config": {"value": [...]}}` — or TOO_DEEP when a container sits
 * deeper than `levels`. One walk does both: walking a parsed model is most of what reading it
 * costs beyond JSON.parse. Only what changes is copied; `v` itself is never modified.
 */
export function plainJson(v: Json, levels = MAX_JSON_DEPTH): Json | typeof TOO_DEEP {
  return typeof v === 'object' && v !== null ? plainContainer(v, levels) : v;
}

function plainContainer(v: Json[] | JsonObject, levels: number): Json | typeof TOO_DEEP {
  if (levels === 0) return TOO_DEEP;
  if (Array.isArray(v)) return plainList(v, levels);
  let out: JsonObject | undefined;
  for (const k in v) {
    const x = v[k]!;
    if (typeof x !== 'object' || x === null) {
      // A wrapper is recognised by its class_name as the keys go by: a lookup of class_name on
      // every object of a model's varied shapes made this walk a third slower.
      if (k === 'class_name' && (x === 'TensorShape' || x === '__tuple__')) {
        const list = wrappedList(v, x, levels);
        if (list !== NOT_WRAPPED) return list;
      }
      // Primitives, most of a model, are passed over without a call.
      continue;
    }
    const y = plainContainer(x, levels - 1);
    if (y === TOO_DEEP) return TOO_DEEP;
    if (y !== x) (out ??= { ...v })[k] = y;
  }
  return out ?? v;
}

const NOT_WRAPPED = Symbol('not a wrapper');

/** The list a TensorShape or tuple wrapper holds, made plain; its depth is checked as written. */
function wrappedList(v: JsonObject, cls: 'TensorShape' | '__tuple__', levels: number): Json | typeof TOO_DEEP | typeof NOT_WRAPPED {
  const config = v['config'];
  const items = cls === 'TensorShape' ? v['items'] : isJsonObject(config) ? config['value'] : undefined;
  if (!Array.isArray(items) && !(cls === 'TensorShape' && items === null)) return NOT_WRAPPED;
  if (containerNestsDeeperThan(v, levels)) return TOO_DEEP;
  // A TensorShape's items are dims, taken as they are; a tuple's list sits two levels down.
  return cls === 'TensorShape' ? (items ?? null) : plainList(items as Json[], levels - 2);
}

/** `plainContainer` over a list at `levels`, copying it only when an item changed. */
function plainList(list: Json[], levels: number): Json[] | typeof TOO_DEEP {
  let out: Json[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    if (typeof x !== 'object' || x === null) continue;
    const y = plainContainer(x, levels - 1);
    if (y === TOO_DEEP) return TOO_DEEP;
    if (y !== x) (out ??= [...list])[i] = y;
  }
  return out ?? list;
}

/** `nestsDeeperThan` for a container; primitives, most of a model, are skipped without a call. */
function containerNestsDeeperThan(v: Json[] | JsonObject, levels: number): boolean {
  if (levels === 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (typeof x === 'object' && x !== null && containerNestsDeeperThan(x, levels - 1)) return true;
    }
  } else {
    for (const k in v) {
      const x = v[k]!;
      if (typeof x === 'object' && x !== null && containerNestsDeeperThan(x, levels - 1)) return true;
    }
  }
  return false;
}

function located(text: string, p: Problem): Result<never> {
  const { line, column } = lineColumn(text, p.offset);
  return { ok: false, error: p.at({ line, column }) };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first bracket that opens level `limit + 1`, ignoring brackets inside strings. */
function findExcessiveNesting(text: string, limit: number): Problem | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = closingQuote(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return problem(i, 'json-too-deep', { limit });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/**
 * Where the string opened at `start` ends (or the text's length if it never does). Most of a Keras
 * file is inside strings, so jumping from quote to quote beats stepping through every character;
 * a quote after an odd run of backslashes is escaped and does not end the string.
 */
function closingQuote(text: string, start: number): number {
  for (let q = text.indexOf('"', start + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return text.length;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end-object' | 'value-or-end' | 'comma-or-end-array' | 'end';

const PYTHON_CONSTANTS = ['-Infinity', 'Infinity', 'NaN'];

/**
 * Walks JSON text without recursion and reports the first syntax mistake in plain words. Also
 * collects the NaN / Infinity tokens Python writes, which are not JSON.
 */
function scanJson(text: string): { problem?: Problem; pythonConstants: [number, number][] } {
  const containers: ('object' | 'array')[] = [];
  const pythonConstants: [number, number][] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  /** The character found where another was expected; null at the end of the text. */
  const found = (at: number): string | null => (at >= n ? null : text[at]!);
  const stop = (p: Problem) => ({ problem: p, pythonConstants });
  /** After a complete value, what may come next depends on the container it sits in. */
  const afterValue = (): Expect => {
    const top = containers[containers.length - 1];
    return top === 'object' ? 'comma-or-end-object' : top === 'array' ? 'comma-or-end-array' : 'end';
  };

  while (true) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) {
      if (expect === 'end') return { pythonConstants };
      if (containers.length === 0 && expect === 'value') return stop(problem(i, 'json-empty', {}));
      return stop(problem(i, 'json-unclosed', { inside: containers[containers.length - 1]! }));
    }
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return stop(problem(i, 'json-trailing', { found: found(i) }));
      case 'colon':
        if (c !== ':') return stop(problem(i, 'json-expected-colon', { found: found(i) }));
        i++;
        expect = 'value';
        continue;
      case 'comma-or-end-object':
      case 'comma-or-end-array': {
        const close = expect === 'comma-or-end-object' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = expect === 'comma-or-end-object' ? 'key' : 'value';
          continue;
        }
        if (c === close) {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        return stop(problem(i, 'json-expected-comma', { close, found: found(i) }));
      }
      case 'key-or-end':
      case 'key': {
        if (c === '}' && expect === 'key-or-end') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        if (c === '}') return stop(problem(i, 'json-trailing-comma', { close: '}' }));
        if (c !== '"')
          return stop(c === "'" ? problem(i, 'json-key-single-quotes', {}) : problem(i, 'json-expected-key', { found: found(i) }));
        const end = scanString(text, i);
        if (typeof end !== 'number') return stop(end);
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-end': {
        if (c === ']' && expect === 'value-or-end') {
          i++;
          containers.pop();
          expect = afterValue();
          continue;
        }
        if (c === ']' && containers[containers.length - 1] === 'array') return stop(problem(i, 'json-trailing-comma', { close: ']' }));
        if (c === '{') {
          containers.push('object');
          i++;
          expect = 'key-or-end';
          continue;
        }
        if (c === '[') {
          containers.push('array');
          i++;
          expect = 'value-or-end';
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return stop(end);
          i = end;
          expect = afterValue();
          continue;
        }
        if (c === "'") return stop(problem(i, 'json-string-single-quotes', {}));
        const constant = PYTHON_CONSTANTS.find((k) => text.startsWith(k, i));
        if (constant) {
          pythonConstants.push([i, i + constant.length]);
          i += constant.length;
          expect = afterValue();
          continue;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          const end = scanNumber(text, i);
          if (typeof end !== 'number') return stop(end);
          i = end;
          expect = afterValue();
          continue;
        }
        const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 20))?.[0];
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          expect = afterValue();
          continue;
        }
        if (word === 'True' || word === 'False' || word === 'None') {
          return stop(problem(i, 'json-python-word', { word, json: word === 'None' ? 'null' : word.toLowerCase() }));
        }
        return stop(problem(i, 'json-expected-value', { found: word ?? found(i) }));
      }
    }
  }
}

/** Offset just past the string that starts at `start`, or the mistake inside it. */
function scanString(text: string, start: number): number | Problem {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return problem(i, 'json-control-character', {});
    if (c === BACKSLASH) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return problem(i, 'json-bad-unicode-escape', {});
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return problem(i, 'json-bad-escape', { escape: e ?? '' });
    }
  }
  return problem(start, 'json-unclosed-string', {});
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/** Offset just past the number that starts at `start`, or why it is not a JSON number. */
function scanNumber(text: string, start: number): number | Problem {
  NUMBER.lastIndex = start;
  const m = NUMBER.exec(text);
  if (!m) return problem(start, 'json-bad-minus', { found: text[start + 1] ?? '' });
  const end = start + m[0].length;
  if (/^[0-9]/.test(text[end] ?? '')) return problem(start, 'json-leading-zero', {});
  if (text[end] === '.') return problem(end, 'json-bare-decimal-point', {});
  return end;
}

function replaceRanges(text: string, ranges: [number, number][], by: string): string {
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    out += text.slice(at, from) + by;
    at = to;
  }
  return out + text.slice(at);
}
