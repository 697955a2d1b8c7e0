/**
 * The values the Python reader works with: plain Python data it can follow (numbers, strings,
 * tuples, dicts), and stand-ins for what Keras code makes (layers, models, symbolic tensors).
 * Nothing here runs Python; a value the reader cannot know statically is an `Unknown` that
 * remembers where it came from, so a message can point there if the model needs it.
 */
import type { Model } from '../../model.ts';
import type { CustomBuild } from '../../custom-layer.ts';
import type { Shape } from '../../types.ts';

/** A place in the source: 1-based line and column. */
export interface Loc {
  line: number;
  column: number;
}

export type Py =
  | null
  | boolean
  | number
  | string
  | PySeq
  | PyDict
  | PyRange
  | PySlice
  | PyModule
  | PyFunction
  | PyClass
  | PyBound
  | LayerObj
  | ModelObj
  | TensorObj
  | AppLayer
  | WeightObj
  | Unknown;

/** A list or tuple (a list is mutable: `.append`, item assignment). */
export interface PySeq {
  kind: 'list' | 'tuple';
  items: Py[];
}

/** A dict: keys kept as their Python values, looked up by `keyOf`. */
export interface PyDict {
  kind: 'dict';
  entries: Map<string, { key: Py; value: Py }>;
}

/** `range(...)`, walked lazily so `range(10**9)` costs steps, not memory. */
export interface PyRange {
  kind: 'range';
  start: number;
  stop: number;
  step: number;
}

export interface PySlice {
  kind: 'slice';
  start: Py;
  stop: Py;
  step: Py;
}

/**
 * A module or something inside one, by its dotted path: `keras.layers.Dense` when it is Keras
 * (whatever it was imported as), `numpy.load` for anything else.
 */
export interface PyModule {
  kind: 'module';
  path: string;
  keras: boolean;
  /** Where its last name was written (`Flaten` in `layers.Flaten`), to point at a Keras name that does not exist. */
  at?: Loc;
}

/** A `def` or `lambda`, closed over the scope it was written in. */
export interface PyFunction {
  kind: 'function';
  name: string;
  /** The lezer node of the definition (opaque here). */
  node: unknown;
  scope: unknown;
  lambda: boolean;
}

/** A `class`: a custom Keras layer when it derives from `keras.layers.Layer`. */
export interface PyClass {
  kind: 'class';
  name: string;
  node: unknown;
  scope: unknown;
  base: 'layer' | 'model' | 'other';
  methods: Map<string, PyFunction>;
  at: Loc;
}

/** `obj.method` waiting to be called. */
export interface PyBound {
  kind: 'bound';
  self: Py;
  name: string;
}

/** A call of a layer or model on tensors: the arguments as written (tensors inside). */
export interface CallRecord {
  args: Py[];
  kwargs: Map<string, Py>;
  at: Loc;
}

/** A layer object: `layers.Dense(64)`, its arguments as Keras keyword arguments. */
export interface LayerObj {
  kind: 'layer';
  type: string;
  args: Record<string, unknown>;
  name: string;
  trainable: boolean;
  dtype?: string;
  calls: CallRecord[];
  at: Loc;
  /** A custom Layer subclass: its weights come from `add_weight` calls the reader followed. */
  custom?: CustomBuild;
  /** The InputLayer behind `keras.Input(...)`: its batch shape. */
  batchShape?: Shape;
  /** An instance of a custom Layer subclass: its class and the attributes its methods set. */
  instance?: { cls: PyClass; attrs: Map<string, Py>; weights: { name: string; shape: number[]; trainable: boolean }[] };
}

/** A model object: Sequential, Functional, or a Keras application. */
export interface ModelObj {
  kind: 'model';
  variant: 'sequential' | 'functional' | 'application';
  name: string;
  trainable: boolean;
  at: Loc;
  calls: CallRecord[];
  /** Sequential: its layers in order (the InputLayer, if any, not included). */
  layers: (LayerObj | ModelObj)[];
  /** Sequential: the input tensor it was given (keras.Input, input_shape=, build(), a call). */
  input?: TensorObj;
  /** Functional: inputs and outputs as written (a tensor, a list, a dict). */
  inputs?: Py;
  outputs?: Py;
  /** Application: the model data, ready. */
  data?: Model;
  /** Sequential: how many of its layers building it has called already. */
  builtLayers?: number;
  /** The arguments its last `summary()` call gave (Keras 3's names in summary-keras3.ts). */
  summaryOptions?: { lineLength?: number; expandNested?: boolean; showTrainable?: boolean };
}

/** A symbolic tensor: output `index` of call `call` of `source`. */
export interface TensorObj {
  kind: 'tensor';
  source: LayerObj | ModelObj;
  call: number;
  index: number;
}

/** A layer of a Keras application (`base.layers[i]`), which code may freeze. */
export interface AppLayer {
  kind: 'app-layer';
  model: ModelObj;
  index: number;
}

/** A variable a custom layer made with `self.add_weight(shape=…)`. */
export interface WeightObj {
  kind: 'weight';
  shape: number[];
}

/** A value only known when the code runs: where it came from and why it is unknown. */
export interface Unknown {
  kind: 'unknown';
  what: string;
  at: Loc;
}

export const isObj = (v: Py): v is Exclude<Py, null | boolean | number | string> => v !== null && typeof v === 'object';
export const isLayer = (v: Py): v is LayerObj => isObj(v) && v.kind === 'layer';
export const isModel = (v: Py): v is ModelObj => isObj(v) && v.kind === 'model';
export const isTensor = (v: Py): v is TensorObj => isObj(v) && v.kind === 'tensor';
export const isSeq = (v: Py): v is PySeq => isObj(v) && (v.kind === 'list' || v.kind === 'tuple');
export const isDict = (v: Py): v is PyDict => isObj(v) && v.kind === 'dict';
export const isUnknown = (v: Py): v is Unknown => isObj(v) && v.kind === 'unknown';

export const list = (items: Py[]): PySeq => ({ kind: 'list', items });
export const tuple = (items: Py[]): PySeq => ({ kind: 'tuple', items });
export const unknown = (what: string, at: Loc): Unknown => ({ kind: 'unknown', what, at });

/** The key a dict files a value under: Python's equality for the keys code uses (str, int, bool, None, tuples). */
export function keyOf(v: Py): string | undefined {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'n:1' : 'n:0';
  if (typeof v === 'number') return `n:${v}`;
  if (typeof v === 'string') return `s:${v}`;
  if (isSeq(v) && v.kind === 'tuple') {
    const parts = v.items.map(keyOf);
    return parts.every((p) => p !== undefined) ? `t:(${parts.join(',')})` : undefined;
  }
  return undefined;
}

/** Python's type name for messages: `int`, `str`, `list`, `Dense layer`. */
export function typeName(v: Py): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  switch (v.kind) {
    case 'layer':
      return `${v.type} layer`;
    case 'model':
      return 'model';
    case 'tensor':
      return 'tensor';
    case 'module':
      return v.path;
    default:
      return v.kind;
  }
}

/** Python truthiness; undefined when it depends on something unknown. */
export function truthy(v: Py): boolean | undefined {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  switch (v.kind) {
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.entries.size > 0;
    case 'range':
      return rangeLength(v) > 0;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

export function rangeLength(r: PyRange): number {
  const n = r.step > 0 ? Math.ceil((r.stop - r.start) / r.step) : Math.ceil((r.start - r.stop) / -r.step);
  return Math.max(0, n);
}

/** Python's `repr` for the values an f-string or a message shows. */
export function pyStr(v: Py): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

export function pyRepr(v: Py): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (!isObj(v)) return pyStr(v);
  switch (v.kind) {
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
    case 'dict':
      return `{${[...v.entries.values()].map((e) => `${pyRepr(e.key)}: ${pyRepr(e.value)}`).join(', ')}}`;
    case 'range':
      return `range(${v.start}, ${v.stop}${v.step !== 1 ? `, ${v.step}` : ''})`;
    case 'layer':
      return `<${v.type} name=${v.name}>`;
    case 'model':
      return `<${v.variant === 'sequential' ? 'Sequential' : 'Functional'} name=${v.name}>`;
    default:
      return `<${typeName(v)}>`;
  }
}
