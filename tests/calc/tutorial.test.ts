/**
 * The tutorial's model, row by row: Conv2D(32) → MaxPooling2D → Conv2D(64) → MaxPooling2D →
 * Conv2D(64) → Flatten → Dense(64) → Dense(10) on 28×28×1 images. Every expected number is the
 * lesson's own hand arithmetic; the summary texts are Keras 3's (docs/summary-formats.md#printed-examples).
 */
import { describe, expect, it } from 'vitest';
import type { FunctionalModel, ModelLayer, SequentialModel } from '@calc/model.ts';
import { tensor } from '@calc/model.ts';
import { renderKeras3 } from '@calc/summary-keras3.ts';
import { summarize } from '@calc/summarize.ts';

const layers: ModelLayer[] = [
  { type: 'Conv2D', args: { filters: 32, kernel_size: [3, 3], activation: 'relu' } },
  { type: 'MaxPooling2D', args: { pool_size: [2, 2] } },
  { type: 'Conv2D', args: { filters: 64, kernel_size: [3, 3], activation: 'relu' } },
  { type: 'MaxPooling2D', args: { pool_size: [2, 2] } },
  { type: 'Conv2D', args: { filters: 64, kernel_size: [3, 3], activation: 'relu' } },
  { type: 'Flatten' },
  { type: 'Dense', args: { units: 64, activation: 'relu' } },
  { type: 'Dense', args: { units: 10 } },
];

/** The Sequential version, as the first lesson builds it. */
const sequential: SequentialModel = { kind: 'sequential', input: [null, 28, 28, 1], layers };

/** Keras 3's automatic names in a fresh session. */
const NAMES = ['input_layer', 'conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'conv2d_2', 'flatten', 'dense', 'dense_1'];

/** The same network through the Functional API: an InputLayer, then each layer called on the one before. */
const functional: FunctionalModel = {
  kind: 'functional',
  layers: [
    { layer: { type: 'InputLayer', name: NAMES[0]!, args: { batch_shape: [null, 28, 28, 1] } }, nodes: [] },
    ...layers.map((layer, i) => ({ layer: { ...layer, name: NAMES[i + 1]! }, nodes: [{ args: [tensor(NAMES[i]!)], kwargs: {} }] })),
  ],
  inputs: [tensor('input_layer')],
  outputs: [tensor('dense_1')],
};

/** What each row must say, worked out by hand the way the lessons do. */
const expected = [
  // 28 − 3 + 1 = 26; one 3×3 kernel per filter over 1 channel, plus a bias
  { name: 'conv2d', type: 'Conv2D', outputShape: [null, 28 - 3 + 1, 28 - 3 + 1, 32], params: 32 * (1 * 3 * 3 + 1) },
  // ⌊26 / 2⌋ = 13
  { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, Math.floor(26 / 2), Math.floor(26 / 2), 32], params: 0 },
  { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 13 - 3 + 1, 13 - 3 + 1, 64], params: 64 * (32 * 3 * 3 + 1) },
  // ⌊11 / 2⌋ = 5
  { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, Math.floor(11 / 2), Math.floor(11 / 2), 64], params: 0 },
  { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 5 - 3 + 1, 5 - 3 + 1, 64], params: 64 * (64 * 3 * 3 + 1) },
  { name: 'flatten', type: 'Flatten', outputShape: [null, 3 * 3 * 64], params: 0 },
  { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 64 * (576 + 1) },
  { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 10 * (64 + 1) },
];

const TOTAL = 320 + 0 + 18_496 + 0 + 36_928 + 0 + 36_928 + 650;

describe('the tutorial model as a Sequential', () => {
  const s = summarize(sequential);

  it('resolves without a diagnostic and is named "sequential"', () => {
    expect(s.error).toBeUndefined();
    expect(s.name).toBe('sequential');
  });

  it('reads 320, 0, 18,496, 0, 36,928, 0, 36,928, 650 down the Param # column', () => {
    expect(s.rows.map((r) => r.params)).toEqual([320, 0, 18_496, 0, 36_928, 0, 36_928, 650]);
  });

  it.each(expected.map((e, i) => [e.name, i, e] as const))('row %s: its shape and its count', (_name, i, e) => {
    const row = s.rows[i]!;
    expect({ name: row.name, type: row.type, outputShape: row.outputShape, params: row.params }).toEqual(e);
    expect(row.trainable).toBe(e.params);
    expect(row.nonTrainable).toBe(0);
  });

  it('Flatten turns 3 × 3 × 64 into 576 features', () => {
    expect(s.rows[5]!.outputShape).toEqual([null, 576]);
  });

  it('totals 93,322 parameters, all trainable, 93,322 × 4 bytes = 373,288 bytes', () => {
    expect(TOTAL).toBe(93_322);
    expect(s.totals).toMatchObject({ params: TOTAL, trainable: TOTAL, nonTrainable: 0, bytes: TOTAL * 4 });
  });
});

describe('the tutorial model through the Functional API', () => {
  const s = summarize(functional);

  it('adds an InputLayer row of (None, 28, 28, 1) and 0 params in front of the same rows', () => {
    expect(s.error).toBeUndefined();
    expect(s.rows[0]).toMatchObject({ name: 'input_layer', type: 'InputLayer', outputShape: [null, 28, 28, 1], params: 0 });
    expect(s.rows.slice(1).map((r) => ({ name: r.name, type: r.type, outputShape: r.outputShape, params: r.params }))).toEqual(expected);
  });

  it('is still sequential-like, so Keras draws three columns', () => {
    expect(s.sequentialLike).toBe(true);
  });

  it('totals the same 93,322', () => {
    expect(s.totals).toMatchObject({ params: TOTAL, trainable: TOTAL, nonTrainable: 0 });
  });
});

describe("the tutorial model's Keras 3 summary text (docs/summary-formats.md#printed-examples)", () => {
  it('matches Keras 3 at the default width of 76', () => {
    expect(renderKeras3(summarize(sequential))).toBe(SEQUENTIAL_76);
  });

  it('matches Keras 3 in a terminal at least 92 columns wide (line_length 88)', () => {
    expect(renderKeras3(summarize(sequential), { lineLength: 88 })).toBe(SEQUENTIAL_88);
  });

  it('matches Keras 3 for the Functional version, InputLayer row included', () => {
    expect(renderKeras3(summarize(functional))).toBe(FUNCTIONAL_76);
  });
});

// Verbatim Keras 3 output, as in docs/summary-formats.md#printed-examples.
const SEQUENTIAL_76 = `Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_2 (Conv2D)               │ (None, 3, 3, 64)       │        36,928 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ flatten (Flatten)               │ (None, 576)            │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense (Dense)                   │ (None, 64)             │        36,928 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_1 (Dense)                 │ (None, 10)             │           650 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 93,322 (364.54 KB)
 Trainable params: 93,322 (364.54 KB)
 Non-trainable params: 0 (0.00 B)
`;

const SEQUENTIAL_88 = `Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ conv2d (Conv2D)                      │ (None, 26, 26, 32)          │             320 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ max_pooling2d (MaxPooling2D)         │ (None, 13, 13, 32)          │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ conv2d_1 (Conv2D)                    │ (None, 11, 11, 64)          │          18,496 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ max_pooling2d_1 (MaxPooling2D)       │ (None, 5, 5, 64)            │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ conv2d_2 (Conv2D)                    │ (None, 3, 3, 64)            │          36,928 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ flatten (Flatten)                    │ (None, 576)                 │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense (Dense)                        │ (None, 64)                  │          36,928 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense_1 (Dense)                      │ (None, 10)                  │             650 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 93,322 (364.54 KB)
 Trainable params: 93,322 (364.54 KB)
 Non-trainable params: 0 (0.00 B)
`;

const FUNCTIONAL_76 = `Model: "functional"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ input_layer (InputLayer)        │ (None, 28, 28, 1)      │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_2 (Conv2D)               │ (None, 3, 3, 64)       │        36,928 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ flatten (Flatten)               │ (None, 576)            │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense (Dense)                   │ (None, 64)             │        36,928 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_1 (Dense)                 │ (None, 10)             │           650 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 93,322 (364.54 KB)
 Trainable params: 93,322 (364.54 KB)
 Non-trainable params: 0 (0.00 B)
`;
