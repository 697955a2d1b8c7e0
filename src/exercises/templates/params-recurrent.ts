/**
 * Recurrent layers: SimpleRNN (one block of weights), LSTM (four), GRU (three, two bias rows with
 * Keras 3's `reset_after=True`), Bidirectional (two copies) and the layer after a Bidirectional
 * (not doubled). Each mistaken count is the engine's count of the mistaken layer: a SimpleRNN for
 * "no ×4", `reset_after=False`, no input features, `use_bias=False`, the wrapped layer alone.
 */
import type { SequentialModel } from '@calc/basics.ts';
import { pythonCode } from '@calc/render.ts';
import { callText, mustRow, rowOf, shapeCode, summaryOf } from '../layer.ts';
import type { MistakeAnswer, Rng, Template } from '../types.ts';
import { countDraft, layerPrompt, wrong } from './params-shared.ts';

type Kind = 'SimpleRNN' | 'LSTM' | 'GRU';

/** Weight blocks per kind, in words (the engine's formula carries the number itself). */
const BLOCKS: Record<Kind, { en: string; zh: string }> = {
  SimpleRNN: { en: 'its one block', zh: '它唯一的一组权重' },
  LSTM: { en: 'each of its four gate blocks', zh: '它四组门中的每一组' },
  GRU: { en: 'each of its three gate blocks', zh: '它三组门中的每一组' },
};

const sizes = (rng: Rng) => ({
  units: rng.pick([4, 8, 9, 16, 32, 50, 64, 128]),
  features: rng.pick([3, 5, 8, 16, 32, 64, 100]),
  steps: rng.pick([10, 20, 50, 100]),
});

/** The mistakes of one recurrent layer of `kind` on (None, steps, features). */
function recurrentMistakes(kind: Kind, units: number, features: number, steps: number): MistakeAnswer[] {
  const input = [null, steps, features];
  const args = { units };
  const blocks = BLOCKS[kind];
  const simple = kind === 'LSTM' ? rowOf({ type: 'SimpleRNN', args, input })?.params : undefined;
  const resetBefore = kind === 'GRU' ? rowOf({ type: 'GRU', args: { ...args, reset_after: false }, input })?.params : undefined;
  const noInput = rowOf({ type: kind, args, input: [null, steps, 0] })?.params;
  const noBias = rowOf({ type: kind, args: { ...args, use_bias: false }, input })?.params;
  const full = rowOf({ type: kind, args, input })?.params;
  const biases = full !== undefined && noBias !== undefined ? full - noBias : undefined;
  return [
    ...wrong('lstm-gates', simple, (v) => ({
      en: `${v} is one block of weights, what a \`SimpleRNN(${units})\` has; the \`LSTM\` has four of them.`,
      'zh-cn': `${v} 只是一组权重，相当于一个 \`SimpleRNN(${units})\`；\`LSTM\` 有四组。`,
    })),
    ...wrong('gru-reset-after', resetBefore, (v) => ({
      en: `${v} is the count with \`reset_after=False\`, one bias per block. Keras 3's default \`reset_after=True\` gives each of the three blocks two biases of ${units}.`,
      'zh-cn': `${v} 是 \`reset_after=False\` 时的参数量，每组只有一个偏置。默认的 \`reset_after=True\` 下，三组门各有两个长度为 ${units} 的偏置。`,
    })),
    ...wrong('recurrent-no-input', noInput, (v) => ({
      en: `${v} counts only the recurrent weights (${units} × ${units}) and the bias. ${blocks.en.charAt(0).toUpperCase()}${blocks.en.slice(1)} also reads the ${features} input features: ${features} × ${units} more weights.`,
      'zh-cn': `${v} 只算了循环权重（${units} × ${units}）和偏置。${blocks.zh}还要读入 ${features} 个输入特征：另有 ${features} × ${units} 个权重。`,
    })),
    ...wrong('forgot-bias', noBias, (v) => ({
      en: `${v} leaves out the ${biases ?? ''} biases: ${blocks.en} has its own bias for each of the ${units} units${kind === 'GRU' ? ' (two of them, with `reset_after=True`)' : ''}.`,
      'zh-cn': `${v} 漏掉了 ${biases ?? ''} 个偏置：${blocks.zh}都为 ${units} 个单元各配有自己的偏置${kind === 'GRU' ? '（在 `reset_after=True` 下是两个）' : ''}。`,
    })),
  ];
}

function recurrentTemplate(id: string, kind: Kind, mistakes: readonly string[]): Template {
  return {
    id,
    skill: 'layer-params',
    lessons: ['recurrent'],
    covers: [kind],
    mistakes,
    draw(rng) {
      const { units, features, steps } = sizes(rng);
      const input = [null, steps, features];
      const args = { units };
      const row = mustRow({ type: kind, args, input });
      if (!row.formula) return null;
      return countDraft({
        prompt: layerPrompt(callText(kind, [units]), shapeCode(input)),
        value: row.params,
        formula: row.formula,
        layer: { type: kind, args },
        input,
        mistakes: recurrentMistakes(kind, units, features, steps),
        after: {
          en: `The ${steps} time steps do not enter: the same weights are used at every step.`,
          'zh-cn': `${steps} 个时间步不计入参数量：每个时间步都用同一组权重。`,
        },
      });
    },
  };
}

export const simplernnParams = recurrentTemplate('simplernn-params', 'SimpleRNN', ['recurrent-no-input', 'forgot-bias']);
export const lstmParams = recurrentTemplate('lstm-params', 'LSTM', ['lstm-gates', 'recurrent-no-input', 'forgot-bias']);
export const gruParams = recurrentTemplate('gru-params', 'GRU', ['gru-reset-after', 'recurrent-no-input', 'forgot-bias']);

const bidirectional = (kind: Kind, innerArgs: Record<string, unknown>) => ({
  type: 'Bidirectional',
  args: { layer: { type: kind, args: innerArgs } },
});

export const bidirectionalParams: Template = {
  id: 'bidirectional-params',
  skill: 'layer-params',
  lessons: ['recurrent'],
  covers: ['Bidirectional', 'LSTM', 'GRU'],
  mistakes: ['bidirectional-single', 'lstm-gates', 'gru-reset-after'],
  draw(rng) {
    const kind = rng.pick(['LSTM', 'GRU'] as const);
    const { units, features, steps } = sizes(rng);
    const input = [null, steps, features];
    const inner = { units };
    const layer = bidirectional(kind, inner);
    const row = mustRow({ ...layer, input });
    if (!row.formula) return null;
    const single = rowOf({ type: kind, args: inner, input })?.params;
    const simple = kind === 'LSTM' ? rowOf({ ...bidirectional('SimpleRNN', inner), input })?.params : undefined;
    const resetBefore = kind === 'GRU' ? rowOf({ ...bidirectional('GRU', { ...inner, reset_after: false }), input })?.params : undefined;
    return countDraft({
      prompt: layerPrompt(`Bidirectional(${callText(kind, [units])})`, shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer,
      input,
      mistakes: [
        ...wrong('bidirectional-single', single, (v) => ({
          en: `${v} is one \`${kind}(${units})\`. \`Bidirectional\` holds two of them, a forward and a backward copy, each with its own weights.`,
          'zh-cn': `${v} 只是一个 \`${kind}(${units})\`。\`Bidirectional\` 里有两个：一个正向副本、一个反向副本，各有自己的权重。`,
        })),
        ...wrong('lstm-gates', simple, (v) => ({
          en: `${v} is two \`SimpleRNN(${units})\` copies, one block of weights each. Each \`LSTM\` copy has four blocks (its gates).`,
          'zh-cn': `${v} 是两个 \`SimpleRNN(${units})\` 副本，各只有一组权重。每个 \`LSTM\` 副本有四组（它的门）。`,
        })),
        ...wrong('gru-reset-after', resetBefore, (v) => ({
          en: `${v} uses \`reset_after=False\`, one bias per block. With Keras 3's default \`reset_after=True\` each \`GRU\` copy has two biases of ${units} per block.`,
          'zh-cn': `${v} 用的是 \`reset_after=False\`，每组只有一个偏置。在默认的 \`reset_after=True\` 下，每个 \`GRU\` 副本每组有两个长度为 ${units} 的偏置。`,
        })),
      ],
    });
  },
};

export const bidirectionalNextLayer: Template = {
  id: 'bidirectional-next-layer',
  skill: 'layer-params',
  lessons: ['recurrent'],
  covers: ['Bidirectional', 'Dense'],
  mistakes: ['bidirectional-doubling', 'forgot-bias', 'bidirectional-single'],
  draw(rng) {
    const kind = rng.pick(['LSTM', 'GRU'] as const);
    const { units, features, steps } = sizes(rng);
    const next = rng.pick([2, 4, 8, 10, 16, 32]);
    const model: SequentialModel = {
      kind: 'sequential',
      input: [null, steps, features],
      layers: [bidirectional(kind, { units, return_sequences: true }), { type: 'Dense', args: { units: next } }],
    };
    const summary = summaryOf(model);
    const row = summary?.rows[summary.rows.length - 1];
    const input = row?.inputShapes[0];
    if (!row?.formula || !input) return null;
    const args = { units: next };
    const oneDirection = rowOf({ type: 'Dense', args, input: [null, steps, units] })?.params;
    const doubled = oneDirection === undefined ? undefined : 2 * oneDirection;
    const noBias = rowOf({ type: 'Dense', args: { ...args, use_bias: false }, input })?.params;
    return countDraft({
      prompt: {
        en: 'How many parameters does the `Dense` layer of this model have?',
        'zh-cn': '这个模型中的 `Dense` 层有多少个参数？',
      },
      display: { kind: 'code', text: { en: pythonCode(model), 'zh-cn': pythonCode(model) } },
      value: row.params,
      formula: row.formula,
      layer: { type: 'Dense', args },
      input,
      mistakes: [
        ...wrong('bidirectional-single', oneDirection, (v) => ({
          en: `${v} is a \`Dense(${next})\` on ${units} features, one direction's output. \`Bidirectional\` joins both directions, so the \`Dense\` layer receives ${units} + ${units} features.`,
          'zh-cn': `${v} 是作用在 ${units} 个特征（一个方向的输出）上的 \`Dense(${next})\`。\`Bidirectional\` 把两个方向拼接起来，所以 \`Dense\` 层收到 ${units} + ${units} 个特征。`,
        })),
        ...wrong('bidirectional-doubling', doubled, (v) => ({
          en: `${v} is two \`Dense(${next})\` layers on ${units} features. There is one \`Dense\` layer; it receives the ${units} + ${units} features the two directions concatenate.`,
          'zh-cn': `${v} 是两个作用在 ${units} 个特征上的 \`Dense(${next})\`。这里只有一个 \`Dense\` 层，它收到两个方向拼接后的 ${units} + ${units} 个特征。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} is the kernel alone; each of the ${next} units also has a bias.`,
          'zh-cn': `${v} 只是权重矩阵；${next} 个单元还各有一个偏置。`,
        })),
      ],
    });
  },
};
