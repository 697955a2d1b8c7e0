/**
 * Predict, then check: a layer's count is given at one value of an argument; the reader predicts
 * it at another, commits, and a slider over that argument then shows the engine's count and
 * formula at every value. The answer and the slider both come from the same engine call.
 */
import { equationText, groupDigits, type LayerArgs, type Shape } from '@calc/basics.ts';
import { formulaHints, formulaSolution } from '../hints.ts';
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Draft, MistakeAnswer, Rng, Template, Text } from '../types.ts';

/** One predict variant: the layer as a function of the slider's value. */
interface Setup {
  type: string;
  /** The layer's arguments and input at a slider value. */
  at(v: number): { args: LayerArgs; input: Shape; positional: unknown[] };
  min: number;
  max: number;
  start: number;
  target: number;
  slider: Text;
  /** "with 64 filters, `Conv2D(64, 3)`" — what the prediction is about. */
  ask(v: number, code: string, input: string): Text;
  /** The mistakes this variant recognises, each asked of the engine at the target. */
  mistakes: ('forgot-bias' | 'kernel-ignores-channels' | 'swapped-channels' | 'lstm-gates' | 'scaled-proportionally')[];
}

/** Two different values from a list: where the slider starts and where the prediction is about. */
function pair(rng: Rng, values: readonly number[]): [number, number] {
  const [a, b] = rng.shuffle(values);
  return [a!, b!];
}

function convSetup(rng: Rng, over: 'filters' | 'channels' | 'kernel'): Setup {
  const filters = rng.pick([8, 16, 32, 64]);
  const channels = rng.pick([1, 3, 8, 16, 32]);
  const k = rng.pick([3, 5]);
  const size = rng.pick([14, 28, 32]);
  const [start, target] = pair(
    rng,
    over === 'filters' ? [8, 16, 24, 32, 48, 64, 128] : over === 'channels' ? [1, 3, 8, 16, 32, 64] : [1, 3, 5, 7],
  );
  const at = (v: number) => {
    const f = over === 'filters' ? v : filters;
    const c = over === 'channels' ? v : channels;
    const kk = over === 'kernel' ? v : k;
    return { args: { filters: f, kernel_size: kk }, input: [null, size, size, c] as Shape, positional: [f, kk] };
  };
  const slider: Record<typeof over, Text> = {
    filters: { en: '`filters`', 'zh-cn': '滤波器个数 `filters`' },
    channels: { en: 'input channels', 'zh-cn': '输入通道数' },
    kernel: { en: '`kernel_size`', 'zh-cn': '卷积核大小 `kernel_size`' },
  };
  return {
    type: 'Conv2D',
    at,
    min: 1,
    max: over === 'filters' ? 128 : over === 'channels' ? 64 : 7,
    start,
    target,
    slider: slider[over],
    ask: (v, code, input) =>
      over === 'filters'
        ? { en: `with ${v} filters, \`${code}\``, 'zh-cn': `改用 ${v} 个滤波器（\`${code}\`）时` }
        : over === 'channels'
          ? { en: `when its input has ${v} channel${v === 1 ? '' : 's'}, \`${input}\``, 'zh-cn': `输入变成 ${v} 个通道（\`${input}\`）时` }
          : { en: `with a ${v} × ${v} kernel, \`${code}\``, 'zh-cn': `改用 ${v} × ${v} 的卷积核（\`${code}\`）时` },
    mistakes: ['forgot-bias', 'kernel-ignores-channels', 'scaled-proportionally'],
  };
}

function unitsSetup(rng: Rng, type: 'Dense' | 'LSTM'): Setup {
  const features = rng.pick([4, 8, 16, 32, 64, 100]);
  const steps = rng.pick([10, 20, 50]);
  const [start, target] = pair(rng, type === 'Dense' ? [8, 16, 32, 64, 100, 128, 256] : [8, 16, 32, 64, 128]);
  return {
    type,
    at: (v) => ({ args: { units: v }, input: type === 'Dense' ? [null, features] : [null, steps, features], positional: [v] }),
    min: 1,
    max: type === 'Dense' ? 256 : 128,
    start,
    target,
    slider: { en: '`units`', 'zh-cn': '单元数 `units`' },
    ask: (v, code) => ({ en: `with ${v} units, \`${code}\``, 'zh-cn': `单元数改为 ${v}（\`${code}\`）时` }),
    mistakes: type === 'Dense' ? ['forgot-bias', 'swapped-channels'] : ['forgot-bias', 'lstm-gates', 'scaled-proportionally'],
  };
}

function draft(setup: Setup): Draft | null {
  const { type } = setup;
  const s = setup.at(setup.start);
  const startRow = mustRow({ type, args: s.args, input: s.input });
  const t = setup.at(setup.target);
  const row = mustRow({ type, args: t.args, input: t.input });
  if (!row.formula || !startRow.formula) return null;
  const startCode = callText(type, s.positional);
  const targetCode = callText(type, t.positional);
  const startCount = groupDigits(startRow.params);
  const lastAxis = t.input[t.input.length - 1] as number;
  const candidates: (MistakeAnswer | null)[] = setup.mistakes.map((id): MistakeAnswer | null => {
    if (id === 'forgot-bias') {
      const v = rowOf({ type, args: { ...t.args, use_bias: false }, input: t.input })?.params;
      return v === undefined
        ? null
        : {
            mistake: id,
            value: v,
            note: {
              en: `${groupDigits(v)} is the weights of \`${targetCode}\` alone; its biases add ${groupDigits(row.params - v)} more.`,
              'zh-cn': `${groupDigits(v)} 只是 \`${targetCode}\` 的权重；它的偏置还有 ${groupDigits(row.params - v)} 个。`,
            },
          };
    }
    if (id === 'kernel-ignores-channels') {
      const v = rowOf({ type, args: t.args, input: [...t.input.slice(0, -1), 1] })?.params;
      return v === undefined
        ? null
        : {
            mistake: id,
            value: v,
            note: {
              en: `${groupDigits(v)} counts each filter as if the input had 1 channel; every filter spans all ${lastAxis} input channels.`,
              'zh-cn': `${groupDigits(v)} 是把输入当成只有 1 个通道算的；每个滤波器都覆盖全部 ${lastAxis} 个输入通道。`,
            },
          };
    }
    if (id === 'swapped-channels') {
      const units = t.args['units'] as number;
      const v = rowOf({ type, args: { ...t.args, units: lastAxis }, input: [...t.input.slice(0, -1), units] })?.params;
      return v === undefined
        ? null
        : {
            mistake: id,
            value: v,
            note: {
              en: `The input has ${lastAxis} features and the layer makes ${units}; ${groupDigits(v)} counts ${units} in and ${lastAxis} out.`,
              'zh-cn': `输入有 ${lastAxis} 个特征，这一层输出 ${units} 个；${groupDigits(v)} 是按输入 ${units} 个、输出 ${lastAxis} 个算的。`,
            },
          };
    }
    if (id === 'lstm-gates') {
      const v = rowOf({ type: 'SimpleRNN', args: t.args, input: t.input })?.params;
      return v === undefined
        ? null
        : {
            mistake: id,
            value: v,
            note: {
              en: `${groupDigits(v)} is one block of weights; \`${targetCode}\` has four (input, forget, cell and output), each that size.`,
              'zh-cn': `${groupDigits(v)} 只是一组权重；\`${targetCode}\` 有四组（输入门、遗忘门、候选细胞状态、输出门），每组都这么大。`,
            },
          };
    }
    // Scaled everything: the count at the start times target / start, as if the count were proportional to the argument.
    const v = (startRow.params * setup.target) / setup.start;
    return Number.isInteger(v)
      ? {
          mistake: id,
          value: v,
          note: {
            en: `${groupDigits(v)} is ${startCount} × ${setup.target} / ${setup.start}: the count is not proportional to this argument. Compare \`${equationText(startRow.formula!)}\` with the same formula at ${setup.target}.`,
            'zh-cn': `${groupDigits(v)} 是 ${startCount} × ${setup.target} / ${setup.start}：参数量并不与这个参数成正比。把 \`${equationText(startRow.formula!)}\` 和代入 ${setup.target} 后的同一公式比一比。`,
          },
        }
      : null;
  });
  // A mistake that gives the right answer, or another mistake's, cannot be recognised here: leave it out.
  const mistakes: MistakeAnswer[] = [];
  for (const c of candidates) {
    if (c && c.value !== row.params && !mistakes.some((m) => m.value === c.value)) mistakes.push(c);
  }
  const ask = setup.ask(setup.target, targetCode, shapeCode(t.input));
  const equationAt = (v: number): { count: number; equation: string } => {
    const a = setup.at(v);
    const r = mustRow({ type, args: a.args, input: a.input });
    return { count: r.params, equation: r.formula ? equationText(r.formula) : groupDigits(r.params) };
  };
  const prompt: Text = {
    en: `\`${startCode}\` receives \`${shapeCode(s.input)}\` and has ${startCount} parameters. Predict its count ${ask.en}, then watch the count change on the slider.`,
    'zh-cn': `\`${startCode}\` 的输入是 \`${shapeCode(s.input)}\`，它有 ${startCount} 个参数。预测它${ask['zh-cn']}的参数量，然后在滑块上看参数量如何变化。`,
  };
  // The prompt must not even seem to hold the answer (an answer of 416 inside a stated 6,416).
  const seen = prompt.en.replaceAll(',', ' ');
  if (prompt.en.includes(groupDigits(row.params)) || new RegExp(`(?<!\\d)${row.params}(?!\\d)`).test(seen)) return null;
  return {
    prompt,
    response: {
      kind: 'predict',
      blank: { id: 'params', expected: { kind: 'count', value: row.params }, mistakes },
      slider: { label: setup.slider, min: setup.min, max: setup.max, start: setup.start, target: setup.target, at: equationAt },
    },
    about: { kind: 'layer', layer: { type, args: t.args }, input: t.input, ask: 'params' },
    hints: formulaHints(row.formula),
    solution: formulaSolution(row.formula, {
      en: `At the start it was \`${equationText(startRow.formula)}\`.`,
      'zh-cn': `开始时是 \`${equationText(startRow.formula)}\`。`,
    }),
  };
}

export const predictConv2d: Template = {
  id: 'predict-conv2d',
  skill: 'predict',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['forgot-bias', 'kernel-ignores-channels', 'scaled-proportionally'],
  draw: (rng) => draft(convSetup(rng, rng.pick(['filters', 'channels', 'kernel'] as const))),
};

export const predictDense: Template = {
  id: 'predict-dense',
  skill: 'predict',
  lessons: ['dense'],
  covers: ['Dense'],
  mistakes: ['forgot-bias', 'swapped-channels'],
  draw: (rng) => draft(unitsSetup(rng, 'Dense')),
};

export const predictLstm: Template = {
  id: 'predict-lstm',
  skill: 'predict',
  lessons: ['recurrent'],
  covers: ['LSTM'],
  mistakes: ['forgot-bias', 'lstm-gates', 'scaled-proportionally'],
  draw: (rng) => draft(unitsSetup(rng, 'LSTM')),
};
