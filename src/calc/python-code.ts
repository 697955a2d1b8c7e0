/**
 * The Keras 3 Python that builds a model: what a lesson shows above the summary it prints, written
 * from the same model description, so the code and the summary cannot disagree.
 *
 * Names follow the code as it would run in a fresh session: a layer or model gets `name="…"` only
 * when the automatic name Keras would give it there is not the name the summary shows
 * (docs/naming.md). Which arguments go by position is the layer spec's `positional`.
 */
import { specFor } from './layers/index.ts';
import {
  isTensorRef,
  type FunctionalModel,
  type Model,
  type ModelLayer,
  type NodeArg,
  type SequentialModel,
  type TensorRef,
} from './model.ts';
import { toSnakeCase } from './naming.ts';
import { summarize, type Row } from './summarize.ts';
import { isShapeList } from './text.ts';
import type { LayerArgs, Shape } from './types.ts';

export interface PythonCodeOptions {
  /** Begin with `import keras` and `from keras import layers`. */
  imports?: boolean;
  /** The variable the model is assigned to: `model` unless given. */
  variable?: string;
}

/** The `summary()` arguments a printed summary was made with, as `<SummaryText>` takes them. */
export interface SummaryCallOptions {
  lineLength?: number;
  expandNested?: boolean;
  showTrainable?: boolean;
}

/** A model the generator cannot write as Keras 3 code (a subclass, another dialect, a broken graph). */
export class CodeUnavailable extends Error {
  override name = 'CodeUnavailable';
}

/** `model.summary(line_length=108, expand_nested=True)`: keywords in the order of Keras's signature. */
export function summaryCall(variable: string, options: SummaryCallOptions = {}): string {
  const args = [
    ...(options.lineLength !== undefined ? [`line_length=${options.lineLength}`] : []),
    ...(options.expandNested ? ['expand_nested=True'] : []),
    ...(options.showTrainable ? ['show_trainable=True'] : []),
  ];
  return `${variable}.summary(${args.join(', ')})`;
}

/** Python that builds `model` and assigns it to `options.variable` (default `model`). */
export function pythonCode(model: Model, options: PythonCodeOptions = {}): string {
  if ((model.dialect ?? 'keras3') !== 'keras3') throw new CodeUnavailable(`the model is written for ${model.dialect}; code is Keras 3`);
  const summary = summarize(model);
  if (summary.error) throw new CodeUnavailable(`the model does not resolve: ${summary.error.message}`);
  const variable = options.variable ?? 'model';
  const writer = new Writer(variable);
  writer.model(model, { name: summary.name, rows: summary.rows }, variable);
  if (model.trainable === false) writer.after.push(`${variable}.trainable = False`);
  const head = options.imports ? ['import keras', 'from keras import layers', ''] : [];
  return [...head, ...writer.lines, ...writer.after].join('\n');
}

/**
 * Keras's automatic names, in the order the written code creates objects: one counter per prefix,
 * the first `dense`, then `dense_1`; a name the code spells out moves no counter.
 */
class Counters {
  private readonly used: Map<string, number>;
  constructor(used: ReadonlyMap<string, number> = new Map()) {
    this.used = new Map(used);
  }
  /** A copy to look ahead with. */
  clone(): Counters {
    return new Counters(this.used);
  }
  peek(prefix: string): string {
    const n = this.used.get(prefix) ?? 0;
    return n === 0 ? prefix : `${prefix}_${n}`;
  }
  take(prefix: string): string {
    const name = this.peek(prefix);
    this.used.set(prefix, (this.used.get(prefix) ?? 0) + 1);
    return name;
  }
  /** `name="…"` when the automatic name would differ, else nothing (and the counter moves). */
  nameArg(prefix: string, wanted: string | undefined): string[] {
    if (wanted === undefined || this.peek(prefix) === wanted) {
      this.take(prefix);
      return [];
    }
    return [`name=${pyString(wanted)}`];
  }
}

/** The names the summary shows for a model and, through nested rows, for the models inside it. */
interface Names {
  name: string;
  rows: readonly Row[] | undefined;
}

const RESERVED = new Set([
  ...'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
  'keras',
  'layers',
  'input',
  'print',
  'x',
  'inputs',
  'outputs',
  '_',
]);

class Writer {
  readonly lines: string[] = [];
  /** Statements after the whole model exists: `features.trainable = False`. */
  readonly after: string[] = [];
  readonly names = new Counters();
  /** Identifiers bound to layers and models; tensors get theirs per model. */
  private readonly bound = new Set<string>();
  /** Objects Keras has built already, whose build makes no more names. */
  private readonly built = new WeakSet<object>();

  constructor(top: string) {
    this.bound.add(top);
  }

  /** A fresh identifier from a Keras name: `features`, `dense_out`, `features_2`. */
  identifier(base: string, taken: Set<string> = this.bound): string {
    let id = base.replace(/\W/g, '_');
    if (/^\d/.test(id) || id === '') id = `_${id}`;
    let candidate = id;
    for (let n = 2; RESERVED.has(candidate) || taken.has(candidate) || this.bound.has(candidate); n++) candidate = `${id}_${n}`;
    taken.add(candidate);
    return candidate;
  }

  model(model: Model, names: Names, variable: string): void {
    const className = model.className ?? (model.kind === 'sequential' ? 'Sequential' : 'Functional');
    if (!['Sequential', 'Functional', 'Model'].includes(className)) {
      throw new CodeUnavailable(`"${names.name}" is a ${className}, a subclass the generator cannot write`);
    }
    if (model.kind === 'sequential') this.sequential(model, names, variable);
    else this.functional(model, names, variable);
  }

  /** Rows of layer i, when the summary resolved it. */
  private static rowOf(names: Names, i: number): Row | undefined {
    return names.rows?.[i];
  }

  /** Nested models are written first, each to its own variable, so the outer code can use them. */
  private nested(layer: ModelLayer, row: Row | undefined): string {
    const inner = layer.model!;
    const name = row?.name ?? layer.name ?? inner.name;
    const variable = this.identifier(name ?? (inner.kind === 'sequential' ? 'sequential' : 'functional'));
    this.model(inner, { name: name ?? '', rows: row?.children }, variable);
    this.lines.push('');
    if (layer.trainable === false || inner.trainable === false) this.after.push(`${variable}.trainable = False`);
    return variable;
  }

  private sequential(model: SequentialModel, names: Names, variable: string): void {
    const { layers } = model;
    const variables = new Map<number, string>();
    layers.forEach((layer, i) => layer.model && variables.set(i, this.nested(layer, Writer.rowOf(names, i))));
    const items: string[] = [];
    if (model.input) items.push(this.input(model.input, model.inputName, {}));
    layers.forEach((layer, i) => items.push(variables.get(i) ?? this.layer(layer, Writer.rowOf(names, i)?.name ?? layer.name)));
    const nameArg = this.names.nameArg('sequential', names.name || undefined);
    const tail = nameArg.length ? `, ${nameArg[0]}` : '';
    if (items.length === 0) this.lines.push(`${variable} = keras.Sequential(${nameArg.join('')})`);
    else this.lines.push(`${variable} = keras.Sequential([`, ...items.map((item) => `    ${item},`), `]${tail})`);
    // With an input, the constructor builds the model at once: every layer is called (docs/naming.md#hidden-counters).
    if (model.input && layers.length > 0) this.build(model);
  }

  /** What building makes: a Sequential's own input and functional model, a layer's helper layers. */
  private build(model: SequentialModel): void {
    if (this.built.has(model)) return;
    this.built.add(model);
    if (!model.input) this.names.take('input_layer');
    for (const layer of model.layers) this.call(layer);
    this.names.take('functional');
  }

  /** The first call of a layer builds it. */
  private call(layer: ModelLayer): void {
    if (layer.model) {
      if (layer.model.kind === 'sequential') this.build(layer.model);
      return;
    }
    if (this.built.has(layer)) return;
    this.built.add(layer);
    for (const helper of specFor(layer.type)?.buildsLayers ?? []) this.names.take(toSnakeCase(helper));
  }

  /** `keras.Input(shape=(28, 28, 1))`, and its name when the automatic one would differ. */
  private input(batchShape: Shape, name: string | undefined, extra: LayerArgs): string {
    const [batch, ...shape] = batchShape;
    const args = [`shape=${pyValue(shape)}`];
    if (batch !== null && batch !== undefined) args.push(`batch_size=${batch}`);
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) args.push(`${k}=${this.value(v)}`);
    args.push(...this.names.nameArg('input_layer', name));
    return `keras.Input(${args.join(', ')})`;
  }

  /** `layers.Conv2D(32, 3, activation="relu")`: arguments first, since Python makes them first. */
  layer(layer: { type: string; args?: LayerArgs; trainable?: boolean; dtype?: string }, name: string | undefined): string {
    const spec = specFor(layer.type);
    if (!spec) throw new CodeUnavailable(`no layer type ${layer.type} in keras.layers`);
    const args = Object.entries(layer.args ?? {}).filter(([, v]) => v !== undefined);
    const given = new Map(args);
    const byPosition: string[] = [];
    const written = (spec.positional ?? []).slice(0, spec.writtenByPosition);
    for (const p of written) {
      if (!given.has(p)) break;
      byPosition.push(p);
    }
    const parts = [
      ...byPosition.map((p) => this.value(given.get(p))),
      ...args.filter(([k]) => !byPosition.includes(k)).map(([k, v]) => `${k}=${this.value(v)}`),
      ...(layer.trainable === false ? ['trainable=False'] : []),
      // float32 is what a layer has when no dtype is given (ModelLayer.dtype)
      ...(layer.dtype !== undefined && layer.dtype !== 'float32' ? [`dtype=${pyString(layer.dtype)}`] : []),
    ];
    parts.push(...this.names.nameArg(toSnakeCase(layer.type), name));
    return `layers.${layer.type}(${parts.join(', ')})`;
  }

  /** An argument's value: a layer inside a wrapper is a constructor, everything else a literal. */
  private value(v: unknown): string {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o['type'] === 'string') {
        return this.layer(o as { type: string; args?: LayerArgs }, typeof o['name'] === 'string' ? o['name'] : undefined);
      }
      // Keras 3 JSON writes objects as { module, class_name, config }: a layer, an initializer, a policy…
      if (typeof o['class_name'] === 'string' && typeof o['config'] === 'object' && o['config'] !== null) {
        const config = o['config'] as Record<string, unknown>;
        if (specFor(o['class_name'])) {
          const { name, ...args } = config;
          return this.layer({ type: o['class_name'], args }, typeof name === 'string' ? name : undefined);
        }
        const module = typeof o['module'] === 'string' ? o['module'] : 'keras';
        const kwargs = Object.entries(config).map(([k, x]) => `${k}=${this.value(x)}`);
        return `${module}.${o['class_name']}(${kwargs.join(', ')})`;
      }
    }
    return pyValue(v, (inner) => this.value(inner));
  }

  private functional(model: FunctionalModel, names: Names, variable: string): void {
    const entries = model.layers;
    const rowName = (i: number): string => Writer.rowOf(names, i)?.name ?? entries[i]!.layer.name ?? '';
    const index = new Map(entries.map((_, i) => [rowName(i), i]));
    const at = (ref: TensorRef): number => {
      const i = index.get(ref.layer);
      if (i === undefined) throw new CodeUnavailable(`a call refers to "${ref.layer}", which is not a layer of the model`);
      return i;
    };

    // Layers held in a variable: nested models (written first) and layers called more than once.
    const layerVariable = new Map<number, string>();
    entries.forEach((e, i) => e.layer.model && layerVariable.set(i, this.nested(e.layer, Writer.rowOf(names, i))));

    // The calls in an order Python can run: each after the calls that make its tensors.
    const key = (i: number, node: number): string => `${i}:${node}`;
    const done = new Set<string>();
    const inputs: number[] = [];
    entries.forEach((e, i) => {
      if (e.layer.type === 'InputLayer') {
        inputs.push(i);
        done.add(key(i, 0));
      }
    });
    const pending = entries.flatMap((e, i) => (e.layer.type === 'InputLayer' ? [] : e.nodes.map((node, n) => ({ i, n, node }))));
    // Among the calls that can run, the first whose layer would get its name by itself goes first:
    // the order Keras lists layers in is not always the order they were made (docs/naming.md).
    const order: typeof pending = [];
    const ahead = this.names.clone();
    const autoNamed = (c: (typeof pending)[number]): boolean =>
      c.n > 0 || layerVariable.has(c.i) || ahead.peek(toSnakeCase(entries[c.i]!.layer.type)) === rowName(c.i);
    while (pending.length > 0) {
      const ready = pending.filter((c) => refsIn(c.node.args, c.node.kwargs).every((r) => done.has(key(at(r), r.node))));
      if (ready.length === 0) throw new CodeUnavailable(`the calls of "${names.name}" form a cycle or use a missing call`);
      const call = ready.find(autoNamed) ?? ready[0]!;
      pending.splice(pending.indexOf(call), 1);
      order.push(call);
      done.add(key(call.i, call.n));
      if (call.n === 0 && !layerVariable.has(call.i)) {
        ahead.nameArg(toSnakeCase(entries[call.i]!.layer.type), rowName(call.i));
        for (const helper of specFor(entries[call.i]!.layer.type)?.buildsLayers ?? []) ahead.take(toSnakeCase(helper));
      }
    }

    // Who reads each tensor: call positions in `order`, and the model's outputs.
    const tensorKey = (r: TensorRef): string => `${at(r)}:${r.node}:${r.tensor}`;
    const readers = new Map<string, number[]>();
    order.forEach((c, pos) => {
      for (const r of refsIn(c.node.args, c.node.kwargs)) readers.set(tensorKey(r), [...(readers.get(tensorKey(r)) ?? []), pos]);
    });
    const outputKeys = model.outputs.map(tensorKey);
    const tensors = new Map<string, string>();
    const local = new Set<string>();

    // Inputs, in the order of the model's layers (the order their names are given).
    for (const i of inputs) {
      const layer = entries[i]!.layer;
      const { shape, extra } = inputLayerShape(layer.args ?? {});
      const ref = { kind: 'tensor', layer: rowName(i), node: 0, tensor: 0 } as const;
      const single = inputs.length === 1 && !outputKeys.includes(tensorKey(ref));
      const tensorName = single ? 'inputs' : this.identifier(rowName(i), local);
      tensors.set(tensorKey(ref), tensorName);
      this.lines.push(`${tensorName} = ${this.input(shape, rowName(i), extra)}`);
    }

    const arg = (a: NodeArg): string => {
      if (isTensorRef(a)) return tensors.get(tensorKey(a))!;
      if (Array.isArray(a)) return `[${a.map(arg).join(', ')}]`;
      if (a !== null && typeof a === 'object')
        return `{${Object.entries(a)
          .map(([k, v]) => `${pyString(k)}: ${arg(v)}`)
          .join(', ')}}`;
      return pyValue(a);
    };

    order.forEach((c, pos) => {
      const entry = entries[c.i]!;
      const row = Writer.rowOf(names, c.i);
      let callee = layerVariable.get(c.i);
      if (callee === undefined && entry.nodes.length > 1) {
        callee = this.identifier(rowName(c.i));
        this.lines.push(`${callee} = ${this.layer(entry.layer, rowName(c.i))}`);
        layerVariable.set(c.i, callee);
      }
      const construct = callee ?? this.layer(entry.layer, rowName(c.i));
      this.call(entry.layer);
      const count = row?.outputShape && isShapeList(row.outputShape) ? row.outputShape.length : 1;
      const targets = Array.from({ length: count }, (_, t) => {
        const k = `${c.i}:${c.n}:${t}`;
        const uses = readers.get(k) ?? [];
        const isOutput = outputKeys.includes(k);
        let target: string;
        if (isOutput && model.outputs.length === 1 && count === 1) target = 'outputs';
        // `x` for a plain chain: one tensor read once, by the very next call (a shared layer's calls keep their own names)
        else if (!isOutput && count === 1 && entry.nodes.length === 1 && uses.length === 1 && uses[0] === pos + 1) target = 'x';
        else if (!isOutput && uses.length === 0) target = '_';
        else {
          const base = `${rowName(c.i)}${layerVariable.has(c.i) ? '_out' : ''}${entry.nodes.length > 1 ? `_${c.n + 1}` : ''}${count > 1 ? `_${t}` : ''}`;
          target = this.identifier(base, local);
        }
        tensors.set(k, target);
        return target;
      });
      const callArgs = [...c.node.args.map(arg), ...Object.entries(c.node.kwargs).map(([k, v]) => `${k}=${arg(v)}`)];
      this.lines.push(`${targets.join(', ')} = ${construct}(${callArgs.join(', ')})`);
    });

    const list = (refs: TensorRef[]): string => (refs.length === 1 ? arg(refs[0]!) : `[${refs.map(arg).join(', ')}]`);
    const nameArg = this.names.nameArg('functional', names.name || undefined);
    this.lines.push(`${variable} = keras.Model(${[list(model.inputs), list(model.outputs), ...nameArg].join(', ')})`);
  }
}

/** Every tensor a call reads, positional arguments first. */
function refsIn(args: NodeArg[], kwargs: Record<string, NodeArg>): TensorRef[] {
  const out: TensorRef[] = [];
  const walk = (a: NodeArg): void => {
    if (isTensorRef(a)) out.push(a);
    else if (Array.isArray(a)) a.forEach(walk);
    else if (a !== null && typeof a === 'object') Object.values(a).forEach(walk);
  };
  args.forEach(walk);
  Object.values(kwargs).forEach(walk);
  return out;
}

/** An InputLayer's batch shape, from whichever keyword its file used, and its other arguments. */
function inputLayerShape(args: LayerArgs): { shape: Shape; extra: LayerArgs } {
  const { batch_shape, batch_input_shape, shape, input_shape, batch_size, name: _name, ...extra } = args;
  const batch = (batch_shape ?? batch_input_shape) as Shape | undefined;
  if (Array.isArray(batch)) return { shape: batch, extra };
  const dims = (shape ?? input_shape) as Shape | undefined;
  if (Array.isArray(dims)) return { shape: [(batch_size as number | undefined) ?? null, ...dims], extra };
  throw new CodeUnavailable('an InputLayer without a shape');
}

/** A Python string literal in double quotes. */
export function pyString(s: string): string {
  const escaped = s.replace(/[\\"\n\r\t]|[\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `"${escaped}"`;
}

/** A Python literal: `None`, `True`, `(3, 3)`, `(784,)`, `"relu"`, `{"a": 1}`. */
export function pyValue(v: unknown, inner: (v: unknown) => string = (x) => pyValue(x)): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'float("nan")';
    if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
    return String(v);
  }
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return v.length === 1 ? `(${inner(v[0])},)` : `(${v.map(inner).join(', ')})`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pyString(k)}: ${inner(x)}`)
      .join(', ')}}`;
  }
  throw new CodeUnavailable(`a value Python cannot spell: ${String(v)}`);
}
