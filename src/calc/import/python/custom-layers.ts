/**
 * Custom Keras layers written as Python classes (`class Linear(keras.layers.Layer)`): the reader
 * runs `__init__` when one is made, and on its first call `build(input_shape)` — each
 * `self.add_weight(shape=…)` there is a weight — and `call(inputs)` on a stand-in input, so the
 * layers it uses inside count too and its output shape is what `call` returns. A `Lambda`'s
 * function is run the same way. One whose weights or output the reader cannot work out is
 * reported by name and line.
 */
import { diagnostic } from '../../diagnostics.ts';
import { summarize } from '../../summarize.ts';
import { PyError, type Evaluator } from './evaluate.ts';
import type { Keras } from './keras-api.ts';
import type { ModelWriter } from './to-model.ts';
import type { Shape } from '../../types.ts';
import { isTensor, list, type LayerObj, type Loc, type ModelObj, type Py, type PyFunction, type TensorObj, tuple } from './values.ts';

export function installCustomLayers(keras: Keras, writer: ModelWriter, ev: Evaluator): void {
  keras.customLayer = (cls, args, kwargs, at) => {
    const name = kwargs.get('name');
    const layer = keras.newLayer(cls.name, {}, typeof name === 'string' ? name : undefined, at);
    layer.instance = { cls, attrs: new Map(), weights: [] };
    const init = cls.methods.get('__init__');
    if (init) ev.callFunction(init, args, kwargs, at, layer);
    return layer;
  };

  /**
   * Run `fn` (a call method, or a Lambda's function) on a stand-in input of `shape`: the layers it
   * calls are summarised as a model from that input to what it returns.
   */
  const trace = (fn: PyFunction, self: LayerObj | undefined, shape: Shape | Shape[], rest: Py[], kwargs: Map<string, Py>, at: Loc) => {
    try {
      return traceOrThrow(fn, self, shape, rest, kwargs, at);
    } catch (e) {
      // what the function does that the reader cannot follow makes the layer one it cannot explain
      if (e instanceof PyError) return undefined;
      throw e;
    }
  };

  const traceOrThrow = (
    fn: PyFunction,
    self: LayerObj | undefined,
    shape: Shape | Shape[],
    rest: Py[],
    kwargs: Map<string, Py>,
    at: Loc,
  ) => {
    const owner = self?.name ?? 'lambda';
    // one stand-in per tensor the layer was called on: a list of them when it was called on a list
    const several = Array.isArray(shape[0]);
    const probes = (several ? (shape as Shape[]) : [shape as Shape]).map((s, i): TensorObj => {
      const stand = keras.newLayer('InputLayer', {}, `__${owner}_input_${i}_${at.line}_${at.column}`, at);
      stand.batchShape = s;
      stand.calls.push({ args: [], kwargs: new Map(), at });
      return { kind: 'tensor', source: stand, call: 0, index: 0 };
    });
    const input: Py = several ? list(probes) : probes[0]!;
    const calledWith = new Map([...kwargs].filter(([k]) => k !== 'training' && k !== 'mask'));
    const result = self
      ? ev.callFunction(fn, [input, ...rest], calledWith, at, self)
      : ev.callFunction(fn, [input, ...rest], calledWith, at);
    if (!isTensor(result)) return undefined;
    if (!several && result.source === probes[0]!.source) return { weights: [], output: 'same' as const };
    const written = writer.write(innerModel(probes, result, at));
    if (written.problem) return undefined;
    const summary = summarize(written.model);
    if (summary.error || summary.outputs.length === 0) return undefined;
    return {
      weights: summary.rows.flatMap((r) => r.weights),
      output: summary.outputs.length === 1 ? summary.outputs[0]! : summary.outputs,
    };
  };

  keras.buildLambda = (layer, fn, shape, at) => {
    if (layer.custom || layer.problem) return;
    keras.quiet++;
    try {
      const traced = shape ? trace(fn, undefined, shape, [], new Map(), at) : undefined;
      if (traced) layer.custom = traced;
      else layer.problem = diagnostic('python-custom-layer', { name: layer.name, line: layer.at.line }, at);
    } finally {
      keras.quiet--;
    }
  };

  keras.buildCustom = (layer, shape, args, kwargs, at) => {
    if (layer.custom || layer.problem) return;
    const fail = () => {
      layer.problem ??= diagnostic('python-custom-layer', { name: layer.instance!.cls.name, line: layer.instance!.cls.at.line }, at);
    };
    if (!shape) return fail();
    const methods = layer.instance!.cls.methods;
    keras.quiet++;
    try {
      const build = methods.get('build');
      // build(input_shape) gets a tuple, or a list of tuples for a layer called on a list
      const shapeArg = Array.isArray(shape[0]) ? list((shape as Shape[]).map((s) => tuple(s))) : tuple(shape as Shape);
      if (build) ev.callFunction(build, [shapeArg], new Map(), at, layer);
      const own = layer.instance!.weights;
      const call = methods.get('call');
      if (!call) {
        layer.custom = { weights: own, output: 'same' };
        return;
      }
      const traced = trace(call, layer, shape, args.slice(1), kwargs, at);
      if (!traced) return fail();
      layer.custom = { weights: [...own, ...traced.weights], output: traced.output };
    } finally {
      keras.quiet--;
    }
  };
}

/** The layers a custom call used, as a model from the stand-in inputs to what call returned. */
function innerModel(probes: TensorObj[], result: Py, at: Loc): ModelObj {
  return {
    kind: 'model',
    variant: 'functional',
    name: `__${probes[0]!.source.name}`,
    trainable: true,
    at,
    calls: [],
    layers: [],
    inputs: list(probes),
    outputs: result,
  };
}
