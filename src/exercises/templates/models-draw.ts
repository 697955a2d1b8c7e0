/**
 * Small random models for the whole-model questions — a Sequential CNN or MLP made of the layers
 * the first lessons teach (Conv2D, MaxPooling2D, Flatten, Dropout, Dense), and a functional model
 * that calls one Dense layer on two inputs — and the pieces of text every such question shows:
 * the Keras code, each layer's count worked out, the sum of the Param # column.
 */
import {
  evaluate,
  formulaText,
  groupDigits,
  shapeText,
  tensor,
  type FunctionalModel,
  type LayerArgs,
  type ModelLayer,
  type NodeArg,
  type SequentialModel,
  type Shape,
} from '@calc/basics.ts';
import { kerasDefaults, type Row, type Summary } from '@calc/engine.ts';
import { pythonCode } from '@calc/render.ts';
import { arithmeticSteps, formulaInWords } from '../hints.ts';
import { summaryOf } from '../layer.ts';
import type { Draft, Rng, Text } from '../types.ts';

/** A drawn Sequential model with its summary. */
export interface Drawn<M = SequentialModel> {
  model: M;
  summary: Summary;
  /** The input's channels (a CNN's image) or features (an MLP's vector): the last axis of the input. */
  inputLast: number;
}

/** A Sequential CNN: one or two convolutions, pooling after some, Flatten, perhaps Dropout, one or two Dense layers. */
export function drawCnn(rng: Rng): Drawn | null {
  const size = rng.pick([20, 24, 28, 32, 36]);
  const channels = rng.pick([1, 3]);
  const layers: ModelLayer[] = [
    { type: 'Conv2D', args: { filters: rng.pick([8, 16, 32]), kernel_size: rng.pick([3, 3, 5]), activation: 'relu' } },
  ];
  if (rng.chance(0.8)) layers.push({ type: 'MaxPooling2D', args: { pool_size: rng.pick([2, 2, 3]) } });
  if (rng.chance(0.7)) {
    layers.push({ type: 'Conv2D', args: { filters: rng.pick([16, 32, 64]), kernel_size: 3, activation: 'relu' } });
    if (rng.chance(0.5)) layers.push({ type: 'MaxPooling2D', args: { pool_size: 2 } });
  }
  layers.push({ type: 'Flatten' });
  if (rng.chance(0.4)) layers.push({ type: 'Dropout', args: { rate: 0.5 } });
  if (rng.chance(0.5)) layers.push({ type: 'Dense', args: { units: rng.pick([16, 32, 64, 128]), activation: 'relu' } });
  layers.push({ type: 'Dense', args: { units: rng.pick([1, 5, 10]) } });
  return withSummary({ kind: 'sequential', input: [null, size, size, channels], layers }, channels);
}

/** A Sequential MLP: two or three Dense layers, perhaps a Dropout between. */
export function drawMlp(rng: Rng): Drawn | null {
  const features = rng.pick([16, 20, 32, 64, 100, 128, 784]);
  const layers: ModelLayer[] = [{ type: 'Dense', args: { units: rng.pick([32, 64, 128, 256]), activation: 'relu' } }];
  if (rng.chance(0.5)) layers.push({ type: 'Dropout', args: { rate: rng.pick([0.2, 0.5]) } });
  if (rng.chance(0.6)) layers.push({ type: 'Dense', args: { units: rng.pick([16, 32, 64]), activation: 'relu' } });
  layers.push({ type: 'Dense', args: { units: rng.pick([1, 3, 10]) } });
  return withSummary({ kind: 'sequential', input: [null, features], layers }, features);
}

function withSummary<M extends SequentialModel | FunctionalModel>(model: M, inputLast: number): Drawn<M> | null {
  const summary = summaryOf(model);
  return summary ? { model, summary, inputLast } : null;
}

/** Two inputs through one shared Dense layer, merged, then one or two more Dense layers (the lesson's shape, other numbers). */
export function drawShared(rng: Rng): Drawn<FunctionalModel> | null {
  const features = rng.pick([16, 32, 64, 100, 128]);
  const merge = rng.pick(['Concatenate', 'Add']);
  const extra = rng.chance(0.5);
  /** A layer and its calls, each call given by the tensor (or list of tensors) it receives. */
  const layer = (type: string, name: string, args: LayerArgs, calls: NodeArg[]): FunctionalModel['layers'][number] => ({
    layer: { type, name, args },
    nodes: calls.map((input) => ({ args: [input], kwargs: {} })),
  });
  const inputs: FunctionalModel['layers'] = [
    { layer: { type: 'InputLayer', name: 'input_layer', args: { batch_shape: [null, features] } }, nodes: [] },
    { layer: { type: 'InputLayer', name: 'input_layer_1', args: { batch_shape: [null, features] } }, nodes: [] },
  ];
  const shared = layer('Dense', 'dense', { units: rng.pick([8, 16, 32, 64]), activation: 'relu' }, [
    tensor('input_layer'),
    tensor('input_layer_1'),
  ]);
  const merged = layer(merge, merge === 'Add' ? 'add' : 'concatenate', {}, [[tensor('dense', 0), tensor('dense', 1)]]);
  const mergedName = merged.layer.name!;
  const head: FunctionalModel['layers'] = extra
    ? [
        layer('Dense', 'dense_1', { units: rng.pick([8, 16, 32]), activation: 'relu' }, [tensor(mergedName)]),
        layer('Dense', 'dense_2', { units: 1, activation: 'sigmoid' }, [tensor('dense_1')]),
      ]
    : [layer('Dense', 'dense_1', { units: 1, activation: 'sigmoid' }, [tensor(mergedName)])];
  const last = head[head.length - 1]!.layer.name!;
  const model: FunctionalModel = {
    kind: 'functional',
    name: 'functional',
    layers: [...inputs, shared, merged, ...head],
    inputs: [tensor('input_layer'), tensor('input_layer_1')],
    outputs: [tensor(last)],
  };
  return withSummary(model, features);
}

/** The same Sequential model with every layer that has a bias built without one (the forgot-bias total). */
export function withoutBias(model: SequentialModel): SequentialModel {
  return {
    ...model,
    layers: model.layers.map((l) =>
      l.args && kerasDefaults(l.type) && 'use_bias' in kerasDefaults(l.type)! ? { ...l, args: { ...l.args, use_bias: false } } : l,
    ),
  };
}

/** The same functional model with every layer that has a bias built without one. */
export function functionalWithoutBias(model: FunctionalModel): FunctionalModel {
  return {
    ...model,
    layers: model.layers.map((entry) => {
      const l = entry.layer;
      const defaults = kerasDefaults(l.type);
      return defaults && 'use_bias' in defaults ? { ...entry, layer: { ...l, args: { ...l.args, use_bias: false } } } : entry;
    }),
  };
}

/** The rows that hold weights. */
export const weighted = (summary: Summary): Row[] => summary.rows.filter((r) => r.params > 0);

/** The model as Keras code. */
export const codeOf = (model: SequentialModel | FunctionalModel): string => pythonCode(model);

/** Sequential code with `# name` after each layer's line, so options can name layers the reader can find. */
export function namedCode(drawn: Drawn): string {
  const lines = codeOf(drawn.model).split('\n');
  const names = drawn.summary.rows.map((r) => r.name);
  let i = 0;
  return lines
    .map((line) => {
      if (!/^\s+layers\./.test(line) || i >= names.length) return line;
      return `${line}  # ${names[i++]}`;
    })
    .join('\n');
}

const same = (text: string): Text => ({ en: text, 'zh-cn': text });

/**
 * Whether a draft gives an answer away: a count of 100 or more (as Keras prints it, or bare) in
 * the prompt or the display, or grouped in a hint; a shape in the prompt or the display. A
 * coincidence of the draw (another row with the same count, `1 × 28,801`): the template draws again.
 */
export function givesAway(draft: Draft): boolean {
  const before = [draft.prompt.en, draft.prompt['zh-cn'], draft.display?.text.en ?? ''].join('\n');
  const r = draft.response;
  const blanks = r.kind === 'blanks' ? r.blanks : r.kind === 'predict' ? [r.blank] : [];
  return blanks.some((b) => {
    const v = b.expected.value;
    if (typeof v !== 'number') return before.includes(shapeText(v));
    if (v < 100) return false;
    const grouped = new RegExp(`(?<![\\d,])${groupDigits(v)}(?![\\d,])`);
    const bare = new RegExp(`(?<!\\d)${v}(?!\\d)`);
    return grouped.test(before) || bare.test(before) || draft.hints.some((h) => grouped.test(h.en) || grouped.test(h['zh-cn']));
  });
}

/** The draft, or null when it gives its answer away. */
export const unlessGivenAway = (draft: Draft | null): Draft | null => (draft && !givesAway(draft) ? draft : null);

/** One `name: text` per row, in each locale's punctuation. */
function perRow(rows: readonly Row[], text: (r: Row) => string): Text {
  return {
    en: rows.map((r) => `\`${r.name}\`: \`${text(r)}\``).join(', '),
    'zh-cn': rows.map((r) => `\`${r.name}\`：\`${text(r)}\``).join('，'),
  };
}

/** `conv2d: 32 × (1 × 3 × 3 + 1)` for each weighted row. */
export function substitutedRows(rows: readonly Row[]): Text {
  return perRow(rows, (r) => (r.formula ? formulaText(r.formula) : groupDigits(r.params)));
}

/** The distinct formulas of the weighted rows, in words, one per layer type: `Conv2D: filters × (…)`. */
export function formulasInWords(rows: readonly Row[]): Text {
  const seen = new Map<string, Text>();
  for (const r of rows) if (r.formula && !seen.has(r.type)) seen.set(r.type, formulaInWords(r.formula));
  const list = [...seen.entries()];
  return {
    en: list.map(([type, w]) => `\`${type}\`: \`${w.en}\``).join('; '),
    'zh-cn': list.map(([type, w]) => `\`${type}\`：\`${w['zh-cn']}\``).join('；'),
  };
}

/** The last arithmetic step of a row's count short of the result (`64 × 289`), or the formula when it has no step. */
export function shortOf(row: Row): string {
  if (!row.formula) return groupDigits(row.params);
  const steps = arithmeticSteps(row.formula);
  return steps.length > 0 ? steps[steps.length - 1]! : formulaText(row.formula);
}

/** `conv2d: 32 × (1 × 3 × 3 + 1) = 320` per row. */
export function equationsOf(rows: readonly Row[]): Text {
  return perRow(rows, (r) =>
    (r.formula ? [formulaText(r.formula), ...arithmeticSteps(r.formula), groupDigits(evaluate(r.formula))] : [groupDigits(r.params)]).join(
      ' = ',
    ),
  );
}

/** `320 + 18,496 + 650` */
export const sumText = (rows: readonly Row[]): string => rows.map((r) => groupDigits(r.params)).join(' + ');

export { same };
export type { Shape };
