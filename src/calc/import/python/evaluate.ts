/**
 * A static evaluator for the Python that builds Keras models: it walks the syntax tree and follows
 * values it can know without running anything (literals, arithmetic, names, functions called with
 * known arguments, loops over known sequences). No code is executed: there is no eval, no Function,
 * no Python. Every statement and expression costs a step from a fixed budget and nesting is
 * bounded, so `while True:`, a 10⁹-step loop or endless recursion end with a located message.
 *
 * What it cannot follow becomes an `Unknown` that remembers where it came from; it is reported
 * only if the model needs it. Keras itself (layers, models, tensors) lives in keras-api.ts.
 */
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../../diagnostics.ts';
import type { Diagnostic } from '../../types.ts';
import { BUILTINS, callBuiltin, callMethod } from './builtins.ts';
import {
  compare,
  compareSeq,
  equal,
  formatValue,
  parseNumber,
  parseString,
  percentFormat,
  PyError,
  slice,
  toFloat,
  unescapePython,
} from './literals.ts';
import { children, parts, type Source, type SyntaxNode } from './source.ts';

export { PyError };
import {
  isDict,
  isObj,
  isSeq,
  isUnknown,
  keyOf,
  list,
  type Loc,
  type Py,
  type PyClass,
  type PyDict,
  type PyFunction,
  pyRepr,
  pyStr,
  rangeLength,
  truthy,
  tuple,
  typeName,
  unknown,
} from './values.ts';

/** How many statements and expressions one reading may evaluate. */
export const MAX_STEPS = 2_000_000;
/** How deeply expressions may nest, and functions call one another. */
export const MAX_NESTING = 200;
export const MAX_CALL_DEPTH = 64;
/** The longest string or list the reader builds (`"a" * 10**9` stops here). */
export const MAX_LENGTH = 1_000_000;
/** Expressions that only state a value: the arguments after a stopped list that are still read. */
const LITERALS = new Set(['Number', 'String', 'Boolean', 'None']);

/** Stops the whole reading: the budget ran out, or nesting went too deep. */
export class Halt extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

class Return {
  constructor(readonly value: Py) {}
}
class Break {}
class Continue {}

export class Scope {
  readonly vars = new Map<string, Py>();
  readonly globals = new Set<string>();
  constructor(readonly parent?: Scope) {}

  lookup(name: string): Py | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name);
    return undefined;
  }

  set(name: string, value: Py): void {
    if (this.globals.has(name) && this.parent) {
      let root: Scope = this;
      while (root.parent) root = root.parent;
      root.vars.set(name, value);
    } else this.vars.set(name, value);
  }
}

/** What Keras adds to the language: imports, attributes and calls of Keras objects. */
export interface Host {
  /** `import a.b` / `from a import b`: the value a dotted module path stands for. */
  module(path: string): Py;
  /** Attribute of a value the evaluator does not know itself (modules, layers, models, tensors). */
  attribute(obj: Py, name: string, at: Loc, nameAt?: Loc): Py;
  /** Setting `obj.name = value` (freezing a layer). Returns false when the host does not handle it. */
  setAttribute(obj: Py, name: string, value: Py, at: Loc): boolean;
  /** Calling something the evaluator does not know itself. */
  call(callee: Py, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py;
  /**
   * `name = f([a, b, c])` at the top of the script, stopped by a problem in the list: `args` and
   * `kwargs` hold the items made before it and the literal arguments (the host keeps what it can).
   */
  stoppedCall?(callee: Py, args: Py[], kwargs: Map<string, Py>, at: Loc, problem: Diagnostic, variable: string): void;
  /** `class X(base)`: what kind of class the base makes it. */
  classBase(base: Py): PyClass['base'];
  /** Iterating a host value (a model's `.layers`). */
  items?(obj: Py, at: Loc): Py[] | undefined;
  /** Tensor arithmetic (`x + y`), or undefined when neither side is the host's. */
  binary?(op: string, left: Py, right: Py, at: Loc): Py | undefined;
}

export class Evaluator {
  steps = 0;
  private nesting = 0;
  private callDepth = 0;
  readonly global = new Scope();
  /** Problems found along the way; the caller decides which matter. */
  readonly problems: Diagnostic[] = [];

  constructor(
    readonly source: Source,
    readonly host: Host,
  ) {}

  // ---- errors ----

  fail<C extends DiagnosticCode>(code: C, values: ValuesOf<C>, at: Loc): never {
    throw new PyError(diagnostic(code, values, at));
  }

  note<C extends DiagnosticCode>(code: C, values: ValuesOf<C>, at: Loc): void {
    this.problems.push(diagnostic(code, values, at));
  }

  private tick(node: SyntaxNode): void {
    if (++this.steps > MAX_STEPS) throw new Halt(diagnostic('python-step-budget', { steps: MAX_STEPS }, this.source.at(node)));
  }

  // ---- statements ----

  run(): void {
    this.block(children(this.source.tree.topNode), this.global);
  }

  private block(statements: SyntaxNode[], scope: Scope): void {
    for (const s of statements) this.statement(s, scope);
  }

  /**
   * One statement. A Python error ends the top-level statement it happens in (a whole loop, a
   * whole call), which is reported and skipped — the rest of the script goes on, as the next
   * cell of a notebook would.
   */
  private statement(node: SyntaxNode, scope: Scope): void {
    this.tick(node);
    if (this.depth > 0) {
      this.statementOrThrow(node, scope);
      return;
    }
    this.depth++;
    try {
      this.statementOrThrow(node, scope);
    } catch (e) {
      if (e instanceof PyError) this.problems.push(e.diagnostic);
      // `return`, `break` or `continue` outside a function or loop: Python refuses the file for it
      else if (e instanceof Return || e instanceof Break || e instanceof Continue) {
        throw new Halt(
          diagnostic(
            'python-syntax',
            { found: e instanceof Return ? 'return' : e instanceof Break ? 'break' : 'continue' },
            this.source.at(node),
          ),
        );
      } else throw e;
    } finally {
      this.depth--;
    }
  }

  /** Above 0 inside a top-level statement. */
  private depth = 0;

  private statementOrThrow(node: SyntaxNode, scope: Scope): void {
    switch (node.name) {
      case 'ExpressionStatement':
        this.expr(children(node)[0]!, scope);
        return;
      case 'AssignStatement':
        this.assign(node, scope);
        return;
      case 'UpdateStatement':
        this.update(node, scope);
        return;
      case 'ImportStatement':
        this.importStatement(node, scope);
        return;
      case 'StatementGroup':
        // `a = 1; b = 2`: statements one after the other on one line
        for (const c of children(node)) if (c.name !== ';') this.statementOrThrow(c, scope);
        return;
      case 'FunctionDefinition':
        this.defineFunction(node, scope);
        return;
      case 'ClassDefinition':
        this.defineClass(node, scope);
        return;
      case 'DecoratedStatement': {
        const inner = children(node).find((c) => c.name === 'FunctionDefinition' || c.name === 'ClassDefinition');
        if (inner) this.statementOrThrow(inner, scope);
        return;
      }
      case 'IfStatement':
        this.ifStatement(node, scope);
        return;
      case 'ForStatement':
        this.forStatement(node, scope);
        return;
      case 'WhileStatement':
        this.whileStatement(node, scope);
        return;
      case 'ReturnStatement': {
        const value = children(node)[1];
        throw new Return(value ? this.expr(value, scope) : null);
      }
      case 'BreakStatement':
        throw new Break();
      case 'ContinueStatement':
        throw new Continue();
      case 'TryStatement': {
        // the body runs; handlers would only run on an error the reader does not model
        const cs = children(node);
        cs.forEach((c, i) => {
          if (c.name === 'Body' && cs[i - 1]?.name === 'try') this.body(c, scope);
        });
        return;
      }
      case 'WithStatement':
        for (const c of children(node)) if (c.name === 'Body') this.body(c, scope);
        return;
      case 'ScopeStatement':
        if (children(node)[0]?.name === 'global') for (const n of parts(node).slice(1)) scope.globals.add(this.source.textOf(n));
        return;
      case 'PassStatement':
      case 'AssertStatement':
      case 'DeleteStatement':
      case 'RaiseStatement':
      case 'PrintStatement':
        return;
      default:
        return;
    }
  }

  body(node: SyntaxNode, scope: Scope): void {
    this.block(
      children(node).filter((c) => c.name !== ':'),
      scope,
    );
  }

  private assign(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    // a = b = value: every group of targets before an `=`, the value after the last one
    const groups: SyntaxNode[][] = [[]];
    for (const c of cs) {
      if (c.name === 'AssignOp') groups.push([]);
      else if (c.name !== 'TypeDef') groups[groups.length - 1]!.push(c);
    }
    const valueNodes = groups.pop()!;
    if (groups.length === 0) return; // `x: int` declares without assigning
    const value = this.exprList(valueNodes, scope);
    for (const targets of groups) this.bind(targets, value, scope);
  }

  /** Several comma-separated expressions make a tuple. */
  private exprList(nodes: SyntaxNode[], scope: Scope): Py {
    const items = nodes.filter((n) => n.name !== ',');
    if (items.length === 1 && !nodes.some((n) => n.name === ',')) return this.expr(items[0]!, scope);
    return tuple(this.spreadItems(nodes, scope));
  }

  /** Bind a value to targets: a name, `a, b`, `(a, b)`, `[a, *rest]`, `obj.attr`, `obj[key]`. */
  private bind(targets: SyntaxNode[], value: Py, scope: Scope): void {
    const items = targets.filter((n) => n.name !== ',');
    if (items.length === 1 && !targets.some((n) => n.name === ',')) {
      this.bindOne(items[0]!, value, scope);
      return;
    }
    this.unpack(targets, value, scope);
  }

  private unpack(targets: SyntaxNode[], value: Py, scope: Scope): void {
    const names: { node: SyntaxNode; star: boolean }[] = [];
    let star = false;
    for (const t of targets) {
      if (t.name === ',') continue;
      if (t.name === '*') star = true;
      else {
        names.push({ node: t, star });
        star = false;
      }
    }
    const at = this.source.at(targets[0]!);
    const values = this.iterate(value, at);
    if (values === undefined) {
      for (const n of names) this.bindOne(n.node, isUnknown(value) ? value : unknown(this.source.textOf(n.node), at), scope);
      return;
    }
    const starAt = names.findIndex((n) => n.star);
    if (starAt === -1 && values.length !== names.length) {
      this.fail('python-unpack', { expected: names.length, got: values.length }, at);
    }
    if (starAt === -1) {
      names.forEach((n, i) => this.bindOne(n.node, values[i]!, scope));
      return;
    }
    const after = names.length - starAt - 1;
    names.forEach((n, i) => {
      if (i < starAt) this.bindOne(n.node, values[i]!, scope);
      else if (i === starAt) this.bindOne(n.node, list(values.slice(starAt, values.length - after)), scope);
      else this.bindOne(n.node, values[values.length - (names.length - i)]!, scope);
    });
  }

  private bindOne(target: SyntaxNode, value: Py, scope: Scope): void {
    switch (target.name) {
      case 'VariableName':
        scope.set(this.source.textOf(target), value);
        return;
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'ParenthesizedExpression':
        this.bind(children(target).slice(1, -1), value, scope);
        return;
      case 'MemberExpression': {
        const cs = children(target);
        const obj = this.expr(cs[0]!, scope);
        const at = this.source.at(target);
        if (cs[1]?.name === '.') {
          const name = this.source.textOf(cs[2]!);
          this.host.setAttribute(obj, name, value, at);
          return;
        }
        const key = this.subscriptKey(cs.slice(2, -1), scope);
        this.setItem(obj, key, value, at);
        return;
      }
      default:
        return;
    }
  }

  private setItem(obj: Py, key: Py, value: Py, at: Loc): void {
    if (isDict(obj)) {
      const k = keyOf(key);
      if (k === undefined) this.fail('python-unhashable', { type: typeName(key) }, at);
      obj.entries.set(k, { key, value });
    } else if (isSeq(obj) && obj.kind === 'list' && typeof key === 'number') {
      const i = key < 0 ? obj.items.length + key : key;
      if (i < 0 || i >= obj.items.length) this.fail('python-index-range', { index: key, length: obj.items.length }, at);
      obj.items[i] = value;
    }
  }

  private update(node: SyntaxNode, scope: Scope): void {
    const [target, op, valueNode] = children(node);
    if (!target || !op || !valueNode) return;
    const at = this.source.at(node);
    const current = this.expr(target, scope);
    const result = this.binary(this.source.textOf(op).slice(0, -1), current, this.expr(valueNode, scope), at);
    // `+=` on a list extends it in place
    if (isSeq(current) && current.kind === 'list' && isSeq(result)) current.items.splice(0, current.items.length, ...result.items);
    else this.bindOne(target, result, scope);
  }

  private importStatement(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    const text = (n: SyntaxNode) => this.source.textOf(n);
    if (cs[0]?.name === 'from') {
      const importAt = cs.findIndex((c) => c.name === 'import');
      const base = cs.slice(1, importAt).map(text).join('');
      const module = this.host.module(base);
      const rest = cs.slice(importAt + 1).filter((c) => !['(', ')', ','].includes(c.name));
      for (let i = 0; i < rest.length; i++) {
        const n = rest[i]!;
        if (n.name === '*') {
          for (const [name, value] of this.starImport(module)) scope.set(name, value);
          continue;
        }
        const name = text(n);
        let alias = name;
        if (rest[i + 1]?.name === 'as') {
          alias = text(rest[i + 2]!);
          i += 2;
        }
        const sub = this.host.module(`${base}.${name}`);
        const at = this.source.at(n);
        if (isObj(sub) && sub.kind === 'module') scope.set(alias, sub.keras ? { ...sub, at } : this.host.attribute(module, name, at));
        else scope.set(alias, sub);
      }
      return;
    }
    // import a.b.c [as x], d
    let path: string[] = [];
    let alias: string | undefined;
    const flush = () => {
      if (path.length === 0) return;
      if (alias) scope.set(alias, this.host.module(path.join('.')));
      else scope.set(path[0]!, this.host.module(path[0]!));
      path = [];
      alias = undefined;
    };
    for (let i = 1; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === 'VariableName') path.push(text(c));
      else if (c.name === 'as') alias = text(cs[++i]!);
      else if (c.name === ',') flush();
    }
    flush();
  }

  /** `from keras.layers import *`: every name the module offers. */
  private starImport(module: Py): [string, Py][] {
    const names = this.host.items?.(module, { line: 0, column: 0 });
    return (names ?? []).flatMap((v) => (isSeq(v) && typeof v.items[0] === 'string' ? [[v.items[0], v.items[1]!] as [string, Py]] : []));
  }

  private defineFunction(node: SyntaxNode, scope: Scope): void {
    const nameNode = children(node).find((c) => c.name === 'VariableName');
    if (!nameNode) return;
    const name = this.source.textOf(nameNode);
    const fn: PyFunction = { kind: 'function', name, node, scope, lambda: false };
    scope.set(name, fn);
  }

  private defineClass(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    const nameNode = cs.find((c) => c.name === 'VariableName');
    if (!nameNode) return;
    const argList = cs.find((c) => c.name === 'ArgList');
    const bases = argList ? parts(argList).map((b) => this.expr(b, scope)) : [];
    const base = bases.map((b) => this.host.classBase(b)).find((b) => b !== 'other') ?? 'other';
    const cls: PyClass = {
      kind: 'class',
      name: this.source.textOf(nameNode),
      node,
      scope,
      base,
      methods: new Map(),
      at: this.source.at(node),
    };
    // a base that is itself a custom layer passes on its kind and methods
    for (const b of bases) if (isObj(b) && b.kind === 'class') for (const [k, v] of b.methods) cls.methods.set(k, v);
    const body = cs.find((c) => c.name === 'Body');
    for (const c of body ? children(body) : []) {
      const def = c.name === 'DecoratedStatement' ? children(c).find((d) => d.name === 'FunctionDefinition') : c;
      if (def?.name !== 'FunctionDefinition') continue;
      const n = children(def).find((d) => d.name === 'VariableName');
      if (n) cls.methods.set(this.source.textOf(n), { kind: 'function', name: this.source.textOf(n), node: def, scope, lambda: false });
    }
    scope.set(cls.name, cls);
  }

  private ifStatement(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === 'if' || c.name === 'elif') {
        const cond = this.expr(cs[i + 1]!, scope);
        const t = truthy(cond);
        if (t === undefined) {
          this.note('python-condition-unknown', { what: this.describeUnknown(cond) }, this.source.at(cs[i + 1]!));
          return;
        }
        if (t) {
          this.body(cs[i + 2]!, scope);
          return;
        }
        i += 2;
      } else if (c.name === 'else') {
        this.body(cs[i + 1]!, scope);
        return;
      }
    }
  }

  private forStatement(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    const inAt = cs.findIndex((c) => c.name === 'in');
    const bodyAt = cs.findIndex((c) => c.name === 'Body');
    const targets = cs.slice(1, inAt);
    const iterable = this.exprList(
      cs.slice(inAt + 1, bodyAt).filter((c) => c.name !== ':'),
      scope,
    );
    const at = this.source.at(cs[inAt + 1]!);
    const elseBody = cs.slice(bodyAt + 1).find((c) => c.name === 'Body');
    const broke = this.loop(iterable, at, node, (item) => {
      this.bind(targets, item, scope);
      this.body(cs[bodyAt]!, scope);
    });
    if (!broke && elseBody) this.body(elseBody, scope);
  }

  /** Runs `each` per item; true when the loop ended with `break`. */
  private loop(iterable: Py, at: Loc, node: SyntaxNode, each: (item: Py) => void): boolean {
    const run = (item: Py): 'break' | undefined => {
      this.tick(node);
      try {
        each(item);
      } catch (e) {
        if (e instanceof Break) return 'break';
        if (!(e instanceof Continue)) throw e;
      }
      return undefined;
    };
    if (isObj(iterable) && iterable.kind === 'range') {
      const n = rangeLength(iterable);
      for (let i = 0; i < n; i++) if (run(iterable.start + i * iterable.step)) return true;
      return false;
    }
    const items = this.iterate(iterable, at);
    if (items === undefined) {
      this.note('python-loop-unknown', { what: this.describeUnknown(iterable) }, at);
      return false;
    }
    for (const item of [...items]) if (run(item)) return true;
    return false;
  }

  private whileStatement(node: SyntaxNode, scope: Scope): void {
    const cs = children(node);
    const cond = cs[1]!;
    const bodyNode = cs.find((c) => c.name === 'Body')!;
    for (;;) {
      this.tick(node);
      const t = truthy(this.expr(cond, scope));
      if (t === undefined) {
        this.note('python-condition-unknown', { what: this.source.textOf(cond) }, this.source.at(cond));
        return;
      }
      if (!t) return;
      try {
        this.body(bodyNode, scope);
      } catch (e) {
        if (e instanceof Break) return;
        if (!(e instanceof Continue)) throw e;
      }
    }
  }

  // ---- expressions ----

  expr(node: SyntaxNode, scope: Scope): Py {
    this.tick(node);
    if (++this.nesting > MAX_NESTING) {
      this.nesting = 0;
      throw new Halt(diagnostic('python-too-deep', { limit: MAX_NESTING }, this.source.at(node)));
    }
    try {
      return this.exprInner(node, scope);
    } finally {
      this.nesting--;
    }
  }

  private exprInner(node: SyntaxNode, scope: Scope): Py {
    const at = this.source.at(node);
    switch (node.name) {
      case 'Number':
        return parseNumber(this.source.textOf(node));
      case 'String':
        return parseString(this.source.textOf(node));
      case 'ContinuedString':
        return parts(node)
          .map((p) => pyStr(this.expr(p, scope)))
          .join('');
      case 'FormatString':
        return this.formatString(node, scope);
      case 'Boolean':
        return this.source.textOf(node) === 'True';
      case 'None':
        return null;
      case 'Ellipsis':
        return null;
      case 'VariableName':
        return this.name(this.source.textOf(node), scope, at);
      case 'ParenthesizedExpression': {
        const inner = parts(node);
        return inner.length === 1 ? this.expr(inner[0]!, scope) : null;
      }
      case 'TupleExpression':
        return tuple(this.spreadItems(children(node).slice(1, -1), scope));
      case 'ArrayExpression': {
        const made: Py[] = [];
        try {
          return list(this.spreadItems(children(node).slice(1, -1), scope, made));
        } catch (e) {
          if (e instanceof PyError) e.stoppedList = { from: node.from, items: made };
          throw e;
        }
      }
      case 'SetExpression':
        return list(this.spreadItems(children(node).slice(1, -1), scope));
      case 'DictionaryExpression':
        return this.dict(node, scope);
      case 'ArrayComprehensionExpression':
      case 'ComprehensionExpression':
      case 'SetComprehensionExpression':
        return list(this.comprehension(node, scope, false) as Py[]);
      case 'DictionaryComprehensionExpression':
        return this.dictComprehension(node, scope);
      case 'MemberExpression':
        return this.member(node, scope);
      case 'CallExpression':
        return this.callExpression(node, scope);
      case 'UnaryExpression':
        return this.unary(node, scope);
      case 'BinaryExpression':
        return this.binaryExpression(node, scope);
      case 'ConditionalExpression': {
        const [yes, , cond, , no] = children(node);
        const t = truthy(this.expr(cond!, scope));
        if (t === undefined) return unknown(this.source.textOf(node), at);
        return this.expr(t ? yes! : no!, scope);
      }
      case 'LambdaExpression':
        return { kind: 'function', name: '<lambda>', node, scope, lambda: true };
      case 'NamedExpression': {
        const [target, , value] = children(node);
        const v = this.expr(value!, scope);
        this.bindOne(target!, v, scope);
        return v;
      }
      case 'AwaitExpression':
      case 'YieldExpression':
        return unknown(this.source.textOf(node), at);
      default:
        return unknown(this.source.textOf(node).slice(0, 40), at);
    }
  }

  private name(name: string, scope: Scope, at: Loc): Py {
    const v = scope.lookup(name);
    if (v !== undefined) return v;
    const builtin = BUILTINS.get(name);
    if (builtin !== undefined) return { kind: 'module', path: `builtins.${name}`, keras: false };
    return unknown(name, at);
  }

  /** Items of a list or tuple display, `*spread` included. */
  private spreadItems(nodes: SyntaxNode[], scope: Scope, out: Py[] = []): Py[] {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.name === ',') continue;
      if (n.name === '*') {
        const v = this.expr(nodes[++i]!, scope);
        const items = this.iterate(v, this.source.at(n));
        if (items) out.push(...items);
        else out.push(v);
        continue;
      }
      out.push(this.expr(n, scope));
    }
    this.checkLength(out.length, nodes[0]);
    return out;
  }

  checkLength(n: number, node: SyntaxNode | undefined): void {
    if (n > MAX_LENGTH) this.fail('python-too-long', { max: MAX_LENGTH }, node ? this.source.at(node) : { line: 1, column: 1 });
  }

  private dict(node: SyntaxNode, scope: Scope): PyDict {
    const d: PyDict = { kind: 'dict', entries: new Map() };
    const cs = children(node).slice(1, -1);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === ',') continue;
      if (c.name === '**') {
        const v = this.expr(cs[++i]!, scope);
        if (isDict(v)) for (const [k, e] of v.entries) d.entries.set(k, e);
        continue;
      }
      const key = this.expr(c, scope);
      const value = this.expr(cs[i + 2]!, scope);
      i += 2;
      const k = keyOf(key);
      if (k === undefined) this.fail('python-unhashable', { type: typeName(key) }, this.source.at(c));
      d.entries.set(k, { key, value });
    }
    return d;
  }

  /** `[expr for a in xs if cond for b in ys]`: the element node and its clauses, run in a child scope. */
  private comprehension(node: SyntaxNode, scope: Scope, dict: boolean): Py[] | [Py, Py][] {
    const cs = children(node).slice(1, -1);
    const firstFor = cs.findIndex((c) => c.name === 'for');
    const head = cs.slice(0, firstFor).filter((c) => c.name !== ':');
    const inner = new Scope(scope);
    const out: (Py | [Py, Py])[] = [];
    const clauses: { kind: 'for' | 'if'; nodes: SyntaxNode[] }[] = [];
    for (let i = firstFor; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === 'for' || c.name === 'if') clauses.push({ kind: c.name, nodes: [] });
      else clauses[clauses.length - 1]?.nodes.push(c);
    }
    const step = (k: number): void => {
      if (k === clauses.length) {
        out.push(dict ? [this.expr(head[0]!, inner), this.expr(head[1]!, inner)] : this.expr(head[0]!, inner));
        this.checkLength(out.length, node);
        return;
      }
      const clause = clauses[k]!;
      if (clause.kind === 'if') {
        const t = truthy(this.expr(clause.nodes[0]!, inner));
        if (t === undefined)
          this.fail('python-condition-unknown', { what: this.source.textOf(clause.nodes[0]!) }, this.source.at(clause.nodes[0]!));
        if (t) step(k + 1);
        return;
      }
      const inAt = clause.nodes.findIndex((n) => n.name === 'in');
      const targets = clause.nodes.slice(0, inAt);
      const iterable = this.exprList(clause.nodes.slice(inAt + 1), inner);
      this.loop(iterable, this.source.at(clause.nodes[inAt + 1]!), node, (item) => {
        this.bind(targets, item, inner);
        step(k + 1);
      });
    };
    step(0);
    return out as Py[] | [Py, Py][];
  }

  private dictComprehension(node: SyntaxNode, scope: Scope): PyDict {
    const d: PyDict = { kind: 'dict', entries: new Map() };
    for (const [key, value] of this.comprehension(node, scope, true) as [Py, Py][]) {
      const k = keyOf(key);
      if (k !== undefined) d.entries.set(k, { key, value });
    }
    return d;
  }

  private formatString(node: SyntaxNode, scope: Scope): Py {
    const text = this.source.textOf(node);
    const quote = text.match(/^[a-zA-Z]*("""|'''|"|')/);
    const open = quote ? quote[0].length : 0;
    const close = quote ? quote[1]!.length : 0;
    let out = '';
    let pos = node.from + open;
    for (const r of children(node).filter((c) => c.name === 'FormatReplacement')) {
      out += unescapePython(this.source.text.slice(pos, r.from)).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      const inner = children(r).filter((c) => !['{', '}', 'FormatSpec', 'FormatConversion'].includes(c.name));
      const value = inner[0] ? this.expr(inner[0], scope) : null;
      if (isUnknown(value)) return value;
      const spec = children(r).find((c) => c.name === 'FormatSpec');
      out += formatValue(value, spec ? this.source.textOf(spec).slice(1) : '');
      pos = r.to;
    }
    out += unescapePython(this.source.text.slice(pos, node.to - close))
      .replace(/\{\{/g, '{')
      .replace(/\}\}/g, '}');
    return out;
  }

  private member(node: SyntaxNode, scope: Scope): Py {
    const cs = children(node);
    const obj = this.expr(cs[0]!, scope);
    const at = this.source.at(node);
    if (cs[1]?.name === '.') return this.attribute(obj, this.source.textOf(cs[2]!), at, this.source.at(cs[2]!));
    const key = this.subscriptKey(cs.slice(2, -1), scope);
    return this.getItem(obj, key, at);
  }

  attribute(obj: Py, name: string, at: Loc, nameAt?: Loc): Py {
    if (isUnknown(obj)) return unknown(`${obj.what}.${name}`, obj.at);
    if ((isObj(obj) && (obj.kind === 'list' || obj.kind === 'dict' || obj.kind === 'tuple')) || typeof obj === 'string') {
      return { kind: 'bound', self: obj, name };
    }
    return this.host.attribute(obj, name, at, nameAt);
  }

  /** What stands between `[` and `]`: a key, a slice, or a tuple of them. */
  private subscriptKey(nodes: SyntaxNode[], scope: Scope): Py {
    if (!nodes.some((n) => n.name === ':')) return this.exprList(nodes, scope);
    const groups: SyntaxNode[][] = [[]];
    for (const n of nodes) {
      if (n.name === ',') groups.push([]);
      else groups[groups.length - 1]!.push(n);
    }
    const one = (g: SyntaxNode[]): Py => {
      if (!g.some((n) => n.name === ':')) return g[0] ? this.expr(g[0], scope) : null;
      const fields: (SyntaxNode | undefined)[] = [undefined];
      for (const n of g) {
        if (n.name === ':') fields.push(undefined);
        else fields[fields.length - 1] = n;
      }
      const val = (n: SyntaxNode | undefined) => (n ? this.expr(n, scope) : null);
      return { kind: 'slice', start: val(fields[0]), stop: val(fields[1]), step: val(fields[2]) };
    };
    return groups.length === 1 ? one(groups[0]!) : tuple(groups.map(one));
  }

  getItem(obj: Py, key: Py, at: Loc): Py {
    if (isUnknown(obj)) return unknown(`${obj.what}[…]`, obj.at);
    if (isUnknown(key)) return key;
    if (isDict(obj)) {
      const k = keyOf(key);
      const e = k === undefined ? undefined : obj.entries.get(k);
      if (!e) this.fail('python-key-missing', { key: pyRepr(key) }, at);
      return e.value;
    }
    const seq: Py[] | string | undefined = isSeq(obj) ? obj.items : typeof obj === 'string' ? obj : this.iterateHost(obj, at);
    if (seq === undefined) return this.host.attribute(obj, '__getitem__', at) === null ? null : this.hostItem(obj, key, at);
    if (isObj(key) && key.kind === 'slice') {
      const sliced = slice(seq, key, () => this.fail('python-bad-slice', {}, at));
      return typeof sliced === 'string' ? sliced : isSeq(obj) && obj.kind === 'tuple' ? tuple(sliced) : list(sliced);
    }
    if (typeof key !== 'number' && typeof key !== 'boolean') this.fail('python-bad-index', { type: typeName(key) }, at);
    const n = Number(key);
    const i = n < 0 ? seq.length + n : n;
    if (!Number.isInteger(i) || i < 0 || i >= seq.length) this.fail('python-index-range', { index: n, length: seq.length }, at);
    return seq[i]!;
  }

  private iterateHost(obj: Py, at: Loc): Py[] | undefined {
    if (isObj(obj) && obj.kind === 'range') return undefined;
    return this.host.items?.(obj, at);
  }

  private hostItem(obj: Py, key: Py, at: Loc): Py {
    const getter = this.host.attribute(obj, '__getitem__', at);
    return this.host.call(getter, [key], new Map(), at, this);
  }

  /** The items of something iterable, or undefined when they are not known. */
  iterate(v: Py, at: Loc): Py[] | undefined {
    if (isSeq(v)) return v.items;
    if (typeof v === 'string') return [...v];
    if (isDict(v)) return [...v.entries.values()].map((e) => e.key);
    if (isObj(v) && v.kind === 'range') {
      const n = rangeLength(v);
      if (n > MAX_LENGTH) this.fail('python-too-long', { max: MAX_LENGTH }, at);
      this.steps += n;
      return Array.from({ length: n }, (_, i) => v.start + i * v.step);
    }
    return this.host.items?.(v, at);
  }

  private unary(node: SyntaxNode, scope: Scope): Py {
    const [op, operand] = children(node);
    const v = this.expr(operand!, scope);
    const at = this.source.at(node);
    const o = this.source.textOf(op!);
    if (o === 'not') {
      const t = truthy(v);
      return t === undefined ? unknown(this.source.textOf(node), at) : !t;
    }
    if (isUnknown(v)) return v;
    if (typeof v !== 'number' && typeof v !== 'boolean') {
      const hosted = o === '-' ? this.host.binary?.('neg', v, 0, at) : o === '+' ? v : undefined;
      if (hosted !== undefined) return hosted;
      this.fail('python-bad-operand', { op: o, left: typeName(v), right: '' }, at);
    }
    const n = Number(v);
    return o === '-' ? -n : o === '~' ? ~n : n;
  }

  private binaryExpression(node: SyntaxNode, scope: Scope): Py {
    const cs = children(node);
    const left = cs[0]!;
    const at = this.source.at(node);
    const opNodes = cs.slice(1, -1);
    const op = opNodes.map((n) => this.source.textOf(n)).join(' ');
    if (op === 'and' || op === 'or') {
      const l = this.expr(left, scope);
      const t = truthy(l);
      if (t === undefined) return unknown(this.source.textOf(node), at);
      if (op === 'and' ? !t : t) return l;
      return this.expr(cs[cs.length - 1]!, scope);
    }
    return this.binary(op, this.expr(left, scope), this.expr(cs[cs.length - 1]!, scope), at);
  }

  binary(op: string, l: Py, r: Py, at: Loc): Py {
    const hosted = this.host.binary?.(op, l, r, at);
    if (hosted !== undefined) return hosted;
    if (isUnknown(l)) return l;
    if (isUnknown(r)) return r;
    switch (op) {
      case '==':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
      case 'is':
        return l === r || (l === null && r === null);
      case 'is not':
        return !(l === r || (l === null && r === null));
      case 'in':
      case 'not in': {
        let found: boolean;
        if (typeof r === 'string' && typeof l === 'string') found = r.includes(l);
        else if (isDict(r)) found = keyOf(l) !== undefined && r.entries.has(keyOf(l)!);
        else {
          const items = this.iterate(r, at);
          if (items === undefined) return unknown(`${pyRepr(l)} in …`, at);
          found = items.some((x) => equal(x, l));
        }
        return op === 'in' ? found : !found;
      }
    }
    if (typeof l === 'boolean') l = Number(l);
    if (typeof r === 'boolean') r = Number(r);
    if (typeof l === 'number' && typeof r === 'number') return this.arithmetic(op, l, r, at);
    if (typeof l === 'string' && typeof r === 'string') {
      if (op === '+') {
        this.checkLength(l.length + r.length, undefined);
        return l + r;
      }
      if (['<', '>', '<=', '>='].includes(op)) return compare(op, l < r ? -1 : l > r ? 1 : 0);
    }
    if (op === '%' && typeof l === 'string') return percentFormat(l, r);
    if (op === '*' && (typeof l === 'string' || isSeq(l)) && typeof r === 'number') return this.repeat(l, r, at);
    if (op === '*' && (typeof r === 'string' || isSeq(r)) && typeof l === 'number') return this.repeat(r, l, at);
    if (op === '+' && isSeq(l) && isSeq(r)) {
      this.checkLength(l.items.length + r.items.length, undefined);
      return { kind: l.kind, items: [...l.items, ...r.items] };
    }
    if (op === '|' && isDict(l) && isDict(r)) return { kind: 'dict', entries: new Map([...l.entries, ...r.entries]) };
    if (isSeq(l) && isSeq(r) && ['<', '>', '<=', '>='].includes(op)) {
      return compare(op, compareSeq(l.items, r.items));
    }
    this.fail('python-bad-operand', { op, left: typeName(l), right: typeName(r) }, at);
  }

  private repeat(v: string | { kind: 'list' | 'tuple'; items: Py[] }, n: number, at: Loc): Py {
    const times = Math.max(0, Math.trunc(n));
    const length = (typeof v === 'string' ? v.length : v.items.length) * times;
    if (length > MAX_LENGTH) this.fail('python-too-long', { max: MAX_LENGTH }, at);
    if (typeof v === 'string') return v.repeat(times);
    return { kind: v.kind, items: Array.from({ length: times }, () => v.items).flat() };
  }

  private arithmetic(op: string, l: number, r: number, at: Loc): Py {
    switch (op) {
      case '+':
        return l + r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        if (r === 0) this.fail('python-division-by-zero', {}, at);
        return toFloat(l / r);
      case '//':
        if (r === 0) this.fail('python-division-by-zero', {}, at);
        return Math.floor(l / r);
      case '%':
        if (r === 0) this.fail('python-division-by-zero', {}, at);
        return ((l % r) + r) % r;
      case '**':
        return l ** r;
      case '<':
      case '>':
      case '<=':
      case '>=':
        return compare(op, l < r ? -1 : l > r ? 1 : 0);
      case '&':
        return l & r;
      case '|':
        return l | r;
      case '^':
        return l ^ r;
      case '<<':
        return l * 2 ** r;
      case '>>':
        return Math.floor(l / 2 ** r);
      default:
        this.fail('python-bad-operand', { op, left: 'int', right: 'int' }, at);
    }
  }

  // ---- calls ----

  private callExpression(node: SyntaxNode, scope: Scope): Py {
    const [calleeNode, argList] = children(node);
    const callee = this.expr(calleeNode!, scope);
    const at = this.source.at(node);
    let made: { args: Py[]; kwargs: Map<string, Py> };
    try {
      made = this.arguments(argList!, scope);
    } catch (e) {
      if (e instanceof PyError && e.stoppedList) this.stoppedCall(node, callee, argList!, scope, e);
      throw e;
    }
    const { args, kwargs } = made;
    if (isUnknown(callee)) return unknown(`${callee.what}(…)`, callee.at);
    return this.call(callee, args, kwargs, at);
  }

  /**
   * `name = f([a, b, bad, …], name="x")` at the top of the script: the host is told the items made
   * before the problem and the literal arguments (only those: nothing else the code would not
   * have run is followed). The statement still fails.
   */
  private stoppedCall(node: SyntaxNode, callee: Py, argList: SyntaxNode, scope: Scope, e: PyError): void {
    const statement = node.parent;
    if (!this.host.stoppedCall || statement?.name !== 'AssignStatement' || statement.parent?.name !== 'Script') return;
    const target = children(statement);
    if (target.length !== 3 || target[0]!.name !== 'VariableName' || target[2]!.from !== node.from) return;
    const stopped = e.stoppedList!;
    const args: Py[] = [];
    const kwargs = new Map<string, Py>();
    let found = false;
    let positional = true;
    const cs = children(argList)
      .slice(1, -1)
      .filter((c) => c.name !== ',');
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const keyword = c.name === 'VariableName' && cs[i + 1]?.name === 'AssignOp' && this.source.textOf(cs[i + 1]!) === '=';
      const valueNode = keyword ? cs[i + 2]! : c;
      if (keyword) i += 2;
      let value: Py | undefined;
      if (valueNode.name === 'ArrayExpression' && valueNode.from === stopped.from) {
        value = list(stopped.items);
        found = true;
      } else if (LITERALS.has(valueNode.name)) value = this.expr(valueNode, scope);
      if (keyword && value !== undefined) kwargs.set(this.source.textOf(c), value);
      else if (!keyword && positional && value !== undefined) args.push(value);
      else if (!keyword) positional = false;
    }
    if (found) this.host.stoppedCall(callee, args, kwargs, this.source.at(node), e.diagnostic, this.source.textOf(target[0]!));
  }

  private arguments(argList: SyntaxNode, scope: Scope): { args: Py[]; kwargs: Map<string, Py> } {
    const cs = children(argList).slice(1, -1);
    const args: Py[] = [];
    const kwargs = new Map<string, Py>();
    // a generator as the only argument: `sum(x for x in xs)`
    if (cs.some((c) => c.name === 'for')) {
      args.push(list(this.comprehension(argList, scope, false) as Py[]));
      return { args, kwargs };
    }
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === ',') continue;
      if (c.name === '*') {
        const v = this.expr(cs[++i]!, scope);
        const items = this.iterate(v, this.source.at(c));
        if (items) args.push(...items);
        else args.push(v);
      } else if (c.name === '**') {
        const v = this.expr(cs[++i]!, scope);
        if (isDict(v)) for (const e of v.entries.values()) if (typeof e.key === 'string') kwargs.set(e.key, e.value);
      } else if (c.name === 'VariableName' && cs[i + 1]?.name === 'AssignOp') {
        const value = this.expr(cs[i + 2]!, scope);
        // `f(n := 100)` binds n and passes 100 by position; `f(n=100)` is a keyword
        if (this.source.textOf(cs[i + 1]!) === ':=') {
          this.bindOne(c, value, scope);
          args.push(value);
        } else kwargs.set(this.source.textOf(c), value);
        i += 2;
      } else args.push(this.expr(c, scope));
    }
    return { args, kwargs };
  }

  call(callee: Py, args: Py[], kwargs: Map<string, Py>, at: Loc): Py {
    if (isObj(callee)) {
      if (callee.kind === 'function') return this.callFunction(callee, args, kwargs, at);
      if (callee.kind === 'bound' && (isSeq(callee.self) || isDict(callee.self) || typeof callee.self === 'string')) {
        return callMethod(this, callee.self, callee.name, args, at);
      }
      if (callee.kind === 'module' && callee.path.startsWith('builtins.')) return callBuiltin(this, callee.path.slice(9), args, kwargs, at);
    }
    return this.host.call(callee, args, kwargs, at, this);
  }

  callFunction(fn: PyFunction, args: Py[], kwargs: Map<string, Py>, at: Loc, self?: Py): Py {
    if (++this.callDepth > MAX_CALL_DEPTH) {
      this.callDepth = 0;
      throw new Halt(diagnostic('python-recursion', { name: fn.name, limit: MAX_CALL_DEPTH }, at));
    }
    try {
      const node = fn.node as SyntaxNode;
      const local = new Scope(fn.scope as Scope);
      const paramList = children(node).find((c) => c.name === 'ParamList');
      this.bindParams(paramList, self === undefined ? args : [self, ...args], kwargs, local, fn.name, at);
      if (fn.lambda) {
        const cs = children(node);
        const colon = cs.findIndex((c) => c.name === ':');
        return this.expr(cs[colon + 1]!, local);
      }
      const body = children(node).find((c) => c.name === 'Body');
      try {
        if (body) this.body(body, local);
      } catch (e) {
        if (e instanceof Return) return e.value;
        throw e;
      }
      return null;
    } finally {
      this.callDepth--;
    }
  }

  private bindParams(params: SyntaxNode | undefined, args: Py[], kwargs: Map<string, Py>, local: Scope, name: string, at: Loc): void {
    const cs = params ? children(params).filter((c) => !['(', ')', ','].includes(c.name)) : [];
    let positional = 0;
    let keywordOnly = false;
    const used = new Set<string>();
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === '*' || c.name === '**') {
        const next = cs[i + 1];
        if (next?.name === 'VariableName') {
          const pname = this.source.textOf(next);
          if (c.name === '*') local.set(pname, tuple(args.slice(positional)));
          else {
            const rest: PyDict = { kind: 'dict', entries: new Map() };
            for (const [k, v] of kwargs) if (!used.has(k)) rest.entries.set(`s:${k}`, { key: k, value: v });
            local.set(pname, rest);
            for (const k of kwargs.keys()) used.add(k);
          }
          i++;
          positional = c.name === '*' ? args.length : positional;
        }
        keywordOnly = true;
        continue;
      }
      if (c.name !== 'VariableName') continue;
      const pname = this.source.textOf(c);
      const hasDefault = cs[i + 1]?.name === 'AssignOp';
      let value: Py | undefined;
      if (!keywordOnly && positional < args.length) value = args[positional++];
      else if (kwargs.has(pname)) {
        value = kwargs.get(pname);
        used.add(pname);
      } else if (hasDefault) value = this.expr(cs[i + 2]!, local.parent as Scope);
      if (hasDefault) i += 2;
      if (value === undefined) this.fail('python-missing-argument', { function: name, argument: pname }, at);
      local.set(pname, value);
    }
  }

  /** A phrase naming what an unknown value stands for. */
  describeUnknown(v: Py): string {
    return isUnknown(v) ? v.what : typeName(v);
  }
}
