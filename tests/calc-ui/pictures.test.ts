/**
 * What the kernel picture and the pooling grid draw, from the engine's weights and shapes:
 * counts and window positions by hand.
 */
import { describe, expect, it } from 'vitest';
import { resolveLayer } from '@calc/engine.ts';
import type { LayerConfig, Shape } from '@calc/basics.ts';
import { kernelPlan, outputMap } from '@components/islands/calculator/kernel-plan.ts';
import { poolingPlan } from '@components/islands/calculator/pooling-plan.ts';
import { matrixPlan } from '@components/islands/calculator/matrix-plan.ts';
import { stripPlan } from '@components/islands/calculator/strip-plan.ts';
import { flattenPlan } from '@components/islands/calculator/flatten-plan.ts';
import { gatePlan } from '@components/islands/calculator/gate-plan.ts';
import { projectionPlan } from '@components/islands/calculator/projection-plan.ts';
import { pickable, tapsAt, windowPlan } from '@components/islands/calculator/window-plan.ts';

function resolved(layer: LayerConfig, input: Shape) {
  const r = resolveLayer(layer, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.row;
}

describe('outputMap', () => {
  it('gives the map one filter makes: 13 − 3 + 1 = 11 on each side for Conv2D(64, 3) on 13 × 13', () => {
    const row = resolved({ type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, [null, 13, 13, 32]);
    expect(outputMap(row)).toEqual([11, 11]);
  });
  it('follows padding, strides and layout: same, stride 2 on 28 × 20 → ⌈28 / 2⌉ × ⌈20 / 2⌉ = 14 × 10', () => {
    const row = resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: 3, strides: 2, padding: 'same' } }, [null, 28, 20, 1]);
    expect(outputMap(row)).toEqual([14, 10]);
    const first = resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: 3, data_format: 'channels_first' } }, [null, 1, 28, 20]);
    expect(outputMap(first)).toEqual([26, 18]);
  });
  it('has nothing to draw for a layer with no sliding window', () => {
    expect(outputMap(resolved({ type: 'Dense', args: { units: 4 } }, [null, 8]))).toBeNull();
  });
});

describe('kernelPlan', () => {
  it('draws Conv2D(64, 3) on 32 channels as 64 filters of 3×3×32, each with a bias', () => {
    const row = resolved({ type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, [null, 13, 13, 32]);
    expect(kernelPlan(row)).toEqual([{ what: 'filters', count: 64, window: [3, 3], depth: 32, multiplier: 1, bias: true }]);
  });
  it('leaves the bias out with use_bias=False and reads grouped kernels per group', () => {
    const row = resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: [1, 5], groups: 2, use_bias: false } }, [null, 9, 9, 6]);
    // 6 channels in 2 groups: each filter spans 3
    expect(kernelPlan(row)).toEqual([{ what: 'filters', count: 8, window: [1, 5], depth: 3, multiplier: 1, bias: false }]);
  });
  it('reads a transposed kernel (kh, kw, filters, C_in)', () => {
    const row = resolved({ type: 'Conv2DTranspose', args: { filters: 16, kernel_size: 3 } }, [null, 7, 7, 4]);
    expect(kernelPlan(row)).toEqual([{ what: 'filters', count: 16, window: [3, 3], depth: 4, multiplier: 1, bias: true }]);
  });
  it('draws DepthwiseConv2D as one 3×3 kernel per channel and multiplier', () => {
    const row = resolved({ type: 'DepthwiseConv2D', args: { kernel_size: 3, depth_multiplier: 2 } }, [null, 8, 8, 5]);
    expect(kernelPlan(row)).toEqual([{ what: 'depthwise', count: 5 * 2, window: [3, 3], depth: 1, multiplier: 2, bias: true }]);
  });
  it('draws SeparableConv2D as its depthwise step then 1×1 filters', () => {
    const row = resolved({ type: 'SeparableConv2D', args: { filters: 64, kernel_size: 3 } }, [null, 56, 56, 32]);
    expect(kernelPlan(row)).toEqual([
      { what: 'depthwise', count: 32, window: [3, 3], depth: 1, multiplier: 1, bias: false },
      { what: 'pointwise', count: 64, window: [1, 1], depth: 32, multiplier: 1, bias: true },
    ]);
  });
  it('draws Conv1D and Conv3D windows', () => {
    const c1 = resolved({ type: 'Conv1D', args: { filters: 4, kernel_size: 5 } }, [null, 100, 2]);
    expect(kernelPlan(c1)?.[0]).toMatchObject({ count: 4, window: [5], depth: 2 });
    const c3 = resolved({ type: 'Conv3D', args: { filters: 4, kernel_size: 3 } }, [null, 8, 8, 8, 1]);
    expect(kernelPlan(c3)?.[0]).toMatchObject({ count: 4, window: [3, 3, 3], depth: 1 });
  });
  it('draws nothing for layers without a convolution kernel', () => {
    const dense = resolved({ type: 'Dense', args: { units: 3 } }, [null, 4]);
    expect(kernelPlan(dense)).toBeNull();
    const pool = resolved({ type: 'MaxPooling2D' }, [null, 4, 4, 1]);
    expect(kernelPlan(pool)).toBeNull();
  });
});

describe('poolingPlan', () => {
  const plan = (layer: LayerConfig, input: Shape) => poolingPlan(resolved(layer, input));

  it('drops the 27th row and column when 2×2 windows pool 27×27 (13 windows cover 26)', () => {
    const axes = plan({ type: 'MaxPooling2D', args: { pool_size: 2 } }, [null, 27, 27, 32]);
    const axis = { size: 27, pool: 2, stride: 2, windows: 13, before: 0, after: 0, dropped: 27 - 13 * 2 };
    expect(axes).toEqual([axis, axis]);
  });
  it("drops nothing on MNIST's 26×26 → 13×13", () => {
    expect(plan({ type: 'MaxPooling2D' }, [null, 26, 26, 32])?.map((a) => a.dropped)).toEqual([0, 0]);
  });
  it('takes the stride from pool_size when it is not given, and per axis from tuples', () => {
    // height: windows of 3 every 3 over 11 → ⌊(11 − 3) / 3⌋ + 1 = 3, reaching 9, dropping 2
    // width: windows of 2 every 1 over 11 → 10 windows reaching 11
    const axes = plan({ type: 'AveragePooling2D', args: { pool_size: [3, 2], strides: [3, 1] } }, [null, 11, 11, 1]);
    expect(axes).toEqual([
      { size: 11, pool: 3, stride: 3, windows: 3, before: 0, after: 0, dropped: 11 - 9 },
      { size: 11, pool: 2, stride: 1, windows: 10, before: 0, after: 0, dropped: 0 },
    ]);
  });
  it('pads "same" with the odd one after: 2×2 windows on 27 need 14 × 2 = 28, one padded row at the bottom', () => {
    const axes = plan({ type: 'MaxPooling2D', args: { padding: 'same' } }, [null, 27, 27, 8]);
    expect(axes?.[0]).toEqual({ size: 27, pool: 2, stride: 2, windows: 14, before: 0, after: 1, dropped: 0 });
    // 3-wide windows every 2 on 8: 4 windows need (4 − 1) × 2 + 3 = 9, one row: 0 before, 1 after
    const three = plan({ type: 'MaxPooling2D', args: { pool_size: 3, strides: 2, padding: 'same' } }, [null, 8, 8, 8]);
    expect(three?.[0]).toMatchObject({ windows: 4, before: 0, after: 1 });
    // 3-wide windows every 1 on 5: 5 windows need 7, two rows: 1 before, 1 after
    const five = plan({ type: 'MaxPooling2D', args: { pool_size: 3, strides: 1, padding: 'same' } }, [null, 5, 5, 8]);
    expect(five?.[0]).toMatchObject({ windows: 5, before: 1, after: 1 });
  });
  it('reads channels_first and 1-D pooling', () => {
    expect(plan({ type: 'MaxPooling2D', args: { data_format: 'channels_first' } }, [null, 8, 7, 7])?.map((a) => a.dropped)).toEqual([1, 1]);
    expect(plan({ type: 'MaxPooling1D', args: { pool_size: 4 } }, [null, 10, 3])).toEqual([
      { size: 10, pool: 4, stride: 4, windows: 2, before: 0, after: 0, dropped: 2 },
    ]);
  });
  it('draws nothing for global or 3-D pooling', () => {
    expect(plan({ type: 'GlobalAveragePooling2D' }, [null, 7, 7, 3])).toBeNull();
    expect(plan({ type: 'MaxPooling3D' }, [null, 4, 4, 4, 1])).toBeNull();
  });
});

describe('matrixPlan', () => {
  it("draws MNIST's Dense(64) on 576 inputs as an 8 × 8 corner of a 576 × 64 grid plus a bias row of 64", () => {
    const row = resolved({ type: 'Dense', args: { units: 64 } }, [null, 576]);
    // 576 × 64 = 36,864 weights + 64 biases = 36,928
    expect(matrixPlan(row)).toEqual({ inputs: 576, units: 64, rows: 8, cols: 8, rowsCut: true, colsCut: true, bias: 64 });
  });
  it('draws a small kernel whole: Dense(3) on 4 inputs is 4 × 3 cells, uncut', () => {
    const row = resolved({ type: 'Dense', args: { units: 3 } }, [null, 4]);
    expect(matrixPlan(row)).toEqual({ inputs: 4, units: 3, rows: 4, cols: 3, rowsCut: false, colsCut: false, bias: 3 });
  });
  it('cuts only the long axis and draws no bias row with use_bias=False', () => {
    const row = resolved({ type: 'Dense', args: { units: 10, use_bias: false } }, [null, 8]);
    expect(matrixPlan(row)).toEqual({ inputs: 8, units: 10, rows: 8, cols: 8, rowsCut: false, colsCut: true, bias: 0 });
  });
  it('reads the last axis of a sequence: Dense(10) on (None, 20, 32) has a 32 × 10 kernel', () => {
    const row = resolved({ type: 'Dense', args: { units: 10 } }, [null, 20, 32]);
    expect(matrixPlan(row)).toMatchObject({ inputs: 32, units: 10, bias: 10 });
  });
  it('draws nothing for a convolution kernel (4-D) or a layer without weights', () => {
    expect(matrixPlan(resolved({ type: 'Conv2D', args: { filters: 4, kernel_size: 3 } }, [null, 8, 8, 1]))).toBeNull();
    expect(matrixPlan(resolved({ type: 'Flatten' }, [null, 3, 3, 64]))).toBeNull();
  });
});

describe('stripPlan', () => {
  const strip = (args: Record<string, unknown>, length: number) =>
    stripPlan(resolved({ type: 'Conv1D', args: { filters: 1, ...args } } as LayerConfig, [null, length, 1]));

  it('valid: 3-wide windows on 8 cells give 8 − 3 + 1 = 6 windows, the first reading 0 1 2, no padding', () => {
    const p = strip({ kernel_size: 3 }, 8);
    expect(p).toMatchObject({ size: 8, before: 0, after: 0, windows: 6 });
    expect(p?.taps).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
      [4, 5, 6],
      [5, 6, 7],
    ]);
  });
  it('same: 3-wide windows on 5 cells pad 1 before and 1 after, the first window reads the padding cell −1', () => {
    const p = strip({ kernel_size: 3, padding: 'same' }, 5);
    expect(p).toMatchObject({ before: 1, after: 1, windows: 5 });
    expect(p?.taps[0]).toEqual([-1, 0, 1]);
    expect(p?.taps[4]).toEqual([3, 4, 5]); // 5 is the padding cell after
  });
  it('causal: 3-wide windows dilated 2 pad (3 − 1) × 2 = 4 cells before, none after', () => {
    const p = strip({ kernel_size: 3, padding: 'causal', dilation_rate: 2 }, 6);
    expect(p).toMatchObject({ before: 4, after: 0, windows: 6 });
    // output cell 0 reads −4, −2, 0: only the present cell 0 is real
    expect(p?.taps[0]).toEqual([-4, -2, 0]);
    expect(p?.taps[5]).toEqual([1, 3, 5]);
  });
  it('stride 2: windows start 2 apart; 3-wide on 9 cells gives ⌊(9 − 3) / 2⌋ + 1 = 4', () => {
    const p = strip({ kernel_size: 3, strides: 2 }, 9);
    expect(p?.windows).toBe(4);
    expect(p?.taps.map((t) => t[0])).toEqual([0, 2, 4, 6]);
  });
  it('dilation 3: a 3-wide window spans (3 − 1) × 3 + 1 = 7 cells; on 10 cells, 10 − 7 + 1 = 4 windows', () => {
    const p = strip({ kernel_size: 3, dilation_rate: 3 }, 10);
    expect(p?.windows).toBe(4);
    expect(p?.taps[0]).toEqual([0, 3, 6]);
    expect(p?.taps[3]).toEqual([3, 6, 9]);
  });
  it('draws at most 6 windows and keeps the true count', () => {
    const p = strip({ kernel_size: 3 }, 100);
    expect(p?.windows).toBe(98);
    expect(p?.taps).toHaveLength(6);
  });
  it('draws nothing for a layer without a window', () => {
    expect(stripPlan(resolved({ type: 'Dense', args: { units: 3 } }, [null, 4]))).toBeNull();
  });
});

describe('flattenPlan', () => {
  it("lays MNIST's 3 × 3 × 64 map out as one row of 576", () => {
    expect(flattenPlan(resolved({ type: 'Flatten' }, [null, 3, 3, 64]))).toEqual({ dims: [3, 3, 64], length: 576 });
  });
  it('multiplies 28 × 28 × 1 into 784 and draws nothing for a layer that multiplies no axes', () => {
    expect(flattenPlan(resolved({ type: 'Flatten' }, [null, 28, 28, 1]))?.length).toBe(784);
    expect(flattenPlan(resolved({ type: 'GlobalAveragePooling2D' }, [null, 5, 5, 64]))).toBeNull();
  });
});

describe('gatePlan: a recurrent cell’s W, U and bias cut into gate blocks', () => {
  const plan = (type: string, args: Record<string, unknown>, input: Shape, dialect: 'keras3' | 'tf.keras' = 'keras3') => {
    const r = resolveLayer({ type, args }, input, dialect);
    if (!r.ok) throw new Error(r.error.message);
    return { row: r.row, plan: gatePlan(r.row) };
  };

  it('LSTM(32) on 8 features: blocks i, f, c, o of 32 columns (Keras splits its kernel so), 8 + 32 rows and one bias row', () => {
    const { row, plan: p } = plan('LSTM', { units: 32 }, [null, 10, 8]);
    // keras/src/layers/rnn/lstm.py: k_i, k_f, k_c, k_o = ops.split(self.kernel, 4, axis=1)
    expect(p).toEqual({ gates: ['input', 'forget', 'cell', 'output'], inputs: 8, units: 32, biasRows: 1 });
    // 4 blocks × 32 columns × (8 + 32 + 1) rows = 5,248, the count Keras prints for this LSTM
    expect(4 * 32 * (8 + 32 + 1)).toBe(row.params);
  });

  it('GRU: z, r, h̃; reset_after keeps two bias rows, reset_after=False one', () => {
    // keras/src/layers/rnn/gru.py reads the update (z), reset (r) and candidate (h) thirds in that order
    expect(plan('GRU', { units: 32 }, [null, 10, 8]).plan).toEqual({
      gates: ['update', 'reset', 'candidate'],
      inputs: 8,
      units: 32,
      biasRows: 2,
    });
    expect(plan('GRU', { units: 32, reset_after: false }, [null, 10, 8]).plan?.biasRows).toBe(1);
  });

  it('no bias row with use_bias=False; one block for SimpleRNN', () => {
    expect(plan('LSTM', { units: 16, use_bias: false }, [null, 10, 8]).plan?.biasRows).toBe(0);
    expect(plan('SimpleRNN', { units: 16 }, [null, 10, 8]).plan).toEqual({ gates: ['hidden'], inputs: 8, units: 16, biasRows: 1 });
  });

  it('CuDNNLSTM’s flat bias of 2 × 4 × units is two rows', () => {
    expect(plan('CuDNNLSTM', { units: 32 }, [null, 10, 8], 'tf.keras').plan?.biasRows).toBe(2);
  });

  it('draws nothing for a layer without gates: Dense, or a Bidirectional wrapper', () => {
    expect(plan('Dense', { units: 8 }, [null, 16]).plan).toBeNull();
    expect(plan('Bidirectional', { layer: { type: 'LSTM', args: { units: 8 } } }, [null, 10, 4]).plan).toBeNull();
  });
});

describe('projectionPlan: attention’s per-head projections, each reading its own tensor', () => {
  const plan = (args: Record<string, unknown>, inputs: Shape[]) => {
    const r = resolveLayer({ type: 'MultiHeadAttention', args }, inputs);
    if (!r.ok) throw new Error(r.error.message);
    return projectionPlan(r.row);
  };

  it('self-attention, 2 heads of 16 on (None, 10, 32): query, key, value to 2 × 16, then back to 32', () => {
    const p = plan({ num_heads: 2, key_dim: 16 }, [
      [null, 10, 32],
      [null, 10, 32],
    ])!;
    expect(p.projections.map((x) => [x.id, x.heads, x.size])).toEqual([
      ['query', 2, 16],
      ['key', 2, 16],
      ['value', 2, 16],
      ['output', 2, 16],
    ]);
    // kernel (32, 2, 16) = 1,024 weights and bias (2, 16) = 32 for each input projection
    expect(p.projections[0]!.weights.map((w) => [w.name, w.shape])).toEqual([
      ['query/kernel', [32, 2, 16]],
      ['query/bias', [2, 16]],
    ]);
    expect(p.output).toEqual([null, 10, 32]);
  });

  it('each projection reads its own tensor: query (10, 32), key (7, 16), value (7, 24); value_dim 6, output_shape 20', () => {
    const p = plan({ num_heads: 4, key_dim: 8, value_dim: 6, output_shape: 20 }, [
      [null, 10, 32],
      [null, 7, 24],
      [null, 7, 16],
    ])!;
    const byId = Object.fromEntries(p.projections.map((x) => [x.id, x]));
    expect(byId['query']!.input).toEqual([null, 10, 32]);
    expect(byId['key']!.input).toEqual([null, 7, 16]);
    expect(byId['value']!.input).toEqual([null, 7, 24]);
    expect([byId['value']!.heads, byId['value']!.size]).toEqual([4, 6]);
    expect(byId['output']!.weights.map((w) => w.shape)).toEqual([[4, 6, 20], [20]]);
    expect(p.output).toEqual([null, 10, 20]);
  });

  it('use_gate adds a gate projection on the query; a Dense has no projections', () => {
    const p = plan({ num_heads: 2, key_dim: 16, use_gate: true }, [
      [null, 10, 32],
      [null, 10, 32],
    ])!;
    expect(p.projections.map((x) => x.id)).toEqual(['query', 'key', 'value', 'gate', 'output']);
    expect(projectionPlan(resolved({ type: 'Dense', args: { units: 8 } }, [null, 16]))).toBeNull();
  });
});

describe('windowPlan: which input cells one output cell of a 2-D convolution reads', () => {
  it('valid, stride 1 on 13 × 13: cell (0, 0) reads rows and columns 0–2; 11 of 11 cells fit the drawing', () => {
    const plan = windowPlan(resolved({ type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, [null, 13, 13, 32]))!;
    expect(tapsAt(plan, 0, 0)).toEqual({ rows: [0, 1, 2], cols: [0, 1, 2] });
    expect(tapsAt(plan, 2, 5)).toEqual({ rows: [2, 3, 4], cols: [5, 6, 7] });
    // 13 − 3 + 1 = 11 windows per axis, all inside the 13 drawn cells
    expect([pickable(plan.rows), pickable(plan.cols)]).toEqual([11, 11]);
  });

  it('same padding puts one zero before: cell (0, 0) reads −1, 0, 1 (−1 is padding)', () => {
    const plan = windowPlan(resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: 3, padding: 'same' } }, [null, 13, 13, 1]))!;
    expect(plan.rows.before).toBe(1);
    expect(tapsAt(plan, 0, 0).rows).toEqual([-1, 0, 1]);
  });

  it('stride 2 and dilation 2 space the window: stride moves by 2, dilation reads every other cell', () => {
    const strided = windowPlan(resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: 3, strides: 2 } }, [null, 13, 13, 1]))!;
    expect(tapsAt(strided, 1, 3)).toEqual({ rows: [2, 3, 4], cols: [6, 7, 8] });
    const dilated = windowPlan(resolved({ type: 'Conv2D', args: { filters: 8, kernel_size: 3, dilation_rate: 2 } }, [null, 13, 13, 1]))!;
    expect(tapsAt(dilated, 0, 0).cols).toEqual([0, 2, 4]);
  });

  it('a 224 × 224 image is drawn as a 14-cell corner: 12 of its 222 windows fit', () => {
    const plan = windowPlan(resolved({ type: 'Conv2D', args: { filters: 32, kernel_size: 3 } }, [null, 224, 224, 1]))!;
    // window n reads n … n + 2, which must be below 14
    expect(pickable(plan.rows)).toBe(12);
  });

  it('no plan for a 1-D or a transposed convolution', () => {
    expect(windowPlan(resolved({ type: 'Conv1D', args: { filters: 8, kernel_size: 3 } }, [null, 20, 4]))).toBeNull();
    expect(windowPlan(resolved({ type: 'Conv2DTranspose', args: { filters: 8, kernel_size: 3 } }, [null, 8, 8, 4]))).toBeNull();
  });
});
