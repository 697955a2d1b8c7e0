/**
 * A remark plugin: a line break in the Markdown source between two Chinese characters is not a
 * space. Chinese runs words together, so the soft break a hard-wrapped source line leaves inside a
 * paragraph ("…并不神秘，\n它们都由…") must vanish, where in English it is the space between two
 * words. Between a Chinese character and a Latin letter, a digit or inline code the break stays a
 * space, which is the one space glossary-zh.md asks for there.
 *
 * The break may sit inside one text node or at the edge of one, next to emphasis, a link or inline
 * code; the character on the far side is then read from that neighbour. A neighbour whose text is
 * not in the tree (an MDX component such as <Fact />) leaves the break alone.
 */

/** The mdast shape this plugin reads: a node with text (`value`) or children. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Han ideographs, CJK punctuation and full-width forms: characters that take no space between them. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** Characters Chinese text shares with English: they join a break only when a CJK character is on the other side. */
const SHARED = /[“”‘’…—]/u;

const isCjk = (c: string | undefined): boolean => c !== undefined && CJK.test(c);
const isWide = (c: string | undefined): boolean => c !== undefined && (CJK.test(c) || SHARED.test(c));

/** Full-width punctuation (，。：；、（）): it carries its own spacing, whatever stands beside it. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const isFullWidthPunctuation = (c: string | undefined): boolean => c !== undefined && FULL_WIDTH_PUNCTUATION.test(c);

/** True when a line break between `before` and `after` should be dropped rather than read as a space. */
export function joinsWithoutSpace(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  // "权重，\nGRU" reads 权重，GRU: after a full-width comma no space is wanted, Latin or not
  if (isFullWidthPunctuation(before) || isFullWidthPunctuation(after)) return true;
  return (isCjk(before) && isWide(after)) || (isWide(before) && isCjk(after));
}

/** Nodes whose text is code or math: a line break inside them is theirs. */
const OPAQUE = new Set(['inlineCode', 'code', 'inlineMath', 'math', 'html']);

/** The last (or first) character a reader sees of a node, when the tree holds it. */
function edgeChar(node: MdNode | undefined, end: 'first' | 'last'): string | undefined {
  if (!node) return undefined;
  if (typeof node.value === 'string') {
    const chars = [...node.value];
    return end === 'last' ? chars[chars.length - 1] : chars[0];
  }
  if (!node.children || node.children.length === 0) return undefined;
  return edgeChar(end === 'last' ? node.children[node.children.length - 1] : node.children[0], end);
}

const INNER_BREAK = /(\S)[ \t]*\n[ \t]*(?=(\S))/gu;
const LEADING_BREAK = /^[ \t]*\n[ \t]*/u;
const TRAILING_BREAK = /[ \t]*\n[ \t]*$/u;

function fixChildren(parent: MdNode): void {
  const children = parent.children;
  if (!children) return;
  children.forEach((child, i) => {
    if (child.type === 'text' && typeof child.value === 'string') {
      let value = child.value.replace(INNER_BREAK, (whole, a: string, b: string) => (joinsWithoutSpace(a, b) ? a : whole));
      const lead = LEADING_BREAK.exec(value);
      if (
        lead &&
        lead[0].length < value.length &&
        joinsWithoutSpace(edgeChar(children[i - 1], 'last'), [...value.slice(lead[0].length)][0])
      ) {
        value = value.slice(lead[0].length);
      }
      const trail = TRAILING_BREAK.exec(value);
      if (trail && trail.index > 0 && joinsWithoutSpace([...value.slice(0, trail.index)].pop(), edgeChar(children[i + 1], 'first'))) {
        value = value.slice(0, trail.index);
      }
      child.value = value;
    } else if (!OPAQUE.has(child.type)) {
      fixChildren(child);
    }
  });
}

/** The plugin: `remarkPlugins: [remarkCjkLineBreaks]`. */
export default function remarkCjkLineBreaks() {
  return (tree: MdNode): void => fixChildren(tree);
}
