/**
 * The parts of Python's library model code leans on: builtins (`range`, `len`, `zip`, `min`…) and
 * the methods of lists, dicts and strings, on the evaluator's values (evaluate.ts). Anything else
 * is an unknown, reported only if a model needs it.
 */
import { diagnostic } from '../../diagnostics.ts';
import type { Evaluator } from './evaluate.ts';
import { equal, formatValue, PyError, toFloat } from './literals.ts';
import {
  isDict,
  isObj,
  isSeq,
  isUnknown,
  keyOf,
  list,
  type Loc,
  type Py,
  type PyDict,
  pyRepr,
  pyStr,
  rangeLength,
  truthy,
  tuple,
  typeName,
  unknown,
} from './values.ts';

export const BUILTINS = new Map(
  'print range len int float bool str repr abs round min max sum list tuple set sorted reversed dict zip enumerate isinstance hasattr callable getattr super type open input any all divmod pow'
    .split(' ')
    .map((n) => [n, n]),
);

/** Methods of lists, dicts and strings that model code uses. */
export function callMethod(ev: Evaluator, self: Py, name: string, args: Py[], at: Loc): Py {
  if (isSeq(self) && self.kind === 'list') {
    if (name === 'append') {
      self.items.push(args[0] ?? null);
      ev.checkLength(self.items.length, undefined);
      return null;
    }
    if (name === 'extend') {
      self.items.push(...(ev.iterate(args[0] ?? null, at) ?? []));
      return null;
    }
    if (name === 'insert' && typeof args[0] === 'number') {
      self.items.splice(args[0], 0, args[1] ?? null);
      return null;
    }
    if (name === 'pop') return self.items.splice(typeof args[0] === 'number' ? args[0] : -1, 1)[0] ?? null;
    if (name === 'copy') return list([...self.items]);
  }
  if (isSeq(self) && name === 'index') return self.items.findIndex((x) => equal(x, args[0] ?? null));
  if (isSeq(self) && name === 'count') return self.items.filter((x) => equal(x, args[0] ?? null)).length;
  if (isDict(self)) {
    const entries = [...self.entries.values()];
    if (name === 'items') return list(entries.map((e) => tuple([e.key, e.value])));
    if (name === 'keys') return list(entries.map((e) => e.key));
    if (name === 'values') return list(entries.map((e) => e.value));
    if (name === 'get') {
      const k = keyOf(args[0] ?? null);
      return (k !== undefined ? self.entries.get(k)?.value : undefined) ?? args[1] ?? null;
    }
    if (name === 'copy') return { kind: 'dict', entries: new Map(self.entries) };
    if (name === 'update' && isDict(args[0] ?? null)) {
      for (const [k, e] of (args[0] as PyDict).entries) self.entries.set(k, e);
      return null;
    }
    if (name === 'setdefault') {
      const k = keyOf(args[0] ?? null);
      if (k !== undefined && !self.entries.has(k)) self.entries.set(k, { key: args[0]!, value: args[1] ?? null });
      return k !== undefined ? self.entries.get(k)!.value : null;
    }
  }
  if (typeof self === 'string') {
    const s = self;
    const a = args.map((x) => (typeof x === 'string' ? x : pyStr(x)));
    switch (name) {
      case 'format': {
        let i = 0;
        return s.replace(/\{(\w*)(?::([^}]*))?\}/g, (_, key: string, spec: string | undefined) => {
          const v = key === '' ? args[i++] : /^\d+$/.test(key) ? args[Number(key)] : undefined;
          return v === undefined ? '' : formatValue(v, spec ?? '');
        });
      }
      case 'upper':
        return s.toUpperCase();
      case 'lower':
        return s.toLowerCase();
      case 'strip':
        return s.trim();
      case 'replace':
        return s.split(a[0] ?? '').join(a[1] ?? '');
      case 'join':
        return (ev.iterate(args[0] ?? null, at) ?? []).map(pyStr).join(s);
      case 'split':
        return list(a[0] ? s.split(a[0]) : s.trim().split(/\s+/));
      case 'startswith':
        return s.startsWith(a[0] ?? '');
      case 'endswith':
        return s.endsWith(a[0] ?? '');
    }
  }
  return unknown(`.${name}(…)`, at);
}

/** The Python builtins model code calls; the rest give an unknown. */
export function callBuiltin(ev: Evaluator, name: string, args: Py[], kwargs: Map<string, Py>, at: Loc): Py {
  const a0 = args[0] ?? null;
  const num = (v: Py): number => {
    if (typeof v === 'number' || typeof v === 'boolean') return Number(v);
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
    if (isUnknown(v)) throw new PyError(diagnostic('python-not-static', { what: v.what }, v.at));
    ev.fail('python-bad-operand', { op: `${name}()`, left: typeName(v), right: '' }, at);
  };
  for (const v of args) if (isUnknown(v) && name !== 'print' && name !== 'isinstance') return v;
  switch (name) {
    case 'print':
      return null;
    case 'range': {
      const [start, stop, step] = args.length === 1 ? [0, num(a0), 1] : [num(a0), num(args[1]!), args[2] === undefined ? 1 : num(args[2])];
      if (step === 0) ev.fail('python-bad-slice', {}, at);
      return { kind: 'range', start, stop, step };
    }
    case 'len': {
      if (isObj(a0) && a0.kind === 'range') return rangeLength(a0);
      const items = ev.iterate(a0, at);
      return items ? items.length : unknown('len(…)', at);
    }
    case 'int':
      return typeof a0 === 'string' ? Number.parseInt(a0, typeof args[1] === 'number' ? args[1] : 10) : Math.trunc(num(a0));
    case 'float':
      return toFloat(num(a0));
    case 'bool':
      return truthy(a0) ?? unknown('bool(…)', at);
    case 'str':
      return args.length === 0 ? '' : pyStr(a0);
    case 'repr':
      return pyRepr(a0);
    case 'abs':
      return Math.abs(num(a0));
    case 'round': {
      const digits = args[1] === undefined || args[1] === null ? 0 : num(args[1]);
      const f = 10 ** digits;
      const x = num(a0) * f;
      const r = Math.round(x);
      const even = Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
      return args[1] === undefined ? even : toFloat(even / f);
    }
    case 'min':
    case 'max': {
      const items = args.length === 1 ? (ev.iterate(a0, at) ?? []) : args;
      if (items.length === 0) ev.fail('python-bad-operand', { op: `${name}()`, left: 'empty sequence', right: '' }, at);
      return items.reduce((best, x) => (ev.binary(name === 'min' ? '<' : '>', x, best, at) === true ? x : best));
    }
    case 'sum': {
      let total: Py = args[1] ?? 0;
      for (const x of ev.iterate(a0, at) ?? []) total = ev.binary('+', total, x, at);
      return total;
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'sorted':
    case 'reversed': {
      const items = args.length === 0 ? [] : ev.iterate(a0, at);
      if (!items) return unknown(`${name}(…)`, at);
      let out = [...items];
      if (name === 'sorted') out.sort((x, y) => (ev.binary('<', x, y, at) === true ? -1 : ev.binary('<', y, x, at) === true ? 1 : 0));
      if (name === 'reversed' || (name === 'sorted' && kwargs.get('reverse') === true)) out = out.reverse();
      return name === 'tuple' ? tuple(out) : list(out);
    }
    case 'dict': {
      const d: PyDict = { kind: 'dict', entries: new Map() };
      if (isDict(a0)) for (const [k, e] of a0.entries) d.entries.set(k, e);
      else
        for (const pair of ev.iterate(a0, at) ?? []) {
          const kv = ev.iterate(pair, at);
          const k = kv ? keyOf(kv[0] ?? null) : undefined;
          if (kv && k !== undefined) d.entries.set(k, { key: kv[0]!, value: kv[1] ?? null });
        }
      for (const [k, v] of kwargs) d.entries.set(`s:${k}`, { key: k, value: v });
      return d;
    }
    case 'zip': {
      const lists = args.map((x) => ev.iterate(x, at));
      if (lists.some((l) => l === undefined)) return unknown('zip(…)', at);
      const n = Math.min(...lists.map((l) => l!.length));
      return list(Array.from({ length: Number.isFinite(n) ? n : 0 }, (_, i) => tuple(lists.map((l) => l![i]!))));
    }
    case 'enumerate': {
      const items = ev.iterate(a0, at);
      if (!items) return unknown('enumerate(…)', at);
      const start = args[1] === undefined ? Number(kwargs.get('start') ?? 0) : num(args[1]);
      return list(items.map((x, i) => tuple([start + i, x])));
    }
    case 'isinstance':
    case 'hasattr':
    case 'callable':
    case 'getattr':
    case 'super':
    case 'type':
    case 'open':
    case 'input':
      return unknown(`${name}(…)`, at);
    case 'any':
    case 'all': {
      const items = ev.iterate(a0, at) ?? [];
      const ts = items.map(truthy);
      if (ts.some((t) => t === undefined)) return unknown(`${name}(…)`, at);
      return name === 'any' ? ts.some(Boolean) : ts.every(Boolean);
    }
    case 'divmod':
      return tuple([Math.floor(num(a0) / num(args[1]!)), ((num(a0) % num(args[1]!)) + num(args[1]!)) % num(args[1]!)]);
    case 'pow':
      return num(a0) ** num(args[1]!);
    default:
      return unknown(`${name}(…)`, at);
  }
}
