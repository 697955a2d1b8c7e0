/**
 * One spec per layer type. A spec reads the layer's arguments against its input shapes and
 * returns the output shape and the weights it would create; every count is derived from those
 * weights elsewhere, so a spec cannot report a number that disagrees with its own tensors. What
 * each Keras layer creates: docs/keras-layers.md.
 */
import { unchangedSteps, type ShapeStep, type Term } from './explain.ts';
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

/** The gates of a recurrent cell; UI dictionaries name them. `hidden` is SimpleRNN's single block. */
export type GateId = 'input' | 'forget' | 'cell' | 'output' | 'update' | 'reset' | 'candidate' | 'hidden';

export interface Built {
  output: OutputShape;
  weights: Weight[];
  /** The teaching formula: required when there are weights, and it must evaluate to their count (summarize checks). */
  formula?: Term;
  /**
   * Multiply-accumulates for one example in a forward pass, as arithmetic on this call's sizes:
   * one per kernel weight per position the kernel is applied at (a conv's output cells, a Dense's
   * positions, an RNN's timesteps), plus attention's two products of activations. Absent: nothing
   * counted (lookups, pooling, normalisation, element-wise merges and activations, bias additions);
   * null: a size that enters it is unknown until the model runs (a `None` sequence length).
   */
  macs?: Term | null;
  /** The output shape as steps: every axis that differs from the input is set by one (summarize checks each result). */
  steps: ShapeStep[];
  /**
   * A recurrent cell's gate blocks, in the order its kernels' columns hold them (LSTM: i, f, c, o);
   * each block is `units` columns wide in the kernel, the recurrent kernel and the bias.
   */
  gates?: readonly GateId[];
  /** Sub-layers a summary can expand (wrappers, nested models). */
  inner?: { name: string; type: string; built: Built }[];
}

/**
 * What kind of layer this is, for the explorer and calculators to choose their words and pictures
 * by instead of by type name. 'input' and 'model' tag summary rows that no spec builds
 * (InputLayer, a nested model).
 */
export type LayerFamily =
  | 'input'
  | 'core'
  | 'convolution'
  | 'pooling'
  | 'reshaping'
  | 'normalization'
  | 'regularization'
  | 'activation'
  | 'recurrent'
  | 'attention'
  | 'merging'
  | 'preprocessing'
  | 'wrapper'
  | 'model';

/**
 * How a layer takes several tensors: 'one' tensor; a 'list' as its first argument (Add,
 * Concatenate, Attention); or 'positional' arguments in order (MultiHeadAttention's query, value, key).
 */
export type CallStyle = 'one' | 'list' | 'positional';

/** A configuration Keras accepts, built by the every-layer test and offered as a calculator's start. */
export interface LayerExample {
  args: LayerArgs;
  /** One shape, or one per tensor for layers that take several (in `takes` order). */
  input: Shape | Shape[];
  /** The dialect the example is written for, when not Keras 3. */
  dialect?: Dialect;
}

/**
 * What one row of a printed summary says about a layer: the shape it printed, the shapes the layer
 * received (the row before it, or its Connected to rows; undefined where the printout does not
 * show them, as for a Sequential's first layer), and its parameter count.
 */
export interface PrintedFacts {
  /** The first (usually the only) output shape; `outputs` has them all. */
  output: Shape;
  outputs: Shape[];
  inputs: (Shape | undefined)[];
  params: number;
}

/** Arguments that may have made a printed row, with the input they assume when the printout shows none. */
export interface InferCandidate {
  args: LayerArgs;
  input: Shape | Shape[];
  /** Tried only when no ordinary candidate fits (grouped convolutions). */
  fallback?: boolean;
}

export interface LayerSpec {
  family: LayerFamily;
  /**
   * Work back from a printed row to the arguments that give it: candidates in order of likelihood
   * (Keras's defaults, square kernels, first). The engine keeps only those that build to exactly the
   * printed count and shape (printout-explain.ts). Absent: Param Lab does not infer this layer yet.
   */
  infer?(facts: PrintedFacts): InferCandidate[];
  /** How the layer is called on several tensors; 'one' when absent. */
  takes?: CallStyle;
  /**
   * The leading parameters of the Keras constructor that code passes by position, in the
   * signature's order: `Conv2D(32, 3)` is filters, kernel_size. Generated code writes them so,
   * and a reader of Python source maps positional arguments by it. Absent: every argument by keyword.
   */
  positional?: readonly string[];
  /**
   * How many of `positional` generated code writes by position (all when absent): Keras's own
   * examples write `MultiHeadAttention(num_heads=2, key_dim=16)`, so code for it names both.
   */
  writtenByPosition?: number;
  /**
   * Classes of the helper layers Keras creates, unnamed, when this layer is first built; each takes
   * the next automatic name of its class, as if the user had made it (docs/naming.md#hidden-counters).
   */
  buildsLayers?: readonly string[];
  /** Keras's defaults for the arguments this spec reads (per dialect where they differ). */
  defaults: LayerArgs | ((dialect: Dialect) => LayerArgs);
  example: LayerExample;
  build(ctx: BuildContext): Built;
}

/**
 * A spec that broke its contract: a formula that is not its weights' count, weights without a
 * formula, a shape step that is not the output. A bug in Param Lab, never a reader's mistake.
 */
export class EngineError extends Error {
  override name = 'EngineError';
}

/** Keras's `add_weight`. */
export const weight = (name: string, shape: number[], trainable = true, dtype?: Weight['dtype']): Weight =>
  dtype ? { name, shape, trainable, dtype } : { name, shape, trainable };

/** A layer whose output equals its input and has no weights: Dropout, activations. */
export const passThrough = (family: LayerFamily, example: LayerExample, defaults: LayerArgs = {}): LayerSpec => ({
  family,
  defaults,
  example,
  build: ({ input }) => ({ output: input, weights: [], steps: unchangedSteps(input) }),
});

/**
 * A family's Keras constructor signatures: the leading parameters code passes by position
 * (`UpSampling2D(2)` is `size`), added to its specs for the Python reader. Generated code goes on
 * writing by position only what the spec already wrote so (`writtenByPosition`), keyword for the rest.
 */
export function withPositional<T extends Record<string, LayerSpec>>(
  specs: T,
  signatures: { readonly [K in keyof T]?: readonly string[] },
): T {
  const out: Record<string, LayerSpec> = { ...specs };
  for (const [type, positional] of Object.entries(signatures) as [string, readonly string[]][]) {
    const spec = out[type];
    if (!spec) throw new EngineError(`${type}: a signature for a type this family does not have`);
    const written = spec.positional ? (spec.writtenByPosition ?? spec.positional.length) : 0;
    out[type] = { ...spec, positional, writtenByPosition: written };
  }
  return out as T;
}
