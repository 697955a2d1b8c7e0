/**
 * Output-shape questions: a convolution or pooling layer (valid, same, stride, dilation, the pooling
 * stride's default) or Flatten on an input; the reader types the shape. The right shape is the
 * engine's; a mistake's shape is the engine's answer to the layer asked the mistaken way (padding
 * "same" for valid, strides 1, dilation 1…), except rounding up, whose arithmetic is the mistake:
 * it is ⌈(n − span) / s⌉ + 1 from the numbers of the engine's own window step.
 */
import type { Dim, LayerArgs, Model, Shape, WindowStep } from '@calc/basics.ts';
import { isWindowStep, windowArithmetic } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Draft, MistakeAnswer, Rng, Template, Text } from '../types.ts';
import { productArithmetic, windowShapeHints, windowShapeSolution } from './shapes-hints.ts';

/** The one output shape of a row, or undefined (a refused or multi-output layer). */
export function singleShape(row: Row | null): Dim[] | undefined {
  const out = row?.outputShape;
  if (!out || out.length === 0) return undefined;
  return Array.isArray(out[0]) ? undefined : [...(out as Shape)];
}

/** A mistake entry when the mistaken question has an answer; none otherwise. */
const wrong = (mistake: string, value: Dim[] | undefined, note: Text): MistakeAnswer[] =>
  value === undefined ? [] : [{ mistake, value, note }];

/** The shape a reader gets by rounding each window axis up: ⌈(n − span) / s⌉ + 1 from the row's steps. */
export function ceilShape(row: Row): Dim[] | undefined {
  const shape = singleShape(row);
  if (!shape) return undefined;
  for (const step of row.steps.filter(isWindowStep)) {
    const n = step.inputs[0];
    if (typeof n !== 'number') return undefined;
    const span = step.dilation * (step.kernel - 1) + 1;
    shape[step.axes[0]!] = Math.ceil((n - span) / step.stride) + 1;
  }
  return shape;
}

/** The first window step of a row (the height), for a note's numbers. */
const firstWindow = (row: Row): WindowStep => row.steps.find(isWindowStep)!;

/** `12`, with `n − k` spelled from the step. */
const sizeOf = (row: Row | null, axis = 1): string => String(singleShape(row)?.[axis] ?? '?');

const ask = (code: string, input: Shape): Text => ({
  en: `\`${code}\` receives \`${shapeCode(input)}\`. What is its output shape?`,
  'zh-cn': `\`${code}\` 的输入是 \`${shapeCode(input)}\`。它的输出形状是什么？`,
});

/** A 2D input: height and width from `sizes` (often square), channels from `channels`. */
function drawInput(rng: Rng, sizes: readonly number[], channels: readonly number[]): Shape {
  const h = rng.pick(sizes);
  const w = rng.chance(0.6) ? h : rng.pick(sizes);
  return [null, h, w, rng.pick(channels)];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Everything a window-layer shape draft shares: the blank, the hints, the solution, `about`. */
function windowDraft(type: string, args: LayerArgs, code: string, input: Shape, row: Row, mistakes: MistakeAnswer[]): Draft | null {
  // A shape that passes through unchanged (causal, channels equal to filters) would stand in the prompt.
  if (shapeCode(singleShape(row)!) === shapeCode(input)) return null;
  return {
    prompt: ask(code, input),
    response: { kind: 'blanks', blanks: [{ id: 'shape', expected: { kind: 'shape', value: singleShape(row)! }, mistakes }] },
    about: { kind: 'layer', layer: { type, args }, input, ask: 'shape' },
    hints: windowShapeHints(row),
    solution: windowShapeSolution(row),
  };
}

/** Conv2D keyword arguments in Keras's signature order, for the call text. */
const convCall = (filters: number, k: number, keywords: LayerArgs): string => callText('Conv2D', [filters, k], keywords);

/** The shape with the input's channels kept: the engine asked for as many filters as the input has channels. */
function keptChannels(args: LayerArgs, input: Shape): MistakeAnswer[] {
  const channels = input[input.length - 1]!;
  const filters = args.filters as number;
  if (channels === filters) return [];
  const kept = rowOf({ type: 'Conv2D', args: { ...args, filters: channels }, input });
  return wrong('kept-input-channels', singleShape(kept), {
    en: `The last axis is the number of filters, ${filters}, not the input's ${channels} channels.`,
    'zh-cn': `最后一个轴是滤波器个数 ${filters}，而不是输入的 ${channels} 个通道。`,
  });
}

export const convValidShape: Template = {
  id: 'conv-valid-shape',
  skill: 'output-shape',
  lessons: ['output-shapes', 'conv2d'],
  covers: ['Conv2D'],
  mistakes: ['ceil-not-floor', 'valid-as-same', 'ignored-stride', 'kept-input-channels'],
  draw(rng) {
    const k = rng.pick([3, 3, 5, 7]);
    const s = rng.pick([1, 2, 2, 3]);
    const input = drawInput(rng, range(9, 40), [1, 3, 16, 32, 64]);
    const filters = rng.pick([8, 16, 32, 64, 128]);
    const keywords: LayerArgs = s === 1 ? {} : { strides: s };
    const args: LayerArgs = { filters, kernel_size: k, ...keywords };
    const row = rowOf({ type: 'Conv2D', args, input });
    if (!row || !singleShape(row)) return null;
    const step = firstWindow(row);
    const rule = windowArithmetic(step);
    const same = rowOf({ type: 'Conv2D', args: { ...args, padding: 'same' }, input });
    const mistakes: MistakeAnswer[] = [
      ...wrong('valid-as-same', singleShape(same), {
        en: `That is the size \`padding="same"\` would keep (${sizeOf(same)} rows). The default is \`"valid"\`: a ${k}-wide window must fit, so the height is \`${rule}\`.`,
        'zh-cn': `这是 \`padding="same"\` 时的尺寸（${sizeOf(same)} 行）。默认值是 \`"valid"\`：大小为 ${k} 的窗口必须完整放得下，所以高为 \`${rule}\`。`,
      }),
    ];
    if (s > 1) {
      const stride1 = rowOf({ type: 'Conv2D', args: { filters, kernel_size: k }, input });
      mistakes.push(
        ...wrong('ignored-stride', singleShape(stride1), {
          en: `${sizeOf(stride1)} rows is the size at stride 1. With \`strides=${s}\` the window jumps ${s} rows at a time: \`${rule}\`.`,
          'zh-cn': `${sizeOf(stride1)} 行是步幅为 1 时的尺寸。\`strides=${s}\` 时窗口每次移动 ${s} 行：\`${rule}\`。`,
        }),
        ...wrong('ceil-not-floor', ceilShape(row), {
          en: `You rounded \`(${step.inputs[0]} − ${k}) / ${s}\` up. Keras rounds down and drops the rows no whole window reaches: \`${rule}\`.`,
          'zh-cn': `你把 \`(${step.inputs[0]} − ${k}) / ${s}\` 向上取整了。Keras 向下取整，丢掉放不下完整窗口的行：\`${rule}\`。`,
        }),
      );
    }
    return windowDraft('Conv2D', args, convCall(filters, k, keywords), input, row, [...mistakes, ...keptChannels(args, input)]);
  },
};

export const convSameShape: Template = {
  id: 'conv-same-shape',
  skill: 'output-shape',
  lessons: ['output-shapes'],
  covers: ['Conv2D'],
  mistakes: ['same-padding-stride', 'ignored-stride', 'kept-input-channels'],
  draw(rng) {
    const k = rng.pick([2, 3, 3, 4, 5, 7]);
    const s = rng.pick([2, 2, 3]);
    const input = drawInput(rng, range(9, 64), [1, 3, 16, 32, 64]);
    const filters = rng.pick([8, 16, 32, 64, 128]);
    const keywords: LayerArgs = { strides: s, padding: 'same' };
    const args: LayerArgs = { filters, kernel_size: k, ...keywords };
    const row = rowOf({ type: 'Conv2D', args, input });
    if (!row || !singleShape(row)) return null;
    const rule = windowArithmetic(firstWindow(row));
    const valid = rowOf({ type: 'Conv2D', args: { ...args, padding: 'valid' }, input });
    const stride1 = rowOf({ type: 'Conv2D', args: { ...args, strides: 1 }, input });
    const mistakes: MistakeAnswer[] = [
      ...wrong('same-padding-stride', singleShape(valid), {
        en: `${sizeOf(valid)} rows is the \`"valid"\` size. With \`"same"\` the kernel drops out: the height is \`${rule}\`.`,
        'zh-cn': `${sizeOf(valid)} 行是 \`"valid"\` 时的尺寸。在 \`"same"\` 下卷积核大小不再出现：高是 \`${rule}\`。`,
      }),
      ...wrong('ignored-stride', singleShape(stride1), {
        en: `\`"same"\` keeps the size only at stride 1. With \`strides=${s}\` the height is \`${rule}\`.`,
        'zh-cn': `\`"same"\` 只有在步幅为 1 时才保持尺寸不变。\`strides=${s}\` 时高是 \`${rule}\`。`,
      }),
    ];
    return windowDraft('Conv2D', args, convCall(filters, k, keywords), input, row, [...mistakes, ...keptChannels(args, input)]);
  },
};

export const convDilationShape: Template = {
  id: 'conv-dilation-shape',
  skill: 'output-shape',
  lessons: ['output-shapes'],
  covers: ['Conv2D'],
  mistakes: ['dilation-span', 'valid-as-same', 'kept-input-channels'],
  draw(rng) {
    const k = rng.pick([3, 3, 5]);
    const d = rng.pick([2, 3]);
    const input = drawInput(rng, range(12, 40), [1, 3, 16, 32, 64]);
    const filters = rng.pick([8, 16, 32, 64, 128]);
    const keywords: LayerArgs = { dilation_rate: d };
    const args: LayerArgs = { filters, kernel_size: k, ...keywords };
    const row = rowOf({ type: 'Conv2D', args, input });
    if (!row || !singleShape(row)) return null;
    const rule = windowArithmetic(firstWindow(row));
    const undilated = rowOf({ type: 'Conv2D', args: { filters, kernel_size: k }, input });
    const same = rowOf({ type: 'Conv2D', args: { ...args, padding: 'same' }, input });
    const mistakes: MistakeAnswer[] = [
      ...wrong('dilation-span', singleShape(undilated), {
        en: `${sizeOf(undilated)} rows is what an undilated ${k}-wide kernel leaves. With \`dilation_rate=${d}\` it spans \`${d} × (${k} − 1) + 1\` rows: \`${rule}\`.`,
        'zh-cn': `${sizeOf(undilated)} 行是不膨胀的 ${k} 宽卷积核留下的尺寸。\`dilation_rate=${d}\` 时它覆盖 \`${d} × (${k} − 1) + 1\` 行：\`${rule}\`。`,
      }),
      ...wrong('valid-as-same', singleShape(same), {
        en: `That is the \`"same"\` size. The default padding is \`"valid"\`, so the dilated window must fit: \`${rule}\`.`,
        'zh-cn': `这是 \`"same"\` 时的尺寸。默认填充是 \`"valid"\`，膨胀后的窗口必须放得下：\`${rule}\`。`,
      }),
    ];
    return windowDraft('Conv2D', args, convCall(filters, k, keywords), input, row, [...mistakes, ...keptChannels(args, input)]);
  },
};

export const poolShape: Template = {
  id: 'pool-shape',
  skill: 'output-shape',
  lessons: ['pooling'],
  covers: ['MaxPooling2D', 'AveragePooling2D'],
  mistakes: ['pool-stride-default', 'ceil-not-floor'],
  draw(rng) {
    const type = rng.pick(['MaxPooling2D', 'AveragePooling2D']);
    const p = rng.pick([2, 2, 3]);
    const input = drawInput(rng, range(7, 40), [8, 16, 32, 64, 128]);
    const args: LayerArgs = { pool_size: p };
    const row = rowOf({ type, args, input });
    if (!row || !singleShape(row)) return null;
    const step = firstWindow(row);
    const rule = windowArithmetic(step);
    const stride1 = rowOf({ type, args: { ...args, strides: 1 }, input });
    const mistakes: MistakeAnswer[] = [
      ...wrong('pool-stride-default', singleShape(stride1), {
        en: `${sizeOf(stride1)} rows is a stride of 1. Left out, \`strides\` is \`pool_size\`, ${p}: \`${rule}\`.`,
        'zh-cn': `${sizeOf(stride1)} 行对应步幅 1。省略 \`strides\` 时它等于 \`pool_size\`，即 ${p}：\`${rule}\`。`,
      }),
      ...wrong('ceil-not-floor', ceilShape(row), {
        en: `You gave the leftover rows a window of their own. Keras drops them and rounds down: \`${rule}\`.`,
        'zh-cn': `你给剩下的行也算了一个窗口。Keras 会丢掉它们，向下取整：\`${rule}\`。`,
      }),
    ];
    return windowDraft(type, args, callText(type, [p]), input, row, mistakes);
  },
};

export const flattenShape: Template = {
  id: 'flatten-shape',
  skill: 'output-shape',
  lessons: ['flatten'],
  covers: ['Flatten'],
  mistakes: ['flatten-size'],
  draw(rng) {
    const h = rng.int(2, 14);
    const w = rng.chance(0.7) ? h : rng.int(2, 14);
    const c = rng.pick([8, 16, 32, 64, 128]);
    const input: Shape = [null, h, w, c];
    const row = mustRow({ type: 'Flatten', input });
    const shape = singleShape(row);
    const product = productArithmetic(row);
    if (!shape || !product) return null;
    const noChannels = singleShape(rowOf({ type: 'Flatten', input: [null, h, w] }));
    const oneAxis = singleShape(rowOf({ type: 'Flatten', input: [null, w, c] }));
    const factors = product.split(' = ')[0]!;
    const mistakes: MistakeAnswer[] = [
      ...wrong('flatten-size', noChannels, {
        en: `${h} × ${w} counts the positions only; each position holds ${c} channels: \`${product}\`.`,
        'zh-cn': `${h} × ${w} 只数了位置；每个位置有 ${c} 个通道：\`${product}\`。`,
      }),
      ...wrong('flatten-size', oneAxis, {
        en: `${w} × ${c} leaves out the height, ${h}: \`${product}\`.`,
        'zh-cn': `${w} × ${c} 漏掉了高 ${h}：\`${product}\`。`,
      }),
    ];
    return {
      prompt: ask('Flatten()', input),
      response: { kind: 'blanks', blanks: [{ id: 'shape', expected: { kind: 'shape', value: shape }, mistakes }] },
      about: { kind: 'layer', layer: { type: 'Flatten' }, input, ask: 'shape' },
      hints: [
        {
          en: '`Flatten` keeps the batch axis and multiplies every other axis into one: height × width × channels.',
          'zh-cn': '`Flatten` 保留批量维度，把其余各轴相乘合成一个轴：高 × 宽 × 通道数。',
        },
        { en: `Here: \`${factors}\`.`, 'zh-cn': `代入这道题的数：\`${factors}\`。` },
        { en: `Work it out: \`${factors} = ?\`, and keep \`None\` in front.`, 'zh-cn': `算一算：\`${factors} = ？\`，前面保留 \`None\`。` },
      ],
      solution: {
        en: `\`${product}\`, so the output shape is \`${shapeCode(shape)}\`.`,
        'zh-cn': `\`${product}\`，所以输出形状是 \`${shapeCode(shape)}\`。`,
      },
    };
  },
};

export const poolStridesShape: Template = {
  id: 'pool-strides-shape',
  skill: 'output-shape',
  lessons: ['pooling'],
  covers: ['MaxPooling2D', 'AveragePooling2D'],
  mistakes: ['ignored-stride', 'ceil-not-floor', 'same-padding-stride', 'pool-stride-default'],
  draw(rng) {
    const type = rng.pick(['MaxPooling2D', 'AveragePooling2D']);
    const input = drawInput(rng, range(7, 40), [8, 16, 32, 64, 128]);
    const mistakes: MistakeAnswer[] = [];
    let args: LayerArgs;
    let keywords: LayerArgs;
    let p: number;
    if (rng.chance(0.5)) {
      // An explicit stride other than the pool size: overlapping windows, or gaps between them.
      const [size, s] = rng.pick([
        [3, 2],
        [3, 2],
        [2, 3],
        [4, 2],
      ] as const);
      p = size;
      keywords = { strides: s };
      args = { pool_size: p, ...keywords };
      const row = rowOf({ type, args, input });
      if (!row || !singleShape(row)) return null;
      const rule = windowArithmetic(firstWindow(row));
      const stride1 = rowOf({ type, args: { ...args, strides: 1 }, input });
      mistakes.push(
        ...wrong('ignored-stride', singleShape(stride1), {
          en: `${sizeOf(stride1)} rows is a stride of 1. Here \`strides=${s}\`: \`${rule}\`.`,
          'zh-cn': `${sizeOf(stride1)} 行对应步幅 1。这里 \`strides=${s}\`：\`${rule}\`。`,
        }),
        ...wrong('ceil-not-floor', ceilShape(row), {
          en: `You gave the leftover rows a window of their own. Keras drops them and rounds down: \`${rule}\`.`,
          'zh-cn': `你给剩下的行也算了一个窗口。Keras 会丢掉它们，向下取整：\`${rule}\`。`,
        }),
      );
      return windowDraft(type, args, callText(type, [p], keywords), input, row, mistakes);
    }
    // padding="same" with the default stride: ⌈n / pool_size⌉.
    p = rng.pick([2, 2, 3]);
    keywords = { padding: 'same' };
    args = { pool_size: p, ...keywords };
    const row = rowOf({ type, args, input });
    if (!row || !singleShape(row)) return null;
    const rule = windowArithmetic(firstWindow(row));
    const valid = rowOf({ type, args: { pool_size: p }, input });
    const stride1 = rowOf({ type, args: { ...args, strides: 1 }, input });
    mistakes.push(
      ...wrong('same-padding-stride', singleShape(valid), {
        en: `${sizeOf(valid)} rows is the \`"valid"\` size. With \`"same"\` the last, partial window is kept: \`${rule}\`.`,
        'zh-cn': `${sizeOf(valid)} 行是 \`"valid"\` 时的尺寸。在 \`"same"\` 下最后那个不完整的窗口也保留：\`${rule}\`。`,
      }),
      ...wrong('pool-stride-default', singleShape(stride1), {
        en: `\`"same"\` keeps the size only at stride 1; left out, \`strides\` is \`pool_size\`, ${p}: \`${rule}\`.`,
        'zh-cn': `\`"same"\` 只有在步幅为 1 时才保持尺寸；省略 \`strides\` 时它等于 \`pool_size\`，即 ${p}：\`${rule}\`。`,
      }),
    );
    return windowDraft(type, args, callText(type, [p], keywords), input, row, mistakes);
  },
};

export const poolFlattenShape: Template = {
  id: 'pool-flatten-shape',
  skill: 'output-shape',
  lessons: ['flatten', 'putting-it-together'],
  covers: ['MaxPooling2D', 'Flatten'],
  mistakes: ['ceil-not-floor', 'pool-stride-default', 'flatten-size'],
  draw(rng) {
    const p = rng.pick([2, 2, 3]);
    const input = drawInput(rng, range(5, 15), [8, 16, 32, 64]);
    const pool = rowOf({ type: 'MaxPooling2D', args: { pool_size: p }, input });
    const pooled = singleShape(pool);
    if (!pool || !pooled) return null;
    const flatten = mustRow({ type: 'Flatten', input: pooled });
    const shape = singleShape(flatten);
    const product = productArithmetic(flatten);
    if (!shape || !product) return null;
    const flat = (s: Dim[] | undefined): Dim[] | undefined => (s ? singleShape(rowOf({ type: 'Flatten', input: s })) : undefined);
    const rule = windowArithmetic(firstWindow(pool));
    const model: Model = { kind: 'sequential', input, layers: [{ type: 'MaxPooling2D', args: { pool_size: p } }, { type: 'Flatten' }] };
    const mistakes: MistakeAnswer[] = [
      ...wrong('ceil-not-floor', flat(ceilShape(pool)), {
        en: `The pooling rounds down, \`${rule}\`, before \`Flatten\` multiplies: \`${product}\`.`,
        'zh-cn': `池化向下取整，\`${rule}\`，然后 \`Flatten\` 再相乘：\`${product}\`。`,
      }),
      ...wrong('pool-stride-default', flat(singleShape(rowOf({ type: 'MaxPooling2D', args: { pool_size: p, strides: 1 }, input }))), {
        en: `\`MaxPooling2D(${p})\` moves ${p} rows at a time (\`strides\` defaults to \`pool_size\`): \`${rule}\`, then \`${product}\`.`,
        'zh-cn': `\`MaxPooling2D(${p})\` 每次移动 ${p} 行（\`strides\` 默认等于 \`pool_size\`）：\`${rule}\`，再算 \`${product}\`。`,
      }),
      ...wrong('flatten-size', flat(pooled.slice(0, -1)), {
        en: `Each of the positions keeps its ${pooled[pooled.length - 1]} channels: \`${product}\`.`,
        'zh-cn': `每个位置都保留 ${pooled[pooled.length - 1]} 个通道：\`${product}\`。`,
      }),
    ];
    const [h1, h2, h3] = windowShapeHints(pool);
    const factors = product.split(' = ')[0]!;
    return {
      prompt: {
        en: `\`MaxPooling2D(${p})\` receives \`${shapeCode(input)}\`, and \`Flatten()\` follows it. What shape comes out of \`Flatten\`?`,
        'zh-cn': `\`MaxPooling2D(${p})\` 的输入是 \`${shapeCode(input)}\`，后面接着 \`Flatten()\`。\`Flatten\` 输出的形状是什么？`,
      },
      response: { kind: 'blanks', blanks: [{ id: 'shape', expected: { kind: 'shape', value: shape }, mistakes }] },
      about: { kind: 'model', model, ask: 'shape' },
      hints: [
        {
          en: `Pooling first: ${h1.en} Then \`Flatten\` multiplies every axis but the batch axis.`,
          'zh-cn': `先算池化：${h1['zh-cn']}然后 \`Flatten\` 把批量维度以外的所有轴相乘。`,
        },
        { en: `Pooling: ${h2.en}`, 'zh-cn': `池化：${h2['zh-cn']}` },
        {
          en: `Pooling: ${h3.en} Then multiply by the ${pooled[pooled.length - 1]} channels.`,
          'zh-cn': `池化：${h3['zh-cn']}再乘以 ${pooled[pooled.length - 1]} 个通道。`,
        },
      ],
      solution: {
        en: `${windowShapeSolution(pool).en} Flatten: \`${factors} = ${shape[1]}\`, so \`${shapeCode(shape)}\`.`,
        'zh-cn': `${windowShapeSolution(pool)['zh-cn']}展平：\`${factors} = ${shape[1]}\`，所以是 \`${shapeCode(shape)}\`。`,
      },
    };
  },
};

export const conv1dShape: Template = {
  id: 'conv1d-shape',
  skill: 'output-shape',
  lessons: ['output-shapes', 'more-convolutions'],
  covers: ['Conv1D'],
  mistakes: ['valid-as-same', 'ignored-stride', 'ceil-not-floor', 'same-padding-stride'],
  draw(rng) {
    const k = rng.pick([2, 3, 3, 5, 7]);
    const steps = rng.int(20, 200);
    const input: Shape = [null, steps, rng.pick([1, 8, 16, 64, 128])];
    const filters = rng.pick([8, 16, 32, 64, 128]);
    const causal = rng.chance(0.4);
    const keywords: LayerArgs = causal
      ? { padding: 'causal', ...(rng.chance(0.5) ? { dilation_rate: rng.pick([2, 4]) } : {}) }
      : { strides: rng.pick([2, 2, 3, 4]) };
    const args: LayerArgs = { filters, kernel_size: k, ...keywords };
    const row = rowOf({ type: 'Conv1D', args, input });
    if (!row || !singleShape(row)) return null;
    const step = firstWindow(row);
    const rule = windowArithmetic(step);
    const code = callText('Conv1D', [filters, k], keywords);
    if (causal) {
      const valid = rowOf({ type: 'Conv1D', args: { ...args, padding: 'valid' }, input });
      return windowDraft('Conv1D', args, code, input, row, [
        ...wrong('same-padding-stride', singleShape(valid), {
          en: `${sizeOf(valid)} steps is the \`"valid"\` length. \`"causal"\` pads ${step.padBefore} zeros at the start and keeps the length: \`${rule}\`.`,
          'zh-cn': `${sizeOf(valid)} 步是 \`"valid"\` 时的长度。\`"causal"\` 在开头补 ${step.padBefore} 个零，长度不变：\`${rule}\`。`,
        }),
      ]);
    }
    const s = step.stride;
    const same = rowOf({ type: 'Conv1D', args: { ...args, padding: 'same' }, input });
    const stride1 = rowOf({ type: 'Conv1D', args: { filters, kernel_size: k }, input });
    return windowDraft('Conv1D', args, code, input, row, [
      ...wrong('valid-as-same', singleShape(same), {
        en: `${sizeOf(same)} steps is the \`"same"\` length. The default is \`"valid"\`: \`${rule}\`.`,
        'zh-cn': `${sizeOf(same)} 步是 \`"same"\` 时的长度。默认值是 \`"valid"\`：\`${rule}\`。`,
      }),
      ...wrong('ignored-stride', singleShape(stride1), {
        en: `${sizeOf(stride1)} steps is the length at stride 1. With \`strides=${s}\`: \`${rule}\`.`,
        'zh-cn': `${sizeOf(stride1)} 步是步幅为 1 时的长度。\`strides=${s}\` 时：\`${rule}\`。`,
      }),
      ...wrong('ceil-not-floor', ceilShape(row), {
        en: `Keras rounds down and drops the steps no whole window reaches: \`${rule}\`.`,
        'zh-cn': `Keras 向下取整，丢掉放不下完整窗口的步：\`${rule}\`。`,
      }),
    ]);
  },
};

export const conv2dTransposeShape: Template = {
  id: 'conv2d-transpose-shape',
  skill: 'output-shape',
  lessons: ['more-convolutions'],
  covers: ['Conv2DTranspose'],
  mistakes: ['ignored-stride', 'valid-as-same', 'same-padding-stride'],
  draw(rng) {
    const s = rng.pick([2, 2, 3]);
    const k = rng.pick([3, 4, 5].filter((x) => x >= s));
    const input = drawInput(rng, range(4, 32), [8, 16, 32, 64, 128]);
    const filters = rng.pick([8, 16, 32, 64]);
    const padding = rng.pick(['valid', 'same']);
    const keywords: LayerArgs = padding === 'same' ? { strides: s, padding } : { strides: s };
    const args: LayerArgs = { filters, kernel_size: k, ...keywords };
    const row = rowOf({ type: 'Conv2DTranspose', args, input });
    if (!row || !singleShape(row)) return null;
    const rule = windowArithmetic(firstWindow(row));
    const stride1 = rowOf({ type: 'Conv2DTranspose', args: { ...args, strides: 1 }, input });
    const other = rowOf({ type: 'Conv2DTranspose', args: { ...args, padding: padding === 'same' ? 'valid' : 'same' }, input });
    const mistakes: MistakeAnswer[] = [
      ...wrong('ignored-stride', singleShape(stride1), {
        en: `${sizeOf(stride1)} rows is stride 1. With \`strides=${s}\` each input row spreads ${s} rows further: \`${rule}\`.`,
        'zh-cn': `${sizeOf(stride1)} 行对应步幅 1。\`strides=${s}\` 时每个输入行向后多铺 ${s} 行：\`${rule}\`。`,
      }),
      ...(padding === 'same'
        ? wrong('same-padding-stride', singleShape(other), {
            en: `${sizeOf(other)} rows is the \`"valid"\` rule. With \`"same"\` the output is the input times the stride: \`${rule}\`.`,
            'zh-cn': `${sizeOf(other)} 行是 \`"valid"\` 的规则。在 \`"same"\` 下输出等于输入乘以步幅：\`${rule}\`。`,
          })
        : wrong('valid-as-same', singleShape(other), {
            en: `${sizeOf(other)} rows is the \`"same"\` size. With the default \`"valid"\` the last window reaches past it: \`${rule}\`.`,
            'zh-cn': `${sizeOf(other)} 行是 \`"same"\` 时的尺寸。在默认的 \`"valid"\` 下最后一个窗口会伸得更远：\`${rule}\`。`,
          })),
    ];
    return windowDraft('Conv2DTranspose', args, callText('Conv2DTranspose', [filters, k], keywords), input, row, mistakes);
  },
};

export const shapeTemplates: readonly Template[] = [
  conv1dShape,
  conv2dTransposeShape,
  convValidShape,
  convSameShape,
  convDilationShape,
  poolShape,
  flattenShape,
  poolStridesShape,
  poolFlattenShape,
];
