/**
 * Output-shape arithmetic: valid floors, same and causal give ⌈L / s⌉, dilation widens
 * the window without adding weights; next to it, PyTorch's explicit per-side padding and Caffe's
 * ceil-mode pooling. Keras's lengths come from layer facts; the other frameworks' numbers and every
 * worked step come from src/calc/framework-arithmetic.ts, never typed.
 */
import {
  caffeConvLength,
  caffePoolLength,
  causalLeftPadding,
  kerasConvLength,
  kerasPoolLength,
  pytorchConvLength,
  pytorchPoolLength,
  samePadding,
  type LengthResult,
  type Shape,
} from '@calc/basics.ts';
import { on, outputOf } from './layer-facts.ts';
import type { CalculatorPreset, LayerFact, LessonModule, PaddingPreset } from './types.ts';

const mnistImage: Shape = [null, 28, 28, 1];
const sequence: Shape = [null, 100, 8];

const layerFacts = {
  /** valid: the window must fit. */
  valid: on('Conv2D', { filters: 32, kernel_size: 3 }, mnistImage),
  validStride2: on('Conv2D', { filters: 32, kernel_size: 3, strides: 2 }, mnistImage),
  /** same: ⌈L / s⌉ whatever the kernel. */
  same: on('Conv2D', { filters: 32, kernel_size: 3, padding: 'same' }, mnistImage),
  sameStride2: on('Conv2D', { filters: 32, kernel_size: 3, strides: 2, padding: 'same' }, mnistImage),
  /** docs/learner-mistakes.md#same-padding-stride: an even kernel with stride 2 on 64. */
  same64: on('Conv2D', { filters: 6, kernel_size: 4, strides: 2, padding: 'same' }, [null, 64, 64, 3]),
  valid64: on('Conv2D', { filters: 6, kernel_size: 4, strides: 2 }, [null, 64, 64, 3]),
  /** Conv1D on an odd length: valid and same differ by one. */
  conv1dValid: on('Conv1D', { filters: 16, kernel_size: 3, strides: 2 }, [null, 101, 8]),
  conv1dSame: on('Conv1D', { filters: 16, kernel_size: 3, strides: 2, padding: 'same' }, [null, 101, 8]),
  /** causal: left padding only, length kept. */
  causal: on('Conv1D', { filters: 16, kernel_size: 3, padding: 'causal' }, sequence),
  causalDilated: on('Conv1D', { filters: 16, kernel_size: 3, padding: 'causal', dilation_rate: 4 }, sequence),
  validDilated1d: on('Conv1D', { filters: 16, kernel_size: 3, dilation_rate: 4 }, sequence),
  /** dilation: a 3-tap kernel spanning 5. */
  dilated: on('Conv2D', { filters: 32, kernel_size: 3, dilation_rate: 2 }, mnistImage),
  dilatedSame: on('Conv2D', { filters: 32, kernel_size: 3, dilation_rate: 2, padding: 'same' }, mnistImage),
  /** Pooling follows the valid rule with pool_size as the window. */
  oddPool: on('MaxPooling2D', { pool_size: 2 }, [null, 11, 11, 64]),
  /** ResNet's stem: a 7×7 stride-2 conv on 224, then a 3×3 stride-2 pool on 112. */
  stem: on('Conv2D', { filters: 64, kernel_size: 7, strides: 2, padding: 'same' }, [null, 224, 224, 3]),
  stemPool: on('MaxPooling2D', { pool_size: 3, strides: 2 }, [null, 112, 112, 64]),
  /** Keras's ResNet50 pads by one before that pool to get Caffe's 56. */
  stemPad: on('ZeroPadding2D', { padding: 1 }, [null, 112, 112, 64]),
} satisfies Record<string, LayerFact>;

export const facts = {
  ...layerFacts,
  /** Keras ResNet50's pool after its ZeroPadding2D. */
  stemPaddedPool: on('MaxPooling2D', { pool_size: 3, strides: 2 }, outputOf(layerFacts.stemPad)),
} satisfies Record<string, LayerFact>;

/** A framework rule's arithmetic; a rule that gives no length here is a bug in this lesson. */
function worked(r: LengthResult): string {
  if (!r.ok) throw new Error(`output-shapes lesson: ${r.message}`);
  return r.formula;
}
const lengthOf = (r: LengthResult): number => {
  if (!r.ok) throw new Error(`output-shapes lesson: ${r.message}`);
  return r.length;
};

/** Worked arithmetic the lesson prints, each line computed by src/calc. */
const rules = {
  kerasValidStride2: kerasConvLength({ length: 28, kernel: 3, stride: 2 }, 'valid'),
  kerasDilated: kerasConvLength({ length: 28, kernel: 3, stride: 1, dilation: 2 }, 'valid'),
  kerasSame64: kerasConvLength({ length: 64, kernel: 4, stride: 2 }, 'same'),
  kerasValid64: kerasConvLength({ length: 64, kernel: 4, stride: 2 }, 'valid'),
  kerasPool112: kerasPoolLength({ length: 112, kernel: 3, stride: 2 }, 'valid'),
  torchSame28: pytorchConvLength({ length: 28, kernel: 3, stride: 1, padding: 1 }),
  torchStride2: pytorchConvLength({ length: 28, kernel: 3, stride: 2, padding: 1 }),
  torchEvenLow: pytorchConvLength({ length: 28, kernel: 4, stride: 1, padding: 1 }),
  torchEvenHigh: pytorchConvLength({ length: 28, kernel: 4, stride: 1, padding: 2 }),
  torchStem: pytorchConvLength({ length: 224, kernel: 7, stride: 2, padding: 3 }),
  torchPoolFloor: pytorchPoolLength({ length: 11, kernel: 2, stride: 2, ceilMode: false }),
  torchPoolCeil: pytorchPoolLength({ length: 11, kernel: 2, stride: 2, ceilMode: true }),
  torchStemPool: pytorchPoolLength({ length: 112, kernel: 3, stride: 2, padding: 1, ceilMode: false }),
  caffeOddPool: caffePoolLength({ length: 11, kernel: 2, stride: 2 }),
  caffeStemPool: caffePoolLength({ length: 112, kernel: 3, stride: 2 }),
  caffeStem: caffeConvLength({ length: 224, kernel: 7, stride: 2, padding: 3 }),
} satisfies Record<string, LengthResult>;

const padding = {
  stride2: samePadding({ length: 28, kernel: 3, stride: 2 }),
  evenKernel: samePadding({ length: 28, kernel: 4, stride: 1 }),
  stem: samePadding({ length: 224, kernel: 7, stride: 2 }),
};
const causalPad = { plain: causalLeftPadding(3, 1), dilated: causalLeftPadding(3, 4) };

/** The padding split as text: `max(…) = 1: 0 before, 1 after`. */
function split(p: ReturnType<typeof samePadding>): { formula: string; before: number; after: number; total: number } {
  if (!p.ok) throw new Error(`output-shapes lesson: ${p.message}`);
  return { formula: p.formula, before: p.before, after: p.after, total: p.total };
}

/** Every worked line the MDX prints with `{arithmetic.x}`. */
export const arithmetic = {
  ...Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, worked(r)])),
  samePadStride2: split(padding.stride2).formula,
  samePadEven: split(padding.evenKernel).formula,
  samePadStem: split(padding.stem).formula,
  causalPlain: causalPad.plain.formula,
  causalDilated: causalPad.dilated.formula,
} as Record<keyof typeof rules | 'samePadStride2' | 'samePadEven' | 'samePadStem' | 'causalPlain' | 'causalDilated', string>;

/** The PaddingCompare islands: one axis, the same window, three frameworks' rules. */
export const compare = {
  /** PyTorch padding 1 against Keras "same": equal lengths, different padding split. */
  conv: {
    id: 'output-shapes-compare-conv',
    kind: 'conv',
    title: { en: 'One convolution, three frameworks', 'zh-cn': '同一个卷积，三个框架' },
    length: 28,
    kernel: 3,
    stride: 2,
    dilation: 1,
    padding: 1,
  },
  /** MNIST's odd 11 under a 2×2 pool: Keras and PyTorch floor, Caffe ceils. */
  pool: {
    id: 'output-shapes-compare-pool',
    kind: 'pool',
    title: { en: 'One pooling window, three frameworks', 'zh-cn': '同一个池化窗口，三个框架' },
    length: 11,
    kernel: 2,
    stride: 2,
    padding: 0,
    ceilMode: false,
  },
} satisfies Record<string, PaddingPreset>;

export const calculators = {
  /** Conv2D's output shape from size, kernel, stride, padding and dilation. */
  conv2d: {
    id: 'output-shapes-conv2d',
    title: { en: 'Conv2D output shape', 'zh-cn': 'Conv2D 的输出形状' },
    layers: [{ type: 'Conv2D', args: { filters: 32, kernel_size: 3, strides: 1, padding: 'valid', dilation_rate: 1 } }],
    input: mnistImage,
    fields: [
      { kind: 'int', target: 'input[1]', min: 1, max: 256 },
      { kind: 'int', target: 'input[2]', min: 1, max: 256 },
      { kind: 'int', target: 'kernel_size', min: 1, max: 11 },
      { kind: 'int', target: 'strides', min: 1, max: 4 },
      { kind: 'choice', target: 'padding', options: ['valid', 'same'] },
      { kind: 'int', target: 'dilation_rate', min: 1, max: 4 },
    ],
    show: ['shape', 'params'],
  },
  /** Conv1D, where "causal" exists too. */
  conv1d: {
    id: 'output-shapes-conv1d',
    title: { en: 'Conv1D output shape, with causal padding', 'zh-cn': 'Conv1D 的输出形状（含 causal 填充）' },
    layers: [{ type: 'Conv1D', args: { filters: 16, kernel_size: 3, strides: 1, padding: 'causal', dilation_rate: 1 } }],
    input: sequence,
    fields: [
      { kind: 'int', target: 'input[1]', min: 1, max: 256 },
      { kind: 'int', target: 'kernel_size', min: 1, max: 11 },
      { kind: 'int', target: 'strides', min: 1, max: 4 },
      { kind: 'choice', target: 'padding', options: ['valid', 'same', 'causal'] },
      { kind: 'int', target: 'dilation_rate', min: 1, max: 8 },
    ],
    show: ['shape', 'params', 'strip'],
  },
} satisfies Record<string, CalculatorPreset>;

/**
 * Numbers the prose quotes that no Keras layer fact computes: the other frameworks' lengths and the
 * intermediate steps of each worked line, each with the line it comes from.
 */
function numbersIn(label: string, formula: string): LessonModule['otherNumbers'] {
  return [...formula.matchAll(/\d+/g)].map((m) => ({ value: Number(m[0]), why: `${label}: ${formula}` }));
}
const frameworkNumbers: LessonModule['otherNumbers'] = [
  ...Object.entries(rules).flatMap(([k, r]) => numbersIn(k, worked(r))),
  ...Object.entries(padding).flatMap(([k, p]) => {
    const s = split(p);
    return [
      ...numbersIn(`same padding (${k})`, s.formula),
      { value: s.before, why: `same padding (${k}) before: ⌊${s.total} / 2⌋` },
      { value: s.after, why: `same padding (${k}) after: ${s.total} − ⌊${s.total} / 2⌋` },
    ];
  }),
  ...Object.entries(causalPad).flatMap(([k, c]) => numbersIn(`causal left padding (${k})`, c.formula)),
  { value: lengthOf(rules.torchStem), why: 'PyTorch Conv2d(7, stride 2, padding 3) on 224' },
];

export const otherNumbers: LessonModule['otherNumbers'] = [
  ...new Map(frameworkNumbers.map((n) => [n.value, n])).values(),
  { value: 50, why: 'ResNet50, the model name' },
];

export const lesson: LessonModule = { facts, calculators, otherNumbers };
