/**
 * What the summary explorer says about each row of `model.summary()`: where the name, the output
 * shape and the parameter count come from, with the reader's numbers in them. Runs at build time
 * (the wrapper passes the finished sentences to the island), so the page ships text, not the engine.
 * Every number comes from src/calc — the row's family, shape steps, formula and weights — and every
 * sentence from the locale's dictionary, keyed by the step's rule: a layer type this file has never
 * heard of is explained by the steps its spec returns.
 */
import {
  equationText,
  groupDigits,
  isWindowStep,
  outputText,
  readableMemorySize,
  shapeList,
  stepArithmetic,
  toSnakeCase,
  weightsText,
  windowArithmetic,
  type Dim,
  type LayerFamily,
  type ShapeStep,
  type Term,
  type WindowStep,
} from '@calc/basics.ts';
import type { Row, Summary } from '@calc/engine.ts';
import { fill, roleName } from '@i18n/fill.ts';
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

/** English ordinals for the naming sentence: 2nd, 3rd, 11th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The names of the spatial axes a layer's windows slide along, in the reader's language. */
function windowAxisNames(rank: number, s: SummaryExplorerStrings): string[] {
  if (rank === 1) return [s.axisLength];
  if (rank === 2) return [s.axisHeight, s.axisWidth];
  if (rank === 3) return [s.axisDepth, s.axisHeight, s.axisWidth];
  return Array.from({ length: rank }, (_, i) => fill(s.axisNumber, { n: i + 1 }));
}

const dimText = (d: Dim | undefined): string => (d === null || d === undefined ? 'None' : String(d));

/** `the last axis`, `axis 1`, `axes 1, 2`: which output axes a step sets (Keras numbers them from the batch, 0). */
function axesText(step: ShapeStep, rank: number, s: SummaryExplorerStrings): string {
  if (step.axes.length === 1) return step.axes[0] === rank - 1 ? s.axisLast : fill(s.axisNumber, { n: step.axes[0]! });
  return fill(s.axesNumbers, { list: step.axes.join(s.listSeparator) });
}

/** One non-window step as a sentence: the rule's words with the step's numbers. */
function stepSentence(step: ShapeStep, rank: number, s: SummaryExplorerStrings): string {
  const values = {
    axis: axesText(step, rank, s),
    input: dimText(step.inputs[0]),
    inputs: step.inputs.map(dimText).join(s.listSeparator),
    arg: step.arg ?? '',
    result: step.result.map(dimText).join(s.listSeparator),
    math: stepArithmetic(step) ?? '',
    factor: 'factor' in step ? step.factor : '',
    before: 'before' in step ? step.before : '',
    after: 'after' in step ? step.after : '',
  };
  // an element-wise merge of inputs of one shape (a residual Add): nothing is broadcast
  if (step.rule === 'broadcast' && step.axes.length > 0) {
    const n = step.inputs.length / step.axes.length;
    const same = step.axes.every((_, k) => step.inputs.slice(k * n, k * n + n).every((d) => d === step.inputs[k * n]));
    if (n >= 2 && same) return fill(s.broadcastSame, { n });
  }
  // typed per rule: a rule code the engine adds without words in the dictionaries fails tsc
  const rules: Record<Exclude<ShapeStep['rule'], WindowStep['rule']>, string> = s.rules;
  return fill(isWindowStep(step) ? s.windowRules[step.rule] : rules[step.rule], values);
}

/** A value the same on every axis once (`2`), else per axis (`3×2`). */
const perAxis = (xs: number[]): string => (xs.every((x) => x === xs[0]) ? String(xs[0]) : xs.join('×'));

/** The window steps of one output tensor: the sentence for their rule, a line of arithmetic per axis, and what the windows leave unread. */
function windowParts(windows: WindowStep[], s: SummaryExplorerStrings): { sentences: string[]; code: string[] } {
  const names = windowAxisNames(windows.length, s);
  const rule = windows[0]!.rule;
  const sentences = [
    fill(s.windowRules[rule], { kernel: perAxis(windows.map((w) => w.kernel)), stride: perAxis(windows.map((w) => w.stride)) }),
  ];
  const code: string[] = [];
  windows.forEach((w, i) => {
    const axis = names[i] ?? '';
    code.push(fill(s.shapeAxis, { axis, formula: windowArithmetic(w) }));
    const size = w.inputs[0];
    if (w.dropped && size !== null && size !== undefined) {
      sentences.push(fill(s.windowDropped, { axis, dropped: w.dropped, covered: size - w.dropped, size }));
    }
  });
  return { sentences, code };
}

/** Where a row's input comes from: the row above, the model's input, or the layers it is connected to. */
function inputSentence(index: number, row: Row, s: SummaryExplorerStrings): string {
  const input = outputText(row.inputShapes);
  if (row.inbound.length === 0) return fill(index === 0 ? s.inputModel : s.inputPrevious, { input });
  const sources = [...new Set(row.inbound.map((r) => r.layer))].join(s.listSeparator);
  return fill(s.inputConnected, { sources, input });
}

/** Where the output shape comes from: the input, then each step the layer's spec reported. */
function shapePart(index: number, row: Row, s: SummaryExplorerStrings): ExplanationPart {
  const output = outputText(row.outputShape);
  const label = s.labelShape;
  const kind = 'shape';
  if (row.family === 'input') return { kind, label, text: fill(s.shapeInput, { output }) };
  if (row.inputShapes.length === 0) return { kind, label, text: fill(s.shapeResult, { output }) };
  const outputs = row.outputShape === null ? [] : shapeList(row.outputShape);
  const several = outputs.length > 1;
  const sentences = [inputSentence(index, row, s)];
  const code: string[] = [];
  const tensors = [...new Set(row.steps.map((st) => st.tensor ?? 0))].sort((a, b) => a - b);
  for (const t of tensors) {
    const steps = row.steps.filter((st) => (st.tensor ?? 0) === t);
    const prefix = several ? fill(s.tensorPrefix, { n: t + 1 }) : '';
    const windows = steps.filter(isWindowStep);
    if (windows.length > 0) {
      const w = windowParts(windows, s);
      sentences.push(...w.sentences.map((x, i) => (i === 0 ? prefix + x : x)));
      code.push(...w.code.map((c) => prefix + c));
    }
    const rank = outputs[t]?.length ?? 0;
    for (const step of steps) if (!isWindowStep(step)) sentences.push(prefix + stepSentence(step, rank, s));
  }
  sentences.push(fill(s.shapeResult, { output }));
  const text = sentences.join(s.sentenceSeparator);
  return code.length ? { kind, label, text, code } : { kind, label, text };
}

/** Why a row shows 0 in the Param # column, by what kind of layer it is. */
function zeroText(row: Row, s: SummaryExplorerStrings): string {
  const byFamily: Partial<Record<LayerFamily, string>> = s.zeroByFamily;
  return fill(byFamily[row.family] ?? s.zeroOther, { type: row.type });
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
    items.push(fill(s.roleItem, { value: groupDigits(t.value), role: roleName(roleNames, t.role, t.value) }));
  };
  visit(formula);
  return fill(s.rolesLine, { roles: items.join(s.listSeparator) });
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
  parts.push({
    kind: 'weights',
    label: s.labelWeights,
    text: fill(s.weightsLine, { weights: weightsText(row.weights, s.weightsSeparator) }),
  });
  if (row.nonTrainable > 0) {
    const text =
      row.trainable === 0 && !row.layerTrainable
        ? fill(s.splitFrozen, { params })
        : fill(s.split, {
            trainable: groupDigits(row.trainable),
            nonTrainable: groupDigits(row.nonTrainable),
            names: row.weights
              .filter((w) => !w.trainable)
              .map((w) => w.name)
              .join(', '),
          });
    parts.push({ kind: 'split', label: s.labelSplit, text });
  }
  return parts;
}

/** How Keras named the layer: the class in snake_case, numbered from the second one on. */
function namePart(row: Row, s: SummaryExplorerStrings): ExplanationPart {
  const prefix = toSnakeCase(row.type);
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
export function explainRows(summary: Summary, s: SummaryExplorerStrings, roleNames: RoleStrings): Explanation[] {
  let running = 0;
  return summary.rows.map((row, i) => {
    const before = running;
    running += row.params;
    const runningCode =
      i === 0
        ? groupDigits(running)
        : fill(s.runningEquation, { terms: `${groupDigits(before)} + ${groupDigits(row.params)}`, sum: groupDigits(running) });
    return {
      title: `${row.name} (${row.type})`,
      parts: [
        namePart(row, s),
        shapePart(i, row, s),
        ...paramParts(row, s, roleNames),
        {
          kind: 'running',
          label: s.labelRunning,
          text: fill(s.running, { sum: groupDigits(running), total: groupDigits(summary.totals.params) }),
          code: [runningCode],
        },
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
      {
        kind: 'split',
        label: s.labelSplit,
        text: fill(s.totalsSplit, { trainable: groupDigits(t.trainable), nonTrainable: groupDigits(t.nonTrainable) }),
      },
      { kind: 'memory', label: s.labelMemory, text: memory },
    ],
  };
}
