/**
 * Recurrent layers, read like the lesson. A recurrent layer repeats one cell over time, so its
 * count depends on the features per step and the units, never on the number of steps. Expected
 * numbers are executed Keras 3 facts from docs/keras-layers.md#recurrent and docs/dialects.md,
 * the mistakes of docs/learner-mistakes.md#lstm-gates, #gru-reset-after and
 * #bidirectional-doubling, and hand arithmetic written in each test.
 */
import { describe, expect, it } from 'vitest';
import { equationText } from '@calc/explain.ts';
import { summarize } from '@calc/summarize.ts';
import type { LayerArgs } from '@calc/types.ts';
import { build, problem, weightShapes } from './build-layer.ts';

/** A wrapped layer as the importers hand it to Bidirectional / TimeDistributed. */
const inner = (type: string, args: LayerArgs, name: string | null = null) => ({ type, name, args });

describe('SimpleRNN: one kernel for the input, one for the previous output, one bias', () => {
  it('counts 32 × (8 + 32) + 32 = 1,312 on 8 features (executed)', () => {
    const row = build('SimpleRNN', { units: 32 }, [null, 10, 8]);
    expect(row.params).toBe(1_312);
    expect(weightShapes(row)).toEqual([
      ['kernel', [8, 32]],
      ['recurrent_kernel', [32, 32]],
      ['bias', [32]],
    ]);
    expect(equationText(row.formula!)).toBe('32 × (8 + 32) + 32 = 1,312');
  });

  it('returns only the last step (None, 32), or every step (None, 10, 32) with return_sequences', () => {
    expect(build('SimpleRNN', { units: 32 }, [null, 10, 8]).outputShape).toEqual([null, 32]);
    expect(build('SimpleRNN', { units: 32, return_sequences: true }, [null, 10, 8]).outputShape).toEqual([null, 10, 32]);
  });

  it('does not depend on the number of steps, known or not', () => {
    expect(build('SimpleRNN', { units: 32 }, [null, 1000, 8]).params).toBe(1_312);
    expect(build('SimpleRNN', { units: 32, return_sequences: true }, [null, null, 8]).outputShape).toEqual([null, null, 32]);
  });
});

describe('LSTM: four gate blocks, each a SimpleRNN’s worth of weights', () => {
  it('counts 4 × (32 × (8 + 32) + 32) = 5,248 on 8 features (executed)', () => {
    const row = build('LSTM', { units: 32 }, [null, 10, 8]);
    expect(row.params).toBe(4 * (32 * (8 + 32) + 32));
    expect(row.params).toBe(5_248);
    expect(weightShapes(row)).toEqual([
      ['kernel', [8, 128]],
      ['recurrent_kernel', [32, 128]],
      ['bias', [128]],
    ]);
    expect(equationText(row.formula!)).toBe('4 × (32 × (8 + 32) + 32) = 5,248');
  });

  it('names what each number is: gates, units, input features, recurrent units, bias', () => {
    const row = build('LSTM', { units: 32 }, [null, 10, 8]);
    const roles: string[] = [];
    const walk = (t: NonNullable<typeof row.formula>): void => {
      if (t.kind === 'num') roles.push(t.role);
      else t.terms.forEach(walk);
    };
    walk(row.formula!);
    expect(roles).toEqual(['gates', 'units', 'input features', 'recurrent units', 'bias']);
  });

  it('gives 10,800 for LSTM(50) on 3 features, not 2,700 (no ×4), 10,200 (no input) or 10,600 (no bias)', () => {
    const params = build('LSTM', { units: 50 }, [null, 20, 3]).params;
    expect(params).toBe(4 * ((3 + 50) * 50 + 50));
    expect(params).toBe(10_800);
    expect([2_700, 10_200, 10_600]).not.toContain(params);
  });

  it('gives 396 for LSTM(9) on 1 feature', () => {
    expect(build('LSTM', { units: 9 }, [null, 30, 1]).params).toBe(4 * (9 * (1 + 9) + 9));
  });

  it('drops the bias with use_bias=False: 4 × 32 × (8 + 32) = 5,120', () => {
    const row = build('LSTM', { units: 32, use_bias: false }, [null, 10, 8]);
    expect(row.params).toBe(4 * 32 * (8 + 32));
    expect(weightShapes(row).map(([n]) => n)).toEqual(['kernel', 'recurrent_kernel']);
  });

  it('returns [output, h, c] with return_state', () => {
    expect(build('LSTM', { units: 16, return_state: true }, [null, 10, 8]).outputShape).toEqual([
      [null, 16],
      [null, 16],
      [null, 16],
    ]);
    expect(build('LSTM', { units: 16, return_state: true, return_sequences: true }, [null, 10, 8]).outputShape).toEqual([
      [null, 10, 16],
      [null, 16],
      [null, 16],
    ]);
  });
});

describe('GRU: three gates, and with reset_after a second bias per gate', () => {
  it('counts 3 × (32 × (8 + 32) + 2 × 32) = 4,032 in Keras 3, where reset_after defaults to True', () => {
    const row = build('GRU', { units: 32 }, [null, 10, 8]);
    expect(row.params).toBe(4_032);
    expect(weightShapes(row)).toEqual([
      ['kernel', [8, 96]],
      ['recurrent_kernel', [32, 96]],
      ['bias', [2, 96]],
    ]);
    expect(equationText(row.formula!)).toBe('3 × (32 × (8 + 32) + 2 × 32) = 4,032');
  });

  it('counts 3 × (32 × (8 + 32) + 32) = 3,936 with reset_after=False: bias (96,)', () => {
    const row = build('GRU', { units: 32, reset_after: false }, [null, 10, 8]);
    expect(row.params).toBe(3_936);
    expect(weightShapes(row)[2]).toEqual(['bias', [96]]);
  });

  it('follows each Keras’s default: 4,032 in tf.keras 2, 3,936 in Keras 2.3.1 and tfjs', () => {
    expect(build('GRU', { units: 32 }, [null, 10, 8], 'tf.keras').params).toBe(4_032);
    expect(build('GRU', { units: 32 }, [null, 10, 8], 'keras-mb').params).toBe(3_936);
    expect(build('GRU', { units: 32 }, [null, 10, 8], 'tfjs').params).toBe(3_936);
  });

  it('gives 4,800 for GRU(32) on 16 features, not the TF1-style 4,704', () => {
    const params = build('GRU', { units: 32 }, [null, 10, 16]).params;
    expect(params).toBe(3 * (16 * 32 + 32 * 32 + 2 * 32));
    expect(params).not.toBe(4_704);
  });

  it('returns [output, h] with return_state: a GRU carries one state', () => {
    expect(build('GRU', { units: 4, return_state: true }, [null, 10, 8]).outputShape).toEqual([
      [null, 4],
      [null, 4],
    ]);
  });
});

describe('CuDNNLSTM / CuDNNGRU (Keras 2.x): cuDNN keeps input and recurrent biases apart', () => {
  it('CuDNNLSTM(32) on 8 features: 4 × (32 × (8 + 32) + 2 × 32) = 5,376, bias (256,)', () => {
    const row = build('CuDNNLSTM', { units: 32 }, [null, 10, 8], 'tf.keras');
    expect(row.params).toBe(4 * (32 * (8 + 32) + 2 * 32));
    expect(weightShapes(row)[2]).toEqual(['bias', [8 * 32]]);
  });

  it('CuDNNGRU(32) on 8 features: 3 × (32 × (8 + 32) + 2 × 32) = 4,032, bias (192,)', () => {
    const row = build('CuDNNGRU', { units: 32 }, [null, 10, 8], 'keras-mb');
    expect(row.params).toBe(4_032);
    expect(weightShapes(row)[2]).toEqual(['bias', [6 * 32]]);
  });
});

describe('RNN(cell): the generic loop counts exactly what its cell would', () => {
  it('RNN(LSTMCell(32)) on 8 features is an LSTM(32): 5,248', () => {
    const row = build('RNN', { cell: { class_name: 'LSTMCell', config: { units: 32 } } }, [null, 10, 8]);
    expect(row.params).toBe(5_248);
    expect(row.outputShape).toEqual([null, 32]);
  });

  it('feeds each stacked cell the previous cell’s units: LSTMCell(6) then GRUCell(3) on 3 features', () => {
    // LSTM: 4 × (6 × (3 + 6) + 6) = 240; GRU on 6 inputs: 3 × (3 × (6 + 3) + 2 × 3) = 99
    const row = build(
      'RNN',
      {
        cell: [
          { class_name: 'LSTMCell', config: { units: 6 } },
          { class_name: 'GRUCell', config: { units: 3 } },
        ],
      },
      [null, 7, 3],
    );
    expect(row.params).toBe(240 + 99);
    expect(row.outputShape).toEqual([null, 3]);
  });

  it('reports an unknown cell class as a diagnostic', () => {
    expect(problem('RNN', { cell: { class_name: 'MyCell', config: {} } }, [null, 7, 3]).arg).toBe('cell');
  });
});

describe('Bidirectional: a forward and a backward copy of the same layer', () => {
  it('counts 2 × 4 × (16 × (8 + 16) + 16) = 3,200 for Bidirectional(LSTM(16)) on 8 features (executed)', () => {
    const row = build('Bidirectional', { layer: inner('LSTM', { units: 16 }) }, [null, 10, 8]);
    expect(row.params).toBe(3_200);
    expect(equationText(row.formula!)).toBe('2 × 4 × (16 × (8 + 16) + 16) = 3,200');
  });

  it('names the copies forward_lstm and backward_lstm', () => {
    const row = build('Bidirectional', { layer: inner('LSTM', { units: 16 }, 'lstm') }, [null, 10, 8]);
    expect(row.weights.map((w) => w.name)).toEqual([
      'forward_lstm/kernel',
      'forward_lstm/recurrent_kernel',
      'forward_lstm/bias',
      'backward_lstm/kernel',
      'backward_lstm/recurrent_kernel',
      'backward_lstm/bias',
    ]);
  });

  it('concatenates by default (None, 32); sum, ave and mul keep (None, 16); None returns both', () => {
    const on = (merge_mode: unknown) =>
      build('Bidirectional', { layer: inner('LSTM', { units: 16 }), merge_mode }, [null, 10, 8]).outputShape;
    expect(on('concat')).toEqual([null, 32]);
    expect(on('sum')).toEqual([null, 16]);
    expect(on('ave')).toEqual([null, 16]);
    expect(on('mul')).toEqual([null, 16]);
    expect(on(null)).toEqual([
      [null, 16],
      [null, 16],
    ]);
  });

  it('doubles GRU(32) on 16 features to 9,600, not 9,408', () => {
    expect(build('Bidirectional', { layer: inner('GRU', { units: 32 }) }, [null, 10, 16]).params).toBe(2 * 4_800);
  });

  it('lists the merged output, then the forward states, then the backward states, with return_state', () => {
    const row = build('Bidirectional', { layer: inner('LSTM', { units: 5, return_state: true, return_sequences: true }) }, [null, 7, 3]);
    expect(row.outputShape).toEqual([
      [null, 7, 10],
      [null, 5],
      [null, 5],
      [null, 5],
      [null, 5],
    ]);
  });

  it('adds the two copies when an explicit backward_layer differs: 1,600 + 544', () => {
    // forward LSTM(16): 4 × (16 × (8 + 16) + 16) = 1,600; backward LSTM(8): 4 × (8 × (8 + 8) + 8) = 544
    const row = build(
      'Bidirectional',
      {
        layer: inner('LSTM', { units: 16 }),
        backward_layer: inner('LSTM', { units: 8, go_backwards: true }),
      },
      [null, 10, 8],
    );
    expect(row.params).toBe(1_600 + 544);
    expect(equationText(row.formula!)).toBe('4 × (16 × (8 + 16) + 16) + 4 × (8 × (8 + 8) + 8) = 2,144');
  });

  it('rejects a backward_layer that does not read backwards, or disagrees on return_sequences', () => {
    expect(
      problem('Bidirectional', { layer: inner('LSTM', { units: 4 }), backward_layer: inner('LSTM', { units: 4 }) }, [null, 10, 8]).message,
    ).toContain('go_backwards');
    expect(
      problem(
        'Bidirectional',
        {
          layer: inner('LSTM', { units: 4, return_sequences: true }),
          backward_layer: inner('LSTM', { units: 4, go_backwards: true }),
        },
        [null, 10, 8],
      ).message,
    ).toContain('return_sequences');
  });

  it('rejects an unknown merge_mode', () => {
    expect(problem('Bidirectional', { layer: inner('LSTM', { units: 4 }), merge_mode: 'max' }, [null, 10, 8]).arg).toBe('merge_mode');
  });
});

describe('TimeDistributed: one inner layer, shared by every step', () => {
  it('counts Dense(8) on (10, 16) once: 16 × 8 + 8 = 136, output (None, 10, 8)', () => {
    const row = build('TimeDistributed', { layer: inner('Dense', { units: 8 }) }, [null, 10, 16]);
    expect(row.params).toBe(136);
    expect(row.outputShape).toEqual([null, 10, 8]);
  });

  it('builds the inner Conv2D on one frame: 28 × 28 × 1 → 26 × 26 × 4, 4 × (1 × 3 × 3 + 1) = 40', () => {
    const row = build('TimeDistributed', { layer: inner('Conv2D', { filters: 4, kernel_size: 3 }) }, [null, 5, 28, 28, 1]);
    expect(row.outputShape).toEqual([null, 5, 26, 26, 4]);
    expect(row.params).toBe(40);
  });

  it('after Bidirectional(GRU(16)) sees 32 features: 32 × 8 + 8 = 264, not 2 × 136 = 272', () => {
    const s = summarize({
      kind: 'sequential',
      input: [null, 64, 10],
      layers: [
        { type: 'Bidirectional', args: { layer: inner('GRU', { units: 16, return_sequences: true }) } },
        { type: 'TimeDistributed', args: { layer: inner('Dense', { units: 8 }) } },
      ],
    });
    expect(s.error).toBeUndefined();
    expect(s.rows[0]!.outputShape).toEqual([null, 64, 32]);
    expect(s.rows[1]!.params).toBe(264);
  });

  it('needs a time axis: a rank-2 input is a diagnostic', () => {
    expect(problem('TimeDistributed', { layer: inner('Dense', { units: 8 }) }, [null, 16]).message).toContain('rank ≥ 3');
  });
});

describe('ConvLSTM: an LSTM whose gates are convolutions', () => {
  it('counts 4 × (8 × 3 × 3 × (3 + 8) + 8) = 3,200 for ConvLSTM2D(8, 3) on 3 channels (executed)', () => {
    const row = build('ConvLSTM2D', { filters: 8, kernel_size: 3 }, [null, 5, 32, 32, 3]);
    expect(row.params).toBe(3_200);
    expect(weightShapes(row)).toEqual([
      ['kernel', [3, 3, 3, 32]],
      ['recurrent_kernel', [3, 3, 8, 32]],
      ['bias', [32]],
    ]);
    expect(equationText(row.formula!)).toBe('4 × (8 × 3 × 3 × (3 + 8) + 8) = 3,200');
  });

  it('shrinks each frame like a conv: 32 − 3 + 1 = 30, and keeps the steps with return_sequences', () => {
    expect(build('ConvLSTM2D', { filters: 8, kernel_size: 3 }, [null, 5, 32, 32, 3]).outputShape).toEqual([null, 30, 30, 8]);
    expect(build('ConvLSTM2D', { filters: 8, kernel_size: 3, return_sequences: true }, [null, 5, 32, 32, 3]).outputShape).toEqual([
      null,
      5,
      30,
      30,
      8,
    ]);
    expect(build('ConvLSTM2D', { filters: 8, kernel_size: 3, padding: 'same', strides: 2 }, [null, 5, 9, 9, 3]).outputShape).toEqual([
      null,
      5,
      5,
      8,
    ]);
  });

  it('reads channels first from axis 2: (None, T, 3, 32, 32) → (None, 8, 30, 30)', () => {
    const row = build('ConvLSTM2D', { filters: 8, kernel_size: 3, data_format: 'channels_first' }, [null, 5, 3, 32, 32]);
    expect(row.outputShape).toEqual([null, 8, 30, 30]);
    expect(row.params).toBe(3_200);
  });

  it('ConvLSTM1D with kernel 5 on 2 channels: 4 × (4 × 5 × (2 + 4) + 4) = 496', () => {
    const row = build('ConvLSTM1D', { filters: 4, kernel_size: 5 }, [null, 6, 20, 2]);
    expect(row.params).toBe(496);
    expect(row.outputShape).toEqual([null, 16, 4]);
  });

  it('ConvLSTM3D with a 2 × 2 × 2 kernel on 1 channel: 4 × (2 × 8 × (1 + 2) + 2) = 200', () => {
    const row = build('ConvLSTM3D', { filters: 2, kernel_size: 2 }, [null, 4, 6, 6, 6, 1]);
    expect(row.params).toBe(200);
    expect(row.outputShape).toEqual([null, 5, 5, 5, 2]);
  });

  it('returns [output, h, c] with return_state', () => {
    expect(build('ConvLSTM2D', { filters: 4, kernel_size: 3, return_state: true }, [null, 5, 8, 8, 1]).outputShape).toEqual([
      [null, 6, 6, 4],
      [null, 6, 6, 4],
      [null, 6, 6, 4],
    ]);
  });

  it('needs every frame size known, and a kernel that fits', () => {
    expect(problem('ConvLSTM2D', { filters: 4, kernel_size: 3 }, [null, 5, null, 8, 1]).message).toContain('spatial');
    expect(problem('ConvLSTM2D', { filters: 4, kernel_size: 5 }, [null, 5, 3, 3, 1]).arg).toBe('kernel_size');
  });
});

describe('recurrent layers report impossible inputs as values', () => {
  it('an LSTM on a rank-2 input says it wants (batch, timesteps, features)', () => {
    const d = problem('LSTM', { units: 32 }, [null, 8]);
    expect(d.layerType).toBe('LSTM');
    expect(d.message).toBe('expects input of rank 3 (batch, timesteps, features), got (None, 8) of rank 2');
  });

  it('an LSTM needs its units', () => {
    expect(problem('LSTM', {}, [null, 10, 8]).arg).toBe('units');
  });

  it('an unknown feature size cannot size the kernel', () => {
    expect(problem('GRU', { units: 4 }, [null, 10, null]).message).toContain('must be known');
  });
});
