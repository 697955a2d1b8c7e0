/**
 * A formula with the reader's numbers in it, each number coloured and underlined like the field
 * it came from, lit up while that field has focus or the pointer, and named in a legend below.
 * A sum of labelled parts (attention's projections, scores and weighted sum) is written one part
 * per line, each named and with its own value, so six long products stay readable on a phone.
 */
import { resultText, type Term } from '@calc/basics.ts';
import type { RoleNames } from '@i18n/index.ts';
import { roleName } from '@i18n/fill.ts';
import type { Token } from './formula-tokens.ts';

type NumToken = Extract<Token, { kind: 'num' }>;

/** One labelled part of a sum: its name, its tokens and the term they write. */
export interface FormulaPart {
  label: string;
  term: Term;
  tokens: Token[];
}

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
  /** The formula's terms as labelled parts, one line each; `tokens` still drive the legend. */
  parts?: FormulaPart[] | undefined;
}

/** A legend entry's identity: the same number with the same meaning from the same field. */
export const legendKey = (t: NumToken): string => `${t.text}|${t.term.role}|${t.field}`;

/** One number of the formula. */
function Num({ token, tie, hot, role }: { token: NumToken; tie: number | null; hot: boolean; role: string }) {
  return (
    <span class="pl-num" data-tie={tie ?? undefined} data-hot={hot ? 'true' : undefined} data-from={token.field ?? undefined} title={role}>
      {token.text}
    </span>
  );
}

export function FormulaView({ formula, tokens, tieOf, hot, roles, legend, result = 'formula', known, parts }: Props) {
  const role = (t: NumToken): string => roleName(roles, t.term.role, t.term.value);
  const run = (list: Token[]) =>
    list.map((t) =>
      t.kind === 'sym' ? t.text : <Num token={t} tie={tieOf(t.field)} hot={hot !== null && t.field === hot} role={role(t)} />,
    );
  const nums = tokens.filter((t): t is NumToken => t.kind === 'num');
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
      {parts ? (
        <code class="pl-formula pl-formula--parts" data-result={result}>
          {parts.map((p, i) => (
            <span class="pl-formula__part" data-part={i}>
              <span class="pl-formula__name">{p.label}</span>
              {i > 0 ? '+ ' : ''}
              {run(p.tokens)}
              {` = ${resultText(p.term)}`}
            </span>
          ))}
          <span class="pl-formula__part">{`= ${resultText(formula)}`}</span>
        </code>
      ) : (
        <code class="pl-formula" data-result={result}>
          {run(tokens)}
          {` = ${resultText(formula)}`}
        </code>
      )}
      {entries.length > 0 && (
        <span class="pl-legend">
          <span class="pl-sr">{legend} </span>
          {entries.map((t) => (
            <span class="pl-legend__item">
              <Num token={t} tie={tieOf(t.field)} hot={hot !== null && t.field === hot} role={role(t)} /> {role(t)}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
