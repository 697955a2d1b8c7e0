/**
 * Convolutions (keras/src/layers/convolutional): Conv1D/2D/3D, their transposes, depthwise and
 * separable variants. Shapes come from conv-arithmetic.ts; weights mirror each layer's build().
 */
import * as arg from '../args.ts';
import { convLength, deconvLength, spatialAxisNames, spatialLayout, windowStep, type ConvPadding } from '../conv-arithmetic.ts';
import { add, div, mul, num, part, plainStep, type ShapeStep, type Term, type TermRole, type WindowRule } from '../explain.ts';
import { fail } from '../problem.ts';
import { weight, type InferCandidate, type LayerExample, type LayerSpec, type PrintedFacts, withPositional } from '../registry.ts';
import { divisors, exactQuotient, kernelReadings, lastAxis, transposeWindow, windowFor } from '../layer-inference.ts';
import { inputCells, outputCells, product, total } from '../macs.ts';
import { channelAxis, channels, expectRank, spatialAxes } from '../shape.ts';
import type { Dialect, Dim, LayerArgs, Shape } from '../types.ts';

interface Geometry {
  format: arg.DataFormat;
  kernel: number[];
  strides: number[];
  dilation: number[];
  padding: ConvPadding;
  inChannels: number;
}

/** `padding`, where "causal" exists only for the layers that left-pad a sequence. */
function convPadding(args: LayerArgs, allowCausal: boolean, separable1D = false): ConvPadding {
  const v = args['padding'];
  if (allowCausal) return arg.oneOf(args, 'padding', ['valid', 'same', 'causal'] as const);
  if (typeof v === 'string' && v.toLowerCase() === 'causal') {
    fail('causal-padding-sequence-only', { separable1D }, 'padding');
  }
  return arg.oneOf(args, 'padding', ['valid', 'same'] as const);
}

/** Keras's required positional arguments (`filters`, `kernel_size`) say so when missing. */
function requireArgs(args: LayerArgs, ...keys: string[]): void {
  for (const key of keys) if (args[key] === undefined) fail('arg-required', {}, key);
}

/** What every convolution reads the same way: rank, kernel, strides, dilation, padding, channels. */
function geometry(args: LayerArgs, input: Shape, rank: number, padding: ConvPadding): Geometry {
  const format = arg.dataFormat(args);
  const kernel = arg.tuple(args, 'kernel_size', rank);
  const strides = arg.tuple(args, 'strides', rank);
  const dilation = arg.tuple(args, 'dilation_rate', rank);
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    fail('strides-with-dilation', { strides: JSON.stringify(strides), dilation: JSON.stringify(dilation) }, 'strides');
  }
  expectRank(input, rank + 2, spatialLayout(rank, format));
  return { format, kernel, strides, dilation, padding, inChannels: channels(input, format) };
}

/** How the channel axis gets its size: `filters`, or DepthwiseConv's channels × `depth_multiplier`. */
type ChannelStep = (inChannels: number, axis: number, out: number) => ShapeStep;
const toFilters: ChannelStep = (c, axis, out) => plainStep('set-to-arg', [axis], [c], [out], 'filters');

/**
 * The input shape with each spatial axis under the window and the channel axis set, and the steps
 * that say so: one window step per spatial axis, one for the channels.
 */
function outputShape(
  input: Shape,
  g: Geometry,
  outChannels: number,
  channelStep: ChannelStep,
  rule: WindowRule,
  length: (l: Dim, i: number) => Dim,
  outputPadding?: number[] | null,
) {
  const out = [...input];
  const steps: ShapeStep[] = [];
  spatialAxes(g.kernel.length, g.format).forEach((axis, i) => {
    const l = input[axis] ?? null;
    out[axis] = length(l, i);
    const op = outputPadding === undefined ? {} : { outputPadding: outputPadding ? outputPadding[i]! : null };
    steps.push(
      windowStep(rule, axis, l, out[axis], {
        kernel: g.kernel[i]!,
        stride: g.strides[i]!,
        dilation: g.dilation[i]!,
        arg: 'kernel_size',
        ...op,
      }),
    );
  });
  const c = channelAxis(input, g.format);
  out[c] = outChannels;
  steps.push(channelStep(g.inChannels, c, outChannels));
  return { output: out, steps };
}

/** The conv rule on every spatial axis, naming the axis if the kernel overflows it. */
function convOutput(input: Shape, g: Geometry, outChannels: number, channelStep: ChannelStep = toFilters) {
  const names = spatialAxisNames(g.kernel.length);
  return outputShape(input, g, outChannels, channelStep, `conv-${g.padding}`, (l, i) =>
    convLength(l, g.kernel[i]!, g.strides[i]!, g.dilation[i]!, g.padding, 'kernel_size', names[i]),
  );
}

/** What each kernel axis is called in a formula's legend: one axis is the kernel size itself. */
const KERNEL_AXES: Record<number, TermRole[]> = {
  2: ['kernel height', 'kernel width'],
  3: ['kernel depth', 'kernel height', 'kernel width'],
};
const kernelTerms = (kernel: number[]): Term[] =>
  kernel.map((k, i) => num(k, KERNEL_AXES[kernel.length]?.[i] ?? 'kernel', kernel.length > 1 ? `kernel_size[${i}]` : 'kernel_size'));
const filtersTerm = (filters: number): Term => num(filters, 'filters', 'filters');

/**
 * Candidates for a printed conv row: every kernel whose size fits the weights each output channel
 * has (the most even first), each with the padding, strides and dilation that give the printed
 * lengths, channels last and then first. A first layer's channels and lengths are not printed:
 * they are taken as the candidates' own.
 */
/** How uneven a kernel is: 0 for 3 × 3. */
const spread = (kernel: unknown): number => (Array.isArray(kernel) ? Math.max(...kernel) - Math.min(...kernel) : 0);

function convCandidates(
  rank: number,
  facts: PrintedFacts,
  kernelSizes: (bias: boolean, inChannels: number, outChannels: number) => number | undefined,
  args: (kernel: number[], bias: boolean, inChannels: number, outChannels: number) => LayerArgs,
  // the channels a first layer may have read: those that divide its weights per filter, with or without a bias
  unknownChannels: (outChannels: number) => number[] = (out) => [
    1,
    3,
    ...divisors(facts.params / out - 1),
    ...divisors(facts.params / out),
  ],
): InferCandidate[] {
  const out: InferCandidate[] = [];
  const input = facts.inputs[0];
  // a first layer's channels are a guess too: the evenest kernels first, whatever the channels
  const ranked = (): InferCandidate[] =>
    typeof input?.[input.length - 1] === 'number' ? out : out.sort((a, b) => spread(a.args['kernel_size']) - spread(b.args['kernel_size']));
  for (const format of ['channels_last', 'channels_first'] as const) {
    const channelAt = format === 'channels_last' ? rank + 1 : 1;
    const spatialAt = format === 'channels_last' ? 1 : 2;
    const outChannels = facts.output[channelAt];
    if (typeof outChannels !== 'number') continue;
    const knownChannels = input?.[channelAt];
    for (const bias of [true, false]) {
      const channelOptions = typeof knownChannels === 'number' ? [knownChannels] : unknownChannels(outChannels);
      for (const cin of [...new Set(channelOptions)]) {
        const size = kernelSizes(bias, cin, outChannels);
        if (size === undefined) continue;
        const lengthsIn = Array.from({ length: rank }, (_, i) => input?.[spatialAt + i]);
        const lengthsOut = facts.output.slice(spatialAt, spatialAt + rank);
        for (const r of kernelReadings(size, rank, lengthsIn, lengthsOut, windowFor)) {
          const candidateArgs = { ...args(r.kernel, bias, cin, outChannels), ...r.args };
          if (format === 'channels_first') candidateArgs['data_format'] = format;
          const lengths = r.windows.map((w) => w.input);
          const guessed: Shape =
            format === 'channels_last' ? [facts.output[0] ?? null, ...lengths, cin] : [facts.output[0] ?? null, cin, ...lengths];
          out.push({ args: candidateArgs, input: input ?? guessed });
          if (out.length > 48) return ranked();
        }
      }
      if (typeof knownChannels !== 'number' && out.length > 0) break;
    }
    if (out.length > 0) break;
  }
  return ranked();
}

/** Conv1D/2D/3D: `filters × (C_in / groups × k… + 1)`; causal padding only for Conv1D. */
const conv = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'convolution',
  positional: ['filters', 'kernel_size'],
  example,
  defaults: { strides: 1, padding: 'valid', data_format: null, dilation_rate: 1, groups: 1, use_bias: true },
  infer(facts) {
    // params = filters × (C_in / groups × k… + bias); groups only when no ordinary convolution fits
    const cin = lastAxis(facts.inputs[0]);
    const filters = lastAxis(facts.output);
    const groupOptions = typeof cin === 'number' && typeof filters === 'number' ? divisors(cin).filter((g) => filters % g === 0) : [1];
    const withGroups = (groups: number): InferCandidate[] =>
      convCandidates(
        rank,
        facts,
        (bias, c, f) => exactQuotient(facts.params - (bias ? f : 0), (f * c) / groups),
        (kernel, bias, _c, f) => ({
          filters: f,
          kernel_size: kernel,
          ...(groups > 1 ? { groups } : {}),
          ...(bias ? {} : { use_bias: false }),
        }),
      );
    return [...withGroups(1), ...groupOptions.slice(1).flatMap((g) => withGroups(g).map((c) => ({ ...c, fallback: true })))];
  },
  build({ args, input }) {
    requireArgs(args, 'filters', 'kernel_size');
    const filters = arg.int(args, 'filters');
    const groups = arg.int(args, 'groups');
    const useBias = arg.bool(args, 'use_bias');
    // Keras checks filters against groups in __init__, channels against groups in build()
    if (filters % groups !== 0) fail('filters-not-divisible', { filters, groups }, 'groups');
    const g = geometry(args, input, rank, convPadding(args, rank === 1));
    if (g.inChannels % groups !== 0) fail('input-channels-not-divisible', { channels: g.inChannels, groups }, 'groups');
    const perGroup = g.inChannels / groups;
    const kernel = weight('kernel', [...g.kernel, perGroup, filters]);
    // With groups, each filter sees C_in / groups channels: both of the reader's numbers are shown.
    const channels =
      groups > 1 ? div(num(g.inChannels, 'input channels'), num(groups, 'groups', 'groups')) : num(perGroup, 'input channels');
    const perFilter = mul(channels, ...kernelTerms(g.kernel));
    const shaped = convOutput(input, g, filters);
    return {
      ...shaped,
      weights: useBias ? [kernel, weight('bias', [filters])] : [kernel],
      formula: useBias ? mul(filtersTerm(filters), add(perFilter, num(1, 'bias'))) : mul(filtersTerm(filters), perFilter),
      // each output cell of each filter: one product per weight of that filter's kernel
      macs: product(outputCells(shaped.output, spatialAxes(rank, g.format)), filtersTerm(filters), channels, kernelTerms(g.kernel)),
    };
  },
});

/** Conv*Transpose: kernel `(*k, filters, C_in)`, no groups, no causal, optional output_padding. */
const convTranspose = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'convolution',
  positional: ['filters', 'kernel_size'],
  example,
  defaults: { strides: 1, padding: 'valid', output_padding: null, data_format: null, dilation_rate: 1, use_bias: true },
  infer(facts) {
    // params = filters × (C_in × k… + bias); each length grows to in × s + max(k − s, 0) (valid) or in × s (same)
    const filters = lastAxis(facts.output);
    const input = facts.inputs[0];
    const known = lastAxis(input);
    if (typeof filters !== 'number') return [];
    const out: InferCandidate[] = [];
    for (const bias of [true, false]) {
      for (const cin of typeof known === 'number' ? [known] : [1, 3, ...divisors(facts.params)]) {
        const size = exactQuotient(facts.params - (bias ? filters : 0), filters * cin);
        if (size === undefined) continue;
        const lengthsIn = Array.from({ length: rank }, (_, i) => input?.[i + 1]);
        for (const r of kernelReadings(size, rank, lengthsIn, facts.output.slice(1, rank + 1), transposeWindow)) {
          out.push({
            args: { filters, kernel_size: r.kernel, ...r.args, ...(bias ? {} : { use_bias: false }) },
            input: input ?? [facts.output[0] ?? null, ...r.windows.map((w) => w.input), cin],
          });
        }
        if (out.length > 48) return out;
      }
      if (typeof known !== 'number' && out.length > 0) break;
    }
    return out;
  },
  build({ args, input }) {
    requireArgs(args, 'filters', 'kernel_size');
    const filters = arg.int(args, 'filters');
    const useBias = arg.bool(args, 'use_bias');
    const g = geometry(args, input, rank, convPadding(args, false));
    const outputPadding =
      args['output_padding'] === null || args['output_padding'] === undefined ? null : arg.tuple(args, 'output_padding', rank, 0);
    outputPadding?.forEach((p, i) => {
      if (p >= g.strides[i]!)
        fail(
          'output-padding-not-below-stride',
          { outputPadding: p, stride: g.strides[i]!, outputPaddings: JSON.stringify(outputPadding), strides: JSON.stringify(g.strides) },
          'output_padding',
        );
    });
    const kernel = weight('kernel', [...g.kernel, filters, g.inChannels]);
    const perFilter = mul(num(g.inChannels, 'input channels'), ...kernelTerms(g.kernel));
    const names = spatialAxisNames(rank);
    return {
      ...outputShape(
        input,
        g,
        filters,
        toFilters,
        `transpose-${g.padding as 'valid' | 'same'}`,
        (l, i) =>
          deconvLength(
            l,
            g.kernel[i]!,
            g.strides[i]!,
            g.dilation[i]!,
            g.padding as 'valid' | 'same',
            outputPadding ? outputPadding[i]! : null,
            names[i],
          ),
        outputPadding,
      ),
      weights: useBias ? [kernel, weight('bias', [filters])] : [kernel],
      formula: useBias ? mul(filtersTerm(filters), add(perFilter, num(1, 'bias'))) : mul(filtersTerm(filters), perFilter),
      // every input cell spreads the whole kernel over the output
      macs: product(
        inputCells(input, spatialAxes(rank, g.format)),
        filtersTerm(filters),
        num(g.inChannels, 'input channels'),
        kernelTerms(g.kernel),
      ),
    };
  },
});

/** Keras 3 calls the depthwise kernel `kernel`; tf.keras, multi-backend Keras and tfjs `depthwise_kernel`. */
const depthwiseKernelName = (dialect: Dialect): string => (dialect === 'keras3' ? 'kernel' : 'depthwise_kernel');

/** DepthwiseConv1D/2D: one k… kernel per input channel and multiplier, bias per output channel. */
const depthwise = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'convolution',
  positional: ['kernel_size'],
  example,
  defaults: { strides: 1, padding: 'valid', depth_multiplier: 1, data_format: null, dilation_rate: 1, use_bias: true },
  infer(facts) {
    // params = C_in × depth_multiplier × (k… + bias), and C_out = C_in × depth_multiplier
    return convCandidates(
      rank,
      facts,
      (bias, cin, out) => (out % cin === 0 ? exactQuotient(facts.params - (bias ? out : 0), out) : undefined),
      (kernel, bias, cin, out) => ({
        kernel_size: kernel,
        ...(out / cin !== 1 ? { depth_multiplier: out / cin } : {}),
        ...(bias ? {} : { use_bias: false }),
      }),
      // a first layer's channels are not printed: a depth multiplier of 1 first, then the others
      (out) => divisors(out).reverse(),
    );
  },
  build({ args, input, dialect }) {
    requireArgs(args, 'kernel_size');
    const dm = arg.int(args, 'depth_multiplier');
    const useBias = arg.bool(args, 'use_bias');
    const g = geometry(args, input, rank, convPadding(args, false));
    const out = g.inChannels * dm;
    const kernel = weight(depthwiseKernelName(dialect), [...g.kernel, g.inChannels, dm]);
    const outChannels = mul(num(g.inChannels, 'input channels'), num(dm, 'depth multiplier', 'depth_multiplier'));
    const shaped = convOutput(input, g, out, (c, axis, o) => ({
      rule: 'multiply',
      axes: [axis],
      inputs: [c],
      result: [o],
      factor: dm,
      arg: 'depth_multiplier',
    }));
    return {
      ...shaped,
      weights: useBias ? [kernel, weight('bias', [out])] : [kernel],
      formula: useBias ? mul(outChannels, add(mul(...kernelTerms(g.kernel)), num(1, 'bias'))) : mul(outChannels, ...kernelTerms(g.kernel)),
      // each output channel reads one input channel: a k… window per cell, no sum over channels
      macs: product(outputCells(shaped.output, spatialAxes(rank, g.format)), outChannels.terms, kernelTerms(g.kernel)),
    };
  },
});

/**
 * SeparableConv1D/2D: a depthwise step (no bias) then a 1×1 pointwise conv with bias.
 * tf.keras allowed causal padding for SeparableConv1D; Keras 3 does not.
 */
const separable = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'convolution',
  positional: ['filters', 'kernel_size'],
  example,
  defaults: { strides: 1, padding: 'valid', depth_multiplier: 1, data_format: null, dilation_rate: 1, use_bias: true },
  infer(facts) {
    // params = k… × C_in × dm + C_in × dm × filters + bias; depth_multiplier 1 unless nothing fits
    return [1, 2, 3, 4].flatMap((dm) =>
      convCandidates(
        rank,
        facts,
        (bias, cin, f) => exactQuotient(facts.params - (bias ? f : 0) - cin * dm * f, cin * dm),
        (kernel, bias, _c, f) => ({
          filters: f,
          kernel_size: kernel,
          ...(dm !== 1 ? { depth_multiplier: dm } : {}),
          ...(bias ? {} : { use_bias: false }),
        }),
      ),
    );
  },
  build({ args, input, dialect }) {
    requireArgs(args, 'filters', 'kernel_size');
    const filters = arg.int(args, 'filters');
    const dm = arg.int(args, 'depth_multiplier');
    const useBias = arg.bool(args, 'use_bias');
    const g = geometry(args, input, rank, convPadding(args, rank === 1 && dialect !== 'keras3', rank === 1));
    const mid = g.inChannels * dm;
    const weights = [
      weight('depthwise_kernel', [...g.kernel, g.inChannels, dm]),
      weight('pointwise_kernel', [...g.kernel.map(() => 1), mid, filters]),
      ...(useBias ? [weight('bias', [filters])] : []),
    ];
    const cin = num(g.inChannels, 'input channels');
    const dmT = num(dm, 'depth multiplier', 'depth_multiplier');
    const depthwiseTerm = mul(...kernelTerms(g.kernel), cin, dmT);
    const pointwise = mul(cin, dmT, filtersTerm(filters));
    const shaped = convOutput(input, g, filters);
    const cells = outputCells(shaped.output, spatialAxes(rank, g.format));
    return {
      ...shaped,
      weights,
      formula: useBias ? add(depthwiseTerm, pointwise, num(filters, 'bias', 'filters')) : add(depthwiseTerm, pointwise),
      // the depthwise step and the 1×1 step, each at every output cell (strides apply to the first)
      macs: total(part('depthwise step', product(cells, depthwiseTerm.terms)), part('pointwise step', product(cells, pointwise.terms))),
    };
  },
});

// Examples: 3×3 (or 3, 3×3×3) kernels on small inputs, as the lessons use them.
const seq: Shape = [null, 100, 8];
const image: Shape = [null, 28, 28, 1];
const channels8: Shape = [null, 28, 28, 8];
const volume: Shape = [null, 16, 16, 16, 1];
const c1 = { args: { filters: 16, kernel_size: 3 }, input: seq };
const c2 = { args: { filters: 32, kernel_size: 3 }, input: image };
const c3 = { args: { filters: 8, kernel_size: 3 }, input: volume };
const t1 = { args: { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, input: [null, 50, 32] };
const t2 = { args: { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, input: [null, 14, 14, 32] };
const t3 = { args: { filters: 4, kernel_size: 3, strides: 2 }, input: [null, 8, 8, 8, 16] };
const s1 = { args: { filters: 16, kernel_size: 3 }, input: [null, 100, 8] };
const s2 = { args: { filters: 16, kernel_size: 3 }, input: channels8 };

export const convolutionLayers = withPositional(
  {
    Conv1D: conv(1, c1),
    Conv2D: conv(2, c2),
    Conv3D: conv(3, c3),
    Convolution1D: conv(1, c1),
    Convolution2D: conv(2, c2),
    Convolution3D: conv(3, c3),
    Conv1DTranspose: convTranspose(1, t1),
    Conv2DTranspose: convTranspose(2, t2),
    Conv3DTranspose: convTranspose(3, t3),
    Convolution1DTranspose: convTranspose(1, t1),
    Convolution2DTranspose: convTranspose(2, t2),
    Convolution3DTranspose: convTranspose(3, t3),
    DepthwiseConv1D: depthwise(1, { args: { kernel_size: 3, depth_multiplier: 2 }, input: seq }),
    DepthwiseConv2D: depthwise(2, { args: { kernel_size: 3 }, input: channels8 }),
    SeparableConv1D: separable(1, s1),
    SeparableConv2D: separable(2, s2),
    SeparableConvolution1D: separable(1, s1),
    SeparableConvolution2D: separable(2, s2),
  } satisfies Record<string, LayerSpec>,
  // Keras's constructors: Conv2D(filters, kernel_size, strides, padding, …), DepthwiseConv2D(kernel_size, strides, padding, depth_multiplier, …)
  Object.fromEntries([
    ...[1, 2, 3].flatMap((r) =>
      [`Conv${r}D`, `Conv${r}DTranspose`, `Convolution${r}D`, `Convolution${r}DTranspose`].map((t) => [
        t,
        ['filters', 'kernel_size', 'strides', 'padding'],
      ]),
    ),
    ...[1, 2].flatMap((r) => [
      [`SeparableConv${r}D`, ['filters', 'kernel_size', 'strides', 'padding']],
      [`SeparableConvolution${r}D`, ['filters', 'kernel_size', 'strides', 'padding']],
      [`DepthwiseConv${r}D`, ['kernel_size', 'strides', 'padding', 'depth_multiplier']],
    ]),
  ]),
);
