/**
 * BatchNormalization and LayerNormalization: four vectors per channel against two per feature.
 * The mistaken counts come from the engine (BatchNormalization's trainable half, BatchNormalization
 * in place of LayerNormalization) or multiply its count by the positions the mistake repeats it at.
 */
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, layerPrompt, n, wrong } from './params-shared.ts';

export const batchnormParams: Template = {
  id: 'batchnorm-params',
  skill: 'layer-params',
  lessons: ['batch-normalization'],
  covers: ['BatchNormalization'],
  mistakes: ['batch-norm-trainable-only', 'batch-norm-per-pixel'],
  draw(rng) {
    const image = rng.chance(0.6);
    const channels = rng.pick(image ? [16, 32, 64, 128, 256] : [32, 64, 100, 128, 256, 512, 1024]);
    const size = rng.pick([7, 11, 14, 28]);
    const input = image ? [null, size, size, channels] : [null, channels];
    const row = mustRow({ type: 'BatchNormalization', input });
    if (!row.formula) return null;
    const perPixel = image ? row.params * size * size : undefined;
    return countDraft({
      prompt: layerPrompt(callText('BatchNormalization', []), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'BatchNormalization' },
      input,
      mistakes: [
        ...wrong('batch-norm-trainable-only', row.trainable, (v) => ({
          en: `${v} is γ and β only (trainable). The moving mean and variance are parameters too, ${n(row.nonTrainable)} of them, non-trainable.`,
          'zh-cn': `${v} 只是 γ 和 β（可训练）。移动均值和移动方差也是参数，共 ${n(row.nonTrainable)} 个，不可训练。`,
        })),
        ...wrong('batch-norm-per-pixel', perPixel, (v) => ({
          en: `${v} gives each of the ${size} × ${size} positions its own vectors. The four vectors are per channel and shared by every position.`,
          'zh-cn': `${v} 给 ${size} × ${size} 个位置各算了一组向量。四个向量按通道设置，所有位置共用。`,
        })),
      ],
    });
  },
};

export const layernormParams: Template = {
  id: 'layernorm-params',
  skill: 'layer-params',
  lessons: ['attention'],
  covers: ['LayerNormalization'],
  mistakes: ['layer-norm-statistics', 'layer-norm-per-position', 'layer-norm-no-beta'],
  draw(rng) {
    const steps = rng.pick([10, 20, 50, 128, 512]);
    const features = rng.pick([32, 64, 128, 256, 512, 768]);
    const input = [null, steps, features];
    const row = mustRow({ type: 'LayerNormalization', input });
    if (!row.formula) return null;
    const asBatchNorm = rowOf({ type: 'BatchNormalization', input })?.params;
    const perPosition = row.params * steps;
    // β is LayerNormalization's bias (`center=True`): without it only γ is left
    const gammaOnly = rowOf({ type: 'LayerNormalization', args: { center: false }, input })?.params;
    return countDraft({
      prompt: layerPrompt(callText('LayerNormalization', []), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'LayerNormalization' },
      input,
      mistakes: [
        ...wrong('layer-norm-statistics', asBatchNorm, (v) => ({
          en: `${v} is what BatchNormalization keeps on this input, with its moving mean and variance. LayerNormalization has only γ and β for the ${features} features.`,
          'zh-cn': `${v} 是批量归一化在这个输入上的参数量，含移动均值和移动方差。层归一化只有 ${features} 个特征各自的 γ 和 β。`,
        })),
        ...wrong('layer-norm-no-beta', gammaOnly, (v) => ({
          en: `${v} is γ alone. LayerNormalization also learns β, a bias for each of the ${features} features (\`center=True\` by default).`,
          'zh-cn': `${v} 只是 γ。层归一化还学习 β，即 ${features} 个特征各自的偏置（默认 \`center=True\`）。`,
        })),
        ...wrong('layer-norm-per-position', perPosition, (v) => ({
          en: `${v} gives each of the ${steps} positions its own γ and β. They share one pair of vectors of ${features}.`,
          'zh-cn': `${v} 给 ${steps} 个位置各算了一组 γ 和 β。实际上它们共用同一对长度为 ${features} 的向量。`,
        })),
      ],
    });
  },
};
