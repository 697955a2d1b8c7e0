/**
 * The hint ladder and worked solution of a question whose answer is a formula from src/calc:
 * first the formula in words, then the same formula with this question's numbers, then the
 * arithmetic one step short of the answer; the solution is the whole equation.
 */
import { evaluate, formulaText, groupDigits, type Term } from '@calc/basics.ts';
import { roleName } from '@i18n/fill.ts';
import { roleNames } from '@i18n/index.ts';
import type { Text } from './types.ts';

/** Roles whose number is fixed by the kind of layer (the + 1 of a bias, LSTM's 4 gates): written as numbers even in words. */
const CONSTANT_ROLES = new Set(['bias', 'gates', 'statistics', 'bias sets', 'directions', 'scalar', 'weight vectors']);

function words(term: Term, locale: keyof Text, parent?: '×' | '+' | '/'): string {
  if (term.kind === 'num') {
    const names = roleNames[locale];
    if (!CONSTANT_ROLES.has(term.role)) return roleName(names, term.role, 2);
    // a bias of one per unit or filter (LSTM's `+ units`) is named after that argument; a bare `+ 1` stays a number
    if (term.arg === undefined) return groupDigits(term.value);
    return Object.hasOwn(names, term.arg) ? roleName(names, term.arg as keyof typeof names, 2) : term.arg;
  }
  const inner = term.terms.map((t) => words(t, locale, term.op)).join(` ${term.op} `);
  return parent === '×' && term.op === '+' && term.terms.length > 1 ? `(${inner})` : inner;
}

/** The formula with role names for the reader's numbers: `filters × (input channels × kernel height × kernel width + 1)`. */
export const formulaInWords = (term: Term): Text => ({ en: words(term, 'en'), 'zh-cn': words(term, 'zh-cn') });

/** One step of arithmetic: every operation whose operands are all plain numbers is worked out. */
function stepOnce(term: Term): Term {
  if (term.kind === 'num') return term;
  if (term.terms.every((t) => t.kind === 'num')) return { kind: 'num', value: evaluate(term), role: 'count' };
  return { ...term, terms: term.terms.map(stepOnce) };
}

/** `64 × (32 × 3 × 3 + 1)` → [`64 × (288 + 1)`, `64 × 289`]: each line one step further, the answer not included. */
export function arithmeticSteps(term: Term): string[] {
  const steps: string[] = [];
  let t = stepOnce(term);
  while (t.kind === 'op') {
    steps.push(formulaText(t));
    t = stepOnce(t);
  }
  return steps;
}

const same = (text: string): Text => ({ en: text, 'zh-cn': text });

/**
 * The three hints for a count given by `term`: in words, substituted, and the arithmetic short of
 * the last multiplication. `lead` (optional) goes before the words: what the formula is of.
 */
export function formulaHints(term: Term, lead?: Text): [Text, Text, Text] {
  const inWords = formulaInWords(term);
  const substituted = formulaText(term);
  const steps = arithmeticSteps(term);
  const arithmetic = steps.length > 0 ? `${substituted} = ${steps.join(' = ')}` : substituted;
  return [
    {
      en: `${lead ? `${lead.en} ` : ''}The count is \`${inWords.en}\`.`,
      'zh-cn': `${lead ? lead['zh-cn'] : ''}参数量的公式：\`${inWords['zh-cn']}\`。`,
    },
    { en: `Here that is \`${substituted}\`.`, 'zh-cn': `代入这道题的数：\`${substituted}\`。` },
    { en: `Work it out: \`${arithmetic}\` = ?`, 'zh-cn': `算一算：\`${arithmetic}\` = ？` },
  ];
}

/** The worked solution of a count given by `term`, with an optional sentence after it. */
export function formulaSolution(term: Term, after?: Text): Text {
  const steps = arithmeticSteps(term);
  const chain = [formulaText(term), ...steps, groupDigits(evaluate(term))].join(' = ');
  return {
    en: `Parameters: \`${chain}\`.${after ? ` ${after.en}` : ''}`,
    'zh-cn': `参数量：\`${chain}\`。${after ? after['zh-cn'] : ''}`,
  };
}

export { same };
