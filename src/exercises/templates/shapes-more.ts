/**
 * Output shapes the window rules do not give: an embedding's lookup and a depthwise convolution's
 * channels. The right shape is the engine's; a mistaken
 * one is the engine asked the mistaken way (depth_multiplier left at 1, a Conv2D whose filters are
 * the multiplier), or the engine's shape with the axis the mistake gets wrong replaced.
 */
import { shapeList, type Dim } from '@calc/basics.ts';
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Draft, MistakeAnswer, Template, Text } from '../types.ts';

const only = (row: NonNullable<ReturnType<typeof rowOf>>): Dim[] => shapeList(row.outputShape!)[0]!;

const blank = (expected: Dim[], mistakes: MistakeAnswer[]): Draft['response'] => ({
  kind: 'blanks',
  blanks: [{ id: 'shape', expected: { kind: 'shape', value: expected }, mistakes }],
});

const shapePrompt = (code: string, input: string): Text => ({
  en: `\`${code}\` receives \`${input}\`. What is its output shape?`,
  'zh-cn': `\`${code}\` 的输入是 \`${input}\`。它的输出形状是什么？`,
});

export const embeddingShape: Template = {
  id: 'embedding-shape',
  skill: 'output-shape',
  lessons: ['embedding'],
  covers: ['Embedding'],
  mistakes: ['sequence-axis-dropped', 'embedding-one-hot'],
  draw(rng) {
    const vocabulary = rng.pick([1000, 5000, 8000, 10_000, 20_000]);
    const size = rng.pick([16, 32, 50, 64, 100, 128, 300]);
    const length = rng.pick([10, 20, 40, 80, 100, 200, 500]);
    const input = [null, length];
    const args = { input_dim: vocabulary, output_dim: size };
    const shape = only(mustRow({ type: 'Embedding', args, input }));
    const code = callText('Embedding', [vocabulary, size]);
    return {
      prompt: shapePrompt(code, shapeCode(input)),
      response: blank(shape, [
        {
          mistake: 'sequence-axis-dropped',
          value: [shape[0]!, shape[shape.length - 1]!],
          note: {
            en: `Each of the ${length} positions gets its own vector of ${size} numbers, so the ${length} stays.`,
            'zh-cn': `${length} 个位置各得到一个含 ${size} 个数的向量，所以 ${length} 这一轴还在。`,
          },
        },
        {
          mistake: 'embedding-one-hot',
          value: [...shape.slice(0, -1), vocabulary],
          note: {
            en: `${vocabulary} is the number of rows in the table; a row has ${size} numbers.`,
            'zh-cn': `${vocabulary} 是查找表的行数；每一行有 ${size} 个数。`,
          },
        },
      ]),
      hints: [
        {
          en: 'An embedding replaces every integer of its input by one row of its table.',
          'zh-cn': '嵌入层把输入中的每个整数换成查找表中的一行。',
        },
        {
          en: `The input has ${length} integers per example; each row of the table has \`output_dim\` numbers.`,
          'zh-cn': `每个样本的输入有 ${length} 个整数；表中每一行有 \`output_dim\` 个数。`,
        },
        {
          en: 'Keep the batch axis and the sequence axis, and add one axis after them: its size is ?',
          'zh-cn': '保留批量维度和序列轴，在其后再加一个轴：它的大小是？',
        },
      ],
      solution: {
        en: `\`(None, ${length})\` → \`${shapeCode(shape)}\`: ${length} positions, each a vector of \`output_dim\` = ${size} numbers.`,
        'zh-cn': `\`(None, ${length})\` → \`${shapeCode(shape)}\`：${length} 个位置，每个位置是 \`output_dim\` = ${size} 个数的向量。`,
      },
      about: { kind: 'layer', layer: { type: 'Embedding', args }, input, ask: 'shape' },
    };
  },
};

export const depthwiseShape: Template = {
  id: 'depthwise-shape',
  skill: 'output-shape',
  lessons: ['depthwise-separable'],
  covers: ['DepthwiseConv2D'],
  mistakes: ['depth-multiplier-ignored', 'depthwise-as-conv'],
  draw(rng) {
    const channels = rng.pick([3, 8, 16, 24, 32, 64]);
    const multiplier = rng.pick([2, 3, 4]);
    const k = rng.pick([3, 5]);
    const size = rng.pick([14, 15, 28, 32, 56]);
    const padding = rng.pick(['valid', 'same']);
    const input = [null, size, size, channels];
    const args = { kernel_size: k, depth_multiplier: multiplier, padding };
    const shape = only(mustRow({ type: 'DepthwiseConv2D', args, input }));
    const single = rowOf({ type: 'DepthwiseConv2D', args: { ...args, depth_multiplier: 1 }, input });
    const asConv = rowOf({ type: 'Conv2D', args: { filters: multiplier, kernel_size: k, padding }, input });
    if (!single || !asConv) return null;
    const code = callText('DepthwiseConv2D', [k], { depth_multiplier: multiplier, padding });
    const side = shape[1];
    return {
      prompt: shapePrompt(code, shapeCode(input)),
      response: blank(shape, [
        {
          mistake: 'depth-multiplier-ignored',
          value: only(single),
          note: {
            en: `Each of the ${channels} channels gives ${multiplier} outputs, not 1.`,
            'zh-cn': `${channels} 个通道中的每一个都给出 ${multiplier} 个输出，而不是 1 个。`,
          },
        },
        {
          mistake: 'depthwise-as-conv',
          value: only(asConv),
          note: {
            en: `\`depth_multiplier=${multiplier}\` is not a filter count: it multiplies the ${channels} input channels.`,
            'zh-cn': `\`depth_multiplier=${multiplier}\` 不是滤波器个数：它乘在 ${channels} 个输入通道上。`,
          },
        },
      ]),
      hints: [
        {
          en: 'Height and width follow the usual window rule for the padding; the channels are input channels × `depth_multiplier`.',
          'zh-cn': '高和宽按所用填充的窗口规则计算；通道数是 输入通道数 × `depth_multiplier`。',
        },
        {
          en: `Here: a ${k} × ${k} window with \`padding="${padding}"\` on ${size} × ${size}, and ${channels} channels × ${multiplier}.`,
          'zh-cn': `这里：${size} × ${size} 上的 ${k} × ${k} 窗口，\`padding="${padding}"\`；通道是 ${channels} × ${multiplier}。`,
        },
        {
          en: `The spatial size is ${side} × ${side}; the channels are ${channels} × ${multiplier} = ?`,
          'zh-cn': `空间尺寸是 ${side} × ${side}；通道数是 ${channels} × ${multiplier} = ？`,
        },
      ],
      solution: {
        en: `\`${shapeCode(shape)}\`: ${side} × ${side} from the ${padding} window rule, and ${channels} × ${multiplier} channels, each input channel filtered on its own ${multiplier} times.`,
        'zh-cn': `\`${shapeCode(shape)}\`：${side} × ${side} 来自 ${padding} 填充的窗口规则，通道数是 ${channels} × ${multiplier}，每个输入通道各自被滤波 ${multiplier} 次。`,
      },
      about: { kind: 'layer', layer: { type: 'DepthwiseConv2D', args }, input, ask: 'shape' },
    };
  },
};

/**
 * A global pooling layer's output: one number per channel. The mistaken shapes are the engine's for
 * a Flatten on the same map and for the same layer with `keepdims=True`.
 */
export const globalPoolShape: Template = {
  id: 'global-pool-shape',
  skill: 'output-shape',
  lessons: ['more-convolutions'],
  covers: ['GlobalAveragePooling2D', 'GlobalMaxPooling2D'],
  mistakes: ['global-pool-as-flatten', 'global-pool-keepdims'],
  draw(rng) {
    const type = rng.pick(['GlobalAveragePooling2D', 'GlobalMaxPooling2D']);
    const side = rng.pick([3, 4, 5, 7, 8, 14]);
    const channels = rng.pick([32, 64, 128, 256, 512, 1024, 2048]);
    const input = [null, side, side, channels];
    const shape = only(mustRow({ type, input }));
    const flat = rowOf({ type: 'Flatten', input });
    const kept = rowOf({ type, args: { keepdims: true }, input });
    if (!flat || !kept) return null;
    const code = callText(type, []);
    return {
      prompt: shapePrompt(code, shapeCode(input)),
      response: blank(shape, [
        {
          mistake: 'global-pool-as-flatten',
          value: only(flat),
          note: {
            en: `That is what \`Flatten\` would give: all ${side} × ${side} × ${channels} values in a row. Global pooling keeps one value per channel.`,
            'zh-cn': `这是 \`Flatten\` 的结果：把 ${side} × ${side} × ${channels} 个值排成一行。全局池化每个通道只保留一个值。`,
          },
        },
        {
          mistake: 'global-pool-keepdims',
          value: only(kept),
          note: {
            en: `The ${side} × ${side} axes become size 1 only with \`keepdims=True\`; by default they are dropped.`,
            'zh-cn': `只有 \`keepdims=True\` 时 ${side} × ${side} 两个轴才会变成大小 1；默认会把它们去掉。`,
          },
        },
      ]),
      hints: [
        {
          en: "Global pooling reduces each channel's whole map to one number.",
          'zh-cn': '全局池化把每个通道的整张特征图归约成一个数。',
        },
        {
          en: `Here each of the ${channels} channels has a ${side} × ${side} map; the height and width axes are pooled away.`,
          'zh-cn': `这里 ${channels} 个通道各有一张 ${side} × ${side} 的特征图；高和宽两个轴被池化掉。`,
        },
        {
          en: 'Keep the batch axis and one axis for the channels: `(None, ?)`.',
          'zh-cn': '保留批量维度和一个通道轴：`(None, ?)`。',
        },
      ],
      solution: {
        en: `\`${shapeCode(shape)}\`: one number per channel; the ${side} × ${side} map is averaged (or its maximum taken) away.`,
        'zh-cn': `\`${shapeCode(shape)}\`：每个通道一个数；${side} × ${side} 的特征图被取平均（或取最大值）后去掉。`,
      },
      about: { kind: 'layer', layer: { type }, input, ask: 'shape' },
    };
  },
};

export const shapesMoreTemplates: readonly Template[] = [embeddingShape, depthwiseShape, globalPoolShape];
