/**
 * The one-layer parameter-count templates (params-*.ts) and the trainable templates (trainable.ts):
 * over many seeds, every answer and every mistake's value equals Keras's formula written out by
 * hand here from the question's numbers (`about`, the prompt, the code shown), not the engine's;
 * typing a mistake's value names that mistake; the answer typed with any digit grouping is right.
 * A few seeds are pinned to the worked numbers of docs/learner-mistakes.md.
 */
import { describe, expect, test } from 'vitest';
import { diagnoseBlank, generate } from '@exercises/generate.ts';
import { mistake } from '@exercises/mistakes.ts';
import {
  conv1dParams,
  conv2dGroupsParams,
  conv2dLaterLayer,
  conv2dTransposeParams,
  conv3dParams,
} from '@exercises/templates/params-conv.ts';
import { denseAfterFlatten, denseParams, denseSequenceParams } from '@exercises/templates/params-dense.ts';
import { depthwiseParams, separableParams } from '@exercises/templates/params-depthwise.ts';
import { embeddingParams } from '@exercises/templates/params-embedding.ts';
import { batchnormParams, layernormParams } from '@exercises/templates/params-normalization.ts';
import {
  bidirectionalNextLayer,
  bidirectionalParams,
  gruParams,
  lstmParams,
  simplernnParams,
} from '@exercises/templates/params-recurrent.ts';
import { mhaParams } from '@exercises/templates/params-attention.ts';
import { batchnormSplit, frozenSplit } from '@exercises/templates/trainable.ts';
import type { Blank, Exercise, Template } from '@exercises/types.ts';
import type { Model, ModelLayer, SequentialModel } from '@calc/basics.ts';

const SEEDS = Array.from({ length: 220 }, (_, i) => i * 7919 + 11);

/** The hand values of one variant: the answer and, per mistake id, the value that mistake gives. */
interface Hand {
  answer: number;
  mistakes: Record<string, number>;
}

type Args = Record<string, unknown>;

/** Digit groupings a reader may type, written here without the code under test. */
function grouped(value: number, sep: string): string {
  const digits = String(value);
  const out: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out.join(sep);
}
const typings = (value: number): string[] => [String(value), grouped(value, ','), grouped(value, ' '), grouped(value, '\u202f')];

/** Latin letters a Chinese text shows outside inline code (Chinese text is Chinese except code and numbers). */
const latinOutsideCode = (text: string): string => (text.replace(/`[^`]*`/g, '').match(/[A-Za-z]+/g) ?? []).join(' ');

function onlyBlank(ex: Exercise): Blank {
  if (ex.response.kind !== 'blanks' || ex.response.blanks.length !== 1) throw new Error(`${ex.id}: one blank expected`);
  return ex.response.blanks[0]!;
}

function layerAbout(ex: Exercise): { type: string; args: Args; input: (number | null)[] | (number | null)[][] } {
  if (ex.about?.kind !== 'layer' || ex.about.ask !== 'params') throw new Error(`${ex.id}: about is not a layer's params`);
  return { type: ex.about.layer.type, args: (ex.about.layer.args ?? {}) as Args, input: ex.about.input };
}
const dims = (input: unknown): number[] => (input as (number | null)[]).slice(1) as number[];
const int = (args: Args, key: string): number => args[key] as number;

/** The image shape of a prompt: `(None, 5, 5, 64)` → [5, 5, 64]. */
function promptShape(ex: Exercise): number[] {
  const m = /\(None, ([\d, ]+)\)/.exec(ex.prompt.en);
  if (!m) throw new Error(`${ex.id}: no shape in the prompt`);
  return m[1]!.split(',').map((s) => Number(s.trim()));
}

/** Checks one variant against its hand values; returns the mistakes it listed. */
function check(ex: Exercise, hand: Hand): string[] {
  const blank = onlyBlank(ex);
  expect(blank.expected, ex.id).toEqual({ kind: 'count', value: hand.answer });
  for (const text of typings(hand.answer)) expect(diagnoseBlank(blank, text), `${ex.id} typed ${text}`).toEqual({ verdict: 'right' });
  for (const m of blank.mistakes) {
    expect(hand.mistakes[m.mistake], `${ex.id}: unexpected mistake ${m.mistake}`).toBeDefined();
    expect(m.value, `${ex.id}: ${m.mistake}`).toBe(hand.mistakes[m.mistake]);
    for (const text of typings(m.value as number)) {
      const d = diagnoseBlank(blank, text);
      expect(d.verdict === 'wrong' && d.mistake?.mistake, `${ex.id}: ${text} for ${m.mistake}`).toBe(m.mistake);
    }
    mistake(m.mistake);
    expect(m.note.en, ex.id).toContain(grouped(m.value as number, ','));
    expect(m.note['zh-cn']).toMatch(/[\u4e00-\u9fff]/);
    expect(latinOutsideCode(m.note['zh-cn']), `${ex.id}: ${m.note['zh-cn']}`).toBe('');
  }
  // the prompt and the hints never work out the answer (`= 6,464`, or a last step of `1 × 65`); the solution ends with it
  const answer = grouped(hand.answer, ',');
  const said = (t: string) => new RegExp(`= ${answer}(?![\\d,])`).test(t);
  expect(said(ex.prompt.en) || said(ex.prompt['zh-cn']), `${ex.id}: prompt`).toBe(false);
  for (const h of ex.hints) expect(said(h.en) || said(h['zh-cn']), `${ex.id}: hint ${h.en}`).toBe(false);
  const lastStep = /`([^`]*)` = [?？]/.exec(ex.hints[2].en)?.[1]?.split(' = ').pop() ?? '';
  expect(/^\d/.test(lastStep) && lastStep.replace(/,/g, '') === String(hand.answer), `${ex.id}: hint 3 ends at the answer`).toBe(false);
  const operands = lastStep.split(/ [×+] /);
  expect(operands.length === 2 && operands.some((o) => o === '1' || o === '0'), `${ex.id}: hint 3 leaves a × 1 or + 0: ${lastStep}`).toBe(
    false,
  );
  expect(ex.solution.en).toContain(answer);
  expect(ex.solution['zh-cn']).toContain(answer);
  return blank.mistakes.map((m) => m.mistake);
}

/** Over every seed: generated, checked; every mistake the template lists shows up in some variant. */
function run(template: Template, hand: (ex: Exercise) => Hand): void {
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    const ex = generate(template, seed);
    expect(ex.id).toBe(`${template.id}.${seed}`);
    for (const id of check(ex, hand(ex))) seen.add(id);
    // Chinese prompt: only code, numbers and Chinese outside the backticks
    for (const text of [ex.prompt, ex.solution, ...ex.hints])
      expect(latinOutsideCode(text['zh-cn']), `${ex.id}: ${text['zh-cn']}`).toBe('');
  }
  expect([...seen].sort()).toEqual([...template.mistakes].sort());
}

// --- Keras's formulas, by hand ---------------------------------------------------------------

const dense = (units: number, inputs: number, bias = true) => units * inputs + (bias ? units : 0);
const conv = (filters: number, kernel: number, channels: number, bias = true) => filters * kernel * channels + (bias ? filters : 0);
/** SimpleRNN / LSTM / GRU: blocks × (u·(n + u) + biasRows·u). */
const rnn = (blocks: number, u: number, n: number, biasRows: number) => blocks * (u * (n + u) + biasRows * u);
const mha = (heads: number, keyDim: number, d: number, bias = true) => {
  const w = heads * keyDim;
  return 3 * (d * w + (bias ? w : 0)) + w * d + (bias ? d : 0);
};

describe('Dense', () => {
  test('dense-params: units × (inputs + 1)', () =>
    run(denseParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const [n] = dims(input);
      const u = int(args, 'units');
      return { answer: dense(u, n!), mistakes: { 'forgot-bias': dense(u, n!, false), 'swapped-channels': dense(n!, u) } };
    }));

  test('dense-sequence-params: the last axis only', () =>
    run(denseSequenceParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const [t, n] = dims(input);
      const u = int(args, 'units');
      return { answer: dense(u, n!), mistakes: { 'dense-flattens': dense(u, t! * n!), 'forgot-bias': dense(u, n!, false) } };
    }));

  test('dense-after-flatten: h × w × c inputs', () =>
    run(denseAfterFlatten, (ex) => {
      const { args, input } = layerAbout(ex);
      const [h, w, c] = promptShape(ex);
      expect(dims(input)).toEqual([h! * w! * c!]);
      const u = int(args, 'units');
      return {
        answer: dense(u, h! * w! * c!),
        mistakes: { 'flatten-size': dense(u, h! * w!), 'forgot-bias': dense(u, h! * w! * c!, false) },
      };
    }));
});

describe('convolutions', () => {
  test('conv2d-groups-params: filters × (channels / groups × k × k + 1)', () =>
    run(conv2dGroupsParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const c = dims(input)[2]!;
      const [f, k, g] = [int(args, 'filters'), int(args, 'kernel_size'), int(args, 'groups')];
      expect(g).toBeGreaterThan(1);
      return {
        answer: conv(f, k * k, c / g),
        mistakes: { 'groups-ignored': conv(f, k * k, c), 'forgot-bias': conv(f, k * k, c / g, false) },
      };
    }));

  test("conv2d-later-layer: the previous layer's filters are the channels", () =>
    run(conv2dLaterLayer, (ex) => {
      const { args, input } = layerAbout(ex);
      const code = ex.display?.text.en ?? '';
      const convs = [...code.matchAll(/Conv2D\((\d+), (\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(code).toContain(', 3)),');
      expect(convs).toHaveLength(2);
      const first = convs[0]![0]!;
      const [f, k] = convs[1]!;
      expect([int(args, 'filters'), int(args, 'kernel_size')]).toEqual([f, k]);
      expect(dims(input)[2]).toBe(first);
      return {
        answer: conv(f!, k! * k!, first),
        mistakes: {
          'wrong-input-channels': conv(f!, k! * k!, 3),
          'forgot-bias': conv(f!, k! * k!, first, false),
          'kernel-ignores-channels': conv(f!, k! * k!, 1),
        },
      };
    }));

  for (const [template, rank] of [
    [conv1dParams, 1],
    [conv2dTransposeParams, 2],
    [conv3dParams, 3],
  ] as const) {
    test(`${template.id}: filters × (k^${rank} × channels + 1)`, () =>
      run(template, (ex) => {
        const { args, input } = layerAbout(ex);
        const c = dims(input)[rank]!;
        const [f, k] = [int(args, 'filters'), int(args, 'kernel_size')];
        const window = k ** rank;
        return {
          answer: conv(f, window, c),
          mistakes: { 'forgot-bias': conv(f, window, c, false), 'kernel-ignores-channels': conv(f, window, 1) },
        };
      }));
  }

  test('depthwise-params: channels × dm × (k × k + 1)', () =>
    run(depthwiseParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const c = dims(input)[2]!;
      const k = int(args, 'kernel_size');
      const dm = (args['depth_multiplier'] as number | undefined) ?? 1;
      return {
        answer: c * dm * (k * k + 1),
        mistakes: { 'depthwise-as-conv': conv(c * dm, k * k, c), 'forgot-bias': c * dm * k * k },
      };
    }));

  test('separable-params: k × k × channels + channels × filters + filters', () =>
    run(separableParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const c = dims(input)[2]!;
      const [f, k] = [int(args, 'filters'), int(args, 'kernel_size')];
      return { answer: k * k * c + c * f + f, mistakes: { 'separable-as-conv': conv(f, k * k, c), 'forgot-bias': k * k * c + c * f } };
    }));
});

describe('normalization and embedding', () => {
  test('batchnorm-params: 4 × channels, 2 × channels trainable', () =>
    run(batchnormParams, (ex) => {
      const d = dims(layerAbout(ex).input);
      const c = d[d.length - 1]!;
      const mistakes: Record<string, number> = { 'batch-norm-trainable-only': 2 * c };
      if (d.length === 3) mistakes['batch-norm-per-pixel'] = 4 * c * d[0]! * d[1]!;
      return { answer: 4 * c, mistakes };
    }));

  test('layernorm-params: 2 × features', () =>
    run(layernormParams, (ex) => {
      const [t, d] = dims(layerAbout(ex).input);
      return {
        answer: 2 * d!,
        mistakes: { 'layer-norm-statistics': 4 * d!, 'layer-norm-per-position': 2 * d! * t!, 'layer-norm-no-beta': d! },
      };
    }));

  test('embedding-params: input_dim × output_dim', () =>
    run(embeddingParams, (ex) => {
      const { args } = layerAbout(ex);
      const [v, d] = [int(args, 'input_dim'), int(args, 'output_dim')];
      return { answer: v * d, mistakes: { 'embedding-bias': v * d + d } };
    }));
});

describe('recurrent', () => {
  const sizes = (ex: Exercise) => {
    const { args, input } = layerAbout(ex);
    return { u: int(args, 'units'), n: dims(input)[1]! };
  };
  test('simplernn-params: u × (n + u) + u', () =>
    run(simplernnParams, (ex) => {
      const { u, n } = sizes(ex);
      return { answer: rnn(1, u, n, 1), mistakes: { 'recurrent-no-input': rnn(1, u, 0, 1), 'forgot-bias': rnn(1, u, n, 0) } };
    }));
  test('lstm-params: 4 × (u × (n + u) + u)', () =>
    run(lstmParams, (ex) => {
      const { u, n } = sizes(ex);
      return {
        answer: rnn(4, u, n, 1),
        mistakes: { 'lstm-gates': rnn(1, u, n, 1), 'recurrent-no-input': rnn(4, u, 0, 1), 'forgot-bias': rnn(4, u, n, 0) },
      };
    }));
  test('gru-params: 3 × (u × (n + u) + 2u) with reset_after=True', () =>
    run(gruParams, (ex) => {
      const { u, n } = sizes(ex);
      return {
        answer: rnn(3, u, n, 2),
        mistakes: { 'gru-reset-after': rnn(3, u, n, 1), 'recurrent-no-input': rnn(3, u, 0, 2), 'forgot-bias': rnn(3, u, n, 0) },
      };
    }));
  test('bidirectional-params: 2 × the wrapped layer', () =>
    run(bidirectionalParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const layer = args['layer'] as { type: string; args: Args };
      const [u, n] = [int(layer.args, 'units'), dims(input)[1]!];
      const lstm = layer.type === 'LSTM';
      const one = lstm ? rnn(4, u, n, 1) : rnn(3, u, n, 2);
      const mistakes: Record<string, number> = { 'bidirectional-single': one };
      if (lstm) mistakes['lstm-gates'] = 2 * rnn(1, u, n, 1);
      else mistakes['gru-reset-after'] = 2 * rnn(3, u, n, 1);
      return { answer: 2 * one, mistakes };
    }));
  test('bidirectional-next-layer: a Dense on 2u features, not doubled', () =>
    run(bidirectionalNextLayer, (ex) => {
      const { args, input } = layerAbout(ex);
      const code = ex.display?.text.en ?? '';
      const u = Number(/(?:LSTM|GRU)\((\d+), return_sequences=True\)/.exec(code)?.[1]);
      const m = int(args, 'units');
      expect(dims(input)[1]).toBe(2 * u);
      return {
        answer: dense(m, 2 * u),
        mistakes: { 'bidirectional-doubling': 2 * dense(m, u), 'forgot-bias': dense(m, 2 * u, false), 'bidirectional-single': dense(m, u) },
      };
    }));
});

describe('attention', () => {
  test('mha-params: 3 × (d × h·k + h·k) + h·k × d + d', () =>
    run(mhaParams, (ex) => {
      const { args, input } = layerAbout(ex);
      const d = (input as number[][])[0]![2]!;
      const [h, k] = [int(args, 'num_heads'), int(args, 'key_dim')];
      return { answer: mha(h, k, d), mistakes: { 'key-dim-per-head': mha(h, h * k, d), 'forgot-bias': mha(h, k, d, false) } };
    }));
});

// --- whole small models, by hand -----------------------------------------------------------------

interface Split {
  params: number;
  trainable: number;
  nonTrainable: number;
}

/** Dense, BatchNormalization, Conv2D (valid, stride 1) and Flatten, layer by layer, with `trainable=False`. */
function handModel(model: Model): { layers: (Split & { type: string; frozen: boolean; channels: number; positions: number })[] } {
  if (model.kind !== 'sequential' || !model.input) throw new Error('a built Sequential model expected');
  let shape = model.input.slice(1) as number[];
  const layers = model.layers.map((l: ModelLayer) => {
    const args = (l.args ?? {}) as Args;
    const last = shape[shape.length - 1]!;
    let params = 0;
    let stats = 0;
    const positions = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    if (l.type === 'Dense') {
      params = dense(int(args, 'units'), last);
      shape = [...shape.slice(0, -1), int(args, 'units')];
    } else if (l.type === 'BatchNormalization') {
      params = 4 * last;
      stats = 2 * last;
    } else if (l.type === 'Conv2D') {
      const [f, k] = [int(args, 'filters'), int(args, 'kernel_size')];
      params = conv(f, k * k, last);
      shape = [shape[0]! - k + 1, shape[1]! - k + 1, f];
    } else if (l.type === 'Flatten') {
      shape = [shape.reduce((a, b) => a * b, 1)];
    } else throw new Error(`no hand rule for ${l.type}`);
    const frozen = l.trainable === false;
    return {
      type: l.type,
      frozen,
      channels: last,
      positions,
      params,
      trainable: frozen ? 0 : params - stats,
      nonTrainable: frozen ? params : stats,
    };
  });
  return { layers };
}
const total = (rows: Split[], ask: keyof Split) => rows.reduce((a, r) => a + r[ask], 0);

function modelAbout(ex: Exercise): { model: Model; ask: keyof Split } {
  if (ex.about?.kind !== 'model' || ex.about.ask === 'shape') throw new Error(`${ex.id}: about is not a model count`);
  return { model: ex.about.model, ask: ex.about.ask };
}

describe('trainable and non-trainable', () => {
  test('batchnorm-split: γ and β train, the moving mean and variance do not', () =>
    run(batchnormSplit, (ex) => {
      const { model, ask } = modelAbout(ex);
      const { layers } = handModel(model);
      const bn = layers.find((l) => l.type === 'BatchNormalization')!;
      const answer = total(layers, ask);
      const mistakes: Record<string, number> = {};
      if (ask === 'params') mistakes['batch-norm-trainable-only'] = answer - 2 * bn.channels;
      if (ask === 'trainable') mistakes['batch-norm-all-trainable'] = answer + 2 * bn.channels;
      if (ask === 'nonTrainable') mistakes['batch-norm-all-trainable'] = answer - 2 * bn.channels;
      if (bn.positions > 1 && bn[ask] > 0) mistakes['batch-norm-per-pixel'] = answer - bn[ask] + bn[ask] * bn.positions;
      // BatchNormalization left out: the total without its 4 × channels (2 × channels of them trainable)
      if (ask !== 'nonTrainable') mistakes['batch-norm-skipped'] = answer - (ask === 'params' ? 4 : 2) * bn.channels;
      return { answer, mistakes };
    }));

  test('frozen-split: trainable=False moves every weight of the layer', () =>
    run(frozenSplit, (ex) => {
      const { model, ask } = modelAbout(ex);
      const { layers } = handModel(model);
      expect(layers.filter((l) => l.frozen)).toHaveLength(1);
      const answer = total(layers, ask);
      if (model.kind !== 'sequential') throw new Error(`${ex.id}: a Sequential model expected`);
      const unfrozen: SequentialModel = { ...model, layers: model.layers.map(({ trainable: _, ...l }) => l) };
      const open = handModel(unfrozen).layers;
      const mistakes: Record<string, number> = { 'frozen-still-trainable': total(open, ask) };
      const bn = layers.find((l) => l.type === 'BatchNormalization' && !l.frozen);
      if (bn) mistakes['batch-norm-all-trainable'] = ask === 'trainable' ? answer + 2 * bn.channels : answer - 2 * bn.channels;
      return { answer, mistakes };
    }));
});

// --- docs/learner-mistakes.md's worked numbers, at seeds that draw them ----------------------------

describe('the worked examples of docs/learner-mistakes.md', () => {
  const cases: [Template, number, string, number, Record<string, number>][] = [
    // #forgot-bias: Dense(64) on 100 features
    [denseParams, 11, '`Dense(64)` receives `(None, 100)`', 6464, { 'forgot-bias': 6400 }],
    // #dense-flattens: Dense(10) on (None, 20, 5)
    [denseSequenceParams, 234, '`Dense(10)` receives `(None, 20, 5)`', 60, { 'dense-flattens': 1010 }],
    // #image-size-and-params: Dense(128) after flattening (5, 5, 64)
    [denseAfterFlatten, 28, '`(None, 5, 5, 64)` and `Dense(128)`', 204928, { 'forgot-bias': 204800 }],
    // #wrong-input-channels: the second Conv2D(64, 3) after 32 filters
    [conv2dLaterLayer, 14, '', 18496, { 'wrong-input-channels': 1792 }],
    // #groups-ignored: Conv2D(64, 3, groups=4) on 32 channels
    [conv2dGroupsParams, 21, '`Conv2D(64, 3, groups=4)` receives `(None, 28, 28, 32)`', 4672, { 'groups-ignored': 18496 }],
    // #separable-counted-as-conv
    [separableParams, 11, '`SeparableConv2D(64, 3)` receives `(None, 28, 28, 32)`', 2400, { 'separable-as-conv': 18496 }],
    [depthwiseParams, 13, '`DepthwiseConv2D(3)` receives `(None, 14, 14, 32)`', 320, {}],
    // #batch-norm-split
    [batchnormParams, 5, '`(None, 512)`', 2048, { 'batch-norm-trainable-only': 1024 }],
    [batchnormParams, 15, '`(None, 11, 11, 64)`', 256, { 'batch-norm-per-pixel': 30976 }],
    // #embedding-bias
    [embeddingParams, 5, '`Embedding(10000, 128)`', 1280000, { 'embedding-bias': 1280128 }],
    [embeddingParams, 18, '`Embedding(5000, 64)`', 320000, { 'embedding-bias': 320064 }],
    // #lstm-gates: LSTM(50) on 3 features
    [
      lstmParams,
      3,
      '`LSTM(50)` receives `(None, 20, 3)`',
      10800,
      { 'lstm-gates': 2700, 'recurrent-no-input': 10200, 'forgot-bias': 10600 },
    ],
    // #gru-reset-after: GRU(32) on 16 features, and wrapped in Bidirectional
    [gruParams, 335, '`GRU(32)` receives `(None, 10, 16)`', 4800, { 'gru-reset-after': 4704 }],
    [bidirectionalParams, 685, '`Bidirectional(GRU(32))` receives `(None, 10, 16)`', 9600, { 'gru-reset-after': 9408 }],
    // #bidirectional-doubling: Dense(8) after Bidirectional(GRU(16, return_sequences=True))
    [bidirectionalNextLayer, 20, '', 264, { 'bidirectional-doubling': 272 }],
    // #key-dim-per-head: d_model 512, 8 heads, key_dim 64 (and key_dim 512)
    [mhaParams, 38, 'num_heads=8, key_dim=64', 1050624, { 'key-dim-per-head': 8401408 }],
  ];
  for (const [template, seed, prompt, answer, wrongs] of cases) {
    test(`${template.id}.${seed}: ${grouped(answer, ',')}`, () => {
      const ex = generate(template, seed);
      expect(ex.prompt.en).toContain(prompt);
      if (template === conv2dLaterLayer) expect(ex.display?.text.en).toMatch(/Conv2D\(32, 3\),\n.*Conv2D\(64, 3\)/);
      if (template === bidirectionalNextLayer) expect(ex.display?.text.en).toMatch(/GRU\(16, return_sequences=True\).*\n.*Dense\(8\)/);
      const blank = onlyBlank(ex);
      expect(blank.expected.value).toBe(answer);
      for (const [id, value] of Object.entries(wrongs)) {
        expect(blank.mistakes.find((m) => m.mistake === id)?.value, id).toBe(value);
        const d = diagnoseBlank(blank, grouped(value, ','));
        expect(d.verdict === 'wrong' && d.mistake?.mistake).toBe(id);
      }
    });
  }
});
