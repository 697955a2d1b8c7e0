/**
 * Teaching formulas as structured terms, so a widget can colour each number and tie it to the
 * input it came from. A formula is checked against the weight-derived count, never trusted alone.
 */
import { groupDigits } from './text.ts';

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
  | 'units' | 'filters' | 'input features' | 'input channels' | 'kernel' | 'bias' | 'groups'
  | 'depth multiplier' | 'vocabulary' | 'embedding size' | 'gates' | 'recurrent units'
  | 'heads' | 'key size' | 'value size' | 'output size' | 'channels' | 'statistics'
  | 'normalized size' | 'count' | 'elements' | 'weight vectors' | 'bias sets' | 'directions' | 'scalar';

export interface OpTerm {
  kind: 'op';
  op: '×' | '+';
  terms: Term[];
}

export type Term = NumTerm | OpTerm;

export const num = (value: number, role: TermRole, arg?: string): NumTerm =>
  arg === undefined ? { kind: 'num', value, role } : { kind: 'num', value, role, arg };
export const mul = (...terms: Term[]): OpTerm => ({ kind: 'op', op: '×', terms });
export const add = (...terms: Term[]): OpTerm => ({ kind: 'op', op: '+', terms });

/** The value a formula denotes. */
export function evaluate(term: Term): number {
  if (term.kind === 'num') return term.value;
  return term.op === '×'
    ? term.terms.reduce((acc, t) => acc * evaluate(t), 1)
    : term.terms.reduce((acc, t) => acc + evaluate(t), 0);
}

/** `64 × (32 × 3 × 3 + 1)`: a sum inside a product gets parentheses, nothing else does. */
export function formulaText(term: Term, parent?: OpTerm['op']): string {
  if (term.kind === 'num') return groupDigits(term.value);
  const inner = term.terms.map((t) => formulaText(t, term.op)).join(` ${term.op} `);
  return parent === '×' && term.op === '+' && term.terms.length > 1 ? `(${inner})` : inner;
}

/** `64 × (32 × 3 × 3 + 1) = 18,496` */
export const equationText = (term: Term): string =>
  `${formulaText(term)} = ${groupDigits(evaluate(term))}`;
