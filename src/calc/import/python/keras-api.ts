/**
 * What Keras code means to the Python reader: imports of `keras`, `tensorflow.keras` or
 * `tf_keras` in any spelling, layer constructors, `keras.Input`, `Sequential`, `Model`, calls of
 * layers on tensors, tensor arithmetic, `keras.applications`, freezing, and the automatic names
 * Keras hands out in the order a fresh Python process would (docs/naming.md). Everything else in
 * Keras (optimizers, datasets, callbacks) is followed no further: it cannot change a count.
 */
import { applications, configurable, type ApplicationOptions } from '../../applications/index.ts';
import { diagnostic } from '../../diagnostics.ts';
import { knownTypes, specFor } from '../../layers/index.ts';
import { Namer, toSnakeCase } from '../../naming.ts';
import type { Diagnostic, Dialect, Shape } from '../../types.ts';
import type { Evaluator, Host } from './evaluate.ts';
import { PyError } from './literals.ts';
import { tensorsIn } from './to-model.ts';
import {
  isDict,
  isLayer,
  isModel,
  isObj,
  isSeq,
  isTensor,
  isUnknown,
  list,
  type LayerObj,
  type Loc,
  type ModelObj,
  type Py,
  type PyClass,
  type AppLayer,
  type PyFunction,
  type PyModule,
  type PySeq,
  type TensorObj,
  type Unknown,
  tuple,
  typeName,
  unknown,
} from './values.ts';

/** `name = keras.Sequential([...])` a problem in the list stopped: the items and literal arguments made before it. */
export interface StoppedSequential {
  args: Py[];
  kwargs: Map<string, Py>;
  at: Loc;
  problem: Diagnostic;
  variable: string;
}

/** Lower-case functions in `keras.layers` that make a merge layer and call it at once. */
const MERGE_FUNCTIONS = new Map([
  ['concatenate', 'Concatenate'],
  ['add', 'Add'],
  ['subtract', 'Subtract'],
  ['multiply', 'Multiply'],
  ['average', 'Average'],
  ['maximum', 'Maximum'],
  ['minimum', 'Minimum'],
  ['dot', 'Dot'],
]);

/** Tensor arithmetic as the operation Keras 3 records (its summary row's class). */
const TENSOR_OPS = new Map([
  ['+', 'Add'],
  ['-', 'Subtract'],
  ['*', 'Multiply'],
  ['/', 'TrueDivide'],
  ['neg', 'Negative'],
]);

/** keras.ops functions that are tensor arithmetic. */
const OPS_BINARY = new Map([
  ['add', '+'],
  ['subtract', '-'],
  ['multiply', '*'],
  ['divide', '/'],
  ['true_divide', '/'],
]);

/** keras.ops functions whose output has their input's shape (activations, element-wise maths). */
const OPS_SAME_SHAPE = new Set(
  'relu relu6 sigmoid tanh exp log sqrt square abs negative softmax log_softmax gelu silu swish elu selu softplus softsign hard_sigmoid hard_silu hard_swish leaky_relu erf sin cos floor ceil round sign clip cast'.split(
    ' ',
  ),
);

/** Application modules whose preprocess_input scales to [-1, 1] ('tf' mode), and those that change nothing. */
const TF_MODE_PREPROCESSING = new Set([
  'mobilenet',
  'mobilenet_v2',
  'inception_v3',
  'inception_resnet_v2',
  'xception',
  'resnet_v2',
  'nasnet',
]);
const PASS_THROUGH_PREPROCESSING = new Set(['efficientnet', 'efficientnet_v2', 'convnext', 'mobilenet_v3']);

/** keras.random functions that make a tensor of a given shape (a VAE's sampling noise). */
const RANDOM_TENSORS = new Set(['normal', 'uniform', 'truncated_normal', 'randint']);

/** keras.ops reductions: `axis` (one or several, negative from the end) dropped, or kept as 1 with keepdims. */
const OPS_REDUCE = new Set(['mean', 'sum', 'max', 'min', 'prod', 'std', 'var', 'logsumexp']);

/** Operations whose class is not their function's name (keras/src/ops/numpy.py, nn.py). */
const OP_CLASSES = new Map([
  ['abs', 'Absolute'],
  ['swish', 'Silu'],
  ['hard_swish', 'HardSilu'],
]);

/** `relu` → `Relu`, `leaky_relu` → `LeakyRelu`: the class Keras 3 gives an operation. */
const opClass = (name: string): string =>
  OP_CLASSES.get(name) ?? name.replace(/(^|_)([a-z])/g, (_, _u: string, c: string) => c.toUpperCase());

/** TensorFlow's names for the operations custom layers written for tf.keras call (tf.matmul, tf.reduce_mean). */
const TF_OPS = new Map([
  ['reduce_mean', 'mean'],
  ['reduce_sum', 'sum'],
  ['reduce_max', 'max'],
  ['reduce_min', 'min'],
  ['reduce_prod', 'prod'],
  ['concat', 'concatenate'],
]);

/** Arguments that cannot change a count or a shape: an unknown value there is dropped quietly. */
const NO_COUNT_ARG =
  /^(activation|recurrent_activation|.*_initializer|.*_regularizer|.*_constraint|seed|activity_regularizer|kernel_quantization_config)$/;

/** Keyword arguments every layer takes that are not the layer's own configuration. */
const INPUT_ARGS = new Set(['input_shape', 'batch_input_shape', 'input_dim', 'batch_size', 'input_length']);

/**
 * The parameters each `keras.applications` builder takes, in Keras 3's order (positional
 * arguments are matched to them). Most share one signature; the MobileNets and NASNets take the
 * input shape first, ConvNeXt its preprocessing switch second.
 */
const APPLICATION_COMMON = 'include_top weights input_tensor input_shape pooling classes classifier_activation name'.split(' ');
const APPLICATION_PARAMETERS = new Map<string, readonly string[]>(
  [
    ['MobileNet', 'input_shape alpha depth_multiplier dropout include_top weights input_tensor pooling classes classifier_activation name'],
    ['MobileNetV2', 'input_shape alpha include_top weights input_tensor pooling classes classifier_activation name'],
    ...['MobileNetV3Small', 'MobileNetV3Large'].map((n) => [
      n,
      'input_shape alpha minimalistic include_top weights input_tensor classes pooling dropout_rate classifier_activation include_preprocessing name',
    ]),
    ...['NASNetMobile', 'NASNetLarge'].map((n) => [
      n,
      'input_shape include_top weights input_tensor pooling classes classifier_activation name',
    ]),
    ...['Tiny', 'Small', 'Base', 'Large', 'XLarge'].map((n) => [
      `ConvNeXt${n}`,
      'include_top include_preprocessing weights input_tensor input_shape pooling classes classifier_activation name',
    ]),
  ].map(([name, parameters]) => [name!, parameters!.split(' ')]),
);

/**
 * Builder arguments the applications here are made without, and the values that leave the layers
 * as Keras's defaults make them (`alpha` scales every convolution's filters; `minimalistic` swaps
 * blocks; `include_preprocessing=False` drops the Rescaling or Normalization layer;
 * `dropout_rate=0` drops MobileNetV3's Dropout). `weights`, `classifier_activation` and MobileNet's
 * `dropout` rate change no layer and pass whatever their value.
 */
const APPLICATION_AT_DEFAULT: ReadonlyMap<string, (v: Py) => boolean> = new Map<string, (v: Py) => boolean>([
  ['alpha', (v) => v === 1],
  ['depth_multiplier', (v) => v === 1],
  ['minimalistic', (v) => v === false],
  ['include_preprocessing', (v) => v === true],
  ['dropout_rate', (v) => typeof v === 'number' && v > 0],
]);

export class Keras implements Host {
  readonly namer: Namer;
  /** Every model in the order the code made them. */
  readonly models: ModelObj[] = [];
  /** Models `summary()` was called on, in call order. */
  readonly summarized: ModelObj[] = [];
  /** The tensors `keras.Input(...)` made, in the order the code made them. */
  readonly inputTensors: TensorObj[] = [];
  /** Every call of a layer or model on tensors, in the order the code made them (each call's first output). */
  readonly callLog: TensorObj[] = [];
  /** `name = keras.Sequential([...])` stopped by a problem in its list: what was made before it (read-python.ts builds it). */
  readonly stoppedSequentials: StoppedSequential[] = [];
  /** Layers whose first call has happened (their build took its helper names). */
  private readonly builtLayers = new WeakSet<object>();
  /** Custom Layer subclasses: the hook that builds them (custom-layer.ts). */
  customLayer?: (cls: PyClass, args: Py[], kwargs: Map<string, Py>, at: Loc) => Py;
  /** Builds a Lambda on its first call from its Python function (custom-layers.ts). */
  buildLambda?: (layer: LayerObj, fn: PyFunction, inputShape: Shape | Shape[] | undefined, at: Loc) => void;
  /** Builds a custom layer on its first call (custom-layers.ts). */
  buildCustom?: (layer: LayerObj, inputShape: Shape | Shape[] | undefined, args: Py[], kwargs: Map<string, Py>, at: Loc) => void;
  /** The output shape of a Sequential's first `count` layers (read-python.ts). */
  prefixShape?: (model: ModelObj, count: number) => Shape | undefined;
  /** Above 0 while a custom layer's call runs: operations inside it take no automatic names. */
  quiet = 0;
  /** The shapes of a call's output tensors (read-python.ts), for `x.shape` and unpacking. */
  outputShapes?: (t: TensorObj) => Shape[] | Diagnostic;

  constructor(readonly dialect: Dialect) {
    this.namer = new Namer(dialect);
  }

  // ---- modules ----

  module(path: string): Py {
    const keras = kerasPath(path);
    return keras === undefined ? { kind: 'module', path, keras: false } : { kind: 'module', path: keras, keras: true };
  }

  attribute(obj: Py, name: string, at: Loc, nameAt?: Loc): Py {
    if (isObj(obj)) {
      switch (obj.kind) {
        case 'module':
          if (obj.keras) return { kind: 'module', path: `${obj.path}.${name}`, keras: true, ...(nameAt && { at: nameAt }) };
          return this.module(`${obj.path}.${name}`);
        case 'layer':
          return this.layerAttribute(obj, name, at);
        case 'model':
          return this.modelAttribute(obj, name, at);
        case 'tensor':
          if (name === 'shape') return this.shapeOf(obj, at);
          return unknown(`a tensor's .${name}`, at);
        case 'class':
          return obj.methods.get(name) ?? unknown(`${obj.name}.${name}`, at);
        case 'bound':
          return unknown(`.${obj.name}.${name}`, at);
      }
    }
    return unknown(`.${name}`, at);
  }

  private layerAttribute(layer: LayerObj, name: string, at: Loc): Py {
    const own = layer.instance?.attrs.get(name);
    if (own !== undefined) return own;
    const method = layer.instance?.cls.methods.get(name);
    if (method) return { kind: 'bound', self: layer, name };
    switch (name) {
      case 'trainable':
        return layer.trainable;
      case 'name':
        return layer.name;
      case 'output':
        return layer.calls.length === 1 ? { kind: 'tensor', source: layer, call: 0, index: 0 } : unknown(`${layer.name}.output`, at);
      case 'input':
        return layer.type === 'InputLayer' ? { kind: 'tensor', source: layer, call: 0, index: 0 } : unknown(`${layer.name}.input`, at);
    }
    return { kind: 'bound', self: layer, name };
  }

  private modelAttribute(model: ModelObj, name: string, at: Loc): Py {
    switch (name) {
      case 'layers':
        return list(this.layersOf(model));
      case 'trainable':
        return model.trainable;
      case 'name':
        return model.name;
      case 'input':
      case 'inputs':
        if (model.variant === 'functional') return model.inputs ?? null;
        if (model.variant === 'sequential' && model.input) return model.input;
        return unknown(`${model.name}.${name}`, at);
      case 'output':
      case 'outputs':
        if (model.variant === 'functional') return model.outputs ?? null;
        return unknown(`${model.name}.${name}`, at);
    }
    return { kind: 'bound', self: model, name };
  }

  /** `model.layers`: what Keras lists (a Sequential leaves out its InputLayer). */
  layersOf(model: ModelObj): Py[] {
    if (model.variant === 'sequential') return model.layers;
    if (model.variant === 'functional') return this.graphLayers?.(model) ?? [];
    return model.data?.kind === 'functional' ? model.data.layers.map((_, index): AppLayer => ({ kind: 'app-layer', model, index })) : [];
  }

  /** Functional models' layers in Keras's order (to-model.ts sets it). */
  graphLayers?: (model: ModelObj) => Py[];

  setAttribute(obj: Py, name: string, value: Py, at: Loc): boolean {
    if (isLayer(obj) && obj.instance && name !== 'trainable') {
      obj.instance.attrs.set(name, value);
      return true;
    }
    if (name !== 'trainable') return isLayer(obj) || isModel(obj);
    if (typeof value !== 'boolean') return true;
    if (isLayer(obj) || isModel(obj)) obj.trainable = value;
    else if (isObj(obj) && obj.kind === 'app-layer') {
      const data = obj.model.data;
      if (data?.kind === 'functional') data.layers[obj.index]!.layer.trainable = value;
    } else return false;
    void at;
    return true;
  }

  items(obj: Py, at: Loc): Py[] | undefined {
    if (isObj(obj) && obj.kind === 'module' && obj.keras && /(^|\.)layers$/.test(obj.path)) {
      return [...knownTypes(), 'Input', ...MERGE_FUNCTIONS.keys()].map((n) =>
        tuple([n, { kind: 'module', path: `${obj.path}.${n}`, keras: true }]),
      );
    }
    if (isObj(obj) && obj.kind === 'module' && obj.keras && obj.path === 'keras') {
      return ['Input', 'Sequential', 'Model', 'layers', 'applications'].map((n) =>
        tuple([n, { kind: 'module', path: `keras.${n}`, keras: true }]),
      );
    }
    if (isTensor(obj)) {
      const shapes = this.outputShapes?.(obj);
      if (!shapes || !Array.isArray(shapes)) return undefined;
      if (shapes.length > 1 && obj.index === 0 && !(obj as { picked?: boolean }).picked) {
        return shapes.map((_, i) => ({ kind: 'tensor', source: obj.source, call: obj.call, index: i, picked: true }) as TensorObj);
      }
      return undefined;
    }
    if (isModel(obj)) return undefined;
    void at;
    return undefined;
  }

  classBase(base: Py): PyClass['base'] {
    if (isObj(base) && base.kind === 'class') return base.base;
    if (isObj(base) && base.kind === 'module' && base.keras) {
      const last = base.path.split('.').pop();
      if (last === 'Layer') return 'layer';
      if (last === 'Model' || last === 'Sequential') return 'model';
    }
    return 'other';
  }

  // ---- tensor arithmetic ----

  binary(op: string, left: Py, right: Py, at: Loc): Py | undefined {
    if (!isTensor(left) && !isTensor(right)) return undefined;
    const type = TENSOR_OPS.get(op);
    if (!type) return unknown(`tensor arithmetic (${op})`, at);
    if (isTensor(left) && isTensor(right) && specFor(type)) {
      // tensors of different ranks broadcast over every axis, the batch axis too (numpy's rule)
      const [a, b] = [left, right]
        .map((t) => this.outputShapes?.(t))
        .map((s, i) => (Array.isArray(s) ? s[[left, right][i]!.index] : undefined));
      if (a && b && a.length !== b.length) {
        const layer = this.newLayer(type, {}, undefined, at);
        layer.custom = { weights: [], output: broadcast(a, b) };
        return this.callLayer(layer, [left, right], new Map(), at);
      }
      const layer = this.newLayer(type, {}, undefined, at);
      return this.callLayer(layer, [list([left, right])], new Map(), at);
    }
    // with a number or a custom layer's weight: an operation of the tensor's shape, without weights
    const constant = (v: Py) => typeof v === 'number' || typeof v === 'boolean' || (isObj(v) && v.kind === 'weight');
    if ((isTensor(left) && (constant(right) || op === 'neg')) || (isTensor(right) && constant(left))) {
      const layer = this.newLayer(type, {}, undefined, at);
      layer.custom = { weights: [], output: 'same' };
      const args = [left, right].map((v) => (isObj(v) && v.kind === 'weight' ? null : v));
      return this.callLayer(layer, op === 'neg' ? [left] : args, new Map(), at);
    }
    return unknown(`tensor arithmetic (${op})`, at);
  }

  /** An operation on one tensor whose output shape is worked out from the input's (`ops.matmul` with a weight). */
  private shapedOp(type: string, input: TensorObj, output: (shape: Shape) => Shape | undefined, extra: Py[], at: Loc): Py {
    const shapes = this.outputShapes?.(input);
    const shape = Array.isArray(shapes) ? shapes[input.index] : undefined;
    const out = shape ? output(shape) : undefined;
    if (!out) return unknown(`ops.${toSnakeCase(type)}(…)`, at);
    const layer = this.newLayer(type, {}, undefined, at);
    layer.custom = { weights: [], output: out };
    return this.callLayer(layer, [input, ...extra], new Map(), at);
  }

  // ---- calls ----

  call(callee: Py, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    if (!isObj(callee)) ev.fail('python-not-callable', { type: typeName(callee) }, at);
    switch (callee.kind) {
      case 'module': {
        if (callee.keras) return this.kerasCall(callee, args, kwargs, at, ev);
        // tf.matmul, tf.nn.relu, tf.math.reduce_mean: the Keras operation of the same meaning
        const tf = /^tensorflow\.(?:(?:math|nn)\.)?(\w+)$/.exec(callee.path);
        if (tf) {
          const name = TF_OPS.get(tf[1]!) ?? tf[1]!;
          return this.kerasCall({ kind: 'module', path: `keras.ops.${name}`, keras: true }, args, kwargs, at, ev);
        }
        return unknown(`${callee.path}(…)`, at);
      }
      case 'layer':
      case 'model': {
        const lost = [...args, ...kwargs.values()].map(unknownIn).find((u) => u !== undefined);
        if (lost) ev.fail('python-not-static', { what: lost.what }, lost.at);
        return callee.kind === 'layer' ? this.callLayer(callee, args, kwargs, at) : this.callModel(callee, args, kwargs, at, ev);
      }
      case 'bound':
        return this.method(callee.self, callee.name, args, kwargs, at, ev);
      case 'class':
        if (callee.base === 'layer' && this.customLayer) return this.customLayer(callee, args, kwargs, at);
        if (callee.base === 'model') {
          ev.note('python-subclassed-model', { name: callee.name, line: callee.at.line }, at);
          return unknown(`${callee.name}(…)`, at);
        }
        return unknown(`${callee.name}(…)`, at);
      default:
        return unknown(`${typeName(callee)}(…)`, at);
    }
  }

  private kerasCall(m: PyModule, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    const segments = m.path.split('.');
    const last = segments[segments.length - 1]!;
    if (last === 'clear_session') {
      this.namer.reset();
      return null;
    }
    if (last === 'Sequential') return this.sequential(args, kwargs, at, ev);
    if (last === 'Model' || last === 'Functional') return this.functional(args, kwargs, at, ev);
    if (last === 'Input') return this.input(args, kwargs, at, ev);
    if (segments.includes('applications') && Object.hasOwn(applications, last)) return this.application(last, args, kwargs, at, ev);
    if (segments.includes('applications') && last === 'preprocess_input')
      return this.preprocess(segments, args[0] ?? kwargs.get('x') ?? null, at);
    const merge = MERGE_FUNCTIONS.get(last);
    if (merge && segments.includes('layers')) {
      const [tensors, ...rest] = args;
      const layer = this.construct(merge, rest, withoutKey(kwargs, 'inputs'), at, ev);
      if (!isLayer(layer)) return layer;
      return this.callLayer(layer, [tensors ?? kwargs.get('inputs') ?? null], new Map(), at);
    }
    if (segments.includes('ops') || segments.includes('nn') || segments.includes('activations')) {
      if (last === 'shape' && isTensor(args[0] ?? null)) return this.shapeOf(args[0] as TensorObj, at);
      if (last === 'arange') return this.arange(args, kwargs, at);
      if (last === 'concatenate' && isSeq(args[0] ?? null) && (args[0] as PySeq).items.every(isTensor)) {
        // the operation Keras 3 records has the Concatenate layer's shape rule
        const axis = args[1] ?? kwargs.get('axis') ?? -1;
        const op = this.newLayer('Concatenate', typeof axis === 'number' ? { axis } : {}, undefined, at);
        return this.callLayer(op, [args[0]!], new Map(), at);
      }
      const op = OPS_BINARY.get(last);
      if (op) return this.binary(op, args[0] ?? null, args[1] ?? null, at) ?? unknown(`${m.path}(…)`, at);
      const [x, w] = args;
      if ((last === 'matmul' || last === 'dot') && isTensor(x ?? null) && isObj(w ?? null) && (w as { kind?: string }).kind === 'weight') {
        const cols = (w as { shape: number[] }).shape.at(-1);
        return this.shapedOp('Matmul', x as TensorObj, (shape) => (cols === undefined ? undefined : [...shape.slice(0, -1), cols]), [], at);
      }
      if (isTensor(x ?? null) && OPS_SAME_SHAPE.has(last)) return this.shapedOp(opClass(last), x as TensorObj, (shape) => shape, [], at);
      if (isTensor(x ?? null) && OPS_REDUCE.has(last)) {
        const axis = args[1] ?? kwargs.get('axis') ?? null;
        const keep = (args[2] ?? kwargs.get('keepdims')) === true;
        return this.shapedOp(opClass(last), x as TensorObj, (shape) => reduced(shape, axis, keep), [], at);
      }
    }
    if (segments.includes('random') && RANDOM_TENSORS.has(last)) {
      const shape = args[0] ?? kwargs.get('shape') ?? null;
      return isSeq(shape) ? this.constant(shapeFromPy(shape, ev, at, 'shape'), at) : unknown(`${m.path}(…)`, at);
    }
    if (specFor(last) || last === 'InputLayer') return this.construct(last, args, kwargs, at, ev);
    this.checkKerasName(segments, m.at ?? at, ev);
    return unknown(`${m.path}(…)`, at);
  }

  /**
   * `layers.Flaten()`, `keras.applications.VGG61()`: a name Keras's layers or applications module
   * does not have is a typo, reported where the name is written with the one known name near it.
   * Keras classes the engine does not model (`StringLookup`, `ConvNeXtTiny`) and lower-case
   * names (submodules, functions) with no known name near them stay unknown, as before.
   */
  private checkKerasName(segments: readonly string[], at: Loc, ev: Evaluator): void {
    if (segments.length !== 3 || segments[0] !== 'keras') return;
    const [, module, name] = segments as [string, string, string];
    const upper = /^[A-Z]/.test(name);
    if (module === 'layers') {
      if (OTHER_KERAS_LAYERS.has(name)) return;
      const known = [...knownTypes(), 'Input', 'InputLayer', ...MERGE_FUNCTIONS.keys()].filter((t) => /^\w+$/.test(t));
      const suggestion = closest(name, known);
      if (suggestion !== undefined) ev.fail('python-no-layer-close', { name, suggestion }, at);
      if (upper) ev.fail('python-no-layer', { name }, at);
    } else if (module === 'applications') {
      if (!upper || OTHER_KERAS_APPLICATIONS.has(name)) return;
      const suggestion = closest(name, Object.keys(applications));
      if (suggestion !== undefined) ev.fail('python-no-application-close', { name, suggestion }, at);
      ev.fail('python-no-application', { name }, at);
    }
  }

  /** A layer object: positional arguments mapped by the spec's `positional`, Keras's own keywords set aside. */
  construct(type: string, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): LayerObj {
    const spec = specFor(type);
    const positional = type === 'InputLayer' ? ['shape', 'batch_size', 'dtype'] : (spec?.positional ?? []);
    if (args.length > positional.length) {
      ev.fail('python-too-many-arguments', { type, max: positional.length, got: args.length }, at);
    }
    const all = new Map<string, Py>();
    args.forEach((v, i) => all.set(positional[i]!, v));
    for (const [k, v] of kwargs) {
      if (all.has(k)) ev.fail('python-argument-twice', { type, argument: k }, at);
      all.set(k, v);
    }
    const given = all.get('name');
    const layer = this.newLayer(type, {}, typeof given === 'string' ? given : undefined, at);
    for (const [k, v] of all) {
      if (k === 'name') continue;
      if (k === 'trainable') {
        if (typeof v === 'boolean') layer.trainable = v;
        continue;
      }
      if (k === 'dtype') {
        if (typeof v === 'string') layer.dtype = v;
        else if (isObj(v) && v.kind === 'module') layer.dtype = v.path.split('.').pop()!;
        continue;
      }
      // a Lambda's Python function is followed when the layer is called (custom-layers.ts)
      if (type === 'Lambda' && k === 'function' && isObj(v) && v.kind === 'function') {
        layer.lambda = v;
        continue;
      }
      const value = this.argValue(v, k, layer);
      if (value === DROP) continue;
      if (INPUT_ARGS.has(k) && type !== 'InputLayer' && !positional.includes(k)) layer.inputArgs = { ...layer.inputArgs, [k]: value };
      else layer.args[k] = value;
    }
    if (type === 'InputLayer') {
      const batch = inputBatchShape(layer.args, layer, ev, at);
      if (batch) layer.batchShape = batch;
    }
    return layer;
  }

  newLayer(type: string, args: Record<string, unknown>, name: string | undefined, at: Loc): LayerObj {
    const quietName = this.quiet > 0 && type !== 'InputLayer' ? `__${toSnakeCase(type)}_${at.line}_${at.column}` : undefined;
    return {
      kind: 'layer',
      type,
      args,
      name: name ?? quietName ?? (type === 'InputLayer' ? this.namer.input() : this.namer.next(toSnakeCase(type))),
      trainable: true,
      calls: [],
      at,
    };
  }

  /** A Python value as a layer argument: JSON-like data, a wrapped layer as its config. */
  private argValue(v: Py, key: string, layer: LayerObj): unknown {
    if (isUnknown(v) || (isObj(v) && (v.kind === 'function' || v.kind === 'bound'))) {
      if (NO_COUNT_ARG.test(key)) return DROP;
      layer.problem ??= diagnostic('python-not-static', { what: isUnknown(v) ? v.what : typeName(v) }, isUnknown(v) ? v.at : layer.at);
      return DROP;
    }
    const plain = (x: Py): unknown => {
      if (x === null || typeof x !== 'object') return x;
      if (isSeq(x)) return x.items.map(plain);
      if (isDict(x)) return Object.fromEntries([...x.entries.values()].map((e) => [String(e.key), plain(e.value)]));
      if (isLayer(x)) {
        return { type: x.type, name: x.name, args: x.args, ...(x.trainable ? {} : { trainable: false }) };
      }
      if (x.kind === 'module') return x.path.split('.').pop();
      if (isUnknown(x)) {
        if (!NO_COUNT_ARG.test(key)) layer.problem ??= diagnostic('python-not-static', { what: x.what }, x.at);
        return null;
      }
      layer.problem ??= diagnostic('python-bad-argument', { argument: key, type: typeName(x) }, layer.at);
      return null;
    };
    return plain(v);
  }

  /** `keras.Input(shape=…)`: an InputLayer and the tensor it makes. */
  private input(args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    const layer = this.construct('InputLayer', args, kwargs, at, ev);
    layer.calls.push({ args: [], kwargs: new Map(), at });
    const tensor: TensorObj = { kind: 'tensor', source: layer, call: 0, index: 0 };
    this.inputTensors.push(tensor);
    return tensor;
  }

  /** The first call of a layer builds it, and the helpers it builds take their names then. */
  private firstCall(layer: LayerObj | ModelObj): void {
    if (this.builtLayers.has(layer)) return;
    this.builtLayers.add(layer);
    if (isLayer(layer)) for (const helper of specFor(layer.type)?.buildsLayers ?? []) this.namer.next(toSnakeCase(helper));
    else if (layer.variant === 'sequential') this.buildSequential(layer, undefined);
  }

  callLayer(layer: LayerObj, args: Py[], kwargs: Map<string, Py>, at: Loc): Py {
    if (layer.type === 'InputLayer') return { kind: 'tensor', source: layer, call: 0, index: 0 };
    if (layer.instance) this.buildCustom?.(layer, this.callShape(args), args, kwargs, at);
    if (layer.lambda) this.buildLambda?.(layer, layer.lambda, this.callShape(args), at);
    this.firstCall(layer);
    layer.calls.push({ args, kwargs, at });
    const tensor: TensorObj = { kind: 'tensor', source: layer, call: layer.calls.length - 1, index: 0 };
    this.callLog.push({ ...tensor });
    return tensor;
  }

  /** The shape a layer's call receives: its first argument's, or one per tensor when it is a list of them. */
  private callShape(args: Py[]): Shape | Shape[] | undefined {
    const first = args[0] ?? null;
    if (!isSeq(first)) return this.firstTensorShape(args);
    const shapes = first.items.map((t) => (isTensor(t) ? this.firstTensorShape([t]) : undefined));
    return shapes.every((s) => s !== undefined) && shapes.length > 0 ? (shapes as Shape[]) : undefined;
  }

  /** The shape of the first tensor among a call's arguments, as the engine works it out. */
  private firstTensorShape(args: Py[]): Shape | undefined {
    const t = tensorsIn(args[0] ?? null)[0];
    const shapes = t ? this.outputShapes?.(t) : undefined;
    return Array.isArray(shapes) ? shapes[t!.index] : undefined;
  }

  private callModel(model: ModelObj, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    if (!args.some(hasTensor) && ![...kwargs.values()].some(hasTensor)) {
      ev.note('python-model-called-on-data', { name: model.name }, at);
      return unknown(`${model.name}(…)`, at);
    }
    if (model.variant === 'sequential' && !model.input && !this.builtLayers.has(model)) {
      // calling an unbuilt Sequential builds it on the tensor's shape: its own InputLayer, a functional number
      this.buildSequential(model, this.firstTensorShape(args));
    }
    model.calls.push({ args, kwargs, at });
    const tensor: TensorObj = { kind: 'tensor', source: model, call: model.calls.length - 1, index: 0 };
    this.callLog.push({ ...tensor });
    return tensor;
  }

  // ---- models ----

  stoppedCall(callee: Py, args: Py[], kwargs: Map<string, Py>, at: Loc, problem: Diagnostic, variable: string): void {
    if (isObj(callee) && callee.kind === 'module' && callee.keras && callee.path.split('.').at(-1) === 'Sequential')
      this.stoppedSequentials.push({ args, kwargs, at, problem, variable });
  }

  /**
   * The Sequential a stopped list would have made, from the items made before the problem; built
   * after the code has run, so it takes its name (and its build its hidden names) as the next
   * model would. Undefined when it keeps no layer or cannot be made.
   */
  buildStopped(s: StoppedSequential, ev: Evaluator): ModelObj | undefined {
    const count = this.models.length;
    try {
      const model = this.sequential(s.args, s.kwargs, s.at, ev);
      if (model.layers.length > 0) return model;
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
    }
    this.models.splice(count);
    return undefined;
  }

  private newModel(variant: ModelObj['variant'], name: Py | undefined, at: Loc): ModelObj {
    const model: ModelObj = {
      kind: 'model',
      variant,
      name: typeof name === 'string' ? name : this.namer.model(variant === 'sequential' ? 'sequential' : 'functional'),
      trainable: true,
      at,
      calls: [],
      layers: [],
    };
    this.models.push(model);
    return model;
  }

  private sequential(args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): ModelObj {
    const layers = args[0] ?? kwargs.get('layers') ?? null;
    const model = this.newModel('sequential', args[2] ?? kwargs.get('name'), at);
    const trainable = args[1] ?? kwargs.get('trainable');
    if (typeof trainable === 'boolean') model.trainable = trainable;
    if (layers !== null) {
      const items = isSeq(layers) ? layers.items : [layers];
      for (const item of items) this.add(model, item, at, ev);
      this.maybeRebuild(model);
    }
    return model;
  }

  /** `Sequential.add`: a keras.Input tensor or InputLayer gives the input; `input_shape=` on the first layer makes one. */
  add(model: ModelObj, item: Py, at: Loc, ev: Evaluator): void {
    if (isTensor(item) && isLayer(item.source) && item.source.type === 'InputLayer') item = item.source;
    if (isLayer(item) && item.type === 'InputLayer') {
      if (model.layers.length > 0 || model.input) ev.fail('python-sequential-input-late', { name: model.name }, at);
      model.input = { kind: 'tensor', source: item, call: 0, index: 0 };
      if (item.calls.length === 0) item.calls.push({ args: [], kwargs: new Map(), at });
      return;
    }
    if (!isLayer(item) && !isModel(item)) {
      if (isUnknown(item)) ev.fail('python-not-static', { what: item.what }, item.at);
      ev.fail('python-not-a-layer', { type: typeName(item) }, at);
    }
    const inherited = model.layers.length === 0 && !model.input && isModel(item) ? this.inputShapeOf(item) : undefined;
    if (inherited) {
      // a model with an input, first in a Sequential, gives it that input (Keras builds a new InputLayer on it)
      const input = this.newLayer('InputLayer', {}, undefined, at);
      input.batchShape = inherited;
      input.calls.push({ args: [], kwargs: new Map(), at });
      model.input = { kind: 'tensor', source: input, call: 0, index: 0 };
    }
    if (model.layers.length === 0 && !model.input && isLayer(item) && item.inputArgs) {
      const input = this.newLayer('InputLayer', {}, this.dialect === 'keras3' ? undefined : `${item.name}_input`, at);
      input.batchShape = batchShapeFromLayerArgs(item.inputArgs, ev, at);
      input.calls.push({ args: [], kwargs: new Map(), at });
      model.input = { kind: 'tensor', source: input, call: 0, index: 0 };
    }
    model.layers.push(item);
  }

  /** The batch shape a model's own input declares, if it has one. */
  private inputShapeOf(model: ModelObj): Shape | undefined {
    if (model.variant === 'application' && model.data?.kind === 'functional') {
      const first = model.data.layers.find((e) => e.layer.type === 'InputLayer');
      const shape = first?.layer.args?.['batch_shape'];
      return Array.isArray(shape) ? (shape as Shape) : undefined;
    }
    const source = model.variant === 'sequential' ? model.input?.source : tensorsIn(model.inputs ?? null)[0]?.source;
    return source && isLayer(source) ? source.batchShape : undefined;
  }

  /** A Sequential whose input is known builds itself whenever a layer joins (docs/naming.md#hidden-counters). */
  maybeRebuild(model: ModelObj): void {
    if (model.input && model.layers.length > 0) this.buildSequential(model, undefined);
  }

  /** Building a Sequential calls every layer once and makes a functional model inside it (Keras 3). */
  buildSequential(model: ModelObj, batchShape: Shape | undefined): void {
    if (!model.input) {
      const input = this.newLayer('InputLayer', {}, undefined, model.at);
      if (batchShape) input.batchShape = batchShape;
      input.calls.push({ args: [], kwargs: new Map(), at: model.at });
      if (batchShape) model.input = { kind: 'tensor', source: input, call: 0, index: 0 };
    }
    this.builtLayers.add(model);
    // layers added one by one rebuild the model each time: only the new ones are called for the first time
    model.layers.forEach((layer, i) => {
      if (i < (model.builtLayers ?? 0)) return;
      if (isLayer(layer) && layer.instance && model.input) this.buildCustom?.(layer, this.prefixShape?.(model, i), [], new Map(), layer.at);
      this.firstCall(layer);
    });
    model.builtLayers = model.layers.length;
    if (this.dialect === 'keras3') this.namer.next('functional');
  }

  private functional(args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    const inputs = args[0] ?? kwargs.get('inputs');
    const outputs = args[1] ?? kwargs.get('outputs');
    if (inputs === undefined || outputs === undefined) {
      ev.note('python-model-without-graph', {}, at);
      return unknown('keras.Model()', at);
    }
    for (const [what, v] of [
      ['inputs', inputs],
      ['outputs', outputs],
    ] as const) {
      if (isUnknown(v)) ev.fail('python-not-static', { what: v.what }, v.at);
      if (!hasTensor(v)) ev.fail('python-model-not-tensors', { argument: what, type: typeName(v) }, at);
    }
    const model = this.newModel('functional', args[2] ?? kwargs.get('name'), at);
    model.inputs = inputs;
    model.outputs = outputs;
    const trainable = kwargs.get('trainable');
    if (typeof trainable === 'boolean') model.trainable = trainable;
    return model;
  }

  /**
   * `keras.applications.ResNet50(include_top=False, input_shape=(160, 160, 3), pooling="avg")`:
   * the options that change layers, for the builders that honour them (applications/index.ts).
   */
  private application(name: string, args: Py[], given: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    const options: ApplicationOptions = {};
    const refuse = (argument: string): never => ev.fail('python-application-options', { name, argument }, at);
    // positional arguments by the builder's own order; a keyword it does not take is Python's TypeError
    const keras3 = APPLICATION_PARAMETERS.get(name) ?? APPLICATION_COMMON;
    // tf.keras 2.x's ConvNeXt builders took their model's name first, as model_name
    const parameters = this.dialect !== 'keras3' && name.startsWith('ConvNeXt') ? ['model_name', ...keras3.slice(0, -1)] : keras3;
    const type = `keras.applications.${name}`;
    if (args.length > parameters.length) ev.fail('python-too-many-arguments', { type, max: parameters.length, got: args.length }, at);
    const kwargs = new Map<string, Py>(args.map((v, i) => [parameters[i]!, v]));
    for (const [k, v] of given) {
      if (!parameters.includes(k)) ev.fail('python-unexpected-argument', { function: type, argument: k }, at);
      if (kwargs.has(k)) ev.fail('python-argument-twice', { type, argument: k }, at);
      kwargs.set(k, v);
    }
    for (const [k, v] of kwargs) {
      const atDefault = APPLICATION_AT_DEFAULT.get(k);
      if (atDefault && !atDefault(v)) ev.fail('python-application-argument', { name, argument: k }, at);
    }
    const includeTop = kwargs.get('include_top');
    if (includeTop !== undefined && typeof includeTop !== 'boolean') refuse('include_top');
    if (includeTop === false) options.includeTop = false;
    const shape = kwargs.get('input_shape');
    if (shape !== undefined && shape !== null) options.inputShape = shapeFromPy(shape, ev, at, 'input_shape');
    const pooling = kwargs.get('pooling');
    if (pooling === 'avg' || pooling === 'max') options.pooling = pooling;
    else if (pooling !== undefined && pooling !== null) refuse('pooling');
    const classes = kwargs.get('classes');
    if (typeof classes === 'number' && Number.isSafeInteger(classes) && classes >= 1) options.classes = classes;
    else if (classes !== undefined) refuse('classes');
    const tensor = kwargs.get('input_tensor');
    if (tensor !== undefined && tensor !== null) refuse('input_tensor');
    const builder = configurable.get(name);
    const changed = Object.keys(options).length > 0;
    if (changed && !builder) refuse(Object.keys(options)[0]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)); // includeTop → include_top
    if (builder?.square && options.inputShape && options.inputShape[0] !== options.inputShape[1]) {
      ev.fail('python-application-square', { name }, at);
    }
    const data = applications[name]!(options);
    // the application's own input takes an automatic name like any keras.Input
    this.namer.input();
    const modelName = kwargs.get('name') ?? kwargs.get('model_name');
    const model = this.newModel('application', typeof modelName === 'string' ? modelName : (data.name ?? name.toLowerCase()), at);
    model.data = data;
    return model;
  }

  /**
   * `keras.applications.<module>.preprocess_input(x)` on a tensor, as the operations Keras records:
   * 'tf' mode scales to [-1, 1] (x / 127.5, then − 1); EfficientNet, ConvNeXt and MobileNetV3 take
   * the input as it is. The 'caffe' and 'torch' modes (VGG, ResNet, DenseNet) are not followed.
   */
  private preprocess(segments: string[], x: Py, at: Loc): Py {
    const module = segments[segments.indexOf('applications') + 1] ?? '';
    if (!isTensor(x)) return unknown(`${module}.preprocess_input(…)`, at);
    if (PASS_THROUGH_PREPROCESSING.has(module)) return x;
    if (!TF_MODE_PREPROCESSING.has(module)) return unknown(`${module}.preprocess_input(…)`, at);
    const scaled = this.binary('/', x, 127.5, at);
    return scaled === undefined
      ? unknown('preprocess_input(…)', at)
      : (this.binary('-', scaled, 1, at) ?? unknown('preprocess_input(…)', at));
  }

  // ---- methods of models and layers ----

  private method(self: Py, name: string, args: Py[], kwargs: Map<string, Py>, at: Loc, ev: Evaluator): Py {
    if (isModel(self)) {
      switch (name) {
        case 'add':
          if (self.variant !== 'sequential') return unknown(`${self.name}.add(…)`, at);
          this.add(self, args[0] ?? kwargs.get('layer') ?? null, at, ev);
          this.maybeRebuild(self);
          return null;
        case 'pop':
          if (self.variant === 'sequential') return self.layers.pop() ?? null;
          return null;
        case 'build': {
          const shape = args[0] ?? kwargs.get('input_shape') ?? null;
          if (self.variant !== 'sequential' || self.input) return null;
          const batch = shapeFromPy(shape, ev, at, 'input_shape');
          this.buildSequential(self, batch);
          return null;
        }
        case 'summary': {
          this.summarized.push(self);
          // how the code asked for it: summary(line_length=…, expand_nested=…, show_trainable=…)
          const lineLength = args[0] ?? kwargs.get('line_length');
          const options: NonNullable<ModelObj['summaryOptions']> = {};
          if (typeof lineLength === 'number' && Number.isSafeInteger(lineLength) && lineLength > 0) options.lineLength = lineLength;
          if ((args[3] ?? kwargs.get('expand_nested')) === true) options.expandNested = true;
          if ((args[4] ?? kwargs.get('show_trainable')) === true) options.showTrainable = true;
          self.summaryOptions = options;
          return null;
        }
        case 'get_layer': {
          const key = args[0] ?? kwargs.get('name') ?? kwargs.get('index') ?? null;
          const layers = this.layersOf(self);
          if (typeof key === 'number') return layers[key] ?? null;
          return layers.find((l) => (isLayer(l) || isModel(l)) && l.name === key) ?? unknown(`${self.name}.get_layer(…)`, at);
        }
        case 'count_params':
          return unknown(`${self.name}.count_params()`, at);
      }
      return null;
    }
    if (isLayer(self) && self.instance) {
      const method = self.instance.cls.methods.get(name);
      if (method) return ev.callFunction(method, args, kwargs, at, self);
      if (name === 'add_weight') return this.addWeight(self, args, kwargs, at);
    }
    return unknown(`.${name}(…)`, at);
  }

  /** `self.add_weight(shape=…, trainable=…)` in a custom layer's build. */
  private addWeight(self: LayerObj, args: Py[], kwargs: Map<string, Py>, at: Loc): Py {
    const shapeArg = kwargs.get('shape') ?? args[0] ?? null;
    const shape = shapeArg === null ? [] : isSeq(shapeArg) ? shapeArg.items : [shapeArg];
    if (!shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
      self.problem ??= diagnostic('python-custom-layer', { name: self.instance!.cls.name, line: self.instance!.cls.at.line }, at);
      return unknown('a weight', at);
    }
    const name = kwargs.get('name');
    const trainable = kwargs.get('trainable');
    const dims = shape as number[];
    self.instance!.weights.push({
      name: typeof name === 'string' ? name : `variable_${self.instance!.weights.length}`,
      shape: dims,
      trainable: trainable !== false,
    });
    return { kind: 'weight', shape: dims };
  }

  /**
   * `ops.arange(stop)` / `ops.arange(start, stop, step)` with known numbers: a constant tensor of
   * that length, with no batch axis (position indices for an Embedding). It enters a graph as an
   * input of its own (to-model.ts), as Keras treats a constant.
   */
  private arange(args: Py[], kwargs: Map<string, Py>, at: Loc): Py {
    const [a, b, c] = [args[0] ?? kwargs.get('start'), args[1] ?? kwargs.get('stop'), args[2] ?? kwargs.get('step') ?? 1];
    const start = b === undefined ? 0 : a;
    const stop = b === undefined ? a : b;
    if (typeof start !== 'number' || typeof stop !== 'number' || typeof c !== 'number' || c === 0) return unknown('ops.arange(…)', at);
    return this.constant([Math.max(0, Math.ceil((stop - start) / c))], at);
  }

  /** A tensor made inside the graph, not fed to it (`ops.arange`, `keras.random.normal(shape=…)`). */
  private constant(shape: Shape, at: Loc): TensorObj {
    const constant = this.newLayer('InputLayer', {}, `__constant_${at.line}_${at.column}`, at);
    constant.batchShape = shape;
    constant.constant = true;
    constant.calls.push({ args: [], kwargs: new Map(), at });
    return { kind: 'tensor', source: constant, call: 0, index: 0 };
  }

  /** `x.shape` of a symbolic tensor: the engine works it out from the layers so far. */
  shapeOf(t: TensorObj, at: Loc): Py {
    const shapes = this.outputShapes?.(t);
    if (!shapes || !Array.isArray(shapes)) return unknown('a tensor shape', at);
    const shape = shapes[t.index];
    return shape ? tuple(shape) : unknown('a tensor shape', at);
  }
}

const DROP = Symbol('drop');

declare module './values.ts' {
  interface LayerObj {
    /** `input_shape=`, `batch_input_shape=`, `input_dim=`: the input a Sequential takes from its first layer. */
    inputArgs?: Record<string, unknown>;
    /** Why the layer cannot be built as written (an argument the reader could not follow). */
    problem?: Diagnostic;
    /** A Lambda's function, run on a stand-in input when the layer is first called. */
    lambda?: PyFunction;
    /** A constant tensor's source (`ops.arange`): an input a graph takes without being given it. */
    constant?: boolean;
  }
}

function withoutKey(m: Map<string, Py>, key: string): Map<string, Py> {
  const out = new Map(m);
  out.delete(key);
  return out;
}

/** Two shapes broadcast right-aligned: a missing axis or a 1 takes the other's size; an unknown stays unknown. */
function broadcast(a: Shape, b: Shape): Shape {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => {
    const x = a[a.length - n + i];
    const y = b[b.length - n + i];
    if (x === undefined) return y ?? null;
    if (y === undefined || y === 1) return x;
    if (x === 1) return y;
    return x === null || y === null ? null : x;
  });
}

/** A shape reduced over `axis` (None: every axis), each reduced axis dropped or kept as 1. */
function reduced(shape: Shape, axis: Py, keep: boolean): Shape | undefined {
  const axes = axis === null ? shape.map((_, i) => i) : typeof axis === 'number' ? [axis] : isSeq(axis) ? axis.items : undefined;
  const valid = axes?.every((a) => typeof a === 'number' && Number.isInteger(a) && a >= -shape.length && a < shape.length);
  if (!axes || !valid) return undefined;
  const set = new Set((axes as number[]).map((a) => (a < 0 ? a + shape.length : a)));
  return keep ? shape.map((d, i) => (set.has(i) ? 1 : d)) : shape.filter((_, i) => !set.has(i));
}

/** The first value in a call's arguments the reader could not follow. */
function unknownIn(v: Py): Unknown | undefined {
  if (isUnknown(v)) return v;
  if (isSeq(v)) for (const x of v.items) if (unknownIn(x)) return unknownIn(x);
  return undefined;
}

function hasTensor(v: Py): boolean {
  if (isTensor(v)) return true;
  if (isSeq(v)) return v.items.some(hasTensor);
  if (isDict(v)) return [...v.entries.values()].some((e) => hasTensor(e.value));
  return false;
}

/** `keras`, `tensorflow.keras`, `tf_keras`, `tensorflow.python.keras`: the Keras path inside, or undefined. */
export function kerasPath(path: string): string | undefined {
  const segments = path.split('.').filter((s) => s !== 'src' && s !== 'api' && s !== '_v2' && s !== 'v2' && s !== 'python');
  const i = segments[0] === 'keras' || segments[0] === 'tf_keras' ? 0 : segments[0] === 'tensorflow' && segments[1] === 'keras' ? 1 : -1;
  if (i === -1) return undefined;
  return ['keras', ...segments.slice(i + 1)].join('.');
}

/** A shape argument as a list of dimensions (`None` for unknown). */
export function shapeFromPy(v: Py, ev: Evaluator, at: Loc, argument: string): Shape {
  if (isUnknown(v)) ev.fail('python-not-static', { what: v.what }, v.at);
  if (typeof v === 'number') return [v];
  if (!isSeq(v)) ev.fail('python-bad-argument', { argument, type: typeName(v) }, at);
  return v.items.map((d) => {
    if (d === null || typeof d === 'number') return d;
    if (isUnknown(d)) ev.fail('python-not-static', { what: d.what }, d.at);
    ev.fail('python-bad-argument', { argument, type: typeName(d) }, at);
  });
}

function inputBatchShape(args: Record<string, unknown>, layer: LayerObj, ev: Evaluator, at: Loc): Shape | undefined {
  const dims = (v: unknown, what: string): Shape => {
    if (!Array.isArray(v)) ev.fail('python-bad-argument', { argument: what, type: typeof v === 'number' ? 'int' : typeof v }, at);
    return v as Shape;
  };
  const batchShape = args['batch_shape'] ?? args['batch_input_shape'];
  if (batchShape !== undefined && batchShape !== null) return dims(batchShape, 'batch_shape');
  const shape = args['shape'] ?? args['input_shape'];
  if (shape === undefined || shape === null) {
    if (layer.problem) return undefined;
    ev.fail('input-layer-no-shape', {}, at);
  }
  const size = args['batch_size'];
  return [typeof size === 'number' ? size : null, ...(typeof shape === 'number' ? [shape] : dims(shape, 'shape'))];
}

function batchShapeFromLayerArgs(a: Record<string, unknown>, ev: Evaluator, at: Loc): Shape {
  if (Array.isArray(a['batch_input_shape'])) return a['batch_input_shape'] as Shape;
  const size = typeof a['batch_size'] === 'number' ? a['batch_size'] : null;
  if (typeof a['input_dim'] === 'number') return [size, a['input_dim']];
  const shape = a['input_shape'];
  if (typeof shape === 'number') return [size, shape];
  if (!Array.isArray(shape)) ev.fail('python-bad-argument', { argument: 'input_shape', type: typeof shape }, at);
  return [size, ...(shape as Shape)];
}

/**
 * Keras 3 layer classes and functions in `keras.layers` that the engine has no spec for: real names,
 * so calling one is not a typo (it stays a value the reader cannot follow).
 */
const OTHER_KERAS_LAYERS: ReadonlySet<string> = new Set([
  'Layer',
  'InputSpec',
  'Wrapper',
  'AbstractRNNCell',
  'StackedRNNCells',
  'SimpleRNNCell',
  'GRUCell',
  'LSTMCell',
  'IntegerLookup',
  'StringLookup',
  'TextVectorization',
  'HashedCrossing',
  'MelSpectrogram',
  'STFTSpectrogram',
  'Pipeline',
  'TFSMLayer',
  'TorchModuleWrapper',
  'JaxLayer',
  'FlaxLayer',
  'DenseFeatures',
  'serialize',
  'deserialize',
]);

/** Every builder Keras 3 has in `keras.applications`; those without a builder here are not typos. */
const OTHER_KERAS_APPLICATIONS: ReadonlySet<string> = new Set([
  ...['Base', 'Large', 'Small', 'Tiny', 'XLarge'].map((s) => `ConvNeXt${s}`),
  'DenseNet121',
  'DenseNet169',
  'DenseNet201',
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((b) => `EfficientNetB${b}`),
  ...['B0', 'B1', 'B2', 'B3', 'S', 'M', 'L'].map((s) => `EfficientNetV2${s}`),
  'InceptionResNetV2',
  'InceptionV3',
  'MobileNet',
  'MobileNetV2',
  'MobileNetV3Large',
  'MobileNetV3Small',
  'NASNetLarge',
  'NASNetMobile',
  'ResNet50',
  'ResNet101',
  'ResNet152',
  'ResNet50V2',
  'ResNet101V2',
  'ResNet152V2',
  'VGG16',
  'VGG19',
  'Xception',
]);

/**
 * The one name in `known` a typo most likely meant: equal ignoring case, or else the single name at
 * the smallest edit distance (a swap of neighbours counts as one edit), at most 2 and less than half
 * the name's length, so `Foo` is not taken for `Dot`. Two names equally near: none.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = known.filter((k) => k.toLowerCase() === lower);
  if (same.length > 0) return same.length === 1 ? same[0] : undefined;
  let best: string[] = [];
  let bestDistance = Math.min(2, Math.ceil(name.length / 2) - 1);
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best.length === 0)) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance) best.push(k);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** Levenshtein distance with transpositions of neighbours (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
