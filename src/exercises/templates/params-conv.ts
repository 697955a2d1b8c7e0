/**
 * Convolutions beyond the first Conv2D question (conv2d-params.ts): grouped filters, a later layer
 * whose input channels are the previous layer's filters, and Conv1D, Conv3D and Conv2DTranspose.
 * Every count comes from src/calc; a mistake's value is the engine's count of the mistaken layer.
 */
import type { SequentialModel } from '@calc/basics.ts';
import { pythonCode } from '@calc/render.ts';
import { callText, mustRow, rowOf, shapeCode, summaryOf } from '../layer.ts';
import type { Rng, Template } from '../types.ts';
import { countDraft, layerPrompt, wrong } from './params-shared.ts';

const FILTERS = [8, 16, 32, 48, 64, 96, 128] as const;

const noBiasNote = (filters: number) => (v: string) => ({
  en: `${v} is the kernel weights alone; each of the ${filters} filters also has a bias.`,
  'zh-cn': `${v} 只是卷积核权重；${filters} 个滤波器还各有一个偏置。`,
});

export const conv2dGroupsParams: Template = {
  id: 'conv2d-groups-params',
  skill: 'layer-params',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['groups-ignored', 'forgot-bias'],
  draw(rng) {
    const channels = rng.pick([8, 16, 32, 64, 128]);
    const filters = rng.pick([16, 32, 64, 128, 256]);
    const groups = rng.pick([2, 4, 8, 16]);
    if (channels % groups !== 0 || filters % groups !== 0) return null;
    const k = rng.pick([1, 3, 3, 5]);
    const size = rng.pick([14, 28, 32, 56]);
    const input = [null, size, size, channels];
    const args = { filters, kernel_size: k, groups };
    const row = mustRow({ type: 'Conv2D', args, input });
    if (!row.formula) return null;
    const ungrouped = rowOf({ type: 'Conv2D', args: { ...args, groups: 1 }, input })?.params;
    const noBias = rowOf({ type: 'Conv2D', args: { ...args, use_bias: false }, input })?.params;
    return countDraft({
      prompt: layerPrompt(callText('Conv2D', [filters, k], { groups }), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'Conv2D', args },
      input,
      mistakes: [
        ...wrong('groups-ignored', ungrouped, (v) => ({
          en: `${v} is the count with \`groups=1\`. With \`groups=${groups}\` each filter sees ${channels} / ${groups} = ${channels / groups} channels, not all ${channels}.`,
          'zh-cn': `${v} 是 \`groups=1\` 时的参数量。设置 \`groups=${groups}\` 后，每个滤波器只看到 ${channels} / ${groups} = ${channels / groups} 个通道，而不是全部 ${channels} 个。`,
        })),
        ...wrong('forgot-bias', noBias, noBiasNote(filters)),
      ],
    });
  },
};

export const conv2dLaterLayer: Template = {
  id: 'conv2d-later-layer',
  skill: 'layer-params',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['wrong-input-channels', 'forgot-bias', 'kernel-ignores-channels'],
  draw(rng) {
    const size = rng.pick([28, 32, 64]);
    const first = rng.pick([16, 32, 64]);
    const second = rng.pick([32, 64, 128]);
    const k1 = rng.pick([3, 5]);
    const k2 = rng.pick([3, 3, 5]);
    const model: SequentialModel = {
      kind: 'sequential',
      input: [null, size, size, 3],
      layers: [
        { type: 'Conv2D', args: { filters: first, kernel_size: k1 } },
        { type: 'Conv2D', args: { filters: second, kernel_size: k2 } },
      ],
    };
    const summary = summaryOf(model);
    const row = summary?.rows[summary.rows.length - 1];
    const input = row?.inputShapes[0];
    if (!row?.formula || !input) return null;
    const args = { filters: second, kernel_size: k2 };
    const rgb = [...input.slice(0, -1), 3];
    const onImageChannels = rowOf({ type: 'Conv2D', args, input: rgb })?.params;
    const noBias = rowOf({ type: 'Conv2D', args: { ...args, use_bias: false }, input })?.params;
    const oneChannel = rowOf({ type: 'Conv2D', args, input: [...input.slice(0, -1), 1] })?.params;
    return countDraft({
      prompt: {
        en: 'How many parameters does the second `Conv2D` of this model have?',
        'zh-cn': '这个模型中第二个 `Conv2D` 有多少个参数？',
      },
      display: { kind: 'code', text: { en: pythonCode(model), 'zh-cn': pythonCode(model) } },
      value: row.params,
      formula: row.formula,
      layer: { type: 'Conv2D', args },
      input,
      mistakes: [
        ...wrong('wrong-input-channels', onImageChannels, (v) => ({
          en: `${v} uses the image's 3 channels. The second \`Conv2D\` receives the first one's output, which has ${first} channels (its ${first} filters).`,
          'zh-cn': `${v} 用的是图片的 3 个通道。第二个 \`Conv2D\` 收到的是第一个 \`Conv2D\` 的输出，有 ${first} 个通道（即它的 ${first} 个滤波器）。`,
        })),
        ...wrong('forgot-bias', noBias, noBiasNote(second)),
        ...wrong('kernel-ignores-channels', oneChannel, (v) => ({
          en: `${v} treats each filter as ${k2} × ${k2} numbers. It spans all ${first} channels it receives: ${k2} × ${k2} × ${first} weights per filter.`,
          'zh-cn': `${v} 把每个滤波器当成了 ${k2} × ${k2} 个数。它覆盖收到的全部 ${first} 个通道：每个滤波器有 ${k2} × ${k2} × ${first} 个权重。`,
        })),
      ],
    });
  },
};

/** Conv1D, Conv3D or Conv2DTranspose on an input of `rank` spatial axes. */
function moreConv(id: string, type: string, rank: 1 | 2 | 3, sizes: readonly number[]): Template {
  return {
    id,
    skill: 'layer-params',
    lessons: ['more-convolutions'],
    covers: [type],
    mistakes: ['forgot-bias', 'kernel-ignores-channels'],
    draw(rng: Rng) {
      const filters = rng.pick(FILTERS);
      const k = rng.pick(rank === 3 ? [1, 3, 3] : [2, 3, 3, 5, 7]);
      const channels = rng.pick(rank === 1 ? [2, 8, 16, 32, 64, 128] : rank === 3 ? [2, 3, 8, 16, 32] : [3, 8, 16, 32, 64]);
      const size = rng.pick(sizes);
      const transpose = type.endsWith('Transpose');
      const strides = transpose ? rng.pick([1, 2, 2]) : 1;
      const spatial = Array.from({ length: rank }, () => size);
      const input = [null, ...spatial, channels];
      const args = { filters, kernel_size: k, ...(strides > 1 ? { strides } : {}) };
      const row = rowOf({ type, args, input });
      if (!row?.formula) return null;
      const noBias = rowOf({ type, args: { ...args, use_bias: false }, input })?.params;
      const oneChannel = rowOf({ type, args, input: [null, ...spatial, 1] })?.params;
      const window = Array.from({ length: rank }, () => String(k)).join(' × ');
      return countDraft({
        prompt: layerPrompt(callText(type, [filters, k], strides > 1 ? { strides } : {}), shapeCode(input)),
        value: row.params,
        formula: row.formula,
        layer: { type, args },
        input,
        mistakes: [
          ...wrong('forgot-bias', noBias, noBiasNote(filters)),
          ...wrong('kernel-ignores-channels', oneChannel, (v) => ({
            en: `${v} treats each filter as ${window} numbers. It spans all ${channels} input channels: ${window} × ${channels} weights per filter.`,
            'zh-cn': `${v} 把每个滤波器当成了 ${window} 个数。它覆盖全部 ${channels} 个输入通道：每个滤波器有 ${window} × ${channels} 个权重。`,
          })),
        ],
      });
    },
  };
}

export const conv1dParams = moreConv('conv1d-params', 'Conv1D', 1, [20, 50, 100, 128]);
export const conv3dParams = moreConv('conv3d-params', 'Conv3D', 3, [8, 16, 32]);
export const conv2dTransposeParams = moreConv('conv2d-transpose-params', 'Conv2DTranspose', 2, [7, 14, 16, 32]);
