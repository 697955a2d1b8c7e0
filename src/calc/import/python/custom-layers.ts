/**
 * Custom Keras layers written as Python classes (`class Linear(keras.layers.Layer)`): the reader
 * runs `__init__` when one is made, and on its first call `build(input_shape)` — each
 * `self.add_weight(shape=…)` there is a weight — and `call(inputs)` on a stand-in input, so the
 * layers it uses inside count too and its output shape is what `call` returns. A class whose
 * weights or output the reader cannot work out is reported by name and line.
 */
import { diagnostic } from '../../diagnostics.ts';
import { summarize } from '../../summarize.ts';
import type { Evaluator } from './evaluate.ts';
import type { Keras } from './keras-api.ts';
import type { ModelWriter } from './to-model.ts';
import { isTensor, type LayerObj, type Loc, type ModelObj, type Py, type TensorObj, tuple } from './values.ts';

export function installCustomLayers(keras: Keras, writer: ModelWriter): void {
  const evaluators = new WeakMap<LayerObj, Evaluator>();

  keras.customLayer = (cls, args, kwargs, at, ev) => {
    const name = kwargs.get('name');
    const layer = keras.newLayer(cls.name, {}, typeof name === 'string' ? name : undefined, at);
    layer.instance = { cls, attrs: new Map(), weights: [] };
    evaluators.set(layer, ev);
    const init = cls.methods.get('__init__');
    if (init) ev.callFunction(init, args, kwargs, at, layer);
    return layer;
  };

  keras.buildCustom = (layer, shape, args, kwargs, at) => {
    const ev = evaluators.get(layer);
    if (!ev || layer.custom || layer.problem) return;
    const fail = () => {
      layer.problem ??= diagnostic('python-custom-layer', { name: layer.instance!.cls.name, line: layer.instance!.cls.at.line }, at);
    };
    if (!shape) return fail();
    const methods = layer.instance!.cls.methods;
    keras.quiet++;
    try {
      const build = methods.get('build');
      if (build) ev.callFunction(build, [tuple(shape)], new Map(), at, layer);
      const own = layer.instance!.weights;
      const call = methods.get('call');
      if (!call) {
        layer.custom = { weights: own, output: 'same' };
        return;
      }
      const stand = keras.newLayer('InputLayer', {}, `__${layer.name}_input`, at);
      stand.batchShape = shape;
      stand.calls.push({ args: [], kwargs: new Map(), at, outputs: 1 });
      const probe: TensorObj = { kind: 'tensor', source: stand, call: 0, index: 0 };
      const result = ev.callFunction(
        call,
        [probe, ...args.slice(1)],
        new Map([...kwargs].filter(([k]) => k !== 'training' && k !== 'mask')),
        at,
        layer,
      );
      if (!isTensor(result)) return fail();
      if (result.source === stand) {
        layer.custom = { weights: own, output: 'same' };
        return;
      }
      const inner = innerModel(stand, probe, result, at);
      const written = writer.write(inner);
      if (written.problem) {
        layer.problem = written.problem;
        return;
      }
      const summary = summarize(written.model);
      if (summary.error || summary.outputs.length === 0) return fail();
      layer.custom = {
        weights: [...own, ...summary.rows.flatMap((r) => r.weights)],
        output: summary.outputs.length === 1 ? summary.outputs[0]! : summary.outputs,
      };
    } finally {
      keras.quiet--;
    }
  };
}

/** The layers a custom call used, as a model from the stand-in input to what call returned. */
function innerModel(stand: LayerObj, probe: TensorObj, result: Py, at: Loc): ModelObj {
  return {
    kind: 'model',
    variant: 'functional',
    name: `__${stand.name}`,
    trainable: true,
    at,
    calls: [],
    layers: [],
    inputs: probe,
    outputs: result,
  };
}
