/** Pooling (keras/src/layers/pooling): no weights; windows shrink the spatial axes. */
import * as arg from '../args.ts';
import { poolLength, spatialAxisNames, spatialLayout } from '../conv-arithmetic.ts';
import { fail } from '../problem.ts';
import { type LayerSpec } from '../registry.ts';
import { channelAxis, expectRank, spatialAxes } from '../shape.ts';
import type { Dialect, LayerArgs } from '../types.ts';

/** `pool_size`, with the Keras 3 AveragePooling rule (no default) explained rather than reported as a type error. */
function poolSize(args: LayerArgs, rank: number, dialect: Dialect): number[] {
  if (args['pool_size'] === undefined || args['pool_size'] === null) {
    if (dialect === 'keras3') fail('pool-size-required-keras3', {}, 'pool_size');
    fail('arg-required', {}, 'pool_size');
  }
  return arg.tuple(args, 'pool_size', rank);
}

/** Max/AveragePooling: strides default to the pool size; Keras 3 AveragePooling has no default pool. */
const pool = (rank: number, requirePool: boolean): LayerSpec => ({
  defaults: (dialect: Dialect) => ({
    ...(requirePool && dialect === 'keras3' ? {} : { pool_size: 2 }),
    strides: null, padding: 'valid', data_format: null,
  }),
  build({ args, input, dialect }) {
    const format = arg.dataFormat(args);
    const size = poolSize(args, rank, dialect);
    const strides = arg.tupleOr(args, 'strides', rank, size);
    const padding = arg.oneOf(args, 'padding', ['valid', 'same'] as const);
    expectRank(input, rank + 2, spatialLayout(rank, format));
    const names = spatialAxisNames(rank);
    const out = [...input];
    spatialAxes(rank, format).forEach((axis, i) => (out[axis] = poolLength(input[axis] ?? null, size[i]!, strides[i]!, padding, 'pool_size', names[i])));
    return { output: out, weights: [] };
  },
});

/** GlobalMax/AveragePooling: collapse every spatial axis, or keep each as 1 with keepdims. */
const globalPool = (rank: number): LayerSpec => ({
  defaults: { data_format: null, keepdims: false },
  build({ args, input }) {
    const format = arg.dataFormat(args);
    const keepdims = arg.bool(args, 'keepdims');
    expectRank(input, rank + 2, spatialLayout(rank, format));
    if (keepdims) {
      const out = [...input];
      spatialAxes(rank, format).forEach((axis) => (out[axis] = 1));
      return { output: out, weights: [] };
    }
    return { output: [input[0] ?? null, input[channelAxis(input, format)] ?? null], weights: [] };
  },
});

export const poolingLayers = {
  MaxPooling1D: pool(1, false), MaxPooling2D: pool(2, false), MaxPooling3D: pool(3, false),
  MaxPool1D: pool(1, false), MaxPool2D: pool(2, false), MaxPool3D: pool(3, false),
  AveragePooling1D: pool(1, true), AveragePooling2D: pool(2, true), AveragePooling3D: pool(3, true),
  AvgPool1D: pool(1, true), AvgPool2D: pool(2, true), AvgPool3D: pool(3, true),
  GlobalMaxPooling1D: globalPool(1), GlobalMaxPooling2D: globalPool(2), GlobalMaxPooling3D: globalPool(3),
  GlobalAveragePooling1D: globalPool(1), GlobalAveragePooling2D: globalPool(2), GlobalAveragePooling3D: globalPool(3),
  GlobalMaxPool1D: globalPool(1), GlobalMaxPool2D: globalPool(2), GlobalMaxPool3D: globalPool(3),
  GlobalAvgPool1D: globalPool(1), GlobalAvgPool2D: globalPool(2), GlobalAvgPool3D: globalPool(3),
} satisfies Record<string, LayerSpec>;
