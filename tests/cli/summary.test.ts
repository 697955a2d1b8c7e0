/**
 * The command line as users run it: the real process on real files. Text output is compared with
 * what Keras printed (the goldens' expected.json, docs/summary-formats.md#printed-examples); bad input must earn
 * exit 2 and exactly one `error: …` line on stderr, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arithmetic } from '../formula-arithmetic.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const goldenDir = (id: string) => join(root, 'tests/golden/keras3', id);
const expectedOf = (id: string) => JSON.parse(readFileSync(join(goldenDir(id), 'expected.json'), 'utf8'));
const USAGE = 'usage: npm run --silent summary -- <file | -> [--format keras3 | keras2 | json]';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command from the repository root, feeding `stdin` when given. */
function exec(command: string, args: string[], stdin?: Uint8Array | string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1' };
    const child = spawn(command, args, { cwd: root, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(stdin ?? '');
  });
}

/** `node --import tsx src/cli/summary.ts …`: what `npm run summary` runs, minus npm. */
const summary = (args: string[], stdin?: Uint8Array | string) =>
  exec(process.execPath, ['--import', 'tsx', 'src/cli/summary.ts', ...args], stdin);

const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** Exit 2, nothing on stdout, one `error:` line on stderr, and no trace of a stack. */
function expectOneErrorLine(r: Run): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+:\d+\)/);
  return lines[0]!;
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'param-lab-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Write an input file for one test and return its path. */
function file(name: string, content: Uint8Array | string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe.concurrent('printing summaries', () => {
  it.each(['r1001-000', 'r1001-001', 'r1001-047', 'r1001-114'])('golden %s: stdout is exactly what Keras printed', async (id) => {
    const r = await summary([join(goldenDir(id), 'model.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(withNewline(expectedOf(id).summary));
  });

  it('the tutorial CNN as tf.keras 2.12 JSON prints the Keras 3 summary Keras printed', async () => {
    const r = await summary(['tests/cli/fixtures/tutorial-tf-keras-2.12.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixtures, 'tutorial.keras3.txt'), 'utf8'));
  });

  it('--format keras2 prints the tf.keras 2.13+ summary tf.keras printed', async () => {
    const r = await summary(['tests/cli/fixtures/tutorial-tf-keras-2.12.json', '--format', 'keras2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixtures, 'tutorial.keras2.txt'), 'utf8'));
  });

  it.each(['r1001-000', 'r1001-001'])('--format=json for golden %s holds exactly the rows and totals Keras reported', async (id) => {
    const r = await summary([`--format=json`, join(goldenDir(id), 'model.json')]);
    expect(r.code).toBe(0);
    const expected = expectedOf(id);
    const printed = JSON.parse(r.stdout);
    const withoutFormula = printed.layers.map(({ formula: _f, ...layer }: { formula?: string }) => layer);
    expect({ ...printed, layers: withoutFormula }).toEqual({ name: expected.name, layers: expected.layers, totals: expected.totals });
  });

  it('--format=json writes a formula on every row with parameters, whose arithmetic is the row count', async () => {
    const r = await summary(['--format=json', 'tests/cli/fixtures/tutorial.py']);
    expect(r.code).toBe(0);
    const layers: { name: string; params: number; formula?: string }[] = JSON.parse(r.stdout).layers;
    expect(layers.map((l) => [l.name, l.formula])).toEqual([
      ['conv2d', '32 × (1 × 3 × 3 + 1)'],
      ['max_pooling2d', undefined],
      ['conv2d_1', '64 × (32 × 3 × 3 + 1)'],
      ['max_pooling2d_1', undefined],
      ['conv2d_2', '64 × (64 × 3 × 3 + 1)'],
      ['flatten', undefined],
      ['dense', '64 × (576 + 1)'],
      ['dense_1', '10 × (64 + 1)'],
    ]);
    for (const l of layers) if (l.formula) expect(arithmetic(l.formula)).toBe(l.params);
  });

  it('reads Python code: the tutorial CNN prints what Keras 3 printed, and with --format keras2 what tf.keras printed', async () => {
    const keras3 = await summary(['tests/cli/fixtures/tutorial.py']);
    expect(keras3.stderr).toBe('');
    expect(keras3.stdout).toBe(readFileSync(join(fixtures, 'tutorial.keras3.txt'), 'utf8'));
    const keras2 = await summary(['tests/cli/fixtures/tutorial.py', '--format', 'keras2']);
    expect(keras2.stdout).toBe(readFileSync(join(fixtures, 'tutorial.keras2.txt'), 'utf8'));
  });

  it.each(['r1001-003', 'r1001-047', 'r1001-114'])('golden %s: its model.py on standard input prints what Keras printed', async (id) => {
    const r = await summary(['-'], readFileSync(join(goldenDir(id), 'model.py')));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(withNewline(expectedOf(id).summary));
  });

  it('reads a pasted printout: Keras 3 text back to itself, and to the tf.keras text, from a file or standard input', async () => {
    const keras3 = readFileSync(join(fixtures, 'tutorial.keras3.txt'), 'utf8');
    const keras2 = readFileSync(join(fixtures, 'tutorial.keras2.txt'), 'utf8');
    const pasted = `In [7]: model.summary()\r\n${keras3.replace(/\n/g, '\r\n').replace(/ {2}/g, '\u00a0 ')}\r\n\r\nIn [8]: model.fit(x, y)\r\n`;
    expect((await summary([file('pasted.txt', pasted)])).stdout).toBe(keras3);
    expect((await summary(['-', '--format', 'keras2'], keras3)).stdout).toBe(keras2);
    expect((await summary(['-'], keras2)).stdout).toBe(keras3);
  });

  it('a printout in --format json: each row explained, with what it was worked back to', async () => {
    const r = await summary(['--format=json', 'tests/cli/fixtures/tutorial.keras2.txt']);
    expect(r.code).toBe(0);
    const layers: { name: string; formula?: string; inferred?: unknown; alternatives?: unknown[] }[] = JSON.parse(r.stdout).layers;
    // 64 × (32 × 3 × 3 + 1) = 18,496: the only reading of 13 → 11 with 32 channels
    expect(layers[2]).toMatchObject({ name: 'conv2d_1', formula: '64 × (32 × 3 × 3 + 1)', inferred: { filters: 64, kernel_size: [3, 3] } });
    expect(layers[2]!.alternatives).toBeUndefined();
    // the first layer's input is not printed: other readings of 320 are offered
    expect(layers[0]!.alternatives!.length).toBeGreaterThan(0);
    for (const l of layers) if (l.formula) expect(arithmetic(l.formula)).toBe((l as unknown as { params: number }).params);
  });

  it('a printout Keras cut cells in (long names with …) prints back quietly', async () => {
    const text = readFileSync(join(root, 'tests/python-corpus/printed/toy-resnet-layers-add.txt'), 'utf8');
    expect(text).toContain('…');
    const r = await summary(['-'], text);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(text);
  });

  it('a printout whose rows do not add up: the summary, and one warning line saying so', async () => {
    const edited = readFileSync(join(fixtures, 'tutorial.keras3.txt'), 'utf8').replace('18,496', '18,497');
    const r = await summary([file('edited.txt', edited)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: .*edited\.txt:\d+: the rows add up to 93323 parameters, but Total params says the layers have 93322\n$/,
    );
  });

  // each .txt is what Keras 3.15.1 (JAX backend) printed for the .py beside it
  it.each([
    ['ops', 'keras.ops relu and mean, -x and x / 2.0 as the operation rows Keras 3 prints'],
    ['lambda', 'Lambda layers whose functions reduce an axis and scale'],
    ['transformer-text', "keras.io's text-classification Transformer: custom layers with sub-layers, ops.arange positions"],
    ['vae-encoder', "keras.io's VAE encoder: a Sampling layer called on a list, keras.random.normal noise"],
    ['attention', 'Attention, AdditiveAttention and MultiHeadAttention with value_dim and output_shape'],
    ['transfer-preprocess', 'the transfer-learning guide: mobilenet_v2.preprocess_input as true_divide and subtract rows'],
    ['show-trainable', 'summary(show_trainable=True) on a ResNet50 with all but its last ten layers frozen'],
  ])('reads Python with %s: %s', async (name) => {
    const r = await summary([`tests/cli/fixtures/${name}-keras-3.15.py`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(fixtures, `${name}-keras-3.15.txt`), 'utf8'));
  });

  it('a script that builds two models prints both, in the order it builds them', async () => {
    const path = file(
      'two.py',
      'import keras\nencoder = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])\ndecoder = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4)])\n',
    );
    const r = await summary(['--format=json', path]);
    expect(r.code).toBe(0);
    // 4 × 2 + 2 = 10; 2 × 4 + 4 = 12
    expect(JSON.parse(r.stdout).map((m: { name: string; totals: { params: number } }) => [m.name, m.totals.params])).toEqual([
      ['sequential', 10],
      ['sequential_1', 12],
    ]);
  });

  it('reads standard input when the file is -', async () => {
    const r = await summary(['-'], readFileSync(join(goldenDir('r1001-001'), 'model.json')));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(withNewline(expectedOf('r1001-001').summary));
  });

  it('reads a .keras archive, from a file or from standard input', async () => {
    const zip = zipSync(
      { 'metadata.json': strToU8('{"keras_version": "3.16.0"}'), 'config.json': readFileSync(join(goldenDir('r1001-005'), 'model.json')) },
      { level: 0 },
    );
    const expected = withNewline(expectedOf('r1001-005').summary);
    expect((await summary([file('model.keras', zip)])).stdout).toBe(expected);
    expect((await summary(['-'], zip)).stdout).toBe(expected);
  });

  // Written by Keras 3.15.1 (JAX backend): model.to_json() and what model.summary() printed
  it.each([
    ['dict-endpoints', 'a dict of inputs and of outputs (taken in sorted-key order)'],
    ['autoencoder', 'an output on a nested model numbered past its recorded calls'],
  ])('reads Keras 3 JSON with %s: %s', async (name) => {
    const r = await summary([`tests/cli/fixtures/${name}-keras-3.15.json`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(fixtures, `${name}-keras-3.15.txt`), 'utf8'));
  });

  it('reads a tfjs model.json', async () => {
    const r = await summary(['tests/cli/fixtures/tutorial-tfjs-converter-2.15.model.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixtures, 'tutorial.keras3.txt'), 'utf8'));
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await summary(['--help']);
    expect(r).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });
});

describe.concurrent('bad input: exit 2 and one located error line', () => {
  it('broken JSON: file, line and column', async () => {
    const path = file('broken.json', '{\n  "class_name": "Sequential",\n  "config": x\n}');
    expect(expectOneErrorLine(await summary([path]))).toBe(`error: ${path}:3:13: this is not valid JSON: expected a value, found "x"`);
  });

  it('a layer that cannot be built: the layer, its class and the argument', async () => {
    const json = JSON.parse(readFileSync(join(fixtures, 'tutorial-tf-keras-2.12.json'), 'utf8'));
    json.config.layers[3].config.kernel_size = [30, 30];
    const path = file('bad-kernel.json', JSON.stringify(json));
    expect(expectOneErrorLine(await summary([path]))).toMatch(
      new RegExp(`^error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: conv2d_1 \\(Conv2D\\), kernel_size: `),
    );
  });

  it('an unknown layer class', async () => {
    const path = file(
      'unknown.json',
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name: 's',
          layers: [
            { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], name: 'in' } },
            { class_name: 'MyFancyLayer', config: { name: 'fancy' } },
          ],
        },
        keras_version: '2.12.0',
      }),
    );
    expect(expectOneErrorLine(await summary([path]))).toContain(': fancy (MyFancyLayer): ');
  });

  it('a model with a cycle', async () => {
    const dense = (name: string, from: string) => ({
      class_name: 'Dense',
      name,
      config: { name, units: 2 },
      inbound_nodes: [[[from, 0, 0, {}]]],
    });
    const path = file(
      'cycle.json',
      JSON.stringify({
        class_name: 'Functional',
        config: {
          name: 'loop',
          layers: [
            { class_name: 'InputLayer', name: 'i', config: { batch_input_shape: [null, 2], name: 'i' }, inbound_nodes: [] },
            dense('a', 'b'),
            dense('b', 'a'),
          ],
          input_layers: [['i', 0, 0]],
          output_layers: [['b', 0, 0]],
        },
      }),
    );
    expect(expectOneErrorLine(await summary([path]))).toContain('cycle');
  });

  it('50 MB of nesting', async () => {
    const half = 25 * 1024 * 1024;
    const path = file('deep.json', '['.repeat(half) + ']'.repeat(half));
    expect(expectOneErrorLine(await summary([path]))).toBe(
      `error: ${path}:1:1001: this is not valid JSON: the brackets nest more than 1,000 levels deep, far deeper than any Keras model`,
    );
  });

  it('a chain of 20,000 layers listed backwards: a summary or one error line, never a crash', async () => {
    const layers: unknown[] = [
      { class_name: 'InputLayer', name: 'i', config: { batch_input_shape: [null, 2], name: 'i' }, inbound_nodes: [] },
    ];
    for (let k = 0; k < 20_000; k++)
      layers.push({
        class_name: 'Dense',
        name: `d${k}`,
        config: { name: `d${k}`, units: 2 },
        inbound_nodes: [[[k === 0 ? 'i' : `d${k - 1}`, 0, 0, {}]]],
      });
    const model = {
      class_name: 'Functional',
      config: {
        name: 'm',
        layers: [layers[0], ...layers.slice(1).reverse()],
        input_layers: [['i', 0, 0]],
        output_layers: [['d19999', 0, 0]],
      },
      keras_version: '2.12.0',
    };
    const r = await summary([file('chain.json', JSON.stringify(model)), '--format', 'json']);
    // The resolver may follow the chain (exit 0) or refuse it as too deep (exit 2); both are answers.
    if (r.code === 0) expect(JSON.parse(r.stdout).totals.params).toBe(20_000 * 6);
    else expect(expectOneErrorLine(r)).toContain('too deep');
  });

  it('a zip without config.json', async () => {
    const path = file('weights.keras', zipSync({ 'model.weights.h5': new Uint8Array(16) }));
    expect(expectOneErrorLine(await summary([path]))).toBe(
      `error: ${path}: this ZIP archive has no config.json, so it is not a .keras model file (it holds model.weights.h5)`,
    );
  });

  it('broken JSON inside an archive is located inside config.json', async () => {
    const path = file('broken.keras', zipSync({ 'config.json': strToU8('{"class_name": True}') }));
    expect(expectOneErrorLine(await summary([path]))).toBe(
      `error: ${path}: config.json:1:16: this is not valid JSON: True is Python; JSON writes true`,
    );
  });

  it('Python code the reader cannot follow: one located line', async () => {
    const path = file(
      'model.py',
      'import keras\nimport numpy as np\nx = np.load("x.npy")\nmodel = keras.Sequential([keras.Input(shape=x.shape[1:]), keras.layers.Dense(2)])\n',
    );
    expect(expectOneErrorLine(await summary([path]))).toMatch(
      new RegExp(
        `^error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:5: numpy\\.load\\(…\\)\\.shape\\[…\\] is only known when the code runs`,
      ),
    );
  });

  it('Python that never ends: the step budget stops it with its line', async () => {
    const path = file('loop.py', 'import keras\nwhile True:\n    pass\n');
    expect(expectOneErrorLine(await summary([path]))).toContain(`error: ${path}:2:1: the code runs longer than the reader follows it`);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a JSON list', '[1, 2]', 'this JSON is a list of 2 items, not a Keras model'],
    ['a number', '7', 'this JSON is the number 7, not a Keras model'],
    ['an HDF5 file', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'this is an HDF5 (.h5) file'],
  ])('%s', async (what, content, message) => {
    const path = file(`${what.replace(/\W+/g, '-')}.input`, content);
    expect(expectOneErrorLine(await summary([path]))).toContain(`error: ${path}: ${message}`);
  });

  it('bad input on standard input is reported as <stdin>', async () => {
    expect(expectOneErrorLine(await summary(['-'], '{"a": 1,}'))).toBe(
      'error: <stdin>:1:9: this is not valid JSON: a comma before "}" is not allowed in JSON',
    );
  });

  it('a missing file and a directory', async () => {
    expect(expectOneErrorLine(await summary([join(tmp, 'nope.json')]))).toBe(`error: ${join(tmp, 'nope.json')}: no such file`);
    const dir = join(tmp, 'a-directory');
    mkdirSync(dir, { recursive: true });
    expect(expectOneErrorLine(await summary([dir]))).toBe(`error: ${dir}: this is a directory, not a model file`);
  });

  it('control characters from the input cannot reach the terminal', async () => {
    const path = file(
      'escape.json',
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], name: 'in' } },
            { class_name: 'Bad\u001b[31mLayer', config: { name: 'x\u0007' } },
          ],
        },
        keras_version: '2.12.0',
      }),
    );
    const line = expectOneErrorLine(await summary([path]));
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('x\\x07 (Bad\\x1b[31mLayer)');
  });
});

describe.concurrent('bad usage: exit 2 with one error line', () => {
  it.each([
    [[], `error: arguments: no model file given (use - to read standard input); ${USAGE}`],
    [['model.json', '--format', 'xml'], 'error: --format: unknown format "xml" (expected keras3, keras2 or json)'],
    [['model.json', '--format'], 'error: --format: needs a value: keras3, keras2 or json'],
    [['a.json', 'b.json'], 'error: b.json: one model file at a time (already given "a.json")'],
    [['--verbose', 'a.json'], 'error: --verbose: unknown option (--help shows the usage)'],
  ])('%j', async (args, message) => {
    const r = await summary(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});

describe('input past the 64 MiB cap', () => {
  it('summary -- /dev/zero stops at the cap with exit 2 instead of growing memory', async () => {
    const r = await summary(['/dev/zero']);
    expect(expectOneErrorLine(r)).toBe(
      'error: /dev/zero: the input is larger than 67108864 bytes, far more than any model description; Param Lab stops reading there',
    );
  });
});

describe('through npm, exactly as documented', () => {
  it('npm run --silent summary -- <file> --format json', async () => {
    const r = await exec('npm', ['run', '--silent', 'summary', '--', 'tests/cli/fixtures/tfjs-dense.model.json', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'sequential_1',
      layers: [
        {
          name: 'dense_Dense1',
          type: 'Dense',
          outputShape: [null, 2],
          params: 4 * 2 + 2,
          trainable: 4 * 2 + 2,
          nonTrainable: 0,
          formula: '2 × (4 + 1)',
        },
      ],
      totals: { params: 10, trainable: 10, nonTrainable: 0 },
    });
  });

  it('npm run --silent summary -- <bad file> exits 2 with one line', async () => {
    const r = await exec('npm', ['run', '--silent', 'summary', '--', 'tests/cli/fixtures/does-not-exist.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: tests/cli/fixtures/does-not-exist.json: no such file\n');
  });
});
