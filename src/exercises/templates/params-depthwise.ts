/**
 * DepthwiseConv2D and SeparableConv2D: the counts a reader gets wrong by treating them as an
 * ordinary Conv2D. The wrong value is the engine's count of that Conv2D on the same input.
 */
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, lastAxis, layerPrompt, wrong } from './params-shared.ts';

export const depthwiseParams: Template = {
  id: 'depthwise-params',
  skill: 'layer-params',
  lessons: ['depthwise-separable'],
  covers: ['DepthwiseConv2D'],
  mistakes: ['depthwise-as-conv', 'forgot-bias'],
  draw(rng) {
    const channels = rng.pick([3, 8, 16, 32, 64, 128]);
    const k = rng.pick([3, 3, 5, 7]);
    const dm = rng.pick([1, 1, 2, 3]);
    const size = rng.pick([14, 28, 56, 112]);
    const input = [null, size, size, channels];
    const args = { kernel_size: k, ...(dm > 1 ? { depth_multiplier: dm } : {}) };
    const row = mustRow({ type: 'DepthwiseConv2D', args, input });
    if (!row.formula) return null;
    const outChannels = lastAxis(row.outputShape);
    if (outChannels === null) return null;
    const asConv = rowOf({ type: 'Conv2D', args: { filters: outChannels, kernel_size: k }, input })?.params;
    const noBias = rowOf({ type: 'DepthwiseConv2D', args: { ...args, use_bias: false }, input })?.params;
    return countDraft({
      prompt: layerPrompt(callText('DepthwiseConv2D', [k], dm > 1 ? { depth_multiplier: dm } : {}), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'DepthwiseConv2D', args },
      input,
      mistakes: [
        ...wrong('depthwise-as-conv', asConv, (v) => ({
          en: `${v} is an ordinary \`Conv2D(${outChannels}, ${k})\`, whose filters span all ${channels} channels. A depthwise filter is ${k} × ${k} on one channel only.`,
          'zh-cn': `${v} 是普通的 \`Conv2D(${outChannels}, ${k})\`，它的滤波器覆盖全部 ${channels} 个通道。深度卷积的每个滤波器只有 ${k} × ${k}，只作用在一个通道上。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} is the kernels alone. \`DepthwiseConv2D\` has a bias by default, one per output channel: ${outChannels} of them.`,
          'zh-cn': `${v} 只是卷积核。\`DepthwiseConv2D\` 默认带偏置，每个输出通道一个，共 ${outChannels} 个。`,
        })),
      ],
    });
  },
};

export const separableParams: Template = {
  id: 'separable-params',
  skill: 'layer-params',
  lessons: ['depthwise-separable'],
  covers: ['SeparableConv2D'],
  mistakes: ['separable-as-conv', 'forgot-bias'],
  draw(rng) {
    const channels = rng.pick([3, 16, 32, 64, 128]);
    const filters = rng.pick([16, 32, 64, 128, 256]);
    const k = rng.pick([3, 3, 5]);
    const size = rng.pick([14, 28, 56]);
    const input = [null, size, size, channels];
    const args = { filters, kernel_size: k };
    const row = mustRow({ type: 'SeparableConv2D', args, input });
    if (!row.formula) return null;
    const asConv = rowOf({ type: 'Conv2D', args, input })?.params;
    const noBias = rowOf({ type: 'SeparableConv2D', args: { ...args, use_bias: false }, input })?.params;
    return countDraft({
      prompt: layerPrompt(callText('SeparableConv2D', [filters, k]), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'SeparableConv2D', args },
      input,
      mistakes: [
        ...wrong('separable-as-conv', asConv, (v) => ({
          en: `${v} is \`Conv2D(${filters}, ${k})\`. The separable layer first filters each of the ${channels} channels with its own ${k} × ${k} kernel, then mixes them with a 1 × 1 step to ${filters} channels.`,
          'zh-cn': `${v} 是 \`Conv2D(${filters}, ${k})\` 的参数量。深度可分离卷积先用各自的 ${k} × ${k} 卷积核分别处理 ${channels} 个通道，再用 1 × 1 的逐点卷积混合成 ${filters} 个通道。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} leaves out the pointwise step's bias: one per output channel, ${filters} of them.`,
          'zh-cn': `${v} 漏掉了逐点卷积的偏置：每个输出通道一个，共 ${filters} 个。`,
        })),
      ],
    });
  },
};
