/**
 * Merge layers, read like the lesson: no weights, only shape arithmetic on a list of inputs.
 * Expected shapes are executed Keras 3 facts from docs/keras-layers.md#merging or worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { tensor, type FunctionalModel } from '@calc/model.ts';
import { summarize, type Summary } from '@calc/summarize.ts';
import type { LayerArgs, Shape } from '@calc/types.ts';

/** A functional model: one Input per shape, then `type` called on the list of them. */
function merged(type: string, args: LayerArgs, shapes: Shape[], asList = true): Summary {
  const names = shapes.map((_, i) => `in_${i}`);
  const refs = names.map((n) => tensor(n));
  const model: FunctionalModel = {
    kind: 'functional',
    name: 'merge',
    layers: [
      ...shapes.map((s, i) => ({ layer: { type: 'InputLayer', name: names[i]!, args: { batch_shape: s } }, nodes: [] })),
      { layer: { type, name: 'merged', args }, nodes: [{ args: asList ? [refs] : refs, kwargs: {} }] },
    ],
    inputs: refs,
    outputs: [tensor('merged')],
  };
  return summarize(model);
}

/** The merge layer's output shape, after checking it built with no weights. */
function output(type: string, args: LayerArgs, shapes: Shape[]): unknown {
  const s = merged(type, args, shapes);
  expect(s.error).toBeUndefined();
  const row = s.rows.find((r) => r.name === 'merged')!;
  expect(row.params).toBe(0);
  return row.outputShape;
}

/** The message of the diagnostic the merge layer reports. */
function failure(type: string, args: LayerArgs, shapes: Shape[]) {
  const s = merged(type, args, shapes);
  expect(s.error?.layer).toBe('merged');
  return s.error!;
}

describe('Concatenate: sizes add up along one axis, every other axis must match', () => {
  it('joins 3 and 5 channels into 8: (None, 8, 8, 3) + (None, 8, 8, 5) → (None, 8, 8, 8)', () => {
    expect(
      output('Concatenate', {}, [
        [null, 8, 8, 3],
        [null, 8, 8, 5],
      ]),
    ).toEqual([null, 8, 8, 3 + 5]);
  });

  it('joins along time with axis=1: (None, 4, 8) + (None, 6, 8) → (None, 10, 8)', () => {
    expect(
      output('Concatenate', { axis: 1 }, [
        [null, 4, 8],
        [null, 6, 8],
      ]),
    ).toEqual([null, 4 + 6, 8]);
  });

  it('gives None along the axis when one input’s size there is unknown', () => {
    expect(
      output('Concatenate', { axis: 1 }, [
        [null, null, 8],
        [null, 6, 8],
      ]),
    ).toEqual([null, null, 8]);
  });

  it('refuses to join shapes that differ on another axis, naming the shapes and the axis', () => {
    const d = failure('Concatenate', {}, [
      [null, 8, 8, 3],
      [null, 8, 9, 3],
    ]);
    expect(d.message).toContain('(None, 8, 8, 3), (None, 8, 9, 3)');
    expect(d.message).toContain('axis 2 has sizes 8 and 9');
  });

  it('refuses inputs of different rank', () => {
    expect(
      failure('Concatenate', {}, [
        [null, 8],
        [null, 2, 8],
      ]).message,
    ).toMatch(/same rank/);
  });
});

describe('Add, Subtract, Multiply, Average, Maximum, Minimum: element-wise with broadcasting', () => {
  it('broadcasts (1, 8) with (5, 8) to (None, 5, 8) (Keras 3, executed)', () => {
    expect(
      output('Add', {}, [
        [null, 1, 8],
        [null, 5, 8],
      ]),
    ).toEqual([null, 5, 8]);
  });

  it.each(['Add', 'Multiply', 'Average', 'Maximum', 'Minimum'])('%s of three (None, 16) tensors is (None, 16)', (type) => {
    expect(
      output(type, {}, [
        [null, 16],
        [null, 16],
        [null, 16],
      ]),
    ).toEqual([null, 16]);
  });

  it('aligns shapes on the right: (8,) with (5, 8) → (None, 5, 8)', () => {
    expect(
      output('Multiply', {}, [
        [null, 8],
        [null, 5, 8],
      ]),
    ).toEqual([null, 5, 8]);
  });

  it('gives None where either size is unknown', () => {
    expect(
      output('Add', {}, [
        [null, null, 8],
        [null, 5, 8],
      ]),
    ).toEqual([null, null, 8]);
  });

  it('refuses sizes that differ when neither is 1: (5, 8) with (4, 8)', () => {
    expect(
      failure('Add', {}, [
        [null, 5, 8],
        [null, 4, 8],
      ]).message,
    ).toContain('sizes 5 and 4 differ and neither is 1');
  });

  it('Subtract takes exactly two inputs: a − b', () => {
    expect(
      output('Subtract', {}, [
        [null, 16],
        [null, 16],
      ]),
    ).toEqual([null, 16]);
    expect(
      failure('Subtract', {}, [
        [null, 16],
        [null, 16],
        [null, 16],
      ]).message,
    ).toContain('exactly 2 inputs, got 3');
  });

  it('also works when Keras 3 records `x + y` as Add called with two positional tensors', () => {
    const s = merged(
      'Add',
      {},
      [
        [null, 4],
        [null, 4],
      ],
      false,
    );
    expect(s.error).toBeUndefined();
    expect(s.outputs).toEqual([[null, 4]]);
  });
});

describe('Dot: multiply and sum along one axis of each input', () => {
  it('turns two (8,) vectors into one number each, kept as (None, 1) (Keras 3, executed)', () => {
    expect(
      output('Dot', { axes: 1 }, [
        [null, 8],
        [null, 8],
      ]),
    ).toEqual([null, 1]);
  });

  it('contracts the feature axes of (5, 8) and (6, 8) with axes=2: (None, 5, 6) (Keras 3, executed)', () => {
    expect(
      output('Dot', { axes: 2 }, [
        [null, 5, 8],
        [null, 6, 8],
      ]),
    ).toEqual([null, 5, 6]);
  });

  it('contracts axis 1 of (5, 8) with axis 2 of (6, 5): (None, 8, 6) (Keras 3, executed)', () => {
    expect(
      output('Dot', { axes: [1, 2] }, [
        [null, 5, 8],
        [null, 6, 5],
      ]),
    ).toEqual([null, 8, 6]);
  });

  it('counts a negative axis from each input’s end: axes=-1 is axes=2 here', () => {
    expect(
      output('Dot', { axes: -1 }, [
        [null, 5, 8],
        [null, 6, 8],
      ]),
    ).toEqual([null, 5, 6]);
  });

  it('normalize=True (cosine similarity) changes values, not the shape', () => {
    expect(
      output('Dot', { axes: 1, normalize: true }, [
        [null, 8],
        [null, 8],
      ]),
    ).toEqual([null, 1]);
  });

  it('refuses axes whose sizes differ, naming both', () => {
    const d = failure('Dot', { axes: 2 }, [
      [null, 5, 8],
      [null, 6, 7],
    ]);
    expect(d.arg).toBe('axes');
    expect(d.message).toContain('(size 8)');
    expect(d.message).toContain('(size 7)');
  });

  it('refuses to contract the batch axis', () => {
    expect(
      failure('Dot', { axes: 0 }, [
        [null, 8],
        [null, 8],
      ]).arg,
    ).toBe('axes');
  });
});

describe('InceptionResNetV2’s CustomScaleLayer: x + scale × residual', () => {
  it('has no weights and keeps the block’s shape (None, 35, 35, 320)', () => {
    expect(
      output('CustomScaleLayer', { scale: 0.17 }, [
        [null, 35, 35, 320],
        [null, 35, 35, 320],
      ]),
    ).toEqual([null, 35, 35, 320]);
  });
});
