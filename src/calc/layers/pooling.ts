/** Pooling (keras/src/layers/pooling): no weights; windows shrink the spatial axes. */
import * as arg from '../args.ts';
import { poolLength } from '../conv-arithmetic.ts';
import { register, type LayerSpec } from '../registry.ts';
import { channelAxis, expectRank, spatialAxes } from '../shape.ts';
import type { Dialect } from '../types.ts';

/** Max/AveragePooling: strides default to the pool size; Keras 3 AveragePooling has no default pool. */
const pool = (rank: number, requirePool: boolean): LayerSpec => ({
  defaults: (dialect: Dialect) => ({
    ...(requirePool && dialect === 'keras3' ? {} : { pool_size: 2 }),
    strides: null, padding: 'valid', data_format: null,
  }),
  build({ args, input }) {
    expectRank(input, rank + 2, rank === 1 ? 'batch, steps, channels' : rank === 2 ? 'batch, height, width, channels' : 'batch, depth, height, width, channels');
    const format = arg.dataFormat(args);
    const size = arg.tuple(args, 'pool_size', rank);
    const strides = arg.tupleOr(args, 'strides', rank, size);
    const padding = arg.oneOf(args, 'padding', ['valid', 'same'] as const);
    const out = [...input];
    spatialAxes(rank, format).forEach((axis, i) => (out[axis] = poolLength(input[axis]!, size[i]!, strides[i]!, padding)));
    return { output: out, weights: [] };
  },
});

/** GlobalMax/AveragePooling: collapse every spatial axis, or keep them as 1 with keepdims. */
const globalPool = (rank: number): LayerSpec => ({
  defaults: { data_format: null, keepdims: false },
  build({ args, input }) {
    expectRank(input, rank + 2, rank === 1 ? 'batch, steps, features' : rank === 2 ? 'batch, height, width, channels' : 'batch, depth, height, width, channels');
    const format = arg.dataFormat(args);
    const c = input[channelAxis(input, format)] ?? null;
    if (arg.bool(args, 'keepdims')) {
      const out = [...input];
      spatialAxes(rank, format).forEach((axis) => (out[axis] = 1));
      return { output: out, weights: [] };
    }
    return { output: [input[0]!, c], weights: [] };
  },
});


register({
  MaxPooling1D: pool(1, false), MaxPooling2D: pool(2, false), MaxPooling3D: pool(3, false),
  MaxPool1D: pool(1, false), MaxPool2D: pool(2, false), MaxPool3D: pool(3, false),
  AveragePooling1D: pool(1, true), AveragePooling2D: pool(2, true), AveragePooling3D: pool(3, true),
  AvgPool1D: pool(1, true), AvgPool2D: pool(2, true), AvgPool3D: pool(3, true),
  GlobalMaxPooling1D: globalPool(1), GlobalMaxPooling2D: globalPool(2), GlobalMaxPooling3D: globalPool(3),
  GlobalAveragePooling1D: globalPool(1), GlobalAveragePooling2D: globalPool(2), GlobalAveragePooling3D: globalPool(3),
  GlobalMaxPool1D: globalPool(1), GlobalMaxPool2D: globalPool(2), GlobalMaxPool3D: globalPool(3),
  GlobalAvgPool1D: globalPool(1), GlobalAvgPool2D: globalPool(2), GlobalAvgPool3D: globalPool(3),
});
