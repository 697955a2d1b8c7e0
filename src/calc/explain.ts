/**
 * How a layer explains itself: its teaching formula as structured terms, so a widget can colour
 * each number and tie it to the input it came from, and its output shape as steps, axis by axis.
 * Both are checked when a layer is built (summarize.ts), never trusted alone.
 */
import { groupDigits } from './text.ts';
import type { Dim, Shape } from './types.ts';

/** A number in a formula, with the input it came from. */
export interface NumTerm {
  kind: 'num';
  value: number;
  /** The keyword argument this number is (`filters`, `kernel_size[0]`), if it is one. */
  arg?: string;
  /** What the number means, in words a lesson can show: `input channels`, `bias`. */
  role: TermRole;
}

/** The roles a number plays in a parameter formula; UI dictionaries translate them. */
export type TermRole =
  | 'units'
  | 'filters'
  | 'input features'
  | 'input channels'
  | 'kernel'
  | 'kernel depth'
  | 'kernel height'
  | 'kernel width'
  | 'bias'
  | 'groups'
  | 'depth multiplier'
  | 'vocabulary'
  | 'embedding size'
  | 'gates'
  | 'recurrent units'
  | 'heads'
  | 'key size'
  | 'value size'
  | 'output size'
  | 'channels'
  | 'statistics'
  | 'normalized size'
  | 'count'
  | 'elements'
  | 'weight vectors'
  | 'bias sets'
  | 'directions'
  | 'scalar'
  // the sizes a multiply-accumulate count (Built.macs) multiplies by: where the weights are applied
  | 'output length'
  | 'output depth'
  | 'output height'
  | 'output width'
  | 'input length'
  | 'input depth'
  | 'input height'
  | 'input width'
  | 'positions'
  | 'timesteps'
  | 'query positions'
  | 'key positions'
  // attention reads three tensors: which one's features a number is
  | 'query features'
  | 'key features'
  | 'value features';

/** What one term of a sum computes, where a sum adds up different kinds of work (attention's MACs). */
export type TermPart =
  | 'query projection'
  | 'key projection'
  | 'value projection'
  | 'gate projection'
  | 'scores'
  | 'weighted sum'
  | 'output projection'
  | 'depthwise step'
  | 'pointwise step';

export interface OpTerm {
  kind: 'op';
  /** `/` only ever divides two whole numbers that divide evenly (channels by groups). */
  op: '×' | '+' | '/';
  terms: Term[];
  /** The work this term counts, when it is one labelled part of a sum. */
  part?: TermPart;
}

export type Term = NumTerm | OpTerm;

export const num = (value: number, role: TermRole, arg?: string): NumTerm =>
  arg === undefined ? { kind: 'num', value, role } : { kind: 'num', value, role, arg };
export const mul = (...terms: Term[]): OpTerm => ({ kind: 'op', op: '×', terms });
export const add = (...terms: Term[]): OpTerm => ({ kind: 'op', op: '+', terms });
/** `32 / 4`: shown as a division so both of the reader's numbers appear; worth 8. */
export const div = (dividend: Term, divisor: Term): OpTerm => ({ kind: 'op', op: '/', terms: [dividend, divisor] });

/** A term labelled as one part of a sum (null stays null: an unknown part). */
export function part(label: TermPart, term: Term | null): Term | null {
  if (term === null) return null;
  return term.kind === 'op' ? { ...term, part: label } : { kind: 'op', op: '×', terms: [term], part: label };
}

/** The value a formula denotes. */
export function evaluate(term: Term): number {
  if (term.kind === 'num') return term.value;
  if (term.op === '/') return term.terms.slice(1).reduce((acc, t) => acc / evaluate(t), evaluate(term.terms[0] as Term));
  return term.op === '×' ? term.terms.reduce((acc, t) => acc * evaluate(t), 1) : term.terms.reduce((acc, t) => acc + evaluate(t), 0);
}

/**
 * The value a formula denotes, worked out in whole numbers, so it stays exact past 2^53 where
 * `evaluate`'s floats round (the MACs of a large layer); null when a number in it is not whole.
 */
export function exactValue(term: Term): bigint | null {
  if (term.kind === 'num') return Number.isInteger(term.value) ? BigInt(term.value) : null;
  const values = term.terms.map(exactValue);
  if (values.some((v) => v === null)) return null;
  const [first, ...rest] = values as bigint[];
  if (term.op === '/') return rest.some((v) => v === 0n) ? null : rest.reduce((acc, v) => acc / v, first!);
  return term.op === '×' ? rest.reduce((acc, v) => acc * v, first!) : rest.reduce((acc, v) => acc + v, first!);
}

/**
 * What a formula comes to, grouped: exact whenever its numbers are whole. A result that is a safe
 * integer in floating point is already exact (every partial product and sum of these non-negative
 * whole numbers is at most the result); only larger ones take the BigInt path, which costs the lab's
 * 200-row table its frame budget if taken for every row.
 */
export function resultText(term: Term): string {
  const quick = evaluate(term);
  return groupDigits(Number.isSafeInteger(quick) ? quick : (exactValue(term) ?? quick));
}

/** `64 × (32 × 3 × 3 + 1)`: a sum inside a product gets parentheses, nothing else does. */
export function formulaText(term: Term, parent?: OpTerm['op']): string {
  if (term.kind === 'num') return groupDigits(term.value);
  const inner = term.terms.map((t) => formulaText(t, term.op)).join(` ${term.op} `);
  return parent === '×' && term.op === '+' && term.terms.length > 1 ? `(${inner})` : inner;
}

/** `64 × (32 × 3 × 3 + 1) = 18,496` */
export const equationText = (term: Term): string => `${formulaText(term)} = ${resultText(term)}`;

/**
 * The rules that slide a window along an axis; each carries the window and its padding so a
 * picture can draw every position the windows read.
 */
export type WindowRule = 'conv-valid' | 'conv-same' | 'conv-causal' | 'pool-valid' | 'pool-same' | 'transpose-valid' | 'transpose-same';

/** The rules that set an axis without a window. */
export type AxisRule =
  /** The size is an argument: Dense `units`, Conv `filters`, Resizing `height`, RepeatVector `n`. */
  | 'set-to-arg'
  /** Several input axes multiplied into one: Flatten. */
  | 'product'
  /** An input size times an argument: DepthwiseConv's channels × `depth_multiplier`. */
  | 'multiply'
  /** Input axes that vanish: GlobalPooling, `return_sequences=False`, Dot's contracted axis. `axes` is empty, or with `keepdims` the axes kept as 1. */
  | 'drop'
  /** Zeros added before and after: ZeroPadding. */
  | 'pad'
  /** Rows removed before and after: Cropping. */
  | 'crop'
  /** Each position repeated `factor` times: UpSampling. */
  | 'upsample'
  /** Sizes added along one axis: Concatenate, Bidirectional's concat of both directions. */
  | 'concat-sum'
  /** Element-wise merges: sizes aligned on the right, a 1 stretching to the other size. */
  | 'broadcast'
  /** Reshape's `target_shape`, a -1 inferred from what the per-sample size leaves. */
  | 'reshape'
  /** An axis taken from another position (Permute) or another input (Dot, attention). */
  | 'permute'
  /** A new axis: Embedding's vectors, RepeatVector's copies, an encoder's slots. */
  | 'append-axis'
  /** A size known only at run time: RandomHeight, RandomWidth. */
  | 'unknown'
  /** A shape Param Lab cannot compute and takes from the file or `output_shape`: Lambda. */
  | 'recorded'
  /** The input's shape passes through: activations, dropout, normalization. */
  | 'unchanged';

export type StepRule = WindowRule | AxisRule;

/** What every step says: which output axes it sets, from which input sizes, to what. */
export interface StepBase {
  /** The output tensor it shapes, for layers that return several (`return_state`, attention scores); 0 when absent. */
  tensor?: number;
  /** The output axes this step sets, in order; empty for 'drop'. */
  axes: number[];
  /** The sizes it starts from, in order: the input axes it reads (or the values it combines). */
  inputs: Dim[];
  /** The argument the rule takes its numbers from (`units`, `padding`, `target_shape`), when one does. */
  arg?: string;
  /** The sizes it sets, one per entry of `axes`. */
  result: Dim[];
}

/** One spatial axis under a sliding window (conv, pooling, transposed conv). */
export interface WindowStep extends StepBase {
  rule: WindowRule;
  kernel: number;
  stride: number;
  dilation: number;
  /**
   * Zeros before and after the input: TensorFlow's "same" split (⌊total / 2⌋ before), causal's
   * d(k − 1) on the left, 0 for valid. Null when L is unknown, and for a transposed conv, which
   * spreads each input over a window rather than sliding one.
   */
  padBefore: number | null;
  padAfter: number | null;
  /** Trailing input positions (padding included) no window reads: under valid, what the last stride leaves; null as above. */
  dropped: number | null;
  /** Conv*Transpose's `output_padding` on this axis, when given. */
  outputPadding?: number | null;
}

/** ZeroPadding and Cropping: how much is added or removed on each side. */
export interface EdgeStep extends StepBase {
  rule: 'pad' | 'crop';
  before: number;
  after: number;
}

/** UpSampling and DepthwiseConv's channels: the input size times `factor`. */
export interface FactorStep extends StepBase {
  rule: 'upsample' | 'multiply';
  factor: number;
}

export interface PlainStep extends StepBase {
  rule: Exclude<AxisRule, EdgeStep['rule'] | FactorStep['rule']>;
}

/** How one output axis (or a group of them) got its size. */
export type ShapeStep = WindowStep | EdgeStep | FactorStep | PlainStep;

/** The step a weightless same-shape layer takes: every axis passes through. */
export const unchangedSteps = (input: Shape): ShapeStep[] => [
  { rule: 'unchanged', axes: input.map((_, i) => i), inputs: input, result: input },
];

/** A step with no operands but its argument: `plainStep('set-to-arg', [3], [1], [32], 'filters')`. */
export function plainStep(rule: PlainStep['rule'], axes: number[], inputs: Dim[], result: Dim[], arg?: string): PlainStep {
  return arg === undefined ? { rule, axes, inputs, result } : { rule, axes, inputs, result, arg };
}

/** The same steps for another output tensor (a recurrent layer's states, attention scores). */
export const forTensor = (tensor: number, steps: ShapeStep[]): ShapeStep[] => (tensor === 0 ? steps : steps.map((s) => ({ ...s, tensor })));

/**
 * Every output axis of a right-aligned broadcast (element-wise merges): `inputs` holds, axis by
 * axis, what each input had there (1 where it had no such axis), so a 1 stretching is visible.
 */
export function broadcastStep(inputs: Shape[], output: Shape): ShapeStep {
  const axes = output.map((_, i) => i);
  const at = (s: Shape, k: number): Dim => {
    const i = k - (output.length - s.length);
    return i < 0 ? 1 : (s[i] ?? null);
  };
  return plainStep(
    'broadcast',
    axes,
    axes.flatMap((k) => inputs.map((s) => at(s, k))),
    output,
  );
}
