/**
 * Pooling: why a pooling row shows 0 parameters, how the output size is floored,
 * what pool_size, strides (default = pool_size) and padding do, and how a 0-parameter layer still
 * moves the counts of the layers after it.
 */
import type { CalculatorPreset, Fact, LessonModule } from './types.ts';

const maxPool = (args: Record<string, unknown>, input: (number | null)[]): Fact => ({ layer: { type: 'MaxPooling2D', args }, input });

export const facts = {
  /** MNIST's first pooling: 26 is even, nothing is dropped. */
  firstPool: maxPool({ pool_size: 2 }, [null, 26, 26, 32]),
  /** MNIST's second pooling: 11 is odd, the last row and column are dropped. */
  secondPool: maxPool({ pool_size: 2 }, [null, 11, 11, 64]),
  /** docs/learner-mistakes.md#pool-stride-default: strides default to the pool size. */
  pool3: maxPool({ pool_size: 3 }, [null, 32, 32, 3]),
  /** …what stride 1 would give instead. */
  pool3Stride1: maxPool({ pool_size: 3, strides: 1 }, [null, 32, 32, 3]),
  /** …and stride 2. */
  pool3Stride2: maxPool({ pool_size: 3, strides: 2 }, [null, 32, 32, 3]),
  /** Overlapping windows, asked for explicitly. */
  overlapping: maxPool({ pool_size: 3, strides: 2 }, [null, 26, 26, 32]),
  /** padding="same": ⌈11 / 2⌉ = 6. */
  samePool: maxPool({ pool_size: 2, padding: 'same' }, [null, 11, 11, 64]),
  /** Same padding with stride 1 keeps the size. */
  sameStride1: maxPool({ pool_size: 2, strides: 1, padding: 'same' }, [null, 11, 11, 64]),
  /** Average pooling: same shapes, also 0 parameters. */
  averagePool: { layer: { type: 'AveragePooling2D', args: { pool_size: 2 } }, input: [null, 11, 11, 64] },
  /** Downstream of MNIST's second pooling as it is: conv → flatten → Dense(64). */
  thirdConv: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, input: [null, 5, 5, 64] },
  flatten: { layer: { type: 'Flatten' }, input: [null, 3, 3, 64] },
  dense: { layer: { type: 'Dense', args: { units: 64 } }, input: [null, 576] },
  /** …and if that pooling used padding="same" (6×6 instead of 5×5). */
  thirdConvAfterSame: { layer: { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } }, input: [null, 6, 6, 64] },
  flattenAfterSame: { layer: { type: 'Flatten' }, input: [null, 4, 4, 64] },
  denseAfterSame: { layer: { type: 'Dense', args: { units: 64 } }, input: [null, 1024] },
} satisfies Record<string, Fact>;

export const calculators = {
  /** The pooling calculator: input size, pool, stride, padding → output, with the dropped rows drawn. */
  pool: {
    id: 'pooling',
    title: { en: 'MaxPooling2D: input, pool, stride, padding', 'zh-cn': 'MaxPooling2D：输入、池化窗口、步幅、填充' },
    layers: [{ type: 'MaxPooling2D', args: { pool_size: 2, strides: 2, padding: 'valid' } }],
    input: [null, 11, 11, 64],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 32 },
      { target: 'input[2]', kind: 'int', min: 1, max: 32 },
      { target: 'input[3]', kind: 'int', min: 1, max: 512 },
      { target: 'pool_size', kind: 'int', min: 1, max: 8 },
      {
        target: 'strides',
        kind: 'int',
        min: 1,
        max: 8,
        help: {
          en: 'Keras defaults strides to pool_size; here it is set explicitly so you can change it.',
          'zh-cn': 'Keras 默认步幅等于 pool_size；这里把它单独列出来，方便你修改。',
        },
      },
      { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
    ],
    show: ['shape', 'pooling-grid'],
  },
} satisfies Record<string, CalculatorPreset>;

export const otherNumbers: LessonModule['otherNumbers'] = [
  { value: 24, why: "26 − 2 inside the valid-pooling rule floor((n − p) / s) + 1 for MNIST's first pooling" },
  { value: 29, why: '32 − 3 inside the valid-pooling rule for MaxPooling2D(3) on 32' },
  { value: 23, why: '26 − 3 inside the valid-pooling rule for MaxPooling2D(3, strides=2) on 26' },
];

/** The layer types this lesson is about: the model lab links a layer of these types here. */
export const teaches = ['MaxPooling2D', 'AveragePooling2D'];

export const lesson: LessonModule = { facts, calculators, otherNumbers, teaches };
