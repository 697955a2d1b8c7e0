/** tf.keras's summary text in its three eras, checked against the Keras 2 texts of docs/summary-formats.md#printed-examples. */
import { describe, expect, it } from 'vitest';
import { truncatedRow, wrappedRow } from '@calc/keras2-print-row.ts';
import { pythonStringList, pythonTuple } from '@calc/python-repr.ts';
import { renderKeras2 } from '@calc/summary-keras2.ts';
import * as fixtures from './keras-printed-summaries.ts';
import { layer, nested, summary, tutorialFunctional, tutorialSequential, twoInputs, unbuilt, w } from './summary-builders.ts';

describe('tf.keras 2.13+ (era C, the default)', () => {
  it('prints the Sequential CNN 65 wide, 93322 without separators and (364.54 KB)', () => {
    expect(renderKeras2(tutorialSequential())).toBe(fixtures.KERAS2_C_SEQUENTIAL);
    expect(renderKeras2(tutorialSequential(), { era: 'C' })).toBe(fixtures.KERAS2_C_SEQUENTIAL);
  });

  it('prints the Functional version with its InputLayer shape as a list, [(None, 28, 28, 1)]', () => {
    expect(renderKeras2(tutorialFunctional('model', 'input_1'))).toBe(fixtures.KERAS2_C_FUNCTIONAL);
  });

  it('prints the two-input model 98 wide with Python lists of connections', () => {
    expect(renderKeras2(twoInputs())).toBe(fixtures.KERAS2_C_TWO_INPUTS);
  });
});

describe('tf.keras 2.7–2.12 (era B)', () => {
  it('wraps the Sequential CNN one character later than era C, footer with commas and no size', () => {
    expect(renderKeras2(tutorialSequential(), { era: 'B' })).toBe(fixtures.KERAS2_B_SEQUENTIAL);
  });

  it('uses the older Functional column positions for the two-input model', () => {
    expect(renderKeras2(twoInputs(), { era: 'B' })).toBe(fixtures.KERAS2_B_TWO_INPUTS);
  });
});

describe('tf.keras ≤ 2.6 (era A)', () => {
  it('truncates instead of wrapping, with _ rules between layers', () => {
    expect(renderKeras2(tutorialSequential(), { era: 'A' })).toBe(fixtures.KERAS2_A_SEQUENTIAL);
  });

  it('puts the second connection of the Concatenate on a line of its own', () => {
    expect(renderKeras2(twoInputs(), { era: 'A' })).toBe(fixtures.KERAS2_A_TWO_INPUTS);
  });
});

describe('tf.keras details', () => {
  const lines = (text: string): string[] => text.split('\n');

  it('writes a one-axis shape as the Python tuple (None,)', () => {
    expect(pythonTuple([null])).toBe('(None,)');
    expect(pythonTuple([null, 26, 26, 32])).toBe('(None, 26, 26, 32)');
    expect(pythonStringList([])).toBe('[]');
    expect(pythonStringList(['a[0][0]', "it's"])).toBe(`['a[0][0]', "it's"]`);
  });

  it('prints several outputs as a list of tuples', () => {
    const model = summary('lstm_model', [
      layer(
        'lstm',
        'LSTM',
        [
          [null, 4],
          [null, 4],
          [null, 4],
        ],
        [w('kernel', [8, 16]), w('recurrent_kernel', [4, 16]), w('bias', [16])],
      ),
    ]);
    expect(lines(renderKeras2(model))[4]).toBe(' lstm (LSTM)                 [(None, 4),               208       ');
  });

  it('prints multiple and 0 (unused) for a layer that was never built', () => {
    expect(lines(renderKeras2(summary('sub', [unbuilt('dense', 'Dense')])))[4]).toBe(
      ' dense (Dense)               multiple                  0 (unused)',
    );
  });

  it('sizes small totals in Byte: 10 float32 parameters are 40.00 Byte', () => {
    const model = summary('tiny', [layer('dense', 'Dense', [null, 2], [w('kernel', [4, 2]), w('bias', [2])])]);
    expect(lines(renderKeras2(model)).slice(-5, -2)).toEqual([
      'Total params: 10 (40.00 Byte)',
      'Trainable params: 10 (40.00 Byte)',
      'Non-trainable params: 0 (0.00 Byte)',
    ]);
  });

  it('adds an 11-character Trainable column with Y or N', () => {
    const model = summary('frozen', [layer('dense', 'Dense', [null, 2], [w('kernel', [4, 2], false), w('bias', [2], false)])]);
    const text = lines(renderKeras2(model, { showTrainable: true }));
    expect(text[1]).toBe('_'.repeat(65 + 11));
    expect(text[2]).toBe(` Layer (type)                Output Shape              Param #   Trainable  `);
    expect(text[4]).toBe(` dense (Dense)               (None, 2)                 10        N          `);
  });

  it('draws the layers of a nested model inside | borders with expandNested', () => {
    const inner = nested('inner', 'Sequential', [null, 2], [layer('dense', 'Dense', [null, 2], [w('kernel', [4, 2]), w('bias', [2])])]);
    const text = lines(renderKeras2(summary('outer', [inner]), { expandNested: true }));
    expect(text.slice(4, 9)).toEqual([
      ` inner (Sequential)          (None, 2)                 10        `,
      `|${'¯'.repeat(63)}|`,
      `| dense (Dense)              (None, 2)                 10       |`,
      '¯'.repeat(65),
      ' '.repeat(65),
    ]);
  });

  it('lays out one row the way each era does', () => {
    const positions = [29, 55, 65];
    const fields = ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 32)', '0'];
    expect(truncatedRow(fields, positions)).toBe('max_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0         ');
    expect(wrappedRow(fields, positions, 'B')).toEqual([
      ' max_pooling2d (MaxPooling2D  (None, 13, 13, 32)       0         ',
      ' )                                                               ',
    ]);
    expect(wrappedRow(fields, positions, 'C')).toEqual([
      ' max_pooling2d (MaxPooling2  (None, 13, 13, 32)        0         ',
      ' D)                                                              ',
    ]);
  });
});
