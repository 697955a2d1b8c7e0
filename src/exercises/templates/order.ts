/**
 * Order the layers of a small model from most to fewest parameters. The model is shown as the
 * Keras code src/calc writes for it; the order comes from the engine's rows, and a draw with two
 * layers of equal size is drawn again.
 */
import { equationText, formulaText, type SequentialModel } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';
import { arithmeticSteps, formulaInWords } from '../hints.ts';
import { callText, summaryOf } from '../layer.ts';
import type { Option, Rng, Template, Text } from '../types.ts';
import { namedCode } from './models-draw.ts';

/** What a drawn layer is, as the template built it (never read back from a type name). */
export type Part = 'conv' | 'pool' | 'flatten' | 'dense' | 'norm';

export interface SmallModel {
  model: SequentialModel;
  /** The layers in order, with what the template made each one and its call as the reader sees it. */
  layers: { part: Part; call: string }[];
  /** The image's channels. */
  channels: number;
}

/**
 * A small image classifier: two or three Conv2D (each followed by max pooling, or a
 * BatchNormalization when `norm`), Flatten, one or two hidden Dense and a classifier.
 */
export function drawSmallCnn(rng: Rng, options: { norm?: boolean } = {}): SmallModel {
  const size = rng.pick([28, 32]);
  const channels = rng.pick([1, 3]);
  const convs = rng.int(2, 3);
  const hidden = rng.int(1, 2);
  const model: SequentialModel = { kind: 'sequential', input: [null, size, size, channels], layers: [] };
  const layers: SmallModel['layers'] = [];
  const normAfter = options.norm ? rng.int(0, convs - 1) : -1;
  let filters = rng.pick([8, 16, 32]);
  for (let i = 0; i < convs; i++) {
    const k = i === 0 ? rng.pick([3, 5]) : 3;
    model.layers.push({ type: 'Conv2D', args: { filters, kernel_size: k, activation: 'relu' } });
    layers.push({ part: 'conv', call: callText('Conv2D', [filters, k]) });
    if (i === normAfter) {
      model.layers.push({ type: 'BatchNormalization' });
      layers.push({ part: 'norm', call: callText('BatchNormalization', []) });
    }
    if (i < 2) {
      model.layers.push({ type: 'MaxPooling2D', args: { pool_size: 2 } });
      layers.push({ part: 'pool', call: callText('MaxPooling2D', [2]) });
    }
    filters = filters * rng.pick([1, 2, 2, 4]);
  }
  model.layers.push({ type: 'Flatten' });
  layers.push({ part: 'flatten', call: callText('Flatten', []) });
  let units = rng.pick([64, 128, 256]);
  for (let i = 0; i < hidden; i++) {
    model.layers.push({ type: 'Dense', args: { units, activation: 'relu' } });
    layers.push({ part: 'dense', call: callText('Dense', [units]) });
    units = units / rng.pick([2, 4]);
  }
  const classes = rng.pick([3, 5, 10]);
  model.layers.push({ type: 'Dense', args: { units: classes, activation: 'softmax' } });
  layers.push({ part: 'dense', call: callText('Dense', [classes]) });
  return { model, layers, channels };
}

/** `conv2d_1` — `Conv2D(64, 3)`. */
export const rowLabel = (row: Row, call: string): Text => ({
  en: `\`${row.name}\` — \`${call}\``,
  'zh-cn': `\`${row.name}\`（\`${call}\`）`,
});

/** The formulas in words of the kinds of layer present, one sentence per locale. */
export function formulasInWords(rows: readonly { row: Row; part: Part }[]): Text {
  const seen = new Map<Part, Row>();
  for (const { row, part } of rows) if (row.formula && !seen.has(part)) seen.set(part, row);
  const parts = [...seen.entries()].map(([, row]) => ({ type: row.type, words: formulaInWords(row.formula!) }));
  return {
    en: parts.map((p) => `a \`${p.type}\` holds \`${p.words.en}\``).join('; '),
    'zh-cn': parts.map((p) => `\`${p.type}\` 的参数量是 \`${p.words['zh-cn']}\``).join('；'),
  };
}

export const orderBySize: Template = {
  id: 'order-by-size',
  skill: 'order-by-size',
  lessons: ['putting-it-together', 'case-studies'],
  covers: ['Conv2D', 'Dense'],
  mistakes: [],
  draw(rng) {
    const small = drawSmallCnn(rng);
    const summary = summaryOf(small.model);
    if (!summary || summary.rows.length !== small.layers.length) return null;
    const weighted = summary.rows.map((row, i) => ({ row, ...small.layers[i]! })).filter((x) => x.row.params > 0 && x.row.formula);
    if (weighted.length < 4 || weighted.length > 6) return null;
    if (new Set(weighted.map((x) => x.row.params)).size !== weighted.length) return null;
    const sorted = [...weighted].sort((a, b) => b.row.params - a.row.params);
    const options: Option[] = rng.shuffle(weighted).map((x) => ({ id: x.row.name, label: rowLabel(x.row, x.call) }));
    const inWords = formulasInWords(weighted);
    /** `conv2d`: `32 × (1 × 3 × 3 + 1)` for each layer, joined as a list in each locale. */
    const list = (items: readonly (typeof weighted)[number][], text: (row: Row) => string): Text => ({
      en: items.map((x) => `\`${x.row.name}\`: \`${text(x.row)}\``).join('; '),
      'zh-cn': items.map((x) => `\`${x.row.name}\`：\`${text(x.row)}\``).join('；'),
    });
    const substituted = list(weighted, (r) => formulaText(r.formula!));
    const nearly = list(weighted, (r) => arithmeticSteps(r.formula!).at(-1) ?? formulaText(r.formula!));
    const worked = list(sorted, (r) => equationText(r.formula!));
    const names = sorted.map((x) => `\`${x.row.name}\``);
    // `# conv2d_1` after each layer's line, so the options' names can be found in the code
    const code = namedCode({ model: small.model, summary, inputLast: (small.model.input ?? []).at(-1) ?? 0 });
    return {
      prompt: {
        en: 'Order the layers of this model that have weights from the most parameters to the fewest.',
        'zh-cn': '把这个模型中带权重的层按参数量从多到少排列。',
      },
      display: { kind: 'code', text: { en: code, 'zh-cn': code } },
      response: {
        kind: 'order',
        options,
        correct: sorted.map((x) => x.row.name),
        by: { en: 'parameters, most first', 'zh-cn': '参数量，从多到少' },
      },
      hints: [
        {
          en: `Work out each count: ${inWords.en}. A layer's input channels are the previous layer's output channels; the \`Dense\` after \`Flatten\` receives every value of the flattened map.`,
          'zh-cn': `先算出每一层的参数量：${inWords['zh-cn']}。一层的输入通道数是上一层的输出通道数；\`Flatten\` 之后的 \`Dense\` 收到展平后的全部数值。`,
        },
        {
          en: `With this model's numbers: ${substituted.en}.`,
          'zh-cn': `代入这个模型的数：${substituted['zh-cn']}。`,
        },
        {
          en: `One step from each count: ${nearly.en}.`,
          'zh-cn': `每一层只差最后一步：${nearly['zh-cn']}。`,
        },
      ],
      solution: {
        en: `${worked.en}. From most to fewest: ${names.join(', ')}.`,
        'zh-cn': `${worked['zh-cn']}。从多到少：${names.join('、')}。`,
      },
    };
  },
};
