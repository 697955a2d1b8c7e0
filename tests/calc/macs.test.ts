/**
 * Multiply-accumulates per layer (src/calc/macs.ts and each spec's `macs`). Keras does not print
 * them, so every expected number below is hand arithmetic written out in the test: output cells ×
 * the kernel weights one cell uses, timesteps × a step's products, and so on.
 */
import { describe, expect, it } from 'vitest';
import { computeTotals } from '@calc/macs.ts';
import { equationText, evaluate, formulaText, resultText } from '@calc/explain.ts';
import { resolveLayer, summarize } from '@calc/summarize.ts';
import { layerSpecs } from '@calc/layers/index.ts';
import { tensor, type FunctionalModel, type SequentialModel } from '@calc/model.ts';
import { mnist } from '../components/mnist-model.ts';
import { build } from './build-layer.ts';

/** A layer's MACs, checking its formula says the same number. */
function macs(type: string, args: Record<string, unknown>, input: Parameters<typeof build>[2]) {
  const row = build(type, args, input);
  if (row.macsFormula) expect(evaluate(row.macsFormula)).toBe(row.macs);
  return row;
}

describe('convolutions: one product per kernel weight per output cell', () => {
  it('Conv2D(64, 3) on 13 × 13 × 32: 11 × 11 cells × 64 filters × 3 × 3 × 32 = 2,230,272', () => {
    const row = macs('Conv2D', { filters: 64, kernel_size: 3 }, [null, 13, 13, 32]);
    expect(row.macs).toBe(11 * 11 * 64 * (3 * 3 * 32));
    expect(row.macs).toBe(2_230_272);
    expect(formulaText(row.macsFormula!)).toBe('11 × 11 × 64 × 32 × 3 × 3');
  });

  it('groups divide the channels each filter reads: 11 × 11 × 64 × (32 / 4) × 3 × 3 = 557,568', () => {
    const row = macs('Conv2D', { filters: 64, kernel_size: 3, groups: 4 }, [null, 13, 13, 32]);
    expect(row.macs).toBe(11 * 11 * 64 * 8 * 9);
    expect(formulaText(row.macsFormula!)).toBe('11 × 11 × 64 × 32 / 4 × 3 × 3');
  });

  it('a stride shrinks the cells, not the kernel: 14 × 14 × 16 × 9 on a 28 × 28 × 1 image', () => {
    expect(macs('Conv2D', { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, [null, 28, 28, 1]).macs).toBe(14 * 14 * 16 * 9);
  });

  it('channels_first reads the same cells: 11 × 11 × 64 × 288', () => {
    const row = macs('Conv2D', { filters: 64, kernel_size: 3, data_format: 'channels_first' }, [null, 32, 13, 13]);
    expect(row.macs).toBe(11 * 11 * 64 * 288);
  });

  it('Conv1D and Conv3D: length × filters × channels × kernel', () => {
    expect(macs('Conv1D', { filters: 16, kernel_size: 3 }, [null, 100, 8]).macs).toBe(98 * 16 * 8 * 3);
    expect(macs('Conv3D', { filters: 8, kernel_size: 3 }, [null, 16, 16, 16, 1]).macs).toBe(14 * 14 * 14 * 8 * 27);
  });

  it('a transposed conv spreads its whole kernel from every input cell: 14 × 14 × 16 × 32 × 9', () => {
    const row = macs('Conv2DTranspose', { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, [null, 14, 14, 32]);
    expect(row.outputShape).toEqual([null, 28, 28, 16]);
    expect(row.macs).toBe(14 * 14 * 16 * 32 * 9);
  });

  it('depthwise: no sum over channels, 26 × 26 × 8 × 9 = 48,672', () => {
    expect(macs('DepthwiseConv2D', { kernel_size: 3 }, [null, 28, 28, 8]).macs).toBe(26 * 26 * 8 * 9);
    expect(macs('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2 }, [null, 28, 28, 8]).macs).toBe(26 * 26 * 16 * 9);
  });

  it('separable: the depthwise step plus the 1 × 1 step, 26 × 26 × (72 + 128) = 135,200', () => {
    const row = macs('SeparableConv2D', { filters: 16, kernel_size: 3 }, [null, 28, 28, 8]);
    expect(row.macs).toBe(26 * 26 * (9 * 8) + 26 * 26 * (8 * 16));
    expect(row.macs).toBe(135_200);
  });

  it('the bias adds nothing: use_bias=False gives the same MACs', () => {
    const a = macs('Conv2D', { filters: 32, kernel_size: 3 }, [null, 28, 28, 1]);
    const b = macs('Conv2D', { filters: 32, kernel_size: 3, use_bias: false }, [null, 28, 28, 1]);
    expect(a.params - b.params).toBe(32);
    expect(a.macs).toBe(b.macs);
  });
});

describe('Dense: inputs × units at every position before the last axis', () => {
  it('784 → 10 on a flat input: 7,840', () => {
    expect(macs('Dense', { units: 10 }, [null, 784]).macs).toBe(7_840);
  });

  it('on a sequence (None, 5, 784): 5 positions × 10 × 784', () => {
    const row = macs('Dense', { units: 10 }, [null, 5, 784]);
    expect(row.macs).toBe(5 * 10 * 784);
    expect(formulaText(row.macsFormula!)).toBe('5 × 10 × 784');
  });

  it('a None position makes the count unknown, not 0', () => {
    const row = macs('Dense', { units: 10 }, [null, null, 784]);
    expect(row.macs).toBeNull();
    expect(row.macsFormula).toBeUndefined();
  });
});

describe('counts past 2^53, which floats round', () => {
  it('Dense(65535) on (None, 65535, 65535, 65535): 65,535⁴ = 2^64 − 4·2^48 + 6·2^32 − 4·2^16 + 1, every digit', () => {
    const row = macs('Dense', { units: 65535 }, [null, 65535, 65535, 65535]);
    // the float product is 1 short (…624); the formula worked out in whole numbers is not
    expect(resultText(row.macsFormula!)).toBe('18,445,618,199,572,250,625');
    expect(equationText(row.macsFormula!)).toBe('65,535 × 65,535 × 65,535 × 65,535 = 18,445,618,199,572,250,625');
  });
});

describe('recurrent layers: timesteps × gates × units × (inputs + units)', () => {
  it('LSTM(64) over 20 steps of 32 features: 20 × 4 × 64 × 96 = 491,520', () => {
    const row = macs('LSTM', { units: 64 }, [null, 20, 32]);
    expect(row.macs).toBe(20 * 4 * 64 * (32 + 64));
    expect(formulaText(row.macsFormula!)).toBe('20 × 4 × 64 × (32 + 64)');
  });

  it('GRU has 3 gates, SimpleRNN 1; reset_after changes biases, not products', () => {
    expect(macs('GRU', { units: 32 }, [null, 10, 8]).macs).toBe(10 * 3 * 32 * 40);
    expect(macs('GRU', { units: 32, reset_after: false }, [null, 10, 8]).macs).toBe(10 * 3 * 32 * 40);
    expect(macs('SimpleRNN', { units: 32 }, [null, 10, 8]).macs).toBe(10 * 32 * 40);
  });

  it('return_sequences changes the output, not the work', () => {
    expect(macs('LSTM', { units: 64, return_sequences: true }, [null, 20, 32]).macs).toBe(20 * 4 * 64 * 96);
  });

  it('an unknown sequence length (None) leaves the count unknown', () => {
    expect(macs('LSTM', { units: 4 }, [null, null, 3]).macs).toBeNull();
  });

  it('Bidirectional does both directions: 2 × 10 × 4 × 32 × 40', () => {
    const row = macs('Bidirectional', { layer: { type: 'LSTM', args: { units: 32 } } }, [null, 10, 8]);
    expect(row.macs).toBe(2 * 10 * 4 * 32 * (8 + 32));
  });

  it('TimeDistributed repeats its layer per step: 10 × 16 × 8', () => {
    expect(macs('TimeDistributed', { layer: { type: 'Dense', args: { units: 8 } } }, [null, 10, 16]).macs).toBe(10 * 16 * 8);
  });

  it('ConvLSTM2D: per step, both convs of 4 gates at every state cell', () => {
    const row = macs('ConvLSTM2D', { filters: 16, kernel_size: 3 }, [null, 5, 32, 32, 3]);
    // 5 steps × 30 × 30 cells × 4 gates × 16 filters × 3 × 3 × (3 input channels + 16 state channels)
    expect(row.macs).toBe(5 * 30 * 30 * 4 * 16 * 9 * (3 + 16));
  });
});

describe('attention: projections, then scores and their weighted sum', () => {
  it('MultiHeadAttention(2, 16), query 8 × 32 and value 10 × 32', () => {
    const row = macs('MultiHeadAttention', { num_heads: 2, key_dim: 16 }, [
      [null, 8, 32],
      [null, 10, 32],
    ]);
    const query = 8 * 32 * 2 * 16;
    const key = 10 * 32 * 2 * 16; // the key is the value when none is given
    const value = 10 * 32 * 2 * 16;
    const scores = 2 * 8 * 10 * 16; // every head: each of 8 queries against 10 keys, over 16 numbers
    const mix = 2 * 8 * 10 * 16; // and 10 values of 16 numbers summed for each query
    const output = 8 * 2 * 16 * 32;
    expect(row.macs).toBe(query + key + value + scores + mix + output);
  });

  it('Attention (no weights) still multiplies: 8 × 10 × 16 scores + 8 × 10 × 16 mixed', () => {
    const row = macs('Attention', {}, [
      [null, 8, 16],
      [null, 10, 16],
    ]);
    expect(row.params).toBe(0);
    expect(row.macs).toBe(8 * 10 * 16 + 8 * 10 * 16);
  });
});

describe('layers whose work is not counted report 0, not a guess', () => {
  it.each([
    ['MaxPooling2D', {}, [null, 26, 26, 32]],
    ['BatchNormalization', {}, [null, 11, 11, 64]],
    ['Embedding', { input_dim: 1000, output_dim: 64 }, [null, 10]],
    ['Flatten', {}, [null, 3, 3, 64]],
    ['Dropout', { rate: 0.5 }, [null, 64]],
  ] as const)('%s', (type, args, input) => {
    const row = build(type, args, [...input]);
    expect(row.macs).toBe(0);
    expect(row.macsFormula).toBeUndefined();
  });
});

describe('models: every row added up, FLOPs = 2 × MACs', () => {
  it('the MNIST CNN: 194,688 + 2,230,272 + 331,776 + 36,864 + 640 = 2,794,240 MACs', () => {
    const s = summarize(mnist);
    expect(s.totals.params).toBe(93_322);
    expect(s.rows.map((r) => r.macs)).toEqual([26 * 26 * 32 * 9, 0, 11 * 11 * 64 * 288, 0, 3 * 3 * 64 * 576, 0, 576 * 64, 64 * 10]);
    const expected = 194_688 + 2_230_272 + 331_776 + 36_864 + 640;
    expect(computeTotals(s.rows)).toEqual({ macs: expected, flops: 2 * expected });
  });

  it('a shared layer works once per call: Dense(32) on two 128-wide inputs is 2 × 128 × 32', () => {
    const model: FunctionalModel = {
      kind: 'functional',
      layers: [
        { layer: { type: 'InputLayer', name: 'a', args: { batch_shape: [null, 128] } }, nodes: [] },
        { layer: { type: 'InputLayer', name: 'b', args: { batch_shape: [null, 128] } }, nodes: [] },
        {
          layer: { type: 'Dense', name: 'shared', args: { units: 32 } },
          nodes: [
            { args: [tensor('a')], kwargs: {} },
            { args: [tensor('b')], kwargs: {} },
          ],
        },
      ],
      inputs: [tensor('a'), tensor('b')],
      outputs: [tensor('shared'), tensor('shared', 1)],
    };
    const s = summarize(model);
    expect(s.error).toBeUndefined();
    expect(s.totals.params).toBe(32 * 129);
    expect(s.rows.find((r) => r.name === 'shared')!.macs).toBe(2 * 128 * 32);
  });

  it('a nested model’s row adds up its own rows', () => {
    const inner: SequentialModel = { kind: 'sequential', name: 'block', layers: [{ type: 'Dense', args: { units: 8 } }] };
    const outer: SequentialModel = {
      kind: 'sequential',
      input: [null, 16],
      layers: [
        { type: 'Dense', args: { units: 16 } },
        { type: 'Sequential', model: inner },
      ],
    };
    const s = summarize(outer);
    expect(s.error).toBeUndefined();
    expect(s.rows.map((r) => r.macs)).toEqual([16 * 16, 16 * 8]);
  });

  it('one unknown row makes the total unknown', () => {
    expect(computeTotals([{ macs: 10 }, { macs: null }])).toEqual({ macs: null, flops: null });
  });
});

describe('every spec with a weight matrix counts its products', () => {
  // a lookup table and an element-wise slope hold matrices but multiply nothing by them
  const NOT_MULTIPLIED = new Set(['Embedding', 'PReLU']);
  it.each([...layerSpecs.keys()])('%s', (type) => {
    const spec = layerSpecs.get(type)!;
    const r = resolveLayer({ type, args: spec.example.args }, spec.example.input, spec.example.dialect ?? 'keras3');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const matrix = r.row.weights.some((w) => w.shape.length >= 2);
    if (matrix && !NOT_MULTIPLIED.has(type)) expect(r.row.macs).toBeGreaterThan(0);
    if (r.row.macsFormula) expect(evaluate(r.row.macsFormula)).toBe(r.row.macs);
  });
});
