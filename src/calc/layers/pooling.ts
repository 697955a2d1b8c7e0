/** Pooling (keras/src/layers/pooling): no weights; windows shrink the spatial axes. */
import * as arg from '../args.ts';
import { poolLength, spatialAxisNames, spatialLayout, windowStep } from '../conv-arithmetic.ts';
import { plainStep, type ShapeStep } from '../explain.ts';
import { fail } from '../problem.ts';
import type { LayerExample, LayerSpec } from '../registry.ts';
import { withPositional } from '../registry.ts';
import { channelAxis, expectRank, spatialAxes } from '../shape.ts';
import type { Dialect, LayerArgs, Shape } from '../types.ts';

/** `pool_size`, with the Keras 3 AveragePooling rule (no default) explained rather than reported as a type error. */
function poolSize(args: LayerArgs, rank: number, dialect: Dialect): number[] {
  if (args['pool_size'] === undefined || args['pool_size'] === null) {
    if (dialect === 'keras3') fail('pool-size-required-keras3', {}, 'pool_size');
    fail('arg-required', {}, 'pool_size');
  }
  return arg.tuple(args, 'pool_size', rank);
}

/** Max/AveragePooling: strides default to the pool size; Keras 3 AveragePooling has no default pool. */
const pool = (rank: number, requirePool: boolean, input: Shape): LayerSpec => ({
  family: 'pooling',
  positional: ['pool_size'],
  example: { args: { pool_size: 2 }, input },
  defaults: (dialect: Dialect) => ({
    ...(requirePool && dialect === 'keras3' ? {} : { pool_size: 2 }),
    strides: null,
    padding: 'valid',
    data_format: null,
  }),
  infer({ output, inputs }) {
    // strides default to the pool size: ⌊(in − p) / p⌋ + 1 (valid) or ⌈in / p⌉ (same) must give the printed length
    const input = inputs[0];
    if (!input)
      return [
        {
          args: { pool_size: 2 },
          input: [output[0] ?? null, ...output.slice(1, -1).map((d) => (d === null ? null : d * 2)), output[output.length - 1] ?? null],
        },
      ];
    return (['valid', 'same'] as const).flatMap((padding) => {
      const sizes = output.slice(1, -1).map((out, i) => {
        const length = input[i + 1];
        if (typeof length !== 'number' || typeof out !== 'number') return 2;
        if (out < 1) return undefined;
        // the smallest pool (= stride) that gives `out` positions, solved rather than searched (lengths can be huge)
        const p = padding === 'valid' ? Math.floor(length / (out + 1)) + 1 : Math.max(1, Math.ceil(length / out));
        return (padding === 'valid' ? Math.floor((length - p) / p) + 1 : Math.ceil(length / p)) === out ? p : undefined;
      });
      if (sizes.some((s) => s === undefined)) return [];
      const square = sizes.every((s) => s === sizes[0]);
      return [{ args: { pool_size: square ? sizes[0] : sizes, ...(padding === 'same' ? { padding } : {}) }, input }];
    });
  },
  build({ args, input, dialect }) {
    const format = arg.dataFormat(args);
    const size = poolSize(args, rank, dialect);
    const strides = arg.tupleOr(args, 'strides', rank, size);
    const padding = arg.oneOf(args, 'padding', ['valid', 'same'] as const);
    expectRank(input, rank + 2, spatialLayout(rank, format));
    const names = spatialAxisNames(rank);
    const out = [...input];
    const steps = spatialAxes(rank, format).map((axis, i) => {
      out[axis] = poolLength(input[axis] ?? null, size[i]!, strides[i]!, padding, 'pool_size', names[i]);
      return windowStep(`pool-${padding}`, axis, input[axis] ?? null, out[axis], {
        kernel: size[i]!,
        stride: strides[i]!,
        arg: 'pool_size',
      });
    });
    return { output: out, weights: [], steps };
  },
});

/** GlobalMax/AveragePooling: collapse every spatial axis, or keep each as 1 with keepdims. */
const globalPool = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'pooling',
  example,
  defaults: { data_format: null, keepdims: false },
  build({ args, input }) {
    const format = arg.dataFormat(args);
    const keepdims = arg.bool(args, 'keepdims');
    expectRank(input, rank + 2, spatialLayout(rank, format));
    const axes = spatialAxes(rank, format);
    const lengths = axes.map((a) => input[a] ?? null);
    if (keepdims) {
      const out = [...input];
      axes.forEach((axis) => (out[axis] = 1));
      return {
        output: out,
        weights: [],
        steps: [
          plainStep(
            'drop',
            axes,
            lengths,
            axes.map(() => 1),
            'keepdims',
          ),
        ],
      };
    }
    const channels = input[channelAxis(input, format)] ?? null;
    const steps: ShapeStep[] = [plainStep('drop', [], lengths, []), plainStep('permute', [1], [channels], [channels])];
    return { output: [input[0] ?? null, channels], weights: [], steps };
  },
});

const seq: Shape = [null, 100, 16];
const image: Shape = [null, 28, 28, 32];
const volume: Shape = [null, 16, 16, 16, 8];
const g1 = { args: {}, input: seq };
const g2 = { args: {}, input: [null, 7, 7, 64] };
const g3 = { args: {}, input: volume };

export const poolingLayers = withPositional(
  {
    MaxPooling1D: pool(1, false, seq),
    MaxPooling2D: pool(2, false, image),
    MaxPooling3D: pool(3, false, volume),
    MaxPool1D: pool(1, false, seq),
    MaxPool2D: pool(2, false, image),
    MaxPool3D: pool(3, false, volume),
    AveragePooling1D: pool(1, true, seq),
    AveragePooling2D: pool(2, true, image),
    AveragePooling3D: pool(3, true, volume),
    AvgPool1D: pool(1, true, seq),
    AvgPool2D: pool(2, true, image),
    AvgPool3D: pool(3, true, volume),
    GlobalMaxPooling1D: globalPool(1, g1),
    GlobalMaxPooling2D: globalPool(2, g2),
    GlobalMaxPooling3D: globalPool(3, g3),
    GlobalAveragePooling1D: globalPool(1, g1),
    GlobalAveragePooling2D: globalPool(2, g2),
    GlobalAveragePooling3D: globalPool(3, g3),
    GlobalMaxPool1D: globalPool(1, g1),
    GlobalMaxPool2D: globalPool(2, g2),
    GlobalMaxPool3D: globalPool(3, g3),
    GlobalAvgPool1D: globalPool(1, g1),
    GlobalAvgPool2D: globalPool(2, g2),
    GlobalAvgPool3D: globalPool(3, g3),
  } satisfies Record<string, LayerSpec>,
  // Keras's constructors: MaxPooling2D(pool_size, strides, padding, data_format), GlobalAveragePooling2D(data_format, keepdims)
  Object.fromEntries(
    [1, 2, 3].flatMap((r) => [
      ...[`MaxPooling${r}D`, `AveragePooling${r}D`, `MaxPool${r}D`, `AvgPool${r}D`].map((t) => [
        t,
        ['pool_size', 'strides', 'padding', 'data_format'],
      ]),
      ...[`GlobalAveragePooling${r}D`, `GlobalMaxPooling${r}D`, `GlobalAvgPool${r}D`, `GlobalMaxPool${r}D`].map((t) => [
        t,
        ['data_format', 'keepdims'],
      ]),
    ]),
  ),
);
