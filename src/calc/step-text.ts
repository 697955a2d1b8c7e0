/**
 * A shape step's arithmetic as a line of math (`⌊(13 − 3) / 1⌋ + 1 = ⌊10 / 1⌋ + 1 = 11`,
 * `3 × 3 × 64 = 576`), written from the numbers the step carries, never from a layer's arguments.
 * No words: the explorer puts the step's rule into the reader's language around it.
 */
import type { ShapeStep, WindowStep } from './explain.ts';
import { groupDigits } from './text.ts';
import type { Dim } from './types.ts';

const dim = (d: Dim | undefined): string => (d === null || d === undefined ? 'None' : String(d));

/** The dilated window's span: `3`, or `(2 × (3 − 1) + 1)` when dilated. */
const spanText = (kernel: number, dilation: number): string => (dilation === 1 ? String(kernel) : `(${dilation} × (${kernel} − 1) + 1)`);

/** One axis under a window: the valid floor, the same/causal ceiling, or a transposed conv's growth. */
export function windowArithmetic(step: WindowStep): string {
  const L = step.inputs[0];
  const out = dim(step.result[0]);
  if (L === null || L === undefined) return out;
  const { kernel: k, stride: s, dilation: d } = step;
  const span = d * (k - 1) + 1;
  const op = step.outputPadding;
  switch (step.rule) {
    case 'conv-valid':
    case 'pool-valid':
      return `⌊(${L} − ${spanText(k, d)}) / ${s}⌋ + 1 = ⌊${L - span} / ${s}⌋ + 1 = ${out}`;
    case 'conv-same':
    case 'pool-same':
    case 'conv-causal':
      return `⌈${L} / ${s}⌉ = ${out}`;
    case 'transpose-valid':
      if (op !== null && op !== undefined) return `(${L} − 1) × ${s} + ${spanText(k, d)} + ${op} = ${out}`;
      return span >= s ? `(${L} − 1) × ${s} + ${spanText(k, d)} = ${out}` : `(${L} − 1) × ${s} + ${s} = ${out}`;
    case 'transpose-same':
      if (op !== null && op !== undefined) return `(${L} − 1) × ${s} + (${spanText(k, d)} mod 2) + ${op} = ${out}`;
      return `${L} × ${s} = ${out}`;
  }
}

const joined = (dims: readonly Dim[], op: string): string => dims.map(dim).join(` ${op} `);

/** Whether a step slides a window (conv, pooling, transposed conv). */
export const isWindowStep = (step: ShapeStep): step is WindowStep => 'kernel' in step;

/** The line of math a step stands for, or null when its rule has none (a size set by an argument, an axis passed through). */
export function stepArithmetic(step: ShapeStep): string | null {
  if (isWindowStep(step)) return windowArithmetic(step);
  const result = step.result.length === 1 ? dim(step.result[0]) : null;
  if (result === null) return null;
  const known = step.result[0] !== null;
  switch (step.rule) {
    case 'product':
      return `${joined(step.inputs, '×')} = ${known ? groupDigits(step.result[0]!) : result}`;
    case 'concat-sum':
      return `${joined(step.inputs, '+')} = ${result}`;
    case 'multiply':
    case 'upsample':
      return `${dim(step.inputs[0])} × ${step.factor} = ${result}`;
    case 'pad':
      return `${step.before} + ${dim(step.inputs[0])} + ${step.after} = ${result}`;
    case 'crop':
      return `${dim(step.inputs[0])} − ${step.before} − ${step.after} = ${result}`;
    default:
      return null;
  }
}
