/**
 * Random valid configurations, one generator per layer that tfjs-layers 4.22 exports, written in
 * Keras's vocabulary. Each generator stays inside what tfjs models faithfully
 * (docs/dialects.md#tfjs-departures): no `groups`, no `keepdims`, no causal padding, no `-1` in Reshape, GRU with
 * `reset_after=False`, transposed convolutions without `output_padding`/dilation, never
 * strides > 1 together with dilation > 1 (Keras rejects that, tfjs does not), and — found by this
 * suite — no dilation on DepthwiseConv2D and no rank-1 (batch excluded) input or unknown axis for Flatten.
 */
import fc from 'fast-check';
import type { LayerArgs, Shape } from '@calc/basics.ts';
import type { LayerCase } from './tfjs.ts';

type Format = 'channels_last' | 'channels_first';
type Dims = (number | null)[];

const int = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });
const bool = fc.boolean();
const format = fc.constantFrom<Format>('channels_last', 'channels_first');
/** Activation names both Keras 3 and tfjs know (tfjs's list is the shorter one). */
const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'softmax',
  'softplus',
  'softsign',
  'tanh',
  'swish',
  'gelu',
  'mish',
] as const;
const activation = fc.constantFrom(...ACTIVATIONS);

/** A spatial length: usually known, sometimes unknown (None) when the layer allows it. */
const length = (min: number, max: number, allowNull: boolean): fc.Arbitrary<number | null> =>
  allowNull ? fc.oneof({ arbitrary: int(min, max), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }) : int(min, max);

/** Keras accepts an int or a tuple; send both spellings. */
const intOrTuple = (rank: number, min: number, max: number): fc.Arbitrary<number | number[]> =>
  fc.oneof(int(min, max), fc.array(int(min, max), { minLength: rank, maxLength: rank }));

/** An input laid out for `format`: `(…spatial, C)` or `(C, …spatial)`. */
const laidOut = (spatial: Dims, channels: number, f: Format): Shape =>
  f === 'channels_last' ? [...spatial, channels] : [channels, ...spatial];

const withOptional = <T>(args: LayerArgs, key: string, value: T | undefined): LayerArgs =>
  value === undefined ? args : { ...args, [key]: value };

/** strides and dilation_rate, never both above 1 on any layer. */
const stridesAndDilation = (rank: number): fc.Arbitrary<{ strides: number | number[]; dilation_rate: number | number[] }> =>
  fc.oneof(
    fc.record({ strides: intOrTuple(rank, 1, 3), dilation_rate: fc.constant(1) }),
    fc.record({ strides: fc.constant(1), dilation_rate: intOrTuple(rank, 1, 3) }),
  );

/** Conv1D/2D/3D: random geometry, valid or same padding. */
const conv = (type: string, rank: number, maxLen: number, formats: boolean): fc.Arbitrary<LayerCase> =>
  fc
    .record({
      spatial: fc.array(length(1, maxLen, rank === 1), { minLength: rank, maxLength: rank }),
      channels: int(1, 6),
      filters: int(1, 8),
      kernel_size: intOrTuple(rank, 1, 4),
      sd: stridesAndDilation(rank),
      padding: fc.constantFrom('valid', 'same'),
      use_bias: bool,
      format: formats ? format : fc.constant<Format>('channels_last'),
      activation,
    })
    .map(({ spatial, channels, format: f, sd, ...a }) => ({
      type,
      args: { ...a, ...sd, data_format: f },
      inputs: [laidOut(spatial, channels, f)],
    }));

/** Conv2DTranspose/Conv3DTranspose: tfjs's shape rule has no output_padding and no dilation. */
const convTranspose = (type: string, rank: number, maxLen: number): fc.Arbitrary<LayerCase> =>
  fc
    .record({
      spatial: fc.array(int(1, maxLen), { minLength: rank, maxLength: rank }),
      channels: int(1, 6),
      filters: int(1, 8),
      kernel_size: intOrTuple(rank, 1, 4),
      strides: intOrTuple(rank, 1, 3),
      padding: fc.constantFrom('valid', 'same'),
      use_bias: bool,
      format,
    })
    .map(({ spatial, channels, format: f, ...a }) => ({ type, args: { ...a, data_format: f }, inputs: [laidOut(spatial, channels, f)] }));

/** DepthwiseConv2D without dilation: tfjs's output-shape rule for it ignores dilation_rate. */
const depthwise2d: fc.Arbitrary<LayerCase> = fc
  .record({
    spatial: fc.array(int(1, 12), { minLength: 2, maxLength: 2 }),
    channels: int(1, 6),
    kernel_size: intOrTuple(2, 1, 4),
    depth_multiplier: int(1, 3),
    strides: intOrTuple(2, 1, 3),
    padding: fc.constantFrom('valid', 'same'),
    use_bias: bool,
    format,
  })
  .map(({ spatial, channels, format: f, ...a }) => ({
    type: 'DepthwiseConv2D',
    args: { ...a, data_format: f },
    inputs: [laidOut(spatial, channels, f)],
  }));

const separable2d: fc.Arbitrary<LayerCase> = fc
  .record({
    spatial: fc.array(int(1, 12), { minLength: 2, maxLength: 2 }),
    channels: int(1, 6),
    filters: int(1, 8),
    kernel_size: intOrTuple(2, 1, 4),
    depth_multiplier: int(1, 3),
    sd: stridesAndDilation(2),
    padding: fc.constantFrom('valid', 'same'),
    use_bias: bool,
    format,
  })
  .map(({ spatial, channels, format: f, sd, ...a }) => ({
    type: 'SeparableConv2D',
    args: { ...a, ...sd, data_format: f },
    inputs: [laidOut(spatial, channels, f)],
  }));

/** Max/AveragePooling: strides given, None or left out (both mean "= pool_size"). */
const pool = (type: string, rank: number, maxLen: number, formats: boolean): fc.Arbitrary<LayerCase> =>
  fc
    .record({
      spatial: fc.array(length(1, maxLen, rank === 1), { minLength: rank, maxLength: rank }),
      channels: int(1, 6),
      pool_size: intOrTuple(rank, 1, 4),
      strides: fc.option(intOrTuple(rank, 1, 3), { nil: undefined }),
      stridesNone: bool,
      padding: fc.constantFrom('valid', 'same'),
      format: formats ? format : fc.constant<Format>('channels_last'),
    })
    .map(({ spatial, channels, format: f, strides, stridesNone, ...a }) => ({
      type,
      args: withOptional({ ...a, ...(formats ? { data_format: f } : {}) }, 'strides', strides ?? (stridesNone ? null : undefined)),
      inputs: [laidOut(spatial, channels, f)],
    }));

/** GlobalMax/AveragePooling1D/2D; tfjs's 1-D versions have no data_format, and none has keepdims. */
const globalPool = (type: string, rank: number, formats: boolean): fc.Arbitrary<LayerCase> =>
  fc
    .record({
      spatial: fc.array(int(1, 8), { minLength: rank, maxLength: rank }),
      channels: int(1, 8),
      format: formats ? format : fc.constant<Format>('channels_last'),
    })
    .map(({ spatial, channels, format: f }) => ({
      type,
      args: formats ? { data_format: f } : {},
      inputs: [laidOut(spatial, channels, f)],
    }));

/** Any shape of rank 1–3 (batch excluded), last axis known. */
const anyShape = (maxRank = 3, maxDim = 6): fc.Arbitrary<Shape> => fc.array(int(1, maxDim), { minLength: 1, maxLength: maxRank });

/** A weightless layer applied to any shape. */
const shapeOnly = (type: string, args: fc.Arbitrary<LayerArgs>): fc.Arbitrary<LayerCase> =>
  fc.record({ shape: anyShape(), args }).map(({ shape, args: a }) => ({ type, args: a, inputs: [shape] }));

const rate = fc.double({ min: 0, max: 0.9, noNaN: true });

/** A non-batch axis: negative or positive spelling. */
const axisOf = (rank: number): fc.Arbitrary<number> => int(1, rank).chain((a) => fc.constantFrom(a, a - rank - 1));

const recurrentLayer = fc.oneof(
  fc.record({ units: int(1, 8), return_sequences: bool, use_bias: bool }).map((a) => ({ type: 'SimpleRNN', args: a as LayerArgs })),
  fc.record({ units: int(1, 8), return_sequences: bool, use_bias: bool }).map((a) => ({ type: 'LSTM', args: a as LayerArgs })),
  fc
    .record({ units: int(1, 8), return_sequences: bool, use_bias: bool })
    .map((a) => ({ type: 'GRU', args: { ...a, reset_after: false } as LayerArgs })),
);

const sequenceInput = fc.tuple(length(1, 8, true), int(1, 8)).map(([t, d]) => [t, d] as Shape);

/** SimpleRNN/LSTM/GRU on a (time, features) input, sometimes with an unknown time axis. */
const rnn = (type: string, extra: LayerArgs = {}): fc.Arbitrary<LayerCase> =>
  fc
    .record({ input: sequenceInput, units: int(1, 8), return_sequences: bool, return_state: bool, use_bias: bool })
    .map(({ input, ...a }) => ({ type, args: { ...a, ...extra }, inputs: [input] }));

/** Elementwise merges: 2–3 inputs of one rank whose axes agree or are 1 (broadcast). */
const elementwise = (type: string): fc.Arbitrary<LayerCase> =>
  fc
    .record({
      base: anyShape(3, 5),
      count: int(2, 3),
      ones: fc.array(fc.array(bool, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ base, count, ones }) => ({
      type,
      args: {},
      inputs: Array.from({ length: count }, (_, i) => base.map((d, j) => (ones[i]![j] && i > 0 ? 1 : d))),
    }));

/** Concatenate: same shape except along `axis`. */
const concatenate: fc.Arbitrary<LayerCase> = fc
  .record({ base: anyShape(3, 5), sizes: fc.array(int(1, 5), { minLength: 2, maxLength: 3 }), pick: int(0, 5), negative: bool })
  .map(({ base, sizes, pick, negative }) => {
    const axis = (pick % base.length) + 1;
    return {
      type: 'Concatenate',
      args: { axis: negative ? axis - base.length - 1 : axis },
      inputs: sizes.map((s) => base.map((d, j) => (j === axis - 1 ? s : d))),
    };
  });

/** Dot: two inputs of rank 1 or 2 (batch excluded) sharing the contracted size. */
const dot: fc.Arbitrary<LayerCase> = fc
  .record({ rank: int(1, 2), common: int(1, 6), a: int(1, 6), b: int(1, 6), ax: int(1, 2), ay: int(1, 2), normalize: bool, pair: bool })
  .map(({ rank, common, a, b, ax, ay, normalize, pair }) => {
    const axX = rank === 1 ? 1 : ax;
    const axY = rank === 1 ? 1 : ay;
    const x = rank === 1 ? [common] : axX === 1 ? [common, a] : [a, common];
    const y = rank === 1 ? [common] : axY === 1 ? [common, b] : [b, common];
    const axes = pair || axX !== axY ? [axX, axY] : axX;
    return { type: 'Dot', args: { axes, normalize }, inputs: [x, y] };
  });

/** Reshape to a regrouping of the input's axes (no -1: tfjs keeps it unknown). */
const reshape: fc.Arbitrary<LayerCase> = fc
  .record({
    dims: fc.array(int(1, 5), { minLength: 1, maxLength: 4 }),
    order: fc.array(int(0, 1000), { minLength: 4, maxLength: 4 }),
    cuts: fc.array(bool, { minLength: 4, maxLength: 4 }),
    rank: int(1, 3),
  })
  .map(({ dims, order, cuts, rank }) => {
    const shuffled = dims
      .map((d, i) => ({ d, k: order[i]! }))
      .sort((p, q) => p.k - q.k)
      .map((p) => p.d);
    const target: number[] = [];
    shuffled.forEach((d, i) => (i === 0 || cuts[i] ? target.push(d) : (target[target.length - 1]! *= d)));
    const input = dims.length >= rank ? dims.slice(0, rank - 1).concat([dims.slice(rank - 1).reduce((p, q) => p * q, 1)]) : dims;
    return { type: 'Reshape', args: { target_shape: target }, inputs: [input] };
  });

const permute: fc.Arbitrary<LayerCase> = anyShape(4, 5)
  .filter((s) => s.length >= 2)
  .chain((shape) =>
    fc
      .shuffledSubarray(
        shape.map((_, i) => i + 1),
        { minLength: shape.length, maxLength: shape.length },
      )
      .map((dims) => ({ type: 'Permute', args: { dims }, inputs: [shape] })),
  );

/** Padding/cropping amounts: an int, a (rows, cols) pair, or two (before, after) pairs. */
const amounts2d = (max: number): fc.Arbitrary<number | number[] | number[][]> =>
  fc.oneof(
    int(0, max),
    fc.array(int(0, max), { minLength: 2, maxLength: 2 }),
    fc.array(fc.array(int(0, max), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
  );

const image = (maxSide: number): fc.Arbitrary<{ spatial: number[]; channels: number; format: Format }> =>
  fc.record({ spatial: fc.array(int(1, maxSide), { minLength: 2, maxLength: 2 }), channels: int(1, 4), format });

/**
 * One generator per Keras class that tfjs exports — except Resizing and RandomWidth, whose
 * symbolic output shapes tfjs 4.22 gets wrong (Resizing drops the batch axis: (None, 3, 2, 3) →
 * [4, 5, 2]; RandomWidth gives [undefined, -1, 2]), so they cannot serve as an oracle.
 */
export const LAYER_CASES: Record<string, fc.Arbitrary<LayerCase>> = {
  Dense: fc
    .record({ shape: anyShape(3, 8), units: int(1, 16), use_bias: bool, activation, unknownTime: bool })
    .map(({ shape, unknownTime, ...a }) => ({
      type: 'Dense',
      args: a,
      inputs: [shape.length > 1 && unknownTime ? [null, ...shape.slice(1)] : shape],
    })),
  Embedding: fc
    .record({ len: length(1, 10, true), input_dim: int(1, 50), output_dim: int(1, 16), mask_zero: bool })
    .map(({ len, ...a }) => ({ type: 'Embedding', args: a, inputs: [[len]] })),
  Conv1D: conv('Conv1D', 1, 30, false),
  Conv2D: conv('Conv2D', 2, 12, true),
  Conv3D: conv('Conv3D', 3, 6, true),
  Conv2DTranspose: convTranspose('Conv2DTranspose', 2, 8),
  Conv3DTranspose: convTranspose('Conv3DTranspose', 3, 4),
  DepthwiseConv2D: depthwise2d,
  SeparableConv2D: separable2d,
  MaxPooling1D: pool('MaxPooling1D', 1, 30, false),
  MaxPooling2D: pool('MaxPooling2D', 2, 12, true),
  MaxPooling3D: pool('MaxPooling3D', 3, 6, true),
  AveragePooling1D: pool('AveragePooling1D', 1, 30, false),
  AveragePooling2D: pool('AveragePooling2D', 2, 12, true),
  AveragePooling3D: pool('AveragePooling3D', 3, 6, true),
  GlobalMaxPooling1D: globalPool('GlobalMaxPooling1D', 1, false),
  GlobalAveragePooling1D: globalPool('GlobalAveragePooling1D', 1, false),
  GlobalMaxPooling2D: globalPool('GlobalMaxPooling2D', 2, true),
  GlobalAveragePooling2D: globalPool('GlobalAveragePooling2D', 2, true),
  // tfjs refuses a rank-2 input to Flatten and any unknown axis (Keras gives (None, 1) and None)
  Flatten: fc.array(int(1, 6), { minLength: 2, maxLength: 4 }).map((shape) => ({ type: 'Flatten', args: {}, inputs: [shape] })),
  Reshape: reshape,
  Permute: permute,
  RepeatVector: fc.record({ d: int(1, 8), n: int(1, 8) }).map(({ d, n }) => ({ type: 'RepeatVector', args: { n }, inputs: [[d]] })),
  ZeroPadding2D: fc.record({ img: image(8), padding: amounts2d(3) }).map(({ img, padding }) => ({
    type: 'ZeroPadding2D',
    args: { padding, data_format: img.format },
    inputs: [laidOut(img.spatial, img.channels, img.format)],
  })),
  Cropping2D: fc.record({ img: image(10), cropping: amounts2d(3) }).map(({ img, cropping }) => ({
    type: 'Cropping2D',
    args: { cropping, data_format: img.format },
    inputs: [laidOut(img.spatial, img.channels, img.format)],
  })),
  UpSampling2D: fc
    .record({ img: image(8), size: intOrTuple(2, 1, 3), interpolation: fc.constantFrom('nearest', 'bilinear') })
    .map(({ img, ...a }) => ({
      type: 'UpSampling2D',
      args: { ...a, data_format: img.format },
      inputs: [laidOut(img.spatial, img.channels, img.format)],
    })),
  CenterCrop: fc
    .record({
      h: int(1, 10),
      w: int(1, 10),
      c: int(1, 4),
      fh: fc.double({ min: 0, max: 1, noNaN: true }),
      fw: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ h, w, c, fh, fw }) => ({
      type: 'CenterCrop',
      args: { height: Math.max(1, Math.round(h * fh)), width: Math.max(1, Math.round(w * fw)) },
      inputs: [[h, w, c]],
    })),
  Rescaling: shapeOnly(
    'Rescaling',
    fc.record({ scale: fc.double({ min: -10, max: 10, noNaN: true }), offset: fc.double({ min: -10, max: 10, noNaN: true }) }),
  ),
  CategoryEncoding: fc
    .record({ n: int(1, 4), num_tokens: int(1, 12), output_mode: fc.constantFrom('one_hot', 'multi_hot', 'count') })
    .map(({ n, ...a }) => ({ type: 'CategoryEncoding', args: a, inputs: [[n]] })),
  Activation: shapeOnly('Activation', fc.record({ activation })),
  ReLU: shapeOnly(
    'ReLU',
    fc.record({ max_value: fc.option(fc.double({ min: 0.5, max: 10, noNaN: true }), { nil: undefined }) }, { requiredKeys: [] }),
  ),
  LeakyReLU: shapeOnly('LeakyReLU', fc.record({ negative_slope: fc.double({ min: 0, max: 1, noNaN: true }) })),
  // tfjs's ELU supports only alpha=1
  ELU: shapeOnly('ELU', fc.record({ alpha: fc.constant(1) })),
  ThresholdedReLU: shapeOnly('ThresholdedReLU', fc.record({ theta: fc.double({ min: 0, max: 2, noNaN: true }) })),
  Softmax: anyShape().chain((shape) => axisOf(shape.length).map((axis) => ({ type: 'Softmax', args: { axis }, inputs: [shape] }))),
  PReLU: anyShape().chain((shape) =>
    fc
      .oneof(
        fc.constant(null),
        fc.subarray(
          shape.map((_, i) => i + 1),
          { minLength: 1 },
        ),
      )
      .map((shared_axes) => ({ type: 'PReLU', args: { shared_axes }, inputs: [shape] })),
  ),
  Dropout: shapeOnly('Dropout', fc.record({ rate })),
  SpatialDropout1D: fc
    .record({ t: int(1, 8), c: int(1, 8), rate })
    .map(({ t, c, rate: r }) => ({ type: 'SpatialDropout1D', args: { rate: r }, inputs: [[t, c]] })),
  GaussianDropout: shapeOnly('GaussianDropout', fc.record({ rate })),
  // Keras 3 requires 0 ≤ stddev ≤ 1; tfjs accepts any
  GaussianNoise: shapeOnly('GaussianNoise', fc.record({ stddev: fc.double({ min: 0, max: 1, noNaN: true }) })),
  AlphaDropout: shapeOnly('AlphaDropout', fc.record({ rate })),
  Masking: shapeOnly('Masking', fc.record({ mask_value: fc.double({ min: -2, max: 2, noNaN: true }) })),
  BatchNormalization: anyShape(3, 8).chain((shape) =>
    fc
      .record({ axis: axisOf(shape.length), center: bool, scale: bool })
      .map((a) => ({ type: 'BatchNormalization', args: a, inputs: [shape] })),
  ),
  LayerNormalization: anyShape(3, 8).chain((shape) =>
    fc
      .record({
        axis: fc.oneof(
          axisOf(shape.length),
          fc.subarray(
            shape.map((_, i) => i + 1),
            { minLength: 1 },
          ),
        ),
        center: bool,
        scale: bool,
      })
      .map((a) => ({ type: 'LayerNormalization', args: a, inputs: [shape] })),
  ),
  SimpleRNN: rnn('SimpleRNN'),
  LSTM: rnn('LSTM'),
  GRU: rnn('GRU', { reset_after: false }),
  Bidirectional: fc
    .record({ input: sequenceInput, layer: recurrentLayer, merge_mode: fc.constantFrom('concat', 'sum', 'ave', 'mul', null) })
    .map(({ input, ...a }) => ({ type: 'Bidirectional', args: a, inputs: [input] })),
  TimeDistributed: fc.oneof(
    fc
      .record({ t: int(1, 6), d: int(1, 8), units: int(1, 8), use_bias: bool })
      .map(({ t, d, ...a }) => ({ type: 'TimeDistributed', args: { layer: { type: 'Dense', args: a } }, inputs: [[t, d]] })),
    fc
      .record({ t: int(1, 4), h: int(3, 8), w: int(3, 8), c: int(1, 4), filters: int(1, 4), kernel_size: int(1, 3) })
      .map(({ t, h, w, c, ...a }) => ({ type: 'TimeDistributed', args: { layer: { type: 'Conv2D', args: a } }, inputs: [[t, h, w, c]] })),
  ),
  ConvLSTM2D: fc
    .record({
      t: length(1, 4, true),
      spatial: fc.array(int(1, 8), { minLength: 2, maxLength: 2 }),
      channels: int(1, 4),
      filters: int(1, 4),
      kernel_size: intOrTuple(2, 1, 3),
      sd: stridesAndDilation(2),
      padding: fc.constantFrom('valid', 'same'),
      return_sequences: bool,
    })
    .map(({ t, spatial, channels, sd, ...a }) => ({ type: 'ConvLSTM2D', args: { ...a, ...sd }, inputs: [[t, ...spatial, channels]] })),
  Add: elementwise('Add'),
  Multiply: elementwise('Multiply'),
  Average: elementwise('Average'),
  Maximum: elementwise('Maximum'),
  Minimum: elementwise('Minimum'),
  Concatenate: concatenate,
  Dot: dot,
};
