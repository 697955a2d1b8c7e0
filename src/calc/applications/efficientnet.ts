/**
 * EfficientNet B0–B7 (keras/src/applications/efficientnet.py) as built with `weights=None`.
 * Rescaling and an adaptable Normalization (mean 3 + variance 3 + count 1 = 7 non-trainable
 * numbers) feed a stem and seven stages of MBConv blocks: a 1×1 expansion, a depthwise
 * convolution, a squeeze-and-excitation gate (pool → reshape → two 1×1 convs with bias → multiply)
 * and a 1×1 projection. Widths and repeats scale with each variant's coefficients.
 * (With `weights="imagenet"` Keras inserts one more weightless Rescaling after the Normalization.)
 */
import { convLength } from '../conv-arithmetic.ts';
import type { FunctionalModel, TensorRef } from '../model.ts';
import type { Dim } from '../types.ts';
import { correctPad } from './correct-pad.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';
import { makeDivisible } from './make-divisible.ts';

interface Stage {
  kernel: number;
  repeats: number;
  filtersIn: number;
  filtersOut: number;
  expandRatio: number;
  stride: number;
}

/** `DEFAULT_BLOCKS_ARGS` (every stage has id_skip=True and se_ratio=0.25). */
const STAGES: readonly Stage[] = [
  { kernel: 3, repeats: 1, filtersIn: 32, filtersOut: 16, expandRatio: 1, stride: 1 },
  { kernel: 3, repeats: 2, filtersIn: 16, filtersOut: 24, expandRatio: 6, stride: 2 },
  { kernel: 5, repeats: 2, filtersIn: 24, filtersOut: 40, expandRatio: 6, stride: 2 },
  { kernel: 3, repeats: 3, filtersIn: 40, filtersOut: 80, expandRatio: 6, stride: 2 },
  { kernel: 5, repeats: 3, filtersIn: 80, filtersOut: 112, expandRatio: 6, stride: 1 },
  { kernel: 5, repeats: 4, filtersIn: 112, filtersOut: 192, expandRatio: 6, stride: 2 },
  { kernel: 3, repeats: 1, filtersIn: 192, filtersOut: 320, expandRatio: 6, stride: 1 },
];
const SE_RATIO = 0.25;
const DROP_CONNECT_RATE = 0.2;
const ACTIVATION = 'swish';
const BN = { axis: 3 };

/** Each variant: width and depth coefficients, default image side, top dropout rate. */
const VARIANTS = {
  b0: [1.0, 1.0, 224, 0.2],
  b1: [1.0, 1.1, 240, 0.2],
  b2: [1.1, 1.2, 260, 0.3],
  b3: [1.2, 1.4, 300, 0.3],
  b4: [1.4, 1.8, 380, 0.4],
  b5: [1.6, 2.2, 456, 0.4],
  b6: [1.8, 2.6, 528, 0.5],
  b7: [2.0, 3.1, 600, 0.5],
} as const;

/** What the Keras code reads from `x.shape` while it builds: the spatial side, for `correct_pad`. */
interface Feature {
  x: TensorRef;
  side: Dim;
}

interface BlockArgs {
  name: string;
  filtersIn: number;
  filtersOut: number;
  kernel: number;
  stride: number;
  expandRatio: number;
  dropRate: number;
}

/** A stride-2 'valid' convolution behind `correct_pad`, as Keras builds every downsampling step. */
function padded(g: Graph, f: Feature, kernel: number, name: string): { x: TensorRef; sideAfterConv: Dim } {
  const padding = correctPad(f.side, f.side, kernel);
  const x = g.call('ZeroPadding2D', { padding }, f.x, name);
  const paddedSide = f.side === null ? null : f.side + padding[0][0] + padding[0][1];
  return { x, sideAfterConv: convLength(paddedSide, kernel, 2, 1, 'valid') };
}

/** `block`: the MBConv block with squeeze-and-excitation. */
function mbConv(g: Graph, input: Feature, a: BlockArgs): Feature {
  const n = a.name;
  const filters = a.filtersIn * a.expandRatio;
  let x = input.x;
  if (a.expandRatio !== 1) {
    x = g.call('Conv2D', { filters, kernel_size: 1, padding: 'same', use_bias: false }, x, `${n}expand_conv`);
    x = g.call('BatchNormalization', BN, x, `${n}expand_bn`);
    x = g.call('Activation', { activation: ACTIVATION }, x, `${n}expand_activation`);
  }
  let side = input.side;
  if (a.stride === 2) {
    const p = padded(g, { x, side }, a.kernel, `${n}dwconv_pad`);
    x = p.x;
    side = p.sideAfterConv;
  }
  x = g.call(
    'DepthwiseConv2D',
    { kernel_size: a.kernel, strides: a.stride, padding: a.stride === 2 ? 'valid' : 'same', use_bias: false },
    x,
    `${n}dwconv`,
  );
  x = g.call('BatchNormalization', BN, x, `${n}bn`);
  x = g.call('Activation', { activation: ACTIVATION }, x, `${n}activation`);

  const filtersSe = Math.max(1, Math.trunc(a.filtersIn * SE_RATIO));
  let se = g.call('GlobalAveragePooling2D', {}, x, `${n}se_squeeze`);
  se = g.call('Reshape', { target_shape: [1, 1, filters] }, se, `${n}se_reshape`);
  se = g.call('Conv2D', { filters: filtersSe, kernel_size: 1, padding: 'same', activation: ACTIVATION }, se, `${n}se_reduce`);
  se = g.call('Conv2D', { filters, kernel_size: 1, padding: 'same', activation: 'sigmoid' }, se, `${n}se_expand`);
  x = g.call('Multiply', {}, [x, se], `${n}se_excite`);

  x = g.call('Conv2D', { filters: a.filtersOut, kernel_size: 1, padding: 'same', use_bias: false }, x, `${n}project_conv`);
  x = g.call('BatchNormalization', BN, x, `${n}project_bn`);
  if (a.stride === 1 && a.filtersIn === a.filtersOut) {
    if (a.dropRate > 0) x = g.call('Dropout', { rate: a.dropRate, noise_shape: [null, 1, 1, 1] }, x, `${n}drop`);
    x = g.call('Add', {}, [x, input.x], `${n}add`);
  }
  return { x, side };
}

function efficientnet(variant: keyof typeof VARIANTS, o: ApplicationOptions): FunctionalModel {
  const [width, depth, size, dropoutRate] = VARIANTS[variant];
  const roundFilters = (f: number): number => makeDivisible(f * width, 8);
  const roundRepeats = (r: number): number => Math.ceil(depth * r);

  const g = new Graph();
  const shape = o.inputShape ?? [size, size, 3];
  // correct_pad reads the side as the code runs; the builder takes square inputs (index.ts checks)
  const side = shape[0] ?? null;
  let x = g.input(shape);
  x = g.call('Rescaling', { scale: 1.0 / 255.0 }, x);
  x = g.call('Normalization', { axis: 3 }, x);
  const stem = padded(g, { x, side }, 3, 'stem_conv_pad');
  x = g.call('Conv2D', { filters: roundFilters(32), kernel_size: 3, strides: 2, padding: 'valid', use_bias: false }, stem.x, 'stem_conv');
  x = g.call('BatchNormalization', BN, x, 'stem_bn');
  x = g.call('Activation', { activation: ACTIVATION }, x, 'stem_activation');

  let f: Feature = { x, side: stem.sideAfterConv };
  const total = STAGES.reduce((sum, s) => sum + roundRepeats(s.repeats), 0);
  let b = 0;
  STAGES.forEach((s, i) => {
    const filtersOut = roundFilters(s.filtersOut);
    for (let j = 0; j < roundRepeats(s.repeats); j++) {
      f = mbConv(g, f, {
        name: `block${i + 1}${String.fromCharCode(97 + j)}_`,
        filtersIn: j === 0 ? roundFilters(s.filtersIn) : filtersOut,
        filtersOut,
        kernel: s.kernel,
        stride: j === 0 ? s.stride : 1,
        expandRatio: s.expandRatio,
        dropRate: (DROP_CONNECT_RATE * b) / total,
      });
      b++;
    }
  });

  x = g.call('Conv2D', { filters: roundFilters(1280), kernel_size: 1, padding: 'same', use_bias: false }, f.x, 'top_conv');
  x = g.call('BatchNormalization', BN, x, 'top_bn');
  x = g.call('Activation', { activation: ACTIVATION }, x, 'top_activation');
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) => {
      const pooled = g.call('GlobalAveragePooling2D', {}, features, 'avg_pool');
      return g.call(
        'Dense',
        { units: classes, activation: 'softmax' },
        g.call('Dropout', { rate: dropoutRate }, pooled, 'top_dropout'),
        'predictions',
      );
    },
    true,
  );
  return g.model(`efficientnet${variant}`, x);
}

/** `keras.applications.EfficientNetB0()`: 224 × 224, 16 MBConv blocks. */
export const EfficientNetB0 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b0', o);
export const EfficientNetB1 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b1', o);
export const EfficientNetB2 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b2', o);
export const EfficientNetB3 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b3', o);
export const EfficientNetB4 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b4', o);
export const EfficientNetB5 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b5', o);
export const EfficientNetB6 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b6', o);
export const EfficientNetB7 = (o: ApplicationOptions = {}): FunctionalModel => efficientnet('b7', o);
