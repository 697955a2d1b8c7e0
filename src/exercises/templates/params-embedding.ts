/**
 * Embedding: a lookup table of `input_dim × output_dim` numbers with no bias; the sequence length
 * never enters. The count is the engine's; the bias mistake adds one per output dimension.
 */
import { callText, mustRow, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, layerPrompt, wrong } from './params-shared.ts';

export const embeddingParams: Template = {
  id: 'embedding-params',
  skill: 'layer-params',
  lessons: ['embedding'],
  covers: ['Embedding'],
  mistakes: ['embedding-bias'],
  draw(rng) {
    const vocabulary = rng.pick([50, 100, 1000, 5000, 8000, 10_000, 20_000, 30_000]);
    const size = rng.pick([8, 16, 32, 50, 64, 100, 128, 300]);
    const length = rng.pick([10, 20, 50, 100, 200]);
    const input = [null, length];
    const args = { input_dim: vocabulary, output_dim: size };
    const row = mustRow({ type: 'Embedding', args, input });
    if (!row.formula) return null;
    return countDraft({
      prompt: layerPrompt(callText('Embedding', [vocabulary, size]), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'Embedding', args },
      input,
      mistakes: [
        ...wrong('embedding-bias', row.params + size, (v) => ({
          en: `${v} adds a bias of ${size}. An embedding only looks rows up in its table; nothing is added afterwards.`,
          'zh-cn': `${v} 多加了 ${size} 个偏置。嵌入层只是在表里查出一行，之后不再加任何值。`,
        })),
      ],
    });
  },
};
