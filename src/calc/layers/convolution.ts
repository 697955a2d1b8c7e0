/**
 * Convolutions (keras/src/layers/convolutional): Conv1D/2D/3D, their transposes, depthwise and
 * separable variants. Shapes come from conv-arithmetic.ts; weights mirror each layer's build().
 */
import * as arg from '../args.ts';
import { convLength, deconvLength, type ConvPadding } from '../conv-arithmetic.ts';
import { add, mul, num, type Term } from '../explain.ts';
import { fail } from '../problem.ts';
import { register, weight, type LayerSpec } from '../registry.ts';
import { channelAxis, channels, expectRank, spatialAxes } from '../shape.ts';
import type { LayerArgs, Shape } from '../types.ts';

interface Geometry {
  format: arg.DataFormat;
  kernel: number[];
  strides: number[];
  dilation: number[];
  padding: ConvPadding;
  inChannels: number;
}

/** What every convolution reads the same way: rank, kernel, strides, dilation, padding. */
function geometry(args: LayerArgs, input: Shape, rank: number, paddings: readonly ConvPadding[]): Geometry {
  expectRank(input, rank + 2, rank === 1 ? 'batch, steps, channels' : rank === 2 ? 'batch, height, width, channels' : 'batch, depth, height, width, channels');
  const format = arg.dataFormat(args);
  const kernel = arg.tuple(args, 'kernel_size', rank);
  const strides = arg.tuple(args, 'strides', rank);
  const dilation = arg.tuple(args, 'dilation_rate', rank);
  const padding = arg.oneOf(args, 'padding', paddings);
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    fail(`strides > 1 cannot be combined with dilation_rate > 1 (strides=${JSON.stringify(strides)}, dilation_rate=${JSON.stringify(dilation)})`, 'strides');
  }
  return { format, kernel, strides, dilation, padding, inChannels: channels(input, format) };
}

/** The input shape with each spatial axis mapped and the channel axis set. */
function outputShape(input: Shape, g: Geometry, outChannels: number, length: (l: Shape[number], i: number) => Shape[number]): Shape {
  const out = [...input];
  spatialAxes(g.kernel.length, g.format).forEach((axis, i) => (out[axis] = length(input[axis]!, i)));
  out[channelAxis(input, g.format)] = outChannels;
  return out;
}

const kernelTerms = (kernel: number[]): Term[] => kernel.map((k, i) => num(k, 'kernel', kernel.length > 1 ? `kernel_size[${i}]` : 'kernel_size'));

/** Conv1D/2D/3D: `filters × (C_in / groups × k… + 1)`. */
const conv = (rank: number): LayerSpec => ({
  defaults: { strides: 1, padding: 'valid', data_format: null, dilation_rate: 1, groups: 1, use_bias: true },
  build({ args, input }) {
    const g = geometry(args, input, rank, rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same']);
    const filters = arg.int(args, 'filters');
    const groups = arg.int(args, 'groups');
    const useBias = arg.bool(args, 'use_bias');
    if (g.inChannels % groups !== 0) fail(`the ${g.inChannels} input channels cannot be split into ${groups} equal groups`, 'groups');
    if (filters % groups !== 0) fail(`the ${filters} filters cannot be split into ${groups} equal groups`, 'groups');
    const perGroup = g.inChannels / groups;
    const kernel = weight('kernel', [...g.kernel, perGroup, filters]);
    const inner: Term[] = [num(perGroup, groups > 1 ? 'input channels' : 'input channels'), ...kernelTerms(g.kernel)];
    return {
      output: outputShape(input, g, filters, (l, i) => convLength(l, g.kernel[i]!, g.strides[i]!, g.dilation[i]!, g.padding)),
      weights: useBias ? [kernel, weight('bias', [filters])] : [kernel],
      formula: useBias ? mul(num(filters, 'filters', 'filters'), add(mul(...inner), num(1, 'bias'))) : mul(num(filters, 'filters', 'filters'), ...inner),
    };
  },
});

/** Conv*Transpose: kernel `(*k, filters, C_in)`, no groups, optional output_padding. */
const convTranspose = (rank: number): LayerSpec => ({
  defaults: { strides: 1, padding: 'valid', output_padding: null, data_format: null, dilation_rate: 1, use_bias: true },
  build({ args, input }) {
    const g = geometry(args, input, rank, ['valid', 'same']);
    const filters = arg.int(args, 'filters');
    const useBias = arg.bool(args, 'use_bias');
    const outputPadding = args['output_padding'] === null || args['output_padding'] === undefined ? null : arg.tuple(args, 'output_padding', rank, 0);
    outputPadding?.forEach((p, i) => {
      if (p >= g.strides[i]!) fail(`each output_padding must be smaller than its stride (${p} ≥ ${g.strides[i]})`, 'output_padding');
    });
    const kernel = weight('kernel', [...g.kernel, filters, g.inChannels]);
    const inner = mul(num(g.inChannels, 'input channels'), ...kernelTerms(g.kernel));
    return {
      output: outputShape(input, g, filters, (l, i) => deconvLength(l, g.kernel[i]!, g.strides[i]!, g.dilation[i]!, g.padding as 'valid' | 'same', outputPadding ? outputPadding[i]! : null)),
      weights: useBias ? [kernel, weight('bias', [filters])] : [kernel],
      formula: useBias ? mul(num(filters, 'filters', 'filters'), add(inner, num(1, 'bias'))) : mul(num(filters, 'filters', 'filters'), inner),
    };
  },
});

/** DepthwiseConv1D/2D: one k… kernel per input channel and multiplier, bias per output channel. */
const depthwise = (rank: number): LayerSpec => ({
  defaults: { strides: 1, padding: 'valid', depth_multiplier: 1, data_format: null, dilation_rate: 1, use_bias: true },
  build({ args, input, dialect }) {
    const g = geometry(args, input, rank, ['valid', 'same']);
    const dm = arg.int(args, 'depth_multiplier');
    const useBias = arg.bool(args, 'use_bias');
    const out = g.inChannels * dm;
    const kernel = weight(dialect === 'keras3' ? 'kernel' : 'depthwise_kernel', [...g.kernel, g.inChannels, dm]);
    const perChannel = mul(num(g.inChannels, 'input channels'), num(dm, 'depth multiplier', 'depth_multiplier'));
    return {
      output: outputShape(input, g, out, (l, i) => convLength(l, g.kernel[i]!, g.strides[i]!, g.dilation[i]!, g.padding)),
      weights: useBias ? [kernel, weight('bias', [out])] : [kernel],
      formula: useBias ? mul(perChannel, add(mul(...kernelTerms(g.kernel)), num(1, 'bias'))) : mul(perChannel, ...kernelTerms(g.kernel)),
    };
  },
});

/** SeparableConv1D/2D: a depthwise step (no bias) then a 1×1 pointwise conv with bias. */
const separable = (rank: number): LayerSpec => ({
  defaults: { strides: 1, padding: 'valid', depth_multiplier: 1, data_format: null, dilation_rate: 1, use_bias: true },
  build({ args, input }) {
    const g = geometry(args, input, rank, rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same']);
    const filters = arg.int(args, 'filters');
    const dm = arg.int(args, 'depth_multiplier');
    const useBias = arg.bool(args, 'use_bias');
    const mid = g.inChannels * dm;
    const weights = [
      weight('depthwise_kernel', [...g.kernel, g.inChannels, dm]),
      weight('pointwise_kernel', [...g.kernel.map(() => 1), mid, filters]),
      ...(useBias ? [weight('bias', [filters])] : []),
    ];
    const cin = num(g.inChannels, 'input channels');
    const dmT = num(dm, 'depth multiplier', 'depth_multiplier');
    const depthwiseTerm = mul(...kernelTerms(g.kernel), cin, dmT);
    const pointwise = mul(cin, dmT, num(filters, 'filters', 'filters'));
    return {
      output: outputShape(input, g, filters, (l, i) => convLength(l, g.kernel[i]!, g.strides[i]!, g.dilation[i]!, g.padding)),
      weights,
      formula: useBias ? add(depthwiseTerm, pointwise, num(filters, 'bias', 'filters')) : add(depthwiseTerm, pointwise),
    };
  },
});

register({
  Conv1D: conv(1), Conv2D: conv(2), Conv3D: conv(3),
  Convolution1D: conv(1), Convolution2D: conv(2), Convolution3D: conv(3),
  Conv1DTranspose: convTranspose(1), Conv2DTranspose: convTranspose(2), Conv3DTranspose: convTranspose(3),
  Convolution2DTranspose: convTranspose(2), Convolution3DTranspose: convTranspose(3),
  DepthwiseConv1D: depthwise(1), DepthwiseConv2D: depthwise(2),
  SeparableConv1D: separable(1), SeparableConv2D: separable(2),
  SeparableConvolution1D: separable(1), SeparableConvolution2D: separable(2),
});
