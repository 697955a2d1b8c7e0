/**
 * A formula from src/calc as a flat run of tokens a view can colour, each number tied to the
 * field it came from. The tokens read exactly as `formulaText` writes the formula.
 */
import { groupDigits, isWindowStep, shapeList, type NumTerm, type OpTerm, type Shape, type ShapeStep, type Term } from '@calc/basics.ts';
import { fieldForArg, parseTarget, type Prepared } from './fields.ts';

/** Which column a formula belongs to: its input(s), the layer's index in the preset, and the shape steps the engine returned. */
export interface Where {
  input: Shape | Shape[];
  index: number;
  steps: readonly ShapeStep[];
}

export type Token = { kind: 'num'; text: string; term: NumTerm; field: number | null } | { kind: 'sym'; text: string };

/** The formula's tokens, numbers not yet tied to fields: `64`, ` × `, `(`, `32`, …. */
export function formulaTokens(term: Term, parent?: OpTerm['op']): Token[] {
  if (term.kind === 'num') return [{ kind: 'num', text: groupDigits(term.value), term, field: null }];
  const inner = term.terms.flatMap((t, i) => [
    ...(i > 0 ? [{ kind: 'sym', text: ` ${term.op} ` } as Token] : []),
    ...formulaTokens(t, term.op),
  ]);
  return parent === '×' && term.op === '+' && term.terms.length > 1
    ? [{ kind: 'sym', text: '(' }, ...inner, { kind: 'sym', text: ')' }]
    : inner;
}

/** Roles whose number is the size of an input axis rather than an argument. */
const CHANNEL_ROLES = new Set<NumTerm['role']>(['input channels', 'channels']);
const LAST_AXIS_ROLES = new Set<NumTerm['role']>(['input features', 'normalized size']);

/**
 * The axis that holds channels: the one besides the batch that no window slides along (axis 1 for
 * channels_first, the last for channels_last), or the last axis of a layer without windows.
 */
function channelAxis(steps: readonly ShapeStep[], rank: number): number {
  const windowed = new Set(steps.filter(isWindowStep).flatMap((s) => s.axes));
  if (windowed.size === 0) return rank - 1;
  for (let a = 1; a < rank; a++) if (!windowed.has(a)) return a;
  return rank - 1;
}

/** The field an input-derived number (input channels, input features) came from, if a field sets that axis. */
function inputFieldFor(preset: Prepared, at: Where, term: NumTerm): number | null {
  const shapes = shapeList(at.input);
  const found: { field: number; value: unknown }[] = [];
  preset.fields.forEach((f, i) => {
    const t = parseTarget(f.target);
    if (t?.kind !== 'input') return;
    shapes.forEach((shape, k) => {
      const axis = CHANNEL_ROLES.has(term.role) ? channelAxis(at.steps, shape.length) : shape.length - 1;
      if (t.axis === axis && (t.input === null || t.input === k)) found.push({ field: i, value: shape[axis] });
    });
  });
  // several inputs (attention's query and value): the one whose size is this number; when two
  // inputs have the same size the formula does not say which it read, so it is tied to neither
  const distinct = (list: typeof found): number[] => [...new Set(list.map((c) => c.field))];
  const sized = distinct(found.filter((c) => c.value === term.value));
  if (sized.length === 1) return sized[0]!;
  const all = distinct(found);
  return sized.length === 0 && all.length === 1 ? all[0]! : null;
}

/** The field that sets axis 1 (a sequence's length) of input `input`, if one does. */
function lengthField(preset: Prepared, input: number): number | null {
  const i = preset.fields.findIndex((f) => {
    const t = parseTarget(f.target);
    return t?.kind === 'input' && t.axis === 1 && (t.input === input || (t.input === null && input === 0));
  });
  return i >= 0 ? i : null;
}

/** Roles that are a sequence's length, by the input they measure (macs.ts): the first, or the value/key (second). */
const LENGTH_ROLES: Partial<Record<NumTerm['role'], number>> = { timesteps: 0, 'query positions': 0, 'key positions': 1 };

/** Roles that are the last axis of one named input: attention's query (0), value (1) and key (2, else the value's field). */
const FEATURE_ROLES: Partial<Record<NumTerm['role'], number[]>> = {
  'query features': [0],
  'value features': [1],
  'key features': [2, 1],
};

/** The field that sets the last axis of input `input`, if one does. */
function featureField(preset: Prepared, at: Where, input: number): number | null {
  const shape = shapeList(at.input)[input];
  if (!shape) return null;
  const i = preset.fields.findIndex((f) => {
    const t = parseTarget(f.target);
    return t?.kind === 'input' && t.axis === shape.length - 1 && (t.input === input || (t.input === null && input === 0));
  });
  return i >= 0 ? i : null;
}

/** The field a formula number came from: the argument it names, else the input axis its role implies. */
export function fieldOfTerm(preset: Prepared, at: Where, term: NumTerm): number | null {
  if (term.arg !== undefined) return fieldForArg(preset, term.arg, at.index);
  if (CHANNEL_ROLES.has(term.role) || LAST_AXIS_ROLES.has(term.role)) return inputFieldFor(preset, at, term);
  const inputs = FEATURE_ROLES[term.role];
  if (inputs) {
    for (const k of inputs) {
      const f = featureField(preset, at, k);
      if (f !== null) return f;
    }
    return null;
  }
  // a sequence's length is its input's axis 1 (macs.ts)
  const input = LENGTH_ROLES[term.role];
  if (input !== undefined) return lengthField(preset, input);
  return null;
}

/** The formula's tokens with each number tied to its field. */
export const linkedTokens = (preset: Prepared, at: Where, formula: Term): Token[] =>
  formulaTokens(formula).map((t) => (t.kind === 'num' ? { ...t, field: fieldOfTerm(preset, at, t.term) } : t));
