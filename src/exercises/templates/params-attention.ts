/**
 * MultiHeadAttention called as self-attention, `mha(x, x)`: four projections, each of
 * `num_heads × key_dim` outputs. The mistaken counts are the engine's: `key_dim` set to the whole
 * width (num_heads × key_dim), and `use_bias=False`.
 */
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, wrong } from './params-shared.ts';

export const mhaParams: Template = {
  id: 'mha-params',
  skill: 'layer-params',
  lessons: ['attention'],
  covers: ['MultiHeadAttention'],
  mistakes: ['key-dim-per-head', 'forgot-bias'],
  draw(rng) {
    const heads = rng.pick([2, 4, 8]);
    const width = rng.pick([32, 64, 128, 256, 512]);
    const keyDim = rng.chance(0.7) ? width / heads : rng.pick([8, 16, 32, 64]);
    if (!Number.isInteger(keyDim)) return null;
    const steps = rng.pick([10, 20, 50, 128]);
    const x = [null, steps, width];
    const input = [x, x];
    const args = { num_heads: heads, key_dim: keyDim };
    const row = mustRow({ type: 'MultiHeadAttention', args, input });
    if (!row.formula) return null;
    const wide = rowOf({ type: 'MultiHeadAttention', args: { ...args, key_dim: heads * keyDim }, input })?.params;
    const noBias = rowOf({ type: 'MultiHeadAttention', args: { ...args, use_bias: false }, input })?.params;
    const code = callText('MultiHeadAttention', [], args);
    return countDraft({
      prompt: {
        en: `\`mha = ${code}\` is called as \`mha(x, x)\` with \`x\` of shape \`${shapeCode(x)}\`. How many parameters does it have?`,
        'zh-cn': `\`mha = ${code}\` 以 \`mha(x, x)\` 的方式调用，\`x\` 的形状是 \`${shapeCode(x)}\`。它有多少个参数？`,
      },
      value: row.params,
      formula: row.formula,
      layer: { type: 'MultiHeadAttention', args },
      input,
      mistakes: [
        ...wrong('key-dim-per-head', wide, (v) => ({
          en: `${v} is the count with \`key_dim=${heads * keyDim}\`: you took ${heads} × ${keyDim} as the size of each head. \`key_dim=${keyDim}\` is already per head; each projection has ${heads} × ${keyDim} outputs.`,
          'zh-cn': `${v} 是 \`key_dim=${heads * keyDim}\` 时的参数量：你把 ${heads} × ${keyDim} 当成了每个头的大小。\`key_dim=${keyDim}\` 本来就是每个头的大小；每个投影有 ${heads} × ${keyDim} 个输出。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} leaves out the biases: the query, key and value projections have ${heads} × ${keyDim} each, the output projection ${width}.`,
          'zh-cn': `${v} 漏掉了偏置：查询、键、值三个投影各有 ${heads} × ${keyDim} 个偏置，输出投影有 ${width} 个。`,
        })),
      ],
    });
  },
};

/**
 * Cross-attention, `mha(query, value)` with different feature sizes: each projection reads its own
 * tensor. The mistaken count is the engine's with the value given the query's features.
 */
export const mhaCrossParams: Template = {
  id: 'mha-cross-params',
  skill: 'layer-params',
  lessons: ['attention'],
  covers: ['MultiHeadAttention'],
  mistakes: ['cross-attention-features', 'key-dim-per-head'],
  draw(rng) {
    const heads = rng.pick([2, 4, 8]);
    const keyDim = rng.pick([8, 16, 32, 64]);
    const queryFeatures = rng.pick([32, 64, 128, 256]);
    const valueFeatures = rng.pick([16, 48, 96, 100, 300, 512]);
    if (queryFeatures === valueFeatures) return null;
    const query = [null, rng.pick([10, 16, 20]), queryFeatures];
    const value = [null, rng.pick([30, 40, 64]), valueFeatures];
    const input = [query, value];
    const args = { num_heads: heads, key_dim: keyDim };
    const row = mustRow({ type: 'MultiHeadAttention', args, input });
    if (!row.formula) return null;
    const asSelf = rowOf({ type: 'MultiHeadAttention', args, input: [query, [null, value[1]!, queryFeatures]] })?.params;
    const wide = rowOf({ type: 'MultiHeadAttention', args: { ...args, key_dim: heads * keyDim }, input })?.params;
    const code = callText('MultiHeadAttention', [], args);
    return countDraft({
      prompt: {
        en: `\`mha = ${code}\` is called as \`mha(query, value)\`: the query has shape \`${shapeCode(query)}\`, the value \`${shapeCode(value)}\` (the key is the value). How many parameters does it have?`,
        'zh-cn': `\`mha = ${code}\` 以 \`mha(query, value)\` 调用：查询的形状是 \`${shapeCode(query)}\`，值的形状是 \`${shapeCode(value)}\`（键就是值）。它有多少个参数？`,
      },
      value: row.params,
      formula: row.formula,
      layer: { type: 'MultiHeadAttention', args },
      input,
      mistakes: [
        ...wrong('cross-attention-features', asSelf, (v) => ({
          en: `${v} is the count if the value had ${queryFeatures} features like the query. The key and value projections read the value's ${valueFeatures} features.`,
          'zh-cn': `${v} 是值也有 ${queryFeatures} 个特征（和查询一样）时的参数量。键和值的投影读的是值的 ${valueFeatures} 个特征。`,
        })),
        ...wrong('key-dim-per-head', wide, (v) => ({
          en: `${v} is the count with \`key_dim=${heads * keyDim}\`: \`key_dim=${keyDim}\` is already the size of each of the ${heads} heads.`,
          'zh-cn': `${v} 是 \`key_dim=${heads * keyDim}\` 时的参数量：\`key_dim=${keyDim}\` 本来就是 ${heads} 个头中每个头的大小。`,
        })),
      ],
    });
  },
};
