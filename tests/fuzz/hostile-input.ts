/**
 * Building blocks for the hostile-input fuzz tests: Keras 3 JSON written by hand (never by the
 * engine), names and dtypes chosen to break naive code, and the in-process CLI.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { runSummary, type CommandResult } from '../../src/cli/run.ts';

/** What no output and no message may ever contain. */
export const BROKEN_NUMBER = /NaN|Infinity|undefined/;
/** Characters that must never reach a terminal raw: C0, DEL, C1, line separators, bidi controls. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Keys of Object.prototype and friends: a lookup that is not own-property finds these. */
export const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

/** Pieces of hostile layer names: escapes, newlines, C1, bidi, emoji, combining marks, ZWJ, CJK. */
const NAME_PIECES = [
  'dense',
  'x',
  '\u001b[2J',
  '\u001b]0;pwned\u0007',
  '\n',
  '\r',
  '\t',
  '\u0085',
  '\u009b31m',
  '\u202e',
  '\u2066',
  '\u200f',
  '🚀',
  '⚡',
  '✅',
  '🫠',
  'e\u0301',
  '👩\u200d💻',
  '密集层',
  '\u2028',
  "'",
  '"',
  '\\',
  ' ',
  ...PROTOTYPE_KEYS,
];

export const hostileName = fc.array(fc.constantFrom(...NAME_PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/** A dtype as Keras 3 writes it: a string or a DTypePolicy, named anything. */
export const hostileDtype = fc.oneof(
  fc.constantFrom('float32', 'float16', 'mixed_float16', 'int8', 'bool', 'nope', ...PROTOTYPE_KEYS),
  fc
    .constantFrom(...PROTOTYPE_KEYS, 'float64', 'bfloat16')
    .map((name) => ({ module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null })),
);

/** Sizes at and past the edge of exact arithmetic; `1e400` is written into the text as is. */
export const INFINITE = '__1e400__';
export const hostileSize = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 0.5, 2 ** 26, 2 ** 52, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e15, 1e200, 1e308, INFINITE) },
);

export const toText = (model: unknown): string => JSON.stringify(model).replaceAll(`"${INFINITE}"`, '1e400');

/** A Keras 3 layer object; `args` are its keyword arguments. */
export const layer = (type: string, name: string, args: Record<string, unknown>, dtype: unknown = 'float32') => ({
  module: 'keras.layers',
  class_name: type,
  config: { name, trainable: true, dtype, ...args },
  registered_name: null,
});

export const sequential = (name: string, inputShape: unknown[], layers: unknown[]) => ({
  module: 'keras',
  class_name: 'Sequential',
  config: {
    name,
    trainable: true,
    layers: [
      {
        module: 'keras.layers',
        class_name: 'InputLayer',
        config: { batch_shape: [null, ...inputShape], dtype: 'float32', name: 'input_layer' },
        registered_name: null,
      },
      ...layers,
    ],
  },
  registered_name: null,
});

/** A functional chain: each layer called on the tensor of the one before (or on `calls[i]`). */
export function functional(
  name: string,
  inputShape: unknown[],
  layers: { type: string; name: string; args: Record<string, unknown>; calls?: string }[],
  outputs?: unknown[],
  inputs?: unknown[],
) {
  const history = (from: string) => ({
    class_name: '__keras_tensor__',
    config: { shape: null, dtype: 'float32', keras_history: [from, 0, 0] },
  });
  const entries: unknown[] = [
    {
      module: 'keras.layers',
      class_name: 'InputLayer',
      name: 'input_layer',
      config: { batch_shape: [null, ...inputShape], dtype: 'float32', name: 'input_layer' },
      inbound_nodes: [],
    },
  ];
  let previous = 'input_layer';
  for (const l of layers) {
    entries.push({ ...layer(l.type, l.name, l.args), name: l.name, inbound_nodes: [{ args: [history(l.calls ?? previous)], kwargs: {} }] });
    previous = l.name;
  }
  return {
    module: 'keras',
    class_name: 'Functional',
    config: {
      name,
      trainable: true,
      layers: entries,
      input_layers: inputs ?? [['input_layer', 0, 0]],
      output_layers: outputs ?? [[previous, 0, 0]],
    },
    registered_name: null,
  };
}

/** The CLI on `input` as standard input, in this process. */
export const cli = (input: string | Uint8Array, format = 'keras3'): Promise<CommandResult> =>
  runSummary(['-', '--format', format], [typeof input === 'string' ? new TextEncoder().encode(input) : input]);

/** How a model reaches the CLI: Keras's to_json(), a tfjs model.json, a .keras archive, or nested in another model. */
export type Container = 'json' | 'tfjs' | 'archive' | 'nested';

export function contained(model: object, container: Container): string | Uint8Array {
  switch (container) {
    case 'json':
      return toText(model);
    case 'tfjs':
      return `{"format": "layers-model", "modelTopology": ${toText({ ...model, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' })}, "weightsManifest": []}`;
    case 'archive':
      return zipSync({ 'metadata.json': strToU8('{"keras_version": "3.16.0"}'), 'config.json': strToU8(toText(model)) });
    case 'nested':
      // No InputLayer outside: the nested model brings its own input, as Keras's Sequential.add takes it.
      return toText({
        module: 'keras',
        class_name: 'Sequential',
        config: { name: 'outer', trainable: true, layers: [model] },
        registered_name: null,
      });
  }
}

/** Exit 2 and exactly one printable `error:` line, as the CLI contract says. */
export function isOneErrorLine(r: CommandResult): boolean {
  return (
    r.code === 2 && r.stdout === '' && /^error: [^\n]*\n$/.test(r.stderr) && !RAW_CONTROL.test(r.stderr) && !BROKEN_NUMBER.test(r.stderr)
  );
}
