/**
 * Every problem the engine reports is a code with its values, never a sentence: the islands word
 * it in the page's language (src/i18n/<locale>/diagnostics.json, src/i18n/diagnostic-text.ts) and
 * the CLI and the tests read the English rendering below, which `Diagnostic.message` carries.
 *
 * Adding a code: one entry here (its parameter type is the values it needs, checked at every
 * `fail`/`diagnostic` call), one template in each diagnostics.json, and a sample in
 * tests/calc-ui/diagnostic-text.test.ts (tsc and that test fail until all four exist).
 * Values are plain data: numbers stay numbers (the page formats them), shapes are the text Keras
 * would print (`(None, 28, 28, 1)`). A value named `entered` is what the reader gave, as data (a
 * number, a string, a list of them), so a page can show it in the lesson's notation (`(3, 0)`,
 * `−1`); other user-written values are the text Keras would print (`"same"`).
 * A problem with one element of a tuple argument names it as the argument (`kernel_size[1]`)
 * and carries `axes`, the tuple's length, so a page can name the element (`Kernel size, width`).
 */

import type { Diagnostic, DiagnosticLocation } from './types.ts';

/** One value a message quotes. */
export type DiagnosticValue = string | number | boolean | null | readonly DiagnosticValue[] | { readonly [key: string]: DiagnosticValue };
export type DiagnosticValues = Readonly<Record<string, DiagnosticValue>>;

/** `−1` with a real minus sign, as the lessons print arithmetic. */
const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));
/** A value the reader gave, as the CLI has always quoted it: JSON, strings in double quotes. */
const shown = (v: DiagnosticValue): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));
const quoted = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(', ');
const json = (what: string): string => `this is not valid JSON: ${what}`;
/** A character the JSON scanner found, or the end of the text (null). */
const found = (c: string | null): string => (c === null ? 'the end of the text' : `"${c}"`);
/** An English noun agreeing with the count `n`: `filter` for 1, `filters` otherwise. */
const noun = (n: number, one: string, other: string): string => (n === 1 ? one : other);
/** `1 filter`, `3 filters`: a count and its noun. */
const count = (n: number, one: string, other: string): string => `${n} ${noun(n, one, other)}`;
/** `3 × 4 = 12`, or `12` for one axis. */
const sizeText = (dims: readonly number[], size: number): string => (dims.length > 1 ? `${dims.join(' × ')} = ${size}` : String(size));

/** The English rendering of each code: what the CLI prints and `Diagnostic.message` holds. */
export const english = {
  // ---- keyword arguments (src/calc/args.ts) ----
  'arg-required': () => 'is required',
  'arg-not-whole-number': (v: { entered: DiagnosticValue }) => `must be a whole number, got ${shown(v.entered)}`,
  'arg-too-small': (v: { min: number; entered: number }) => `must be at least ${v.min}, got ${v.entered}`,
  'arg-too-large': (v: { max: number }) => `is too large to count exactly: values above ${v.max} cannot be represented`,
  /** JSON's `1e400` (or Python's `inf`) arrives as Infinity. */
  'arg-number-too-large': () => 'is a number too large to represent',
  /** A field left blank (the model editor passes what is typed): the CLI's words are those of any other text. */
  'arg-empty-whole-number': () => 'must be a whole number, got ""',
  'arg-empty-number': () => 'must be a number, got ""',
  'arg-not-number': (v: { entered: DiagnosticValue }) => `must be a number, got ${shown(v.entered)}`,
  'arg-not-boolean': (v: { entered: DiagnosticValue }) => `must be True or False, got ${shown(v.entered)}`,
  'arg-not-option': (v: { options: readonly string[]; entered: DiagnosticValue }) =>
    `must be one of ${quoted(v.options)}, got ${shown(v.entered)}`,
  'arg-not-int-or-tuple': (v: { rank: number; entered: DiagnosticValue }) =>
    `must be an integer or a tuple of ${v.rank} integers, got ${shown(v.entered)}`,
  'arg-tuple-length': (v: { rank: number; entered: DiagnosticValue }) =>
    `must have ${v.rank} value${v.rank > 1 ? 's' : ''}, got ${shown(v.entered)}`,
  'arg-tuple-not-whole': (v: { got: string }) => `must contain whole numbers, got ${v.got}`,
  /** One element of a tuple argument (the diagnostic's arg is `kernel_size[1]`); `axes` is the tuple's length. */
  'arg-item-not-whole-number': (v: { entered: DiagnosticValue; axes: number }) => `must be a whole number, got ${shown(v.entered)}`,
  'arg-item-too-small': (v: { min: number; entered: number; axes: number }) => `must be at least ${v.min}, got ${v.entered}`,
  'arg-item-too-large': (v: { max: number; infinite: boolean; axes: number }) =>
    v.infinite ? 'is a number too large to represent' : `is too large to count exactly: values above ${v.max} cannot be represented`,
  'arg-not-data-format': (v: { entered: DiagnosticValue }) => `must be "channels_last" or "channels_first", got ${shown(v.entered)}`,
  'arg-not-pairs': (v: { rank: number; entered: DiagnosticValue }) =>
    `must be an int, a tuple of ${v.rank} ints or a tuple of ${v.rank} (before, after) pairs, got ${shown(v.entered)}`,

  // ---- input shapes (src/calc/shape.ts) ----
  /** `layout` names the axes in order: `batch`, `height`, `width`, `channels`, `timesteps`… */
  'input-rank': (v: { rank: number; layout: readonly string[]; input: string; got: number }) =>
    `expects input of rank ${v.rank} (${v.layout.join(', ')}), got ${v.input} of rank ${v.got}`,
  'input-min-rank': (v: { rank: number; input: string }) => `expects input of rank ≥ ${v.rank}, got ${v.input}`,
  'input-channels-unknown': (v: { input: string }) => `the channel dimension of the input ${v.input} must be known`,
  'input-last-unknown': (v: { input: string }) => `the last dimension of the input ${v.input} must be known`,
  'axis-out-of-range': (v: { axis: number; rank: number }) => `axis ${v.axis} is out of range for an input of rank ${v.rank}`,

  // ---- output-length arithmetic (src/calc/conv-arithmetic.ts) ----
  'kernel-does-not-fit': (v: {
    kernel: number;
    dilation: number;
    span: number;
    axis: string;
    length: number;
    stride: number;
    out: number;
  }) =>
    `${v.dilation > 1 ? `a ${v.kernel}-wide kernel dilated by ${v.dilation} spans ${v.span}, which` : `a ${v.kernel}-wide kernel`} does not fit in the input's ${v.axis} of ${v.length} with padding="valid": ⌊(${v.length} − ${v.span}) / ${v.stride}⌋ + 1 = ${signed(v.out)}`,
  'pool-does-not-fit': (v: { pool: number; axis: string; length: number; stride: number; out: number }) =>
    `a ${v.pool}-wide pool does not fit in the input's ${v.axis} of ${v.length} with padding="valid": ⌊(${v.length} − ${v.pool}) / ${v.stride}⌋ + 1 = ${signed(v.out)}`,
  'transpose-negative-length': (v: { axis: string; length: number; stride: number; kernel: number; outputPadding: number; out: number }) =>
    `an input ${v.axis} of ${v.length} would give a negative output ${v.axis}: (${v.length} − 1) × ${v.stride} + ${v.kernel} + ${v.outputPadding} = ${signed(v.out)}`,

  // ---- resolving a model (src/calc/summarize.ts) ----
  'model-too-many-params': (v: { max: number }) => `the model has more than ${v.max} parameters, past exact arithmetic`,
  'layer-unknown-type': (v: { type: string }) => `Param Lab does not know the layer class "${v.type}", so it cannot count its parameters`,
  'layer-no-input': () => 'was called without any input tensor',
  'sequential-several-tensors': (v: { count: number }) =>
    `a Sequential model passes one tensor from layer to layer, but the layer before produced ${v.count}`,
  'layer-in-cycle': () => 'is part of a cycle: a layer cannot depend on its own output',
  'inbound-unknown-layer': (v: { target: string }) => `is connected to a layer named "${v.target}" that the model does not contain`,
  'inbound-unknown-call': (v: { target: string; node: number; calls: number }) =>
    `refers to call ${v.node} of ${v.target}, which is called ${v.calls} time(s)`,
  'inbound-unknown-output': (v: { target: string; tensor: number; count: number }) =>
    `refers to output ${v.tensor} of ${v.target}, which has ${v.count}`,
  'input-layer-no-shape': () => 'an InputLayer needs a shape (shape=… or batch_shape=…)',
  'input-layer-bad-dim': (v: { got: string }) => `each dimension must be a whole number ≥ 0 or None, got ${v.got}`,
  /** A calculator's input field (resolveLayer): the reader typed the shape. */
  'input-dim-out-of-range': (v: { max: number; entered: DiagnosticValue }) =>
    `must be a whole number, 0 or more, or None, got ${shown(v.entered)}`,
  /** A calculator's field past the one size limit every calculator shares (src/calc/field-rules.ts). */
  'size-too-large': (v: { max: number; entered: DiagnosticValue }) => `must be at most ${v.max} in a calculator, got ${shown(v.entered)}`,
  /** Wrappers: the problem itself is the diagnostic's `cause`. */
  'nested-model-problem': () => 'inside nested model',
  'model-outputs-problem': () => "the model's outputs",

  // ---- layer families (src/calc/layers/*.ts) ----
  'target-shape-required': () => 'is required: the shape each sample should take, without the batch axis',
  'permute-dims-required': () => 'is required: the new order of the axes after the batch, counting from 1',
  'key-dim-required': () => "is required: the size of each head's query and key projection (usually model size ÷ num_heads)",
  'einsum-output-shape-required': () => 'is required: the output size of each non-batch axis the equation names',
  'pool-size-required-keras3': () => 'is required: Keras 3 AveragePooling has no default pool_size (tf.keras used 2)',
  'arg-not-fraction': (v: { got: number }) => `must be between 0 and 1, got ${v.got}`,
  'arg-negative': (v: { got: number }) => `cannot be negative, got ${v.got}`,
  'arg-not-int-or-list': (v: { got: string }) => `must be an integer or a list of integers, got ${v.got}`,
  'arg-not-single-int': (v: { got: string }) => `must be a single integer, got ${v.got}`,
  'arg-keras3-single-axis': (v: { got: string }) => `must be a single integer in Keras 3 (only tf.keras accepted a list), got ${v.got}`,
  'axis-listed-twice': (v: { got: string }) => `lists the same axis twice: ${v.got}`,
  'axis-size-unknown': (v: { axis: number; input: string }) =>
    `axis ${v.axis} of the input ${v.input} has no known size (None), so no weight can be laid along it`,
  'causal-padding-sequence-only': (v: { separable1D: boolean }) =>
    `"causal" padding only exists for sequence convolutions (Conv1D${v.separable1D ? ', and SeparableConv1D before Keras 3' : ''}); use "valid" or "same"`,
  'strides-with-dilation': (v: { strides: string; dilation: string }) =>
    `strides > 1 cannot be combined with dilation_rate > 1 (strides=${v.strides}, dilation_rate=${v.dilation}); Keras rejects the pair`,
  'filters-not-divisible': (v: { filters: number; groups: number }) =>
    `the ${count(v.filters, 'filter', 'filters')} cannot be split into ${v.groups} equal ${noun(v.groups, 'group', 'groups')} (${v.filters} / ${v.groups} is not a whole number)`,
  'input-channels-not-divisible': (v: { channels: number; groups: number }) =>
    `the ${v.channels} input ${noun(v.channels, 'channel', 'channels')} cannot be split into ${v.groups} equal ${noun(v.groups, 'group', 'groups')} (${v.channels} / ${v.groups} is not a whole number)`,
  'output-padding-not-below-stride': (v: { outputPadding: number; stride: number; outputPaddings: string; strides: string }) =>
    `each output_padding must be smaller than its stride, but ${v.outputPadding} ≥ ${v.stride} (output_padding=${v.outputPaddings}, strides=${v.strides})`,
  'channels-fewer-than-groups': (v: { channels: number; groups: number }) =>
    `the ${count(v.channels, 'channel', 'channels')} cannot be split into ${count(v.groups, 'group', 'groups')}: there are more groups than channels`,
  'channels-not-divisible': (v: { channels: number; groups: number }) =>
    `the ${count(v.channels, 'channel', 'channels')} cannot be split into ${v.groups} equal ${noun(v.groups, 'group', 'groups')} (${v.channels} / ${v.groups} is not a whole number)`,
  'target-shape-not-tuple': (v: { got: string }) => `must be a tuple of whole numbers (one may be -1), got ${v.got}`,
  'target-shape-bad-size': (v: { got: string }) => `each size must be a whole number ≥ 0, or -1 for the one size to infer, got ${v.got}`,
  'target-shape-several-unknown': (v: { got: string }) => `can infer only one size, but ${v.got} has more than one -1`,
  'reshape-size-differs': (v: {
    input: readonly number[];
    inputSize: number;
    target: string;
    fixed: readonly number[];
    fixedSize: number;
  }) =>
    `the input holds ${sizeText(v.input, v.inputSize)} values per sample, but target_shape ${v.target} holds ${sizeText(v.fixed, v.fixedSize)}; the total size must stay the same`,
  'reshape-cannot-infer': (v: {
    input: readonly number[];
    inputSize: number;
    target: string;
    fixed: readonly number[];
    fixedSize: number;
  }) =>
    `the -1 in target_shape ${v.target} cannot be inferred: the input's ${sizeText(v.input, v.inputSize)} values per sample do not divide into groups of ${sizeText(v.fixed, v.fixedSize)} (${v.inputSize} / ${v.fixedSize} is not a whole number)`,
  'permute-not-axes': (v: { got: string }) => `must be a tuple of axis numbers starting at 1, got ${v.got}`,
  'permute-not-each-once': (v: { count: number; got: string }) =>
    `must list each axis from 1 to ${v.count} exactly once (axis 0 is the batch and stays first), got ${v.got}`,
  'permute-rank-differs': (v: { count: number; input: string; axes: number }) =>
    `reorders ${count(v.count, 'axis', 'axes')}, but the input ${v.input} has ${count(v.axes, 'axis', 'axes')} after the batch`,
  'cropping-too-much': (v: { before: number; after: number; axis: string; length: number; left: number }) =>
    `cropping ${v.before} + ${v.after} from the input's ${v.axis} of ${v.length} leaves ${v.length} − ${v.before} − ${v.after} = ${signed(v.left)}; at least 1 must remain`,
  'lambda-shape-unknown': () =>
    'runs Python code that Param Lab cannot run, and the file records neither its output_shape nor the shape of its output',
  'rnn-cell-not-cell': () => 'must be a recurrent cell such as LSTMCell(32), or a list of cells',
  'rnn-cell-empty-stack': () => 'a stack of cells needs at least one cell',
  'rnn-cell-unknown': (v: { type: string }) =>
    `Param Lab knows the cells SimpleRNNCell, LSTMCell, GRUCell and StackedRNNCells, not "${v.type}"`,
  'conv-lstm-spatial-unknown': (v: { input: string }) => `ConvLSTM needs every spatial size known, got ${v.input}`,
  'wrapper-not-layer': (v: { got: string }) => `must be a layer to wrap, such as LSTM(16), got ${v.got}`,
  'bidirectional-same-direction': (v: { goBackwards: boolean }) =>
    `the forward and backward layers must read the sequence in opposite directions, but both have go_backwards=${v.goBackwards ? 'True' : 'False'}`,
  'bidirectional-disagree': (v: { flag: string; forward: boolean; backward: boolean }) =>
    `the forward and backward layers must agree on ${v.flag} (${v.forward ? 'True' : 'False'} vs ${v.backward ? 'True' : 'False'})`,
  'wrapper-no-output': () => 'the wrapped layer produced no output',
  'time-distributed-rank': (v: { input: string }) =>
    `needs an input of rank ≥ 3 (batch, timesteps, …) to apply its layer at every step, got ${v.input}`,
  'time-distributed-several-outputs': (v: { type: string }) => `the wrapped ${v.type} returns several tensors; TimeDistributed needs one`,
  'layer-scale-mismatch': (v: { input: string; channels: number; projection: number }) =>
    `scales the last axis of ${v.input} (${count(v.channels, 'channel', 'channels')}) by a γ of ${count(v.projection, 'value', 'values')}; the two must match`,
  'cannot-add-shapes': (v: { a: string; b: string; i: number; j: number }) =>
    `cannot add ${v.a} and ${v.b}: sizes ${v.i} and ${v.j} differ`,
  'prelu-axis-out-of-range': (v: { got: string; last: number }) => `lists axis ${v.got}, but the input's non-batch axes are 1 to ${v.last}`,
  'prelu-axis-unknown': (v: { axis: number; input: string }) =>
    `axis ${v.axis} of the input ${v.input} has no known size (None); PReLU needs one alpha per position there, so list that axis in shared_axes`,
  'mean-variance-together': () => 'mean and variance must be given together (or neither, to learn them with adapt())',
  'image-rank': (v: { input: string }) => `expects images of rank 4 (batch, height, width, channels) or 3 (one image), got ${v.input}`,
  'attention-not-one-tensor': (v: { got: string }) => `must be one tensor, got ${v.got}`,
  'attention-bad-output-shape': (v: { got: string }) => `must be None, a positive integer or a tuple of positive integers, got ${v.got}`,
  'attention-no-query': () => 'needs a query tensor: call it as mha(query, value)',
  'attention-no-value': () => 'needs a value tensor besides the query: call it as mha(query, value), or mha(x, x) for self-attention',
  'attention-rank': (v: { name: string; input: string }) => `expects ${v.name} of rank ≥ 3 (batch, positions…, features), got ${v.input}`,
  'attention-key-value-differ': (v: { value: string; key: string }) =>
    `value ${v.value} and key ${v.key} must agree on every axis but the last`,
  'attention-not-list': () => 'must be called on a list of tensors: [query, value] or [query, value, key]',
  'attention-list-length': (v: { count: number }) =>
    `takes a list of 2 or 3 tensors ([query, value] or [query, value, key]), got ${v.count}`,
  'merge-batch-differs': (v: { inputs: string }) => `cannot merge tensors with different batch sizes: ${v.inputs}`,
  'merge-cannot-broadcast': (v: { a: string; b: string; i: number; j: number }) =>
    `cannot broadcast ${v.a} with ${v.b}: sizes ${v.i} and ${v.j} differ and neither is 1`,
  'merge-input-count': (v: { expected: number; count: number; inputs: string }) =>
    `must be called on exactly ${v.expected} inputs, got ${v.count}: ${v.inputs}`,
  'merge-rank-differs': (v: { inputs: string }) => `needs inputs of the same rank, got ${v.inputs}`,
  'concatenate-axis-differs': (v: { inputs: string; axis: number; other: number; sizes: readonly number[] }) =>
    `can only join ${v.inputs} along axis ${v.axis} if every other axis matches, but axis ${v.other} has sizes ${v.sizes.join(' and ')}`,
  'dot-bad-axes': (v: { got: string }) => `must be an integer or a pair of integers, got ${v.got}`,
  'dot-batch-axis': () => 'cannot contract the batch axis (axis 0); use an axis from 1 on',
  'dot-input-count': (v: { count: number; inputs: string }) => `must be called on a list of 2 inputs, got ${v.count}: ${v.inputs}`,
  'dot-sizes-differ': (v: { i: number; a: string; sizeA: number | null; j: number; b: string; sizeB: number | null }) =>
    `contracts axis ${v.i} of ${v.a} (size ${v.sizeA ?? 'None'}) with axis ${v.j} of ${v.b} (size ${v.sizeB ?? 'None'}); the two sizes must be equal`,
  'spectral-norm-not-layer': () => 'must be the layer to normalize (a Dense, Conv or Embedding layer)',
  'spectral-norm-no-kernel': (v: { type: string }) => `wraps a ${v.type}, which has no kernel or embeddings to normalize`,
  'einsum-not-string': (v: { got: string }) => `must be an einsum equation such as "ab,bc->ac", got ${v.got}`,
  'einsum-unknown-form': (v: { equation: string }) =>
    `"${v.equation}" is not an equation EinsumDense understands: write it as "ab,bc->ac", "...b,bc->...c" or "ab...,bc->ac..."`,
  'einsum-bias-axes-not-string': (v: { got: string }) => `must be a string of output axis letters or None, got ${v.got}`,
  'einsum-bad-output-shape': (v: { got: string }) =>
    `must be a positive integer or a tuple of positive integers (None allowed), got ${v.got}`,
  'einsum-input-rank': (v: { letters: string; named: number; input: string; rank: number }) =>
    `the equation's input "${v.letters}" names ${count(v.named, 'axis', 'axes')} but the input ${v.input} has ${v.rank}`,
  'einsum-ellipsis-empty': (v: { input: string; rank: number; letters: string }) =>
    `"..." must stand for at least one axis, but the input ${v.input} has only the ${count(v.rank, 'axis', 'axes')} "${v.letters}" names`,
  'einsum-output-count': (v: { letters: string; needed: number; ellipsis: boolean; given: number }) =>
    `the equation's output "${v.letters}" needs ${v.needed} sizes besides the batch${v.ellipsis ? ' and the "..." axes' : ''}, but output_shape gives ${v.given}`,
  'einsum-axis-size-differs': (v: { axis: string; input: number | null; output: number | null }) =>
    `axis "${v.axis}" is ${v.input ?? 'None'} in the input but output_shape sets it to ${v.output}`,
  'einsum-output-axis-orphan': (v: { axis: string; input: string; kernel: string }) =>
    `output axis "${v.axis}" appears neither in the input "${v.input}" nor in the weight "${v.kernel}"`,
  'einsum-weight-axis-orphan': (v: { axis: string; input: string; output: string }) =>
    `weight axis "${v.axis}" appears neither in the input "${v.input}" nor in the output "${v.output}", so its size is unknown`,
  'einsum-bias-axis-not-output': (v: { axis: string; output: string }) =>
    `bias axis "${v.axis}" is not one of the output axes "${v.output}"`,
  'einsum-output-size-unknown': (v: { axis: string }) => `the size of output axis "${v.axis}" must be known to create the weights`,
  'einsum-input-size-unknown': (v: { axis: string; input: string }) =>
    `the size of input axis "${v.axis}" (${v.input}) must be known to create the weights`,

  // ---- JSON text (src/calc/import/json-text.ts) ----
  'json-engine-error': (v: { reason: string }) => json(v.reason),
  'json-too-deep': (v: { limit: number }) =>
    json(`the brackets nest more than ${v.limit.toLocaleString('en-US')} levels deep, far deeper than any Keras model`),
  'json-empty': () => json('the text is empty'),
  'json-unclosed': (v: { inside: 'object' | 'array' }) =>
    json(`the text ends inside ${v.inside === 'object' ? 'an object ({…})' : 'a list ([…])'}: a closing bracket is missing`),
  'json-trailing': (v: { found: string | null }) => json(`unexpected ${found(v.found)} after the end of the JSON value`),
  'json-expected-colon': (v: { found: string | null }) => json(`expected ":" after the property name, found ${found(v.found)}`),
  'json-expected-comma': (v: { close: string; found: string | null }) => json(`expected "," or "${v.close}", found ${found(v.found)}`),
  'json-trailing-comma': (v: { close: string }) => json(`a comma before "${v.close}" is not allowed in JSON`),
  'json-key-single-quotes': () => json('property names need double quotes, not single quotes'),
  'json-expected-key': (v: { found: string | null }) => json(`expected a property name in double quotes, found ${found(v.found)}`),
  'json-string-single-quotes': () => json('strings need double quotes, not single quotes'),
  'json-python-word': (v: { word: string; json: string }) => json(`${v.word} is Python; JSON writes ${v.json}`),
  'json-expected-value': (v: { found: string | null }) => json(`expected a value, found ${found(v.found)}`),
  'json-control-character': () => json('a string contains a raw line break or control character (write it as \\n, \\t, …)'),
  'json-bad-unicode-escape': () => json('a \\u escape needs four hexadecimal digits'),
  'json-bad-escape': (v: { escape: string }) => json(`"\\${v.escape}" is not a JSON escape`),
  'json-unclosed-string': () => json('this string is never closed'),
  'json-bad-minus': (v: { found: string }) => json(`expected a number, found "${v.found}" after "-"`),
  'json-leading-zero': () => json('numbers cannot start with 0 in JSON'),
  'json-bare-decimal-point': () => json('a decimal point needs digits after it'),

  // ---- hostile input: sizes, archives, graphs (src/calc/import/zip-reader.ts, summarize.ts, cli) ----
  /** A shape past exact arithmetic would print as 8e+200 or Infinity; it is refused instead. */
  'output-dim-too-large': (v: { axis: number; max: number }) =>
    `would produce an output whose axis ${v.axis} is larger than ${v.max}, past exact arithmetic`,
  'layer-name-duplicate': (v: { name: string }) => `is the second layer named "${v.name}"; every layer of a model needs its own name`,
  'model-input-unknown': (v: { target: string }) => `names a layer "${v.target}" that the model does not contain`,
  'model-no-outputs': () => 'is empty: a model needs at least one output',
  'layer-dtype-unknown': (v: { got: string }) =>
    `must be a dtype Keras knows (float32, float16, bfloat16, int32, … or a policy such as mixed_float16), got ${v.got}`,
  'input-too-large': (v: { max: number }) =>
    `the input is larger than ${v.max} bytes, far more than any model description; Param Lab stops reading there`,
  'input-too-deep': () => "the model's graph is too deep to follow (thousands of layers in one chain)",
  /** tf.keras breaks a cell after every `),`: a name of megabytes becomes millions of lines. */
  'output-too-large': (v: { max: number }) =>
    `the summary would be longer than ${v.max} characters (its names wrap onto millions of lines); Param Lab stops there`,
  'file-not-found': () => 'no such file',
  'file-is-directory': () => 'this is a directory, not a model file',
  'file-permission-denied': () => 'permission denied',
  'file-path-not-directory': () => 'a part of this path is not a directory',
  'file-name-too-long': () => 'the file name is too long',
  'file-unreadable': (v: { reason: string }) => `cannot read the file (${v.reason})`,
  'archive-no-directory': () =>
    'this file starts like a ZIP archive, but its central directory cannot be read (the file is cut short or damaged)',
  'archive-outside-file': () => 'this ZIP archive is damaged: its directory points past the end of the file',
  'archive-too-many-entries': (v: { count: number; max: number }) =>
    `this ZIP archive claims ${v.count} entries; a .keras file holds a handful, and Param Lab reads at most ${v.max}`,
  'archive-directory-too-large': (v: { size: number; max: number }) =>
    `this ZIP archive's directory takes ${v.size} bytes; a .keras file's takes a few hundred, and Param Lab reads at most ${v.max}`,
  'archive-config-ambiguous': (v: { names: readonly string[]; more: boolean }) =>
    `this ZIP archive holds several config.json files in folders (${v.names.join(', ')}${v.more ? ', …' : ''}) and none at its root, so it is not clear which one is the model`,
  'archive-no-config': (v: { names: readonly string[]; more: boolean }) =>
    `this ZIP archive has no config.json, so it is not a .keras model file (${v.names.length ? `it holds ${v.names.join(', ')}${v.more ? ', …' : ''}` : 'it is empty'})`,
  'archive-entry-too-large': (v: { size: number; max: number }) =>
    `unpacks to ${v.size} bytes, more than the ${v.max} Param Lab reads for a model description`,
  'archive-entry-size-mismatch': (v: { declared: number; actual: number; more: boolean }) =>
    `the archive says this entry unpacks to ${v.declared} bytes, but it unpacks to ${v.more ? 'more than ' : ''}${v.actual}: the archive is damaged or forged`,
  'archive-entry-damaged': () => 'cannot be unpacked: its compressed data is damaged',
  'archive-entry-encrypted': () => 'is encrypted, so it cannot be read',
  'archive-entry-method': (v: { method: number }) =>
    `is compressed with method ${v.method}; a .keras archive uses 0 (stored) or 8 (deflate)`,
  'archive-config-not-utf8': () => 'is not UTF-8 text',
  'archive-config-not-object': (v: { got: string }) => `expected the model's JSON object, found ${v.got}`,

  // ---- reading a file (src/calc/import/*.ts) ----
  'input-nested-too-deep': () => 'the input is nested too deeply to read',
  'model-too-deep': () => 'the model is nested too deeply to read',
  'file-empty': () => 'the file is empty',
  'file-only-whitespace': () => 'the file holds only white space',
  'file-hdf5': () =>
    'this is an HDF5 (.h5) file; Param Lab reads the architecture from JSON — in Python, save it with model.to_json() or model.save("model.keras")',
  'file-gzip': () => 'this file is gzip-compressed; decompress it first',
  'file-numpy': () => 'this is a NumPy array file, which holds weights but not the architecture',
  'file-not-text': () => 'this file is neither text nor a .keras (ZIP) archive, so it cannot describe a model',
  'file-python-source': () =>
    'this looks like Python source; reading Keras Python code is not supported yet — save the model with model.to_json() (or model.save("model.keras")) and pass that file',
  'file-summary-printout': () =>
    'this is the text model.summary() printed, not a model; pass the model itself (model.to_json(), a .keras file or a tfjs model.json)',
  // ---- reading Python code (src/calc/import/python/) ----
  'python-syntax': (v: { found: string }) =>
    `this is not valid Python: the reader stops at ${v.found ? `"${v.found}"` : 'the end of the text'}`,
  'python-step-budget': (v: { steps: number }) =>
    `the code runs longer than the reader follows it (${v.steps} steps): an endless loop, or a loop far larger than a model needs`,
  'python-too-deep': (v: { limit: number }) => `expressions or calls are nested too deeply to follow (more than ${v.limit} levels)`,
  'python-recursion': (v: { name: string; limit: number }) => `${v.name}() calls itself more than ${v.limit} levels deep`,
  'python-unpack': (v: { expected: number; got: number }) => `cannot unpack ${v.got} values into ${v.expected} names`,
  'python-unhashable': (v: { type: string }) => `a ${v.type} cannot be a dict key`,
  'python-index-range': (v: { index: number; length: number }) => `index ${v.index} is out of range for ${v.length} items`,
  'python-key-missing': (v: { key: string }) => `there is no key ${v.key}`,
  'python-bad-slice': () => 'a slice or range needs whole numbers and a step that is not zero',
  'python-bad-index': (v: { type: string }) => `an index must be a whole number, not a ${v.type}`,
  'python-condition-unknown': (v: { what: string }) =>
    `this condition depends on ${v.what}, which is only known when the code runs; its branches are skipped`,
  'python-loop-unknown': (v: { what: string }) =>
    `this loop goes over ${v.what}, which is only known when the code runs; its body is skipped`,
  'python-too-long': (v: { max: number }) => `this builds a string or list longer than ${v.max} items, more than a model needs`,
  'python-bad-operand': (v: { op: string; left: string; right: string }) =>
    `${v.op} cannot combine ${v.left}${v.right ? ` and ${v.right}` : ''}`,
  'python-division-by-zero': () => 'division by zero',
  'python-missing-argument': (v: { function: string; argument: string }) => `${v.function}() is called without its argument ${v.argument}`,
  'python-not-static': (v: { what: string }) =>
    `${v.what} is only known when the code runs (read from data, a file or a function the reader does not follow), so the model cannot be worked out from it`,
  'python-not-callable': (v: { type: string }) => `a ${v.type} cannot be called`,
  /** A name Keras's layers module lacks (a typo: `layers.Flaten()`); `-close` names the one known name near it. */
  'python-no-layer': (v: { name: string }) => `Keras has no layer called "${v.name}"`,
  'python-no-layer-close': (v: { name: string; suggestion: string }) =>
    `Keras has no layer called "${v.name}"; did you mean "${v.suggestion}"?`,
  'python-no-application': (v: { name: string }) => `keras.applications has no model called "${v.name}"`,
  'python-no-application-close': (v: { name: string; suggestion: string }) =>
    `keras.applications has no model called "${v.name}"; did you mean "${v.suggestion}"?`,
  'python-subclassed-model': (v: { name: string; line: number }) =>
    `${v.name} (line ${v.line}) subclasses keras.Model; its layers are made in code the reader does not run — build it with Sequential or the functional API`,
  'python-too-many-arguments': (v: { type: string; max: number; got: number }) =>
    `${v.type} takes at most ${v.max} arguments by position, got ${v.got}`,
  'python-argument-twice': (v: { type: string; argument: string }) => `${v.type} is given ${v.argument} twice`,
  'python-bad-argument': (v: { argument: string; type: string }) => `${v.argument} cannot be a ${v.type}`,
  'python-model-called-on-data': (v: { name: string }) =>
    `${v.name} is called on data, not on a tensor from keras.Input: that runs the model, which the reader does not do`,
  'python-sequential-input-late': (v: { name: string }) =>
    `${v.name} gets an input after it already has one or has layers; the input must come first`,
  'python-not-a-layer': (v: { type: string }) => `a ${v.type} is not a layer, so it cannot be added to a Sequential model`,
  'python-model-without-graph': () => 'keras.Model() without inputs and outputs is a subclassed model, whose layers the reader cannot see',
  'python-model-not-tensors': (v: { argument: string; type: string }) =>
    `keras.Model's ${v.argument} must be tensors (from keras.Input and layer calls), not a ${v.type}`,
  'python-application-options': (v: { name: string; argument: string }) =>
    `keras.applications.${v.name} is built here only as Keras makes it by default (include_top=True, its own input size, 1000 classes); ${v.argument} changes that`,
  'python-application-argument': (v: { name: string; argument: string }) =>
    `keras.applications.${v.name} is built here only with ${v.argument} at its Keras default; the ${v.argument} given changes its layers`,
  'python-unexpected-argument': (v: { function: string; argument: string }) => `${v.function}() takes no argument ${v.argument}`,
  'python-application-square': (v: { name: string }) =>
    `keras.applications.${v.name} reads its input's side while it builds (correct_pad); Param Lab builds it on square inputs only`,
  'python-graph-disconnected': (v: { input: string }) => `the outputs depend on ${v.input}, which is not among the model's inputs`,
  'python-no-model': () => 'no Keras model is built in this code (expected keras.Sequential, keras.Model or a keras.applications model)',
  'python-custom-layer': (v: { name: string; line: number }) =>
    `the custom layer ${v.name} (line ${v.line}) makes weights or shapes the reader cannot work out from its build() and call()`,
  /** `found` is kindOf's English phrase (`a list of 3 items`): these codes reach only the CLI. */
  'json-not-model-object': (v: { found: string }) =>
    `this JSON is ${v.found}, not a Keras model (expected an object with "class_name" and "config", or a tfjs model.json with "modelTopology")`,
  'json-no-class-name': (v: { keys: readonly string[] }) =>
    `this JSON object is not a Keras model: it has no "class_name" (its keys are ${v.keys.map((k) => `"${k}"`).join(', ') || 'none'})`,
  'keras-1-unsupported': (v: { version: string }) =>
    `this model was saved by Keras ${v.version}, whose layer arguments (output_dim, nb_filter, border_mode…) Param Lab does not read; it reads Keras 2 and later`,
  'tfjs-weights-only': () => 'this tfjs model.json has no modelTopology; a weights manifest alone does not say how the layers connect',
  'tfjs-topology-not-object': (v: { found: string }) => `expected an object holding the model's layers, found ${v.found}`,
  'tfjs-graph-model': () =>
    'this is a tfjs graph model (a frozen TensorFlow graph of operations), which records no Keras layers to count; convert the Keras model with --output_format=tfjs_layers_model instead',
  'keras-json-not-object': (v: { found: string }) =>
    `expected a JSON object describing a Keras model ({"class_name": …, "config": …}), found ${v.found}`,
  'keras-json-no-class-name': () => 'expected the model\'s "class_name"',
  'keras-json-no-config': () => 'expected the model\'s "config" object',
  'keras-json-no-layers': (v: { className: string }) =>
    `this "${v.className}" has no list of layers, so there is nothing to count (it is a single layer, or a subclassed model whose JSON does not record its layers)`,
  'keras-json-layers-not-list': () => 'expected a list of layers',
  'keras-json-layer-not-object': (v: { sequential: boolean }) =>
    `expected a layer object${v.sequential ? ' ({"class_name": …, "config": …})' : ''}`,
  'keras-json-nodes-not-list': () => 'expected a list of calls',
  'keras-json-refs-not-list': () => 'expected a list of [layer, node, tensor] references',
  'keras-json-bad-ref': () => 'expected a [layer_name, node_index, tensor_index] reference (two whole numbers ≥ 0 after the name)',
  'keras-json-bad-call': () => 'expected a call ({"args": …} or a list of [layer, node, tensor, kwargs])',
  'keras-json-bad-history': () => 'expected [layer_name, node_index, tensor_index] with two whole numbers ≥ 0 after the name',
  'keras-json-layer-no-class-name': () => 'expected the layer\'s "class_name"',
  'keras-json-layer-no-config': (v: { type: string }) => `expected the config of this ${v.type} layer`,
  'keras-json-bad-dim': (v: { got: string }) => `expected a whole number ≥ 0 or null, got ${v.got}`,
  // ---- reading a pasted model.summary() printout (src/calc/import/printout.ts) ----
  'printout-not-found': () =>
    'this is not a model.summary() printout: no table with the columns Layer (type), Output Shape and Param # was found',
  'printout-no-rows': () => 'the printout stops before its first layer row',
  'printout-bad-count': (v: { text: string }) => `Param # must be a count such as 18,496, got "${v.text}"`,
  /** Warnings: the printout is still read. */
  'printout-cell-cut': (v: { layer: string }) =>
    `the row of ${v.layer} is cut short (a cell ends in …); only the start of that cell is known`,
  'printout-no-footer': (v: { rows: number }) =>
    `the printout stops before its Total params line; ${count(v.rows, 'row was', 'rows were')} read`,
  /** `total` is Total params less Optimizer params (Keras 3 adds the optimizer's variables to the total). */
  'printout-total-mismatch': (v: { rows: number; total: number }) =>
    `the rows add up to ${v.rows} parameters, but Total params says the layers have ${v.total}`,
  'printout-split-mismatch': (v: { trainable: number; nonTrainable: number; total: number }) =>
    `Trainable params ${v.trainable} + Non-trainable params ${v.nonTrainable} = ${v.trainable + v.nonTrainable}, not the ${v.total} of Total params`,
} satisfies Record<string, (v: never) => string>;

export type DiagnosticCode = keyof typeof english;

/** The values a code needs, as its English rendering declares them (`{}` for none). */
export type ValuesOf<C extends DiagnosticCode> =
  Parameters<(typeof english)[C]> extends [infer V extends DiagnosticValues] ? V : Record<never, never>;

/** The English sentence for a code, as the CLI prints it. */
export function englishMessage<C extends DiagnosticCode>(code: C, values: ValuesOf<C>): string {
  return (english[code] as (v: ValuesOf<C>) => string)(values);
}

/** A located diagnostic value, its English message filled in. */
export function diagnostic<C extends DiagnosticCode>(code: C, values: ValuesOf<C>, at: DiagnosticLocation = {}): Diagnostic {
  return { ...at, code, values, message: englishMessage(code, values) };
}
