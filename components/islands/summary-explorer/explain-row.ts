/**
 * What the summary explorer says about each row of `model.summary()`: where the name, the output
 * shape and the parameter count come from, with the reader's numbers in them. Runs at build time
 * (the wrapper passes the finished sentences to the island), so the page ships text, not the engine.
 * Every number comes from src/calc; every sentence from the locale's dictionary.
 */
import {
  equationText, groupDigits, kerasConvLength, kerasPoolLength, outputText, readableMemorySize, shapeList, shapeText, toSnakeCase, weightsText,
  type LayerArgs, type Model, type OutputShape, type Shape, type Term,
} from '@calc/basics.ts';
import { specFor, type Row, type Summary } from '@calc/engine.ts';
import { fill } from '@i18n/fill.ts';
import type en from '@i18n/en/summary-explorer.json';
import type roles from '@i18n/en/roles.json';

export type SummaryExplorerStrings = typeof en;
export type RoleStrings = typeof roles;

/** One labelled paragraph of an explanation, with formulas to show as code. */
export interface ExplanationPart {
  /** What the part is about, for styling and tests. */
  kind: 'name' | 'shape' | 'params' | 'roles' | 'weights' | 'split' | 'running' | 'sum' | 'memory';
  label: string;
  text: string;
  code?: string[];
}

export interface Explanation {
  title: string;
  parts: ExplanationPart[];
}

/** `(None, 26, 26, 32)`, a list of them for several outputs, `?` for a layer never built. */
export const rowShapeText = (shape: OutputShape | null): string => (shape === null ? '?' : outputText(shape));

/** English ordinals for the naming sentence: 2nd, 3rd, 11th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The layers of a model in the order of its summary rows, with their arguments. */
function layerArgs(model: Model): LayerArgs[] {
  return model.kind === 'sequential' ? model.layers.map((l) => l.args ?? {}) : model.layers.map((e) => e.layer.args ?? {});
}

/** The arguments a layer was built with: its own, over Keras's defaults. */
function withDefaults(type: string, args: LayerArgs, summary: Summary): LayerArgs {
  const spec = specFor(type);
  const defaults = spec ? (typeof spec.defaults === 'function' ? spec.defaults(summary.dialect) : spec.defaults) : {};
  return { ...defaults, ...args };
}

/** What each row was called on: the previous row's output (Sequential) or the tensors it is connected to. */
export function inputShapes(summary: Summary, model: Model): Shape[][] {
  if (model.kind === 'sequential') {
    return summary.rows.map((_, i) => {
      const before = i === 0 ? model.input ?? null : summary.rows[i - 1]!.outputShape;
      return before === null || before === undefined ? [] : shapeList(before);
    });
  }
  const byName = new Map(summary.rows.map((r) => [r.name, r]));
  return summary.rows.map((row) =>
    row.connectedTo.flatMap((ref) => {
      const m = /^(.*)\[(\d+)\]\[(\d+)\]$/.exec(ref);
      const source = m ? byName.get(m[1]!) : undefined;
      const shape = source?.outputShape ? shapeList(source.outputShape)[Number(m![3])] : undefined;
      return shape ? [shape] : [];
    }),
  );
}

/** An int or a tuple argument as one value per spatial axis. */
function perAxis(value: unknown, rank: number, fallback: number[]): number[] {
  if (typeof value === 'number') return Array<number>(rank).fill(value);
  if (Array.isArray(value) && value.length === rank && value.every((v) => typeof v === 'number')) return value as number[];
  return fallback;
}

const CONV = /^(Conv[123]D|SeparableConv[12]D)$/;
const DEPTHWISE = /^DepthwiseConv[12]D$/;
const POOL = /^(MaxPool(ing)?|AveragePooling|AvgPool)[123]D$/;
const RESHAPE = /^(Flatten|Reshape|Permute|RepeatVector|ZeroPadding[123]D|Cropping[123]D|UpSampling[123]D)$/;
const DROPOUT = /^(Dropout|SpatialDropout[123]D|GaussianDropout|GaussianNoise|AlphaDropout|ActivityRegularization)$/;
const ACTIVATION = /^(Activation|ReLU|LeakyReLU|ELU|Softmax|PReLU)$/;
const MERGE = /^(Add|Subtract|Multiply|Average|Maximum|Minimum|Concatenate|Dot)$/;

/** The names of the spatial axes of a rank-r layer, in the reader's language. */
function axisNames(rank: number, s: SummaryExplorerStrings): string[] {
  if (rank === 1) return [s.axisLength];
  if (rank === 2) return [s.axisHeight, s.axisWidth];
  return [s.axisDepth, s.axisHeight, s.axisWidth].slice(-rank);
}

/** Where a row's input comes from: the row above, the model's input, or the layers it is connected to. */
function inputSentence(index: number, row: Row, input: Shape[], model: Model, s: SummaryExplorerStrings): string {
  const shapes = input.map(shapeText).join(', ');
  if (model.kind === 'sequential') return fill(index === 0 ? s.inputModel : s.inputPrevious, { input: shapes });
  const sources = row.connectedTo.map((ref) => ref.replace(/\[.*$/, '')).join(', ');
  return fill(s.inputConnected, { sources, input: shapes });
}

/** Where the output shape comes from, per layer family. */
function shapePart(index: number, row: Row, input: Shape[], rawArgs: LayerArgs, summary: Summary, model: Model, s: SummaryExplorerStrings): ExplanationPart {
  const output = rowShapeText(row.outputShape);
  const label = s.labelShape;
  const kind = 'shape';
  if (row.type === 'InputLayer') return { kind, label, text: fill(s.shapeInput, { output }) };
  if (input.length === 0) return { kind, label, text: fill(s.shapeNoInput, { output }) };
  const lead = inputSentence(index, row, input, model, s);
  const part = (text: string, code?: string[]): ExplanationPart => {
    const joined = [lead, text].join(s.sentenceSeparator);
    return code && code.length ? { kind, label, text: joined, code } : { kind, label, text: joined };
  };
  const only = input.length === 1 ? input[0]! : null;
  if (!only) return part(fill(s.shapeOther, { type: row.type, output }));
  const inputText = shapeText(only);
  const args = withDefaults(row.type, rawArgs, summary);
  const out = row.outputShape && shapeList(row.outputShape).length === 1 ? shapeList(row.outputShape)[0]! : null;
  const channelsFirst = args['data_format'] === 'channels_first';
  const rank = only.length - 2;
  const spatial = Array.from({ length: Math.max(rank, 0) }, (_, i) => (channelsFirst ? i + 2 : i + 1));
  const channels = out ? out[channelsFirst ? 1 : out.length - 1] : null;
  const names = axisNames(rank, s);

  if ((CONV.test(row.type) || DEPTHWISE.test(row.type)) && rank >= 1) {
    const padding = String(args['padding'] ?? 'valid').toLowerCase() as 'valid' | 'same' | 'causal';
    const kernel = perAxis(args['kernel_size'], rank, []);
    const strides = perAxis(args['strides'], rank, Array<number>(rank).fill(1));
    const dilation = perAxis(args['dilation_rate'], rank, Array<number>(rank).fill(1));
    const code = spatial.flatMap((axis, i) => {
      const length = only[axis];
      if (length === null || length === undefined || kernel[i] === undefined) return [];
      const r = kerasConvLength({ length, kernel: kernel[i]!, stride: strides[i] ?? 1, dilation: dilation[i] ?? 1 }, padding);
      return r.ok ? [fill(s.shapeConvAxis, { axis: names[i] ?? '', formula: r.formula })] : [];
    });
    const template = DEPTHWISE.test(row.type) ? s.shapeDepthwise : s.shapeConv;
    return part(fill(template, { padding, channels: channels ?? '?', output }), code);
  }

  if (POOL.test(row.type) && rank >= 1) {
    const padding = String(args['padding'] ?? 'valid').toLowerCase() as 'valid' | 'same';
    const pool = perAxis(args['pool_size'], rank, []);
    const strides = args['strides'] === null || args['strides'] === undefined ? pool : perAxis(args['strides'], rank, pool);
    const code: string[] = [];
    const notes: string[] = [];
    spatial.forEach((axis, i) => {
      const length = only[axis];
      if (length === null || length === undefined || pool[i] === undefined) return;
      const r = kerasPoolLength({ length, kernel: pool[i]!, stride: strides[i] ?? pool[i]! }, padding);
      if (!r.ok) return;
      code.push(fill(s.shapeConvAxis, { axis: names[i] ?? '', formula: r.formula }));
      if (r.dropped) notes.push(fill(s.shapePoolDropped, { axis: names[i] ?? '', dropped: r.dropped, covered: length - r.dropped, size: length }));
    });
    const same = (xs: number[]): string => (xs.every((x) => x === xs[0]) ? String(xs[0] ?? '?') : xs.join('×'));
    const text = fill(s.shapePool, { pool: same(pool), stride: same(strides), padding, channels: channels ?? '?', output });
    return part([text, ...notes].join(s.sentenceSeparator), code);
  }

  if (row.type === 'Flatten' && out) {
    const dims = only.slice(1);
    if (dims.length > 0 && dims.every((d): d is number => d !== null)) {
      const size = dims.reduce((a, b) => a * b, 1);
      return part(fill(s.shapeFlatten, { product: dims.join(' × '), size: groupDigits(size), output }));
    }
  }

  if (row.type === 'Dense' && out) {
    return part(fill(s.shapeDense, { inDim: String(only[only.length - 1] ?? 'None'), units: String(out[out.length - 1] ?? '?'), output }));
  }

  if (out && shapeText(out) === inputText) return part(fill(s.shapeSame, { output }));
  return part(fill(s.shapeOther, { type: row.type, output }));
}

/** Why a row shows 0 in the Param # column. */
function zeroText(row: Row, s: SummaryExplorerStrings): string {
  const type = row.type;
  if (/Pool/.test(type)) return s.zeroPool;
  if (RESHAPE.test(type)) return fill(s.zeroReshape, { type });
  if (DROPOUT.test(type)) return fill(s.zeroDropout, { type });
  if (ACTIVATION.test(type)) return s.zeroActivation;
  if (type === 'InputLayer') return s.zeroInput;
  if (MERGE.test(type)) return fill(s.zeroMerge, { type });
  return fill(s.zeroOther, { type });
}

/** `64 = filters, 32 = input channels, 3 = kernel size, 1 = bias`: each number of the formula once. */
function rolesText(formula: Term, s: SummaryExplorerStrings, roleNames: RoleStrings): string {
  const seen = new Set<string>();
  const items: string[] = [];
  const visit = (t: Term): void => {
    if (t.kind === 'op') {
      t.terms.forEach(visit);
      return;
    }
    const key = `${t.value}:${t.role}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(fill(s.roleItem, { value: groupDigits(t.value), role: roleNames[t.role] }));
  };
  visit(formula);
  return fill(s.rolesLine, { roles: items.join(', ') });
}

/** Where the row's count comes from: formula, weights, the trainable split, or why it is 0. */
function paramParts(row: Row, s: SummaryExplorerStrings, roleNames: RoleStrings): ExplanationPart[] {
  const params = groupDigits(row.params);
  if (row.params === 0) return [{ kind: 'params', label: s.labelParams, text: zeroText(row, s) }];
  const parts: ExplanationPart[] = row.formula
    ? [
        { kind: 'params', label: s.labelParams, text: fill(s.params, { params }), code: [equationText(row.formula)] },
        { kind: 'roles', label: s.labelRoles, text: rolesText(row.formula, s, roleNames) },
      ]
    : [{ kind: 'params', label: s.labelParams, text: fill(s.paramsNoFormula, { params }) }];
  parts.push({ kind: 'weights', label: s.labelWeights, text: fill(s.weightsLine, { weights: weightsText(row.weights) }) });
  if (row.nonTrainable > 0) {
    const text = row.trainable === 0 && !row.layerTrainable
      ? fill(s.splitFrozen, { params })
      : fill(s.split, { trainable: groupDigits(row.trainable), nonTrainable: groupDigits(row.nonTrainable), names: row.weights.filter((w) => !w.trainable).map((w) => w.name).join(', ') });
    parts.push({ kind: 'split', label: s.labelSplit, text });
  }
  return parts;
}

/** How Keras named the layer: the class in snake_case, numbered from the second one on. */
function namePart(row: Row, s: SummaryExplorerStrings): ExplanationPart {
  const prefix = row.type === 'InputLayer' ? 'input_layer' : toSnakeCase(row.type);
  const values = { name: row.name, type: row.type, prefix };
  if (row.name === prefix) return { kind: 'name', label: s.labelName, text: fill(s.nameFirst, values) };
  const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(\\d+)$`).exec(row.name);
  if (m) {
    const count = Number(m[1]) + 1;
    return { kind: 'name', label: s.labelName, text: fill(s.nameRepeat, { ...values, count, ordinal: ordinal(count) }) };
  }
  return { kind: 'name', label: s.labelName, text: fill(s.nameCustom, values) };
}

/** One explanation per summary row, in row order. */
export function explainRows(summary: Summary, model: Model, s: SummaryExplorerStrings, roleNames: RoleStrings): Explanation[] {
  const inputs = inputShapes(summary, model);
  const args = layerArgs(model);
  let running = 0;
  return summary.rows.map((row, i) => {
    const before = running;
    running += row.params;
    const runningCode = i === 0 ? groupDigits(running) : fill(s.runningEquation, { terms: `${groupDigits(before)} + ${groupDigits(row.params)}`, sum: groupDigits(running) });
    return {
      title: `${row.name} (${row.type})`,
      parts: [
        namePart(row, s),
        shapePart(i, row, inputs[i] ?? [], args[i] ?? {}, summary, model, s),
        ...paramParts(row, s, roleNames),
        { kind: 'running', label: s.labelRunning, text: fill(s.running, { sum: groupDigits(running), total: groupDigits(summary.totals.params) }), code: [runningCode] },
      ],
    };
  });
}

/** The footer: the sum of the Param # column, the split, and the memory figure. */
export function explainTotals(summary: Summary, s: SummaryExplorerStrings): Explanation {
  const t = summary.totals;
  const counts = summary.rows.map((r) => groupDigits(r.params));
  const terms = counts.length <= 12 ? counts.join(' + ') : `${counts.slice(0, 3).join(' + ')} + … + ${counts[counts.length - 1]}`;
  const equation = `${terms || '0'} = ${groupDigits(t.params)}`;
  const allFloat32 = summary.rows.every((r) => r.weights.every((w) => (w.dtype ?? 'float32') === 'float32'));
  const kb = readableMemorySize(t.bytes);
  const memory = allFloat32
    ? fill(s.memoryFloat32, { params: groupDigits(t.params), bytes: groupDigits(t.bytes), kb })
    : fill(s.memoryMixed, { bytes: groupDigits(t.bytes), kb });
  return {
    title: s.totalsTitle,
    parts: [
      { kind: 'sum', label: s.totalParams, text: s.totalsSum, code: [equation] },
      { kind: 'split', label: s.labelSplit, text: fill(s.totalsSplit, { trainable: groupDigits(t.trainable), nonTrainable: groupDigits(t.nonTrainable) }) },
      { kind: 'memory', label: s.labelMemory, text: memory },
    ],
  };
}
