/**
 * The vocabulary of the calculation module: shapes, weights, layer descriptions and diagnostics.
 * Everything here is plain data so that Python code, Keras JSON, URLs and widgets share it.
 */

import type { DiagnosticCode, DiagnosticValues } from './diagnostics.ts';

/** One axis of a tensor shape; `null` is an unknown size (the batch axis, a free sequence length). */
export type Dim = number | null;

/** A full tensor shape, batch axis first, as Keras prints it: `[null, 26, 26, 32]`. */
export type Shape = Dim[];

/** What a layer produces: one shape, or several (LSTM with `return_state`, Bidirectional with `merge_mode=None`). */
export type OutputShape = Shape | Shape[];

/**
 * Which Keras wrote (or should read) a model. Defaults differ between them
 * (GRU `reset_after`, AveragePooling's `pool_size`, weight names, auto names).
 */
export type Dialect = 'keras3' | 'tf.keras' | 'keras-mb' | 'tfjs';

/** A variable the layer creates, as Keras's `add_weight(name, shape, trainable)` would. */
export interface Weight {
  name: string;
  shape: number[];
  trainable: boolean;
  /** Storage dtype; bytes in the summary footer come from it. Default float32. */
  dtype?: WeightDtype;
}

export type WeightDtype = 'float16' | 'bfloat16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'bool';

/** Layer keyword arguments, named exactly as Keras's Python keyword arguments. */
export type LayerArgs = Record<string, unknown>;

/** A layer as data: `{ type: 'Conv2D', args: { filters: 32, kernel_size: [3, 3] } }`. */
export interface LayerConfig {
  type: string;
  /** Keras's `name`; assigned Keras-style (`conv2d_1`) when absent. */
  name?: string;
  args?: LayerArgs;
}

/** Where a value in the user's input lives, so a message can point at it. */
export interface Location {
  /** 1-based line and column in a source text (Python, JSON). */
  line?: number;
  column?: number;
  /** A path into structured input, e.g. `config.layers[3].config.kernel_size`. */
  path?: string;
}

/** A problem found in the user's model, as a value: what is wrong, where, and why. */
export interface Diagnostic extends Location {
  /** The layer's name and class, when the problem belongs to a layer. */
  layer?: string;
  layerType?: string;
  /** 0-based position of the layer in its model's layer list. */
  index?: number;
  /** The keyword argument at fault (`kernel_size`, `groups`…). */
  arg?: string;
  /** What is wrong, as data (src/calc/diagnostics.ts): pages word it in their language. */
  code: DiagnosticCode;
  values: DiagnosticValues;
  /** The English rendering of code and values, for the CLI and the tests. */
  message: string;
  /** For wrapper codes (`nested-model-problem`): the problem inside. */
  cause?: Diagnostic;
}

/** Where a diagnostic points, before its code is known. */
export type DiagnosticLocation = Omit<Diagnostic, 'code' | 'values' | 'message' | 'cause'>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: Diagnostic };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: Diagnostic): Result<T> => ({ ok: false, error });
