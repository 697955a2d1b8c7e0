/**
 * A formula with the reader's numbers in it, each number coloured and underlined like the field
 * it came from, lit up while that field has focus or the pointer, and named in a legend below.
 */
import { evaluate, groupDigits, type Term } from '@calc/basics.ts';
import type { RoleNames } from '@i18n/index.ts';
import type { Token } from './formula-tokens.ts';

interface Props {
  formula: Term;
  tokens: Token[];
  /** Field index → its colour slot (null: no colour). */
  tieOf: (field: number | null) => number | null;
  hot: number | null;
  roles: RoleNames;
  legend: string;
  /** What the formula counts, for tests and styles: `formula` (parameters) or `macs`. */
  result?: string;
  /** Legend entries (`text|role|field`) another formula beside this one already explains. */
  known?: ReadonlySet<string>;
}

/** A legend entry's identity: the same number with the same meaning from the same field. */
export const legendKey = (t: Extract<Token, { kind: 'num' }>): string => `${t.text}|${t.term.role}|${t.field}`;

/** One number of the formula. */
function Num({ token, tie, hot, role }: { token: Extract<Token, { kind: 'num' }>; tie: number | null; hot: boolean; role: string }) {
  return (
    <span class="pl-num" data-tie={tie ?? undefined} data-hot={hot ? 'true' : undefined} data-from={token.field ?? undefined} title={role}>
      {token.text}
    </span>
  );
}

export function FormulaView({ formula, tokens, tieOf, hot, roles, legend, result = 'formula', known }: Props) {
  const nums = tokens.filter((t): t is Extract<Token, { kind: 'num' }> => t.kind === 'num');
  // one legend entry per distinct number and meaning, in reading order
  const seen = new Set<string>(known);
  const entries = nums.filter((t) => {
    const key = legendKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <>
      <code class="pl-formula" data-result={result}>
        {tokens.map((t) =>
          t.kind === 'sym' ? (
            t.text
          ) : (
            <Num token={t} tie={tieOf(t.field)} hot={hot !== null && t.field === hot} role={roles[t.term.role]} />
          ),
        )}
        {` = ${groupDigits(evaluate(formula))}`}
      </code>
      {entries.length > 0 && (
        <span class="pl-legend">
          <span class="pl-sr">{legend} </span>
          {entries.map((t) => (
            <span class="pl-legend__item">
              <Num token={t} tie={tieOf(t.field)} hot={hot !== null && t.field === hot} role={roles[t.term.role]} /> {roles[t.term.role]}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
