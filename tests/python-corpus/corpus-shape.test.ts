/**
 * The corpus checked against itself: unique ids, rows that add up to the totals, arithmetic for
 * every row with parameters, and at least one entry for each form the reader must understand.
 * It does not run the reader; the reader's own test does that.
 */
import { describe, expect, it } from 'vitest';
import { corpus } from './corpus.ts';

const num = (s: string): number => Number(s.replace(/,/g, ''));

/** Each form of the brief, and how to recognise an entry that exercises it (by its code). */
const forms: [string, RegExp][] = [
  ['import keras', /^import keras$/m],
  ['from keras import layers, models, Input', /^from keras import layers, models, Input$/m],
  ['from tensorflow import keras', /^from tensorflow import keras$/m],
  ['import tensorflow as tf with tf.keras.layers.X', /tf\.keras\.layers\.\w+\(/],
  ['from tensorflow.keras.layers import Dense, Conv2D', /^from tensorflow\.keras\.layers import Dense, Conv2D/m],
  ['from keras.layers import *', /^from keras\.layers import \*$/m],
  ['import keras.layers as L', /^import keras\.layers as L$/m],
  ['module value num_classes', /^num_classes = 10$/m],
  ['module value input_shape', /^input_shape = \(28, 28, 1\)$/m],
  ['product of module values', /\w+ \* \w+ \* 64/],
  ['floor division', /\/\/ /],
  ['power', / \*\* \d/],
  ['tuple unpacking', /^\w+, \w+(, \w+)* = /m],
  ['f-string name', /name=f"/],
  ['string concatenation name', /name=\w+ \+ "|name="\w+" \+ /],
  ['list of arguments', /^\w+ = \[\d+, \d+/m],
  ['dict of arguments', /^\w+ = dict\(/m],
  ['**kwargs', /\*\*kwargs\)/],
  ['Sequential as a list', /Sequential\(\s*\[/],
  ['Sequential .add()', /\.add\(/],
  ['Sequential name=', /Sequential\([^)]*name=|\],\s*name="/],
  ['keras.Input first in a Sequential', /Sequential\(\s*\[\s*keras\.Input\(/],
  ['InputLayer', /InputLayer\((shape|batch_shape)=/],
  ['input_shape= on the first layer', /, input_shape=/],
  ['batch_shape (Keras 3 for batch_input_shape=)', /batch_shape=\(/],
  ['input_dim=', /input_dim=\d/],
  ['model.build((None, ...))', /\.build\(\(None, /],
  ['Sequential called on a tensor', /^y = model\(x\)$/m],
  ['functional chain x = Layer(...)(x)', /^x = layers\.Dense\(64[^\n]*\)\(x\)$/m],
  ['shared layer called twice', /^encoded_a = shared_embedding\(/m],
  ['layers.concatenate([...])', /layers\.concatenate\(\[/],
  ['layers.add([...])', /layers\.add\(\[/],
  ['Concatenate(axis=-1)([...])', /Concatenate\(axis=-1\)\(\[/],
  ['x + y', /= x \+ y$/m],
  ['x * 0.5', /\* 0\.5$/m],
  ['keras.Model(inputs=..., outputs=...)', /keras\.Model\(inputs=\w+, outputs=/],
  ['Model(inp, out)', /= Model\(inp, out\)/],
  ['several inputs and outputs as lists', /Model\(inputs=\[[^\]]+\], outputs=\[/],
  ['several inputs and outputs as dicts', /inputs=\{"/],
  ['model called as a layer', /^encoded_img = encoder\(/m],
  ['LSTM return_state unpacking', /^\w+, \w+, \w+ = encoder\(/m],
  ['Bidirectional(LSTM(...))', /Bidirectional\(layers\.LSTM\(/],
  ['TimeDistributed(...)', /TimeDistributed\(/],
  ['keras.applications', /applications\.\w+\(|import (VGG16|EfficientNetB0)$/m],
  ['helper function with return', /^def \w+\([^)]*=[^)]*\):\n(?:.*\n)*? {4}return /m],
  ['for over range', /for \w+ in range\(/],
  ['for over a literal list', /for [\w, ]+ in \[/],
  ['for over zip', /for [\w, ]+ in zip\(/],
  ['for over enumerate', /for \w+, \w+ in enumerate\(/],
  ['if on static values', /^ {4}if \w+( > 0)?:$/m],
  ['layer.trainable = False', /\w+\.trainable = False$/m],
  ['base.trainable = False', /base(_model)?\.trainable = False$/m],
  ['freeze a slice of base.layers', /for layer in base_model\.layers\[:\w+\]:/],
  ['custom Layer with add_weight', /self\.add_weight\(\s*shape=/],
];

describe('the Python corpus', () => {
  it('has at least 45 entries with unique kebab-case ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(45);
    const ids = corpus.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(forms)('covers the form: %s', (_label, pattern) => {
    expect(corpus.some((e) => pattern.test(e.code))).toBe(true);
  });

  it('has the classic MNIST CNN (93,322 parameters) in at least two styles', () => {
    const classic = corpus.filter(
      (e) =>
        e.expected.totals.params === 93_322 &&
        e.expected.rows
          .filter((r) => r.params > 0)
          .map((r) => r.params)
          .join() === '320,18496,36928,36928,650',
    );
    expect(new Set(classic.map((e) => e.form)).size).toBeGreaterThanOrEqual(2);
    expect(classic.some((e) => /Sequential/.test(e.code)) && classic.some((e) => /= Model\(/.test(e.code))).toBe(true);
  });

  describe.each(corpus.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const { totals, rows, name, models } = entry.expected;

    it('says where the form is used and gives a name and rows', () => {
      expect(entry.source).toMatch(/^https:\/\/(keras\.io|www\.tensorflow\.org)\/|^(Chollet|Géron), /);
      expect(entry.form.length).toBeGreaterThan(10);
      expect(name.length).toBeGreaterThan(0);
      expect(rows.length).toBeGreaterThan(0);
      if (models !== undefined) expect(models).toBeGreaterThan(1);
    });

    it('splits the total into trainable and non-trainable', () => {
      expect(totals.trainable + totals.nonTrainable).toBe(totals.params);
    });

    it('has rows that add up to the total', () => {
      expect(rows.reduce((n, r) => n + r.params, 0)).toBe(totals.params);
    });

    it('has unique row names and shapes with the batch axis first', () => {
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
      for (const r of rows) if (r.outputShape) expect(r.outputShape.length).toBeGreaterThanOrEqual(2);
    });

    it('works out every row with parameters, and the total, in its arithmetic', () => {
      const worked = new Map<string, number>();
      for (const segment of entry.arithmetic.split('; ')) {
        const head = segment.match(/^([\w.-]+): /);
        // The value a segment arrives at: its last "= n" (or ": n"), parentheses being remarks.
        const values = [...segment.replace(/\([^)]*\)/g, '').matchAll(/(?:= |: )([\d,]+)/g)];
        if (head && values.length > 0) worked.set(head[1]!, num(values[values.length - 1]![1]!));
      }
      for (const r of rows) if (r.params > 0) expect(worked.get(r.name), r.name).toBe(r.params);
      expect(worked.get('total')).toBe(totals.params);
    });
  });
});
