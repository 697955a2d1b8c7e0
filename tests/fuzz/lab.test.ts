/**
 * The model lab's logic under random use: any sequence of builder actions (add any layer type,
 * type anything into any field, retype, move, copy, remove, rewire, add inputs, type any input
 * shape) and any pasted text always yield a view — rows and totals as printable text, the first
 * problem in words at its layer — never a throw, `NaN`, `undefined` or `[object …]` on screen. Every
 * state also survives the trip through a link. Seeded and bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '@i18n/en/lab.json';
import zh from '@i18n/zh-cn/lab.json';
import { argLabels, diagnosticStrings } from '@i18n/index.ts';
import { catalog, evaluateState, viewOf, type LabView } from '@components/islands/lab/evaluate.ts';
import {
  addInput,
  duplicateLayer,
  emptyState,
  insertLayer,
  moveLayer,
  removeLayer,
  retype,
  setField,
  setFrom,
  setFrozen,
  setInputShape,
  sourcesBefore,
  type LabState,
} from '@components/islands/lab/lab-state.ts';
import { readSource } from '@components/islands/lab/readers.ts';
import { decodeDocument, encodeDocument, toJson } from '@components/islands/lab/share.ts';
import { gallery } from '../../src/lab/gallery.ts';

const printed = Object.values(
  import.meta.glob<string>('../python-corpus/printed/*.txt', { eager: true, query: '?raw', import: 'default' }),
).slice(0, 10);

const cat = catalog();
const types = [...cat.keys()];
const words = {
  en: { diagnostics: diagnosticStrings.en, args: argLabels.en },
  'zh-cn': { diagnostics: diagnosticStrings['zh-cn'], args: argLabels['zh-cn'] },
};

/** Text a reader might type into a field: literals, near-literals and junk. */
const fieldText = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }).map(String),
  fc.constantFrom(
    '(3, 3)',
    '3, 3',
    '(1,)',
    '"same"',
    'valid',
    'None',
    'True',
    'False',
    '0.5',
    '',
    '(3,',
    '"x',
    '[[[]]]',
    '1e309',
    '-0',
    '(0, 0)',
  ),
  fc.string({ maxLength: 12 }),
);

type Action = (state: LabState) => LabState;

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.tuple(fc.constantFrom(...types), fc.nat()).map(
    ([type, at]): Action =>
      (s) =>
        insertLayer(s, type, at % (s.layers.length + 1), cat),
  ),
  fc.tuple(fc.nat(), fc.nat(), fieldText).map(
    ([i, a, text]): Action =>
      (s) => {
        const layer = s.layers[i % Math.max(s.layers.length, 1)];
        const args = layer ? (cat.get(layer.type)?.args ?? []) : [];
        return layer && args.length > 0 ? setField(s, layer.id, args[a % args.length]!, text) : s;
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...types)).map(
    ([i, type]): Action =>
      (s) =>
        s.layers.length ? retype(s, i % s.layers.length, type, cat) : s,
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([i, up]): Action =>
      (s) =>
        s.layers.length ? moveLayer(s, i % s.layers.length, up ? -1 : 1) : s,
  ),
  fc.nat().map(
    (i): Action =>
      (s) =>
        s.layers.length ? duplicateLayer(s, i % s.layers.length) : s,
  ),
  fc.nat().map(
    (i): Action =>
      (s) =>
        s.layers.length ? removeLayer(s, i % s.layers.length) : s,
  ),
  fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })).map(
    ([i, picks]): Action =>
      (s) => {
        const index = i % Math.max(s.layers.length, 1);
        const layer = s.layers[index];
        if (!layer) return s;
        const sources = sourcesBefore(s, index);
        return setFrom(
          s,
          layer.id,
          picks.map((p) => sources[p % sources.length]!),
        );
      },
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([i, f]): Action =>
      (s) =>
        s.layers.length ? setFrozen(s, s.layers[i % s.layers.length]!.id, f) : s,
  ),
  fc.constantFrom('8', '28, 28, 1', '4, 4').map(
    (shape): Action =>
      (s) =>
        addInput(s, shape),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom('28, 28, 1', '10', '0', '', 'None, 8', '-1', '1e6', '8 x 8 x 3'), fc.string({ maxLength: 10 })),
    )
    .map(
      ([i, text]): Action =>
        (s) =>
          setInputShape(s, s.inputs[i % s.inputs.length]!.id, text),
    ),
);

/** What must never reach the page (a name may hold any text, so names are left out below). */
const BAD = /NaN|undefined|\[object|Infinity/;

/** Everything the table and its messages would show. */
function shown(view: LabView): string[] {
  const t = view.totals;
  return [
    ...view.rows.flatMap((r) => [r.shape, r.params, r.macs ?? '', r.flops ?? '', r.memory ?? '', ...r.connected]),
    t.params,
    t.trainable,
    t.nonTrainable,
    t.bytes,
    t.macs ?? '',
    t.flops ?? '',
    t.memory ?? '',
    view.problem?.message ?? '',
  ];
}

describe('the builder under random use', () => {
  it('always gives a view with printable numbers and the problem in words', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), fc.constantFrom('en' as const, 'zh-cn' as const), (actions, locale) => {
        let state = emptyState('28, 28, 1');
        for (const act of actions) {
          state = act(state);
          const view = evaluateState(state, cat, words[locale], locale, locale === 'en' ? en : zh);
          for (const text of shown(view)) expect(text).not.toMatch(BAD);
          // every layer has a row: resolved, or the one with the problem, or one after it
          expect(new Set(view.rows.filter((r) => r.depth === 0 && r.stateId !== undefined).map((r) => r.stateId))).toEqual(
            new Set(
              [...state.inputs.map((i) => i.id), ...state.layers.map((l) => l.id)].filter((id) => view.rows.some((r) => r.stateId === id)),
            ),
          );
          for (const l of state.layers)
            expect(
              view.rows.some((r) => r.stateId === l.id),
              `layer ${l.id} has a row`,
            ).toBe(true);
          if (view.pending.length > 0) expect(view.problem?.message ?? '').not.toBe('');
        }
      }),
      { seed: 91, numRuns: 150 },
    );
  });

  it('every state survives a link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 15 }), async (actions) => {
        let state = emptyState('28, 28, 1');
        for (const act of actions) state = act(state);
        const decoded = await decodeDocument(await encodeDocument({ kind: 'build', state }));
        expect(decoded.ok && toJson(decoded.doc)).toEqual(toJson({ kind: 'build', state }));
      }),
      { seed: 92, numRuns: 60 },
    );
  });
});

describe('pasted text under random use', () => {
  it('always reads to a view or one located problem', () => {
    const inputs = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom(...gallery.map((g) => g.code), ...printed));
    fc.assert(
      fc.property(inputs, fc.nat(), (text, cut) => {
        const pasted = text.slice(0, (cut % (text.length + 1)) + 1);
        const read = readSource(pasted);
        if (!read.ok) {
          expect(read.error.message).not.toMatch(BAD);
          return;
        }
        for (const t of shown(viewOf(read.summary, words.en, 'en'))) expect(t).not.toMatch(BAD);
      }),
      { seed: 93, numRuns: 300 },
    );
  });
});
