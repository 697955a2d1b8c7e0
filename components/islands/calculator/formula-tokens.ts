/**
 * A formula from src/calc as a flat run of tokens a view can colour, each number tied to the
 * field it came from. The tokens read exactly as `formulaText` writes the formula.
 */
import { groupDigits, shapeList, type LayerConfig, type NumTerm, type OpTerm, type Shape, type Term } from '@calc/basics.ts';
import { fieldForArg, parseTarget, type Prepared } from './fields.ts';

/** Which column a formula belongs to: the layer (as applied), its input(s) and its index in the preset. */
export interface Where {
  layer: LayerConfig;
  input: Shape | Shape[];
  index: number;
}

export type Token =
  | { kind: 'num'; text: string; term: NumTerm; field: number | null }
  | { kind: 'sym'; text: string };

/** The formula's tokens, numbers not yet tied to fields: `64`, ` × `, `(`, `32`, …. */
export function formulaTokens(term: Term, parent?: OpTerm['op']): Token[] {
  if (term.kind === 'num') return [{ kind: 'num', text: groupDigits(term.value), term, field: null }];
  const inner = term.terms.flatMap((t, i) => [...(i > 0 ? [{ kind: 'sym', text: ` ${term.op} ` } as Token] : []), ...formulaTokens(t, term.op)]);
  return parent === '×' && term.op === '+' && term.terms.length > 1 ? [{ kind: 'sym', text: '(' }, ...inner, { kind: 'sym', text: ')' }] : inner;
}

/** Roles whose number is the size of an input axis rather than an argument. */
const CHANNEL_ROLES = new Set<NumTerm['role']>(['input channels', 'channels']);
const LAST_AXIS_ROLES = new Set<NumTerm['role']>(['input features', 'normalized size']);

/** The field an input-derived number (input channels, input features) came from, if a field sets that axis. */
function inputFieldFor(preset: Prepared, at: Where, term: NumTerm): number | null {
  const channelsFirst = at.layer.args?.['data_format'] === 'channels_first';
  const shapes = shapeList(at.input);
  const found: { field: number; value: unknown }[] = [];
  preset.fields.forEach((f, i) => {
    const t = parseTarget(f.target);
    if (t?.kind !== 'input') return;
    shapes.forEach((shape, k) => {
      const axis = CHANNEL_ROLES.has(term.role) && channelsFirst ? 1 : shape.length - 1;
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

/** The field a formula number came from: the argument it names, else the input axis its role implies. */
export function fieldOfTerm(preset: Prepared, at: Where, term: NumTerm): number | null {
  if (term.arg !== undefined) return fieldForArg(preset, term.arg, at.index);
  if (CHANNEL_ROLES.has(term.role) || LAST_AXIS_ROLES.has(term.role)) return inputFieldFor(preset, at, term);
  return null;
}

/** The formula's tokens with each number tied to its field. */
export const linkedTokens = (preset: Prepared, at: Where, formula: Term): Token[] =>
  formulaTokens(formula).map((t) => (t.kind === 'num' ? { ...t, field: fieldOfTerm(preset, at, t.term) } : t));
