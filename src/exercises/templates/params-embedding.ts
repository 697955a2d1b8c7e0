/**
 * Embedding: a lookup table of `input_dim × output_dim` numbers with no bias; the sequence length
 * never enters. The count is the engine's; the bias mistake adds one per output dimension.
 */
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, layerPrompt, n, wrong } from './params-shared.ts';

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

/**
 * Which vocabulary gives a count: `Embedding(?, 64)` has 320,000 parameters. The answer is found by
 * asking the engine for each `input_dim`; the mistaken answer is the `input_dim` whose count plus a
 * bias of `output_dim` gives the same number.
 */
export const embeddingVocabulary: Template = {
  id: 'embedding-vocabulary',
  skill: 'find-argument',
  lessons: ['embedding'],
  covers: ['Embedding'],
  mistakes: ['embedding-bias'],
  draw(rng) {
    const vocabulary = rng.pick([100, 500, 1000, 2000, 5000, 8000, 10_000, 20_000, 30_000, 50_000]);
    const size = rng.pick([8, 16, 32, 50, 64, 100, 128, 200, 300]);
    const input = [null, rng.pick([20, 50, 100])];
    const count = mustRow({ type: 'Embedding', args: { input_dim: vocabulary, output_dim: size }, input }).params;
    const countAt = (v: number, bias: number): number | undefined =>
      v < 1 ? undefined : (rowOf({ type: 'Embedding', args: { input_dim: v, output_dim: size }, input })?.params ?? Number.NaN) + bias;
    // the count grows by output_dim per vocabulary entry: search the whole range by bisection
    const search = (bias: number): number | undefined => {
      let lo = 1;
      let hi = 1_000_000;
      while (lo <= hi) {
        const mid = Math.floor((lo + hi) / 2);
        const c = countAt(mid, bias);
        if (c === undefined || Number.isNaN(c)) return undefined;
        if (c === count) return mid;
        if (c < count) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    };
    const answer = search(0);
    // the answer must not already stand in the question (an output_dim or a length of the same size)
    if (answer === undefined || answer === size || answer === input[1]) return null;
    const withBias = search(size);
    const code = callText('Embedding', ['?', size]).replace('"?"', '?');
    return {
      prompt: {
        en: `\`${code}\` on \`${shapeCode(input)}\` has ${n(count)} parameters. What is its \`input_dim\` (the vocabulary size)?`,
        'zh-cn': `\`${code}\` 作用在 \`${shapeCode(input)}\` 上，共有 ${n(count)} 个参数。它的 \`input_dim\`（词表大小）是多少？`,
      },
      response: {
        kind: 'blanks',
        blanks: [
          {
            id: 'input_dim',
            expected: { kind: 'count', value: answer },
            mistakes: wrong('embedding-bias', withBias, (v) => ({
              en: `${v} is what you get after taking ${size} off for a bias first. An embedding has no bias: the whole count is the table.`,
              'zh-cn': `${v} 是先减去 ${size} 个偏置后得到的。嵌入层没有偏置：全部参数就是这张查找表。`,
            })),
          },
        ],
      },
      hints: [
        {
          en: 'The count is `input_dim × output_dim`, the size of the table.',
          'zh-cn': '参数量是 `input_dim × output_dim`，也就是查找表的大小。',
        },
        { en: `Here \`input_dim × ${size} = ${n(count)}\`.`, 'zh-cn': `这里 \`input_dim × ${size} = ${n(count)}\`。` },
        { en: `Divide: \`${n(count)} / ${size}\` = ?`, 'zh-cn': `做除法：\`${n(count)} / ${size}\` = ？` },
      ],
      solution: {
        en: `\`${n(count)} / ${size} = ${n(answer)}\`: a table of ${n(answer)} rows of ${size} numbers, and no bias.`,
        'zh-cn': `\`${n(count)} / ${size} = ${n(answer)}\`：一张 ${n(answer)} 行、每行 ${size} 个数的表，没有偏置。`,
      },
    };
  },
};
