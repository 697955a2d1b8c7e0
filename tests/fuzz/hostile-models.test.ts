/**
 * The hostile-input classes a red-team run found, each as a fixed case and as a seeded fast-check
 * property over random models: prototype keys as dtypes, sizes past 2^53 − 1, broken graph
 * endpoints, control characters and wide characters in names. Properties: the CLI answers 0 with
 * a summary or 2 with one located line, never throws, and never shows NaN, Infinity or undefined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownTypes, resolveLayer } from '@calc/engine.ts';
import { cellLength } from '@calc/render.ts';
import {
  BROKEN_NUMBER,
  cli,
  contained,
  functional,
  type Container,
  hostileDtype,
  hostileName,
  hostileSize,
  isOneErrorLine,
  layer,
  PROTOTYPE_KEYS,
  RAW_CONTROL,
  sequential,
  toText,
} from './hostile-input.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const dense = (dtype: unknown) => toText(sequential('s', [4], [layer('Dense', 'dense', { units: 3 }, dtype)]));

describe('a dtype named after an Object.prototype key', () => {
  it.each(PROTOTYPE_KEYS)('"%s", as a string and as a DTypePolicy, is a located error in every format', async (name) => {
    const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null };
    for (const dtype of [name, policy]) {
      for (const format of ['keras3', 'keras2', 'json']) {
        const r = await cli(dense(dtype), format);
        expect(isOneErrorLine(r), r.stderr).toBe(true);
        expect(r.stderr).toBe(
          `error: <stdin>: dense (Dense), dtype: must be a dtype Keras knows (float32, float16, bfloat16, int32, … or a policy such as mixed_float16), got ${JSON.stringify(name)}\n`,
        );
      }
    }
  });

  it('a known dtype still counts its bytes: float64 weights are 8 bytes each, (4 × 3 + 3) × 8 = 120 B', async () => {
    const r = await cli(dense('float64'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Total params: 15 (120.00 B)');
  });
});

describe('sizes past 2^53 − 1', () => {
  const cases: [string, string][] = [
    ['UpSampling2D(size=[1, 1e308])', toText(sequential('s', [8, 8, 3], [layer('UpSampling2D', 'up', { size: [1, 1e308] })]))],
    [
      'UpSampling2D(size=[1, 2^52]) on a width of 8: 8 × 2^52 = 2^55',
      toText(sequential('s', [8, 8, 3], [layer('UpSampling2D', 'up', { size: [1, 2 ** 52] })])),
    ],
    ['ZeroPadding2D(padding=1e308)', toText(sequential('s', [8, 8, 3], [layer('ZeroPadding2D', 'pad', { padding: 1e308 })]))],
    [
      'ZeroPadding2D(padding=2^52) on 8: 8 + 2 × 2^52 = 2^53 + 8',
      toText(sequential('s', [8, 8, 3], [layer('ZeroPadding2D', 'pad', { padding: 2 ** 52 })])),
    ],
    [
      'Conv2DTranspose(strides=1e308)',
      toText(sequential('s', [8, 8, 3], [layer('Conv2DTranspose', 'ct', { filters: 2, kernel_size: 3, strides: 1e308 })])),
    ],
    [
      'Conv2DTranspose(strides=2^50) on 8: 7 × 2^50 + 3 > 2^53',
      toText(sequential('s', [8, 8, 3], [layer('Conv2DTranspose', 'ct', { filters: 2, kernel_size: 3, strides: 2 ** 50 })])),
    ],
    ['Dense(units=1e200)', toText(sequential('s', [4], [layer('Dense', 'd', { units: 1e200 })]))],
    ['an input of 9007199254740991 flattened with 8 channels', toText(sequential('s', [MAX, 8], [layer('Flatten', 'f', {})]))],
    ['an input of 9007199254740991 upsampled by 2', toText(sequential('s', [MAX, 1], [layer('UpSampling1D', 'u', { size: 2 })]))],
    ['a batch_shape of 1e400', toText(sequential('s', ['__1e400__', 3], [layer('Dense', 'd', { units: 2 })]))],
    ['an input of 2^53', toText(sequential('s', [2 ** 53], [layer('Dense', 'd', { units: 2 })]))],
    ['a functional Input of 1e300 feeding Dense', toText(functional('f', [1e300], [{ type: 'Dense', name: 'd', args: { units: 2 } }]))],
  ];

  it.each(cases)('%s: exit 2 with one located line, no Infinity', async (_, text) => {
    for (const format of ['keras3', 'json']) {
      const r = await cli(text, format);
      expect(isOneErrorLine(r), r.stderr || r.stdout).toBe(true);
      // Located at the layer (and argument) at fault, or at the place in the file.
      expect(r.stderr).toMatch(/^error: <stdin>: (\S+ \(\w+\)|config\.\S+)[,:] /);
    }
  });

  it('a calculator (resolveLayer) typed 9007199254740991 twice: Flatten would hold (2^53 − 1)², refused at the layer', () => {
    const r = resolveLayer({ type: 'Flatten' }, [null, MAX, MAX, 1]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'output-dim-too-large', layer: 'flatten', values: { axis: 1, max: MAX } });
  });

  it('random layers over random hostile sizes through resolveLayer: a row of exact numbers or a diagnostic', () => {
    const types = knownTypes().filter((t) => t !== 'InputLayer');
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.dictionary(
          fc.constantFrom(
            'units',
            'filters',
            'kernel_size',
            'strides',
            'size',
            'padding',
            'cropping',
            'pool_size',
            'output_dim',
            'input_dim',
            'dilation_rate',
            'target_shape',
            'num_heads',
            'key_dim',
          ),
          hostileSize,
        ),
        fc.array(hostileSize, { minLength: 1, maxLength: 4 }),
        (type, args, dims) => {
          const input = [null, ...dims.map((d) => (typeof d === 'number' ? d : Infinity))];
          const r = resolveLayer({ type, args }, input);
          const text = JSON.stringify(r.ok ? r.row.outputShape : r.error.message);
          if (r.ok)
            expect([r.row.params, ...(r.row.outputShape ?? []).flat()].every((d) => d === null || Number.isSafeInteger(d))).toBe(true);
          else expect(r.error.message).not.toMatch(BROKEN_NUMBER);
          expect(text).not.toMatch(BROKEN_NUMBER);
        },
      ),
      { seed: 6, numRuns: 3000 },
    );
  });

  it('the largest exact size itself is fine: 9007199254740991 = 2^53 − 1 inputs on one axis', async () => {
    const r = await cli(toText(sequential('s', [MAX], [layer('Activation', 'a', { activation: 'relu' })])), 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).layers[0].outputShape).toEqual([null, 9007199254740991]);
  });
});

describe('functional endpoints', () => {
  const chain = [
    { type: 'Dense', name: 'a', args: { units: 2 } },
    { type: 'Dense', name: 'b', args: { units: 2 } },
  ];

  it('input_layers naming a layer that does not exist', async () => {
    const r = await cli(toText(functional('f', [4], chain, undefined, [['ghost', 0, 0]])));
    expect(isOneErrorLine(r)).toBe(true);
    expect(r.stderr).toBe('error: <stdin>: input_layers: names a layer "ghost" that the model does not contain\n');
  });

  it('an empty output_layers', async () => {
    const r = await cli(toText(functional('f', [4], chain, [])));
    expect(r.stderr).toBe('error: <stdin>: output_layers: is empty: a model needs at least one output\n');
    expect(r.code).toBe(2);
  });

  it('two layers named alike are duplicates, not a cycle', async () => {
    const r = await cli(
      toText(
        functional(
          'f',
          [4],
          [
            { type: 'Dense', name: 'twin', args: { units: 2 } },
            { type: 'Dense', name: 'twin', args: { units: 2 } },
          ],
        ),
      ),
    );
    expect(isOneErrorLine(r)).toBe(true);
    expect(r.stderr).toContain('twin (Dense): is the second layer named "twin"');
    expect(r.stderr).not.toContain('cycle');
  });
});

describe('names with control and wide characters', () => {
  it('ESC, BEL, newline and a bidi override in a name are escaped in Keras 3 text', async () => {
    const r = await cli(toText(sequential('m\u001b]0;title\u0007', [4], [layer('Dense', 'a\u001b[2J\nb\u202e', { units: 3 })])));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('Model: "m\\x1b]0;title\\x07"');
    expect(r.stdout).toContain('│ a\\x1b[2J\\x0ab\\u202e (Dense)');
  });

  it('tf.keras text escapes the name column and writes connections as Python repr does', async () => {
    // Two branches and two outputs, so tf.keras draws the "Connected to" column.
    const model = functional(
      'f',
      [4],
      [
        { type: 'Dense', name: 'a\nb', args: { units: 2 } },
        { type: 'Dense', name: 'c', args: { units: 2 }, calls: 'a\nb' },
        { type: 'Dense', name: 'd', args: { units: 2 }, calls: 'a\nb' },
      ],
      [
        ['c', 0, 0],
        ['d', 0, 0],
      ],
    );
    const r = await cli(toText(model), 'keras2');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain("['a\\nb[0][0]']");
  });

  it('a 🚀 in a name takes two columns: the row is drawn as wide as the header', async () => {
    const r = await cli(toText(sequential('s', [4], [layer('Dense', '🚀', { units: 3 })])));
    // 76 columns: "│ " + 31 for the name cell + " │ " + 22 + " │ " + 13 + " │"; 🚀 (Dense) is 2 + 8 = 10 columns.
    expect(r.stdout).toContain(`│ 🚀 (Dense)${' '.repeat(31 - 10)} │ (None, 3)${' '.repeat(22 - 9)} │ ${' '.repeat(13 - 2)}15 │`);
  });

  it("tf.keras counts 🚀 as one character, as Python's len does: the row is 65 code points", async () => {
    const r = await cli(toText(sequential('s', [4], [layer('Dense', '🚀', { units: 3 })])), 'keras2');
    // Columns end at int(65 × 0.45) = 29, int(65 × 0.85) = 55 and 65; " 🚀 (Dense)" is 1 + 9 = 10 characters.
    expect(r.stdout).toContain(`\n 🚀 (Dense)${' '.repeat(29 - 10)}(None, 3)${' '.repeat(55 - 29 - 9)}15${' '.repeat(65 - 55 - 2)}\n`);
  });

  it('random hostile names: every Keras 3 line is 76 columns, nothing raw reaches the terminal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileName, { minLength: 1, maxLength: 4 }), hostileName, async (names, modelName) => {
        const layers = names.map((name, i) => layer('Dense', `${name}${i}`, { units: 2 }));
        const r = await cli(toText(sequential(modelName, [3], layers)));
        expect(r.code).toBe(0);
        expect(r.stdout).not.toMatch(RAW_CONTROL);
        const table = r.stdout.split('\n').slice(1, -4);
        for (const line of table) expect(cellLength(line)).toBe(76);
        const keras2 = await cli(toText(sequential(modelName, [3], layers)), 'keras2');
        expect(keras2.stdout).not.toMatch(RAW_CONTROL);
        // tf.keras pads by code point (Python's len): every line of its table is 65 long.
        const lines = keras2.stdout.split('\n');
        for (const line of lines.slice(1, lines.lastIndexOf('='.repeat(65)) + 1)) expect([...line]).toHaveLength(65);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});

describe('random hostile models', () => {
  /** A layer from a menu of the families whose arithmetic can overflow, with hostile arguments. */
  const hostileLayer = fc.oneof(
    fc.record({ units: hostileSize }).map((a) => ['Dense', a] as const),
    fc.record({ size: fc.oneof(hostileSize, fc.tuple(hostileSize, hostileSize)) }).map((a) => ['UpSampling2D', a] as const),
    fc.record({ padding: fc.oneof(hostileSize, fc.tuple(hostileSize, hostileSize)) }).map((a) => ['ZeroPadding2D', a] as const),
    fc.record({ filters: hostileSize, kernel_size: hostileSize, strides: hostileSize }).map((a) => ['Conv2DTranspose', a] as const),
    fc.record({ filters: hostileSize, kernel_size: hostileSize, dilation_rate: hostileSize }).map((a) => ['Conv2D', a] as const),
    fc.record({ input_dim: hostileSize, output_dim: hostileSize }).map((a) => ['Embedding', a] as const),
    fc.constant(['Flatten', {}] as const),
    fc.constant(['BatchNormalization', {}] as const),
  );
  const model = fc.record({
    input: fc.array(hostileSize, { minLength: 1, maxLength: 3 }),
    layers: fc.array(fc.tuple(hostileLayer, hostileName, hostileDtype), { minLength: 1, maxLength: 4 }),
    functional: fc.boolean(),
    container: fc.constantFrom<Container>('json', 'tfjs', 'archive', 'nested'),
  });

  it('to_json, tfjs model.json, .keras or nested: exit 0 with finite numbers, or exit 2 with one located line', async () => {
    await fc.assert(
      fc.asyncProperty(model, fc.constantFrom('keras3', 'keras2', 'json'), async (m, format) => {
        const layers = m.layers.map(([[type, args], name, dtype], i) => ({ type, name: `${name}${i}`, args: { ...args, dtype } }));
        const json = m.functional
          ? functional('f', m.input, layers)
          : sequential(
              's',
              m.input,
              layers.map((l) => layer(l.type, l.name, l.args, l.args.dtype)),
            );
        const r = await cli(contained(json, m.container), format);
        if (r.code === 0) {
          expect(r.stdout).not.toMatch(BROKEN_NUMBER);
          expect(r.stdout).not.toMatch(RAW_CONTROL);
        } else {
          expect(isOneErrorLine(r), r.stderr).toBe(true);
        }
      }),
      { seed: 6, numRuns: 1500 },
    );
  });
});
