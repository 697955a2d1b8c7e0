/**
 * Trainable against non-trainable: a small model with a BatchNormalization layer (its moving mean
 * and variance never train), and a model with one frozen layer (`trainable=False` moves all its
 * weights to non-trainable). Every count is the engine's summary of the model; a mistake's value is
 * the engine's summary of the model read the mistaken way (the layer left unfrozen), or the
 * summary with BatchNormalization's statistics moved or repeated, where that is the mistake.
 */
import { add, evaluate, formulaText, mul, num, type SequentialModel, type Term } from '@calc/basics.ts';
import type { Row, Summary } from '@calc/engine.ts';
import { pythonCode } from '@calc/render.ts';
import { arithmeticSteps } from '../hints.ts';
import { summaryOf } from '../layer.ts';
import type { Draft, MistakeAnswer, Rng, Template, Text } from '../types.ts';
import { n, showsAnswer, wrong } from './params-shared.ts';

type Ask = 'params' | 'trainable' | 'nonTrainable';

const QUESTION: Record<Ask, Text> = {
  params: { en: 'How many parameters does this model have in total?', 'zh-cn': '这个模型一共有多少个参数？' },
  trainable: { en: 'How many trainable parameters does this model have?', 'zh-cn': '这个模型有多少个可训练参数？' },
  nonTrainable: { en: 'How many non-trainable parameters does this model have?', 'zh-cn': '这个模型有多少个不可训练参数？' },
};

const LABEL: Record<Ask, Text> = {
  params: { en: 'Total parameters', 'zh-cn': '总参数量' },
  trainable: { en: 'Trainable parameters', 'zh-cn': '可训练参数' },
  nonTrainable: { en: 'Non-trainable parameters', 'zh-cn': '不可训练参数' },
};

const RULE: Record<Ask, Text> = {
  params: {
    en: "Add up every layer's parameters, trainable or not.",
    'zh-cn': '把每一层的参数都加起来，不论是否可训练。',
  },
  trainable: {
    en: "Add up the weights that train: not BatchNormalization's moving mean and variance, and nothing in a layer with `trainable=False`.",
    'zh-cn': '把参与训练的权重加起来：不算批量归一化的移动均值和移动方差，也不算 `trainable=False` 的层里的任何权重。',
  },
  nonTrainable: {
    en: "Add up the weights that do not train: BatchNormalization's moving mean and variance, and every weight of a layer with `trainable=False`.",
    'zh-cn': '把不参与训练的权重加起来：批量归一化的移动均值和移动方差，以及 `trainable=False` 的层里的所有权重。',
  },
};

/**
 * The part of a layer's formula that counts towards `ask`: the whole formula when all its weights
 * do, or — for BatchNormalization's split — the engine's own term for the trained vectors
 * (`weight vectors`) or the moving statistics (`statistics`) times the channels.
 */
function partOf(row: Row, ask: Ask): Term {
  const f = row.formula;
  if (f && row[ask] === row.params) return f;
  if (f?.kind === 'op' && f.op === '×' && f.terms[0]?.kind === 'op' && f.terms[0].op === '+') {
    const role = ask === 'trainable' ? 'weight vectors' : 'statistics';
    const vectors = f.terms[0].terms.find((t) => t.kind === 'num' && t.role === role);
    const term = vectors ? mul(vectors, ...f.terms.slice(1)) : null;
    if (term && evaluate(term) === row[ask]) return term;
  }
  return num(row[ask], 'count');
}

/** The hints and solution: each layer's formula, then the asked part of each, added up. */
function sumHelp(summary: Summary, ask: Ask): Pick<Draft, 'hints' | 'solution'> {
  const rows = summary.rows.filter((r) => r.params > 0);
  const frozen = { en: ' (frozen)', 'zh-cn': '（已冻结）' };
  const listed = (locale: keyof Text) =>
    rows.map(
      (r) =>
        `\`${r.name}\`${r.layerTrainable ? '' : frozen[locale]}${locale === 'en' ? ': ' : '：'}\`${r.formula ? formulaText(r.formula) : n(r.params)}\``,
    );
  const parts = rows.filter((r) => r[ask] > 0).map((r) => partOf(r, ask));
  const sum = parts.length === 1 ? parts[0]! : add(...parts);
  const steps = arithmeticSteps(sum);
  const arithmetic = [formulaText(sum), ...steps].join(' = ');
  const chain = `${arithmetic} = ${n(summary.totals[ask])}`;
  return {
    hints: [
      RULE[ask],
      {
        en: `The layers with weights: ${listed('en').join('; ')}.`,
        'zh-cn': `有权重的层：${listed('zh-cn').join('；')}。`,
      },
      { en: `Work it out: \`${arithmetic}\` = ?`, 'zh-cn': `算一算：\`${arithmetic}\` = ？` },
    ],
    solution: { en: `${LABEL[ask].en}: \`${chain}\`.`, 'zh-cn': `${LABEL[ask]['zh-cn']}：\`${chain}\`。` },
  };
}

function draft(model: SequentialModel, summary: Summary, ask: Ask, mistakes: MistakeAnswer[]): Draft | null {
  const code = pythonCode(model);
  if (showsAnswer([code], summary.totals[ask])) return null;
  return {
    prompt: QUESTION[ask],
    display: { kind: 'code', text: { en: code, 'zh-cn': code } },
    response: { kind: 'blanks', blanks: [{ id: ask, expected: { kind: 'count', value: summary.totals[ask] }, mistakes }] },
    about: { kind: 'model', model, ask },
    ...sumHelp(summary, ask),
  };
}

const ASKS: readonly Ask[] = ['params', 'trainable', 'nonTrainable'];

/** Dense → BatchNormalization → Dense, or Conv2D → BatchNormalization → Flatten → Dense. */
function bnModel(rng: Rng): SequentialModel {
  if (rng.chance(0.5)) {
    return {
      kind: 'sequential',
      input: [null, rng.pick([8, 20, 32, 64, 100])],
      layers: [
        { type: 'Dense', args: { units: rng.pick([16, 32, 64, 128, 256, 512]) } },
        { type: 'BatchNormalization' },
        { type: 'Dense', args: { units: rng.pick([2, 3, 10]) } },
      ],
    };
  }
  const size = rng.pick([6, 8, 10]);
  return {
    kind: 'sequential',
    input: [null, size, size, rng.pick([1, 3])],
    layers: [
      { type: 'Conv2D', args: { filters: rng.pick([8, 16, 32]), kernel_size: 3 } },
      { type: 'BatchNormalization' },
      { type: 'Flatten' },
      { type: 'Dense', args: { units: rng.pick([2, 5, 10]) } },
    ],
  };
}

export const batchnormSplit: Template = {
  id: 'batchnorm-split',
  skill: 'trainable-split',
  lessons: ['batch-normalization'],
  covers: ['BatchNormalization'],
  mistakes: ['batch-norm-trainable-only', 'batch-norm-all-trainable', 'batch-norm-per-pixel', 'batch-norm-skipped'],
  draw(rng) {
    const model = bnModel(rng);
    const ask = rng.pick(ASKS);
    const summary = summaryOf(model);
    const bn = summary?.rows.find((r) => r.nonTrainable > 0);
    const shape = bn?.inputShapes[0];
    if (!summary || !bn || !shape) return null;
    const answer = summary.totals[ask];
    // the positions a per-pixel reading repeats the channel vectors at (none for a feature vector)
    const spatial = shape.slice(1, -1);
    const positions = spatial.every((d): d is number => typeof d === 'number') && spatial.length > 0 ? spatial : null;
    const perPixel = positions && bn[ask] > 0 ? answer - bn[ask] + positions.reduce((a, d) => a * d, bn[ask]) : undefined;
    const channels = shape[shape.length - 1];
    const mistakes: MistakeAnswer[] = [
      ...(ask === 'params'
        ? wrong('batch-norm-trainable-only', answer - bn.nonTrainable, (v) => ({
            en: `${v} leaves out BatchNormalization's moving mean and variance, ${n(bn.nonTrainable)} numbers. They are non-trainable, but they are parameters and count in the total.`,
            'zh-cn': `${v} 漏掉了批量归一化的移动均值和移动方差，共 ${n(bn.nonTrainable)} 个数。它们不可训练，但也是参数，要计入总数。`,
          }))
        : []),
      ...(ask === 'trainable'
        ? wrong('batch-norm-all-trainable', answer + bn.nonTrainable, (v) => ({
            en: `${v} counts BatchNormalization's moving mean and variance (${n(bn.nonTrainable)}) as trainable.`,
            'zh-cn': `${v} 把批量归一化的移动均值和移动方差（${n(bn.nonTrainable)} 个）算成了可训练参数。`,
          }))
        : []),
      ...(ask === 'nonTrainable'
        ? wrong('batch-norm-all-trainable', answer - bn.nonTrainable, (v) => ({
            en: `${v} leaves out BatchNormalization's moving mean and variance: 2 vectors of ${channels}, ${n(bn.nonTrainable)} non-trainable numbers.`,
            'zh-cn': `${v} 漏掉了批量归一化的移动均值和移动方差：两个长度为 ${channels} 的向量，共 ${n(bn.nonTrainable)} 个不可训练的数。`,
          }))
        : []),
      // the model as if BatchNormalization held nothing: the engine's total without that layer
      ...(ask !== 'nonTrainable'
        ? wrong(
            'batch-norm-skipped',
            summaryOf({ ...model, layers: model.layers.filter((l) => l.type !== 'BatchNormalization') })?.totals[ask],
            (v) => ({
              en: `${v} leaves \`${bn.name}\` out. BatchNormalization holds ${n(bn.params)} parameters here: γ, β, the moving mean and the moving variance, ${channels} each.`,
              'zh-cn': `${v} 漏掉了 \`${bn.name}\`。这里的批量归一化有 ${n(bn.params)} 个参数：γ、β、移动均值和移动方差，各 ${channels} 个。`,
            }),
          )
        : []),
      ...wrong('batch-norm-per-pixel', perPixel, (v) => ({
        en: `${v} repeats BatchNormalization's vectors at each of the ${positions?.join(' × ')} positions. They are per channel: ${channels} channels, shared by every position.`,
        'zh-cn': `${v} 在 ${positions?.join(' × ')} 个位置上各算了一份批量归一化的向量。它们按通道设置：${channels} 个通道，所有位置共用。`,
      })),
    ];
    return draft(model, summary, ask, mistakes);
  },
};

export const frozenSplit: Template = {
  id: 'frozen-split',
  skill: 'trainable-split',
  lessons: ['batch-normalization', 'case-studies'],
  covers: ['Dense', 'BatchNormalization'],
  mistakes: ['frozen-still-trainable', 'batch-norm-all-trainable'],
  draw(rng) {
    const withBn = rng.chance(0.4);
    const layers: SequentialModel['layers'] = [
      { type: 'Dense', args: { units: rng.pick([16, 32, 64, 128]) } },
      ...(withBn ? [{ type: 'BatchNormalization' }] : []),
      { type: 'Dense', args: { units: rng.pick([8, 16, 32, 64]) } },
      { type: 'Dense', args: { units: rng.pick([2, 3, 10]) } },
    ];
    const open: SequentialModel = { kind: 'sequential', input: [null, rng.pick([4, 10, 16, 20, 50])], layers };
    const at = rng.int(0, layers.length - 1);
    const model: SequentialModel = { ...open, layers: layers.map((l, i) => (i === at ? { ...l, trainable: false } : l)) };
    const ask = rng.pick(['trainable', 'nonTrainable'] as const);
    const summary = summaryOf(model);
    const unfrozen = summaryOf(open);
    const frozen = summary?.rows[at];
    if (!summary || !unfrozen || !frozen) return null;
    const answer = summary.totals[ask];
    // BatchNormalization's statistics, when its layer is not the frozen one
    const bn = withBn && at !== 1 ? summary.rows[1] : undefined;
    const mistakes: MistakeAnswer[] = [
      ...wrong('frozen-still-trainable', unfrozen.totals[ask], (v) => ({
        en: `${v} is the count with \`${frozen.name}\` still training. \`trainable=False\` moves all ${n(frozen.params)} of its parameters to non-trainable.`,
        'zh-cn': `${v} 是 \`${frozen.name}\` 仍参与训练时的数。\`trainable=False\` 会把它的全部 ${n(frozen.params)} 个参数移到不可训练参数里。`,
      })),
      ...(bn
        ? wrong('batch-norm-all-trainable', ask === 'trainable' ? answer + bn.nonTrainable : answer - bn.nonTrainable, (v) => ({
            en: `${v} counts BatchNormalization's moving mean and variance (${n(bn.nonTrainable)}) as trainable. They never train, frozen or not.`,
            'zh-cn': `${v} 把批量归一化的移动均值和移动方差（${n(bn.nonTrainable)} 个）算成了可训练参数。无论是否冻结，它们都不参与训练。`,
          }))
        : []),
    ];
    return draft(model, summary, ask, mistakes);
  },
};
