/**
 * EinsumDense, read like the lesson: the equation names every axis, and each letter of the weight
 * spec becomes one kernel axis. Expected numbers are the two executed Keras 3 facts of
 * docs/keras-layers.md#einsumdense and hand arithmetic written in each test.
 */
import { describe, expect, it } from 'vitest';
import { equationText } from '@calc/explain.ts';
import type { LayerArgs, Shape } from '@calc/types.ts';
import { build as buildLayer, problem as layerProblem, weightShapes } from './build-layer.ts';

/** Build one EinsumDense; its formula must equal its weight-derived count. */
const build = (args: LayerArgs, input: Shape) => buildLayer('EinsumDense', args, input);

/** The diagnostic an EinsumDense that cannot be built reports. */
const problem = (args: LayerArgs, input: Shape) => layerProblem('EinsumDense', args, input);

describe('EinsumDense: the equation spells the kernel', () => {
  it('reads "abc,cde->abde" on (None, 10, 16) as a 16 × 4 × 8 kernel and a 4 × 8 bias: 544 (executed)', () => {
    const row = build({ equation: 'abc,cde->abde', output_shape: [null, 4, 8], bias_axes: 'de' }, [null, 10, 16]);
    expect(weightShapes(row)).toEqual([
      ['kernel', [16, 4, 8]],
      ['bias', [4, 8]],
    ]);
    expect(row.params).toBe(16 * 4 * 8 + 4 * 8);
    expect(row.params).toBe(544);
  });

  it('keeps the None given for axis b in the output: (None, None, 4, 8), as Keras printed', () => {
    const row = build({ equation: 'abc,cde->abde', output_shape: [null, 4, 8], bias_axes: 'de' }, [null, 10, 16]);
    expect(row.outputShape).toEqual([null, null, 4, 8]);
  });

  it('reads "...b,bc->...c" with 64 units on (None, 10, 32) as a Dense: 32 × 64 + 64 = 2,112 (executed)', () => {
    const row = build({ equation: '...b,bc->...c', output_shape: 64, bias_axes: 'c' }, [null, 10, 32]);
    expect(weightShapes(row)).toEqual([
      ['kernel', [32, 64]],
      ['bias', [64]],
    ]);
    expect(row.params).toBe(2_112);
    // the "..." stands for (None, 10), carried into the output
    expect(row.outputShape).toEqual([null, 10, 64]);
    expect(equationText(row.formula!)).toBe('32 × 64 + 64 = 2,112');
  });

  it('creates no bias when bias_axes is None: 32 × 64 = 2,048', () => {
    const row = build({ equation: '...b,bc->...c', output_shape: 64 }, [null, 10, 32]);
    expect(weightShapes(row)).toEqual([['kernel', [32, 64]]]);
    expect(row.params).toBe(32 * 64);
  });

  it('starts the bias at the first biased output axis and broadcasts the others with size 1', () => {
    // "abc,cde->abde", bias only on d: the bias covers "de" from d onwards, e unbiased → (4, 1)
    const row = build({ equation: 'abc,cde->abde', output_shape: [10, 4, 8], bias_axes: 'd' }, [null, 10, 16]);
    expect(weightShapes(row)).toEqual([
      ['kernel', [16, 4, 8]],
      ['bias', [4, 1]],
    ]);
    expect(row.params).toBe(16 * 4 * 8 + 4);
  });

  it('appends the right-elided axes to the output and a 1 per elided axis to the bias', () => {
    // "ab...,bc->ac..." on (None, 16, 5, 7): b = 16 is contracted, c = 8 is new, (5, 7) ride along
    const row = build({ equation: 'ab...,bc->ac...', output_shape: [8], bias_axes: 'c' }, [null, 16, 5, 7]);
    expect(row.outputShape).toEqual([null, 8, 5, 7]);
    expect(weightShapes(row)).toEqual([
      ['kernel', [16, 8]],
      ['bias', [8, 1, 1]],
    ]);
    expect(row.params).toBe(16 * 8 + 8);
  });

  it('sizes a kernel letter found in both input and output from the output, which must agree', () => {
    // per-position weights: "abc,bcd->abd" keeps b in the kernel, so the kernel is 10 × 16 × 4
    const row = build({ equation: 'abc,bcd->abd', output_shape: [10, 4] }, [null, 10, 16]);
    expect(weightShapes(row)).toEqual([['kernel', [10, 16, 4]]]);
    expect(row.params).toBe(10 * 16 * 4);
  });
});

describe('EinsumDense: impossible equations are reported, not thrown', () => {
  it('rejects an equation outside the three accepted forms', () => {
    const d = problem({ equation: 'ab->b', output_shape: 4 }, [null, 8]);
    expect(d.arg).toBe('equation');
    expect(d.message).toContain('"ab,bc->ac"');
  });

  it('rejects a bias axis that is not an output axis', () => {
    const d = problem({ equation: '...b,bc->...c', output_shape: 64, bias_axes: 'b' }, [null, 10, 32]);
    expect(d.arg).toBe('bias_axes');
    expect(d.message).toBe('bias axis "b" is not one of the output axes "c"');
  });

  it('rejects an output_shape that contradicts the input on a shared axis', () => {
    const d = problem({ equation: 'abc,cd->abd', output_shape: [12, 4] }, [null, 10, 16]);
    expect(d.arg).toBe('output_shape');
    expect(d.message).toContain('10');
    expect(d.message).toContain('12');
  });

  it('rejects an input whose rank the equation does not name', () => {
    const d = problem({ equation: 'ab,bc->ac', output_shape: 4 }, [null, 10, 16]);
    expect(d.message).toBe('the equation\'s input "ab" names 2 axes but the input (None, 10, 16) has 3');
  });

  it('asks for output_shape when it is missing', () => {
    expect(problem({ equation: 'ab,bc->ac' }, [null, 16]).arg).toBe('output_shape');
  });

  it('rejects a weight axis that appears in neither input nor output', () => {
    const d = problem({ equation: 'ab,bz->ab', output_shape: 16 }, [null, 16]);
    expect(d.message).toContain('"z"');
  });
});
