/**
 * The whole-model templates: over many seeds, each answer and each mistake's value equals a hand
 * count written here (Conv2D f × (c × k × k + 1), Dense u × (n + 1), the valid and pooling floors,
 * Flatten's product, a shared layer counted once), walked layer by layer through the model the
 * exercise shows — never the engine's numbers. The hand walk is checked first against the Keras
 * example's MNIST network (93,322 parameters, as Keras prints it).
 */
import { describe, expect, test } from 'vitest';
import type { FunctionalModel, ModelLayer, SequentialModel } from '@calc/basics.ts';
import { summarize } from '@calc/engine.ts';
import { renderKeras3 } from '@calc/render.ts';
import { diagnoseBlank, diagnoseChoice, draftProblem, generate } from '@exercises/generate.ts';
import { rng } from '@exercises/rng.ts';
import { drawLargest, findFilters, findUnits, largestLayer, modelTotal, sharedLayerTotal } from '@exercises/templates/models.ts';
import {
  drawSummaryBytes,
  drawSummaryCells,
  drawSummaryMissingRow,
  drawSummaryTotals,
  summaryBytes,
  summaryCells,
  summaryMissingRow,
  summaryTotals,
} from '@exercises/templates/models-summary.ts';
import type { Blank, Draft, Exercise, Rng, Template } from '@exercises/types.ts';

const SEEDS = Array.from({ length: 220 }, (_, i) => i * 104729 + 11);

type Dims = (number | null)[];

interface HandRow {
  name: string;
  type: string;
  input: number[];
  output: number[];
  params: number;
  /** Without biases. */
  noBias: number;
  /** A Conv2D counted as if it read the image's channels. */
  onImage: number;
  trainable: boolean;
}

const snake: Record<string, string> = {
  Conv2D: 'conv2d',
  MaxPooling2D: 'max_pooling2d',
  Flatten: 'flatten',
  Dropout: 'dropout',
  Dense: 'dense',
};

/** Keras's rules, by hand: shapes without the batch axis, counts per layer, names `conv2d`, `conv2d_1`… */
function handWalk(model: SequentialModel): HandRow[] {
  let shape = (model.input ?? []).slice(1) as number[];
  const image = shape[shape.length - 1]!;
  const counters = new Map<string, number>();
  return model.layers.map((layer: ModelLayer) => {
    const a = (layer.args ?? {}) as Record<string, number>;
    const prefix = snake[layer.type]!;
    const n = counters.get(prefix) ?? 0;
    counters.set(prefix, n + 1);
    const name = n === 0 ? prefix : `${prefix}_${n}`;
    const input = shape;
    let params = 0;
    let noBias = 0;
    let onImage = 0;
    switch (layer.type) {
      case 'Conv2D': {
        const [h, w, c] = input as [number, number, number];
        const k = a.kernel_size!;
        params = a.filters! * (c * k * k + 1);
        noBias = a.filters! * c * k * k;
        onImage = a.filters! * (image * k * k + 1);
        shape = [h - k + 1, w - k + 1, a.filters!];
        break;
      }
      case 'MaxPooling2D': {
        const [h, w, c] = input as [number, number, number];
        const p = a.pool_size!;
        shape = [Math.floor((h - p) / p) + 1, Math.floor((w - p) / p) + 1, c];
        break;
      }
      case 'Flatten':
        shape = [input.reduce((x, y) => x * y, 1)];
        break;
      case 'Dropout':
        break;
      case 'Dense': {
        const features = input[input.length - 1]!;
        params = a.units! * (features + 1);
        noBias = a.units! * features;
        onImage = params;
        shape = [...input.slice(0, -1), a.units!];
        break;
      }
      default:
        throw new Error(`hand walk: no rule for ${layer.type}`);
    }
    if (layer.type !== 'Conv2D') onImage = params;
    return { name, type: layer.type, input, output: shape, params, noBias, onImage, trainable: layer.trainable !== false };
  });
}

const sum = (xs: number[]): number => xs.reduce((x, y) => x + y, 0);
const handTotal = (rows: HandRow[]): number => sum(rows.map((r) => r.params));

/** The forms a reader may type a count in. */
const typings = (n: number): string[] => [
  String(n),
  n.toLocaleString('en-US'),
  n.toLocaleString('en-US').replace(/,/g, ' '),
  n.toLocaleString('en-US').replace(/,/g, '\u202f'),
];

function onlyBlank(ex: Exercise | Draft): Blank {
  if (ex.response.kind !== 'blanks' || ex.response.blanks.length !== 1) throw new Error('one blank expected');
  return ex.response.blanks[0]!;
}

/** The answer typed every way is right; each mistake's value is its hand value and names it. */
function checkCount(blank: Blank, answer: number, hand: Record<string, number | undefined>, label: string): void {
  expect(blank.expected, label).toEqual({ kind: 'count', value: answer });
  for (const t of typings(answer)) expect(diagnoseBlank(blank, t), `${label} typed ${t}`).toEqual({ verdict: 'right' });
  for (const m of blank.mistakes) {
    expect(Object.keys(hand), `${label}: unexpected mistake ${m.mistake}`).toContain(m.mistake);
    expect(m.value, `${label}: ${m.mistake}`).toBe(hand[m.mistake]);
    const d = diagnoseBlank(blank, (m.value as number).toLocaleString('en-US'));
    expect(d.verdict === 'wrong' && d.mistake?.mistake, label).toBe(m.mistake);
    expect(m.note['zh-cn']).toMatch(/[\u4e00-\u9fff]/);
  }
}

/** The draw generate() keeps for a seed, with the model the draft was made from. */
function keptDraw<T extends { draft: Draft }>(seed: number, draw: (r: Rng) => T | null): T {
  const random = rng(seed);
  for (let i = 0; i < 200; i++) {
    const got = draw(random);
    if (got && draftProblem(got.draft) === null) return got;
  }
  throw new Error(`seed ${seed}: no usable draw`);
}

function sequentialOf(ex: Exercise): SequentialModel {
  if (ex.about?.kind !== 'model' || ex.about.model.kind !== 'sequential') throw new Error(`${ex.id}: no Sequential model in about`);
  return ex.about.model;
}

const MNIST: SequentialModel = {
  kind: 'sequential',
  input: [null, 28, 28, 1],
  layers: [
    { type: 'Conv2D', args: { filters: 32, kernel_size: 3 } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } },
    { type: 'Flatten' },
    { type: 'Dense', args: { units: 64 } },
    { type: 'Dense', args: { units: 10 } },
  ],
};

describe('whole-model templates', () => {
  test('the hand walk gives the Keras example’s MNIST numbers', () => {
    const rows = handWalk(MNIST);
    expect(rows.map((r) => r.params)).toEqual([320, 0, 18496, 0, 36928, 0, 36928, 650]);
    expect(handTotal(rows)).toBe(93322);
    expect(rows.map((r) => r.name)).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'flatten',
      'dense',
      'dense_1',
    ]);
  });

  test('model-total: the sum of hand counts; no biases and convolutions on the image’s channels as the mistakes', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const ex = generate(modelTotal, seed);
      const model = sequentialOf(ex);
      const rows = handWalk(model);
      const blank = onlyBlank(ex);
      checkCount(
        blank,
        handTotal(rows),
        { 'forgot-bias': sum(rows.map((r) => r.noBias)), 'wrong-input-channels': sum(rows.map((r) => r.onImage)) },
        ex.id,
      );
      for (const m of blank.mistakes) seen.add(m.mistake);
      expect(ex.display?.kind).toBe('code');
      expect(ex.display?.text.en).toContain('keras.Sequential');
    }
    expect([...seen].sort()).toEqual([...modelTotal.mistakes].sort());
  });

  test('shared-layer-total: the shared Dense counted once; counted twice and no biases as the mistakes', () => {
    for (const seed of SEEDS) {
      const ex = generate(sharedLayerTotal, seed);
      if (ex.about?.kind !== 'model' || ex.about.model.kind !== 'functional') throw new Error('functional model expected');
      const model: FunctionalModel = ex.about.model;
      const args = (name: string): Record<string, unknown> => model.layers.find((l) => l.layer.name === name)!.layer.args ?? {};
      const features = (args('input_layer').batch_shape as number[])[1]!;
      const units = args('dense').units as number;
      const merge = model.layers.find((l) => l.layer.type === 'Concatenate' || l.layer.type === 'Add')!.layer.type;
      const shared = units * (features + 1);
      let width = merge === 'Concatenate' ? 2 * units : units;
      let total = shared;
      let noBias = units * features;
      for (const name of ['dense_1', 'dense_2']) {
        if (!model.layers.some((l) => l.layer.name === name)) continue;
        const u = args(name).units as number;
        total += u * (width + 1);
        noBias += u * width;
        width = u;
      }
      // The code calls the one `dense` object on both inputs.
      expect(ex.display?.text.en).toMatch(/dense\(input_layer\)[\s\S]*dense\(input_layer_1\)/);
      checkCount(onlyBlank(ex), total, { 'shared-layer-twice': total + shared, 'forgot-bias': noBias }, ex.id);
    }
  });

  test('largest-layer: the hand argmax; wrong options carry the mistake under which they would be largest', () => {
    let marked = 0;
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const ex = generate(largestLayer, seed);
      const { draft, model } = keptDraw(seed, drawLargest);
      expect(draft.response).toEqual(ex.response);
      if (ex.response.kind !== 'choice') throw new Error('choice expected');
      const rows = handWalk(model).filter((r) => r.params > 0);
      const argmax = (values: number[]): string => {
        const max = Math.max(...values);
        expect(values.filter((v) => v === max)).toHaveLength(1);
        return rows[values.indexOf(max)]!.name;
      };
      expect(ex.response.correct).toBe(argmax(rows.map((r) => r.params)));
      expect(ex.response.options.map((o) => o.id).sort()).toEqual(rows.map((r) => r.name).sort());
      expect(diagnoseChoice(ex.response, ex.response.correct)).toEqual({ verdict: 'right' });
      for (const o of ex.response.options.filter((x) => x.mistake)) {
        marked++;
        seen.add(o.mistake!);
        const all = handWalk(model);
        const flattenAt = all.findIndex((r) => r.type === 'Flatten');
        const afterFlatten = all.find((r, i) => i > flattenAt && r.params > 0)!;
        if (o.mistake === 'image-size-and-params')
          expect(argmax(rows.map((r) => (r.type === 'Conv2D' ? r.params * r.input[0]! * r.input[1]! : r.params)))).toBe(o.id);
        else if (o.mistake === 'flatten-size') {
          const channels = all[flattenAt]!.input[2]!;
          const units = afterFlatten.output[0]!;
          expect(argmax(rows.map((r) => (r.name === afterFlatten.name ? units * (channels + 1) : r.params)))).toBe(o.id);
        } else throw new Error(`unexpected mistake ${o.mistake}`);
        const d = diagnoseChoice(ex.response, o.id);
        expect(d.verdict === 'wrong' && d.mistake?.mistake).toBe(o.mistake);
      }
    }
    expect(marked).toBeGreaterThan(20);
    expect([...seen].sort()).toEqual([...largestLayer.mistakes].sort());
  });

  test('find-units: u × (n + 1) = count; count / n as the forgot-bias answer when it is whole', () => {
    let withMistake = 0;
    for (const seed of SEEDS) {
      const ex = generate(findUnits, seed);
      const m = /receives `\(None, (\d+)\)` and has ([\d,]+) parameters/.exec(ex.prompt.en);
      if (!m) throw new Error(ex.prompt.en);
      const n = Number(m[1]);
      const count = Number(m[2]!.replace(/,/g, ''));
      expect(count % (n + 1)).toBe(0);
      const hand: Record<string, number | undefined> = { 'forgot-bias': count % n === 0 ? count / n : undefined };
      checkCount(onlyBlank(ex), count / (n + 1), hand, ex.id);
      if (hand['forgot-bias'] !== undefined) {
        expect(onlyBlank(ex).mistakes.map((x) => x.mistake)).toEqual(['forgot-bias']);
        withMistake++;
      }
      expect(ex.about).toBeUndefined();
    }
    expect(withMistake).toBeGreaterThan(10);
  });

  test('find-filters: f × (c × k × k + 1) = count; no bias and one channel as the mistakes when whole', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const ex = generate(findFilters, seed);
      const m = /`Conv2D\(\?, (\d+)\)` receives `\(None, \d+, \d+, (\d+)\)` and has ([\d,]+) parameters/.exec(ex.prompt.en);
      if (!m) throw new Error(ex.prompt.en);
      const k = Number(m[1]);
      const c = Number(m[2]);
      const count = Number(m[3]!.replace(/,/g, ''));
      const per = c * k * k + 1;
      expect(count % per).toBe(0);
      const whole = (d: number): number | undefined => (count % d === 0 && count / d <= 1024 ? count / d : undefined);
      const hand = { 'forgot-bias': whole(c * k * k), 'kernel-ignores-channels': c === 1 ? undefined : whole(k * k + 1) };
      checkCount(onlyBlank(ex), count / per, hand, ex.id);
      for (const x of onlyBlank(ex).mistakes) seen.add(x.mistake);
    }
    expect([...seen].sort()).toEqual([...findFilters.mistakes].sort());
  });

  test('summary-cells: the blanks filled with the answers give the engine’s printout; values by hand', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const ex = generate(summaryCells, seed);
      const { draft, model } = keptDraw(seed, drawSummaryCells);
      expect(draft.display).toEqual(ex.display);
      if (ex.response.kind !== 'blanks' || !ex.display) throw new Error('blanks and a display expected');
      const rows = handWalk(model);
      const image = (model.input ?? [])[3] as number;
      // Fill each ▢ in reading order with the next blank's answer, padded as the cell is justified.
      let i = 0;
      const filled = ex.display.text.en
        .split('\n')
        .map((line) => {
          if (!line.includes('▢')) return line;
          const blank = ex.response.kind === 'blanks' ? ex.response.blanks[i++]! : undefined;
          const v = blank!.expected;
          if (v.kind === 'count') return line.replace(/ *▢/, (m) => v.value.toLocaleString('en-US').padStart(m.length));
          const text = `(${(v.value as Dims).map((d) => (d === null ? 'None' : d)).join(', ')})`;
          return line.replace(/▢ */, (m) => text.padEnd(m.length));
        })
        .join('\n');
      expect(i).toBe(ex.response.blanks.length);
      expect(filled).toBe(renderKeras3(summarize(model)));
      for (const blank of ex.response.blanks) {
        const name = blank.id.replace(/-(params|shape)$/, '');
        const row = rows.find((r) => r.name === name)!;
        expect(blank.label?.en).toContain(name);
        for (const m of blank.mistakes) seen.add(m.mistake);
        if (blank.id.endsWith('-params')) {
          checkCount(blank, row.params, { 'forgot-bias': row.noBias, 'wrong-input-channels': row.onImage }, `${ex.id} ${blank.id}`);
          if (row.type === 'Conv2D' && row.input[2] !== image)
            expect(blank.mistakes.map((m) => m.mistake)).toContain('wrong-input-channels');
        } else {
          expect(blank.expected).toEqual({ kind: 'shape', value: [null, ...row.output] });
          const [h, w, c] = row.input as [number, number, number];
          const a = (model.layers[rows.indexOf(row)]!.args ?? {}) as Record<string, number>;
          const hand: Record<string, Dims> =
            row.type === 'Conv2D'
              ? { 'valid-as-same': [null, h, w, a.filters!] }
              : {
                  'pool-stride-default': [null, h - a.pool_size! + 1, w - a.pool_size! + 1, c],
                  'ceil-not-floor': [
                    null,
                    Math.ceil((h - a.pool_size!) / a.pool_size!) + 1,
                    Math.ceil((w - a.pool_size!) / a.pool_size!) + 1,
                    c,
                  ],
                };
          for (const m of blank.mistakes) {
            expect(m.value).toEqual(hand[m.mistake]);
            const typed = (m.value as Dims).slice(1).join('x');
            const d = diagnoseBlank(blank, typed);
            expect(d.verdict === 'wrong' && d.mistake?.mistake).toBe(m.mistake);
          }
          for (const t of [`(None, ${row.output.join(', ')})`, row.output.join('x'), row.output.join('×'), `[${row.output.join(', ')}]`])
            expect(diagnoseBlank(blank, t)).toEqual({ verdict: 'right' });
        }
      }
    }
    expect([...seen].sort()).toEqual([...summaryCells.mistakes].sort());
  });

  test('summary-totals: Total is the sum of the rows, Trainable the total less the frozen layer', () => {
    let frozen = 0;
    for (const seed of SEEDS) {
      const ex = generate(summaryTotals, seed);
      const { draft, model } = keptDraw(seed, drawSummaryTotals);
      expect(draft.display).toEqual(ex.display);
      if (ex.response.kind !== 'blanks' || !ex.display) throw new Error('blanks and a display expected');
      const rows = handWalk(model);
      const total = handTotal(rows);
      const trainable = sum(rows.filter((r) => r.trainable).map((r) => r.params));
      const [totalBlank, trainableBlank] = ex.response.blanks;
      checkCount(totalBlank!, total, {}, `${ex.id} total`);
      checkCount(trainableBlank!, trainable, trainable === total ? {} : { 'frozen-still-trainable': total }, `${ex.id} trainable`);
      if (trainable !== total) {
        frozen++;
        expect(trainableBlank!.mistakes).toHaveLength(1);
      }
      // Filled in, the footer is Keras's without the memory sizes of the two hidden lines.
      const filled = ex.display.text.en
        .replace(' Total params: ▢', ` Total params: ${total.toLocaleString('en-US')}`)
        .replace(' Trainable params: ▢', ` Trainable params: ${trainable.toLocaleString('en-US')}`);
      const printed = renderKeras3(summarize(model)).replace(/^( (?:Total|Trainable) params: [\d,]+) \(.*\)$/gm, '$1');
      expect(filled).toBe(printed);
    }
    expect(frozen).toBeGreaterThan(20);
  });

  test('summary-missing-row: the hidden Param # is the total less the other rows; filled, the printout is Keras’s', () => {
    for (const seed of SEEDS) {
      const ex = generate(summaryMissingRow, seed);
      const { draft, model } = keptDraw(seed, drawSummaryMissingRow);
      expect(draft.display).toEqual(ex.display);
      if (!ex.display) throw new Error('a display expected');
      const rows = handWalk(model);
      const blank = onlyBlank(ex);
      const row = rows.find((r) => `${r.name}-params` === blank.id)!;
      checkCount(blank, handTotal(rows) - sum(rows.filter((r) => r !== row).map((r) => r.params)), {}, ex.id);
      expect(blank.expected.value).toBe(row.params);
      const filled = ex.display.text.en.replace(/ *▢/, (m) => row.params.toLocaleString('en-US').padStart(m.length));
      expect(filled).toBe(renderKeras3(summarize(model)));
    }
  });

  test('summary-bytes: Total params × 4 bytes; filled, the sizes are Keras’s KB figure', () => {
    for (const seed of SEEDS) {
      const ex = generate(summaryBytes, seed);
      const { draft, model } = keptDraw(seed, drawSummaryBytes);
      expect(draft.display).toEqual(ex.display);
      if (!ex.display) throw new Error('a display expected');
      const total = handTotal(handWalk(model));
      checkCount(onlyBlank(ex), total * 4, {}, ex.id);
      // Keras's figure: bytes / 1024 with two decimals, in KB (or MB past 1,024 KB).
      const kb = (total * 4) / 1024;
      const figure = kb >= 1024 ? `${(kb / 1024).toFixed(2)} MB` : `${kb.toFixed(2)} KB`;
      const filled = ex.display.text.en.replaceAll('(▢)', `(${figure})`);
      expect(filled).toBe(renderKeras3(summarize(model)));
    }
  });

  test('every template here is generated the same way from the same seed', () => {
    const all: Template[] = [
      modelTotal,
      sharedLayerTotal,
      largestLayer,
      findUnits,
      findFilters,
      summaryCells,
      summaryTotals,
      summaryMissingRow,
      summaryBytes,
    ];
    for (const t of all) expect(generate(t, 12345)).toEqual(generate(t, 12345));
  });
});
