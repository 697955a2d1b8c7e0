/**
 * Summary questions: a model's Keras 3 `model.summary()` printout, exactly as the engine renders
 * it, with some cells replaced by `▢` (padded to the cell's width, so the table stays aligned).
 * `summary-cells` hides a layer's Param # and another's Output Shape (worked out from the layer
 * formulas and shape rules); `summary-totals` hides the Total and Trainable lines (worked out by
 * adding the Param # column and subtracting the Non-trainable line).
 */
import { groupDigits, outputText, type Dim, type ModelLayer, type SequentialModel } from '@calc/basics.ts';
import type { Row, Summary } from '@calc/engine.ts';
import { renderKeras3 } from '@calc/render.ts';
import { formulaHints, formulaSolution } from '../hints.ts';
import { rowOf, summaryOf } from '../layer.ts';
import type { Blank, Draft, MistakeAnswer, Rng, Template, Text } from '../types.ts';
import { drawCnn, drawMlp, givesAway, sumText, weighted, type Drawn } from './models-draw.ts';
import { ceilShape, singleShape } from './shapes.ts';
import { windowShapeHints, windowShapeSolution } from './shapes-hints.ts';

/** What marks a missing cell. */
export const BLANK_MARK = '▢';

/** The printout's line for a row: `│ conv2d_1 (Conv2D) │ …`. */
function rowLine(lines: readonly string[], row: Row): number {
  const at = lines.findIndex((l) => l.startsWith(`│ ${row.name} (${row.type})`));
  if (at < 0) throw new Error(`summary printout: no line for ${row.name}`);
  return at;
}

/**
 * The line with one cell's text replaced by the mark, padded so the cell keeps its width: on the
 * left for a right-justified cell (Param #), on the right otherwise.
 */
function blankCell(line: string, column: number, text: string, right: boolean): string {
  const cells = line.split('│');
  const cell = cells[column]!;
  const at = right ? cell.lastIndexOf(text) : cell.indexOf(text);
  if (at < 0) throw new Error(`summary printout: "${text}" is not in cell ${column} of ${line}`);
  const mark = right ? BLANK_MARK.padStart(text.length) : BLANK_MARK.padEnd(text.length);
  cells[column] = cell.slice(0, at) + mark + cell.slice(at + text.length);
  return cells.join('│');
}

const differs = (a: Dim[] | undefined, b: Dim[]): boolean => a !== undefined && (a.length !== b.length || a.some((d, i) => d !== b[i]));

/** The mistakes for a Param # cell: the row without its bias; a convolution on the image's channels. */
function paramMistakes(drawn: Drawn, row: Row, layer: ModelLayer): MistakeAnswer[] {
  const input = row.inputShapes[0]!;
  const call = { type: layer.type, ...(layer.args ? { args: layer.args } : {}) };
  const out: MistakeAnswer[] = [];
  const noBias = rowOf({ ...call, args: { ...layer.args, use_bias: false }, input })?.params;
  if (noBias !== undefined && noBias !== row.params)
    out.push({
      mistake: 'forgot-bias',
      value: noBias,
      note: {
        en: `${groupDigits(noBias)} is \`${row.name}\`'s weights alone; its ${groupDigits(row.params - noBias)} biases are part of the count.`,
        'zh-cn': `${groupDigits(noBias)} 只是 \`${row.name}\` 的权重；它的 ${groupDigits(row.params - noBias)} 个偏置也要算进去。`,
      },
    });
  const readsChannels = row.formula !== undefined && JSON.stringify(row.formula).includes('"input channels"');
  if (readsChannels && input.length === 4 && input[3] !== drawn.inputLast) {
    const onImage = rowOf({ ...call, input: [...input.slice(0, 3), drawn.inputLast] })?.params;
    if (onImage !== undefined && onImage !== noBias)
      out.push({
        mistake: 'wrong-input-channels',
        value: onImage,
        note: {
          en: `\`${row.name}\` reads the ${input[3]} channels of the row above it (\`${outputText(input)}\`), not the image's ${drawn.inputLast}.`,
          'zh-cn': `\`${row.name}\` 读取的是上一行输出的 ${input[3]} 个通道（\`${outputText(input)}\`），而不是图片的 ${drawn.inputLast} 个。`,
        },
      });
  }
  return out;
}

/** The mistakes for an Output Shape cell: valid read as same, the pooling stride taken as 1, rounding up. */
function shapeMistakes(row: Row, layer: ModelLayer): MistakeAnswer[] {
  const input = row.inputShapes[0]!;
  const right = singleShape(row)!;
  const call = { type: layer.type, args: { ...layer.args } };
  const out: MistakeAnswer[] = [];
  const add = (mistake: string, value: Dim[] | undefined, note: Text): void => {
    if (value && differs(value, right) && out.every((m) => differs(value, m.value as Dim[]))) out.push({ mistake, value, note });
  };
  const poolSize = layer.args?.pool_size;
  if (poolSize === undefined) {
    add('valid-as-same', singleShape(rowOf({ ...call, args: { ...call.args, padding: 'same' }, input })), {
      en: `\`${row.name}\` uses the default \`padding="valid"\`: the window must fit, so the map shrinks.`,
      'zh-cn': `\`${row.name}\` 用的是默认的 \`padding="valid"\`：窗口必须放得下，所以特征图会变小。`,
    });
  } else {
    add('pool-stride-default', singleShape(rowOf({ ...call, args: { ...call.args, strides: 1 }, input })), {
      en: `\`${row.name}\` leaves \`strides\` out, so its stride is \`pool_size\`, ${String(poolSize)}, not 1.`,
      'zh-cn': `\`${row.name}\` 没有写 \`strides\`，所以步幅等于 \`pool_size\`，即 ${String(poolSize)}，而不是 1。`,
    });
  }
  add('ceil-not-floor', ceilShape(row), {
    en: `Keras rounds down: the rows of \`${outputText(input)}\` that no whole window reaches are dropped.`,
    'zh-cn': `Keras 向下取整：\`${outputText(input)}\` 里放不下完整窗口的行会被丢掉。`,
  });
  return out;
}

/** The hint ladders of several cells, step by step, each led by its cell's label. */
function joinLadders(ladders: { label: Text; hints: [Text, Text, Text] }[]): [Text, Text, Text] {
  const step = (i: 0 | 1 | 2): Text => ({
    en: ladders.map((l) => `${l.label.en}: ${l.hints[i].en}`).join(' '),
    'zh-cn': ladders.map((l) => `${l.label['zh-cn']}：${l.hints[i]['zh-cn']}`).join(''),
  });
  return [step(0), step(1), step(2)];
}

const paramLabel = (row: Row): Text => ({ en: `\`Param #\` of \`${row.name}\``, 'zh-cn': `\`${row.name}\` 的 \`Param #\`` });
const shapeLabel = (row: Row): Text => ({ en: `\`Output Shape\` of \`${row.name}\``, 'zh-cn': `\`${row.name}\` 的 \`Output Shape\`` });

/** A summary-cells draft and the model it prints (tests fill the blanks and compare with the engine's printout). */
export function drawSummaryCells(rng: Rng): { draft: Draft; model: SequentialModel } | null {
  const drawn = drawCnn(rng);
  if (!drawn) return null;
  const rows = drawn.summary.rows;
  const shapeRows = rows.filter((r) => r.steps.some((s) => 'kernel' in s));
  const shapeRow = rng.pick(shapeRows);
  const paramRows = rng.shuffle(weighted(drawn.summary).filter((r) => r !== shapeRow)).slice(0, rng.chance(0.4) ? 2 : 1);
  if (paramRows.length === 0) return null;
  const layerOf = (row: Row): ModelLayer => drawn.model.layers[rows.indexOf(row)]!;
  const cells = [{ row: shapeRow, kind: 'shape' as const }, ...paramRows.map((row) => ({ row, kind: 'params' as const }))].sort(
    (a, b) => rows.indexOf(a.row) - rows.indexOf(b.row),
  );
  const lines = renderKeras3(drawn.summary).split('\n');
  const blanks: Blank[] = [];
  for (const cell of cells) {
    const at = rowLine(lines, cell.row);
    if (cell.kind === 'shape') {
      lines[at] = blankCell(lines[at]!, 2, outputText(cell.row.outputShape), false);
      blanks.push({
        id: `${cell.row.name}-shape`,
        label: shapeLabel(cell.row),
        expected: { kind: 'shape', value: singleShape(cell.row)! },
        mistakes: shapeMistakes(cell.row, layerOf(cell.row)),
      });
    } else {
      lines[at] = blankCell(lines[at]!, 3, groupDigits(cell.row.params), true);
      blanks.push({
        id: `${cell.row.name}-params`,
        label: paramLabel(cell.row),
        expected: { kind: 'count', value: cell.row.params },
        mistakes: paramMistakes(drawn, cell.row, layerOf(cell.row)),
      });
    }
  }
  if (cells.some((c) => !c.row.formula && c.kind === 'params')) return null;
  const text = lines.join('\n');
  const ladders = cells.map((c) =>
    c.kind === 'shape'
      ? { label: shapeLabel(c.row), hints: windowShapeHints(c.row) }
      : { label: paramLabel(c.row), hints: formulaHints(c.row.formula!) },
  );
  const solutions = cells.map((c) => ({
    label: c.kind === 'shape' ? shapeLabel(c.row) : paramLabel(c.row),
    text: c.kind === 'shape' ? windowShapeSolution(c.row) : formulaSolution(c.row.formula!),
  }));
  const draft: Draft = {
    prompt: {
      en: `Fill in the ${blanks.length} cells marked ${BLANK_MARK} in this \`model.summary()\`.`,
      'zh-cn': `填出这份 \`model.summary()\` 里标着 ${BLANK_MARK} 的 ${blanks.length} 个格子。`,
    },
    display: { kind: 'summary', text: { en: text, 'zh-cn': text } },
    response: { kind: 'blanks', blanks },
    hints: joinLadders(ladders),
    solution: {
      en: solutions.map((s) => `${s.label.en}: ${s.text.en}`).join(' '),
      'zh-cn': solutions.map((s) => `${s.label['zh-cn']}：${s.text['zh-cn']}`).join(''),
    },
  };
  return givesAway(draft) ? null : { draft, model: drawn.model };
}

export const summaryCells: Template = {
  id: 'summary-cells',
  skill: 'summary-cells',
  lessons: ['putting-it-together'],
  covers: ['Conv2D', 'MaxPooling2D', 'Dense'],
  mistakes: ['forgot-bias', 'wrong-input-channels', 'valid-as-same', 'pool-stride-default', 'ceil-not-floor'],
  draw: (rng) => drawSummaryCells(rng)?.draft ?? null,
};

/** A footer line without its memory size, its count replaced by the mark: ` Total params: ▢`. */
function blankFooter(lines: string[], label: string): void {
  const at = lines.findIndex((l) => l.startsWith(` ${label}: `));
  if (at < 0) throw new Error(`summary printout: no "${label}" line`);
  lines[at] = ` ${label}: ${BLANK_MARK}`;
}

/** The model with one weighted layer frozen (`trainable=False`), or null when it has none. */
function freezeOne(drawn: Drawn, index: number, summary: Summary): Drawn | null {
  const layers = drawn.model.layers.map((l, i) => (i === index ? { ...l, trainable: false } : l));
  const model = { ...drawn.model, layers };
  const frozen = summaryOf(model);
  return frozen && frozen.totals.params === summary.totals.params ? { model, summary: frozen, inputLast: drawn.inputLast } : null;
}

/** A summary-totals draft and the model it prints. */
export function drawSummaryTotals(rng: Rng): { draft: Draft; model: SequentialModel } | null {
  let drawn = rng.chance(0.6) ? drawCnn(rng) : drawMlp(rng);
  if (!drawn) return null;
  if (rng.chance(0.4)) {
    const candidates = drawn.summary.rows.flatMap((r, i) => (r.params > 0 ? [i] : []));
    drawn = freezeOne(drawn, rng.pick(candidates), drawn.summary);
    if (!drawn) return null;
  }
  const { totals, rows } = drawn.summary;
  const lines = renderKeras3(drawn.summary).split('\n');
  blankFooter(lines, 'Total params');
  blankFooter(lines, 'Trainable params');
  const text = lines.join('\n');
  const frozen = rows.filter((r) => !r.layerTrainable && r.params > 0);
  const nonTrainable = groupDigits(totals.nonTrainable);
  const sum = sumText(rows);
  const draft: Draft = {
    prompt: {
      en: `Fill in the two lines marked ${BLANK_MARK} under this \`model.summary()\`.`,
      'zh-cn': `填出这份 \`model.summary()\` 下方标着 ${BLANK_MARK} 的两行。`,
    },
    display: { kind: 'summary', text: { en: text, 'zh-cn': text } },
    response: {
      kind: 'blanks',
      blanks: [
        {
          id: 'total',
          label: { en: '`Total params`', 'zh-cn': '`Total params`' },
          expected: { kind: 'count', value: totals.params },
          mistakes: [],
        },
        {
          id: 'trainable',
          label: { en: '`Trainable params`', 'zh-cn': '`Trainable params`' },
          expected: { kind: 'count', value: totals.trainable },
          mistakes:
            frozen.length > 0
              ? [
                  {
                    mistake: 'frozen-still-trainable',
                    value: totals.params,
                    note: {
                      en: `\`${frozen[0]!.name}\` is frozen: its ${groupDigits(frozen[0]!.params)} parameters are the ${nonTrainable} on the \`Non-trainable params\` line, so they are not trainable.`,
                      'zh-cn': `\`${frozen[0]!.name}\` 被冻结了：它的 ${groupDigits(frozen[0]!.params)} 个参数就是 \`Non-trainable params\` 那一行的 ${nonTrainable} 个，不可训练。`,
                    },
                  },
                ]
              : [],
        },
      ],
    },
    hints: [
      {
        en: '`Total params` is the sum of the `Param #` column; `Trainable params` is the total minus the `Non-trainable params` line.',
        'zh-cn': '`Total params` 是 `Param #` 这一列的和；`Trainable params` 等于总数减去 `Non-trainable params` 那一行。',
      },
      {
        en: `The column reads \`${sum}\`, and \`Non-trainable params\` is ${nonTrainable}.`,
        'zh-cn': `这一列是 \`${sum}\`，\`Non-trainable params\` 是 ${nonTrainable}。`,
      },
      {
        en: `Work it out: \`${sum} = ?\`, then \`? − ${nonTrainable}\`.`,
        'zh-cn': `算一算：\`${sum} = ？\`，再算 \`？ − ${nonTrainable}\`。`,
      },
    ],
    solution: {
      en: `Total: \`${sum} = ${groupDigits(totals.params)}\`. Trainable: \`${groupDigits(totals.params)} − ${nonTrainable} = ${groupDigits(totals.trainable)}\`.`,
      'zh-cn': `总数：\`${sum} = ${groupDigits(totals.params)}\`。可训练：\`${groupDigits(totals.params)} − ${nonTrainable} = ${groupDigits(totals.trainable)}\`。`,
    },
  };
  return givesAway(draft) ? null : { draft, model: drawn.model };
}

export const summaryTotals: Template = {
  id: 'summary-totals',
  skill: 'summary-cells',
  lessons: ['reading-the-summary', 'putting-it-together'],
  covers: ['Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense'],
  mistakes: ['frozen-still-trainable'],
  draw: (rng) => drawSummaryTotals(rng)?.draft ?? null,
};

export const summaryTemplates: readonly Template[] = [summaryCells, summaryTotals];

/** A summary-missing-row draft and the model it prints. */
export function drawSummaryMissingRow(rng: Rng): { draft: Draft; model: SequentialModel } | null {
  const drawn = rng.chance(0.6) ? drawCnn(rng) : drawMlp(rng);
  if (!drawn) return null;
  const { rows, totals } = drawn.summary;
  const row = rng.pick(weighted(drawn.summary));
  const lines = renderKeras3(drawn.summary).split('\n');
  const at = rowLine(lines, row);
  lines[at] = blankCell(lines[at]!, 3, groupDigits(row.params), true);
  const others = rows.filter((r) => r !== row);
  const total = groupDigits(totals.params);
  const rest = sumText(others);
  const restSum = groupDigits(others.reduce((a, r) => a + r.params, 0));
  const text = lines.join('\n');
  const draft: Draft = {
    prompt: {
      en: `One \`Param #\` cell of this \`model.summary()\` is hidden (${BLANK_MARK}). What does it say?`,
      'zh-cn': `这份 \`model.summary()\` 里有一个 \`Param #\` 格子被遮住了（${BLANK_MARK}）。它的值是多少？`,
    },
    display: { kind: 'summary', text: { en: text, 'zh-cn': text } },
    response: {
      kind: 'blanks',
      blanks: [{ id: `${row.name}-params`, label: paramLabel(row), expected: { kind: 'count', value: row.params }, mistakes: [] }],
    },
    hints: [
      {
        en: '`Total params` is the sum of the `Param #` column, so the hidden cell is the total minus every other row.',
        'zh-cn': '`Total params` 是 `Param #` 这一列的和，所以被遮住的格子等于总数减去其他各行。',
      },
      { en: `Here: \`${total} − (${rest})\`.`, 'zh-cn': `代入这道题的数：\`${total} − (${rest})\`。` },
      { en: `Work it out: \`${total} − ${restSum} = ?\``, 'zh-cn': `算一算：\`${total} − ${restSum} = ？\`` },
    ],
    solution: {
      en: `The hidden cell: \`${total} − (${rest}) = ${total} − ${restSum} = ${groupDigits(row.params)}\`.`,
      'zh-cn': `被遮住的格子：\`${total} − (${rest}) = ${total} − ${restSum} = ${groupDigits(row.params)}\`。`,
    },
  };
  return givesAway(draft) ? null : { draft, model: drawn.model };
}

export const summaryMissingRow: Template = {
  id: 'summary-missing-row',
  skill: 'summary-cells',
  lessons: ['reading-the-summary'],
  covers: ['Conv2D', 'Dense'],
  mistakes: [],
  draw: (rng) => drawSummaryMissingRow(rng)?.draft ?? null,
};

/** The printout with the memory size of the Total and Trainable lines hidden: ` Total params: 9,861 (▢)`. */
function hideSize(lines: string[], label: string): void {
  const at = lines.findIndex((l) => l.startsWith(` ${label}: `));
  if (at < 0) throw new Error(`summary printout: no "${label}" line`);
  lines[at] = lines[at]!.replace(/\(.*\)$/, `(${BLANK_MARK})`);
}

/** A summary-bytes draft and the model it prints. */
export function drawSummaryBytes(rng: Rng): { draft: Draft; model: SequentialModel } | null {
  const drawn = rng.chance(0.6) ? drawCnn(rng) : drawMlp(rng);
  if (!drawn) return null;
  const { totals } = drawn.summary;
  const float32 = drawn.summary.rows.flatMap((r) => r.weights).every((w) => (w.dtype ?? 'float32') === 'float32');
  if (!float32 || totals.params === 0) return null;
  const lines = renderKeras3(drawn.summary).split('\n');
  hideSize(lines, 'Total params');
  hideSize(lines, 'Trainable params');
  const text = lines.join('\n');
  const total = groupDigits(totals.params);
  // The size of one parameter, as the engine counts it (float32: 4 bytes).
  const each = groupDigits(totals.bytes / totals.params);
  const draft: Draft = {
    prompt: {
      en: `The memory sizes on the \`Total params\` and \`Trainable params\` lines are hidden (${BLANK_MARK}). Every weight is a \`float32\`. How many bytes do the weights take, before Keras turns the figure into KB?`,
      'zh-cn': `\`Total params\` 和 \`Trainable params\` 两行的内存大小被遮住了（${BLANK_MARK}）。每个权重都是 \`float32\`。在 Keras 换算成 KB 之前，这些权重一共占多少字节？`,
    },
    display: { kind: 'summary', text: { en: text, 'zh-cn': text } },
    response: { kind: 'blanks', blanks: [{ id: 'bytes', expected: { kind: 'count', value: totals.bytes }, mistakes: [] }] },
    hints: [
      {
        en: 'Each parameter is stored once; a `float32` takes 4 bytes. Bytes = Total params × bytes per parameter.',
        'zh-cn': '每个参数存储一次；一个 `float32` 占 4 个字节。字节数 = Total params × 每个参数的字节数。',
      },
      { en: `Here: \`${total} × ${each}\`.`, 'zh-cn': `代入这道题的数：\`${total} × ${each}\`。` },
      { en: `Work it out: \`${total} × ${each} = ?\``, 'zh-cn': `算一算：\`${total} × ${each} = ？\`` },
    ],
    solution: {
      en: `\`${total} × ${each} = ${groupDigits(totals.bytes)}\` bytes; Keras divides by 1,024 and prints the result in KB with two decimals.`,
      'zh-cn': `\`${total} × ${each} = ${groupDigits(totals.bytes)}\` 字节；Keras 再除以 1,024，以两位小数的 KB 打印出来。`,
    },
  };
  return givesAway(draft) ? null : { draft, model: drawn.model };
}

export const summaryBytes: Template = {
  id: 'summary-bytes',
  skill: 'summary-cells',
  lessons: ['reading-the-summary'],
  covers: ['Conv2D', 'Dense'],
  mistakes: [],
  draw: (rng) => drawSummaryBytes(rng)?.draft ?? null,
};
