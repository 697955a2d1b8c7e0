/**
 * Every problem the engine reports is a code with its values, never a sentence: the islands word
 * it in the page's language (src/i18n/<locale>/diagnostics.json, src/i18n/diagnostic-text.ts) and
 * the CLI and the tests read the English rendering below, which `Diagnostic.message` carries.
 *
 * Adding a code: one entry here (its parameter type is the values it needs, checked at every
 * `fail`/`diagnostic` call), one template in each diagnostics.json, and a sample in
 * tests/calc-ui/diagnostic-text.test.ts (tsc and that test fail until all four exist).
 * Values are plain data: numbers stay numbers (the page formats them), user-written values and
 * shapes are the text Keras would print (`"same"`, `(None, 28, 28, 1)`).
 */

/** One value a message quotes. */
export type DiagnosticValue = string | number | boolean | null | readonly (string | number | null)[];
export type DiagnosticValues = Readonly<Record<string, DiagnosticValue>>;

/** `−1` with a real minus sign, as the lessons print arithmetic. */
const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));
const quoted = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(', ');

/** The English rendering of each code: what the CLI prints and `Diagnostic.message` holds. */
export const english = {
  // ---- keyword arguments (src/calc/args.ts) ----
  'arg-required': () => 'is required',
  'arg-not-whole-number': (v: { got: string }) => `must be a whole number, got ${v.got}`,
  'arg-too-small': (v: { min: number; got: number }) => `must be at least ${v.min}, got ${v.got}`,
  'arg-too-large': (v: { max: number }) => `is too large to count exactly: values above ${v.max} cannot be represented`,
  'arg-not-number': (v: { got: string }) => `must be a number, got ${v.got}`,
  'arg-not-boolean': (v: { got: string }) => `must be True or False, got ${v.got}`,
  'arg-not-option': (v: { options: readonly string[]; got: string }) => `must be one of ${quoted(v.options)}, got ${v.got}`,
  'arg-not-int-or-tuple': (v: { rank: number; got: string }) => `must be an integer or a tuple of ${v.rank} integers, got ${v.got}`,
  'arg-tuple-length': (v: { rank: number; got: string }) => `must have ${v.rank} value${v.rank > 1 ? 's' : ''}, got ${v.got}`,
  'arg-tuple-not-whole': (v: { got: string }) => `must contain whole numbers, got ${v.got}`,
  'arg-tuple-too-small': (v: { min: number; got: string }) => `values must be at least ${v.min}, got ${v.got}`,
  'arg-not-data-format': (v: { got: string }) => `must be "channels_last" or "channels_first", got ${v.got}`,
  'arg-not-pairs': (v: { rank: number; got: string }) => `must be an int, a tuple of ${v.rank} ints or a tuple of ${v.rank} (before, after) pairs, got ${v.got}`,

  // ---- input shapes (src/calc/shape.ts) ----
  'input-rank': (v: { rank: number; layout: string; input: string; got: number }) => `expects input of rank ${v.rank} (${v.layout}), got ${v.input} of rank ${v.got}`,
  'input-min-rank': (v: { rank: number; input: string }) => `expects input of rank ≥ ${v.rank}, got ${v.input}`,
  'input-channels-unknown': (v: { input: string }) => `the channel dimension of the input ${v.input} must be known`,
  'input-last-unknown': (v: { input: string }) => `the last dimension of the input ${v.input} must be known`,
  'axis-out-of-range': (v: { axis: number; rank: number }) => `axis ${v.axis} is out of range for an input of rank ${v.rank}`,

  // ---- output-length arithmetic (src/calc/conv-arithmetic.ts) ----
  'kernel-does-not-fit': (v: { kernel: number; dilation: number; span: number; axis: string; length: number; stride: number; out: number }) =>
    `${v.dilation > 1 ? `a ${v.kernel}-wide kernel dilated by ${v.dilation} spans ${v.span}, which` : `a ${v.kernel}-wide kernel`} does not fit in the input's ${v.axis} of ${v.length} with padding="valid": ⌊(${v.length} − ${v.span}) / ${v.stride}⌋ + 1 = ${signed(v.out)}`,
  'pool-does-not-fit': (v: { pool: number; axis: string; length: number; stride: number; out: number }) =>
    `a ${v.pool}-wide pool does not fit in the input's ${v.axis} of ${v.length} with padding="valid": ⌊(${v.length} − ${v.pool}) / ${v.stride}⌋ + 1 = ${signed(v.out)}`,
  'transpose-negative-length': (v: { axis: string; length: number; stride: number; kernel: number; outputPadding: number; out: number }) =>
    `an input ${v.axis} of ${v.length} would give a negative output ${v.axis}: (${v.length} − 1) × ${v.stride} + ${v.kernel} + ${v.outputPadding} = ${signed(v.out)}`,

  // ---- resolving a model (src/calc/summarize.ts) ----
  'model-too-many-params': (v: { max: number }) => `the model has more than ${v.max} parameters, past exact arithmetic`,
  'layer-unknown-type': (v: { type: string }) => `Param Lab does not know the layer class "${v.type}", so it cannot count its parameters`,
  'layer-no-input': () => 'was called without any input tensor',
  'sequential-several-tensors': (v: { count: number }) => `a Sequential model passes one tensor from layer to layer, but the layer before produced ${v.count}`,
  'layer-in-cycle': () => 'is part of a cycle: a layer cannot depend on its own output',
  'inbound-unknown-layer': (v: { target: string }) => `is connected to a layer named "${v.target}" that the model does not contain`,
  'inbound-unknown-call': (v: { target: string; node: number; calls: number }) => `refers to call ${v.node} of ${v.target}, which is called ${v.calls} time(s)`,
  'inbound-unknown-output': (v: { target: string; tensor: number; count: number }) => `refers to output ${v.tensor} of ${v.target}, which has ${v.count}`,
  'input-layer-no-shape': () => 'an InputLayer needs a shape (shape=… or batch_shape=…)',
  'input-layer-bad-dim': (v: { got: string }) => `each dimension must be a whole number ≥ 0 or None, got ${v.got}`,
  /** A calculator's input field (resolveLayer): the reader typed the shape. */
  'input-dim-out-of-range': (v: { max: number; got: string }) => `must be a whole number from 0 to ${v.max} or None, got ${v.got}`,
  /** Wrappers: the problem itself is the diagnostic's `cause`. */
  'nested-model-problem': () => 'inside nested model',
  'model-outputs-problem': () => "the model's outputs",
} satisfies Record<string, (v: never) => string>;

export type DiagnosticCode = keyof typeof english;

/** The values a code needs, as its English rendering declares them (`{}` for none). */
export type ValuesOf<C extends DiagnosticCode> = Parameters<(typeof english)[C]> extends [infer V extends DiagnosticValues] ? V : Record<never, never>;

/** The English sentence for a code, as the CLI prints it. */
export function englishMessage<C extends DiagnosticCode>(code: C, values: ValuesOf<C>): string {
  // TEMPORARY while fail() calls are converted: an unknown code is a not-yet-converted message
  if (!Object.hasOwn(english, code)) return code;
  return (english[code] as (v: ValuesOf<C>) => string)(values);
}
