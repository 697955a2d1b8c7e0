/**
 * The lab's argument fields (Python literals, components/islands/lab/literal.ts) and its links
 * (share.ts): what a reader types reads as Python reads it, a typo is located by column, and a
 * link survives the round trip while a damaged, future or hostile one is refused with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalText, readLiteral } from '@components/islands/lab/literal.ts';
import { decodeDocument, encodeDocument, fromJson, SHARE_VERSION, toJson } from '@components/islands/lab/share.ts';
import { emptyState, insertLayer } from '@components/islands/lab/lab-state.ts';
import { catalog } from '@components/islands/lab/evaluate.ts';

describe('readLiteral', () => {
  it.each([
    ['64', 64],
    [' 0.5 ', 0.5],
    ['1e-3', 0.001],
    ['(3, 3)', [3, 3]],
    ['3, 3', [3, 3]],
    ['(3,)', [3]],
    ['(3)', 3],
    ['[1, 2, 3]', [1, 2, 3]],
    ['"same"', 'same'],
    ["'valid'", 'valid'],
    ['same', 'same'],
    ['None', null],
    ['True', true],
    ['False', false],
    [
      '((1, 1), (2, 2))',
      [
        [1, 1],
        [2, 2],
      ],
    ],
    ['-1', -1],
    ['10_000', 10000],
  ])('%s', (text, value) => {
    expect(readLiteral(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', { problem: 'empty' }],
    ['(3, ', { problem: 'unclosed', column: 1 }],
    ['"same', { problem: 'unclosed', column: 1 }],
    ['3 3', { problem: 'unexpected', column: 3 }],
    ['(3 3)', { problem: 'unexpected', column: 4 }],
    ['@', { problem: 'unexpected', column: 1 }],
    ['((((((((((1))))))))))', { problem: 'unexpected' }],
  ])('%s is refused where it goes wrong', (text, problem) => {
    expect(readLiteral(text)).toMatchObject({ ok: false, ...problem });
  });

  it('reads back what it writes', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.string({ maxLength: 8, unit: 'binary' })),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(
          fc.string({ maxLength: 5 }).filter((k) => k !== '__proto__'),
          tie('node'),
          { maxKeys: 3 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const read = readLiteral(literalText(v));
        expect(read).toEqual({ ok: true, value: v });
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const read = readLiteral(text);
        if (!read.ok && read.problem !== 'empty') expect(read.column).toBeGreaterThanOrEqual(1);
      }),
      { seed: 10, numRuns: 2000 },
    );
  });
});

describe('links', () => {
  const cat = catalog();
  let state = emptyState('28, 28, 1');
  state = insertLayer(state, 'Conv2D', 0, cat);
  state = insertLayer(state, 'Flatten', 1, cat);
  state = insertLayer(state, 'Dense', 2, cat);

  it('a built model and a pasted text survive the round trip', async () => {
    const built = await decodeDocument(await encodeDocument({ kind: 'build', state }));
    expect(built.ok && built.doc.kind === 'build' && toJson(built.doc)).toEqual(toJson({ kind: 'build', state }));
    const code = 'import keras\nmodel = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n';
    const text = await decodeDocument(await encodeDocument({ kind: 'text', text: code }));
    expect(text).toEqual({ ok: true, doc: { kind: 'text', text: code } });
  });

  it('is versioned: a later version is refused as such, garbage as damaged', async () => {
    const encoded = await encodeDocument({ kind: 'build', state });
    expect(encoded.startsWith(`${SHARE_VERSION}.`)).toBe(true);
    expect(await decodeDocument(`${SHARE_VERSION + 1}.${encoded.split('.')[1]}`)).toMatchObject({ ok: false, problem: 'future' });
    expect(await decodeDocument('1.@@@')).toMatchObject({ ok: false, problem: 'malformed' });
    expect(await decodeDocument('1.AAAA')).toMatchObject({ ok: false, problem: 'malformed' });
    expect(await decodeDocument('hello')).toMatchObject({ ok: false, problem: 'malformed' });
    expect(await decodeDocument(`${encoded}x`)).toMatchObject({ ok: false });
  });

  it('checks every decoded field', () => {
    expect(fromJson({ i: [['28']], l: [{ t: 'Dense', a: { units: 3 }, f: [0] }] })).toMatchObject({ ok: false });
    expect(fromJson({ i: [['28']], l: [{ t: 'Dense', a: {}, f: [1] }] })).toMatchObject({ ok: false });
    expect(fromJson({ i: [['28']], l: [{ t: '<img src=x>', a: {}, f: [0] }] })).toMatchObject({ ok: false });
    expect(fromJson({ i: [], l: [] })).toMatchObject({ ok: false });
    expect(fromJson({ i: [['28']], l: [{ t: 'Dense', a: { units: '3' }, f: [0], n: '<b>x</b>' }] })).toMatchObject({ ok: true });
  });

  it('never throws on random link values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (tail) => {
        const decoded = await decodeDocument(`1.${tail}`);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('readLiteral: a wrapped layer', () => {
  it('reads the dict a Bidirectional field shows', () => {
    const layer = { type: 'LSTM', args: { units: 8, return_sequences: true } };
    expect(readLiteral(literalText(layer))).toEqual({ ok: true, value: layer });
    expect(readLiteral('{"a": 1,}')).toEqual({ ok: true, value: { a: 1 } });
    expect(readLiteral('{a: 1}')).toMatchObject({ ok: false, problem: 'unexpected', column: 2 });
    expect(readLiteral('{"a" 1}')).toMatchObject({ ok: false, problem: 'unexpected' });
    expect(readLiteral('{"a": 1')).toMatchObject({ ok: false, problem: 'unclosed', column: 1 });
    expect(readLiteral('"tab\\there"')).toEqual({ ok: true, value: 'tab\there' });
  });
});
