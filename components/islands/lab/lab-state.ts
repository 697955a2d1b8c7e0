/**
 * The model lab's editable model as data: input tensors and layers in construction order, each
 * layer a Keras class, the argument texts the reader typed, and the tensors it is called on. What
 * was typed is kept as typed, so a wrong value stays on screen with its message; `toModel` turns
 * the state into the model data src/calc reads (a Sequential model when the layers form one chain
 * from one input, a functional graph otherwise), and src/calc judges it.
 *
 * Which arguments a type has, their Keras defaults and how a layer takes several tensors come from
 * the layer's spec in src/calc (`Catalog`, filled from the engine); nothing here names a layer type.
 */
import { Namer, type LayerArgs, type Model, type ModelLayer, type Shape, type TensorRef } from '@calc/basics.ts';
import { literalText, readLiteral } from './literal.ts';

/** What the lab knows of one layer type, read from its spec. */
export interface TypeInfo {
  /** The spec's family: `convolution`, `merging`, … */
  family: string;
  /** The arguments a field is offered for, positional ones first. */
  args: readonly string[];
  /** Keras's defaults for those that have one. */
  defaults: Readonly<LayerArgs>;
  /** A configuration Keras accepts: what a new layer of the type starts with. */
  example: Readonly<LayerArgs>;
  /** How it takes several tensors: one, a list, or positional arguments. */
  takes: 'one' | 'list' | 'positional';
}

export type Catalog = ReadonlyMap<string, TypeInfo>;

export interface LabInput {
  id: number;
  /** The shape without the batch axis, as typed: `28, 28, 1`. */
  shape: string;
  name?: string;
}

export interface LabLayer {
  id: number;
  type: string;
  /** The name a file or code gave it; otherwise Keras's automatic name is used. */
  name?: string;
  /** Argument texts by Keras keyword, as typed; an argument left out takes Keras's default. */
  fields: Record<string, string>;
  /** Arguments read from a file that no field edits (an initializer's config): passed on as read. */
  extra?: LayerArgs;
  /** The ids of the inputs or layers whose outputs it is called on, in order. */
  from: number[];
  /** `trainable=False` freezes its weights. */
  frozen?: boolean;
}

export interface LabState {
  inputs: LabInput[];
  layers: LabLayer[];
  /** The next id to hand out (inputs and layers share ids). */
  nextId: number;
  /** The model's name when a file or code gave one. */
  name?: string;
  /** Keep a functional model functional even when its layers form a chain (its summary lists the InputLayer). */
  functional?: boolean;
}

export const emptyState = (input = ''): LabState => ({ inputs: [{ id: 0, shape: input }], layers: [], nextId: 1 });

/** The ids every later layer may be called on: the inputs and every layer before `index`. */
export function sourcesBefore(state: LabState, index: number): number[] {
  return [...state.inputs.map((i) => i.id), ...state.layers.slice(0, index).map((l) => l.id)];
}

/** The tensor a new layer at `index` is called on by default: the output of the layer before it. */
function defaultFrom(state: LabState, index: number): number[] {
  const before = state.layers[index - 1];
  if (before) return [before.id];
  const first = state.inputs[0];
  return first ? [first.id] : [];
}

/** A new layer of `type` with its spec's example arguments, called on what comes before `index`. */
export function newLayer(state: LabState, type: string, index: number, catalog: Catalog): LabLayer {
  const info = catalog.get(type);
  const fields: Record<string, string> = {};
  for (const [arg, value] of Object.entries(info?.example ?? {})) fields[arg] = literalText(value);
  let from = defaultFrom(state, index);
  // a layer that merges tensors starts with two: the last two it may read (the two inputs of a
  // two-input model, or the layer before it and the one before that)
  if (info && info.takes !== 'one') {
    const sources = sourcesBefore(state, index);
    from = sources.length >= 2 ? sources.slice(-2) : [...from, ...from];
  }
  return { id: state.nextId, type, fields, from };
}

/** Insert a new layer of `type` at `index`; the layer that was there is now called on it. */
export function insertLayer(state: LabState, type: string, index: number, catalog: Catalog): LabState {
  const at = Math.max(0, Math.min(index, state.layers.length));
  const layer = newLayer(state, type, at, catalog);
  const layers = [...state.layers];
  const next = layers[at];
  const previous = defaultFrom(state, at)[0];
  // keep a chain a chain: what followed the insertion point now reads the new layer
  if (next && previous !== undefined) layers[at] = { ...next, from: next.from.map((f) => (f === previous ? layer.id : f)) };
  layers.splice(at, 0, layer);
  return { ...state, layers, nextId: state.nextId + 1 };
}

/** A copy of the layer at `index` right after it, called on the same tensors; the next layer reads the copy. */
export function duplicateLayer(state: LabState, index: number): LabState {
  const layer = state.layers[index];
  if (!layer) return state;
  const { name: _name, ...rest } = layer;
  const copy: LabLayer = { ...rest, id: state.nextId, fields: { ...layer.fields }, from: [...layer.from] };
  // in a chain the copy follows the original, reading its output
  const next = state.layers[index + 1];
  const chained = next !== undefined && next.from.length === 1 && next.from[0] === layer.id && layer.from.length === 1;
  if (chained) copy.from = [layer.id];
  const layers = [...state.layers];
  if (chained) layers[index + 1] = { ...next, from: [copy.id] };
  layers.splice(index + 1, 0, copy);
  return { ...state, layers, nextId: state.nextId + 1 };
}

/** Remove the layer at `index`; whatever read its output reads what it read instead. */
export function removeLayer(state: LabState, index: number): LabState {
  const layer = state.layers[index];
  if (!layer) return state;
  const replacement = layer.from[0];
  const layers = state.layers
    .filter((l) => l.id !== layer.id)
    .map((l) =>
      l.from.includes(layer.id)
        ? {
            ...l,
            from: replacement === undefined ? l.from.filter((f) => f !== layer.id) : l.from.map((f) => (f === layer.id ? replacement : f)),
          }
        : l,
    );
  return { ...state, layers };
}

/**
 * Move the layer at `index` one place up or down. In a chain the two layers swap places in the
 * chain; in a graph a layer cannot move above a layer it reads, and the move is refused.
 */
export function moveLayer(state: LabState, index: number, delta: -1 | 1): LabState {
  const to = index + delta;
  const a = state.layers[Math.min(index, to)];
  const b = state.layers[Math.max(index, to)];
  if (!a || !b) return state;
  const layers = [...state.layers];
  if (b.from.length === 1 && b.from[0] === a.id) {
    // a → b in a chain becomes b → a; whatever read b now reads a
    const swappedB = { ...b, from: a.from };
    const swappedA = { ...a, from: [b.id] };
    const lo = Math.min(index, to);
    layers[lo] = swappedB;
    layers[lo + 1] = swappedA;
    return {
      ...state,
      layers: layers.map((l, i) => (i > lo + 1 && l.from.includes(b.id) ? { ...l, from: l.from.map((f) => (f === b.id ? a.id : f)) } : l)),
    };
  }
  if (b.from.includes(a.id)) return state;
  layers[Math.min(index, to)] = b;
  layers[Math.max(index, to)] = a;
  return { ...state, layers };
}

/** Change the type of the layer at `index`: its fields start again from the new type's example. */
export function retype(state: LabState, index: number, type: string, catalog: Catalog): LabState {
  const layer = state.layers[index];
  if (!layer) return state;
  const fresh = newLayer(state, type, index, catalog);
  const info = catalog.get(type);
  const from = info?.takes === 'one' ? layer.from.slice(0, 1) : layer.from.length >= 2 ? layer.from : fresh.from;
  const layers = [...state.layers];
  layers[index] = { id: layer.id, type, fields: fresh.fields, from };
  return { ...state, layers };
}

export const setField = (state: LabState, layerId: number, arg: string, text: string | null): LabState => ({
  ...state,
  layers: state.layers.map((l) => {
    if (l.id !== layerId) return l;
    const fields = { ...l.fields };
    if (text === null) delete fields[arg];
    else fields[arg] = text;
    return { ...l, fields };
  }),
});

export const setFrom = (state: LabState, layerId: number, from: number[]): LabState => ({
  ...state,
  layers: state.layers.map((l) => (l.id === layerId ? { ...l, from } : l)),
});

export const setFrozen = (state: LabState, layerId: number, frozen: boolean): LabState => ({
  ...state,
  layers: state.layers.map((l) => (l.id === layerId ? { ...l, frozen } : l)),
});

/** Another model input (a two-input model), `shape` as typed. */
export const addInput = (state: LabState, shape: string): LabState => ({
  ...state,
  inputs: [...state.inputs, { id: state.nextId, shape }],
  nextId: state.nextId + 1,
});

/** Remove an input that no layer reads; a read input stays (the layers reading it say so). */
export function removeInput(state: LabState, id: number): LabState {
  if (state.inputs.length <= 1 || state.layers.some((l) => l.from.includes(id))) return state;
  return { ...state, inputs: state.inputs.filter((i) => i.id !== id) };
}

export const setInputShape = (state: LabState, id: number, shape: string): LabState => ({
  ...state,
  inputs: state.inputs.map((i) => (i.id === id ? { ...i, shape } : i)),
});

const MAX_DIM = 2 ** 31;

export type ShapeProblem = { problem: 'empty' } | { problem: 'notDim'; text: string };

/**
 * A typed input shape with the batch axis: whole numbers or None separated by commas or spaces
 * (`28, 28, 1`, `(28, 28, 1)`, `28x28x1`).
 */
export function readShape(text: string): { ok: true; shape: Shape } | ({ ok: false } & ShapeProblem) {
  const parts = text
    .trim()
    .replace(/^[([](.*)[)\]]$/, '$1')
    .replace(/(\d)\s*[x×]\s*(?=\d)/g, '$1,')
    .split(/[\s,]+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, problem: 'empty' };
  const shape: Shape = [null];
  for (const part of parts) {
    if (/^none$/i.test(part)) shape.push(null);
    else if (/^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= MAX_DIM) shape.push(Number(part));
    else return { ok: false, problem: 'notDim', text: part.slice(0, 40) };
  }
  return { ok: true, shape };
}

/** A problem in what is typed, before src/calc is asked. */
export type TypedProblem =
  | { where: 'input'; id: number; index: number; problem: ShapeProblem }
  | { where: 'field'; layerId: number; index: number; arg: string; problem: import('./literal.ts').LiteralProblem }
  | { where: 'from'; layerId: number; index: number };

/** A layer's Keras arguments: its extra arguments, then its fields; the first field that does not read, if one does not. */
export function layerArgs(layer: LabLayer): { args: LayerArgs; bad?: { arg: string; problem: import('./literal.ts').LiteralProblem } } {
  const args: LayerArgs = { ...layer.extra };
  for (const [arg, text] of Object.entries(layer.fields)) {
    const read = readLiteral(text);
    if (!read.ok) {
      const { ok: _ok, ...problem } = read;
      return { args, bad: { arg, problem } };
    }
    args[arg] = read.value;
  }
  return { args };
}

export interface Built {
  model: Model;
  /** The name of each layer in the model, by layer id (the InputLayers' too). */
  names: Map<number, string>;
  /** How many of the state's layers made it into the model (all, unless a typed problem stopped it). */
  layerCount: number;
  /** The first problem in what is typed; the model holds the layers before it. */
  problem?: TypedProblem;
}

/** True when the layers form one chain from the only input: a Sequential model. */
export function isChain(state: LabState): boolean {
  if (state.inputs.length !== 1) return false;
  let previous = state.inputs[0]!.id;
  for (const l of state.layers) {
    if (l.from.length !== 1 || l.from[0] !== previous) return false;
    previous = l.id;
  }
  return true;
}

/**
 * The model data the state describes: Sequential for a chain, functional otherwise (the model's
 * outputs are the layers nobody reads, in order). A typed problem stops it at that layer.
 */
export function toModel(state: LabState, catalog: Catalog): Built {
  const namer = new Namer('keras3');
  const names = new Map<number, string>();
  const inputs: { id: number; shape: Shape; name: string }[] = [];
  let problem: TypedProblem | undefined;
  for (const [index, input] of state.inputs.entries()) {
    const shape = readShape(input.shape);
    const name = input.name ?? namer.input();
    names.set(input.id, name);
    if (!shape.ok) {
      const { ok: _ok, ...p } = shape;
      problem ??= { where: 'input', id: input.id, index, problem: p };
      inputs.push({ id: input.id, shape: [null], name });
    } else inputs.push({ id: input.id, shape: shape.shape, name });
  }
  const resolved: { layer: LabLayer; args: LayerArgs; name: string }[] = [];
  if (!problem) {
    const known = new Set(state.inputs.map((i) => i.id));
    for (const [index, layer] of state.layers.entries()) {
      const name = layer.name ?? namer.layer(layer.type);
      names.set(layer.id, name);
      const { args, bad } = layerArgs(layer);
      if (bad) {
        problem = { where: 'field', layerId: layer.id, index, arg: bad.arg, problem: bad.problem };
        break;
      }
      if (layer.from.length === 0 || !layer.from.every((f) => known.has(f))) {
        problem = { where: 'from', layerId: layer.id, index };
        break;
      }
      known.add(layer.id);
      resolved.push({ layer, args, name });
    }
  }
  const layerCount = resolved.length;
  const withFlag = (layer: LabLayer, name: string, args: LayerArgs): ModelLayer => ({
    type: layer.type,
    ...(layer.name === undefined ? {} : { name }),
    args,
    ...(layer.frozen ? { trainable: false } : {}),
  });
  if (isChain(state) && !state.functional) {
    const input = inputs[0]!;
    const model: Model = {
      kind: 'sequential',
      input: input.shape,
      ...(state.inputs[0]?.name ? { inputName: input.name } : {}),
      ...(state.name ? { name: state.name } : {}),
      layers: resolved.map((r) => withFlag(r.layer, r.name, r.args)),
    };
    return { model, names, layerCount, ...(problem ? { problem } : {}) };
  }
  const ref = (id: number): TensorRef => ({ kind: 'tensor', layer: names.get(id)!, node: 0, tensor: 0 });
  const read = new Set(resolved.flatMap((r) => r.layer.from));
  const outputs = resolved.filter((r) => !read.has(r.layer.id)).map((r) => ref(r.layer.id));
  const model: Model = {
    kind: 'functional',
    ...(state.name ? { name: state.name } : {}),
    layers: [
      ...inputs.map((i) => ({ layer: { type: 'InputLayer', name: i.name, args: { batch_shape: i.shape } }, nodes: [] })),
      ...resolved.map((r) => {
        const tensors = r.layer.from.map(ref);
        const takes = catalog.get(r.layer.type)?.takes ?? 'one';
        const args = takes === 'list' ? [tensors] : takes === 'positional' ? tensors : tensors.slice(0, 1);
        return { layer: { ...withFlag(r.layer, r.name, r.args), name: r.name }, nodes: [{ args, kwargs: {} }] };
      }),
    ],
    inputs: inputs.map((i) => ref(i.id)),
    outputs: outputs.length > 0 ? outputs : inputs.slice(-1).map((i) => ref(i.id)),
  };
  return { model, names, layerCount, ...(problem ? { problem } : {}) };
}

/** Why a model cannot be edited in the lab's builder (it can still be summarised and explained). */
export type NotEditable =
  | { why: 'nested'; layer: string }
  | { why: 'custom'; layer: string }
  | { why: 'unknown-type'; layer: string; type: string }
  | { why: 'shared'; layer: string }
  | { why: 'call'; layer: string }
  | { why: 'no-input' };

/** Arguments a field is never offered for: they change no shape or count, or the lab sets them itself. */
const NOT_FIELDS = new Set(['name', 'dtype', 'trainable', 'batch_shape', 'batch_input_shape', 'input_shape']);

/** A layer's arguments split into typed fields (those its type offers, equal-to-default ones left out) and the rest. */
function splitArgs(type: string, args: LayerArgs | undefined, catalog: Catalog): { fields: Record<string, string>; extra?: LayerArgs } {
  const info = catalog.get(type);
  const offered = new Set(info?.args ?? []);
  const fields: Record<string, string> = {};
  const extra: LayerArgs = {};
  for (const [arg, value] of Object.entries(args ?? {})) {
    if (NOT_FIELDS.has(arg)) continue;
    const text = value !== null && typeof value === 'object' && !Array.isArray(value) ? null : literalText(value);
    const isDefault = info && Object.hasOwn(info.defaults, arg) && literalText(info.defaults[arg]) === text;
    if (isDefault) continue;
    if (text !== null && offered.has(arg) && readLiteral(text).ok) fields[arg] = text;
    else extra[arg] = value;
  }
  return Object.keys(extra).length > 0 ? { fields, extra } : { fields };
}

const shapeText = (shape: Shape): string =>
  shape
    .slice(1)
    .map((d) => (d === null ? 'None' : String(d)))
    .join(', ');

/** The lab state for a model read from a file or code, or why the builder cannot edit it. */
export function fromModel(model: Model, catalog: Catalog): { ok: true; state: LabState } | { ok: false; reason: NotEditable } {
  let nextId = 0;
  const check = (layer: { type: string; name?: string; model?: unknown; custom?: unknown }): NotEditable | null => {
    const name = layer.name ?? layer.type;
    if (layer.model) return { why: 'nested', layer: name };
    if (layer.custom) return { why: 'custom', layer: name };
    if (!catalog.has(layer.type)) return { why: 'unknown-type', layer: name, type: layer.type };
    return null;
  };
  if (model.kind === 'sequential') {
    if (!model.input) return { ok: false, reason: { why: 'no-input' } };
    const input: LabInput = { id: nextId++, shape: shapeText(model.input), ...(model.inputName ? { name: model.inputName } : {}) };
    const layers: LabLayer[] = [];
    let previous = input.id;
    for (const l of model.layers) {
      const bad = check(l);
      if (bad) return { ok: false, reason: bad };
      const id = nextId++;
      layers.push({
        id,
        type: l.type,
        ...(l.name ? { name: l.name } : {}),
        ...splitArgs(l.type, l.args, catalog),
        from: [previous],
        ...(l.trainable === false ? { frozen: true } : {}),
      });
      previous = id;
    }
    return { ok: true, state: { inputs: [input], layers, nextId, ...(model.name ? { name: model.name } : {}) } };
  }
  const ids = new Map<string, number>();
  const inputs: LabInput[] = [];
  const layers: LabLayer[] = [];
  for (const { layer, nodes } of model.layers) {
    const name = layer.name ?? '';
    if (layer.type === 'InputLayer') {
      const batch = (layer.args?.batch_shape ?? layer.args?.batch_input_shape) as Shape | undefined;
      const dims = (layer.args?.shape ?? layer.args?.input_shape) as Shape | undefined;
      const shape = Array.isArray(batch) ? batch : Array.isArray(dims) ? [null, ...dims] : null;
      if (!shape) return { ok: false, reason: { why: 'no-input' } };
      const id = nextId++;
      ids.set(name, id);
      inputs.push({ id, shape: shapeText(shape), name });
      continue;
    }
    const bad = check(layer);
    if (bad) return { ok: false, reason: bad };
    if (nodes.length !== 1) return { ok: false, reason: { why: 'shared', layer: name } };
    const node = nodes[0]!;
    const tensors = node.args.length === 1 && Array.isArray(node.args[0]) ? node.args[0] : node.args;
    const from: number[] = [];
    for (const t of tensors) {
      const isRef = typeof t === 'object' && t !== null && !Array.isArray(t) && (t as TensorRef).kind === 'tensor';
      const ref = t as TensorRef;
      const id = isRef ? ids.get(ref.layer) : undefined;
      if (!isRef || id === undefined || ref.node !== 0 || ref.tensor !== 0) return { ok: false, reason: { why: 'call', layer: name } };
      from.push(id);
    }
    if (Object.keys(node.kwargs).length > 0 || from.length === 0) return { ok: false, reason: { why: 'call', layer: name } };
    const id = nextId++;
    ids.set(name, id);
    layers.push({
      id,
      type: layer.type,
      name,
      ...splitArgs(layer.type, layer.args, catalog),
      from,
      ...(layer.trainable === false ? { frozen: true } : {}),
    });
  }
  if (inputs.length === 0) return { ok: false, reason: { why: 'no-input' } };
  // outputs are read back as the layers nobody reads: a model whose outputs are chosen otherwise keeps its shape but not that choice
  return { ok: true, state: { inputs, layers, nextId, functional: true, ...(model.name ? { name: model.name } : {}) } };
}
