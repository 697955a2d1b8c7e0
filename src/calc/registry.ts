/**
 * One spec per layer type. A spec reads the layer's arguments against its input shapes and
 * returns the output shape and the weights it would create; every count is derived from those
 * weights elsewhere, so a spec cannot report a number that disagrees with its own tensors. What
 * each Keras layer creates: docs/keras-layers.md.
 */
import type { Term } from './explain.ts';
import type { Dialect, LayerArgs, OutputShape, Shape, Weight } from './types.ts';

/** What a layer receives when called: positional arguments and keyword arguments. */
export interface CallShapes {
  /** Positional arguments: a shape, a list of shapes (merge layers), or a plain value. */
  args: CallValue[];
  kwargs: Record<string, CallValue>;
}
export type CallValue = Shape | CallValue[] | string | number | boolean | null | { shape: Shape };

export interface BuildContext {
  /** The layer's arguments, Keras defaults filled in. */
  args: LayerArgs;
  /** Every input tensor's shape, flattened in call order (positional, then keyword). */
  inputs: Shape[];
  /** The first input tensor's shape. */
  input: Shape;
  call: CallShapes;
  dialect: Dialect;
  /** The output shape the file recorded for this call, when it did (only Lambda needs it). */
  recorded?: OutputShape;
  /** Build an inner layer (Bidirectional, TimeDistributed wrap one). */
  buildInner(config: { type: string; args: LayerArgs; name?: string }, input: Shape): Built;
}

export interface Built {
  output: OutputShape;
  weights: Weight[];
  /** The teaching formula; when present it must evaluate to the weight-derived count. */
  formula?: Term;
  /** Sub-layers a summary can expand (wrappers, nested models). */
  inner?: { name: string; type: string; built: Built }[];
}

export interface LayerSpec {
  /** Keras's defaults for the arguments this spec reads (per dialect where they differ). */
  defaults: LayerArgs | ((dialect: Dialect) => LayerArgs);
  build(ctx: BuildContext): Built;
}

const specs = new Map<string, LayerSpec>();

/** Register a family's specs under their Keras class names. */
export function register(family: Record<string, LayerSpec>): void {
  for (const [type, spec] of Object.entries(family)) specs.set(type, spec);
}

export const specFor = (type: string): LayerSpec | undefined => specs.get(type);
export const knownTypes = (): string[] => [...specs.keys()].sort();

/** Keras's `add_weight`. */
export const weight = (name: string, shape: number[], trainable = true, dtype?: Weight['dtype']): Weight =>
  dtype ? { name, shape, trainable, dtype } : { name, shape, trainable };

/** A layer whose output equals its input and has no weights: Dropout, activations. */
export const passThrough = (defaults: LayerArgs = {}): LayerSpec => ({
  defaults,
  build: ({ input }) => ({ output: input, weights: [] }),
});
