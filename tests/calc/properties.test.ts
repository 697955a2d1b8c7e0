/**
 * Properties that hold for every model, checked over random ones (fast-check, fixed seeds):
 * counts add up, formulas agree with weights, the conv and pooling length rules hold, and no
 * input — however wrong — makes the engine throw instead of answering with a diagnostic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '@calc/explain.ts';
import type { SequentialModel } from '@calc/model.ts';
import { knownTypes } from '@calc/layers/index.ts';
import { resolveLayer, summarize, type Summary } from '@calc/summarize.ts';
import { shapeList } from '@calc/text.ts';
import type { Shape } from '@calc/types.ts';
import { slide, stackFrom, stackMaterial, upTo, type Candidate, type StackMaterial } from '../oracle/random-stacks.ts';

const SEED = 20_240_613;

/** Keras-only layers (absent from or different in tfjs) that random stacks may also use. */
const KERAS_ONLY: Record<number, Candidate[]> = {
  1: [
    (_, s) => ({ layer: { type: 'PReLU', args: {} }, next: s }),
    (_, s) => ({ layer: { type: 'UnitNormalization', args: {} }, next: s }),
    (p, [d]) => ({ layer: { type: 'GroupNormalization', args: { groups: p.flag ? d! : 1, center: p.a % 2 === 0 } }, next: [d!] }),
    (_, s) => ({ layer: { type: 'Normalization', args: {} }, next: s }),
    (p) => ({
      layer: { type: 'EinsumDense', args: { equation: 'ab,bc->ac', output_shape: upTo(p.a, 8), bias_axes: p.flag ? 'c' : null } },
      next: [upTo(p.a, 8)],
    }),
    (p, s) => ({ layer: { type: 'LeakyReLU', args: { negative_slope: (p.a % 10) / 10 } }, next: s }),
  ],
  2: [
    (p, [t]) => ({
      layer: { type: 'GRU', args: { units: upTo(p.a, 8), return_sequences: p.flag } },
      next: p.flag ? [t!, upTo(p.a, 8)] : [upTo(p.a, 8)],
    }),
    (p, [t]) => {
      const k = upTo(p.b, 3);
      const s = upTo(p.c, 2);
      return {
        layer: { type: 'Conv1DTranspose', args: { filters: upTo(p.a, 4), kernel_size: k, strides: s } },
        next: [(t! - 1) * s + Math.max(k, s), upTo(p.a, 4)],
      };
    },
    (p, [t]) => {
      const k = upTo(p.b, 3);
      return k > t!
        ? undefined
        : { layer: { type: 'SeparableConv1D', args: { filters: upTo(p.a, 4), kernel_size: k } }, next: [t! - k + 1, upTo(p.a, 4)] };
    },
    (p, [t, c]) => {
      const k = upTo(p.b, 3);
      return k > t!
        ? undefined
        : {
            layer: { type: 'DepthwiseConv1D', args: { kernel_size: k, depth_multiplier: upTo(p.a, 2) } },
            next: [t! - k + 1, c! * upTo(p.a, 2)],
          };
    },
    (p, [t, c]) => ({ layer: { type: 'ZeroPadding1D', args: { padding: p.a % 3 } }, next: [t! + 2 * (p.a % 3), c!] }),
    (_, [t, c]) => (t! > 2 ? { layer: { type: 'Cropping1D', args: { cropping: [1, 1] } }, next: [t! - 2, c!] } : undefined),
    (p, [t, c]) => ({ layer: { type: 'UpSampling1D', args: { size: upTo(p.a, 3) } }, next: [t! * upTo(p.a, 3), c!] }),
    (p, [t]) => ({
      layer: { type: 'Conv1D', args: { filters: upTo(p.a, 4), kernel_size: upTo(p.b, 4), padding: 'causal' } },
      next: [t!, upTo(p.a, 4)],
    }),
  ],
  3: [
    (_, s) => ({ layer: { type: 'SpatialDropout2D', args: { rate: 0.5 } }, next: s }),
    (p, [h, w, c]) => {
      const groups = p.flag && c! % 2 === 0 ? 2 : 1;
      const filters = groups * upTo(p.a, 4);
      return { layer: { type: 'Conv2D', args: { filters, kernel_size: 1, groups } }, next: [h!, w!, filters] };
    },
    (_, [, , c]) => ({ layer: { type: 'GlobalAveragePooling2D', args: { keepdims: true } }, next: [1, 1, c!] }),
    (p, [h, w]) => {
      if (h! > 12 || w! > 12) return undefined;
      const k = 3;
      const op = p.a % 2;
      return {
        layer: { type: 'Conv2DTranspose', args: { filters: 2, kernel_size: k, strides: 2, padding: 'same', output_padding: op } },
        next: [(h! - 1) * 2 + (k % 2) + op, (w! - 1) * 2 + (k % 2) + op, 2],
      };
    },
    (p, [h, w]) => {
      const k = 3;
      const d = upTo(p.a, 2);
      const span = d * (k - 1) + 1;
      if (span > h! || span > w!) return undefined;
      return {
        layer: { type: 'Conv2D', args: { filters: 3, kernel_size: k, dilation_rate: d } },
        next: [slide(h!, span, 1, false), slide(w!, span, 1, false), 3],
      };
    },
  ],
};

/** A random valid Sequential, some of its layers frozen. */
function modelFrom(m: StackMaterial): SequentialModel {
  const stack = stackFrom(m, KERAS_ONLY);
  return {
    kind: 'sequential',
    input: [null, ...stack.input],
    layers: stack.layers.map((l, i) => ({ ...l, ...(m.picks[i]!.c % 5 === 0 ? { trainable: false } : {}) })),
  };
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

describe('over random valid Sequential stacks', () => {
  const check = (property: (s: Summary, m: SequentialModel) => void): void =>
    fc.assert(
      fc.property(stackMaterial, (material) => {
        const model = modelFrom(material);
        const s = summarize(model);
        expect(s.error, JSON.stringify(model)).toBeUndefined();
        property(s, model);
      }),
      { seed: SEED, numRuns: 300 },
    );

  it('every count is a whole number ≥ 0', () => {
    check((s) => {
      for (const r of s.rows) expect([r.params, r.trainable, r.nonTrainable].every(isCount)).toBe(true);
      expect([s.totals.params, s.totals.trainable, s.totals.nonTrainable].every(isCount)).toBe(true);
    });
  });

  it('the rows sum to the totals', () => {
    check((s) => {
      const sum = (k: 'params' | 'trainable' | 'nonTrainable'): number => s.rows.reduce((n, r) => n + r[k], 0);
      expect({ params: sum('params'), trainable: sum('trainable'), nonTrainable: sum('nonTrainable') }).toEqual({
        params: s.totals.params,
        trainable: s.totals.trainable,
        nonTrainable: s.totals.nonTrainable,
      });
    });
  });

  it('trainable + non-trainable = params, for every row and for the totals', () => {
    check((s) => {
      for (const r of s.rows) expect(r.trainable + r.nonTrainable).toBe(r.params);
      expect(s.totals.trainable + s.totals.nonTrainable).toBe(s.totals.params);
    });
  });

  it("a row's params are the sum of its weights' sizes, and a frozen layer has nothing trainable", () => {
    check((s, m) => {
      s.rows.forEach((r, i) => {
        expect(r.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0)).toBe(r.params);
        if (m.layers[i]!.trainable === false) expect(r.trainable).toBe(0);
      });
    });
  });

  it("each row's formula evaluates to its params", () => {
    check((s) => {
      for (const r of s.rows) if (r.formula) expect(evaluate(r.formula), `${r.name} (${r.type})`).toBe(r.params);
    });
  });

  it('every output dimension is a whole number ≥ 1 (these inputs are fully known)', () => {
    check((s) => {
      for (const r of s.rows)
        for (const shape of shapeList(r.outputShape ?? []))
          for (const d of shape.slice(1)) expect(d !== null && Number.isInteger(d) && d >= 1).toBe(true);
    });
  });
});

/** One axis of a window: length, kernel/pool, stride, dilation. */
const axis = fc
  .record({
    n: fc.integer({ min: 1, max: 200 }),
    k: fc.integer({ min: 1, max: 10 }),
    s: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 1, max: 4 }),
  })
  .map((a) => (a.s > 1 ? { ...a, d: 1 } : a));

/** Several axes; Keras refuses any stride > 1 together with any dilation > 1, so never both. */
const axes = (rank: number): fc.Arbitrary<{ n: number; k: number; s: number; d: number }[]> =>
  fc
    .array(axis, { minLength: rank, maxLength: rank })
    .map((list) => (list.some((a) => a.s > 1) ? list.map((a) => ({ ...a, d: 1 })) : list));

describe('the window arithmetic of docs/output-lengths.md', () => {
  for (const rank of [1, 2, 3]) {
    it(`Conv${rank}D: 'same' gives ⌈n/s⌉, 'valid' gives ⌊(n − d(k−1) − 1)/s⌋ + 1, or a diagnostic when that is ≤ 0`, () => {
      fc.assert(
        fc.property(axes(rank), fc.constantFrom('same', 'valid'), (list, padding) => {
          const args = {
            filters: 2,
            kernel_size: list.map((a) => a.k),
            strides: list.map((a) => a.s),
            dilation_rate: list.map((a) => a.d),
            padding,
          };
          const r = resolveLayer({ type: `Conv${rank}D`, args }, [null, ...list.map((a) => a.n), 1]);
          const lengths = list.map((a) => (padding === 'same' ? Math.ceil(a.n / a.s) : Math.floor((a.n - a.d * (a.k - 1) - 1) / a.s) + 1));
          if (lengths.some((l) => l <= 0)) expect(r.ok).toBe(false);
          else expect(r.ok && r.row.outputShape).toEqual([null, ...lengths, 2]);
        }),
        { seed: SEED, numRuns: 200 },
      );
    });

    for (const kind of ['Max', 'Average']) {
      it(`${kind}Pooling${rank}D: 'same' gives ⌈n/s⌉, 'valid' gives ⌊(n − p)/s⌋ + 1, or a diagnostic when that is ≤ 0`, () => {
        fc.assert(
          fc.property(axes(rank), fc.constantFrom('same', 'valid'), (list, padding) => {
            const args = { pool_size: list.map((a) => a.k), strides: list.map((a) => a.s), padding };
            const r = resolveLayer({ type: `${kind}Pooling${rank}D`, args }, [null, ...list.map((a) => a.n), 3]);
            const lengths = list.map((a) => (padding === 'same' ? Math.ceil(a.n / a.s) : Math.floor((a.n - a.k) / a.s) + 1));
            if (lengths.some((l) => l <= 0)) expect(r.ok).toBe(false);
            else expect(r.ok && r.row.outputShape).toEqual([null, ...lengths, 3]);
          }),
          { seed: SEED, numRuns: 200 },
        );
      });
    }
  }

  it('an unknown length stays unknown', () => {
    fc.assert(
      fc.property(
        axis,
        fc.constantFrom('same', 'valid'),
        fc.constantFrom('Conv1D', 'MaxPooling1D', 'AveragePooling1D'),
        (a, padding, type) => {
          const args =
            type === 'Conv1D'
              ? { filters: 1, kernel_size: a.k, strides: a.s, dilation_rate: a.d, padding }
              : { pool_size: a.k, strides: a.s, padding };
          const r = resolveLayer({ type, args }, [null, null, 4]);
          expect(r.ok && r.row.outputShape?.[1]).toBe(null);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});

/** Values nobody should pass as a layer argument. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 40 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300, 2 ** 53 + 2, 1e15, -0, 0.5, -1, 0),
  fc.constantFrom(null, undefined, true, false, 'same', 'valid', 'channels_first', 'relu', 'ab,bc->ac', -1),
  fc.array(fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(null, Number.NaN, 1e300, 'x')), { maxLength: 4 }),
  fc.record({
    type: fc.constantFrom('Dense', 'LSTM', 'Conv2D', 'Nope'),
    args: fc.dictionary(
      fc.constantFrom('units', 'filters', 'kernel_size'),
      fc.oneof(fc.integer({ min: -2, max: 8 }), fc.string({ maxLength: 2 })),
    ),
  }),
  fc.anything({ maxDepth: 2 }),
);

/** Argument names the specs read, so garbage lands where it hurts. */
const ARG_NAMES = [
  'units',
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'dilation_rate',
  'groups',
  'use_bias',
  'data_format',
  'pool_size',
  'depth_multiplier',
  'output_padding',
  'rate',
  'axis',
  'center',
  'scale',
  'target_shape',
  'dims',
  'n',
  'size',
  'cropping',
  'input_dim',
  'output_dim',
  'return_sequences',
  'return_state',
  'reset_after',
  'layer',
  'merge_mode',
  'num_heads',
  'key_dim',
  'value_dim',
  'equation',
  'output_shape',
  'bias_axes',
  'keepdims',
  'shared_axes',
  'activation',
  'mean',
  'variance',
  'num_tokens',
  'output_mode',
  'height',
  'width',
  'max_value',
  'negative_slope',
  'stddev',
  'input_length',
  'mask_zero',
];

const garbageLayer = fc.record({
  type: fc.oneof({ arbitrary: fc.constantFrom(...knownTypes()), weight: 9 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }),
  args: fc.dictionary(fc.constantFrom(...ARG_NAMES), garbage, { maxKeys: 6 }),
});

const anyInput: fc.Arbitrary<Shape> = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(null)), { maxLength: 5 })
  .map((dims) => [null, ...dims]);

/** A summary that answered: either a diagnostic with a message, or counts and shapes that make sense. */
function expectSane(s: Summary): void {
  if (s.error) expect(typeof s.error.message === 'string' && s.error.message.length > 0).toBe(true);
  for (const r of s.rows) {
    expect([r.params, r.trainable, r.nonTrainable].every(isCount), `${r.name}: ${r.params}`).toBe(true);
    for (const shape of shapeList(r.outputShape ?? []))
      for (const d of shape) expect(d === null || (Number.isInteger(d) && d >= 0), `${r.name}: ${JSON.stringify(shape)}`).toBe(true);
  }
  expect([s.totals.params, s.totals.trainable, s.totals.nonTrainable].every(isCount)).toBe(true);
}

describe('garbage in, a diagnostic out', () => {
  it('summarize never throws on random arguments (strings, negatives, NaN, huge numbers, null, objects)', () => {
    fc.assert(
      fc.property(anyInput, fc.array(garbageLayer, { minLength: 1, maxLength: 3 }), (input, layers) => {
        const model: SequentialModel = { kind: 'sequential', input, layers: layers.map((l) => ({ type: l.type, args: l.args })) };
        let s: Summary | undefined;
        expect(() => (s = summarize(model)), JSON.stringify(model)).not.toThrow();
        expectSane(s!);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('summarize never throws when one argument of a valid stack is replaced by garbage', () => {
    fc.assert(
      fc.property(stackMaterial, fc.nat(), fc.constantFrom(...ARG_NAMES), garbage, (material, at, key, value) => {
        const model = modelFrom(material);
        const layer = model.layers[at % model.layers.length]!;
        const args = { ...layer.args };
        const existing = Object.keys(args);
        // mostly spoil an argument the layer really has
        args[existing.length > 0 && at % 3 !== 0 ? existing[at % existing.length]! : key] = value;
        model.layers[at % model.layers.length] = { ...layer, args };
        let s: Summary | undefined;
        expect(() => (s = summarize(model)), JSON.stringify(model)).not.toThrow();
        expectSane(s!);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('resolveLayer never throws either', () => {
    fc.assert(
      fc.property(anyInput, garbageLayer, (input, layer) => {
        expect(() => resolveLayer({ type: layer.type, args: layer.args }, input), JSON.stringify({ input, layer })).not.toThrow();
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
