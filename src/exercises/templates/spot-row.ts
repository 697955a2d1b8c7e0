/**
 * Spot the wrong row: a model's Keras 3 summary where one row's Param # is the number a known
 * mistake gives (the engine asked the mistaken way: no bias, one input channel, the image's
 * channels, BatchNormalization's trainable half). The Total lines stay Keras's totals for the
 * real model, so the column no longer adds up — a second way to see that something is off.
 */
import { equationText, formulaText, groupDigits } from '@calc/basics.ts';
import type { Row, Summary } from '@calc/engine.ts';
import { renderKeras3 } from '@calc/render.ts';
import { mistake } from '../mistakes.ts';
import { rowOf, shapeCode, summaryOf } from '../layer.ts';
import type { Draft, MistakeId, Option, Rng, Template, Text } from '../types.ts';
import { drawSmallCnn, formulasInWords, type Part, rowLabel } from './order.ts';

interface Wrong {
  mistake: MistakeId;
  value: number;
  /** The mistaken arithmetic, when the engine's mistaken row has a formula. */
  equation?: string;
}

/** The Param # a mistake gives for row `i` of the model, asked of the engine. */
function mistakenValues(small: ReturnType<typeof drawSmallCnn>, summary: Summary, i: number, part: Part): Wrong[] {
  const row = summary.rows[i]!;
  const layer = small.model.layers[i]!;
  const out: Wrong[] = [];
  const input = row.inputShapes[0] ?? [];
  const inChannels = input[input.length - 1];
  const fromRow = (id: MistakeId, r: Row | null | undefined): void => {
    if (r) out.push({ mistake: id, value: r.params, ...(r.formula ? { equation: equationText(r.formula) } : {}) });
  };
  if (part === 'conv' || part === 'dense') {
    const layers = small.model.layers.map((l, j) => (j === i ? { ...l, args: { ...l.args, use_bias: false } } : l));
    fromRow('forgot-bias', summaryOf({ ...small.model, layers })?.rows[i]);
  }
  if (part === 'conv' && inChannels !== 1) {
    fromRow('kernel-ignores-channels', rowOf({ type: layer.type, args: layer.args ?? {}, input: [...input.slice(0, -1), 1] }));
  }
  if (part === 'conv' && inChannels !== small.channels) {
    fromRow('wrong-input-channels', rowOf({ type: layer.type, args: layer.args ?? {}, input: [...input.slice(0, -1), small.channels] }));
  }
  if (part === 'norm') out.push({ mistake: 'batch-norm-trainable-only', value: row.trainable });
  // A number two mistakes both give would not say which one was made: keep the first.
  return out.filter((w, j) => w.value !== row.params && out.findIndex((o) => o.value === w.value) === j);
}

/** Each option's line range in the printed table: from the line its name starts to the line before the next rule. */
function rowRanges(text: string, names: readonly string[]): { option: string; from: number; to: number }[] | null {
  const lines = text.split('\n');
  const ranges: { option: string; from: number; to: number }[] = [];
  for (const name of names) {
    const from = lines.findIndex((l) => l.startsWith(`│ ${name} `));
    if (from < 0) return null;
    let to = from;
    while (to + 1 < lines.length && lines[to + 1]!.startsWith('│')) to++;
    ranges.push({ option: name, from, to });
  }
  return ranges;
}

function draft(rng: Rng, norm: boolean): Draft | null {
  const small = drawSmallCnn(rng, { norm });
  const summary = summaryOf(small.model);
  if (!summary || summary.rows.length !== small.layers.length) return null;
  const weighted = summary.rows.map((row, i) => ({ row, i, ...small.layers[i]! })).filter((x) => x.row.params > 0);
  const candidates = weighted
    .filter((x) => !norm || x.part === 'norm' || rng.chance(0.3))
    .flatMap((x) => mistakenValues(small, summary, x.i, x.part).map((wrong) => ({ ...x, wrong })));
  if (candidates.length === 0) return null;
  const pick = rng.pick(candidates);
  const shown: Summary = { ...summary, rows: summary.rows.map((r, i) => (i === pick.i ? { ...r, params: pick.wrong.value } : r)) };
  const text = renderKeras3(shown);
  const rows = rowRanges(
    text,
    weighted.map((x) => x.row.name),
  );
  if (!rows) return null;
  const eq = (r: Row): string => (r.formula ? equationText(r.formula) : groupDigits(r.params));
  const options: Option[] = weighted.map((x) =>
    x.i === pick.i
      ? { id: x.row.name, label: rowLabel(x.row, x.call) }
      : {
          id: x.row.name,
          label: rowLabel(x.row, x.call),
          note: {
            en: `\`${x.row.name}\` prints \`${eq(x.row)}\`: that row is right.`,
            'zh-cn': `\`${x.row.name}\` 这一行是 \`${eq(x.row)}\`，是对的。`,
          },
        },
  );
  const total = summary.totals.params;
  const sum = total - pick.row.params + pick.wrong.value;
  const diff = Math.abs(sum - total);
  const over = sum > total;
  const title = mistake(pick.wrong.mistake).title;
  const name = `\`${pick.row.name}\``;
  const mistakenEq = pick.wrong.equation ? ` (\`${pick.wrong.equation}\`)` : '';
  const mistakenEqZh = pick.wrong.equation ? `（\`${pick.wrong.equation}\`）` : '';
  const inWords = formulasInWords(weighted);
  const inputCode = shapeCode(small.model.input ?? []);
  const formula = (r: Row): string => (r.formula ? formulaText(r.formula) : groupDigits(r.params));
  const substituted: Text = {
    en: weighted.map((x) => `\`${x.row.name}\`: \`${formula(x.row)}\``).join('; '),
    'zh-cn': weighted.map((x) => `\`${x.row.name}\`：\`${formula(x.row)}\``).join('；'),
  };
  return {
    prompt: {
      en: `A model whose input is \`${inputCode}\` prints this \`model.summary()\`, but one row shows a \`Param #\` that Keras would not print; the three lines under the table are what Keras prints. Which row is wrong?`,
      'zh-cn': `一个输入为 \`${inputCode}\` 的模型打印出这份 \`model.summary()\`，但其中有一行的 \`Param #\` 不是 Keras 会打印的数；表格下面的三行是 Keras 打印的原样。哪一行错了？`,
    },
    display: { kind: 'summary', text: { en: text, 'zh-cn': text }, rows },
    response: { kind: 'choice', options: rng.shuffle(options), correct: pick.row.name },
    hints: [
      {
        en: `Work out each layer's count from its call and input: ${inWords.en}. Compare each with its \`Param #\`.`,
        'zh-cn': `根据每一层的调用和输入算出它的参数量：${inWords['zh-cn']}。再和它的 \`Param #\` 对照。`,
      },
      {
        en: `The \`Param #\` column should add up to \`Total params\`, ${groupDigits(total)}; here it adds up to ${groupDigits(sum)}, ${groupDigits(diff)} too ${over ? 'many' : 'few'}. With this model's numbers: ${substituted.en}.`,
        'zh-cn': `\`Param #\` 这一列加起来应当等于 \`Total params\`，即 ${groupDigits(total)}；这里加起来是 ${groupDigits(sum)}，${over ? '多了' : '少了'} ${groupDigits(diff)}。代入这个模型的数：${substituted['zh-cn']}。`,
      },
      {
        en: `One row is off by exactly ${groupDigits(diff)}: which layer's count could that be the ${over ? 'extra' : 'missing'} part of?`,
        'zh-cn': `有一行正好差了 ${groupDigits(diff)}：这会是哪一层的参数量里${over ? '多算' : '漏掉'}的那一部分？`,
      },
    ],
    solution: {
      en: `${name} is the wrong row: it shows ${groupDigits(pick.wrong.value)}, what “${title.en}” gives${mistakenEq}. Keras prints \`${eq(pick.row)}\`. The Total line is Keras's total for the real model, ${groupDigits(total)}; the printed rows add up to ${groupDigits(sum)}, ${groupDigits(diff)} too ${over ? 'many' : 'few'}.`,
      'zh-cn': `错的是 ${name} 这一行：它写的是 ${groupDigits(pick.wrong.value)}，正是“${title['zh-cn']}”会得到的数${mistakenEqZh}。Keras 打印的是 \`${eq(pick.row)}\`。Total params 是 Keras 对真实模型算出的总数 ${groupDigits(total)}；表中各行加起来是 ${groupDigits(sum)}，${over ? '多了' : '少了'} ${groupDigits(diff)}。`,
    },
  };
}

export const spotWrongRow: Template = {
  id: 'spot-wrong-row',
  skill: 'spot-wrong-row',
  lessons: ['putting-it-together', 'case-studies'],
  covers: ['Conv2D', 'Dense'],
  mistakes: ['forgot-bias', 'kernel-ignores-channels', 'wrong-input-channels'],
  draw: (rng) => draft(rng, false),
};

export const spotWrongRowNorm: Template = {
  id: 'spot-wrong-row-bn',
  skill: 'spot-wrong-row',
  lessons: ['batch-normalization', 'case-studies'],
  covers: ['Conv2D', 'Dense', 'BatchNormalization'],
  mistakes: ['forgot-bias', 'kernel-ignores-channels', 'wrong-input-channels', 'batch-norm-trainable-only'],
  draw: (rng) => draft(rng, true),
};
