/**
 * The model lab's gallery (src/lab/gallery.ts): every entry's code, read by the Python reader as
 * the lab reads it, builds exactly one model whose totals are the ones worked out here by hand
 * (the small models) or published by Keras (the Applications). Both locales name every entry.
 */
import { describe, expect, it } from 'vitest';
import { readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import en from '@i18n/en/lab-gallery.json';
import zh from '@i18n/zh-cn/lab-gallery.json';
import { gallery } from '../../src/lab/gallery.ts';

interface Expected {
  total: number;
  trainable: number;
  nonTrainable: number;
  /** The parameter counts of the layers that have any, in summary order (hand-written models). */
  layers?: number[];
}

/** A model whose every weight trains: its layers' counts and their sum. */
const allTrainable = (layers: number[]): Expected => {
  const total = layers.reduce((a, b) => a + b, 0);
  return { total, trainable: total, nonTrainable: 0, layers };
};

// Conv2D: filters × (in_channels × kh × kw + 1); Dense: in × units + units;
// LSTM: 4 × (units × (in + units) + units); MultiHeadAttention (query dim 128, 4 heads of 32):
// query, key and value kernels 128 × 4 × 32 plus biases 4 × 32, output kernel 4 × 32 × 128 plus bias 128;
// LayerNormalization: gamma and beta, 2 × 128.
const expected: Record<string, Expected> = {
  'mnist-cnn': allTrainable([
    32 * (1 * 3 * 3 + 1), // 28 → 26, pooled to 13
    64 * (32 * 3 * 3 + 1), // 13 → 11, pooled to 5
    64 * (64 * 3 * 3 + 1), // 5 → 3
    3 * 3 * 64 * 64 + 64, // Flatten gives 3 × 3 × 64 = 576
    64 * 10 + 10,
  ]),
  'lenet-5': allTrainable([
    6 * (1 * 5 * 5 + 1), // 32 → 28, pooled to 14
    16 * (6 * 5 * 5 + 1), // 14 → 10, pooled to 5
    5 * 5 * 16 * 120 + 120, // Flatten gives 400
    120 * 84 + 84,
    84 * 10 + 10,
  ]),
  // The published Keras Applications totals (docs/applications.md, the table from keras.io/api/applications
  // and tf.keras printouts): VGG16 138,357,544; ResNet50 25,636,712 with 53,120 non-trainable (BatchNormalization's
  // moving mean and variance); MobileNetV2 (alpha 1.0, 224) 3,538,984 with 34,112 non-trainable.
  vgg16: { total: 138_357_544, trainable: 138_357_544, nonTrainable: 0 },
  resnet50: { total: 25_636_712, trainable: 25_583_592, nonTrainable: 53_120 },
  'mobilenet-v2': { total: 3_538_984, trainable: 3_504_872, nonTrainable: 34_112 },
  'lstm-text': allTrainable([
    20000 * 128, // Embedding: one 128-vector per word of the vocabulary
    4 * (64 * (128 + 64) + 64), // LSTM(64) on 128-vectors: three gates and the candidate
    64 * 1 + 1,
  ]),
  'transformer-encoder': allTrainable([
    3 * (128 * 4 * 32 + 4 * 32) + (4 * 32 * 128 + 128), // MultiHeadAttention
    2 * 128, // LayerNormalization
    128 * 256 + 256, // feed-forward Dense(256)
    256 * 128 + 128, // feed-forward Dense(128)
    2 * 128, // LayerNormalization
    128 * 2 + 2, // classifier on GlobalAveragePooling1D's 128
  ]),
  // keras.io's published summary for this example says 34,826 in all.
  'keras-io-mnist-convnet': allTrainable([
    32 * (1 * 3 * 3 + 1), // 28 → 26, pooled to 13
    64 * (32 * 3 * 3 + 1), // 13 → 11, pooled to 5
    5 * 5 * 64 * 10 + 10, // Flatten gives 1,600; Dropout adds nothing
  ]),
};

const ids = gallery.map((e) => e.id);

describe('the gallery', () => {
  it('has the eight entries in order, ids unique', () => {
    expect(ids).toEqual([
      'mnist-cnn',
      'lenet-5',
      'vgg16',
      'resnet50',
      'mobilenet-v2',
      'lstm-text',
      'transformer-encoder',
      'keras-io-mnist-convnet',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a figure written in this test for every entry', () => {
    expect(Object.keys(expected).sort()).toEqual([...ids].sort());
    // the totals the brief and keras.io's published summary give, against the arithmetic above
    expect(expected['mnist-cnn']!.total).toBe(93_322);
    expect(expected['keras-io-mnist-convnet']!.total).toBe(34_826);
    expect(expected['lenet-5']!.total).toBe(156 + 2_416 + 48_120 + 10_164 + 850);
  });

  it.each(gallery.map((e) => [e.id, e] as const))('%s: a complete script of 10–40 lines', (_id, e) => {
    const lines = e.code.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(e.code).toMatch(/^import keras$/m);
    expect(lines.at(-1)).toBe('model.summary()');
    expect(e.code).not.toMatch(/\b(?:load_data|fit|compile|evaluate|predict)\(/);
  });

  it.each(gallery.map((e) => [e.id, e] as const))('%s: reads into exactly one model with the expected totals', (id, e) => {
    const read = readPython(e.code, { dialect: 'keras3' });
    if (!read.ok) throw new Error(`${read.error.line}:${read.error.column} ${read.error.message}`);
    const { models, main, notes } = read.value;
    expect(notes).toEqual([]);
    expect(models).toHaveLength(1);
    expect(main).toBe(0);
    const shown = models[0]!;
    expect(shown.problem).toBeUndefined();
    expect(shown.variable).toBe('model');
    const summary = summarize(shown.model);
    expect(summary.error).toBeUndefined();
    const want = expected[id]!;
    expect([summary.totals.params, summary.totals.trainable, summary.totals.nonTrainable]).toEqual([
      want.total,
      want.trainable,
      want.nonTrainable,
    ]);
    if (want.layers) expect(summary.rows.filter((r) => r.params > 0).map((r) => r.params)).toEqual(want.layers);
  });

  it('names where code not written for this site comes from, in the code too', () => {
    for (const e of gallery) {
      if (!e.source) continue;
      expect(e.source.url).toMatch(/^https:\/\//);
      expect(e.source.license).not.toBe('');
      expect(e.code).toContain(e.source.url);
      expect(e.code).toContain('Apache License 2.0');
    }
    expect(gallery.find((e) => e.id === 'keras-io-mnist-convnet')?.source?.license).toBe('Apache-2.0');
  });
});

describe('the gallery strings', () => {
  const dictionaries = { en: en.entries, 'zh-cn': zh.entries } as Record<string, Record<string, { title: string; blurb: string }>>;

  it.each(Object.entries(dictionaries))('%s names exactly the gallery ids, each with a title and a blurb', (_locale, entries) => {
    expect(Object.keys(entries).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(entries[id]!.title.trim(), id).not.toBe('');
      expect(entries[id]!.blurb.trim(), id).not.toBe('');
    }
  });

  it('Chinese: no run of two Latin words and no half-width punctuation outside backticks', () => {
    for (const [id, { title, blurb }] of Object.entries(dictionaries['zh-cn']!)) {
      for (const text of [title, blurb]) {
        const prose = text.replace(/`[^`]*`/g, '');
        expect(prose, id).not.toMatch(/[A-Za-z][\w.-]*[ \t]+[A-Za-z]/);
        expect(prose, id).not.toMatch(/[,:;()?!"]/);
      }
    }
  });
});
