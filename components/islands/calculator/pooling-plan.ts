/**
 * Where a pooling layer's windows fall on its input, for the grid picture. The number of windows
 * per axis is the output size src/calc computed; the rows the floor drops ("valid") and the
 * padding TensorFlow adds ("same", the odd one after) come from src/calc/framework-arithmetic.ts.
 * This module only reads the layer's arguments and lines those numbers up per axis.
 */
import { kerasPoolLength, samePadding, type LayerConfig, type Shape } from '@calc/basics.ts';

export interface PoolAxis {
  size: number;
  pool: number;
  stride: number;
  /** Windows along this axis: the layer's output size. */
  windows: number;
  /** Padding added before and after ("same"). */
  before: number;
  after: number;
  /** Trailing input positions no window reaches (the floor of "valid"). */
  dropped: number;
}

const POOLING = /^(?:Max|Average|Avg)Pool(?:ing)?([12])D$/;

/** An int or a tuple argument's value on axis i. */
const onAxis = (v: unknown, i: number): number | null => {
  const x = Array.isArray(v) ? v[i] : v;
  return typeof x === 'number' && Number.isInteger(x) ? x : null;
};

/** The windows of a 1-D or 2-D Max/AveragePooling layer on its input, or null for any other layer. */
export function poolingPlan(layer: LayerConfig, input: Shape, output: Shape): PoolAxis[] | null {
  const m = POOLING.exec(layer.type);
  if (!m) return null;
  const rank = Number(m[1]);
  const args = layer.args ?? {};
  const first = args['data_format'] === 'channels_first';
  const poolArg = args['pool_size'] ?? 2;
  // Keras: strides=None means strides = pool_size
  const strideArg = args['strides'] ?? poolArg;
  const same = args['padding'] === 'same';
  const axes: PoolAxis[] = [];
  for (let i = 0; i < rank; i++) {
    const axis = first ? i + 2 : i + 1;
    const size = input[axis];
    const windows = output[axis];
    const pool = onAxis(poolArg, i);
    const stride = onAxis(strideArg, i);
    if (typeof size !== 'number' || typeof windows !== 'number' || pool === null || stride === null) return null;
    const w = { length: size, kernel: pool, stride };
    if (same) {
      const p = samePadding(w);
      if (!p.ok) return null;
      // a stride longer than the pool can leave the last positions unread even with padding
      const dropped = p.total === 0 ? Math.max(size - ((windows - 1) * stride + pool), 0) : 0;
      axes.push({ size, pool, stride, windows, before: p.before, after: p.after, dropped });
    } else {
      const v = kerasPoolLength(w, 'valid');
      if (!v.ok) return null;
      axes.push({ size, pool, stride, windows, before: 0, after: 0, dropped: v.dropped ?? 0 });
    }
  }
  return axes;
}
