/**
 * What a lesson's <Fact> prints and which numbers the drift test allows, checked against the MNIST
 * CNN worked out by hand (docs/keras-layers.md#tutorial-model).
 */
import { describe, expect, it } from 'vitest';
import type { LayerFact, ModelFact } from '@lessons/types.ts';
import { derivedNumbers, factText, resolveFact } from '@lessons/facts.ts';

const secondConv: LayerFact = { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: [3, 3] } }, input: [null, 13, 13, 32] };
const batchNorm: LayerFact = { layer: { type: 'BatchNormalization' }, input: [null, 8, 8, 16] };
const pool: LayerFact = { layer: { type: 'MaxPooling2D', args: { pool_size: [2, 2] } }, input: [null, 26, 26, 32] };
const mnist: ModelFact = {
  model: {
    kind: 'sequential',
    input: [null, 28, 28, 1],
    layers: [
      { type: 'Conv2D', args: { filters: 32, kernel_size: [3, 3], activation: 'relu' } },
      { type: 'MaxPooling2D', args: { pool_size: [2, 2] } },
      { type: 'Conv2D', args: { filters: 64, kernel_size: [3, 3], activation: 'relu' } },
      { type: 'MaxPooling2D', args: { pool_size: [2, 2] } },
      { type: 'Conv2D', args: { filters: 64, kernel_size: [3, 3], activation: 'relu' } },
      { type: 'Flatten' },
      { type: 'Dense', args: { units: 64, activation: 'relu' } },
      { type: 'Dense', args: { units: 10 } },
    ],
  },
};

const grouped = (n: number): string => n.toLocaleString('en-US');
const mnistCounts = [32 * (1 * 9 + 1), 64 * (32 * 9 + 1), 64 * (64 * 9 + 1), 64 * (3 * 3 * 64 + 1), 10 * (64 + 1)];
const mnistTotal = mnistCounts.reduce((a, b) => a + b, 0);

describe('layer facts', () => {
  it('counts 64 × (32 × 3 × 3 + 1) = 18,496 for the second Conv2D', () => {
    expect(factText(secondConv, 'params')).toBe(grouped(64 * (32 * 3 * 3 + 1)));
    expect(factText(secondConv, 'equation')).toBe('64 × (32 × 3 × 3 + 1) = 18,496');
    expect(factText(secondConv, 'formula')).toBe('64 × (32 × 3 × 3 + 1)');
    expect(factText(secondConv, 'trainable')).toBe('18,496');
    expect(factText(secondConv, 'nonTrainable')).toBe('0');
  });

  it('prints its output shape as Keras does: (None, 11, 11, 64)', () => {
    expect(factText(secondConv, 'shape')).toBe(`(None, ${13 - 3 + 1}, ${13 - 3 + 1}, 64)`);
  });

  it('lists its weights: a 3×3×32×64 kernel and 64 biases', () => {
    expect(factText(secondConv, 'weights')).toBe(`kernel 3×3×32×64 = ${grouped(3 * 3 * 32 * 64)}; bias 64`);
    // A Chinese page joins them with a full-width semicolon (Fact.astro passes the page's separator).
    expect(factText(secondConv, 'weights', '；')).toBe(`kernel 3×3×32×64 = ${grouped(3 * 3 * 32 * 64)}；bias 64`);
  });

  it('splits BatchNormalization into 2 × 16 trainable and 2 × 16 non-trainable', () => {
    expect(factText(batchNorm, 'params')).toBe(String(4 * 16));
    expect(factText(batchNorm, 'trainable')).toBe(String(2 * 16));
    expect(factText(batchNorm, 'nonTrainable')).toBe(String(2 * 16));
  });

  it('gives a pooling layer 0 parameters and refuses to invent an equation for it', () => {
    expect(factText(pool, 'params')).toBe('0');
    expect(factText(pool, 'shape')).toBe('(None, 13, 13, 32)');
    expect(() => factText(pool, 'equation')).toThrow(/no weights/);
  });

  it('resolves to the row src/calc computes', () => {
    const row = resolveFact(secondConv);
    expect(row.params).toBe(18496);
    expect(row.weights.map((w) => w.shape)).toEqual([[3, 3, 32, 64], [64]]);
  });
});

describe('model facts', () => {
  it(`totals the MNIST CNN: ${mnistCounts.join(' + ')} = 93,322`, () => {
    expect(mnistTotal).toBe(93322);
    expect(factText(mnist, 'total')).toBe(grouped(mnistTotal));
    expect(factText(mnist, 'trainableTotal')).toBe(grouped(mnistTotal));
    expect(factText(mnist, 'nonTrainableTotal')).toBe('0');
  });

  it('gives its size as Keras does: 93,322 × 4 bytes = 364.54 KB', () => {
    expect((mnistTotal * 4) / 1024).toBeCloseTo(364.539, 3);
    expect(factText(mnist, 'bytes')).toBe('364.54 KB');
  });

  it('reads single rows by Keras name', () => {
    expect(factText(mnist, 'row:conv2d_1:params')).toBe('18,496');
    expect(factText(mnist, 'row:conv2d_1:shape')).toBe('(None, 11, 11, 64)');
    expect(factText(mnist, 'row:flatten:shape')).toBe(`(None, ${3 * 3 * 64})`);
    expect(factText(mnist, 'row:dense_1:equation')).toBe('10 × (64 + 1) = 650');
  });
});

describe('broken facts stop the build with the reason', () => {
  it('names the layer and the arithmetic when a fact does not resolve', () => {
    const tooBig: LayerFact = { layer: { type: 'Conv2D', args: { filters: 8, kernel_size: 5 } }, input: [null, 3, 3, 1] };
    expect(() => factText(tooBig, 'params')).toThrow(/Conv2D on \(None, 3, 3, 1\) does not resolve/);
  });

  it('refuses an unknown layer class', () => {
    expect(() => factText({ layer: { type: 'Conv9D' }, input: [null, 4] }, 'params')).toThrow(/Conv9D/);
  });

  it('refuses an unknown show, an unknown row and a missing fact', () => {
    expect(() => factText(secondConv, 'paramz')).toThrow(/show="paramz"/);
    expect(() => factText(mnist, 'row:conv2d_9:params')).toThrow(/no layer named "conv2d_9"/);
    expect(() => factText(mnist, 'row:conv2d_1:size')).toThrow(/"size"/);
    expect(() => factText(mnist, 'equation')).toThrow(/not something a model fact can show/);
    expect(() => resolveFact(undefined as unknown as LayerFact)).toThrow(/fact that is undefined/);
  });
});

describe('the numbers a lesson may quote', () => {
  const lesson = { facts: { secondConv, mnist }, calculators: {} };
  const allowed = derivedNumbers(lesson);

  it.each([
    [18496, 'the count'],
    [288, '32 × 3 × 3'],
    [289, '32 × 3 × 3 + 1'],
    [9, '3 × 3'],
    [18432, 'the kernel 3×3×32×64'],
    [13, 'the input side'],
    [11, 'the output side'],
    [576, 'Flatten: 3 × 3 × 64'],
    [93322, 'the total'],
    [364.54, 'the KB figure'],
    [373288, 'the bytes'],
    [650, '10 × (64 + 1)'],
    [65, '64 + 1'],
    [28, 'the image side'],
  ])('allows %d (%s)', (n) => {
    expect(allowed.has(n)).toBe(true);
  });

  it.each([[18469], [93323], [364.53], [1000]])('does not allow %d', (n) => {
    expect(allowed.has(n)).toBe(false);
  });

  it("includes numbers of calculators' starting layers", () => {
    const numbers = derivedNumbers({
      facts: {},
      calculators: {
        c: {
          id: 'c',
          title: { en: '', 'zh-cn': '' },
          layers: [{ type: 'Dense', args: { units: 17 } }],
          input: [null, 99],
          fields: [],
          show: [],
        },
      },
    });
    expect(numbers.has(17 * (99 + 1))).toBe(true);
  });
});

describe('the output-length arithmetic a lesson may walk through', () => {
  it('allows the steps of ⌊(28 − 3) / 2⌋ + 1 = 13 for Conv2D(8, 3, strides=2) on 28×28', () => {
    const strided: LayerFact = { layer: { type: 'Conv2D', args: { filters: 8, kernel_size: 3, strides: 2 } }, input: [null, 28, 28, 1] };
    const allowed = derivedNumbers({ facts: { strided }, calculators: {} });
    expect(Math.floor((28 - 3) / 2) + 1).toBe(13);
    for (const n of [28 - 3, Math.floor((28 - 3) / 2), 13]) expect(allowed.has(n), String(n)).toBe(true);
  });

  it('uses pool_size as the default stride for pooling: ⌊(27 − 2) / 2⌋ = 12', () => {
    const pool27: LayerFact = { layer: { type: 'MaxPooling2D', args: { pool_size: 2 } }, input: [null, 27, 27, 4] };
    const allowed = derivedNumbers({ facts: { pool27 }, calculators: {} });
    expect(allowed.has(27 - 2)).toBe(true);
    expect(allowed.has(Math.floor((27 - 2) / 2))).toBe(true);
  });

  it('spans a dilated kernel: 2 × (3 − 1) + 1 = 5, so 13 − 5 = 8', () => {
    const dilated: LayerFact = {
      layer: { type: 'Conv2D', args: { filters: 8, kernel_size: 3, dilation_rate: 2 } },
      input: [null, 13, 13, 32],
    };
    const allowed = derivedNumbers({ facts: { dilated }, calculators: {} });
    expect(allowed.has(13 - (2 * (3 - 1) + 1))).toBe(true);
  });
});

describe('work and memory facts (Keras prints neither; hand arithmetic)', () => {
  it('the second Conv2D: 11 × 11 cells × 64 filters × 288 weights, and twice that in FLOPs', () => {
    expect(factText(secondConv, 'macs')).toBe(grouped(11 * 11 * 64 * 288));
    expect(factText(secondConv, 'macsEquation')).toBe('11 × 11 × 64 × 32 × 3 × 3 = 2,230,272');
    expect(factText(secondConv, 'flops')).toBe(grouped(2 * 11 * 11 * 64 * 288));
  });

  it('output values and their float32 bytes, per example: 11 × 11 × 64 = 7,744 values, 30,976 B', () => {
    expect(factText(secondConv, 'values')).toBe('7,744');
    // 7,744 × 4 bytes = 30,976 B = 30.25 KB (Keras's binary kilobytes)
    expect(factText(secondConv, 'activationBytes')).toBe('30.25 KB');
  });

  it('pooling does no counted work: its MACs are 0, and it has no MAC arithmetic to write out', () => {
    expect(factText(pool, 'macs')).toBe('0');
    expect(() => factText(pool, 'macsEquation')).toThrow(/no multiply-accumulates/);
  });

  it('the MNIST CNN: 194,688 + 2,230,272 + 331,776 + 36,864 + 640 MACs', () => {
    const macs = 26 * 26 * 32 * 9 + 11 * 11 * 64 * 288 + 3 * 3 * 64 * 576 + 576 * 64 + 64 * 10;
    expect(factText(mnist, 'macs')).toBe(grouped(macs));
    expect(factText(mnist, 'flops')).toBe(grouped(2 * macs));
    expect(factText(mnist, 'row:dense:macs')).toBe(grouped(576 * 64));
  });

  it('a None size leaves nothing to quote, and the build says why', () => {
    const lstm: LayerFact = { layer: { type: 'LSTM', args: { units: 8 } }, input: [null, null, 4] };
    expect(() => factText(lstm, 'macs')).toThrow(/None size/);
  });
});
