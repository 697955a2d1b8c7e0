/**
 * Whole-model questions: the total of a small model shown as Keras code, which layer holds the
 * most parameters, the argument that gives a count, and a model that calls one layer twice.
 * Every number is the engine's (a model's summary, a layer's row); a mistake's number is the
 * engine's answer for the model or layer built the mistaken way (no biases, a convolution on the
 * image's channels, the shared layer's row added again).
 */
import { evaluate, formulaText, groupDigits, type SequentialModel, type Term } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';
import { formulaInWords, formulaSolution } from '../hints.ts';
import { callText, rowOf, shapeCode, summaryOf } from '../layer.ts';
import type { Draft, MistakeAnswer, Option, Rng, Template, Text } from '../types.ts';
import {
  codeOf,
  drawCnn,
  drawMlp,
  drawShared,
  equationsOf,
  formulasInWords,
  functionalWithoutBias,
  namedCode,
  shortOf,
  substitutedRows,
  sumText,
  weighted,
  withoutBias,
  type Drawn,
  unlessGivenAway,
} from './models-draw.ts';

const wrong = (mistake: string, value: number | undefined, note: Text): MistakeAnswer[] =>
  value === undefined ? [] : [{ mistake, value, note }];

/** The model's total with each Conv2D after the first counted on the image's channels (wrong-input-channels), or undefined when no layer changes. */
export function imageChannelsTotal(drawn: Drawn): { total: number; row: Row; asIf: number } | undefined {
  let total = 0;
  let first: { row: Row; asIf: number } | undefined;
  drawn.summary.rows.forEach((row, i) => {
    const layer = drawn.model.layers[i]!;
    const input = row.inputShapes[0];
    const readsChannels = row.formula !== undefined && JSON.stringify(row.formula).includes('"input channels"');
    const onImage =
      readsChannels && input && input.length === 4 && input[3] !== drawn.inputLast
        ? rowOf({ type: layer.type, ...(layer.args ? { args: layer.args } : {}), input: [...input.slice(0, 3), drawn.inputLast] })
        : null;
    if (onImage && !first) first = { row, asIf: onImage.params };
    total += onImage ? onImage.params : row.params;
  });
  return first ? { total, ...first } : undefined;
}

/** Hints for a total: the formulas in words, the numbers substituted per layer, the rows' counts to add. */
function totalHints(rows: readonly Row[], lead: Text): [Text, Text, Text] {
  const words = formulasInWords(rows);
  return [
    {
      en: `${lead.en} The total is the sum of the layers' counts; layers without weights add 0. ${words.en}.`,
      'zh-cn': `${lead['zh-cn']}总参数量是各层参数量之和；没有权重的层贡献 0。${words['zh-cn']}。`,
    },
    { en: `Here: ${substitutedRows(rows).en}.`, 'zh-cn': `代入这道题的数：${substitutedRows(rows)['zh-cn']}。` },
    { en: `Work it out: \`${rows.map(shortOf).join(' + ')} = ?\``, 'zh-cn': `算一算：\`${rows.map(shortOf).join(' + ')} = ？\`` },
  ];
}

function totalSolution(rows: readonly Row[], total: number, after?: Text): Text {
  return {
    en: `${equationsOf(rows).en}. Total: \`${sumText(rows)} = ${groupDigits(total)}\`.${after ? ` ${after.en}` : ''}`,
    'zh-cn': `${equationsOf(rows)['zh-cn']}。总数：\`${sumText(rows)} = ${groupDigits(total)}\`。${after ? after['zh-cn'] : ''}`,
  };
}

export const modelTotal: Template = {
  id: 'model-total',
  skill: 'model-total',
  lessons: ['putting-it-together'],
  covers: ['Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense'],
  mistakes: ['forgot-bias', 'wrong-input-channels'],
  draw(rng) {
    const drawn = rng.chance(0.7) ? drawCnn(rng) : drawMlp(rng);
    if (!drawn) return null;
    const total = drawn.summary.totals.params;
    const noBias = summaryOf(withoutBias(drawn.model))?.totals.params;
    const image = imageChannelsTotal(drawn);
    const rows = weighted(drawn.summary);
    const biases = noBias === undefined ? 0 : total - noBias;
    const mistakes: MistakeAnswer[] = [
      ...wrong('forgot-bias', noBias, {
        en: `${groupDigits(noBias ?? 0)} leaves out the ${groupDigits(biases)} biases, one per filter or unit of each layer.`,
        'zh-cn': `${groupDigits(noBias ?? 0)} 漏掉了 ${groupDigits(biases)} 个偏置：每层的每个滤波器或单元各有一个。`,
      }),
    ];
    if (image) {
      const ch = image.row.inputShapes[0]![3];
      mistakes.push(
        ...wrong('wrong-input-channels', image.total, {
          en: `\`${image.row.name}\` receives ${ch} channels from the layer before it, not the image's ${drawn.inputLast}: it holds ${groupDigits(image.row.params)} parameters, not ${groupDigits(image.asIf)}.`,
          'zh-cn': `\`${image.row.name}\` 收到的是上一层输出的 ${ch} 个通道，而不是图片的 ${drawn.inputLast} 个：它有 ${groupDigits(image.row.params)} 个参数，而不是 ${groupDigits(image.asIf)} 个。`,
        }),
      );
    }
    return unlessGivenAway({
      prompt: {
        en: 'How many parameters does this model have in total (the `Total params` line of its summary)?',
        'zh-cn': '这个模型一共有多少个参数（即它的摘要里 `Total params` 这一行）？',
      },
      display: { kind: 'code', text: { en: codeOf(drawn.model), 'zh-cn': codeOf(drawn.model) } },
      response: { kind: 'blanks', blanks: [{ id: 'total', expected: { kind: 'count', value: total }, mistakes }] },
      about: { kind: 'model', model: drawn.model, ask: 'params' },
      hints: totalHints(rows, {
        en: 'Follow the shapes from the input down: each layer reads the one before it.',
        'zh-cn': '从输入开始逐层推算形状：每一层读取上一层的输出。',
      }),
      solution: totalSolution(rows, total),
    });
  },
};

export const sharedLayerTotal: Template = {
  id: 'shared-layer-total',
  skill: 'model-total',
  lessons: ['putting-it-together'],
  covers: ['Dense', 'Concatenate', 'Add'],
  mistakes: ['shared-layer-twice', 'forgot-bias'],
  draw(rng) {
    const drawn = drawShared(rng);
    if (!drawn) return null;
    const total = drawn.summary.totals.params;
    // The layer the code calls on both inputs (drawShared names it `dense`).
    const sharedRow = drawn.summary.rows.find((r) => r.name === 'dense');
    if (!sharedRow) return null;
    const noBias = summaryOf(functionalWithoutBias(drawn.model))?.totals.params;
    const rows = weighted(drawn.summary);
    return unlessGivenAway({
      prompt: {
        en: 'This model calls one `Dense` layer on both of its inputs. How many parameters does it have in total?',
        'zh-cn': '这个模型在两个输入上调用同一个 `Dense` 层。它一共有多少个参数？',
      },
      display: { kind: 'code', text: { en: codeOf(drawn.model), 'zh-cn': codeOf(drawn.model) } },
      response: {
        kind: 'blanks',
        blanks: [
          {
            id: 'total',
            expected: { kind: 'count', value: total },
            mistakes: [
              ...wrong('shared-layer-twice', total + sharedRow.params, {
                en: `\`${sharedRow.name}\` is one layer called twice: its ${groupDigits(sharedRow.params)} parameters count once, not twice.`,
                'zh-cn': `\`${sharedRow.name}\` 是同一个层被调用了两次：它的 ${groupDigits(sharedRow.params)} 个参数只算一次。`,
              }),
              ...wrong('forgot-bias', noBias, {
                en: `${groupDigits(noBias ?? 0)} leaves out the ${groupDigits(total - (noBias ?? 0))} biases, one per unit of each \`Dense\` layer.`,
                'zh-cn': `${groupDigits(noBias ?? 0)} 漏掉了 ${groupDigits(total - (noBias ?? 0))} 个偏置：每个 \`Dense\` 层的每个单元各有一个。`,
              }),
            ],
          },
        ],
      },
      about: { kind: 'model', model: drawn.model, ask: 'params' },
      hints: totalHints(rows, {
        en: `A layer called twice has one set of weights: \`${sharedRow.name}\` counts once.`,
        'zh-cn': `被调用两次的层只有一组权重：\`${sharedRow.name}\` 只算一次。`,
      }),
      solution: totalSolution(rows, total),
    });
  },
};

/** The index of the largest value, or -1 when the largest is shared. */
function uniqueMax(values: readonly number[]): number {
  const max = Math.max(...values);
  const at = values.flatMap((v, i) => (v === max ? [i] : []));
  return at.length === 1 ? at[0]! : -1;
}

/** A largest-layer draft and the model it shows (tests count its layers by hand). */
export function drawLargest(rng: Rng): { draft: Draft; model: SequentialModel } | null {
  const drawn = drawCnn(rng);
  if (!drawn) return null;
  const rows = weighted(drawn.summary);
  if (rows.length < 3) return null;
  const right = uniqueMax(rows.map((r) => r.params));
  if (right < 0) return null;
  // Multiplied by the image size: a convolution's count times its input's height × width (the mistake is that product).
  const timesArea = rows.map((r) => {
    const input = r.inputShapes[0]!;
    return input.length === 4 ? r.params * (input[1] ?? 1) * (input[2] ?? 1) : r.params;
  });
  // Flatten forgotten: the first layer with weights after Flatten counted on the channels alone (the engine asked on that input).
  const all = drawn.summary.rows;
  const flattenAt = all.findIndex((r) => r.steps.some((step) => step.rule === 'product'));
  const flatInput = flattenAt >= 0 ? all[flattenAt]!.inputShapes[0] : undefined;
  const denseAt = flattenAt >= 0 ? all.findIndex((r, i) => i > flattenAt && r.params > 0) : -1;
  const denseAfter = denseAt >= 0 ? all[denseAt]! : undefined;
  const denseLayer = denseAt >= 0 ? drawn.model.layers[denseAt]! : undefined;
  const asOnChannels =
    denseLayer && flatInput
      ? rowOf({
          type: denseLayer.type,
          ...(denseLayer.args ? { args: denseLayer.args } : {}),
          input: [null, flatInput[flatInput.length - 1] ?? null],
        })?.params
      : undefined;
  const unflattened = rows.map((r) => (r === denseAfter && asOnChannels !== undefined ? asOnChannels : r.params));
  const options: Option[] = rows.map((r) => ({ id: r.name, label: { en: `\`${r.name}\``, 'zh-cn': `\`${r.name}\`` } }));
  const area = uniqueMax(timesArea);
  if (area >= 0 && area !== right) {
    const r = rows[area]!;
    const shape = shapeCode(r.inputShapes[0]!);
    options[area] = {
      ...options[area]!,
      mistake: 'image-size-and-params',
      note: {
        en: `\`${r.name}\` slides the same ${groupDigits(r.params)} weights over its \`${shape}\` input; the height and width do not multiply its count.`,
        'zh-cn': `\`${r.name}\` 在 \`${shape}\` 的输入上滑动同一组 ${groupDigits(r.params)} 个权重；高和宽不会乘进它的参数量。`,
      },
    };
  }
  const flat = uniqueMax(unflattened);
  if (flat >= 0 && flat !== right && !options[flat]!.mistake && flatInput && denseAfter && denseAfter === rows[right]) {
    const dense = denseAfter;
    const size = flatInput.slice(1).join(' × ');
    options[flat] = {
      ...options[flat]!,
      mistake: 'flatten-size',
      note: {
        en: `\`${dense.name}\` reads all ${size} values that \`Flatten\` hands on, not only the channels: it holds ${groupDigits(dense.params)} parameters.`,
        'zh-cn': `\`${dense.name}\` 读取 \`Flatten\` 交给它的全部 ${size} 个值，而不只是通道：它有 ${groupDigits(dense.params)} 个参数。`,
      },
    };
  }
  const code = namedCode(drawn);
  const draft: Draft = {
    prompt: {
      en: 'Which layer of this model holds the most parameters?',
      'zh-cn': '这个模型里哪一层的参数最多？',
    },
    display: { kind: 'code', text: { en: code, 'zh-cn': code } },
    response: { kind: 'choice', options: rng.shuffle(options), correct: rows[right]!.name },
    hints: [
      {
        en: `Count every layer with weights; pooling, \`Flatten\` and \`Dropout\` have none. ${formulasInWords(rows).en}.`,
        'zh-cn': `数出每个有权重的层；池化、\`Flatten\` 和 \`Dropout\` 没有权重。${formulasInWords(rows)['zh-cn']}。`,
      },
      { en: `Here: ${substitutedRows(rows).en}.`, 'zh-cn': `代入这道题的数：${substitutedRows(rows)['zh-cn']}。` },
      {
        en: `Work them out and compare: ${rows.map((r) => `\`${r.name}\`: \`${shortOf(r)}\``).join(', ')}.`,
        'zh-cn': `算出来再比较：${rows.map((r) => `\`${r.name}\`：\`${shortOf(r)}\``).join('，')}。`,
      },
    ],
    solution: {
      en: `${equationsOf(rows).en}. The largest is \`${rows[right]!.name}\`.`,
      'zh-cn': `${equationsOf(rows)['zh-cn']}。最大的是 \`${rows[right]!.name}\`。`,
    },
  };
  return { draft, model: drawn.model };
}

export const largestLayer: Template = {
  id: 'largest-layer',
  skill: 'largest-layer',
  lessons: ['putting-it-together', 'dense'],
  covers: ['Conv2D', 'Dense'],
  mistakes: ['image-size-and-params', 'flatten-size'],
  draw: (rng) => drawLargest(rng)?.draft ?? null,
};

/** The formula with the asked argument written as a name: `units × (128 + 1)`. */
function withUnknown(term: Term, arg: string, name: string, parent?: '×' | '+' | '/'): string {
  if (term.kind === 'num') return term.arg === arg ? name : groupDigits(term.value);
  const inner = term.terms.map((t) => withUnknown(t, arg, name, term.op)).join(` ${term.op} `);
  return parent === '×' && term.op === '+' && term.terms.length > 1 ? `(${inner})` : inner;
}

/**
 * The value of an argument in [1, 1024] for which the engine's count is `count`, by bisection
 * (a count grows with `units` or `filters`), or undefined when no whole value gives it.
 */
export function argumentFor(count: number, at: (value: number) => number | undefined): number | undefined {
  let lo = 1;
  let hi = 1024;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const c = at(mid);
    if (c === undefined) return undefined;
    if (c === count) return mid;
    if (c < count) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function findDense(rng: Rng): Draft | null {
  const features = rng.pick([8, 10, 16, 20, 32, 50, 64, 100, 128, 256, 512, 784]);
  const units = rng.pick([4, 8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 512]);
  const input = [null, features];
  const row = rowOf({ type: 'Dense', args: { units }, input });
  if (!row?.formula) return null;
  const count = row.params;
  const at = (use_bias: boolean) => (u: number) => rowOf({ type: 'Dense', args: { units: u, use_bias }, input })?.params;
  const answer = argumentFor(count, at(true));
  if (answer !== units) return null;
  const noBias = argumentFor(count, at(false));
  const code = callText('Dense', ['?']).replace('"?"', '?');
  return findDraft({
    prompt: {
      en: `\`${code}\` receives \`${shapeCode(input)}\` and has ${groupDigits(count)} parameters. What is \`units\`?`,
      'zh-cn': `\`${code}\` 的输入是 \`${shapeCode(input)}\`，它有 ${groupDigits(count)} 个参数。\`units\` 是多少？`,
    },
    row,
    arg: 'units',
    answer,
    mistakes: wrong('forgot-bias', noBias, {
      en: `${noBias} units would give ${groupDigits(count)} weights without their biases. Each unit also has a bias: divide by ${features} + 1, not ${features}.`,
      'zh-cn': `${noBias} 个单元不算偏置时正好是 ${groupDigits(count)} 个权重。每个单元还有一个偏置：应该除以 ${features} + 1，而不是 ${features}。`,
    }),
  });
}

function findConv(rng: Rng): Draft | null {
  const channels = rng.pick([1, 3, 8, 16, 32, 64]);
  const k = rng.pick([1, 3, 3, 5]);
  const filters = rng.pick([4, 8, 16, 24, 32, 48, 64, 96, 128, 256]);
  const input = [null, 28, 28, channels];
  const row = rowOf({ type: 'Conv2D', args: { filters, kernel_size: k }, input });
  if (!row?.formula) return null;
  const count = row.params;
  const at =
    (use_bias: boolean, ch: number) =>
    (f: number): number | undefined =>
      rowOf({ type: 'Conv2D', args: { filters: f, kernel_size: k, use_bias }, input: [null, 28, 28, ch] })?.params;
  const answer = argumentFor(count, at(true, channels));
  if (answer !== filters) return null;
  const noBias = argumentFor(count, at(false, channels));
  const oneChannel = channels === 1 ? undefined : argumentFor(count, at(true, 1));
  const code = callText('Conv2D', ['?', k]).replace('"?"', '?');
  return findDraft({
    prompt: {
      en: `\`${code}\` receives \`${shapeCode(input)}\` and has ${groupDigits(count)} parameters. How many filters does it have?`,
      'zh-cn': `\`${code}\` 的输入是 \`${shapeCode(input)}\`，它有 ${groupDigits(count)} 个参数。它有多少个滤波器？`,
    },
    row,
    arg: 'filters',
    answer,
    mistakes: [
      ...wrong('forgot-bias', noBias, {
        en: `${noBias} filters would give ${groupDigits(count)} weights without their biases. Each filter also has a bias: divide by ${channels} × ${k} × ${k} + 1, not ${channels} × ${k} × ${k}.`,
        'zh-cn': `${noBias} 个滤波器不算偏置时正好是 ${groupDigits(count)} 个权重。每个滤波器还有一个偏置：应该除以 ${channels} × ${k} × ${k} + 1，而不是 ${channels} × ${k} × ${k}。`,
      }),
      ...wrong('kernel-ignores-channels', oneChannel, {
        en: `Each filter spans all ${channels} input channels: ${k} × ${k} × ${channels} + 1 numbers, not ${k} × ${k} + 1.`,
        'zh-cn': `每个滤波器覆盖全部 ${channels} 个输入通道：有 ${k} × ${k} × ${channels} + 1 个数，而不是 ${k} × ${k} + 1 个。`,
      }),
    ],
  });
}

function findDraft(o: { prompt: Text; row: Row; arg: string; answer: number; mistakes: MistakeAnswer[] }): Draft | null {
  const formula = o.row.formula!;
  if (formula.kind !== 'op' || formula.op !== '×') return null;
  const rest = formula.terms.filter((t) => !(t.kind === 'num' && t.arg === o.arg));
  if (rest.length !== formula.terms.length - 1) return null;
  const restTerm: Term = rest.length === 1 ? rest[0]! : { kind: 'op', op: '×', terms: rest };
  const count = groupDigits(o.row.params);
  const per = groupDigits(evaluate(restTerm));
  const restText = restTerm.kind === 'op' && restTerm.terms.length > 1 ? `(${formulaText(restTerm)})` : formulaText(restTerm);
  const words = formulaInWords(formula);
  return unlessGivenAway({
    prompt: o.prompt,
    response: { kind: 'blanks', blanks: [{ id: o.arg, expected: { kind: 'count', value: o.answer }, mistakes: o.mistakes }] },
    hints: [
      {
        en: `The count is \`${words.en}\`; solve it for \`${o.arg}\`.`,
        'zh-cn': `参数量是 \`${words['zh-cn']}\`；由它解出 \`${o.arg}\`。`,
      },
      {
        en: `Here: \`${withUnknown(formula, o.arg, o.arg)} = ${count}\`.`,
        'zh-cn': `代入这道题的数：\`${withUnknown(formula, o.arg, o.arg)} = ${count}\`。`,
      },
      {
        en: `Divide: \`${o.arg} = ${count} / ${restText} = ${count} / ${per} = ?\``,
        'zh-cn': `做除法：\`${o.arg} = ${count} / ${restText} = ${count} / ${per} = ？\``,
      },
    ],
    solution: {
      en: `\`${o.arg} = ${count} / ${per} = ${o.answer}\`. Check: ${formulaSolution(formula).en}`,
      'zh-cn': `\`${o.arg} = ${count} / ${per} = ${o.answer}\`。验算：${formulaSolution(formula)['zh-cn']}`,
    },
  });
}

export const findUnits: Template = {
  id: 'find-units',
  skill: 'find-argument',
  lessons: ['dense'],
  covers: ['Dense'],
  mistakes: ['forgot-bias'],
  draw: findDense,
};

export const findFilters: Template = {
  id: 'find-filters',
  skill: 'find-argument',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['forgot-bias', 'kernel-ignores-channels'],
  draw: findConv,
};

export const modelTemplates: readonly Template[] = [modelTotal, sharedLayerTotal, largestLayer, findUnits, findFilters];
