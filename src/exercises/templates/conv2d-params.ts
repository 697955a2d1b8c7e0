/**
 * The pattern every template follows: draw the question's numbers, ask src/calc for the right
 * answer, ask it again the mistaken way for each mistake, and word the notes with this variant's
 * numbers. Nothing here computes a count.
 */
import { groupDigits } from '@calc/basics.ts';
import { formulaHints, formulaSolution } from '../hints.ts';
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { MistakeAnswer, Template } from '../types.ts';

export const conv2dParams: Template = {
  id: 'conv2d-params',
  skill: 'layer-params',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['forgot-bias', 'kernel-ignores-channels', 'swapped-channels', 'image-size-and-params'],
  draw(rng) {
    const filters = rng.pick([8, 16, 24, 32, 48, 64, 96, 128]);
    const k = rng.pick([1, 3, 3, 5, 7]);
    const channels = rng.pick([3, 8, 16, 32, 64]);
    const size = rng.pick([14, 28, 32, 56]);
    if (size < k) return null;
    const input = [null, size, size, channels];
    const args = { filters, kernel_size: k };
    const row = mustRow({ type: 'Conv2D', args, input });
    if (!row.formula) return null;
    const code = callText('Conv2D', [filters, k]);
    const wrong = (mistake: string, value: number | undefined, note: MistakeAnswer['note']): MistakeAnswer[] =>
      value === undefined ? [] : [{ mistake, value, note }];
    const noBias = rowOf({ type: 'Conv2D', args: { ...args, use_bias: false }, input })?.params;
    const oneChannel = rowOf({ type: 'Conv2D', args, input: [null, size, size, 1] })?.params;
    const swapped = rowOf({ type: 'Conv2D', args: { ...args, filters: channels }, input: [null, size, size, filters] })?.params;
    const kernelOnly = noBias === undefined ? undefined : noBias * size * size;
    return {
      prompt: {
        en: `\`${code}\` receives \`${shapeCode(input)}\`. How many parameters does it have?`,
        'zh-cn': `\`${code}\` 的输入是 \`${shapeCode(input)}\`。它有多少个参数？`,
      },
      response: {
        kind: 'blanks',
        blanks: [
          {
            id: 'params',
            expected: { kind: 'count', value: row.params },
            mistakes: [
              ...wrong('forgot-bias', noBias, {
                en: `That is the ${groupDigits(noBias ?? 0)} kernel weights alone; the ${filters} filters add ${filters} biases.`,
                'zh-cn': `这只是 ${groupDigits(noBias ?? 0)} 个卷积核权重；${filters} 个滤波器还各有一个偏置，共 ${filters} 个。`,
              }),
              ...wrong('kernel-ignores-channels', oneChannel, {
                en: `Each filter is ${k} × ${k} × ${channels}: it covers all ${channels} input channels.`,
                'zh-cn': `每个滤波器是 ${k} × ${k} × ${channels}：它覆盖全部 ${channels} 个输入通道。`,
              }),
              ...wrong('swapped-channels', swapped, {
                en: `The input has ${channels} channels and the layer makes ${filters}; you counted ${filters} in and ${channels} out.`,
                'zh-cn': `输入有 ${channels} 个通道，这一层输出 ${filters} 个；你把输入算成了 ${filters}，输出算成了 ${channels}。`,
              }),
              ...wrong('image-size-and-params', kernelOnly, {
                en: `The ${size} × ${size} size does not enter: the same ${k} × ${k} × ${channels} filters slide over every position.`,
                'zh-cn': `${size} × ${size} 的尺寸不计入参数量：同一组 ${k} × ${k} × ${channels} 的滤波器滑过每个位置。`,
              }),
            ],
          },
        ],
      },
      about: { kind: 'layer', layer: { type: 'Conv2D', args }, input, ask: 'params' },
      hints: formulaHints(row.formula),
      solution: formulaSolution(row.formula),
    };
  },
};
