/**
 * The command line's contract under hostile use, run in-process: any arguments give the usage,
 * a run, or exactly one `error: <where>: <what>` line with exit 2; input past the 64 MiB cap
 * stops at the cap, however much is offered; random bytes never throw.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_CHARS, runSummary } from '../../src/cli/run.ts';
import { MAX_INPUT_BYTES, readCapped, readFileCapped } from '../../src/cli/read-input.ts';
import { cli, functional, isOneErrorLine, toText } from './hostile-input.ts';
import { craftZipParts } from './zip-craft.ts';

const MiB = 1024 * 1024;

/** An endless stream of 1 MiB chunks that counts how many were taken. */
function endless() {
  const chunk = new Uint8Array(MiB);
  const stream = {
    taken: 0,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        stream.taken++;
        yield chunk;
      }
    },
  };
  return stream;
}

describe('the input cap', () => {
  it('an endless standard input is refused after 64 MiB + one chunk, with one line', async () => {
    const stdin = endless();
    const r = await runSummary(['-'], stdin);
    expect(isOneErrorLine(r)).toBe(true);
    expect(r.stderr).toBe(
      `error: <stdin>: the input is larger than ${64 * MiB} bytes, far more than any model description; Param Lab stops reading there\n`,
    );
    expect(stdin.taken).toBe(64 + 1);
  });

  it('/dev/zero is read only up to the cap', async () => {
    const start = performance.now();
    const r = await readFileCapped('/dev/zero');
    expect(r.ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('exactly the cap is still read', async () => {
    const r = await readCapped([new Uint8Array(MAX_INPUT_BYTES - 1), new Uint8Array(1)]);
    expect(r.ok && r.value.length).toBe(MAX_INPUT_BYTES);
  });
});

describe('a .keras file larger than the cap', () => {
  it('3 GB of weights beside config.json: read where the directory and config.json are', async () => {
    const model = JSON.stringify({
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { batch_shape: [null, 4] } },
          { class_name: 'Dense', config: { units: 3 } },
        ],
      },
    });
    const parts = craftZipParts([
      { name: 'metadata.json', data: new TextEncoder().encode('{"keras_version": "3.16.0"}') },
      { name: 'config.json', data: new TextEncoder().encode(model) },
      // Stored, as Keras stores weights; 3 GB also needs a 32-bit size field, under 4 GiB.
      { name: 'model.weights.h5', data: { zeros: 3_000_000_000 } },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'param-lab-fuzz-'));
    const path = join(dir, 'big.keras');
    // Runs of zeros are skipped over, so the file is sparse: 3 GB long, a few kilobytes on disk.
    const fd = openSync(path, 'w');
    let at = 0;
    for (const part of parts) {
      if (part instanceof Uint8Array) writeSync(fd, part, 0, part.length, at);
      at += part instanceof Uint8Array ? part.length : part.zeros;
    }
    closeSync(fd);
    try {
      const start = performance.now();
      const r = await runSummary([path, '--format', 'json'], []);
      expect(performance.now() - start).toBeLessThan(2000);
      expect(r.stderr).toBe('');
      // Dense(3) on 4 features: 4 × 3 + 3 = 15.
      expect(JSON.parse(r.stdout).totals.params).toBe(4 * 3 + 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the output cap', () => {
  /** A layer named `name` whose output two others read, so tf.keras shows it in "Connected to" twice. */
  const branching = (name: string) =>
    toText(
      functional(
        'f',
        [4],
        [
          { type: 'Dense', name, args: { units: 2 } },
          { type: 'Dense', name: 'c', args: { units: 2 }, calls: name },
          { type: 'Dense', name: 'd', args: { units: 2 }, calls: name },
        ],
        [
          ['c', 0, 0],
          ['d', 0, 0],
        ],
      ),
    );

  it('tf.keras text of a name of 400,000 "),": a line per two characters, stopped at 16 Mi characters', async () => {
    const start = performance.now();
    const r = await cli(branching('),'.repeat(200_000)), 'keras2');
    expect(isOneErrorLine(r)).toBe(true);
    expect(r.stderr).toBe(
      `error: <stdin>: the summary would be longer than ${MAX_OUTPUT_CHARS} characters (its names wrap onto millions of lines); Param Lab stops there\n`,
    );
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('Keras 3 text of a name of 600,000 short words is stopped the same way; JSON is not amplified', async () => {
    const text = branching('ab '.repeat(600_000));
    expect(isOneErrorLine(await cli(text, 'keras3'))).toBe(true);
    expect((await cli(text, 'json')).code).toBe(0);
  });
});

describe('arguments', () => {
  const word = fc.oneof(
    fc.constantFrom('-', '--', '--format', '--format=json', 'keras2', 'json', 'xml', '-h', '--verbose', '-x', 'a.json', 'b.json'),
    fc.string({ maxLength: 6 }),
  );

  it('any argument list: help (exit 0), a run, or one error line (exit 2)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 5 }), async (argv) => {
        const r = await runSummary(argv, [new TextEncoder().encode('{"a": 1}')]);
        if (r.code === 0) expect(r.stdout).toMatch(/^usage: /);
        else expect(isOneErrorLine(r), JSON.stringify(r)).toBe(true);
      }),
      { seed: 6, numRuns: 400 },
    );
  });
});

describe('random bytes on standard input', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
    fc
      .constantFrom('{', '[', 'PK\u0003\u0004', 'PK\u0005\u0006', '\u00ff\u00fe', '\u0089HDF\r\n\u001a\n')
      .chain((head) => fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([...new TextEncoder().encode(head), ...tail]))),
  );

  it('a summary or one located error line, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        const r = await runSummary(['-'], [input]);
        if (r.code !== 0) expect(isOneErrorLine(r), r.stderr).toBe(true);
      }),
      { seed: 6, numRuns: 600 },
    );
  });
});
