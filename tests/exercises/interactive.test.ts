/**
 * The exercises beyond number entry: which change alters a count, predict-then-check, order by
 * size, spot the wrong row. Every count checked here is worked out by hand in this file from the
 * numbers the exercise shows the reader (its prompt, code or printout), never taken from src/calc:
 *   Conv2D              filters × (channels × k × k + 1)
 *   Dense               units × (inputs + 1)
 *   LSTM                4 × (units × (inputs + units) + units)
 *   BatchNormalization  4 × channels (2 trainable, 2 not)
 */
import { describe, expect, it } from 'vitest';
import { diagnoseBlank, diagnoseChoice, diagnoseOrder, generate, mistake, templateById } from '@exercises/index.ts';
import type { Exercise, Option, Template } from '@exercises/types.ts';

const SEEDS = Array.from({ length: 250 }, (_, i) => (i * 2246822519 + 977) >>> 0);

const template = (id: string): Template => {
  const t = templateById(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

/** `18,496` as Keras prints it, written out here rather than borrowed. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const num = (text: string): number => Number(text.replaceAll(',', ''));

const conv = (f: number, c: number, k: number, bias = true): number => f * (c * k * k + (bias ? 1 : 0));
const dense = (u: number, inputs: number, bias = true): number => u * (inputs + (bias ? 1 : 0));
const lstm = (u: number, inputs: number, bias = true): number => 4 * (u * (inputs + u) + (bias ? u : 0));
const simpleRnn = (u: number, inputs: number): number => u * (inputs + u) + u;

const choiceOf = (e: Exercise) => {
  if (e.response.kind !== 'choice') throw new Error(`${e.id} is not a choice`);
  return e.response;
};

/** Every wrong option is diagnosed as wrong, with its own mistake and note when it has one; the right one as right. */
function checkChoiceDiagnosis(e: Exercise, declared: readonly string[]): void {
  const r = choiceOf(e);
  expect(diagnoseChoice(r, r.correct), e.id).toEqual({ verdict: 'right' });
  expect(diagnoseChoice(r, null), e.id).toEqual({ verdict: 'empty' });
  for (const o of r.options) {
    if (o.id === r.correct) continue;
    const d = diagnoseChoice(r, o.id);
    expect(d.verdict, e.id).toBe('wrong');
    if (o.mistake) {
      expect(declared, e.id).toContain(o.mistake);
      expect(d.verdict === 'wrong' && d.mistake?.mistake, e.id).toBe(o.mistake);
    }
  }
}

describe('which-change-conv2d', () => {
  const exercises = SEEDS.map((seed) => generate(template('which-change-conv2d'), seed));

  it('offers four edits of which exactly the right one changes f × (c × k × k + 1)', () => {
    for (const e of exercises) {
      const full = /^`Conv2D\((\d+), (\d+)\)` receives `\(None, (\d+), (\d+), (\d+)\)` and has ([\d,]+) parameters/.exec(e.prompt.en);
      expect(full, e.prompt.en).toBeTruthy();
      const [f, k, size, size2, c] = full!.slice(1, 6).map(Number) as [number, number, number, number, number];
      expect(size2).toBe(size);
      const base = conv(f, c, k);
      expect(num(full![6]!), e.id).toBe(base);
      const r = choiceOf(e);
      expect(r.options).toHaveLength(4);
      for (const o of r.options) {
        const [what, to] = o.id.split(':') as [string, string];
        const v = Number(to);
        const after: Record<string, () => number> = {
          filters: () => conv(v, c, k),
          kernel_size: () => conv(f, c, v),
          channels: () => conv(f, v, k),
          use_bias: () => conv(f, c, k, to !== 'false'),
          // These place the kernel or resize the image: the formula has no place for them.
          strides: () => base,
          padding: () => base,
          dilation_rate: () => base,
          size: () => base,
        };
        expect(Object.keys(after), o.id).toContain(what);
        const count = after[what]!();
        if (o.id === r.correct) expect(count, `${e.id} ${o.id}`).not.toBe(base);
        else expect(count, `${e.id} ${o.id}`).toBe(base);
      }
      checkChoiceDiagnosis(e, template('which-change-conv2d').mistakes);
    }
  });

  it("words each wrong option's note with this variant's output shape and count", () => {
    for (const e of exercises) {
      const full = /^`Conv2D\((\d+), (\d+)\)` receives `\(None, (\d+), \d+, (\d+)\)`/.exec(e.prompt.en)!;
      const [f, k, s, c] = full.slice(1, 5).map(Number) as [number, number, number, number];
      const shapes: Record<string, string> = {
        strides: `(None, ${Math.floor((s - k) / 2) + 1}, ${Math.floor((s - k) / 2) + 1}, ${f})`,
        padding: `(None, ${s}, ${s}, ${f})`,
        dilation_rate: `(None, ${s - 2 * (k - 1)}, ${s - 2 * (k - 1)}, ${f})`,
        size: `(None, ${2 * s - k + 1}, ${2 * s - k + 1}, ${f})`,
      };
      for (const o of choiceOf(e).options.filter((x: Option) => x.id !== choiceOf(e).correct)) {
        const what = o.id.split(':')[0]!;
        expect(o.note?.en, o.id).toContain(`\`${shapes[what]}\``);
        expect(o.note?.en, o.id).toContain(grouped(conv(f, c, k)));
        expect(o.note?.['zh-cn'], o.id).toContain(grouped(conv(f, c, k)));
        expect(o.mistake, o.id).toBe(what === 'size' ? 'image-size-and-params' : 'placement-and-params');
      }
    }
  });

  it('gives a known example: Conv2D(64, 3) on 13×13×32 keeps 18,496 with strides=2', () => {
    // docs/learner-mistakes.md: 64 · (3·3·32 + 1) = 18,496; the worked example of the brief.
    const hit = exercises.find((e) => e.prompt.en.startsWith('`Conv2D(64, 3)` receives `(None, 28, 28, 32)`'));
    if (hit) expect(hit.prompt.en).toContain('18,496');
    expect(conv(64, 32, 3)).toBe(18_496);
  });
});

describe('which-change-dense', () => {
  const exercises = SEEDS.map((seed) => generate(template('which-change-dense'), seed));

  it('offers the sequence length, the batch size and an activation as the three that leave u × (F + 1)', () => {
    for (const e of exercises) {
      const full = /^`Dense\((\d+)\)` receives `\(None, (\d+), (\d+)\)` and has ([\d,]+) parameters/.exec(e.prompt.en);
      expect(full, e.prompt.en).toBeTruthy();
      const [u, , features] = full!.slice(1, 4).map(Number) as [number, number, number];
      const base = dense(u, features);
      expect(num(full![4]!), e.id).toBe(base);
      const r = choiceOf(e);
      expect(r.options).toHaveLength(4);
      for (const o of r.options) {
        const [what, to] = o.id.split(':') as [string, string];
        const after: Record<string, () => number> = {
          units: () => dense(Number(to), features),
          features: () => dense(u, Number(to)),
          use_bias: () => dense(u, features, to !== 'false'),
          steps: () => base,
          batch: () => base,
          activation: () => base,
        };
        expect(Object.keys(after), o.id).toContain(what);
        if (o.id === r.correct) expect(after[what]!(), `${e.id} ${o.id}`).not.toBe(base);
        else {
          expect(after[what]!(), `${e.id} ${o.id}`).toBe(base);
          expect(o.mistake).toBe({ steps: 'dense-flattens', batch: 'batch-axis', activation: 'weightless-layers' }[what]);
          expect(o.note?.en).toContain(grouped(base));
        }
      }
      checkChoiceDiagnosis(e, template('which-change-dense').mistakes);
    }
  });
});

describe('which-change-pooling', () => {
  const exercises = SEEDS.map((seed) => generate(template('which-change-pooling'), seed));
  /** One side after pooling: ⌊(L − p) / s⌋ + 1, the stride defaulting to the pool size. */
  const side = (l: number, p: number, s = p): number => Math.floor((l - p) / s) + 1;

  it('offers four edits of which exactly the right one keeps the output shape', () => {
    for (const e of exercises) {
      const m = /^`MaxPooling2D\((\d+)\)` receives `\(None, (\d+), \d+, (\d+)\)` and outputs `\(None, (\d+), (\d+), (\d+)\)`/.exec(
        e.prompt.en,
      );
      expect(m, e.prompt.en).toBeTruthy();
      const [p, l, c, h, w, outC] = m!.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const base = [side(l, p), side(l, p), c];
      expect([h, w, outC], e.id).toEqual(base);
      const r = choiceOf(e);
      expect(r.options).toHaveLength(4);
      for (const o of r.options) {
        const [what, to] = o.id.split(':') as [string, string];
        const v = Number(to);
        const after: Record<string, () => number[]> = {
          strides: () => [side(l, p, v), side(l, p, v), c],
          pool_size: () => [side(l, v), side(l, v), c],
          size: () => [side(v, p), side(v, p), c],
          channels: () => [side(l, p), side(l, p), v],
          // Average pooling slides the same windows.
          type: () => base,
        };
        expect(Object.keys(after), o.id).toContain(what);
        if (o.id === r.correct) expect(after[what]!(), `${e.id} ${o.id}`).toEqual(base);
        else {
          expect(after[what]!(), `${e.id} ${o.id}`).not.toEqual(base);
          const shape = after[what]!();
          expect(o.note?.en, o.id).toContain(`\`(None, ${shape.join(', ')})\``);
          if (o.id === 'strides:1') expect(o.mistake).toBe('pool-stride-default');
        }
      }
      checkChoiceDiagnosis(e, template('which-change-pooling').mistakes);
    }
  });

  it('sometimes keeps the shape by rounding down (28 → 29 with pool size 2)', () => {
    expect(side(28, 2)).toBe(14);
    expect(side(29, 2)).toBe(14);
    const ids = new Set(exercises.map((e) => choiceOf(e).correct.split(':')[0]));
    expect([...ids].sort()).toEqual(['size', 'strides', 'type']);
  });
});

describe('predict', () => {
  /** The count a layer call in a prompt has, by hand, and the mistakes' counts at the target. */
  function handCounts(e: Exercise): { start: number; stated: number; target: number; mistakes: Record<string, number> } {
    if (e.response.kind !== 'predict' || e.about?.kind !== 'layer') throw new Error(`${e.id}: not a predict exercise about a layer`);
    const about = e.about;
    const args = about.layer.args ?? {};
    const input = about.input as (number | null)[];
    const stated = num(/has ([\d,]+) parameters/.exec(e.prompt.en)![1]!);
    const { start, target } = e.response.slider;
    if (about.layer.type === 'Conv2D') {
      const m = /^`Conv2D\((\d+), (\d+)\)` receives `\(None, \d+, \d+, (\d+)\)`/.exec(e.prompt.en)!;
      const [f0, k0, c0] = m.slice(1, 4).map(Number) as [number, number, number];
      const f = args['filters'] as number;
      const k = args['kernel_size'] as number;
      const c = input[3] as number;
      // Exactly one of the three moved, from the slider's start to its target.
      const moved = [f !== f0 ? [f0, f] : null, k !== k0 ? [k0, k] : null, c !== c0 ? [c0, c] : null].filter((x) => x !== null);
      expect(moved, e.id).toEqual([[start, target]]);
      const mistakes: Record<string, number> = { 'forgot-bias': conv(f, c, k, false), 'kernel-ignores-channels': conv(f, 1, k) };
      if ((conv(f0, c0, k0) * target) % start === 0) mistakes['scaled-proportionally'] = (conv(f0, c0, k0) * target) / start;
      return { start: conv(f0, c0, k0), stated, target: conv(f, c, k), mistakes };
    }
    const u = args['units'] as number;
    const features = input[input.length - 1] as number;
    const u0 = Number(new RegExp(`^\`${about.layer.type}\\((\\d+)\\)\``).exec(e.prompt.en)![1]);
    expect([u0, u], e.id).toEqual([start, target]);
    if (about.layer.type === 'Dense') {
      return {
        start: dense(u0, features),
        stated,
        target: dense(u, features),
        mistakes: { 'forgot-bias': dense(u, features, false), 'swapped-channels': dense(features, u) },
      };
    }
    expect(about.layer.type).toBe('LSTM');
    const mistakes: Record<string, number> = { 'forgot-bias': lstm(u, features, false), 'lstm-gates': simpleRnn(u, features) };
    if ((lstm(u0, features) * target) % start === 0) mistakes['scaled-proportionally'] = (lstm(u0, features) * target) / start;
    return { start: lstm(u0, features), stated, target: lstm(u, features), mistakes };
  }

  describe.each(['predict-conv2d', 'predict-dense', 'predict-lstm'])('%s', (id) => {
    const exercises = SEEDS.map((seed) => generate(template(id), seed));

    it('states the count at the start and expects the hand count at the target, as the slider does', () => {
      for (const e of exercises) {
        if (e.response.kind !== 'predict') throw new Error(e.id);
        const hand = handCounts(e);
        const { blank, slider } = e.response;
        expect(hand.stated, e.id).toBe(hand.start);
        expect(slider.at(slider.start).count, e.id).toBe(hand.start);
        expect(slider.at(slider.target).count, e.id).toBe(hand.target);
        expect(slider.at(slider.target).equation, e.id).toMatch(new RegExp(` = ${grouped(hand.target)}$`));
        expect(blank.expected, e.id).toEqual({ kind: 'count', value: hand.target });
        expect(slider.min <= slider.start && slider.start <= slider.max && slider.min <= slider.target && slider.target <= slider.max).toBe(
          true,
        );
        for (const typed of [
          grouped(hand.target),
          grouped(hand.target).replaceAll(',', ' '),
          grouped(hand.target).replaceAll(',', '\u202f'),
        ])
          expect(diagnoseBlank(blank, typed), `${e.id} ${typed}`).toEqual({ verdict: 'right' });
      }
    });

    it('gives each mistake the hand count with that mistake, and names it when typed', () => {
      for (const e of exercises) {
        if (e.response.kind !== 'predict') throw new Error(e.id);
        const hand = handCounts(e);
        expect(e.response.blank.mistakes.length, e.id).toBeGreaterThan(0);
        for (const m of e.response.blank.mistakes) {
          expect(hand.mistakes[m.mistake], `${e.id} ${m.mistake}`).toBe(m.value);
          const d = diagnoseBlank(e.response.blank, grouped(m.value as number));
          expect(d.verdict === 'wrong' && d.mistake?.mistake, `${e.id} ${m.mistake}`).toBe(m.mistake);
          expect(m.note.en, e.id).toContain(grouped(m.value as number));
        }
      }
    });

    it('moves the slider along the hand formula', () => {
      for (const e of exercises.slice(0, 40)) {
        if (e.response.kind !== 'predict' || e.about?.kind !== 'layer') throw new Error(e.id);
        const { slider } = e.response;
        const args = e.about.layer.args ?? {};
        const input = e.about.input as (number | null)[];
        for (const v of [slider.min, slider.max, Math.floor((slider.min + slider.max) / 2)]) {
          const features = input[input.length - 1] as number;
          let expected: number;
          if (e.about.layer.type === 'Conv2D') {
            const f = args['filters'] as number;
            const k = args['kernel_size'] as number;
            const label = slider.label.en;
            expected = label.includes('filters') ? conv(v, features, k) : label.includes('kernel') ? conv(f, features, v) : conv(f, v, k);
          } else expected = e.about.layer.type === 'Dense' ? dense(v, features) : lstm(v, features);
          expect(slider.at(v).count, `${e.id} at ${v}`).toBe(expected);
        }
      }
    });
  });

  it('recognises "scaled everything" where the count is not proportional (LSTM(32) → LSTM(64) on 16 features)', () => {
    // 4 · (32 · (16 + 32) + 32) = 6,272; doubled: 12,544; the real count 4 · (64 · (16 + 64) + 64) = 20,736.
    expect(lstm(32, 16)).toBe(6_272);
    expect(lstm(64, 16)).toBe(20_736);
    const e = SEEDS.map((s) => generate(template('predict-lstm'), s)).find(
      (x) =>
        x.prompt.en.startsWith('`LSTM(32)` receives `(None,') &&
        x.prompt.en.includes(', 16)`') &&
        x.response.kind === 'predict' &&
        x.response.slider.target === 64,
    );
    if (e && e.response.kind === 'predict')
      expect(e.response.blank.mistakes.find((m) => m.mistake === 'scaled-proportionally')?.value).toBe(12_544);
  });
});

/** The model a display's Keras code builds, read back by hand: input, then each layer's call. */
interface HandLayer {
  name: string;
  type: string;
  params: number;
  /** BatchNormalization's trainable half, for the mistake. */
  trainable: number;
  call: number[];
  inChannels: number;
  out: number[];
}

function walk(input: number[], calls: { type: string; args: number[] }[]): HandLayer[] {
  const counters = new Map<string, number>();
  const prefix: Record<string, string> = {
    Conv2D: 'conv2d',
    MaxPooling2D: 'max_pooling2d',
    Flatten: 'flatten',
    Dense: 'dense',
    BatchNormalization: 'batch_normalization',
  };
  let shape = input;
  return calls.map(({ type, args }) => {
    const p = prefix[type]!;
    const n = counters.get(p) ?? 0;
    counters.set(p, n + 1);
    const name = n === 0 ? p : `${p}_${n}`;
    const c = shape[shape.length - 1]!;
    let params = 0;
    let trainable = 0;
    if (type === 'Conv2D') {
      const [f, k] = args as [number, number];
      params = conv(f, c, k);
      shape = [shape[0]! - k + 1, shape[1]! - k + 1, f];
    } else if (type === 'MaxPooling2D') shape = [Math.floor(shape[0]! / args[0]!), Math.floor(shape[1]! / args[0]!), c];
    else if (type === 'Flatten') shape = [shape.reduce((a, b) => a * b, 1)];
    else if (type === 'Dense') {
      params = dense(args[0]!, c);
      shape = [args[0]!];
    } else if (type === 'BatchNormalization') {
      params = 4 * c;
      trainable = 2 * c;
    } else throw new Error(type);
    return { name, type, params, trainable: type === 'BatchNormalization' ? trainable : params, call: args, inChannels: c, out: shape };
  });
}

/** `layers.Conv2D(32, 3, activation="relu")` lines → calls with their positional numbers. */
function readCode(code: string): { input: number[]; layers: HandLayer[] } {
  const input = /keras\.Input\(shape=\(([\d, ]+)\)\)/
    .exec(code)![1]!
    .split(',')
    .map((x) => Number(x.trim()));
  const calls = [...code.matchAll(/layers\.(\w+)\(([^)]*)\)/g)].map((m) => ({
    type: m[1]!,
    args: m[2]!
      .split(',')
      .map((x) => x.trim())
      .filter((x) => /^\d+$/.test(x))
      .map(Number),
  }));
  return { input, layers: walk(input, calls) };
}

describe('order-by-size', () => {
  const exercises = SEEDS.map((seed) => generate(template('order-by-size'), seed));

  it('orders 4 to 6 layers with weights by their hand counts, most first, with no ties', () => {
    for (const e of exercises) {
      if (e.response.kind !== 'order' || e.display?.kind !== 'code') throw new Error(e.id);
      const { layers } = readCode(e.display.text.en);
      const weighted = layers.filter((l) => l.params > 0);
      expect(weighted.length, e.id).toBeGreaterThanOrEqual(4);
      expect(weighted.length, e.id).toBeLessThanOrEqual(6);
      expect(new Set(weighted.map((l) => l.params)).size, e.id).toBe(weighted.length);
      const order = [...weighted].sort((a, b) => b.params - a.params).map((l) => l.name);
      expect(e.response.correct, e.id).toEqual(order);
      expect(e.response.options.map((o) => o.id).sort(), e.id).toEqual([...order].sort());
      for (const o of e.response.options) {
        const l = weighted.find((x) => x.name === o.id)!;
        expect(o.label.en, e.id).toBe(`\`${l.name}\` — \`${l.type}(${l.call.join(', ')})\``);
      }
      expect(diagnoseOrder(e.response, order), e.id).toEqual({ verdict: 'right', inPlace: order.length });
      const reversed = [...order].reverse();
      expect(diagnoseOrder(e.response, reversed).verdict, e.id).toBe('wrong');
      expect(diagnoseOrder(e.response, order.slice(0, -1)).verdict, e.id).toBe('wrong');
    }
  });

  it('shows the model as code and the order nowhere before it is asked', () => {
    for (const e of exercises) {
      if (e.response.kind !== 'order') throw new Error(e.id);
      expect(e.prompt.en).not.toMatch(/conv2d|dense_/);
      expect(e.solution.en).toContain(e.response.correct.map((n) => `\`${n}\``).join(', '));
    }
  });
});

/** The table of a Keras 3 printout: each row's name, type, shape and printed Param #. */
function readSummary(text: string): { rows: { name: string; type: string; params: number; line: number }[]; total: number } {
  const lines = text.split('\n');
  const rows: { name: string; type: string; params: number; line: number }[] = [];
  let start = lines.findIndex((l) => l.startsWith('┡')) + 1;
  while (start > 0 && start < lines.length && lines[start]!.startsWith('│')) {
    let end = start;
    while (lines[end + 1]?.startsWith('│')) end++;
    const cells = lines.slice(start, end + 1).map((l) => l.split('│').map((c) => c.trim()));
    const first = cells
      .map((c) => c[1])
      .join(' ')
      .trim();
    const m = /^(\S+) \((\w+)\)$/.exec(first)!;
    rows.push({
      name: m[1]!,
      type: m[2]!,
      params: num(
        cells
          .map((c) => c[3])
          .join('')
          .trim(),
      ),
      line: start,
    });
    start = end + 2;
  }
  const total = num(/Total params: ([\d,]+)/.exec(text)![1]!);
  return { rows, total };
}

describe.each(['spot-wrong-row', 'spot-wrong-row-bn'])('%s', (id) => {
  const t = template(id);
  const exercises = SEEDS.map((seed) => generate(t, seed));

  it('prints every row but one at its hand count, and that one at the hand count with a named mistake', () => {
    const seen = new Set<string>();
    for (const e of exercises) {
      if (e.display?.kind !== 'summary' || !e.display.rows) throw new Error(e.id);
      const r = choiceOf(e);
      const input = /input is `\(None, ([\d, ]+)\)`/
        .exec(e.prompt.en)![1]!
        .split(',')
        .map((x) => Number(x.trim()));
      const printed = readSummary(e.display.text.en);
      // The calls: from the options' labels for layers with weights; pooling is read as `MaxPooling2D(2)` from its printed shape.
      const calls = printed.rows.map((row) => {
        const o = r.options.find((x) => x.id === row.name);
        if (o) {
          const m = /`\w+\(([\d, ]*)\)`$/.exec(o.label.en)!;
          return { type: row.type, args: m[1] === '' ? [] : m[1]!.split(',').map((x) => Number(x.trim())) };
        }
        return { type: row.type, args: row.type === 'MaxPooling2D' ? [2] : [] };
      });
      const hand = walk(input, calls);
      expect(
        hand.map((h) => h.name),
        e.id,
      ).toEqual(printed.rows.map((p) => p.name));
      expect(printed.total, e.id).toBe(hand.reduce((a, h) => a + h.params, 0));
      const off = printed.rows.filter((p, i) => p.params !== hand[i]!.params);
      expect(
        off.map((p) => p.name),
        e.id,
      ).toEqual([r.correct]);
      const i = printed.rows.findIndex((p) => p.name === r.correct);
      const h = hand[i]!;
      const imageChannels = input[input.length - 1]!;
      const mistaken: Record<string, number> = {};
      if (h.type === 'Conv2D') {
        const [f, k] = h.call as [number, number];
        mistaken['forgot-bias'] = conv(f, h.inChannels, k, false);
        mistaken['kernel-ignores-channels'] = conv(f, 1, k);
        mistaken['wrong-input-channels'] = conv(f, imageChannels, k);
      } else if (h.type === 'Dense') mistaken['forgot-bias'] = dense(h.call[0]!, h.inChannels, false);
      else if (h.type === 'BatchNormalization') mistaken['batch-norm-trainable-only'] = h.trainable;
      const named = Object.entries(mistaken).filter(([mid, v]) => v === printed.rows[i]!.params && t.mistakes.includes(mid));
      expect(named.length, e.id).toBeGreaterThan(0);
      expect(
        named.some(([mid]) => e.solution.en.includes(mistake(mid).title.en) && e.solution['zh-cn'].includes(mistake(mid).title['zh-cn'])),
        e.id,
      ).toBe(true);
      for (const [mid] of named) seen.add(mid);
      // The column no longer adds up to the printed total.
      expect(
        printed.rows.reduce((a, p) => a + p.params, 0),
        e.id,
      ).not.toBe(printed.total);
    }
    for (const mid of t.mistakes) expect(seen, `${id} never shows ${mid}`).toContain(mid);
  });

  it('keeps the table aligned and maps each option to its rows', () => {
    for (const e of exercises) {
      if (e.display?.kind !== 'summary' || !e.display.rows) throw new Error(e.id);
      const lines = e.display.text.en.split('\n');
      const table = lines.filter((l) => /^[┏┃┡│├└]/.test(l));
      expect(new Set(table.map((l) => [...l].length)).size, e.id).toBe(1);
      const r = choiceOf(e);
      expect(e.display.rows.map((x) => x.option).sort(), e.id).toEqual(r.options.map((o) => o.id).sort());
      for (const range of e.display.rows) {
        expect(lines[range.from], e.id).toMatch(new RegExp(`^│ ${range.option} `));
        for (let j = range.from; j <= range.to; j++) expect(lines[j]!.startsWith('│'), e.id).toBe(true);
        expect(lines[range.to + 1], e.id).toMatch(/^[├└]/);
      }
      checkChoiceDiagnosis(e, t.mistakes);
    }
  });
});

describe('a fixed spot-wrong-row variant against Keras', () => {
  it("prints Keras's MNIST-style numbers for the rows it leaves alone", () => {
    // docs/learner-mistakes.md: Conv2D(32, 3) on 28×28×1 has 320; Dense(128) after (5, 5, 64) has 204,928.
    expect(conv(32, 1, 3)).toBe(320);
    expect(dense(128, 5 * 5 * 64)).toBe(204_928);
    const e = SEEDS.map((s) => generate(template('spot-wrong-row'), s)).find(
      (x) => x.display?.text.en.includes('│ conv2d (Conv2D)') && x.prompt.en.includes('(None, 28, 28, 1)'),
    );
    if (e?.display) {
      const first = readSummary(e.display.text.en).rows[0]!;
      if (first.name !== choiceOf(e).correct && /Conv2D\(32, 3\)/.test(choiceOf(e).options.find((o) => o.id === 'conv2d')!.label.en))
        expect(first.params).toBe(320);
    }
  });
});

describe('Chinese text', () => {
  const ids = [
    'which-change-conv2d',
    'which-change-dense',
    'which-change-pooling',
    'predict-conv2d',
    'predict-dense',
    'predict-lstm',
    'order-by-size',
    'spot-wrong-row',
    'spot-wrong-row-bn',
  ];

  it('uses full-width punctuation and no space between two Chinese characters', () => {
    for (const id of ids) {
      for (const seed of SEEDS.slice(0, 60)) {
        const e = generate(template(id), seed);
        const r = e.response;
        const options = r.kind === 'choice' || r.kind === 'order' ? r.options : [];
        const notes = r.kind === 'predict' ? r.blank.mistakes.map((m) => m.note) : options.flatMap((o) => (o.note ? [o.note] : []));
        const texts = [
          e.prompt,
          e.solution,
          ...e.hints,
          ...options.map((o) => o.label),
          ...notes,
          ...(r.kind === 'predict' ? [r.slider.label] : []),
        ];
        for (const t of texts) {
          // Outside inline code: no half-width punctuation after Chinese or code, no space between Chinese characters.
          const prose = t['zh-cn'].replace(/`[^`]*`/g, 'C');
          expect(prose, `${e.id}: ${t['zh-cn']}`).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff]/);
          expect(prose, `${e.id}: ${t['zh-cn']}`).not.toMatch(/[\u4e00-\u9fffC][,:;?!]/);
        }
      }
    }
  });
});
