/**
 * Keras model JSON of every era → Model. Reads Keras 3 `to_json()` (and a `.keras` archive's
 * config.json), tf.keras 2.x / multi-backend Keras JSON including the old list-form Sequential,
 * and the topology inside a tfjs model.json. Counts never come from weight manifests.
 */
import {
  tensor,
  type FunctionalModel,
  type Model,
  type ModelLayer,
  type NodeArg,
  type NodeCall,
  type SequentialModel,
  type TensorRef,
} from '../model.ts';
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../diagnostics.ts';
import type { Dialect, LayerArgs, Result, Shape } from '../types.ts';
import { isJsonObject, isPlainJson, kindOf, parseJsonText, plainJson, TOO_DEEP, type Json, type JsonObject } from './json-text.ts';
import { firstCallIsNumberedOne, renumberCallsOf } from './nested-call-numbering.ts';

type Obj = JsonObject;

/** Internal: a located structural problem in the input. */
class Malformed extends Error {
  constructor(
    readonly path: string,
    readonly code: DiagnosticCode,
    readonly values: object,
  ) {
    super(code);
  }
}

const malformed = <C extends DiagnosticCode>(path: string, code: C, values: ValuesOf<C>): Malformed => new Malformed(path, code, values);

const isObj = isJsonObject;

export { parseJsonText };

/** Which Keras wrote this file, from its `keras_version` / `backend`, else from its shape. */
export function detectDialect(top: Obj): Dialect {
  const version = typeof top['keras_version'] === 'string' ? top['keras_version'] : '';
  if (version.startsWith('tfjs') || top['backend'] === 'tensor_flow.js') return 'tfjs';
  if (!version) return dialectFromShape(top);
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  if (major === 1) return 'keras-mb';
  if (major !== 2) return 'keras3';
  // TF 1.x bundled Keras wrote "2.2.4-tf"; plain 2.0–2.3.1 is multi-backend Keras.
  const multiBackend = !version.includes('tf') && (minor < 3 || (minor === 3 && patch <= 1));
  return multiBackend ? 'keras-mb' : 'tf.keras';
}

/**
 * Without a version (Keras 3 writes none; a `get_config()` dump has none), the layout tells:
 * a bare list of layers is Keras ≤ 2.2, nested-list inbound nodes and `batch_input_shape` are
 * Keras 2, everything else is read as Keras 3.
 */
function dialectFromShape(top: Obj): Dialect {
  const cfg = top['config'];
  if (Array.isArray(cfg)) return 'keras-mb';
  const layers = isObj(cfg) ? cfg['layers'] : undefined;
  if (!Array.isArray(layers)) return 'keras3';
  const keras2 = layers.some((l) => {
    if (!isObj(l)) return false;
    const nodes = l['inbound_nodes'];
    const lc = l['config'];
    return (Array.isArray(nodes) && Array.isArray(nodes[0])) || (isObj(lc) && 'batch_input_shape' in lc);
  });
  return keras2 ? 'tf.keras' : 'keras3';
}

/** Read a model from parsed Keras JSON (`{class_name, config, …}`, or a bare `get_config()` dict). */
export function modelFromKerasJson(json: Json, dialectHint?: Dialect): Result<Model> {
  if (!isObj(json)) return fail('', 'keras-json-not-object', { found: kindOf(json) });
  try {
    // Text read by parseJsonText is plain already; an object handed over directly is made so here.
    const plain = isPlainJson(json) ? json : plainJson(json);
    if (plain === TOO_DEEP) return fail('', 'model-too-deep', {});
    const top = asModelObject(plain as Obj);
    const dialect = dialectHint ?? detectDialect(top);
    return { ok: true, value: readModel(top, '', dialect) };
  } catch (e) {
    if (e instanceof Malformed) return fail(e.path, e.code, e.values as never);
    if (e instanceof RangeError) return fail('', 'model-too-deep', {});
    throw e;
  }
}

/** `model.get_config()` dumps lack the `{class_name, config}` envelope; give them one. */
function asModelObject(o: Obj): Obj {
  if ('class_name' in o || !Array.isArray(o['layers'])) return o;
  return { class_name: 'input_layers' in o ? 'Functional' : 'Sequential', config: o };
}

function fail<C extends DiagnosticCode>(path: string, code: C, values: ValuesOf<C>): Result<never> {
  return { ok: false, error: diagnostic(code, values, path ? { path } : {}) };
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

function isModelObject(o: Obj): boolean {
  const cfg = o['config'];
  return (
    MODEL_CLASSES.has(String(o['class_name'])) ||
    (isObj(cfg) && Array.isArray(cfg['layers']) && ('input_layers' in cfg || 'output_layers' in cfg))
  );
}

function readModel(o: Obj, path: string, dialect: Dialect): Model {
  const className = o['class_name'];
  if (typeof className !== 'string') throw malformed(join(path, 'class_name'), 'keras-json-no-class-name', {});
  const cfg = o['config'];
  // Keras ≤ 2.2 wrote a Sequential's config as the bare list of layers.
  if (Array.isArray(cfg)) return readSequential({ layers: cfg }, join(path, 'config'), dialect, className);
  if (!isObj(cfg)) throw malformed(join(path, 'config'), 'keras-json-no-config', {});
  if (!Array.isArray(cfg['layers']) && !MODEL_CLASSES.has(className)) {
    throw malformed(join(path, 'config'), 'keras-json-no-layers', { className });
  }
  const isFunctional =
    'input_layers' in cfg ||
    'output_layers' in cfg ||
    (className !== 'Sequential' && Array.isArray(cfg['layers']) && cfg['layers'].some((l) => isObj(l) && 'inbound_nodes' in l));
  return isFunctional
    ? readFunctional(cfg, join(path, 'config'), dialect, className)
    : readSequential(cfg, join(path, 'config'), dialect, className);
}

function readSequential(cfg: Obj, path: string, dialect: Dialect, className: string): SequentialModel {
  const list = cfg['layers'];
  if (!Array.isArray(list)) throw malformed(join(path, 'layers'), 'keras-json-layers-not-list', {});
  const model: SequentialModel = { kind: 'sequential', dialect, className, layers: [] };
  if (typeof cfg['name'] === 'string') model.name = cfg['name'];
  if (cfg['trainable'] === false) model.trainable = false;
  list.forEach((entry, i) => {
    const at = `${join(path, 'layers')}[${i}]`;
    if (!isObj(entry)) throw malformed(at, 'keras-json-layer-not-object', { sequential: true });
    const layer = readLayer(entry, at, dialect);
    if (layer.type === 'InputLayer') {
      const shape = batchShape(layer.args ?? {}, at);
      if (shape) model.input = shape;
      if (layer.name) model.inputName = layer.name;
      return;
    }
    const declared = layer.args?.['batch_input_shape'] ?? layer.args?.['batch_shape'];
    if (model.layers.length === 0 && !model.input && Array.isArray(declared))
      model.input = shapeFrom(declared, `${at}.config.batch_input_shape`);
    else if (model.layers.length === 0 && !model.input && Array.isArray(layer.args?.['input_shape'])) {
      model.input = [null, ...shapeFrom(layer.args['input_shape'] as Json[], `${at}.config.input_shape`)];
    } else if (model.layers.length === 0 && !model.input && layer.model) {
      // A model as the first layer brings its own input, as Keras's and tfjs's Sequential.add take it.
      const inherited = declaredInput(layer.model);
      if (inherited) model.input = inherited;
    }
    // Keras 3 records each built layer's input shape: the previous layer's output (Lambda needs it).
    const built = entry['build_config'];
    const previous = model.layers[model.layers.length - 1];
    if (
      previous &&
      isObj(built) &&
      Array.isArray(built['input_shape']) &&
      built['input_shape'].every((d) => d === null || typeof d === 'number')
    ) {
      previous.recordedOutput = built['input_shape'] as Shape;
    }
    model.layers.push(layer);
  });
  const build = cfg['build_input_shape'];
  if (!model.input && Array.isArray(build)) model.input = shapeFrom(build, join(path, 'build_input_shape'));
  return model;
}

function readFunctional(cfg: Obj, path: string, dialect: Dialect, className: string): FunctionalModel {
  const list = cfg['layers'];
  if (!Array.isArray(list)) throw malformed(join(path, 'layers'), 'keras-json-layers-not-list', {});
  const layers = list.map((entry, i) => {
    const at = `${join(path, 'layers')}[${i}]`;
    if (!isObj(entry)) throw malformed(at, 'keras-json-layer-not-object', { sequential: false });
    const layer = readLayer(entry, at, dialect);
    if (typeof entry['name'] === 'string') layer.name = entry['name'];
    const nodes = entry['inbound_nodes'] ?? [];
    if (!Array.isArray(nodes)) throw malformed(`${at}.inbound_nodes`, 'keras-json-nodes-not-list', {});
    return { layer, nodes: nodes.map((n, k) => readNode(n, `${at}.inbound_nodes[${k}]`)) };
  });
  const model: FunctionalModel = {
    kind: 'functional',
    dialect,
    className,
    layers,
    inputs: readEndpoints(cfg['input_layers'], join(path, 'input_layers')),
    outputs: readEndpoints(cfg['output_layers'], join(path, 'output_layers')),
  };
  const numberedFromOne = layers.filter(
    ({ layer }, i) => layer.model && layer.name !== undefined && firstCallIsNumberedOne(list[i]!, dialect),
  );
  renumberCallsOf(model, new Set(numberedFromOne.map(({ layer }) => layer.name!)));
  if (dialect === 'keras3') lastCallOfNestedEndpoints(model);
  if (typeof cfg['name'] === 'string') model.name = cfg['name'];
  if (cfg['trainable'] === false) model.trainable = false;
  return model;
}

/**
 * Keras 3 (3.15) writes a model's endpoint on a nested model with that model's own call count, one
 * past the calls its entry records (`"output_layers": ["decoder", 1, 0]` for an autoencoder whose
 * decoder is called once; the calls themselves say `["encoder", 0, 0]`). Such an endpoint means
 * the nested model's last call.
 */
function lastCallOfNestedEndpoints(model: FunctionalModel): void {
  const calls = new Map(model.layers.filter((e) => e.layer.model).map((e) => [e.layer.name, e.nodes.length]));
  for (const ref of [...model.inputs, ...model.outputs]) {
    const n = calls.get(ref.layer);
    if (n !== undefined && n > 0 && ref.node >= n) ref.node = n - 1;
  }
}

/**
 * `["dense", 0, 0]`, `[["a", 0, 0], ["b", 0, 0]]`, or Keras 3's dict of named endpoints
 * (`{"title": ["title", 0, 0], …}`), which Keras flattens in the order of its sorted keys.
 */
function readEndpoints(v: Json | undefined, path: string): TensorRef[] {
  if (isObj(v)) {
    return Object.keys(v)
      .sort()
      .map((k) => triple(v[k]!, `${path}.${k}`));
  }
  if (!Array.isArray(v)) throw malformed(path, 'keras-json-refs-not-list', {});
  if (v.length === 3 && typeof v[0] === 'string') return [triple(v, path)];
  return v.map((t, i) => triple(t, `${path}[${i}]`));
}

function triple(v: Json, path: string): TensorRef {
  if (!Array.isArray(v) || typeof v[0] !== 'string' || !isIndex(v[1]) || !isIndex(v[2])) {
    throw malformed(path, 'keras-json-bad-ref', {});
  }
  return tensor(v[0], v[1], v[2]);
}

const isIndex = (v: Json | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** One call: Keras 3's `{args, kwargs}` or Keras 2's `[[name, node, tensor, kwargs], …]`. */
function readNode(n: Json, path: string): NodeCall {
  if (isObj(n)) {
    const args = n['args'];
    const kwargs = n['kwargs'];
    return {
      args: Array.isArray(args) ? args.map((a, i) => readArg(a, `${path}.args[${i}]`)) : [],
      kwargs: isObj(kwargs) ? Object.fromEntries(Object.entries(kwargs).map(([k, a]) => [k, readArg(a, `${path}.kwargs.${k}`)])) : {},
    };
  }
  if (!Array.isArray(n)) throw malformed(path, 'keras-json-bad-call', {});
  const refs = n.map((e, i) => triple(Array.isArray(e) ? e.slice(0, 3) : e, `${path}[${i}]`));
  const kwargs: Record<string, NodeArg> = {};
  for (const e of n) {
    const kw = Array.isArray(e) ? e[3] : undefined;
    if (isObj(kw)) for (const [k, v] of Object.entries(kw)) if (k !== '__proto__') kwargs[k] = legacyArg(v);
  }
  const args: NodeArg[] = refs.length === 0 ? [] : refs.length === 1 ? [refs[0]!] : [refs];
  return { args, kwargs };
}

/** Keras 3 call arguments: `__keras_tensor__` objects become tensor references. */
function readArg(a: Json, path: string): NodeArg {
  if (Array.isArray(a)) return a.map((x, i) => readArg(x, `${path}[${i}]`));
  if (isObj(a)) {
    if (a['class_name'] === '__keras_tensor__' && isObj(a['config'])) {
      const h = a['config']['keras_history'];
      if (Array.isArray(h) && typeof h[0] === 'string') {
        const node = h[1] ?? 0;
        const index = h[2] ?? 0;
        if (!isIndex(node) || !isIndex(index)) {
          throw malformed(`${path}.config.keras_history`, 'keras-json-bad-history', {});
        }
        const ref = tensor(h[0], node, index);
        const shape = a['config']['shape'];
        if (Array.isArray(shape) && shape.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d >= 0)))
          ref.shape = shape as Shape;
        return ref;
      }
    }
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, readArg(v, join(path, k))]));
  }
  return a;
}

/** tf.keras kwargs name tensors as `[layer, node, tensor]` lists. */
function legacyArg(v: Json): NodeArg {
  if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && isIndex(v[1]) && isIndex(v[2])) return tensor(v[0], v[1], v[2]);
  if (Array.isArray(v)) return v.map(legacyArg);
  return isObj(v) ? null : v;
}

/** `__proto__` from a file would set the prototype of args, not an argument. */
const SKIP = new Set(['name', 'trainable', 'dtype', '__proto__']);

/** A layer object → ModelLayer; wrapped layers and nested models are read recursively. */
function readLayer(o: Obj, path: string, dialect: Dialect): ModelLayer {
  const type = o['class_name'];
  if (typeof type !== 'string') throw malformed(join(path, 'class_name'), 'keras-json-layer-no-class-name', {});
  if (isModelObject(o)) {
    const model = readModel(o, path, dialect);
    const layer: ModelLayer = { type, model, path };
    if (model.name) layer.name = model.name;
    if (model.trainable === false) layer.trainable = false;
    return layer;
  }
  const cfg = o['config'];
  if (!isObj(cfg)) throw malformed(join(path, 'config'), 'keras-json-layer-no-config', { type });
  const args: LayerArgs = {};
  for (const k in cfg) {
    if (SKIP.has(k)) continue;
    const v = cfg[k]!;
    if ((k === 'layer' || k === 'backward_layer') && isObj(v)) args[k] = innerLayer(v, `${join(path, 'config')}.${k}`, dialect);
    else args[k] = k === 'data_format' && typeof v === 'string' ? pythonicDataFormat(v) : v;
  }
  const layer: ModelLayer = { type, args, path };
  if (typeof cfg['name'] === 'string') layer.name = cfg['name'];
  if (cfg['trainable'] === false) layer.trainable = false;
  const dtype = policyName(cfg['dtype']);
  if (dtype) layer.dtype = variableDtype(dtype);
  return layer;
}

/** tfjs reads `channelsLast` as well as `channels_last` in a file (its writer emits the latter). */
const pythonicDataFormat = (v: string): string => (v === 'channelsLast' ? 'channels_last' : v === 'channelsFirst' ? 'channels_first' : v);

/** A wrapped layer (Bidirectional, TimeDistributed) as `{type, name, args}`. */
function innerLayer(o: Obj, path: string, dialect: Dialect): LayerArgs {
  const l = readLayer(o, path, dialect);
  return { type: l.type, name: l.name ?? null, args: l.args ?? {} };
}

function policyName(d: Json | undefined): string | undefined {
  if (typeof d === 'string') return d;
  if (isObj(d) && isObj(d['config']) && typeof d['config']['name'] === 'string') return d['config']['name'];
  return undefined;
}

/** A mixed policy computes in float16 but stores float32 variables. */
const variableDtype = (policy: string): string => (policy.startsWith('mixed_') ? 'float32' : policy);

function batchShape(args: LayerArgs, path: string): Shape | undefined {
  const b = args['batch_shape'] ?? args['batch_input_shape'];
  if (Array.isArray(b)) return shapeFrom(b as Json[], `${path}.config.batch_shape`);
  if (Array.isArray(args['shape'])) return [null, ...shapeFrom(args['shape'] as Json[], `${path}.config.shape`)];
  return undefined;
}

/** The one input shape a model declares (a nested model's, for the Sequential it starts). */
function declaredInput(m: Model): Shape | undefined {
  if (m.kind === 'sequential') return m.input;
  const only = m.inputs.length === 1 ? m.inputs[0] : undefined;
  const entry = only && m.layers.find(({ layer }) => layer.name === only.layer && layer.type === 'InputLayer');
  return entry ? batchShape(entry.layer.args ?? {}, entry.layer.path ?? '') : undefined;
}

function shapeFrom(v: Json[], path: string): Shape {
  return v.map((d, i) => {
    if (d === null) return null;
    // 1e400 parses as Infinity, which JSON.stringify would print as "null"
    if (typeof d === 'number' && !Number.isFinite(d)) throw malformed(`${path}[${i}]`, 'arg-number-too-large', {});
    if (typeof d === 'number' && d > Number.MAX_SAFE_INTEGER)
      throw malformed(`${path}[${i}]`, 'arg-too-large', { max: Number.MAX_SAFE_INTEGER });
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)
      throw malformed(`${path}[${i}]`, 'keras-json-bad-dim', { got: JSON.stringify(d) ?? String(d) });
    return d;
  });
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
