/**
 * Working back from printed counts on printouts nobody printed: any class, any shape (huge sizes,
 * unknown axes, rank 1 to 6), any count, references to rows that do not exist. The explanations
 * must never throw or spin, and every reading they offer must rebuild to the printed count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainPrinted, knownTypes, resolveLayer, summaryFromPrintout, type PrintedLayer } from '@calc/engine.ts';
import { readPrintout } from '@calc/import.ts';
import { corpus } from '../python-corpus/corpus.ts';

const types = knownTypes();
const dim = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 1e12 }));
const shape = fc.tuple(fc.constant(null), fc.array(dim, { minLength: 0, maxLength: 5 })).map(([b, rest]) => [b, ...rest]);
const row = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }),
  type: fc.oneof(
    fc.constantFrom(...types),
    fc.constantFrom(...types).map((t) => `${t.slice(0, 8)}…`),
    fc.string({ maxLength: 10 }),
  ),
  outputShape: fc.oneof(fc.constant(null), shape, fc.array(shape, { minLength: 2, maxLength: 3 })),
  params: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  connectedTo: fc.array(fc.string({ maxLength: 16 }), { maxLength: 3 }),
}) as fc.Arbitrary<PrintedLayer>;

describe('explaining arbitrary printed rows', () => {
  it('never throws, and every reading rebuilds to the printed count', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const explained = explainPrinted(rows);
        explained.forEach((e, i) => {
          for (const reading of e.inferred ? [e.inferred, ...e.alternatives] : []) {
            const rebuilt = resolveLayer({ type: reading.row.type, args: reading.args }, reading.input);
            expect(rebuilt.ok && rebuilt.row.params).toBe(rows[i]!.params);
          }
        });
        summaryFromPrintout({
          modelName: 'm',
          rows: rows.map((r) => ({ ...r, trainable: null })),
          totals: { params: null, trainable: null, nonTrainable: null },
        });
      }),
      { seed: 8, numRuns: 600 },
    );
  });

  it('real printouts cut anywhere or written over are read and explained without a throw', () => {
    const texts = corpus
      .slice(0, 20)
      .map((e) => readFileSync(join(import.meta.dirname, '../python-corpus/printed', `${e.id}.txt`), 'utf8'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), (text, cut, at, insert) => {
        const i = at % text.length;
        const mutated = (text.slice(0, i) + insert + text.slice(i + insert.length)).slice(0, Math.max(1, cut % (text.length + 1)));
        const read = readPrintout(mutated);
        if (!read.ok) expect(read.error.line).toBeGreaterThanOrEqual(1);
        else summaryFromPrintout({ modelName: read.value.modelName, rows: read.value.rows, totals: read.value.totals });
      }),
      { seed: 8, numRuns: 600 },
    );
  });

  it('a Conv2D printed with lengths of a billion is worked back without searching them', () => {
    // 32 × (3 × 3 × 3 + 1) = 896; ⌊(10⁹ − 3) / s⌋ + 1 = 2 needs s = ⌊(10⁹ − 3) / 2⌋ + 1
    const [, conv] = explainPrinted([
      { name: 'in', type: 'InputLayer', outputShape: [null, 1e9, 1e9, 3], params: 0, connectedTo: [] },
      { name: 'c', type: 'Conv2D', outputShape: [null, 2, 2, 32], params: 896, connectedTo: ['in[0][0]'] },
    ]);
    expect(conv!.inferred?.args).toEqual({
      filters: 32,
      kernel_size: [3, 3],
      strides: [Math.floor((1e9 - 3) / 2) + 1, Math.floor((1e9 - 3) / 2) + 1],
    });
  });
});
