/**
 * The model editor's pure parts: typed text → Keras arguments, the URL encoding (and what it does
 * with hostile addresses), and the view after an edit — every count worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EDITOR_TYPES,
  fromModel,
  layerArgs,
  moveLayer,
  newLayer,
  parseInputShape,
  toModel,
  typedTuple,
  startsFrom,
  type EditorState,
} from '@components/islands/model-editor/editor-model.ts';
import { kerasDefaults } from '@calc/engine.ts';
import { evaluate } from '@components/islands/model-editor/evaluate.ts';
import { forget, goodOf } from '@components/islands/model-editor/view.ts';
import { decodeModel, encodeModel, MAX_ENCODED_LENGTH } from '@components/islands/model-editor/url-state.ts';
import { mnist } from './mnist-model.ts';

/** The fields' starting text, as the page builds it: Keras's defaults from src/calc. */
const starts = startsFrom(kerasDefaults);

function start(): EditorState {
  const s = fromModel(mnist, starts);
  if (!s.ok) throw new Error('the MNIST model is editable');
  return s.state;
}

/** The state with one field of the layer at `index` retyped. */
const typed = (state: EditorState, index: number, arg: string, text: string): EditorState => ({
  ...state,
  layers: state.layers.map((l, i) => (i === index ? { ...l, fields: { ...l.fields, [arg]: text } } : l)),
});

const grouped = (n: number): string => n.toLocaleString('en-US');
const MNIST_TOTAL = 32 * (1 * 9 + 1) + 64 * (32 * 9 + 1) + 64 * (64 * 9 + 1) + 64 * (3 * 3 * 64 + 1) + 10 * (64 + 1);

describe("from the lesson's model to the editor and back", () => {
  it('shows each argument as typed text and the input shape without the batch axis', () => {
    const state = start();
    expect(state.input).toBe('28, 28, 1');
    expect(state.layers.map((l) => l.type)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'Flatten',
      'Dense',
      'Dense',
    ]);
    expect(state.layers[2]?.fields).toEqual({ filters: '64', kernel_size: '3', strides: '1', padding: 'valid' });
    expect(state.layers[1]?.fields).toEqual({ pool_size: '2', strides: '', padding: 'valid' });
  });

  it('refuses layer types the editor does not offer', () => {
    expect(fromModel({ kind: 'sequential', input: [null, 4], layers: [{ type: 'LSTM', args: { units: 4 } }] }, starts)).toEqual({
      ok: false,
      unsupported: ['LSTM'],
    });
  });

  it("starts each field with an argument Keras defaults at Keras's default, read from src/calc", () => {
    // Keras 3: Conv2D(strides=1, padding="valid"), MaxPooling2D(pool_size=2, strides=None, padding="valid")
    expect(starts.Conv2D).toMatchObject({ strides: '1', padding: 'valid' });
    expect(starts.MaxPooling2D).toEqual({ pool_size: '2', strides: '', padding: 'valid' });
    // a field with no starting value of its own and no Keras default stops the build, naming it
    expect(() => startsFrom(() => ({}))).toThrow(/Conv2D field `strides`/);
  });

  it('passes numbers as numbers, tuples as lists, empty optional strides as None, and anything else through for src/calc to judge', () => {
    expect(typedTuple('3')).toBe(3);
    expect(typedTuple('3, 5')).toEqual([3, 5]);
    expect(typedTuple('(3,5)')).toEqual([3, 5]);
    expect(typedTuple('3x5')).toEqual([3, 5]);
    expect(typedTuple('abc')).toBe('abc');
    const pool = layerArgs(newLayer('MaxPooling2D', 0, starts));
    expect(pool).toEqual({ pool_size: 2, strides: null, padding: 'valid' });
    expect(layerArgs({ ...newLayer('Dense', 0, starts), fields: { units: ' 2.5 ' } })).toEqual({ units: 2.5 });
  });

  it('reads input shapes: `28, 28, 1`, `(32, 32, 3)`, `None, 3`; refuses 0, -1, text and nothing', () => {
    expect(parseInputShape('28, 28, 1')).toEqual({ ok: true, shape: [null, 28, 28, 1] });
    expect(parseInputShape('(32, 32, 3)')).toEqual({ ok: true, shape: [null, 32, 32, 3] });
    expect(parseInputShape('None, 3')).toEqual({ ok: true, shape: [null, null, 3] });
    expect(parseInputShape('28, 0')).toMatchObject({ ok: false, problem: 'notDim', text: '0' });
    expect(parseInputShape('-1')).toMatchObject({ ok: false, problem: 'notDim' });
    expect(parseInputShape('28, wide')).toMatchObject({ ok: false, text: 'wide' });
    expect(parseInputShape('1e300')).toMatchObject({ ok: false });
    expect(parseInputShape('99999999999999999999')).toMatchObject({ ok: false });
    // the calculators' input rule: 1 to 65,536
    expect(parseInputShape('28, 65536, 1')).toMatchObject({ ok: true });
    expect(parseInputShape('28, 99999, 1')).toMatchObject({ ok: false, problem: 'notDim', text: '99999' });
    expect(parseInputShape('  ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('moves layers up and down, and leaves the list alone at its ends', () => {
    const layers = start().layers;
    expect(moveLayer(layers, 1, -1).map((l) => l.id)).toEqual([1, 0, 2, 3, 4, 5, 6, 7]);
    expect(moveLayer(layers, 7, 1).map((l) => l.id)).toEqual(layers.map((l) => l.id));
    expect(moveLayer(layers, 0, -1).map((l) => l.id)).toEqual(layers.map((l) => l.id));
  });
});

describe('what the editor shows', () => {
  it('shows the MNIST model: 93,322 in all, 18,496 for conv2d_1 on 13 × 13 × 32', () => {
    const { view, good } = evaluate(start(), null);
    expect(view.stale).toBe(false);
    expect(view.totals?.params).toBe(grouped(MNIST_TOTAL));
    expect(MNIST_TOTAL).toBe(93322);
    expect(view.layers[2]).toMatchObject({
      name: 'conv2d_1',
      status: 'fresh',
      numbers: { shape: '(None, 11, 11, 64)', params: '18,496', equation: '64 × (32 × 3 × 3 + 1) = 18,496' },
    });
    expect(good).not.toBeNull();
  });

  it('follows a change downstream: 128 filters in conv2d_2 make Flatten 3 × 3 × 128 = 1,152 and dense 64 × (1,152 + 1)', () => {
    const { view } = evaluate(typed(start(), 4, 'filters', '128'), null);
    expect(view.layers[5]?.numbers?.shape).toBe(`(None, ${3 * 3 * 128})`);
    expect(view.layers[6]?.numbers?.params).toBe(grouped(64 * (3 * 3 * 128 + 1)));
    const total = 320 + 18496 + 128 * (64 * 9 + 1) + 64 * (1152 + 1) + 650;
    expect(view.totals?.params).toBe(grouped(total));
  });

  it("puts src/calc's message beside the kernel of the first broken layer, keeps the rows before it and the last valid totals, marked stale", () => {
    const first = evaluate(start(), null);
    const { view, good } = evaluate(typed(start(), 2, 'kernel_size', '14'), first.good);
    expect(good).toBeNull();
    expect(view.layers[0]?.status).toBe('fresh');
    expect(view.layers[1]?.status).toBe('fresh');
    expect(view.layers[2]).toMatchObject({ status: 'broken', problem: { field: 'kernel_size' } });
    expect(view.layers[2]?.problem?.message).toContain('13'); // the 13 × 13 input the 14-wide kernel does not fit
    expect(view.layers[3]).toMatchObject({ status: 'stale', numbers: { shape: '(None, 5, 5, 64)' } });
    expect(view.stale).toBe(true);
    expect(view.totals?.params).toBe(grouped(MNIST_TOTAL));
  });

  it("words src/calc's problem in the page's language: ⌊(13 − 14) / 1⌋ + 1 = 0 on a Chinese page", () => {
    const { view } = evaluate(typed(start(), 2, 'kernel_size', '14'), null, 'zh-cn');
    // 13 − 14 = −1; ⌊−1 / 1⌋ = −1; −1 + 1 = 0
    expect(view.layers[2]?.problem?.message).toBe(
      '当 padding="valid" 时，跨度为 14 的卷积核放不进高度为 13 的输入：⌊(13 − 14) / 1⌋ + 1 = 0。',
    );
  });

  it('reports bad text in a field through src/calc, beside that field', () => {
    for (const [arg, text] of [
      ['filters', ''],
      ['filters', '-3'],
      ['filters', '2.5'],
      ['filters', 'abc'],
      ['strides', '0'],
      ['padding', 'full'],
    ] as const) {
      const { view } = evaluate(typed(start(), 0, arg, text), null);
      expect(view.layers[0]?.problem?.field, `${arg} = ${JSON.stringify(text)}`).toBe(arg);
      expect(JSON.stringify(view)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('words a blank field as the calculators do, and text, tuples and minus signs as the lessons write them', () => {
    const words = (arg: string, text: string, locale: 'en' | 'zh-cn' = 'en') =>
      evaluate(typed(start(), 0, arg, text), null, locale).view.layers[0]?.problem?.message;
    expect(words('filters', '')).toBe('Filters is empty: type a whole number.');
    expect(words('filters', '', 'zh-cn')).toBe('滤波器个数是空的：请输入一个整数。');
    expect(words('filters', 'abc')).toBe('Filters must be a whole number — you entered “abc”.');
    expect(words('filters', '-3')).toBe('Filters must be at least 1 — you entered −3.');
    expect(words('kernel_size', '3, 0')).toBe('Kernel size, width must be at least 1 — you entered 0.');
    expect(words('kernel_size', '3, 0', 'zh-cn')).toBe('卷积核大小（宽度）至少为 1，你输入的是 0。');
    expect(words('kernel_size', '3, 3, 3')).toBe('Kernel size needs 2 values, one per axis — you entered 3 × 3 × 3.');
  });

  it('says a count past exact arithmetic is past the size limit, quoted as typed, without the developer figure 2^53 − 1', () => {
    const { view } = evaluate(typed(start(), 0, 'filters', '1e20'), null);
    expect(view.layers[0]?.problem?.message).toBe('Filters can be at most 65,536 in these calculators — you entered “1e20”.');
  });

  it('reports a count past exact arithmetic as a problem, not a crash', () => {
    const { view } = evaluate(typed(start(), 6, 'units', '1e300'), null);
    expect(view.stale).toBe(true);
    expect(view.layers[6]?.status).toBe('broken');
  });

  it("reports a rate outside [0, 1] beside Dropout's rate", () => {
    const state = { ...start(), layers: [...start().layers, { ...newLayer('Dropout', 99, starts), fields: { rate: '1.5' } }] };
    expect(evaluate(state, null).view.layers[8]?.problem?.field).toBe('rate');
  });

  it("keeps the input shape's problem at the input and every layer's last numbers", () => {
    const first = evaluate(start(), null);
    const { view } = evaluate({ ...start(), input: '28, x' }, first.good);
    expect(view.inputProblem).toEqual({ problem: 'notDim', text: 'x' });
    expect(view.layers.every((l) => l.status === 'stale')).toBe(true);
  });

  it('names layers the Keras way after a type change, even past a broken layer', () => {
    const state = { ...start(), layers: start().layers.map((l, i) => (i === 0 ? newLayer('Dense', l.id, starts) : l)) };
    const { view } = evaluate(state, null);
    expect(view.layers[0]?.name).toBe('dense');
    expect(view.layers[7]?.name).toBe('dense_2');
  });

  it('counts BatchNormalization as 2 × 32 trainable + 2 × 32 non-trainable', () => {
    const state = { ...start(), layers: [start().layers[0]!, newLayer('BatchNormalization', 50, starts)] };
    const { view } = evaluate(state, null);
    expect(view.totals).toMatchObject({ params: grouped(320 + 4 * 32), trainable: grouped(320 + 2 * 32), nonTrainable: grouped(2 * 32) });
  });
});

describe('the size limit the calculators share', () => {
  it("refuses 99,999 filters or a kernel width of 99,999 at that layer, in the calculators' words", () => {
    const filters = evaluate(typed(start(), 0, 'filters', '99999'), null);
    expect(filters.view.layers[0]).toMatchObject({
      status: 'broken',
      problem: { field: 'filters', message: 'Filters can be at most 65,536 in these calculators — you entered 99,999.' },
    });
    expect(filters.view.layers.slice(1).every((l) => l.status !== 'fresh')).toBe(true);
    expect(filters.view.stale).toBe(true);
    expect(filters.good).toBeNull();
    const zh = evaluate(typed(start(), 0, 'kernel_size', '3, 99999'), null, 'zh-cn');
    expect(zh.view.layers[0]?.problem).toEqual({
      field: 'kernel_size',
      message: '在这些计算器中，卷积核大小最大为 65,536，你输入的是 99,999。',
    });
  });
  it('accepts 65,536 itself', () => {
    expect(evaluate(typed(start(), 0, 'filters', '65536'), null).view.layers[0]?.status).toBe('fresh');
  });
});

describe('starting from the view the build computed', () => {
  it('takes a fully fresh view as the last valid record, and a stale one as none', () => {
    const fresh = evaluate(start(), null).view;
    expect(goodOf(fresh)?.totals.params).toBe(grouped(MNIST_TOTAL));
    expect(goodOf(fresh)?.layers.get(2)?.params).toBe(grouped(64 * (32 * 9 + 1)));
    expect(goodOf(evaluate(typed(start(), 2, 'kernel_size', '14'), null).view)).toBeNull();
  });

  it("forgets one layer's numbers when its type changes", () => {
    const good = goodOf(evaluate(start(), null).view);
    expect(forget(good, 2)?.layers.has(2)).toBe(false);
    expect(forget(good, 2)?.layers.has(3)).toBe(true);
    expect(good?.layers.has(2)).toBe(true);
  });
});

describe('the model in the address', () => {
  it('writes the MNIST model as i28x28x1_c_m_c64_m_c64_f_d_d10 (starting values left out)', () => {
    expect(encodeModel(start(), starts)).toBe('i28x28x1_c_m_c64_m_c64_f_d_d10');
  });

  it('writes tuples, None strides and padding letters: c16-3x5-2-s, m3--s', () => {
    let state: EditorState = {
      input: '32, 32, 3',
      layers: [newLayer('Conv2D', 0, starts), newLayer('MaxPooling2D', 1, starts), newLayer('Dropout', 2, starts)],
      nextId: 3,
    };
    state = typed(typed(typed(typed(state, 0, 'filters', '16'), 0, 'kernel_size', '3, 5'), 0, 'strides', '2'), 0, 'padding', 'same');
    state = typed(typed(state, 1, 'pool_size', '3'), 1, 'padding', 'same');
    state = typed(state, 2, 'rate', '0.25');
    expect(encodeModel(state, starts)).toBe('i32x32x3_c16-3x5-2-s_m3--s_o0.25');
  });

  it('reads back what it writes', () => {
    const layers = EDITOR_TYPES.map((t, i) => newLayer(t, i, starts));
    const state: EditorState = { input: 'None, 28, 3', layers, nextId: layers.length };
    const decoded = decodeModel(encodeModel(state, starts)!, starts);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(encodeModel(decoded.state, starts)).toBe(encodeModel(state, starts));
    const mnistBack = decodeModel('i28x28x1_c_m_c64_m_c64_f_d_d10', starts);
    expect(mnistBack.ok && evaluate(mnistBack.state, null).view.totals?.params).toBe(grouped(MNIST_TOTAL));
  });

  it('writes nothing while a field holds text that is not a value', () => {
    expect(encodeModel(typed(start(), 0, 'filters', 'abc'), starts)).toBeNull();
    expect(encodeModel(typed(start(), 0, 'filters', '-3'), starts)).toBeNull();
    expect(encodeModel({ ...start(), input: '' }, starts)).toBeNull();
    expect(encodeModel({ ...start(), layers: [{ ...newLayer('Dropout', 0, starts), fields: { rate: '0.0000001' } }] }, starts)).toBeNull();
  });

  it.each([
    ['', 0],
    ['x', 0],
    ['c32', 0],
    ['i', 0],
    ['i0', 0],
    ['i28x28x1x1x1x1', 0],
    ['i28x-1', 0],
    ['i99999999999999999', 0],
    ['i28_q5', 1],
    ['i28_c32-3-1-v-9', 1],
    ['i28_cabc', 1],
    ['i28_c3x3x3x3', 1],
    ['i28_c-3', 1],
    ['i28_fx', 1],
    ['i28_o1.5', 1],
    ['i28_c32-3-1-z', 1],
    ['i28_d64_d', -1],
    ['i28<script>', 0],
    ['i28_c32%20', 0],
    ['i28__d', 1],
  ] as const)('refuses %j, naming the segment', (value, position) => {
    const decoded = decodeModel(value, starts);
    if (position === -1) {
      expect(decoded.ok).toBe(true); // a Dense with its starting 64 units
      return;
    }
    expect(decoded).toMatchObject({ ok: false, position });
  });

  it('refuses an overlong value before reading it', () => {
    expect(decodeModel(`i28${'_d1'.repeat(MAX_ENCODED_LENGTH)}`, starts)).toMatchObject({ ok: false });
    expect(decodeModel(`i28${'_f'.repeat(70)}`, starts)).toMatchObject({ ok: false });
  });

  it('never throws on any string, and what it accepts evaluates without NaN', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^i[0-9xn]{0,8}(_[cmdfob][0-9x.-]{0,10}){0,6}$/)), (value) => {
        const decoded = decodeModel(value, starts);
        if (decoded.ok) expect(JSON.stringify(evaluate(decoded.state, null).view)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 500 },
    );
  });

  it('builds a Sequential model from the state for src/calc', () => {
    const built = toModel(start());
    expect(built.ok && built.model.layers[0]).toEqual({
      type: 'Conv2D',
      args: { filters: 32, kernel_size: 3, strides: 1, padding: 'valid' },
    });
  });
});
