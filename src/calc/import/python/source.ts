/**
 * Python source as a tree, through @lezer/python (CodeMirror's grammar): positions turned into
 * lines and columns, and the first syntax error found. Python refuses to run a file with a syntax
 * error, so the reader does too, pointing at it.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Loc } from './values.ts';

export type { SyntaxNode };

export class Source {
  readonly tree: Tree;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.tree = parser.parse(withoutTrailingPoints(text));
  }

  /** 1-based line and column of an offset (columns count UTF-16 units, as editors do). */
  loc(offset: number): Loc {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  at(node: SyntaxNode): Loc {
    return this.loc(node.from);
  }

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  /** The first place the grammar could not parse, and what stands there. */
  syntaxError(): { at: Loc; found: string } | undefined {
    let found: { at: Loc; found: string } | undefined;
    this.tree.iterate({
      enter: (n) => {
        if (found) return false;
        if (n.type.isError) {
          const next = this.text.slice(n.from).match(/^\s*(\S{1,20})/);
          const at = n.from === n.to && next ? n.from + next[0].length - next[1]!.length : n.from;
          found = { at: this.loc(Math.min(at, this.text.length)), found: next?.[1] ?? '' };
          return false;
        }
        return undefined;
      },
    });
    return found;
  }
}

/**
 * `1.` and `1./127.5` are Python floats the grammar does not accept; `1 ` and `1 /127.5` mean the
 * same number to the evaluator (it keeps no int/float distinction) and keep every position. Only
 * code is touched: strings and comments are skipped.
 */
export function withoutTrailingPoints(text: string): string {
  let out: string[] | undefined;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
      continue;
    }
    // a point after digits (not after a name such as x1), not followed by a digit, a name or another point
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && !/[\w.]/.test(text[i + 1] ?? '')) {
      let j = i - 1;
      while (j >= 0 && /\d/.test(text[j]!)) j--;
      if (j >= 0 && /[\w.]/.test(text[j]!)) continue;
      out ??= text.split('');
      out[i] = ' ';
    }
  }
  return out ? out.join('') : text;
}

/**
 * The children of a node, punctuation included (lezer names `(`, `,`, `:` as nodes too), comments
 * left out. The grammar skips `# …` wherever it stands, so a comment turns up as a child of
 * whatever node is open there: between the items of a list, the arguments of a call, the
 * statements of a body, an operator and its operand. Python ignores it, and so does every reader
 * of a node's children: they all come through here.
 */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', ';']);

/** Children that carry meaning: no brackets, commas or colons. */
export const parts = (node: SyntaxNode): SyntaxNode[] => children(node).filter((c) => !PUNCTUATION.has(c.name));
