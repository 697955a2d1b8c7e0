/**
 * tfjs-layers 4.22 as an oracle: loaded quietly on the pure-JS CPU backend, it builds a layer on
 * symbolic inputs and reports what it made — output shapes and weight counts — next to what our
 * engine says for the same Keras configuration.
 */
import * as tf from '@tensorflow/tfjs';
import { resolveLayer, summarize } from '@calc/engine.ts';
import { tensor, type FunctionalModel, type LayerArgs, type OutputShape, type Shape } from '@calc/basics.ts';
import { TFJS_FACTORY, tfjsConfig } from './keras-to-tfjs.ts';

/** What a layer made, in the terms the two sides share. */
export interface Measured {
  output: OutputShape;
  params: number;
  trainable: number;
  nonTrainable: number;
  /** Every weight's shape, sorted, so the two sides' different weight orders still compare. */
  weightShapes: string[];
}

export type Outcome = { ok: true; value: Measured } | { ok: false; message: string };

/** A layer as our engine takes it; `layer` args (wrappers) hold `{ type, args }` too. */
export interface LayerCase {
  type: string;
  args: LayerArgs;
  /** Input shapes without the batch axis; several for merge layers. */
  inputs: Shape[];
}

/** Run `f` with tfjs's console chatter ("Hi, looks like you are running TensorFlow.js in Node.js…") muted. */
export function quiet<T>(f: () => T): T {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = () => undefined;
  try {
    return f();
  } finally {
    Object.assign(console, saved);
  }
}

/** Select the CPU backend and trigger tfjs's one-time greeting while the console is muted. */
export async function loadTfjs(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  quiet(() => tf.zeros([1]).dataSync());
  return tf;
}

type Factory = (config: Record<string, unknown>) => tf.layers.Layer;

/** Build a tfjs layer from a Keras type and snake_case arguments (wrapped layers recursively). */
export function tfjsLayer(type: string, args: LayerArgs): tf.layers.Layer {
  const factoryName = TFJS_FACTORY[type];
  const factory = factoryName ? (tf.layers as unknown as Record<string, Factory>)[factoryName] : undefined;
  if (!factory) throw new Error(`no tfjs factory for ${type}`);
  const config = tfjsConfig(type, args);
  const inner = args['layer'] as { type: string; args: LayerArgs } | undefined;
  if (inner) config['layer'] = tfjsLayer(inner.type, inner.args);
  return factory(config);
}

/** Elements in a weight (tfjs types weight shapes as possibly unknown; built ones never are). */
const size = (shape: readonly (number | null)[]): number => shape.reduce<number>((a, b) => a * (b ?? Number.NaN), 1);

/** Shapes of one symbolic tensor or several, batch axis included. */
export function shapesOf(out: tf.SymbolicTensor | tf.SymbolicTensor[]): OutputShape {
  return Array.isArray(out) ? out.map((t) => [...t.shape]) : [...out.shape];
}

/** tfjs's own counts for a built layer. */
export function tfjsCounts(layer: tf.layers.Layer): Omit<Measured, 'output' | 'weightShapes'> {
  const trainable = layer.trainableWeights.reduce((n, w) => n + size(w.shape), 0);
  const nonTrainable = layer.nonTrainableWeights.reduce((n, w) => n + size(w.shape), 0);
  return { params: layer.countParams(), trainable, nonTrainable };
}

const sortedShapes = (shapes: readonly (readonly (number | null)[])[]): string[] => shapes.map((s) => JSON.stringify(s)).sort();

/** Build the case in tfjs on `tf.input` placeholders. */
export function measureTfjs(c: LayerCase): Outcome {
  return quiet(() => {
    let layer: tf.layers.Layer | undefined;
    try {
      layer = tfjsLayer(c.type, c.args);
      const xs = c.inputs.map((shape) => tf.input({ shape: shape as number[] }));
      const out = layer.apply(xs.length === 1 ? xs[0]! : xs) as tf.SymbolicTensor | tf.SymbolicTensor[];
      return {
        ok: true,
        value: { output: shapesOf(out), ...tfjsCounts(layer), weightShapes: sortedShapes(layer.weights.map((w) => w.shape)) },
      };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    } finally {
      try {
        layer?.dispose();
      } catch {
        // an unbuilt layer has nothing to free
      }
    }
  });
}

/** Build the case in our engine: `resolveLayer` for one input, a tiny functional model for several. */
export function measureOurs(c: LayerCase): Outcome {
  if (c.inputs.length === 1) {
    const r = resolveLayer({ type: c.type, args: c.args }, [null, ...c.inputs[0]!]);
    if (!r.ok) return { ok: false, message: r.error.message };
    return {
      ok: true,
      value: {
        output: r.row.outputShape ?? [],
        params: r.row.params,
        trainable: r.row.trainable,
        nonTrainable: r.row.nonTrainable,
        weightShapes: sortedShapes(r.row.weights.map((w) => w.shape)),
      },
    };
  }
  const names = c.inputs.map((_, i) => `in_${i}`);
  const model: FunctionalModel = {
    kind: 'functional',
    layers: [
      ...c.inputs.map((shape, i) => ({
        layer: { type: 'InputLayer', name: names[i]!, args: { batch_shape: [null, ...shape] } },
        nodes: [],
      })),
      { layer: { type: c.type, name: 'under_test', args: c.args }, nodes: [{ args: [names.map((n) => tensor(n))], kwargs: {} }] },
    ],
    inputs: names.map((n) => tensor(n)),
    outputs: [tensor('under_test')],
  };
  const s = summarize(model);
  if (s.error) return { ok: false, message: s.error.message };
  const row = s.rows.find((r) => r.name === 'under_test')!;
  return {
    ok: true,
    value: {
      output: row.outputShape ?? [],
      params: row.params,
      trainable: row.trainable,
      nonTrainable: row.nonTrainable,
      weightShapes: sortedShapes(row.weights.map((w) => w.shape)),
    },
  };
}

/** tfjs reports an impossible window as a zero or negative length instead of throwing. */
export function hasNonPositiveDim(output: OutputShape): boolean {
  const shapes = (output.length > 0 && Array.isArray(output[0]) ? output : [output]) as Shape[];
  return shapes.some((s) => s.some((d) => d !== null && d <= 0));
}
